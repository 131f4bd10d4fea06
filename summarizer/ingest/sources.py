"""What a call to summarize means: article text, a file or a Document, and the Document it gives."""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from .decoding import HTML_SUFFIXES, JSON_SUFFIXES, MARKDOWN_SUFFIXES, file_format
from .documents import HTML_START, Document, document_from_text, load_document
from .listing import TEXT_SUFFIXES, inner_suffix, listing_note, listing_size

__all__ = ["ARTICLE_SUFFIXES", "Source", "looks_like_path", "make_document", "resolve_source"]

Source = str | os.PathLike[str] | Document
ARTICLE_SUFFIXES = frozenset({".txt", ".gz", *MARKDOWN_SUFFIXES, *HTML_SUFFIXES, *JSON_SUFFIXES})
_SUFFIX = re.compile(r"\.(?:" + "|".join(sorted(s[1:] for s in ARTICLE_SUFFIXES)) + r")$", re.IGNORECASE)
_MAX_PATH_CHARS = 1024


def looks_like_path(value: str) -> bool:
    """True when a string names a file rather than holding an article.

    The rule: one line of at most 1,024 characters that either ends in an article
    extension (.txt, .md, .html, .json, ...) or contains a path separator and no
    whitespace. Everything else is text. The file system is never consulted.
    """
    candidate = value.strip()
    if not candidate or "\n" in candidate or len(candidate) > _MAX_PATH_CHARS:
        return False
    if _SUFFIX.search(candidate):
        return True
    separators = {"/", os.sep} | ({os.altsep} if os.altsep else set())
    return any(sep in candidate for sep in separators) and not any(c.isspace() for c in candidate)


def _existing_file(path: Path, *, from_string: bool) -> Path:
    """Return the path if it is a readable file; otherwise an InputError saying what to do."""
    hint = "; pass text=... to summarize a string" if from_string else "; check the path"
    try:
        if path.is_file():
            if inner_suffix(path.name) in TEXT_SUFFIXES and not path.name.lower().endswith(".gz"):
                count = listing_size(path)  # a file of paths for batch @FILE: its text is no article
                if count is not None:
                    raise InputError(f"{path} is {listing_note(path, count)}")
            return path
        is_dir = path.is_dir()
        if path.is_fifo():  # a pipe, as the shell's <(command) gives: read to its end like a file
            return path
        other = path.exists()
        dangling = not other and path.is_symlink()
    except OSError as exc:  # a name too long, a loop of links ...: no such file either
        raise InputError(f"cannot use {str(path)[:200]!r} as a file ({exc.strerror or exc}){hint}") from exc
    if is_dir:
        raise InputError(f"{path} is a folder, not a file; use summarize_folder or the batch command for folders")
    if other:
        raise InputError(f"{path} is not a regular file (a device or socket); save the article to a file and pass that")
    if dangling:
        raise InputError(f"{path} is a link that leads to no file (its target is gone, or links loop); check the link")
    raise InputError(f"no such file: {path}{hint}")


def resolve_source(
    source: Source | None = None, *, text: str | None = None, path: str | os.PathLike[str] | None = None
) -> Document | Path | str:
    """Decide what a call means: a Document, a file Path, or article text (see looks_like_path)."""
    given = sum(x is not None for x in (source, text, path))
    if given != 1:
        raise InputError(f"give exactly one article: text=..., path=... or one positional argument (got {given})")
    if text is not None:
        if not isinstance(text, str):
            raise InputError(f"text= takes a str, not {type(text).__name__}; pass path=... to read a file")
        return text
    if path is not None:
        if not isinstance(path, (str, os.PathLike)):
            raise InputError(f"path= takes a str or a Path, not {type(path).__name__}")
        return _existing_file(Path(path).expanduser(), from_string=False)
    if isinstance(source, Document):
        return source
    if isinstance(source, os.PathLike):
        return _existing_file(Path(source), from_string=False)
    if isinstance(source, str):
        if looks_like_path(source):
            return _existing_file(Path(source.strip()).expanduser(), from_string=True)
        return source
    raise InputError(f"expected article text, a path or a Document, got {type(source).__name__}")


def make_document(source: Document | Path | str, meta: dict[str, Any], text_field: str | None = None) -> Document:
    """The Document a resolved source gives, with the call's metadata (title, date ...) over what it found.

    ``text_field`` names the field (or dotted path) holding the text of a JSON file; given
    for anything else, it is an InputError rather than passed over.
    """
    if text_field and not (isinstance(source, Path) and file_format(source) in ("json", "jsonl")):
        what = f"{source} is not a .json or .jsonl file" if isinstance(source, Path) else "the article is not a file"
        raise InputError(f"{what}; --text-field (text_field=) names a field of a JSON export: leave it out")
    if isinstance(source, Path):
        return load_document(source, text_field=text_field, **meta)
    if isinstance(source, Document):
        document = source
    else:
        document = document_from_text(source, kind="html" if HTML_START.match(source) else "text")
    return replace(document, **{k: v for k, v in meta.items() if v is not None}) if meta else document
