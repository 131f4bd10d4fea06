"""What a figure describes, for the tests of descriptions."""

from __future__ import annotations

from summarizer.extractive.figures import find_figures
from summarizer.extractive.sentences import split_sentences


def describes(text: str, quantity: str) -> str:
    """What the first figure written as ``quantity`` describes (the test fails when there is none)."""
    found = [f for f in find_figures(text, split_sentences(text)) if f.quantity == quantity]
    assert found, f"no figure {quantity!r} in {text!r}"
    return found[0].describes
