"""Run a batch: every input found is summarized once, written as it completes, resumed on a rerun."""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import time
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..models import ErrorRecord, Usage
from .discovery import Found, check_source, list_inputs, read_inputs, source_name
from .dispatch import auto_workers, pool_for, pooled, through_workers
from .outcome import Encoded, outcome_of, record_of, retry_may_help
from .output_lock import OutputLock
from .stopping import SigtermStop
from .worker_main import error_record
from .workers import PoolError, WorkerPool
from .writers import Output, Result, Writer, journal_path, out_dir_names, read_done, read_kept, resolve_output

__all__ = ["BatchReport", "run_batch", "summarize_folder", "summarize_found"]


def _reason(row: dict[str, Any]) -> str:
    return f"{row.get('error_type')}: {row.get('error')}"


@dataclass
class Earlier:
    """What an earlier run left in the output: rows to keep, articles done, and those to do again."""

    done: dict[str, dict[str, Any]] = field(default_factory=dict)
    redo: set[str] = field(default_factory=set)
    keep: list[dict[str, Any]] = field(default_factory=list)
    lock: OutputLock | None = None  # this run's claim on the output file, given to its Writer

    def holds(self, item: Found, report: BatchReport) -> bool:
        """True (and counted) when the output already holds this article and it is not to be done again."""
        row = self.done.get(item.article_id)
        if row is None or item.article_id in self.redo:
            return False
        report.already_done += 1
        if row.get("status") != "ok":
            report.kept_errors.append((item.source, _reason(row)))
        return True

    def release(self) -> None:
        """Give up the claim on the output: a run that stops before its Writer exists."""
        if self.lock is not None:
            self.lock.release()

    def held(self, output: Output, written: set[str]) -> set[str]:
        """Every article the output holds after this run (a folder keeps the files of redone articles)."""
        return (set(self.done) if output.out_dir is not None else set(self.done) - self.redo) | written


def read_earlier(output: Output, retry_failed: bool, *, waiting: Container[str] = ()) -> Earlier:
    """Read what the output already holds; with retry_failed its error records (not ``waiting`` ones) are redone."""
    claimed = output.path if output.path is not None else output.out_dir  # a file, or a folder of one per article
    lock = OutputLock(claimed).acquire() if claimed is not None else None  # before reading what it holds
    if not output.resumable:  # a stream (with a folder, maybe): nothing to read back
        return Earlier(lock=lock)
    try:
        kept = read_kept(output.path, output.fmt)
        done = read_done(output.path, output.fmt, output.out_dir, kept=kept)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    redo = {aid for aid, row in done.items() if retry_failed and row.get("status") != "ok" and aid not in waiting}
    return Earlier(done, redo, [row for row in kept if row["article_id"] not in redo], lock)


@dataclass
class BatchReport:
    """What a batch run did."""

    found: int = 0
    ok: int = 0
    failed: int = 0
    cached: int = 0
    already_done: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, reason) of this run's errors
    kept_errors: list[tuple[str, str]] = field(default_factory=list)  # error records left from earlier runs
    truncated: int = 0
    usage: Usage = field(default_factory=Usage)
    cost_usd: float = 0.0
    cost_known: bool = True
    engine: str = "extractive"
    output: str = ""
    resumable: bool = True
    held: int = 0  # distinct records a resumable output holds after the run
    workers: int = 1  # processes that did the CPU work (1: all in this one)
    llm_in_workers: bool = False  # LLM requests went out from the worker processes, not this one
    worker_deaths: int = 0  # worker processes that died and were replaced
    worker_usage: list[dict[str, float]] = field(default_factory=list)  # CPU s and peak RSS of each worker (Linux)
    seconds: float = 0.0

    @property
    def written(self) -> int:
        """Records written by this run."""
        return self.ok + self.failed

    @property
    def retryable(self) -> int:
        """Error records (this run's and earlier ones) that a --retry-failed run may turn into records."""
        return sum(retry_may_help(reason.partition(":")[0]) for _, reason in self.failures + self.kept_errors)

    @property
    def errors_left(self) -> int:
        """Error records the output holds for the inputs found: this run's and earlier ones."""
        return self.failed + len(self.kept_errors)

    def add(self, result: Result | Encoded) -> None:
        """Count one result."""
        done = result.outcome if isinstance(result, Encoded) else outcome_of(result)
        if done.ok:
            self.ok += 1
            self.cached += done.cached
            self.truncated += done.truncated is not None
            if not done.cached:
                self.usage.add(done.prompt_tokens, done.completion_tokens)
                if done.cost_usd is None:
                    self.cost_known = False
                else:
                    self.cost_usd += done.cost_usd
        else:
            self.failed += 1
            self.failures.append((done.source_path or done.article_id, done.error or ""))
            self.usage.add(done.prompt_tokens, done.completion_tokens)


