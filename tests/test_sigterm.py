"""SIGTERM (timeout, a container stop, a service manager) stops a batch as cleanly as Ctrl-C, exiting 143."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from summarizer.batch.stopping import SigtermStop, Terminated
from tests.conftest import SHARED, group_members

BBC = SHARED / "corpus" / "bbc-news"
pytestmark = pytest.mark.block_network(allowed_hosts=[r".*/pymp-[^/]+/listener-"])  # the pool's fork server
RESUME = "run the same command again to resume"


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_") and k not in ("COLUMNS", "LINES")}


def _folder(tmp_path: Path, count: int = 400) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(BBC.glob("*/*.txt"))[:count]:
        (folder / f"{path.parent.name}-{path.name}").symlink_to(path)
    return folder


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _stop_mid_run(
    command: list[str], watch: Path | Callable[[], bool], *, group: bool, env: dict[str, str] | None = None
) -> tuple[int, str, int]:
    """Start a batch in its own process group, SIGTERM it (or its whole group) mid-run; (exit code, stderr, group).

    Mid-run: once ``watch`` holds 30 lines, or once ``watch()`` says so.
    """
    ready = watch if callable(watch) else lambda: _lines(watch) >= 30
    process = subprocess.Popen(
        command, env=env or _env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not ready() and process.poll() is None:
            time.sleep(0.01)
        if group:
            os.killpg(process.pid, signal.SIGTERM)
        else:
            process.send_signal(signal.SIGTERM)  # what timeout(1) and a container stop do: the parent only
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    return process.returncode, err.decode(), process.pid


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]  # a cut line fails here


def _gone(group: int, seconds: float = 5) -> bool:
    deadline = time.monotonic() + seconds
    while group_members(group) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not group_members(group)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_sigterm_stops_a_batch_as_ctrl_c_does(tmp_path: Path, workers: str) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "summarizer", "batch", str(folder), "-o", str(out), "--no-progress"]
    code, err, group = _stop_mid_run([*command, "--workers", workers], out, group=False)
    assert code == 128 + signal.SIGTERM, err[-2000:]
    assert "Traceback" not in err
    rows = _rows(out)
    assert 30 <= len(rows) < 400, "the SIGTERM should land mid-run"
    assert err.strip().splitlines()[-1] == (
        f"interrupted: wrote {len(rows)} records this run; {out} holds {len(rows)}; {RESUME}"
    )
    assert not (tmp_path / ".out.jsonl.lock").exists(), "the lock file outlived the run"
    assert all(row["status"] == "ok" for row in rows)
    assert _gone(group), "a worker outlived the run"


def test_sigterm_to_the_whole_group_stops_workers_without_failing_articles(tmp_path: Path) -> None:
    """A service manager stops every process of the group: the workers wait for the parent to stop them."""
    folder = _folder(tmp_path)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "summarizer", "batch", str(folder), "-o", str(out), "--workers", "2"]
    code, err, group = _stop_mid_run(command, out, group=True)
    assert code == 128 + signal.SIGTERM, err[-2000:]
    assert "Traceback" not in err and err.strip().splitlines()[-1].endswith(RESUME)
    rows = _rows(out)
    assert 30 <= len(rows) < 400
    assert [row["error"] for row in rows if row["status"] != "ok"] == [], "a worker died of the SIGTERM"
    assert not (tmp_path / ".out.jsonl.lock").exists()
    assert _gone(group), "a worker outlived the run"


def test_sigterm_still_writes_a_whole_file_format(tmp_path: Path) -> None:
    """A JSON array is written at the end of the run: SIGTERM must not leave it unwritten."""
    folder = _folder(tmp_path)
    out = tmp_path / "out.json"
    command = [sys.executable, "-m", "summarizer", "batch", str(folder), "-o", str(out), "--workers", "1"]
    code, err, _ = _stop_mid_run(command, tmp_path / ".out.json.jsonl", group=False)  # its journal grows meanwhile
    assert code == 143, err[-2000:]
    held = json.loads(out.read_text(encoding="utf-8"))
    assert 30 <= len(held) < 400 and err.strip().splitlines()[-1].endswith(f"{out} holds {len(held)}; {RESUME}")


def test_the_handler_is_taken_only_where_nobody_handles_sigterm_and_given_back() -> None:
    previous = signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        with SigtermStop() as stop:
            assert signal.getsignal(signal.SIGTERM) == stop._on_sigterm
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL

        def mine(signum: int, frame: object) -> None:
            pass

        signal.signal(signal.SIGTERM, mine)
        with SigtermStop():
            assert signal.getsignal(signal.SIGTERM) is mine  # a caller's own handler is left alone
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_a_sigterm_while_closing_waits_then_raises_terminated() -> None:
    previous = signal.signal(signal.SIGTERM, signal.SIG_DFL)
    closed = False
    try:
        with pytest.raises(Terminated), SigtermStop() as stop:
            assert signal.getsignal(signal.SIGTERM) == stop._on_sigterm  # else the kill below would end pytest
            stop.closing()
            os.kill(os.getpid(), signal.SIGTERM)  # deferred: the closing goes on
            time.sleep(0.05)
            closed = True
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert closed


def test_stops_while_holding_are_noted_and_nobody_may_replace_their_handlers() -> None:
    """What ray.init runs under: its own SIGTERM handler would end the process wherever its start is."""
    previous = signal.signal(signal.SIGTERM, signal.SIG_DFL)
    interrupt, real = signal.getsignal(signal.SIGINT), signal.signal
    try:
        with pytest.raises(Terminated), SigtermStop() as stop:
            with stop.holding() as came:
                signal.signal(signal.SIGTERM, lambda signum, frame: None)  # as ray.init does: left as it is
                os.kill(os.getpid(), signal.SIGTERM)
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(0.05)
                assert came == [signal.SIGTERM, signal.SIGINT]
                with pytest.raises(KeyboardInterrupt):  # a second Ctrl-C leaves at once
                    os.kill(os.getpid(), signal.SIGINT)
                    time.sleep(0.05)
            assert signal.getsignal(signal.SIGTERM) == stop._on_sigterm
            assert signal.getsignal(signal.SIGINT) is interrupt
            assert signal.signal is real and stop.received
    finally:
        signal.signal(signal.SIGTERM, previous)


def double(summarizer: Any, payload: Any) -> Any:
    """A worker op: doubles a number."""
    return payload * 2


def test_a_sigterm_to_a_worker_leaves_it_to_the_parent_which_still_stops_it() -> None:
    """As with Ctrl-C, a worker outlives a SIGTERM to the group (the parent stops the pool); close() still ends it."""
    import asyncio

    from summarizer.batch import WorkerPool
    from summarizer.config import resolve_settings

    pool = WorkerPool(resolve_settings(engine="extractive", use_cache=False), 2)
    try:
        pids = pool.pids
        for pid in pids:  # some are still starting (signals blocked then), some serving
            os.kill(pid, signal.SIGTERM)

        async def main() -> list[Any]:
            return list(await asyncio.gather(*(pool.call(double, n) for n in range(8))))

        assert asyncio.run(asyncio.wait_for(main(), 60)) == [2 * n for n in range(8)]
        assert pool.deaths == 0
    finally:
        started = time.monotonic()
        pool.close()
    assert time.monotonic() - started < 15
    assert not [pid for pid in pids if Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)]


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"
