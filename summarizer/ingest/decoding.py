"""From bytes to text: read a file (a .gz unpacked), tell its format by suffix, decode it.

Bytes are decoded by BOM, then UTF-8, then charset-normalizer's guess, checked
against the Windows-1252, Windows-1250 and ISO-8859-2 readings (``codepages``); only a
guessed decoding is checked for mojibake (ftfy), and repaired when ftfy judges it
broken. A charset the sender declared (an HTTP ``Content-Type``) comes before UTF-8
and the guess (``decode_declared``). ``documents`` builds the article from the text these give.
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from ..errors import InputError

__all__ = [
    "GZIP_LIMIT",
    "HTML_SUFFIXES",
    "JSON_SUFFIXES",
    "MARKDOWN_SUFFIXES",
    "decode_bytes",
    "decode_declared",
    "decode_text",
    "file_format",
    "is_binary",
    "read_file",
    "repair_mojibake",
]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def is_binary(data: bytes) -> bool:
    """True for bytes that are not text: NUL bytes without a UTF-16/32 byte-order mark."""
    head = data[:8192]
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    return b"\x00" in head


def decode_bytes(data: bytes, where: str = "input") -> tuple[str, str]:
    """Decode file bytes and return (text, encoding); a guessed decoding is repaired where ftfy judges it broken."""
    text, encoding, guessed = decode_text(data, where)
    return (repair_mojibake(text) if guessed else text), encoding


def decode_text(data: bytes, where: str) -> tuple[str, str, bool]:
    """Decode by BOM, then UTF-8, then charset-normalizer's guess: (text, encoding, whether it was a guess)."""
    marked = [name for bom, name in _BOMS if data.startswith(bom)]
    for name in marked:  # a UTF-32 LE mark begins with the UTF-16 LE one: try each that fits
        try:
            return data.decode(name), name, False
        except UnicodeDecodeError:
            continue
    if marked:
        name = marked[0].upper().removesuffix("-SIG")
        raise InputError(
            f"{where} starts with a {name} byte-order mark but is not valid {name}: the file is damaged; "
            "re-save it as UTF-8"
        )
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        if is_binary(data):
            raise InputError(f"{where} is a binary file, not text; pass a text, Markdown, HTML or JSON file") from None
        from charset_normalizer import from_bytes

        best = from_bytes(data[:1_000_000]).best()
        if best is None or best.encoding is None:
            raise InputError(f"{where} is not text in any encoding detected; convert it to UTF-8") from None
        from .codepages import choose_codepage

        text, encoding = choose_codepage(data, data.decode(best.encoding, errors="replace"), best.encoding)
        return text, encoding, True


def decode_declared(data: bytes, charset: str | None, where: str = "input") -> tuple[str, str, bool, list[str]]:
    """Decode by a declared charset, else as ``decode_text``: (text, encoding, whether it was a guess, warnings).

    A byte-order mark still wins (as in browsers). A charset Python does not know, or
    bytes it does not decode, fall back to ``decode_text``, with a warning saying so.
    ISO-8859-1 is read as Windows-1252 where the bytes allow it, as browsers read that label.
    """
    name = (charset or "").strip().strip("\"'").strip()
    if not name:
        return *decode_text(data, where), []
    try:
        codec = codecs.lookup(name)
        if not getattr(codec, "_is_text_encoding", True):  # rot13, base64 ...: no charset
            raise LookupError(name)
    except LookupError:
        return _detected(data, where, f"{where}: the declared charset {name!r} is not known")
    marked = [bom_name for bom, bom_name in _BOMS if data.startswith(bom)]
    if marked:
        text, encoding, guessed = decode_text(data, where)
        same = codecs.lookup(encoding).name.split("-")[:2] == codec.name.split("-")[:2]  # utf-8 and utf-8-sig alike
        note = (
            []
            if same
            else [f"{where} declares charset {name} but starts with a {encoding} byte-order mark: read as {encoding}"]
        )
        return text, encoding, guessed, note
    if is_binary(data) and not codec.name.startswith(("utf-16", "utf-32")):
        return *decode_text(data, where), []  # not text: decode_text says so
    for reading in (["cp1252"] if codec.name == "iso8859-1" else []) + [codec.name]:
        try:
            return data.decode(reading), reading, False, []
        except UnicodeError as exc:
            reason = exc.reason if isinstance(exc, UnicodeDecodeError) else str(exc)
            where_bad = f" at byte {exc.start:,}" if isinstance(exc, UnicodeDecodeError) else ""
    return _detected(data, where, f"{where} is not {name} as declared ({reason}{where_bad})")


def _detected(data: bytes, where: str, why: str) -> tuple[str, str, bool, list[str]]:
    """Read as a file would be, with a warning that says why the declared charset was not followed."""
    text, encoding, guessed = decode_text(data, where)
    return text, encoding, guessed, [f"{why}; read as {encoding} instead" + (" (detected)" if guessed else "")]


def repair_mojibake(text: str) -> str:
    """Repair text decoded by a guess where ftfy judges it mojibake; return other text as is."""
    import ftfy.badness

    if ftfy.badness.is_bad(text[:100_000]):
        return str(ftfy.fix_encoding(text))
    return text


GZIP_LIMIT = 64 * 1024 * 1024  # decompressed bytes read from one .gz: a bomb must not fill memory


def read_file(path: Path) -> bytes:
    """Read a file's bytes, unpacking a .gz (at most GZIP_LIMIT bytes); OSError and InputError as they come."""
    if not path.name.lower().endswith(".gz"):
        return path.read_bytes()
    import gzip

    try:
        with gzip.open(path, "rb") as handle:
            data = handle.read(GZIP_LIMIT + 1)
    except EOFError as exc:
        raise InputError(f"cannot read {path.name}: the .gz is cut short") from exc
    if len(data) > GZIP_LIMIT:
        raise InputError(f"{path.name} decompresses to more than {GZIP_LIMIT // 2**20} MiB; unpack and split it")
    return data


def file_format(path: Path) -> str:
    """Return how a file is read, from its suffix (a .gz by the one inside): html, json, jsonl, markdown or text."""
    name = path.name.lower().removesuffix(".gz")
    suffix = os.path.splitext(name)[1]
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix == ".json":
        return "json"
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"