def _error(found: Found, exc: BaseException) -> ErrorRecord:
    return error_record(found.article_id, found.source, exc)


async def _process(summarizer: Any, found: Found, pool: WorkerPool | None) -> Result | Encoded:
    try:
        if pool is not None:
            return await pooled(summarizer, pool, found)
        document = found.load()
        return await summarizer.asummarize(document, article_id=found.article_id)  # type: ignore[no-any-return]
    except PoolError:  # no worker can run: the run stops rather than fail every article
        raise
    except Exception as exc:  # every failure becomes an error line; the batch goes on
        return _error(found, exc)


async def summarize_found(
    summarizer: Any, items: Iterable[Found], *, concurrency: int = 8, pool: WorkerPool | None = None
) -> AsyncGenerator[Result, None]:
    """Run items through a summarizer with bounded concurrency; yield results as they complete.

    With a pool, reading, the extractive engine and the verifier run in its worker
    processes; LLM requests stay here, or with an asking pool go out from the
    workers, ``concurrency`` at a time in all. The extractive engine then keeps
    every worker fed whatever the concurrency.
    """
    results = _summarize(summarizer, items, concurrency=concurrency, pool=pool)
    async with contextlib.aclosing(results):
        async for result in results:
            yield record_of(result)


async def _summarize(
    summarizer: Any, items: Iterable[Found], *, concurrency: int, pool: WorkerPool | None
) -> AsyncGenerator[Result | Encoded, None]:
    """``summarize_found``, with a worker's records left as the JSON they came as."""
    if concurrency < 1:
        raise ConfigError("concurrency must be at least 1")
    if pool is not None and summarizer.engine != "llm":
        limit = max(concurrency, 2 * pool.size * pool.max_batch)  # every worker kept fed
        fed = through_workers(summarizer, items, pool, limit)
        async with contextlib.aclosing(fed):
            async for done in fed:
                yield done
        return
    queue: asyncio.Queue[Found | None] = asyncio.Queue(maxsize=concurrency * 2)
    results: asyncio.Queue[Result | Encoded | PoolError | None] = asyncio.Queue()

    async def produce() -> None:
        cancelled = False
        try:
            for item in items:
                await queue.put(item)
        except asyncio.CancelledError:
            cancelled = True  # the run is ending: no worker is left to take the stop marks
            raise
        finally:  # the workers stop even if discovery fails; the failure surfaces below
            for _ in range(0 if cancelled else concurrency):
                await queue.put(None)

    async def work() -> None:
        try:
            while (item := await queue.get()) is not None:
                await results.put(await _process(summarizer, item, pool))
        except PoolError as exc:
            results.put_nowait(exc)
        await results.put(None)

    tasks = [asyncio.create_task(produce())] + [asyncio.create_task(work()) for _ in range(concurrency)]
    try:
        finished = 0
        while finished < concurrency:
            result = await results.get()
            if result is None:
                finished += 1
            elif isinstance(result, PoolError):
                raise result
            else:
                yield result
        await tasks[0]
    finally:
        for task in tasks:
            task.cancel()


async def summarize_folder(
    folder: str | os.PathLike[str],
    *,
    concurrency: int = 8,
    globs: Iterable[str] = ("**/*",),
    exclude: Iterable[str] = (),
    text_field: str | None = None,
    workers: int | None = None,
    **options: Any,
) -> AsyncIterator[Result]:
    """Summarize every article under a folder; yield a record or an error record for each.

    ``workers`` processes share the CPU work (default for the extractive engine: one
    per core when there are enough articles; for an LLM, 1; 1 keeps everything here).
    """
    from ..api import Summarizer

    _check_workers(workers)
    async with Summarizer(**options) as summarizer:
        summarizer.run = new_run()
        base, paths = list_inputs(Path(folder), globs=globs, exclude=exclude)
        count = workers if workers is not None else auto_workers(len(paths)) if summarizer.engine == "extractive" else 1
        with pool_for(summarizer, count, concurrency) if count > 1 else contextlib.nullcontext() as pool:
            items = read_inputs(base, paths, text_field=text_field)
            async for result in summarize_found(summarizer, items, concurrency=concurrency, pool=pool):
                yield result


def new_run() -> str:
    """A batch run's id, for ``Summarizer.run``: records it stores are its own, not "cached", when found again."""
    return secrets.token_hex(8)


def _check_workers(workers: int | None) -> None:
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
        raise ConfigError(f"workers must be a whole number of at least 1 (got {workers!r}); 1 runs in this process")


