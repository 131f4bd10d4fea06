"""Judgment: the HTTP service under load, and a job that survives SIGKILL; prints JSON.

    python benchmarks/judgments/service.py [--shared ../shared] [--count 300] [--clients 25]

With ``benchmarks/bench_service.py``'s server (a fresh ``summarizer serve`` on
127.0.0.1, extractive engine, temporary cache and job store): ``--count`` BBC
articles from ``--clients`` concurrent clients, once as single requests and once as
batches (one per client), with no error answer and every batch's records complete
and unduplicated; then one batch of 200 BBC articles, the server SIGKILLed after
some are done and started again on the same job store, and the job must finish
with each article exactly once. Also the time from the command to /readyz.
The full load figures (2,000 articles, 50 clients, 3 runs) come from bench_service.py.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

import httpx2  # noqa: E402

from benchmarks.bench_service import Server, _batches, _summaries, load_texts  # noqa: E402
from benchmarks.corpora import shared_dir  # noqa: E402


def _load(shared: Path, count: int, clients: int) -> dict[str, Any]:
    texts = load_texts(shared, count)
    found: dict[str, Any] = {}
    for way, work in (("summaries", _summaries), ("batches", _batches)):
        with tempfile.TemporaryDirectory(prefix="judge-service-") as folder:
            started = time.perf_counter()
            server = Server(Path(folder), concurrency=4)
            ready = round(time.perf_counter() - started, 2)
            try:
                result = asyncio.run(work(server.base, texts, clients))
            finally:
                server.stop()
        found[way] = {
            "articles": len(texts),
            "rate_per_s": result.get("requests_per_s", result.get("articles_per_s")),
            "errors": result["errors"],
            "error_kinds": result["error_kinds"],
            "seconds_to_ready": ready,
            "target_errors": 0,
            "met": result["errors"] == 0,
        }
    return found


def _progress(base: str, job_id: str) -> dict[str, Any]:
    return dict(httpx2.get(f"{base}/v1/batches/{job_id}", timeout=30).json())


def _kill_and_resume(shared: Path, count: int = 200) -> dict[str, Any]:
    texts = load_texts(shared, count)
    body = "\n".join(json.dumps({"text": t}) for t in texts).encode()
    with tempfile.TemporaryDirectory(prefix="judge-service-kill-") as folder:
        server = Server(Path(folder), concurrency=2)
        try:
            job = httpx2.post(
                f"{server.base}/v1/batches", content=body, headers={"Content-Type": "application/x-ndjson"}, timeout=60
            ).json()
            deadline = time.monotonic() + 120
            while (done_at_kill := _progress(server.base, job["id"])["done"]) < 10 and time.monotonic() < deadline:
                time.sleep(0.02)
        finally:
            server.process.kill()
            server.process.wait()
            server.log.close()
        server = Server(Path(folder), concurrency=2)
        try:
            deadline = time.monotonic() + 300
            while (status := _progress(server.base, job["id"]))["status"] != "done" and time.monotonic() < deadline:
                time.sleep(0.2)
            page = httpx2.get(f"{server.base}/v1/batches/{job['id']}/records", params={"limit": 5000}, timeout=60)
            records = [json.loads(line) for line in page.text.splitlines() if line]
        finally:
            server.stop()
    sources = [r["source_path"] for r in records]
    once = len(sources) == count and len(set(sources)) == count
    return {
        "articles": count,
        "done_when_killed": done_at_kill,
        "records_after_restart": len(records),
        "distinct_articles": len(set(sources)),
        "status": status["status"],
        "target": "each article exactly once after SIGKILL mid-job and a restart",
        "met": once and status["status"] == "done" and 0 < done_at_kill < count,
    }


def evaluate(shared: Path, count: int = 300, clients: int = 25, **_: Any) -> dict[str, Any]:
    """Service judgments: load without errors, and exactly-once after SIGKILL; see the module docstring."""
    return {"load": _load(shared, count, clients), "sigkill_resume": _kill_and_resume(shared)}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--clients", type=int, default=25)
    args = parser.parse_args()
    print(json.dumps(evaluate(args.shared, count=args.count, clients=args.clients), indent=2))
