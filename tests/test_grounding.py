"""Quote checking against the article."""

from __future__ import annotations

import pytest

from summarizer import SummaryResponse
from summarizer.llm import grounding
from tests.conftest import article, valdoria_answer

TEXT = article("valdoria-border.txt")


@pytest.fixture
def norm() -> str:
    return grounding.normalize(TEXT)


@pytest.mark.parametrize(
    "quote",
    [
        "Valdoria has moved about 4,000 soldiers",
        "valdoria HAS moved   about 4,000\nsoldiers",  # case and whitespace
        "\u201cas many as 6,000 troops\u201d",  # curly quotes for straight ones
        "There is no official confirmation of that figure.",
        "Two artillery batteries ... moved by rail",  # elision, parts in order
        '"reportedly"',  # quote marks around the cue
    ],
)
def test_quotes_found_despite_formatting(norm: str, quote: str) -> None:
    assert grounding.find_missing(norm, [("q", quote)]) == []


@pytest.mark.parametrize(
    "quote",
    [
        "Valdoria has moved about 5,000 soldiers",  # changed figure
        "moved by rail ... Two artillery batteries",  # parts out of order
        "",  # nothing is not a quote
        "...",
        "Kestria invaded Valdoria",
    ],
)
def test_invented_or_altered_quotes_are_missing(norm: str, quote: str) -> None:
    assert grounding.find_missing(norm, [("q", quote)]) == [("q", quote)]


def test_dashes_are_unified() -> None:
    norm = grounding.normalize("a build\u2011up of 15,000\u201320,000 troops")
    assert grounding.find_missing(norm, [("q", "build-up of 15,000-20,000 troops")]) == []


def test_validation_raises_only_inside_checking_block() -> None:
    answer = valdoria_answer()
    answer["hedges"][0]["cue"] = "allegedly"
    SummaryResponse.model_validate(answer)  # no article active: no check
    with grounding.checking_against(TEXT), pytest.raises(ValueError, match=r"hedges\[0\]\.cue: 'allegedly'"):
        SummaryResponse.model_validate(answer)


def test_remove_ungrounded_drops_items_and_reports_them(norm: str) -> None:
    answer = valdoria_answer()
    answer["escalation"]["evidence"].append("an invented sentence")
    answer["key_figures"][0]["quote"] = "Valdoria moved 9,000 soldiers"
    response = SummaryResponse.model_validate(answer)
    cleaned, report = grounding.remove_ungrounded(response, norm)
    assert report.checked == 5
    assert {d.field for d in report.dropped} == {"escalation.evidence[1]", "key_figures[0].quote"}
    assert cleaned.key_figures == []
    assert cleaned.escalation.evidence == answer["escalation"]["evidence"][:1]
    assert len(cleaned.hedges) == 1
    assert not report.ok
