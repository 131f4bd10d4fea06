"""Where a batch writes: choose the format, guard existing files, write records as they come."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import stat
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from ..errors import ConfigError, WriteError
from . import parquet
from .discovery import written_by_summarizer
from .formats import MD_MARK, flatten, markdown, render
from .outcome import Encoded, Result

__all__ = [
    "FORMATS",
    "Output",
    "Result",
    "Writer",
    "flatten",
    "journal_path",
    "out_dir_names",
    "read_done",
    "render",
    "resolve_output",
]

FORMATS = ("jsonl", "json", "csv", "md", "parquet")
FSYNC_EVERY = 1.0  # seconds between fsyncs of the output; whole lines never depend on it
SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".md": "md",
    ".markdown": "md",
    ".parquet": "parquet",
}
FORMAT_NAMES = {"jsonl": "JSON lines", "json": "a JSON array", "csv": "CSV", "md": "Markdown", "parquet": "Parquet"}
STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})
_MD_HEAD = re.compile(r"<!-- article_id: ([0-9a-f]+) status: (ok|error) -->")


@dataclass(frozen=True)
class Output:
    """Where and how a run writes: a regular file (resumable), a stream, and/or a folder."""

    path: Path | None
    fmt: str
    out_dir: Path | None = None
    stream: str | None = None  # "-" for standard output, or a pipe/device path: no resume

    @property
    def where(self) -> str:
        """The output as messages name it."""
        if self.stream is not None:
            return "standard output" if self.stream in STDOUT_NAMES else self.stream
        return str(self.path or self.out_dir)

    @property
    def resumable(self) -> bool:
        """True when a rerun can skip what this output already holds."""
        return self.stream is None


def journal_path(out: Path, fmt: str) -> Path:
    """The JSON lines file a run appends to: the output itself for JSONL, else a hidden .NAME.jsonl beside it.

    The journal outlives the run: a later run resumes from it and renders every record, old and new.
    """
    return out if fmt == "jsonl" else out.with_name(f".{out.name}.jsonl")


def _is_stream(out: Path) -> bool:
    text = str(out)
    if text in STDOUT_NAMES or text.startswith(("/dev/", "/proc/")):
        return True
    try:
        mode = os.stat(out).st_mode
    except OSError:
        return False
    if stat.S_ISDIR(mode):
        raise ConfigError(f"{out} is a folder; give a file to -o, or use --out-dir {out} for one file per article")
    return not stat.S_ISREG(mode)


def _format_of(head: bytes) -> str | None:
    """Which batch format a file's first bytes are, or None if summarizer did not write it as batch output."""
    text = head.lstrip()
    if text.startswith(MD_MARK.encode()) or _MD_HEAD.match(text.decode("utf-8", "replace")):
        return "md"
    if text.startswith(b"status,article_id,"):
        return "csv"
    if text.startswith(b"[") and (text.rstrip() == b"[]" or written_by_summarizer(text) == "batch output"):
        return "json"
    if text.startswith(b"{") and written_by_summarizer(text) == "batch output":
        return "jsonl"
    return None


