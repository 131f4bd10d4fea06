"""Summarize folders: discover inputs, run them concurrently, write every result, resume.

Every input found is accounted for exactly once in the output: as an ``ok``
record or as an ``error`` record with the reason. Results are written as they
complete, one whole JSON line per ``write`` call, so a killed run leaves only
whole lines; a re-run skips what the output already holds.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import fnmatch
import hashlib
import io
import json
import os
import time
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .errors import ConfigError, InputError, SummarizerError
from .ingest import Document, document_from_bytes, documents_from_json, file_format
from .models import ErrorRecord, SummaryRecord, Usage

__all__ = [
    "FORMATS",
    "BatchPlan",
    "BatchReport",
    "Found",
    "Result",
    "discover",
    "estimate_tokens",
    "list_inputs",
    "plan_batch",
    "read_done",
    "read_inputs",
    "run_batch",
    "summarize_folder",
]

FORMATS = ("jsonl", "json", "csv", "md")
Result = SummaryRecord | ErrorRecord
FSYNC_EVERY = 1.0  # seconds between fsyncs of the output; whole lines never depend on it


@dataclass
class Found:
    """One input found in a folder: its id, where it came from, and how to read it."""

    article_id: str
    source: str
    path: Path
    data: bytes | None = None
    document: Document | None = None
    error: InputError | None = None

    def load(self) -> Document:
        """Return the document, decoding and cleaning the file now if needed."""
        if self.error is not None:
            raise self.error
        if self.document is not None:
            return self.document
        assert self.data is not None
        return document_from_bytes(self.data, kind=file_format(self.path), source=self.source)


def _article_id(source: str, raw: bytes) -> str:
    digest = hashlib.sha256(raw).hexdigest()
    return hashlib.sha256(f"{source}\x00{digest}".encode()).hexdigest()[:16]


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def list_inputs(
    root: Path,
    *,
    globs: Iterable[str] = ("**/*",),
    exclude: Iterable[str] = (),
    ignore: Iterable[Path] = (),
    on_skip: Callable[[str, str], None] | None = None,
) -> tuple[Path, list[Path]]:
    """Return the base folder and the files to read under root, sorted, filtered."""
    root = Path(root)
    if root.is_file():
        return root.parent, [root]
    if not root.is_dir():
        raise ConfigError(f"{root} is neither a folder nor a file; check the path")
    ignored = {Path(p).resolve() for p in ignore}
    excluded = list(exclude)
    kept = []
    for path in sorted({p for pattern in globs for p in root.glob(pattern) if p.is_file()}):
        name = path.relative_to(root).as_posix()
        if path.resolve() in ignored:
            continue
        if _hidden(path.relative_to(root)):
            reason: str | None = "hidden file or folder"
        elif any(fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(path.name, pattern) for pattern in excluded):
            reason = "excluded by --exclude"
        else:
            reason = None
        if reason is None:
            kept.append(path)
        elif on_skip:
            on_skip(name, reason)
    return root, kept


def read_inputs(base: Path, paths: Iterable[Path], *, text_field: str | None = None) -> Iterator[Found]:
    """Yield one Found per file, or per object of a JSON export, reading lazily."""
    for path in paths:
        name = path.relative_to(base).as_posix()
        try:
            data = path.read_bytes()
        except OSError as exc:
            error = InputError(f"cannot read {name}: {exc.strerror or exc}")
            yield Found(_article_id(name, name.encode()), name, path, error=error)
            continue
        kind = file_format(path)
        if kind not in ("json", "jsonl"):
            yield Found(_article_id(name, data), name, path, data=data)
            continue
        count = 0
        try:
            for label, item in documents_from_json(data, jsonl=kind == "jsonl", source=name, text_field=text_field):
                count += 1
                if isinstance(item, InputError):
                    yield Found(_article_id(label, label.encode()), label, path, error=item)
                else:
                    yield Found(_article_id(label, item.text.encode()), label, path, document=item)
        except InputError as exc:
            yield Found(_article_id(name, data), name, path, error=exc)
            continue
        if count == 0:
            yield Found(_article_id(name, data), name, path, error=InputError(f"{name} holds no JSON objects"))


def discover(
    root: Path,
    *,
    globs: Iterable[str] = ("**/*",),
    exclude: Iterable[str] = (),
    text_field: str | None = None,
    ignore: Iterable[Path] = (),
    on_skip: Callable[[str, str], None] | None = None,
) -> Iterator[Found]:
    """Yield the inputs under root in a stable order (sorted relative paths), lazily."""
    base, paths = list_inputs(root, globs=globs, exclude=exclude, ignore=ignore, on_skip=on_skip)
    return read_inputs(base, paths, text_field=text_field)


def estimate_tokens(text: str, *, prompt_chars: int, max_tokens: int) -> tuple[int, int]:
    """Rough (prompt, completion) tokens for one article: 4 characters a token."""
    return (prompt_chars + len(text)) // 4, min(max_tokens, 800)


# output -------------------------------------------------------------------------------------


def _line(result: Result) -> str:
    return result.model_dump_json() + "\n"


def _read_jsonl(path: Path, repair: bool) -> list[dict[str, Any]]:
    """Read whole JSON lines; with repair, cut a torn last line off the file."""
    if not path.exists():
        return []
    data = path.read_bytes()
    good_end = data.rfind(b"\n") + 1
    if repair and good_end < len(data):
        with open(path, "r+b") as handle:
            handle.truncate(good_end)
    rows = []
    for raw in data[:good_end].splitlines():
        try:
            row = json.loads(raw)
        except json.JSONDecodeError:
            continue
        if isinstance(row, dict) and "article_id" in row:
            rows.append(row)
    return rows


def _flatten(row: dict[str, Any]) -> dict[str, Any]:
    summary = row.get("summary") or {}
    escalation = summary.get("escalation") or {}
    usage = row.get("usage") or {}
    return {
        "status": row.get("status"),
        "article_id": row.get("article_id"),
        "source_path": row.get("source_path"),
        "title": row.get("title"),
        "published": row.get("published"),
        "engine": row.get("engine"),
        "model": row.get("model"),
        "cached": row.get("cached"),
        "event_type": escalation.get("event_type"),
        "level": escalation.get("level"),
        "goldstein": escalation.get("goldstein"),
        "direction": escalation.get("direction"),
        "summary": summary.get("summary"),
        "key_figures": len(summary.get("key_figures") or []),
        "hedges": len(summary.get("hedges") or []),
        "tokens": usage.get("total_tokens"),
        "cost_usd": row.get("cost_usd"),
        "error_type": row.get("error_type"),
        "error": row.get("error"),
    }


def _markdown(row: dict[str, Any]) -> str:
    head = f"<!-- article_id: {row['article_id']} status: {row.get('status')} -->\n"
    name = row.get("title") or row.get("source_path") or row["article_id"]
    if row.get("status") != "ok":
        return f"{head}## {name}\n\n**Error** ({row.get('error_type')}): {row.get('error')}\n"
    summary = row["summary"]
    esc = summary["escalation"]
    lines = [
        f"{head}## {name}",
        "",
        f"*{row.get('source_path') or ''}* · escalation level {esc['level']}/5, {esc['event_type']}, "
        f"Goldstein {esc['goldstein']}, {esc['direction']}",
        "",
        summary["summary"],
        "",
    ]
    lines += [f"- {point}" for point in summary["key_points"]]
    if summary["key_figures"]:
        lines += ["", "| figure | what | claimed by | status |", "| --- | --- | --- | --- |"]
        for f in summary["key_figures"]:
            cells = [f["quantity"], f.get("unit") or "", f.get("source") or "-", f["status"]]
            lines.append("| " + " | ".join(str(c).replace("|", "/") for c in cells) + " |")
    if summary["hedges"]:
        lines += ["", "Hedged: " + "; ".join(f"*{h['cue']}* ({h['kind']})" for h in summary["hedges"])]
    return "\n".join(lines) + "\n"


def _render(rows: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        flat = [_flatten(r) for r in rows]
        writer = csv.DictWriter(buffer, fieldnames=list(_flatten({"article_id": ""}).keys()))
        writer.writeheader()
        writer.writerows(flat)
        return buffer.getvalue()
    if fmt == "md":
        return "\n".join(_markdown(r) for r in rows)
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def _journal(out: Path, fmt: str) -> Path:
    return out if fmt == "jsonl" else out.with_name(out.name + ".partial.jsonl")


def read_done(out: Path | None, fmt: str = "jsonl", out_dir: Path | None = None) -> dict[str, dict[str, Any]]:
    """Return the rows already written, by article id (the last one wins)."""
    rows: list[dict[str, Any]] = []
    if out_dir is not None and out_dir.is_dir():
        for path in sorted(out_dir.glob("*.json")):
            with contextlib.suppress(OSError, json.JSONDecodeError):
                rows.append(json.loads(path.read_text(encoding="utf-8")))
    if out is not None:
        if fmt == "json" and out.exists():
            with contextlib.suppress(json.JSONDecodeError):
                rows += [r for r in json.loads(out.read_text(encoding="utf-8")) if isinstance(r, dict)]
        rows += _read_jsonl(_journal(out, fmt), repair=True)
    return {row["article_id"]: row for row in rows if "article_id" in row}


class _Writer:
    """Writes results as they come: JSON lines appended, or one file per article."""

    def __init__(self, out: Path | None, fmt: str, out_dir: Path | None, keep: list[dict[str, Any]]) -> None:
        self.out, self.fmt, self.out_dir = out, fmt, out_dir
        self.rows = keep
        self._last_sync = time.monotonic()
        self._fd: int | None = None
        if out is not None:
            journal = _journal(out, fmt)
            journal.parent.mkdir(parents=True, exist_ok=True)
            if fmt == "jsonl":  # rewrite without the rows being redone
                _atomic_write(journal, _render(keep, "jsonl"))
            self._fd = os.open(journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        if out_dir is not None:
            out_dir.mkdir(parents=True, exist_ok=True)

    def write(self, result: Result) -> None:
        line = _line(result)
        if self._fd is not None:
            os.write(self._fd, line.encode("utf-8"))  # one call: a kill leaves whole lines
            if time.monotonic() - self._last_sync > FSYNC_EVERY:
                os.fsync(self._fd)
                self._last_sync = time.monotonic()
        if self.out_dir is not None:
            suffix = "md" if self.fmt == "md" else "json"
            row = json.loads(line)
            text = _markdown(row) if suffix == "md" else json.dumps(row, indent=2, ensure_ascii=False) + "\n"
            _atomic_write(self.out_dir / f"{result.article_id}.{suffix}", text)
        if self.fmt != "jsonl" and self.out is not None:
            self.rows.append(json.loads(line))

    def close(self) -> None:
        if self._fd is not None:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = None
        if self.out is not None and self.fmt != "jsonl":
            _atomic_write(self.out, _render(self.rows, self.fmt))
            with contextlib.suppress(FileNotFoundError):
                _journal(self.out, self.fmt).unlink()


# execution ----------------------------------------------------------------------------------


@dataclass
class BatchReport:
    """What a batch run did."""

    found: int = 0
    ok: int = 0
    failed: int = 0
    cached: int = 0
    already_done: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)
    cost_usd: float = 0.0
    cost_known: bool = True
    seconds: float = 0.0

    def add(self, result: Result) -> None:
        """Count one result."""
        if isinstance(result, SummaryRecord):
            self.ok += 1
            self.cached += result.cached
            if not result.cached:
                self.usage.add(result.usage.prompt_tokens, result.usage.completion_tokens)
                if result.cost_usd is None:
                    self.cost_known = False
                else:
                    self.cost_usd += result.cost_usd
        else:
            self.failed += 1
            self.usage.add(result.usage.prompt_tokens, result.usage.completion_tokens)


def _error(found: Found, exc: BaseException) -> ErrorRecord:
    if isinstance(exc, SummarizerError):
        kind, message = type(exc).__name__, str(exc)
    else:  # a bug of ours must not stop the batch; the line says so
        kind, message = "InternalError", f"{type(exc).__name__}: {exc} (a summarizer bug; please report it)"
    usage = getattr(exc, "usage", None)
    return ErrorRecord(
        article_id=found.article_id,
        source_path=found.source,
        error_type=kind,
        error=message,
        attempts=getattr(exc, "attempts", 0) or 0,
        usage=usage if isinstance(usage, Usage) else Usage(),
        created_at=datetime.now(UTC),
    )


async def _process(summarizer: Any, found: Found) -> Result:
    try:
        document = found.load()
        return await summarizer.asummarize(document, article_id=found.article_id)  # type: ignore[no-any-return]
    except Exception as exc:  # every failure becomes an error line; the batch goes on
        return _error(found, exc)


async def summarize_found(summarizer: Any, items: Iterable[Found], *, concurrency: int = 8) -> AsyncIterator[Result]:
    """Run items through a summarizer with bounded concurrency; yield results as they complete."""
    if concurrency < 1:
        raise ConfigError("concurrency must be at least 1")
    queue: asyncio.Queue[Found | None] = asyncio.Queue(maxsize=concurrency * 2)
    results: asyncio.Queue[Result | None] = asyncio.Queue()

    async def produce() -> None:
        try:
            for item in items:
                await queue.put(item)
        finally:  # the workers stop even if discovery fails; the failure surfaces below
            for _ in range(concurrency):
                await queue.put(None)

    async def work() -> None:
        while (item := await queue.get()) is not None:
            await results.put(await _process(summarizer, item))
        await results.put(None)

    tasks = [asyncio.create_task(produce())] + [asyncio.create_task(work()) for _ in range(concurrency)]
    try:
        finished = 0
        while finished < concurrency:
            result = await results.get()
            if result is None:
                finished += 1
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
    **options: Any,
) -> AsyncIterator[Result]:
    """Summarize every article under a folder; yield a record or an error record for each."""
    from .api import Summarizer

    async with Summarizer(**options) as summarizer:
        items = discover(Path(folder), globs=globs, exclude=exclude, text_field=text_field)
        async for result in summarize_found(summarizer, items, concurrency=concurrency):
            yield result


def run_batch(
    folder: Path,
    *,
    out: Path | None,
    fmt: str = "jsonl",
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
    **options: Any,
) -> BatchReport:
    """Summarize a folder into an output file or folder, resuming what is already there."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if out is None and out_dir is None:
        raise ConfigError("give an output file (-o) or folder (--out-dir)")
    if not Path(folder).exists():
        raise ConfigError(f"{folder} does not exist; give a folder of articles or one file")
    from .api import Summarizer

    report = BatchReport()
    done = read_done(out, fmt, out_dir)
    redo = {aid for aid, row in done.items() if retry_failed and row.get("status") != "ok"}
    keep = [row for aid, row in done.items() if aid not in redo]
    ignore = [p for p in (out, out and _journal(out, fmt)) if p is not None]

    def skip(name: str, reason: str) -> None:
        report.skipped.append((name, reason))
        if on_skip:
            on_skip(name, reason)

    base, paths = list_inputs(folder, globs=globs, exclude=exclude, ignore=ignore, on_skip=skip)
    if on_total:
        on_total(len(paths))

    def pending() -> Iterator[Found]:
        for item in read_inputs(base, paths, text_field=text_field):
            report.found += 1
            if item.article_id in done and item.article_id not in redo:
                report.already_done += 1
                continue
            yield item

    writer = _Writer(out, fmt, out_dir, keep)
    started = time.perf_counter()

    async def main() -> None:
        owned = summarizer is None
        active = summarizer if summarizer is not None else Summarizer(**options)
        try:
            async for result in summarize_found(active, pending(), concurrency=concurrency):
                writer.write(result)
                report.add(result)
                if on_result:
                    on_result(result, report)
        finally:
            if owned:
                await active.aclose()

    try:
        asyncio.run(main())
    finally:
        writer.close()
        report.seconds = round(time.perf_counter() - started, 3)
    return report


