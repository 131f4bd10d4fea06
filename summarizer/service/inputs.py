"""A request's body, read within its limits, and what it holds: one article (JSON, text, HTML) or many.

Nothing here fetches a URL: a ``url`` field is kept as the article's address, never opened.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from starlette.requests import Request

from ..batch.discovery import SUPPORTED_SUFFIXES, article_id, entry_id
from ..errors import InputError
from ..ingest import (
    Document,
    decode_bytes,
    document_from_body,
    document_from_bytes,
    document_from_text,
    file_format,
    read_json_line,
    replace_surrogates,
)
from ..ingest.fields import http_advice
from .jobs import Article
from .wire import DigestIn

__all__ = [
    "BATCH_TYPES",
    "JSONL_TYPES",
    "NOT_RECORDS",
    "SINGLE_TYPES",
    "ArticleIn",
    "RequestProblem",
    "batch_articles",
    "charset",
    "digest_request",
    "form_files",
    "media_type",
    "problems",
    "read_body",
    "single_article",
    "unpack_body",
]

SINGLE_TYPES = ("application/json", "text/plain", "text/html")
JSONL_TYPES = ("application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/json-lines")
BATCH_TYPES = (*JSONL_TYPES, "application/json", "multipart/form-data")
NOT_RECORDS = (
    "the records are not summarizer records: send the JSON objects a batch or /v1/summaries wrote, unchanged; "
    "details name the fields that do not fit"
)


@dataclass
class RequestProblem(Exception):
    """A request the service refuses: HTTP status and a message that says what to send instead."""

    status: int
    message: str
    details: list[dict[str, Any]] | None = None

    def __str__(self) -> str:
        return self.message


class ArticleIn(BaseModel):
    """One article as JSON: its text or its HTML, and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(
        default=None,
        description="The article as plain text: at least two words (one word or none is a 422).",
        min_length=1,
        examples=["The harbour of Velmora reopened on Tuesday after three weeks of repairs to its pier."],
    )
    html: str | None = Field(default=None, description="The article's web page; its text is extracted.", min_length=1)
    title: str | None = Field(default=None, max_length=1000)
    date: str | None = Field(default=None, description="Publication date, ISO 8601 preferred.", max_length=100)
    url: str | None = Field(default=None, description="Where it was published (kept, never fetched).", max_length=4000)
    publisher: str | None = Field(default=None, max_length=1000)

    @model_validator(mode="after")
    def _one_body(self) -> ArticleIn:
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of text or html")
        return self


def media_type(header: str | None) -> str:
    """The bare media type of a Content-Type header, lower case ('' when missing)."""
    return (header or "").split(";", 1)[0].strip().lower()


def charset(header: str | None) -> str | None:
    """The charset parameter of a Content-Type header (quotes removed), or None when it has none."""
    for parameter in (header or "").split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip().strip('"').strip():
            return value.strip().strip('"').strip()
    return None


def problems(exc: ValidationError) -> list[dict[str, Any]]:
    """Validation errors as location, message and type only: the input (which may hold a secret) is never echoed."""
    return [{"loc": list(err["loc"]), "msg": err["msg"], "type": err["type"]} for err in exc.errors()]


def unpack_body(body: bytes, encoding: str | None, limit: int) -> bytes:
    """The body as sent before its Content-Encoding: gzip (or deflate) unpacked up to the limit; others are 415."""
    coding = (encoding or "identity").strip().lower()
    if coding == "identity":
        return body
    if coding not in ("gzip", "x-gzip", "deflate"):
        raise RequestProblem(415, f"Content-Encoding {coding} is not read; send the body as is, gzip or deflate")
    unpacker = zlib.decompressobj(wbits=47 if coding != "deflate" else 15)  # 47: a gzip or zlib header
    try:
        data = unpacker.decompress(body, limit + 1)
    except zlib.error as exc:
        raise RequestProblem(
            400, f"the body is not readable {coding} ({exc}); send it as is or gzip it whole"
        ) from None
    if len(data) > limit or unpacker.unconsumed_tail:
        raise RequestProblem(413, f"the body unpacks to over the limit of {limit:,} bytes")
    if not unpacker.eof or unpacker.unused_data:
        raise RequestProblem(400, f"the body is not one whole {coding} stream; send it as is or gzip it whole")
    return data


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, refused with 413 as soon as it passes the limit (chunked bodies too); gzip unpacked."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise RequestProblem(413, f"the body is over the limit of {limit:,} bytes")
        chunks.append(chunk)
    return unpack_body(b"".join(chunks), request.headers.get("content-encoding"), limit)


