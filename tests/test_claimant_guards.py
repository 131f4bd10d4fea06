"""Where the fifth round's claimant rules must stop: sentences a review wrote against them, each pinned."""

from __future__ import annotations

import pytest

from tests.conftest import source_of


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a date or a count of times after the verb is not what was reported
        ("The dam holds 3 million cubic metres, engineers said in 2019.", "3 million", "engineers"),
        ("The dam holds 3 million cubic metres, engineers said on 12 May.", "3 million", "engineers"),
        ("The bridge cost $4 million, Kell said 10 times.", "$4 million", "Kell"),
        # a tag in mid-sentence stops at a clause set against it, and a later tag speaks for its own clause
        (
            "Exports rose 8 percent, the agency said in a report, but critics put the real figure at 3 percent.",
            "3 percent",
            "critics",
        ),
        (
            "Exports rose 8 percent, the agency said in May, and imports fell 3 percent, the ministry said.",
            "3 percent",
            "the ministry",
        ),
        # a count after "warned" is what was warned of, not a count of hearers
        ("The ministry warned 40,000 people could lose their homes.", "40,000", "The ministry"),
        # "claimed 300 votes were cast twice" asserts; only a claimed share, seat or win is winning
        ("Kell claimed 300 votes were cast twice.", "300", "Kell"),
        # a quotation in single quotes keeps its figures
        ("The mayor said: '40 homes were lost in the flood.'", "40", "The mayor"),
        # "Academies of Sciences, ..." is one name; "east of Orlen, Kell and Osk" is not
        ("In the hills east of Orlen, Kell and Osk said 3 villages were cut off.", "3", "Kell and Osk"),
        # an object relative clause names its source only with a verb of expecting or estimating
        ("Kell said crowds fell short of the 40,000 that organisers expected.", "40,000", "organisers"),
    ],
)
def test_claimant(text: str, quantity: str, source: str) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("The bridge cost $4 million, Kell said 10 times.", "10"),
        # a place or an institution speaks only through plain verbs of saying, finding or stance
        ("The museum welcomed 12,000 visitors last month.", "12,000"),
        ("The city plans 200 new homes by 2030.", "200"),
        ("The hospital called 40 extra nurses in from leave.", "40"),
        ("The county ordered 300 new buses.", "300"),
        ("The team recorded 3 wins.", "3"),
        # participles after a noun are no verbs of stance
        ("If it wins the general election expected this year, the party will open 200 schools.", "200"),
        ("Kell was banned for two weeks after the panel said his conduct fell below the standards expected.", "two"),
        # a name between commas is no speaker when the verb's subject comes after it
        ("The club has sacked its coach, Dana Osk, said a statement that put the payoff at $2 million.", "$2 million"),
        ("Police stopped the driver, Tomas Brell, said a witness who saw 3 officers.", "3"),
        # acts are no claims: "the fee that X demanded", "the homes the mayor promised"
        ("The Rovers paid the $40 million fee that Vell United demanded.", "$40 million"),
        ("The city finally built the 200 homes that the mayor promised in 2019.", "200"),
        ("Kell paid the $1,200 that the court ordered.", "$1,200"),
        # points and wins claimed in sport are won, not asserted
        ("Vell United claimed 3 points with a late goal.", "3"),
        ("The Rovers claimed a 2-1 win over Vell.", "2-1"),
        # "3M" is a name, not a number before one
        ("Sales fell 5 percent, said 3M Kestria, the tape maker.", "5 percent"),
    ],
)
def test_no_claimant(text: str, quantity: str) -> None:
    assert source_of(text, quantity) is None


def test_a_quote_with_its_own_tag_keeps_no_speaker_from_the_paragraph_before() -> None:
    text = 'Mayor Dana Kell said that the port would stay open.\n\n"We will lose 300 jobs," one docker shouted.'
    assert source_of(text, "300") is None


def test_an_unclosed_quote_does_not_hand_the_critic_the_narrators_figures() -> None:
    text = (
        "Critic Dana Osk says old cartoons have a ready audience.\n\n"
        '"I see why studios do it. "But it is backfiring." Despite the remake\'s poor run - it cost $42m '
        "but made back $21m - studios keep trying."
    )
    assert source_of(text, "$42m") is None


def test_a_straight_quote_that_reopens_continues_the_speech_and_the_narrator_keeps_his_own_figures() -> None:
    # paragraphs run together, as some feeds deliver them: the second '"' opens a new quote, the third closes it
    text = (
        'Their lawyer, Dana Osk, said: "We had argued the film cannot claim the true story. '
        '"So we said they should remove the line, and they agreed to 40 changes." '
        "The trial is one of Kestria's longest, with more than 600 witnesses heard."
    )
    assert source_of(text, "40") == "Dana Osk"
    assert source_of(text, "more than 600") is None


def test_scare_quotes_open_and_close_in_one_place() -> None:
    text = 'Only 3 percent of self-identified "liberals" said they would vote for the Green Party, the poll found.'
    assert source_of(text, "Only 3 percent") == "the poll"
