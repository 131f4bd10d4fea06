"""Who claims a figure: review of round seven; each case below went right before those rules and wrong after them.

Fictional sentences of our own. Expected values are what a careful reader would name (None: nobody can be named).
"""

from __future__ import annotations

import pytest

from tests.conftest import source_of


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a person named as a verb's object is still who a later "he"/"she" is, when nobody else fits
        (
            'Police arrested Mark Osk, 34, on Friday.\n\n"I took $400 and I am sorry," he said in court.',
            "$400",
            "Mark Osk",
        ),
        (
            'The board named Dana Kell chief executive on Monday.\n\n"We will hire 400 people," she said.',
            "400",
            "Dana Kell",
        ),
        ('Prosecutors accused Mark Osk of fraud on Tuesday.\n\n"I never took $400," he said.', "$400", "Mark Osk"),
        (
            "Ms Imry said the port was failing.\n\nPolice later arrested Mr Osk, her deputy.\n\n"
            '"I took $400," he said.',
            "$400",
            "Mr Osk",
        ),
        ('Ms Kell told Mark Osk the plan was dead.\n\n"We lost 40 boats," he said.', "40", "Mark Osk"),
        (
            'Voters in Orlen elected Dana Kell as mayor in May.\n\n"We won 62 percent," she said.',
            "62 percent",
            "Dana Kell",
        ),
        # an inverted tag whose verb ends in -ed names the subject, not an object
        (
            '"The port lost 3,000 jobs," warned Mark Osk, the harbour master.\n\n"It will lose 500 more," he said.',
            "500",
            "Mark Osk",
        ),
        ('"The port lost 3,000 jobs," continued Ms Kell.\n\n"It will lose 500 more," she said.', "500", "Ms Kell"),
        # an adjective in -ed before a name is no verb
        (
            'The disgraced Mark Osk spoke to reporters outside the court.\n\n"I repaid all $400," he said.',
            "$400",
            "Mark Osk",
        ),
        # "the" before a title or a party and a name: a person, not a place or an event
        (
            'On Tuesday the Republican Dana Kell won the seat easily.\n\n"We took 60 percent," she said.',
            "60 percent",
            "Dana Kell",
        ),
        (
            'On Sunday the Reverend Ruth Imry led a march through Orlen.\n\n"We counted 4,000 people," she said.',
            "4,000",
            "Ruth Imry",
        ),
        # "at" before a person
        (
            'Protesters threw eggs at Mark Osk during his visit to Orlen.\n\n"It cost me a $400 suit," he said.',
            "$400",
            "Mark Osk",
        ),
        ('Ms Kell glared at Mr Osk across the room.\n\n"I am owed $400," he said.', "$400", "Mr Osk"),
        # calling a plan off is an act, but what the caller says while doing it is still a claim
        ("The council called off its plan, saying 12 schools would stay open.", "12", "The council"),
        ("The union called off a strike, saying the 15 percent offer was fair.", "15 percent", "The union"),
        # a statement described by who made it is a source even with no capital in it
        ("In a police statement, 40 people were reported hurt.", "40", "a police statement"),
    ],
)
def test_claimant_kept(text: str, quantity: str, source: str) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "allowed"),
    [
        # a quotation opening after a report's cue is not the reporter's when something else is quoted
        (
            'Kell said the plan was dead, and the crowd chanted "Shame! 400 flats!" as she left.\n\nMore later.',
            "400",
            (None,),
        ),
        (
            'As Kell explained, the Orlen Herald ran the headline "Port dies. 4,000 jobs gone." the next day.\n\nMore.',
            "4,000",
            (None, "the Orlen Herald"),
        ),
        (
            'Kell said the plan, which the banner called "A Theft. 400 Flats Lost," was dead.\n\nMore later.',
            "400",
            (None,),
        ),
        (
            'Kell said the town was broke, as the signs outside say: "Bankrupt. $3 million owed."\n\nMore later.',
            "$3 million",
            (None, "the signs outside"),
        ),
        # a caption with a bracket before its colon names no speaker
        ('Orlen Vale (file photo): "We lost 40 boats in a night."', "40", (None,)),
    ],
)
def test_no_wrong_claimant(text: str, quantity: str, allowed: tuple[str | None, ...]) -> None:
    assert source_of(text, quantity) in allowed