@dataclass
class PlannedArticle:
    """One input as a dry run sees it."""

    source: str
    article_id: str
    state: str  # "to do", "done", "redo" or "error: <reason>"
    chars: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = 0.0


@dataclass
class BatchPlan:
    """What a batch run would do, with token and cost estimates."""

    engine: str
    model: str | None
    articles: list[PlannedArticle] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    @property
    def to_run(self) -> list[PlannedArticle]:
        """The articles a run would send to the engine."""
        return [a for a in self.articles if a.state in ("to do", "redo")]

    def totals(self) -> dict[str, Any]:
        """Summed estimates over the articles that would run."""
        run = self.to_run
        costs = [a.cost_usd for a in run]
        return {
            "articles": len(self.articles),
            "to_run": len(run),
            "prompt_tokens": sum(a.prompt_tokens for a in run),
            "completion_tokens": sum(a.completion_tokens for a in run),
            "cost_usd": None if any(c is None for c in costs) else round(sum(c or 0.0 for c in costs), 6),
        }


def plan_batch(
    folder: Path,
    *,
    out: Path | None,
    fmt: str = "jsonl",
    out_dir: Path | None = None,
    globs: Iterable[str] = ("**/*",),
    exclude: Iterable[str] = (),
    text_field: str | None = None,
    retry_failed: bool = False,
    **options: Any,
) -> BatchPlan:
    """List what ``run_batch`` would do, estimating tokens and cost from the price table."""
    from .config import estimate_cost, resolve_settings
    from .prompts import load_prompt

    settings = resolve_settings(**options)
    engine = settings.resolved_engine()
    plan = BatchPlan(engine=engine, model=settings.model if engine == "llm" else None)
    done = read_done(out, fmt, out_dir) if (out or out_dir) else {}
    prompt_chars = len(load_prompt().system) + 40 if engine == "llm" else 0
    ignore = [p for p in (out, out and _journal(out, fmt)) if p is not None]
    items = discover(
        folder,
        globs=globs,
        exclude=exclude,
        text_field=text_field,
        ignore=ignore,
        on_skip=lambda name, reason: plan.skipped.append((name, reason)),
    )
    for item in items:
        row = done.get(item.article_id)
        if row is not None and not (retry_failed and row.get("status") != "ok"):
            plan.articles.append(PlannedArticle(item.source, item.article_id, "done"))
            continue
        try:
            text = item.load().text[: settings.max_chars]
        except InputError as exc:
            plan.articles.append(PlannedArticle(item.source, item.article_id, f"error: {exc}"))
            continue
        entry = PlannedArticle(item.source, item.article_id, "redo" if row else "to do", chars=len(text))
        if engine == "llm":
            entry.prompt_tokens, entry.completion_tokens = estimate_tokens(
                text, prompt_chars=prompt_chars, max_tokens=settings.max_tokens
            )
            entry.cost_usd = estimate_cost(
                settings.model, entry.prompt_tokens, entry.completion_tokens, local=settings.is_local
            )
        plan.articles.append(entry)
    return plan
