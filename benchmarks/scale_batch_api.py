"""The provider's Batch API path over N BBC articles against the in-process test server; prints JSON.

    python benchmarks/scale_batch_api.py [--shared ../shared] [--count 2095] [--realtime]

``tests.batch_api_server.BatchApiServer`` runs in this process (a thread) on 127.0.0.1
and answers each request line with the extractive engine's grounded reading of the
article. A fixed share of lines gets a fault, by the article's hash: invalid JSON
against the schema (2%), an ungrounded quote (2%), a 500 in the error file (1%); and
the second batch expires with its second half unanswered. Batches hold at most
``--per-batch`` requests (default 500), so N articles make several. The run goes
through ``run_batch_api`` with re-asks in real time (the default), priced as gpt-4o-mini
(the client's base URL names a remote host; its requests are routed to the test
server), so the cost is the batch price of the batch tokens plus the real-time price of
the re-asks, against every token at the real-time price. ``--realtime`` also runs the
same articles through the real-time path against ``tests.fault_server.FaultServer``
and compares the records and the cost.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402

MODEL = "gpt-4o-mini"
REMOTE = "https://batch.example.test/v1"  # priced like the provider; the transport reaches 127.0.0.1
SHARES = (("bad_schema", 2), ("ungrounded", 2), ("error", 1))  # percent of lines
PROVENANCE = {"created_at", "latency_s", "batch", "cost_usd", "cached"}


def _folder(shared: Path, count: int, into: Path) -> Path:
    """The first `count` BBC articles as symlinks (repeats past the corpus get a filing line, so ids stay distinct)."""
    into.mkdir(parents=True, exist_ok=True)
    corpus = sorted((shared / "corpus" / "bbc-news").glob("*/*.txt"))
    for n in range(count):
        path = corpus[n % len(corpus)]
        name = f"{path.parent.name}-{path.name}"
        if n < len(corpus):
            (into / name).symlink_to(path)
        else:
            text = path.read_text(encoding="utf-8", errors="replace")
            (into / f"v{n // len(corpus)}-{name}").write_text(f"{text}\n\nFiled as item {n}.\n", encoding="utf-8")
    return into


def _plan(key: str, attempt: int) -> str:
    """A fixed share of first answers is faulty, by the article's hash; every later answer is valid."""
    if attempt:
        return "ok"
    bucket = int(key[:8], 16) % 100
    edge = 0
    for fault, share in SHARES:
        edge += share
        if bucket < edge:
            return fault
    return "ok"


def _options(cache: Path, per_batch: int) -> dict[str, Any]:
    return {
        "api_key": "sk-bench-not-a-key",
        "model": MODEL,
        "cache_dir": cache,
        "batch_max_requests": per_batch,
        "batch_poll_initial": 0.01,
        "batch_poll_max": 0.2,
        "backoff_initial": 0.01,
        "backoff_max": 0.05,
    }


def measure(shared: Path, count: int, *, per_batch: int = 500, realtime: bool = False) -> dict[str, Any]:
    """Run N BBC articles through the Batch API path against the test server; return the figures."""
    from summarizer import Summarizer
    from summarizer.batch import run_batch_api
    from tests.batch_api_server import BatchApiServer, rerouted

    work = Path(tempfile.mkdtemp(prefix="summarizer-batch-api-"))
    try:
        folder = _folder(shared, count, work / "in")
        out = work / "batch.jsonl"
        expire_second = lambda n: "expired" if n == 1 else "completed"  # noqa: E731
        limit = 20 * count + 200
        with BatchApiServer(_plan, outcome=expire_second, max_requests=limit, max_seconds=3_000) as server:
            options = {**_options(work / "cache", per_batch), "base_url": REMOTE}
            started = time.perf_counter()
            with Summarizer(async_http_client=rerouted(server.url), **options) as summarizer:
                report = run_batch_api(folder, out=out, summarizer=summarizer)
            seconds = time.perf_counter() - started
            log = server.batch_log
            figures: dict[str, Any] = {
                "articles": count,
                "ok": report.ok,
                "failed": report.failed,
                "batches": report.batches,
                "requests_per_batch": [log.lines[b] for b in log.created],
                "requests_sent_in_batches": report.requests_sent,
                "realtime_requests": report.realtime_requests,
                "http_requests_to_batch_endpoints": log.http,
                "articles_reasked": sum(report.reasked.values()),
                "reasked_by_reason": dict(sorted(report.reasked.items())),
                "tokens": report.usage.total_tokens,
                "cost_usd_batch_api": round(report.cost_usd, 6),
                "cost_usd_same_tokens_realtime": round(report.realtime_cost_usd, 6),
                "saved_usd": round(report.saved_usd, 6),
                "cost_ratio": round(report.cost_usd / report.realtime_cost_usd, 4)
                if report.realtime_cost_usd
                else None,
                "wall_seconds": round(seconds, 2),
                "articles_per_second": round(count / seconds, 1),
                "model_priced_as": MODEL,
            }
        if realtime:
            figures["realtime_path"] = _realtime(folder, work, out, per_batch)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return figures


def _realtime(folder: Path, work: Path, batch_out: Path, per_batch: int) -> dict[str, Any]:
    """The same articles through the real-time path (valid answers): records and cost compared."""
    from summarizer import Summarizer
    from summarizer.batch import run_batch
    from tests.batch_api_server import rerouted
    from tests.fault_server import FaultServer

    out = work / "realtime.jsonl"
    with FaultServer(max_requests=10**6, max_seconds=3_000) as server:
        options = {**_options(work / "cache-rt", per_batch), "base_url": REMOTE}
        started = time.perf_counter()
        with Summarizer(async_http_client=rerouted(server.url), **options) as summarizer:
            report = run_batch(folder, out=out, summarizer=summarizer, concurrency=8)
        seconds = time.perf_counter() - started
    realtime = {r["article_id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    batch = {r["article_id"]: r for r in map(json.loads, batch_out.read_text(encoding="utf-8").splitlines())}
    plain = [a for a, r in batch.items() if r.get("batch") and r["batch"]["answered_by"] == "batch"]
    same = sum(
        1
        for a in plain
        if {k: v for k, v in batch[a].items() if k not in PROVENANCE}
        == {k: v for k, v in realtime[a].items() if k not in PROVENANCE}
    )
    return {
        "ok": report.ok,
        "cost_usd": round(report.cost_usd, 6),
        "wall_seconds": round(seconds, 2),
        "records_answered_by_batch": len(plain),
        "identical_apart_from_provenance": same,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--count", type=int, default=2095)
    parser.add_argument("--per-batch", type=int, default=500)
    parser.add_argument("--realtime", action="store_true", help="also run the real-time path and compare")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    from benchmarks.bench_extractive import machine

    report = {
        "machine": machine(),
        "command": f"python benchmarks/scale_batch_api.py --count {args.count} --per-batch {args.per_batch}"
        + (" --realtime" if args.realtime else ""),
        **measure(args.shared, args.count, per_batch=args.per_batch, realtime=args.realtime),
    }
    text = json.dumps(report, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
