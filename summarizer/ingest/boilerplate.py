"""Remove page boilerplate from the plain text of a saved news page, keeping whole lines.

Each line gets a score: prose lines (enough words, sentence punctuation, mostly lowercase
words) count their words, short lines cost a little and page furniture (social and share
links, cookie and subscription prompts, copyright, bylines, captions, counters, timestamps,
lines the page repeats) costs more.  The article is the contiguous run of lines with the
highest total (maximum-sum segment), cut at a comments heading, or at a "related / most
read" heading when what follows it is a list (teasers between short lines) rather than
more paragraphs, and widened over neighbouring plain lines: the headline and standfirst
above, lists and tables below.  Inside it, furniture lines and related-story boxes are
dropped; everything returned is an input line, verbatim and in order.  A text with at most
one furniture line and few menu-like lines is taken as already clean and comes back whole.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

__all__ = ["DEFAULT", "Params", "clean_page_text"]

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
# Kana and CJK ideographs: scripts written without spaces between words.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CLOSERS = "\"'\u201d\u2019\u00bb)\\]"
_SENTENCE_END = re.compile(rf"[.!?\u2026\u3002\uff01\uff1f][{_CLOSERS}]*$")
_INNER_END = re.compile(rf"[.!?\u2026][{_CLOSERS}]*\s+[\"'\u201c\u2018(]*[A-Z]")
_TEASER_END = re.compile(r"(\w|[,;])\s*(\.\.\.|\u2026)$")
_LINK = re.compile(r"https?://|www\.\w")
# The patterns from here on run on the lowercased line.
_URL = re.compile(r"https?://|www\.|\S+@\S+\.\w+|\.(com|org|net)\b|(^|\s)@\w")
_BYLINE = re.compile(r"^(by|posted|published|updated|written by)\b")
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_TIMESTAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}"
    r"|\b\d{1,2}:\d{2}\b|\b\d{1,2}\.\d{2}\s*(am|pm|a\.m\.|p\.m\.)"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b\d+\s+(second|minute|min|hour|hr|day|week|month|year)s?\s+ago\b"
    rf"|\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\b|\b\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}\b",
)
_LEGAL = re.compile(r"\u00a9|\(c\) \d{4}|all rights reserved")
_CAPTION = re.compile(
    r"\b(credit|photo|photograph|image|picture|source)s?\s*:|\(pictured\)|\bfile photo\b|\bgetty images\b"
    r"|\b(photo|image|picture)s? (by|courtesy|credit)\b",
)
_COMMENTS_HEADING = (
    r"comments?|\d+ (comments?|responses?|replies|thoughts)|leave a (reply|comment)|join the (conversation|discussion)"
)
# A heading that opens a list of other stories or the comments.
_END_MARKER = re.compile(
    r"^\W*(related|similar|more|most|latest|trending|trends|recommended|popular|top stories|further|other"
    r"|you may|you might|read next|what to read|share this|sponsored|" + _COMMENTS_HEADING + r")\b"
    r"(\W*(\w+\W*){0,4}$|[^:.!?]{0,30}:)"
)
# The comments heading ends the article even when the comments run in paragraphs.
_COMMENTS = re.compile(r"^\W*(" + _COMMENTS_HEADING + r")\b")


def _phrase_set(*phrases: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(phrase.split()) for phrase in phrases)


# Words of page furniture: one is enough on a very short line, two on a short one.
_FURNITURE_WORDS = frozenset(
    {
        *("share", "shares", "shared", "sharing", "tweet", "twitter", "facebook", "instagram", "youtube"),
        *("linkedin", "whatsapp", "telegram", "pinterest", "reddit", "email", "print", "subscribe"),
        *("subscription", "subscriber", "newsletter", "newsletters", "login", "logout", "signin", "signup"),
        *("register", "account", "cookie", "cookies", "consent", "privacy", "copyright", "advertisement"),
        *("advert", "advertise", "sponsored", "related", "trending", "trends", "latest", "recommended"),
        *("comment", "comments", "reply", "view", "views", "click", "tap", "download", "getty", "loading"),
    }
)
_FURNITURE_PHRASES = _phrase_set(
    *("e mail", "sign in", "sign up", "sign out", "log in", "log out", "terms of", "rights reserved"),
    *("read more", "more from", "most read", "most popular", "most viewed", "most shared", "most commented"),
    *("follow us", "app store", "google play", "skip to", "to top"),
)
_FURNITURE_MARKS = frozenset("\u00a9\u00ae\u2122|\u00bb\u00ab\u2022")
# Consent and policy phrases: one makes a line up to a paragraph's length furniture.
_POLICY_PHRASES = _phrase_set(
    *("use cookies", "uses cookies", "cookie policy", "cookie settings", "cookie preferences"),
    *("privacy policy", "privacy notice", "terms of use", "terms of service", "terms and conditions"),
    *("this site", "this website", "our site", "our website"),
)
# Calls to action: two different ones make a paragraph-long line a prompt rather than prose.
_PROMPT_WORDS = frozenset(
    {"subscribe", "subscription", "newsletter", "newsletters", "inbox", "unsubscribe", "cookie", "cookies"}
)
_PROMPT_PHRASES = _phrase_set(
    *("sign up", "signing up", "sign in", "signing in", "log in", "logging in", "click here", "tap here"),
    *("email address", "mail address"),
)


@dataclass(frozen=True)
class Params:
    """Thresholds and costs of the line scorer (the defaults are the tuned ones)."""

    min_prose_words: int = 8
    min_lower: float = 0.45
    short_max_words: int = 12
    keyword_words: int = 4
    prompt_words: int = 40
    wordy_words: int = 4
    menu_words: int = 4
    repeated_max_words: int = 6
    short_cost: float = 3.0
    wordy_cost: float = 0.0
    furniture_cost: float = 12.0
    duplicate_share: float = 0.5
    head_lines: int = 2
    tail_words: int = 2
    clean_furniture: int = 1
    clean_menu: int = 3


DEFAULT = Params()


@dataclass
class _Line:
    index: int
    words: float
    prose: bool
    wordy: bool
    menu: bool
    furniture: bool
    repeated: bool
    end_marker: bool
    comments: bool

    @property
    def junk(self) -> bool:
        return self.furniture or self.repeated or self.end_marker


def _lower_ratio(words: list[str]) -> float:
    """Share of cased words that start lowercase (1.0 for uncased scripts, 0.0 without letters)."""
    firsts = [w[0] for w in words]
    lower = sum(map(str.islower, firsts))
    cased = lower + sum(map(str.isupper, firsts))
    if not cased:
        return 1.0 if any(map(str.isalpha, firsts)) else 0.0
    return lower / cased


def _is_furniture(s: str, low: str, lowered: list[str], n: float, short: bool, p: Params) -> bool:
    """Whether a line is page furniture; low is the line lowercased and lowered its words."""
    if _LEGAL.search(low):
        return True
    if short and (
        (_DIGIT.search(s) and _TIMESTAMP.search(low))
        or (("." in s or "@" in s or "/" in s) and _URL.search(low))
        or _BYLINE.match(low)
    ):
        return True
    if n > p.prompt_words:
        return False
    phrases = {*pairwise(lowered), *zip(lowered, lowered[1:], lowered[2:], strict=False)}
    if short:
        hits = len(_FURNITURE_WORDS.intersection(lowered)) + len(phrases & _FURNITURE_PHRASES)
        hits += len(_FURNITURE_MARKS.intersection(s))
        if hits >= 2 or (hits and n <= p.keyword_words):
            return True
    if phrases & _POLICY_PHRASES or _CAPTION.search(low):
        return True
    return len(_PROMPT_WORDS.intersection(lowered)) + len(phrases & _PROMPT_PHRASES) >= 2


def _analyse(lines: list[str], p: Params) -> list[_Line]:
    """Features of the non-blank lines."""
    stripped = [line.strip() for line in lines]
    counts = Counter(stripped)
    seen: set[tuple[str, ...]] = set()
    out: list[_Line] = []
    for index, s in enumerate(stripped):
        if not s:
            continue
        words = _WORD.findall(s)
        low = s.lower()
        lowered = _WORD.findall(low)
        cjk = len(_CJK.findall(s)) if _CJK.search(s) else 0
        # Scripts written without spaces count two characters as a word.
        n = len(words) + cjk / 2 if cjk else float(len(words))
        lower = _lower_ratio(words)
        short = n <= p.short_max_words
        sentences = bool(_SENTENCE_END.search(s)) or len(_INNER_END.findall(s)) >= 2
        furniture = not words or _is_furniture(s, low, lowered, n, short, p)
        end_marker = n <= p.prompt_words and bool(_END_MARKER.match(low)) and (short or not sentences or ":" in s[:40])
        prose = (
            not furniture
            and not end_marker
            and n >= p.min_prose_words
            and sentences
            and lower >= p.min_lower
            and not _LINK.search(s)
            and not (s.endswith(("...", "\u2026")) and _TEASER_END.search(s))
        )
        if prose and not cjk:
            # A paragraph the page already showed (a teaser of this very article) counts as furniture.
            shingles = set(zip(lowered, lowered[1:], lowered[2:], lowered[3:], strict=False))
            if shingles and len(shingles & seen) > p.duplicate_share * len(shingles):
                prose, furniture = False, True
            seen |= shingles
        out.append(
            _Line(
                index=index,
                words=n,
                prose=prose,
                wordy=n >= p.wordy_words and lower >= p.min_lower,
                menu=n <= p.menu_words and lower < p.min_lower and not sentences and not _DIGIT.search(s),
                furniture=furniture,
                repeated=counts[s] > 1 and n <= p.repeated_max_words,
                end_marker=end_marker,
                comments=end_marker and bool(_COMMENTS.match(low)),
            )
        )
    return out


def _score(line: _Line, p: Params) -> float:
    if line.prose:
        return line.words
    if line.junk:
        return -p.furniture_cost
    if line.wordy:
        return -p.wordy_cost
    return -p.short_cost


def _best_segment(info: list[_Line], p: Params) -> tuple[int, int]:
    """Positions in info of the maximum-sum run of line scores (end < start when none is positive)."""
    best, best_start, best_end = 0.0, 0, -1
    total, start = 0.0, 0
    for i, line in enumerate(info):
        if total <= 0:
            total, start = 0.0, i
        total += _score(line, p)
        if total > best:
            best, best_start, best_end = total, start, i
    return best_start, best_end


def _is_list(info: list[_Line]) -> bool:
    """Whether prose here comes as items between short lines rather than as consecutive paragraphs."""
    prose = [i for i, line in enumerate(info) if line.prose]
    following = sum(1 for i in prose if i > 0 and info[i - 1].prose)
    return len(prose) >= 2 and following < len(prose) / 2


def _end_marker(info: list[_Line], start: int, end: int) -> int | None:
    """Position of the first heading in the segment that opens comments or a list after some article text."""
    for i in range(start + 1, end + 1):
        if (
            info[i].end_marker
            and any(line.prose for line in info[start:i])
            and (info[i].comments or _is_list(info[i + 1 : end + 1]))
        ):
            return i
    return None


def _article(info: list[_Line], p: Params) -> set[int]:
    """Line numbers of the article (empty when no line is prose)."""
    start, end = _best_segment(info, p)
    if end < start:
        return set()
    marker = _end_marker(info, start, end)
    if marker is not None:
        end = max(i for i in range(start, marker) if info[i].prose)
    keep = set()
    in_box = False
    for line in info[start : end + 1]:
        # A related-stories box inside the article runs from its heading to the next paragraph.
        in_box = (in_box or line.end_marker) and not line.prose
        if not line.furniture and not in_box:
            keep.add(line.index)
    if marker is None:
        # Lists and tables that close the article: plain lines up to the first furniture or menu line.
        j = end + 1
        while j < len(info) and not info[j].junk and not info[j].menu and info[j].words >= p.tail_words:
            keep.add(info[j].index)
            j += 1
    # Headline and standfirst: a few plain lines above, stepping over a date or byline.
    for i in range(start - 1, max(start - 1 - p.head_lines, -1), -1):
        line = info[i]
        if line.end_marker or line.repeated or line.menu:
            break
        if not line.furniture:
            keep.add(line.index)
    return keep


def clean_page_text(text: str, *, params: Params | None = None) -> str:
    """Return the article lines of a saved page's text, dropping menus, link lists and other furniture."""
    p = params or DEFAULT
    lines = text.split("\n")
    info = _analyse(lines, p)
    # A clean article may repeat a short line or hold a list of fixtures: many menu-like lines
    # count as one more sign of a page, repeated lines as none.
    signs = sum(line.furniture or line.end_marker for line in info) + (sum(line.menu for line in info) > p.clean_menu)
    if signs <= p.clean_furniture:
        return text
    keep = _article(info, p)
    if not keep:
        return text
    out: list[str] = []
    gap = False
    for j in range(min(keep), max(keep) + 1):
        if j in keep:
            out.append(lines[j])
            gap = False
        elif not lines[j].strip():
            # One blank line stays where paragraphs were separated by blank lines.
            if not gap and out and out[-1].strip():
                out.append(lines[j])
        else:
            gap = True
    return "\n".join(out)


_MENU_ROLES = frozenset({"navigation", "menubar", "menu"})
MENU_WORDS = 200  # an extracted text with more distinct words than this is not taken for a menu (nor checked)


def only_navigation(tree: Any, text: str) -> bool:
    """True when every word of a page's extracted text stands in its menus or its site header or footer."""
    words = set(text.split())
    return bool(words) and len(words) <= MENU_WORDS and words <= menu_words(tree)


def menu_words(tree: Any) -> set[str]:
    """The words of a parsed page's menus and its site header and footer (not an article's own header)."""
    words: set[str] = set()
    for element in tree.xpath("//nav | //menu | //header | //footer | //*[@role]"):
        if element.tag in ("header", "footer") and element.xpath("ancestor::article or ancestor::main"):
            continue  # an article's own header (its headline) is article text
        if element.tag in ("nav", "menu", "header", "footer") or element.get("role") in _MENU_ROLES:
            words.update(" ".join(element.itertext()).split())
    return words
