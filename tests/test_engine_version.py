"""The extractive engine's version is a hash of its sources: a changed engine never gets old cached records."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import summarizer.extractive as extractive
from summarizer import Summarizer
from summarizer.extractive import ENGINE_VERSION, engine_sources, engine_version
from summarizer.ingest.language import detector_version
from tests.conftest import article

PACKAGE = Path(extractive.__file__).resolve().parent.parent
TEXT = article("valdoria-border.txt")


def _copy_package(tmp_path: Path) -> Path:
    copy = tmp_path / "summarizer"
    for source in engine_sources(PACKAGE):
        target = copy / source.relative_to(PACKAGE)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return copy


def test_version_is_a_content_hash_recorded_on_every_record() -> None:
    assert re.fullmatch(r"extractive-[0-9a-f]{12}", ENGINE_VERSION)
    assert engine_version(PACKAGE, extras=(detector_version(),)) == ENGINE_VERSION
    record = Summarizer(engine="extractive").summarize(TEXT)
    assert record.prompt_version == ENGINE_VERSION


def test_sources_cover_the_engine_and_what_it_reads() -> None:
    names = {p.relative_to(PACKAGE).as_posix() for p in engine_sources(PACKAGE)}
    assert {
        "extractive/__init__.py",
        "extractive/hedges.py",
        "scales.py",
        "ingest/language.py",
        "models.py",
        "quotes.py",
    } <= names


def test_editing_one_byte_of_a_source_changes_the_version(tmp_path: Path) -> None:
    copy = _copy_package(tmp_path)
    before = engine_version(copy)
    assert engine_version(copy) == before  # stable
    hedges = copy / "extractive" / "hedges.py"
    data = bytearray(hedges.read_bytes())
    data[-1] = ord(" ") if data[-1] != ord(" ") else ord("\n")
    hedges.write_bytes(bytes(data))
    assert engine_version(copy) != before


def test_a_new_word_list_file_or_detector_release_changes_the_version(tmp_path: Path) -> None:
    copy = _copy_package(tmp_path)
    before = engine_version(copy)
    (copy / "extractive" / "words.txt").write_text("allegedly\n", encoding="utf-8")
    assert engine_version(copy) != before
    assert engine_version(PACKAGE, extras=("pycld2-0.42",)) != engine_version(PACKAGE, extras=("pycld2-0.43",))


def test_a_cache_filled_under_one_version_is_not_served_under_another(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extractive, "ENGINE_VERSION", "extractive-000000000000")
    old = Summarizer(engine="extractive").summarize(TEXT)
    assert not old.cached and old.prompt_version == "extractive-000000000000"
    assert Summarizer(engine="extractive").summarize(TEXT).cached  # same version: a hit
    monkeypatch.setattr(extractive, "ENGINE_VERSION", "extractive-111111111111")
    new = Summarizer(engine="extractive").summarize(TEXT)
    assert not new.cached and new.prompt_version == "extractive-111111111111"
