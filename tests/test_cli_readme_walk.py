"""What a walk through the README in a fresh clone found, each checked through the CLI's runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.ingest.fields import TEXT_FIELDS
from tests.conftest import ARTICLES

runner = CliRunner()
ARTICLE = str(ARTICLES / "valdoria-border.txt")


@pytest.mark.parametrize("command", ["summarize", "batch"])
def test_text_field_help_names_every_field_read_by_default(command: str) -> None:
    # The help said "text, body, content, articleBody"; article and full_text are read too.
    shown = " ".join(runner.invoke(app, [command, "-h"], env={"COLUMNS": "400"}).stdout.split())
    assert f"Default: the first of {', '.join(TEXT_FIELDS)}." in shown


@pytest.mark.parametrize(
    ("variable", "value", "said"),
    [
        ("SUMMARIZER_MAX_CHARS", "0", "max_chars / --max-chars must be greater than 0, not 0"),
        ("SUMMARIZER_MAX_CHARS", "50", "max_chars / --max-chars must be at least 200 characters, not 50"),
        ("SUMMARIZER_MAX_ATTEMPTS", "0", "max_attempts must be at least 1 and max_reasks / --max-reasks at least 0"),
    ],
)
def test_a_bad_value_from_the_environment_names_its_variable(
    no_key: None, monkeypatch: pytest.MonkeyPatch, variable: str, value: str, said: str
) -> None:
    # A value set in a shell profile was reported as "max_chars must be ...": no flag given, no hint where it came from.
    monkeypatch.setenv(variable, value)
    result = runner.invoke(app, ["summarize", ARTICLE])
    assert result.exit_code == 2
    assert f"error: {said}; set by {variable}: fix or unset it" in result.stderr


def test_a_bad_value_given_as_a_flag_names_no_variable(no_key: None) -> None:
    result = runner.invoke(app, ["summarize", ARTICLE, "--max-chars", "0"])
    assert result.exit_code == 2
    assert "max_chars / --max-chars must be greater than 0, not 0" in result.stderr and "set by" not in result.stderr


def test_a_listed_file_that_is_missing_names_where_it_was_looked_for(no_key: None, tmp_path: Path) -> None:
    # Paths in a listing are relative to the listing's folder; the error named only "x.txt".
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "paths.txt").write_text("valdoria-border.txt\n", encoding="utf-8")
    result = runner.invoke(app, ["batch", f"@{tmp_path / 'lists' / 'paths.txt'}", "-o", str(tmp_path / "r.jsonl")])
    assert result.exit_code == 1
    expected = tmp_path / "lists" / "valdoria-border.txt"
    assert f"cannot read valdoria-border.txt ({expected}): No such file or directory; check the path" in result.stderr


def test_review_of_a_missing_file_speaks_of_review(no_key: None, tmp_path: Path) -> None:
    # It answered with summarize's advice ("give an article file ... | summarizer summarize -").
    result = runner.invoke(app, ["review", str(tmp_path / "record.json"), "-o", str(tmp_path / "page.html")])
    assert result.exit_code == 2
    assert "give a record (.json), batch output (.jsonl) or an article file" in result.stderr
    assert "| summarizer review -" in result.stderr and "summarizer summarize" not in result.stderr


def test_review_of_a_web_address_pipes_into_review(no_key: None) -> None:
    result = runner.invoke(app, ["review", "https://example.org/story"])
    assert result.exit_code == 2
    assert "curl -sL https://example.org/story | summarizer review -" in result.stderr


def test_digest_of_a_missing_file_says_what_to_give(tmp_path: Path) -> None:
    result = runner.invoke(app, ["digest", str(tmp_path / "records.jsonl"), "-o", str(tmp_path / "d.md")])
    assert result.exit_code == 2
    assert "No such file or directory; give the records a batch wrote (summarizer batch" in result.stderr


@pytest.mark.parametrize("command", ["summarize", "batch", "review", "digest", "serve"])
def test_help_shows_the_defaults_the_readme_table_gives(command: str) -> None:
    # --timeout, --max-tokens, --max-reasks and --max-chars showed no default; the README's table did.
    shown = " ".join(runner.invoke(app, [command, "-h"], env={"COLUMNS": "400"}).stdout.split())
    assert "Seconds per request (default 120)." in shown
    assert "Cap on the answer's tokens (default 2,048)." in shown
    assert "Re-asks allowed for an invalid answer (default 2)." in shown
    if command in ("summarize", "batch", "review", "serve"):
        assert "with a warning (default 100,000 characters)." in shown
