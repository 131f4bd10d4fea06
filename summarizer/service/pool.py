"""Worker processes for the extractive engine: pure-Python CPU work that threads would serialise on the GIL.

Each process builds its own Summarizer with the service's options (the record cache is
shared on disk) and is started with ``spawn``, so nothing of the server's state is
inherited. A worker whose server is gone (even by SIGKILL) exits within a second.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from ..api import Summarizer
from ..models import SummaryRecord

__all__ = ["WorkerPool"]

_options: dict[str, Any] = {}
_made: dict[str | None, Summarizer] = {}
_all_started: Any = None  # a Barrier of every worker: warm() returns once each one has started
START_SECONDS = 120.0  # at most, for every worker to start and load the engine
STOP_SECONDS = 5.0  # at most, for the workers to finish the articles they hold at shutdown (an article takes ms)


def _watch_parent(parent: int) -> None:
    while True:
        if os.getppid() != parent:
            os._exit(0)
        time.sleep(0.5)


def _start(options: dict[str, Any], parent: int, all_started: Any = None) -> None:
    """Worker initializer: keep the options, ignore Ctrl-C (the server stops us), die with the server, load the engine.

    Every worker loads the engine here, as it starts, whichever calls it takes later:
    no first request pays for it.
    """
    global _all_started
    _options.update(options)
    _all_started = all_started
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    _load()


def _load() -> None:
    """The engine's modules, its patterns compiled, and the Summarizer for the default engine."""
    import summarizer.batch.worker_ready  # compiles the patterns and runs the engine once on a short article
    import summarizer.ingest.boilerplate  # noqa: F401

    with contextlib.suppress(Exception):  # a Summarizer that cannot be built says why on the request that needs it
        _made[None] = Summarizer(**_options)


def _warm() -> int:
    """Wait until every worker holds one of these calls (so each has started), then say which process this is."""
    if _all_started is not None:
        with contextlib.suppress(threading.BrokenBarrierError):  # one did not start in time: counted as missing
            _all_started.wait(timeout=START_SECONDS)
    return os.getpid()


def _summarize(engine: str | None, call: dict[str, Any]) -> SummaryRecord:
    """Run ``Summarizer.summarize`` in this worker, with the Summarizer for the engine."""
    summarizer = _made.get(engine)
    if summarizer is None:
        summarizer = _made[engine] = Summarizer(**{**_options, **({"engine": engine} if engine else {})})
    return summarizer.summarize(**call)


class WorkerPool:
    """A fixed number of worker processes, started at once, each loading the engine as it starts."""

    def __init__(self, workers: int, options: dict[str, Any]) -> None:
        self.workers = workers
        context = multiprocessing.get_context("spawn")
        all_started = context.Barrier(workers)  # the executor holds it (its initargs) until shutdown
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start, initargs=(options, os.getpid(), all_started)
        )

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            raise RuntimeError("the worker pool is shut down")
        return self._pool

    async def warm(self) -> list[int]:
        """Start every worker and wait until each has loaded the engine; the process ids of those that answered.

        One call per worker, each held until all of them run: no worker can take two,
        so the ids are distinct, one per worker started.
        """
        loop = asyncio.get_running_loop()
        calls = (loop.run_in_executor(self._executor(), _warm) for _ in range(self.workers))
        return sorted(set(await asyncio.gather(*calls)))

    async def summarize(self, engine: str | None, call: dict[str, Any]) -> SummaryRecord:
        """Summarize one article in a worker."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor(), _summarize, engine, call)

    async def shutdown(self, timeout: float = STOP_SECONDS) -> None:
        """Stop the workers; work not started is dropped (its batch rows go back in the queue).

        Waits for them (a worker still busy after ``timeout`` seconds is killed), so the
        pool's queues and locks are closed before the server exits: a server that exits
        with them open (uvicorn ends by re-raising SIGTERM) leaves multiprocessing's
        resource tracker to report them as leaked semaphores.
        """
        pool, self._pool = self._pool, None
        if pool is None:
            return
        processes = list((getattr(pool, "_processes", None) or {}).values())
        stopping = threading.Thread(target=pool.shutdown, kwargs={"wait": True, "cancel_futures": True}, daemon=True)
        stopping.start()
        await asyncio.to_thread(stopping.join, timeout)
        if stopping.is_alive():  # an article holds a worker: kill it, and the pool ends at once
            for process in processes:
                with contextlib.suppress(OSError, ValueError):
                    process.kill()
            await asyncio.to_thread(stopping.join, 5.0)
        del pool  # with it its queues and the start barrier: their semaphores are released here
