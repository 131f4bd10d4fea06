"""An actor is a noun phrase naming a state, body, group or person: not an adjective standing alone, not a fragment."""

from __future__ import annotations

from summarizer.extractive.actors import find_actors
from summarizer.extractive.sentences import split_sentences


def actors(text: str) -> list[str]:
    return find_actors(split_sentences(text), limit=8)


ADJECTIVES = """Orlen senators split on broadcast fines

Republican senator Tavo Renn said the fines were too low.
Republican senator Tavo Renn wants the Orlen Broadcast Board to act.
The Zorvian champion Ilse Vandor backed the fines, and the Zorvian champion Ilse Vandor said so twice.
"""

FRAGMENTS = """Harwick votes on the regional assembly

Harwick No campaigner Kara Moss said voters would reject the assembly.
Harwick No campaigner Kara Moss spoke at a rally on Monday.
Whatever voters decide, we will accept it, the Harwick Council said.
Whatever happens, the Harwick Council will meet in May.
"""

HEADS_STAY = """Celdric beat Varnish in the cup

Celdric won the cup on Saturday.
Celdric striker Oskar Vell scored twice and Celdric boss Mira Tal praised him.
"""


def test_an_adjective_before_its_noun_is_not_an_actor() -> None:
    found = actors(ADJECTIVES)
    assert "Republican" not in found
    assert "Zorvian" not in found
    assert "Tavo Renn" in found


def test_fragments_and_pronouns_are_not_actors() -> None:
    found = actors(FRAGMENTS)
    assert "Harwick No" not in found
    assert "Whatever" not in found
    assert "Harwick Council" in found


def test_a_name_that_heads_a_phrase_somewhere_keeps_its_modifier_uses() -> None:
    assert actors(HEADS_STAY)[0] == "Celdric"


WEBSITE = """Orlen moves troops to the Vell border

Orlen has moved two brigades to the border with Vell, Vellwire.Az reports via foreign media.
Vellwire.Az said the brigades of Orlen crossed the river, and Vell protested.
"""


def test_a_website_reporting_is_no_actor() -> None:
    found = actors(WEBSITE)
    assert "Vellwire" not in found
    assert {"Orlen", "Vell"} <= set(found)
