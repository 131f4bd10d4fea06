"""What the batch command shows: a progress bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from .batch import BatchPlan, BatchReport, Result
from .models import SummaryRecord

__all__ = ["BatchConsole"]


class BatchConsole:
    """Reports batch progress on standard error; the output itself goes to files."""

    def __init__(self, progress: bool | None = None) -> None:
        self.console = Console(stderr=True, file=sys.stderr, highlight=False)
        self.live = self.console.is_terminal if progress is None else progress
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> BatchConsole:
        if self.live:
            self._progress = Progress(
                TextColumn("[bold]summarizing"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[stats]}"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=self.console,
                transient=False,
            )
            self._progress.start()
            self._task = self._progress.add_task("batch", total=None, stats="")
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def total(self, count: int) -> None:
        """Set how many files the run will read (JSON exports may hold more articles)."""
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, total=count)

    def skipped(self, name: str, reason: str) -> None:
        """Note an input that was passed over."""
        if not self.live:
            self.console.print(f"skip   {name}: {reason}", markup=False, soft_wrap=True)

    def result(self, result: Result, report: BatchReport) -> None:
        """Show one finished article."""
        if self._progress is not None and self._task is not None:
            cost = f"${report.cost_usd:.4f}" if report.cost_known else "cost n/a"
            stats = (
                f"ok {report.ok} · cached {report.cached} · failed {report.failed} · "
                f"{report.usage.total_tokens:,} tokens · {cost}"
            )
            task = self._progress.tasks[0]
            total = max(task.total or 0, report.found)
            self._progress.update(
                self._task, completed=report.ok + report.failed + report.already_done, total=total, stats=stats
            )
            return
        if isinstance(result, SummaryRecord):
            tag = "cached" if result.cached else "ok"
            level = result.summary.escalation.level
            self.console.print(f"{tag:<6} {result.source_path}  level {level}", markup=False, soft_wrap=True)
        else:
            self.console.print(
                f"error  {result.source_path}: {result.error_type}: {result.error}", markup=False, soft_wrap=True
            )

    def summary(self, report: BatchReport, where: Path | None) -> None:
        """Print the closing table."""
        if report.found and report.already_done == report.found:
            self.console.print(f"nothing to do: all {report.found} articles are already in {where}", markup=False)
            return
        table = Table(title="batch finished", show_header=False)
        table.add_row("articles found", str(report.found))
        table.add_row("already in output", str(report.already_done))
        table.add_row("ok", f"{report.ok} ({report.cached} from cache)")
        table.add_row("failed", str(report.failed))
        if report.skipped:
            table.add_row("skipped", str(len(report.skipped)))
        table.add_row("tokens", f"{report.usage.total_tokens:,}")
        table.add_row("estimated cost", f"${report.cost_usd:.4f}" if report.cost_known else "unknown model price")
        table.add_row("time", f"{report.seconds:.1f} s")
        table.add_row("output", str(where))
        self.console.print(table)

    def show_plan(self, plan: BatchPlan) -> None:
        """Print what a run would do, with estimates."""
        table = Table(title=f"dry run: engine {plan.engine}" + (f", model {plan.model}" if plan.model else ""))
        for column in ("source", "state", "chars", "prompt tokens", "answer tokens", "cost"):
            table.add_column(column, overflow="fold")
        for a in plan.articles:
            cost = "" if a.cost_usd is None else f"${a.cost_usd:.5f}"
            table.add_row(a.source, a.state, str(a.chars), str(a.prompt_tokens), str(a.completion_tokens), cost)
        self.console.print(table)
        totals = plan.totals()
        cost = "unknown model price" if totals["cost_usd"] is None else f"${totals['cost_usd']:.4f}"
        self.console.print(
            f"{totals['to_run']} of {totals['articles']} articles would run: "
            f"~{totals['prompt_tokens']:,} prompt + ~{totals['completion_tokens']:,} answer tokens, {cost}",
            markup=False,
        )
        for name, reason in plan.skipped:
            self.console.print(f"skip   {name}: {reason}", markup=False, soft_wrap=True)
