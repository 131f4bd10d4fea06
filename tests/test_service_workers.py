"""The service's extractive worker processes: each loads the engine as it starts, and SIGTERM leaves nothing open."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from summarizer.config import resolve_settings
from summarizer.service.pool import WorkerPool
from tests.conftest import article
from tests.service_process import ServiceProcess

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


def loaded(engine: str | None, call: dict[str, Any]) -> tuple[int, bool]:
    """Op run in a worker: its pid, and whether the engine was loaded before any article came."""
    from summarizer.service import pool

    time.sleep(0.2)  # both workers take some of these calls
    return os.getpid(), "summarizer.batch.worker_ready" in sys.modules and None in pool._made


def test_every_worker_loads_the_engine_as_it_starts(tmp_path: Path) -> None:
    options = {"engine": "extractive", "cache_dir": str(tmp_path / "cache")}
    resolve_settings(**options)  # the options are valid ones

    async def main() -> tuple[list[int], list[tuple[int, bool]]]:
        pool = WorkerPool(2, options)
        try:
            pids = await asyncio.wait_for(pool.warm(), 60)
            loop = asyncio.get_running_loop()
            calls = [loop.run_in_executor(pool._pool, loaded, None, {}) for _ in range(6)]
            return pids, list(await asyncio.wait_for(asyncio.gather(*calls), 60))
        finally:
            await pool.shutdown()

    pids, answers = asyncio.run(main())
    assert len(pids) == 2, "warm() should hear from both workers"
    assert {pid for pid, _ in answers} == set(pids)
    assert all(ready for _, ready in answers), "a worker had not loaded the engine before its first article"


def test_the_server_counts_every_worker_and_stops_on_sigterm_with_nothing_leaked(tmp_path: Path) -> None:
    server = ServiceProcess(tmp_path / "srv", workers="2").start()
    try:
        ready = [json.loads(line) for line in server.log_text().splitlines() if "worker processes ready" in line]
        assert [entry["message"] for entry in ready] == ["2 extractive worker processes ready"]
        assert len(set(ready[0]["workers"])) == 2 and set(ready[0]["workers"]) <= set(server.children())
        with server.client() as client:
            response = client.post("/v1/summaries", json={"text": article("valdoria-border.txt")})
            assert response.status_code == 200, response.text
        helpers = server.children()  # the workers and multiprocessing's resource tracker
        started = time.monotonic()
        code = server.stop(timeout=20)
        assert time.monotonic() - started < 20
    finally:
        server.kill()
    assert code in (0, -15)  # uvicorn re-raises SIGTERM after its clean shutdown
    deadline = time.monotonic() + 10  # the resource tracker writes its warning as it exits, after the server
    while time.monotonic() < deadline and any(_alive(pid) for pid in helpers):
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in helpers), "a worker or the resource tracker outlived the server"
    log = server.log_text()
    assert not [line for line in log.splitlines() if "leaked" in line], log[-2000:]
    assert "Traceback" not in log


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def stuck(engine: str | None, call: dict[str, Any]) -> None:
    """Op run in a worker: an article that never ends (bounded here at 60 s)."""
    time.sleep(60)


def test_a_worker_stuck_on_an_article_is_killed_at_shutdown(tmp_path: Path) -> None:
    options = {"engine": "extractive", "cache_dir": str(tmp_path / "cache")}

    async def main() -> tuple[list[int], float]:
        pool = WorkerPool(1, options)
        pids = await asyncio.wait_for(pool.warm(), 60)
        asyncio.get_running_loop().run_in_executor(pool._pool, stuck, None, {})
        await asyncio.sleep(0.3)  # the worker has taken it
        started = time.monotonic()
        await pool.shutdown(timeout=0.5)
        return pids, time.monotonic() - started

    pids, seconds = asyncio.run(main())
    assert seconds < 10 and not _alive(pids[0])
