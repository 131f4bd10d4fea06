"""Drop the items of a model answer whose quotes the article does not contain.

The matching itself (what counts as the same text) lives in `summarizer.quotes`,
which the models and the extractive verifier use too; this module is the LLM
layer's face of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..quotes import checking_against, find_missing, normalize, raise_if_ungrounded

if TYPE_CHECKING:
    from ..models import GroundingReport, SummaryResponse

__all__ = ["checking_against", "find_missing", "normalize", "raise_if_ungrounded", "remove_ungrounded"]


def remove_ungrounded(response: SummaryResponse, article: str) -> tuple[SummaryResponse, GroundingReport]:
    """Drop items whose quotes are not in the article; report what went."""
    from ..models import DroppedQuote, GroundingReport

    items = list(response.quoted())
    missing = find_missing(article, items)
    bad_paths = {path for path, _ in missing}
    evidence = [q for i, q in enumerate(response.escalation.evidence) if f"escalation.evidence[{i}]" not in bad_paths]
    figures = [f for i, f in enumerate(response.key_figures) if f"key_figures[{i}].quote" not in bad_paths]
    hedges = [
        h
        for i, h in enumerate(response.hedges)
        if f"hedges[{i}].cue" not in bad_paths and f"hedges[{i}].quote" not in bad_paths
    ]
    cleaned = response.model_copy(
        update={
            "escalation": response.escalation.model_copy(update={"evidence": evidence}),
            "key_figures": figures,
            "hedges": hedges,
        }
    )
    report = GroundingReport(
        checked=len(items),
        dropped=[DroppedQuote(field=path, text=text) for path, text in missing],
    )
    return cleaned, report
