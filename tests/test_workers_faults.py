"""A pool of CPU workers under faults: deaths between articles, discovery failing mid-run, runs of unreadable inputs."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer.batch import Found, WorkerPool, list_inputs, read_inputs
from summarizer.batch.runner import summarize_found
from summarizer.batch.workers import PoolError, WorkerDied
from summarizer.config import resolve_settings
from tests.conftest import SHARED

BBC = SHARED / "corpus" / "bbc-news"
pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1", r".*/pymp-[^/]+/listener-"])


class KillsOnPickle:
    """A result whose pickling kills the worker: it dies after its op returned, while `current` is IDLE."""

    def __reduce__(self) -> Any:
        os.kill(os.getpid(), signal.SIGKILL)
        raise AssertionError("unreachable")


def double_or_poison(summarizer: Any, payload: Any) -> Any:
    """Op: doubles a number; "poison" returns a result the worker dies sending."""
    return KillsOnPickle() if payload == "poison" else payload * 2


def _call_each(op: Any, payloads: list[Any], timeout: float) -> tuple[list[Any], int]:
    """Each payload through one worker, every error caught as the result: the results and the deaths."""
    settings = resolve_settings(engine="extractive", use_cache=False)

    async def main(pool: WorkerPool) -> list[Any]:
        async def one(payload: Any) -> Any:
            try:
                return await pool.call(op, payload)
            except (WorkerDied, RuntimeError) as exc:
                return exc

        return await asyncio.gather(*(one(p) for p in payloads))

    with WorkerPool(settings, 1) as pool:
        try:
            return asyncio.run(asyncio.wait_for(main(pool), timeout)), pool.deaths
        except TimeoutError:
            pytest.fail(f"no result in {timeout} s; the worker died {pool.deaths} times")


def test_a_worker_that_dies_outside_an_op_does_not_respawn_for_ever() -> None:
    results, _ = _call_each(double_or_poison, [1, 2, "poison", 3, 4], timeout=10)
    assert [r for r in results if not isinstance(r, WorkerDied)] == [2, 4, 6, 8]


def _items(count: int) -> list[Found]:
    base, paths = list_inputs(BBC)
    return list(read_inputs(base, paths[:count]))


def test_a_discovery_failure_still_yields_the_articles_already_in_the_pool() -> None:
    """One process yields every article drawn before discovery raised; the pool should too."""
    from summarizer import Summarizer

    settings = resolve_settings(engine="extractive", use_cache=False)
    good = _items(60)

    def items() -> Iterator[Found]:
        yield from good[:50]
        raise RuntimeError("discovery broke")

    async def main(pool: WorkerPool | None) -> list[Any]:
        got: list[Any] = []
        async with Summarizer(settings=settings) as summarizer:
            with pytest.raises(RuntimeError, match="discovery broke"):
                async for result in summarize_found(summarizer, items(), pool=pool):
                    got.append(result)
        return got

    alone = asyncio.run(asyncio.wait_for(main(None), 60))
    with WorkerPool(settings, 2) as pool:
        pooled = asyncio.run(asyncio.wait_for(main(pool), 60))
    assert len(alone) == 50
    assert len(pooled) == 50


def test_a_run_of_unreadable_inputs_is_not_read_to_its_end_before_the_first_result(tmp_path: Path) -> None:
    from summarizer import Summarizer

    for n in range(2000):
        (tmp_path / f"e{n:04d}.txt.gz").write_bytes(b"not gzip")  # an error record at discovery
    base, paths = list_inputs(tmp_path)
    settings = resolve_settings(engine="extractive", use_cache=False)
    drawn = 0

    def items() -> Iterator[Found]:
        nonlocal drawn
        for item in read_inputs(base, paths):
            drawn += 1
            yield item

    async def main(pool: WorkerPool) -> int:
        async with Summarizer(settings=settings) as summarizer:
            async for _ in summarize_found(summarizer, items(), pool=pool):
                return drawn
        return drawn

    with WorkerPool(settings, 2) as pool:
        at_first = asyncio.run(asyncio.wait_for(main(pool), 60))
    assert at_first <= 200, f"{at_first} inputs read before the first result"


def test_a_worker_that_cannot_be_replaced_stops_the_run_instead_of_hanging(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = resolve_settings(engine="extractive", use_cache=False)
    real, calls = WorkerPool._start, []

    def start(self: WorkerPool) -> Any:
        calls.append(1)
        if len(calls) > 1:
            raise OSError(24, "Too many open files")
        return real(self)

    monkeypatch.setattr(WorkerPool, "_start", start)

    async def main(pool: WorkerPool) -> list[Any]:
        async def one(n: int) -> Any:
            try:
                return await pool.call(double_or_poison, n)
            except Exception as exc:
                return exc

        futures = [asyncio.ensure_future(one(n)) for n in range(200)]
        await asyncio.sleep(0.05)
        os.kill(pool.pids[0], signal.SIGKILL)
        return await asyncio.gather(*futures)

    with WorkerPool(settings, 1) as pool:
        try:
            results = asyncio.run(asyncio.wait_for(main(pool), 10))
        except TimeoutError:
            pytest.fail("the calls waited for ever on a pool with no worker left")
    assert any(isinstance(r, PoolError) for r in results)


class RefusesPickle:
    """A result that cannot be pickled: the worker must not die sending it."""

    def __reduce__(self) -> Any:
        raise TypeError("no pickling this")


def double_or_refuse(summarizer: Any, payload: Any) -> Any:
    """Op: doubles a number; "refuse" returns a result that cannot be sent back."""
    return RefusesPickle() if payload == "refuse" else payload * 2


def test_a_result_that_cannot_be_sent_fails_only_its_article() -> None:
    results, deaths = _call_each(double_or_refuse, [1, "refuse", 2, 3], timeout=30)
    assert deaths == 0
    assert results[0] == 2 and results[2:] == [4, 6]
    assert isinstance(results[1], RuntimeError) and "cannot be sent" in str(results[1])


_ops_here = 0  # summarize_or_die's count of the ops this worker process has run


def summarize_or_die(summarizer: Any, found: Found) -> Any:
    """The batch's worker op, but the first worker to reach its fourth article while ``die-once`` exists dies on it.

    The three articles before it are done (and in the cache) but not yet sent: a
    worker sends a batch's results as it starts the batch's last article.
    """
    global _ops_here
    from summarizer.batch.worker_main import summarize_op

    marker = found.path.parent.parent / "die-once"
    if _ops_here >= 3 and marker.exists():
        with contextlib.suppress(FileNotFoundError):  # the other worker may have taken it
            marker.unlink()
            os.kill(os.getpid(), signal.SIGKILL)
    _ops_here += 1
    return summarize_op(summarizer, found)


def test_articles_redone_after_a_worker_died_are_not_marked_cached_in_a_cold_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from summarizer.batch import dispatch, run_batch, runner

    folder = tmp_path / "in"
    folder.mkdir()
    seen: set[bytes] = set()
    for path in sorted(BBC.glob("*/*.txt"))[::20]:  # distinct texts: a repeated text is served from its twin's entry
        if len(seen) < 48 and path.read_bytes() not in seen:
            seen.add(path.read_bytes())
            (folder / f"{path.parent.name}-{path.name}").symlink_to(path)
    (tmp_path / "die-once").touch()
    monkeypatch.setattr(dispatch, "summarize_op", summarize_or_die)
    started = runner.pool_for

    def pool_for(*args: Any) -> WorkerPool:  # every article through the workers: none done here while they start
        pool = started(*args)
        while pool.starting:
            time.sleep(0.01)
        return pool

    monkeypatch.setattr(runner, "pool_for", pool_for)
    out = tmp_path / "out.jsonl"
    report = run_batch(folder, out=out, workers=2, engine="extractive", cache_dir=tmp_path / "cache")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert report.worker_deaths == 1 and not (tmp_path / "die-once").exists()
    assert len(rows) == 48 and [r["error_type"] for r in rows if r["status"] != "ok"] == ["WorkerDied"]
    cached = [r["article_id"] for r in rows if r["status"] == "ok" and r["cached"]]
    assert cached == [] and report.cached == 0, f"{len(cached)} articles computed in this cold run marked cached"
    again = run_batch(folder, out=tmp_path / "b.jsonl", workers=2, engine="extractive", cache_dir=tmp_path / "cache")
    assert again.cached == 47 and again.worker_deaths == 0  # a later run is served from the cache, and says so
