"""Whether a quoted string occurs in an article: the one matching rule models, verifier and LLM layer share.

Matching ignores differences of whitespace, quote marks, dashes, Unicode
compatibility forms and letter case; a quote may elide text with "..." as long as
its parts occur in order. Nothing else is forgiven.

While a request is being validated, the article is held in a context variable
rather than passed as instructor's ``context``: instructor renders messages as
Jinja templates whenever a context is given, which would rewrite any article
that happens to contain ``{{`` or ``{%``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["checking_against", "find_missing", "normalize", "raise_if_ungrounded"]

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
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|\[\.\.\.\])\s*")
_EDGE = " \"'"

_article: ContextVar[str | None] = ContextVar("summarizer_grounding_article", default=None)


def normalize(text: str) -> str:
    """Fold whitespace, quote marks, dashes, compatibility forms and case."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().casefold()


def _occurs(article: str, quote: str) -> bool:
    parts = [p.strip(_EDGE) for p in _ELLIPSIS.split(normalize(quote).strip(_EDGE))]
    parts = [p for p in parts if p]
    if not parts:
        return False
    start = 0
    for part in parts:
        found = article.find(part, start)
        if found < 0:
            return False
        start = found + len(part)
    return True


def find_missing(article: str, items: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Return the (path, text) items whose text is not in the normalised article."""
    return [(path, text) for path, text in items if not _occurs(article, text)]


@contextmanager
def checking_against(article_text: str) -> Iterator[str]:
    """Make ``raise_if_ungrounded`` check against this article inside the block."""
    normalized = normalize(article_text)
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
