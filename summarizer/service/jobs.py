"""The job store: batch jobs and their articles in SQLite, so a killed server finishes its jobs after a restart.

Each article row is ``pending``, ``claimed`` (a worker has it) or ``done``. A result is
written in the same transaction that marks its row done, and a row is done at most
once (``UPDATE ... WHERE state = 'claimed'``), so every article has exactly one result.
Rows still ``claimed`` when the server starts (it was killed) or stops (in-flight work
at shutdown) go back to ``pending``. WAL mode: a committed result survives SIGKILL.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..ingest import Document

__all__ = ["Article", "JobStore", "Pending"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    owner TEXT,
    created REAL NOT NULL,
    finished REAL,
    cancelled INTEGER NOT NULL DEFAULT 0,
    options TEXT NOT NULL,
    total INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    job_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    source TEXT NOT NULL,
    document TEXT,
    entry TEXT,
    error TEXT,
    state TEXT NOT NULL DEFAULT 'pending',
    PRIMARY KEY (job_id, seq)
);
CREATE INDEX IF NOT EXISTS articles_state ON articles (job_id, state, seq);
CREATE TABLE IF NOT EXISTS results (
    pos INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    ok INTEGER NOT NULL,
    engine TEXT,
    article_id TEXT,
    line TEXT NOT NULL,
    UNIQUE (job_id, seq)
);
CREATE INDEX IF NOT EXISTS results_article ON results (article_id);
CREATE TABLE IF NOT EXISTS singles (
    article_id TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    made REAL NOT NULL,
    line TEXT NOT NULL,
    PRIMARY KEY (article_id, owner)
);
"""
# a job stops when nothing of it is in flight and nothing waits (or what waits was cancelled): then ``finished``
_STOPPED = (
    "UPDATE jobs SET finished = ? WHERE finished IS NULL AND NOT EXISTS (SELECT 1 FROM articles a "
    "WHERE a.job_id = jobs.id AND (a.state = 'claimed' OR (a.state = 'pending' AND jobs.cancelled = 0)))"
)


@dataclass(frozen=True)
class Article:
    """One article of a new job: where it came from, and its document, its JSON entry, or why it cannot be read.

    A JSON entry is read (``ingest``) only when a worker takes it, so a big batch is accepted at once;
    its ``article_id`` is then computed from the text read, as ``summarizer batch`` does.
    """

    article_id: str
    source: str
    document: Document | None = None
    error: str | None = None
    entry: str | None = None


@dataclass(frozen=True)
class Pending:
    """A claimed article, ready for a worker."""

    job_id: str
    seq: int
    article_id: str
    source: str
    document: Document | None
    error: str | None
    options: dict[str, Any]
    entry: str | None = None


