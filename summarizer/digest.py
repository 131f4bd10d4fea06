"""Many article records in, one briefing out: stories, figures side by side, what is unconfirmed.

Grouping: records report the same development when they share the place they
are mostly about, say similar things (TF-IDF cosine of title, summary, key
points and evidence, scikit-learn) and agree on figures; records dated more than
30 days apart never join. Average-linkage clustering (SciPy) cuts the tree at a
fixed similarity. Everything is deterministic.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .extractive.escalation import merge_names
from .extractive.sentences import CALENDAR_WORDS
from .models import ErrorRecord, SummaryRecord

__all__ = [
    "Digest",
    "Discrepancy",
    "FigureRow",
    "HedgedClaim",
    "SourceRef",
    "Story",
    "build_digest",
    "group_records",
    "load_records",
    "polish_digest",
]

SAME_STORY = 0.35  # similarity at which records join one story
DATE_GATE_DAYS = 30
_TROOPS = {"troops", "soldiers", "forces", "army", "servicemen", "personnel", "fighters", "units", "reinforcements"}
_PLACE_AFTER = re.compile(r"\b(?:in|into|to|near|along|at|toward|towards|from|on)\s+(?:the\s+)?([A-Z][a-z]+)")
_PLACE_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+(?:region|border|oblast|province|capital|frontier|city)\b")
_NOT_PLACES = CALENDAR_WORDS | frozenset(
    """The A An President Mr Mrs Ms Sir Lord Prime Minister This That According Institute Ministry
    Department Office Council Party Government""".split()
)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceRef(_Model):
    """One article behind a story."""

    article_id: str
    title: str | None
    source_path: str | None
    url: str | None
    published: str | None
    publisher: str | None
    level: int


class FigureRow(_Model):
    """A figure as one article states it."""

    quantity: str
    low: float | None
    high: float | None
    unit: str | None
    describes: str
    claimed_by: str | None
    status: str
    article_id: str
    article: str = Field(description="Title or file of the article that states it.")


class Discrepancy(_Model):
    """Sources giving different numbers for the same thing."""

    about: str
    figures: list[FigureRow]


class HedgedClaim(_Model):
    """A claim an article softens or doubts, with the cue words."""

    cue: str
    kind: str
    claim: str
    quote: str
    article_id: str


class TimelinePoint(_Model):
    """The escalation level one dated article reports."""

    date: str
    level: int
    article_id: str


class Badge(_Model):
    """The story's escalation: the highest level its articles report."""

    level: int
    event_type: str
    goldstein: float | None
    direction: str
    evidence: list[str]
    article_id: str


class Story(_Model):
    """Articles reporting the same development."""

    id: str
    headline: str
    brief: str
    escalation: Badge
    figures: list[FigureRow]
    discrepancies: list[Discrepancy]
    hedged: list[HedgedClaim]
    sources: list[SourceRef]
    timeline: list[TimelinePoint]
    latest: str | None
    polished: bool = Field(default=False, description="The brief was rewritten by the LLM (--polish).")


class Digest(_Model):
    """A briefing built from many records, most escalatory story first."""

    title: str
    generated_at: datetime
    escalation_watch: str
    records: int
    skipped_errors: int
    stories: list[Story]


# reading ------------------------------------------------------------------------------------


def load_records(lines: Iterable[str]) -> tuple[list[SummaryRecord], int]:
    """Parse batch output lines: ok records are kept, error records counted."""
    records, errors = [], 0
    for line in lines:
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("status") == "error":
            ErrorRecord.model_validate(row)
            errors += 1
        else:
            records.append(SummaryRecord.model_validate(row))
    return records, errors


# grouping -----------------------------------------------------------------------------------


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


def _family(unit: str | None) -> str | None:
    if not unit:
        return None
    unit = unit.lower()
    return "troops" if unit in _TROOPS else unit


