"""Batch as a user meets it: pipes, reruns, odd files, formats, the terminal, interrupts."""

from __future__ import annotations

import csv
import fcntl
import gzip
import json
import os
import pty
import re
import shutil
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from tests.conftest import ARTICLES, SHARED

SEEDS = SHARED / "seeds"
BBC = SHARED / "corpus" / "bbc-news"
HTML_GZ = SHARED / "corpus" / "extraction-benchmark-dev" / "html"
runner = CliRunner()


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Extractive engine unless a test configures an LLM."""
    monkeypatch.delenv("OPENAI_API_KEY")


def env() -> dict[str, str]:
    """The test environment for a subprocess: no key, the temp cache, no terminal size hints."""
    return {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_") and k not in ("COLUMNS", "LINES")}


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "summarizer", *args]


def records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def seeds_copy(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


def bbc_copy(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(BBC.glob("*/*.txt"))[:count]:
        shutil.copy(path, folder / f"{path.parent.name}-{path.name}")
    return folder


# 1. standard output ---------------------------------------------------------------------------


@pytest.mark.parametrize("target", ["-", "/dev/stdout"])
def test_records_stream_through_a_pipe(tmp_path: Path, target: str) -> None:
    reader = "import sys, json; rows = [json.loads(line) for line in sys.stdin]; print(len(rows), rows[0]['status'])"
    batch = subprocess.Popen(
        cli("batch", str(SEEDS), "-o", target), cwd=tmp_path, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert batch.stdout is not None and batch.stderr is not None
    try:  # the starting code hung here, reading its own output pipe
        consumer = subprocess.run([sys.executable, "-c", reader], stdin=batch.stdout, capture_output=True, timeout=60)
        _, err = batch.communicate(timeout=60)
    finally:
        batch.kill()
        batch.wait()
        batch.stdout.close()
        batch.stderr.close()
    assert batch.returncode == 0, err
    assert consumer.stdout.decode().split() == ["5", "ok"]  # whole JSON lines, nothing else on stdout
    assert "batch finished" in err.decode() and "standard output" in err.decode()  # the table on stderr
    assert not (tmp_path / "-").exists()


def test_a_reader_that_stops_early_ends_the_run_quietly(tmp_path: Path) -> None:
    folder = bbc_copy(tmp_path / "in", 200)
    done = subprocess.run(
        f"{sys.executable} -m summarizer batch {folder} -o - | head -n 1",
        shell=True,
        cwd=tmp_path,
        env=env(),
        capture_output=True,
        timeout=120,
    )
    assert json.loads(done.stdout)["status"] == "ok"
    assert b"Traceback" not in done.stderr and b"BrokenPipe" not in done.stderr


# 5. our own files are not articles -----------------------------------------------------------


def test_digest_and_records_in_the_folder_are_not_rediscovered(tmp_path: Path) -> None:
    folder = seeds_copy(tmp_path / "folder")
    out = folder / "records.jsonl"
    assert runner.invoke(app, ["batch", str(folder), "-o", str(out)]).exit_code == 0
    for name in ("digest.html", "digest.md", "digest.json"):
        made = runner.invoke(app, ["digest", str(out), "-o", str(folder / name)])
        assert made.exit_code == 0, made.output
    per_article = runner.invoke(app, ["batch", str(folder), "--out-dir", str(folder / "one-by-one")])
    assert per_article.exit_code == 0
    shutil.copy(out, folder / "copy-of-records.jsonl")  # renamed or moved, still ours by content
    again = runner.invoke(app, ["batch", str(folder), "-o", str(out)])
    assert again.exit_code == 0, again.output
    assert "nothing to do: all 5 articles are already in" in again.stderr
    assert len(records(out)) == 5
    note = next(line for line in again.stderr.splitlines() if "summarizer wrote itself" in line)
    assert all(name in note for name in ("digest.html", "digest.md", "digest.json", "copy-of-records.jsonl"))
    assert "skipped 9 files" in note and "one-by-one/" in note and "and 4 more" in note  # 5 named, then a count


def test_an_article_export_is_still_read(tmp_path: Path) -> None:
    text = (ARTICLES / "orlen-ceasefire.txt").read_text(encoding="utf-8")
    (tmp_path / "in").mkdir()
    row = {"status": "published", "article_id": "cms-17", "title": "Truce on the Vessa", "body": text}
    (tmp_path / "in" / "cms.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 0, result.output
    assert [r["title"] for r in records(tmp_path / "out.jsonl")] == ["Truce on the Vessa"]


# 9. odd files and globs ----------------------------------------------------------------------


def test_gzip_is_read_and_unreadable_types_are_skipped_with_one_note(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "pages").mkdir(parents=True)
    page = sorted(HTML_GZ.glob("*.html.gz"))[0]
    shutil.copy(page, folder / "pages" / page.name)
    (folder / "story.txt.gz").write_bytes(gzip.compress((ARTICLES / "valdoria-border.txt").read_bytes()))
    (folder / "LICENSE").write_text("Permission is hereby granted to anyone in Valdoria.\n" * 20, encoding="utf-8")
    (folder / "Makefile").write_text("all:\n\techo built\n", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8)
    (folder / "bad.txt.gz").write_bytes(b"not gzip at all")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(folder), "-o", str(out)])
    by_source = {r["source_path"]: r for r in records(out)}
    assert set(by_source) == {f"pages/{page.name}", "story.txt.gz", "bad.txt.gz"}
    html = by_source[f"pages/{page.name}"]
    assert html["status"] == "ok" and html["ingest"]["format"] == "html" and html["title"]
    assert by_source["story.txt.gz"]["status"] == "ok" and "Valdoria" in by_source["story.txt.gz"]["summary"]["summary"]
    assert by_source["bad.txt.gz"]["status"] == "error"
    notes = [line for line in result.stderr.splitlines() if "batch does not read" in line]
    assert len(notes) == 1 and "skipped 4 files" in notes[0]
    assert all(name in notes[0] for name in ("LICENSE", "Makefile", "scan.pdf", "photo.jpg"))
    assert result.exit_code == 1  # bad.txt.gz


def test_glob_without_a_slash_matches_in_subfolders(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "deep" / "er").mkdir(parents=True)
    page = "<html><head><title>Orlen truce</title></head><body><article><p>{}</p></article></body></html>"
    body = (ARTICLES / "orlen-ceasefire.txt").read_text(encoding="utf-8").replace("\n\n", "</p><p>")
    (folder / "deep" / "er" / "truce.html").write_text(page.format(body), encoding="utf-8")
    (folder / "top.txt").write_text((ARTICLES / "valdoria-border.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(folder), "--glob", "*.html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert [r["source_path"] for r in records(out)] == ["deep/er/truce.html"]
    nothing = runner.invoke(app, ["batch", str(folder), "--glob", "*.xml", "--dry-run"])
    assert nothing.exit_code == 0
    assert "no articles found in" in nothing.stdout and "'*.xml'" in nothing.stdout


# 6. formats ----------------------------------------------------------------------------------


def test_format_follows_the_extension(tmp_path: Path) -> None:
    for name in ("x.csv", "x.json", "x.md", "x.ndjson"):
        assert runner.invoke(app, ["batch", str(SEEDS), "-o", str(tmp_path / name)]).exit_code == 0
    assert len(list(csv.DictReader((tmp_path / "x.csv").read_text(encoding="utf-8").splitlines()))) == 5
    assert len(json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))) == 5
    assert (tmp_path / "x.md").read_text(encoding="utf-8").count("\n## ") == 5
    assert len(records(tmp_path / "x.ndjson")) == 5
    forced = runner.invoke(app, ["batch", str(SEEDS), "-o", str(tmp_path / "y.csv"), "-f", "jsonl"])
    assert forced.exit_code == 0 and len(records(tmp_path / "y.csv")) == 5  # -f wins


def test_a_format_mismatch_is_an_error_not_an_overwrite(tmp_path: Path) -> None:
    jsonl_in_csv = tmp_path / "old.csv"
    assert runner.invoke(app, ["batch", str(SEEDS), "-o", str(jsonl_in_csv), "-f", "jsonl"]).exit_code == 0
    before = jsonl_in_csv.read_bytes()
    rerun = runner.invoke(app, ["batch", str(SEEDS), "-o", str(jsonl_in_csv)])
    assert rerun.exit_code == 2
    assert "holds JSON lines" in rerun.stderr and "-f jsonl" in rerun.stderr
    assert jsonl_in_csv.read_bytes() == before
    notes = tmp_path / "notes.md"
    notes.write_text("# My own notes\n\nNot batch output.\n", encoding="utf-8")
    refused = runner.invoke(app, ["batch", str(SEEDS), "-o", str(notes)])
    assert refused.exit_code == 2 and "is not summarizer batch output" in refused.stderr
    assert notes.read_text(encoding="utf-8") == "# My own notes\n\nNot batch output.\n"
    csv_out = tmp_path / "good.csv"
    assert runner.invoke(app, ["batch", str(SEEDS), "-o", str(csv_out)]).exit_code == 0
    assert runner.invoke(app, ["batch", str(SEEDS), "-o", str(csv_out)]).exit_code == 0  # a CSV rerun is fine
    assert runner.invoke(app, ["batch", str(SEEDS), "-o", str(csv_out), "-f", "md"]).exit_code == 2


# 7, 8. reruns and the closing table -----------------------------------------------------------


def failing_folder(folder: Path, empties: int) -> Path:
    folder.mkdir(parents=True)
    (folder / "good.txt").write_text((ARTICLES / "valdoria-border.txt").read_text(encoding="utf-8"), encoding="utf-8")
    for n in range(empties):
        (folder / f"empty-{n:02d}.txt").write_text("   \n", encoding="utf-8")
    return folder


def test_rerun_with_error_records_says_so_and_exits_1(tmp_path: Path) -> None:
    folder = failing_folder(tmp_path / "in", 1)
    out = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["batch", str(folder), "-o", str(out)]).exit_code == 1
    again = runner.invoke(app, ["batch", str(folder), "-o", str(out)])
    assert again.exit_code == 1
    assert "nothing new to do" in again.stderr and "1 is an error record" in again.stderr
    assert "empty-00.txt: InputError" in again.stderr and "fix or remove that input" in again.stderr
    (folder / "empty-00.txt").unlink()
    assert runner.invoke(app, ["batch", str(folder), "-o", str(out)]).exit_code == 0  # no error left for what is there


def test_closing_table_names_failed_inputs(tmp_path: Path) -> None:
    folder = failing_folder(tmp_path / "in", 12)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--progress"])
    assert result.exit_code == 1
    listed = [line for line in result.stderr.splitlines() if line.startswith("  empty-")]
    assert len(listed) == 10 and all("holds no text" in line for line in listed)
    assert f"and 2 more in {out}" in result.stderr


# 3. the progress line --------------------------------------------------------------------------


def pty_run(command: list[str], columns: int, timeout: float = 120) -> str:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    process = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, env=env() | {"TERM": "xterm"})
    os.close(slave)
    chunks, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=10)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_line_fits_80_columns_in_a_terminal(tmp_path: Path) -> None:
    folder = bbc_copy(tmp_path / "in", 120)
    screen = pty_run(cli("batch", str(folder), "-o", str(tmp_path / "out.jsonl")), columns=80)
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen)
    progress = [line for line in re.split(r"[\r\n]", plain) if "ETA" in line]
    assert progress, screen
    last = progress[-1].rstrip()
    assert len(last) <= 80 and "…" not in last
    assert "120/120" in last and "failed 0" in last
    assert re.search(r"\b\d:\d\d:\d\d\b.*ETA \d:\d\d:\d\d", last)  # elapsed and ETA both shown
    assert "tokens" not in last and "$" not in last  # the extractive engine spends neither


def test_progress_line_drops_the_least_useful_fields_first() -> None:
    from summarizer.cli.console import ProgressLine

    line = ProgressLine(llm=True, clock=lambda: 0.0)
    line.total = 2095
    line.report.ok, line.report.found = 208, 208
    line.report.usage.add(123_456, 78_901)
    wide, narrow, tiny = (line.render(w).plain for w in (160, 80, 40))
    assert "202,357 tokens" in wide and "$" in wide and "summarizing" in wide
    assert len(narrow) <= 80 and "tokens" not in narrow and "208/2095" in narrow and "ETA" in narrow
    assert len(tiny) <= 40 and "208/2095" in tiny and "failed 0" in tiny and "ETA" in tiny


# 10. dry run -----------------------------------------------------------------------------------


def test_dry_run_plan_goes_to_stdout_unwrapped(tmp_path: Path) -> None:
    folder = seeds_copy(tmp_path / "in")
    long_name = "a-rather-long-file-name-about-the-valdorian-border-crisis-and-its-aftermath.txt"
    shutil.copy(ARTICLES / "valdoria-border.txt", folder / long_name)
    result = runner.invoke(app, ["batch", str(folder), "--dry-run"], terminal_width=80)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert any(line.endswith(long_name) for line in lines)  # whole, on one line
    assert len(lines) == 2 + 6 + 1  # title, header, one row per article, totals
    assert "prompt" not in result.stdout and "cost" not in lines[1]  # no token columns for the extractive engine
    assert "6 of 6 articles would run" in result.stdout


def test_dry_run_with_an_llm_and_no_key_says_the_run_would_fail() -> None:
    result = runner.invoke(app, ["batch", str(SEEDS), "--engine", "llm", "--dry-run"])
    assert result.exit_code == 2
    assert "5 of 5 articles would run" in result.stdout
    assert "the real run would fail: no API key" in result.stderr


# 15. configuration first, interrupts, truncation ------------------------------------------------


def test_llm_without_key_fails_before_writing_anything(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(SEEDS), "--engine", "llm", "-o", str(out)])
    assert result.exit_code == 2 and "no API key" in result.stderr
    assert not out.exists()


def _interruptible() -> None:
    """Let the child take Ctrl-C even when this test runs as a background job (which ignores SIGINT)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_says_what_was_written_and_how_to_resume(tmp_path: Path) -> None:
    folder = bbc_copy(tmp_path / "in", 400)
    out = tmp_path / "out.jsonl"
    command = cli("batch", str(folder), "-o", str(out), "--no-progress")
    process = subprocess.Popen(
        command, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_interruptible
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.exists() and out.read_bytes().count(b"\n") >= 30):
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    message = err.decode().strip().splitlines()[-1]
    assert process.returncode == 130, err.decode()[-2000:]
    held = len(records(out))
    assert held < 400, "the interrupt should land mid-run"
    resume = "run the same command again to resume"
    assert message == f"interrupted: wrote {held} records this run; {out} holds {held}; {resume}"
    process = subprocess.Popen(
        command, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_interruptible
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.read_bytes().count(b"\n") >= held + 30):
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    message = err.decode().strip().splitlines()[-1]
    now = len(records(out))
    assert process.returncode == 130 and held < now < 400, err.decode()[-2000:]
    assert message == f"interrupted: wrote {now - held} records this run; {out} holds {now}; {resume}"
    subprocess.run(command, env=env(), check=True, timeout=120, capture_output=True)
    assert len({r["article_id"] for r in records(out)}) == len(records(out)) == 400


