"""How fast a run gives up on a server that is not there; prints JSON.

    python benchmarks/judgments/dead_server.py [--shared ../shared] [--full] [--hung]

1. A batch of 200 BBC articles against a closed port on 127.0.0.1 (engine llm):
   seconds, every article accounted for once, how many were never sent.
2. With ``--full``: the whole BBC corpus (2,095 articles) the same way.
3. One ``summarize`` against the closed port: seconds and requests sent.
4. With ``--hung``: 40 BBC articles against a server that accepts connections and
   never answers (tests/fault_server.py stalling past ``timeout=1``): seconds, requests.
5. The no-key error of the CLI (``summarize --engine llm`` without a key): seconds
   for the whole process, and whether the OpenAI SDK was imported for it.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402
from summarizer import ProviderError, Summarizer  # noqa: E402
from summarizer.batch import run_batch  # noqa: E402
from tests.fault_server import FaultServer, always  # noqa: E402


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _batch(folder: Path, limit: int | None, base_url: str | None = None, **options: Any) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        source = folder
        if limit is not None:
            source = Path(tmp) / "articles"
            source.mkdir()
            for path in sorted(folder.glob("*/*.txt"))[:limit]:
                (source / f"{path.parent.name}-{path.name}").write_bytes(path.read_bytes())
        out = Path(tmp) / "out.jsonl"
        started = time.perf_counter()
        report = run_batch(
            source,
            out=out,
            engine="llm",
            base_url=base_url or f"http://127.0.0.1:{_closed_port()}/v1",
            use_cache=False,
            concurrency=8,
            **options,
        )
        seconds = time.perf_counter() - started
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ids = [row["article_id"] for row in rows]
    once = len(ids) == len(set(ids)) == report.found
    target = 10.0 if limit is not None and base_url is None else 120.0
    return {
        "articles": report.found,
        "seconds": round(seconds, 2),
        "target_seconds": target,
        "every_article_once": once,
        "not_attempted": sum(1 for row in rows if row.get("error", "").startswith("not attempted")),
        "requests_sent": sum(int(row.get("attempts") or 0) for row in rows),
        "target": f"under {target:.0f} s, every article accounted for exactly once",
        "met": once and seconds < target,
    }


def _hung(folder: Path) -> dict[str, Any]:
    with FaultServer(always("timeout"), stall=30.0, max_seconds=600) as server:
        result = _batch(folder, 40, base_url=server.url, timeout=1.0)
    result["target"] = "a server that never answers stops the run after 3 articles in a row go unanswered"
    result["met"] = result["every_article_once"] and result["not_attempted"] > 0
    return result


def _single() -> dict[str, Any]:
    text = (ROOT / "tests" / "articles" / "valdoria-border.txt").read_text(encoding="utf-8")
    started = time.perf_counter()
    attempts = None
    with Summarizer(engine="llm", base_url=f"http://127.0.0.1:{_closed_port()}/v1", use_cache=False) as summarizer:
        try:
            summarizer.summarize(text)
        except ProviderError as exc:
            attempts = exc.attempts
    seconds = time.perf_counter() - started
    return {
        "seconds": round(seconds, 2),
        "requests_sent": attempts,
        "target": "fails in under 5 s (was 21 s)",
        "met": attempts is not None and seconds < 5,
    }


def _no_key(runs: int = 3) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    article = str(ROOT / "tests" / "articles" / "valdoria-border.txt")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "summarizer", "summarize", "--engine", "llm", article],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            check=False,
        )
        times.append(time.perf_counter() - started)
    probe = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "summarizer", "summarize", "--engine", "llm", article],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in probe.stderr.splitlines() if "|" in line}
    seconds = statistics.median(times)
    return {
        "exit_code": done.returncode,
        "median_seconds": round(seconds, 2),
        "openai_imported": "openai" in imported,
        "target": "exit 2 in under 1.5 s, without importing the SDK (was 2.5 s)",
        "met": done.returncode == 2 and seconds < 1.5 and "openai" not in imported,
    }


def evaluate(shared: Path, *, full: bool = False, hung: bool = False) -> dict[str, Any]:
    """Time a run's give-up on a dead server, and the no-key error."""
    bbc = shared / "corpus" / "bbc-news"
    if not bbc.is_dir():
        raise SystemExit(f"no BBC corpus at {bbc}: give --shared or set SUMMARIZER_SHARED_DIR")
    result: dict[str, Any] = {
        "batch_200_closed_port": _batch(bbc, 200),
        "summarize_closed_port": _single(),
        "no_key_error": _no_key(),
    }
    if full:
        result["batch_full_bbc_closed_port"] = _batch(bbc, None)
    if hung:
        result["batch_40_hung_server"] = _hung(bbc)
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--full", action="store_true", help="also the whole BBC corpus (2,095 articles)")
    parser.add_argument("--hung", action="store_true", help="also 40 articles against a server that never answers")
    args = parser.parse_args()
    print(json.dumps(evaluate(args.shared, full=args.full, hung=args.hung), indent=2))
