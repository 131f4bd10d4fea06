"""Judgment: the review page shows every span of a record where the record puts it.

    python benchmarks/judgments/review.py [--shared ../shared] [--articles 300]

1. Pages: extractive records of the five seeds and an even sample of BBC News
   (every k-th article, ``--articles`` in all) rendered with ``render_review``;
   each page is parsed back: the article's text must be ``article_text`` and each
   span's highlight (its pieces joined) must start at the span and read
   ``article_text[start:end]``. Also: quotes listed as not placed, page size, and
   rendering time against ``extract`` on the same texts.
2. Cues: of the hedges whose cue occurs in their own quote, the share whose cue
   span lies inside the quote span, placed without the article (first occurrence
   in the article, as part 1 first did) and with it (inside the quote).
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

from benchmarks.review_page import read_page  # noqa: E402
from summarizer import Summarizer  # noqa: E402
from summarizer.digest import render_review  # noqa: E402
from summarizer.extractive import extract  # noqa: E402
from summarizer.models import Span, SummaryRecord, place_quotes  # noqa: E402
from summarizer.quotes import ArticleIndex, normalize  # noqa: E402


def check_page(record: SummaryRecord, page: str) -> tuple[bool, int, int]:
    """(article text round-trips, spans, spans highlighted exactly where the record says)."""
    read = read_page(page)
    text = record.article_text or ""
    marks = read.highlights()
    good = total = 0
    for span in record.spans:
        for j, (start, end) in enumerate(span.parts or [(span.start, span.end)]):
            total += 1
            good += marks.get((span.field, j)) == (start, text[start:end])
    return read.article == text, total, good


def pages(paths: list[Path]) -> tuple[dict[str, Any], list[SummaryRecord]]:
    """Render a page per article and check it."""
    records, sizes, render_s = [], [], 0.0
    round_trips = spans = exact = unplaced = 0
    with Summarizer(engine="extractive", use_cache=False) as summarizer:
        for path in paths:
            record = summarizer.summarize(path=path)
            records.append(record)
            started = time.perf_counter()
            page = render_review(record)
            render_s += time.perf_counter() - started
            ok, total, good = check_page(record, page)
            round_trips += ok
            spans, exact = spans + total, exact + good
            unplaced += sum(1 for _ in record.summary.quoted()) - len(record.spans)
            sizes.append(len(page.encode()))
    started = time.perf_counter()
    for record in records:
        extract(record.article_text or "")
    extract_s = time.perf_counter() - started
    n = len(records)
    return {
        "articles": n,
        "article_text_round_trips": {"value": round_trips, "target": n, "met": round_trips == n},
        "span_parts": spans,
        "highlighted_exactly": {"value": round(exact / max(spans, 1), 5), "target": 1.0, "met": exact == spans},
        "quotes_listed_as_not_placed": unplaced,
        "page_kb_mean": round(statistics.mean(sizes) / 1024, 1),
        "page_kb_max": round(max(sizes) / 1024, 1),
        "render_ms_per_article": round(1000 * render_s / n, 2),
        "render_share_of_extract": {
            "value": round(render_s / extract_s, 4),
            "target": 0.25,
            "met": render_s <= 0.25 * extract_s,
        },
    }, records


def _inside(cue: Span, quote: Span) -> bool:
    return any(a <= cue.start and cue.end <= b for a, b in (quote.parts or [(quote.start, quote.end)]))


def cues(records: list[SummaryRecord]) -> dict[str, Any]:
    """Cue spans inside their own quote, placed without and with the article text."""
    counts = {"without_article": 0, "with_article": 0}
    eligible = 0
    seconds = {"without_article": 0.0, "with_article": 0.0}
    for record in records:
        text = record.article_text or ""
        items = list(record.summary.quoted())
        for key, article in (("without_article", None), ("with_article", text)):
            started = time.perf_counter()
            spans, _ = place_quotes(items, ArticleIndex(text).locate, article)
            seconds[key] += time.perf_counter() - started
            placed = {s.field: s for s in spans}
            for i, hedge in enumerate(record.summary.hedges):
                cue, quote = placed.get(f"hedges[{i}].cue"), placed.get(f"hedges[{i}].quote")
                if cue is None or quote is None or normalize(hedge.cue) not in normalize(hedge.quote):
                    continue
                eligible += key == "with_article"
                counts[key] += _inside(cue, quote)
    share = {k: round(v / max(eligible, 1), 5) for k, v in counts.items()}
    return {
        "hedges_with_cue_in_quote": eligible,
        "cue_inside_quote_before": share["without_article"],
        "cue_inside_quote": {"value": share["with_article"], "target": 1.0, "met": counts["with_article"] == eligible},
        "place_ms_per_article_before": round(1000 * seconds["without_article"] / max(len(records), 1), 3),
        "place_ms_per_article": round(1000 * seconds["with_article"] / max(len(records), 1), 3),
    }


def evaluate(shared: Path, **options: Any) -> dict[str, Any]:
    """Review pages for the seeds and a BBC sample, checked span by span; cue placement."""
    want = int(options.get("articles", 300))
    bbc = sorted((shared / "corpus" / "bbc-news").glob("*/*.txt"))
    step = max(len(bbc) // max(want, 1), 1)
    paths = sorted((shared / "seeds").glob("*.txt")) + bbc[::step][:want]
    page_report, records = pages(paths)
    return {"pages": page_report, "cues": cues(records)}


def main() -> None:
    """Print the judgment as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--articles", type=int, default=300, help="BBC articles in the sample.")
    args = parser.parse_args()
    print(json.dumps(evaluate(args.shared, articles=args.articles), indent=2))


if __name__ == "__main__":
    main()
