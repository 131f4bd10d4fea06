"""A Batch API run's sending side: request lines queued into batch files, uploaded, and their batches created.

A batch goes out when the next line would pass the provider's limits (lines or bytes)
or starts a further re-ask round; each step is noted in the state file first, so a
killed run finds the batch by its file (``repair``) instead of asking twice.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from ..config import option_name
from ..errors import InputError
from .api_report import BatchApiReport
from .api_state import RunState, Submitted, input_path
from .discovery import Found
from .runner import BatchReport, _error
from .writers import Result, Writer

if TYPE_CHECKING:
    from ..api import Summarizer

__all__ = ["Note", "Submitter"]

Note = Callable[[str], None]


class Submitter:
    """One run's moving parts (the summarizer, the batch client, the state, the writer, the report); sends lines."""

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
        """Write a result, count it, and pass it to the caller."""
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
                        f"(batch_max_bytes={s.batch_max_bytes:,}); lower {option_name('max_chars')} "
                        "or summarize it in real time"
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

    def discard(self) -> None:
        """Drop a batch file that was being written and was never sent (the run stopped first)."""
        if self._file is None:
            return
        handle, self._file = self._file, None
        handle.close()
        with contextlib.suppress(OSError):
            Path(handle.name).unlink()

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
