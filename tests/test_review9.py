"""Review 9: regressions found in the day's changes to the extractive engine, with fictional sentences."""

from __future__ import annotations

import pytest

from summarizer.extractive.escalation import assess_escalation
from summarizer.extractive.figures import Figure, find_figures
from summarizer.extractive.hedges import find_hedges
from summarizer.extractive.sentences import split_sentences
from summarizer.scales import EventType


def figures(text: str) -> list[Figure]:
    return find_figures(text, split_sentences(text))


def figure(text: str, quantity: str) -> Figure:
    return next(f for f in figures(text) if f.quantity == quantity)


@pytest.mark.parametrize(
    ("text", "quantities"),
    [
        # counts of people or acts in so many events are no share of them
        ("Police arrested 14 in 20 raids across Vell on Tuesday.", {"14", "20"}),
        ("Gunmen killed two in three attacks on villages near Orlen.", {"three"}),
        ("Shares in Halvik rose 3 in 10 trading sessions after the report.", {"3", "10"}),
        ("The coach said they had lost two in four friendlies.", {"four"}),
    ],
)
def test_counts_in_events_are_no_share(text: str, quantities: set[str]) -> None:
    assert {f.quantity for f in figures(text)} == quantities


def test_a_share_is_still_one_figure() -> None:
    found = figure("About one in five adults in Vell smoke, the survey found.", "About one in five")
    assert found.low == found.high == 0.2


@pytest.mark.parametrize(
    ("text", "quantity", "value"),
    [
        # a multiple of the figure is a comparison, not a bound: the figure itself is stated
        ("The new stadium cost three times as much as £400m, critics said.", "£400m", 4e8),
        ("Kestor now has twice as many as 40 nurses per ward.", "40", 40.0),
    ],
)
def test_times_as_much_as_is_no_bound(text: str, quantity: str, value: float) -> None:
    found = figure(text, quantity)
    assert (found.low, found.high) == (value, value)


def test_as_much_as_alone_is_still_an_upper_bound() -> None:
    found = figure("Some households in Vell pay as much as £2,000 a year for heating.", "as much as £2,000")
    assert (found.low, found.high) == (None, 2000.0)


@pytest.mark.parametrize(
    "text",
    [
        # what someone may claim is true is speculation, not a thing claimed as due
        "Opponents may claim their candidate was cheated out of victory in Vell.",
        "Critics could claim its figures are wrong, the Orlen minister admitted.",
        "Kell could claim his party won the argument, even if it lost the vote.",
        "They might claim the money was a gift, lawyers for the Orlen mayor suggested.",
    ],
)
def test_claiming_a_clause_stays_a_hedge(text: str) -> None:
    cues = {h.cue.lower() for h in find_hedges(text, split_sentences(text))}
    assert {"claim"} <= cues and cues & {"may", "could", "might"}


@pytest.mark.parametrize(
    "text",
    [
        "Pensioners in Kestor could claim their pensions early under the plan.",
        "Residents could claim back the cost of repairs, the council said.",
        "Vell fans hope their side can claim its first title on Saturday.",
        "The Vell side are tipped to claim their first Grand Slam since 1948.",
    ],
)
def test_claiming_what_is_due_is_no_hedge(text: str) -> None:
    cues = {h.cue.lower() for h in find_hedges(text, split_sentences(text))}
    assert not cues & {"claim", "could", "can"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a negative word that affirms what follows: the event happened
        ("No fewer than 12 governments signed the Vell accord on Monday, officials said.", EventType.AGREE),
        ("Not only did the Kestrian government sign the pact, it also pledged aid to Orlen.", EventType.AGREE),
        ("The Kestrian foreign minister did not hesitate to condemn the attack.", EventType.DISAPPROVE),
    ],
)
def test_affirming_negatives_keep_the_event(text: str, kind: EventType) -> None:
    assert assess_escalation(split_sentences(text)).event_type is kind


def test_plain_negation_still_drops_the_event() -> None:
    text = "The Kestrian foreign minister did not condemn the attack."
    assert assess_escalation(split_sentences(text)).event_type is EventType.NONE


@pytest.mark.parametrize(
    "opening",
    [
        "After meeting John Tarrant, he",
        "Speaking alongside John Tarrant, he",
        "After defeating John Tarrant in the primary, he",
    ],
)
def test_a_participles_object_is_no_he(opening: str) -> None:
    text = f"Mark Osk, the Vell finance minister, spoke on Monday. {opening} said the deficit would fall to 3%."
    assert figure(text, "3%").source == "Mark Osk"


def test_a_closing_tag_speaks_for_clauses_before_a_semicolon() -> None:
    text = "Twelve people were killed; 30 were injured, Orlen police said."
    assert figure(text, "Twelve").source == "Orlen police"
    assert figure(text, "30").source == "Orlen police"


def test_a_time_of_day_before_a_name_is_no_object() -> None:
    text = (
        "Mark Osk spoke first. On Tuesday evening Dana Kell announced she would resign, and she said 40 staff would go."
    )
    assert figure(text, "40").source == "Dana Kell"


@pytest.mark.parametrize(
    "text",
    [
        # a protest's actor is the crowd that protests: workers, residents, doctors, rioters
        "Thousands of workers marched through the Kestrian capital demanding higher wages.",
        "Residents blocked roads in Vell for a third day in protest at the closure of the hospital.",
        "Doctors in Kestria went on strike on Monday over pay.",
        "Rioters set fire to cars and looted shops in the Kestrian port of Vell.",
    ],
)
def test_a_crowd_is_a_protests_actor(text: str) -> None:
    assert assess_escalation(split_sentences(text)).event_type is EventType.PROTEST


@pytest.mark.parametrize(
    "text",
    [
        "Vell United rallied in the second half to beat Orlen 2-1 on Saturday.",
        "The Vell manager said his strikers had scored great goals against Orlen.",
    ],
)
def test_sport_stays_no_protest(text: str) -> None:
    assert assess_escalation(split_sentences(text)).event_type is EventType.NONE


def test_a_due_noun_with_its_verb_after_a_phrase_is_a_clause() -> None:
    text = "The party may claim its share of the vote rose, officials in Orlen said."
    cues = {h.cue.lower() for h in find_hedges(text, split_sentences(text))}
    assert {"may", "claim"} <= cues
    due = "Vell is expected to claim its share of the fund next year."
    assert "claim" not in {h.cue.lower() for h in find_hedges(due, split_sentences(due))}


@pytest.mark.parametrize(
    ("text", "quantity", "describes"),
    [
        ("Vell's economy shrank by 1.2% in the three months to June, official figures show.", "1.2%", "Vell's economy"),
        ("Orlen's economy contracted 0.5% last year.", "0.5%", "Orlen's economy"),
    ],
)
def test_shrinking_is_a_change_verb(text: str, quantity: str, describes: str) -> None:
    assert figure(text, quantity).describes == describes
