"""A person's office carries from the mention that names it to later mentions by surname."""

from __future__ import annotations

from summarizer.extractive.escalation import EscalationReading, assess_escalation
from summarizer.extractive.roles import Role, person_roles
from summarizer.extractive.sentences import split_sentences
from summarizer.scales import EventType


def read(text: str) -> EscalationReading:
    return assess_escalation(split_sentences(text))


TITLE_FIRST = """Orlen budget row deepens

Interior Secretary Tavo Renn met union leaders in Harwick on Tuesday about the new rules.
Mr Renn rejected calls for an inquiry into the payments.
"""

APPOSITIVE_FIRST = """Orlen cabinet meets

Ilse Vandor, the Orlen chancellor, spoke to reporters in Harwick.
Mrs Vandor condemned the strike at the port.
"""

FORMER_OFFICE = """Orlen memoir published

The former interior secretary Tavo Renn has written a book about his childhood in Harwick.
Mr Renn rejected the idea that it was a bestseller.
"""

SPEAKER_NOT_AGENT = """Orlen rail fares

Transport Minister Ilse Vandor said fares would rise.
Mrs Vandor said the change was rejected by passengers.
"""


def test_a_titled_persons_later_act_by_surname_is_an_event() -> None:
    reading = read(TITLE_FIRST)
    assert reading.event_type is EventType.REJECT
    assert reading.level == 1


def test_an_office_given_in_an_appositive_carries_too() -> None:
    assert person_roles(s.text for s in split_sentences(APPOSITIVE_FIRST)) == {"Vandor": Role.GOVERNMENT}
    assert read(APPOSITIVE_FIRST).event_type is EventType.DISAPPROVE


def test_a_former_office_does_not_carry() -> None:
    assert person_roles(s.text for s in split_sentences(FORMER_OFFICE)) == {}
    assert read(FORMER_OFFICE).event_type is EventType.NONE


def test_a_speaker_is_not_the_agent_of_what_she_reports() -> None:
    assert read(SPEAKER_NOT_AGENT).event_type is not EventType.REJECT


def test_party_and_military_offices() -> None:
    texts = ["Opposition leader Kara Moss spoke.", "Gen Oskar Vell inspected the lines.", "Premier League clubs"]
    assert person_roles(texts) == {"Moss": Role.PARTY, "Vell": Role.FORCE}


def test_names_stop_at_a_line_break_and_common_nouns_are_no_surnames() -> None:
    texts = ["Interior Secretary\nMeanwhile the talks went on.", "General Motors raised prices.", "the union met"]
    assert person_roles(texts) == {}
    assert person_roles(["President Oskar T Vell-Maren said so."]) == {"Vell-Maren": Role.GOVERNMENT}


SPOTLIGHT = """Kestrian campaign enters its last week

President Ilse Vandor and Senator Tavo Renn spoke in Harwick on Monday.
Mrs Vandor and Mr Renn have occupied the spotlight while other candidates kept a low profile.
"""


def test_a_titled_person_occupying_the_spotlight_is_no_occupation() -> None:
    assert read(SPOTLIGHT).level < 2
    seized = SPOTLIGHT.replace("have occupied the spotlight", "have occupied the border town of Ostrava")
    assert read(seized).event_type is EventType.COERCE
