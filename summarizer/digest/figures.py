"""Figures side by side: when do two articles' numbers for the same thing disagree, and by how much."""

from __future__ import annotations

import math
import re

from ..extractive.sentences import content_words
from .grouping import family
from .models import Discrepancy, FigureRow

APPROXIMATE = 0.10  # "about 19,000" allows 17,100 to 20,900
_ABOUT = re.compile(
    r"\b(?:about|around|approximately|approx\.?|roughly|some|an estimated|estimated|circa|nearly|almost|"
    r"close to|in the region of|or so)\b",
    re.IGNORECASE,
)
_AT_LEAST = re.compile(r"\b(?:more than|over|at least|upwards of|in excess of|above|exceeding|no fewer than)\b", re.I)
_AT_MOST = re.compile(r"\b(?:up to|fewer than|less than|under|at most|no more than|below|as many as)\b", re.I)


def interval(row: FigureRow) -> tuple[float, float] | None:
    """The values a figure allows: its stated bounds widened by its approximation and limit words."""
    low, high = row.low, row.high
    if low is None and high is None:
        return None
    words = row.quantity
    if _AT_LEAST.search(words) and high in (None, low):
        low, high = (low if low is not None else high), None
    elif _AT_MOST.search(words) and low in (None, high):
        low, high = None, (high if high is not None else low)
    slack = APPROXIMATE if _ABOUT.search(words) else 0.0
    # the engine already leaves open what "at least" or "fewer than" leaves open
    lo = 0.0 if low is None else low * (1 - slack)
    hi = math.inf if high is None else high * (1 + slack)
    return lo, hi


def _stated(row: FigureRow) -> float:
    """One number for a figure: the middle of a range, else its one bound."""
    if row.low is not None and row.high is not None:
        return (row.low + row.high) / 2
    return row.low if row.low is not None else row.high or 0.0


def compatible(a: FigureRow, b: FigureRow) -> bool:
    """Whether both figures can be true at once (their allowed values overlap)."""
    x, y = interval(a), interval(b)
    if x is None or y is None:
        return True
    return x[0] <= y[1] and y[0] <= x[1]


def _same_scale(a: FigureRow, b: FigureRow) -> bool:
    """Fractions compare with fractions, counts with counts within a factor of ten."""
    x, y = _stated(a), _stated(b)
    if x <= 0 or y <= 0 or (x < 1) != (y < 1):
        return False
    return max(x, y) / min(x, y) <= 10


# words that say nothing about which thing a number counts
_GENERIC = frozenset(
    """year years month months week weeks day days cent per percent total number last previous first new
    since more less than about around some also""".split()
)
SHARED_WORDS = 2  # "positioned near the border" and "positioned at the border" share two


def _about(row: FigureRow) -> set[str]:
    """Content words of what a figure describes, without its unit and words any figure could use."""
    unit = set((row.unit or "").lower().split()) | {family(row.unit) or ""}
    return {w for w in content_words(row.describes) if w not in unit and w not in _GENERIC}


def gap(figures: list[FigureRow]) -> tuple[str, float]:
    """How far apart the stated values are: '2.6x' from double on, else a percentage ('25% apart', '0.1% apart')."""
    values = [_stated(f) for f in figures]
    ratio = max(values) / min(values)
    percent = (ratio - 1) * 100
    text = f"{ratio:.1f}x" if ratio >= 2 else f"{percent:.0f}% apart" if percent >= 10 else f"{percent:.1f}% apart"
    return text, round(ratio, 3)


def discrepancies(rows: list[FigureRow]) -> list[Discrepancy]:
    """Figures of the same kind about the same thing from different articles that cannot all be right."""
    found: list[Discrepancy] = []
    used: set[int] = set()
    words = [_about(r) for r in rows]
    for i, a in enumerate(rows):
        if i in used or family(a.unit) is None or interval(a) is None:
            continue
        group = [a]
        for j in range(i + 1, len(rows)):
            b = rows[j]
            if j in used or b.article_id == a.article_id or family(b.unit) != family(a.unit):
                continue
            if not _same_scale(a, b) or len(words[i] & words[j]) < SHARED_WORDS:
                continue
            if not compatible(a, b):
                group.append(b)
                used.add(j)
        if len(group) > 1:
            used.add(i)
            text, ratio = gap(group)
            found.append(Discrepancy(about=f"{family(a.unit)}: {a.describes}", figures=group, gap=text, ratio=ratio))
    return found
