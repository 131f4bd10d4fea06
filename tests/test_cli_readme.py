"""The README's commands as a newcomer runs them: what they print, their exit codes, their pipes."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from tests.conftest import ARTICLES, ROOT

runner = CliRunner()
VALDORIA = ARTICLES / "valdoria-border.txt"


@pytest.mark.parametrize("named", [["--provider", "openai"], ["--model", "gpt-4o"]])
def test_a_provider_or_model_named_without_a_key_is_a_usage_error(no_key: None, named: list[str]) -> None:
    # It printed an extractive record and exited 0: the user asked for OpenAI and got no model at all.
    result = runner.invoke(app, ["summarize", str(VALDORIA), *named])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "no API key: set OPENAI_API_KEY" in result.stderr and "--engine extractive" in result.stderr


def test_a_named_provider_with_engine_extractive_stays_offline(no_key: None) -> None:
    result = runner.invoke(app, ["summarize", str(VALDORIA), "--provider", "openai", "--engine", "extractive"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["engine"] == "extractive"


def test_digest_polish_with_a_named_provider_and_no_key_says_so(no_key: None, tmp_path: Path) -> None:
    made = runner.invoke(app, ["batch", str(ARTICLES), "-o", str(tmp_path / "records.jsonl"), "--no-progress"])
    assert made.exit_code in (0, 1), made.output
    result = runner.invoke(app, ["digest", str(tmp_path / "records.jsonl"), "--polish", "--provider", "openai"])
    assert result.exit_code == 2, result.output
    assert "no API key" in result.stderr and "Traceback" not in result.output


def _closed_reader(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    """Run the CLI with its standard output a pipe whose reader has already gone."""
    read, write = os.pipe()
    os.close(read)  # like `| true`: nobody will read what the command prints
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env["SUMMARIZER_CACHE_DIR"] = str(tmp_path / "cache")
    try:
        return subprocess.run(
            [sys.executable, "-m", "summarizer", *args], stdout=write, stderr=subprocess.PIPE, cwd=ROOT, env=env,
            timeout=60,
        )  # fmt: skip
    finally:
        os.close(write)


@pytest.mark.parametrize(
    "args",
    [
        ["summarize", str(VALDORIA)],
        ["review", str(VALDORIA), "-o", "-"],
        ["schema", "--dir", "{tmp}"],
    ],
    ids=["summarize", "review", "schema"],
)
def test_a_reader_that_went_away_ends_a_command_quietly_with_141(args: list[str], tmp_path: Path) -> None:
    # summarize and review exited 1 ("the summarization failed") though nothing had failed.
    done = _closed_reader([a.replace("{tmp}", str(tmp_path / "schemas")) for a in args], tmp_path)
    assert done.returncode == 141, done.stderr.decode()
    assert b"Traceback" not in done.stderr and b"BrokenPipe" not in done.stderr and b"Errno 32" not in done.stderr


def test_digest_to_a_reader_that_went_away_is_141(tmp_path: Path) -> None:
    records = tmp_path / "records.jsonl"
    made = runner.invoke(app, ["batch", str(ARTICLES), "-o", str(records), "--engine", "extractive", "--no-progress"])
    assert made.exit_code in (0, 1), made.output
    done = _closed_reader(["digest", str(records), "-o", "-"], tmp_path)
    assert done.returncode == 141, done.stderr.decode()
    assert b"Traceback" not in done.stderr and b"BrokenPipe" not in done.stderr


def test_serve_beyond_loopback_without_keys_names_a_real_setting(no_key: None) -> None:
    result = runner.invoke(app, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "SUMMARIZER_SERVICE_API_KEYS" in result.stderr
    assert "--api-key" not in result.stderr  # serve has no such option (keys never go on a command line)
    assert "--api-key" not in runner.invoke(app, ["serve", "-h"]).stdout


def test_serve_with_an_llm_and_no_key_fails_before_listening(no_key: None) -> None:
    pytest.importorskip("fastapi")
    # It started uvicorn, logged a traceback from the app's start-up and exited 3.
    result = runner.invoke(app, ["serve", "--engine", "llm", "--port", "1"])
    assert result.exit_code == 2, result.output
    assert "no API key" in result.stderr and "Traceback" not in result.output


def test_serve_on_a_port_in_use_says_so_and_exits_2(no_key: None) -> None:
    pytest.importorskip("fastapi")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        # It logged uvicorn's bind error as JSON and exited 3, an exit code the README does not list.
        result = runner.invoke(app, ["serve", "--port", str(port), "--engine", "extractive"])
    assert result.exit_code == 2, result.output
    assert f"127.0.0.1:{port}" in result.stderr and "--port" in result.stderr
    assert "Traceback" not in result.output


def test_schema_drift_in_another_folder_names_the_command_for_that_folder(tmp_path: Path) -> None:
    folder = tmp_path / "my schemas"
    assert runner.invoke(app, ["schema", "--dir", str(folder)]).exit_code == 0
    (folder / "digest.schema.json").write_text("{}\n")
    result = runner.invoke(app, ["schema", "--check", "--dir", str(folder)])
    assert result.exit_code == 1
    # It said "run 'summarizer schema'", which writes ./schemas and leaves this folder stale.
    assert f"rewrite them with summarizer schema --dir '{folder}' and commit" in result.stderr


@pytest.mark.parametrize(
    ("given", "said"),
    [(["--via", "bogus"], "unknown --via 'bogus'"), (["--via", "batch-api", "--ray", "local"], "do not mix")],
)
def test_a_dry_run_refuses_a_way_the_real_run_refuses(tmp_path: Path, given: list[str], said: str) -> None:
    # The dry run printed its plan and exited 0; the same command without --dry-run exits 2.
    result = runner.invoke(app, ["batch", str(ARTICLES), "--engine", "extractive", "--dry-run", *given])
    assert result.exit_code == 2, result.output
    assert said in result.stderr and result.stdout == ""
