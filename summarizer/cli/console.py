"""What the batch command shows: notes, a progress line on a terminal, plain lines otherwise, a closing table.

All of it goes to standard error: standard output is for the command's output (records
with ``-o -``, the plan of a dry run).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType

from rich.console import Console, ConsoleOptions
from rich.live import Live
from rich.table import Table
from rich.text import Text

from ..batch import BatchPlan, BatchReport, Result, looked_for, truncation_warning
from ..batch.discovery import (
    READS,
    SKIP_BROKEN_LINK,
    SKIP_EXCLUDED,
    SKIP_HIDDEN,
    SKIP_LISTING,
    SKIP_OURS,
    SKIP_UNREADABLE,
    SKIP_UNSUPPORTED,
)
from ..models import SummaryRecord

__all__ = ["BatchConsole", "ProgressLine", "nothing_found", "skip_notes"]

LISTED = 10  # failures and truncations named one by one before "N more"
NAMED_SKIPS = 5  # skipped files named in a note before "and N more"
BAR_MIN, BAR_MAX = 10, 40


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _names(names: list[str], limit: int = NAMED_SKIPS) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f" and {len(names) - limit} more" if len(names) > limit else "")


def skip_notes(skipped: Iterable[tuple[str, str]]) -> list[str]:
    """One note per kind of file passed over, naming the first few."""
    groups: dict[str, list[str]] = {}
    notes = []
    for name, reason in skipped:
        kind, _, detail = reason.partition(": ")
        if kind == SKIP_LISTING:  # each with the command that runs what it names
            notes.append(f"skipped {name}: {detail}")
            continue
        groups.setdefault(reason.split(":", 1)[0], []).append(name)
    wording = {
        SKIP_OURS: (
            "file summarizer wrote itself (records, digests), not an article",
            "files summarizer wrote itself (records, digests), not articles",
        ),
        SKIP_UNSUPPORTED: (
            f"file of a type batch does not read (it reads {READS})",
            f"files of types batch does not read (it reads {READS})",
        ),
        SKIP_HIDDEN: ("hidden file or folder", "hidden files and folders"),
        SKIP_UNREADABLE: (
            "folder that could not be listed (check its permissions)",
            "folders that could not be listed (check their permissions)",
        ),
        SKIP_BROKEN_LINK: (
            "link that leads to no file (its target is gone, or links loop)",
            "links that lead to no file (their targets are gone, or links loop)",
        ),
        SKIP_EXCLUDED: ("file or folder matching --exclude", "files and folders matching --exclude"),
    }
    for reason, names in groups.items():
        one, many = wording.get(reason, (reason, reason))
        notes.append(f"skipped {_plural(len(names), one, many)}: {_names(names)}")
    return notes


def nothing_found(folder: object, globs: Iterable[str], skipped: int) -> str:
    """Say what a run that found no articles looked for."""
    extra = f"; {_plural(skipped, 'file')} skipped, see the notes above" if skipped else ""
    return f"no articles found in {folder}: looked for {looked_for(globs)}{extra}"


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class ProgressLine:
    """One progress line that fits the terminal: the least useful fields go first when it is narrow."""

    # dropped in this order; count, failed and ETA always stay
    DROP = ("tokens", "label", "cached", "cost", "ok", "elapsed")

    def __init__(self, *, llm: bool, clock: Callable[[], float] = time.monotonic) -> None:
        self.llm = llm
        self.clock = clock
        self.started = clock()
        self.total: int | None = None
        self.report = BatchReport()

    def fields(self) -> dict[str, str]:
        """The line's fields, in display order."""
        r = self.report
        done = r.ok + r.failed + r.already_done
        total = max(self.total or 0, r.found) or None
        elapsed = self.clock() - self.started
        ran = r.ok + r.failed
        eta = _clock(elapsed / ran * max(total - done, 0)) if total is not None and ran else "-:--:--"
        out = {"label": "summarizing", "count": f"{done}/{total}" if total else str(done)}
        out |= {"ok": f"ok {r.ok}", "cached": f"cached {r.cached}", "failed": f"failed {r.failed}"}
        if self.llm:
            out["tokens"] = f"{r.usage.total_tokens:,} tokens"
            out["cost"] = f"${r.cost_usd:.4f}" if r.cost_known else "cost n/a"
        out |= {"elapsed": _clock(elapsed), "eta": f"ETA {eta}"}
        return out

    def render(self, width: int) -> Text:
        """The line at a width, dropping fields (then the bar) until it fits."""
        fields = self.fields()
        shown = list(fields)
        bar = True
        for drop in (*self.DROP, "bar", None):
            stats = [k for k in shown if k != "label"]
            used = len(" · ".join(fields[k] for k in stats)) + (len(fields["label"]) + 1 if "label" in shown else 0)
            if (bar and width - used - 1 >= BAR_MIN) or (not bar and used <= width) or drop is None:
                break
            if drop == "bar":
                bar = False
            elif drop in shown:
                shown.remove(drop)
        text = Text(no_wrap=True, overflow="ellipsis")
        if "label" in shown:
            text.append(fields["label"] + " ", style="bold")
        if bar:
            size = min(BAR_MAX, width - used - 1)
            r = self.report
            total = max(self.total or 0, r.found)
            filled = round(size * (r.ok + r.failed + r.already_done) / total) if total else 0
            text.append("━" * filled, style="green")
            text.append("━" * (size - filled) + " ", style="grey37")
        for index, key in enumerate(k for k in shown if k != "label"):
            if index:
                text.append(" · ", style="dim")
            text.append(fields[key], style="red" if key == "failed" and self.report.failed else "")
        text.truncate(width, overflow="ellipsis")
        return text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Text]:
        yield self.render(options.max_width)


