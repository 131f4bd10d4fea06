"""Two runs into one --out-dir folder: the second stops before it reads or writes it, as for one output file."""

from __future__ import annotations

import os
from pathlib import Path

from typer.testing import CliRunner

from summarizer.batch.output_lock import OutputLock
from summarizer.cli import app
from tests.conftest import ARTICLES

runner = CliRunner()


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_a_second_run_into_an_out_dir_being_written_stops_before_touching_it(no_key: None, tmp_path: Path) -> None:
    out = tmp_path / "records"
    first = runner.invoke(app, ["batch", str(ARTICLES), "--out-dir", str(out), "--no-progress"])
    assert first.exit_code == 0, first.output
    assert not (tmp_path / ".records.lock").exists()  # given up at the end, nothing left beside the folder
    held = _files(out)
    assert len(held) == len(list(ARTICLES.iterdir()))
    running = OutputLock(out).acquire()  # as a run in another terminal holds it
    try:
        second = runner.invoke(app, ["batch", str(ARTICLES), "--out-dir", str(out), "--no-progress", "--refresh"])
    finally:
        running.release()
    # Both ran: each found the folder as it was and summarized every article again, over the other's files
    # (150 BBC articles, two runs at once: 150 written by each).
    assert second.exit_code == 2, second.output
    assert second.stderr.strip().splitlines()[-1] == (
        f"error: another run is writing {out} (process {os.getpid()}); wait for it to end (the same command "
        "then resumes after it), or choose another output"
    )
    assert _files(out) == held
    third = runner.invoke(app, ["batch", str(ARTICLES), "--out-dir", str(out), "--no-progress"])
    assert third.exit_code == 0 and "nothing to do" in third.stderr


def test_runs_into_different_folders_do_not_wait_for_each_other(no_key: None, tmp_path: Path) -> None:
    running = OutputLock(tmp_path / "records").acquire()
    try:
        other = runner.invoke(app, ["batch", str(ARTICLES), "--out-dir", str(tmp_path / "other"), "--no-progress"])
    finally:
        running.release()
    assert other.exit_code == 0, other.output
