"""Batch throughput with a warm cache, and peak memory against the number of articles; prints JSON.

    python benchmarks/bench_batch.py [--shared ../shared] [--out benchmarks/results/bench_batch.json]

1. Warm cache: ``run_batch`` over the 2,095 BBC articles once to fill a fresh
   cache, then again into a new output file, so every article is read, cleaned,
   hashed, answered from the cache and written. The second run is timed
   (reading and writing included).
2. Memory: in fresh processes, the same warm run over 500 to 10,000 articles
   (past the 2,095 BBC files, variants with an added filing line); peak RSS
   should not grow with the count.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402


def _folder(shared: Path, count: int, into: Path) -> Path:
    """A folder of `count` articles: the BBC files as symlinks, then variants with a filing line."""
    into.mkdir(parents=True, exist_ok=True)
    corpus = sorted((shared / "corpus" / "bbc-news").glob("*/*.txt"))
    for n in range(count):
        path = corpus[n % len(corpus)]
        name = f"{path.parent.name}-{path.name}"
        if n < len(corpus):
            link = into / name
            if not link.exists():
                link.symlink_to(path)
        else:  # beyond the corpus: a distinct text, so neither ids nor cache entries repeat
            variant = into / f"v{n // len(corpus)}-{name}"
            if not variant.exists():
                variant.write_text(f"{path.read_text(encoding='utf-8', errors='replace')}\n\nFiled as item {n}.\n")
    return into


def _one_run(folder: str, cache: str, out: str) -> dict[str, Any]:
    from summarizer.batch import run_batch

    started = time.perf_counter()
    report = run_batch(Path(folder), out=Path(out), engine="extractive", cache_dir=Path(cache))
    return {
        "seconds": round(time.perf_counter() - started, 3),
        "ok": report.ok,
        "cached": report.cached,
        "failed": report.failed,
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _in_process(folder: Path, cache: Path, out: Path) -> dict[str, Any]:
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[4]); "
        "from benchmarks.bench_batch import _one_run; print(json.dumps(_one_run(*sys.argv[1:4])))"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    done = subprocess.run(
        [sys.executable, "-c", code, str(folder), str(cache), str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=600,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--out", type=Path)
    parser.add_argument("--memory-counts", default="500,1000,2095,5000,10000", help="article counts for the RSS runs")
    args = parser.parse_args()
    from benchmarks.bench_extractive import machine

    work = Path(tempfile.mkdtemp(prefix="summarizer-bench-"))
    try:
        count = len(list((args.shared / "corpus" / "bbc-news").glob("*/*.txt")))
        folder = _folder(args.shared, count, work / "all")
        cache = work / "cache"
        cold = _in_process(folder, cache, work / "cold.jsonl")
        warm = _in_process(folder, cache, work / "warm.jsonl")
        memory = {}
        for n in [int(c) for c in args.memory_counts.split(",")]:
            subset = _folder(args.shared, n, work / f"first-{n}")
            _in_process(subset, cache, work / f"fill-{n}.jsonl")
            memory[str(n)] = _in_process(subset, cache, work / f"warm-{n}.jsonl")["peak_rss_mib"]
        report = {
            "machine": machine(),
            "articles": count,
            "cold_run": cold,
            "warm_run": warm,
            "warm_articles_per_second": round(count / warm["seconds"], 1),
            "target_seconds": 5.0,
            "peak_rss_mib_by_articles": memory,
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)
    text = json.dumps(report, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
