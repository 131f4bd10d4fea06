"""A pool of worker processes for batch runs: ingestion, the extractive engine and the verifier off the event loop.

Each worker is a spawned process holding one Summarizer, built once from the
run's settings. The parent sends work in batches over a pipe (one message per
batch) and reads each article's result as soon as it is done, with
``loop.add_reader``: no threads, and LLM requests stay on the parent's event loop.

Because results come back one by one and in order, the parent always knows which
article a worker was on: if a worker dies (killed, out of memory), that article
alone gets an error record, the rest of its batch goes back to the queue, and a
new worker takes its place.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from multiprocessing import resource_tracker
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from threadpoolctl import threadpool_limits

from ..config import Settings
from ..errors import SummarizerError
from ..models import ErrorRecord, Usage

__all__ = [
    "MAX_BATCH",
    "MIN_ARTICLES_PER_WORKER",
    "PoolError",
    "Reply",
    "WorkerDied",
    "WorkerPool",
    "auto_workers",
    "error_record",
    "finish_op",
    "pooled",
    "prepare_op",
    "summarize_op",
    "usable_cores",
]

MAX_BATCH = 8  # articles per message to a worker: few messages, yet work spread evenly
MIN_ARTICLES_PER_WORKER = 64  # below this a worker costs more to start than it saves
PIPE_SAFE = 16_384  # bytes of a message to a busy worker: within a socket pair's buffer on Linux and macOS
START_FAILURES = 3  # workers in a row dying before they are ready: the pool gives up
Op = Callable[[Any, Any], Any]


class WorkerDied(SummarizerError):
    """The worker process summarizing an article died before it finished."""


class PoolError(SummarizerError):
    """The worker processes cannot start or keep failing."""


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


def error_record(article_id: str, source: str | None, exc: BaseException) -> ErrorRecord:
    """The error record of an article that failed with exc."""
    if isinstance(exc, SummarizerError):
        kind, message = type(exc).__name__, str(exc)
    else:  # a bug of ours must not stop the batch; the line says so
        kind, message = "InternalError", f"{type(exc).__name__}: {exc} (a summarizer bug; please report it)"
    usage = getattr(exc, "usage", None)
    return ErrorRecord(
        article_id=article_id,
        source_path=source,
        error_type=kind,
        error=message,
        attempts=getattr(exc, "attempts", 0) or 0,
        usage=usage if isinstance(usage, Usage) else Usage(),
        created_at=datetime.now(UTC),
    )


# ---- in the worker process ------------------------------------------------------------


def _worker_summarizer(settings: Settings) -> Any:
    """One Summarizer for this worker: the run's settings, but no server client (requests stay in the parent)."""
    from ..api import Summarizer

    summarizer = Summarizer(settings=replace(settings, engine="extractive"))
    summarizer.settings, summarizer.engine = settings, settings.resolved_engine()
    return summarizer


def _serve(conn: Connection, settings: Settings) -> None:
    """Worker process main: build the Summarizer once, then run batches until told to stop or the parent goes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent stops the pool
    if hasattr(signal, "pthread_sigmask"):  # blocked since the fork (see _start): now ignored, so unblock
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    # The engine's matrices are a few dozen rows: BLAS threads never speed them up, and
    # their idle spinning takes CPU from the other workers (about 15% of a core each).
    threadpool_limits(limits=1, user_api="blas")
    try:
        summarizer = _worker_summarizer(settings)
    except Exception as exc:  # sent to the parent, which raises it as a PoolError
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", os.getpid()))
    try:
        while (batch := conn.recv()) is not None:
            for ticket, op, payload in batch:
                try:
                    value = op(summarizer, payload)
                except Exception as exc:  # ops make their own error records: this is a bug
                    value = _Failed(f"{type(exc).__name__}: {exc}")
                if isinstance(value, BaseModel):  # as JSON: a tenth of pickle's cost for a record
                    value = _Json(type(value), value.model_dump_json())
                conn.send((ticket, value))
    except (EOFError, OSError):  # the parent went away
        pass
    finally:
        summarizer.close()


@dataclass(frozen=True)
class _Json:
    """A pydantic model sent as its JSON text."""

    model: type[BaseModel]
    text: str


@dataclass(frozen=True)
class _Failed:
    """An op raised in the worker; the parent raises this as an error of the article."""

    message: str


@dataclass(frozen=True)
class ReplyStats:
    """A server answer's counts, as the record needs them."""

    model_calls: int
    requests: int
    usage: Usage

    @property
    def reasks(self) -> int:
        """Answers sent back to the model because they failed validation."""
        return max(self.model_calls - 1, 0)

    @property
    def transport_retries(self) -> int:
        """Requests repeated because of a transport error."""
        return self.requests - self.model_calls


