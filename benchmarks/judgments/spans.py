"""Judgment: every quote, cue and evidence string of a record placed in its article text.

    python benchmarks/judgments/spans.py [--shared ../shared] [--articles 0]

1. Placement: every BBC News article (and the PolNeAR dev split) through
   ``Summarizer(engine="extractive")``: quoted strings, how many got a span, and
   how many spans slice back to their quote (normalised, part by part).
2. Cost: building the article's normalisation map and locating the record's
   quotes, in milliseconds per article, against ``extract`` itself.
3. Size: JSON bytes per record, and what ``spans`` and ``article_text`` add.

``--articles N`` caps each corpus at its first N articles (0: all).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from summarizer import Summarizer  # noqa: E402
from summarizer.extractive import extract  # noqa: E402
from summarizer.models import SummaryRecord  # noqa: E402
from summarizer.quotes import ArticleIndex, normalize, quote_parts  # noqa: E402


def _fits(record: SummaryRecord) -> tuple[int, int, int]:
    """(quoted strings, spans, spans whose parts slice back to the quote's parts)."""
    text = record.article_text or ""
    quoted = dict(record.summary.quoted())
    good = 0
    for span in record.spans:
        parts = span.parts or [(span.start, span.end)]
        good += [normalize(text[a:b]) for a, b in parts] == quote_parts(quoted[span.field])
    return len(quoted), len(record.spans), good


def placement(paths: list[Path]) -> tuple[dict[str, Any], list[SummaryRecord]]:
    """Summarize each file with the extractive engine and check every span."""
    quoted = spans = good = unmapped = 0
    records = []
    with Summarizer(engine="extractive", use_cache=False) as summarizer:
        for path in paths:
            record = summarizer.summarize(path=path)
            records.append(record)
            q, s, g = _fits(record)
            quoted, spans, good = quoted + q, spans + s, good + g
            unmapped += not ArticleIndex(record.article_text or "").exact
    return {
        "articles": len(paths),
        "quoted_strings": quoted,
        "placed": spans,
        "slice_back": good,
        "articles_without_exact_map": unmapped,
        "placed_share": {"value": round(spans / max(quoted, 1), 5), "target": 1.0, "met": spans == quoted},
        "slice_back_share": {"value": round(good / max(spans, 1), 5), "target": 1.0, "met": good == spans},
    }, records


def cost(records: list[SummaryRecord]) -> dict[str, Any]:
    """Time the map and the look-ups against extract() on the same texts (best of 3)."""
    texts = [r.article_text or "" for r in records]
    quotes = [[q for _, q in r.summary.quoted()] for r in records]

    def best(run: Any) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            run()
            times.append(time.perf_counter() - started)
        return 1000 * min(times) / len(texts)

    def place() -> None:
        for text, qs in zip(texts, quotes, strict=True):
            index = ArticleIndex(text)
            for q in qs:
                index.locate(q)

    build_ms = best(lambda: [ArticleIndex(t) for t in texts])
    place_ms = best(place)
    started = time.perf_counter()
    for text in texts:
        extract(text)
    extract_ms = 1000 * (time.perf_counter() - started) / len(texts)
    share = place_ms / extract_ms
    return {
        "map_ms_per_article": round(build_ms, 3),
        "map_and_locate_ms_per_article": round(place_ms, 3),
        "extract_ms_per_article": round(extract_ms, 2),
        "share_of_extract": {"value": round(share, 4), "target": 0.1, "met": share <= 0.1},
    }


def size(records: list[SummaryRecord]) -> dict[str, Any]:
    """Mean JSON bytes per record: as written, without article_text, without both new fields."""

    def mean(exclude: set[str]) -> int:
        return round(statistics.mean(len(r.model_dump_json(exclude=exclude).encode()) for r in records))

    full, no_text, neither = mean(set()), mean({"article_text"}), mean({"article_text", "spans"})
    return {
        "bytes_per_record": full,
        "without_article_text": no_text,
        "without_spans_and_article_text": neither,
        "spans_add": no_text - neither,
        "article_text_adds": full - no_text,
    }


def evaluate(shared: Path, **options: Any) -> dict[str, Any]:
    """Place every quote of extractive records over BBC News and PolNeAR dev; time it; weigh it."""
    cap = int(options.get("articles", 0)) or None
    bbc = sorted((shared / "corpus" / "bbc-news").glob("*/*.txt"))[:cap]
    polnear = sorted((shared / "corpus" / "polnear-dev" / "dev").rglob("*.txt"))[:cap]
    bbc_placement, records = placement(bbc)
    polnear_placement, _ = placement(polnear)
    return {
        "bbc_news": {"placement": bbc_placement, "cost": cost(records), "size": size(records)},
        "polnear_dev": {"placement": polnear_placement},
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--articles", type=int, default=0)
    args = parser.parse_args()
    print(json.dumps(evaluate(args.shared, articles=args.articles), indent=2))
