"""Text holding a lone UTF-16 surrogate (JSON allows the escape "\\ud800"): replaced, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from summarizer import Summarizer
from summarizer.cli import app

ARTICLE = (
    "Harbour talks in Orlen\n\nThe Orlen port authority said 40 ships \ud800 waited outside the harbour on Monday."
)


def test_the_api_replaces_a_lone_surrogate() -> None:
    with Summarizer(engine="extractive", use_cache=False) as summarizer:
        record = summarizer.summarize(text=ARTICLE)
    assert "\ud800" not in record.model_dump_json() and "40" in [f.quantity for f in record.summary.key_figures]


def test_a_json_article_with_a_lone_surrogate_is_summarized_in_a_batch(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.json").write_text(json.dumps({"text": ARTICLE}), encoding="utf-8")  # written as "\ud800"
    assert "\\ud800" in (folder / "story.json").read_text()
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out), "--engine", "extractive"])
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert row["status"] == "ok" and "\ufffd" in row["summary"]["summary"] + json.dumps(row["summary"]["key_figures"])


def test_a_lone_surrogate_in_the_metadata_is_replaced_too(tmp_path: Path) -> None:
    with Summarizer(engine="extractive", use_cache=False) as summarizer:
        record = summarizer.summarize(text=ARTICLE, title="Port \ud800 news", publisher="Orlen \udc00 Post")
    assert record.title == "Port \ufffd news" and record.publisher == "Orlen \ufffd Post"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "story.json").write_text(json.dumps({"title": "Port \ud800 news", "text": ARTICLE}), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out), "--engine", "extractive"])
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert row["status"] == "ok" and row["title"] == "Port \ufffd news"
