"""Read the records a digest is built from: a batch's output file, with advice for what is not one."""

from __future__ import annotations

from pathlib import Path

from ..batch.writers import journal_path
from ..errors import InputError
from ..models import SummaryRecord
from .grouping import load_records

__all__ = ["load_records_file"]

_READS = "a digest reads the records a batch writes, as JSON lines (.jsonl) or a JSON array (.json)"


def load_records_file(path: Path) -> tuple[list[SummaryRecord], int]:
    """The ok records of a batch output file and the number of error records; InputError saying what to give."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path} is a folder; give the batch output file (e.g. {path / 'records.jsonl'})")
    try:
        with open(path, encoding="utf-8") as handle:
            records, errors = load_records(handle)
    except OSError as exc:
        hint = "; give the records a batch wrote (summarizer batch FOLDER -o records.jsonl)"
        raise InputError(
            f"cannot read {path}: {exc.strerror or exc}{hint if isinstance(exc, FileNotFoundError) else ''}"
        ) from exc
    except ValueError as exc:  # not JSON, not records, or not UTF-8
        instead = _instead(path)
        why = instead or f" ({exc})"  # for a CSV, Markdown or Parquet output the parser's complaint says nothing more
        raise InputError(f"{path} is not batch output: {_READS}{why}") from exc
    if not records and not errors:
        raise InputError(f"no records in {path}; give the output of a batch run (records as JSON lines)")
    return records, errors


def _instead(path: Path) -> str:
    """Where the records behind a CSV, Markdown or Parquet batch output are, when its journal is there."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in ("csv", "md", "markdown", "parquet"):
        return ""
    journal = journal_path(path, suffix)
    if journal.is_file():
        return f"; the run that wrote {path.name} keeps them beside it in {journal}: summarizer digest {journal}"
    return f"; write them with summarizer batch ... -o {path.with_suffix('.jsonl').name}"
