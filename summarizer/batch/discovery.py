"""Find the articles under a folder: walk, filter, skip what is not an article, read lazily."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError, InputError
from ..ingest import (
    Document,
    document_from_bytes,
    file_format,
    json_entries,
    read_file,
)
from ..ingest.listing import (
    PATH_ENDINGS,
    SUPPORTED_SUFFIXES,
    TEXT_SUFFIXES,
    inner_suffix,
    listing_in,
    listing_note,
    listing_size,
    read_head,
)

__all__ = [
    "READS",
    "SKIP_BROKEN_LINK",
    "SKIP_EXCLUDED",
    "SKIP_HIDDEN",
    "SKIP_LISTING",
    "SKIP_OURS",
    "SKIP_UNREADABLE",
    "SKIP_UNSUPPORTED",
    "SUPPORTED_SUFFIXES",
    "Found",
    "article_id",
    "check_source",
    "discover",
    "entry_id",
    "list_inputs",
    "listed_paths",
    "looked_for",
    "matches",
    "read_inputs",
    "readable",
    "source_name",
    "written_by_summarizer",
]

READS = ".txt, .md, .html, .json, .jsonl and their .gz"
_SNIFF = 8192  # bytes read from the head of a file to recognise our own output
_TEXT_SNIFF = 512  # of a .txt first (most are articles, told by their first line)
_MARKUP_STARTS = (b"{", b"[", b"<", b"#")  # how batch output (JSON lines, Markdown) or a commented listing starts

# the reasons a file is passed over; the console groups its notes by them
SKIP_HIDDEN = "hidden"
SKIP_EXCLUDED = "excluded by --exclude"
SKIP_UNSUPPORTED = "unsupported type"
SKIP_OURS = "written by summarizer"
SKIP_LISTING = "listing"
SKIP_BROKEN_LINK = "broken link"
SKIP_UNREADABLE = "unreadable folder"

# What summarizer writes, recognised by content so a renamed or moved file is still known:
# batch records carry article_id and status (ok records schema_version, errors error_type);
# digests carry a generator mark (HTML meta, Markdown comment) or, as JSON, escalation_watch.
_RECORD = re.compile(rb'^\s*\[?\s*\{\s*"status"\s*:\s*"(?:ok|error)"\s*,\s*"article_id"\s*:')
_GENERATOR = re.compile(
    rb'<meta\s+name\s*=\s*["\']generator["\']\s+content\s*=\s*["\']summarizer\b|<!--\s*generator:\s*summarizer\b',
    re.IGNORECASE,
)
_DIGEST_JSON = re.compile(rb'^\s*\{\s*"title"\s*:.*"generated_at"\s*:.*"escalation_watch"\s*:', re.DOTALL)
_RECORD_FIELD = re.compile(rb'"(?:schema_version|error_type)"\s*:')
_BATCH_MD = re.compile(rb"^\s*<!-- generator: summarizer batch\b")
_MD_RECORD = re.compile(rb"^\s*<!-- article_id: [0-9a-f]+ status: (?:ok|error) -->")


@dataclass
class Found:
    """One input found in a folder: its id, where it came from, and how to read it."""

    article_id: str
    source: str
    path: Path
    data: bytes | None = None
    document: Document | None = None
    error: InputError | None = None

    def load(self) -> Document:
        """Return the document, decoding and cleaning the file now if needed."""
        if self.error is not None:
            raise self.error
        if self.document is not None:
            return self.document
        assert self.data is not None
        return document_from_bytes(self.data, kind=file_format(self.path), source=self.source)


def article_id(source: str, raw: bytes) -> str:
    """Stable id of an input: its relative path (or export entry) and its content."""
    digest = hashlib.sha256(raw).hexdigest()
    return hashlib.sha256(f"{source}\x00{digest}".encode()).hexdigest()[:16]


def entry_id(label: str, item: Document | InputError, entry: str | None) -> str:
    """Stable id of an export's entry: from its article's text, or (none to be had) from the entry itself."""
    if isinstance(item, Document):
        return article_id(label, item.text.encode())
    return article_id(label, (entry if entry is not None else label).encode())


def looked_for(globs: Iterable[str] = ()) -> str:
    """Say in words which files discovery reads, for a run that found none."""
    kinds = READS
    patterns = [g for g in globs if g not in ("**/*", "*")]
    if patterns:
        return "files matching " + " or ".join(repr(p) for p in patterns) + f" among {kinds}"
    return f"files ending in {kinds}"


@lru_cache(maxsize=256)
def _pattern(pattern: str) -> re.Pattern[str]:
    """Translate a glob to a regex on relative POSIX paths: '**' spans folders, '*' does not."""
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and (end := pattern.find("]", i + 2)) != -1:
            body = pattern[i + 1 : end]
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
            i = end + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def matches(relative: str, pattern: str) -> bool:
    """Match like .gitignore: a pattern without a slash matches a name in any folder."""
    pattern = pattern.removeprefix("./")
    if "/" not in pattern:
        return bool(_pattern(pattern).match(relative.rsplit("/", 1)[-1]))
    return bool(_pattern(pattern.lstrip("/")).match(relative))


def _head(path: Path) -> bytes:
    try:
        if path.name.lower().endswith(".gz"):
            with gzip.open(path, "rb") as handle:
                return handle.read(_SNIFF)
        with open(path, "rb") as handle:
            return handle.read(_SNIFF)
    except (OSError, EOFError):
        return b""  # unreadable or a bad .gz: reading it later gives the error record


def _not_an_article(path: str) -> str | None:
    """Why a .txt is passed over: batch output saved as .txt, or a listing of paths; None for an article."""
    try:
        head = read_head(path, _TEXT_SNIFF)
        body = head.lstrip()
        end = body.find(b"\n")
        if body[:1] not in _MARKUP_STARTS and not (body if end < 0 else body[:end]).rstrip().lower().endswith(
            PATH_ENDINGS
        ):
            return None  # the usual article: a title first, told apart in one look
        if _RECORD.match(head) and len(head) == _TEXT_SNIFF:  # a record line: its fields may lie further on
            head = read_head(path, _SNIFF)
    except OSError:
        return None  # reading it later gives the error record
    if _batch_output(head):
        return f"{SKIP_OURS}: batch output"
    count = listing_in(head, path, _TEXT_SNIFF if len(head) <= _TEXT_SNIFF else _SNIFF)  # the bytes asked for
    return None if count is None else f"{SKIP_LISTING}: {listing_note(Path(path), count)}"


def _batch_output(head: bytes) -> bool:
    return bool((_RECORD.match(head) and _RECORD_FIELD.search(head)) or _MD_RECORD.match(head) or _BATCH_MD.match(head))


def written_by_summarizer(head: bytes) -> str | None:
    """Name what summarizer wrote this file as (from its first bytes), or None for anything else."""
    if _batch_output(head):
        return "batch output"
    if _GENERATOR.search(head) or _DIGEST_JSON.match(head):
        return "digest"
    return None


def check_source(source: Path | str) -> None:
    """Refuse, before any work, a folder, file or @LISTING that is not there."""
    text = str(source)
    if text in ("-", "@-") and not Path(text.lstrip("@")).exists():
        what = "a listing" if text == "@-" else "articles"
        raise ConfigError(
            f"batch does not read {what} from standard input; save it to a file and give "
            + ("@FILE" if text == "@-" else "its folder, or run `summarizer summarize -` for one article")
        )
    if text.startswith("@") and not Path(text[1:]).is_file():
        raise ConfigError(f"the listing {text[1:]} does not exist; give a text file of paths, one a line, after the @")
    if not text.startswith("@") and not Path(source).exists():
        raise ConfigError(
            f"{source} does not exist; give a folder of articles, one file, or @LISTING (a file of paths, one a line)"
        )


def listed_paths(listing: Path) -> list[tuple[Path, Path]]:
    """(base, path) for each path a listing names, one a line; relative ones are read from the listing's folder.

    Blank lines and lines starting with # are passed over. A file is named in the
    records relative to the listing's folder (as ``summarizer batch`` on that folder
    would name it), or by its absolute path when it lies elsewhere.
    """
    try:
        lines = listing.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the listing {listing}: {exc}; give a text file of paths, one a line") from exc
    base = listing.parent.absolute()
    pairs: dict[Path, Path] = {}  # a path listed twice is read once
    for line in lines:
        name = line.strip()
        if not name or name.startswith("#"):
            continue
        path = Path(os.path.normpath(base / Path(name).expanduser()))
        pairs.setdefault(path, base if path.is_relative_to(base) else Path(path.anchor))
    return [(folder, path) for path, folder in pairs.items()]


def source_name(base: Path, path: Path) -> str:
    """How records name an input: its path relative to the run's folder, or from the root when it lies elsewhere."""
    folder, full = str(base), str(path)
    if full.startswith(folder) and full[len(folder) : len(folder) + 1] == os.sep and folder != os.sep:
        name = full[len(folder) + 1 :].replace(os.sep, "/")  # the common case, without pathlib's parsing
    else:
        name = path.relative_to(base if path.is_relative_to(base) else Path(path.anchor)).as_posix()
    return name if name.isascii() else readable(name)


