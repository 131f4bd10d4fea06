"""Where the work runs: one Summarizer per engine, single articles on request, batch jobs from the store.

The extractive engine is CPU work in plain Python: it runs in a thread pool so the
event loop keeps answering. Batch jobs go through ``summarize_found``, the batch
module's own bounded-concurrency loop, one job at a time, oldest first.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections import defaultdict, deque
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from ..api import Summarizer
from ..batch import Found, summarize_found
from ..errors import InputError, SummarizerError
from ..models import ErrorRecord, SummaryRecord
from .inputs import read_entry
from .jobs import JobStore, Pending
from .metrics import Metrics
from .pool import WorkerPool

__all__ = ["Busy", "Engines", "JobRunner"]

logger = logging.getLogger("summarizer.service")


class Busy(SummarizerError):
    """The service has more work waiting than it accepts; the caller should retry later."""


class Engines:
    """One Summarizer per engine name, built on first use with the process's settings."""

    def __init__(self, **options: Any) -> None:
        self.options = options
        self._made: dict[str | None, Summarizer] = {}
        self._lock = threading.Lock()

    def get(self, engine: str | None = None) -> Summarizer:
        """The Summarizer for an engine (None: as configured); ConfigError if it cannot be built."""
        with self._lock:
            if engine not in self._made:
                options = {**self.options, **({"engine": engine} if engine else {})}
                self._made[engine] = Summarizer(**options)
            return self._made[engine]

    def default_engine(self) -> str:
        """The engine 'auto' resolves to here."""
        return self.get().engine

    async def aclose(self) -> None:
        """Close every Summarizer."""
        for made in self._made.values():
            await made.aclose()


class _Worker:
    """Calls a Summarizer the way ``summarize_found`` expects; the extractive engine in a worker process or thread."""

    def __init__(self, summarizer: Summarizer, runner: JobRunner, *, key: str | None, refresh: bool) -> None:
        self.summarizer = summarizer
        self.engine = summarizer.engine
        self._key = key
        self._runner = runner
        self._refresh = refresh

    async def asummarize(self, source: Any = None, **call: Any) -> SummaryRecord:
        """Summarize one article without blocking the event loop."""
        call.setdefault("refresh", self._refresh)
        self._runner.in_flight += 1
        try:
            if self.engine == "extractive" and self._runner.pool is not None:
                return await self._runner.pool.summarize(self._key, {"text_or_path": source, **call})
            if self.engine == "extractive":
                loop = asyncio.get_running_loop()
                run = partial(self.summarizer.summarize, source, **call)
                return await loop.run_in_executor(self._runner.executor, run)
            return await self.summarizer.asummarize(source, **call)
        finally:
            self._runner.in_flight -= 1


