"""Worker processes for the extractive engine: pure-Python CPU work that threads would serialise on the GIL.

Each process builds its own Summarizer with the service's options (the record cache is
shared on disk) and is started with ``spawn``, so nothing of the server's state is
inherited. A worker whose server is gone (even by SIGKILL) exits within a second.
"""

from __future__ import annotations

import asyncio
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


def _watch_parent(parent: int) -> None:
    while True:
        if os.getppid() != parent:
            os._exit(0)
        time.sleep(0.5)


def _start(options: dict[str, Any], parent: int) -> None:
    """Worker initializer: keep the options, ignore Ctrl-C (the server stops us), die with the server."""
    _options.update(options)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _warm() -> int:
    """Load the engine's modules before the first request."""
    import summarizer.extractive
    import summarizer.ingest.boilerplate  # noqa: F401

    return os.getpid()


def _summarize(engine: str | None, call: dict[str, Any]) -> SummaryRecord:
    """Run ``Summarizer.summarize`` in this worker, with the Summarizer for the engine."""
    summarizer = _made.get(engine)
    if summarizer is None:
        summarizer = _made[engine] = Summarizer(**{**_options, **({"engine": engine} if engine else {})})
    return summarizer.summarize(**call)


class WorkerPool:
    """A fixed number of worker processes, started at once and warmed up."""

    def __init__(self, workers: int, options: dict[str, Any]) -> None:
        self.workers = workers
        context = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(
            workers, mp_context=context, initializer=_start, initargs=(options, os.getpid())
        )

    async def warm(self) -> list[int]:
        """Start every worker and load its modules; their process ids."""
        loop = asyncio.get_running_loop()
        return list(await asyncio.gather(*(loop.run_in_executor(self._pool, _warm) for _ in range(self.workers))))

    async def summarize(self, engine: str | None, call: dict[str, Any]) -> SummaryRecord:
        """Summarize one article in a worker."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, _summarize, engine, call)

    def shutdown(self) -> None:
        """Stop the workers; work not started is dropped (its batch rows go back in the queue)."""
        self._pool.shutdown(wait=False, cancel_futures=True)
