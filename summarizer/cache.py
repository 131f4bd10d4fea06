"""On-disk cache of records, keyed by everything that shapes an answer.

Entries are stored as JSON text, not pickles, so a cache written by another
version can only ever be a miss. A corrupt or unreadable entry, or a cache
directory that cannot be opened, is a warning and a miss, never a crash. A record
is tagged with the batch run that made it (diskcache's tag, in the same row): a
record that run finds again for the same article (a worker died before sending
it, and another did the article again) is its own, not "cached".
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import warnings
from pathlib import Path
from typing import Any

from .errors import CacheWarning
from .models import SummaryRecord

__all__ = ["RecordCache", "cache_key"]


def cache_key(
    text: str,
    *,
    provider: str,
    model: str,
    prompt_version: str,
    schema_version: str,
    sampling: dict[str, Any],
    language: str | None = None,
) -> str:
    """Return the sha256 key of an article under one provider, model, prompt, schema and language setting."""
    material = json.dumps(
        {
            "text": hashlib.sha256(text.encode("utf-8")).hexdigest(),
            "provider": provider,
            "model": model,
            "prompt": prompt_version,
            "schema": schema_version,
            "sampling": sampling,
            "language": language,
        },
        sort_keys=True,
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


class RecordCache:
    """A diskcache-backed store of SummaryRecords, opened on first use."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self._cache: Any = None
        self._broken = False

    def _open(self) -> Any:
        if self._cache is None and not self._broken:
            import diskcache

            try:
                # a small SQLite page cache and no memory map keep RSS flat over long batches
                self._cache = diskcache.Cache(str(self.directory), sqlite_cache_size=256, sqlite_mmap_size=0)
            except Exception as exc:  # sqlite3, OSError: any failure means no cache
                self._broken = True
                warnings.warn(
                    f"cache at {self.directory} cannot be opened ({exc}); continuing without "
                    "it. Delete the folder or set SUMMARIZER_CACHE_DIR to a writable one.",
                    CacheWarning,
                    stacklevel=3,
                )
        return self._cache

    def _read(self, key: str) -> tuple[object | None, str | None]:
        """The stored value and its tag (the run that wrote it), or (None, None)."""
        cache = self._open()
        if cache is None:
            return None, None
        try:
            return cache.get(key, tag=True)  # type: ignore[no-any-return]
        except Exception as exc:
            warnings.warn(f"cache entry {key[:12]} unreadable ({exc}); treating as a miss", CacheWarning, stacklevel=3)
            return None, None

    def get(self, key: str) -> SummaryRecord | None:
        """Return the stored record, or None for a miss or an unreadable entry."""
        found = self.lookup(key)
        return found[0] if found is not None else None

    def lookup(self, key: str) -> tuple[SummaryRecord, str | None] | None:
        """Return the stored record and the run that stored it (None: no batch run), or None for a miss."""
        raw, run = self._read(key)
        if raw is None:
            return None
        try:
            if not isinstance(raw, str):
                raise TypeError(f"stored {type(raw).__name__}, not JSON text")
            return SummaryRecord.model_validate_json(raw), run if isinstance(run, str) else None
        except Exception as exc:
            warnings.warn(f"cache entry {key[:12]} is corrupt ({exc}); treating as a miss", CacheWarning, stacklevel=2)
            self._delete(key)
            return None

    def set(self, key: str, record: SummaryRecord, *, run: str | None = None) -> None:
        """Store a record, with the batch run that made it (if any); a failed write is a warning, not an error."""
        self.set_text(key, record.model_dump_json(), run=run)

    def get_text(self, key: str) -> str | None:
        """Return a stored string (e.g. a polished brief), or None."""
        raw = self._read(key)[0]
        return raw if isinstance(raw, str) else None

    def set_text(self, key: str, value: str, *, run: str | None = None) -> None:
        """Store a string (tagged with ``run``); a failed write is a warning, not an error."""
        cache = self._open()
        if cache is None:
            return
        try:
            cache.set(key, value, tag=run)
        except Exception as exc:
            warnings.warn(f"could not write to cache at {self.directory} ({exc})", CacheWarning, stacklevel=2)

    def _delete(self, key: str) -> None:
        with contextlib.suppress(Exception):  # the entry is unusable either way
            self._cache.delete(key)

    def close(self) -> None:
        """Close the underlying database."""
        if self._cache is not None:
            self._cache.close()
            self._cache = None
