"""Every core of one machine: a cold extractive batch in one process against --workers 2; prints JSON.

    python benchmarks/judgments/workers.py [--shared ../shared] [--runs 3] [--llm]

The 2,095 BBC articles, ``use_cache=False``, each run a fresh Python process,
the two ways alternating (``benchmarks/bench_scale.py`` does the work; about 25 s
a pair on 2 idle cores). Target: ``--workers 2`` at least 1.8x one process (median
of the per-pair ratios). With ``--llm``: the LLM path at concurrency 64 against a
server answering in 200 ms (1,000 articles), target within 1.5x of the ideal time.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_scale import TARGET_LLM_RATIO, TARGET_SPEEDUP, compare, corpus, llm, make_folder  # noqa: E402
from benchmarks.corpora import shared_dir  # noqa: E402


def evaluate(shared: Path, *, runs: int = 3, with_llm: bool = False) -> dict[str, Any]:
    """Speed-up of --workers 2 over one process (extractive, cold) and, optionally, the LLM path's ratio to ideal."""
    with tempfile.TemporaryDirectory(prefix="summarizer-judge-workers-") as tmp:
        work = Path(tmp)
        folder = make_folder(corpus(shared), work / "bbc")
        ways: dict[str, dict[str, Any]] = {"one_process": {}, "workers": {"workers": 2}}
        rows = compare(folder, work, runs, ways)
    pool = rows["workers"]
    speedup = pool["speedup_vs_one_process"]
    median = speedup["median"]
    result: dict[str, Any] = {
        "articles": pool["runs"][0]["articles"],
        "runs": runs,
        "one_process_articles_per_second": rows["one_process"]["articles_per_second"],
        "workers_2_articles_per_second": pool["articles_per_second"],
        "speedup": speedup,
        "speedup_if_cores_were_free": pool["speedup_if_cores_were_free"],
        "load_average_1m": [r["load_average_1m"] for way in rows.values() for r in way["runs"]],
        "peak_rss_mb": {
            "one_process": rows["one_process"]["peak_rss_mb_parent"],
            "workers_2": pool["runs"][0]["peak_rss_mb"],
        },
        "target_speedup": {"target": TARGET_SPEEDUP, "value": median, "met": median >= TARGET_SPEEDUP},
    }
    if with_llm:
        done = llm(shared, 1000, runs, 2)
        ratio = done["workers_2"]["ratio_to_ideal"]["median"]
        result["llm_concurrency_64"] = done
        result["target_llm_ratio"] = {"target": TARGET_LLM_RATIO, "value": ratio, "met": ratio <= TARGET_LLM_RATIO}
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--llm", action="store_true", help="also the LLM path at concurrency 64 (about 2 min more)")
    args = parser.parse_args()
    print(json.dumps(evaluate(args.shared, runs=args.runs, with_llm=args.llm), indent=2))
