"""A Batch API run's receiving side: poll the batches, check each answer, ask again what failed, write records.

Each answer goes through the real-time path's validation, grounding, verifier and
cache; what fails validation or grounding, expires or errors is asked again in real
time or in a further batch, and counted.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any

from ..config import estimate_cost, option_name
from ..errors import BatchIncomplete, OutputError, SummarizerError
from ..models import BatchOrigin, Usage
from .api_report import Ask, ask_carry, ask_stats, ask_usage
from .api_state import Submitted
from .api_submit import Submitter
from .discovery import Found
from .runner import _error

if TYPE_CHECKING:
    from ..llm.batches import Item

__all__ = ["Collector"]


class Collector(Submitter):
    """A whole run: the sending side, plus polling and collecting the batches it (or a killed run) made."""

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
        ask = Ask.of(info.get("carry"))
        ask.requests += 1
        ask.batch_ids.append(entry.id)
        try:
            again = await self._settle(found, info, item, entry, ask)
        except Exception as exc:  # every failure becomes an error line; the run goes on
            self.fail(found, ask, exc)
            return None
        return None if again is None else self._guard(found, ask, again)

    async def _guard(self, found: Found, ask: Ask, again: Awaitable[None]) -> None:
        try:
            await again
        except Exception as exc:
            self.fail(found, ask, exc)

    def fail(self, found: Found, ask: Ask, exc: Exception) -> None:
        """Write an article's error line, counting the batch requests and tokens it took."""
        error = _error(found, exc)
        usage = getattr(exc, "usage", None)
        attempts = max(error.attempts, ask.requests)
        self.emit(
            error.model_copy(
                update={"attempts": attempts, "usage": usage if isinstance(usage, Usage) else ask_usage(ask)}
            )
        )

    async def _settle(
        self, found: Found, info: dict[str, Any], item: Item | None, entry: Submitted, ask: Ask
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
                    f"raise {option_name('max_tokens')} (or SUMMARIZER_MAX_TOKENS)",
                    attempts=ask.requests,
                    usage=ask_usage(ask),
                )
            spent = ask.model_calls - 1 >= s.max_reasks
            if checked.problem is None or spent:  # valid, or no re-ask left: salvage as real time does
                self.keep(job, found.article_id, ask, self.client.answer(ask_stats(ask), checked), "batch")
                return None
            self.report.count("ungrounded" if "do not occur in the article" in str(checked.problem) else "invalid")
            return await self.again(found, job, ask, checked.messages, entry, reask=True)
        if entry.status == "cancelled":
            raise BatchIncomplete(
                f"batch {entry.id} was cancelled before it answered this article; run again with --retry-failed",
                attempts=ask.requests,
                usage=ask_usage(ask),
            )
        why = entry.status if entry.status == "failed" else (item.kind if item else "missing")
        if self.reask_via == "batch" and entry.round >= max(s.max_reasks, 1):
            detail = item.error if item else f"batch {entry.id} ended {entry.status} with no answer for it"
            raise BatchIncomplete(
                f"no answer after {entry.round + 1} batches ({detail}); run again with --retry-failed",
                attempts=ask.requests,
                usage=ask_usage(ask),
            )
        self.report.count(why)
        return await self.again(found, job, ask, job.messages, entry, reask=False)

    async def again(
        self, found: Found, job: Any, ask: Ask, messages: list[dict[str, Any]], entry: Submitted, *, reask: bool
    ) -> Awaitable[None] | None:
        """Ask one article again: queued for a further batch now, or returned to be asked in real time."""
        if self.reask_via == "batch":
            extra = messages[len(job.messages) :]
            info = {"source": found.source, "carry": ask_carry(ask), "extra": extra}
            line = self.client.line(found.article_id, self.client.body(messages))
            await self.add(found.article_id, info, line, entry.round + 1)
            return None
        return self.realtime(found, job, ask, messages, reask=reask)

    async def realtime(self, found: Found, job: Any, ask: Ask, messages: list[dict[str, Any]], *, reask: bool) -> None:
        """Ask one article again in real time, with the re-asks it has left."""
        left = self.settings.max_reasks - ask.model_calls if reask else None
        started = time.perf_counter()
        async with self.gate:
            try:
                answer = await self.client.chat.aextract(messages, job.document.text, max_reasks=left)
            except SummarizerError as exc:  # the error line counts the batch's tokens and request too
                total = ask_usage(ask)
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

    def keep(self, job: Any, article_id: str, ask: Ask, answer: Any, by: str, latency: float | None = None) -> None:
        """Build the record through the real-time path's grounding, verifier and cache; price it; write it."""
        s = self.settings
        batch_usage = ask_usage(ask)
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

    def _waited(self, ask: Ask) -> float:
        first = next((b for b in self.state.batches if b.id == ask.batch_ids[0]), None)
        return max(time.time() - first.submitted_at, 0.0) if first else 0.0
