"""A pool of worker processes for batch runs: ingestion, the extractive engine and the verifier off the event loop.

Each worker is a process forked from a server that loaded the engine once
(``_context``), holding one Summarizer built from the run's settings
(``worker_main``). The parent sends work in batches over a pipe (one message
per batch) and reads results as they come, with ``loop.add_reader``; a record
comes back as the JSON line to write (``outcome.Encoded``). The only thread in the parent is the one that starts an
extractive pool's workers while the parent summarizes the first articles.

Two ways to split an LLM batch. A plain pool keeps the LLM requests on the
parent's event loop, its workers reading the articles and checking the answers.
With ``asking=True`` (what ``pool_for`` picks where ``asks_in_workers`` allows) each worker has its own
server client and event loop and takes an article from its file to its record,
with ``window`` articles in flight and its share of the rate limits; the parent
only reads, dispatches and writes.

A CPU worker (the extractive engine, or the reading and checking of a plain
LLM pool) sends most of a batch's results in one message as it starts the
batch's last article (the parent then sends the next batch), and keeps the ticket
of the article it is on in shared memory: if it dies (killed, out of memory),
that article alone gets an error record, the others it held (done but not sent,
or not started) go back to the queue, and a new worker takes its place. When a
worker dies between articles (a batch it cannot read, a result it dies sending),
what it held goes back as suspect: each is then sent alone to an idle worker,
and a worker that dies holding one alone fails that one. An
asking worker works on every article it holds at once: if it dies, each of those
gets an error record (rerun with ``--retry-failed``), and a new worker takes its
place.

A worker that hangs (starting, or on what it holds) is stopped and counted as
dead (``worker_watch``); its articles fail with ``WorkerStuck``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import signal
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing import resource_tracker
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from typing import Any

from ..config import Settings
from ..errors import SummarizerError
from . import worker_watch as watch
from .worker_main import IDLE, STOP_SIGNALS, Failed, Json, serve
from .worker_watch import Pulse

__all__ = ["MAX_BATCH", "PoolError", "WorkerDied", "WorkerPool", "WorkerStuck"]

logger = logging.getLogger("summarizer")

MAX_BATCH = 8  # articles per message to a worker: few messages, yet work spread evenly
PIPE_SAFE = 16_384  # bytes of a message to a busy worker: within a socket pair's buffer on Linux and macOS
START_FAILURES = 3  # workers in a row dying before they are ready: the pool gives up
Op = Callable[[Any, Any], Any]


class WorkerDied(SummarizerError):
    """The worker process summarizing an article died before it finished."""


class WorkerStuck(WorkerDied):
    """The worker process summarizing an article made no progress for ``worker_stall_timeout`` and was stopped."""


class PoolError(SummarizerError):
    """The worker processes cannot start or keep failing."""


PRELOAD = ["summarizer.batch.worker_main", "summarizer.api", "summarizer.batch.worker_warm"]  # the SDKs, warmed
CPU_PRELOAD = ["summarizer.batch.worker_main", "summarizer.api", "summarizer.batch.worker_ready"]  # the engine, warm


def _context(asking: bool) -> Any:
    """Where it exists, a fork server that imports once what every worker needs: workers start ready.

    Asking workers get the SDKs loaded and warmed (about 1 s; ``worker_warm``), CPU
    workers the engine with its patterns compiled (about 0.5 s, ``worker_ready``,
    instead of once per worker). Safe with
    threads like spawn (the server is a fresh process), and it lasts as long as this
    one: a later pool forks from the same server (with what it loaded first).
    Elsewhere (Windows), spawn.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD if asking else CPU_PRELOAD)
    return context


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    pid: int | None = None
    inflight: deque[int] = field(default_factory=deque)
    current: Any = None  # a CPU worker's shared ticket of the item it runs (IDLE between items)
    pulse: Pulse | None = None  # its progress as the parent sees it (worker_watch)
    stuck: str | None = None  # why the parent stopped it, if it hung


