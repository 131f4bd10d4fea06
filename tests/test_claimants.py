"""Who claims a figure: the gaps of issue 9's last review, each pinned with sentences of our own."""

from __future__ import annotations

import pytest

from tests.conftest import source_of


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # broad attributions: a progressive verb of stance or intent
        ("President Mara Osk is seeking 400 new tanks for the Valdorian army.", "400", "President Mara Osk"),
        ("The Kestrian leaders are vowing to bring back millions of jobs.", "millions", "The Kestrian leaders"),
        # the subject of the reporting verb across a post-modifier or a parenthetical
        (
            "The poll, released on Monday by the Orlen Institute, showed Brell leading Osk, 46 percent to 44 percent.",
            "46 percent",  # a score is two figures ("46 percent to 44 percent" was read as one range)
            "The poll",
        ),
        (
            "Executives for Harlow Foods, which made $30 billion last year, say the firm will save $46 million.",
            "$46 million",
            "Executives for Harlow Foods",
        ),
        (
            "Dana Kell, 39, a farmer visiting Orlen with her family, told the Dunmere Herald "
            "that thousands of people had fled.",
            "thousands",
            "Dana Kell",
        ),
        # 'told X': X is the hearer, the speaker comes before
        (
            "\u201cIt will take two weeks,\u201d Joe Kasper, an aide to the governor, told the Dunmere Herald.",
            "two",
            "Joe Kasper",
        ),
        # what follows 'said,' or 'said -- on the radio -- that' is what was said
        ('The senate leader said, "We lost two friends in Orlen."', "two", "The senate leader"),
        (
            "Her campaign chairman Piotr Lann said \u2014 on the radio, as it happens \u2014 "
            "that Osk raised $4 million.",
            "$4 million",
            "campaign chairman Piotr Lann",
        ),
        # "according to" a source phrase holding a year or a word that is also a verb
        ("Revenue rose 8 percent, according to the 2019 paper.", "8 percent", "the 2019 paper"),
        ("Fares fell to $12, according to the state Transport Office.", "$12", "the state Transport Office"),
        ("In recent polls from Harlow and Orlen News, Osk led by 8 points.", "8", None),
    ],
)
def test_claimant_in_the_sentence(text: str, quantity: str, source: str | None) -> None:
    if source is None:
        assert source_of(text, quantity) == "recent polls from Harlow and Orlen News"
    else:
        assert source_of(text, quantity) == source


def test_the_speaker_not_a_noun_inside_what_was_said() -> None:
    text = "Interior Minister Dana Kell said her government had counted 12,000 refugees at the border."
    assert source_of(text, "12,000") == "Interior Minister Dana Kell"
    text = "The Orlen Herald says that Brell, who charges $20,000 a speech, has lost $100,000 this year."
    assert source_of(text, "$100,000") == "The Orlen Herald"


def test_a_quote_run_keeps_its_speaker_several_sentences_on() -> None:
    text = (
        '"It was quiet at first," said Tomas Venn, who drove from Dunmere on Sunday to help at the shelter '
        'in the old school. "Then about 300 people came in one night. We had beds for 40."'
    )
    assert source_of(text, "about 300") == "Tomas Venn"
    assert source_of(text, "40") == "Tomas Venn"
    text = (
        "\u201cThe roads are open,\u201d she said.\n"
        "\u201cBut we need 20 more lorries and 15 drivers.\u201d\n"
        "Ilse Marrow runs the depot."
    )
    paragraphs = "Ilse Marrow, the depot manager, spoke on Monday.\n" + text
    assert source_of(paragraphs, "20") == "Ilse Marrow"


def test_pronouns_they_it_and_gender() -> None:
    text = (
        "The Kestrian Statistics Office said on Monday that the islands were emptying. "
        "It found that 12,000 people had left in a year."
    )
    assert source_of(text, "12,000") == "The Kestrian Statistics Office"
    text = (
        "Dana Kell, the interior minister, met reporters in Orlen. "
        "Peter Brell, the opposition leader, said the plan was late. "
        "She said 4,000 police officers had been sent north."
    )
    assert source_of(text, "4,000") == "Dana Kell"


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("It has been two months since senators confirmed a judge.", "two"),
        ("Peter Brell said, gripping the lectern with two hands.", "two"),
        ("Osk said to a crowd of about 500.", "about 500"),
        ("Kell founded a group called Orlen Watch, which has more than 25,000 members.", "more than 25,000"),
        ("Prosecutors threatened to charge him with three crimes.", "three"),
        ("Brell's comments come two days after the vote in Orlen.", "two"),
        ("Osk is ahead in several Western states, winning 19 percent in Kestria.", "19 percent"),
        ("In an average calculated by the Orlen Herald, Osk leads with 36 percent.", "36 percent"),
    ],
)
def test_no_claimant_invented(text: str, quantity: str) -> None:
    assert source_of(text, quantity) is None
