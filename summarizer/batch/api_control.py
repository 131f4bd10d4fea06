"""Look at or cancel a Batch API run's batches, found through the state file beside its output."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from .api_state import RunState, Submitted, state_path
from .batch_api import _summarizer
from .writers import resolve_output

if TYPE_CHECKING:
    from ..api import Summarizer
    from ..llm.batches import BatchClient

__all__ = ["batch_status", "cancel_batches"]


def _open(
    out: Path | str | None, fmt: str | None, out_dir: Path | None, options: dict[str, Any]
) -> tuple[RunState, BatchClient, Summarizer]:
    from ..llm.batches import BatchClient

    output = resolve_output(out, fmt, out_dir)
    path = state_path(output)
    if not path.exists():
        raise ConfigError(f"no Batch API run writes to {output.where}: its state file {path.name} is not there")
    state = RunState.load(path)
    active, _ = _summarizer(None, options)
    assert active.client is not None
    return state, BatchClient(active.client), active


def _each_open(
    out: Path | str | None,
    fmt: str | None,
    out_dir: Path | None,
    options: dict[str, Any],
    act: Callable[[BatchClient, str], Awaitable[dict[str, Any]]],
    wanted: Callable[[Submitted], bool],
) -> list[dict[str, Any]]:
    state, client, active = _open(out, fmt, out_dir, options)

    async def main() -> None:
        try:
            for entry in state.batches:
                if entry.id is not None and wanted(entry):
                    batch = await act(client, entry.id)
                    entry.status = str(batch.get("status"))
                    entry.request_counts = dict(batch.get("request_counts") or {})
        finally:
            await active.aclose()

    asyncio.run(main())  # the state file is the run's to write: only what is shown is refreshed
    return [_row(entry) for entry in state.batches]


def batch_status(
    out: Path | str | None, *, fmt: str | None = None, out_dir: Path | None = None, **options: Any
) -> list[dict[str, Any]]:
    """The batches of a run (found by its output), the open ones as the provider reports them now."""
    return _each_open(out, fmt, out_dir, options, lambda c, i: c.retrieve(i), lambda e: not e.collected)


def cancel_batches(
    out: Path | str | None, *, fmt: str | None = None, out_dir: Path | None = None, **options: Any
) -> list[dict[str, Any]]:
    """Cancel a run's unfinished batches; the next run keeps what they answered and records the rest as errors."""
    return _each_open(
        out, fmt, out_dir, options, lambda c, i: c.cancel(i), lambda e: not e.collected and not e.finished
    )


def _row(entry: Submitted) -> dict[str, Any]:
    return {
        "id": entry.id,
        "status": entry.status,
        "articles": entry.size,
        "round": entry.round,
        "collected": entry.collected,
        "request_counts": entry.request_counts,
        "submitted_at": entry.submitted_at,
    }
