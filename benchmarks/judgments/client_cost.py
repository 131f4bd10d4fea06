"""Judgment: what one LLM request and one HTML page cost the client (issue 13, parts 4 and 5).

    python benchmarks/judgments/client_cost.py [--shared ../shared] [--count 100] [--rounds 2]

1. ``benchmarks/bench_client.py`` on ``--count`` BBC articles (fewer profiled
   calls than its own default): the request path without the verifier against
   the plain openai SDK + ``model_validate_json`` (within 1.10x and under 2 ms
   more per article) and the verifier (under 2 ms per article).
2. ``benchmarks/eval_extraction.py``'s HTML timing (``--rounds``) and F1: the HTML
   path within 1.2x of trafilatura alone, F1 no lower than trafilatura's.

Timings on a shared machine are noisy; the ratios come from runs that take turns
article by article (page by page). The full runs are the two benchmarks themselves.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import bench_client, eval_extraction  # noqa: E402


def evaluate(shared: Path, **options: Any) -> dict[str, Any]:
    """Client cost per request and HTML ingest speed, with the issue's targets."""
    count = int(options.get("count", 100))
    client = bench_client.measure(shared, count, profiled=50, nagle_calls=10)
    extraction = {
        "trafilatura_html": eval_extraction.trafilatura_html(shared),
        "summarizer_ingest": eval_extraction.product_paths(shared),
        "html_timing": eval_extraction.html_timing(shared, int(options.get("rounds", 2))),
    }
    html_targets = eval_extraction.targets(extraction)
    return {
        "client": {
            "articles": client["articles"],
            "per_article_wall_ms_mean": {k: v["wall_ms"]["mean"] for k, v in client["per_article"].items()},
            "ratio_a_to_b": client["ratio_a_to_b"],
            "local_stages_ms_direct": client["a_local_stages_ms_direct"],
            "profile_request_path_ms": client["profile"]["a_cumulative_ms_per_article"],
        },
        "html": {
            "timing": extraction["html_timing"],
            "f1": extraction["summarizer_ingest"]["html_file"]["f1"],
            "trafilatura_no_comments_f1": extraction["trafilatura_html"]["no_comments"]["f1"],
        },
        "targets": {
            **{k: v for k, v in client["targets"].items() if isinstance(v, dict)},
            **html_targets,
        },
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    print(json.dumps(evaluate(args.shared, count=args.count, rounds=args.rounds), indent=2))
