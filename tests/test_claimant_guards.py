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


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a new sentence stating its own content is no tag of the quote before it
        (
            '"This is a good day," chief executive Dana Kell said. "We expect profits of 40 million." '
            "Analysts at Vell Bank said profits would be 35 million.",
            "40 million",
            "chief executive Dana Kell",
        ),
        # a quote that opens with a bracket is still a quote
        (
            'Dana Osk said the papers were forged. "(When police went back) all 275 papers were sealed," she said.',
            "275",
            "Dana Osk",
        ),
        # a tag in mid-sentence speaks for a contrast clause with no speaker of its own
        ("Exports rose 8 percent, the agency said, but imports fell 3 percent.", "3 percent", "the agency"),
        # a stance verb in -ed with "that" after it is a finite verb
        ("The defence argued that 40 witnesses had lied.", "40", "The defence"),
        # a description with a verb of its own, then the name set off by commas
        ("The woman who owned the farm, Dana Osk, said 40 cows had died.", "40", "Dana Osk"),
        # institutions reveal and admit like anyone; only their acts are no claims
        ("The bank revealed profits of 4 billion.", "4 billion", "The bank"),
        # a time word between the verb and its figure
        ("The ministry reported yesterday 40 deaths.", "40", "The ministry"),
        # the speaker's phrase after an inverted verb runs to its last noun, not to an adverb
        ('"We lost 3-1," said the chief financial officer.', "3-1", "the chief financial officer"),
        ('"We lost 3-1," said the club first.', "3-1", "the club"),
    ],
)
def test_second_review(text: str, quantity: str, source: str) -> None:
    assert source_of(text, quantity) == source


def test_a_chain_of_reopened_quotes_is_one_whole_quotation() -> None:
    text = 'Mayor Dana Kell said that the port would stay open.\n\n"We have 40 ships here. "We will add 10 more."'
    assert source_of(text, "40") == "Mayor Dana Kell"


def test_a_group_before_of_is_no_he() -> None:
    text = 'Critics of Mayor Kell say 40 homes were lost. "We need 20 million," he said.'
    assert source_of(text, "20 million") != "Critics of Mayor Kell"


def test_a_defence_in_court_is_no_official() -> None:
    from summarizer.extractive.attribution import is_official

    assert not is_official("The defence") and is_official("The defence ministry")


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Turnout in the '08 election was 61%, the commission said.", ["61%"]),
        ("The mayor said: '40 homes were lost in the flood.'", ["40"]),
        ("Kell said in '08 that ''10 times'' as many came in \u201916.", ["10"]),
    ],
)
def test_a_short_year_is_no_figure_and_a_single_quote_keeps_its_own(text: str, figures: list[str]) -> None:
    from summarizer.extractive.figures import find_figures
    from summarizer.extractive.sentences import split_sentences

    assert [f.quantity for f in find_figures(text, split_sentences(text))] == figures


def test_a_name_runs_on_over_of_the_to_its_organisation() -> None:
    text = "Tomas Brell of the Orlen Chapel in Vell said he had made 150 calls."
    assert source_of(text, "150") == "Tomas Brell of the Orlen Chapel in Vell"


def test_an_event_is_never_he() -> None:
    text = 'Dana Osk won silver at the World Indoor Championships. "I plan to defend my 100m title in Vell," he said.'
    assert source_of(text, "100m") != "World Indoor Championships"
