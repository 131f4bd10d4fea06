"""Judgment: `summarizer batch` with pipes, reruns, odd files and formats; prints JSON.

    python benchmarks/judgments/batch_io.py [--shared ../shared]

Runs the CLI on the seeds and corpus files in a temporary folder (extractive engine,
temporary cache) and checks what a user would check by hand: records stream through
a pipe, a digest beside the inputs is not summarized on the next run, the format
follows the extension and a mismatch refuses to overwrite, gzipped pages are read
and unreadable types skipped, the progress line fits 80 columns, and how long
discovery takes per file over the BBC corpus.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402
from summarizer.batch import list_inputs  # noqa: E402
from summarizer.cli.console import ProgressLine  # noqa: E402


@contextlib.contextmanager
def _offline(cache: Path) -> Iterator[dict[str, str]]:
    """No LLM keys and a temporary cache, for this process and its children."""
    saved = dict(os.environ)
    for name in list(os.environ):
        if name.startswith(("OPENAI_", "SUMMARIZER_")):
            del os.environ[name]
    os.environ["SUMMARIZER_CACHE_DIR"] = str(cache)
    try:
        yield dict(os.environ)
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _cli(*args: str, env: dict[str, str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "summarizer", *args]
    return subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=300, check=False)


def _pipe(seeds: Path, env: dict[str, str]) -> dict[str, Any]:
    reader = "import sys, json; print(sum(1 for line in sys.stdin if json.loads(line)['article_id']))"
    started = time.perf_counter()
    batch = subprocess.Popen(
        [sys.executable, "-m", "summarizer", "batch", str(seeds), "-o", "-"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        done = subprocess.run([sys.executable, "-c", reader], stdin=batch.stdout, capture_output=True, timeout=60)
        batch.wait(timeout=60)
        count = int(done.stdout.strip() or 0)
    except subprocess.TimeoutExpired:
        count = -1
    finally:
        batch.kill()
        batch.wait()
        if batch.stdout:
            batch.stdout.close()
    seconds = round(time.perf_counter() - started, 2)
    expected = len(list(seeds.glob("*.txt")))
    return {
        "records": count,
        "expected": expected,
        "seconds": seconds,
        "target": "all records, no hang",
        "met": count == expected,
    }


def _rediscovery(seeds: Path, work: Path, env: dict[str, str]) -> dict[str, Any]:
    folder = work / "rediscovery"
    folder.mkdir()
    for path in seeds.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    _cli("batch", ".", "-o", "records.jsonl", env=env, cwd=folder)
    for name in ("digest.html", "digest.md", "digest.json"):
        _cli("digest", "records.jsonl", "-o", name, env=env, cwd=folder)
    _cli("batch", ".", "--out-dir", "per-article", env=env, cwd=folder)
    again = _cli("batch", ".", "-o", "records.jsonl", env=env, cwd=folder)
    rows = (folder / "records.jsonl").read_text(encoding="utf-8").splitlines()
    expected = len(list(seeds.glob("*.txt")))
    return {
        "records_after_rerun": len(rows),
        "expected": expected,
        "exit_code": again.returncode,
        "target": "digests and records beside the inputs are not summarized",
        "met": len(rows) == expected and again.returncode == 0,
    }


def _formats(seeds: Path, work: Path, env: dict[str, str]) -> dict[str, Any]:
    folder = work / "formats"
    folder.mkdir()
    expected = len(list(seeds.glob("*.txt")))
    got: dict[str, bool] = {}
    for name in ("x.csv", "x.json", "x.md", "x.jsonl"):
        _cli("batch", str(seeds), "-o", name, env=env, cwd=folder)
        text = (folder / name).read_text(encoding="utf-8")
        if name.endswith(".csv"):
            got[name] = len(list(csv.DictReader(text.splitlines()))) == expected
        elif name.endswith(".json"):
            got[name] = len(json.loads(text)) == expected
        elif name.endswith(".md"):
            got[name] = text.count("\n## ") == expected
        else:
            got[name] = len(text.splitlines()) == expected
    before = (folder / "x.csv").read_bytes()
    mismatch = _cli("batch", str(seeds), "-o", "x.csv", "-f", "jsonl", env=env, cwd=folder)
    refused = mismatch.returncode == 2 and (folder / "x.csv").read_bytes() == before
    return {
        "format_from_extension": got,
        "mismatch_exit_code": mismatch.returncode,
        "target": "each extension gives its format; a mismatch exits 2 and leaves the file",
        "met": all(got.values()) and refused,
    }


def _odd_files(shared: Path, work: Path, env: dict[str, str], pages: int) -> dict[str, Any]:
    folder = work / "odd"
    folder.mkdir()
    gz = sorted((shared / "corpus" / "extraction-benchmark-dev" / "html").glob("*.html.gz"))[:pages]
    for path in gz:
        shutil.copy(path, folder / path.name)
    (folder / "LICENSE").write_text("Licence text, not an article.\n", encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    (folder / "notes.txt.gz").write_bytes(gzip.compress(b""))
    done = _cli("batch", ".", "-o", "out.jsonl", env=env, cwd=folder)
    rows = [json.loads(line) for line in (folder / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    html_ok = sum(
        r["status"] == "ok" and r["ingest"]["format"] == "html" for r in rows if r["source_path"].endswith(".html.gz")
    )
    sources = {r["source_path"] for r in rows}
    skipped = "LICENSE" not in sources and "scan.pdf" not in sources and "skipped 2 files" in done.stderr
    return {
        "html_gz_pages": len(gz),
        "html_gz_ok": html_ok,
        "unsupported_skipped_with_note": skipped,
        "target": "every .html.gz page read as HTML; LICENSE and .pdf skipped in one note",
        "met": html_ok == len(gz) and skipped,
    }


def _progress() -> dict[str, Any]:
    widths: dict[str, int] = {}
    ok = True
    for llm in (False, True):
        line = ProgressLine(llm=llm, clock=lambda: 42.0)
        line.started = 0.0
        line.total = 2095
        line.report.ok = line.report.found = 208
        text = line.render(80).plain
        widths["llm" if llm else "extractive"] = len(text)
        ok &= len(text) <= 80 and "208/2095" in text and "ETA 0:" in text and "0:00:42" in text and "…" not in text
        ok &= ("tokens" in line.render(160).plain) == llm
    return {"chars_at_80_columns": widths, "target": "count, elapsed and ETA within 80 columns", "met": ok}


def _discovery(shared: Path) -> dict[str, Any]:
    corpus = shared / "corpus" / "bbc-news"
    skipped: list[tuple[str, str]] = []
    started = time.perf_counter()
    _, paths = list_inputs(corpus, on_skip=lambda name, reason: skipped.append((name, reason)))
    seconds = time.perf_counter() - started
    return {
        "files": len(paths),
        "skipped": [name for name, _ in skipped],
        "ms_per_file": round(1000 * seconds / max(len(paths), 1), 4),
        "target": "under 0.2 ms a file",
        "met": 1000 * seconds / max(len(paths), 1) < 0.2,
    }


def evaluate(shared: Path, **options: Any) -> dict[str, Any]:
    """Run the batch I/O checks; plain JSON-able results with targets."""
    seeds = shared / "seeds"
    work = Path(tempfile.mkdtemp(prefix="summarizer-batch-io-"))
    try:
        with _offline(work / "cache") as env:
            return {
                "pipe": _pipe(seeds, env),
                "rediscovery": _rediscovery(seeds, work, env),
                "formats": _formats(seeds, work, env),
                "odd_files": _odd_files(shared, work, env, int(options.get("pages", 10))),
                "progress_line": _progress(),
                "discovery": _discovery(shared),
            }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    """Print the judgment as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--pages", type=int, default=10, help="gzipped HTML pages to read")
    args = parser.parse_args()
    print(json.dumps(evaluate(args.shared, pages=args.pages), indent=2))


if __name__ == "__main__":
    main()
