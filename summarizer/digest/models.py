"""The digest's JSON form: stories, figures, discrepancies, hedged claims, sources."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SourceRef(_Model):
    """One article behind a story."""

    article_id: str
    name: str = Field(description="How the digest names it: the title, else the publisher, the URL's host or the file.")
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
    source: int = Field(description="Number of the article in the story's sources, from 1.")


class Discrepancy(_Model):
    """Sources giving numbers for the same thing that cannot all be right."""

    about: str
    figures: list[FigureRow]
    gap: str = Field(description="How far apart, e.g. '2.6x' or '25% apart'.")
    ratio: float = Field(description="Largest over smallest stated value.")


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
    lead_article_id: str = Field(description="The article the headline, the brief's opening and the evidence are from.")
    brief: str
    escalation: Badge
    figures: list[FigureRow]
    discrepancies: list[Discrepancy]
    hedged: list[HedgedClaim] = Field(description="Doubt first: unconfirmed, denial, speculation, then attribution.")
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
    skipped_errors: int = Field(description="Error records in the input, left out of the digest.")
    stories: list[Story]
