"""Run a folder through the provider's Batch API: submit, keep the state beside the output, poll, collect.

The requests are the real-time path's; each answer goes through the same validation,
grounding, verifier and cache, into the same writers. Items that fail validation or
grounding, expire or error are asked again (in real time, or in a further batch), and
counted. Cost is at the batch price for batch tokens and at the real-time price for
real-time re-asks.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from ..config import estimate_cost
from ..errors import BatchIncomplete, ConfigError, InputError, OutputError, SummarizerError
from ..models import BatchOrigin, Usage
from .api_state import RunState, Submitted, input_path, state_path
from .discovery import Found, list_inputs, read_inputs
from .runner import BatchReport, _error, output_files, read_earlier
from .writers import Output, Result, Writer, out_dir_names, resolve_output

if TYPE_CHECKING:
    from ..api import Summarizer
    from ..llm.batches import Item

__all__ = ["REASK_VIAS", "BatchApiReport", "run_batch_api"]

REASK_VIAS = ("realtime", "batch")
Note = Callable[[str], None]


@dataclass
class BatchApiReport(BatchReport):
    """What a Batch API run did, beyond a batch run's counts."""

    batches: int = 0  # batches this run created
    batch_ids: list[str] = field(default_factory=list)
    requests_sent: int = 0  # request lines this run put into batches
    realtime_requests: int = 0  # real-time requests of re-asks
    reasked: dict[str, int] = field(default_factory=dict)  # why an article was asked again -> how many
    pending: int = 0  # articles still waiting in batches the provider has not finished
    realtime_cost_usd: float = 0.0  # the same tokens at the real-time price

    @property
    def saved_usd(self) -> float:
        """Money saved against asking the same tokens in real time."""
        return round(self.realtime_cost_usd - self.cost_usd, 8)

    def count(self, reason: str) -> None:
        """Count one article asked again, by why."""
        self.reasked[reason] = self.reasked.get(reason, 0) + 1


@dataclass
class _Ask:
    """What one article has cost so far over its batch rounds."""

    model_calls: int = 0
    requests: int = 0
    prompt: int = 0
    completion: int = 0
    batch_ids: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, carry: dict[str, Any] | None) -> _Ask:
        return cls(**carry) if carry else cls()