class JobStore:
    """SQLite-backed jobs, safe to share between threads (one connection behind a lock)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")  # a process kill loses nothing committed
            self._db.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise ConfigError(
                f"cannot open the job store {path}: {exc}; set SUMMARIZER_SERVICE_DB to a writable file"
            ) from exc
        self._lock = threading.Lock()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, tuple(params)).fetchall()

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    def requeue_claimed(self) -> int:
        """Put every claimed article back in the queue (at start: its worker died; at stop: it was cut off)."""
        with self._write() as db:
            requeued = db.execute("UPDATE articles SET state = 'pending' WHERE state = 'claimed'").rowcount
            if requeued:  # a cancelled job whose last articles were cut off stops here
                db.execute(_STOPPED + " AND cancelled = 1", (time.time(),))
            return requeued

    def create(self, articles: list[Article], *, options: dict[str, Any], owner: str | None) -> str:
        """Store a new job and its articles; return the job id."""
        job_id = uuid.uuid4().hex
        rows = [
            (
                job_id,
                seq,
                a.article_id,
                a.source,
                json.dumps(asdict(a.document)) if a.document is not None else None,
                a.entry,
                a.error,
            )
            for seq, a in enumerate(articles)
        ]
        with self._write() as db:
            db.execute(
                "INSERT INTO jobs (id, owner, created, options, total) VALUES (?, ?, ?, ?, ?)",
                (job_id, owner, time.time(), json.dumps(options), len(articles)),
            )
            db.executemany(
                "INSERT INTO articles (job_id, seq, article_id, source, document, entry, error) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        return job_id

    def pending_count(self) -> int:
        """Articles waiting in all jobs (not yet claimed)."""
        sql = (
            "SELECT COUNT(*) FROM articles a JOIN jobs j ON j.id = a.job_id "
            "WHERE a.state = 'pending' AND j.cancelled = 0 AND j.finished IS NULL"
        )
        return int(self._read(sql)[0][0])

    def next_job(self) -> str | None:
        """The oldest live job that has articles waiting, or None."""
        rows = self._read(
            "SELECT j.id FROM jobs j WHERE j.cancelled = 0 AND j.finished IS NULL AND EXISTS "
            "(SELECT 1 FROM articles a WHERE a.job_id = j.id AND a.state = 'pending') ORDER BY j.created, j.id LIMIT 1"
        )
        return str(rows[0][0]) if rows else None

    def claim(self, job_id: str) -> Pending | None:
        """Take the job's next waiting article, or None when none is left or the job was cancelled."""
        with self._write() as db:
            row = db.execute(
                "SELECT a.job_id, a.seq, a.article_id, a.source, a.document, a.error, j.options, a.entry "
                "FROM articles a JOIN jobs j ON j.id = a.job_id "
                "WHERE a.job_id = ? AND a.state = 'pending' AND j.cancelled = 0 ORDER BY a.seq LIMIT 1",
                (job_id,),
            ).fetchone()
            if row is None:
                return None
            db.execute("UPDATE articles SET state = 'claimed' WHERE job_id = ? AND seq = ?", (row[0], row[1]))
        document = Document(**json.loads(row[4])) if row[4] is not None else None
        return Pending(row[0], row[1], row[2], row[3], document, row[5], json.loads(row[6]), row[7])

    def finish(self, item: Pending, line: str, *, ok: bool, engine: str | None, article_id: str | None = None) -> bool:
        """Store an article's result and mark it done, once; False if it was already done or released."""
        with self._write() as db:
            changed = db.execute(
                "UPDATE articles SET state = 'done' WHERE job_id = ? AND seq = ? AND state = 'claimed'",
                (item.job_id, item.seq),
            ).rowcount
            if not changed:
                return False
            db.execute(
                "INSERT INTO results (job_id, seq, ok, engine, article_id, line) VALUES (?, ?, ?, ?, ?, ?)",
                (item.job_id, item.seq, int(ok), engine, article_id or item.article_id, line),
            )
            db.execute(_STOPPED + " AND id = ?", (time.time(), item.job_id))
        return True

    def release(self, item: Pending) -> None:
        """Put one claimed article back in the queue."""
        with self._write() as db:
            db.execute(
                "UPDATE articles SET state = 'pending' WHERE job_id = ? AND seq = ? AND state = 'claimed'",
                (item.job_id, item.seq),
            )
            db.execute(_STOPPED + " AND id = ?", (time.time(), item.job_id))

    def status(self, job_id: str) -> dict[str, Any] | None:
        """The job's state and counts, or None if there is no such job."""
        rows = self._read("SELECT owner, created, finished, cancelled, options, total FROM jobs WHERE id = ?", [job_id])
        if not rows:
            return None
        owner, created, finished, cancelled, options, total = rows[0]
        counts = dict(self._read("SELECT state, COUNT(*) FROM articles WHERE job_id = ? GROUP BY state", [job_id]))
        ok, failed = self._read(
            "SELECT COALESCE(SUM(ok), 0), COALESCE(SUM(1 - ok), 0) FROM results WHERE job_id = ?", [job_id]
        )[0]
        done = counts.get("done", 0)
        if done == total:  # a finished job stays done even if cancelled afterwards
            state = "done"
        elif cancelled:
            state = "cancelled"
        elif done or counts.get("claimed", 0):
            state = "running"
        else:
            state = "queued"
        return {
            "id": job_id,
            "owner": owner,
            "status": state,
            "total": total,
            # a cancelled job's waiting articles never run: dropped, not pending (a poller waiting for 0 would hang)
            "pending": 0 if cancelled else counts.get("pending", 0),
            "dropped": counts.get("pending", 0) if cancelled else 0,
            "running": counts.get("claimed", 0),
            "done": done,
            "ok": int(ok),
            "failed": int(failed),
            "created": created,
            "finished": finished,
            "options": json.loads(options),
        }

    def results(self, job_id: str, *, after: int, limit: int) -> list[tuple[int, str]]:
        """Up to ``limit`` result lines of a job after cursor position ``after``, in the order they completed."""
        rows = self._read(
            "SELECT pos, line FROM results WHERE job_id = ? AND pos > ? ORDER BY pos LIMIT ?", [job_id, after, limit]
        )
        return [(int(pos), str(line)) for pos, line in rows]

    def keep(self, article_id: str, line: str, owner: str | None = None) -> None:
        """Keep the record of a single summary request, so its review page can be asked for later."""
        with self._write() as db:
            db.execute(
                "INSERT OR REPLACE INTO singles (article_id, owner, made, line) VALUES (?, ?, ?, ?)",
                (article_id, owner or "", time.time(), line),
            )

    def record(self, article_id: str, owner: str | None = None) -> str | None:
        """The latest record (JSON line) made for an article id in any job (of this owner, if given), or None."""
        single = "SELECT line FROM singles WHERE article_id = ?" + (" AND owner = ?" if owner is not None else "")
        kept = self._read(single + " ORDER BY made DESC LIMIT 1", [article_id, *([owner] if owner is not None else [])])
        if kept:
            return str(kept[0][0])
        sql = "SELECT r.line FROM results r JOIN jobs j ON j.id = r.job_id WHERE r.article_id = ? AND r.ok = 1"
        params: list[Any] = [article_id]
        if owner is not None:
            sql += " AND j.owner = ?"
            params.append(owner)
        rows = self._read(sql + " ORDER BY r.pos DESC LIMIT 1", params)
        return str(rows[0][0]) if rows else None

    def cancel(self, job_id: str) -> bool:
        """Stop a job: its waiting articles are never run; False if there is no such job."""
        with self._write() as db:
            found = bool(db.execute("UPDATE jobs SET cancelled = 1 WHERE id = ?", (job_id,)).rowcount)
            db.execute(_STOPPED + " AND id = ?", (time.time(), job_id))  # at once, unless articles are in flight
            return found
