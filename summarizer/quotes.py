"""Whether a quoted string occurs in an article: the one matching rule models, verifier and LLM layer share.

Matching ignores differences of whitespace, quote marks, dashes, Unicode
compatibility forms and letter case; a quote may elide text with "..." as long as
its parts occur in order. Nothing else is forgiven.

``ArticleIndex`` maps the normalised article back to the original characters, so
a quote the rule accepts can be placed: ``locate`` gives the original offsets of
each of its parts.

While a request is being validated, the article is held in a context variable
rather than passed as instructor's ``context``: instructor renders messages as
Jinja templates whenever a context is given, which would rewrite any article
that happens to contain ``{{`` or ``{%``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

__all__ = [
    "ArticleIndex",
    "checking_against",
    "find_missing",
    "locate",
    "normalize",
    "quote_parts",
    "raise_if_ungrounded",
]

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
    }
)
_SPACE = re.compile(r"\s+")
_RUN = re.compile(r"\s{2,}")
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|\[\.\.\.\])\s*")
_EDGE = " \"'"
_CLUSTER = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")  # a non-ASCII run and the base a combining mark may need

_article: ContextVar[str | None] = ContextVar("summarizer_grounding_article", default=None)


def normalize(text: str) -> str:
    """Fold whitespace, quote marks, dashes, compatibility forms and case."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().casefold()


def quote_parts(quote: str) -> list[str]:
    """The normalised pieces a quote must match in order: split at "..." elisions, outer quote marks off."""
    return list(_parts(quote))


@lru_cache(maxsize=4096)
def _parts(quote: str) -> tuple[str, ...]:
    # a quote is checked while the answer validates and again when it is placed: normalised once
    parts = [p.strip(_EDGE) for p in _ELLIPSIS.split(normalize(quote).strip(_EDGE))]
    return tuple(p for p in parts if p)


def _occurs(article: str, quote: str) -> bool:
    parts = _parts(quote)
    if not parts:
        return False
    start = 0
    for part in parts:
        found = article.find(part, start)
        if found < 0:
            return False
        start = found + len(part)
    return True


class _Map:
    """Where each character of a derived string came from: pieces copied one to one, and lumps.

    A lump is derived text that came from a few source characters as a whole (an
    NFKC expansion, a whitespace run folded to one space); a span may not start
    or end inside one without taking all of it.
    """

    __slots__ = ("_at", "_lump", "_src", "_src_end", "size")

    def __init__(self) -> None:
        self._at: list[int] = []
        self._src: list[int] = []
        self._src_end: list[int] = []
        self._lump: list[bool] = []
        self.size = 0

    def add(self, length: int, src: int, src_end: int, *, lump: bool) -> None:
        """Append ``length`` derived characters taken from source[src:src_end]."""
        if length:
            self._at.append(self.size)
            self._src.append(src)
            self._src_end.append(src_end)
            self._lump.append(lump)
            self.size += length

    def start(self, i: int) -> int:
        """Source offset where derived character i begins."""
        k = bisect_right(self._at, i) - 1
        return self._src[k] if self._lump[k] else self._src[k] + i - self._at[k]

    def stop(self, i: int) -> int:
        """Source offset just past derived character i."""
        k = bisect_right(self._at, i) - 1
        return self._src_end[k] if self._lump[k] else self._src[k] + i - self._at[k] + 1

    def boundary(self, i: int) -> bool:
        """True unless derived offset i falls inside a lump."""
        if i >= self.size:
            return True
        k = bisect_right(self._at, i) - 1
        return not self._lump[k] or self._at[k] == i