class _Run:
    """One run's moving parts: the summarizer, the batch client, the state, the writer and the report."""

    def __init__(
        self,
        summarizer: Summarizer,
        state: RunState,
        writer: Writer,
        report: BatchApiReport,
        *,
        reask_via: str,
        concurrency: int,
        on_result: Callable[[Result, BatchReport], None] | None,
        note: Note,
    ) -> None:
        from ..llm.batches import BatchClient

        assert summarizer.client is not None
        self.s = summarizer
        self.settings = summarizer.settings
        self.client: BatchClient = BatchClient(summarizer.client)
        self.state, self.writer, self.report = state, writer, report
        self.reask_via, self.on_result, self.note = reask_via, on_result, note
        self.gate = asyncio.Semaphore(concurrency)
        self.found: dict[str, Found] = {}
        self.done: set[str] = set()
        self._chunk: dict[str, dict[str, Any]] = {}  # the lines of the next batch, written to _file as they come
        self._chunk_bytes = 0
        self._chunk_round = 0
        self._file: BinaryIO | None = None
        self._files = 0

    # writing -------------------------------------------------------------------------------

    def emit(self, result: Result) -> None:
        self.writer.write(result)
        self.report.add(result)
        self.done.add(result.article_id)
        if self.on_result:
            self.on_result(result, self.report)

    # submitting ----------------------------------------------------------------------------

    async def submit(self, item: Found) -> None:
        """An article not yet asked: its cached record, or an error record, or a line of the next batch."""
        try:
            job, hit = self.s.prepare(item.load(), article_id=item.article_id)
        except Exception as exc:  # unreadable or empty: an error line, as in a real-time batch
            self.emit(_error(item, exc))
            return
        if hit is not None:
            self.emit(hit)
            return
        line = self.client.line(item.article_id, self.client.body(job.messages))
        await self.add(item.article_id, {"source": item.source}, line, 0)

    async def add(self, article_id: str, entry: dict[str, Any], line: bytes, round_: int) -> None:
        """Queue one request line; a batch goes out when the next line would pass a limit."""
        s = self.settings
        if len(line) > s.batch_max_bytes:
            found = self.found[article_id]
            self.emit(
                _error(
                    found,
                    InputError(
                        f"its request ({len(line):,} bytes) is larger than a batch file may be "
                        f"(batch_max_bytes={s.batch_max_bytes:,}); lower max_chars or summarize it in real time"
                    ),
                )
            )
            return
        full = len(self._chunk) >= s.batch_max_requests or self._chunk_bytes + len(line) > s.batch_max_bytes
        if self._chunk and (full or round_ != self._chunk_round):
            await self.flush()
        if self._file is None:
            self._files += 1
            path = input_path(self.state.path, self._files)
            path.parent.mkdir(parents=True, exist_ok=True)
            self._file = open(path, "wb")  # noqa: SIM115
        self._file.write(line)
        self._chunk[article_id] = entry
        self._chunk_bytes += len(line)
        self._chunk_round = round_

    async def flush(self) -> None:
        """Upload the queued lines and create their batch, noting each step in the state."""
        if self._file is None:
            return
        chunk, self._chunk, self._chunk_bytes = self._chunk, {}, 0
        handle, self._file = self._file, None
        handle.close()
        path = Path(handle.name)
        try:
            file_id = await self.client.upload(path) if chunk else None
        finally:
            with contextlib.suppress(OSError):
                path.unlink()
        if file_id is None:
            return
        entry = Submitted(input_file_id=file_id, articles=chunk, round=self._chunk_round, size=len(chunk))
        self.state.batches.append(entry)
        self.state.save()  # before the batch exists: a kill now is repaired by finding it by its file
        await self.create(entry)

    async def create(self, entry: Submitted) -> None:
        batch = await self.client.create(entry.input_file_id, {"created_by": "summarizer", "round": str(entry.round)})
        self._adopt(entry, batch)
        self.report.batches += 1
        self.report.requests_sent += len(entry.articles)
        self.note(f"submitted batch {entry.id}: {len(entry.articles)} requests (round {entry.round})")

    def _adopt(self, entry: Submitted, batch: dict[str, Any]) -> None:
        entry.id = str(batch["id"])
        entry.status = str(batch.get("status") or "validating")
        entry.request_counts = dict(batch.get("request_counts") or {})
        self.report.batch_ids.append(entry.id)
        self.state.save()

    async def repair(self) -> None:
        """Batches a killed run uploaded a file for but did not note: find them, or create them now."""
        for entry in self.state.open_batches:
            if entry.id is None:
                batch = await self.client.find(entry.input_file_id)
                if batch is not None:
                    self._adopt(entry, batch)
                else:
                    await self.create(entry)

    # collecting ----------------------------------------------------------------------------

    async def poll(self, *, wait: bool) -> None:
        """Collect every open batch, polling with back-off until all are done (or once, without wait)."""
        delay = self.settings.batch_poll_initial
        while self.state.open_batches:
            for entry in list(self.state.open_batches):
                assert entry.id is not None
                batch = await self.client.retrieve(entry.id)
                if batch.get("status") != entry.status:
                    counts = batch.get("request_counts") or {}
                    done = f" ({counts.get('completed', 0)}/{counts.get('total', entry.size)} done)" if counts else ""
                    self.note(f"batch {entry.id}: {batch.get('status')}{done}")
                entry.status = str(batch.get("status"))
                entry.request_counts = dict(batch.get("request_counts") or {})
                if entry.finished:
                    await self.collect(entry, batch)
            self.state.save()
            if not wait or not self.state.open_batches:
                break
            await asyncio.sleep(delay)
            delay = min(delay * 1.5, self.settings.batch_poll_max)
        self.report.pending = sum(len(b.articles) for b in self.state.open_batches)

    async def collect(self, entry: Submitted, batch: dict[str, Any]) -> None:
        """Turn a finished batch's items into records; ask again what failed; then mark it collected.

        The answers are checked one after another first, with no request in flight (the checks
        hold the event loop), then the real-time re-asks run concurrently.
        """
        items = {item.custom_id: item for item in await self.client.items(batch)}
        later: list[Awaitable[None]] = []
        gone = 0
        for article_id, info in entry.articles.items():
            gone += article_id not in self.found
            if article_id not in self.done and article_id in self.found:  # else written by an earlier collect
                pending = await self.settle(article_id, info, items.get(article_id), entry)
                if pending is not None:
                    later.append(pending)
        if gone:
            self.note(f"batch {entry.id}: {gone} answer(s) for inputs that changed or went since; left out")
        await asyncio.gather(*later)
        await self.flush()
        entry.collected, entry.articles = True, {}  # the records hold them now; the state stays small
        self.state.save()

    async def settle(
        self, article_id: str, info: dict[str, Any], item: Item | None, entry: Submitted
    ) -> Awaitable[None] | None:
        """One article of a finished batch: keep its answer, or ask again (returned to run later), or say why not."""
        found = self.found[article_id]
        assert entry.id is not None
        ask = _Ask.of(info.get("carry"))
        ask.requests += 1
        ask.batch_ids.append(entry.id)
        try:
            again = await self._settle(found, info, item, entry, ask)
        except Exception as exc:  # every failure becomes an error line; the run goes on
            self.fail(found, ask, exc)
            return None
        return None if again is None else self._guard(found, ask, again)

    async def _guard(self, found: Found, ask: _Ask, again: Awaitable[None]) -> None:
        try:
            await again
        except Exception as exc:
            self.fail(found, ask, exc)

    def fail(self, found: Found, ask: _Ask, exc: Exception) -> None:
        """Write an article's error line, counting the batch requests and tokens it took."""
        error = _error(found, exc)
        usage = getattr(exc, "usage", None)
        attempts = max(error.attempts, ask.requests)
        self.emit(
            error.model_copy(update={"attempts": attempts, "usage": usage if isinstance(usage, Usage) else _usage(ask)})
        )

    async def _settle(
        self, found: Found, info: dict[str, Any], item: Item | None, entry: Submitted, ask: _Ask
    ) -> Awaitable[None] | None:
        s = self.settings
        job, _ = self.s.prepare(found.load(), article_id=found.article_id)
        messages = job.messages + list(info.get("extra") or [])
        if item is not None and item.kind == "answer":
            ask.model_calls += 1
            ask.prompt += item.usage[0]
            ask.completion += item.usage[1]
            checked = self.client.check(item, job.document.text, messages)
            if checked.cut_off:
                raise OutputError(
                    f"the model's answer was cut off at max_tokens={s.max_tokens}; "
                    "raise max_tokens (SUMMARIZER_MAX_TOKENS or --max-tokens)",
                    attempts=ask.requests,
                    usage=_usage(ask),
                )
            spent = ask.model_calls - 1 >= s.max_reasks
            if checked.problem is None or spent:  # valid, or no re-ask left: salvage as real time does
                self.keep(job, found.article_id, ask, self.client.answer(_stats(ask), checked), "batch")
                return None
            self.report.count("ungrounded" if "do not occur in the article" in str(checked.problem) else "invalid")
            return await self.again(found, job, ask, checked.messages, entry, reask=True)
        if entry.status == "cancelled":
            raise BatchIncomplete(
                f"batch {entry.id} was cancelled before it answered this article; run again with --retry-failed",
                attempts=ask.requests,
                usage=_usage(ask),
            )
        why = entry.status if entry.status == "failed" else (item.kind if item else "missing")
        if self.reask_via == "batch" and entry.round >= max(s.max_reasks, 1):
            detail = item.error if item else f"batch {entry.id} ended {entry.status} with no answer for it"
            raise BatchIncomplete(
                f"no answer after {entry.round + 1} batches ({detail}); run again with --retry-failed",
                attempts=ask.requests,
                usage=_usage(ask),
            )
        self.report.count(why)
        return await self.again(found, job, ask, job.messages, entry, reask=False)

    async def again(
        self, found: Found, job: Any, ask: _Ask, messages: list[dict[str, Any]], entry: Submitted, *, reask: bool
    ) -> Awaitable[None] | None:
        """Ask one article again: queued for a further batch now, or returned to be asked in real time."""
        if self.reask_via == "batch":
            extra = messages[len(job.messages) :]
            info = {"source": found.source, "carry": _carry(ask), "extra": extra}
            line = self.client.line(found.article_id, self.client.body(messages))
            await self.add(found.article_id, info, line, entry.round + 1)
            return None
        return self.realtime(found, job, ask, messages, reask=reask)

    async def realtime(self, found: Found, job: Any, ask: _Ask, messages: list[dict[str, Any]], *, reask: bool) -> None:
        """Ask one article again in real time, with the re-asks it has left."""
        left = self.settings.max_reasks - ask.model_calls if reask else None
        started = time.perf_counter()
        async with self.gate:
            try:
                answer = await self.client.chat.aextract(messages, job.document.text, max_reasks=left)
            except SummarizerError as exc:  # the error line counts the batch's tokens and request too
                total = _usage(ask)
                spent = getattr(exc, "usage", None)
                if isinstance(spent, Usage):
                    total.add(spent.prompt_tokens, spent.completion_tokens)
                exc.usage = total  # type: ignore[attr-defined]
                exc.attempts = ask.requests + (getattr(exc, "attempts", 0) or 0)  # type: ignore[attr-defined]
                raise
        self.report.realtime_requests += answer.stats.requests
        stats = answer.stats
        stats.model_calls += ask.model_calls
        stats.requests += ask.requests
        stats.usage.add(ask.prompt, ask.completion)
        self.keep(job, found.article_id, ask, answer, "realtime", latency=time.perf_counter() - started)

    def keep(self, job: Any, article_id: str, ask: _Ask, answer: Any, by: str, latency: float | None = None) -> None:
        """Build the record through the real-time path's grounding, verifier and cache; price it; write it."""
        s = self.settings
        batch_usage = _usage(ask)
        total = answer.stats.usage
        at_batch = estimate_cost(
            s.model, batch_usage.prompt_tokens, batch_usage.completion_tokens, local=s.is_local, batch=True
        )
        at_realtime = estimate_cost(
            s.model,
            total.prompt_tokens - batch_usage.prompt_tokens,
            total.completion_tokens - batch_usage.completion_tokens,
            local=s.is_local,
        )
        cost = None if at_batch is None or at_realtime is None else round(at_batch + at_realtime, 8)
        full = estimate_cost(s.model, total.prompt_tokens, total.completion_tokens, local=s.is_local)
        origin = BatchOrigin(batch_ids=ask.batch_ids, answered_by=by, batch_usage=batch_usage)  # type: ignore[arg-type]
        waited = latency if latency is not None else self._waited(ask)
        record = self.s.record_answer(answer, job, article_id, latency=waited, cost_usd=cost, batch=origin)
        self.report.realtime_cost_usd += full or 0.0
        self.emit(record)

    def _waited(self, ask: _Ask) -> float:
        first = next((b for b in self.state.batches if b.id == ask.batch_ids[0]), None)
        return max(time.time() - first.submitted_at, 0.0) if first else 0.0


