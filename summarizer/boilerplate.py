"""Remove page boilerplate from the plain text of a saved news page, keeping whole lines.

Each line gets a score: prose lines (enough words, sentence punctuation, mostly lowercase
words) count their words, short lines cost a little and page furniture (social and share
links, cookie and subscription prompts, copyright, counters, timestamps, lines the page
repeats) costs more.  The article is the contiguous run of lines with the highest total
(maximum-sum segment), cut at a "related / comments / most read" heading when what follows
it is a list (teasers between short lines) rather than more paragraphs, and widened a few
lines upward for the headline and standfirst.  Inside it, furniture lines are dropped;
everything returned is an input line, verbatim and in order.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")
_INNER_END = re.compile(r"[.!?…][\"'”’)\]]*\s+[\"'“‘(]*[A-Z]")
_TEASER_END = re.compile(r"(\w|[,;])\s*(\.\.\.|…)$")
_URL = re.compile(r"https?://|www\.|\S+@\S+\.\w+|\.(com|org|net)\b", re.I)
_TIMESTAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}"
    r"|\b\d{1,2}[:.]\d{2}\s*(am|pm|a\.m\.|p\.m\.)?(\s|$)"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
    r"|\b\d+\s+(second|minute|min|hour|hr|day|week|month|year)s?\s+ago\b"
    r"|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b"
    r"|\b\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b",
    re.I,
)
_FURNITURE = re.compile(
    r"\b(share|shares|shared|sharing|tweet|twitter|facebook|instagram|youtube|linkedin|whatsapp|telegram|pinterest"
    r"|reddit|e-?mail|print|subscribe|subscription|subscriber|newsletters?|sign[ -]?(in|up|out)|log[ -]?(in|out)"
    r"|login|register|account|cookies?|consent|privacy|terms of|copyright|rights reserved|advertisement|advert"
    r"|advertise|sponsored|related|read more|more from|most (read|popular|viewed|shared|commented)|trending|trends"
    r"|latest|recommended|comments?|reply|views?|follow us|click|tap|download|app store|google play|skip to"
    r"|back to top|getty|loading)\b"
    r"|[©®™|»«•]",
    re.I,
)
# Legal and consent lines are furniture whatever their length.
_LEGAL = re.compile(
    r"©|\(c\) \d{4}|all rights reserved|\buses? cookies|cookie (policy|settings|preferences)|privacy policy"
    r"|terms of (use|service)",
    re.I,
)
# A heading that opens a list of other stories or the comments.
_END_MARKER = re.compile(
    r"^\W*(related|similar|more|most|latest|trending|trends|recommended|popular|top stories|further|also|other"
    r"|you may|you might|read next|what to read|comments?|\d+ (comments?|responses?)|leave a (reply|comment)"
    r"|join the (conversation|discussion)|share this|sponsored)\b\W*(\w+\W*){0,4}$",
    re.I,
)


@dataclass(frozen=True)
class Params:
    """Thresholds and costs of the line scorer (defaults are the tuned ones)."""

    min_prose_words: int = 8
    min_lower: float = 0.45
    short_max_words: int = 12
    wordy_words: int = 4
    short_cost: float = 3.0
    wordy_cost: float = 0.0
    furniture_cost: float = 12.0
    repeated_max_words: int = 6
    end_list_ratio: float = 0.5
    duplicate_share: float = 0.5
    head_lines: int = 3


DEFAULT = Params()


@dataclass
class _Line:
    index: int
    words: float
    prose: bool
    furniture: bool
    repeated: bool
    end_marker: bool
    wordy: bool


def _lower_ratio(words: list[str]) -> float:
    cased = [w for w in words if w[0].islower() or w[0].isupper()]
    if not cased:
        return 1.0 if any(w[0].isalpha() for w in words) else 0.0
    return sum(w[0].islower() for w in cased) / len(cased)


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    lowered = [w.lower() for w in words]
    return {tuple(lowered[i : i + 4]) for i in range(len(lowered) - 3)}


def _analyse(lines: list[str], p: Params) -> list[_Line]:
    stripped = [line.strip() for line in lines]
    counts = Counter(s for s in stripped if s)
    seen: set[tuple[str, ...]] = set()
    out: list[_Line] = []
    for index, s in enumerate(stripped):
        if not s:
            continue
        words = _WORD.findall(s)
        cjk = len(_CJK.findall(s))
        n = len(words) + cjk / 2 if cjk else float(len(words))
        lower = _lower_ratio(words)
        short = n <= p.short_max_words
        sentences = bool(_SENTENCE_END.search(s)) or len(_INNER_END.findall(s)) >= 2
        prose = n >= p.min_prose_words and sentences and lower >= p.min_lower and not _URL.search(s)
        furniture = (
            not words
            or bool(_LEGAL.search(s))
            or (short and bool(_FURNITURE.search(s) or _TIMESTAMP.search(s) or _URL.search(s)))
        )
        if prose and not cjk:
            shingles = _shingles(words)
            if shingles and len(shingles & seen) > p.duplicate_share * len(shingles):
                furniture = True
            seen |= shingles
        if prose and _TEASER_END.search(s):
            prose = False
        out.append(
            _Line(
                index=index,
                words=n,
                prose=prose and not furniture,
                furniture=furniture,
                repeated=counts[s] > 1 and n <= p.repeated_max_words,
                end_marker=short and not prose and bool(_END_MARKER.match(s)),
                wordy=n >= p.wordy_words and lower >= p.min_lower,
            )
        )
    return out


def _score(line: _Line, p: Params) -> float:
    if line.prose:
        return line.words
    if line.furniture or line.end_marker or line.repeated:
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
    if not prose:
        return True
    following = sum(1 for i in prose if i > 0 and info[i - 1].prose)
    return following < len(prose) / 2


def _cut_at_end_marker(info: list[_Line], start: int, end: int, p: Params) -> int:
    for i in range(start + 1, end + 1):
        if info[i].end_marker and any(line.prose for line in info[start:i]) and _is_list(info[i + 1 : end + 1]):
            return i - 1
    return end


def clean_page_text(text: str, params: Params | None = None) -> str:
    """Return the article lines of a saved page's text, dropping menus, link lists and other furniture."""
    p = params or DEFAULT
    lines = text.split("\n")
    info = _analyse(lines, p)
    start, end = _best_segment(info, p)
    if end < start:
        return text
    end = _cut_at_end_marker(info, start, end, p)
    keep = {line.index for line in info[start : end + 1] if not line.furniture}
    i = start - 1
    while i >= 0 and start - i <= p.head_lines:
        if info[i].furniture or info[i].end_marker or info[i].repeated:
            break
        keep.add(info[i].index)
        i -= 1
    if not keep:
        return text
    # Blank lines stay where both neighbouring text lines are kept.
    first, last = min(keep), max(keep)
    out: list[str] = []
    previous_kept = True
    for j in range(first, last + 1):
        if j in keep:
            out.append(lines[j])
            previous_kept = True
        elif not lines[j].strip():
            if previous_kept:
                out.append(lines[j])
        else:
            previous_kept = False
    return "\n".join(out)