def readable(name: str) -> str:
    """A file name as text that can be written: bytes that are not UTF-8 (kept by the OS as is) as \\xNN."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # os.walk hands such bytes over as lone surrogates, which no file can hold
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def _file_id(path: Path) -> tuple[int, int] | None:
    """The device and inode a path leads to (through links), or None when nothing is there."""
    try:
        status = path.stat()
    except OSError:
        return None
    if status.st_ino == 0:
        return None  # a file system without stable inodes (some FUSE, SMB, FAT): no match, rather than all
    return status.st_dev, status.st_ino


def _file_ids(paths: Iterable[Path]) -> set[tuple[int, int]]:
    """The files and folders that exist among paths, by device and inode: one stat per entry to compare."""
    return {found for p in paths if (found := _file_id(Path(p))) is not None}


def list_inputs(
    root: Path,
    *,
    globs: Iterable[str] = ("**/*",),
    exclude: Iterable[str] = (),
    ignore: Iterable[Path] = (),
    on_skip: Callable[[str, str], None] | None = None,
) -> tuple[Path, list[Path]]:
    """Return the base folder and the article files under root, sorted; report what is passed over.

    Hidden files and folders, files matching --exclude, types batch cannot read (no
    suffix, .pdf, images ...) and files summarizer wrote itself (records, digests) are
    skipped with a reason; files not matching --glob are simply not looked at.
    ``@LISTING`` gives the paths a listing file names instead (see ``listed_paths``).
    """
    if str(root).startswith("@"):  # a listing: every path it names, in its order, but the run's own output
        listing = Path(str(root)[1:])
        own = {os.path.realpath(p) for p in ignore}  # by name: the run's output may not exist yet
        listed = []
        for named_from, path in listed_paths(listing):
            if os.path.realpath(path) in own:
                continue
            why = _not_an_article(str(path)) if inner_suffix(path.name) in TEXT_SUFFIXES else None
            if why:  # another listing named by this one, or batch output: passed over, with the reason
                if on_skip:
                    on_skip(source_name(named_from, path), why)
                continue
            listed.append(path)
        return listing.parent.absolute(), listed
    root = Path(root)
    if root.is_file():
        if inner_suffix(root.name) in TEXT_SUFFIXES and (count := listing_size(root)) is not None:
            raise ConfigError(f"{root} is {listing_note(root, count)}")
        return root.parent, [root]
    if not root.is_dir():
        raise ConfigError(f"{root} is neither a folder nor a file; check the path")
    ignored = _file_ids(ignore)
    wanted = [g for g in globs if g not in ("**/*", "**", "*")]
    excluded = list(exclude)

    def skip(name: str, reason: str) -> None:
        if on_skip:
            on_skip(readable(name), readable(reason))

    kept: list[str] = []
    seen: set[str] = set()

    def unreadable(exc: OSError) -> None:  # a folder os.walk cannot list (permissions): said, not passed over
        where = os.path.relpath(exc.filename, root) if exc.filename else "."
        skip(
            str(root) + "/" if where == "." else where.replace(os.sep, "/") + "/", f"{SKIP_UNREADABLE}: {exc.strerror}"
        )

    for folder, dirs, files in os.walk(root, onerror=unreadable, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen:  # a symlink loop
            dirs[:] = []
            continue
        seen.add(real)
        base = Path(folder)
        relative_folder = base.relative_to(root).as_posix()
        prefix = "" if relative_folder == "." else relative_folder + "/"
        dirs.sort()
        for name in list(dirs):
            full = base / name
            relative = prefix + name
            if ignored and _file_id(full) in ignored:
                dirs.remove(name)
            elif name.startswith("."):
                dirs.remove(name)
                skip(relative + "/", SKIP_HIDDEN)
            elif any(matches(relative, p.rstrip("/")) for p in excluded):
                dirs.remove(name)
                skip(relative + "/", SKIP_EXCLUDED)
        for name in sorted(files):
            relative = prefix + name
            if wanted and not any(matches(relative, p) for p in wanted):
                continue
            where = os.path.join(folder, name)  # a string: a Path is made only for what is kept
            try:
                status = os.stat(where)
            except OSError as exc:  # a dangling link or a loop of links, or gone since the listing
                if os.path.islink(where) and not name.startswith("."):
                    skip(relative, f"{SKIP_BROKEN_LINK}: {exc.strerror or exc}")
                continue
            if not stat.S_ISREG(status.st_mode) or (status.st_dev, status.st_ino) in ignored:
                continue
            if name.startswith("."):
                skip(relative, SKIP_HIDDEN)
            elif any(matches(relative, p) for p in excluded):
                skip(relative, SKIP_EXCLUDED)
            elif (suffix := inner_suffix(name)) not in SUPPORTED_SUFFIXES:
                skip(relative, SKIP_UNSUPPORTED)
            elif suffix not in TEXT_SUFFIXES and (what := written_by_summarizer(_head(Path(where)))):
                skip(relative, f"{SKIP_OURS}: {what}")
            elif suffix in TEXT_SUFFIXES and name[-3:].lower() != ".gz" and (why := _not_an_article(where)):
                skip(relative, why)
            else:
                kept.append(where)
    kept.sort(key=lambda where: where.split(os.sep))  # the order pathlib sorts in: by parts
    return root, [Path(where) for where in kept]


def read_inputs(base: Path, paths: Iterable[Path], *, text_field: str | None = None) -> Iterator[Found]:
    """Yield one Found per file, or per object of a JSON export, reading lazily."""
    for path in paths:
        name = source_name(base, path)
        try:
            data = read_file(path)
        except OSError as exc:  # gzip.BadGzipFile is an OSError too
            reason = exc.strerror or str(exc) or type(exc).__name__
            where = "" if str(path) == name else f" ({path})"  # a listing's paths are relative to its folder
            error = InputError(f"cannot read {name}{where}: {reason}; check the path")
            yield Found(article_id(name, name.encode()), name, path, error=error)
            continue
        except InputError as exc:  # a .gz cut short or too large
            error = exc
            yield Found(article_id(name, name.encode()), name, path, error=error)
            continue
        kind = file_format(path)
        if kind not in ("json", "jsonl"):
            yield Found(article_id(name, data), name, path, data=data)
            continue
        count = 0
        try:
            for label, item, entry in json_entries(data, jsonl=kind == "jsonl", source=name, text_field=text_field):
                count += 1
                if isinstance(item, InputError):
                    yield Found(entry_id(label, item, entry), label, path, error=item)
                else:
                    yield Found(entry_id(label, item, entry), label, path, document=item)
        except InputError as exc:
            yield Found(article_id(name, data), name, path, error=exc)
            continue
        if count == 0:
            yield Found(article_id(name, data), name, path, error=InputError(f"{name} holds no JSON objects"))


def discover(
    root: Path,
    *,
    globs: Iterable[str] = ("**/*",),
    exclude: Iterable[str] = (),
    text_field: str | None = None,
    ignore: Iterable[Path] = (),
    on_skip: Callable[[str, str], None] | None = None,
) -> Iterator[Found]:
    """Yield the inputs under root in a stable order (sorted relative paths), lazily."""
    base, paths = list_inputs(root, globs=globs, exclude=exclude, ignore=ignore, on_skip=on_skip)
    return read_inputs(base, paths, text_field=text_field)
