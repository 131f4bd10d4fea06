"""Which records report the same development: place, words (TF-IDF), agreeing figures, dates.

The TF-IDF cosine and the average-linkage clustering are small NumPy
implementations (the same numbers as scikit-learn's TfidfVectorizer with English
stop words and sublinear tf, and SciPy's average linkage cut at a distance), so
the digest command does not spend seconds importing scikit-learn and SciPy.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from ..extractive.escalation import merge_names
from ..extractive.sentences import CALENDAR_WORDS
from ..models import ErrorRecord, SummaryRecord
from .stopwords import STOP_WORDS

if TYPE_CHECKING:
    import numpy as np

SAME_STORY = 0.35  # similarity at which records join one story
TEXT_WEIGHT = 0.6  # words alone join two records at a cosine of about 0.58
PLACE_WEIGHT = 0.3
# A shared main place is weak evidence on its own (two unrelated stories from one country
# share it): it counts only for records whose words already overlap this much.
PLACE_NEEDS_WORDS = 0.15
DATE_GATE_DAYS = 30
_TROOPS = {"troops", "soldiers", "forces", "army", "servicemen", "personnel", "fighters", "units", "reinforcements"}
_PLACE_AFTER = re.compile(r"\b(?:in|into|to|near|along|at|toward|towards|from|on)\s+(?:the\s+)?([A-Z][a-z]+)")
_PLACE_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:region|border|oblast|province|capital|frontier|city)\b")
_NOT_PLACES = CALENDAR_WORDS | frozenset(
    """The A An President Mr Mrs Ms Sir Lord Prime Minister This That According Institute Ministry
    Department Office Council Party Government""".split()
)
_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def load_records(lines: Iterable[str]) -> tuple[list[SummaryRecord], int]:
    """Parse batch output (JSON lines, or the JSON array of `-f json`): ok records kept, errors counted."""
    lines = list(lines)
    first = next((line for line in lines if line.strip()), "")
    if first.lstrip().startswith("["):
        rows = json.loads("\n".join(lines))
        numbered: Iterable[tuple[int, Any]] = ((i, row) for i, row in enumerate(rows, 1))
    else:
        numbered = ((i, _row(i, line)) for i, line in enumerate(lines, 1) if line.strip())
    records, errors = [], 0
    for _, row in numbered:
        if row.get("status") == "error":
            ErrorRecord.model_validate(row)
            errors += 1
        else:
            records.append(SummaryRecord.model_validate(row))
    return records, errors


def _row(number: int, line: str) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"line {number} is not a JSON record ({exc.msg}, column {exc.colno})") from exc


def _texts(record: SummaryRecord) -> list[str]:
    s = record.summary
    return [record.title or "", s.summary, *s.escalation.evidence, *(f.quote for f in s.key_figures)]


def main_place(record: SummaryRecord) -> str | None:
    """The place a record mentions most after 'in/to/near...' or before 'region/border'."""
    counts: Counter[str] = Counter()
    for text in _texts(record):
        for name in _PLACE_AFTER.findall(text) + _PLACE_BEFORE.findall(text):
            if name not in _NOT_PLACES:
                counts[name] += 1
    merged = merge_names(counts)
    ranked = merged.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return ranked[0][0] if ranked and len(ranked) == 1 else None
    return ranked[0][0]


def family(unit: str | None) -> str | None:
    """The kind of thing a figure counts: troop words are one kind, other units their own."""
    if not unit:
        return None
    unit = unit.lower()
    return "troops" if unit in _TROOPS else unit


def _agree(a: SummaryRecord, b: SummaryRecord) -> bool:
    """Both state a bounded figure of the same kind with overlapping values."""
    for x in a.summary.key_figures:
        for y in b.summary.key_figures:
            if family(x.unit) is None or family(x.unit) != family(y.unit):
                continue
            if x.low is None or x.high is None or y.low is None or y.high is None:
                continue
            slack = 0.02 * max(x.high, y.high)
            if x.low <= y.high + slack and y.low <= x.high + slack:
                return True
    return False


def day(record: SummaryRecord) -> date | None:
    """The record's publication day, if it has a valid one."""
    try:
        return date.fromisoformat((record.published or "")[:10])
    except ValueError:
        return None


