"""Judge the extractive engine's judgments on text it was not tuned on; prints JSON.

    python benchmarks/eval_judgments.py [--shared ../shared] [--skip speed] [--out FILE.json]

Each part lives in `benchmarks/judgments/<part>.py` and can run alone:

- escalation: BBC false alarms by topic, the seeds, PLOVER GSR event types
- figures: PolNeAR claimants, BBC figure statuses, the seed figures
- hedges: uncertainty-wiki speculation and belief cues
- summary: ROUGE on bbc-summaries beside sumy's TextRank at the same word budget
- digest: discrepancies, hedge ranking, one lead article per story, teasers, the watch
- language: detection, the non-English record, the versioned engine, the path/text API
- speed: the full `extract()` against sumy's TextRank summary step, one core

With `--behaviour`, also the command-line checks of the batch (pipes, formats, odd
files, the progress line: `batch_io`), the give-up time on a dead server
(`dead_server`), the review page's spans (`review`), the HTTP service under load
and through a SIGKILL (`service`), the process pool (`workers`) and the client's
cost per request and per HTML page (`client_cost`).

The closing `targets` list says, per target, the figure and whether it was met.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402

PARTS = ["escalation", "figures", "hedges", "summary", "digest", "language", "speed"]
BEHAVIOUR = ["batch_io", "dead_server", "review", "service", "workers", "client_cost"]


def _targets(name: str, result: Any, path: str = "") -> list[dict[str, Any]]:
    """Every dict holding a "met" entry, named by where it sits in the part's result."""
    found: list[dict[str, Any]] = []
    if isinstance(result, dict):
        if "met" in result:
            found.append({"part": name, "where": path or name, **{k: v for k, v in result.items() if k != "details"}})
        for key, value in result.items():
            found += _targets(name, value, f"{path}.{key}" if path else key)
    return found


def main() -> None:
    """Run every part and print one JSON document."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--skip", action="append", default=[], choices=PARTS, help="leave a part out (repeatable)")
    parser.add_argument("--behaviour", action="store_true", help="also run the CLI behaviour parts")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if not args.shared.is_dir():
        sys.exit(f"no corpora at {args.shared}: put the project's shared/ folder beside the checkout")
    report: dict[str, Any] = {}
    targets: list[dict[str, Any]] = []
    for name in PARTS + (BEHAVIOUR if args.behaviour else []):
        if name in args.skip:
            continue
        module = importlib.import_module(f"benchmarks.judgments.{name}")
        started = time.perf_counter()
        result = module.evaluate(args.shared)
        result["seconds"] = round(time.perf_counter() - started, 1)
        report[name] = result
        targets += _targets(name, result)
        print(f"{name}: {result['seconds']} s", file=sys.stderr)
    report["targets"] = targets
    report["all_met"] = all(t["met"] for t in targets)
    text = json.dumps(report, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
