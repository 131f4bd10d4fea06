"""Verbs of making public and of backing a policy name who claims the figures in their object."""

from __future__ import annotations

import pytest

from tests.conftest import source_of


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # what a party publishes or unveils is its own
        ("The Orlen Herald published a list of 240 donors to the mayor.", "240", "The Orlen Herald"),
        ("Dana Kell publishes more than 30 newsletters a year.", "more than 30", "Dana Kell"),
        ("Last month the Vell campaign unveiled a plan to hire 500 teachers.", "500", "the Vell campaign"),
        # backing a policy states a figure of one's own
        ("Senator Tomas Brell supports raising the toll to $12 by 2030.", "$12", "Senator Tomas Brell"),
    ],
)
def test_claimant(text: str, quantity: str, source: str) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # "supporting her by 20 points" is a vote; a place's acts state no claim
        ("Vell County voters backed Kell, supporting her by 20 points in 2014.", "20"),
        ("The city supports 300 small farms with grants.", "300"),
    ],
)
def test_no_claimant(text: str, quantity: str) -> None:
    assert source_of(text, quantity) is None


def test_a_report_a_plan_was_unveiled_in_keeps_its_figures() -> None:
    text = "Under the plans, unveiled in the Orlen report, some 4,000 posts will go."
    assert source_of(text, "some 4,000") == "the Orlen report"
