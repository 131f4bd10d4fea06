"""Language detection, the extractive engine on other languages, and the language the LLM writes in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from summarizer import Summarizer
from summarizer.extractive import extract
from summarizer.ingest.language import detect_language
from tests.conftest import SHARED, Recorder, answer_response, article

GERMAN = article("kestria-grenze-de.txt")
ENGLISH = article("valdoria-border.txt")

# Two short news sentences per language, written for these tests.
LINES = {
    "en": "Valdoria moved two armoured brigades to the border on Tuesday. The central bank raised its main rate.",
    "de": "Valdorien hat am Dienstag zwei Panzerbrigaden an die Grenze verlegt. Die Zentralbank erhöhte den Leitzins.",
    "fr": "La Valdorie a déplacé mardi deux brigades blindées vers la frontière. La banque centrale a relevé son taux.",
    "es": "Valdoria trasladó el martes dos brigadas blindadas a la frontera. El banco central subió los tipos.",
    "it": "La Valdoria ha spostato martedì due brigate corazzate al confine. La banca centrale ha alzato il tasso.",
    "nl": "Valdoria heeft dinsdag twee pantserbrigades naar de grens verplaatst. De centrale bank verhoogde de rente.",
    "pl": "Valdoria przerzuciła we wtorek dwie brygady pancerne na granicę. Bank centralny podniósł stopę procentową.",
    "ru": "Валдория во вторник перебросила две бронетанковые бригады к границе. Центральный банк повысил ставку.",
    "uk": "Валдорія у вівторок перекинула дві бронетанкові бригади до кордону. Центральний банк підвищив ставку.",  # noqa: RUF001
    "tr": "Valdoria salı günü iki zırhlı tugayı sınıra kaydırdı. Merkez bankası faiz oranını yükseltti.",  # noqa: RUF001
}


@pytest.mark.parametrize("code", sorted(LINES))
def test_detects_short_news_text(code: str) -> None:
    found = detect_language(LINES[code])
    assert found.code == code
    assert found.confidence is not None and 0.5 < found.confidence <= 1.0


def test_german_article_is_german_and_english_is_english() -> None:
    assert detect_language(GERMAN).code == "de"
    assert detect_language(ENGLISH).code == "en"


@pytest.mark.parametrize("text", ["", "   ", "12 345 678", "\x00\x01 troops \x7f\x80", "lone \ud800 surrogate", "ok"])
def test_unreadable_or_tiny_text_is_undetermined_not_an_error(text: str) -> None:
    found = detect_language(text)
    assert found.is_english  # undetermined text keeps the English engine
    assert found.code in (None, "en")


def test_every_bbc_article_is_english() -> None:
    paths = sorted((SHARED / "corpus" / "bbc-news").glob("*/*.txt"))
    assert len(paths) == 2095
    other = [p.name for p in paths if detect_language(p.read_text(encoding="utf-8", errors="replace")).code != "en"]
    assert other == []


def test_extractive_engine_leaves_out_what_it_cannot_read_in_german() -> None:
    record = Summarizer(engine="extractive").summarize(GERMAN)
    s = record.summary
    esc = s.escalation
    assert esc.actors == [] and esc.evidence == []
    assert s.hedges == [] and s.key_figures == []
    assert (esc.event_type, esc.level, esc.direction) == ("NONE", 0, "unclear")
    assert "German" in esc.rationale
    assert any("German" in w and "English" in w for w in record.warnings)
    assert record.language == "de" and record.language_confidence is not None
    # the summary is lead sentences of the article itself
    assert s.summary.startswith("DUNMERE - Kestrien hat")
    assert all(point.rstrip("\u2026") in GERMAN or point[:-1] in GERMAN for point in s.key_points)


def test_english_article_keeps_the_full_engine() -> None:
    record = Summarizer(engine="extractive").summarize(ENGLISH)
    assert record.language == "en" and record.warnings == []
    assert record.summary == extract(ENGLISH)
    assert record.summary.key_figures and record.summary.hedges
    assert record.summary.escalation.event_type != "NONE"


def german_answer() -> dict[str, Any]:
    """A grounded answer for the German test article, written in German."""
    return {
        "summary": "Kestrien hat rund 5.000 Soldaten an die Grenze zu Valdorien verlegt.",
        "key_points": ["Rund 5.000 Soldaten an der Grenze", "Valdorien spricht von bis zu 9.000"],
        "escalation": {
            "event_type": "MOBILIZE",
            "level": 3,
            "direction": "escalating",
            "actors": ["Kestrien"],
            "rationale": "Truppen an einer Grenze zusammengezogen.",
            "evidence": ["rund 5.000 Soldaten und 80 Panzer in die Nähe der Grenze zu Valdorien verlegt"],
        },
        "key_figures": [],
        "hedges": [],
    }


def _user_message(recorder: Recorder) -> str:
    messages = json.loads(recorder.requests[0].content)["messages"]
    return str(messages[-1]["content"])


def test_llm_is_told_the_article_language_and_writes_in_it(make_summarizer: Any) -> None:
    rec = Recorder(answer_response(german_answer()))
    record = make_summarizer(rec).summarize(GERMAN)
    assert "Article language: German (de). Write in: German (de)." in _user_message(rec)
    assert record.language == "de"
    # the verifier's patterns are English: no wrong checks, and a warning says so
    assert record.checks is None
    assert any("checks skipped" in w for w in record.warnings)


def test_english_llm_record_keeps_its_checks(make_summarizer: Any) -> None:
    from tests.conftest import valdoria_answer

    rec = Recorder(answer_response(valdoria_answer()))
    record = make_summarizer(rec).summarize(ENGLISH)
    assert "Write in: English (en)." in _user_message(rec)
    assert record.checks is not None and record.warnings == []


def test_summary_language_precedence(make_summarizer: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_SUMMARY_LANGUAGE", "en")
    from_env = Recorder(answer_response(german_answer()))
    make_summarizer(from_env, use_cache=False).summarize(GERMAN)
    assert "Write in: English (en)." in _user_message(from_env)
    explicit = Recorder(answer_response(german_answer()))
    make_summarizer(explicit, use_cache=False, summary_language="fr").summarize(GERMAN)
    assert "Write in: French (fr)." in _user_message(explicit)
    monkeypatch.setenv("SUMMARIZER_SUMMARY_LANGUAGE", "auto")
    default = Recorder(answer_response(german_answer()))
    make_summarizer(default, use_cache=False).summarize(GERMAN)
    assert "Write in: German (de)." in _user_message(default)


def test_summary_language_is_part_of_the_cache_key(make_summarizer: Any) -> None:
    make_summarizer(Recorder(answer_response(german_answer()))).summarize(GERMAN)
    assert make_summarizer(Recorder()).summarize(GERMAN).cached
    rec = Recorder(answer_response(german_answer()))
    record = make_summarizer(rec, summary_language="en").summarize(GERMAN)
    assert not record.cached and len(rec.requests) == 1


def test_german_article_file_is_found_by_path(tmp_path: Path) -> None:
    path = tmp_path / "bericht.txt"
    path.write_text(GERMAN, encoding="utf-8")
    record = Summarizer(engine="extractive").summarize(path)
    assert record.language == "de" and record.source_path == str(path)