class WorkerPool:
    """Worker processes that run ops (top-level functions of a Summarizer and a payload) in batches.

    Start it before the event loop (the first pool of a process waits while its fork
    server imports the engine, about 0.3 s; workers then start ready), ``await
    call(op, payload)`` from the loop, and ``close()`` at the end.
    ``asking=True``: each worker asks the LLM server itself, ``window`` articles at once.
    ``wait=False``: the workers start from a thread, and ``starting`` says so
    meanwhile; calls made in that time wait for them. ``run``: the batch run's id,
    so an article a dead worker stored and another did again is not marked cached.
    """

    def __init__(
        self,
        settings: Settings,
        workers: int,
        *,
        max_batch: int = MAX_BATCH,
        asking: bool = False,
        window: int = 8,
        wait: bool = True,
        run: str | None = None,
    ) -> None:
        if workers < 1:
            raise PoolError("a pool needs at least 1 worker")
        if window < 1:
            raise PoolError("a worker's window needs at least 1 article")
        self.settings = settings
        self.size = workers
        self.max_batch = max_batch
        self.asking = asking
        self.window = window
        self.run = run  # the batch run the workers' Summarizers work in (``Summarizer.run``)
        self.deaths = 0  # workers that died during the run (each replaced)
        self.stopped: tuple[str, str] | None = None  # an asking worker's breaker stopped: (error kind, reason)
        self._context = _context(asking)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._lock = threading.Lock()  # between the starting thread and the loop: the worker list, the loop
        self._workers: list[_Worker] = []
        self._queue: deque[int] = deque()
        self._items: dict[int, tuple[Op, Any, asyncio.Future[Any]]] = {}
        self._next = 0
        self._pump_scheduled = False
        self._start_failures = 0
        self._suspects: set[int] = set()  # held by a CPU worker that died between articles: sent alone
        self._broken: PoolError | None = None
        self._closed = False
        self._starter: threading.Thread | None = None
        if wait:
            try:
                for _ in range(workers):
                    self._workers.append(self._start())
            except BaseException:  # the workers started so far go with the pool that failed
                self.close()
                raise
        else:
            self._starter = threading.Thread(target=self._start_all, name="summarizer-pool-start", daemon=True)
            self._starter.start()

    @property
    def starting(self) -> bool:
        """True while a pool started with ``wait=False`` is still starting its workers."""
        return self._starter is not None and self._starter.is_alive()

    def _start_all(self) -> None:
        """The starting thread: start every worker, each watched by the loop once it runs."""
        try:
            for _ in range(self.size):
                if self._closed:
                    return
                worker = self._start()
                with self._lock:
                    self._workers.append(worker)
                    loop = self._loop
                if loop is not None:
                    loop.call_soon_threadsafe(self._watch, worker)
        except Exception as exc:  # the calls waiting on it fail with the reason
            if self._closed:
                return
            why = f"worker processes cannot start: {type(exc).__name__}: {exc}"
            error = exc if isinstance(exc, PoolError) else PoolError(why)
            with self._lock:
                self._broken, loop = error, self._loop
            if loop is not None:
                loop.call_soon_threadsafe(self._fail, error)

    @property
    def pids(self) -> list[int]:
        """Process ids of the live workers."""
        return [w.process.pid for w in self._workers if w.process.pid is not None]

    def usage(self) -> list[dict[str, float]]:
        """Each live worker's CPU seconds and peak resident memory (MB), read from /proc (empty elsewhere)."""
        return [u for w in self._workers if w.process.pid is not None and (u := watch.proc_usage(w.process.pid))]

    def busy(self) -> dict[int, int]:
        """Items each worker holds now, by process id."""
        return {w.process.pid: len(w.inflight) for w in self._workers}

    def _start(self) -> _Worker:
        mine, theirs = self._context.Pipe()
        share = 1 / self.size if self.asking else 0.0  # of the run's rate limits
        shared = self._context.RawValue("q", IDLE)  # a CPU worker's ticket, an asking worker's beats
        args = (theirs, self.settings, share, shared, self.run)
        process = self._context.Process(target=serve, args=args, daemon=True)
        # A Ctrl-C while a process is still importing would print its traceback, and a SIGTERM to the
        # group would kill it: what starts now (the fork server on a pool's first start, or a spawned
        # worker) inherits SIGINT and SIGTERM blocked until it ignores them; the parent gets any of this
        # moment after it. Forked workers are ready at once.
        blocked = hasattr(signal, "pthread_sigmask")
        if blocked:
            resource_tracker.ensure_running()  # started later, it would unblock them in the middle of this

            previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        forked = self._context.get_start_method() == "forkserver"
        try:
            with watch.fork_server_deadline(self.settings) if forked else contextlib.nullcontext() as fired:
                process.start()
        except Exception as exc:
            theirs.close()
            if fired is not None and fired.is_set():
                raise PoolError(watch.fork_server_stuck(self.settings)) from exc
            raise
        finally:
            if blocked:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS - set(previous))
        theirs.close()  # so a dead worker reads as EOF here
        current = None if self.asking else shared
        return _Worker(process, mine, current=current, pulse=Pulse(shared, self.asking))

    def _watch(self, worker: _Worker) -> None:
        assert self._loop is not None
        self._loop.add_reader(worker.conn.fileno(), self._readable, worker)
        self._loop.add_reader(worker.process.sentinel, self._ended, worker)

    def _unwatch(self, worker: _Worker) -> None:
        if self._loop is not None:
            for fd in (worker.conn.fileno(), worker.process.sentinel):
                with contextlib.suppress(OSError, ValueError):
                    self._loop.remove_reader(fd)

    async def call(self, op: Op, payload: Any) -> Any:
        """Run op(summarizer, payload) in a worker; raise WorkerDied if the worker dies on it."""
        return await self.submit(op, payload)

    def submit(self, op: Op, payload: Any) -> asyncio.Future[Any]:
        """Queue op(summarizer, payload) for a worker, from the event loop; the future settles with its value.

        It fails with WorkerDied if the worker dies on it, with PoolError if no worker
        can run, and with RuntimeError if the op raised in the worker.
        """
        if self._broken is not None:
            raise self._broken
        if self._closed:
            raise PoolError("the worker pool is closed")
        if self._loop is None:
            with self._lock:
                self._loop = asyncio.get_running_loop()
                started = list(self._workers)
            for worker in started:
                self._watch(worker)
            self._loop.call_later(watch.tick(self.settings), self._look)
        ticket, self._next = self._next, self._next + 1
        future: asyncio.Future[Any] = self._loop.create_future()
        self._items[ticket] = (op, payload, future)
        self._queue.append(ticket)
        if not self._pump_scheduled:  # items queued in this turn of the loop go out together
            self._pump_scheduled = True
            self._loop.call_soon(self._pump)
        return future

    def _look(self) -> None:
        """Each tick: stop a worker stuck starting or on its work (``worker_watch``); its sentinel then fires."""
        if self._closed or self._broken is not None or self._loop is None:
            return
        with self._lock:
            workers = list(self._workers)
        for worker, why in watch.hung(workers, self.settings):
            worker.stuck = why
            with contextlib.suppress(OSError):
                worker.process.kill()
        self._loop.call_later(watch.tick(self.settings), self._look)

    def _settled(self, ticket: int) -> bool:
        """True (and forgotten) when an item's future is done before a worker took it: it was cancelled."""
        entry = self._items.get(ticket)
        if entry is not None and not entry[2].done():
            return False
        self._items.pop(ticket, None)
        return True

    def _room(self, worker: _Worker) -> int:
        """Items a worker may take now: an asking worker up to its window, a CPU worker a batch on its last item."""
        if self.asking:
            return self.window - len(worker.inflight)
        return self.max_batch if len(worker.inflight) <= 1 else 0

    def _pump(self) -> None:
        """Send queued items to workers, spread evenly, at most max_batch per message.

        A CPU worker on its last item gets its next batch already, so it never waits
        for this loop to notice; that batch goes only if it fits the pipe's buffer, so
        sending it can never block the loop. An asking worker is sent items until its
        window is full (its reader thread keeps its end of the pipe drained).
        """
        self._pump_scheduled = False
        while True:
            while self._queue and self._settled(self._queue[0]):
                self._queue.popleft()  # cancelled before it was sent
            takers = sorted((w for w in self._workers if w.ready and self._room(w) > 0), key=lambda w: len(w.inflight))
            sent = False
            for index, worker in enumerate(takers):
                if not self._queue:
                    break
                share = min(self._room(worker), -(-len(self._queue) // (len(takers) - index)))
                sent = self._send(worker, min(self.max_batch, share)) or sent
            if not (self.asking and sent and self._queue):
                return

    def _send(self, worker: _Worker, share: int) -> bool:
        """Send a worker up to share queued items in one message; False when none went."""
        batch: list[tuple[int, Op, Any]] = []
        while self._queue and len(batch) < share:
            ticket = self._queue.popleft()
            if self._settled(ticket):
                continue
            if ticket in self._suspects and (batch or worker.inflight):  # alone, to an idle worker
                self._queue.appendleft(ticket)
                break
            op, payload, _ = self._items[ticket]
            batch.append((ticket, op, payload))
            if ticket in self._suspects:
                break
        if not batch:
            return False
        data = bytes(ForkingPickler.dumps(batch))
        if not self.asking:
            while worker.inflight and len(data) > PIPE_SAFE and len(batch) > 1:  # keep it small enough
                self._queue.extendleft(reversed([ticket for ticket, _, _ in batch[len(batch) // 2 :]]))
                batch = batch[: len(batch) // 2]
                data = bytes(ForkingPickler.dumps(batch))
            if worker.inflight and len(data) > PIPE_SAFE:  # it would wait for the busy worker: send when idle
                self._queue.extendleft(reversed([ticket for ticket, _, _ in batch]))
                return False
        worker.inflight.extend(ticket for ticket, _, _ in batch)
        with contextlib.suppress(OSError, ValueError):  # it died meanwhile: its sentinel says so next
            worker.conn.send_bytes(data)
        return True

    def _readable(self, worker: _Worker) -> None:
        """Take one message from a worker (the loop calls again while more wait: no poll of our own)."""
        try:
            message = worker.conn.recv()
        except (EOFError, OSError):  # gone: its sentinel says when the process has ended
            if self._loop is not None:
                with contextlib.suppress(OSError, ValueError):
                    self._loop.remove_reader(worker.conn.fileno())
            return
        self._receive(worker, message)
        if self._queue and self._room(worker) > 0:
            self._pump()

    def _ended(self, worker: _Worker) -> None:
        """A worker's process has ended: take what it sent before, then count it dead."""
        with contextlib.suppress(EOFError, OSError):
            while worker.conn.poll():
                self._receive(worker, worker.conn.recv())
        self._died(worker)

    def _receive(self, worker: _Worker, message: tuple[Any, Any]) -> None:
        tag, value = message
        if tag == "done":  # a CPU worker's results, in order
            for result in value:
                self._receive(worker, result)
            return
        if tag == "ready":
            worker.ready, worker.pid = True, value
            self._start_failures = 0
            self._pump()
        elif tag == "failed":
            self._fail(PoolError(f"worker processes cannot start: {value}"))
        elif tag == "stopped":  # a worker's breaker stopped asking the server: (error kind, reason)
            self.stopped = self.stopped or value
        else:
            if self._suspects:
                self._suspects.discard(tag)
            if worker.inflight and worker.inflight[0] == tag:
                worker.inflight.popleft()
            elif tag in worker.inflight:  # an asking worker answers in any order
                worker.inflight.remove(tag)
            entry = self._items.pop(tag, None)
            if entry is None or entry[2].done():
                return
            future = entry[2]
            if isinstance(value, Failed):  # this article's error record says so (InternalError); the run goes on
                future.set_exception(RuntimeError(f"in a worker process: {value.message}"))
                return
            try:
                future.set_result(value.model.model_validate_json(value.text) if isinstance(value, Json) else value)
            except Exception as exc:  # the article gets an error record rather than waiting for ever
                future.set_exception(exc)

    def _died(self, worker: _Worker) -> None:
        """A worker is gone: fail the article it was on, requeue the rest of its batch, start another."""
        if worker not in self._workers:
            return
        self._unwatch(worker)
        worker.process.join(timeout=1)
        worker.conn.close()
        self._workers.remove(worker)
        if self._closed or self._broken is not None:
            return
        self.deaths += 1
        code = worker.process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        on = f"the worker process on this article died ({how})"
        if worker.stuck is not None:
            how = f"it {worker.stuck} and was stopped"
            on = f"the worker process on this article {worker.stuck} and was stopped ({watch.allow_longer(True)})"
            logger.warning("a worker process %s and was stopped (%s)", worker.stuck, watch.allow_longer(worker.ready))
        alone = f"the worker process holding this article alone died ({how})"
        died = WorkerStuck if worker.stuck is not None and worker.ready else WorkerDied
        if self.asking:  # it worked on all it held
            lost = {ticket: on for ticket in worker.inflight}
        else:  # the one it was on, if any; those before it were done but not sent, or not begun
            lost = {worker.current.value: on} if worker.current.value in worker.inflight else {}
            if not lost and len(worker.inflight) == 1 and worker.inflight[0] in self._suspects:
                lost = {worker.inflight[0]: alone}  # sent alone after an earlier death: it was this one
            elif not lost:  # it died between articles: each of these goes alone from now on
                self._suspects.update(worker.inflight)
        for ticket, what in lost.items():
            worker.inflight.remove(ticket)
            entry = self._items.pop(ticket, None)
            if entry is not None and not entry[2].done():
                entry[2].set_exception(
                    died(f"{what}; the other articles went on; rerun with --retry-failed to try it again")
                )
        self._queue.extendleft(reversed(worker.inflight))
        if not worker.ready:
            self._start_failures += 1
            working = any(other.ready for other in self._workers)
            # a worker stuck starting while none works is not tried again: another would only wait as long
            if self._start_failures >= START_FAILURES or (worker.stuck is not None and not working):
                if working:  # the run goes on with those that work
                    logger.warning(
                        "a worker process failed to start (%s): the batch goes on with %d", how, len(self._workers)
                    )
                    return
                if worker.stuck is None or not self._workers:  # else others are still starting: wait for them
                    self._fail(PoolError(watch.cannot_start(self.settings, how, worker.stuck)))
                return
        try:
            worker = self._start()
        except Exception as exc:  # no worker can take its place (out of processes or files): the run stops
            self._fail(PoolError(f"a worker process died ({how}) and none can replace it: {type(exc).__name__}: {exc}"))
            return
        self._workers.append(worker)
        if self._loop is not None:
            self._watch(worker)

    def _fail(self, error: PoolError) -> None:
        self._broken = error
        items, self._items = self._items, {}
        for _, _, future in items.values():
            if not future.done():
                future.set_exception(error)

    def close(self) -> None:
        """Stop every worker: ask nicely, then kill what has not exited in 5 s."""
        self._closed = True
        if self._starter is not None:
            self._starter.join(timeout=min(5.0, self.settings.worker_start_timeout))
            if self._starter.is_alive():  # its fork server is still loading: no worker is wanted now
                watch.stop_fork_server()
            self._starter.join()  # what it started is in the list then
        for worker in self._workers:
            self._unwatch(worker)
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        deadline = time.monotonic() + 5
        for worker in self._workers:
            if not worker.ready:  # still starting, or stuck starting: it holds nothing, and may never read the stop
                worker.process.kill()
            worker.process.join(timeout=max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():  # SIGKILL: a worker ignores SIGTERM (see worker_main.STOP_SIGNALS)
                worker.process.kill()
                worker.process.join(timeout=5)
            worker.conn.close()
        self._workers = []

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