def _agree(a: SummaryRecord, b: SummaryRecord) -> bool:
    """Both state a bounded figure of the same kind with overlapping values."""
    for x in a.summary.key_figures:
        for y in b.summary.key_figures:
            if _family(x.unit) is None or _family(x.unit) != _family(y.unit):
                continue
            if None in (x.low, x.high, y.low, y.high):
                continue
            assert x.low is not None and x.high is not None and y.low is not None and y.high is not None
            slack = 0.02 * max(x.high, y.high)
            if x.low <= y.high + slack and y.low <= x.high + slack:
                return True
    return False


def _day(record: SummaryRecord) -> date | None:
    try:
        return date.fromisoformat((record.published or "")[:10])
    except ValueError:
        return None


def similarity_matrix(records: list[SummaryRecord]) -> Any:
    """Pairwise story similarity in [0, 1] as a NumPy array; -1 where dates keep two records apart."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    texts = [
        " ".join([r.title or "", r.summary.summary, *r.summary.key_points, *r.summary.escalation.evidence])
        for r in records
    ]
    text = cosine_similarity(TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts))
    names = [main_place(r) for r in records]
    ids: dict[str, int] = {}
    for name in sorted({n for n in names if n}, key=len):  # one place under all its forms: Ukraine, Ukrainian
        ids[name] = next((i for m, i in ids.items() if len(merge_names(Counter([m, name]))) == 1), len(ids))
    place = np.array([ids[n] if n else -1 - i for i, n in enumerate(names)])
    days = np.array([float(d.toordinal()) if (d := _day(r)) else np.nan for r in records])
    matrix = 0.5 * text + 0.3 * (place[:, None] == place[None, :])
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


def group_records(records: list[SummaryRecord], threshold: float = SAME_STORY) -> list[list[int]]:
    """Cluster records into stories (indices), biggest and earliest first."""
    if len(records) < 2:
        return [[i] for i in range(len(records))]
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    similarity = similarity_matrix(records)
    distance = np.where(similarity < 0, 1e3, 1.0 - similarity)  # a date gate outweighs any average
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


# one story ------------------------------------------------------------------------------------


def _name(record: SummaryRecord) -> str:
    return record.title or record.source_path or record.article_id


def _brief(members: list[SummaryRecord]) -> str:
    from .extractive.sentences import split_sentences
    from .extractive.summary import rank_sentences

    pool = "\n".join(m.summary.summary for m in members)
    ranked = rank_sentences(split_sentences(pool))
    chosen: list[str] = []
    for _, sentence in ranked:
        words = set(sentence.text.lower().split())
        if any(len(words & set(c.lower().split())) > 0.6 * len(words) for c in chosen):
            continue
        chosen.append(sentence.text)
        if len(chosen) == 3 or sum(len(c.split()) for c in chosen) > 70:
            break
    order = {s: pool.find(s) for s in chosen}
    return " ".join(sorted(chosen, key=lambda s: order[s])) or members[0].summary.summary


def _same_scale(a: FigureRow, b: FigureRow) -> bool:
    """Fractions compare with fractions, counts with counts within a factor of ten."""
    x = a.high if a.high is not None else a.low
    y = b.high if b.high is not None else b.low
    if x is None or y is None or x <= 0 or y <= 0:
        return False
    if (x < 1) != (y < 1):
        return False
    return max(x, y) / min(x, y) <= 10


def _discrepancies(rows: list[FigureRow]) -> list[Discrepancy]:
    """Figures of the same kind from different articles that state different numbers."""
    from .extractive.sentences import content_words

    found: list[Discrepancy] = []
    used: set[int] = set()
    for i, a in enumerate(rows):
        if i in used or _family(a.unit) is None or (a.low is None and a.high is None):
            continue
        group = [a]
        words_a = set(content_words(a.describes))
        for j in range(i + 1, len(rows)):
            b = rows[j]
            if j in used or b.article_id == a.article_id or _family(b.unit) != _family(a.unit):
                continue
            if not _same_scale(a, b):
                continue
            related = words_a & set(content_words(b.describes))
            if related and (b.low, b.high) != (a.low, a.high):
                group.append(b)
                used.add(j)
        if len(group) > 1:
            used.add(i)
            found.append(Discrepancy(about=f"{_family(a.unit)}: {a.describes}", figures=group))
    return found


def _headline(members: list[SummaryRecord], top: SummaryRecord) -> str:
    """A member's own headline: a statement before a question, the top article's first."""
    titled = [r for r in members if r.title]
    titled.sort(key=lambda r: (r.title.endswith("?") if r.title else True, r is not top))
    if titled and titled[0].title:
        return titled[0].title
    return top.summary.summary.split(". ")[0][:140]


def _story(members: list[SummaryRecord], number: int) -> Story:
    members = sorted(members, key=lambda r: (r.published or "", r.article_id))
    top = max(members, key=lambda r: (r.summary.escalation.level, r.published or ""))
    esc = top.summary.escalation
    figures = [
        FigureRow(
            quantity=f.quantity,
            low=f.low,
            high=f.high,
            unit=f.unit,
            describes=f.describes,
            claimed_by=f.source,
            status=f.status.value,
            article_id=r.article_id,
            article=_name(r),
        )
        for r in members
        for f in r.summary.key_figures
    ]
    hedged = [
        HedgedClaim(cue=h.cue, kind=h.kind.value, claim=h.claim, quote=h.quote, article_id=r.article_id)
        for r in members
        for h in r.summary.hedges
        if h.kind.value != "approximation"
    ]
    dated = sorted((r.published[:10], r) for r in members if r.published and _day(r))
    return Story(
        id=f"story-{number}",
        headline=_headline(members, top),
        brief=_brief(members),
        escalation=Badge(
            level=esc.level,
            event_type=esc.event_type.value,
            goldstein=esc.goldstein,
            direction=esc.direction.value,
            evidence=esc.evidence[:3],
            article_id=top.article_id,
        ),
        figures=figures,
        discrepancies=_discrepancies(figures),
        hedged=hedged,
        sources=[
            SourceRef(
                article_id=r.article_id,
                title=r.title,
                source_path=r.source_path,
                url=r.url,
                published=r.published,
                publisher=r.publisher,
                level=r.summary.escalation.level,
            )
            for r in members
        ],
        timeline=[TimelinePoint(date=d, level=r.summary.escalation.level, article_id=r.article_id) for d, r in dated],
        latest=dated[-1][0] if dated else None,
    )


def build_digest(records: Iterable[SummaryRecord], *, title: str = "Briefing", skipped_errors: int = 0) -> Digest:
    """Group records into stories and rank them: escalation, then recency, then sources."""
    records = list(records)
    stories = [_story([records[i] for i in group], n) for n, group in enumerate(group_records(records), start=1)]
    stories.sort(key=lambda s: (-s.escalation.level, _sort_day(s.latest), -len(s.sources), s.headline))
    for number, story in enumerate(stories, start=1):
        story.id = f"story-{number}"
    return Digest(
        title=title,
        generated_at=datetime.now(UTC),
        escalation_watch=_watch(stories),
        records=len(records),
        skipped_errors=skipped_errors,
        stories=stories,
    )


def _sort_day(day: str | None) -> int:
    return -date.fromisoformat(day).toordinal() if day else 0


def _watch(stories: list[Story]) -> str:
    if not stories:
        return "Escalation watch: no stories."
    high = [s for s in stories if s.escalation.level >= 3]
    rising = [s for s in stories if s.escalation.direction == "escalating"]
    top = stories[0]
    return (
        f"Escalation watch: {len(high)} of {len(stories)} stories at level 3 or above, {len(rising)} escalating; "
        f"highest: {top.headline} (level {top.escalation.level}, {top.escalation.event_type}, "
        f"Goldstein {top.escalation.goldstein})."
    )


# polishing ----------------------------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
_allowed: ContextVar[frozenset[float] | None] = ContextVar("summarizer_polish_numbers", default=None)


def _numbers(text: str) -> set[float]:
    return {float(n.replace(",", "")) for n in _NUMBER.findall(text) if n.replace(",", "").replace(".", "").isdigit()}


class PolishedBrief(_Model):
    """The LLM's rewrite of one story brief."""

    brief: str = Field(description="2 or 3 neutral sentences.")

    @model_validator(mode="after")
    def _only_known_numbers(self) -> PolishedBrief:
        allowed = _allowed.get()
        if not self.brief.strip():
            raise ValueError("the brief is empty; write 2 or 3 sentences")
        if allowed is not None:
            unknown = sorted(n for n in _numbers(self.brief) if n not in allowed)
            if unknown:
                listed = ", ".join(f"{n:g}" for n in unknown)
                raise ValueError(f"the brief states numbers that no record contains: {listed}; use only the records")
        return self


