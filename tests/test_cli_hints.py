"""What the CLI says to do next, as a README walk met it: which failures a retry can fix, which flag a limit is."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.config import CLI_OPTIONS, Settings
from tests.conftest import ARTICLES
from tests.fault_server import FaultServer, always

runner = CliRunner()
RETRY = "--retry-failed"


def _rows(path: Path) -> dict[str, dict[str, Any]]:
    return {row["source_path"]: row for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def _inputs(folder: Path, *, good: bool = True, bad: bool = True) -> Path:
    """A folder of articles that are fine and articles that fail on what they hold (empty, binary, one word)."""
    folder.mkdir(parents=True)
    if good:
        (folder / "valdoria.txt").write_text((ARTICLES / "valdoria-border.txt").read_text(encoding="utf-8"))
    if bad:
        (folder / "empty.txt").write_text("  \n", encoding="utf-8")
        (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
        (folder / "word.txt").write_text("Velmora\n", encoding="utf-8")
    return folder


def test_input_errors_alone_ask_for_the_inputs_to_be_fixed_not_a_retry(no_key: None, tmp_path: Path) -> None:
    folder, out = _inputs(tmp_path / "in"), tmp_path / "out.jsonl"
    first = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--no-progress"])
    assert first.exit_code == 1, first.stderr
    assert {r["error_type"] for r in _rows(out).values() if r["status"] == "error"} == {"InputError"}
    # was: "run the same command with --retry-failed to redo the failed articles", which fails them again
    assert RETRY not in first.stderr
    last = first.stderr.strip().splitlines()[-1]
    assert last.startswith("all 3 failures are input errors (InputError)") and "fix or remove those inputs" in last
    # the same hint when a rerun finds them as error records of the earlier run, and it is true: a retry changes nothing
    again = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--no-progress"])
    assert again.exit_code == 1 and "nothing new to do" in again.stderr and RETRY not in again.stderr
    assert "fix or remove those inputs" in again.stderr
    retried = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--no-progress", RETRY])
    assert retried.exit_code == 1 and "all 3 failures are input errors" in retried.stderr
    # and the next run reads a fixed input, as the hint says
    (folder / "empty.txt").write_text((ARTICLES / "orlen-ceasefire.txt").read_text(encoding="utf-8"))
    fixed = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--no-progress"])
    assert fixed.exit_code == 1 and "all 2 failures are input errors" in fixed.stderr
    assert _rows(out)["empty.txt"]["status"] == "ok"


def test_one_input_error_is_named_as_one(no_key: None, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "o.jsonl"), "--no-progress"])
    assert result.exit_code == 1 and RETRY not in result.stderr
    assert (
        "this failure is an input error (InputError)" in result.stderr and "fix or remove that input" in result.stderr
    )


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
@pytest.mark.parametrize("bad", [False, True])
def test_server_failures_still_suggest_a_retry_and_say_which_input_errors_it_will_not_fix(
    tmp_path: Path, bad: bool
) -> None:
    folder, out = _inputs(tmp_path / "in", bad=bad), tmp_path / "out.jsonl"
    with FaultServer(always("401"), max_requests=20, max_seconds=60) as server:
        result = runner.invoke(
            app,
            ["batch", str(folder), "-o", str(out), "--no-progress", "--base-url", server.url, "--model", "m"],
        )
    assert result.exit_code == 1, result.stderr
    assert _rows(out)["valdoria.txt"]["error_type"] == "AccessDenied"
    last = result.stderr.strip().splitlines()[-1]
    if bad:
        assert last == (
            "run the same command with --retry-failed to redo the 1 failed article a retry may fix; "
            "3 input errors (InputError) will fail again until fixed"
        )
    else:
        assert last == "run the same command with --retry-failed to redo the failed articles"


def test_a_streamed_run_suggests_no_retry_but_still_says_to_fix_the_inputs(no_key: None, tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in")
    result = runner.invoke(app, ["batch", str(folder), "-o", "-", "--no-progress"])
    assert result.exit_code == 1 and RETRY not in result.stderr and "fix or remove those inputs" in result.stderr


def test_the_truncation_warning_names_the_option_as_typed_and_as_set_in_python(no_key: None, tmp_path: Path) -> None:
    folder = _inputs(tmp_path / "in", bad=False)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--no-progress", "--max-chars", "300"])
    assert result.exit_code == 0, result.stderr
    [warning] = [w for w in _rows(out)["valdoria.txt"]["warnings"] if "truncated" in w]
    # was "... (max_chars); only the first part was summarized": the Python name, though --max-chars was typed
    assert "(max_chars / --max-chars)" in warning
    assert f"note: valdoria.txt: {warning}" in result.stderr
    single = runner.invoke(app, ["summarize", str(ARTICLES / "valdoria-border.txt"), "--max-chars", "300"])
    assert single.exit_code == 0 and "(max_chars / --max-chars)" in " ".join(json.loads(single.stdout)["warnings"])


@pytest.mark.parametrize(
    ("flags", "said"),
    [
        (["--max-chars", "100"], "max_chars / --max-chars must be at least 200 characters, not 100"),
        (["--max-tokens", "0"], "max_tokens / --max-tokens must be greater than 0, not 0"),
        (["--max-reasks", "-1"], "max_reasks / --max-reasks at least 0"),
    ],
)
def test_a_bad_limit_given_as_a_flag_is_named_as_the_flag(no_key: None, flags: list[str], said: str) -> None:
    result = runner.invoke(app, ["summarize", str(ARTICLES / "valdoria-border.txt"), *flags])
    assert result.exit_code == 2 and said in result.stderr, result.stderr


def test_the_settings_named_with_a_flag_are_exactly_those_the_command_line_takes() -> None:
    settings = {f.name for f in fields(Settings)}
    command = typer.main.get_command(app)
    taken = set()
    for name, sub in command.commands.items():  # type: ignore[attr-defined]
        for each in getattr(sub, "commands", {name: sub}).values():
            taken |= {o[2:].replace("-", "_") for p in each.params for o in p.opts if o.startswith("--")}
    assert taken & settings == CLI_OPTIONS
