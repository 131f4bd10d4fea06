"""The built-in extractive engine: fills the same schema as the LLM, offline.

No model, no network: sentences are chosen by position and centrality, figures
and hedges found by patterns, escalation scored from trigger words. Every quote
is a span of the article, so grounding holds by construction.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import ArticleSummary, Escalation, Hedge, KeyFigure
from ..scales import cameo_code, goldstein
from .escalation import EscalationReading, assess_escalation
from .figures import Figure, find_figures
from .hedges import HedgeCue, find_hedges
from .sentences import Sentence, split_sentences
from .summary import choose_summary, key_points, rank_sentences

__all__ = ["ENGINE_VERSION", "Extraction", "analyse", "extract", "hedge", "key_figure"]

ENGINE_VERSION = "extractive-v2"  # v2: TextRank summary, teaser filter, clause key points
MAX_FIGURES = 20
MAX_HEDGES = 25


@dataclass(frozen=True)
class Extraction:
    """Everything the patterns found, with spans, before it is cut down to a summary."""

    sentences: list[Sentence]
    figures: list[Figure]
    hedges: list[HedgeCue]
    escalation: EscalationReading


def analyse(text: str) -> Extraction:
    """Run every extractor over the text and keep their spans."""
    sentences = split_sentences(text)
    return Extraction(
        sentences=sentences,
        figures=find_figures(text, sentences),
        hedges=find_hedges(text, sentences),
        escalation=assess_escalation(sentences),
    )


def key_figure(f: Figure) -> KeyFigure:
    """The schema form of a figure the patterns found."""
    return KeyFigure(
        quantity=f.quantity,
        low=f.low,
        high=f.high,
        unit=f.unit,
        describes=f.describes,
        source=f.source,
        status=f.status,
        quote=f.sentence.text,
    )


def _unique_figures(figures: list[Figure]) -> list[KeyFigure]:
    """One figure per value and unit, taken from a full sentence where there is one."""
    best: dict[tuple[float | None, float | None, str | None, str], Figure] = {}
    for f in figures:
        key = (f.low, f.high, (f.unit or "").lower() or None, f.quantity.lower() if f.low is None else "")
        current = best.get(key)
        if current is None or (not current.sentence.is_prose and f.sentence.is_prose):
            best[key] = f
    ordered = sorted(best.values(), key=lambda f: f.start)
    return [key_figure(f) for f in ordered[:MAX_FIGURES]]


def hedge(c: HedgeCue) -> Hedge:
    """The schema form of a hedge the patterns found."""
    return Hedge(cue=c.cue, kind=c.kind, claim=c.claim, quote=c.sentence.text)


def _hedges(cues: list[HedgeCue]) -> list[Hedge]:
    seen: set[tuple[str, int]] = set()
    out = []
    for c in cues:
        key = (c.cue.lower(), c.sentence.index)
        if key in seen:
            continue
        seen.add(key)
        out.append(hedge(c))
    return out[:MAX_HEDGES]


def extract(text: str) -> ArticleSummary:
    """Summarize an article with the extractive engine."""
    found = analyse(text)
    ranked = rank_sentences(found.sentences)
    summary = choose_summary(ranked, found.sentences)
    reading = found.escalation
    escalation = Escalation(
        event_type=reading.event_type,
        level=reading.level,  # type: ignore[arg-type]
        direction=reading.direction,
        actors=reading.actors,
        rationale=reading.rationale,
        evidence=[s.text for s in reading.evidence],
        cameo_code=cameo_code(reading.event_type),
        goldstein=goldstein(reading.event_type),
    )
    return ArticleSummary(
        summary=" ".join(s.text for s in summary) or text.strip()[:400],
        key_points=key_points(ranked, found.sentences),
        escalation=escalation,
        key_figures=_unique_figures(found.figures),
        hedges=_hedges(found.hedges),
    )
