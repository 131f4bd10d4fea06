"""The HTTP service under load: many concurrent clients, one server, the extractive engine; prints JSON.

    python benchmarks/bench_service.py [--shared ../shared] [--count 2000] [--clients 50] [--runs 3]
        [--concurrency 4] [--out benchmarks/results/bench_service.json]

Each run starts a fresh ``summarizer serve`` process on 127.0.0.1 (no LLM, an empty
cache and job store in a temporary folder, no rate limit) and sends it ``--count``
BBC News articles (the sorted corpus, spread evenly) from ``--clients`` concurrent
httpx2 async clients in this process, two ways:

- ``summaries``: one ``POST /v1/summaries`` per article (JSON ``{"text": ...}``);
  latency is per request, from send to the whole record read.
- ``batches``: the articles split into one JSON-lines batch per client; each client
  POSTs its batch, polls ``GET /v1/batches/{id}`` every second and then reads all its
  records through the cursor. Latency is per batch, from POST to its last record
  read; the accept latency (POST answered with the job id) is given too.

Errors are answers other than 200/202, transport errors, error records, and records
missing or duplicated. Peak RSS is the server process's VmHWM. The two ways take
turns per run (a fresh server each time); figures are medians over runs, with
min and max.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx2  # noqa: E402

from benchmarks.corpora import shared_dir  # noqa: E402

POLL_SECONDS = 1.0  # how often each batch client asks for its status


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """A ``summarizer serve`` subprocess with its own temporary cache and job store."""

    def __init__(self, folder: Path, concurrency: int) -> None:
        keep = ("SUMMARIZER_SERVICE_WORKERS",)
        env = {k: v for k, v in os.environ.items() if k in keep or not k.startswith(("SUMMARIZER_", "OPENAI_"))}
        env |= {
            "SUMMARIZER_CACHE_DIR": str(folder / "cache"),
            "SUMMARIZER_SERVICE_DB": str(folder / "jobs.sqlite3"),
            "SUMMARIZER_SERVICE_RATE_LIMIT": "0",
            "SUMMARIZER_SERVICE_CONCURRENCY": str(concurrency),
            "SUMMARIZER_SERVICE_LOG_LEVEL": "warning",
        }
        self.port = _port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(folder / "server.log", "wb")  # noqa: SIM115
        command = [sys.executable, "-m", "summarizer", "serve", "--port", str(self.port)]
        self.process = subprocess.Popen(command, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx2.get(self.base + "/readyz", timeout=1).status_code == 200:
                    return
            except httpx2.TransportError:
                time.sleep(0.1)
        raise SystemExit(f"the server did not start; see {folder / 'server.log'}")

    def peak_rss_mb(self) -> dict[str, float]:
        """Peak resident memory (VmHWM) of the server process, and summed with its worker processes."""

        def peak(pid: int) -> float:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
            return 0.0

        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        server = peak(pid)
        return {"server": round(server, 1), "with_workers": round(server + sum(peak(int(c)) for c in children), 1)}

    def stop(self) -> None:
        """SIGTERM and wait."""
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


def _percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 1)

    return {"p50_ms": at(0.50), "p95_ms": at(0.95), "p99_ms": at(0.99), "max_ms": round(ordered[-1] * 1000, 1)}


async def _summaries(base: str, texts: list[str], clients: int) -> dict[str, Any]:
    queue: asyncio.Queue[str] = asyncio.Queue()
    for text in texts:
        queue.put_nowait(text)
    latencies: list[float] = []
    errors: dict[str, int] = {}

    async def client() -> None:
        async with httpx2.AsyncClient(base_url=base, timeout=300) as http:
            while not queue.empty():
                text = queue.get_nowait()
                started = time.perf_counter()
                try:
                    response = await http.post("/v1/summaries", json={"text": text})
                    ok = response.status_code == 200 and response.json().get("status") == "ok"
                    reason = str(response.status_code)
                except httpx2.HTTPError as exc:
                    ok, reason = False, type(exc).__name__
                latencies.append(time.perf_counter() - started)
                if not ok:
                    errors[reason] = errors.get(reason, 0) + 1

    started = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    seconds = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "seconds": round(seconds, 2),
        "requests_per_s": round(len(latencies) / seconds, 1),
        **_percentiles(latencies),
        "errors": sum(errors.values()),
        "error_kinds": errors,
    }


async def _batches(base: str, texts: list[str], clients: int) -> dict[str, Any]:
    shares = [texts[i::clients] for i in range(clients)]
    accept: list[float] = []
    complete: list[float] = []
    errors: dict[str, int] = {}

    def fail(reason: str, count: int = 1) -> None:
        errors[reason] = errors.get(reason, 0) + count

    async def client(share: list[str]) -> None:
        body = "\n".join(json.dumps({"text": t}) for t in share).encode()
        async with httpx2.AsyncClient(base_url=base, timeout=300) as http:
            started = time.perf_counter()
            try:
                created = await http.post("/v1/batches", content=body, headers={"Content-Type": "application/x-ndjson"})
            except httpx2.HTTPError as exc:
                fail(type(exc).__name__, len(share))
                return
            accept.append(time.perf_counter() - started)
            if created.status_code != 202:
                fail(str(created.status_code), len(share))
                return
            job = created.json()
            while (await http.get(job["status_url"])).json()["status"] != "done":
                await asyncio.sleep(POLL_SECONDS)
            cursor, records = 0, []
            while True:
                page = await http.get(job["records_url"], params={"cursor": cursor, "limit": 1000})
                lines = [json.loads(line) for line in page.text.splitlines() if line]
                if not lines:
                    break
                records += lines
                cursor = int(page.headers["X-Next-Cursor"])
            complete.append(time.perf_counter() - started)
            sources = [r["source_path"] for r in records]
            if len(sources) != len(share) or len(set(sources)) != len(share):
                fail("missing_or_duplicate", abs(len(share) - len(set(sources))) or 1)
            bad = sum(r["status"] != "ok" for r in records)
            if bad:
                fail("error_record", bad)

    started = time.perf_counter()
    await asyncio.gather(*(client(share) for share in shares if share))
    seconds = time.perf_counter() - started
    return {
        "batches": len(accept),
        "articles": len(texts),
        "seconds": round(seconds, 2),
        "articles_per_s": round(len(texts) / seconds, 1),
        "accept": _percentiles(accept),
        "complete": _percentiles(complete),
        "errors": sum(errors.values()),
        "error_kinds": errors,
    }


def run_once(way: str, texts: list[str], clients: int, concurrency: int) -> dict[str, Any]:
    """One fresh server, one way of sending the articles."""
    with tempfile.TemporaryDirectory(prefix="bench-service-") as folder:
        server = Server(Path(folder), concurrency)
        try:
            work = _summaries if way == "summaries" else _batches
            result = asyncio.run(work(server.base, texts, clients))
            result["server_peak_rss_mb"] = server.peak_rss_mb()
        finally:
            server.stop()
    return result


def _median(runs: list[dict[str, Any]], *path: str) -> dict[str, float]:
    values = []
    for run in runs:
        value: Any = run
        for key in path:
            value = value[key]
        values.append(float(value))
    return {"median": round(statistics.median(values), 1), "min": round(min(values), 1), "max": round(max(values), 1)}


def load_texts(shared: Path, count: int) -> list[str]:
    """``count`` BBC articles spread evenly over the sorted corpus."""
    paths = sorted((shared / "corpus" / "bbc-news").glob("*/*.txt"))
    if not paths:
        raise SystemExit(f"no articles under {shared / 'corpus' / 'bbc-news'}")
    step = max(1, len(paths) // count) if count < len(paths) else 1
    chosen = paths[::step][:count]
    return [p.read_text(encoding="utf-8", errors="replace") for p in chosen]


def bench(shared: Path, *, count: int, clients: int, runs: int, concurrency: int) -> dict[str, Any]:
    """Both ways, ``runs`` times each, alternating; medians over runs."""
    texts = load_texts(shared, count)
    results: dict[str, list[dict[str, Any]]] = {"summaries": [], "batches": []}
    for number in range(runs):
        order = ("summaries", "batches") if number % 2 == 0 else ("batches", "summaries")
        for way in order:
            results[way].append(run_once(way, texts, clients, concurrency))
            print(f"run {number + 1} {way}: {json.dumps(results[way][-1])}", file=sys.stderr)
    single, batch = results["summaries"], results["batches"]
    return {
        "articles": len(texts),
        "clients": clients,
        "runs": runs,
        "server_concurrency": concurrency,
        "server_workers": os.environ.get("SUMMARIZER_SERVICE_WORKERS", f"auto ({os.cpu_count()})"),
        "cpus": os.cpu_count(),
        "summaries": {
            "requests_per_s": _median(single, "requests_per_s"),
            "p50_ms": _median(single, "p50_ms"),
            "p95_ms": _median(single, "p95_ms"),
            "p99_ms": _median(single, "p99_ms"),
            "errors_total": sum(r["errors"] for r in single),
            "server_peak_rss_mb": _median(single, "server_peak_rss_mb", "server"),
            "server_and_workers_peak_rss_mb": _median(single, "server_peak_rss_mb", "with_workers"),
            "target_errors": 0,
            "met": sum(r["errors"] for r in single) == 0,
        },
        "batches": {
            "articles_per_s": _median(batch, "articles_per_s"),
            "accept_p50_ms": _median(batch, "accept", "p50_ms"),
            "accept_p95_ms": _median(batch, "accept", "p95_ms"),
            "accept_p99_ms": _median(batch, "accept", "p99_ms"),
            "complete_p50_ms": _median(batch, "complete", "p50_ms"),
            "complete_p95_ms": _median(batch, "complete", "p95_ms"),
            "complete_p99_ms": _median(batch, "complete", "p99_ms"),
            "errors_total": sum(r["errors"] for r in batch),
            "server_peak_rss_mb": _median(batch, "server_peak_rss_mb", "server"),
            "server_and_workers_peak_rss_mb": _median(batch, "server_peak_rss_mb", "with_workers"),
            "target_errors": 0,
            "met": sum(r["errors"] for r in batch) == 0,
        },
        "per_run": results,
    }


def main() -> None:
    """Parse arguments, run, print (and write) the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: one per CPU)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.workers is not None:
        os.environ["SUMMARIZER_SERVICE_WORKERS"] = str(args.workers)
    report = bench(args.shared, count=args.count, clients=args.clients, runs=args.runs, concurrency=args.concurrency)
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
