"""Small faults a newcomer found running the README's commands, each checked through the CLI."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from tests.conftest import ARTICLES

runner = CliRunner()


@pytest.fixture
def no_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No key, no server, no model named anywhere; a cache of the test's own."""
    for name in list(os.environ):
        if name.startswith(("OPENAI_", "SUMMARIZER_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))


# 1. a Batch API dry run refuses what the real run refuses ------------------------------------------


@pytest.mark.parametrize("out", [[], ["-o", "records.jsonl"]])
def test_a_batch_api_dry_run_without_an_llm_fails_like_the_real_run(
    no_key: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    real = runner.invoke(app, ["batch", str(ARTICLES), "--via", "batch-api", "-o", "records.jsonl"])
    assert real.exit_code == 2 and "the Batch API needs an LLM" in real.stderr
    # The dry run said it would use the extractive engine and exited 0.
    dry = runner.invoke(app, ["batch", str(ARTICLES), "--via", "batch-api", "--dry-run", *out])
    assert dry.exit_code == 2, dry.output
    assert "the real run would fail: the Batch API needs an LLM: set OPENAI_API_KEY" in dry.stderr
    assert not (tmp_path / "records.jsonl").exists()


def test_a_batch_api_dry_run_to_a_stream_fails_like_the_real_run(no_key: None) -> None:
    real = runner.invoke(
        app, ["batch", str(ARTICLES), "--via", "batch-api", "-o", "-", "--base-url", "http://127.0.0.1:9/v1"]
    )
    assert real.exit_code == 2 and "keeps its state beside the output" in real.stderr
    dry = runner.invoke(
        app,
        ["batch", str(ARTICLES), "--via", "batch-api", "--dry-run", "-o", "-", "--base-url", "http://127.0.0.1:9/v1"],
    )
    assert dry.exit_code == 2, dry.output
    assert "the real run would fail: the Batch API keeps its state beside the output" in dry.stderr


def test_a_realtime_dry_run_without_a_key_still_plans_the_extractive_engine(no_key: None) -> None:
    dry = runner.invoke(app, ["batch", str(ARTICLES), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "on the extractive engine" in dry.stdout