class JobRunner:
    """Runs single articles now (bounded) and batch jobs in the background (from the store)."""

    def __init__(
        self, store: JobStore, engines: Engines, metrics: Metrics, *, concurrency: int, max_waiting: int, workers: int
    ) -> None:
        self.store = store
        self.workers = workers
        self.pool: WorkerPool | None = None
        self.engines = engines
        self.metrics = metrics
        self.concurrency = concurrency
        self.max_waiting = max_waiting
        self.executor = ThreadPoolExecutor(max_workers=concurrency * 2, thread_name_prefix="summarize")
        self.in_flight = 0
        self._slots = asyncio.Semaphore(concurrency)
        self._waiting = 0
        self._wake = asyncio.Event()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None
        self.ready = False

    def worker(self, engine: str | None, *, refresh: bool) -> _Worker:
        """A worker for an engine (ConfigError if it cannot be built)."""
        return _Worker(self.engines.get(engine), self, key=engine, refresh=refresh)

    async def summarize(self, *, engine: str | None, refresh: bool, **call: Any) -> SummaryRecord:
        """Summarize one article now (``Summarizer.summarize``'s keywords), or raise Busy when too many wait."""
        if self._waiting >= self.max_waiting and self._slots.locked():
            raise Busy(f"{self._waiting} requests are waiting; retry later or use POST /v1/batches")
        worker = self.worker(engine, refresh=refresh)
        self._waiting += 1
        try:
            await self._slots.acquire()
        finally:
            self._waiting -= 1
        try:
            record = await worker.asummarize(**call)
        finally:
            self._slots.release()
        self.metrics.result(record, engine=worker.engine, via="request")
        return record

    async def start(self) -> None:
        """Start the worker processes, re-queue what a killed server left claimed, then start the background loop."""
        if self.workers > 0 and self.engines.default_engine() == "extractive":
            self.pool = WorkerPool(self.workers, self.engines.options)
            pids = await self.pool.warm()
            logger.info("%d extractive worker processes ready", len(pids), extra={"workers": pids})
        requeued = self.store.requeue_claimed()
        if requeued:
            logger.info("re-queued %d articles left in flight by the last run", requeued, extra={"requeued": requeued})
        self._task = asyncio.create_task(self._loop())
        self.ready = True

    def wake(self) -> None:
        """Say that a job was added."""
        self._wake.set()

    async def stop(self, grace: float) -> None:
        """Stop taking work, let in-flight articles finish for ``grace`` seconds, re-queue the rest."""
        self.ready = False
        self._stopping = True
        self._wake.set()
        if self._task is not None:
            try:
                await asyncio.wait_for(asyncio.shield(self._task), timeout=grace)
            except TimeoutError:
                self._task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await self._task
        requeued = self.store.requeue_claimed()
        if requeued:
            logger.info("re-queued %d in-flight articles at shutdown", requeued, extra={"requeued": requeued})
        self.executor.shutdown(wait=False, cancel_futures=True)
        if self.pool is not None:
            await self.pool.shutdown()

    async def _loop(self) -> None:
        while not self._stopping:
            job_id = self.store.next_job()
            if job_id is None:
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), timeout=1.0)
                continue
            try:
                await self._run_job(job_id)
            except SummarizerError as exc:  # e.g. the job's engine cannot be built: its articles fail, not the loop
                self._fail_job(job_id, exc)
            except Exception:  # a bug must not stop the service; the job's claimed rows go back in the queue
                logger.exception("job %s stopped on an internal error", job_id, extra={"job_id": job_id})
                self.store.requeue_claimed()
                await asyncio.sleep(1.0)

    def _claimed(self, job_id: str, claimed: dict[str, deque[Pending]]) -> Iterator[Found]:
        while not self._stopping and (item := self.store.claim(job_id)) is not None:
            aid, document = item.article_id, item.document
            error = InputError(item.error) if item.error is not None else None
            if item.entry is not None:  # a JSON entry: read now (a few ms), as the batch command reads it
                aid, document, error = read_entry(item.entry, item.source, item.options.get("text_field"))
            claimed[aid].append(item)
            yield Found(aid, item.source, Path(item.source), document=document, error=error)

    async def _run_job(self, job_id: str) -> None:
        status = self.store.status(job_id)
        if status is None:
            return
        options = status["options"]
        worker = self.worker(options.get("engine"), refresh=bool(options.get("refresh")))
        # the same article may come twice in one job; its results are interchangeable
        claimed: dict[str, deque[Pending]] = defaultdict(deque)
        logger.info("job %s: running %d articles", job_id, status["pending"], extra={"job_id": job_id})
        async for result in summarize_found(worker, self._claimed(job_id, claimed), concurrency=self.concurrency):
            item = claimed[result.article_id].popleft()
            ok = isinstance(result, SummaryRecord)
            line = result.model_dump_json()
            self.store.finish(item, line, ok=ok, engine=worker.engine, article_id=result.article_id)
            self.metrics.result(result, engine=worker.engine, via="batch")
        final = self.store.status(job_id)
        if final is not None and final["status"] == "done":
            logger.info(
                "job %s done: %d ok, %d failed",
                job_id,
                final["ok"],
                final["failed"],
                extra={"job_id": job_id, "ok": final["ok"], "failed": final["failed"]},
            )

    def _fail_job(self, job_id: str, exc: SummarizerError) -> None:
        """Every waiting article of a job that cannot run (its engine cannot be built) gets an error record."""
        logger.error("job %s cannot run: %s", job_id, exc, extra={"job_id": job_id})
        while (item := self.store.claim(job_id)) is not None:
            aid = item.article_id  # a JSON entry's id comes from reading it, as in _claimed
            if item.entry is not None:
                aid = read_entry(item.entry, item.source, item.options.get("text_field"))[0]
            record = ErrorRecord(
                article_id=aid,
                source_path=item.source,
                error_type=type(exc).__name__,
                error=str(exc),
                created_at=datetime.now(UTC),
            )
            self.store.finish(item, record.model_dump_json(), ok=False, engine=None, article_id=record.article_id)
            self.metrics.result(record, engine=str(item.options.get("engine") or "auto"), via="batch")
