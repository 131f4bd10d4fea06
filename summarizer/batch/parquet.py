"""Batch records as Parquet: one row per article, the record's nested shape kept, one schema for every run.

The Arrow schema is derived from the record models (``SummaryRecord``, then the
fields only ``ErrorRecord`` has), so every file a summarizer of one schema version
writes has the same columns and types whatever its records hold: a run whose
records all lack ``batch`` or ``checks`` still has those columns, typed, and
several files read as one dataset. Nested parts of a record (``summary``,
``usage``, ``grounding``...) stay structs and lists, as in the JSON record.

Two values change type on the way in, and only those: ``created_at`` is a UTC
timestamp (microseconds), not ISO text; and an error record's ``attempts`` (the
requests sent) is ``attempts.requests``, since an ok record's ``attempts`` is a
struct of requests, retries and re-asks.

pyarrow is an extra (``pip install 'summarizer[parquet]'``), imported when a
Parquet file is written or read.
"""

from __future__ import annotations

import json
import os
import types
from collections.abc import Iterable, Iterator
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from ..errors import ConfigError, OutputError
from ..models import SCHEMA_VERSION, ErrorRecord, SummaryRecord

__all__ = ["INSTALL", "MARK", "is_our_parquet", "parquet_bytes", "read_parquet", "record_schema", "write_parquet"]

INSTALL = "pip install 'summarizer[parquet]'"
MARK = b"summarizer batch output"  # the value of the file's "generator" key: it tells our files from others
ROW_GROUP = 4096  # records converted and written at a time: memory stays bounded whatever the journal's size
COMPRESSION = "zstd"  # read by pandas, Polars, DuckDB, Spark 3 and Arrow readers alike
MAGIC = b"PAR1"


def require_pyarrow() -> tuple[Any, Any]:
    """pyarrow and pyarrow.parquet, or a ConfigError saying how to install them."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:
        raise ConfigError(f"writing Parquet needs pyarrow: {INSTALL} (or choose -f jsonl, json, csv or md)") from exc
    return pyarrow, pyarrow.parquet


def _arrow_type(pa: Any, annotation: Any) -> Any:
    origin, args = get_origin(annotation), get_args(annotation)
    if origin in (Union, types.UnionType):
        (only,) = [arg for arg in args if arg is not type(None)]  # X | None: every column is nullable anyway
        return _arrow_type(pa, only)
    if origin is Literal:
        (kind,) = {type(arg) for arg in args}
        return _arrow_type(pa, kind)
    if origin is list or (origin is tuple and len(set(args)) == 1):  # a (start, end) pair is a list of two
        return pa.list_(_arrow_type(pa, args[0]))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct([pa.field(n, _arrow_type(pa, f.annotation)) for n, f in annotation.model_fields.items()])
    scalars = [(bool, pa.bool_()), (int, pa.int64()), (float, pa.float64()), (str, pa.string())]
    if annotation is datetime:
        return pa.timestamp("us", tz="UTC")
    for kind, arrow in scalars:  # bool before int; a StrEnum is a str
        if isinstance(annotation, type) and issubclass(annotation, kind):
            return arrow
    raise TypeError(f"no Arrow type for {annotation!r}")


def record_schema() -> Any:
    """The Arrow schema of every batch Parquet file: SummaryRecord's fields, then ErrorRecord's own."""
    pa, _ = require_pyarrow()
    fields = dict(SummaryRecord.model_fields)
    fields.update({name: f for name, f in ErrorRecord.model_fields.items() if name not in fields})
    columns = [pa.field(name, _arrow_type(pa, f.annotation)) for name, f in fields.items()]
    return pa.schema(columns, metadata={"generator": MARK.decode(), "schema_version": SCHEMA_VERSION})


def _arrow_row(record: dict[str, Any]) -> dict[str, Any]:
    row = dict(record)
    created = row.get("created_at")
    if isinstance(created, str):
        row["created_at"] = datetime.fromisoformat(created)
    if row.get("status") == "error" and isinstance(row.get("attempts"), int):
        row["attempts"] = {"requests": row["attempts"]}
    return row


def _tables(pa: Any, schema: Any, records: Iterable[dict[str, Any]]) -> Iterator[Any]:
    rows = iter(records)
    while chunk := list(islice(rows, ROW_GROUP)):
        try:
            yield pa.Table.from_pylist([_arrow_row(r) for r in chunk], schema=schema)
        except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
            ids = ", ".join(str(r.get("article_id")) for r in chunk[:3])
            raise OutputError(
                f"a record does not fit the Parquet schema ({exc}); records near {ids}... were written by another "
                "schema version or edited by hand: rerun them with --retry-failed, or write JSON lines"
            ) from exc


def write_parquet(records: Iterable[dict[str, Any]], sink: str | Path | BinaryIO) -> int:
    """Write JSON-shaped batch records as one Parquet file; return the rows written."""
    pa, pq = require_pyarrow()
    schema = record_schema()
    count = 0
    with pq.ParquetWriter(sink, schema, compression=COMPRESSION) as writer:
        for table in _tables(pa, schema, records):
            writer.write_table(table, row_group_size=ROW_GROUP)
            count += table.num_rows
    return count


def parquet_bytes(records: Iterable[dict[str, Any]]) -> bytes:
    """The whole Parquet file in memory, for a stream (a pipe cannot be written then sought)."""
    pa, _ = require_pyarrow()
    buffer = pa.BufferOutputStream()
    write_parquet(records, buffer)
    return bytes(buffer.getvalue())


def journal_records(journal: Path) -> Iterator[dict[str, Any]]:
    """The whole records of a journal, one per article (its last), read in two passes to keep memory small."""

    def lines() -> Iterator[dict[str, Any]]:
        with open(journal, "rb") as handle:
            for raw in handle:
                if not raw.endswith(b"\n"):
                    continue  # torn by a kill: the run that reads the journal next cuts it off
                try:
                    row = json.loads(raw)
                except json.JSONDecodeError:
                    continue
                if isinstance(row, dict) and "article_id" in row:
                    yield row

    last = {row["article_id"]: n for n, row in enumerate(lines())}
    return (row for n, row in enumerate(lines()) if last[row["article_id"]] == n)


def read_parquet(path: Path) -> list[dict[str, Any]]:
    """The records of a batch Parquet file, as the JSON records they were made from."""
    pa, pq = require_pyarrow()
    records: list[dict[str, Any]] = []
    try:
        for row in pq.read_table(path).to_pylist():
            if row.get("status") == "error":
                row = {k: v for k, v in row.items() if k in ErrorRecord.model_fields}
                row["attempts"] = (row.get("attempts") or {}).get("requests") or 0
                records.append(ErrorRecord.model_validate(row).model_dump(mode="json"))
            else:
                row = {k: v for k, v in row.items() if k in SummaryRecord.model_fields}
                records.append(SummaryRecord.model_validate(row).model_dump(mode="json"))
    except (OSError, pa.ArrowException, ValidationError) as exc:
        raise ConfigError(
            f"cannot read the records of {path} ({exc}); choose another output file, or delete it if it can go"
        ) from exc
    return records


def is_our_parquet(path: Path) -> bool:
    """True when a Parquet file's footer says summarizer wrote it as batch output (no pyarrow needed)."""
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            if size < 12:
                return False
            handle.seek(size - 8)
            tail = handle.read(8)
            length = int.from_bytes(tail[:4], "little")
            if tail[4:] != MAGIC or length > size - 12:
                return False
            handle.seek(size - 8 - length)
            return MARK in handle.read(length)  # key-value metadata is stored as plain bytes in the footer
    except OSError:
        return False
