"""Small faults a newcomer found running the README's commands, each checked through the CLI."""

from __future__ import annotations

import json
import os
import pty
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from tests.conftest import ARTICLES

runner = CliRunner()
pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])  # closed local ports only


# 1. a Batch API dry run refuses what the real run refuses ------------------------------------------


@pytest.mark.parametrize("out", [[], ["-o", "records.jsonl"]])
def test_a_batch_api_dry_run_without_an_llm_fails_like_the_real_run(
    no_key: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    real = runner.invoke(app, ["batch", str(ARTICLES), "--via", "batch-api", "-o", "records.jsonl"])
    assert real.exit_code == 2 and "the Batch API needs an LLM" in real.stderr
    # The dry run said it would use the extractive engine and exited 0.
    dry = runner.invoke(app, ["batch", str(ARTICLES), "--via", "batch-api", "--dry-run", *out])
    assert dry.exit_code == 2, dry.output
    assert "the real run would fail: the Batch API needs an LLM: set OPENAI_API_KEY" in dry.stderr
    assert not (tmp_path / "records.jsonl").exists()


def test_a_batch_api_dry_run_to_a_stream_fails_like_the_real_run(no_key: None) -> None:
    real = runner.invoke(
        app, ["batch", str(ARTICLES), "--via", "batch-api", "-o", "-", "--base-url", "http://127.0.0.1:9/v1"]
    )
    assert real.exit_code == 2 and "keeps its state beside the output" in real.stderr
    dry = runner.invoke(
        app,
        ["batch", str(ARTICLES), "--via", "batch-api", "--dry-run", "-o", "-", "--base-url", "http://127.0.0.1:9/v1"],
    )
    assert dry.exit_code == 2, dry.output
    assert "the real run would fail: the Batch API keeps its state beside the output" in dry.stderr


def test_a_realtime_dry_run_without_a_key_still_plans_the_extractive_engine(no_key: None) -> None:
    dry = runner.invoke(app, ["batch", str(ARTICLES), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "on the extractive engine" in dry.stdout


# 2. a Batch API run that never submitted anything leaves nothing behind ---------------------------


def _closed() -> str:
    """A local server address nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}/v1"


CLOSED = _closed()


def test_a_batch_api_run_the_server_refuses_leaves_no_lock_file(
    no_key: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-0000")
    out = tmp_path / "run" / "records.jsonl"
    out.parent.mkdir()
    args = ["batch", str(ARTICLES), "--via", "batch-api", "--no-progress"]
    result = runner.invoke(app, [*args, "-o", str(out), "--base-url", CLOSED])
    assert result.exit_code == 1, result.output
    assert "could not reach" in result.stderr
    # It left .records.jsonl.batch-api.json.lock beside the output.
    assert list(out.parent.iterdir()) == []
    into = tmp_path / "new" / "records"
    result = runner.invoke(app, [*args, "--out-dir", str(into), "--base-url", CLOSED])
    assert result.exit_code == 1, result.output
    assert not (tmp_path / "new").exists()  # nor the folders made for it


def test_a_batch_api_run_without_a_key_leaves_nothing(no_key: None, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["batch", str(ARTICLES), "--via", "batch-api", "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert not list(tmp_path.glob(".records*")) and not out.exists()


def test_a_batch_api_run_stopped_before_sending_leaves_no_batch_file(
    no_key: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarizer.batch.batch_api as batch_api
    from summarizer.batch import run_batch_api

    real = batch_api.read_inputs

    def interrupted(*args: object, **kwargs: object) -> object:
        for number, item in enumerate(real(*args, **kwargs)):  # type: ignore[arg-type]
            if number == 2:
                raise KeyboardInterrupt  # Ctrl-C while the batch file is being written
            yield item

    monkeypatch.setattr(batch_api, "read_inputs", interrupted)
    out = tmp_path / "run" / "records.jsonl"
    with pytest.raises(KeyboardInterrupt):
        run_batch_api(ARTICLES, out=out, api_key="sk-test-0000", base_url=CLOSED, model="gpt-4o-mini")
    assert not (tmp_path / "run").exists()


def test_a_refused_second_run_keeps_the_first_runs_lock(tmp_path: Path) -> None:
    from summarizer.batch.api_state import RunState
    from summarizer.errors import ConfigError

    state = RunState(tmp_path / ".b.jsonl.batch-api.json")
    with state.lock():
        for _ in range(2):  # the refused run must not remove the lock the first one holds
            with pytest.raises(ConfigError, match="another summarizer run"), RunState(state.path).lock():
                pass
        assert (tmp_path / ".b.jsonl.batch-api.json.lock").exists()
    assert list(tmp_path.iterdir()) == []
    with RunState(state.path).lock():  # and once it is gone, the next run takes a new one
        pass


# 3. a page whose only text is its menu -------------------------------------------------------------

NAV_ONLY = "<html><body><nav><a href='/'>Home</a></nav></body></html>"
MENUS_ONLY = (
    "<html><head><title>Valdoria Times</title></head><body><header><a href='/'>Valdoria Times</a></header>"
    "<div role='navigation'><ul><li><a>World</a></li><li><a>Sport</a></li></ul></div>"
    "<footer>Contact us</footer></body></html>"
)
PROSE = (
    "Valdoria closed three crossings on its border with Kestria on Monday, the interior ministry said. "
    "About 4,000 soldiers were moved to the frontier, according to officials in Tarsk."
)


@pytest.mark.parametrize("page", [NAV_ONLY, MENUS_ONLY])
def test_a_page_holding_only_its_menu_is_an_input_error_like_an_empty_page(
    no_key: None, tmp_path: Path, page: str
) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body>  </body></html>", encoding="utf-8")
    menu = tmp_path / "menu.html"
    menu.write_text(page, encoding="utf-8")
    expected = runner.invoke(app, ["summarize", str(empty)])
    assert expected.exit_code == 2 and "has no article text that could be extracted from its HTML" in expected.stderr
    # It gave an ok record whose summary was "Home".
    result = runner.invoke(app, ["summarize", str(menu)])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == expected.stderr.splitlines()[-1].replace("empty.html", "menu.html")
    made = runner.invoke(app, ["batch", str(tmp_path), "--glob", "menu.html", "-o", str(tmp_path / "r.jsonl")])
    assert made.exit_code == 1, made.output
    record = json.loads((tmp_path / "r.jsonl").read_text(encoding="utf-8"))
    assert record["status"] == "error" and record["error_type"] == "InputError"
    assert "no article text" in record["error"]


@pytest.mark.parametrize(
    "page",
    [
        f"<html><body><nav><a>Home</a><a>World</a></nav><article><p>{PROSE}</p></article></body></html>",
        f"<html><body><article><header><h1>Border closed</h1></header><p>{PROSE}</p></article></body></html>",
        f"<html><body><nav><a>Home</a></nav><p>{PROSE}</p></body></html>",
    ],
)
def test_a_page_with_an_article_beside_its_menu_is_still_summarized(no_key: None, tmp_path: Path, page: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(path), "--engine", "extractive"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["status"] == "ok" and "4,000 soldiers" in record["article_text"]


# 4. @LISTING without --ray -----------------------------------------------------------------------


def _ids(path: Path) -> dict[str, str]:
    return {r["source_path"]: r["article_id"] for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def test_a_listing_runs_locally_with_the_ids_a_folder_run_gives(no_key: None, tmp_path: Path) -> None:
    work = tmp_path / "work"
    shutil.copytree(ARTICLES, work / "arts")
    elsewhere = tmp_path / "elsewhere.txt"
    shutil.copy(ARTICLES / "orlen-ceasefire.txt", elsewhere)
    listing = work / "paths.txt"
    listing.write_text(
        f"arts/valdoria-border.txt\n# a comment\n\narts/kestria-two-fronts.txt\n{elsewhere}\n"
        "arts/valdoria-border.txt\n../listed.jsonl\n",  # the run's own output is never read as an article
        encoding="utf-8",
    )
    folder = runner.invoke(
        app, ["batch", str(work), "--glob", "arts/*", "-o", str(tmp_path / "folder.jsonl"), "--no-progress"]
    )
    assert folder.exit_code == 0, folder.output
    # It said "@paths.txt does not exist": a listing worked only with --ray.
    result = runner.invoke(app, ["batch", f"@{listing}", "-o", str(tmp_path / "listed.jsonl"), "--no-progress"])
    assert result.exit_code == 0, result.output
    listed, by_folder = _ids(tmp_path / "listed.jsonl"), _ids(tmp_path / "folder.jsonl")
    inside = ["arts/valdoria-border.txt", "arts/kestria-two-fronts.txt"]  # named from the listing's folder
    assert sorted(listed) == sorted([*inside, elsewhere.as_posix().lstrip("/")])  # once each, as with --ray
    assert {name: listed[name] for name in inside} == {name: by_folder[name] for name in inside}
    again = runner.invoke(app, ["batch", f"@{listing}", "-o", str(tmp_path / "listed.jsonl"), "--no-progress"])
    assert again.exit_code == 0, again.output
    assert len((tmp_path / "listed.jsonl").read_text(encoding="utf-8").splitlines()) == 3  # resumed, not redone
    dry = runner.invoke(app, ["batch", f"@{listing}", "-o", str(tmp_path / "listed.jsonl"), "--dry-run"])
    assert dry.exit_code == 0 and "0 of 3 articles would run" in dry.stdout


def test_a_missing_listing_is_a_usage_error_before_anything_runs(no_key: None, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    result = runner.invoke(app, ["batch", f"@{tmp_path / 'none.txt'}", "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip().splitlines() == [
        f"error: the listing {tmp_path / 'none.txt'} does not exist; give a text file of paths, one a line, after the @"
    ]
    assert not out.exists()


# 5. summarize - on a terminal says what it waits for ------------------------------------------------


def _summarize_stdin(stdin: int | None, given: bytes, tmp_path: Path, master: int | None = None) -> tuple[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env["SUMMARIZER_CACHE_DIR"] = str(tmp_path / "cache")
    command = [sys.executable, "-m", "summarizer", "summarize", "-", "--engine", "extractive", "--indent", "0"]
    process = subprocess.Popen(
        command, stdin=stdin if stdin is not None else subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    if master is not None:
        assert stdin is not None
        os.close(stdin)
        os.write(master, given)
        out, err = process.communicate(timeout=60)
    else:
        out, err = process.communicate(given, timeout=60)
    assert process.returncode == 0, err
    return out.decode(), err.decode()


def test_summarize_dash_on_a_terminal_says_it_reads_standard_input_and_how_to_end(tmp_path: Path) -> None:
    text = (ARTICLES / "valdoria-border.txt").read_text(encoding="utf-8")
    master, slave = pty.openpty()
    try:
        # The line discipline turns Ctrl-D (\x04) at the start of a line into the end of input.
        out, err = _summarize_stdin(slave, text.replace("\n", "\r").encode() + b"\r\x04", tmp_path, master)
    finally:
        os.close(master)
    # It waited silently.
    assert err.splitlines()[0] == (
        "reading the article from standard input: paste or type it, then press Ctrl-D at the start of a line"
    )
    assert json.loads(out)["status"] == "ok"


def test_summarize_dash_from_a_pipe_says_nothing_of_it(tmp_path: Path) -> None:
    out, err = _summarize_stdin(None, (ARTICLES / "valdoria-border.txt").read_bytes(), tmp_path)
    assert "standard input" not in err and json.loads(out)["status"] == "ok"


# 6. and 7. digest of what is not batch output, or of nothing ---------------------------------------


@pytest.fixture
def csv_run(no_key: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    made = runner.invoke(app, ["batch", str(ARTICLES), "-o", "records.csv", "--no-progress"])
    assert made.exit_code == 0, made.output
    return tmp_path / "records.csv"


def test_digest_of_a_csv_says_what_a_digest_reads_and_names_the_journal(csv_run: Path) -> None:
    result = runner.invoke(app, ["digest", "records.csv"])
    assert result.exit_code == 2, result.output
    # It said only "records.csv is not batch output (records as JSON lines or a JSON array): line 1 is not ...".
    assert result.stderr.strip() == (
        "error: records.csv is not batch output: a digest reads the records a batch writes, as JSON lines (.jsonl) "
        "or a JSON array (.json); the run that wrote records.csv keeps them beside it in .records.csv.jsonl: "
        "summarizer digest .records.csv.jsonl"
    )
    named = runner.invoke(app, ["digest", ".records.csv.jsonl", "-o", "digest.md"])
    assert named.exit_code == 0, named.output
    assert "from 4 records" in named.stderr


def test_digest_of_a_parquet_output_names_its_journal(no_key: None, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    out = tmp_path / "records.parquet"
    made = runner.invoke(app, ["batch", str(ARTICLES), "-o", str(out), "--no-progress"])
    assert made.exit_code == 0, made.output
    result = runner.invoke(app, ["digest", str(out)])
    assert result.exit_code == 2, result.output
    assert f"keeps them beside it in {tmp_path / '.records.parquet.jsonl'}" in result.stderr


def test_digest_of_a_csv_without_its_journal_says_how_to_write_records(csv_run: Path) -> None:
    (csv_run.parent / ".records.csv.jsonl").unlink()
    result = runner.invoke(app, ["digest", "records.csv"])
    assert result.exit_code == 2, result.output
    assert "a digest reads the records a batch writes" in result.stderr
    assert "summarizer batch ... -o records.jsonl" in result.stderr and ".records.csv.jsonl" not in result.stderr


@pytest.mark.parametrize("content", ["", "\n  \n", "[]\n"])
def test_digest_of_an_empty_file_fails(tmp_path: Path, content: str) -> None:
    records = tmp_path / "records.jsonl"
    records.write_text(content, encoding="utf-8")
    out = tmp_path / "digest.md"
    # It wrote an empty digest ("0 stories from 0 articles") and exited 0.
    result = runner.invoke(app, ["digest", str(records), "-o", str(out)])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"error: no records in {records}")
    assert not out.exists()


def test_digest_of_error_records_only_still_counts_them(tmp_path: Path) -> None:
    empty = tmp_path / "in" / "empty.txt"
    empty.parent.mkdir()
    empty.write_text("", encoding="utf-8")
    made = runner.invoke(app, ["batch", str(empty.parent), "-o", str(tmp_path / "r.jsonl"), "--engine", "extractive"])
    assert made.exit_code == 1, made.output
    result = runner.invoke(app, ["digest", str(tmp_path / "r.jsonl"), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "skipped 1 error record" in result.stderr


# 8. batch-status to a reader that went away ----------------------------------------------------------


def _closed_reader(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[bytes]:
    """Run the CLI with its standard output a pipe whose reader has already gone (like `| true`)."""
    read, write = os.pipe()
    os.close(read)
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    environment |= {"SUMMARIZER_CACHE_DIR": str(tmp_path / "cache"), **env}
    try:
        return subprocess.run(
            [sys.executable, "-m", "summarizer", *args],
            stdout=write,
            stderr=subprocess.PIPE,
            env=environment,
            timeout=60,
        )
    finally:
        os.close(write)


@pytest.mark.parametrize("command", ["batch-status", "batch-cancel"])
def test_batch_status_to_a_reader_that_went_away_is_141_quietly(tmp_path: Path, command: str) -> None:
    from summarizer.batch.api_state import RunState, Submitted

    out = tmp_path / "records.jsonl"
    state = RunState(tmp_path / ".records.jsonl.batch-api.json", model="gpt-4o-mini", provider="openai")
    done = Submitted("file-1", {}, id="batch-1", status="completed", collected=True, size=4)  # nothing to ask
    state.batches.append(done)
    state.save()
    shown = _closed_reader([command, "-o", str(out)], tmp_path, OPENAI_API_KEY="sk-test-0000")
    # It exited 1 ("the summarization failed") with a broken-pipe error.
    assert shown.returncode == 141, shown.stderr.decode()
    assert shown.stderr == b""


def test_version_to_a_reader_that_went_away_is_141(tmp_path: Path) -> None:
    shown = _closed_reader(["--version"], tmp_path)
    assert shown.returncode == 141 and shown.stderr == b""