def test_truncation_is_a_note_on_stderr(tmp_path: Path) -> None:
    folder = seeds_copy(tmp_path / "in")
    result = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "o.jsonl"), "--max-chars", "1500"])
    notes = [line for line in result.stderr.splitlines() if line.startswith("note: ") and "truncated" in line]
    assert len(notes) == 5 and all(line.split(":")[1].strip().endswith(".txt") for line in notes)


# 16. CSV and --out-dir -----------------------------------------------------------------------------


def test_csv_spells_out_figures_and_hedges(tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    assert runner.invoke(app, ["batch", str(SEEDS), "-o", str(out), "-f", "csv"]).exit_code == 0
    jsonl = tmp_path / "x.jsonl"
    assert runner.invoke(app, ["batch", str(SEEDS), "-o", str(jsonl)]).exit_code == 0
    by_id = {r["article_id"]: r for r in records(jsonl)}
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert any(row["key_figures"] for row in rows) and any(row["hedges"] for row in rows)
    for row in rows:
        summary = by_id[row["article_id"]]["summary"]
        figures = [f for f in row["key_figures"].split("; ") if f]
        assert len(figures) == len(summary["key_figures"]) == int(row["key_figure_count"])
        for text, figure in zip(figures, summary["key_figures"], strict=True):
            assert text.startswith(figure["quantity"]) and f"({figure['status']}" in text
            assert figure["source"] is None or text.endswith(f": {figure['source']})")
        hedges = [h for h in row["hedges"].split("; ") if h]
        assert [h.split(" (")[0] for h in hedges] == [h["cue"] for h in summary["hedges"]]


def test_out_dir_files_are_named_after_their_sources(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    text = (ARTICLES / "valdoria-border.txt").read_text(encoding="utf-8")
    (folder / "Border Crisis.txt").write_text(text, encoding="utf-8")
    (folder / "sub" / "report.txt").write_text(text + "\nFiled from the text desk.", encoding="utf-8")
    (folder / "sub" / "report.md").write_text(text + "\nFiled from the web desk.", encoding="utf-8")
    export = [{"title": "One", "body": text + "\nOne."}, {"title": "Two", "body": text + "\nTwo."}]
    (folder / "feed.json").write_text(json.dumps(export), encoding="utf-8")
    result = runner.invoke(app, ["batch", str(folder), "--out-dir", str(tmp_path / "records")])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "records").iterdir())
    assert "Border-Crisis.json" in names
    assert len([n for n in names if re.fullmatch(r"sub-report-[0-9a-f]{6}\.json", n)]) == 2  # a collision
    assert len([n for n in names if re.fullmatch(r"feed\.json-[01]-[0-9a-f]{6}\.json", n)]) == 2  # export entries
    assert len(names) == 5


