"""Judgment: language detection, the extractive engine on other languages, the engine version, path/text input.

    python benchmarks/judgments/language.py [--shared ../shared] [--stale-articles 150]

1. Detection over the 2,095 BBC News articles (all English): share detected as
   English, milliseconds per article, and the detector's import time.
2. The German test article (fictional) through the extractive engine: a warning,
   and no hedges, figures or actors guessed from English patterns.
3. A cache filled under another engine version: how many records it still serves
   to the current engine (the measured failure was 150 of 150).
4. The Python API: a missing file named by a string is an InputError; a one-line
   article over 255 characters is text.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

import summarizer.extractive as extractive  # noqa: E402
from benchmarks.corpora import shared_dir  # noqa: E402
from summarizer import InputError, Summarizer  # noqa: E402
from summarizer.ingest.language import detect_language, detector_version  # noqa: E402


def detection(shared: Path) -> dict[str, Any]:
    """Detect every BBC article's language; time it."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(shared.glob("corpus/bbc-news/*/*.txt"))]
    codes: dict[str, int] = {}
    times = []
    for text in texts:
        started = time.perf_counter()
        code = detect_language(text).code
        times.append((time.perf_counter() - started) * 1000)
        codes[str(code)] = codes.get(str(code), 0) + 1
    english = codes.get("en", 0) / len(texts)
    mean_ms = statistics.fmean(times)
    done = subprocess.run(
        [sys.executable, "-c", "import time; t = time.perf_counter(); import pycld2; print(time.perf_counter() - t)"],
        capture_output=True,
        text=True,
        check=True,
    )
    return {
        "detector": detector_version(),
        "articles": len(texts),
        "codes": codes,
        "english_share": {"value": round(english, 4), "target": 1.0, "met": english == 1.0},
        "ms_per_article": {
            "value": round(mean_ms, 3),
            "p95": round(sorted(times)[int(0.95 * len(times))], 3),
            "target": 1.0,
            "met": mean_ms <= 1.0,
        },
        "import_ms": round(float(done.stdout) * 1000, 1),
    }


def german_article() -> dict[str, Any]:
    """What the extractive engine puts in the record of a German article."""
    text = (ROOT / "tests" / "articles" / "kestria-grenze-de.txt").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as cache:
        record = Summarizer(engine="extractive", cache_dir=Path(cache)).summarize(text=text)
    s = record.summary
    guessed = len(s.hedges) + len(s.key_figures) + len(s.escalation.actors)
    return {
        "language": record.language,
        "warned": bool(record.warnings),
        "hedges": len(s.hedges),
        "figures": len(s.key_figures),
        "actors": len(s.escalation.actors),
        "event_type": str(s.escalation.event_type),
        "guessed_items": {"value": guessed, "target": 0, "met": guessed == 0 and bool(record.warnings)},
    }


def stale_cache(shared: Path, articles: int) -> dict[str, Any]:
    """Fill a cache under a fake engine version, then count what the current engine is served from it."""
    paths = sorted(shared.glob("corpus/bbc-news/*/*.txt"))[:: max(1, 2095 // articles)][:articles]
    current = extractive.ENGINE_VERSION
    with tempfile.TemporaryDirectory() as cache:
        try:
            extractive.ENGINE_VERSION = "extractive-000000000000"  # type: ignore[misc]
            with Summarizer(engine="extractive", cache_dir=Path(cache)) as old:
                for path in paths:
                    old.summarize(path=path)
        finally:
            extractive.ENGINE_VERSION = current  # type: ignore[misc]
        with Summarizer(engine="extractive", cache_dir=Path(cache)) as new:
            served = sum(new.summarize(path=path).cached for path in paths)
    return {
        "engine_version": current,
        "articles": len(paths),
        "served_from_older_version": {"value": served, "target": 0, "met": served == 0},
    }


def api_inputs() -> dict[str, Any]:
    """The two measured API failures."""
    s = Summarizer(engine="extractive", use_cache=False)
    try:
        s.summarize("does-not-exist.txt")
        missing = "ok record"
    except InputError:
        missing = "InputError"
    line = "Valdoria moved two brigades to the border on Tuesday, the ministry said. " * 5
    try:
        long_text = "ok" if s.summarize(line.strip()).source_path is None else "read as a file"
    except OSError as exc:
        long_text = f"OSError: {exc.strerror}"
    met = missing == "InputError" and long_text == "ok"
    return {"missing_file": missing, "one_line_text_over_255": long_text, "met": met}


def evaluate(shared: Path, **options: Any) -> dict[str, Any]:
    """Run every language/engine-version/API check; plain JSON-able numbers."""
    return {
        "detection": detection(shared),
        "german_article": german_article(),
        "stale_cache": stale_cache(shared, int(options.get("stale_articles", 150))),
        "api_inputs": api_inputs(),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--stale-articles", type=int, default=150)
    args = parser.parse_args()
    print(json.dumps(evaluate(args.shared, stale_articles=args.stale_articles), indent=2))
