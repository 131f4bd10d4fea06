"""Escalation is a development between political or armed actors, not a word: BBC false alarms, seeds, own articles."""

from __future__ import annotations

import pytest

from summarizer.extractive.escalation import EscalationReading, assess_escalation
from summarizer.extractive.sentences import split_sentences
from summarizer.ingest import document_from_text
from summarizer.scales import Direction, EventType
from tests.conftest import SHARED

BBC = SHARED / "corpus" / "bbc-news"
SEEDS = SHARED / "seeds"
FORCE = {EventType.MOBILIZE, EventType.COERCE, EventType.ASSAULT, EventType.FIGHT}


def read(text: str) -> EscalationReading:
    return assess_escalation(split_sentences(text))


def seed(n: int) -> EscalationReading:
    """A seed page as the product reads it: cleaned of page furniture first."""
    raw = next(SEEDS.glob(f"{n:03d}_*.txt")).read_text(encoding="utf-8")
    return read(document_from_text(raw).text)


def bbc(name: str, phrase: str) -> str:
    """One BBC article, read from ../shared, checked to hold the phrase the issue quotes from it."""
    text = (BBC / name).read_text(encoding="utf-8", errors="replace")
    assert phrase in text
    return text


# Figurative war words, companies named like weapons, squads and matches: not force.
@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("entertainment/band-aid-20-single-storms-to-no-1.txt", "combat HIV and Aids"),
        ("entertainment/singer-s-film-to-show-at-festival.txt", "legal battles"),
        ("business/turkey-turns-on-the-economic-charm.txt", "charm offensive"),
        ("business/us-interest-rate-rise-expected.txt", "combat price growth"),
        ("tech/california-sets-fines-for-spyware.txt", "bombarded with pop-up ads"),
        ("business/bombardier-chief-to-leave-company.txt", "Bombardier"),
        ("sport/ireland-call-up-uncapped-campbell.txt", "call-up"),
        ("sport/double-injury-blow-strikes-wales.txt", "build-up"),
        ("sport/tevez-an-argentine-in-brazil.txt", "invaded the dressing room"),
        ("tech/2d-metal-slug-offers-retro-fun.txt", "must battle soldiers"),
    ],
)
def test_war_words_outside_conflict_raise_no_alarm(name: str, phrase: str) -> None:
    reading = read(bbc(name, phrase))
    assert reading.level < 3
    assert reading.event_type not in FORCE


def test_every_sport_article_with_a_call_up_or_build_up_stays_quiet() -> None:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((BBC / "sport").glob("*.txt"))]
    readings = [read(t) for t in texts if "call-up" in t or "build-up" in t]
    assert len(readings) >= 5
    assert all(r.level < 2 for r in readings)


# The seeds


@pytest.mark.parametrize("n", [0, 2])
def test_seed_build_ups_are_escalating_mobilisation(n: int) -> None:
    reading = seed(n)
    assert (reading.event_type, reading.level, reading.direction) == (EventType.MOBILIZE, 3, Direction.ESCALATING)


def test_seed_with_a_drone_attack_is_level_4() -> None:
    assert seed(3).level == 4


def test_seed_that_calls_an_invasion_improbable_is_not_escalating() -> None:
    reading = seed(1)
    assert reading.direction is not Direction.ESCALATING
    assert reading.level <= 3


def test_seed_with_troops_arrived_is_level_3() -> None:
    assert seed(4).level == 3


# Own articles (fictional places)

TALKS_THEN_KILLINGS = """Valdoria and Kestria resume border talks in Orlen

Negotiators from Valdoria and Kestria met in Orlen on Monday for talks on the Varn valley, Kestria's ministry said.
The delegations discussed a prisoner exchange and the Varn crossing, and agreed to meet again.
Diplomats described the mood as cautious but constructive.
Hours before the talks, Valdorian troops shelled three Kestrian villages, killing 14 civilians, officials said.
Kestria's army said its soldiers had returned fire overnight.
"""

HISTORY_LINE = """Kestria opens a new museum of the Varn valley

The Kestrian culture ministry opened a museum in Orlen on Tuesday devoted to the history of the Varn valley.
Its largest hall tells how Valdorian troops invaded the valley in 1962 and shelled its villages for a month.
Decades ago, the army of Kestria fought a long war there against Valdoria.
Today the valley is known for its orchards, and the two governments run a joint tourism office.
The minister said the museum would welcome school groups from both countries.
"""

IMPROBABLE_INVASION = """Will Valdoria invade Kestria?

Valdoria has moved two brigades to its northern border with Kestria, the Kestrian defence ministry said on Friday.
Analysts say the move is posturing rather than a sign of an imminent invasion.
An invasion is improbable, they say: Valdoria's army is stretched thin and it has no plans to invade.
The Valdorian president is likely to avoid escalation and has called the troops' presence routine.
"""

MURDER = """Man held after shop owner is stabbed in Orlen

A 34-year-old man has been arrested after a shop owner was stabbed to death in Orlen on Saturday night.
Police said the victim, a father of two, was found at his shop in the old town and died at the scene.
Neighbours said the two men had argued over a debt.
The suspect will appear in court on Monday.
"""


def test_killings_count_even_when_talks_lead() -> None:
    reading = read(TALKS_THEN_KILLINGS)
    assert reading.level >= 4
    assert reading.event_type in {EventType.FIGHT, EventType.ASSAULT}
    assert any("shelled" in s.text for s in reading.evidence)


def test_a_history_line_raises_no_alarm() -> None:
    reading = read(HISTORY_LINE)
    assert reading.level < 3


def test_an_improbable_invasion_is_not_escalating() -> None:
    reading = read(IMPROBABLE_INVASION)
    assert reading.level == 3 and reading.event_type is EventType.MOBILIZE
    assert reading.direction is not Direction.ESCALATING


