"""How long listing a folder takes, against a bare walk of the same files; prints JSON.

    python benchmarks/bench_discovery.py [--shared ../shared] [--runs 9] [--out benchmarks/results/bench_discovery.json]

``list_inputs`` over the 2,095 BBC files (walk, filters, a stat per file, and the
first bytes of each .txt to pass over listings of paths and batch output saved as
.txt) against the peer: ``os.walk`` and one ``os.stat`` per file, nothing more.
Rounds alternate the two; each round times 5 calls of each. Median and spread of
the rounds, and the ratio of the medians.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402
from summarizer.batch import list_inputs  # noqa: E402


def _bare_walk(root: Path) -> list[str]:
    found = []
    for folder, _, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            os.stat(path)
            found.append(path)
    return sorted(found)


def _time(call: Callable[[], object], repeat: int = 5) -> float:
    started = time.perf_counter()
    for _ in range(repeat):
        call()
    return (time.perf_counter() - started) / repeat * 1000


def _stats(values: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(values), 2),
        "min_ms": round(min(values), 2),
        "max_ms": round(max(values), 2),
    }


def evaluate(shared: Path, runs: int) -> dict[str, Any]:
    """Time discovery and the bare walk over the BBC folder, alternating."""
    root = shared / "corpus" / "bbc-news"
    if not root.is_dir():
        raise SystemExit(f"no BBC corpus at {root}: give --shared or set SUMMARIZER_SHARED_DIR")
    files = len(list_inputs(root)[1])
    ours, bare = [], []
    for _ in range(runs):
        ours.append(_time(lambda: list_inputs(root)))
        bare.append(_time(lambda: _bare_walk(root)))
    return {
        "files": files,
        "runs": runs,
        "list_inputs": _stats(ours),
        "bare_walk_and_stat": _stats(bare),
        "ratio": round(statistics.median(ours) / statistics.median(bare), 2),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "bench_discovery.json")
    args = parser.parse_args()
    result = evaluate(args.shared, args.runs)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
