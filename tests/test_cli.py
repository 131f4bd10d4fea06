"""The CLI through typer's runner: JSON out, errors to exit codes, schema drift check."""

from __future__ import annotations

import functools
import json
import shutil
from pathlib import Path
from typing import Any

import httpx2
import pytest
from typer.testing import CliRunner

import summarizer.api
import summarizer.cli.commands
from summarizer import Summarizer, SummaryRecord
from summarizer.cli import app
from tests.conftest import ARTICLES, ROOT, Recorder, answer_response, valdoria_answer

runner = CliRunner()


@pytest.fixture
def transport(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    """Route the CLI's Summarizer to a hand-built transport."""
    rec = Recorder()
    factory = functools.partial(Summarizer, http_client=httpx2.Client(transport=httpx2.MockTransport(rec)))
    monkeypatch.setattr(summarizer.cli.commands, "Summarizer", factory)
    return rec


def test_summarize_file_prints_a_record(transport: Recorder) -> None:
    transport.responses.append(answer_response(valdoria_answer()))
    result = runner.invoke(app, ["summarize", str(ARTICLES / "valdoria-border.txt")])
    assert result.exit_code == 0, result.output
    record = SummaryRecord.model_validate_json(result.stdout)
    assert record.source_path == str(ARTICLES / "valdoria-border.txt")
    assert record.summary.escalation.goldstein == -7.2


def test_summarize_stdin_and_second_run_is_cached(transport: Recorder) -> None:
    transport.responses.append(answer_response(valdoria_answer()))
    text = (ARTICLES / "valdoria-border.txt").read_text()
    first = runner.invoke(app, ["summarize", "-", "--indent", "0"], input=text)
    second = runner.invoke(app, ["summarize", "-"], input=text)
    assert first.exit_code == second.exit_code == 0
    assert first.stdout.count("\n") == 1
    assert json.loads(second.stdout)["cached"] is True
    assert len(transport.requests) == 1


def test_llm_engine_without_key_is_exit_2_with_advice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY")
    result = runner.invoke(app, ["summarize", "--engine", "llm", str(ARTICLES / "valdoria-border.txt")])
    assert result.exit_code == 2
    assert "set OPENAI_API_KEY" in result.stderr


def test_no_llm_configured_falls_back_to_extractive_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY")
    monkeypatch.setattr(summarizer.api, "_announced", False)
    result = runner.invoke(app, ["summarize", str(ARTICLES / "valdoria-border.txt")])
    assert result.exit_code == 0, result.output
    assert "no LLM configured: using the built-in extractive engine" in result.stderr
    record = SummaryRecord.model_validate_json(result.stdout)
    assert record.engine == "extractive" and record.model is None
    assert record.summary.escalation.event_type == "MOBILIZE"


def test_unknown_engine_is_exit_2() -> None:
    result = runner.invoke(app, ["summarize", "--engine", "magic", str(ARTICLES / "valdoria-border.txt")])
    assert result.exit_code == 2 and "unknown engine" in result.stderr


def test_missing_file_is_exit_2() -> None:
    result = runner.invoke(app, ["summarize", "no/such/article.txt"])
    assert result.exit_code == 2 and "does not exist" in result.stderr


def test_provider_failure_is_exit_1(transport: Recorder) -> None:
    transport.responses.append(httpx2.Response(401, json={"error": {"message": "bad key"}}))
    result = runner.invoke(app, ["summarize", str(ARTICLES / "valdoria-border.txt")])
    assert result.exit_code == 1
    assert "rejected the API key" in result.stderr and result.stdout == ""


def test_schema_check_passes_on_committed_schemas() -> None:
    result = runner.invoke(app, ["schema", "--check", "--dir", str(ROOT / "schemas")])
    assert result.exit_code == 0, result.output


def test_schema_check_fails_on_drift(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    path = tmp_path / "schemas" / "summary-response.schema.json"
    schema: dict[str, Any] = json.loads(path.read_text())
    schema["properties"].pop("hedges")
    path.write_text(json.dumps(schema))
    result = runner.invoke(app, ["schema", "--check", "--dir", str(tmp_path / "schemas")])
    assert result.exit_code == 1
    assert "summary-response.schema.json" in result.stderr
    fixed = runner.invoke(app, ["schema", "--dir", str(tmp_path / "schemas")])
    assert fixed.exit_code == 0
    assert runner.invoke(app, ["schema", "--check", "--dir", str(tmp_path / "schemas")]).exit_code == 0


def test_a_url_points_to_curl_and_standard_input() -> None:
    result = runner.invoke(app, ["summarize", "https://news.example/valdoria/border"])
    assert result.exit_code == 2
    assert "is a web address" in result.stderr
    assert "curl -sL https://news.example/valdoria/border | summarizer summarize -" in result.stderr


def test_a_folder_points_to_batch() -> None:
    result = runner.invoke(app, ["summarize", str(ARTICLES)])
    assert result.exit_code == 2
    assert f"is a folder; summarize takes one article. For every article in it: summarizer batch {ARTICLES}" in (
        result.stderr
    )


def test_schema_check_without_a_schemas_folder_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["schema", "--check"])
    assert result.exit_code == 2
    assert "there is no schemas/ folder here" in result.stderr and "drift" not in result.stderr
    assert "--dir" in result.stderr and not (tmp_path / "schemas").exists()