async def form_files(request: Request, body: bytes, limit: int) -> list[tuple[str, bytes, str | None]]:
    """The uploaded files of a multipart body (read from the bytes already bounded), each with its part's charset."""

    async def replay() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    form = await Request(request.scope, replay).form(max_files=10_000, max_fields=100, max_part_size=limit)
    found = []
    for _, value in form.multi_items():
        if isinstance(value, str):
            continue
        found.append((value.filename or "upload.txt", await value.read(), charset(value.headers.get("content-type"))))
    await form.close()
    if not found:
        raise RequestProblem(422, "the form holds no files; send each article as a file part")
    return found


def _check_size(data: bytes | str, limit: int, what: str) -> None:
    size = len(data.encode("utf-8")) if isinstance(data, str) else len(data)
    if size > limit:
        raise RequestProblem(413, f"{what} is {size:,} bytes; the limit per article is {limit:,}")


def _replace_surrogates(value: Any) -> Any:
    """Strings with each lone surrogate (JSON allows the escape "\\ud800") as U+FFFD, as ``ingest`` stores text."""
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, list):
        return [_replace_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {_replace_surrogates(key): _replace_surrogates(item) for key, item in value.items()}
    return value


def _json_body(body: bytes) -> Any:
    if not body.strip():
        raise RequestProblem(400, "the body is empty; send a JSON object")
    try:
        return _replace_surrogates(json.loads(body))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise RequestProblem(400, f"the body is not valid JSON: {getattr(exc, 'msg', exc)}") from None


def digest_request(body: bytes) -> DigestIn:
    """A digest request's body: 400 if it is not JSON, 422 (input not echoed) if it does not fit DigestIn."""
    try:
        return DigestIn.model_validate(_json_body(body))
    except ValidationError as exc:
        raise RequestProblem(422, "the body does not fit the request schema", problems(exc)) from None


_NO_BODY = "send the article as text (plain text) or html (its web page); the request has neither"


def _article_in(parsed: Any) -> ArticleIn:
    """The article object, or a 422 whose details name each problem; with neither text nor html, it says so first."""
    try:
        return ArticleIn.model_validate(parsed)
    except ValidationError as exc:
        details = problems(exc)
    if not isinstance(parsed, dict) or {"text", "html"} & parsed.keys():
        raise RequestProblem(422, "the article does not fit the request schema", details)
    # pydantic reports only the unknown fields then (its check of the two runs on a valid object): add the missing one
    details = [d for d in details if d["type"] != "value_error"]
    details.insert(0, {"loc": ["text"], "msg": "Field required: give text, or html instead", "type": "missing"})
    unknown = [str(d["loc"][0])[:40] for d in details if d["type"] == "extra_forbidden" and d["loc"]]
    also = f"; not fields of an article: {', '.join(unknown[:5])}" + (" ..." if len(unknown) > 5 else "")
    raise RequestProblem(422, _NO_BODY + (also if unknown else ""), details)


def single_article(body: bytes, content_type: str, *, limit: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """The Summarizer call for one article: (source keywords, metadata); RequestProblem or InputError if unusable."""
    kind = media_type(content_type)
    if kind not in SINGLE_TYPES:
        got = f"not {kind}" if kind else "the request has no Content-Type"
        raise RequestProblem(415, f"send application/json, text/plain or text/html; {got}")
    if kind != "application/json":
        _check_size(body, limit, "the article")
        form = "html" if kind == "text/html" else "text"
        return {"source": document_from_body(body, kind=form, charset=charset(content_type))}, {}
    parsed = _json_body(body)
    if isinstance(parsed, list):
        raise RequestProblem(422, "send one article as a JSON object; for many, POST them to /v1/batches")
    article = _article_in(parsed)
    raw = article.text if article.text is not None else article.html
    assert raw is not None
    _check_size(raw, limit, "the article")
    meta = {"title": article.title, "published": article.date, "url": article.url, "publisher": article.publisher}
    meta = {k: v for k, v in meta.items() if v is not None}
    if article.html is not None:
        return {"source": document_from_text(article.html, kind="html", source=None)}, meta
    return {"text": article.text}, meta


_LINE_NUMBER = re.compile(r":(\d+)\Z")


def _entries(data: bytes, *, jsonl: bool, source: str, limit: int) -> list[Article]:
    """One Article per JSON object, kept as text: a worker reads it with ``ingest`` when it takes it."""
    if jsonl:
        text, _ = decode_bytes(data, source)
        found = []
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                _check_size(line, limit, f"{source} line {number}")
                found.append(Article("", f"{source}:{number}", entry=line))
        return found
    try:
        parsed = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise RequestProblem(400, f"{source} is not valid JSON: {getattr(exc, 'msg', exc)}") from None
    if not isinstance(parsed, list):
        return [Article("", source, entry=json.dumps(parsed))]
    entries = [(f"{source}[{i}]", json.dumps(item)) for i, item in enumerate(parsed)]
    for label, entry in entries:
        _check_size(entry, limit, label)
    return [Article("", label, entry=entry) for label, entry in entries]


def read_entry(entry: str, label: str, text_field: str | None = None) -> tuple[str, Document | None, InputError | None]:
    """Read one stored JSON entry as ``summarizer batch`` does: (article id, document or the reason it is unusable)."""
    line = _LINE_NUMBER.search(label)  # "body:3": the entry is line 3 of a JSONL body or file (see _entries)
    item, named = read_json_line(entry, label, number=int(line.group(1)) if line else 1, text_field=text_field)
    if isinstance(item, InputError):  # its advice as this API takes it (?text_field=, not --text-field)
        return entry_id(label, item, named), None, InputError(http_advice(str(item)))
    return entry_id(label, item, named), item, None


def _file(name: str, data: bytes, limit: int, declared: str | None = None) -> list[Article]:
    path = Path(name)
    if path.suffix.lower() == ".gz":
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            try:
                data = handle.read(limit * 64 + 1)
            except (OSError, EOFError) as exc:
                raise RequestProblem(400, f"{name} is not a readable .gz: {exc}") from None
        path = path.with_suffix("")
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise RequestProblem(415, f"{name}: send .txt, .md, .html, .json or .jsonl files (or their .gz)")
    kind = file_format(path)
    if kind in ("json", "jsonl"):
        return _entries(data, jsonl=kind == "jsonl", source=name, limit=limit)
    _check_size(data, limit, name)
    try:
        if declared is None:
            document = document_from_bytes(data, kind=kind, source=name)
        else:  # the part's own "charset=" comes before detection, as a text/plain body's does
            document = document_from_body(data, kind=kind, charset=declared, where=name, source=name)
        return [Article(article_id(name, data), name, document=document)]
    except InputError as exc:
        return [Article(article_id(name, data), name, error=str(exc))]


def batch_articles(
    body: bytes, content_type: str, *, files: list[tuple[str, bytes, str | None]] | None, limit: int, max_articles: int
) -> list[Article]:
    """The articles of a batch request: JSON lines, a JSON array, or uploaded files."""
    kind = media_type(content_type)
    if files is not None:
        articles = [a for name, data, declared in files for a in _file(name, data, limit, declared)]
    elif kind in JSONL_TYPES or kind == "application/json":
        try:
            articles = _entries(body, jsonl=kind != "application/json", source="body", limit=limit)
        except InputError as exc:  # not text at all
            raise RequestProblem(400, str(exc)) from None
    else:
        raise RequestProblem(
            415, f"send JSON lines (application/x-ndjson) or files (multipart/form-data), not {kind or 'nothing'}"
        )
    if not articles:
        raise RequestProblem(422, "the batch holds no articles; send one JSON object a line with a text field")
    if len(articles) > max_articles:
        raise RequestProblem(413, f"the batch holds {len(articles):,} articles; the limit is {max_articles:,}")
    return articles
