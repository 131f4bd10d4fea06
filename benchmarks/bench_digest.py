"""Time the digest over 1,000 records; prints JSON.

    python benchmarks/bench_digest.py [--shared ../shared] [--count 1000] [--out benchmarks/results/bench_digest.json]

Makes records for the first `count` BBC articles with the extractive engine (not
timed), then times loading them, grouping them into stories and rendering HTML,
Markdown and JSON, in this process. With scikit-learn and SciPy installed (the
bench extra), it also groups the records with them (TfidfVectorizer, average
linkage) and reports whether the stories are the same as the digest's own NumPy
grouping.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_extractive import machine  # noqa: E402
from benchmarks.corpora import shared_dir  # noqa: E402
from summarizer.batch import run_batch  # noqa: E402
from summarizer.digest import build_digest, group_records, load_records  # noqa: E402
from summarizer.digest import grouping as digest_grouping  # noqa: E402
from summarizer.digest.rendering import render_html, render_markdown  # noqa: E402


def reference_groups(records: list[Any]) -> list[list[int]] | None:
    """The same grouping with scikit-learn's TF-IDF and SciPy's linkage, or None without them."""
    try:
        from scipy.cluster.hierarchy import fcluster, linkage
        from scipy.spatial.distance import squareform
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.metrics.pairwise import cosine_similarity
    except ImportError:
        return None
    import numpy as np

    def tfidf(texts: list[str]) -> Any:
        return cosine_similarity(TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts))

    own = digest_grouping.tfidf_cosine
    digest_grouping.tfidf_cosine = tfidf  # type: ignore[assignment]
    try:
        similarity = digest_grouping.similarity_matrix(records)
    finally:
        digest_grouping.tfidf_cosine = own  # type: ignore[assignment]
    distance = np.where(similarity < 0, 1e3, 1.0 - similarity)
    # similarity reaches 1.1 (words, place and agreeing figures), and SciPy refuses negative distances; adding
    # one constant to every distance and to the cut leaves average linkage's merges exactly as they were
    shift = max(0.0, -float(distance.min()))
    distance += shift
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - digest_grouping.SAME_STORY + shift, criterion="distance")
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "articles"
        folder.mkdir()
        for path in sorted((args.shared / "corpus" / "bbc-news").glob("*/*.txt"))[: args.count]:
            (folder / f"{path.parent.name}-{path.name}").symlink_to(path)
        out = Path(work) / "records.jsonl"
        run_batch(folder, out=out, engine="extractive", use_cache=False)
        lines = out.read_text(encoding="utf-8").splitlines()
    timings = {}
    started = time.perf_counter()
    records, _ = load_records(lines)
    timings["load"] = time.perf_counter() - started
    mark = time.perf_counter()
    digest = build_digest(records)
    timings["group_and_build"] = time.perf_counter() - mark
    mark = time.perf_counter()
    page = render_html(digest)
    timings["render_html"] = time.perf_counter() - mark
    mark = time.perf_counter()
    render_markdown(digest)
    digest.model_dump_json()
    timings["render_markdown_and_json"] = time.perf_counter() - mark
    total = time.perf_counter() - started
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the reference grouping
    reference = reference_groups(records)
    report = {
        "machine": machine(),
        "records": len(records),
        "stories": len(digest.stories),
        "stories_with_several_sources": sum(len(s.sources) > 1 for s in digest.stories),
        "html_bytes": len(page.encode("utf-8")),
        "seconds": round(total, 3),
        "stage_seconds": {k: round(v, 3) for k, v in timings.items()},
        "peak_rss_mib": round(peak_rss, 1),
        "target_seconds": 5.0,
        "same_stories_as_scikit_learn_and_scipy": None if reference is None else reference == group_records(records),
    }
    text = json.dumps(report, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
