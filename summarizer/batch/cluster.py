"""What runs inside Ray: one Summarizer per worker actor, and one actor holding the run's rate limits.

Plain classes here; ``distributed`` wraps them with ``ray.remote`` when a run
starts, so importing this module never imports Ray.

The disk cache is per node: each worker actor opens the cache folder of the
settings on its own node's disk, so a record cached on one node is not seen on
another. Nothing depends on that cache: the driver keys the output by
``article_id`` and resumes from the output alone.
"""

from __future__ import annotations

import asyncio
import os
import resource
import socket
from dataclasses import replace
from typing import Any

from ..config import Settings, default_cache_dir
from ..llm.retrying import Pace
from .discovery import Found
from .outcome import Result, record_of
from .runner import _process

__all__ = ["PaceKeeper", "SharedPace", "Worker", "peak_rss_mib"]


def peak_rss_mib(pid: int | None = None) -> float:
    """Peak resident memory of a process in MiB (VmHWM on Linux; this process's ru_maxrss elsewhere)."""
    try:
        with open(f"/proc/{pid or 'self'}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    if pid is None or pid == os.getpid():
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return 0.0


class PaceKeeper:
    """A Ray actor holding the token buckets of --rpm/--tpm (the batch runner's ``Pace``) for the whole cluster."""

    def __init__(self, rpm: int | None, tpm: int | None) -> None:
        self._pace = Pace(rpm, tpm)

    async def acquire(self, tokens: int) -> None:
        """Wait until one request of about this many tokens fits the cluster's budgets, then spend it."""
        await self._pace.acquire(tokens)


class SharedPace(Pace):
    """A ``Pace`` whose buckets live in the cluster's PaceKeeper actor, so every worker draws on the same budget."""

    def __init__(self, keeper: Any, rpm: int | None, tpm: int | None) -> None:
        super().__init__(rpm, tpm)
        self._keeper = keeper

    async def acquire(self, tokens: int = 0) -> None:
        """Wait for the PaceKeeper actor's go-ahead."""
        await self._keeper.acquire.remote(tokens)


class Worker:
    """A Ray actor: one Summarizer, running chunks of articles with at most ``concurrency`` in flight.

    Its cache is the cache folder on its own node (see the module docstring).
    """

    def __init__(self, settings: Settings, concurrency: int, keeper: Any = None, run: str | None = None) -> None:
        from ..api import Summarizer

        if settings.cache_dir is None:  # none was given: this node's default folder, as for its own user
            settings = replace(settings, cache_dir=default_cache_dir())
        self._summarizer = Summarizer(settings)
        self._summarizer.run = run  # the batch run's id (``Summarizer.run``)
        client = self._summarizer._client
        if keeper is not None and client is not None:
            # the client paces each request itself; here its buckets are the cluster's
            client._pace = SharedPace(keeper, settings.rpm, settings.tpm)
        self._limit = asyncio.Semaphore(concurrency)

    async def ready(self) -> dict[str, Any]:
        """Where this worker runs: process id and host."""
        return {"pid": os.getpid(), "host": socket.gethostname()}

    async def run(self, items: list[Found]) -> list[Result]:
        """Summarize a chunk of articles; every one comes back as a record or an error record, in order."""

        async def one(found: Found) -> Result:
            async with self._limit:
                return record_of(await _process(self._summarizer, found, None))

        return list(await asyncio.gather(*(one(found) for found in items)))

    async def stats(self) -> dict[str, Any]:
        """Process id, host, peak resident memory and CPU seconds used."""
        times = os.times()
        cpu = round(times.user + times.system, 3)
        return {**(await self.ready()), "peak_rss_mib": peak_rss_mib(), "cpu_seconds": cpu}

    async def close(self) -> None:
        """Release the Summarizer's clients and cache."""
        await self._summarizer.aclose()
