"""Judgment: the whole extractive engine against sumy's TextRank summary step alone, side by side; prints JSON.

    python benchmarks/judgments/speed.py [--shared ../shared] [--runs 3] [--step 1]

Over the 2,095 BBC News articles (``--step N`` takes every Nth, for a quick look), in
one process pinned to one core, texts read beforehand. Each run times
``extract(text)`` (every stage: sentences, figures, hedges, escalation, summary, key
points) over all articles, then sumy's TextRank summary step over the same texts: its
parse (``PlaintextParser``, Punkt sentences and words) and ``TextRankSummarizer`` with
English stemmer and stop words, choosing sentences within the engine's word budget
(80). Runs alternate so that load from elsewhere on the machine falls on both alike, and
time is the process's CPU time (``time.process_time``), not wall time, so that waiting
for the shared core is not counted against either.
Reported: articles/s of each (median, min, max over the runs), the ratio engine/sumy
per run (median and spread; target >= 1), and the engine's summary stage (ranking,
choice, key points on already split sentences) per article and as a share of
``extract``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402
from benchmarks.judgments import _baselines as baselines  # noqa: E402
from summarizer.extractive import extract  # noqa: E402
from summarizer.extractive.sentences import split_sentences  # noqa: E402
from summarizer.extractive.summary import MAX_WORDS, summarize_sentences  # noqa: E402
from summarizer.ingest import normalize_text  # noqa: E402


def _one_core() -> int | None:
    """Pin this process to one core (the one it runs on); None where the platform cannot."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    core = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {core})
    return core


def _rate(func: Any, texts: list[str]) -> float:
    # CPU time of this process: on a shared machine, time spent waiting for the core is not the code's.
    started = time.process_time()
    for text in texts:
        func(text)
    return len(texts) / (time.process_time() - started)


def _sumy(text: str) -> str:
    return baselines.summarize("textrank", baselines.sumy_document(text), baselines.within_budget(MAX_WORDS))


def _summary_stage(sentences: list[Any]) -> None:
    summarize_sentences(sentences)


def _spread(values: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(values), 2), "min": round(min(values), 2), "max": round(max(values), 2)}


def evaluate(shared: Path, runs: int = 3, step: int = 1, **options: Any) -> dict[str, Any]:
    """Articles/s of `extract` and of sumy's TextRank step, side by side on one core; target ratio >= 1."""
    core = _one_core()
    paths = sorted((shared / "corpus" / "bbc-news").glob("*/*.txt"))[::step]
    texts = [normalize_text(p.read_text(encoding="utf-8", errors="replace")) for p in paths]
    extract(texts[0])  # warm-up: imports, compiled patterns, sumy's Punkt data
    _sumy(texts[0])
    engine: list[float] = []
    sumy: list[float] = []
    for _ in range(runs):
        engine.append(_rate(extract, texts))
        sumy.append(_rate(_sumy, texts))
    ratios = [e / s for e, s in zip(engine, sumy, strict=True)]
    split = [split_sentences(t) for t in texts]
    started = time.process_time()
    for sentences in split:
        _summary_stage(sentences)
    stage_ms = 1000 * (time.process_time() - started) / len(texts)
    extract_ms = 1000 / statistics.median(engine)
    ratio = statistics.median(ratios)
    return {
        "articles": len(texts),
        "runs": runs,
        "core": core,
        "engine_extract_articles_per_second": _spread(engine),
        "sumy_textrank_articles_per_second": _spread(sumy),
        "ratio_engine_to_sumy": _spread(ratios),
        "summary_stage_ms_per_article": round(stage_ms, 3),
        "summary_stage_share_of_extract": round(stage_ms / extract_ms, 3),
        "targets": {
            "extract_at_least_as_fast_as_sumy_textrank": {
                "value": round(ratio, 3),
                "target": 1.0,
                "met": ratio >= 1.0,
            }
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--step", type=int, default=1, help="take every Nth article (1: all 2,095)")
    args = parser.parse_args()
    print(json.dumps(evaluate(args.shared, runs=args.runs, step=args.step), indent=2))


if __name__ == "__main__":
    main()
