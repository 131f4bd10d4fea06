"""A time, a rate or a rank is not what a figure measures: 'per day', 'the year', 'in the second'."""

from __future__ import annotations

import pytest

from tests.describing import describes


@pytest.mark.parametrize(
    ("text", "quantity", "expected"),
    [
        # a rate after the figure: what is counted per day is the subject (was "day", "minute", "an hour")
        (
            "The cost of guarding the Vell courthouse has been estimated at $40,000 per day.",
            "$40,000",
            "The cost of guarding the Vell courthouse",
        ),
        ("The Orvel record was 426m per minute.", "426m", "The Orvel record"),
        ("The Tarn council raised the adult rate to £5.35 an hour.", "£5.35", "the adult rate"),
        # a time or a rank before or after it (was "the second", "the previous", "the month")
        (
            "Kestrian spending grew 4.6% in the third quarter, up from just 1.6% in the second.",
            "1.6%",
            "Kestrian spending",
        ),
        (
            "Growth in Marn output was 11.5% in 2004, down from 17% the previous year.",
            "from 17%",
            "Growth in Marn output",
        ),
        ("Sales in December pushed total spending for the month to $349bn.", "$349bn", "total spending for the month"),
        # what a verb brings down or pushes up, without its particle
        ("The sale helped to bring debt down to 35bn euros.", "35bn", "debt"),
        ("The Orvel change pushed up jobless claims by 50,000 in January.", "50,000", "jobless claims"),
    ],
)
def test_a_time_or_a_rate_is_not_what_is_measured(text: str, quantity: str, expected: str) -> None:
    assert describes(text, quantity) == expected


@pytest.mark.parametrize(
    ("text", "quantity", "fragment"),
    [
        ("I can see the Vell crown finishing the year around $1.35.", "around $1.35", "year"),
        ("Every Orvel officer had a target equivalent to 40 a day.", "40", "day"),
        ("The Kestby gap was far bigger than the $54bn widely expected on Wall Street.", "$54bn", "Wall Street"),
        ("Orvel shares ended the day down at $8.08.", "$8.08", "the day"),
        ("At least $10bn per annum is needed to fight Orvel fever.", "At least $10bn", "annum"),
    ],
)
def test_no_time_is_a_description(text: str, quantity: str, fragment: str) -> None:
    assert fragment not in describes(text, quantity)


def test_a_duration_keeps_its_span() -> None:
    assert describes("Marn Rail was fined after a delay of 62 months.", "62") != "Marn Rail"
