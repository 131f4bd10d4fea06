"""What runs inside a batch worker process: its Summarizer, its message loop and the ops the parent sends.

A worker serves in one of two ways. The CPU way (``serve``) runs each op of a
batch in turn and sends its result: ingestion, the extractive engine, the
verifier of an answer the parent asked for. The asking way (``serve_asking``,
for ``--workers N`` with an LLM) holds a Summarizer with its own server client
and event loop and runs every op it is sent at once, so each worker has its
share of the run's requests in flight; a reader thread takes the parent's
messages as they come, so neither side's pipe can fill while the other waits.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import os
import pickle
import signal
import threading
from collections import deque
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from typing import Any

from pydantic import BaseModel
from threadpoolctl import threadpool_limits

from ..config import Settings
from ..errors import SummarizerError
from ..llm.answers import Answer, CallStats
from ..models import ErrorRecord, SummaryRecord, Usage
from .outcome import Encoded

__all__ = [
    "IDLE",
    "STOP_SIGNALS",
    "Failed",
    "Json",
    "Reply",
    "ask_op",
    "beat_every",
    "error_record",
    "finish_op",
    "prepare_op",
    "serve",
    "summarize_op",
]


IDLE = -1  # a CPU worker's current ticket between ops
STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}  # a worker ignores them: the parent stops it (and kills it if it must)


def beat_every(settings: Settings) -> float:
    """Seconds between two beats of an asking worker's loop (``worker_watch``): well within the stall limit."""
    return min(1.0, settings.worker_stall_timeout / 8)


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


@dataclass(frozen=True)
class Json:
    """A pydantic model sent as its JSON text."""

    model: type[BaseModel]
    text: str


@dataclass(frozen=True)
class Failed:
    """An op raised in the worker; the parent raises this as an error of the article."""

    message: str


def _outcome(value: Any) -> Any:
    """What goes back over the pipe: a model as JSON (a tenth of pickle's cost for a record).

    A record goes as the line the parent writes, with its counted facts (``Encoded``).
    """
    if isinstance(value, (SummaryRecord, ErrorRecord)):
        return Encoded.of(value)
    return Json(type(value), value.model_dump_json()) if isinstance(value, BaseModel) else value


def _worker_summarizer(settings: Settings) -> Any:
    """One Summarizer for a CPU worker: the run's settings, but no server client (requests stay in the parent)."""
    from ..api import Summarizer

    summarizer = Summarizer(settings=replace(settings, engine="extractive"))
    summarizer.settings, summarizer.engine = settings, settings.resolved_engine()
    return summarizer


def _asking_summarizer(settings: Settings, share: float) -> Any:
    """One Summarizer with its own server client; rate limits cut to this worker's share of the run's."""
    from ..api import Summarizer
    from ..llm.retrying import Pace

    summarizer = Summarizer(settings=settings)
    client = summarizer.client
    if client is not None and (settings.rpm or settings.tpm):
        client._pace = Pace(
            settings.rpm * share if settings.rpm else None, settings.tpm * share if settings.tpm else None
        )
    return summarizer


