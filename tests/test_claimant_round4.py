"""Who claims a figure: the rules of the fourth round on issue 9, each pinned with fictional sentences of our own."""

from __future__ import annotations

import pytest

from tests.conftest import source_of


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a name opening the sentence is the subject of "claims"/"estimates" when an object follows
        ("Brell claims he is worth $10 billion.", "$10 billion", "Brell"),
        ("Kestrel estimates his fortune at about $42 billion.", "about $42 billion", "Kestrel"),
        # a figure with a currency sign opens what was said
        ("The Orlen Herald reported $5 million was lost.", "$5 million", "The Orlen Herald"),
        # the subject phrase with its post-modifier, not the last noun inside it
        (
            "A survey of voters by the Kestrian Institute and local networks found 40 percent agree.",
            "40 percent",
            "A survey of voters by the Kestrian Institute and local networks",
        ),
        # "they" after a source named in the sentence before
        (
            "Ilse Kell, with two colleagues, wrote a study of the port. In it, they conclude that 14 berths are idle.",
            "14",
            "Ilse Kell",
        ),
        # a verb after "and" shares the clause's opening subject
        (
            "Orlen Holdings runs a mine in Kestria and says it has set up a $110 million fund.",
            "$110 million",
            "Orlen Holdings",
        ),
        ("Mayor Brell has freed up $26 million and on Monday announced $5 million more.", "$5 million", "Mayor Brell"),
        # a long appositive between the name and the verb of a tag after a quotation
        (
            '"How one writes a brief to win five judges is open," Dana Kell, a law professor at the University of '
            "Orlen at Kestria, said.",
            "five",
            "Dana Kell",
        ),
        # a name before a bracket
        (
            "Last year, in the wake of two failed votes, Sen. Dana Kell (R-Orl.) said 67 senators agree.",
            "67",
            "Sen. Dana Kell",
        ),
        ("And after the court refused, Gov. Pat Osk (K) blamed the four judges.", "four", "Gov. Pat Osk"),
        # speech verbs of this round
        ("Brell countered that 15 percent was enough.", "15 percent", "Brell"),
        ("Mayor Osk hailed the 71 months of growth.", "71", "Mayor Osk"),
        ("The ministry has deemed about 1,500 of those pages personal.", "about 1,500", "The ministry"),
        ("Brell belittled the $1 million in loans as a paperwork error.", "$1 million", "Brell"),
        # "it points out": a body named just before
        (
            "The Kestrian Institute said the budget grew. It also points out that $622 million went unspent.",
            "$622 million",
            "The Kestrian Institute",
        ),
        # a she/he may be the source named earlier in the same sentence
        (
            'Gavin Rusk ran the meeting. "It works," Ilse Marrow says, but she cautions that she sees two risks.',
            "two",
            "Ilse Marrow",
        ),
        # a second clause set against the first keeps its own source
        (
            "Orlen Weekly lists the brothers with $40 billion each, while the Kestrian Ledger lists them "
            "with $55 billion.",
            "$55 billion",
            "the Kestrian Ledger",
        ),
        (
            "Tom Brell and Ilse Kell spoke in Orlen. He calls for $1 trillion in new roads; "
            "she calls for $275 billion.",
            "$275 billion",
            "Ilse Kell",
        ),
        # a year or "in fact" between the source and its verb; "late last week" is a time
        ("As another Orlen study from 2011 noted, the average age was 18.", "18", "another Orlen study"),
        ("A trio of Orlen groups have in fact reported spending $513,000.", "$513,000", "A trio of Orlen groups"),
        (
            "Surveys of Orlen voters late last week indicated that one-third were unsure.",
            "one-third",
            "Surveys of Orlen voters",
        ),
        # a source noun of this round, here after a full stop with no space (two sentences since round eight)
        (
            "The votes were tallied at the caucus.The outcome showed Kell had 49.8 percent.",
            "49.8 percent",
            "The outcome",
        ),
        # "added to" a thing is no speech (a guard for the year rule above: "who in 2012 added to"); after a
        # quotation it is
        ("Kell, who in 2012 added to his portfolio of 14 farms, bought two more.", "14", None),
        ('"It was 50 percent more," Kell added to the Herald.', "50 percent", "Kell"),
        # a relative clause inside the subject: the subject is what opens the clause, never the object inside it
        # ("the numbers" was given none before; the aides are the source)
        (
            "Senior aides who have run the numbers argue that Kell will win 90 percent of the seats.",
            "90 percent",
            "Senior aides",
        ),
        (
            "Others who have urged a tougher line against Orlen groups expressed doubts that 40 raids would help.",
            "40",
            "Others",
        ),
        ("Officials who spoke on condition of anonymity said 40 people died.", "40", "Officials"),
        # a guard of that rule: a verb before "that" makes no subject phrase ("Kell would do better to say")
        ("Kell would do better to say that 90 percent were sent.", "90 percent", None),
        # common nouns for people as sources, with the possessive that opens the phrase
        (
            'He had "wanted to fly since he was 5," his childhood friend told the Orlen Herald.',
            "5",
            "his childhood friend",
        ),
        # a guard: "Nine in 10 voters say" is a share of those asked
        ("Nine in 10 Orlen voters say she could win, a 16-point margin.", "16", None),
        # "X continued:" at a paragraph's end hands the quoted paragraph after it to X
        (
            'The debate was tense.\n\nKell continued:\n\n"You look at the questions: can you insult those two people?"',
            "two",
            "Kell",
        ),
        # "ruled" is a verb of deciding and saying; the words before the phrase are not the source
        (
            "Even after a federal judge ruled that the school misled 100,000 students, it paid nothing.",
            "100,000",
            "a federal judge",
        ),
        (
            "The man will stay in custody while the case proceeds, a county judge ruled on Monday of his two guns.",
            "two",
            "a county judge",
        ),
        # a poll that has, puts or gives a result
        ("Wednesday's Orlen poll has Kell leading Brell by just six points.", "six", "Wednesday's Orlen poll"),
        (
            "The Orlen average of three polls conducted in March has Kell leading by 20 points.",
            "20",
            "The Orlen average of three polls conducted in March",
        ),
        ("The poll has a credibility interval of 3 percentage points.", "3", None),  # a guard: the poll's own error
        # what a named rule or law sets
        ("Under Orlen law, candidates trailing by 2 percent of votes may ask for a recount.", "2 percent", "Orlen law"),
        (
            "Under the new rule that the ministry issued on Monday, workers earning up to $47,476 get overtime.",
            "up to $47,476",
            "the new rule",
        ),
        # a guard: a law of nobody named
        ("Under state law, candidates trailing by 2 percent of votes may ask for a recount.", "2 percent", None),
        # "X said ..., but added": the same speaker goes on
        (
            'Ilse Kell spoke last. "I hate the term," she said, but added that with three school fees, '
            '"we were not rich."',
            "three",
            "Ilse Kell",
        ),
        # two appositives after a name: the name
        (
            "Dana Kell, chief executive of Orlen Data, a Kestria company, said that 40 sites were closed.",
            "40",
            "Dana Kell",
        ),
        # a subject opened by a capitalised adjective, with its post-modifier
        (
            "Early results of exit polls conducted by Kestrel Research for the Orlen Herald and television networks "
            "show two-thirds of voters back him.",
            "two-thirds",
            "Early results of exit polls conducted by Kestrel Research for the Orlen Herald and television networks",
        ),
    ],
)
def test_claimant(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


def test_a_person_mention_keeps_the_whole_name() -> None:
    text = (
        "Secretary of State Hillary Kell visited the port on Monday. "
        '"That is why I back a $12 wage," she said in a speech.'
    )
    assert source_of(text, "$12") == "Hillary Kell"
    text = 'President Tom Brell met the council. "We will hire 400 nurses," he said.'
    assert source_of(text, "400") == "President Tom Brell"


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # what describes Y after ", according to Y," is not Y's claim
        (
            "Orlen Partners earned about $600 million, according to public filings, "
            "a huge sum for a firm with 35 staff.",
            "35",
        ),
        (
            "Kell holds a 10-point lead, according to the Orlen average of polls, where 475 delegates are at stake.",
            "475",
        ),
        # a poll named mid-sentence covers its own clause, not one set against it
        ("Kell and Osk tied for fifth at 5% in the Orlen poll, while no other candidate scored higher than 3%.", "3%"),
        # an adverb opening the sentence is no source
        ("Separately, the largest parcel firm in Kestria, Orlen Post, said it had ordered 10 jets.", "10"),
        # a guard of the "and says" rule: "Even" opens the sentence, it names nobody
        (
            "Even without changes the panel urges parties to seek small gifts and suggests a cap of £200 on each.",
            "£200",
        ),
        # polls in general, named by nobody
        ("Kell rose in the polls, to double digits by the summer and then nearly 30% by spring.", "nearly 30%"),
        ("The mayor's approval has been above 50 percent in national polls.", "50 percent"),
    ],
)
def test_no_claimant_invented(text: str, quantity: str) -> None:
    assert source_of(text, quantity) is None


