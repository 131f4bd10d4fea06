"""The provider's Batch API on the command line: ``batch --via batch-api``, ``batch-status`` and ``batch-cancel``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer

from ..errors import SummarizerError
from .commands import _fail, app, emit
from .console import BatchConsole
from .options import Command, ServerOptions, with_options

__all__ = ["batch_cancel", "batch_status", "run_via_batch_api"]


def _plural(count: int, one: str) -> str:
    return f"{count} {one}{'' if count == 1 else 's'}"


def run_via_batch_api(
    folder: Path, *, ui: BatchConsole, paths: dict[str, Any], options: dict[str, Any], **run: Any
) -> int:
    """Run ``batch --via batch-api``: submit, wait and collect (or submit and return); the exit code."""
    from ..batch import BatchApiReport, Terminated, run_batch_api

    report = BatchApiReport()
    try:
        with ui:
            run_batch_api(
                folder,
                on_result=ui.result,
                on_skip=ui.skipped,
                on_total=ui.total,
                on_note=ui.note,
                report=report,
                **paths,
                **run,
                **options,
            )
        ui.summary(report, folder, paths.get("globs", ()))
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (Terminated): the state file keeps the batches either way
        ui.console.print(
            f"interrupted: wrote {_plural(report.written, 'record')}; the batches go on at the provider and "
            "their ids are kept beside the output: run the same command again to collect them",
            markup=False,
            soft_wrap=True,
        )
        return 143 if isinstance(exc, Terminated) else 130
    _closing(ui, report)
    return 1 if report.errors_left else 0


def _closing(ui: BatchConsole, report: Any) -> None:
    """What the Batch API did: batches, re-asks by reason, cost against real time."""
    print_ = ui.console.print
    reasked = ", ".join(f"{n} {why}" for why, n in sorted(report.reasked.items())) or "none"
    lines = [
        f"batch API: {_plural(report.batches, 'batch')} created, {_plural(report.requests_sent, 'request')} "
        f"sent in batches, {report.realtime_requests} real-time",
        f"asked again: {reasked}",
    ]
    if report.cost_known:
        lines.append(
            f"cost ${report.cost_usd:.4f} at the batch price; ${report.realtime_cost_usd:.4f} in real time; "
            f"saved ${report.saved_usd:.4f}"
        )
    if report.pending:
        lines.append(
            f"{_plural(report.pending, 'article')} still in batches at the provider: run the same command again "
            "to collect them (summarizer batch-status -o ... shows how far they are)"
        )
    for line in lines:
        print_(line, markup=False, soft_wrap=True)


def _where(out: Path | None, out_dir: Path | None, fmt: str | None) -> dict[str, Any]:
    return {"out": out, "out_dir": out_dir, "fmt": fmt}


OutOption = Annotated[
    Path | None, typer.Option("--out", "-o", metavar="FILE", help="The output file of the batch run.")
]
OutDirOption = Annotated[Path | None, typer.Option(metavar="DIR", help="The output folder of the batch run.")]
FormatOption = Annotated[
    str | None, typer.Option("--format", "-f", metavar="FORMAT", help="The run's format, if not from the extension.")
]


def _show(rows: list[dict[str, Any]]) -> None:
    if not rows:
        emit("no batches")
        return
    emit(f"{'batch':<28} {'status':<11} {'round':>5} {'articles':>8} {'done':>6} {'failed':>6}  submitted")
    for row in rows:
        counts = row["request_counts"] or {}
        when = dt.datetime.fromtimestamp(row["submitted_at"], dt.UTC).strftime("%Y-%m-%d %H:%M")
        status = "collected" if row["collected"] else row["status"]
        emit(
            f"{row['id'] or '(creating)':<28} {status:<11} {row['round']:>5} {row['articles']:>8} "
            f"{counts.get('completed', 0):>6} {counts.get('failed', 0):>6}  {when}"
        )


@app.command("batch-status", cls=Command)
@with_options(server=ServerOptions)
def batch_status(
    server: ServerOptions, out: OutOption = None, out_dir: OutDirOption = None, fmt: FormatOption = None
) -> None:
    """Show the Batch API batches of a run (found by its output) as the provider reports them."""
    from .. import batch as batching

    try:
        rows = batching.batch_status(**_where(out, out_dir, fmt), **server.settings())
    except SummarizerError as exc:
        raise _fail(exc) from exc
    _show(rows)


@app.command("batch-cancel", cls=Command)
@with_options(server=ServerOptions)
def batch_cancel(
    server: ServerOptions, out: OutOption = None, out_dir: OutDirOption = None, fmt: FormatOption = None
) -> None:
    """Cancel a run's unfinished batches; the next batch run keeps what they answered, the rest as errors."""
    from .. import batch as batching

    try:
        rows = batching.cancel_batches(**_where(out, out_dir, fmt), **server.settings())
    except SummarizerError as exc:
        raise _fail(exc) from exc
    _show(rows)
