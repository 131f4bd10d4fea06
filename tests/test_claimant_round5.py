"""Who claims a figure: the rules of the fifth round on issue 9, each pinned with fictional sentences of our own."""

from __future__ import annotations

import pytest

from tests.conftest import source_of


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a state or a city reports through a plain verb of saying like any other body
        ("The state reported a 3.1 percent jobless rate in May.", "3.1 percent", "The state"),
        # a figure right after the verb is what was reported, however short the rest
        ("The ministry reported 40 deaths.", "40", "The ministry"),
        # a name set off by commas after a description of the person
        ("One farmer near the border, Dana Osk, said she had lost 40 cows.", "40", "Dana Osk"),
        (
            "One pastor backing Kell, Tomas Brell of the Orlen Chapel in Vell, said he had made 150 calls.",
            "150",
            "Tomas Brell of the Orlen Chapel in Vell",
        ),
        # "that" after a preposition is a determiner: the verb after "and" still shares the subject
        (
            "The Orlen Herald did the sums on that run, and found the odds were 1 in 64.",
            "1 in 64",
            "The Orlen Herald",
        ),
        # a bracket holding only figures details the claim; it is no aside of the outlet's
        ("Polling in Vell shows Kell within 5 points of Osk (35-30).", "35-30", "Polling in Vell"),
        # a polling average is a source like a poll
        (
            "A Kestrel Research average of polls shows Kell ahead by 2.2 percent.",
            "2.2 percent",
            "A Kestrel Research average of polls",
        ),
        # a noun before another verb of showing is its subject's head, not a verb
        (
            "Gifts hit $1.1 billion, an Orlen Herald analysis of campaign reports shows.",
            "$1.1 billion",
            "an Orlen Herald analysis of campaign reports",
        ),
        # a year inside the phrase
        (
            "Data from the 2014 Kestrian Labour Survey show that women held about 41 percent of the jobs.",
            "about 41 percent",
            "Data from the 2014 Kestrian Labour Survey",
        ),
        # a time phrase before the verb is not its subject
        (
            "The Kestrel average of polls taken over the past two weeks shows Kell ahead 47 percent to 44 percent.",
            "47 percent",  # a score is two figures ("47 percent to 44 percent" was read as one range)
            "The Kestrel average of polls",
        ),
        # a number modifying the name after an inverted verb
        ('"They are 100 percent wrong," said 9/11 widow Dana Kell.', "100 percent", "widow Dana Kell"),
        # a tag with an adjunct in mid-sentence covers both sides
        (
            "The middle fifth paid 8.9 percent, the agency said in a June report, and the rest paid 0.8 percent.",
            "0.8 percent",
            "the agency",
        ),
        # a slide or a chart shows like a report
        ("Another slide shows that eight of 10 pears eaten in Kestria are grown in Orlen.", "eight", "Another slide"),
        # a list inside one name: "Academies of Sciences, Engineering and Medicine"
        (
            "A report by the Kestrian Academies of Sciences, Engineering and Medicine noted that 70 percent agree.",
            "70 percent",
            "A report by the Kestrian Academies of Sciences, Engineering and Medicine",
        ),
        # a bare plural of people opens the clause of a stance verb
        ("Boat builders argue that imports grew to 40 percent.", "40 percent", "Boat builders"),
    ],
)
def test_claimant(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


def test_a_single_place_name_in_apposition_is_no_speaker() -> None:
    # ", the capital, Vell, said": a one-word place set off by commas does not say anything
    text = 'Dana Osk, who lives outside the capital, Vell, said, "I have voted for the lesser of two evils."'
    assert source_of(text, "two") != "Vell"


def test_an_example_set_off_by_commas_is_no_speaker() -> None:
    text = "The council's hardliners, like Kell and Osk, say a 9,000-strong force is needed."
    assert source_of(text, "9,000") != "like Kell and Osk"


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # a count of hearers is not what was told (a station's number, "WKBT 7", is no figure at all)
        ("Kell tells 3,000 in Vell the league has gone soft.", "3,000"),
        # "claiming 41 percent of the vote": to win a share, not to assert a figure
        ("Osk beat Brell in the primary, claiming 41 percent of the vote to Brell's 33 percent.", "41 percent"),
        # "Once" opening a sentence is a conjunction, not a speaker's name
        ("Once he was mayor, Tomas Brell made the port a priority, announcing an envoy two days later.", "two"),
    ],
)
def test_no_claimant_invented(text: str, quantity: str) -> None:
    assert source_of(text, quantity) is None


def test_claimed_that_still_asserts() -> None:
    assert source_of("Brell claimed that 41 percent of the vote was forged.", "41 percent") == "Brell"


def test_the_reader_addressed_is_no_source() -> None:
    text = "Put it in one of the savings plans your state offers, for a child who is under 18."
    assert source_of(text, "18") is None


def test_a_quoted_paragraph_goes_on_with_the_speaker_of_the_paragraph_before() -> None:
    text = (
        "Mayor Dana Kell said that for years critics had predicted the port would close.\n\n"
        "\u201cThat will not happen, because the port carries nearly half the island's trade.\u201d"
    )
    assert source_of(text, "nearly half") == "Mayor Dana Kell"


def test_an_object_relative_clause_names_its_own_source() -> None:
    text = "The retailer reported a profit of $1.78 a share, well above the $1.11 a share that analysts expected."
    assert source_of(text, "$1.11") == "analysts"
    assert source_of(text, "$1.78") == "The retailer"
    text = "The crowds fell short of the 50,000 a day that city officials had estimated before the opening."
    assert source_of(text, "50,000") == "city officials"
    # "said that X expected 5 percent": a complement clause, the outer speaker's as before
    assert source_of("Kell said that analysts expected 5 percent growth.", "5 percent") == "Kell"


def test_names_listed_after_an_opening_phrase_stay_apart() -> None:
    assert source_of("In Orlen, Dana Kell and Tomas Brell said 40 homes burned.", "40") == "Dana Kell and Tomas Brell"


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        ('"We were two tries down," said the national team coach.', "two", "the national team coach"),
        ('"I won nine points in a row," said Dana Kell afterwards.', "nine", "Dana Kell"),
        ("Orlen prosecutors have charged nine traders with inflating profits.", "nine", "Orlen prosecutors"),
        # a count after "in" still ends a post-modifier: the subject is the whole phrase
        (
            "The poll of 2,000 people in 20 countries found that 59% wanted faster trains.",
            "59%",
            "The poll of 2,000 people in 20 countries",
        ),
    ],
)
def test_round5_guards(text: str, quantity: str, source: str) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Orlen Rail also charges a 10 pound booking fee on the service.", "10"),  # a price, not an accusation
        ("Back from injury, Dana Kell showed some good touches but lost 7-6 (7-2) 6-4 to Osk.", "7-2"),  # a quality
    ],
)
def test_round5_no_claimant(text: str, quantity: str) -> None:
    assert source_of(text, quantity) is None


def test_he_is_never_a_group_named_by_common_nouns() -> None:
    text = (
        "Critics of the levy argue that it is a step backwards. "
        '"The ten percent levy applies only to the dollar," he said.'
    )
    assert source_of(text, "ten") != "Critics of the levy"