def _check_existing(path: Path, fmt: str) -> bool:
    """Refuse to write one format over a file holding another, or over a file that is not ours; True if it has some."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8192)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}; check the path") from exc
    if not head.strip():
        return False
    found = (
        ("parquet" if parquet.is_our_parquet(path) else None) if head.startswith(parquet.MAGIC) else _format_of(head)
    )
    if found is None:
        raise ConfigError(
            f"{path} exists and is not summarizer batch output; choose another output file, or delete it if it can go"
        )
    if found != fmt:
        raise ConfigError(
            f"{path} holds {FORMAT_NAMES[found]} but this run would write {FORMAT_NAMES[fmt]}; "
            f"add -f {found} to continue that file, or choose another output file"
        )
    return True


def resolve_output(out: Path | str | None, fmt: str | None = None, out_dir: Path | None = None) -> Output:
    """Decide the format (from -f, else the file's extension, else JSONL) and check the output is safe to use."""
    if fmt is not None and fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if out is None and out_dir is None:
        raise ConfigError("give an output file (-o FILE, or -o - for standard output) or folder (--out-dir)")
    if out is not None and out_dir is not None:
        raise ConfigError(
            f"choose one of -o and --out-dir: -o {out} writes one file of records, "
            f"--out-dir {out_dir} one file per article"
        )
    if out is None:
        if fmt == "parquet":
            raise ConfigError(
                f"--out-dir writes one file per article (JSON or Markdown); Parquet is one file for the run: "
                f"-o {out_dir}.parquet"
            )
        return Output(None, fmt or "jsonl", out_dir)
    out = Path(out)
    chosen = fmt or SUFFIX_FORMATS.get(out.suffix.lower(), "jsonl")
    if chosen == "parquet":
        parquet.require_pyarrow()  # before the run, not at its end
    if _is_stream(out):
        if chosen == "parquet" and str(out) in STDOUT_NAMES and sys.stdout.isatty():
            raise ConfigError("Parquet is binary, not for a terminal: give a file (-o FILE.parquet) or a pipe")
        return Output(None, chosen, out_dir, stream=str(out))
    rendered = _check_existing(out, chosen)
    if chosen != "jsonl":
        journal = journal_path(out, chosen)
        if (
            not _check_existing(journal, "jsonl") and rendered and chosen not in ("json", "parquet")
        ):  # these hold whole records
            raise ConfigError(
                f"{out} holds records but not its journal {journal.name}, which a run needs to keep them "
                f"(deleted, or written by an older summarizer); this run would overwrite it: delete it if it can go, "
                f"choose another output file, or write JSON lines (-o {out.with_suffix('.jsonl')})"
            )
    return Output(out, chosen, out_dir)


# reading what is there ----------------------------------------------------------------------


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


def read_kept(out: Path | None, fmt: str = "jsonl") -> list[dict[str, Any]]:
    """Return the whole records an output file (and its journal) already holds."""
    rows: list[dict[str, Any]] = []
    if out is None:
        return rows
    journal = journal_path(out, fmt)
    if fmt == "json" and out.exists() and not journal.exists():  # from an older summarizer: the array is the journal
        with contextlib.suppress(json.JSONDecodeError, UnicodeDecodeError):
            loaded = json.loads(out.read_text(encoding="utf-8"))
            rows += [r for r in loaded if isinstance(r, dict) and "article_id" in r] if isinstance(loaded, list) else []
    if fmt == "parquet" and out.exists() and not journal.exists():  # copied alone: the file holds whole records
        rows += parquet.read_parquet(out)
    rows += _read_jsonl(journal, repair=True)
    return rows


def _read_out_dir(out_dir: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in sorted(out_dir.glob("*.json")):
        with contextlib.suppress(OSError, json.JSONDecodeError, UnicodeDecodeError):
            row = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(row, dict):
                rows.append(row)
    for path in sorted(out_dir.glob("*.md")):  # the head comment says enough to skip the article
        with contextlib.suppress(OSError, UnicodeDecodeError), open(path, encoding="utf-8") as handle:
            match = _MD_HEAD.search(handle.read(4096))
            if match:
                rows.append({"article_id": match[1], "status": match[2]})
    return rows


def read_done(
    out: Path | None, fmt: str = "jsonl", out_dir: Path | None = None, *, kept: list[dict[str, Any]] | None = None
) -> dict[str, dict[str, Any]]:
    """Return the rows already written, by article id (the last one wins); pass kept if already read."""
    rows = _read_out_dir(out_dir) if out_dir is not None and out_dir.is_dir() else []
    rows += read_kept(out, fmt) if kept is None else kept
    return {row["article_id"]: row for row in rows if "article_id" in row}


def _atomic_write(path: Path, content: str | Callable[[BinaryIO], object]) -> None:
    """Write a file whole or not at all: text, or what a writer function puts in the binary handle."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            if isinstance(content, str):
                handle.write(content.encode("utf-8"))
            else:
                content(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-._")[:120] or "article"


def _is_export_entry(source: str) -> bool:
    return bool(re.search(r"\.(?:jsonl|ndjson|json)(?:\.gz)?(?::\d+|\[\d+\])$", source, re.IGNORECASE))


def out_dir_names(sources: Iterable[str]) -> dict[str, str]:
    """File stems for --out-dir: the source path slugged; a short hash only on a collision or for export entries."""
    stems: dict[str, str] = {}
    for source in sources:
        bare = re.sub(r"(?:\.gz)?$", "", source, flags=re.IGNORECASE)
        stems[source] = _slug(os.path.splitext(bare)[0] if not _is_export_entry(source) else bare)
    counts: dict[str, int] = {}
    for stem in stems.values():
        counts[stem.lower()] = counts.get(stem.lower(), 0) + 1
    return {
        source: stem
        if counts[stem.lower()] == 1 and not _is_export_entry(source)
        else f"{stem}-{hashlib.sha256(source.encode()).hexdigest()[:6]}"
        for source, stem in stems.items()
    }


class Writer:
    """Writes results as they come: JSON lines appended or streamed, or one file per article."""

    def __init__(
        self, output: Output, keep: list[dict[str, Any]], names: dict[str, str] | None = None, *, lock: Any = None
    ) -> None:
        self.output = output
        self.lock = lock  # the run's OutputLock, released when the writer closes
        self.rows = keep
        self.names = names or {}
        self.written = 0
        self.ids: set[str] = set()  # article ids written by this run
        self._last_sync = time.monotonic()
        self._fd: int | None = None
        self._stream: TextIO | None = None
        self._owned = False
        self.failed = False  # a write failed: closing does not try again
        try:
            if output.stream is not None:
                if output.stream in STDOUT_NAMES:
                    self._stream = sys.stdout
                else:
                    self._stream, self._owned = open(output.stream, "w", encoding="utf-8"), True  # noqa: SIM115
            elif output.path is not None:
                journal = journal_path(output.path, output.fmt)
                if keep or journal.exists():  # rewrite without the rows being redone (or torn)
                    _atomic_write(journal, render(keep, "jsonl"))
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._cannot_write(exc) from exc

    def _cannot_write(self, exc: OSError) -> WriteError:
        """What to say when the output refuses data: why, and what happens to what was written."""
        self.failed = True
        reason = exc.strerror or str(exc) or type(exc).__name__
        if self.output.resumable:
            after = "the records written so far are kept, and the same command resumes after them"
        else:
            after = "nothing more was written"
        fix = "Free space" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else "Check the path"
        return WriteError(f"cannot write {self.output.where}: {reason}; {after}. {fix} or write elsewhere (-o)")

    def write(self, result: Result | Encoded) -> None:
        """Write one result where it belongs, at once; WriteError when the output refuses it."""
        try:
            self._write(result)
        except BrokenPipeError:  # the reader went away: the caller ends quietly
            self.failed = True
            raise
        except OSError as exc:
            raise self._cannot_write(exc) from exc

    def _write(self, result: Result | Encoded) -> None:
        line = (result.text if isinstance(result, Encoded) else result.model_dump_json()) + "\n"
        done = result.outcome if isinstance(result, Encoded) else result
        fmt = self.output.fmt
        if self._fd is None and self.output.path is not None:
            journal = journal_path(self.output.path, fmt)  # opened at the first record: no record, no file
            journal.parent.mkdir(parents=True, exist_ok=True)
            self._fd = os.open(journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        if self._fd is not None:
            data = line.encode("utf-8")
            written = os.write(self._fd, data)  # one call: a kill leaves whole lines
            if written < len(data):  # the disk filled up mid-line: take the part back, whole lines stay
                os.ftruncate(self._fd, os.lseek(self._fd, 0, os.SEEK_END) - written)
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            if time.monotonic() - self._last_sync > FSYNC_EVERY:
                os.fsync(self._fd)
                self._last_sync = time.monotonic()
        if self._stream is not None and fmt == "jsonl":
            self._stream.write(line)
            self._stream.flush()  # the reader sees each record as it completes
        if self.output.out_dir is not None:
            suffix = "md" if fmt == "md" else "json"
            row = json.loads(line)
            text = markdown(row) if suffix == "md" else json.dumps(row, indent=2, ensure_ascii=False) + "\n"
            source = done.source_path or done.article_id
            stem = self.names.get(source) or out_dir_names([source])[source]
            _atomic_write(self.output.out_dir / f"{stem}.{suffix}", text)
        if fmt != "jsonl" and (self._stream is not None or (self.output.path is not None and fmt != "parquet")):
            self.rows.append(json.loads(line))  # Parquet is rendered from the journal, a group of rows at a time
        self.written += 1
        self.ids.add(done.article_id)

    def close(self) -> None:
        """Flush, sync and render what needs rendering; the journal stays for the next run.

        After a failed write the files are closed without another try (what it raised stands).
        """
        try:
            if self.failed:
                with contextlib.suppress(OSError):
                    self._release()
                return
            try:
                self._close()
            except BrokenPipeError:
                raise
            except OSError as exc:
                with contextlib.suppress(OSError):
                    self._release()
                raise self._cannot_write(exc) from exc
        finally:
            if self.lock is not None:
                self.lock.release()

    def _release(self) -> None:
        """Close the journal and an owned stream without writing more."""
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)
        stream, self._stream = self._stream, None
        if stream is not None and self._owned:
            with contextlib.suppress(OSError):
                stream.close()  # its buffer may hold what failed: dropped with it

    def _close(self) -> None:
        if self._fd is not None:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = None
        path, fmt = self.output.path, self.output.fmt
        if path is not None and fmt == "parquet":
            journal = journal_path(path, fmt)
            if journal.exists() or path.exists():
                records = parquet.journal_records(journal) if journal.exists() else iter(())
                _atomic_write(path, lambda handle: parquet.write_parquet(records, handle))
        elif path is not None and fmt != "jsonl" and (self.rows or path.exists()):
            _atomic_write(path, render(self.rows, fmt))
        if self._stream is not None:
            stream = self._stream
            with contextlib.suppress(BrokenPipeError):
                if fmt == "parquet":
                    stream.flush()
                    stream.buffer.write(parquet.parquet_bytes(self.rows))
                elif fmt != "jsonl":
                    stream.write(render(self.rows, fmt))
                stream.flush()
            self._stream = None  # only now: a stream that refused the end is closed by _release
            if self._owned:
                with contextlib.suppress(BrokenPipeError):
                    stream.close()
