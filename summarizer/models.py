"""The schema: what the model answers, and the record stored around it.

``SummaryResponse`` is the LLM-facing model. Its JSON Schema is sent with every
request, so it stays inside what OpenAI's strict structured outputs accept: every
field required, nullable fields as a union with null, no defaults, no extra keys.
``ArticleSummary`` is the same content after code has added what the model is
never asked for (the Goldstein value), and ``SummaryRecord`` wraps it with
provenance, usage and the grounding report.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from . import quotes
from .scales import Direction, EventType, cameo_code, goldstein

__all__ = [
    "SCHEMA_VERSION",
    "ArticleSummary",
    "Attempts",
    "BatchOrigin",
    "Checks",
    "DroppedQuote",
    "ErrorRecord",
    "Escalation",
    "EscalationAnswer",
    "FigureCheck",
    "FigureStatus",
    "GroundingReport",
    "Hedge",
    "HedgeKind",
    "IngestReport",
    "KeyFigure",
    "Span",
    "SummaryRecord",
    "SummaryResponse",
    "Usage",
    "place_quotes",
]

SCHEMA_VERSION = "3"
_SCHEMAS: dict[Any, dict[str, Any]] = {}

Level = Literal[0, 1, 2, 3, 4, 5]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FigureStatus(StrEnum):
    """How firm a figure is, going by the article's own wording.

    official: a named government body, official or public institution gives it;
    stated: the article states it in its own voice, attributed to no one;
    claimed: a named or unnamed party asserts it; estimate: approximate, projected
    or computed; unconfirmed: the article says it is not confirmed.
    """

    OFFICIAL = "official"
    STATED = "stated"
    CLAIMED = "claimed"
    ESTIMATE = "estimate"
    UNCONFIRMED = "unconfirmed"


class HedgeKind(StrEnum):
    """What a hedge does to the claim it qualifies."""

    ATTRIBUTION = "attribution"
    SPECULATION = "speculation"
    APPROXIMATION = "approximation"
    UNCONFIRMED = "unconfirmed"
    DENIAL = "denial"


class KeyFigure(_Strict):
    """A number the article gives, with who gives it and the sentence it is in."""

    quantity: str = Field(description="The figure exactly as written, e.g. '15,000 to 20,000'.")
    low: float | None = Field(description="Lower bound as a number, or null if not numeric.")
    high: float | None = Field(description="Upper bound as a number; equal to low for one value.")
    unit: str | None = Field(description="What is counted or measured, e.g. 'troops', 'square miles'.")
    describes: str = Field(description="What the figure is about, in a few words.")
    source: str | None = Field(description="Who states or claims the figure, or null if unattributed.")
    status: FigureStatus
    quote: str = Field(description="Verbatim sentence or clause from the article containing the figure.")

    @model_validator(mode="after")
    def _ordered(self) -> KeyFigure:
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low ({self.low}) is greater than high ({self.high})")
        return self


class Hedge(_Strict):
    """Wording that softens, attributes or doubts a claim."""

    cue: str = Field(description="The hedging words verbatim, e.g. 'reportedly', 'is said to'.")
    kind: HedgeKind
    claim: str = Field(description="The claim the cue softens, in a few words.")
    quote: str = Field(description="Verbatim sentence or clause from the article containing the cue.")


class EscalationAnswer(_Strict):
    """The escalation assessment as the model gives it."""

    event_type: EventType  # a $ref: strict mode allows no description beside it
    level: Level = Field(description="0-5 on the rubric in the instructions.")
    direction: Direction
    actors: list[str] = Field(description="States, forces or people driving the development.")
    rationale: str = Field(description="One or two sentences on why this level and type.")
    evidence: list[str] = Field(description="Verbatim quotes from the article supporting the level.")


class _SummaryFields(_Strict):
    summary: str = Field(description="2-4 neutral sentences.")
    key_points: list[str] = Field(description="2-5 short bullet points.")
    escalation: EscalationAnswer
    key_figures: list[KeyFigure]
    hedges: list[Hedge]

    @field_validator("summary")
    @classmethod
    def _summary_present(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("summary is empty; write 2-4 neutral sentences")
        return value

    def quoted(self) -> Iterator[tuple[str, str]]:
        """Yield (field path, text) for every string that must occur verbatim."""
        for i, quote in enumerate(self.escalation.evidence):
            yield f"escalation.evidence[{i}]", quote
        for i, figure in enumerate(self.key_figures):
            yield f"key_figures[{i}].quote", figure.quote
        for i, hedge in enumerate(self.hedges):
            yield f"hedges[{i}].cue", hedge.cue
            yield f"hedges[{i}].quote", hedge.quote


class SummaryResponse(_SummaryFields):
    """What the model must answer: the LLM-facing, strict-schema model."""

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The JSON Schema, built once: instructor asks for it on every request.

        instructor asks through a fresh subclass each time, so the cache is keyed on
        this class, not the caller's; the subclass adds no fields.
        """
        key = (args, tuple(sorted(kwargs.items(), key=lambda item: item[0])))
        if key not in _SCHEMAS:
            _SCHEMAS[key] = super(SummaryResponse, SummaryResponse).model_json_schema(*args, **kwargs)
        return copy.deepcopy(_SCHEMAS[key])

    @field_validator("key_points")
    @classmethod
    def _two_to_five(cls, value: list[str]) -> list[str]:
        if not 2 <= len(value) <= 5:
            raise ValueError(f"give 2 to 5 key points, not {len(value)}")
        return value

    @model_validator(mode="after")
    def _grounded(self) -> SummaryResponse:
        quotes.raise_if_ungrounded(self.quoted())
        return self