def _retry_hint(failed: int, retryable: int, *, resumable: bool) -> str:
    """What to do about the failures: --retry-failed for those a retry may fix, fixing the inputs for the rest."""
    inputs = failed - retryable  # input errors: the same input fails the same way
    if not retryable:
        what = "this failure is an input error" if failed == 1 else f"all {failed} failures are input errors"
        which = "that input" if failed == 1 else "those inputs"
        return f"{what} (InputError), which a rerun meets again: fix or remove {which}; the next run reads a fixed one"
    if not resumable:
        return ""
    if not inputs:
        return "run the same command with --retry-failed to redo the failed articles"
    return (
        f"run the same command with --retry-failed to redo the {_plural(retryable, 'failed article')} "
        f"a retry may fix; {_plural(inputs, 'input error')} (InputError) will fail again until fixed"
    )


class BatchConsole:
    """Reports a batch on standard error: notes, progress, the closing table."""

    def __init__(self, progress: bool | None = None, *, llm: bool = False) -> None:
        self.console = Console(stderr=True, file=sys.stderr, highlight=False)
        self.live = self.console.is_terminal if progress is None else progress
        self.llm = llm
        self._line: ProgressLine | None = None
        self._live: Live | None = None
        self._skipped: list[tuple[str, str]] = []
        self._truncated = 0

    def note(self, message: str) -> None:
        """Print one note line, unwrapped."""
        self.console.print(f"note: {message}", markup=False, soft_wrap=True)

    def __enter__(self) -> BatchConsole:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._live is not None:
            self._live.stop()
            self._live = None

    def _start(self) -> None:
        if self.live and self._live is None:
            self._line = ProgressLine(llm=self.llm)
            # stdout stays untouched: with -o - the records go there
            self._live = Live(
                self._line, console=self.console, refresh_per_second=4, redirect_stdout=False, redirect_stderr=False
            )
            self._live.start()

    def total(self, count: int) -> None:
        """Discovery is done: print its notes, start the progress line, set how many files the run reads."""
        for message in skip_notes(self._skipped):
            self.note(message)
        self._start()
        if self._line is not None:
            self._line.total = count

    def skipped(self, name: str, reason: str) -> None:
        """Keep an input that was passed over, for one note per kind."""
        self._skipped.append((name, reason))

    def result(self, result: Result, report: BatchReport) -> None:
        """Show one finished article."""
        warning = truncation_warning(result)
        if warning is not None:
            self._truncated += 1
            if self._truncated <= LISTED:
                self.note(f"{result.source_path}: {warning}")
            elif self._truncated == LISTED + 1:
                self.note("more articles were truncated; the closing table counts them")
        if self._line is not None:
            self._line.report = report
            if self._live is not None:
                self._live.refresh()
            return
        if isinstance(result, SummaryRecord):
            tag = "cached" if result.cached else "ok"
            level = result.summary.escalation.level
            self.console.print(f"{tag:<6} {result.source_path}  level {level}", markup=False, soft_wrap=True)
        else:
            self.console.print(
                f"error  {result.source_path}: {result.error_type}: {result.error}", markup=False, soft_wrap=True
            )

    def _failures(self, report: BatchReport) -> None:
        failures = report.failures + report.kept_errors
        if not failures:
            return
        self.console.print(f"failed ({len(failures)}):", markup=False, soft_wrap=True)
        for name, reason in failures[:LISTED]:
            self.console.print(f"  {name}: {reason}", markup=False, soft_wrap=True)
        if len(failures) > LISTED:
            self.console.print(f"  and {len(failures) - LISTED} more in {report.output}", markup=False, soft_wrap=True)
        hint = _retry_hint(len(failures), report.retryable, resumable=report.resumable)
        if hint:
            self.console.print(hint, markup=False, soft_wrap=True)

    def summary(self, report: BatchReport, folder: object = None, globs: Iterable[str] = ()) -> None:
        """Print the closing table, or one line when there was nothing to do."""
        if report.found == 0:
            self.console.print(nothing_found(folder, globs, len(report.skipped)), markup=False, soft_wrap=True)
            return
        if report.written == 0 and report.already_done == report.found:
            if report.kept_errors:
                self.console.print(
                    f"nothing new to do: all {report.found} articles are already in {report.output}, "
                    f"but {_plural(len(report.kept_errors), 'is an error record', 'are error records')}",
                    markup=False,
                    soft_wrap=True,
                )
                self._failures(report)
            else:
                self.console.print(
                    f"nothing to do: all {report.found} articles are already in {report.output}",
                    markup=False,
                    soft_wrap=True,
                )
            return
        table = Table(title="batch finished", show_header=False)
        table.add_row("articles found", str(report.found))
        if report.already_done:
            table.add_row("already in output", str(report.already_done))
        table.add_row("ok", f"{report.ok} ({report.cached} from cache)")
        table.add_row("failed", str(report.failed))
        if report.kept_errors:
            table.add_row("failed earlier", f"{len(report.kept_errors)} (kept)")
        if report.skipped:
            table.add_row("skipped", f"{len(report.skipped)} (see the notes)")
        if report.truncated:
            table.add_row("truncated", f"{report.truncated} (see the records' warnings)")
        if report.engine == "llm":
            table.add_row("tokens", f"{report.usage.total_tokens:,}")
            table.add_row("estimated cost", f"${report.cost_usd:.4f}" if report.cost_known else "unknown model price")
        table.add_row("time", f"{report.seconds:.1f} s")
        table.add_row("output", report.output)
        self.console.print(table)
        self._failures(report)

    def interrupted(self, report: BatchReport) -> None:
        """Say what an interrupted run left behind."""
        records = _plural(report.written, "record")
        if report.resumable:
            message = (
                f"interrupted: wrote {records} this run; {report.output} holds {report.held}; "
                "run the same command again to resume"
            )
        else:
            message = f"interrupted: wrote {records} to {report.output}"
        self.console.print(message, markup=False, soft_wrap=True)

    def show_plan(self, plan: BatchPlan, folder: object = None, globs: Iterable[str] = ()) -> None:
        """Print what a run would do: the plan on standard output, notes on standard error."""
        for message in skip_notes(plan.skipped):
            self.note(message)
        llm = plan.engine == "llm"
        out = sys.stdout
        out.write(f"dry run: engine {plan.engine}" + (f", model {plan.model}" if plan.model else ""))
        out.write(f", output {plan.output}\n" if plan.output else "\n")
        if not plan.articles:
            out.write(nothing_found(folder, globs, len(plan.skipped)) + "\n")
            return
        head = f"{'state':<6} {'chars':>9}"
        if llm:
            head += f" {'prompt':>8} {'answer':>7} {'cost':>9}"
        out.write(head + "  source\n")
        failing = 0
        for a in plan.articles:
            state, reason = [*a.state.split(": ", 1), ""][:2]
            failing += state == "error"
            runs = state in ("to do", "redo")  # done and failing rows were not read: no size, no estimate
            row = f"{state:<6} {a.chars:>9,}" if runs else f"{state:<6} {'-':>9}"
            if llm and runs:
                cost = "?" if a.cost_usd is None else f"${a.cost_usd:.5f}"
                row += f" {a.prompt_tokens:>8,} {a.completion_tokens:>7,} {cost:>9}"
            elif llm:
                row += f" {'-':>8} {'-':>7} {'-':>9}"
            out.write(f"{row}  {a.source}" + (f"  ({reason})" if reason else "") + "\n")
        totals = plan.totals()
        line = f"{totals['to_run']} of {totals['articles']} articles would run"
        if llm:
            cost = "unknown model price" if totals["cost_usd"] is None else f"${totals['cost_usd']:.4f}"
            line += f": ~{totals['prompt_tokens']:,} prompt + ~{totals['completion_tokens']:,} answer tokens, {cost}"
            line += " at the Batch API price" if plan.batch_price and totals["cost_usd"] is not None else ""
        else:
            line += " on the extractive engine (no tokens, no cost)"
        if failing:
            line += f"; {failing} would fail (rows marked error)"
        out.write(line + "\n")
