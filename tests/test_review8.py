"""A review of the eighth round's rules: the regressions it found, each pinned with fictional sentences of our own."""

from __future__ import annotations

import pytest

from summarizer.extractive.attribution import is_official
from summarizer.extractive.figures import find_figures
from summarizer.extractive.furniture import is_furniture
from summarizer.extractive.hedges import find_hedges
from summarizer.extractive.sentences import split_sentences
from tests.conftest import source_of


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # "back" as an adverb, and any study but a poll, name no respondents
        ("In the audit back then, the Orlen treasury said it had lost $80m.", "$80m", "the Orlen treasury"),
        ("Unemployment in the census data stands at 5%.", "5%", None),
        # a time word is left out only as a time: "Morning Star" is a name
        ("Morning Star reported that 300 workers had been sacked.", "300", "Morning Star"),
        ("Yesterday Kestby Council said 40 homes were hit.", "40", "Kestby Council"),
        # a consequence of a future claim is part of it
        (
            "The Orlen ministry said 40 schools would close, causing 12,000 pupils to move.",
            "12,000",
            "The Orlen ministry",
        ),
        # "A X forecast that ...": the noun
        ("A Vell Capital forecast that sales would rise 40% proved wrong.", "40%", None),
    ],
)
def test_review_sources(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


def test_a_name_that_opens_with_a_public_body_is_not_that_body() -> None:
    assert not is_official("The United Nations Association")
    assert is_official("A United Nations spokesman")


@pytest.mark.parametrize(
    "text",
    [
        "Inflation in Orlen rose to 3.1%, higher than economists had expected.",
        "Sales in Orlen rose by a better-than-expected 3.1% in December.",
    ],
)
def test_than_expected_compares(text: str) -> None:
    assert find_figures(text, split_sentences(text))[0].status.value == "stated"


@pytest.mark.parametrize(
    "text",
    ["It was bought at Vellmart.Com from Monday.", "Call System.Drawing when ready.", "It cost approx.Forty crowns."],
)
def test_glued_names_and_addresses_stay_one_sentence(text: str) -> None:
    assert len(split_sentences(text)) == 1


@pytest.mark.parametrize(("text", "first"), [("Shares rose 5%.The firm said so.", "Shares rose 5%.")])
def test_a_glued_sentence_after_a_figure_ends(text: str, first: str) -> None:
    assert split_sentences(text)[0].text == first


@pytest.mark.parametrize(
    "sentence",
    ["The Orlen Audit Office raised serious concerns.", "A spokesman for the Orlen ministry raised concerns."],
)
def test_someone_raising_concerns_is_news(sentence: str) -> None:
    assert not is_furniture(sentence)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The plan, critics say, may fail within a year.", "The plan, critics say, may fail within a year"),
        ("Vellcorp, the Orlen car maker, may cut 300 jobs.", "Vellcorp, the Orlen car maker, may cut 300 jobs"),
        (
            "According to police, the driver, who was 19, was drunk.",
            "According to police, the driver, who was 19, was drunk",
        ),
    ],
)
def test_hedge_claims_keep_their_subject(text: str, claim: str) -> None:
    assert next(h.claim for h in find_hedges(text, split_sentences(text))) == claim


@pytest.mark.parametrize(
    ("text", "quantity", "describes"),
    [
        # what changed, before its change verb (was "per cent")
        ("Orlen's exports - counted in Vell crowns - rose 10% last year.", "10%", "Orlen's exports"),
        ("The deficit with Kestria, up 30.5% in a year, was the largest yet.", "30.5%", "The deficit with Kestria"),
        ("In Kestby the figure is close to 5%.", "close to 5%", "the figure"),
        ("Orlen's economic growth will slow to 1.6% next year.", "1.6%", "Orlen's economic growth"),
        ("By 1200 GMT on Monday, Vellcorp shares were down 16.2% at 235 pence.", "16.2%", "Vellcorp shares"),
        # money "in" what (was "dollars"), and a conversion describes what its figure does
        ("Vellcorp is claiming more than $20bn (£11bn) in damages.", "more than $20bn", "damages"),
        ("Vellcorp is claiming more than $20bn (£11bn) in damages.", "£11bn", "damages"),
        ("Orlen Re said its exposure is less than 100m euros (£70m).", "£70m", "its exposure"),
    ],
)
def test_what_a_figure_describes(text: str, quantity: str, describes: str) -> None:
    found = [f for f in find_figures(text, split_sentences(text)) if f.quantity == quantity]
    assert found and found[0].describes == describes


@pytest.mark.parametrize(
    ("text", "quantities"),
    [
        # a number word inside a name is no figure ("Six" of the Six Nations counted "Nations")
        ("Orlen won the Six Nations title with a 20-10 win.", ["20-10"]),
        ("He told Vell Radio Five Live that 300 jobs would go.", ["300"]),
        ("The Three Gorges Dam cost Orlen $22bn.", ["$22bn"]),
        ("Three Orlen soldiers died on Monday.", ["Three"]),
        # but a headline in title case capitalises every figure
        ("Vell Report Finds Only 'One or Two Cases' Where Orlen Donations Slipped Through", ["One or Two"]),
    ],
)
def test_number_words_in_names(text: str, quantities: list[str]) -> None:
    assert [f.quantity for f in find_figures(text, split_sentences(text))] == quantities


@pytest.mark.parametrize(
    ("text", "quantity", "unit"),
    [
        # an age is counted in years (was "workers", the nearest noun)
        ("The plans raise the retirement age for Orlen's public workers from 60 to 65.", "60", "years"),
        ("Dana Kell died at the age of 84.", "84", "years"),
        ("In an age of austerity 300 workers in Orlen lost their jobs.", "300", "workers"),
    ],
)
def test_ages_are_years(text: str, quantity: str, unit: str) -> None:
    found = [f for f in find_figures(text, split_sentences(text)) if f.quantity == quantity]
    assert found and found[0].unit == unit
