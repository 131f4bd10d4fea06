"""Who claims a figure: the rules of the seventh round on issue 9, each pinned with fictional sentences of our own."""

from __future__ import annotations

import pytest

from summarizer.extractive.figures import find_figures
from summarizer.extractive.sentences import split_sentences
from tests.conftest import source_of


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a paragraph whose quotation ends in a long speech tag hands its speaker on to a paragraph of quotation
        (
            '"We like several of the bids," Brell said during a visit to Orlen, the region\'s largest port, '
            "ahead of the opening of his new depot.\n\n"
            '"It changes every day. Out of 14 bidders, 41 percent is unheard of."',
            "41 percent",
            "Brell",
        ),
        # a transcript label with a party in brackets before its colon
        (
            'Rep. Dana Brell (R-Or.):"I have not heard anyone cite that figure. Who told you 90 percent were filed?"',
            "90 percent",
            "Rep. Dana Brell",
        ),
        (
            'Sen. Tomas Vell (D-Ka.): "The port lost 3,000 jobs in a year."',
            "3,000",
            "Sen. Tomas Vell",
        ),
        # a quotation opening inside what "As X explained," reports is X's in every sentence it runs on over
        (
            "As Orlen spokesman Tomas Vell explained, two levies were put off, costing the town $3 million, "
            '"which sounds like a lot. But over the next four years the depot is set to cost $20 million less '
            'than planned, and that means the town saves money."\n\nThe council has not said more.',
            "$20 million",
            "Orlen spokesman Tomas Vell",
        ),
    ],
)
def test_claimant(text: str, quantity: str, source: str) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # a scare quote is no quotation running on: the figure stays the outlet's
        (
            'Mayor Kell\'s "40 percent" remark was nearly as damaging, the paper wrote later. '
            "Turnout fell to 30 percent.",
            "30 percent",
        ),
        # a quotation that opens in a report but never closes in its paragraph is not carried on by it
        (
            'Orlen Data said the race was tight: "Vell leads.\n\nKell gets 16 percent.',
            "16 percent",
        ),
        # a long speech tag that is followed by a sentence of the outlet's own hands nothing on
        (
            '"We like several of the bids," Brell said during a visit to Orlen. The depot opened in May.\n\n'
            '"Out of 14 bidders, 41 percent is unheard of."',
            "14",
        ),
        # acts, not statements: calling a deal off, declaring war
        (
            "Vell Data and Orlen Mills called off a $54 billion merger after the ministry issued its rules.",
            "$54 billion",
        ),
        (
            "The Kessian authorities declared war on the valley, starting a conflict with more than 30,000 deaths.",
            "more than 30,000",
        ),
        # an interview nobody is named for is no source; the one who gave it did not say the figure here
        ("President Vell backed her up in an interview last October on the Orlen channel's show 60 Minutes.", "60"),
    ],
)
def test_no_claimant_carried(text: str, quantity: str) -> None:
    figure = next(f for f in find_figures(text, split_sentences(text)) if f.quantity == quantity)
    assert figure.source is None


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # still claims: calling for a figure, declaring one, an interview named for its source
        ("The union called for a $15 minimum wage.", "$15", "The union"),
        ("The ministry declared that 40 villages were flooded.", "40", "The ministry"),
        ("In an interview with the Orlen Post, the mayor put the cost at $3 million.", "$3 million", "the mayor"),
        # "put the toll at 40": the figure it is put at, not where it was said
        ("The ministry put the death toll at 40 on Monday.", "40", "The ministry"),
        ("Analysts at Vell Data put the figure at 4.6 million by 2030.", "4.6 million", "Analysts at Vell Data"),
    ],
)
def test_claims_kept(text: str, quantity: str, source: str) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a place or an event named after "in", "at", "the" is never "she" or "he"
        (
            "A day earlier, at a forum for farmers in Orlen Vale, Kell traded the microphone with activists.\n\n"
            'She asked Kell about the "2 million" people who left.',
            "2 million",
            None,  # a voter asks: no "she" was named before her
        ),
        (
            "Governor McBrell on Friday signed an order for voters banned since the Valley War.\n\n"
            '"We send a message to these 206,000 people," he said.',
            "206,000",
            "Governor McBrell",
        ),
        # surnames with an inner capital are names ("McAuliffe"), and "Gov." is a title before one
        (
            "Orlen Gov. Terry McBrell on Friday restored the rights of felons.\n\n"
            '"We send a message to these 206,000 people," he said.',
            "206,000",
            "Terry McBrell",
        ),
        # a person right after a verb in the past is its object, not who speaks next
        (
            "Mr Kell said the note was sent in error. It went to Dana Osk, a reporter.\n\n"
            "Realising his error, Mr Kell then e-mailed Mr Osk to say so.\n\n"
            'He said: "For the record, the first three lines of the note are right."',
            "three",
            "Mr Kell",
        ),
    ],
)
def test_pronoun_resolution(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a relative clause with no "that" names only the phrase before it, not the whole sentence
        (
            "In May, the agency proposed a quota of 17.4 billion litres, well below the 22.3 billion litres "
            "the council had sought.",
            "17.4 billion",
            "the agency",
        ),
        (
            "In May, the agency proposed a quota of 17.4 billion litres, well below the 22.3 billion litres "
            "the council had sought.",
            "22.3 billion",
            "the council",
        ),
        ("The rise is slightly above the 0-5% range Vell Data predicts.", "0-5%", "Vell Data"),  # (as part of it)
        # a tag after the clause still speaks for all of it
        (
            "Output rose by 0.8% in the fourth quarter, the statistical office Orlstat said.",
            "0.8%",
            "Orlstat",
        ),
        (
            "Investors are to receive £194m, the Orlen financial watchdog has announced.",
            "£194m",
            "the Orlen financial watchdog",
        ),
    ],
)
def test_zero_relative_clause(text: str, quantity: str, source: str) -> None:
    assert source in (source_of(text, quantity) or "")


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a person who "showed" a quality reports nothing
        ("Tomas Brell won in Orlen. He showed admirable resolve to win the match 6-7 6-4 6-4.", "6-7", None),
        ("Dana Kell won. But she showed no sign of strain when she wrapped up victory in two hours.", "two", None),
        # "showed that" still reports
        ("Dana Kell studied the books. She showed that 40 accounts were empty.", "40", "Dana Kell"),
    ],
)
def test_a_person_showing_a_quality(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # an inverted tag's title runs on into the name it comes before (was "chief", "Vell")
        (
            '"We have half the cover we had in the first half," said chief financial officer Tomas Brell.',
            "half",
            "chief financial officer Tomas Brell",
        ),
        ('"Kell will be out for four to six weeks," said Vell boss Dana Osk.', "four to six", "Vell boss Dana Osk"),
        ('"Sales fell 5% in May," said chief executive Dana Kell.', "5%", "chief executive Dana Kell"),
    ],
)
def test_inverted_title_and_name(text: str, quantity: str, source: str) -> None:
    assert source_of(text, quantity) == source
