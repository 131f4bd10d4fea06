"""An article with no sentence (one character, one word, only punctuation) is an input error, as an empty one is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer import InputError, summarize
from summarizer.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("x", "holds a single word ('x'), no sentence"),
        ("  ...  !?\n", "holds no word, only punctuation or symbols ('...  !?')"),
        ("Velmora\n", "holds a single word ('Velmora'), no sentence"),
        ("", "holds no text"),  # as it was: the others now say what they hold, the same way
    ],
)
def test_summarize_refuses_an_article_with_no_sentence(no_key: None, tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(path)])
    # "x" and "...!?" gave exit 0 and an ok record whose summary was "x"; the empty file exit 2.
    assert result.exit_code == 2, result.stdout
    assert result.stderr.strip().splitlines()[-1].startswith(f"error: {path} {reason}; nothing to summarize")


def test_batch_gives_each_an_error_record_like_an_empty_file(no_key: None, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("x", encoding="utf-8")
    (folder / "b.txt").write_text("--- * ---", encoding="utf-8")
    (folder / "c.txt").write_text("", encoding="utf-8")
    (folder / "d.json").write_text(json.dumps({"title": "Velmora", "text": "."}), encoding="utf-8")
    (folder / "e.txt").write_text("Ferries to Quell Island sailed again on Tuesday.", encoding="utf-8")
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--no-progress"])
    assert result.exit_code == 1
    records = {r["source_path"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert {k: (r["status"], r.get("error_type")) for k, r in records.items()} == {
        "a.txt": ("error", "InputError"),
        "b.txt": ("error", "InputError"),
        "c.txt": ("error", "InputError"),
        "d.json": ("error", "InputError"),
        "e.txt": ("ok", None),
    }
    assert records["b.txt"]["error"].startswith("b.txt holds no word, only punctuation or symbols ('--- * ---')")
    assert records["d.json"]["error"].startswith("d.json holds no word")


def test_the_api_raises_input_error_and_keeps_short_sentences() -> None:
    with pytest.raises(InputError, match=r"the article holds a single word \('x'\), no sentence"):
        summarize(text="x", engine="extractive")
    assert summarize(text="Velmora harbour reopens", engine="extractive").status == "ok"
    assert summarize(text="\u7ef4\u5c14\u83ab\u62c9\u6e2f\u91cd\u65b0\u5f00\u653e", engine="extractive").status == "ok"
