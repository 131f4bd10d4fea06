"""Worker processes for the extractive engine: pure-Python CPU work that threads would serialise on the GIL.

Each process builds its own Summarizer with the service's options (the record cache is
shared on disk) and is started with ``spawn``, so nothing of the server's state is
inherited. A worker whose server is gone (even by SIGKILL) exits within a second.

A worker that dies breaks the whole pool (``ProcessPoolExecutor``). While the pool
starts, that ends the start at once with a ``PoolError`` saying which worker died and
how. Later, the articles in flight fail with ``WorkerDied`` and a new pool starts the
same way; an article sent after the death waits for it instead of failing.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.connection import Connection, wait
from typing import Any

from ..api import Summarizer
from ..batch.workers import PoolError, WorkerDied
from ..models import SummaryRecord

__all__ = ["WorkerPool"]

logger = logging.getLogger("summarizer.service")

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


def _watch(processes: list[Any], stop: Connection) -> bool:
    """Wait until one of the processes ends (True), or until told to stop watching or START_SECONDS pass."""
    sentinels = [process.sentinel for process in processes]
    ready = wait([*sentinels, stop], timeout=START_SECONDS)
    return any(sentinel in ready for sentinel in sentinels)


def _exit_code(process: Any) -> int | None:
    """The exit code of a process that has ended (waiting a second for it to be reaped), else None."""
    deadline = time.monotonic() + 1.0
    while True:
        with contextlib.suppress(ValueError):  # closed: it ended long ago
            if process.exitcode is not None or not wait([process.sentinel], 0):
                return process.exitcode  # type: ignore[no-any-return]
        if time.monotonic() > deadline:
            return None
        time.sleep(0.01)


def _how(code: int | None) -> str:
    """How a worker ended, from its exit code."""
    if code is None:
        return "it ended"
    if code < 0:
        name = signal.Signals(-code).name if -code in signal.valid_signals() else f"signal {-code}"
        return f"killed by {name}" + (": out of memory, or kill -9" if -code == signal.SIGKILL else "")
    if code == 0:
        return "loading the engine failed: its traceback is in the log above"
    return f"exit code {code}"


def _dead_worker(ended: list[tuple[Any, int]]) -> str:
    """Which worker died and how, of those that ended (process, exit code)."""
    # once one has died, the executor ends the others with SIGTERM: the first that ended otherwise is the cause
    ended = sorted(ended, key=lambda pair: pair[1] == -signal.SIGTERM)
    if not ended:
        return "an extractive worker process"
    return f"extractive worker process {ended[0][0].pid} ({_how(ended[0][1])})"


def _start_failed(processes: list[Any]) -> str:
    """Why a start that a worker's death ended failed: which one died and how, and what to do."""
    ended = [(process, code) for process in processes if (code := _exit_code(process)) is not None]
    return (
        f"{_dead_worker(ended)} died while it was starting, so the service cannot summarize; fix what the log says "
        "(a module that cannot be imported, too little memory, a process killed) and start it again, or set "
        "SUMMARIZER_SERVICE_WORKERS=0 to summarize in threads of the server's own process"
    )