def test_a_threat_to_invade_is_a_threat_not_an_invasion() -> None:
    reading = read("Valdoria threatened on Monday to invade Kestria unless its troops leave the Varn valley.")
    assert reading.event_type is EventType.THREATEN and reading.level == 1


def test_violence_without_political_actors_is_crime() -> None:
    reading = read(MURDER)
    assert reading.event_type is EventType.CRIME and reading.level == 0


OBITUARY_PAGE = """Former Kestrian defence minister Arvo Lint dies aged 88

Arvo Lint, who served three governments in Kestria, has died at his home in Orlen.
As defence minister he sent tanks into the capital to crush an army mutiny, a decision his critics never forgave.
He later led talks that ended the border dispute with Valdoria.
"""

PAST_PERFECT_LINE = """Valdoria and Kestria agree to reopen border crossings

Valdorian and Kestrian officials agreed on Tuesday to reopen two border crossings.
Valdorian troops had shelled the Kestrian border town of Mirn before the talks, officials said.
Both governments said trade would resume next week.
"""


def test_an_obituary_retells_a_life_and_raises_no_alarm() -> None:
    assert read(OBITUARY_PAGE).level < 3


def test_the_past_perfect_is_background_not_a_development() -> None:
    reading = read(PAST_PERFECT_LINE)
    assert reading.level < 4
    assert reading.event_type not in {EventType.FIGHT, EventType.ASSAULT}


# Campaign news about security, in which one force word names no development of now.
CAMPAIGN_LEAD = """Kestrian candidates spar over the army's budget

Kestria's two presidential candidates clashed in Orlen on Tuesday over the defence ministry's budget for 2016.
The army's chief of staff declined to take sides.
"""


@pytest.mark.parametrize(
    "line",
    [
        # a year before the article's newest one: history
        "Valdorian forces shelled the Kestrian port of Mirn in 2011, a raid both candidates still cite.",
        "Her brother was killed by Valdorian troops in a 2009 border raid, she told the crowd.",
        # a participle used as an adjective names a state, not an event
        "The candidate promised to visit the occupied Varn valley, which the Valdorian army holds.",
        "He would not rule out freeing captured Valdorian soldiers in a prisoner exchange.",
        # criticism, not force
        "The senator attacked the defence minister for his handling of the army's pensions.",
        # proposals, obligations and rumours are not events
        "A majority of voters support deploying troops to the Varn valley, a poll found.",
        "The candidate has gone so far as to justify the shelling of Valdorian villages by the army.",
        "Bloggers spread rumours that army exercises were a prelude to a crackdown on the opposition.",
        "A portrait of the generals, captured by the official army photographer, hangs in the ministry.",
    ],
)
def test_force_words_that_report_no_development_raise_no_alarm(line: str) -> None:
    reading = read(CAMPAIGN_LEAD + line + "\n")
    assert reading.level < 3, (reading.event_type, reading.level, reading.rationale)


def test_a_dated_raid_in_the_articles_own_year_still_counts() -> None:
    text = CAMPAIGN_LEAD + "Valdorian troops shelled the Kestrian port of Mirn in 2016, killing 12 soldiers.\n"
    assert read(text).level >= 4


RELIEF = """Kestrian army engineers to help flood victims in Mirn

Kestria's defence ministry said on Monday it would send 300 soldiers to the flooded town of Mirn.
The deployment would involve two engineer battalions based in Orlen, the ministry said.
They will build temporary bridges and clear roads for aid convoys.
"""


def test_troops_sent_to_help_after_a_disaster_are_no_build_up() -> None:
    reading = read(RELIEF)
    assert reading.level < 3, (reading.event_type, reading.rationale)


def test_the_articles_date_makes_an_earlier_year_history() -> None:
    text = "Valdorian troops shelled the Kestrian port of Mirn in 2012, killing 12 soldiers.\n"
    assert assess_escalation(split_sentences(text)).level >= 4  # no date: 2012 is the article's present
    assert assess_escalation(split_sentences(text), "2016-05-02").level < 3


def test_a_date_given_to_summarize_reaches_the_escalation_reading() -> None:
    from summarizer import Summarizer

    text = "Valdoria shells Kestrian port\n\nValdorian troops shelled the Kestrian port of Mirn in 2012, killing 12.\n"
    with Summarizer(engine="extractive", use_cache=False) as summarizer:
        undated = summarizer.summarize(text)
        dated = summarizer.summarize(text, published="2016-05-02")
    assert undated.summary.escalation.level >= 4
    assert dated.summary.escalation.level < 3


def test_soldiers_sent_to_help_with_an_evacuation_are_no_build_up() -> None:
    text = (
        "Rivers burst their banks across southern Kestria\n\n"
        "Kestria's army sent 200 soldiers and 15 boats to Mirn on Sunday to help with the evacuation, "
        "the defence ministry said.\n"
    )
    assert read(text).level < 3


@pytest.mark.parametrize(
    "sentence",
    [
        # a count written as news writes it ("6,000") inside a trigger's gap (was NONE: the gap took no comma)
        "Kessia has moved about 6,000 soldiers and 40 tanks to within 20 km of the Orlen border, the ministry said.",
        "Kessia has sent 6,000 troops to the Orlen border, the Orlen defence ministry said on Tuesday.",
        "Kessia has sent 4.5 thousand troops to the Orlen border, the Orlen defence ministry said on Tuesday.",
    ],
)
def test_a_count_with_a_separator_still_mobilizes(sentence: str) -> None:
    reading = read("Kessian troops near Orlen border\n\n" + sentence)
    assert (reading.event_type, reading.level) == (EventType.MOBILIZE, 3)
