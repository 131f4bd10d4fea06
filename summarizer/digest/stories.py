"""One story from its records: the lead article, headline, brief, badge, figures, hedges, sources."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import PurePath
from urllib.parse import urlsplit

from ..extractive.furniture import is_furniture
from ..models import SummaryRecord
from .figures import discrepancies
from .grouping import day, group_records
from .models import Badge, Digest, FigureRow, HedgedClaim, SourceRef, Story, TimelinePoint

BRIEF_SENTENCES = 3
BRIEF_WORDS = 70
WATCH_LEVEL = 3
HEDGE_ORDER = {"unconfirmed": 0, "denial": 1, "speculation": 2, "attribution": 3, "approximation": 4}

# stricter than the summary's rule: in a brief, "raises questions about X" is commentary even when it names X
_FILLER = re.compile(
    r"^(?:this|these|such)\s+(?:\w+\s+)?(?:development|move|situation|news|decision|escalation|step|shift|"
    r"turn|event|report)s?\b|"
    r"\b(?:raises?|raising|sparks?|fuels?)\s+(?:\w+\s+){0,2}(?:concerns?|questions?|fears?|alarm)\b|"
    r"\bremains? to be seen\b|\bonly time will tell\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")


def is_teaser(sentence: str) -> bool:
    """A question, what the summary never takes (calls to action, furniture), or commentary with no figure."""
    text = sentence.strip()
    if text.endswith("?") or is_furniture(text):
        return True
    return bool(_FILLER.search(text)) and not _DIGIT.search(text)


def source_name(record: SummaryRecord) -> str:
    """The title; untitled: the publisher, else the URL's host, else 'untitled article (file)'."""
    if record.title:
        return record.title
    if record.publisher:
        return record.publisher
    if record.url and (host := urlsplit(record.url).hostname):
        return host.removeprefix("www.")
    return f"untitled article ({PurePath(record.source_path).name if record.source_path else record.article_id})"


def _lead(members: list[SummaryRecord]) -> SummaryRecord:
    """The article the story is told from: highest level, with evidence, a headline that is a statement, latest."""

    def key(r: SummaryRecord) -> tuple[int, bool, bool, bool, str]:
        title = r.title or ""
        return (
            r.summary.escalation.level,
            bool(r.summary.escalation.evidence),
            bool(title),
            not title.endswith("?"),
            r.published or "",
        )

    return max(members, key=key)


def _sentences(record: SummaryRecord) -> list[str]:
    from ..extractive.sentences import split_sentences

    return [s.text for s in split_sentences(record.summary.summary) if not is_teaser(s.text)]


def _overlaps(sentence: str, chosen: list[str]) -> bool:
    words = set(sentence.lower().split())
    return any(len(words & set(c.lower().split())) > 0.6 * len(words) for c in chosen)


def brief(members: list[SummaryRecord], lead: SummaryRecord) -> str:
    """2-3 sentences: the lead article's opening, then what ranks highest across the members."""
    from ..extractive.sentences import split_sentences
    from ..extractive.summary import rank_sentences

    chosen = _sentences(lead)[:1]
    pool = "\n".join(m.summary.summary for m in [lead, *(m for m in members if m is not lead)])
    for _, sentence in rank_sentences(split_sentences(pool)):
        if len(chosen) >= BRIEF_SENTENCES or sum(len(c.split()) for c in chosen) > BRIEF_WORDS:
            break
        if is_teaser(sentence.text) or _overlaps(sentence.text, chosen):
            continue
        chosen.append(sentence.text)
    if not chosen:
        return lead.summary.summary
    rest = sorted(chosen[1:], key=pool.find)
    return " ".join([chosen[0], *rest])


def headline(lead: SummaryRecord, brief_text: str) -> str:
    """The lead article's own headline, else the brief's first sentence (140 characters at most)."""
    if lead.title:
        return lead.title
    first = brief_text.split(". ")[0].rstrip(".")
    return first if len(first) <= 140 else first[:140].rsplit(" ", 1)[0] + " ..."


def _hedged(members: list[SummaryRecord]) -> list[HedgedClaim]:
    """Every hedged claim once, doubt first: unconfirmed, denial, speculation, attribution, approximation."""
    seen: set[tuple[str, str]] = set()
    claims = []
    for r in members:
        for h in r.summary.hedges:
            key = (h.cue.lower(), h.claim.lower())
            if key in seen:
                continue
            seen.add(key)
            claims.append(
                HedgedClaim(cue=h.cue, kind=h.kind.value, claim=h.claim, quote=h.quote, article_id=r.article_id)
            )
    return sorted(claims, key=lambda c: HEDGE_ORDER.get(c.kind, len(HEDGE_ORDER)))


def story(members: list[SummaryRecord], number: int) -> Story:
    """Build one story from the records reporting it."""
    members = sorted(members, key=lambda r: (r.published or "", r.article_id))
    lead = _lead(members)
    esc = lead.summary.escalation
    numbers = {r.article_id: n for n, r in enumerate(members, start=1)}
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
            source=numbers[r.article_id],
        )
        for r in members
        for f in r.summary.key_figures
    ]
    dated = sorted((r.published[:10], r) for r in members if r.published and day(r))
    text = brief(members, lead)
    return Story(
        id=f"story-{number}",
        headline=headline(lead, text),
        lead_article_id=lead.article_id,
        brief=text,
        escalation=Badge(
            level=esc.level,
            event_type=esc.event_type.value,
            goldstein=esc.goldstein,
            direction=esc.direction.value,
            evidence=[q for q in esc.evidence if not is_teaser(q)][:3],
            article_id=lead.article_id,
        ),
        figures=figures,
        discrepancies=discrepancies(figures),
        hedged=_hedged(members),
        sources=[
            SourceRef(
                article_id=r.article_id,
                name=source_name(r),
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
    stories = [story([records[i] for i in group], n) for n, group in enumerate(group_records(records), start=1)]
    stories.sort(
        key=lambda s: (
            -s.escalation.level,
            not s.escalation.evidence,
            _sort_day(s.latest),
            -len(s.sources),
            s.headline,
        )
    )
    for number, item in enumerate(stories, start=1):
        item.id = f"story-{number}"
    return Digest(
        title=title,
        generated_at=datetime.now(UTC),
        escalation_watch=watch(stories),
        records=len(records),
        skipped_errors=skipped_errors,
        stories=stories,
    )


def _sort_day(value: str | None) -> int:
    return -date.fromisoformat(value).toordinal() if value else 0


def watch(stories: list[Story]) -> str:
    """The opening line: stories at level 3 or above that quote evidence for it, and the highest of them."""
    high = [s for s in stories if s.escalation.level >= WATCH_LEVEL and s.escalation.evidence]
    if not high:
        return f"Escalation watch: no story at level {WATCH_LEVEL} or above with evidence ({len(stories)} stories)."
    rising = sum(s.escalation.direction == "escalating" for s in high)
    top = max(high, key=lambda s: s.escalation.level)
    esc = top.escalation
    return (
        f"Escalation watch: {len(high)} of {len(stories)} stories at level {WATCH_LEVEL} or above with evidence, "
        f"{rising} of them escalating; highest: {top.headline} "
        f"(level {esc.level}, {esc.event_type}, Goldstein {esc.goldstein})."
    )