def _usage(ask: _Ask) -> Usage:
    usage = Usage()
    usage.add(ask.prompt, ask.completion)
    return usage


def _stats(ask: _Ask) -> Any:
    from ..llm.providers import CallStats

    return CallStats(model_calls=ask.model_calls, requests=ask.requests, usage=_usage(ask))


def _carry(ask: _Ask) -> dict[str, Any]:
    return {
        "model_calls": ask.model_calls,
        "requests": ask.requests,
        "prompt": ask.prompt,
        "completion": ask.completion,
        "batch_ids": list(ask.batch_ids),
    }


def _summarizer(summarizer: Summarizer | None, options: dict[str, Any]) -> tuple[Summarizer, bool]:
    from ..api import Summarizer

    active = summarizer if summarizer is not None else Summarizer(**options)
    if active.client is None:
        if summarizer is None:
            active.close()
        raise ConfigError(
            "the Batch API needs an LLM: set OPENAI_API_KEY (or --base-url for a server with a Batch API); "
            "the extractive engine runs locally and needs no batch"
        )
    return active, summarizer is None


@dataclass
class _Options:
    globs: Iterable[str]
    exclude: Iterable[str]
    text_field: str | None
    retry_failed: bool
    reask_via: str
    wait: bool
    concurrency: int
    on_result: Callable[[Result, BatchReport], None] | None
    on_skip: Callable[[str, str], None] | None
    on_total: Callable[[int], None] | None
    on_note: Note | None


