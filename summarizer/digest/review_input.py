"""Finding the record to review: a record file, batch output and an article id, or nothing (an article).

A file holds records when it is one record as JSON, a JSON array of records, or
JSON lines of records (what ``summarize`` and ``batch`` write). Anything else,
JSON articles included, is an article, which the caller summarizes first.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..batch.discovery import written_by_summarizer
from ..batch.writers import journal_path
from ..errors import InputError
from ..models import ErrorRecord, SummaryRecord

__all__ = ["check_article", "pick_record", "read_records", "records_in"]

Record = SummaryRecord | ErrorRecord
_KEYS = {"status", "article_id"}
_CSV_HEADER = b"status,article_id,source_path,"  # the first columns of a batch's CSV output


def _is_record(value: Any) -> bool:
    return isinstance(value, dict) and value.keys() >= _KEYS and ("summary" in value or "error_type" in value)


def _record(value: dict[str, Any], where: str) -> Record:
    try:
        if value.get("status") == "error":
            return ErrorRecord.model_validate(value)
        return SummaryRecord.model_validate(value)
    except ValidationError as exc:
        first = exc.errors()[0]
        at = ".".join(str(p) for p in first["loc"]) or "record"
        raise InputError(
            f"{where} looks like a record but is not a valid one ({at}: {first['msg']}); "
            "write it again with this version of summarizer"
        ) from exc


def records_in(text: str, name: str = "the input") -> list[Record] | None:
    """The records a text holds (record JSON, JSON array or JSON lines), or None when it holds an article."""
    body = text.strip()
    if not body or body[0] not in "[{":
        return None
    try:
        whole = json.loads(body)
    except json.JSONDecodeError:
        whole = None
    if whole is not None:
        rows = whole if isinstance(whole, list) else [whole]
        if not rows or not all(_is_record(row) for row in rows):
            return None
        return [_record(row, f"{name} (item {i})" if len(rows) > 1 else name) for i, row in enumerate(rows, 1)]
    lines = [(i, line) for i, line in enumerate(body.splitlines(), 1) if line.strip()]
    try:
        first = json.loads(lines[0][1])
    except json.JSONDecodeError:
        return None
    if not _is_record(first):
        return None
    records = []
    for number, line in lines:
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number} of {name} is not a JSON record ({exc.msg}, column {exc.colno})") from exc
        records.append(_record(row, f"line {number} of {name}"))
    return records


def read_records(path: Path) -> list[Record] | None:
    """The records in a file, or None when it is an article (any file that is not records)."""
    if path.suffix.lower() not in (".json", ".jsonl", ".ndjson"):
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from exc
    return records_in(text, str(path))


def check_article(path: Path) -> None:
    """Raise InputError for a file summarizer wrote (digest, review page, batch output) given as an article."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return  # reading it as an article gives the error
    fmt = path.suffix.lower().lstrip(".")
    journal = journal_path(path, fmt) if fmt in ("csv", "md", "markdown", "parquet") else None
    if journal is not None and journal.is_file():
        raise InputError(
            f"{path} is batch output ({fmt}); review reads the records its run keeps beside it as JSON lines: "
            f"summarizer review {journal} --id ARTICLE_ID"
        )
    what = written_by_summarizer(head)
    if what is None and fmt == "csv" and head.startswith(_CSV_HEADER):
        what = "batch output as CSV"
    if what is not None:
        raise InputError(
            f"{path} was written by summarizer ({what}), not an article; give a record (.json), "
            "batch output as JSON lines (.jsonl) with --id, or an article file"
        )


def _ok(record: Record, where: str) -> SummaryRecord:
    if isinstance(record, ErrorRecord):
        raise InputError(
            f"the record for {record.article_id} in {where} is an error record ({record.error_type}: {record.error}); "
            "there is no summary to review: summarize the article again"
        )
    return record


def _matches(record: Record, wanted: str) -> bool:
    path = record.source_path
    return path is not None and (path == wanted or Path(path).name == wanted or Path(path).stem == wanted)


def pick_record(records: list[Record], article_id: str | None = None, where: str = "the input") -> SummaryRecord:
    """The record to review: the only one, or the last one whose article id (or file name) is ``article_id``.

    An article id may be shortened to any prefix that only one id starts with.
    """
    if not records:
        raise InputError(f"{where} holds no records")
    if article_id is None:
        if len(records) == 1:
            return _ok(records[0], where)
        shown = ", ".join(r.article_id for r in records[:3])
        raise InputError(f"{where} holds {len(records)} records; choose one with --id ARTICLE_ID (e.g. {shown})")
    found = [r for r in records if r.article_id == article_id] or [r for r in records if _matches(r, article_id)]
    if not found:
        ids = {r.article_id for r in records if r.article_id.startswith(article_id)}
        if len(ids) == 1:
            found = [r for r in records if r.article_id in ids]
        elif len(ids) > 1:
            raise InputError(f"{article_id!r} starts {len(ids)} article ids in {where}; give more of it")
    if not found:
        shown = ", ".join(r.article_id for r in records[:3])
        named = next((Path(r.source_path).name for r in records if r.source_path), None)
        also = f"; a file name such as {named} works too" if named else ""
        raise InputError(f"no record for {article_id!r} in {where} (its article ids include {shown}{also})")
    return _ok(found[-1], where)  # batch output appends: the last line is the newest
