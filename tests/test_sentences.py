"""Sentence splitting: run-in headlines a saved page glues to the next paragraph."""

from __future__ import annotations

import pytest

from summarizer.extractive import extract
from summarizer.extractive.sentences import split_sentences
from tests.conftest import SHARED


@pytest.mark.parametrize(
    ("line", "headline", "sentence"),
    [
        (
            "Orlen downs 12 drones over its port—navyThe strikes came as the envoy landed in Vell.",
            "Orlen downs 12 drones over its port—navy",
            "The strikes came as the envoy landed in Vell.",
        ),
        (
            "Envoy heads for Vell as drones target the Orlen capitalRussian troops crossed the river at dawn.",
            "Envoy heads for Vell as drones target the Orlen capital",
            "Russian troops crossed the river at dawn.",
        ),
        (
            "Drones hit the port as the envoy lands in BelarusMoscow denied any part in the strikes.",
            "Drones hit the port as the envoy lands in Belarus",
            "Moscow denied any part in the strikes.",
        ),
        (
            "Dana Kell was born and raised in the United StatesIn an interview, she said so.",
            "Dana Kell was born and raised in the United States",
            "In an interview, she said so.",
        ),
    ],
)
def test_a_run_in_headline_is_a_sentence_of_its_own(line: str, headline: str, sentence: str) -> None:
    texts = [s.text for s in split_sentences(line)]
    assert texts == [headline, sentence]
    assert not split_sentences(line)[0].is_prose  # no full stop: a headline, never a summary sentence


@pytest.mark.parametrize(
    "line",
    [
        "She joined LinkedIn and left the board in Vell.",
        "The tag #ImWithHer trended in Orlen on Monday.",
        "Fans of the McThe band met in Vell.",
        "The firm's iPhone app launched in Orlen.",
    ],
)
def test_names_and_hashtags_with_capitals_inside_stay_whole(line: str) -> None:
    assert [s.text for s in split_sentences(line)] == [line]


def test_seed_004_keeps_its_run_in_headlines_out_of_the_key_points() -> None:
    text = (SHARED / "seeds" / "004_f4b3b7efe7834f89.txt").read_text(encoding="utf-8")
    record = extract(text)
    assert not any("BelarusMoscow" in point or "militaryThe" in point for point in record.key_points)
    points = " ".join(record.key_points)
    assert "drone attack" not in points  # the teasers of the related links under the article
    assert "Moscow announced that Russian troops would return to Belarus" in points  # the article's own development