class Escalation(EscalationAnswer):
    """The escalation assessment with the values code adds from the scales."""

    cameo_code: str | None = Field(description="CAMEO code the Goldstein value is taken from.")
    goldstein: float | None = Field(description="Goldstein value of the event type (-10..+10).")


class ArticleSummary(_SummaryFields):
    """The stored content of a record, whichever engine produced it."""

    escalation: Escalation

    @classmethod
    def from_response(cls, response: SummaryResponse) -> ArticleSummary:
        """Add the looked-up scale values to a model's answer."""
        data: dict[str, Any] = response.model_dump()
        kind = response.escalation.event_type
        data["escalation"]["cameo_code"] = cameo_code(kind)
        data["escalation"]["goldstein"] = goldstein(kind)
        return cls.model_validate(data)


class Usage(_Strict):
    """Tokens billed, summed over every request an article needed."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0

    def add(self, prompt_tokens: int, completion_tokens: int) -> None:
        """Count one more response's tokens."""
        self.prompt_tokens += prompt_tokens
        self.completion_tokens += completion_tokens
        self.total_tokens = self.prompt_tokens + self.completion_tokens


class Attempts(_Strict):
    """How many requests an article took, and why."""

    requests: int = Field(default=0, description="HTTP requests sent, retries included.")
    transport_retries: int = Field(default=0, description="Requests repeated after 429, 5xx, timeouts.")
    reasks: int = Field(default=0, description="Answers sent back to the model with a validation error.")


class BatchOrigin(_Strict):
    """How the provider's Batch API made a record: which batches asked, where the answer kept came from."""

    batch_ids: list[str] = Field(description="The batches that asked for this article, first to last.")
    answered_by: Literal["batch", "realtime"] = Field(
        description="Where the answer the record holds came from: a batch, or a real-time re-ask after a batch."
    )
    batch_usage: Usage = Field(
        default_factory=Usage,
        description="The part of usage billed at the batch price (half the real-time price); the rest was real time.",
    )


class DroppedQuote(_Strict):
    """A quoted item that was not found in the article and was removed."""

    field: str
    text: str


class GroundingReport(_Strict):
    """What the quote check found, after every re-ask."""

    checked: int = Field(description="Quoted strings checked against the article.")
    dropped: list[DroppedQuote] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing had to be dropped."""
        return not self.dropped


class FigureCheck(_Strict):
    """Whether one of the model's figures states a number its quote contains."""

    index: int
    quantity: str
    number_in_quote: bool


class Checks(_Strict):
    """The extractive engine's check of an LLM answer (costs no tokens)."""

    missed_figures: list[KeyFigure] = Field(description="Figures in the text the model left out.")
    missed_hedges: list[Hedge] = Field(description="Hedges in the text the model left out.")
    figures: list[FigureCheck] = Field(description="One check per figure the model gave.")


class IngestReport(_Strict):
    """How the article text was obtained from its source."""

    format: str = Field(description="text, markdown, html, json or jsonl.")
    encoding: str
    original_chars: int = Field(description="Characters before cleaning.")
    removed_chars: int = Field(description="Characters removed as page boilerplate or markup.")
    truncated_from: int | None = Field(default=None, description="Characters before truncation, if it was cut.")


class Span(_Strict):
    """Where one quoted string of the summary sits in the record's article text."""

    field: str = Field(description="Path of the quoted string, e.g. 'key_figures[0].quote'.")
    start: int = Field(ge=0, description="Offset of its first character in article_text, in code points (str index).")
    end: int = Field(ge=0, description="Offset just past its last character (end exclusive).")
    parts: list[tuple[int, int]] | None = Field(
        default=None,
        description="For a quote that elides text with '...': (start, end) of each part; start and end "
        "then run from the first part to the last. Null for a quote of one part.",
    )


