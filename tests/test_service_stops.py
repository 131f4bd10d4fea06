"""When a batch job stops: every state it can end in (done, all failed, cancelled) says when, in ``finished``."""

from __future__ import annotations

import json
import time
from pathlib import Path

from summarizer.errors import ConfigError
from summarizer.ingest import document_from_text
from summarizer.service.inputs import read_entry
from summarizer.service.jobs import Article, JobStore
from summarizer.service.metrics import Metrics
from summarizer.service.runner import Engines, JobRunner

TEXT = "Valdoria moved troops to the border on Monday, officials in Orlen said."


def _job(store: JobStore, count: int) -> str:
    document = document_from_text(TEXT)
    articles = [Article(f"a{n}", f"body:{n}", document=document) for n in range(count)]
    return store.create(articles, options={}, owner=None)


def test_every_way_a_job_ends_reports_when_it_stopped(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "jobs.sqlite3")
    began = time.time()

    done = _job(store, 1)
    item = store.claim(done)
    assert item is not None and store.finish(item, "{}", ok=True, engine="extractive")
    failed = _job(store, 1)
    item = store.claim(failed)
    assert item is not None and store.finish(item, "{}", ok=False, engine=None)

    waiting = _job(store, 3)  # cancelled before any article ran: it stops at once
    store.cancel(waiting)

    running = _job(store, 3)  # cancelled with one article in flight: it stops when that one ends
    in_flight = store.claim(running)
    assert in_flight is not None
    store.cancel(running)
    midway = store.status(running)
    assert midway is not None and (midway["status"], midway["running"], midway["finished"]) == ("cancelled", 1, None)
    assert store.finish(in_flight, "{}", ok=True, engine="extractive")

    cut_off = _job(store, 2)  # cancelled, then its in-flight article handed back (the server stopping)
    held = store.claim(cut_off)
    assert held is not None
    store.cancel(cut_off)
    store.release(held)

    for job_id, state in ((done, "done"), (failed, "done"), (waiting, "cancelled"), (running, "cancelled")):
        status = store.status(job_id)
        assert status is not None and status["status"] == state
        # was: a cancelled job said finished: null for ever, though nothing of it would ever run again
        assert isinstance(status["finished"], float) and began <= status["finished"] <= time.time(), status
    status = store.status(cut_off)
    assert status is not None and status["status"] == "cancelled" and isinstance(status["finished"], float)
    failed_status = store.status(failed)
    assert failed_status is not None and failed_status["failed"] == 1
    store.close()


def test_a_cancelled_job_cut_off_at_shutdown_stops_there(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "jobs.sqlite3")
    job_id = _job(store, 2)
    assert store.claim(job_id) is not None
    store.cancel(job_id)
    assert store.requeue_claimed() == 1  # the server stops (or starts after a kill) with the article in flight
    status = store.status(job_id)
    assert status is not None and status["status"] == "cancelled" and status["running"] == 0
    assert isinstance(status["finished"], float), status
    live = _job(store, 2)  # a job that was not cancelled goes on after a restart: not finished
    assert store.claim(live) is not None and store.requeue_claimed() == 1
    live_status = store.status(live)
    assert live_status is not None and live_status["finished"] is None
    store.close()


def test_a_job_that_cannot_run_fails_each_json_entry_under_its_own_id(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "jobs.sqlite3")
    entries = [f'{{"text": "{TEXT}"}}', '{"headline": "no text"}']
    job_id = store.create([Article("", f"body:{n}", entry=e) for n, e in enumerate(entries, 1)], options={}, owner=None)
    runner = JobRunner(store, Engines(), Metrics(lambda: 0, lambda: 0), concurrency=1, max_waiting=1, workers=0)
    runner._fail_job(job_id, ConfigError("the engine cannot be built"))  # e.g. restarted without its LLM settings
    rows = [json.loads(line) for _, line in store.results(job_id, after=0, limit=10)]
    # was: "" for every JSON entry (the id an entry gets only once it is read)
    assert [row["article_id"] for row in rows] == [read_entry(e, f"body:{n}")[0] for n, e in enumerate(entries, 1)]
    assert all(row["article_id"] for row in rows) and {row["error_type"] for row in rows} == {"ConfigError"}
    runner.executor.shutdown()
    store.close()
