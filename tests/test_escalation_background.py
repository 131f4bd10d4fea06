"""Background is not the news: clauses recalling earlier events, and history named without a year."""

from __future__ import annotations

from summarizer.extractive.background import in_background_clause, is_history, standing_presence
from summarizer.extractive.escalation import EscalationReading, assess_escalation
from summarizer.extractive.sentences import split_sentences
from summarizer.scales import EventType


def read(text: str) -> EscalationReading:
    return assess_escalation(split_sentences(text))


APOLOGY = """Orlen premier apologises to families

The Orlen prime minister has apologised to three families wrongly jailed for years.
The families were convicted of planting the militants' bombs which killed nine people at a station.
The prime minister said the families deserved to be cleared.
"""

STANDBY = """Kestrian troops on standby in Mirn

The Kestrian government said its troops were ready to help evacuate citizens from Mirn.
Riots spread after President Oskar Vell broke a two-year ceasefire with the rebels by bombing their positions.
"""

REMEMBRANCE = """Velgrad marks camp anniversary

Hundreds gathered in Velgrad for a service at the former camp.
Some 40,000 prisoners were murdered at the Nazi camp at Velgrad.
"""

NEWS_STILL_COUNTS = """Kestrian troops shell Mirn border town

Kestrian troops shelled the Mirn border town of Ostrava on Monday, the army said.
The shelling came after talks between the two governments broke down.
"""


def test_a_relative_clause_recalling_an_attack_does_not_outweigh_the_leads_apology() -> None:
    reading = read(APOLOGY)
    assert reading.level == 0
    assert reading.event_type is EventType.CONCEDE


def test_an_after_clause_is_background_to_the_news() -> None:
    text = "Protests spread in the capital after Mirn rebels bombed army positions."
    assert in_background_clause(text, text.index("bombed"))
    assert not in_background_clause("Mirn rebels bombed army positions.", len("Mirn rebels "))
    assert read(STANDBY).level < 4


def test_remembrance_and_a_named_past_atrocity_are_history_not_crime() -> None:
    assert is_history("Some 40,000 prisoners were murdered at the Nazi camp at Velgrad.")
    assert not is_history("Neo-Nazis attacked a shelter in Velgrad on Monday.")
    assert read(REMEMBRANCE).event_type is not EventType.CRIME


def test_a_closed_relative_clause_leaves_the_main_verb_as_news() -> None:
    text = "The gunmen, who wore masks, killed four guards."
    assert not in_background_clause(text, text.index("killed"))
    reading = read(NEWS_STILL_COUNTS)
    assert reading.event_type is EventType.FIGHT
    assert reading.level == 4


ON_STANDBY = """Kestrian troops on standby over Mirn unrest

A company of 120 Kestrian troops has been put on standby to evacuate citizens from Mirn.
Riots spread after President Oskar Vell broke a two-year ceasefire with the rebels by bombing their positions.
"""


def test_troops_put_on_standby_are_the_development_not_the_recalled_bombing() -> None:
    reading = read(ON_STANDBY)
    assert reading.event_type is EventType.MOBILIZE
    assert reading.level == 2


SURVIVORS = """Orlen helps survivors of the Mirn massacres

Orlen is to give a grant to help survivors of the Mirn massacres who still need care.
About 9,000 villagers were killed by Zorvian militias after the death of a Mirn leader.
The grant will pay for clinics and counselling.
"""


def test_a_story_told_for_survivors_retells_its_violence_as_history() -> None:
    assert read(SURVIVORS).level < 2


PRESENCE = """Orlen opposition calls for Mirn exit plan

The Orlen opposition leader called for a timetable to bring the troops home from Mirn.
He argued that Orlen troops deployed in Mirn should be replaced by forces from other countries.
"""


def test_troops_already_deployed_are_a_presence_not_a_build_up() -> None:
    text = "Orlen troops deployed in Mirn should be replaced."
    assert standing_presence(text, text.index("deployed"), text.index("deployed") + len("deployed"))
    assert not standing_presence("Orlen deployed troops in Mirn.", 6, 14)
    reading = read(PRESENCE)
    assert reading.level < 3
    assert reading.event_type is EventType.DEMAND


ANNIVERSARY_MARCH = """Vell troops fire on anniversary march

Thousands of people marched through Dorn to mark the anniversary of the uprising against the government of Vell.
Opposition leaders and veterans of the uprising led the march from the old square to the parliament.
Vell troops opened fire on the marchers, killing six people and wounding dozens, witnesses said.
Opposition leaders called for an international inquiry into the shooting.
"""

ANNIVERSARY_RETOLD = """Orlen marks anniversary of massacre

Survivors gathered in Kell to mark the 20th anniversary of the massacre of villagers by Vell troops.
The president of Orlen laid a wreath at the memorial and called for reconciliation.
Troops killed 300 villagers in the war, and the bodies were never found.
"""


def test_violence_against_those_gathered_for_an_anniversary_is_the_news() -> None:
    reading = read(ANNIVERSARY_MARCH)
    assert reading.level >= 4
    assert "opened fire on the marchers" in reading.evidence[0].text


def test_the_violence_an_anniversary_remembers_stays_history() -> None:
    assert read(ANNIVERSARY_RETOLD).level <= 1