def test_a_report_after_its_is_a_noun() -> None:
    # "its FEC reports": the noun "reports" after a possessive is no verb with "FEC" as its subject
    text = "The Orlen campaign spent little, according to its FEC reports. It showed $200,000 in payments to a printer."
    assert source_of(text, "$200,000") == "its FEC reports"


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a person with a title or a known given name, named after the last speaker, is the likelier "he"
        (
            "Tom Lenk, the producer, said the show was old. So is there anything Mr. Kaplan would like to see again? "
            '"A quiz," he replied. "It is a version of the 40 questions game."',
            "40",
            "Mr. Kaplan",
        ),
        (
            'Tom Lenk said the race was open. Mr. Osk has been making this case in Orlen. "We were at 6 percent," '
            "he added.",
            "6 percent",
            "Mr. Osk",
        ),
        # but not a person spoken about inside a quotation, nor a possessive (a guard of the rule above)
        (
            'Tom Lenk said the race was open. "Nobody likes Dana Brell\'s plan," he said. "It costs 40 million."',
            "40 million",
            "Tom Lenk",
        ),
    ],
)
def test_he_is_the_latest_fitting_person(text: str, quantity: str, source: str) -> None:
    assert source_of(text, quantity) == source


def test_a_later_mention_needs_a_title_to_be_he() -> None:
    # guards of the mention rule: a person named without a title after the speaker does not take his "he";
    # a long title before a given name is left out
    text = (
        "Mr Brell spoke at the summit. Treasury aide John Osk sat beside him. "
        "Earlier, he told Orlen Radio that aid rose to $4.6bn."
    )
    assert source_of(text, "$4.6bn") == "Mr Brell"
    text = 'Home Secretary David Osk spoke first. "We will hire 400 officers," he said.'
    assert source_of(text, "400") == "David Osk"