class WorkerPool:
    """A fixed number of worker processes, started at once, each loading the engine as it starts."""

    def __init__(self, workers: int, options: dict[str, Any]) -> None:
        self.workers = workers
        self.options = options
        self.restarts = 0  # new pools started because a worker died
        self.failed: str | None = None  # why the workers could not start: every call raises PoolError saying it
        self._restarting: asyncio.Task[list[int]] | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        all_started = context.Barrier(self.workers)  # the executor holds it (its initargs) until shutdown
        initargs = (self.options, os.getpid(), all_started)
        self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_start, initargs=initargs)
        return self._pool

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            raise RuntimeError("the worker pool is shut down")
        return self._pool

    async def warm(self) -> list[int]:
        """Start every worker and wait until each has loaded the engine; the process ids of those that answered.

        One call per worker, each held until all of them run: no worker can take two,
        so the ids are distinct, one per worker started. A worker that dies meanwhile
        ends the wait at once: the pool is shut down and PoolError says which and how.
        """
        executor = self._executor()
        loop = asyncio.get_running_loop()
        answered = asyncio.gather(*(loop.run_in_executor(executor, _warm) for _ in range(self.workers)))
        processes = list((getattr(executor, "_processes", None) or {}).values())  # each call started one
        stop, stop_watching = multiprocessing.Pipe(duplex=False)
        watching = asyncio.ensure_future(asyncio.to_thread(_watch, processes, stop))
        try:
            either: list[asyncio.Future[Any]] = [answered, watching]
            await asyncio.wait(either, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stop_watching.send_bytes(b"")
            died = await asyncio.shield(watching)
            stop.close()
            stop_watching.close()
        if not died and not answered.done():
            # a slow start, no death: each worker gives up on the barrier after START_SECONDS and answers
            await asyncio.wait([answered])
        if answered.done() and answered.exception() is None:
            return sorted(set(answered.result()))
        # before the others are ended: which one died first (waiting up to a second for it, off the loop)
        self.failed = await asyncio.to_thread(_start_failed, processes)
        for process in processes:  # the pool is broken: the others end now, rather than wait on the start barrier
            with contextlib.suppress(OSError, ValueError):
                process.kill()
        cause = answered.exception() if answered.done() else None
        answered.cancel()
        with contextlib.suppress(BaseException):
            await answered
        del executor, processes  # the traceback keeps this frame: the pool's semaphores go with the pool
        await self.shutdown()
        raise PoolError(self.failed) from cause

    async def summarize(self, engine: str | None, call: dict[str, Any]) -> SummaryRecord:
        """Summarize one article in a worker; WorkerDied if a worker dies meanwhile (the pool then starts anew)."""
        loop = asyncio.get_running_loop()
        executor = await self._working()
        try:
            work = loop.run_in_executor(executor, _summarize, engine, call)
        except BrokenProcessPool:  # a worker died since the last article, holding none: this one waits for new ones
            self._restart(executor)
            executor = await self._working()
            work = loop.run_in_executor(executor, _summarize, engine, call)
        try:
            return await work
        except BrokenProcessPool as exc:
            self._restart(executor)
            raise WorkerDied(
                "an extractive worker process died while this article was being summarized (killed, or out of "
                "memory: the server's log says which and how); new workers are starting: send the article again"
            ) from exc

    async def _working(self) -> ProcessPoolExecutor:
        """The executor to send work to, once a restart in progress has finished; PoolError if it failed."""
        if self._restarting is not None:
            await asyncio.shield(self._restarting)
        if self.failed is not None:  # a new error each time: one raised again keeps each traceback (and the pool)
            raise PoolError(self.failed)
        return self._executor()

    def _restart(self, broken: ProcessPoolExecutor) -> None:
        """Replace a broken executor by a new one, started as at start-up (once, whichever call noticed it first)."""
        if self._pool is not broken:
            return
        self.restarts += 1
        processes = list((getattr(broken, "_processes", None) or {}).values())
        ended = [(process, code) for process in processes if (code := process.exitcode) is not None]
        logger.error(
            "%s died: restarting the extractive workers", _dead_worker(ended), extra={"restarts": self.restarts}
        )
        broken.shutdown(wait=False, cancel_futures=True)  # its workers are already ended
        self._new_pool()
        self._restarting = asyncio.ensure_future(self._rewarm())

    async def _rewarm(self) -> list[int]:
        """Start the new workers; if one dies as it starts, ``failed`` says so to every later call (and /readyz)."""
        try:
            pids = await self.warm()
        except PoolError as exc:
            logger.error("%s", exc)
            return []
        logger.info("%d extractive worker processes ready again", len(pids), extra={"workers": pids})
        return pids

    async def shutdown(self, timeout: float = STOP_SECONDS) -> None:
        """Stop the workers; work not started is dropped (its batch rows go back in the queue).

        Waits for them (a worker still busy after ``timeout`` seconds is killed), so the
        pool's queues and locks are closed before the server exits: a server that exits
        with them open (uvicorn ends by re-raising SIGTERM) leaves multiprocessing's
        resource tracker to report them as leaked semaphores.
        """
        restarting = self._restarting
        if restarting is not None and not restarting.done() and restarting is not asyncio.current_task():
            restarting.cancel()  # new workers starting: they stop with the rest
            with contextlib.suppress(asyncio.CancelledError):
                await restarting
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
