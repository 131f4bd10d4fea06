"""Turn decoded text, file bytes and JSON exports into Documents: clean article text and its metadata.

HTML goes through trafilatura (``html_extract``: main text, title, date, site
name); plain text and Markdown lose their page boilerplate line by line
(``boilerplate``); JSON and JSONL exports give one document per object. Bytes are
read and decoded in ``decoding``; when the encoding was a guess, mojibake is looked
for only in the text that is kept (a page's extracted text, not its markup). The
cleaned, normalised text is what the engines and the cache see; the document
keeps how much was removed.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from .decoding import decode_bytes, decode_declared, decode_text, file_format, is_binary, read_file, repair_mojibake
from .fields import find_text
from .html_extract import extract_html

__all__ = [
    "HTML_START",
    "Document",
    "document_from_body",
    "document_from_bytes",
    "document_from_text",
    "documents_from_json",
    "headline_and_date",
    "json_entries",
    "load_document",
    "normalize_text",
    "read_json_line",
    "replace_surrogates",
    "truncate",
]

TITLE_FIELDS = ("title", "headline", "name")
DATE_FIELDS = ("date", "published", "published_at", "datePublished", "pubDate", "created_at")
URL_FIELDS = ("url", "link", "href")
PUBLISHER_FIELDS = ("publisher", "source", "site", "sitename", "outlet")

# Work on at most this much raw text: a 50 MB dump must not stall a batch in cleaning or
# HTML parsing. The article itself is cut to Settings.max_chars later, with a warning.
RAW_LIMIT = 2_000_000

_TRAILING = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
_BLANKS = re.compile(r"\n{3,}")


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """The text with each lone UTF-16 surrogate (JSON allows the escape "\\ud800") as U+FFFD."""
    return _SURROGATE.sub("\ufffd", text)


@dataclass(frozen=True)
class Document:
    """One article's text and what is known about where it came from."""

    text: str
    source_path: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    format: str = "text"
    encoding: str = "utf-8"
    original_chars: int = 0
    removed_chars: int = 0
    truncated_from: int | None = None
    warnings: tuple[str, ...] = ()  # what reading it noticed (a declared charset not followed ...), for the record

    def __post_init__(self) -> None:
        object.__setattr__(self, "warnings", tuple(self.warnings))  # a list after a JSON round trip
        # a lone "\ud800" (JSON allows the escape) in any field would fail the record's JSON: U+FFFD instead
        for name in ("text", "source_path", "title", "published", "publisher", "url"):
            value = getattr(self, name)
            if isinstance(value, str) and _SURROGATE.search(value):
                object.__setattr__(self, name, replace_surrogates(value))

    @property
    def sha256(self) -> str:
        """Hex digest of the normalised text: the article's identity."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def normalize_text(text: str) -> str:
    """Unify newlines and Unicode form, drop trailing spaces and runs of blank lines."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufeff", "").replace("\x00", "")
    return _BLANKS.sub("\n\n", _TRAILING.sub("", text)).strip()


_MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?"
_DATES = [
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
]


def _date_in(line: str) -> str | None:
    for pattern in _DATES:
        match = pattern.search(line)
        if match:
            month = match.group("month").lower().rstrip(".")
            number = int(month) if month.isdigit() else _MONTH_NAMES[month]
            day = int(match.group("day"))
            if 1 <= number <= 12 and 1 <= day <= 31:
                return f"{match.group('year')}-{number:02d}-{day:02d}"
    return None


def headline_and_date(text: str) -> tuple[str | None, str | None]:
    """Find a headline and a publication date in the lines above the first paragraph."""
    title: str | None = None
    published: str | None = None
    for line in [line.strip() for line in text.split("\n") if line.strip()][:8]:
        words = line.split()
        if len(words) <= 8 and published is None and (found := _date_in(line)):
            published = found
            continue
        if len(words) >= 6 and line.endswith((".", '"', "\u201d")):
            break  # the first paragraph: the headline, if any, stood above it
        if 3 <= len(words) <= 25 and (title is None or len(words) > len(title.split())):
            title = line
    return title, published


def _date_near(raw: str, title: str) -> str | None:
    """A dateline the cleaner dropped: a short line just around the headline in the raw page."""
    lines = raw.split("\n")
    for index, line in enumerate(lines):
        if line.strip() == title:
            nearby = lines[max(0, index - 4) : index] + lines[index + 1 : index + 5]
            for candidate in nearby:
                if len(candidate.split()) <= 8 and (found := _date_in(candidate)):
                    return found
            break
    return None


_WORD_TOKEN = re.compile(r"\S*?[^\W_]\S*")  # a token holding a letter or a digit
_SPACELESS = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN")