def test_markdown_out_dir_resumes(tmp_path: Path) -> None:
    first = runner.invoke(app, ["batch", str(SEEDS), "--out-dir", str(tmp_path / "md"), "-f", "md"])
    assert first.exit_code == 0 and len(list((tmp_path / "md").glob("*.md"))) == 5
    again = runner.invoke(app, ["batch", str(SEEDS), "--out-dir", str(tmp_path / "md"), "-f", "md"])
    assert again.exit_code == 0 and "nothing to do: all 5 articles are already in" in again.stderr


# user trial: no silent overwrite, one output, pipes, empty runs ------------------------------------


def export_folder(folder: Path, count: int) -> Path:
    text = (ARTICLES / "valdoria-border.txt").read_text(encoding="utf-8")
    folder.mkdir(parents=True)
    rows = [{"title": f"Dispatch {n}", "body": f"{text}\nFiled by desk {n}."} for n in range(count)]
    (folder / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", ["records.csv", "records.md", "records.json"])
def test_a_later_run_keeps_the_earlier_records(tmp_path: Path, name: str) -> None:
    exports = export_folder(tmp_path / "exports", 3)
    out = tmp_path / name
    first = runner.invoke(app, ["batch", str(exports), "--glob", "*.jsonl", "--text-field", "body", "-o", str(out)])
    assert first.exit_code == 0, first.output
    second = runner.invoke(app, ["batch", str(SEEDS), "-o", str(out)])
    assert second.exit_code == 0, second.output
    journal = tmp_path / f".{name}.jsonl"
    assert len(records(journal)) == 8  # the journal stays beside the output, hidden
    text = out.read_text(encoding="utf-8")
    if name.endswith(".csv"):
        titles = [row["title"] for row in csv.DictReader(text.splitlines())]
    elif name.endswith(".json"):
        titles = [row["title"] for row in json.loads(text)]
    else:
        titles = re.findall(r"^## (.*)$", text, re.MULTILINE)
    assert len(titles) == 8 and {f"Dispatch {n}" for n in range(3)} <= set(titles)
    again = runner.invoke(app, ["batch", str(SEEDS), "-o", str(out)])
    assert again.exit_code == 0 and "nothing to do: all 5 articles are already in" in again.stderr
    assert out.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("name", ["records.csv", "records.md"])
def test_a_rendered_file_without_its_journal_is_refused(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    assert runner.invoke(app, ["batch", str(export_folder(tmp_path / "in", 2)), "-o", str(out)]).exit_code == 0
    (tmp_path / f".{name}.jsonl").unlink()
    before = out.read_bytes()
    refused = runner.invoke(app, ["batch", str(SEEDS), "-o", str(out)])
    assert refused.exit_code == 2
    assert "delete it" in refused.stderr and "another output file" in refused.stderr and ".jsonl" in refused.stderr
    assert out.read_bytes() == before


def test_the_journal_is_not_read_as_an_article(tmp_path: Path) -> None:
    folder = seeds_copy(tmp_path / "in")
    assert runner.invoke(app, ["batch", str(folder), "-o", str(folder / "records.csv")]).exit_code == 0
    assert (folder / ".records.csv.jsonl").exists()
    other = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "other.jsonl")])
    assert other.exit_code == 0 and len(records(tmp_path / "other.jsonl")) == 5