def run_batch_api(
    folder: Path,
    *,
    out: Path | str | None,
    fmt: str | None = None,
    out_dir: Path | None = None,
    globs: Iterable[str] = ("**/*",),
    exclude: Iterable[str] = (),
    text_field: str | None = None,
    retry_failed: bool = False,
    reask_via: str = "realtime",
    wait: bool = True,
    concurrency: int = 8,
    on_result: Callable[[Result, BatchReport], None] | None = None,
    on_skip: Callable[[str, str], None] | None = None,
    on_total: Callable[[int], None] | None = None,
    on_note: Note | None = None,
    summarizer: Summarizer | None = None,
    report: BatchApiReport | None = None,
    **options: Any,
) -> BatchApiReport:
    """Summarize a folder through the provider's Batch API into an output file or folder.

    A rerun (or a run after a kill) collects the batches its state file lists instead of
    asking again; ``wait=False`` submits, collects what is already finished and returns.
    Re-asks go in real time, or with ``reask_via="batch"`` in further batches.
    """
    if reask_via not in REASK_VIAS:
        raise ConfigError(f"unknown reask_via {reask_via!r}; choose one of {', '.join(REASK_VIAS)}")
    if concurrency < 1:
        raise ConfigError("concurrency must be at least 1")
    output = resolve_output(out, fmt, out_dir)
    if not output.resumable:
        raise ConfigError("the Batch API keeps its state beside the output: give -o FILE or --out-dir, not a stream")
    if not Path(folder).exists():
        raise ConfigError(f"{folder} does not exist; give a folder of articles or one file")
    opts = _Options(
        globs, exclude, text_field, retry_failed, reask_via, wait, concurrency, on_result, on_skip, on_total, on_note
    )
    active, owned = _summarizer(summarizer, options)
    report = report if report is not None else BatchApiReport()
    report.engine, report.output, report.resumable = active.engine, output.where, True
    try:
        from ..llm.prompts import load_prompt

        path = state_path(output)
        with RunState(path).lock():  # read under the lock: another run may have just written it
            state = RunState.load(path)
            state.check_settings(active.settings.model, active.settings.provider, load_prompt().version)
            _execute(Path(folder), output, active if owned else None, active, state, report, opts)
    except BaseException:
        if owned:
            active.close()
        raise
    return report


