"""Speed and memory of the extractive engine over the BBC News corpus; prints JSON.

    python benchmarks/bench_extractive.py [--shared ../shared] [--out benchmarks/results/bench_extractive.json]

Runs in one process on one core: reads the 2,095 articles, then times
``extract`` on each (reading excluded from articles/s), then times each stage
separately to show where the time goes. Peak memory is the process's maximum
resident set size.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402
from summarizer.extractive import extract  # noqa: E402
from summarizer.extractive.escalation import assess_escalation  # noqa: E402
from summarizer.extractive.figures import find_figures  # noqa: E402
from summarizer.extractive.hedges import find_hedges  # noqa: E402
from summarizer.extractive.sentences import split_sentences  # noqa: E402
from summarizer.extractive.summary import summarize_sentences  # noqa: E402
from summarizer.ingest import normalize_text  # noqa: E402


def machine() -> dict[str, Any]:
    """What the figures were measured on."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "python": platform.python_version(), "platform": platform.platform()}


def rss_mib() -> float:
    """Peak resident set size of this process so far, in MiB."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def timed(label: str, func: Callable[[Any], Any], items: list[Any], out: dict[str, float]) -> list[Any]:
    start = time.perf_counter()
    results = [func(item) for item in items]
    out[label] = round(time.perf_counter() - start, 3)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()

    paths = sorted((args.shared / "corpus" / "bbc-news").glob("*/*.txt"))
    started = time.perf_counter()
    texts = [normalize_text(p.read_text(encoding="utf-8", errors="replace")) for p in paths]
    read_s = time.perf_counter() - started
    rss_loaded = rss_mib()

    extract(texts[0])  # warm-up: imports and regex compilation
    per_article = []
    started = time.perf_counter()
    for text in texts:
        t0 = time.perf_counter()
        extract(text)
        per_article.append(time.perf_counter() - t0)
    total = time.perf_counter() - started

    stages: dict[str, float] = {}
    sentences = timed("split_sentences", split_sentences, texts, stages)
    pairs = list(zip(texts, sentences, strict=True))
    timed("find_figures", lambda p: find_figures(*p), pairs, stages)
    timed("find_hedges", lambda p: find_hedges(*p), pairs, stages)
    timed("assess_escalation", assess_escalation, sentences, stages)

    def summary(s: Any) -> Any:
        return summarize_sentences(s)

    timed("summary_and_key_points", summary, sentences, stages)
    staged = sum(stages.values())
    report = {
        "machine": machine(),
        "articles": len(texts),
        "words": sum(len(t.split()) for t in texts),
        "read_seconds": round(read_s, 3),
        "extract_seconds": round(total, 3),
        "articles_per_second": round(len(texts) / total, 1),
        "ms_per_article": {
            "mean": round(1000 * statistics.mean(per_article), 2),
            "p50": round(1000 * statistics.median(per_article), 2),
            "p95": round(1000 * statistics.quantiles(per_article, n=20)[18], 2),
            "max": round(1000 * max(per_article), 2),
        },
        "stage_seconds": stages,
        "stage_share": {k: round(v / staged, 3) for k, v in stages.items()},
        "peak_rss_mib": {"after_loading_texts": rss_loaded, "after_run": rss_mib()},
        "target_articles_per_second": 100,
    }
    text = json.dumps(report, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
