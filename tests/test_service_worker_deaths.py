"""Extractive worker processes that die: at start-up the server stops at once and says why; later, new ones start."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from summarizer.batch.workers import WorkerDied
from summarizer.service.errors import status_for
from summarizer.service.pool import WorkerPool
from tests.conftest import article, proc_stats
from tests.service_process import ServiceProcess

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
BOUND = 30.0  # seconds a failed start may take at most (two workers load in about 2 s; the old wait was 120 s)


def _alive(pid: int) -> bool:
    return any(int(entry.name) == pid and stat[0] != "Z" for entry, stat in proc_stats())


def _start_failing(tmp_path: Path, fault: str) -> tuple[int, float, str, set[int]]:
    """Start a server whose second worker fails as DYING_WORKER_FAULT says: exit code, seconds, log, workers seen."""
    server = ServiceProcess(tmp_path / "srv", [sys.executable, "-m", "tests.dying_workers"], workers="2")
    pid_file = tmp_path / "worker.pid"
    server.env |= {"DYING_WORKER": "SpawnProcess-2", "DYING_WORKER_FAULT": fault, "DYING_WORKER_PID": str(pid_file)}
    started = time.monotonic()
    process = server.launch()
    seen: set[int] = set()
    killed = False
    try:
        while process.poll() is None and time.monotonic() - started < BOUND:
            with contextlib.suppress(OSError):
                seen |= set(server.children())
            if fault == "slow" and not killed and pid_file.exists() and pid_file.read_text():
                os.kill(int(pid_file.read_text()), signal.SIGKILL)  # while it loads the engine
                killed = True
            time.sleep(0.05)
        seconds = time.monotonic() - started
    finally:
        server.kill()
    assert fault != "slow" or killed, "the slow worker never started loading"
    return process.returncode, seconds, server.log_text(), seen


@pytest.mark.parametrize(
    ("fault", "how"),
    [
        ("slow", "(killed by SIGKILL: out of memory, or kill -9)"),
        ("exit", "(exit code 3)"),
        ("import", "ImportError: No module named 'summarizer_missing_part'"),
    ],
)
def test_a_worker_dying_as_it_starts_stops_the_server_at_once_saying_why(tmp_path: Path, fault: str, how: str) -> None:
    code, seconds, log, seen = _start_failing(tmp_path, fault)
    assert seconds < BOUND, f"the server was still starting after {BOUND} s:\n{log[-3000:]}"
    assert code == 1, f"exit code {code}:\n{log[-3000:]}"
    error = log.strip().splitlines()[-1]  # the CLI's last word, on standard error
    assert error.startswith("error: extractive worker process "), log[-3000:]
    assert "died while it was starting" in error and "SUMMARIZER_SERVICE_WORKERS=0" in error, error
    assert how in log, log[-3000:]
    logged = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    assert any(entry["level"] == "error" and "died while it was starting" in entry["message"] for entry in logged)
    assert not any("worker processes ready" in entry["message"] for entry in logged)
    deadline = time.monotonic() + 5  # the other worker and the resource tracker end with the server
    while time.monotonic() < deadline and any(_alive(pid) for pid in seen):
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in seen), "a worker outlived the server"
    assert "leaked" not in ServiceProcess(tmp_path / "srv").log_text()  # the resource tracker's last word


def test_a_slow_start_is_no_death(tmp_path: Path) -> None:
    # the second worker loads 4 s late against a 2 s start limit: the server starts with the worker that answered
    # (it was reported as a worker that died, and the server stopped)
    server = ServiceProcess(tmp_path / "srv", [sys.executable, "-m", "tests.dying_workers"], workers="2")
    server.env |= {
        "DYING_WORKER": "SpawnProcess-2",
        "DYING_WORKER_FAULT": "late",
        "DYING_WORKER_SECONDS": "4",
        "DYING_START_SECONDS": "2",
    }
    server.start()
    try:
        with server.client() as client:
            assert client.post("/v1/summaries", json={"text": article("valdoria-border.txt")}).status_code == 200
    finally:
        server.stop()
    assert "died while it was starting" not in server.log_text()


def test_a_worker_that_dies_while_idle_costs_no_request_and_the_workers_restart(tmp_path: Path) -> None:
    server = ServiceProcess(tmp_path / "srv", workers="2").start()
    try:
        ready = [json.loads(line) for line in server.log_text().splitlines() if "worker processes ready" in line]
        workers = ready[0]["workers"]
        with server.client() as client:
            assert client.post("/v1/summaries", json={"text": article("valdoria-border.txt")}).status_code == 200
            os.kill(workers[0], signal.SIGKILL)
            time.sleep(0.5)  # the pool has seen it die
            answers = [client.post("/v1/summaries", json={"text": article("orlen-ceasefire.txt")}) for _ in range(3)]
            assert [answer.status_code for answer in answers] == [200] * 3, [answer.text for answer in answers]
            assert client.get("/readyz").status_code == 200
    finally:
        server.stop()
    log = [json.loads(line) for line in server.log_text().splitlines() if line.startswith("{")]
    messages = [entry["message"] for entry in log]
    died = f"extractive worker process {workers[0]} (killed by SIGKILL: out of memory, or kill -9) died: "
    assert died + "restarting the extractive workers" in messages, messages
    again = [entry["workers"] for entry in log if entry["message"] == "2 extractive worker processes ready again"]
    assert len(again) == 1 and not set(again[0]) & set(workers)


def test_new_workers_that_cannot_start_leave_the_service_saying_it_must_be_started_again(tmp_path: Path) -> None:
    server = ServiceProcess(tmp_path / "srv", [sys.executable, "-m", "tests.dying_workers"], workers="2")
    server.env |= {"DYING_WORKER": "SpawnProcess-3", "DYING_WORKER_FAULT": "import"}  # the first of the new ones
    server.start()
    try:
        ready = [json.loads(line) for line in server.log_text().splitlines() if "worker processes ready" in line]
        with server.client() as client:
            os.kill(ready[0]["workers"][0], signal.SIGKILL)
            time.sleep(0.5)
            answer = client.post("/v1/summaries", json={"text": article("orlen-ceasefire.txt")})
            assert answer.status_code == 500, answer.text
            assert "died while it was starting" in answer.json()["error"] and "start it again" in answer.json()["error"]
            readiness = client.get("/readyz")
            assert readiness.status_code == 503 and readiness.json() == {"status": "failed"}
            assert client.post("/v1/summaries", json={"text": "A short one. It has two sentences."}).status_code == 500
        helpers = server.children()
    finally:
        server.stop()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(pid) for pid in helpers):
        time.sleep(0.05)
    log = server.log_text()
    assert "ImportError: No module named 'summarizer_missing_part'" in log
    assert "leaked" not in log, log[-2000:]


def test_an_article_whose_worker_dies_fails_with_worker_died_and_the_next_one_runs(tmp_path: Path) -> None:
    options = {"engine": "extractive", "cache_dir": str(tmp_path / "cache")}
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)  # a worker reading it waits for a writer: the article stays in flight until we close it

    async def main() -> tuple[BaseException | None, Any, int]:
        pool = WorkerPool(2, options)
        try:
            pids = await asyncio.wait_for(pool.warm(), 60)
            held = asyncio.ensure_future(pool.summarize(None, {"text_or_path": fifo}))
            writer = await asyncio.wait_for(_open_writer(fifo), 30)  # a worker has opened it
            try:
                os.kill(pids[0], signal.SIGKILL)
                failed = await asyncio.wait_for(asyncio.gather(held, return_exceptions=True), 30)
            finally:
                os.close(writer)
            record = await asyncio.wait_for(
                pool.summarize(None, {"text_or_path": article("kestria-two-fronts.txt")}), 60
            )
            return failed[0], record, pool.restarts
        finally:
            await pool.shutdown()

    error, record, restarts = asyncio.run(main())
    assert isinstance(error, WorkerDied), repr(error)
    assert "send the article again" in str(error)
    assert status_for(error) == 503
    assert record.status == "ok" and record.engine == "extractive" and restarts == 1


async def _open_writer(fifo: Path) -> int:
    """Open the pipe for writing once a reader has it open (polled: there is no event for it)."""
    while True:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # ENXIO: nobody reads it yet
            await asyncio.sleep(0.05)