def serve(
    conn: Connection, settings: Settings, share: float = 0.0, current: Any = None, run: str | None = None
) -> None:
    """Worker process main: build the Summarizer once, then run batches until told to stop or the parent goes.

    ``share`` > 0: the asking way, with this share of the run's rate limits. ``current``:
    a shared integer where a CPU worker keeps the ticket of the op it runs, and an asking
    worker's loop counts its beats (``worker_watch``). ``run``: the batch run's id
    (``Summarizer.run``).
    """
    for stop in STOP_SIGNALS:  # Ctrl-C (or a SIGTERM to the group) reaches every process; the parent stops the pool
        signal.signal(stop, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # blocked since the fork (see WorkerPool._start): now ignored, so unblock
        signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    # The engine's matrices are a few dozen rows: BLAS threads never speed them up, and
    # their idle spinning takes CPU from the other workers (about 15% of a core each).
    threadpool_limits(limits=1, user_api="blas")
    if share:  # loaded already when this process's fork server preloaded it, not when a CPU pool started that server
        importlib.import_module("summarizer.batch.worker_warm")
    try:
        summarizer = _asking_summarizer(settings, share) if share else _worker_summarizer(settings)
    except Exception as exc:  # sent to the parent, which raises it as a PoolError
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    summarizer.run = run
    conn.send(("ready", os.getpid()))
    if share:
        # the run stops asking in every process once one worker's breaker stops (the parent passes it on)
        summarizer.client.breaker.on_stop = lambda kind, reason: conn.send(("stopped", (kind, reason)))
        asyncio.run(_serve_asking(conn, summarizer, current))
        return
    try:
        _serve_cpu(conn, summarizer, current)
    finally:
        summarizer.close()


def _serve_cpu(conn: Connection, summarizer: Any, current: Any) -> None:
    """Run the ops sent, in order; send their results together when this worker starts its last item or goes idle.

    One message for most of a batch keeps the parent's wake-ups few; sent before
    the last item, it tells the parent to send the next batch in time. While an op
    runs and its result is encoded, ``current`` holds its ticket, so the parent
    knows which article a dead worker was on (the others it had are done again).
    """
    todo: deque[tuple[int, Any, Any]] = deque()
    done: list[tuple[int, Any]] = []
    try:
        while True:
            if not todo or conn.poll():
                if not todo and done:
                    _send_results(conn, done)
                    done = []
                batch = conn.recv()
                if batch is None:
                    return
                todo.extend(batch)
                continue
            ticket, op, payload = todo.popleft()
            if not todo and done:
                _send_results(conn, done)
                done = []
            if current is not None:
                current.value = ticket
            try:
                outcome = _outcome(op(summarizer, payload))
            except Exception as exc:  # ops make their own error records: this is a bug
                outcome = Failed(f"{type(exc).__name__}: {exc}")
            done.append((ticket, outcome))
            if current is not None:
                current.value = IDLE
    except (EOFError, OSError):  # the parent went away
        pass


def _send_results(conn: Connection, done: list[tuple[int, Any]]) -> None:
    """Send results in one message; one by one if some cannot be pickled, each of those as a Failed."""
    try:
        conn.send(("done", done))  # pickled whole before a byte is written
    except (pickle.PicklingError, TypeError, AttributeError, ValueError):
        for ticket, outcome in done:
            try:
                conn.send((ticket, outcome))
            except (pickle.PicklingError, TypeError, AttributeError, ValueError) as exc:
                conn.send((ticket, Failed(f"its result cannot be sent: {type(exc).__name__}: {exc}")))


async def _serve_asking(conn: Connection, summarizer: Any, beats: Any = None) -> None:
    """Run every op as it arrives on this process's event loop; a thread reads the parent's messages.

    ``beats``: a shared integer this loop raises while it turns, so the parent sees it is not stuck.
    """
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    tasks: set[asyncio.Task[None]] = set()

    async def beat(every: float) -> None:
        while True:
            beats.value += 1
            await asyncio.sleep(every)

    async def run(ticket: int, op: Any, payload: Any) -> None:
        try:
            value = op(summarizer, payload)
            if inspect.isawaitable(value):
                value = await value
        except Exception as exc:  # ops make their own error records: this is a bug
            value = Failed(f"{type(exc).__name__}: {exc}")
        try:
            conn.send((ticket, _outcome(value)))
        except (OSError, ValueError):  # the parent went away
            stop.set()

    def start(batch: list[tuple[int, Any, Any]]) -> None:
        for ticket, op, payload in batch:
            task = loop.create_task(run(ticket, op, payload))
            tasks.add(task)
            task.add_done_callback(tasks.discard)

    def read() -> None:
        try:
            while (batch := conn.recv()) is not None:
                loop.call_soon_threadsafe(start, batch)
        except (EOFError, OSError):  # the parent went away
            pass
        loop.call_soon_threadsafe(stop.set)

    threading.Thread(target=read, name="summarizer-worker-reader", daemon=True).start()
    if beats is not None:
        pulse = loop.create_task(beat(beat_every(summarizer.settings)))
        tasks.add(pulse)
    try:
        await stop.wait()
    finally:
        for task in list(tasks):
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await summarizer.aclose()


@dataclass(frozen=True)
class Reply:
    """A server's answer to send to a worker: the SDK's classes (and their import) stay in the parent."""

    stats: CallStats
    response: dict[str, Any] | None
    last_content: str | None
    seconds: float  # the request's time, so the record's latency counts it

    @classmethod
    def of(cls, answer: Any, seconds: float) -> Reply:
        """Take what the record needs from a providers.Answer."""
        stats = answer.stats
        response = answer.response.model_dump() if answer.response is not None else None
        return cls(stats, response, answer.last_content, seconds)

    def answer(self) -> Any:
        """Back to the shape ``Summarizer`` reads (the validated response model, stats, last content)."""
        from ..models import SummaryResponse

        response = SummaryResponse.model_validate(self.response) if self.response is not None else None
        return Answer(self.stats, response, self.last_content)


def summarize_op(summarizer: Any, found: Any) -> Any:
    """Worker op: read, decode and summarize one article with the extractive engine (cache first)."""
    try:
        return summarizer.summarize(found.load(), article_id=found.article_id)
    except Exception as exc:  # every failure becomes the article's error record
        return error_record(found.article_id, found.source, exc)


async def ask_op(summarizer: Any, found: Any) -> Any:
    """Asking-worker op: one article from its file to its record, the server asked from this worker's loop."""
    try:
        return await summarizer.asummarize(found.load(), article_id=found.article_id)
    except Exception as exc:  # every failure becomes the article's error record, as in one process
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
