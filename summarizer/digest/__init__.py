"""Many article records in, one briefing out: stories, figures side by side, what is unconfirmed.

Grouping (`grouping`): records report the same development when they share the
place they are mostly about, say similar things (TF-IDF cosine of title,
summary, key points and evidence) and agree on figures; records dated more than
30 days apart never join. Average-linkage clustering cuts at a fixed similarity.
Stories (`stories`): each is told from one lead article (headline, the brief's
opening, the evidence), with figures (`figures`: sources differ only when their
values cannot all be true), hedged claims doubt first, and numbered sources.
Rendering lives in `summarizer.digest.rendering`; one record's review page in
`summarizer.digest.review`. Everything is deterministic.
"""

from __future__ import annotations

from typing import Any

from .figures import compatible, discrepancies, interval
from .grouping import DATE_GATE_DAYS, SAME_STORY, group_records, load_records, main_place, similarity_matrix
from .models import Badge, Digest, Discrepancy, FigureRow, HedgedClaim, SourceRef, Story, TimelinePoint
from .polish import PolishedBrief, polish_digest
from .records_file import load_records_file
from .review import render_review
from .stories import build_digest, is_teaser, source_name

__all__ = [
    "DATE_GATE_DAYS",
    "SAME_STORY",
    "Badge",
    "Digest",
    "Discrepancy",
    "FigureRow",
    "HedgedClaim",
    "PolishedBrief",
    "SourceRef",
    "Story",
    "TimelinePoint",
    "build_digest",
    "compatible",
    "digest_schema",
    "discrepancies",
    "group_records",
    "interval",
    "is_teaser",
    "load_records",
    "load_records_file",
    "main_place",
    "polish_digest",
    "render_review",
    "similarity_matrix",
    "source_name",
]


def digest_schema() -> dict[str, Any]:
    """JSON Schema of the digest's JSON form."""
    return Digest.model_json_schema()
