"""Tell a listing of paths (what ``summarizer batch @FILE`` reads) from an article, by a look at its first bytes."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .decoding import HTML_SUFFIXES, JSON_SUFFIXES, MARKDOWN_SUFFIXES

__all__ = [
    "PATH_ENDINGS",
    "SUPPORTED_SUFFIXES",
    "TEXT_SUFFIXES",
    "inner_suffix",
    "listing_in",
    "listing_note",
    "listing_size",
    "read_head",
]

TEXT_SUFFIXES = frozenset({".txt", ".text"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
# how a line naming an article file ends (lower case, as bytes): a listing's every line does
PATH_ENDINGS = tuple(s.encode() + gz for s in sorted(SUPPORTED_SUFFIXES) for gz in (b"", b".gz"))
_LISTING_HEAD = 512  # bytes of a .txt read to tell a listing of paths from an article
_FIRST_LINE = re.compile(rb"\s*([^\n]*)")  # a title is no path: most files are told by it


def inner_suffix(name: str) -> str:
    """The suffix that says how to read a file, from its name: 'a.html.gz' reads as '.html'."""
    name = name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    dot = name.rfind(".")
    return name[dot:] if dot > 0 and "/" not in name[dot:] and "\\" not in name[dot:] else ""


def _path_lines(text: str) -> list[str] | None:
    """The paths a listing's text names, or None if some line is not one (an article has sentences)."""
    paths = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if len(line) > 4096 or "://" in line or inner_suffix(line) not in SUPPORTED_SUFFIXES:
            return None
        paths.append(line)
    return paths or None


def listing_note(path: Path, count: int) -> str:
    """Say that a file is a listing, and the command that summarizes what it names."""
    return (
        f"a listing of {count} path{'s' if count != 1 else ''}, not an article; "
        f"run `summarizer batch @{path}` to summarize what it names"
    )


def listing_size(path: Path | str) -> int | None:
    """How many paths a .txt file lists when it is a listing for ``batch @FILE`` (every line a path), else None.

    Reads the first bytes only, and the whole file only when they hold nothing but paths.
    """
    try:
        return listing_in(read_head(path, _LISTING_HEAD), path, _LISTING_HEAD)
    except OSError:
        return None


def read_head(path: Path | str, size: int) -> bytes:
    """The first ``size`` bytes of a file, in one read (OSError as it comes)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        return os.read(fd, size)
    finally:
        os.close(fd)


def listing_in(head: bytes, path: Path | str, size: int) -> int | None:
    """``listing_size`` from a head already read (``size`` bytes were asked for): the whole file only if needed."""
    first = _FIRST_LINE.match(head).group(1).rstrip()  # type: ignore[union-attr]  # most files end here
    try:
        if not first.startswith(b"#") and inner_suffix(first.decode("utf-8")) not in SUPPORTED_SUFFIXES:
            return None
        whole = len(head) < size
        paths = _path_lines(head.decode("utf-8") if whole else head[: head.rfind(b"\n") + 1].decode("utf-8"))
        if paths is not None and not whole:  # the first lines are paths: so must every line be
            paths = _path_lines(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    return None if paths is None else len(paths)