def _execute(
    folder: Path,
    output: Output,
    owned: Summarizer | None,
    active: Summarizer,
    state: RunState,
    report: BatchApiReport,
    opts: _Options,
) -> None:
    waiting = state.waiting()
    earlier = read_earlier(output, opts.retry_failed, waiting=waiting)

    def skip(name: str, reason: str) -> None:
        report.skipped.append((name, reason))
        if opts.on_skip:
            opts.on_skip(name, reason)

    ignore = [*output_files(output), state.path]
    base, paths = list_inputs(folder, globs=opts.globs, exclude=opts.exclude, ignore=ignore, on_skip=skip)
    if opts.on_total:
        opts.on_total(len(paths))
    names = out_dir_names(p.relative_to(base).as_posix() for p in paths) if output.out_dir else None
    writer = Writer(output, earlier.keep, names)
    run = _Run(
        active,
        state,
        writer,
        report,
        reask_via=opts.reask_via,
        concurrency=opts.concurrency,
        on_result=opts.on_result,
        note=opts.on_note or (lambda message: None),
    )
    started = time.perf_counter()

    async def main() -> None:
        try:
            await run.repair()
            for item in read_inputs(base, paths, text_field=opts.text_field):
                report.found += 1
                if earlier.holds(item, report):
                    continue
                run.found[item.article_id] = item
                if item.article_id in waiting:
                    continue  # asked already: its batch is collected below
                await run.submit(item)
            await run.flush()
            await run.poll(wait=opts.wait)
        finally:
            if owned is not None:
                await owned.aclose()
            elif active.client is not None:  # the caller's summarizer: its async client dies with this loop
                await active.client.arelease()

    try:
        asyncio.run(main())
    finally:
        writer.close()
        report.held = len(earlier.held(output, writer.ids))
        report.seconds = round(time.perf_counter() - started, 3)
