"""Run a folder through the provider's Batch API: submit, keep the state beside the output, poll, collect.

The requests are the real-time path's; each answer goes through the same validation,
grounding, verifier and cache, into the same writers. Items that fail validation or
grounding, expire or error are asked again (in real time, or in a further batch), and
counted. Cost is at the batch price for batch tokens and at the real-time price for
real-time re-asks. ``api_submit`` sends the request lines, ``api_collect`` polls and
collects, ``api_report`` counts, ``api_state`` keeps the state file.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Settings, resolve_settings
from ..errors import ConfigError
from .api_collect import Collector
from .api_report import BatchApiReport
from .api_state import RunState, state_path
from .api_submit import Note
from .discovery import check_source, list_inputs, read_inputs, source_name
from .runner import BatchReport, output_files, read_earlier
from .stopping import SigtermStop
from .writers import Output, Result, Writer, out_dir_names, resolve_output

if TYPE_CHECKING:
    from ..api import Summarizer

__all__ = ["REASK_VIAS", "BatchApiReport", "run_batch_api"]

REASK_VIAS = ("realtime", "batch")


NEEDS_FILE = "the Batch API keeps its state beside the output: give -o FILE or --out-dir, not a stream"
NEEDS_LLM = (
    "the Batch API needs an LLM: set OPENAI_API_KEY (or --base-url for a server with a Batch API); "
    "the extractive engine runs locally and needs no batch"
)


def _summarizer(summarizer: Summarizer | None, options: dict[str, Any]) -> tuple[Summarizer, bool]:
    from ..api import Summarizer

    if summarizer is None:  # refused before a Summarizer exists, which would announce the extractive engine first
        names = {f.name for f in fields(Settings)}
        if resolve_settings(**{k: v for k, v in options.items() if k in names}).resolved_engine() != "llm":
            raise ConfigError(NEEDS_LLM)
    active = summarizer if summarizer is not None else Summarizer(**options)
    if active.client is None:
        if summarizer is None:
            active.close()
        raise ConfigError(NEEDS_LLM)
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
        raise ConfigError(NEEDS_FILE)
    check_source(folder)
    opts = _Options(
        globs, exclude, text_field, retry_failed, reask_via, wait, concurrency, on_result, on_skip, on_total, on_note
    )
    active, owned = _summarizer(summarizer, options)
    report = report if report is not None else BatchApiReport()
    report.engine, report.output, report.resumable = active.engine, output.where, True
    with SigtermStop() as stop:  # SIGTERM ends the run as Ctrl-C does, raising Terminated; the state file stays
        try:
            from ..llm.prompts import load_prompt

            path = state_path(output)
            with RunState(path).lock():  # read under the lock: another run may have just written it
                state = RunState.load(path)
                state.check_settings(active.settings.model, active.settings.provider, load_prompt().version)
                _execute(Path(folder), output, active if owned else None, active, state, report, opts, stop)
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
    stop: SigtermStop,
) -> None:
    waiting = state.waiting()
    earlier = read_earlier(output, opts.retry_failed, waiting=waiting)
    try:

        def skip(name: str, reason: str) -> None:
            report.skipped.append((name, reason))
            if opts.on_skip:
                opts.on_skip(name, reason)

        ignore = [*output_files(output), state.path]
        base, paths = list_inputs(folder, globs=opts.globs, exclude=opts.exclude, ignore=ignore, on_skip=skip)
        if opts.on_total:
            opts.on_total(len(paths))
        names = out_dir_names(source_name(base, p) for p in paths) if output.out_dir else None
        writer = Writer(output, earlier.keep, names, lock=earlier.lock)
    except BaseException:
        earlier.release()
        raise
    run = Collector(
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
        stop.watch()  # a SIGTERM now cancels this task, as Ctrl-C does in asyncio.run
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
            stop.closing()  # a SIGTERM from here waits until the client and the output are closed
            if owned is not None:
                await owned.aclose()
            elif active.client is not None:  # the caller's summarizer: its async client dies with this loop
                await active.client.arelease()

    try:
        asyncio.run(main())
    finally:
        stop.closing()
        run.discard()
        writer.close()
        report.held = len(earlier.held(output, writer.ids))
        report.seconds = round(time.perf_counter() - started, 3)