def output_files(output: Output) -> list[Path]:
    """The files and folder a run writes, which discovery must not read back as articles."""
    paths = [p for p in (output.path, output.out_dir) if p is not None]
    if output.path is not None:
        paths.append(journal_path(output.path, output.fmt))
    return paths


def run_batch(
    folder: Path,
    *,
    out: Path | str | None,
    fmt: str | None = None,
    out_dir: Path | None = None,
    concurrency: int = 8,
    globs: Iterable[str] = ("**/*",),
    exclude: Iterable[str] = (),
    text_field: str | None = None,
    retry_failed: bool = False,
    on_result: Callable[[Result, BatchReport], None] | None = None,
    on_skip: Callable[[str, str], None] | None = None,
    on_total: Callable[[int], None] | None = None,
    summarizer: Any = None,
    report: BatchReport | None = None,
    workers: int | None = None,
    **options: Any,
) -> BatchReport:
    """Summarize a folder into an output file, stream or folder, resuming what a file already holds.

    The format follows -f, else the output's extension, else JSONL. Standard output
    (``-``), pipes and devices get records streamed, with no resume. Configuration is
    checked before anything is written; pass a BatchReport to see its counts even if
    the run is interrupted. ``workers`` processes read articles, run the extractive
    engine, and with an LLM ask the server and check its answers, each with its share
    of ``concurrency`` and of the rate limits (see ``dispatch.asks_in_workers``). Default: for the
    extractive engine one per usable core, at most one per 64 articles; for an LLM 1
    (all in this process). 1 keeps all in this process.
    """
    if concurrency < 1:
        raise ConfigError("concurrency must be at least 1")
    _check_workers(workers)
    output = resolve_output(out, fmt, out_dir)
    check_source(folder)
    from ..api import Summarizer

    owned = summarizer is None
    active = summarizer if summarizer is not None else Summarizer(**options)  # a bad configuration stops here
    report = report if report is not None else BatchReport()
    report.engine, report.output, report.resumable = active.engine, output.where, output.resumable
    with SigtermStop() as stop:  # SIGTERM ends the run as Ctrl-C does, raising Terminated
        earlier = read_earlier(output, retry_failed)

        def skip(name: str, reason: str) -> None:
            report.skipped.append((name, reason))
            if on_skip:
                on_skip(name, reason)

        earlier_run, active.run = active.run, new_run()  # a caller's Summarizer gets its own back at the end
        pool: WorkerPool | None = None
        try:
            if workers is not None and workers > 1 and active.engine != "llm":
                # an extractive pool asked for by number starts now, in the background, while this lists the folder
                pool = pool_for(active, workers, concurrency)
            base, paths = list_inputs(folder, globs=globs, exclude=exclude, ignore=output_files(output), on_skip=skip)
            if on_total:
                on_total(len(paths))
            if workers is not None:
                report.workers = workers
            elif active.engine == "extractive":  # the LLM path stays in one process unless asked (see auto_workers)
                report.workers = auto_workers(len(paths) - len(set(earlier.done) - earlier.redo))
            if pool is None and report.workers > 1:
                pool = pool_for(active, report.workers, concurrency)
            names = out_dir_names(source_name(base, p) for p in paths) if output.out_dir else None
            writer = Writer(output, earlier.keep, names, lock=earlier.lock)
        except BaseException:
            earlier.release()
            active.run = earlier_run
            if pool is not None:
                pool.close()
            if owned:
                asyncio.run(active.aclose())
            raise

        def pending() -> Iterator[Found]:
            for item in read_inputs(base, paths, text_field=text_field):
                report.found += 1
                if not earlier.holds(item, report):
                    yield item

        started = time.perf_counter()
        report.llm_in_workers = pool is not None and pool.asking

        async def main() -> None:
            stop.watch()  # a SIGTERM now cancels this task, as Ctrl-C does in asyncio.run
            try:
                results = _summarize(active, pending(), concurrency=concurrency, pool=pool)
                async with contextlib.aclosing(results):  # a failed write stops its tasks now, not at loop shutdown
                    async for result in results:
                        writer.write(result)
                        report.add(result)
                        if on_result:
                            on_result(record_of(result), report)
            finally:
                stop.closing()  # a SIGTERM from here waits until the pool and the output are closed
                if pool is not None:
                    report.worker_usage = pool.usage()
                    pool.close()  # here, in the loop that watches its pipes
                if owned:
                    await active.aclose()

        try:
            asyncio.run(main())
        finally:
            stop.closing()
            if pool is not None:
                report.worker_deaths = pool.deaths
                pool.close()
            writer.close()
            active.run = earlier_run
            report.held = len(earlier.held(output, writer.ids)) if output.resumable else report.written
            report.seconds = round(time.perf_counter() - started, 3)
        return report
