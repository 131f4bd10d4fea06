"""Drop the items of a model answer whose quotes the article does not contain.

The matching itself (what counts as the same text) lives in `summarizer.quotes`,
which the models and the extractive verifier use too; this module is the LLM
layer's face of it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..quotes import ArticleIndex, checking_against, find_missing, normalize, raise_if_ungrounded

if TYPE_CHECKING:
    from ..models import GroundingReport, Span, SummaryResponse

__all__ = ["checking_against", "find_missing", "ground", "normalize", "raise_if_ungrounded", "remove_ungrounded"]


def remove_ungrounded(response: SummaryResponse, article: str) -> tuple[SummaryResponse, GroundingReport]:
    """Drop items whose quotes are not in the (normalised) article; report what went."""
    items = list(response.quoted())
    missing = find_missing(article, items)
    return (_without(response, missing) if missing else response), _report(items, missing)


def ground(response: SummaryResponse, index: ArticleIndex) -> tuple[SummaryResponse, GroundingReport, list[Span]]:
    """Drop items whose quotes are not in the article; report what went and place what stayed.

    Each distinct string is searched once: the search that decides whether it stays
    gives its span.
    """
    from ..models import place_quotes

    if not index.exact:  # nothing can be placed; still drop by the rule itself
        cleaned, report = remove_ungrounded(response, index.rule_text)
        return cleaned, report, []
    found: dict[str, list[tuple[int, int]] | None] = {}

    def where(text: str) -> list[tuple[int, int]] | None:
        if text not in found:
            found[text] = index.locate(text)
        return found[text]

    items = list(response.quoted())
    missing = [(path, text) for path, text in items if where(text) is None]
    cleaned = _without(response, missing) if missing else response  # nothing to drop: no copies
    spans, _ = place_quotes(cleaned.quoted(), where, index.text)
    return cleaned, _report(items, missing), spans


def _report(items: list[tuple[str, str]], missing: list[tuple[str, str]]) -> GroundingReport:
    from ..models import DroppedQuote, GroundingReport

    return GroundingReport(checked=len(items), dropped=[DroppedQuote(field=path, text=text) for path, text in missing])


def _without(response: SummaryResponse, missing: list[tuple[str, str]]) -> SummaryResponse:
    bad_paths = {path for path, _ in missing}
    evidence = [q for i, q in enumerate(response.escalation.evidence) if f"escalation.evidence[{i}]" not in bad_paths]
    figures = [f for i, f in enumerate(response.key_figures) if f"key_figures[{i}].quote" not in bad_paths]
    hedges = [
        h
        for i, h in enumerate(response.hedges)
        if f"hedges[{i}].cue" not in bad_paths and f"hedges[{i}].quote" not in bad_paths
    ]
    return response.model_copy(
        update={
            "escalation": response.escalation.model_copy(update={"evidence": evidence}),
            "key_figures": figures,
            "hedges": hedges,
        }
    )
