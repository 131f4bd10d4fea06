"""Batch workers that hang: stuck starting, or making no progress on an article, are stopped and the batch goes on.

A worker that hangs is alive and silent, so nothing but a time limit notices it:
``worker_start_timeout`` until it says ready, ``worker_stall_timeout`` on what it
holds (``batch/worker_watch.py``). Here the limits are a fraction of a second and
every wait is bounded.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import summarizer.batch.workers as workers
from summarizer.batch import WorkerPool
from summarizer.batch.workers import WorkerDied, WorkerStuck
from summarizer.config import resolve_settings
from tests.conftest import MARKER_KEY, SHARED
from tests.hanging_workers import fail_at, started
from tests.test_sigterm import _gone

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1", r".*/pymp-[^/]+/listener-"])

BBC = SHARED / "corpus" / "bbc-news"
QUICK = {"worker_start_timeout": 0.5, "worker_stall_timeout": 0.5, "use_cache": False}


def _folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(BBC.glob("*/*.txt"))[:count]:
        (folder / f"{path.parent.name}-{path.name}").symlink_to(path)
    return folder


def _big_folder(tmp_path: Path, count: int) -> Path:
    """More articles than one process does in the fork server's 10 s: the BBC set again under other names."""
    folder = tmp_path / "in"
    folder.mkdir()
    paths = sorted(BBC.glob("*/*.txt"))
    for n in range(count):
        path = paths[n % len(paths)]
        (folder / f"{n // len(paths)}-{path.parent.name}-{path.name}").symlink_to(path)
    return folder


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _batch(tmp_path: Path, folder: Path, starts: str, how: str = "hang", limit: int = 1) -> tuple[int, str, int]:
    """The CLI with some workers failing as they start (in ``limit`` s): (exit code, stderr, process group)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env |= {"HANGING_MARKER": str(tmp_path / "worker"), "HANGING_STARTS": starts, "HANGING_HOW": how}
    env |= {"SUMMARIZER_WORKER_START_TIMEOUT": str(limit), "SUMMARIZER_USE_CACHE": "0"}
    if how == "preload":
        env["HANGING_IMPORT"] = "1"
    command = [sys.executable, "-m", "tests.hanging_workers", "batch", str(folder), "-o", str(tmp_path / "out.jsonl")]
    command += ["--workers", "2", "--engine", "extractive", "--no-progress"]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        _, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        process.communicate()
        pytest.fail("the batch was still waiting for its stuck workers after 60 s")
    return process.returncode, err.decode(), process.pid


def test_a_worker_stuck_starting_is_stopped_and_replaced_and_the_batch_does_every_article(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 300)
    code, err, group = _batch(tmp_path, folder, "0")
    assert code == 0, err[-2000:]
    rows = _rows(tmp_path / "out.jsonl")
    assert len(rows) == 300 and len({r["article_id"] for r in rows}) == 300
    assert {r["status"] for r in rows} == {"ok"}
    assert "a worker process did not say it was ready within 1 s of starting and was stopped" in err
    assert "SUMMARIZER_WORKER_START_TIMEOUT" in err
    pids = started(tmp_path / "worker")
    assert len(pids) >= 3, "the stuck worker was not replaced"
    assert _gone(group) and not _alive(pids[0])


def test_workers_that_all_hang_starting_stop_the_run_saying_what_to_do_and_workers_1_does_the_rest(
    tmp_path: Path,
) -> None:
    folder = _folder(tmp_path, 600)
    code, err, group = _batch(tmp_path, folder, "all")
    assert code == 1, err[-2000:]
    last = err.strip().splitlines()[-1]
    assert last.startswith("error: worker processes keep failing to start: the last one did not say it was ready")
    assert "--no-cache" in last and "SUMMARIZER_WORKER_START_TIMEOUT" in last and "--workers 1" in last
    assert "Traceback" not in err
    assert len(started(tmp_path / "worker")) == 2  # none tried again: none had started, another would wait as long
    assert _gone(group) and not any(_alive(pid) for pid in started(tmp_path / "worker"))
    done = _rows(tmp_path / "out.jsonl")  # what this process did itself while its workers were starting
    assert len({r["article_id"] for r in done}) == len(done) < 600
    _resume_in_one_process(tmp_path, folder, done, 600)


def _resume_in_one_process(tmp_path: Path, folder: Path, done: list[dict[str, Any]], count: int) -> None:
    """What the error says to do: --workers 1 does the rest, keeping what the stopped run wrote."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    command = [sys.executable, "-m", "summarizer", "batch", str(folder), "-o", str(tmp_path / "out.jsonl")]
    again = subprocess.run(
        [*command, "--workers", "1", "--no-cache", "--no-progress"], env=env, capture_output=True, timeout=120
    )
    assert again.returncode == 0, again.stderr.decode()[-2000:]
    rows = _rows(tmp_path / "out.jsonl")
    assert rows[: len(done)] == done and len({r["article_id"] for r in rows}) == len(rows) == count


def test_a_fork_server_stuck_loading_is_stopped_and_the_run_says_what_to_do(tmp_path: Path) -> None:
    """Python waits for a fork server with no limit: the parent did every article itself, then never ended."""
    folder = _big_folder(tmp_path, 3500)
    code, err, group = _batch(tmp_path, folder, "none", "preload")
    assert code == 1, err[-2000:]
    last = err.strip().splitlines()[-1]
    assert last.startswith(
        "error: the server process that starts the worker processes did not start one within 10 s and was stopped"
    )
    assert "SUMMARIZER_WORKER_START_TIMEOUT" in last and "--workers 1" in last and "Traceback" not in err
    assert _gone(group)
    done = _rows(tmp_path / "out.jsonl")  # what this process did itself meanwhile
    assert len({r["article_id"] for r in done}) == len(done) < 3500
    _resume_in_one_process(tmp_path, folder, done, 3500)


