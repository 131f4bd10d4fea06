"""When the sentence names nothing a figure measures, its description is empty, not its unit or itself again."""

from __future__ import annotations

import pytest

from summarizer.extractive import extract
from tests.describing import describes


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("Vell Card needs 1tn won ($960m) to stay afloat.", "$960m"),  # was "dollars"
        ("Halvik beat Orlen 6-3 6-1 in Kestby.", "6-3"),  # was "Halvik beat Orlen"
        ("Halvik beat Orlen 6-3 6-1 in Kestby.", "6-1"),  # was "Kestby"
        ("Ten Orvel fans were held, three of whom were charged.", "three"),  # was "whom"
        ("The Orvel film took more than the expected $18m (£9.5m).", "£9.5m"),  # was "pounds"
    ],
)
def test_nothing_named_gives_an_empty_description(text: str, quantity: str) -> None:
    assert describes(text, quantity) == ""


@pytest.mark.parametrize(
    ("text", "quantity", "expected"),
    [
        ("The Orvel athletes set 10 records.", "10", "records"),  # a counted noun still says what is counted
        ("Orvel's share of the market is 36%, down from 39%.", "from 39%", "Orvel's share of the market"),
        ("Marn Rovers kicked 28 points against Vell.", "28", "points against Vell"),
        ("Rocket attacks from Kestria injure 19 in Orvel.", "19", "injured"),  # was "Orvel"
        # quoted words after the figure are its noun phrase (was "pounds", "")
        ('Experts in Orvel say there is a £10bn "black hole" in the public finances.', "£10bn", "black hole"),
        ('The Vell bulletin flagged eight "critical" security holes.', "eight", "critical security holes"),
    ],
)
def test_a_counted_noun_is_kept(text: str, quantity: str, expected: str) -> None:
    assert describes(text, quantity) == expected


def test_an_empty_description_is_valid_in_the_record() -> None:
    record = extract("Halvik beat Orlen 6-3 in Kestby on Sunday, and the crowd went home happy.")
    assert [(f.quantity, f.describes) for f in record.key_figures] == [("6-3", "")]