@dataclass(frozen=True)
class Reply:
    """A server's answer to send to a worker: the SDK's classes (and their import) stay in the parent."""

    stats: ReplyStats
    response: dict[str, Any] | None
    last_content: str | None
    seconds: float  # the request's time, so the record's latency counts it

    @classmethod
    def of(cls, answer: Any, seconds: float) -> Reply:
        """Take what the record needs from a providers.Answer."""
        stats = answer.stats
        response = answer.response.model_dump() if answer.response is not None else None
        return cls(ReplyStats(stats.model_calls, stats.requests, stats.usage), response, answer.last_content, seconds)

    def answer(self) -> Any:
        """Back to the shape ``Summarizer`` reads (the validated response model, stats, last content)."""
        from ..models import SummaryResponse

        response = SummaryResponse.model_validate(self.response) if self.response is not None else None
        return _Answer(self.stats, response, self.last_content)


@dataclass(frozen=True)
class _Answer:
    stats: ReplyStats
    response: Any
    last_content: str | None


def summarize_op(summarizer: Any, found: Any) -> Any:
    """Worker op: read, decode and summarize one article with the extractive engine (cache first)."""
    try:
        return summarizer.summarize(found.load(), article_id=found.article_id)
    except Exception as exc:  # every failure becomes the article's error record
        return error_record(found.article_id, found.source, exc)


def prepare_op(summarizer: Any, found: Any) -> Any:
    """Worker op: read and decode an article, build its prompt; a cached or error record when that is all."""
    try:
        job, hit = summarizer.prepare(found.load(), article_id=found.article_id)
        return hit if hit is not None else job
    except Exception as exc:
        return error_record(found.article_id, found.source, exc)


def finish_op(summarizer: Any, payload: tuple[Any, str, str | None, Reply]) -> Any:
    """Worker op: ground, verify and store a server's answer as the article's record."""
    job, article_id, source, reply = payload
    try:
        return summarizer.record_answer(reply.answer(), job, article_id, latency=reply.seconds)
    except Exception as exc:
        return error_record(article_id, source, exc)


async def pooled(summarizer: Any, pool: WorkerPool, found: Any) -> Any:
    """One article through the pool: CPU work in a worker, the LLM request (if any) on this event loop."""
    from ..models import SummaryRecord

    if found.error is not None:
        raise found.error
    if summarizer.engine != "llm":
        return await pool.call(summarize_op, found)
    prepared = await pool.call(prepare_op, found)
    if isinstance(prepared, (SummaryRecord, ErrorRecord)):
        return prepared
    started = time.perf_counter()
    answer = await summarizer.client.aextract(prepared.messages, prepared.document.text)
    reply = Reply.of(answer, time.perf_counter() - started)
    return await pool.call(finish_op, (prepared, found.article_id, found.source, reply))


# ---- in the parent -------------------------------------------------------------------


