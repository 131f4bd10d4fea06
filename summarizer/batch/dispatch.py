"""How a batch's articles reach a pool of worker processes: which pool, how many workers, each article through it.

An extractive batch streams its inputs through CPU workers (``through_workers``),
its first articles summarized here while the pool starts. An LLM batch sends
each article through ``pooled``: CPU work in a worker, the request on this event
loop, or in the worker itself when its workers ask the server (``asks_in_workers``).
"""

from __future__ import annotations

import asyncio
import os
import time
from collections import deque
from collections.abc import AsyncGenerator, Iterable
from functools import partial
from typing import Any

from .discovery import Found
from .outcome import Encoded, Result
from .worker_main import Reply, ask_op, error_record, finish_op, prepare_op, summarize_op
from .workers import PoolError, WorkerPool

__all__ = [
    "MIN_ARTICLES_PER_WORKER",
    "asks_in_workers",
    "auto_workers",
    "pool_for",
    "pooled",
    "through_workers",
    "usable_cores",
]

MIN_ARTICLES_PER_WORKER = 64  # below this a worker costs more to start than it saves


def usable_cores() -> int:
    """Cores this process may run on (its CPU affinity), at least 1."""
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        count = counter()
    else:
        try:
            count = len(os.sched_getaffinity(0))
        except AttributeError:  # macOS, Windows
            count = os.cpu_count()
    return max(1, count or 1)


def auto_workers(articles: int, cores: int | None = None) -> int:
    """Processes for an extractive batch of this many articles: one per core, but only where each gets enough work.

    LLM batches default to one process: their event loop needs a core of its own,
    and a pool's start-up would delay a run that must fail fast on a dead server.
    """
    cores = usable_cores() if cores is None else cores
    return max(1, min(cores, articles // MIN_ARTICLES_PER_WORKER))


def asks_in_workers(summarizer: Any) -> bool:
    """True when a pool's workers may ask the LLM server themselves: each can build the same client from settings.

    Not for the embedded local server (one per process would load the model
    again) nor for a client given its own transport or sleep (tests, callers).
    """
    client = getattr(summarizer, "client", None)
    if summarizer.engine != "llm" or client is None or summarizer.settings.provider == "local":
        return False
    injected = (client._http_client, client._async_http_client, client._sleep, client._async_sleep)
    return all(part is None for part in injected)


def pool_for(summarizer: Any, workers: int, concurrency: int) -> WorkerPool:
    """The pool a batch needs: asking workers (``concurrency`` split among them) where they may, else CPU workers.

    An extractive pool starts in the background: until its workers exist, this
    process summarizes the first articles itself (``through_workers``).
    """
    window = -(-concurrency // workers)
    asking = asks_in_workers(summarizer)
    extractive = summarizer.engine != "llm"
    return WorkerPool(
        summarizer.settings, workers, asking=asking, window=window, wait=not extractive, run=summarizer.run
    )


async def pooled(summarizer: Any, pool: WorkerPool, found: Any) -> Encoded | Result:
    """One article of an LLM batch through the pool: CPU work in a worker, the request on this event loop or there.

    The record comes back encoded, as the line to write (``Encoded.decode`` reads it).
    """
    if found.error is not None:
        raise found.error
    if pool.asking:
        breaker = summarizer.client.breaker
        if pool.stopped is not None:  # one worker stopped asking: so does the run, with one warning, from here
            breaker.adopt(*pool.stopped)
        breaker.check()
        return await pool.call(ask_op, found)  # type: ignore[no-any-return]
    prepared = await pool.call(prepare_op, found)
    if isinstance(prepared, Encoded):  # a cached record, or the article failed before its request
        return prepared
    started = time.perf_counter()
    answer = await summarizer.client.aextract(prepared.messages, prepared.document.text)
    reply = Reply.of(answer, time.perf_counter() - started)
    return await pool.call(finish_op, (prepared, found.article_id, found.source, reply))  # type: ignore[no-any-return]


async def through_workers(
    summarizer: Any, items: Iterable[Found], pool: WorkerPool, limit: int
) -> AsyncGenerator[Result | Encoded, None]:
    """The extractive engine in CPU workers: each result taken as its worker sends it, with no task per article.

    Up to ``limit`` articles are in the pool or waiting to be yielded; each result
    makes room for the next input. While the pool is still starting, this process
    summarizes inputs itself. If discovery fails or no worker can run, the results
    already in the pool come out first, then the error is raised.
    """
    inputs = iter(items)
    ready: deque[Result | Encoded] = deque()
    pending: set[asyncio.Future[Any]] = set()
    arrived = asyncio.Event()
    stop: BaseException | None = None
    more = True

    def settle(found: Found, future: asyncio.Future[Any]) -> None:
        nonlocal stop
        pending.discard(future)
        arrived.set()
        if future.cancelled():
            return
        error = future.exception()
        if error is None:
            ready.append(future.result())
        elif isinstance(error, PoolError):  # no worker can run: the run stops rather than fail every article
            stop = stop or error
        else:
            ready.append(error_record(found.article_id, found.source, error))

    def draw() -> Found | None:
        """The next input; None at the end, or when discovery failed (kept to raise once the pool is empty)."""
        nonlocal stop, more
        try:
            found = next(inputs, None)
        except Exception as exc:
            stop, found = exc, None
        more = found is not None
        return found

    try:
        while True:
            while more and stop is None and len(pending) + len(ready) < limit and not pool.starting:
                found = draw()
                if found is None:
                    break
                if found.error is not None:
                    ready.append(error_record(found.article_id, found.source, found.error))
                    continue
                try:
                    future = pool.submit(summarize_op, found)
                except PoolError as exc:
                    stop = exc
                    break
                pending.add(future)
                future.add_done_callback(partial(settle, found))
            if ready:
                yield ready.popleft()
            elif more and stop is None and pool.starting:  # its fork server is still loading the engine
                found = draw()
                if found is not None:
                    yield await _here(summarizer, found)
            elif pending:
                arrived.clear()
                await arrived.wait()
            elif stop is not None:
                raise stop
            else:
                return
    finally:  # closed early: what is still queued for the workers is not wanted any more
        for future in pending:
            future.cancel()


async def _here(summarizer: Any, found: Found) -> Result:
    """One article in this process (the pool still starting); a failure becomes its error record."""
    try:
        return await summarizer.asummarize(found.load(), article_id=found.article_id)  # type: ignore[no-any-return]
    except Exception as exc:
        return error_record(found.article_id, found.source, exc)
