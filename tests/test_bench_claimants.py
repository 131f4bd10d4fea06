"""The claimant benchmark's matching rule: what counts as naming the gold source."""

from __future__ import annotations

import pytest

from benchmarks.judgments.figures import key_words, source_matches


@pytest.mark.parametrize(
    ("predicted", "gold", "right"),
    [
        ("A Kestrel poll", "A Kestrel poll out Monday", True),  # a weekday is no name
        ("Monday", "A Kestrel poll out Monday", False),
        ("the poll", "a poll by the Orlen Institute", True),  # the head noun before its post-modifier
        ("Orlen Institute", "a poll by the Orlen Institute", True),
        ("Dana Kell", "Dana Kell, the agency's head,", True),  # cut before the appositive
        ("the agency", "Dana Kell, the agency's head,", False),
        ("the average", "The Kestrel average of polls taken over the past two weeks", True),  # "taken" ends the head
        (None, "Dana Kell", False),  # no claimant counts as wrong
        ("Dana Kell", "another friend, Dana Kell", True),  # a name as the appositive
        ("Dana Kell", "the firm's chief, Dana Kell,", True),
        ("The top-line number", "The top-line number that caught the eyes of analysts", True),  # a relative clause
    ],
)
def test_source_matches(predicted: str | None, gold: str, right: bool) -> None:
    assert source_matches(predicted, gold) is right


def test_a_month_is_not_a_key_word() -> None:
    assert "february" not in key_words("a Kestrel poll in February")