class ArticleIndex:
    """An article's normalised text with a map back to the original characters.

    Built once per article (linear; ASCII text and single spaces cost next to
    nothing); ``locate`` then places any number of quotes. Offsets are into the
    text given, end exclusive.
    """

    __slots__ = ("_folds", "_lead", "_spaces", "exact", "normalized", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        folded, self._folds, exact = _fold(text)
        collapsed, self._spaces = _collapse(folded)
        self._lead = 1 if collapsed.startswith(" ") else 0
        trail = 1 if len(collapsed) > self._lead and collapsed.endswith(" ") else 0
        self.normalized = collapsed[self._lead : len(collapsed) - trail]
        # where NFKC composed across clusters the map is not the rule's text: nothing is placed
        # rather than misplaced (whitespace folds the same either way, so _fold's answer holds)
        self.exact = exact

    @property
    def rule_text(self) -> str:
        """The article as the matching rule sees it (``normalize``), from the index when it is exact."""
        return self.normalized if self.exact else normalize(self.text)

    def locate(self, quote: str) -> list[tuple[int, int]] | None:
        """Return the (start, end) of each part of a quote the rule accepts, or None.

        A quote without "..." has one part. Where NFKC or case folding turned one
        character into several and a match starts or ends inside them, an
        occurrence on whole characters is preferred; failing that, the span
        widens to the whole character.
        """
        parts = _parts(quote)
        if not parts or not self.exact:
            return None
        return self._place(parts, whole=True) or self._place(parts, whole=False)

    def _place(self, parts: tuple[str, ...], *, whole: bool) -> list[tuple[int, int]] | None:
        placed = []
        start = 0
        for part in parts:
            found = self.normalized.find(part, start)
            while whole and found >= 0 and not self._whole(found, found + len(part)):
                found = self.normalized.find(part, found + 1)
            if found < 0:
                return None
            start = found + len(part)
            first = self._spaces.start(found + self._lead)
            last = self._spaces.stop(start - 1 + self._lead) - 1
            placed.append((self._folds.start(first), self._folds.stop(last)))
        return placed

    def _whole(self, begin: int, end: int) -> bool:
        begin, end = begin + self._lead, end + self._lead
        if not (self._spaces.boundary(begin) and self._spaces.boundary(end)):
            return False
        first = self._spaces.start(begin)
        last = self._spaces.stop(end - 1) - 1
        return self._folds.boundary(first) and self._folds.boundary(last + 1)


def _fold(text: str) -> tuple[str, _Map, bool]:
    """Apply NFKC, the quote/dash table and case folding, keeping where each output character came from.

    Also say whether the result is what ``normalize`` folds (before whitespace): NFKC
    may compose across the clusters folded one by one (e.g. Hangul jamo).
    """
    out: list[str] = []
    where = _Map()
    exact = True
    pos = 0
    for match in _CLUSTER.finditer(text):
        begin, stop = match.span()
        if pos < begin:  # ASCII folds one character to one; of the table only ` applies
            out.append(text[pos:begin].replace("`", "'").casefold())
            where.add(begin - pos, pos, begin, lump=False)
        i = begin
        first = len(out)
        while i < stop:  # one base character with its combining marks at a time
            j = i + 1
            while j < stop and unicodedata.combining(text[j]):
                j += 1
            piece = unicodedata.normalize("NFKC", text[i:j]).translate(_QUOTES).casefold()
            out.append(piece)
            where.add(len(piece), i, j, lump=len(piece) != 1 or j - i != 1)
            i = j
        # NFKC never joins across an ASCII character, so the text folds as the rule folds it
        # exactly when each non-ASCII cluster, folded whole, gives the pieces folded one by one
        exact = (
            exact
            and "".join(out[first:]) == unicodedata.normalize("NFKC", text[begin:stop]).translate(_QUOTES).casefold()
        )
        pos = stop
    if pos < len(text):
        out.append(text[pos:].replace("`", "'").casefold())
        where.add(len(text) - pos, pos, len(text), lump=False)
    return "".join(out), where, exact


def _collapse(folded: str) -> tuple[str, _Map]:
    """Fold each whitespace run to one space, as ``normalize`` does; a lone whitespace character maps one to one."""
    where = _Map()
    pos = 0
    for match in _RUN.finditer(folded):
        begin, stop = match.span()
        where.add(begin - pos, pos, begin, lump=False)
        where.add(1, begin, stop, lump=True)
        pos = stop
    where.add(len(folded) - pos, pos, len(folded), lump=False)
    return _SPACE.sub(" ", folded), where


def locate(article: str, quote: str) -> list[tuple[int, int]] | None:
    """Return where each part of a quote sits in the original article, or None; see ArticleIndex."""
    return ArticleIndex(article).locate(quote)


def find_missing(article: str, items: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Return the (path, text) items whose text is not in the normalised article."""
    return [(path, text) for path, text in items if not _occurs(article, text)]


@contextmanager
def checking_against(article: str | ArticleIndex) -> Iterator[str]:
    """Make ``raise_if_ungrounded`` check against this article inside the block.

    Given an ``ArticleIndex``, its normalised text is used: the article is normalised once per request.
    """
    normalized = article.rule_text if isinstance(article, ArticleIndex) else normalize(article)
    token = _article.set(normalized)
    try:
        yield normalized
    finally:
        _article.reset(token)


def raise_if_ungrounded(items: Iterable[tuple[str, str]]) -> None:
    """Raise ValueError naming every quote missing from the active article."""
    article = _article.get()
    if article is None:
        return
    missing = find_missing(article, items)
    if missing:
        listed = "; ".join(f"{path}: {text!r}" for path, text in missing)
        raise ValueError(
            f"{len(missing)} quoted string(s) do not occur in the article: {listed}. "
            "Copy quotes, cues and evidence character for character from the article, "
            "or leave that item out."
        )
