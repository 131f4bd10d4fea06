"""Names are not events: trigger words inside names or compounds; actors are whole names, not sources or places."""

from __future__ import annotations

from summarizer.extractive.escalation import EscalationReading, assess_escalation
from summarizer.extractive.sentences import split_sentences
from summarizer.scales import EventType


def read(text: str) -> EscalationReading:
    return assess_escalation(split_sentences(text))


CONSULTANCY = """Orlen shop sales slip in the spring

Sales at shops in Orlen fell 3% in April, figures from the Harwick Retail Consulting Group showed.
Shoppers spent less on clothes and more on food, the figures showed.
"""

CHARITY = """Orlen charity opens new shops

The charity Harbour Aid said it would open ten shops in Orlen this year.
Its shops sell second-hand clothes and books.
"""

CONNECTOR = """Orlen firms report steady sales

Figures published by the Organisation for Security and Co-operation in Mirn showed steady trade.
Exporters in Orlen sold more machine tools than a year earlier.
"""

TALKS_OPEN_A_SENTENCE = """Orlen and Mirn officials meet

Talks between the Orlen government and Mirn officials began on Monday.
"""

STATE_BACKED = """Orlen gas prices rise

The state-backed Orlen Gas Company raised its prices by 8% on Monday.
Households will pay more for heating from June.
"""

WELFARE_SUPPORT = """Orlen families face cuts

Families in Orlen will lose welfare support from April under the new rules.
Income support will also be paid monthly rather than weekly.
"""

SUPPORTING_ACTRESS = """Orlen film wins prizes

Mira Tal won best supporting actress for her role in the Orlen drama.
The film took three prizes in all.
"""

LEAGUE = """Orlen hunting ban questioned

The League Against Cruel Farming said the ban on fox hunting in Orlen was not enforced.
The League Against Cruel Farming wants the police to act on reports from its members.
"""

BANK = """Rates on hold in Mirn

The Bank of Mirn left its main interest rate at 4% on Thursday.
The Bank of Mirn said prices were rising slowly, and the Bank expects growth of 2% this year.
"""

ACRONYM_BANK = """Mirn bank to cut jobs

ORL Amsel, the Mirn bank, is to cut 900 jobs in Orlen.
ORL Amsel said the cuts would save money, and ORL Amsel shares rose 2%.
"""

OUTLETS = """Orlen port sale delayed

The sale of Orlen port to the Tasker Group was delayed, Reuters reported.
A Tasker Group manager told the BBC the sale would go ahead, and Reuters said talks went on.
The BBC asked the Tasker Group about jobs.
"""

PLACE = """Harwick airport adds flights

At Harwick, the operator Orlen Airways added six flights a day.
At Harwick, passengers waited longer at security, Orlen Airways said.
"""

TOWN = """Pubs to close earlier

"If you come to Harwick on a Friday night you will see the trouble," said Tom Reeve of the Orlen Police.
"I want Harwick to be known for its markets," Tom Reeve said.
Pubs in the Harwick town centre will close at 11pm.
"""


def test_a_capitalised_trigger_inside_a_name_is_no_event() -> None:
    assert read(CONSULTANCY).event_type is not EventType.CONSULT
    assert read(CHARITY).event_type is not EventType.AID


def test_a_trigger_after_a_connector_inside_a_name_is_no_event() -> None:
    assert read(CONNECTOR).event_type is not EventType.COOPERATE


def test_a_trigger_opening_a_sentence_still_counts() -> None:
    assert read(TALKS_OPEN_A_SENTENCE).event_type is EventType.CONSULT


def test_a_trigger_inside_a_hyphenated_compound_adjective_is_no_event() -> None:
    assert read(STATE_BACKED).event_type is not EventType.SUPPORT


def test_support_as_a_benefit_or_a_film_part_is_no_support() -> None:
    assert read(WELFARE_SUPPORT).event_type is not EventType.SUPPORT
    assert read(SUPPORTING_ACTRESS).event_type is not EventType.SUPPORT


def test_an_actor_is_the_whole_capitalised_run() -> None:
    actors = read(LEAGUE).actors
    assert "League Against Cruel Farming" in actors
    assert "Farming" not in actors and "League Against Cruel" not in actors


def test_a_name_joined_by_of_is_one_actor_and_its_short_form_counts_with_it() -> None:
    actors = read(BANK).actors
    assert actors[0] == "Bank of Mirn"
    assert "Bank" not in actors


def test_an_acronym_and_the_word_after_it_are_one_name() -> None:
    actors = read(ACRONYM_BANK).actors
    assert "ORL Amsel" in actors
    assert "ORL" not in actors and "Amsel" not in actors


def test_news_outlets_are_sources_not_actors() -> None:
    actors = read(OUTLETS).actors
    assert "Tasker Group" in actors
    assert "Reuters" not in actors and "BBC" not in actors


def test_a_place_after_an_opening_preposition_is_not_an_actor() -> None:
    actors = read(PLACE).actors
    assert "Orlen Airways" in actors
    assert "Harwick" not in actors


def test_a_name_the_article_puts_somewhere_more_often_than_it_acts_is_a_place() -> None:
    actors = read(TOWN).actors
    assert "Tom Reeve" in actors
    assert "Harwick" not in actors


def test_camel_case_names_and_capitals_as_places() -> None:
    from summarizer.extractive.actors import find_actors

    text = (
        "Ailing VellDisney vows turnaround\n\n"
        "VellDisney said it would sell new shares, and Tomas McArdle will lead the sale. "
        "Its shares fell in London and again in London on Friday. VellDisney and Tomas McArdle declined to comment."
    )
    actors = find_actors(split_sentences(text))
    assert "VellDisney" in actors and "Tomas McArdle" in actors
    assert "London" not in actors and not any(a.startswith("Ailing") for a in actors)
