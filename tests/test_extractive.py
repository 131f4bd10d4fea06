"""The extractive engine's parts, on real sentences from ../shared and the project's own articles."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer import EventType
from summarizer.extractive import analyse, extract
from summarizer.extractive.escalation import assess_escalation
from summarizer.extractive.figures import find_figures, find_source, parse_quantity
from summarizer.extractive.hedges import find_hedges
from summarizer.extractive.sentences import split_sentences
from summarizer.extractive.summary import choose_summary, rank_sentences
from summarizer.llm import grounding
from summarizer.models import FigureStatus, HedgeKind
from summarizer.scales import Direction
from tests.conftest import ROOT, SHARED, article

SEEDS = SHARED / "seeds"
BBC = SHARED / "corpus" / "bbc-news"


def seed(n: int) -> str:
    return next(SEEDS.glob(f"{n:03d}_*.txt")).read_text(encoding="utf-8")


def sentence_with(text: str, needle: str) -> str:
    return next(s.text for s in split_sentences(text) if needle in s.text)


# sentences


def test_sentence_offsets_point_into_the_text() -> None:
    text = seed(1)
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    ("n", "needle", "must_contain"),
    [
        (3, "President-elect Donald Trump", "the Kremlin has indicated optimism"),  # "U.S." does not end it
        (1, "approximately one-third", "Belarus has confirmed the massing of tanks"),
        (2, "Zelensky accused Russia", "directly into this war"),  # quoted speech stays inside
    ],
)
def test_abbreviations_and_quotes_do_not_split(n: int, needle: str, must_contain: str) -> None:
    assert must_contain.lower() in sentence_with(seed(n), needle).lower()


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # nupunkt's model holds plain words as abbreviations ("rota", "month", "found", "bank"): was one sentence
        (
            "Dockers walked out over a new shift rota. Management offered 4%.",
            "Dockers walked out over a new shift rota.",
        ),
        ("Sales rose 3% last month. Orlen Data said so.", "Sales rose 3% last month."),
        ('"It is all we found." Kell then left the hall.', '"It is all we found."'),
        ("Nearly 60% said so, the survey found. People want more.", "Nearly 60% said so, the survey found."),
        ("He knows he cannot win. Neil Osk said so.", "He knows he cannot win."),
        ("It rose for a fifth month in a row. Dana Kell said so.", "It rose for a fifth month in a row."),
        # real lower-case abbreviations still do not end one
        ("Kell vs. Osk was the closest race in Orlen.", "Kell vs. Osk was the closest race in Orlen."),
        ("Shows (e.g. Starsky and Hutch) Hence the rise.", "Shows (e.g. Starsky and Hutch) Hence the rise."),
        ("It cost approx. Forty Vell crowns in all.", "It cost approx. Forty Vell crowns in all."),
        ("The U.S. Army sent 300 soldiers. Kell said so.", "The U.S. Army sent 300 soldiers."),
        # a space lost between two sentences still ends the first ("...Svetlana Orsk.Lukashenko's ...")
        ("She advises Dana Orlenska.Kell's rivals say so.", "She advises Dana Orlenska."),
        ("It has an audio jack.The case is extra.", "It has an audio jack."),
        # but not inside a name or an address
        ("Firms such as One.Tel route the calls.", "Firms such as One.Tel route the calls."),
        (
            "Dana Kell, editor of fansite Vell.Orlen.Org, said so.",
            "Dana Kell, editor of fansite Vell.Orlen.Org, said so.",
        ),
    ],
)
def test_a_plain_word_before_a_full_stop_ends_a_sentence(text: str, first: str) -> None:
    assert split_sentences(text)[0].text == first


def test_dateline_stays_with_its_sentence() -> None:
    first = split_sentences(article("valdoria-border.txt"))[1]
    assert first.text.startswith("MARLOW, Valdoria - Valdoria has moved about 4,000 soldiers")


def test_menu_lines_are_not_prose() -> None:
    lines = {s.text: s.is_prose for s in split_sentences(seed(1))}
    assert lines["twitter"] is False and lines["WORLD"] is False


# figures


@pytest.mark.parametrize(
    ("quantity", "low", "high"),
    [
        ("15,000 to 20,000", 15000, 20000),
        ("approximately 15,000 to 20,000", 15000, 20000),
        ("about 19,000", 19000, 19000),
        ("fewer than 10,000", None, 10000),
        ("more than 100", 100, None),
        ("a third", 0.333, 0.333),
        ("one-third", 0.333, 0.333),
        ("£1.2bn", 1.2e9, 1.2e9),
        ("3.5 million", 3.5e6, 3.5e6),
        ("40 per cent", 40, 40),
        ("between 5 and 10", 5, 10),
        ("15 to 20 million", 15e6, 20e6),
        ("dozens", None, None),
    ],
)
def test_parse_quantity(quantity: str, low: float | None, high: float | None) -> None:
    assert parse_quantity(quantity) == (low, high)


def figures_of(text: str) -> dict[str, object]:
    return {f.quantity: f for f in find_figures(text, split_sentences(text))}


def test_belarus_troop_figures_with_claimants() -> None:
    found = figures_of(seed(0))
    troops = found["approximately 15,000 to 20,000"]
    assert (troops.low, troops.high, troops.unit) == (15000, 20000, "troops")  # type: ignore[attr-defined]
    assert troops.source == "reports" and troops.status is FigureStatus.ESTIMATE  # type: ignore[attr-defined]
    third = found["a third"]
    assert third.unit == "army" and "Lukashenko" in third.source  # type: ignore[attr-defined]


def test_figures_of_the_caliber_article() -> None:
    found = figures_of(seed(1))
    assert found["400"].unit == "square miles"  # type: ignore[attr-defined]
    assert found["approximately one-third"].source == "Belarus"  # type: ignore[attr-defined]
    assert found["fewer than 10,000"].high == 10000  # type: ignore[attr-defined]
    assert found["about 19,000"].low == 19000  # type: ignore[attr-defined]
    assert found["around 48,000"].unit == "forces"  # type: ignore[attr-defined]
    # dates and times are not figures
    assert not any(q in found for q in ("01", "2024", "06:59", "25", "2023"))


def test_unconfirmed_figure_from_the_next_sentence() -> None:
    found = figures_of(seed(2))
    assert found["120,000"].status is FigureStatus.CLAIMED  # "are said to"  # type: ignore[attr-defined]
    changed = next(f for q, f in found.items() if "45,000" in q)
    assert changed.status is FigureStatus.UNCONFIRMED  # type: ignore[attr-defined]


def test_drones_counted() -> None:
    drones = figures_of(seed(3))["145"]
    assert drones.unit == "drones"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("According to reports, approximately 15,000 troops moved.", "reports"),
        (
            "The Belarusian Defense Ministry in Minsk confirmed the arrival of trains.",
            "The Belarusian Defense Ministry in Minsk",
        ),
        ("Analysts said the force numbered 5,000.", "Analysts"),
        ("It was a cold day with 5 degrees.", None),
    ],
)
def test_find_source(sentence: str, source: str | None) -> None:
    assert find_source(sentence) == source


def test_ages_names_and_durations_are_not_figures() -> None:
    text = "Father-of-two Mr Lane, 28, said the Type 45 ships will come within six months. They sent 300 troops."
    assert list(figures_of(text)) == ["300"]


# hedges


def hedges_of(text: str) -> list[tuple[str, HedgeKind]]:
    return [(h.cue, h.kind) for h in find_hedges(text, split_sentences(text))]


def test_hedges_of_the_raven_article() -> None:
    found = hedges_of(seed(2))
    assert ("is said to", HedgeKind.ATTRIBUTION) in found
    assert ("are said to", HedgeKind.ATTRIBUTION) in found
    assert ("There is no official confirmation", HedgeKind.UNCONFIRMED) in found


def test_approximation_only_before_numbers() -> None:
    text = "Talks about the border went on. About 400 troops arrived around noon, around 20 by rail."
    cues = hedges_of(text)
    assert cues == [("About", HedgeKind.APPROXIMATION), ("around", HedgeKind.APPROXIMATION)]


def test_month_may_and_past_could_are_not_hedges() -> None:
    assert hedges_of("In May the minister could not attend the summit.") == []
    assert hedges_of("The army may move in May.") == [("may", HedgeKind.SPECULATION)]


def test_bbc_said_to_is_attribution() -> None:
    text = (BBC / "politics" / "blair-looks-to-election-campaign.txt").read_text(encoding="utf-8")
    assert ("is said to", HedgeKind.ATTRIBUTION) in hedges_of(text)


def test_longest_cue_wins() -> None:
    cues = hedges_of("The claim could not be independently verified.")
    assert ("could not be independently verified", HedgeKind.UNCONFIRMED) in cues
    assert all(cue != "could" for cue, _ in cues)


# escalation


def test_belarus_build_up_is_mobilisation() -> None:
    reading = assess_escalation(split_sentences(seed(0)))
    assert reading.event_type is EventType.MOBILIZE and reading.level == 3
    assert reading.direction is Direction.ESCALATING
    assert {"Belarus", "Russia", "Ukraine"} <= set(reading.actors)
    assert reading.evidence and all(s.text in seed(0) for s in reading.evidence)


def test_ceasefire_is_de_escalation() -> None:
    reading = assess_escalation(split_sentences(article("orlen-ceasefire.txt")))
    assert reading.event_type is EventType.RETREAT and reading.level == 0
    assert reading.direction is Direction.DE_ESCALATING


def test_sport_attack_is_not_an_assault() -> None:
    text = "Chelsea attack\n\nChelsea's attack was relentless and the striker scored twice in the second half."
    reading = assess_escalation(split_sentences(text))
    assert reading.event_type is not EventType.ASSAULT and reading.level <= 1


# summary and the whole engine


def test_summary_is_two_to_four_verbatim_sentences_of_about_80_words() -> None:
    for n in range(5):
        text = seed(n)
        sentences = split_sentences(text)
        chosen = choose_summary(rank_sentences(sentences), sentences)
        assert 2 <= len(chosen) <= 4
        assert sum(len(s.text.split()) for s in chosen) <= 100
        assert all(s.text in text for s in chosen)
        assert len({s.text for s in chosen}) == len(chosen)


@pytest.mark.parametrize("n", range(5))
def test_every_quote_of_a_seed_record_is_grounded(n: int) -> None:
    text = seed(n)
    summary = extract(text)
    assert grounding.find_missing(grounding.normalize(text), summary.quoted()) == []
    assert 2 <= len(summary.key_points) <= 5


def test_engine_on_a_bbc_sample_never_fails() -> None:
    paths = sorted(BBC.glob("*/*.txt"))[::40]
    assert len(paths) > 50
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        summary = extract(text)
        assert summary.summary
        assert grounding.find_missing(grounding.normalize(text), summary.quoted()) == [], path


def test_tiny_inputs_still_fill_the_schema() -> None:
    for text in ("12345 67890", "Just a headline", "One sentence only, with 3 tanks in it."):
        summary = extract(text)
        assert summary.summary and summary.escalation.event_type in EventType


def test_analyse_keeps_spans() -> None:
    text = seed(3)
    found = analyse(text)
    assert all(text[f.start : f.end] == f.quantity for f in found.figures)
    assert all(text[h.start : h.end] == h.cue for h in found.hedges)


# the gold set


def test_gold_set_matches_shared_files_and_holds_no_article_text() -> None:
    import hashlib

    gold = json.loads((ROOT / "tests" / "gold" / "figures_hedges.json").read_text(encoding="utf-8"))
    for doc in gold["documents"]:
        raw = (SHARED / doc["path"]).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == doc["sha256"], doc["path"]
        for entry in doc["figures"] + doc["hedges"]:
            assert set(entry) <= {"start", "end", "low", "high", "unit", "status", "source", "kind"}
            assert 0 <= entry["start"] < entry["end"] <= len(raw.decode("utf-8"))


def test_gold_set_precision_and_recall_stay_above_the_floor() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("eval_extractive", ROOT / "benchmarks" / "eval_extractive.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.spans(SHARED)
    for name in ("figures", "hedges"):
        assert result[name]["precision"] >= 0.8 and result[name]["recall"] >= 0.8, (name, result[name])


def test_shared_folder_is_where_the_tests_expect_it() -> None:
    assert Path(SEEDS).is_dir(), "tests read ../shared beside the checkout"
