"""Review 10b: regressions found in the changes to escalation, actors and descriptions, with fictional articles."""

from __future__ import annotations

import pytest

from summarizer.extractive.actors import find_actors
from summarizer.extractive.escalation import assess_escalation
from summarizer.extractive.sentences import split_sentences
from summarizer.scales import EventType
from tests.describing import describes


def reading(text: str) -> tuple[EventType, int]:
    found = assess_escalation(split_sentences(text))
    return found.event_type, found.level


@pytest.mark.parametrize(
    "text",
    [
        # a place "of" somewhere is ground taken, not a rank or a role (was NONE 0)
        "Kestrian forces occupy the top of Mount Sel.\nKestrian forces occupied the top of Mount Sel overnight, "
        "Vell's army said.",
        "Rebels occupy the centre of Orlen.\nArmed rebels occupied the centre of Orlen on Monday, the government said.",
    ],
)
def test_occupying_a_place_of_somewhere_is_force(text: str) -> None:
    assert reading(text) == (EventType.COERCE, 4)


def test_occupying_the_top_spot_is_still_figurative() -> None:
    text = (
        "Kestrian party tops poll.\nThe Kestrian Unity party occupied the top spot in the poll on Monday. "
        "The Kestrian army chief said it occupied centre stage."
    )
    assert reading(text)[1] < 2


@pytest.mark.parametrize(
    "text",
    [
        # survivors of today's blast and a town's liberation announced today are news, not remembrance (was NONE 0)
        "Rebel bombing kills 20 in Orlen market.\nSurvivors of the blast described scenes of chaos. Rebels detonated "
        "a car bomb in the crowded market, police said. The army shelled rebel positions in reply.",
        "Kestrian army liberates Dorn.\nThe liberation of Dorn was announced by the army. Kestrian troops captured "
        "the town from rebels after heavy fighting, officials said. Rebels shelled the outskirts.",
    ],
)
def test_survivors_and_liberation_of_today_are_news(text: str) -> None:
    assert reading(text)[1] >= 4


def test_survivors_of_a_massacre_remember_it() -> None:
    text = (
        "Survivors of Dorn massacre return.\nSurvivors of the Dorn massacre returned to the village on Monday. "
        "Soldiers killed 300 people there in the war. Many still live nearby."
    )
    assert reading(text)[1] < 2


@pytest.mark.parametrize(
    "text",
    [
        # an organisation's president, governor or general secretary acts for no state (was THREATEN 1)
        "Union threatens strike at Vell rail firm.\nTransport Union General Secretary Dan Rell met managers on "
        "Monday. Mr Rell threatened a walkout over pay.",
        "Vellford United sack coach.\nVellford United President Dario Munt spoke to reporters on Monday. Munt "
        "threatened to sue the league over the fixture list.",
        "Halvik Motors shares slide.\nHalvik Motors President Ana Rook said profits fell. Ms Rook threatened to "
        "close the Orlen plant.",
        "Bank of Vell holds rates.\nBank of Vell Governor Ira Sand kept rates at 2%. Mr Sand vowed to fight rising "
        "prices and warned of a squeeze.",
    ],
)
def test_an_organisations_office_is_no_state(text: str) -> None:
    assert reading(text) == (EventType.NONE, 0)


def test_a_states_president_still_acts_for_it() -> None:
    text = "Kestria warns Vell.\nKestrian President Ana Kell spoke on Monday. Ms Kell threatened to close the border."
    assert reading(text) == (EventType.THREATEN, 1)


def test_a_surname_shaped_like_an_adjective_counts_for_the_full_name() -> None:
    # "McLean believes": a surname before a verb, not an adjective before a noun (was dropped)
    text = (
        "Talks.\nKestria's foreign minister Ruth McLean met Vell envoys. McLean believes the deal is close. "
        "McLean expects a signing."
    )
    assert "Ruth McLean" in find_actors(split_sentences(text))


@pytest.mark.parametrize(
    ("text", "quantity", "expected"),
    [
        # a subject and its verb are no description (were "The bank lent", "Halvik sent Orvel shares")
        ("The bank lent £300m to small firms in the first half.", "£300m", "loans"),
        ("The council sold £2m to a developer last year.", "£2m", "sales"),
        ("Talk of a merger sent Orvel shares up 6% on Monday.", "6%", "Orvel shares"),
        ("Vell sent 300 to the border on Monday.", "300", ""),
        # a bid stays a bid
        ("Kestby Rovers have bid £3.5m for the striker.", "£3.5m", "bid"),
    ],
)
def test_no_subject_and_verb_as_description(text: str, quantity: str, expected: str) -> None:
    assert describes(text, quantity) == expected


def test_a_clause_that_dates_its_event_today_reports_it() -> None:
    # "the attack, which killed 12 soldiers ... on Monday" is today's news, not background (was DISAPPROVE 1)
    text = (
        "Kestria condemns attack.\nKestria condemned the attack, which killed 12 soldiers near Dorn on Monday, "
        "and summoned Vell's envoy."
    )
    assert reading(text) == (EventType.ASSAULT, 4)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # an adjective before a group that acts names the actor (were dropped as modifiers)
        (
            "Kestrian troops shell Dorn.\nKestrian troops shelled Dorn on Monday. Kestrian officials said more.",
            "Kestrian",
        ),
        (
            "Maoist rebels attack.\nMaoist rebels attacked a police post in Orlen. Their leader Pal Dev denied it.",
            "Maoist",
        ),
    ],
)
def test_an_adjective_before_an_acting_group_is_an_actor(text: str, actor: str) -> None:
    assert actor in find_actors(split_sentences(text))


@pytest.mark.parametrize(
    ("text", "quantity", "expected"),
    [
        # a season is a time like a month, not what the figure measures (were "the spring", "autumn")
        ("Inflation is expected to peak at 4% in the spring.", "4%", "Inflation"),
        ("Vell's harvest fell 8% this autumn.", "8%", "Vell's harvest"),
        ("Gas use rose 12% over the winter.", "12%", "Gas use"),
        # a season inside what is counted stays
        ("Halvik sold 20,000 bikes in the summer.", "20,000", "bikes in the summer"),
    ],
)
def test_a_season_is_a_time(text: str, quantity: str, expected: str) -> None:
    assert describes(text, quantity) == expected