def _proc_usage(pid: int) -> dict[str, float]:
    """CPU seconds and peak RSS (MB) of a process, from Linux's /proc; {} where there is none."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        status = Path(f"/proc/{pid}/status").read_text()
    except (OSError, IndexError):
        return {}
    peak = next((line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")), "0")
    ticks = os.sysconf("SC_CLK_TCK")
    return {
        "pid": pid,
        "cpu_seconds": round((int(fields[11]) + int(fields[12])) / ticks, 2),
        "peak_rss_mb": round(int(peak) / 1024, 1),
    }


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    pid: int | None = None
    inflight: deque[int] = field(default_factory=deque)


class WorkerPool:
    """Worker processes that run ops (top-level functions of a Summarizer and a payload) in batches.

    Start it before the event loop (processes import while the parent discovers
    inputs), ``await call(op, payload)`` from the loop, and ``close()`` at the end.
    """

    def __init__(self, settings: Settings, workers: int, *, max_batch: int = MAX_BATCH) -> None:
        if workers < 1:
            raise PoolError("a pool needs at least 1 worker")
        self.settings = settings
        self.size = workers
        self.max_batch = max_batch
        self.deaths = 0  # workers that died during the run (each replaced)
        self._context = multiprocessing.get_context("spawn")  # safe with threads and on every OS
        self._loop: asyncio.AbstractEventLoop | None = None
        self._workers: list[_Worker] = [self._start() for _ in range(workers)]
        self._queue: deque[int] = deque()
        self._items: dict[int, tuple[Op, Any, asyncio.Future[Any]]] = {}
        self._next = 0
        self._pump_scheduled = False
        self._start_failures = 0
        self._broken: PoolError | None = None
        self._closed = False

    @property
    def pids(self) -> list[int]:
        """Process ids of the live workers."""
        return [w.process.pid for w in self._workers if w.process.pid is not None]

    def usage(self) -> list[dict[str, float]]:
        """Each live worker's CPU seconds and peak resident memory (MB), read from /proc (empty elsewhere)."""
        return [u for w in self._workers if w.process.pid is not None and (u := _proc_usage(w.process.pid))]

    def busy(self) -> dict[int, int]:
        """Items each worker holds now, by process id."""
        return {w.process.pid: len(w.inflight) for w in self._workers}

    def _start(self) -> _Worker:
        mine, theirs = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(theirs, self.settings), daemon=True)
        # A Ctrl-C while the worker is still importing would print its traceback: the child inherits
        # SIGINT blocked, until _serve ignores it; the parent gets any Ctrl-C of this moment after it.
        blocked = hasattr(signal, "pthread_sigmask")
        if blocked:
            resource_tracker.ensure_running()  # started later, it would unblock SIGINT in the middle of this

            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            process.start()
        finally:
            if blocked:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        theirs.close()  # so a dead worker reads as EOF here
        worker = _Worker(process, mine)
        if self._loop is not None:
            self._watch(worker)
        return worker

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
        if self._broken is not None:
            raise self._broken
        if self._closed:
            raise PoolError("the worker pool is closed")
        if self._loop is None:
            self._loop = asyncio.get_running_loop()
            for worker in self._workers:
                self._watch(worker)
        ticket, self._next = self._next, self._next + 1
        future: asyncio.Future[Any] = self._loop.create_future()
        self._items[ticket] = (op, payload, future)
        self._queue.append(ticket)
        if not self._pump_scheduled:  # items queued in this turn of the loop go out together
            self._pump_scheduled = True
            self._loop.call_soon(self._pump)
        try:
            value = await future
        finally:
            self._items.pop(ticket, None)
        if isinstance(value, _Failed):  # this article's error record says so (InternalError); the run goes on
            raise RuntimeError(f"in a worker process: {value.message}")
        return value

    def _pump(self) -> None:
        """Send queued items to workers, spread evenly, at most max_batch per message.

        A worker on its last item gets its next batch already, so it never waits for
        this loop to notice; that batch goes only if it fits the pipe's buffer, so
        sending it can never block the loop.
        """
        self._pump_scheduled = False
        while self._queue and self._items.get(self._queue[0], (None, None, None))[2] is None:
            self._queue.popleft()  # cancelled before it was sent
        takers = sorted((w for w in self._workers if w.ready and len(w.inflight) <= 1), key=lambda w: len(w.inflight))
        for index, worker in enumerate(takers):
            if not self._queue:
                break
            share = min(self.max_batch, -(-len(self._queue) // (len(takers) - index)))
            batch: list[tuple[int, Op, Any]] = []
            while self._queue and len(batch) < share:
                ticket = self._queue.popleft()
                entry = self._items.get(ticket)
                if entry is not None and not entry[2].done():
                    batch.append((ticket, entry[0], entry[1]))
            if not batch:
                continue
            data = bytes(ForkingPickler.dumps(batch))
            while worker.inflight and len(data) > PIPE_SAFE and len(batch) > 1:  # keep it small enough
                self._queue.extendleft(reversed([ticket for ticket, _, _ in batch[len(batch) // 2 :]]))
                batch = batch[: len(batch) // 2]
                data = bytes(ForkingPickler.dumps(batch))
            if worker.inflight and len(data) > PIPE_SAFE:  # it would wait for the busy worker: send when idle
                self._queue.extendleft(reversed([ticket for ticket, _, _ in batch]))
                continue
            worker.inflight.extend(ticket for ticket, _, _ in batch)
            with contextlib.suppress(OSError, ValueError):  # it died meanwhile: its sentinel says so next
                worker.conn.send_bytes(data)

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
        if len(worker.inflight) <= 1 and self._queue:
            self._pump()

    def _ended(self, worker: _Worker) -> None:
        """A worker's process has ended: take what it sent before, then count it dead."""
        with contextlib.suppress(EOFError, OSError):
            while worker.conn.poll():
                self._receive(worker, worker.conn.recv())
        self._died(worker)

    def _receive(self, worker: _Worker, message: tuple[Any, Any]) -> None:
        tag, value = message
        if tag == "ready":
            worker.ready, worker.pid = True, value
            self._start_failures = 0
            self._pump()
        elif tag == "failed":
            self._fail(PoolError(f"worker processes cannot start: {value}"))
        else:
            if worker.inflight and worker.inflight[0] == tag:
                worker.inflight.popleft()
            entry = self._items.get(tag)
            if entry is None or entry[2].done():
                return
            try:
                entry[2].set_result(value.model.model_validate_json(value.text) if isinstance(value, _Json) else value)
            except Exception as exc:  # the article gets an error record rather than waiting for ever
                entry[2].set_exception(exc)

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
        if worker.inflight:
            ticket = worker.inflight.popleft()
            entry = self._items.get(ticket)
            if entry is not None and not entry[2].done():
                entry[2].set_exception(
                    WorkerDied(
                        f"the worker process on this article died ({how}); the other articles went on; "
                        "rerun with --retry-failed to try it again"
                    )
                )
            self._queue.extendleft(reversed(worker.inflight))
        if not worker.ready:
            self._start_failures += 1
            if self._start_failures >= START_FAILURES:
                self._fail(
                    PoolError(
                        f"worker processes keep dying before they start ({how}); if you call summarizer "
                        'from a script, put the call under `if __name__ == "__main__":` (each worker imports '
                        "the script), or use --workers 1 (workers=1) to run in one process"
                    )
                )
                return
        self._workers.append(self._start())

    def _fail(self, error: PoolError) -> None:
        self._broken = error
        for _, _, future in list(self._items.values()):
            if not future.done():
                future.set_exception(error)

    def close(self) -> None:
        """Stop every worker: ask nicely, then terminate what does not exit."""
        self._closed = True
        for worker in self._workers:
            self._unwatch(worker)
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        deadline = time.monotonic() + 5
        for worker in self._workers:
            worker.process.join(timeout=max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.terminate()
                worker.process.join(timeout=5)
            worker.conn.close()
        self._workers = []

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
