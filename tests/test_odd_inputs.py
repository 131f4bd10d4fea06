"""Odd things a user's folders hold, met through the CLI and the batch API: each was found misbehaving."""

from __future__ import annotations

import json
import os
import shutil
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer import InputError, SummaryRecord, summarize
from summarizer.batch import list_inputs, run_batch
from summarizer.batch.output_lock import OutputLock
from summarizer.cli import app
from summarizer.ingest.decoding import decode_bytes
from tests.conftest import ARTICLES, SHARED

runner = CliRunner()


def _sources(path: Path) -> list[str]:
    return [json.loads(line)["source_path"] for line in path.read_text(encoding="utf-8").splitlines()]


# a listing of paths in the folder being batched -----------------------------------------------------


def _folder_with_listing(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    shutil.copytree(ARTICLES, work / "arts")
    (work / "paths.txt").write_text(
        "# what to run\narts/valdoria-border.txt\n\narts/orlen-ceasefire.txt\n", encoding="utf-8"
    )
    return work


def test_a_listing_in_the_folder_is_skipped_with_the_command_that_runs_it(no_key: None, tmp_path: Path) -> None:
    work = _folder_with_listing(tmp_path)
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["batch", str(work), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    # It was summarized as an article: "arts/valdoria-border.txt arts/orlen-ceasefire.txt".
    assert "paths.txt" not in _sources(out)
    assert sorted(_sources(out)) == sorted(f"arts/{p.name}" for p in ARTICLES.glob("*.txt"))
    assert (
        f"skipped paths.txt: a listing of 2 paths, not an article; run `summarizer batch @{work / 'paths.txt'}` "
        "to summarize what it names"
    ) in " ".join(result.stderr.split())
    listed = runner.invoke(app, ["batch", f"@{work / 'paths.txt'}", "-o", str(tmp_path / "l.jsonl"), "--no-progress"])
    assert listed.exit_code == 0 and sorted(_sources(tmp_path / "l.jsonl")) == [
        "arts/orlen-ceasefire.txt",
        "arts/valdoria-border.txt",
    ]


def test_the_api_reports_a_listing_as_skipped(no_key: None, tmp_path: Path) -> None:
    work = _folder_with_listing(tmp_path)
    report = run_batch(work, out=tmp_path / "records.jsonl")
    assert report.found == len(list(ARTICLES.glob("*.txt")))
    assert [(name, reason.split(":")[0]) for name, reason in report.skipped] == [("paths.txt", "listing")]


def test_a_listing_named_by_a_listing_is_skipped_not_read_as_an_article(no_key: None, tmp_path: Path) -> None:
    work = _folder_with_listing(tmp_path)
    (work / "all.txt").write_text("paths.txt\narts/kestria-two-fronts.txt\n", encoding="utf-8")
    report = run_batch(Path(f"@{work / 'all.txt'}"), out=tmp_path / "records.jsonl")
    assert _sources(tmp_path / "records.jsonl") == ["arts/kestria-two-fronts.txt"]
    assert [(name, reason.split(":")[0]) for name, reason in report.skipped] == [("paths.txt", "listing")]


def test_a_listing_given_as_the_one_file_is_a_usage_error_naming_the_at_form(no_key: None, tmp_path: Path) -> None:
    listing = _folder_with_listing(tmp_path) / "paths.txt"
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["batch", str(listing), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert f"run `summarizer batch @{listing}`" in " ".join(result.stderr.split())
    assert not out.exists()


def test_summarize_refuses_a_listing_with_the_batch_command(no_key: None, tmp_path: Path) -> None:
    listing = _folder_with_listing(tmp_path) / "paths.txt"
    # It gave an ok record summarizing "arts/valdoria-border.txt arts/orlen-ceasefire.txt".
    with pytest.raises(InputError, match=r"is a listing of 2 paths, not an article; run `summarizer batch @"):
        summarize(path=listing)
    result = runner.invoke(app, ["summarize", str(listing)])
    assert result.exit_code == 2 and f"run `summarizer batch @{listing}`" in " ".join(result.stderr.split())
    assert summarize(path=ARTICLES / "valdoria-border.txt").status == "ok"


@pytest.mark.parametrize(
    "text",
    [
        "notes/2024/report.txt\nThe council met on Monday. It voted to close the bridge.\n",  # a path, then prose
        "www.example.org/news/story.html\nTroops gathered near the border, officials said.\n",
        "https://example.org/a.html\nhttps://example.org/b.html\n",  # web addresses are not paths batch reads
    ],
)
def test_text_that_only_starts_like_a_path_is_still_an_article(tmp_path: Path, text: str) -> None:
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    skipped: list[tuple[str, str]] = []
    _, paths = list_inputs(tmp_path, on_skip=lambda name, reason: skipped.append((name, reason)))
    assert [p.name for p in paths] == ["story.txt"] and skipped == []


def test_a_long_listing_is_read_whole_before_it_is_called_one(tmp_path: Path) -> None:
    names = [f"folder/article-{n:04d}.txt" for n in range(300)]  # far past the head discovery reads first
    (tmp_path / "all.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
    (tmp_path / "mixed.txt").write_text("\n".join(names) + "\nAnd then the story begins, as stories do.\n")
    skipped: list[tuple[str, str]] = []
    _, paths = list_inputs(tmp_path, on_skip=lambda name, reason: skipped.append((name, reason)))
    assert [p.name for p in paths] == ["mixed.txt"]
    listing = ("all.txt", "listing: a listing of 300 paths, not an article")
    assert [(n, r.split(";")[0]) for n, r in skipped] == [listing]


@pytest.mark.parametrize("fmt", ["jsonl", "md"])
def test_batch_output_saved_as_txt_in_the_folder_is_not_read_back_as_an_article(
    no_key: None, tmp_path: Path, fmt: str
) -> None:
    work = tmp_path / "work"
    shutil.copytree(ARTICLES, work)
    first = runner.invoke(app, ["batch", str(work), "-o", str(work / "records.txt"), "-f", fmt, "--no-progress"])
    assert first.exit_code == 0, first.output
    out = tmp_path / "again.jsonl"
    again = runner.invoke(app, ["batch", str(work), "-o", str(out), "--no-progress"])
    assert again.exit_code == 0, again.output
    # records.txt was summarized as an article (a level-4 escalation, from the records' own evidence).
    assert "records.txt" not in _sources(out) and len(_sources(out)) == len(list(ARTICLES.glob("*.txt")))
    assert "written by summarizer" in again.stderr or "summarizer wrote itself" in again.stderr


# links that lead nowhere -----------------------------------------------------------------------------


def test_dangling_and_looping_links_are_named_not_dropped_silently(no_key: None, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(ARTICLES / "valdoria-border.txt", work / "real.txt")
    os.symlink(tmp_path / "moved-away.txt", work / "gone.txt")
    os.symlink(work / "loop-b.txt", work / "loop-a.txt")
    os.symlink(work / "loop-a.txt", work / "loop-b.txt")
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["batch", str(work), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert _sources(out) == ["real.txt"]
    # They were passed over without a word: an article the user meant to give was missing unnoticed.
    assert (
        "skipped 3 links that lead to no file (their targets are gone, or links loop): gone.txt, loop-a.txt, loop-b.txt"
        in " ".join(result.stderr.split())
    )


# legacy encodings -------------------------------------------------------------------------------------


def _bbc_with_accents(count: int) -> list[str]:
    texts = []
    for path in sorted((SHARED / "corpus" / "bbc-news").rglob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        if not text.isascii() and all(ord(c) < 256 or c in "\u20ac\u2018\u2019\u201c\u201d\u2013\u2014" for c in text):
            texts.append(text)
        if len(texts) == count:
            break
    return texts


def test_english_articles_saved_as_windows_1252_read_back_as_written() -> None:
    texts = _bbc_with_accents(60)
    assert len(texts) == 60
    # 18 of these 60 came back with "£" as "Ł" (cp1250) or as katakana (cp932).
    wrong = [text[:60] for text in texts if decode_bytes(text.encode("cp1252")) != (text, "cp1252")]
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        # It read as cp775: "Cafķ owners in Renķville".
        ("Caf\u00e9 owners in Ren\u00e9ville said about 40 soldiers arrived. " * 3, "latin-1", "cp1252"),
        (
            "Die Beh\u00f6rden in Kestr\u00e4u erkl\u00e4rten am Montag, dass die Soldaten in die Kasernen "
            "zur\u00fcckkehren. Der B\u00fcrgermeister sagte, die Lage sei ruhig.",
            "cp1252",
            "cp1252",
        ),
        # other codepages stay what charset-normalizer found
        (
            "Vl\u00e1da v Orlensku v pond\u011bl\u00ed ozn\u00e1mila, \u017ee voj\u00e1ci se vr\u00e1t\u00ed do "
            "kas\u00e1ren. Ministr \u0159ekl, \u017ee situace je klidn\u00e1.",
            "cp1250",
            "cp1250",
        ),
        (
            "Vlada u Valdoriji objavila je u ponedjeljak da \u0107e se vojnici vratiti u vojarne. Ministar je "
            "rekao da je stanje mirno i da nema opasnosti za gra\u0111ane.",
            "cp1250",
            "cp1250",
        ),
        (
            "\u041f\u0440\u0430\u0432\u0438\u0442\u0435\u043b\u044c\u0441\u0442\u0432\u043e \u0437\u0430\u044f"
            "\u0432\u0438\u043b\u043e \u0432 \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a, "
            "\u0447\u0442\u043e \u0432\u043e\u0439\u0441\u043a\u0430 \u0432\u0435\u0440\u043d\u0443\u0442\u0441"
            "\u044f \u0432 \u043a\u0430\u0437\u0430\u0440\u043c\u044b.",
            "cp1251",
            "cp1251",
        ),
    ],
)
def test_a_legacy_codepage_is_read_as_the_language_suggests(text: str, codec: str, expected: str) -> None:
    assert decode_bytes(text.encode(codec)) == (text, expected)


def test_a_folder_that_cannot_be_listed_is_named(no_key: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    (work / "locked").mkdir(parents=True)
    shutil.copy(ARTICLES / "valdoria-border.txt", work / "open.txt")
    shutil.copy(ARTICLES / "orlen-ceasefire.txt", work / "locked" / "inside.txt")
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:  # as for a folder without read permission (root reads through them)
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["batch", str(work), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert _sources(out) == ["open.txt"]
    # os.walk dropped it without a word: its articles were missing from the run unnoticed.
    assert "skipped 1 folder that could not be listed (check its permissions): locked/" in " ".join(
        result.stderr.split()
    )


# an output that refuses data ----------------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("out", [["-o", "/dev/full"], ["-o", "/dev/full", "-f", "csv"]])
def test_a_device_that_refuses_data_is_one_error_line_not_a_traceback(no_key: None, out: list[str]) -> None:
    result = runner.invoke(app, ["batch", str(ARTICLES), *out, "--no-progress"])
    # It was an OSError traceback through asyncio and the CLI.
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        "error: cannot write /dev/full: No space left on device; nothing more was written. "
        "Free space or write elsewhere (-o)"
    ]
    assert "Traceback" not in result.stderr


def test_a_disk_that_fills_up_mid_line_leaves_whole_lines_and_says_the_run_resumes(
    no_key: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "records.jsonl"
    real_write, lines_written = os.write, []

    def write(fd: int, data: Any) -> int:  # the third record finds the disk full after 100 bytes
        if os.path.realpath(f"/proc/self/fd/{fd}") != str(out.resolve()):
            return real_write(fd, data)
        lines_written.append(data)
        return real_write(fd, data if len(lines_written) < 3 else bytes(data)[:100])

    monkeypatch.setattr(os, "write", write)
    result = runner.invoke(app, ["batch", str(ARTICLES), "-o", str(out), "--no-progress", "--workers", "1"])
    monkeypatch.undo()
    assert result.exit_code == 1, result.output
    assert (
        f"error: cannot write {out}: No space left on device; the records written so far are kept, and the same "
        "command resumes after them. Free space or write elsewhere (-o)"
    ) in " ".join(result.stderr.split())
    assert len(_sources(out)) == 2 and out.read_bytes().endswith(b"}\n")  # the torn third line was taken back
    again = runner.invoke(app, ["batch", str(ARTICLES), "-o", str(out), "--no-progress"])
    assert again.exit_code == 0, again.output
    assert sorted(_sources(out)) == sorted(p.name for p in ARTICLES.glob("*.txt"))


# standard input --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "advice"),
    [
        (
            "-",
            "batch does not read articles from standard input; save it to a file and give its folder, or run "
            "`summarizer summarize -` for one article",
        ),
        ("@-", "batch does not read a listing from standard input; save it to a file and give @FILE"),
    ],
)
def test_standard_input_to_batch_says_what_to_do_instead(
    no_key: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, advice: str
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["batch", source, "-o", "records.jsonl"], input="a1.txt\n")
    assert result.exit_code == 2, result.output
    # It said "- does not exist" / "the listing - does not exist".
    assert result.stderr.strip().splitlines()[-1] == f"error: {advice}"


# file names -----------------------------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform != "linux", reason="file names of any bytes: Linux file systems")
def test_a_file_name_that_is_not_utf8_is_summarized_under_a_readable_name(no_key: None, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    os.symlink(b"nowhere-\xe9.txt", os.path.join(bytes(work), b"gone-\xe9.txt"))  # a skip note names one too
    shutil.copy(ARTICLES / "valdoria-border.txt", os.path.join(bytes(work), b"caf\xe9-report.txt"))  # Latin-1 "é"
    shutil.copy(ARTICLES / "orlen-ceasefire.txt", work / "plain.txt")
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["batch", str(work), "-o", str(out), "--no-progress"])
    # It stopped the whole run with a UnicodeEncodeError traceback after the first record.
    assert result.exit_code == 0, result.output
    assert sorted(_sources(out)) == ["caf\\xe9-report.txt", "plain.txt"]
    assert "gone-\\xe9.txt" in result.stderr
    again = runner.invoke(app, ["batch", str(work), "-o", str(out), "--no-progress"])
    assert again.exit_code == 0 and "nothing to do: all 2 articles are already in" in again.stderr


# two runs into one output --------------------------------------------------------------------------------


def _held(out: Path) -> bytes | dict[str, bytes]:
    """What an output holds: a file's bytes, or a folder's files."""
    if out.is_dir():
        return {path.name: path.read_bytes() for path in sorted(out.iterdir())}
    return out.read_bytes()


@pytest.mark.parametrize(("flag", "name"), [("-o", "records.jsonl"), ("--out-dir", "records")])
def test_a_second_run_into_an_output_being_written_stops_before_touching_it(
    no_key: None, tmp_path: Path, flag: str, name: str
) -> None:
    out = tmp_path / name
    first = runner.invoke(app, ["batch", str(ARTICLES), flag, str(out), "--no-progress"])
    assert first.exit_code == 0 and not (tmp_path / f".{name}.lock").exists()  # given up at the end
    held = _held(out)
    running = OutputLock(out).acquire()  # as a run in another terminal holds it
    try:
        second = runner.invoke(app, ["batch", str(ARTICLES), flag, str(out), "--no-progress", "--refresh"])
    finally:
        running.release()
    # Both ran: into a file every article twice, or the later run's rewrite left the first appending to a
    # file no longer there; into a folder each run summarized every article again over the other's files.
    assert second.exit_code == 2, second.output
    assert second.stderr.strip().splitlines()[-1] == (
        f"error: another run is writing {out} (process {os.getpid()}); wait for it to end (the same command "
        "then resumes after it), or choose another output"
    )
    assert _held(out) == held
    third = runner.invoke(app, ["batch", str(ARTICLES), flag, str(out), "--no-progress"])
    assert third.exit_code == 0 and "nothing to do" in third.stderr


def test_runs_into_different_folders_do_not_wait_for_each_other(no_key: None, tmp_path: Path) -> None:
    running = OutputLock(tmp_path / "records").acquire()
    try:
        other = runner.invoke(app, ["batch", str(ARTICLES), "--out-dir", str(tmp_path / "other"), "--no-progress"])
    finally:
        running.release()
    assert other.exit_code == 0, other.output


# a pipe given as the file ----------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes: POSIX")
@pytest.mark.parametrize("via", ["api", "cli"])
def test_a_named_pipe_reads_like_a_file(no_key: None, tmp_path: Path, via: str) -> None:
    pipe = tmp_path / "article-pipe"  # what `summarizer summarize <(curl ...)` is given: /dev/fd/63, a pipe
    os.mkfifo(pipe)
    text = (ARTICLES / "valdoria-border.txt").read_bytes()
    feeder = threading.Thread(target=pipe.write_bytes, args=(text,), daemon=True)
    feeder.start()
    try:
        if via == "api":
            record = summarize(path=pipe)
        else:
            result = runner.invoke(app, ["summarize", str(pipe)])
            # It said "is not a regular file" (the CLI) or "no such file" (the API).
            assert result.exit_code == 0, result.output
            record = SummaryRecord.model_validate_json(result.stdout)
    finally:
        if feeder.is_alive():  # the reader never came: open the pipe so the writer can finish
            pipe.read_bytes()
        feeder.join(timeout=10)
    assert record.status == "ok" and "4,000 soldiers" in record.summary.summary


def test_summarize_names_a_broken_link_and_a_device_for_what_they_are(no_key: None, tmp_path: Path) -> None:
    os.symlink(tmp_path / "moved-away.txt", tmp_path / "gone.txt")
    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    # Each said "no such file", though the link, or /dev/null, is there.
    for link in ("gone.txt", "a.txt"):
        with pytest.raises(InputError, match=r"is a link that leads to no file \(its target is gone, or links loop\)"):
            summarize(path=tmp_path / link)
    if Path("/dev/null").exists():
        with pytest.raises(InputError, match=r"^/dev/null is not a regular file \(a device or socket\)"):
            summarize(path="/dev/null")
