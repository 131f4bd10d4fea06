"""Who claims a figure: the rules of the sixth round on issue 9, each pinned with fictional sentences of our own."""

from __future__ import annotations

import pytest

from summarizer.extractive.figures import find_figures
from summarizer.extractive.sentences import split_sentences
from tests.conftest import source_of


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a whole date inside the source's phrase is part of its name, not a figure that disqualifies it
        ("A March 3, 2014 memo shows the agency sent 12 inspectors to the port.", "12", "A March 3, 2014 memo"),
        ("A Sept. 15, 2011 email shows the ministry sent 10 staff to the fair.", "10", "A Sept. 15, 2011 email"),
        # people known by what they know are the source, not the person or body they are close to
        ("People close to the governor said 30 staff would go.", "30", "People close to the governor"),
        ("Sources close to the mayor said the fund held $2 million.", "$2 million", "Sources close to the mayor"),
        (
            "Officials familiar with the budget said it held $4 billion.",
            "$4 billion",
            "Officials familiar with the budget",
        ),
    ],
)
def test_claimant(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "status"),
    [
        # unnamed sources close to a ministry do not make a figure official; officials familiar with it do
        ("Sources close to the ministry said 40 jets were ready.", "40", "claimed"),
        ("Officials familiar with the budget said it held $4 billion.", "$4 billion", "official"),
    ],
)
def test_status_of_unnamed_sources(text: str, quantity: str, status: str) -> None:
    figure = next(f for f in find_figures(text, split_sentences(text)) if f.quantity == quantity)
    assert figure.status == status
