"""An LLM batch with --workers N asks the server from the workers: same records, failures per article, exactly once."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx2
import pytest

from summarizer import Summarizer
from summarizer.batch import WorkerPool, list_inputs, read_inputs, run_batch
from summarizer.batch.dispatch import asks_in_workers
from summarizer.batch.runner import summarize_found
from summarizer.batch.worker_main import _asking_summarizer
from summarizer.config import resolve_settings
from tests.fault_server import FaultServer, always, mixed
from tests.test_breaker import closed_port, fictional_articles
from tests.test_workers import BBC, FAST, _link, by_id, rows_of

# the fork server of asking pools listens on a Unix socket of its own (multiprocessing pymp-* folder)
pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1", r".*/pymp-[^/]+/listener-"])


def test_llm_batch_over_workers_asks_from_them_and_writes_what_one_process_writes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _link(folder, sorted(BBC.glob("*/*.txt"))[5::60][:30])
    plan = mixed(
        {
            "fine": (),
            "again": ("invalid_json",),
            "slow": ("429", "500"),
            "liar": ("ungrounded",) * 2,
            "down": ("503",) * 3,
        }
    )
    outs, seen = [], []
    for workers in (1, 3):
        out = tmp_path / f"out-{workers}.jsonl"
        with FaultServer(plan, max_requests=400, max_seconds=60) as server:
            report = run_batch(folder, out=out, workers=workers, concurrency=7, base_url=server.url, **FAST)
            seen.append(sorted((k, tuple(v)) for k, v in server.log.by_article.items()))
        assert report.llm_in_workers is (workers > 1)
        assert report.found == report.written == 30
        outs.append(by_id(rows_of(out)))
    assert outs[0] == outs[1]
    assert seen[0] == seen[1]  # the server was asked the same things, the same number of times
    rows = outs[1].values()
    assert {r["status"] for r in rows} == {"ok", "error"}
    assert sum(r["attempts"]["reasks"] for r in rows if r["status"] == "ok") > 0
    assert sum(r["attempts"]["transport_retries"] for r in rows if r["status"] == "ok") > 0


def test_a_dead_server_fails_every_article_once_with_workers(tmp_path: Path) -> None:
    folder = fictional_articles(tmp_path / "articles", 60)
    out = tmp_path / "out.jsonl"
    url = f"http://127.0.0.1:{closed_port()}/v1"
    started = time.perf_counter()
    report = run_batch(folder, out=out, engine="llm", base_url=url, use_cache=False, concurrency=8, workers=2)
    elapsed = time.perf_counter() - started
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert report.llm_in_workers and elapsed < 30, elapsed
    pids = [u["pid"] for u in report.worker_usage]
    assert len(pids) == 2 and not [pid for pid in pids if Path(f"/proc/{pid}").exists()], "a worker outlived the run"
    assert len(rows) == len({r["article_id"] for r in rows}) == 60 == report.found == report.failed
    assert Counter(r["error_type"] for r in rows) == {"ServiceUnreachable": 60}
    assert sum(r["attempts"] for r in rows) <= 2 * 8  # each worker's breaker stops its own share at once
    assert {r["error"] for r in rows if r["attempts"] == 0} == {
        f"not attempted: {url} could not be reached (connection refused, 3 times in a row)"
    }


def test_a_killed_asking_worker_fails_what_it_held_and_every_article_is_written_once(tmp_path: Path) -> None:
    base, paths = list_inputs(BBC)
    items = list(read_inputs(base, paths[3::25][:40]))

    async def main(pool: WorkerPool, url: str) -> list[Any]:
        results: list[Any] = []
        async with Summarizer(base_url=url, **FAST) as summarizer:
            async for result in summarize_found(summarizer, items, concurrency=8, pool=pool):
                results.append(result)
                if len(results) == 5:
                    busy = max(pool.busy().items(), key=lambda kv: kv[1])[0]
                    os.kill(busy, signal.SIGKILL)
        return results

    with FaultServer(always("ok"), latency=0.1, max_requests=200, max_seconds=60) as server:
        settings = resolve_settings(base_url=server.url, **FAST)
        with WorkerPool(settings, 2, asking=True, window=4) as pool:
            results = asyncio.run(asyncio.wait_for(main(pool, server.url), 90))
            assert pool.deaths == 1 and len(pool.pids) == 2
    ids = [r.article_id for r in results]
    assert sorted(ids) == sorted(item.article_id for item in items), "an article was lost or written twice"
    failed = [r for r in results if r.status == "error"]
    assert 1 <= len(failed) <= 4  # what the killed worker held: at most its window
    assert {r.error_type for r in failed} == {"WorkerDied"}
    assert all("rerun with --retry-failed" in r.error for r in failed)


def warmed(summarizer: Any, payload: Any) -> bool:
    """Op: whether this worker has the SDKs loaded and warmed."""
    import sys

    return "summarizer.batch.worker_warm" in sys.modules


def test_asking_workers_are_warm_even_when_a_cpu_pool_started_the_fork_server() -> None:
    # the fork server's preload is decided by the first pool of a process; a CPU pool's leaves the SDKs out
    with WorkerPool(resolve_settings(engine="extractive", use_cache=False), 1) as pool:
        asyncio.run(asyncio.wait_for(pool.call(warmed, None), 60))  # the fork server now runs, if it did not
    settings = resolve_settings(base_url="http://127.0.0.1:9/v1", **FAST)
    with WorkerPool(settings, 1, asking=True) as pool:
        assert asyncio.run(asyncio.wait_for(pool.call(warmed, None), 60)) is True


def test_one_workers_breaker_stops_the_whole_run_with_one_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # a dead server: each worker's client would stop on its own, its warning lost in the worker
    folder = fictional_articles(tmp_path / "articles", 60)
    url = f"http://127.0.0.1:{closed_port()}/v1"
    out = tmp_path / "out.jsonl"
    with caplog.at_level("WARNING", logger="summarizer"):
        report = run_batch(folder, out=out, base_url=url, concurrency=8, workers=2, **FAST)
    rows = rows_of(out)
    assert report.llm_in_workers and len(rows) == report.failed == 60
    assert Counter(r["error_type"] for r in rows) == {"ServiceUnreachable": 60}
    assert sum(r["attempts"] > 0 for r in rows) <= 8  # the first wave, 4 a worker; nothing after it was sent
    warned = [r.getMessage() for r in caplog.records if "stopped asking the server" in r.getMessage()]
    assert warned == [f"stopped asking the server: {url} could not be reached (connection refused, 3 times in a row)"]


def test_each_asking_worker_gets_its_share_of_the_rate_limits() -> None:
    settings = resolve_settings(base_url="http://127.0.0.1:9/v1", rpm=90, tpm=60_000, **FAST)
    summarizer = _asking_summarizer(settings, 1 / 3)
    pace = summarizer.client._pace
    assert (pace.rpm, pace.tpm) == pytest.approx((30, 20_000))
    unlimited = _asking_summarizer(resolve_settings(base_url="http://127.0.0.1:9/v1", **FAST), 0.5)
    assert unlimited.client._pace is None
    summarizer.close()
    unlimited.close()


def test_requests_stay_in_the_parent_when_workers_could_not_build_the_same_client() -> None:
    url = "http://127.0.0.1:9/v1"
    assert asks_in_workers(Summarizer(base_url=url, **FAST))
    assert not asks_in_workers(Summarizer(engine="extractive", use_cache=False))
    given = Summarizer(base_url=url, async_http_client=httpx2.AsyncClient(), **FAST)
    assert not asks_in_workers(given)


def test_the_fork_servers_warm_up_loads_without_network_or_cache() -> None:
    """The fork server skips a preload that fails to import, silently: so it is imported here, offline."""
    import importlib
    import sys

    from summarizer.batch.workers import PRELOAD

    sys.modules.pop("summarizer.batch.worker_warm", None)
    for name in PRELOAD:
        importlib.import_module(name)
    assert "summarizer.batch.worker_warm" in sys.modules
