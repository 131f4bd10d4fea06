"""Turn a path or a string into article text, decoded and normalised."""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

__all__ = ["Document", "decode_bytes", "load_document", "normalize_text"]

_TRAILING = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
_BLANKS = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class Document:
    """One article's text and what is known about where it came from."""

    text: str
    source_path: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None

    @property
    def sha256(self) -> str:
        """Hex digest of the normalised text: the article's identity."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def normalize_text(text: str) -> str:
    """Unify newlines and Unicode form, drop trailing spaces and runs of blank lines."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufeff", "").replace("\x00", "")
    return _BLANKS.sub("\n\n", _TRAILING.sub("", text)).strip()


def decode_bytes(data: bytes, where: str = "input") -> str:
    """Decode file bytes: UTF-8 (with or without BOM), else the detected encoding."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{where} is not text in any encoding detected; pass a text, Markdown or HTML file")
    return str(best)


def load_document(
    text_or_path: str | os.PathLike[str],
    *,
    title: str | None = None,
    published: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
) -> Document:
    """Read a path (a PathLike, or a one-line string naming a file) or take text as is."""
    source: str | None = None
    if isinstance(text_or_path, os.PathLike) or (
        isinstance(text_or_path, str)
        and "\n" not in text_or_path
        and len(text_or_path) < 4096
        and Path(text_or_path).is_file()
    ):
        path = Path(text_or_path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror or exc}; check the path") from exc
        raw = decode_bytes(data, str(path))
        source = str(path)
    elif isinstance(text_or_path, str):
        raw = text_or_path
    else:
        raise InputError(f"expected article text or a path, got {type(text_or_path).__name__}")
    text = normalize_text(raw)
    if not text:
        raise InputError(f"{source or 'the article'} holds no text; nothing to summarize")
    return Document(text, source, title, published, publisher, url)
