"""Where the CPU of an LLM batch at concurrency 64 goes: client, workers and test server per article; prints JSON.

    python benchmarks/profile_llm.py [--count 1000] [--workers 1] [--runs 2]
    py-spy record -r 250 -f raw -o /tmp/llm.raw -- python benchmarks/profile_llm.py
    python benchmarks/profile_llm.py --stages /tmp/llm.raw

The first form runs ``run_batch`` as ``bench_scale.py --llm`` does (the test
server in a child process answering in 200 ms, a warm-up run first) and reports
per article the CPU of this process, of the worker processes and of the test
server, which shares the cores. The second samples it with py-spy (``pip install
py-spy``); the third reads py-spy's raw output and gives each stage's share of
the samples taken inside ``run_batch`` on the event loop of a one-process run (stages overlap where one
calls another: the SDK's ``create`` holds its transform and its HTTP send).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402

STAGES = {  # a frame that names the stage, as py-spy writes it
    "verifier": "verify (summarizer/extractive/verifier.py",
    "openai create, all": "create (openai/resources/chat/completions/completions.py",
    "openai transform of the request": "async_maybe_transform",
    "openai building the request": "_build_request (openai/_base_client.py",
    "httpx2 send and receive": "send (httpx2/_client.py",
    "openai reading the response": "_process_response (openai/_base_client.py",
    "instructor's parser": "_parse (summarizer/llm/first_try.py",
    "tenacity": "tenacity/",
    "reading and cleaning the file": "load (summarizer/batch/discovery.py",
    "language, prompt and cache key": "_prepare (summarizer/api.py",
    "article index for grounding": "__init__ (summarizer/quotes.py",
    "grounding the answer": "_salvage (summarizer/api.py",
    "building the record": "_record (summarizer/api.py",
    "writing the output": "write (summarizer/batch/writers.py",
}


def stages(raw: Path) -> dict[str, Any]:
    """Each stage's share of the samples inside run_batch, from py-spy's raw (collapsed) output."""
    total, shares = 0, dict.fromkeys(STAGES, 0)
    for line in raw.read_text(encoding="utf-8").splitlines():
        stack, _, count = line.rpartition(" ")
        if "run_batch (summarizer" not in stack:
            continue
        total += int(count)
        for name, frame in STAGES.items():
            if frame in stack:
                shares[name] += int(count)
    return {"samples": total, "share": {k: round(v / max(total, 1), 3) for k, v in shares.items()}}


def _cpu_of(pid: int) -> float:
    from benchmarks.bench_scale import _cpu_of as cpu

    return cpu(pid)


def measure(shared: Path, count: int, workers: int, runs: int) -> dict[str, Any]:
    """Run the batch `runs` times; wall time against ideal and CPU ms per article of each side."""
    from benchmarks.bench_concurrency import API_KEY, MODEL, folder_of, pick, served
    from summarizer.batch import run_batch
    from summarizer.ingest import load_document, truncate
    from summarizer.llm.prompts import build_messages

    paths = pick(shared, count)
    prompts = [build_messages(truncate(load_document(p.read_text()), 200_000).text)[0][-1]["content"] for p in paths]
    options: dict[str, Any] = {"latency": 0.2, "max_requests": 10**9, "max_seconds": 10**6}
    ideal = count * 0.2 / 64
    rows = []
    with (
        tempfile.TemporaryDirectory(prefix="summarizer-profile-llm-") as tmp,
        served(options, True, prompts, True) as (
            url,
            _,
        ),
    ):
        work = Path(tmp)
        server = [p.pid for p in multiprocessing.active_children()]
        folder = folder_of(paths, work / "articles")
        settings = {"base_url": url, "api_key": API_KEY, "model": MODEL, "use_cache": False, "engine": "llm"}
        warm = folder_of(paths[:128], work / "warm")
        run_batch(warm, out=work / "warm.jsonl", concurrency=64, workers=workers, **settings)
        for run in range(runs):
            served_cpu, cpu, started = sum(map(_cpu_of, server)), time.process_time(), time.perf_counter()
            report = run_batch(folder, out=work / f"{run}.jsonl", concurrency=64, workers=workers, **settings)
            seconds = time.perf_counter() - started
            rows.append(
                {
                    "ratio_to_ideal": round(seconds / ideal, 3),
                    "client_cpu_ms_per_article": round(1000 * (time.process_time() - cpu) / count, 2),
                    "worker_cpu_ms_per_article": round(
                        1000 * sum(u["cpu_seconds"] for u in report.worker_usage) / count, 2
                    ),
                    "server_cpu_ms_per_article": round(1000 * (sum(map(_cpu_of, server)) - served_cpu) / count, 2),
                    "ok": report.ok,
                }
            )
    return {"articles": count, "workers": workers, "runs": rows}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--stages", type=Path, help="read py-spy raw output instead of running")
    args = parser.parse_args()
    if args.stages:
        print(json.dumps(stages(args.stages), indent=2))
        return
    print(json.dumps(measure(args.shared, args.count, args.workers, args.runs), indent=2))


if __name__ == "__main__":
    main()
