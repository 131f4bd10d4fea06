"""Who claims a figure: no claimant for a figure next to a cue that is not the cue's claim (issue 9, "invented").

Each rule is pinned with fictional sentences of our own, with a guard that the
figure the source does claim keeps its claimant.
"""

from __future__ import annotations

import pytest

from tests.conftest import source_of


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a clause the outlet sets off by dashes inside what was said: the outlet's background
        (
            "Dana Kell said the council had begun calling its members - there are two from each of the nine "
            "wards of Vellmark - but said the vote was still open.",
            "nine",
            None,
        ),
        (
            "In her speech, Dana Kell argued firmly - naming Tomas Brell eight times - that the plan had failed.",
            "eight",
            None,
        ),
        # a relative clause or a list set off by dashes describes the noun before it: still what was said
        (
            "Dana Kell said the mayor had shown the boy - who was 13 at the time - the Orlen archive.",
            "13",
            "Dana Kell",
        ),
        # a phrase set off by dashes that details the noun before it is still what was said
        (
            "Dana Kell noted that the reserve - around 16,000 in April - already lags the target of 17,000.",
            "around 16,000",
            "Dana Kell",
        ),
        # a dash left open goes on with what was said
        (
            "Dana Kell said she saw families mourning - two sisters from Orlen who had lost a brother.",
            "two",
            "Dana Kell",
        ),
    ],
)
def test_dash_aside(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # how often the speaker said or did it: a count of the act, not a figure claimed
        ('In a short reply, Tomas Brell said "Orlen" five times and left.', "five", None),
        ("The Vellmark police announced the suspect's name 12 times on the radio.", "12", None),
        ("Tomas Brell has posted more than 5,000 times since June.", "more than 5,000", None),
        (
            "\u201cIt will not pass,\u201d Tomas Brell said, stressing those last three words and pausing.",
            "three",
            None,
        ),
        # the count belongs to another verb after the cue: what was claimed
        ("The Vell party accuses the mayor of raising taxes 66 times since 1997.", "66", "The Vell party"),
        # a clause of its own after the verb: what was said
        ("Tomas Brell said the bridge had been closed five times.", "five", "Tomas Brell"),
        ("Tomas Brell said the levy was three times as high as in Orlen.", "three", "Tomas Brell"),
    ],
)
def test_count_of_the_act(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a participle or a time phrase that opens the sentence sets the scene before a tag after it
        ("Emerging from nearly two hours of talks, the envoy looked tired, Dana Kell said.", "nearly two", None),
        (
            "Bound together by 900 years of trade, the two towns, Tomas Brell said, now share a port.",
            "900",
            None,
        ),
        ("Boasting 40,000 residents, the district leans to Kell, according to the Orlen Herald.", "40,000", None),
        ('Less than 30 minutes later, Tomas Brell wrote, "The count in Vellmark is wrong."', "Less than 30", None),
        ("With five days left until the vote, the rival toured Orlen, Dana Kell said.", "five", None),
        # a gerund subject ("Doubling ...") or "Based on ..." opens the clause the tag reports
        (
            "Doubling the Orlen fund could save six million lives, Dana Kell said on Thursday.",
            "six million",
            "Dana Kell",
        ),
        (
            "Based on 2004 figures the merged Vell mill would have sales of more than $5bn, the company estimated.",
            "more than $5bn",
            "the company",
        ),
        # a gerund that is the subject, and an opening phrase that is no participle, stay in the tagged clause
        ("Gambling revenue at Orlen's eight casinos rose 3.5 percent, according to Vell Data.", "eight", "Vell Data"),
        ("In the first 10 months, sales at Orlen Mills fell 5 percent, Dana Kell said.", "10", "Dana Kell"),
    ],
)
def test_opening_phrase(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a count of time set off by a comma dates the event; it is not what the source claims
        (
            "Dana Kell won the Vellmark race, the Orlen Herald declared on Thursday, two days after the polls closed.",
            "two",
            None,
        ),
        (
            "A review of his work shows how trade grew in Vellmark, 25 years after it left the union.",
            "25",
            None,
        ),
        # inside the clause, a time the source gives is its claim
        ("The mill closed four days before the flood, according to the Orlen Herald.", "four", "the Orlen Herald"),
    ],
)
def test_time_frame(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # whom it was written or said to is no part of what was said
        (
            "Soon after the vote, Tomas Brell wrote to his 20,000 followers, \u201cIt is time to go.\u201d",
            "20,000",
            None,
        ),
        # the hearer stops at a preposition: the date after it is no part of the hearer
        (
            "Dana Kell wrote to the 12 members of the Orlen council, \u201cWe will vote in May.\u201d",
            "12",
            None,
        ),
        # a hearer skipped after "asked" still ends where the subordinate clause ends
        ("After the mayor asked workers to take a pay cut, 8,000 employees volunteered.", "8,000", None),
        ("The mayor asked workers to take a cut of 5 percent.", "5 percent", "The mayor"),
    ],
)
def test_hearer(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # speaking to or in front of someone says where and to whom, not what
        ("Dana Kell was speaking to more than 100 pupils in Vellmark about the levy.", "more than 100", None),
        ("Dana Kell was speaking in an interview with 12 reporters in Vellmark.", "12", None),
        ("Dana Kell was talking about 40 lost jobs in Vellmark.", "about 40", "Dana Kell"),
        # to boast a thing is to have it
        ("Dana Kell boasts a 45-point lead in Vellmark.", "45", None),
        ("Vellmark boasts 40 parks and a lake.", "40", None),
        ("Dana Kell boasted that the levy raised $4 million.", "$4 million", "Dana Kell"),
        # to respond by doing something is an act
        ("Mr Osk responded quickly by easing the levy and paying $5 million in aid.", "$5 million", None),
        ("The Orlen council responded that the levy raised $5 million.", "$5 million", "The Orlen council"),
    ],
)
def test_acts_not_claims(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a cue in a relative clause (", who has endorsed X,") covers that clause only
        ("Dana Kell, who has endorsed Tomas Brell, was able to raise $235 million in May.", "$235 million", None),
        ("Dana Kell, who is challenging the mayor of Orlen, received $250,000 from donors.", "$250,000", None),
        ("Dana Kell, who said the levy raised $4 million, left the hall.", "$4 million", "Dana Kell"),
        # the clause goes on into a quotation: what the quotation says is the speaker's
        (
            "Then there was Dana Kell, who lamented in an interview, \u201cWe have spent 20 years on this.\u201d",
            "20",
            "Dana Kell",
        ),
        # an opening adverb before the subject of "X, which ..., found"
        (
            "However the Vell poll, which was published on Monday, found 25% did not know how to vote.",
            "25%",
            "the Vell poll",
        ),
    ],
)
def test_relative_clause_cue(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a change worked out against an earlier result, set after a poll's figure, is the outlet's sum
        ("Dana Kell was at 25 percent in the latest Vell poll, up eight points from March.", "eight", None),
        ("Tomas Brell won 42 percent of voters in the Orlen poll, a four-point dip from May.", "four", None),
        ("In the Vell poll, 40 percent back Kell, up four points since May.", "four", None),
        # the poll's own figure, and an earlier value reported with it, stay the poll's
        (
            "Dana Kell was at 25 percent in the latest Vell poll, up eight points from March.",
            "25 percent",
            "the latest Vell poll",
        ),
        ("In the Vell survey, the balance was 22, down from 26 in May.", "from 26", "the Vell survey"),
    ],
)
def test_change_after_a_poll(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a tag's subject after a comma is the whole phrase: a plural head and its post-modifier, not its last noun
        (
            "The plan would spare up to 5 million people, people familiar with the Orlen session said.",
            "up to 5 million",
            "people familiar with the Orlen session",
        ),
        (
            "Vell Motors is to stop making six-cylinder engines, unions at the Vell carmaker have said.",
            "six",
            "unions at the Vell carmaker",
        ),
    ],
)
def test_whole_tag_subject(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


def test_headline_interjection_is_no_speaker() -> None:
    """A headline's 'BOOM:' is furniture, not a transcript speaker; 'KELL:' still labels what Kell says."""
    assert source_of("BOOM: Dana Kell Just Fired A 5-Word Missile At Vellmark.", "5") is None
    assert source_of("KELL: We will build 40 schools in Vellmark.", "40") == "Kell"


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # ", claiming ..." after opening adverbials: the clause's subject claims it, not a name inside the claim
        (
            "The day before, at a rally in Vellmark, Dana Kell was just as blunt, claiming that Tomas Brell wanted "
            "to close 40 schools.",
            "40",
            "Dana Kell",
        ),
        (
            "As they met in Orlen, Dana Kell was 340 miles away, promising to build 12 bridges.",
            "12",
            "Dana Kell",
        ),
    ],
)
def test_participle_after_opening_adverbials(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a tag after a semicolon speaks for its own clause only
        ("Report: Half of Kell's meetings were with donors; her office says the list is unfair.", "Half", "Report"),
        (
            "A 69% majority of Vell voters back the levy; a 45% plurality of Orlen voters oppose it.",
            "69%",
            None,
        ),
        # a semicolon inside brackets, or in an HTML entity, ends no clause
        ("Orlen Bank's profits were 74bn yuan ($9bn; 4.8bn pounds) in 2004, the bank said.", "$9bn", "the bank"),
        ("Many left the hall for a nearby caf&#233; to read e-mail, the study found.", "233", "the study"),
    ],
)
def test_semicolon_ends_a_tag(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source