def tfidf_cosine(texts: list[str]) -> np.ndarray[Any, Any]:
    """Cosine similarity of TF-IDF vectors (English stop words, sublinear tf, smooth idf, L2 norm)."""
    import numpy as np

    docs = [Counter(t for t in _TOKEN.findall(text.lower()) if t not in STOP_WORDS) for text in texts]
    n = len(docs)
    df: Counter[str] = Counter()
    for doc in docs:
        df.update(doc.keys())
    idf = {term: math.log((1 + n) / (1 + count)) + 1.0 for term, count in df.items()}
    postings: defaultdict[str, tuple[list[int], list[float]]] = defaultdict(lambda: ([], []))
    for i, doc in enumerate(docs):
        weights = {term: (1.0 + math.log(count)) * idf[term] for term, count in doc.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        for term, weight in weights.items():
            if df[term] > 1:  # a word only one record uses adds nothing to any pair
                postings[term][0].append(i)
                postings[term][1].append(weight / norm)
    matrix = np.zeros((n, n))
    for rows, values in postings.values():
        index, value = np.array(rows), np.array(values)
        matrix[np.ix_(index, index)] += np.outer(value, value)
    np.fill_diagonal(matrix, [1.0 if doc else 0.0 for doc in docs])
    return matrix


def similarity_matrix(records: list[SummaryRecord]) -> np.ndarray[Any, Any]:
    """Pairwise story similarity (0 to 1.1: words, place, figures) as a NumPy array; -1 where dates keep two apart."""
    import numpy as np

    texts = [" ".join([*_texts(r), *r.summary.key_points]) for r in records]  # all the record says
    text = tfidf_cosine(texts)
    names = [main_place(r) for r in records]
    ids: dict[str, int] = {}
    for name in sorted({n for n in names if n}, key=len):  # one place under all its forms: Ukraine, Ukrainian
        ids[name] = next((i for m, i in ids.items() if len(merge_names(Counter([m, name]))) == 1), len(ids))
    place = np.array([ids[n] if n else -1 - i for i, n in enumerate(names)])
    days = np.array([float(d.toordinal()) if (d := day(r)) else np.nan for r in records])
    same_place = (place[:, None] == place[None, :]) & (text >= PLACE_NEEDS_WORDS)
    matrix: np.ndarray[Any, Any] = TEXT_WEIGHT * text + PLACE_WEIGHT * same_place
    # figures can only tip pairs that are already close; checking just those keeps this fast
    for i, j in zip(*np.nonzero(np.triu(matrix >= SAME_STORY - 0.2, k=1)), strict=True):
        if _agree(records[i], records[j]):
            matrix[i, j] += 0.2
            matrix[j, i] += 0.2
    with np.errstate(invalid="ignore"):
        gate = np.abs(days[:, None] - days[None, :]) > DATE_GATE_DAYS
    matrix[gate] = -1.0
    np.fill_diagonal(matrix, 1.0)
    return matrix


def average_linkage(distance: np.ndarray[Any, Any], cut: float) -> list[list[int]]:
    """Merge the closest clusters (average distance) while they are at most `cut` apart."""
    import numpy as np

    n = len(distance)
    work = np.array(distance, dtype=float)
    np.fill_diagonal(work, np.inf)
    size = np.ones(n)
    clusters: list[list[int]] = [[i] for i in range(n)]
    nearest = work.argmin(axis=1)
    best = work[np.arange(n), nearest]
    while True:
        i = int(best.argmin())
        j = int(nearest[i])
        if not best[i] <= cut:
            break
        merged = (size[i] * work[i] + size[j] * work[j]) / (size[i] + size[j])
        work[i], work[:, i] = merged, merged
        work[j], work[:, j] = np.inf, np.inf
        work[i, i] = np.inf
        size[i] += size[j]
        clusters[i] += clusters[j]
        clusters[j] = []
        best[j] = np.inf
        # rows that pointed at i or j look again; every other row can only gain i as its nearest
        stale = np.nonzero((nearest == i) | (nearest == j))[0]
        closer = work[:, i] < best
        nearest[closer], best[closer] = i, work[closer, i]
        for k in [*stale.tolist(), i]:
            nearest[k] = work[k].argmin()
            best[k] = work[k, nearest[k]]
    return [sorted(c) for c in clusters if c]


def group_records(records: list[SummaryRecord], threshold: float = SAME_STORY) -> list[list[int]]:
    """Cluster records into stories (indices), biggest and earliest first."""
    if len(records) < 2:
        return [[i] for i in range(len(records))]
    import numpy as np

    similarity = similarity_matrix(records)
    distance = np.where(similarity < 0, 1e3, 1.0 - similarity)  # a date gate outweighs any average
    groups = average_linkage(distance, 1.0 - threshold)
    return sorted(groups, key=lambda g: (-len(g), g[0]))
