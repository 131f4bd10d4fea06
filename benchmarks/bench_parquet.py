"""Rendering batch output as Parquet against CSV, from the same journal, and the sizes; prints JSON.

    python benchmarks/bench_parquet.py [--runs 3] [--out benchmarks/results/bench_parquet.json]

``run_batch`` over the 2,095 BBC articles (extractive) writes ``records.parquet``
and its journal once; then, alternating, the Parquet file and the CSV file are
rendered from that journal ``--runs`` times each (the work a run does at its end).
Reported: median and range of each, their ratio, the file sizes, and the time to
read the Parquet file back whole and one column of it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402


def _spread(values: list[float]) -> dict[str, Any]:
    return {"median": round(statistics.median(values), 3), "min": round(min(values), 3), "max": round(max(values), 3)}


def main() -> None:
    """Run the benchmark and print (and optionally save) its JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()

    import pyarrow.parquet as pq

    from benchmarks.bench_extractive import machine
    from summarizer.batch import run_batch
    from summarizer.batch.parquet import journal_records, write_parquet
    from summarizer.batch.writers import _read_jsonl, journal_path, render

    corpus = shared_dir() / "corpus" / "bbc-news"
    with tempfile.TemporaryDirectory() as work:
        out = Path(work) / "records.parquet"
        report = run_batch(corpus, out=out, engine="extractive", cache_dir=Path(work) / "cache")
        journal = journal_path(out, "parquet")
        parquet_s: list[float] = []
        csv_s: list[float] = []
        for _ in range(args.runs):
            started = time.perf_counter()
            rows = write_parquet(journal_records(journal), Path(work) / "again.parquet")
            parquet_s.append(time.perf_counter() - started)
            started = time.perf_counter()
            (Path(work) / "again.csv").write_text(render(_read_jsonl(journal, repair=False), "csv"), encoding="utf-8")
            csv_s.append(time.perf_counter() - started)
        started = time.perf_counter()
        whole = pq.read_table(out)
        read_whole = time.perf_counter() - started
        started = time.perf_counter()
        pq.read_table(out, columns=["summary"])
        read_summary = time.perf_counter() - started
        result = {
            "machine": machine(),
            "articles": report.found,
            "rows": rows,
            "rows_read": whole.num_rows,
            "runs": args.runs,
            "render_parquet_s": _spread(parquet_s),
            "render_csv_s": _spread(csv_s),
            "parquet_over_csv": round(statistics.median(parquet_s) / statistics.median(csv_s), 2),
            "bytes": {
                "parquet": out.stat().st_size,
                "journal_jsonl": journal.stat().st_size,
                "csv": (Path(work) / "again.csv").stat().st_size,
            },
            "read_parquet_s": round(read_whole, 3),
            "read_summary_column_s": round(read_summary, 3),
        }
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