Locator = Callable[[str], "list[tuple[int, int]] | None"]


def place_quotes(
    items: Iterable[tuple[str, str]], where: Locator, article: str | None = None
) -> tuple[list[Span], list[str]]:
    """Span every (path, text) that ``where`` places; also return the paths it could not place.

    Given the ``article`` text, a hedge's cue goes inside its own quote where it occurs
    there, rather than at its first occurrence in the article.
    """
    spans: list[Span] = []
    unplaced: list[str] = []
    cues: dict[str, str] = {}
    for path, text in items:
        parts = where(text)
        if parts is None:
            unplaced.append(path)
        else:
            many = parts if len(parts) > 1 else None
            spans.append(Span(field=path, start=parts[0][0], end=parts[-1][1], parts=many))
            if path.endswith(".cue"):
                cues[path] = text
    if article is not None and cues:
        quoted = {span.field: span for span in spans}
        spans = [
            _in_quote(s, cues[s.field], quoted.get(s.field[:-4] + ".quote"), article) if s.field in cues else s
            for s in spans
        ]
    return spans, unplaced


def _in_quote(cue: Span, text: str, quote: Span | None, article: str) -> Span:
    """The cue's span moved into its quote's span when it occurs there and is not there already."""
    if quote is None:
        return cue
    regions = quote.parts or [(quote.start, quote.end)]
    if any(start <= cue.start and cue.end <= end for start, end in regions):
        return cue
    for start, end in regions:
        parts = quotes.ArticleIndex(article[start:end]).locate(text)
        if parts is not None:
            many = [(start + a, start + b) for a, b in parts] if len(parts) > 1 else None
            return Span(field=cue.field, start=start + parts[0][0], end=start + parts[-1][1], parts=many)
    return cue


_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class SummaryRecord(_Strict):
    """One article's structured summary with everything needed to trust it."""

    status: Literal["ok"] = "ok"
    article_id: str
    source_path: str | None
    content_sha256: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    engine: Literal["llm", "extractive"]
    provider: str | None
    model: str | None
    model_sha256: str | None = Field(
        default=None, description="sha256 of the GGUF model file (provider local; model is its file name), else null."
    )
    prompt_version: str
    schema_version: str = SCHEMA_VERSION
    usage: Usage = Field(default_factory=Usage)
    cost_usd: float | None = Field(default=None, description="Estimated from the price table; null if unknown.")
    latency_s: float
    attempts: Attempts = Field(default_factory=Attempts)
    cached: bool = False
    created_at: datetime
    grounding: GroundingReport
    checks: Checks | None = Field(default=None, description="Verifier findings; null for the extractive engine.")
    ingest: IngestReport | None = None
    language: str | None = Field(
        default=None, description="ISO 639-1 code of the article's language; null when it could not be told."
    )
    language_confidence: float | None = Field(
        default=None, description="Share of the text (0-1) the detector found in that language."
    )
    warnings: list[str] = Field(default_factory=list)
    batch: BatchOrigin | None = Field(
        default=None, description="Set when the provider's Batch API made the record; null for real-time requests."
    )
    summary: ArticleSummary
    spans: list[Span] = Field(
        default_factory=list,
        description="Where each quote, cue and evidence string of the summary sits in article_text "
        "(one per string the matcher placed; computed by code, never asked of the model).",
    )
    article_text: str | None = Field(
        default=None,
        description="The article text the record was made from (after ingest and truncation; content_sha256 "
        "is its digest), which spans index into.",
    )

    @model_validator(mode="after")
    def _spans_inside(self) -> SummaryRecord:
        size = len(self.article_text) if self.article_text is not None else None
        for span in self.spans:
            if span.start > span.end or (size is not None and span.end > size):
                raise ValueError(f"span of {span.field} ({span.start}, {span.end}) is not inside the article text")
        return self

    @field_validator("content_sha256")
    @classmethod
    def _hex_digest(cls, value: str) -> str:
        if not _SHA256.match(value):
            raise ValueError("content_sha256 must be 64 lowercase hex digits")
        return value


class ErrorRecord(_Strict):
    """A batch line for an article that could not be summarized, with the reason."""

    status: Literal["error"] = "error"
    article_id: str
    source_path: str | None
    error_type: str = Field(description="The summarizer error class, e.g. InputError, ProviderError.")
    error: str = Field(description="What went wrong and what to do about it.")
    attempts: int = 0
    usage: Usage = Field(default_factory=Usage)
    created_at: datetime
