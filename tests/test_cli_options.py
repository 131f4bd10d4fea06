"""The CLI's options: one set for every command that summarizes, -h, --version, -v anywhere, quiet help."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from dataclasses import fields
from pathlib import Path
from typing import Any

import httpx2
import pytest
import typer
from typer.testing import CliRunner

import summarizer.cli.commands
from summarizer import Settings, Summarizer
from summarizer.cli import app
from summarizer.cli.options import ArticleOptions, ServerOptions
from summarizer.config import resolve_settings
from tests.conftest import ARTICLES, ROOT, Recorder, answer_response, valdoria_answer

runner = CliRunner()
ARTICLE = str(ARTICLES / "valdoria-border.txt")


def option_names(command: str) -> set[str]:
    """Every --long option a subcommand accepts."""
    group = typer.main.get_command(app)
    sub = group.commands[command]  # type: ignore[attr-defined]
    return {opt for param in sub.params for opt in param.opts if opt.startswith("--")}


def flags(group: type[Any]) -> set[str]:
    return {"--" + f.name.replace("_", "-") for f in fields(group)}


def test_summarize_and_batch_share_every_server_and_article_option() -> None:
    shared = flags(ServerOptions) | flags(ArticleOptions)
    assert {"--timeout", "--max-reasks", "--max-tokens", "--refresh", "--strict-grounding", "--max-chars"} <= shared
    assert shared <= option_names("summarize")
    assert shared <= option_names("batch")
    assert flags(ServerOptions) <= option_names("digest")  # for --polish
    for command in ("summarize", "batch", "digest", "schema"):
        assert "--verbose" in option_names(command)


def test_option_groups_map_onto_settings_fields() -> None:
    names = {f.name for f in fields(Settings)}
    server = ServerOptions(model="m", base_url="http://127.0.0.1:1/v1", provider="vllm", timeout=3.0, max_tokens=9)
    article = ArticleOptions(engine="llm", max_chars=500, no_cache=True, refresh=True, strict_grounding=True)
    given = {**server.settings(), **article.settings()}
    assert set(given) <= names
    settings = resolve_settings(**given)
    assert (settings.timeout, settings.max_tokens, settings.max_chars) == (3.0, 9, 500)
    assert settings.refresh and settings.strict_grounding and not settings.use_cache
    assert ServerOptions().settings() == {} and ArticleOptions().settings() == {}


def test_summarize_options_reach_the_summarizer(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    rec = Recorder(answer_response(valdoria_answer()))

    def build(**options: Any) -> Summarizer:
        seen.update(options)
        return Summarizer(http_client=httpx2.Client(transport=httpx2.MockTransport(rec)), **options)

    monkeypatch.setattr(summarizer.cli.commands, "Summarizer", build)
    args = ["--timeout", "7", "--max-reasks", "1", "--max-tokens", "900", "--max-chars", "5000", "--refresh"]
    result = runner.invoke(app, ["summarize", ARTICLE, *args, "--strict-grounding"])
    assert result.exit_code == 0, result.output
    assert seen == {
        "timeout": 7.0,
        "max_reasks": 1,
        "max_tokens": 900,
        "max_chars": 5000,
        "refresh": True,
        "strict_grounding": True,
    }
    assert json.loads(rec.requests[0].content)["max_tokens"] == 900


def test_batch_refresh_asks_again_like_summarize(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("valdoria-border.txt", "orlen-ceasefire.txt"):
        (folder / name).write_text((ARTICLES / name).read_text(encoding="utf-8"), encoding="utf-8")
    common = ["batch", str(folder), "--engine", "extractive", "--no-progress"]
    assert runner.invoke(app, [*common, "-o", str(tmp_path / "first.jsonl")]).exit_code == 0
    cached = runner.invoke(app, [*common, "-o", str(tmp_path / "cached.jsonl")])
    fresh = runner.invoke(app, [*common, "-o", str(tmp_path / "fresh.jsonl"), "--refresh"])
    assert cached.exit_code == 0 and fresh.exit_code == 0, fresh.output

    def was_cached(name: str) -> list[bool]:
        lines = (tmp_path / name).read_text(encoding="utf-8").splitlines()
        return [json.loads(line)["cached"] for line in lines]

    assert was_cached("cached.jsonl") == [True, True]
    assert was_cached("fresh.jsonl") == [False, False]


def test_version_and_short_help() -> None:
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.stdout.strip() == f"summarizer {summarizer.__version__}"
    for args in (["-h"], ["summarize", "-h"], ["batch", "-h"], ["digest", "-h"], ["schema", "-h"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)
        assert "Usage:" in result.stdout


@pytest.mark.parametrize("command", ["summarize", "batch", "digest", "schema"])
def test_help_shows_no_type_noise(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    text = result.stdout
    assert "<bool>" not in text and "<str>" not in text and "<path>" not in text
    usage = next(line for line in text.splitlines() if "Usage:" in line)
    assert "{" not in usage and "[OPTIONS]" in usage
    assert usage.split()[-1].isupper()  # the argument as a metavar: ARTICLE, FOLDER, RECORDS


def flaky(monkeypatch: pytest.MonkeyPatch, *responses: httpx2.Response) -> Recorder:
    """Route the CLI's Summarizer to a scripted transport that never sleeps."""
    rec = Recorder(*responses)
    factory = functools.partial(
        Summarizer, http_client=httpx2.Client(transport=httpx2.MockTransport(rec)), sleep=lambda seconds: None
    )
    monkeypatch.setattr(summarizer.cli.commands, "Summarizer", factory)
    return rec


def busy() -> httpx2.Response:
    return httpx2.Response(503, json={"error": {"message": "busy"}})


@pytest.mark.parametrize("where", ["before", "after"])
def test_verbose_logs_each_retry_and_the_counts_agree(monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    rec = flaky(monkeypatch, *[busy() for _ in range(5)])
    args = ["-v", "summarize", ARTICLE] if where == "before" else ["summarize", ARTICLE, "-v"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    retries = [line for line in result.stderr.splitlines() if "failed (HTTP 503); retrying in" in line]
    assert [line.split("attempt ")[1].split(" ")[0] for line in retries] == ["1", "2", "3", "4"]
    assert "after 5 attempt(s)" in result.stderr and len(rec.requests) == 5
    assert "Total attempts" not in result.stderr


def test_without_verbose_retries_are_quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    flaky(monkeypatch, busy(), answer_response(valdoria_answer()))
    result = runner.invoke(app, ["summarize", ARTICLE])
    assert result.exit_code == 0 and "retrying" not in result.stderr


def test_no_key_error_comes_before_the_sdk_is_imported(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from summarizer.cli import app\n"
        f"result = CliRunner().invoke(app, ['summarize', '--engine', 'llm', {ARTICLE!r}])\n"
        "print(result.exit_code, 'openai' in sys.modules, 'instructor' in sys.modules)\n"
    )
    env = {"PATH": "/usr/bin:/bin", "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache"), "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=True
    )
    assert done.stdout.split() == ["2", "False", "False"], done.stderr


@pytest.mark.parametrize("command", ["summarize", "batch", "serve"])
def test_help_names_the_extras_whole(command: str) -> None:
    """Rich reads "[local]" as markup: the install hint must survive the help renderer."""
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "summarizer[local]" in result.output