def test_a_batch_done_while_its_fork_server_is_stuck_loading_ends_without_waiting_for_it(tmp_path: Path) -> None:
    """A short batch is done in this process while the pool starts; closing, it waited for its fork server."""
    folder = _folder(tmp_path, 40)
    code, err, group = _batch(tmp_path, folder, "none", "preload", limit=300)  # _batch gives up after 60 s
    assert code == 0, err[-2000:]
    rows = _rows(tmp_path / "out.jsonl")
    assert len(rows) == 40 and {r["status"] for r in rows} == {"ok"}
    assert _gone(group)


def test_a_worker_that_exits_starting_is_replaced_at_once(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 300)
    code, err, _ = _batch(tmp_path, folder, "0", "exit")
    assert code == 0, err[-2000:]
    assert len(_rows(tmp_path / "out.jsonl")) == 300
    assert "was stopped" not in err  # its death was seen, not waited out
    assert len(started(tmp_path / "worker")) == 3


def test_a_slot_whose_workers_keep_hanging_is_given_up_and_the_others_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(workers, "serve", fail_at(tmp_path / "worker", {1, 2, 3}))
    settings = resolve_settings(engine="extractive", **QUICK)

    async def main(pool: WorkerPool) -> list[Any]:
        calls = [pool.call(double_slowly, n) for n in range(300)]
        return list(await asyncio.gather(*calls))

    with caplog.at_level(logging.WARNING, logger="summarizer"), WorkerPool(settings, 2) as pool:
        results = asyncio.run(asyncio.wait_for(main(pool), 30))
        assert pool.deaths == 3 and len(pool.pids) == 1
    assert results == [2 * n for n in range(300)]
    assert "a worker process failed to start" in caplog.text and "the batch goes on with 1" in caplog.text


def double_slowly(summarizer: Any, payload: int) -> int:
    """Op: doubles a number, taking 10 ms."""
    time.sleep(0.01)
    return payload * 2


def sleep_op(summarizer: Any, payload: float) -> float:
    """Op: sleeps payload seconds in the worker (a hang when it is long), then returns it."""
    time.sleep(payload)
    return payload


def test_a_cpu_worker_stuck_on_an_article_fails_only_that_one_and_is_replaced() -> None:
    settings = resolve_settings(engine="extractive", **QUICK)

    async def main(pool: WorkerPool) -> list[Any]:
        async def one(payload: float) -> Any:
            try:
                return await pool.call(sleep_op, payload)
            except WorkerDied as exc:
                return exc

        return list(await asyncio.gather(*(one(p) for p in [0.0, 0.2, 600.0, 0.0, 0.3, 0.0])))

    with WorkerPool(settings, 1) as pool:
        try:
            results = asyncio.run(asyncio.wait_for(main(pool), 30))
        except TimeoutError:
            pytest.fail("the pool waited on a stuck worker")
        assert pool.deaths == 1
    assert results[:2] == [0.0, 0.2] and results[3:] == [0.0, 0.3, 0.0]  # 0.3 s: under 0.5 s, not stuck
    stuck = results[2]
    assert isinstance(stuck, WorkerStuck)
    assert str(stuck) == (
        "the worker process on this article made no progress for 0.5 s and was stopped (to allow longer, set "
        "worker_stall_timeout or SUMMARIZER_WORKER_STALL_TIMEOUT); the other articles went on; rerun with "
        "--retry-failed to try it again"
    )


async def wait_op(summarizer: Any, payload: float) -> float:
    """Asking-worker op: waits payload seconds on the worker's loop (as for a slow server), then returns it."""
    await asyncio.sleep(payload)
    return payload


def block_op(summarizer: Any, payload: float) -> float:
    """Asking-worker op: blocks the worker's loop for payload seconds (a hang when it is long)."""
    time.sleep(payload)
    return payload


def test_an_asking_worker_whose_loop_is_stuck_fails_what_it_holds_but_one_waiting_on_its_server_is_left_alone() -> None:
    base = resolve_settings(api_key=MARKER_KEY, base_url="http://127.0.0.1:9/v1", engine="llm", **QUICK)
    settings = replace(base, worker_start_timeout=30.0, worker_stall_timeout=1.0)  # it may load the SDKs first

    async def main(pool: WorkerPool) -> list[Any]:
        waited = await pool.call(wait_op, 2.5)  # 2.5 s with the loop turning: not stuck
        try:
            await pool.call(block_op, 600.0)
        except WorkerDied as exc:
            stuck: Any = exc
        return [waited, stuck, await pool.call(wait_op, 0.0)]

    with WorkerPool(settings, 1, asking=True) as pool:
        try:
            waited, stuck, after = asyncio.run(asyncio.wait_for(main(pool), 30))
        except TimeoutError:
            pytest.fail("the pool waited on a stuck worker")
        assert pool.deaths == 1
    assert (waited, after) == (2.5, 0.0)
    assert isinstance(stuck, WorkerStuck) and "made no progress for 1 s and was stopped" in str(stuck)


def test_the_limits_are_settings_that_must_be_positive() -> None:
    settings = resolve_settings(env={"SUMMARIZER_WORKER_START_TIMEOUT": "5", "SUMMARIZER_WORKER_STALL_TIMEOUT": "9"})
    assert (settings.worker_start_timeout, settings.worker_stall_timeout) == (5.0, 9.0)
    assert (resolve_settings(env={}).worker_start_timeout, resolve_settings(env={}).worker_stall_timeout) == (30, 300)
    from summarizer.errors import ConfigError

    with pytest.raises(ConfigError, match="worker_stall_timeout must be greater than 0"):
        resolve_settings(env={}, worker_stall_timeout=0)