@contextmanager
def _numbers_from(records: list[SummaryRecord]) -> Iterator[None]:
    found: set[float] = set()
    for r in records:
        s = r.summary
        texts = [r.title or "", s.summary, *s.key_points, *s.escalation.evidence]
        texts += [f"{f.quantity} {f.quote}" for f in s.key_figures] + [h.quote for h in s.hedges]
        for text in texts:
            found |= _numbers(text)
        found |= {v for f in s.key_figures for v in (f.low, f.high) if v is not None}
    token = _allowed.set(frozenset(found))
    try:
        yield
    finally:
        _allowed.reset(token)


def _records_text(records: list[SummaryRecord]) -> str:
    blocks = []
    for r in records:
        s = r.summary
        figures = "; ".join(
            f"{f.quantity} {f.unit or ''} ({f.status}, claimed by {f.source or 'no one named'})" for f in s.key_figures
        )
        hedges = "; ".join(f"{h.cue}: {h.claim}" for h in s.hedges[:8])
        blocks.append(
            f"Article: {_name(r)} ({r.published or 'undated'})\nSummary: {s.summary}\n"
            f"Figures: {figures or 'none'}\nHedged: {hedges or 'none'}"
        )
    return "\n\n".join(blocks)


def polish_digest(digest: Digest, records: list[SummaryRecord], *, http_client: Any = None, **options: Any) -> Digest:
    """Ask the configured LLM to rewrite each brief from its records; keep ours where it fails."""
    from .cache import RecordCache
    from .config import resolve_settings
    from .errors import ConfigError, SummarizerError
    from .prompts import load_prompt
    from .providers import ChatClient

    settings = resolve_settings(**options)
    if settings.resolved_engine() != "llm":
        raise ConfigError("--polish needs an LLM: set OPENAI_API_KEY, or --base-url with --provider for a local server")
    prompt = load_prompt("polish")
    client = ChatClient(settings, http_client=http_client)
    cache = RecordCache(settings.cache_dir) if settings.use_cache and settings.cache_dir else None
    by_id = {r.article_id: r for r in records}
    polished = []
    try:
        for story in digest.stories:
            members = [by_id[s.article_id] for s in story.sources if s.article_id in by_id]
            text = _records_text(members)
            key = hashlib.sha256(f"{prompt.version}\x00{settings.model}\x00{text}".encode()).hexdigest()
            brief = cache.get_text(key) if cache is not None else None
            if brief is None:
                try:
                    answer = client.ask(prompt.messages(text), PolishedBrief, _numbers_from(members))
                except SummarizerError:
                    answer = None
                if answer is not None and answer.response is not None:
                    brief = answer.response.brief
                    if cache is not None:
                        cache.set_text(key, brief)
            polished.append(story.model_copy(update={"brief": brief, "polished": True}) if brief else story)
    finally:
        client.close()
        if cache is not None:
            cache.close()
    return digest.model_copy(update={"stories": polished})


def digest_schema() -> dict[str, Any]:
    """JSON Schema of the digest's JSON form."""
    return Digest.model_json_schema()