def no_sentence(text: str) -> str | None:
    """Say why a text holds no sentence (no word, or a single one), or None when it has at least two words.

    A script written without spaces (Chinese, Japanese, Thai ...) counts a run of two letters as enough.
    """
    words = [m.group() for m in itertools.islice(_WORD_TOKEN.finditer(text), 2)]  # two are enough to stop
    if not words:
        shown = text if len(text) <= 20 else text[:20] + "..."
        return f"holds no word, only punctuation or symbols ({shown!r})"
    if len(words) > 1:
        return None
    word = words[0]
    if sum(c.isalnum() for c in word) > 1 and any(unicodedata.name(c, "").startswith(_SPACELESS) for c in word):
        return None
    shown = word if len(word) <= 40 else word[:40] + "..."
    return f"holds a single word ({shown!r}), no sentence"


def _clean(text: str) -> str:
    from .boilerplate import clean_page_text

    return clean_page_text(text)


def document_from_text(
    raw: str,
    *,
    kind: str = "text",
    source: str | None = None,
    encoding: str = "utf-8",
    clean: bool = True,
    repair: bool = False,
) -> Document:
    """Build a Document from decoded text of a given kind (text, markdown or html).

    ``repair``: the encoding was a guess, so mojibake is looked for (ftfy) in what is
    kept: the extracted text and title of a page, the whole of any other text.
    """
    meta: dict[str, str | None] = {}
    original = len(raw)
    if original > RAW_LIMIT:
        cut = raw.rfind("\n", 0, RAW_LIMIT)
        raw = raw[: cut if cut > RAW_LIMIT // 2 else RAW_LIMIT]
    if kind == "html":
        body, meta = extract_html(raw, source or "input")
        if repair:
            body = repair_mojibake(body)
            title = meta.get("title")
            meta["title"] = repair_mojibake(title) if title else title
    else:
        raw = repair_mojibake(raw) if repair else raw
        body = _clean(normalize_text(raw)) if clean else raw
    text = normalize_text(body)
    if kind != "html":
        meta["title"], meta["published"] = headline_and_date(text)
        if meta["published"] is None and meta["title"]:
            meta["published"] = _date_near(raw, meta["title"])
    if not text:
        what = "has no article text that could be extracted from its HTML" if kind == "html" else "holds no text"
        raise InputError(f"{source or 'the article'} {what}; nothing to summarize")
    if (missing := no_sentence(text)) is not None:
        raise InputError(f"{source or 'the article'} {missing}; nothing to summarize: give the article's text")
    return Document(
        text=text,
        source_path=source,
        title=meta.get("title"),
        published=meta.get("published"),
        publisher=meta.get("publisher"),
        url=meta.get("url"),
        format=kind,
        encoding=encoding,
        original_chars=original,
        removed_chars=max(min(original, RAW_LIMIT) - len(text), 0),
        truncated_from=original if original > RAW_LIMIT else None,
    )


def document_from_bytes(data: bytes, *, kind: str, source: str) -> Document:
    """Build a Document from a file's bytes."""
    if is_binary(data):
        raise InputError(f"{source} is a binary file, not text; pass a text, Markdown, HTML or JSON file")
    text, encoding, guessed = decode_text(data, source)
    return document_from_text(text, kind=kind, source=source, encoding=encoding, repair=guessed)


HTML_START = re.compile(r"\s*<(?:!doctype|html)\b", re.IGNORECASE)  # text that is a web page


def document_from_body(
    data: bytes, *, kind: str, charset: str | None = None, where: str = "the body", source: str | None = None
) -> Document:
    """Build a Document from bytes sent with a declared charset (an HTTP body or an uploaded file's part).

    Text that starts as an HTML page is read as HTML, as ``summarize(text=...)`` reads it.
    """
    text, encoding, guessed, warnings = decode_declared(data, charset, where)
    if kind == "text" and HTML_START.match(text):
        kind = "html"
    document = document_from_text(text, kind=kind, source=source, encoding=encoding, repair=guessed)
    return replace(document, warnings=tuple(warnings)) if warnings else document


def _field(entry: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = entry.get(name)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
            return str(value)
    return None


def _jsonl_entries(text: str, source: str) -> Iterator[tuple[str, Any, str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield f"{source}:{number}", _parse_line(line, number), line


def _parse_line(line: str, number: int) -> Any:
    """One JSON line's value, or the InputError that says it is none."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(f"line {number} is not JSON: {exc.msg}")


def _named(label: str, value: Any, line: str, text_field: str | None) -> tuple[Document | InputError, str | None]:
    """(Document or why it is unusable, and then the entry as text: its JSON spaced one way, or the line as given)."""
    item = _entry_document(label, value, text_field)
    if isinstance(item, Document):
        return item, None
    return item, line if isinstance(value, InputError) else json.dumps(value, sort_keys=True, separators=(",", ":"))


def read_json_line(
    line: str, label: str, *, number: int = 1, text_field: str | None = None
) -> tuple[Document | InputError, str | None]:
    """One line of a JSONL export (``number`` in it) read as ``json_entries`` reads it, labelled ``label``."""
    return _named(label, _parse_line(line, number), line, text_field)


def json_entries(
    data: bytes, *, jsonl: bool, source: str, text_field: str | None = None
) -> Iterator[tuple[str, Document | InputError, str | None]]:
    """Yield (label, Document or why it is unusable, and then the entry as text, to name it by) for each object."""
    text, _ = decode_bytes(data, source)
    entries: Iterable[tuple[str, Any, str]]
    if jsonl:
        entries = _jsonl_entries(text, source)
    else:
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{source} is not valid JSON ({exc.msg} at line {exc.lineno}); fix or remove it") from exc
        items = parsed if isinstance(parsed, list) else [parsed]
        labels = [f"{source}[{i}]" if isinstance(parsed, list) else source for i in range(len(items))]
        entries = [(label, item, "") for label, item in zip(labels, items, strict=True)]
    for label, value, line in entries:
        yield label, *_named(label, value, line, text_field)


def documents_from_json(
    data: bytes, *, jsonl: bool, source: str, text_field: str | None = None
) -> Iterator[tuple[str, Document | InputError]]:
    """Yield (entry label, Document or the reason it is unusable) for each object in an export."""
    for label, item, _ in json_entries(data, jsonl=jsonl, source=source, text_field=text_field):
        yield label, item


def _entry_document(label: str, entry: Any, text_field: str | None) -> Document | InputError:
    """The Document of one parsed export entry, or the InputError that says why it is none."""
    if isinstance(entry, InputError):
        return entry
    if not isinstance(entry, Mapping):
        return InputError(f"{label} is not a JSON object")
    try:
        body, holder = find_text(entry, label, text_field)
        looks_html = bool(re.match(r"\s*<(?:!doctype|html|body|div|p|article)\b", body, re.IGNORECASE))
        document = document_from_text(body, kind="html" if looks_html else "text", source=label)
    except InputError as exc:
        return exc
    return replace(
        document,
        title=_field(holder, TITLE_FIELDS) or _field(entry, TITLE_FIELDS) or document.title,
        published=_field(holder, DATE_FIELDS) or _field(entry, DATE_FIELDS) or document.published,
        publisher=_field(holder, PUBLISHER_FIELDS) or _field(entry, PUBLISHER_FIELDS) or document.publisher,
        url=_field(holder, URL_FIELDS) or _field(entry, URL_FIELDS) or document.url,
    )


def truncate(document: Document, max_chars: int) -> Document:
    """Cut a document over max_chars at the last paragraph break before the limit."""
    if len(document.text) <= max_chars:
        return document
    cut = document.text.rfind("\n", 0, max_chars)
    if cut < max_chars // 2:
        cut = max_chars
    return replace(
        document, text=document.text[:cut].rstrip(), truncated_from=document.truncated_from or len(document.text)
    )


def load_document(
    text_or_path: str | os.PathLike[str],
    *,
    title: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    text_field: str | None = None,
) -> Document:
    """Read a path (a PathLike, or a one-line string naming a file) or take text as is.

    ``text_field``: the field (or dotted path, ``story.body``) holding the text of a JSON file.
    """
    if isinstance(text_or_path, os.PathLike) or (
        isinstance(text_or_path, str)
        and "\n" not in text_or_path
        and len(text_or_path) < 4096
        and Path(text_or_path).is_file()
    ):
        path = Path(text_or_path)
        kind = file_format(path)
        try:
            data = read_file(path)
        except OSError as exc:  # gzip.BadGzipFile is an OSError too
            raise InputError(f"cannot read {path}: {exc.strerror or exc}; check the path") from exc
        if kind in ("json", "jsonl"):
            entries = documents_from_json(data, jsonl=kind == "jsonl", source=str(path), text_field=text_field)
            first, second = next(entries, None), next(entries, None)
            if first is None:
                raise InputError(f"{path} holds no JSON objects")
            if second is not None:
                raise InputError(
                    f"{path} holds several articles; summarize takes one: summarizer batch {path} -o records.jsonl"
                )
            if isinstance(first[1], InputError):
                raise first[1]
            document = first[1]
        else:
            document = document_from_bytes(data, kind=kind, source=str(path))
    elif isinstance(text_or_path, str):
        looks_html = bool(HTML_START.match(text_or_path))
        document = document_from_text(text_or_path, kind="html" if looks_html else "text")
    else:
        raise InputError(f"expected article text or a path, got {type(text_or_path).__name__}")
    return replace(
        document,
        title=title or document.title,
        published=published or document.published,
        publisher=publisher or document.publisher,
        url=url or document.url,
    )
