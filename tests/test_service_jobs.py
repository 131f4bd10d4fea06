"""Jobs survive the server: SIGKILL mid-job, SIGTERM mid-job, restart, every article exactly once; and the parts."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from summarizer import ConfigError
from summarizer.ingest import document_from_text
from summarizer.service import check_bind, hash_key, resolve_service_settings
from summarizer.service.auth import KeyRing, RateLimiter, bearer_token
from summarizer.service.jobs import Article, JobStore
from tests.service_process import ServiceProcess, all_records, variants, wait_done

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


def _progress(server: ServiceProcess, job_id: str, at_least: int, seconds: float = 60.0) -> int:
    """Wait until the job has at least this many articles done; return how many."""
    deadline = time.monotonic() + seconds
    with server.client() as c:
        while time.monotonic() < deadline:
            done = int(c.get(f"/v1/batches/{job_id}").json()["done"])
            if done >= at_least:
                return done
            time.sleep(0.02)
    raise AssertionError(f"fewer than {at_least} articles done in {seconds} s")


def test_sigkill_then_sigterm_mid_job_and_every_article_exactly_once(tmp_path: Path) -> None:
    server = ServiceProcess(tmp_path / "kill", concurrency="2", workers="1")
    server.start()
    try:
        body = "\n".join(json.dumps({"text": t}) for t in variants(200)).encode()
        with server.client() as c:
            job = c.post("/v1/batches", content=body, headers={"Content-Type": "application/x-ndjson"}).json()
        done_at_kill = _progress(server, job["id"], 10)
        workers = server.children()
        server.kill()  # SIGKILL: no shutdown code runs; claimed rows stay claimed in the store
        assert done_at_kill < 200, "the job finished before the kill; the test proves nothing"
        assert workers  # the extractive worker (and multiprocessing's resource tracker)
        deadline = time.monotonic() + 10
        while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]  # none outlives its server

        server.env["SUMMARIZER_SERVICE_WORKERS"] = "0"  # the restarts use threads: quicker to start
        server.start()
        assert "re-queued" in server.log_text()
        done_at_term = _progress(server, job["id"], done_at_kill + 10)
        assert server.stop() in (0, -signal.SIGTERM)  # uvicorn re-raises the signal after a clean shutdown
        assert "Application shutdown complete" in server.log_text()
        store = JobStore(server.folder / "jobs.sqlite3")
        left = store.status(job["id"])
        store.close()
        assert left is not None and left["running"] == 0  # in-flight articles finished or went back in the queue

        server.start()
        with server.client() as c:
            status = wait_done(c, job["id"])
            records = all_records(c, job["id"], page=64)
        assert done_at_term < 200 or status["done"] == 200
        assert (status["status"], status["done"], status["ok"]) == ("done", 200, 200)
        sources = [r["source_path"] for r in records]
        assert len(records) == 200 and sorted(sources) == sorted(f"body:{i}" for i in range(1, 201))
        assert len({r["article_id"] for r in records}) == 200
    finally:
        server.kill()


def test_store_marks_each_article_done_once_and_requeues_claimed(tmp_path: Path) -> None:
    store = JobStore(tmp_path / "jobs.sqlite3")
    document = document_from_text("Valdoria moved troops to the border on Monday, officials said.")
    job_id = store.create(
        [Article("a1", "one", document=document), Article("a2", "two", error="not JSON")], options={}, owner=None
    )
    first = store.claim(job_id)
    assert first is not None and first.document == document
    assert store.finish(first, '{"x": 1}', ok=True, engine="extractive") is True
    assert store.finish(first, '{"x": 2}', ok=True, engine="extractive") is False  # never twice
    second = store.claim(job_id)
    assert second is not None and second.error == "not JSON" and store.claim(job_id) is None
    assert store.requeue_claimed() == 1  # the server died holding it
    again = store.claim(job_id)
    assert again is not None and again.seq == second.seq
    store.finish(again, '{"x": 3}', ok=False, engine=None)
    status = store.status(job_id)
    assert status is not None and (status["status"], status["ok"], status["failed"]) == ("done", 1, 1)
    assert [line for _, line in store.results(job_id, after=0, limit=10)] == ['{"x": 1}', '{"x": 3}']
    assert store.record("a1") == '{"x": 1}' and store.record("a2") is None  # an error is no record
    store.close()


def test_keys_are_hashed_and_compared_whole() -> None:
    settings = resolve_service_settings(
        env={"SUMMARIZER_SERVICE_API_KEYS": f"alpha-key, sha256:{hash_key('beta-key')}"}
    )
    assert "alpha-key" not in repr(settings) and settings.key_hashes[0] == hash_key("alpha-key")
    ring = KeyRing(settings.key_hashes)
    assert ring.identify("alpha-key") == hash_key("alpha-key")[:12]
    assert ring.identify("beta-key") == hash_key("beta-key")[:12]
    assert ring.identify("alpha-ke") is None and ring.identify(None) is None
    assert (
        bearer_token("Bearer  abc ") == "abc" and bearer_token("Basic abc") is None and bearer_token("Bearer") is None
    )


def test_settings_env_then_explicit_and_loopback_rule() -> None:
    env = {"SUMMARIZER_SERVICE_PORT": "9001", "SUMMARIZER_SERVICE_HOST": "0.0.0.0"}
    from_env = resolve_service_settings(env=env)
    assert (from_env.port, from_env.host) == (9001, "0.0.0.0")
    assert resolve_service_settings(env=env, port=9002).port == 9002
    with pytest.raises(ConfigError, match="without an API key"):
        check_bind(from_env)
    check_bind(resolve_service_settings(env=env, api_keys=["k"]))
    check_bind(resolve_service_settings(env={}))  # 127.0.0.1, no key: allowed
    with pytest.raises(ConfigError, match="SUMMARIZER_SERVICE_PORT"):
        resolve_service_settings(env={"SUMMARIZER_SERVICE_PORT": "eighty"})


def test_rate_limiter_refills_over_time() -> None:
    now = [0.0]
    limiter = RateLimiter(60, 2, clock=lambda: now[0])
    assert [limiter.take("k") for _ in range(2)] == [0.0, 0.0]
    wait = limiter.take("k")
    assert 0.9 < wait <= 1.0 and limiter.retry_after(wait) == "1"
    assert limiter.take("other") == 0.0  # per caller
    now[0] = 1.0
    assert limiter.take("k") == 0.0


def test_import_summarizer_needs_no_service_dependency() -> None:
    code = (
        "import sys, summarizer, summarizer.cli, summarizer.service;"
        "print(sorted(m for m in ('fastapi', 'uvicorn', 'starlette', 'prometheus_client') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "[]"
