"""The service's extractive workers at start: how many are ready, and what each one's first request costs; JSON out.

    python benchmarks/bench_service_warm.py [--runs 5] [--workers 2] [--python PYTHON] [--out FILE]

Each run starts a fresh ``summarizer serve`` (``SUMMARIZER_SERVICE_WORKERS=2``, an
empty cache and job store, 127.0.0.1), waits for ``/readyz``, then sends ``--workers``
``POST /v1/summaries`` at once (distinct BBC articles): with every worker idle, each
takes one, so each worker's first request is timed. A second round of the same size
(other articles) is each worker's warm cost beside it. The server is then stopped
with SIGTERM. Per run: the "N extractive worker processes ready" count the server
logged, the time from start to ready, both rounds' latencies (slowest first), whether
stderr has a "leaked" line, and how long the stop took. ``--python`` runs another
checkout's interpreter (say, the main branch's) for a before/after.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
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


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _round(base: str, texts: list[str]) -> list[float]:
    """Send every text at once; each request's latency in ms, slowest first."""

    async def one(client: httpx2.AsyncClient, text: str) -> float:
        started = time.perf_counter()
        response = await client.post("/v1/summaries", json={"text": text})
        response.raise_for_status()
        return round((time.perf_counter() - started) * 1000, 1)

    async with httpx2.AsyncClient(base_url=base, timeout=60) as client:
        return sorted(await asyncio.gather(*(one(client, text) for text in texts)), reverse=True)


def run_once(python: str, workers: int, texts: list[str]) -> dict[str, Any]:
    """One server: start, time the first round and a second, stop with SIGTERM."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SUMMARIZER_", "OPENAI_"))}
        env |= {
            "SUMMARIZER_CACHE_DIR": str(folder / "cache"),
            "SUMMARIZER_SERVICE_DB": str(folder / "jobs.sqlite3"),
            "SUMMARIZER_SERVICE_RATE_LIMIT": "0",
            "SUMMARIZER_SERVICE_WORKERS": str(workers),
        }
        port = _port()
        base = f"http://127.0.0.1:{port}"
        err_path = folder / "stderr.log"
        with open(err_path, "wb") as err:
            started = time.perf_counter()
            process = subprocess.Popen(
                [python, "-m", "summarizer", "serve", "--port", str(port)],
                env=env,
                cwd=folder,  # the interpreter's own summarizer, not one in the current folder
                stdout=subprocess.DEVNULL,
                stderr=err,
            )
            try:
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline:
                    try:
                        if httpx2.get(base + "/readyz", timeout=1).status_code == 200:
                            break
                    except httpx2.TransportError:
                        time.sleep(0.05)
                ready_s = round(time.perf_counter() - started, 2)
                first = asyncio.run(_round(base, texts[:workers]))
                second = asyncio.run(_round(base, texts[workers : 2 * workers]))
                stopping = time.perf_counter()
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)
                stop_s = round(time.perf_counter() - stopping, 2)
            finally:
                if process.poll() is None:
                    process.kill()
                    process.wait(timeout=10)
        time.sleep(0.5)  # multiprocessing's resource tracker writes its warning as it exits
        log = err_path.read_text(encoding="utf-8", errors="replace")
    said = re.search(r'"message": "(\d+) extractive worker processes ready"', log)
    return {
        "workers_logged_ready": int(said.group(1)) if said else None,
        "seconds_to_ready": ready_s,
        "first_round_ms": first,
        "second_round_ms": second,
        "leaked_warning": "leaked" in log,
        "stop_seconds": stop_s,
        "exit_code": process.returncode,
    }


def _spread(values: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(values), 1), "min": min(values), "max": max(values)}


def main() -> None:
    """Run the measurement and print JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--python", default=sys.executable, help="the interpreter whose summarizer is measured")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    paths = sorted((shared_dir() / "corpus" / "bbc-news").glob("*/*.txt"))
    step = len(paths) // (args.runs * 2 * args.workers)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths[::step]]
    runs = []
    for index in range(args.runs):
        chunk = texts[index * 2 * args.workers : (index + 1) * 2 * args.workers]
        runs.append(run_once(args.python, args.workers, chunk))
    result = {
        "command": " ".join(["python", "benchmarks/bench_service_warm.py", *sys.argv[1:]]),
        "python": args.python,
        "machine": f"{os.cpu_count()} cores",
        "runs": runs,
        "slowest_first_request_ms": _spread([r["first_round_ms"][0] for r in runs]),
        "fastest_first_request_ms": _spread([r["first_round_ms"][-1] for r in runs]),
        "slowest_second_request_ms": _spread([r["second_round_ms"][0] for r in runs]),
        "seconds_to_ready": _spread([r["seconds_to_ready"] for r in runs]),
        "runs_logging_every_worker": sum(r["workers_logged_ready"] == args.workers for r in runs),
        "runs_with_leaked_warning": sum(r["leaked_warning"] for r in runs),
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
