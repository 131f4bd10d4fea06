"""Batch runs over folders: every input accounted for once, resume, formats, the CLI face."""

from __future__ import annotations

import asyncio
import csv
import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx2
import pytest
from typer.testing import CliRunner

from summarizer import Summarizer
from summarizer.batch import discover, plan_batch, read_done, run_batch, summarize_folder
from summarizer.cli import app
from summarizer.errors import ConfigError
from summarizer.llm.retrying import Pace
from tests.conftest import SHARED, Recorder, answer_response, valdoria_answer

SEEDS = SHARED / "seeds"
BBC = SHARED / "corpus" / "bbc-news"
HTML = SHARED / "corpus" / "extraction-benchmark-dev" / "html"
runner = CliRunner()


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batch tests run the extractive engine unless they build an LLM summarizer."""
    monkeypatch.delenv("OPENAI_API_KEY")


def lines(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n"), "a torn last line"
    return [json.loads(line) for line in text.splitlines()]


def test_seeds_give_five_ok_records_and_a_rerun_does_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = run_batch(SEEDS, out=out)
    assert (first.found, first.ok, first.failed) == (5, 5, 0)
    rows = lines(out)
    assert [r["status"] for r in rows] == ["ok"] * 5
    assert {r["source_path"] for r in rows} == {p.name for p in SEEDS.glob("*.txt")}
    second = run_batch(SEEDS, out=out)
    assert (second.found, second.already_done, second.ok) == (5, 5, 0)
    assert lines(out) == rows


def test_cli_seeds_then_nothing_to_do(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = runner.invoke(app, ["batch", str(SEEDS), "-o", str(out)])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["batch", str(SEEDS), "-o", str(out)])
    assert second.exit_code == 0
    assert "nothing to do: all 5 articles are already in" in second.stderr
    assert len(lines(out)) == 5


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """Seeds, BBC articles, benchmark HTML pages, and bad files, in one folder."""
    folder = tmp_path / "mixed"
    (folder / "seeds").mkdir(parents=True)
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / "seeds" / path.name)
    (folder / "bbc").mkdir()
    for path in sorted(BBC.glob("politics/*.txt"))[:6]:
        shutil.copy(path, folder / "bbc" / path.name)
    (folder / "html").mkdir()
    for path in sorted(HTML.glob("*.html.gz"))[:4]:
        (folder / "html" / path.name.removesuffix(".gz")).write_bytes(gzip.decompress(path.read_bytes()))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (folder / "latin1.txt").write_bytes(
        "Caf\u00e9 owners in S\u00e3o Ren\u00e9 said on Monday that about 300 soldiers had reportedly "
        "arrived at the fa\u00e7ade of the old garrison.\n".encode("latin-1")
    )
    body = (BBC / "politics").glob("*.txt").__next__().read_text(encoding="utf-8")
    with open(folder / "huge.txt", "w", encoding="utf-8") as handle:
        while handle.tell() < 20 * 1024 * 1024:
            handle.write(body + "\n\n")
    (folder / ".hidden.txt").write_text("a hidden note", encoding="utf-8")
    return folder


def test_mixed_folder_accounts_for_every_input_once(mixed: Path, tmp_path: Path) -> None:
    out = tmp_path / "mixed.jsonl"
    result = runner.invoke(app, ["batch", str(mixed), "-o", str(out), "--no-progress"])
    assert result.exit_code == 1, result.output  # only because of the bad files
    rows = lines(out)
    by_source = {r["source_path"]: r for r in rows}
    assert len(by_source) == len(rows) == 5 + 6 + 4 + 4
    failed = {s: r for s, r in by_source.items() if r["status"] == "error"}
    assert set(failed) == {"empty.txt", "image.txt"}  # image.png is skipped: not a type batch reads
    assert "no text" in failed["empty.txt"]["error"] and "binary" in failed["image.txt"]["error"]
    assert "S\u00e3o Ren\u00e9" in by_source["latin1.txt"]["summary"]["summary"]
    assert by_source["latin1.txt"]["ingest"]["encoding"] != "utf-8"
    huge = by_source["huge.txt"]
    assert huge["warnings"] and "truncated" in huge["warnings"][0]
    assert huge["ingest"]["truncated_from"] > 20_000_000
    html = [r for s, r in by_source.items() if s.startswith("html/")]
    assert all(r["ingest"]["format"] == "html" and r["title"] for r in html)
    assert ".hidden.txt" not in by_source and "skipped 1 hidden file or folder: .hidden.txt" in result.stderr
    assert "image.png" not in by_source and "type batch does not read" in result.stderr


def test_kill_mid_run_then_resume_gives_each_article_once(tmp_path: Path) -> None:
    folder = tmp_path / "bbc"
    folder.mkdir()
    for path in sorted(BBC.glob("*/*.txt"))[:400]:
        shutil.copy(path, folder / f"{path.parent.name}-{path.name}")
    out = tmp_path / "out.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    command = [sys.executable, "-m", "summarizer", "batch", str(folder), "-o", str(out), "--no-progress"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= 40:
            break
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    written = out.read_bytes().count(b"\n")
    assert 0 < written < 400, "the kill should land mid-run"
    subprocess.run(command, env=env, check=False, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rows = lines(out)
    ids = [r["article_id"] for r in rows]
    assert len(ids) == len(set(ids)) == 400
    assert all(r["status"] == "ok" for r in rows)


def test_torn_last_line_is_cut_on_resume(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run_batch(SEEDS, out=out)
    with open(out, "ab") as handle:
        handle.write(b'{"status": "ok", "article_id": "tor')
    assert len(read_done(out)) == 5
    assert out.read_bytes().endswith(b"\n")


def llm_summarizer(*responses: httpx2.Response) -> Summarizer:
    rec = Recorder(*responses)
    return Summarizer(
        api_key="sk-test-batch",
        model="test-model",
        max_attempts=1,
        async_http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(rec)),
    )


def test_retry_failed_redoes_only_the_errors(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(
            (Path(__file__).parent / "articles" / "valdoria-border.txt").read_text() + f"\n\nFiled as {name}."
        )
    out = tmp_path / "out.jsonl"
    failing = llm_summarizer(*[httpx2.Response(500, json={"error": {"message": "down"}}) for _ in range(2)])
    first = run_batch(folder, out=out, summarizer=failing, concurrency=1)
    assert first.failed == 2 and {r["error_type"] for r in lines(out)} == {"ProviderError"}
    asyncio.run(failing.aclose())
    again = run_batch(folder, out=out, summarizer=llm_summarizer(), concurrency=1)
    assert again.already_done == 2 and again.ok == 0  # errors stay without --retry-failed
    fixed = llm_summarizer(answer_response(valdoria_answer()), answer_response(valdoria_answer()))
    retried = run_batch(folder, out=out, summarizer=fixed, concurrency=1, retry_failed=True)
    assert retried.ok == 2
    rows = lines(out)
    assert len(rows) == 2 and {r["status"] for r in rows} == {"ok"}


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_other_formats(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"out.{fmt}"
    report = run_batch(SEEDS, out=out, fmt=fmt)
    assert report.ok == 5
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        assert [r["status"] for r in json.loads(text)] == ["ok"] * 5
    elif fmt == "csv":
        rows = list(csv.DictReader(text.splitlines()))
        assert len(rows) == 5 and rows[0]["event_type"]
    else:
        assert text.count("\n## ") + text.startswith("<!--") >= 5 and "| figure |" in text
    assert not list(tmp_path.glob("*.partial.jsonl"))
    again = run_batch(SEEDS, out=out, fmt=fmt)
    if fmt == "json":
        assert again.already_done == 5 and len(json.loads(out.read_text())) == 5


def test_out_dir_writes_one_file_per_article(tmp_path: Path) -> None:
    report = run_batch(SEEDS, out=None, out_dir=tmp_path / "records")
    files = sorted((tmp_path / "records").glob("*.json"))
    assert report.ok == 5 and len(files) == 5
    assert {f.stem for f in files} == {p.stem for p in SEEDS.glob("*.txt")}  # named after the source files
    assert run_batch(SEEDS, out=None, out_dir=tmp_path / "records").already_done == 5


def test_json_exports_read_their_fields(tmp_path: Path) -> None:
    text = (Path(__file__).parent / "articles" / "orlen-ceasefire.txt").read_text()
    rows = [
        {"headline": "Truce on the Vessa", "body": text, "url": "https://example.invalid/a", "date": "2026-03-01"},
        {"headline": "No text here"},
    ]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "export.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n")
    (tmp_path / "in" / "list.json").write_text(json.dumps([{"content": text, "title": "From a list"}]))
    out = tmp_path / "out.jsonl"
    report = run_batch(tmp_path / "in", out=out, text_field=None)
    by_source = {r["source_path"]: r for r in lines(out)}
    assert report.found == 4
    first = by_source["export.jsonl:1"]
    assert (first["title"], first["url"], first["published"]) == (
        "Truce on the Vessa",
        "https://example.invalid/a",
        "2026-03-01",
    )
    assert by_source["export.jsonl:2"]["status"] == "error" and "--text-field" in by_source["export.jsonl:2"]["error"]
    assert by_source["export.jsonl:3"]["status"] == "error"
    assert by_source["list.json[0]"]["title"] == "From a list"


def test_discovery_is_sorted_and_filtered(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "sub/c.html", ".git/config", "notes/.draft.txt", "skip.log"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<p>text</p>" if name.endswith(".html") else "text")
    skipped: list[tuple[str, str]] = []
    found = discover(tmp_path, exclude=["*.log"], on_skip=lambda n, r: skipped.append((n, r)))
    assert [f.source for f in found] == ["a.md", "b.txt", "sub/c.html"]
    assert {n for n, _ in skipped} == {".git/", "notes/.draft.txt", "skip.log"}  # a hidden folder once
    only_html = discover(tmp_path, globs=["**/*.html"])
    assert [f.source for f in only_html] == ["sub/c.html"]


def test_article_id_depends_on_path_and_content(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("same text")
    (tmp_path / "b.txt").write_text("same text")
    first = [f.article_id for f in discover(tmp_path)]
    assert len(set(first)) == 2 and first == [f.article_id for f in discover(tmp_path)]


def test_dry_run_estimates_tokens_and_cost(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-dry-run-0000")
    plan = plan_batch(SEEDS, out=tmp_path / "out.jsonl")
    totals = plan.totals()
    assert plan.engine == "llm" and totals["to_run"] == 5
    assert totals["prompt_tokens"] > 5 * 1500 and totals["cost_usd"] > 0
    result = runner.invoke(app, ["batch", str(SEEDS), "-o", str(tmp_path / "out.jsonl"), "--dry-run"])
    assert result.exit_code == 0 and "5 of 5 articles would run" in result.stdout  # the plan is the output
    assert not (tmp_path / "out.jsonl").exists()


def test_dry_run_after_a_run_shows_no_size_for_what_is_done(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run_batch(SEEDS, out=out, engine="extractive", use_cache=False)
    result = runner.invoke(app, ["batch", str(SEEDS), "-o", str(out), "--dry-run", "--engine", "extractive"])
    rows = [line for line in result.stdout.splitlines() if line.startswith("done ")]
    assert result.exit_code == 0 and len(rows) == 5  # done rows were not read: a dash, not "0"
    assert all(line.split()[1] == "-" for line in rows), rows


def test_cli_usage_errors_are_exit_2(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="give an output file"):  # no output given (the CLI streams to a pipe)
        run_batch(SEEDS, out=None)
    assert runner.invoke(app, ["batch", str(SEEDS), "-o", str(tmp_path / "x"), "-f", "xml"]).exit_code == 2
    assert runner.invoke(app, ["batch", str(tmp_path / "missing"), "-o", str(tmp_path / "x")]).exit_code == 2


def test_summarize_folder_is_an_async_iterator() -> None:
    async def collect() -> list[Any]:
        return [r async for r in summarize_folder(SEEDS, engine="extractive", concurrency=3)]

    results = asyncio.run(collect())
    assert sorted(r.source_path for r in results) == sorted(p.name for p in SEEDS.glob("*.txt"))


def test_pace_holds_requests_under_rpm_and_tpm() -> None:
    now = [0.0]
    waits: list[float] = []

    async def sleep(seconds: float) -> None:
        waits.append(round(seconds, 3))
        now[0] += seconds

    async def run() -> None:
        by_requests = Pace(rpm=2, clock=lambda: now[0], sleep=sleep)
        for _ in range(3):
            await by_requests.acquire()
        by_tokens = Pace(tpm=1000, clock=lambda: now[0], sleep=sleep)
        for _ in range(3):
            await by_tokens.acquire(10)
        await by_tokens.acquire(2000)  # more than the whole budget: waits for a full bucket

    asyncio.run(run())
    assert waits == [30.0, 1.8]  # the third request of two a minute; the last 30 tokens of 1000
