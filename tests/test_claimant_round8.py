"""Who claims a figure: the rules of the eighth round on issue 9, each pinned with fictional sentences of our own."""

from __future__ import annotations

import pytest

from summarizer.extractive.figures import find_figures
from summarizer.extractive.sentences import split_sentences
from tests.conftest import source_of


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # the share of a poll's respondents who say, think or back something is the poll's result
        (
            "Some 20 percent of people in a recent Vell/Orlen poll said they believe Osk was born abroad.",
            "Some 20 percent",
            "a recent Vell/Orlen poll",
        ),
        ("Just 13% of voters in the Kestrian survey approved of the levy.", "13%", "the Kestrian survey"),
        (
            "The mayor's approval rating in the latest Orlen Herald poll stands at 53%.",
            "53%",
            "the latest Orlen Herald poll",
        ),
        # no poll named after "in": nobody's result
        ("Turnout in the census data rose 5 percent.", "5 percent", None),
    ],
)
def test_respondents_in_a_poll(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a clause's opening (a time, "In its filing") is not part of the source after it
        ("Last week Orlen City Council reported that 14,000 voters were missing.", "14,000", "Orlen City Council"),
        ("In its statement Vellcorp also said that 20 keys were fake.", "20", "Vellcorp"),
        ("In its Chapter 11 filing Vellcorp claimed it had assets of less than $10m.", "less than $10m", "Vellcorp"),
        # but a determiner of the source's own stays ("In November the Orlen Medical Association said")
        (
            "In November the Orlen Medical Association said 311,000 people were waiting.",
            "311,000",
            "the Orlen Medical Association",
        ),
        # the words that make a role or a body come with it (was "secretary Dana Kell", "office STATEC")
        (
            'For the Greens, shadow transport secretary Dana Kell said: "We need 4,000 drivers."',
            "4,000",
            "shadow transport secretary Dana Kell",
        ),
        ("Output rose 0.8%, the statistical office STATEC said.", "0.8%", "the statistical office STATEC"),
        # ranking words do not make a role: "the last thing state senator Dana Kell wants"
        (
            "Higher fees are the last thing state senator Dana Kell, a Democrat, wants: "
            "she said 300 firms would close.",
            "300",
            "state senator Dana Kell",
        ),
        # after "according to", a new phrase opening after the name is not part of the source
        (
            "According to research firm Vell Data the number of blogs in Orlen, the blogosphere, "
            "doubles every 8 months.",
            "8",
            "research firm Vell Data",
        ),
    ],
)
def test_the_source_phrase_is_whole(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # "has forecast", "X forecast that": the verb, not the noun (was no claimant)
        (
            "Investment bank Vell Capital has forecast that the market will grow by about 40% a year.",
            "about 40%",
            "Investment bank Vell Capital",
        ),
        ("Vell Capital forecast that the market will grow by 40% a year.", "40%", "Vell Capital"),
        # a legal document alleges or finds as a report does (was no claimant)
        ("The lawsuit alleged that Vellmart sold guns to 23 people in Orlen.", "23", "The lawsuit"),
        ("The indictment alleges that Kell took $40,000 in bribes.", "$40,000", "The indictment"),
        ("The forecast that the market will grow by 40% a year was wrong.", "40%", None),
        # a place after "at"/"in" is not the subject: the phrase it hangs from is (was "the West Country")
        (
            "Orlen Radio correspondent Dana Hall at Kestby in the West Marches said 2,000 people had turned out.",
            "2,000",
            "Orlen Radio correspondent Dana Hall at Kestby in the West Marches",
        ),
        (
            "A spokesman for the Norland embassy in Orlen said two families had left.",
            "two",
            "A spokesman for the Norland embassy in Orlen",
        ),
        ("Officials at the Orlen ministry said 40 people died.", "40", "Officials at the Orlen ministry"),
        (
            "Data in the May 5, 2021 report showed 40 percent of homes were empty.",
            "40 percent",
            "the May 5, 2021 report",
        ),
        ("Voters in Orlen said 40 people had left.", "40", "Voters in Orlen"),
        # what followed the claim, in the outlet's words, is not part of it
        (
            "The Orlen ministry has confirmed it is reviewing pensions, prompting unions of 4.5m workers to protest.",
            "4.5m",
            None,
        ),
    ],
)
def test_the_verb_and_its_subject(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "status"),
    [
        # a comparison with what was expected makes no estimate of the figure (was "estimate")
        ("Inflation in Orlen has been rising faster than expected, hitting 1.6% in May.", "1.6%", "stated"),
        ("The Norland economy grew more than previously forecast, at a rate of 3.8%.", "3.8%", "stated"),
        ("The firm expected 1.6% growth in Orlen.", "1.6%", "estimate"),
        # "it is believed", "are believed to": someone unnamed asserts it (was "stated")
        ("It is believed more than 270 boats left Kestby on Saturday.", "more than 270", "claimed"),
        ("More than 100 people are believed to have left Kestby.", "More than 100", "claimed"),
        # the adjective "alleged" marks what is alleged, not every figure of the sentence
        (
            "Messages sent by the alleged spammers broke three Orlen laws, the attorney general said.",
            "three",
            "official",
        ),
    ],
)
def test_status_from_the_wording(text: str, quantity: str, status: str) -> None:
    found = [f for f in find_figures(text, split_sentences(text)) if f.quantity == quantity]
    assert found and found[0].status.value == status