def test_out_dir_and_out_file_together_is_a_usage_error(tmp_path: Path) -> None:
    assert runner.invoke(app, ["batch", str(SEEDS), "--out-dir", str(tmp_path / "records"), "-f", "md"]).exit_code == 0
    both = runner.invoke(app, ["batch", str(SEEDS), "--out-dir", str(tmp_path / "records"), "-o", str(tmp_path / "n")])
    assert both.exit_code == 2 and "choose one of -o and --out-dir" in both.stderr
    assert not (tmp_path / "n").exists()


def test_no_output_and_a_pipe_streams_json_lines(tmp_path: Path) -> None:
    (work := tmp_path / "work").mkdir()
    done = subprocess.run(cli("batch", str(SEEDS)), cwd=work, env=env(), capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    assert [json.loads(line)["status"] for line in done.stdout.decode().splitlines()] == ["ok"] * 5
    assert list(work.iterdir()) == [] and "standard output" in done.stderr.decode()


def test_no_output_on_a_terminal_is_a_usage_error(tmp_path: Path) -> None:
    screen = pty_run(cli("batch", str(SEEDS)), columns=120, timeout=60)
    assert "give an output file" in screen and '"article_id"' not in screen


@pytest.mark.parametrize("option", ["-o", "--out-dir"])
def test_nothing_found_writes_no_output(tmp_path: Path, option: str) -> None:
    (tmp_path / "empty").mkdir()
    for name in ("r.jsonl", "r.csv"):
        result = runner.invoke(app, ["batch", str(tmp_path / "empty"), option, str(tmp_path / name)])
        assert result.exit_code == 0 and "no articles found" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty"]
