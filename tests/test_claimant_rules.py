"""Who claims a figure: the rules of the third round on issue 9, each pinned with fictional sentences of our own."""

from __future__ import annotations

import pytest

from tests.conftest import source_of


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # "according to" takes the whole phrase up to the clause's end, possessives and common nouns included
        (
            "Turnout fell to 41 percent, according to a count filed in Orlen by the Kestrian Election Board.",
            "41 percent",
            "a count filed in Orlen by the Kestrian Election Board",
        ),
        ("He raised $5 million in May, according to his campaign finance documents.", "$5 million", None),
        ("No one may hand out leaflets within 150 feet of a polling station, according to state law.", "150", None),
        # the dot of an initial or a title stays inside the name
        ('"The tunnel cost $40 million," said Paul H. Verrin.', "$40 million", "Paul H. Verrin"),
        # after "told", the hearer ends where the subject of what was told begins
        ("Kell told the Orlen Herald she had received hundreds of letters.", "hundreds", "Kell"),
        # "at least" is a quantifier, not a place where something was said
        ("The Dunmere Post reported at least six drones over the harbour.", "at least six", "The Dunmere Post"),
        # a speech tag in the sentence that starts right after the closing mark
        (
            'The crowd cheered.\n"Why is he attacking me?" Brell said. "He has to beat seven rivals first."',
            "seven",
            "Brell",
        ),
        # common noun phrases before a plain reporting verb: capitalised modifiers, a bare agent plural
        ("\u201cYou are spending the donor\u2019s $27,\u201d the KDP treasurer said.", "$27", "the KDP treasurer"),
        ("Cement makers say that imports grew to 40 percent.", "40 percent", "Cement makers"),
        # "added" with an object adds a thing; the report comes from the tag
        (
            "In Orlen, organizers added 160 guards along the route, the Dunmere Post reported.",
            "160",
            "the Dunmere Post",
        ),
        # a name before a colon that opens a quotation
        (
            "Dry summer ahead - More from Dana Kell: \u201cOur survey found that 20 towns are short of water.\u201d",
            "20",
            "Dana Kell",
        ),
        # lawyers, critics, organizers ... are sources; "as reported by X" makes X the source
        ("In Orlen, lawyers say at least 12 families have won stays.", "at least 12", "lawyers"),
        (
            "As reported by the Dunmere Post, investigators found over 2,200 letters.",
            "over 2,200",
            "the Dunmere Post",
        ),
        # the head noun of a plural source stands before its post-modifier
        (
            "Audit files from the Orlen Board show that four accounts were searched.",
            "four",
            "Audit files from the Orlen Board",
        ),
        # a dateline is no part of the subject that opens the sentence
        ("ORLEN \u2014 Gov. Dana Kell (K-Or.) defended her call to hire 300 nurses.", "300", "Gov. Dana Kell"),
        # to put a thing at a number is to estimate it
        ("Kestria Money puts his fortune at $45 billion.", "$45 billion", "Kestria Money"),
        # a data noun with a participle
        ("A new poll showing Brell at 14 percent worried his aides.", "14 percent", "A new poll"),
        # what a plan or a pledge of someone's sets out is their claim, up to the clause's end
        ("Brell's plan would raise $15 billion in new taxes.", "$15 billion", "Brell"),
        ("Orlen's pledge to add 7,000 soldiers, and a later call for 40 tanks, pleased its allies.", "7,000", "Orlen"),
        # "continued" before a quotation, "pointed to"
        (
            'Peter Brell spoke to the press. He continued, "We found 34,000 missing records."',
            "34,000",
            "Peter Brell",
        ),
        ("Kell pointed to 15 closed clinics in the north.", "15", "Kell"),
        # an all-capitals name is no time word; the speaker, not the statement, when both are named
        ("ORLEN TODAY reported that the group paid for 200 trips.", "200", "ORLEN TODAY"),
        (
            "In a statement, campaign spokesman Nick Arlo said there had been nine reviews.",
            "nine",
            "campaign spokesman Nick Arlo",
        ),
        # a number inside a source's name is no share of respondents; "one former senior official" is a source
        ("It will cost 300 jobs, according to Fight for 15 organizer Kendall Fells.", "300", None),
        ('"We will spend 40 million on it," said one Kestrian involved in the plan.', "40 million", "one Kestrian"),
        (
            '"Did he lose 20 minutes? Probably," said one former senior agency official.',
            "20",
            "one former senior agency official",
        ),
        # "added" followed by a clause says more; only "added 160 guards" adds a thing
        ("Mayor Dana Kell added 40 people had died in the flood.", "40", "Mayor Dana Kell"),
        ("Mayor Dana Kell added the city would hire 40 officers.", "40", "Mayor Dana Kell"),
        # a paraphrase's "he" may be the person it opens with
        ("Tom Kell lost 40 cows last year, he said.", "40", "Tom Kell"),
        # "according to X" followed by the clause without a comma
        ("According to Dana Kell the turnout was 40 percent.", "40 percent", "Dana Kell"),
    ],
)
def test_claimant(text: str, quantity: str, source: str | None) -> None:
    expected = source
    if source is None:  # the whole "according to" phrase, read from the sentence
        expected = text.rsplit("according to ", 1)[1].rstrip(".")
    assert source_of(text, quantity) == expected


def test_pronouns_and_groups() -> None:
    text = (
        "Tomas Venn runs the campaign for the voters of Orlen. "
        "\u201cVoters reject insiders. Peter Brell got 500,000 fewer votes in 2010,\u201d he points out."
    )
    assert source_of(text, "500,000") == "Tomas Venn"
    text = "Mr. Tarn sat on the panel. Despite the announced expansion, he noted, spending will sink to 1.2 percent."
    assert source_of(text, "1.2 percent") == "Mr. Tarn"
    text = "Ana Tull and Ben Orr wrote about the ports. They found that wages fell by $213 a year."
    assert source_of(text, "$213") == "Ana Tull and Ben Orr"


def test_labels_and_paragraphs() -> None:
    assert source_of("Marrow: Orlen needs 300 more nurses\nThe council met on Monday.", "300") == "Marrow"
    text = (
        '"He has sided with the lobby" and against the law, Ilse Kell said.\n"Let us not forget: 90 people a day die."'
    )
    assert source_of(text, "90") == "Ilse Kell"


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # a tally under a name is no speech
        ("Results so far:\nBrell: 547.\nOsk: 46.", "547"),
        # a name before a colon that is the object of a preposition does not speak the next paragraph
        ("Ilse Marrow also spoke out against Brell:\nOrlen, which has 400,000 people, had 80 murders.", "80"),
        # asides of the outlet's inside what follows a cue: brackets, a non-restrictive relative clause
        ("Kell said the plan (which covers 14 towns) would pass.", "14"),
        ("Kell said the vote in Orlen, where 475 delegates are at stake, would be close.", "475"),
        ("Orlen's pledge to add 7,000 soldiers, and a later call for 40 tanks, pleased its allies.", "40"),
        # a share of those asked is no source
        ("Asked about it, 72 percent of Kestrians said yes while 44 percent of Orlenians disagreed.", "44 percent"),
    ],
)
def test_no_claimant_invented(text: str, quantity: str) -> None:
    assert source_of(text, quantity) is None
