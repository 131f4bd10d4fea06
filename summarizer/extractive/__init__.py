"""The built-in extractive engine: fills the same schema as the LLM, offline.

No model, no network: sentences are chosen by position and centrality, figures
and hedges found by patterns, escalation scored from trigger words. Every quote
is a span of the article, so grounding holds by construction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..ingest.language import Language, detect_language, detector_version, language_name
from ..models import ArticleSummary, Escalation, FigureStatus, Hedge, KeyFigure
from ..scales import Direction, EventType, cameo_code, goldstein
from .escalation import EscalationReading, assess_escalation
from .figures import Figure, find_figures
from .hedges import HedgeCue, find_hedges
from .sentences import Sentence, split_sentences
from .summary import summarize_sentences

__all__ = [
    "ENGINE_VERSION",
    "Extraction",
    "analyse",
    "engine_sources",
    "engine_version",
    "extract",
    "hedge",
    "key_figure",
    "language_warning",
]

MAX_FIGURES = 20
MAX_HEDGES = 25
_PACKAGE = Path(__file__).resolve().parent.parent
# Modules outside extractive/ whose code or tables shape the engine's output.
_SHARED_SOURCES = ("scales.py", "models.py", "quotes.py", "ingest/language.py")


def engine_sources(package: Path = _PACKAGE) -> list[Path]:
    """The files the engine's output depends on: everything in extractive/ and the shared modules."""
    own = [p for p in (package / "extractive").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return sorted([*own, *(package / name for name in _SHARED_SOURCES)])


def engine_version(package: Path = _PACKAGE, extras: Iterable[str] = ()) -> str:
    """A content hash of the engine's sources and extras, e.g. 'extractive-1a2b3c4d5e6f'."""
    digest = hashlib.sha256()
    for path in engine_sources(package):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for extra in extras:
        digest.update(extra.encode() + b"\0")
    return f"extractive-{digest.hexdigest()[:12]}"


# Computed once at import: any edit to the engine's code or word lists, or another
# detector release, gives a new version, so cached records of older code are not served.
ENGINE_VERSION = engine_version(extras=(detector_version(),))


@dataclass(frozen=True)
class Extraction:
    """Everything the patterns found, with spans, before it is cut down to a summary."""

    sentences: list[Sentence]
    figures: list[Figure]
    hedges: list[HedgeCue]
    escalation: EscalationReading


def analyse(text: str, published: str | None = None) -> Extraction:
    """Run every extractor over the text and keep their spans (``published``: the article's date, if known)."""
    sentences = split_sentences(text)
    return Extraction(
        sentences=sentences,
        figures=find_figures(text, sentences),
        hedges=find_hedges(text, sentences),
        escalation=assess_escalation(sentences, published),
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


_FIRMNESS = {
    FigureStatus.OFFICIAL: 0,
    FigureStatus.STATED: 1,
    FigureStatus.CLAIMED: 2,
    FigureStatus.ESTIMATE: 3,
    FigureStatus.UNCONFIRMED: 4,
}
_PEOPLE = frozenset("troops soldiers servicemen personnel forces fighters militants men troop soldier".split())


def _counted(unit: str | None) -> str | None:
    """The kind a unit counts: 'troops', 'soldiers' and 'forces' count the same people."""
    word = (unit or "").lower()
    return "personnel" if word in _PEOPLE else word or None


def _unique_figures(figures: list[Figure]) -> list[KeyFigure]:
    """One figure per value and kind, however often the article words it.

    "50,000 troops" and "approximately 50,000 soldiers" are one figure: the kept
    mention is the attributed one, then the firmest, then the first in a full sentence.
    """
    groups: dict[tuple[float | None, float | None, str | None, str], list[Figure]] = {}
    for f in figures:
        key = (f.low, f.high, _counted(f.unit), f.quantity.lower() if f.low is None else "")
        groups.setdefault(key, []).append(f)
    # a mention with no counted noun joins the group of the same value that has one
    for key in [k for k in groups if k[2] is None and k[0] is not None]:
        kin = [k for k in groups if k[:2] == key[:2] and k[2] is not None and k != key]
        if len(kin) == 1:
            groups[kin[0]] += groups.pop(key)
    chosen = [
        (
            min(f.start for f in group),
            min(group, key=lambda f: (f.source is None, _FIRMNESS[f.status], not f.sentence.is_prose, f.start)),
        )
        for group in groups.values()
    ]
    return [key_figure(f) for _, f in sorted(chosen, key=lambda pair: pair[0])[:MAX_FIGURES]]


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


def language_warning(language: Language) -> str | None:
    """What the engine says about an article it cannot read; None for English or undetermined text."""
    if language.is_english:
        return None
    return (
        f"article is in {language_name(language.code)} ({language.code}); the extractive engine reads English only, "
        "so the summary is the lead sentences and escalation, figures and hedges are left out; use an LLM for them"
    )


def _lead_only(text: str, language: Language) -> ArticleSummary:
    """The record for an article in another language: lead sentences, nothing guessed."""
    sentences = split_sentences(text)
    summary, points = summarize_sentences(sentences, by_position=True)
    escalation = Escalation(
        event_type=EventType.NONE,
        level=0,
        direction=Direction.UNCLEAR,
        actors=[],
        rationale=(
            f"Not assessed: the article is in {language_name(language.code)} and the extractive engine's "
            "trigger words are English."
        ),
        evidence=[],
        cameo_code=cameo_code(EventType.NONE),
        goldstein=goldstein(EventType.NONE),
    )
    return ArticleSummary(
        summary=" ".join(s.text for s in summary) or text.strip()[:400],
        key_points=points,
        escalation=escalation,
        key_figures=[],
        hedges=[],
    )


def extract(text: str, language: Language | None = None, published: str | None = None) -> ArticleSummary:
    """Summarize an article with the extractive engine (language detected unless given)."""
    language = detect_language(text) if language is None else language
    if not language.is_english:
        return _lead_only(text, language)
    found = analyse(text, published)
    summary, points = summarize_sentences(found.sentences)
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
        key_points=points,
        escalation=escalation,
        key_figures=_unique_figures(found.figures),
        hedges=_hedges(found.hedges),
    )
