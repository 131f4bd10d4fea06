"""Local decoding in llama.cpp's embedded server (provider "local"): prints JSON.

    python scripts/fetch-models.py
    python benchmarks/bench_local.py [--shared ../shared] [--max-tokens 48] [--runs 3] [--threads 2]
        [--out benchmarks/results/bench_local.json]

For SmolLM2-135M-Instruct (Q4_1) and Gemma 3 270M base (Q4_K_M), on the five seed
articles, with the project's real prompt (``build_messages``) and answer schema, as the
server's own ``timings`` report them:

- ``prompt_tokens``: prompt tokens per article (chat template applied, then tokenized);
- ``cold``: a whole prompt processed with ``cache_prompt: false`` (the first article
  of a run), median of ``--runs`` seeds;
- ``warm``: the next article after another one, its shared prefix (instructions,
  rubric, schema) reused from the slot's cache: only the article is processed;
- ``decode``: tokens/s free (no response_format) against constrained
  (``response_format`` json_schema, the request the local profile sends), taking
  turns per seed, ``--max-tokens`` each, median over the seeds and the ratio;
- ``slots``: two articles, ``--max-tokens`` each, on the same two-slot server: one
  after the other (one slot decoding) against both at once (two slots batched in
  one pass), wall time and the ratio, alternating, ``--runs`` times.

The server has two slots throughout (``parallel=2``, 8,192 tokens each); requests
sent one at a time use one slot, as a one-slot server would.

Everything is bounded by ``--max-tokens`` and the five seeds. Other work on the
machine slows every figure: the load average is printed with the results, and
the ratios (taken in one run, side by side) are what carries over.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402
from summarizer.config import resolve_settings  # noqa: E402
from summarizer.llm import local_server  # noqa: E402
from summarizer.llm.prompts import build_messages  # noqa: E402
from summarizer.llm.providers import response_format  # noqa: E402
from tests.conftest import GEMMA3, SMOLLM2  # noqa: E402


def post(address: str, path: str, body: dict[str, Any]) -> Any:
    """POST JSON to the server and return the decoded answer."""
    request = urllib.request.Request(
        address + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=900) as response:
        return json.loads(response.read())


def chat(address: str, messages: list[dict[str, str]], max_tokens: int, **extra: Any) -> dict[str, Any]:
    """One chat completion at temperature 0; returns the server's timings and usage."""
    body = {"messages": messages, "max_tokens": max_tokens, "temperature": 0, "seed": 0, **extra}
    started = time.perf_counter()
    answer = post(address, "/v1/chat/completions", body)
    timings = answer.get("timings", {})
    return {
        "wall_s": time.perf_counter() - started,
        "prompt_n": timings.get("prompt_n"),
        "cache_n": timings.get("cache_n"),
        "prompt_ms": timings.get("prompt_ms"),
        "predicted_n": timings.get("predicted_n"),
        "predicted_ms": timings.get("predicted_ms"),
        "finish_reason": answer["choices"][0]["finish_reason"],
    }


def per_second(runs: list[dict[str, Any]]) -> list[float]:
    """Generated tokens per second of each run that generated any."""
    return [r["predicted_n"] / r["predicted_ms"] * 1000 for r in runs if r["predicted_n"] and r["predicted_ms"]]


def median(values: list[float]) -> float | None:
    """Median rounded to 2 places, or None for no values."""
    return round(statistics.median(values), 2) if values else None


def bench_model(model: Path, seeds: list[list[dict[str, str]]], args: argparse.Namespace) -> dict[str, Any]:
    """Every figure for one model."""
    settings = resolve_settings(model_path=model, ctx_size=8192, threads=args.threads, parallel=2)
    started = time.perf_counter()
    server = local_server.ensure_server(settings, local_server.model_file(model))
    load_s = time.perf_counter() - started
    address = server.address
    prompt_tokens = []
    for messages in seeds:
        prompt = post(address, "/apply-template", {"messages": messages})["prompt"]
        prompt_tokens.append(len(post(address, "/tokenize", {"content": prompt, "add_special": True})["tokens"]))
    cold = [chat(address, seeds[i], 1, cache_prompt=False) for i in range(args.runs)]
    warm = []
    for i in range(args.runs):  # the slot holds seed i's prompt; seed i+1 shares its prefix
        chat(address, seeds[i], 1)
        warm.append(chat(address, seeds[(i + 1) % len(seeds)], 1))
    schema = response_format("local")
    free: list[dict[str, Any]] = []
    constrained: list[dict[str, Any]] = []
    for i, messages in enumerate(seeds):  # the prompt is cached by the warm pass or the turn before
        turns = [("free", {}), ("constrained", {"response_format": schema})]
        for name, extra in turns if i % 2 == 0 else turns[::-1]:
            run = chat(address, messages, args.max_tokens, **extra)
            (free if name == "free" else constrained).append(run)
    free_tps, constrained_tps = median(per_second(free)), median(per_second(constrained))
    paired = paired_ratio(free, constrained)
    slots = bench_slots(address, seeds, args)
    local_server.stop_all()
    return {
        "file": model.name,
        "size_mb": round(model.stat().st_size / 1e6, 1),
        "load_s": round(load_s, 2),
        "prompt_tokens": prompt_tokens,
        "cold": {
            "median_prompt_ms": median([r["prompt_ms"] for r in cold]),
            "median_prompt_tokens_per_s": median([r["prompt_n"] / r["prompt_ms"] * 1000 for r in cold]),
            "runs": cold,
        },
        "warm": {
            "median_prompt_ms": median([r["prompt_ms"] for r in warm]),
            "median_tokens_processed": median([r["prompt_n"] for r in warm]),
            "median_tokens_reused": median([r["cache_n"] for r in warm]),
            "runs": warm,
        },
        "cold_over_warm_prompt_ms": ratio(
            median([r["prompt_ms"] for r in cold]), median([r["prompt_ms"] for r in warm])
        ),
        "decode": {
            "free_tokens_per_s": free_tps,
            "constrained_tokens_per_s": constrained_tps,
            "constrained_over_free": ratio(constrained_tps, free_tps),
            "constrained_over_free_paired_median": paired,
            "free": free,
            "constrained": constrained,
        },
        "slots": slots,
    }


def paired_ratio(free: list[dict[str, Any]], constrained: list[dict[str, Any]]) -> float | None:
    """Median over the seeds of constrained over free tokens/s, each pair taken back to back (load varies)."""
    pairs = [c / f for f, c in zip(per_second(free), per_second(constrained), strict=False) if f]
    return round(statistics.median(pairs), 3) if pairs else None


def ratio(a: float | None, b: float | None) -> float | None:
    """a / b to 3 places, or None."""
    return round(a / b, 3) if a and b else None


def bench_slots(address: str, seeds: list[list[dict[str, str]]], args: argparse.Namespace) -> dict[str, Any]:
    """Two articles on a two-slot server: one after the other (one slot busy) against both at once (two)."""
    pair = seeds[:2]
    for messages in pair:  # each slot holds one article's prompt, so neither pass pays for prompts
        chat(address, messages, 1)
    walls: dict[int, list[float]] = {1: [], 2: []}
    runs: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
    for turn in range(args.runs):
        for busy in (1, 2) if turn % 2 == 0 else (2, 1):
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=busy) as pool:
                done = list(pool.map(lambda m: chat(address, m, args.max_tokens, ignore_eos=True), pair))
            walls[busy].append(round(time.perf_counter() - started, 2))
            runs[busy] += done
    one, two = median(walls[1]), median(walls[2])
    return {
        "articles": len(pair),
        "tokens_each": args.max_tokens,
        "one_slot_wall_s": walls[1],
        "two_slots_wall_s": walls[2],
        "two_slots_over_one_wall": ratio(two, one),
        "one_slot_tokens_per_s": median(per_second(runs[1])),
        "two_slots_tokens_per_s_each": median(per_second(runs[2])),
        "one_slot_runs": runs[1],
        "two_slots_runs": runs[2],
    }


def main() -> None:
    """Run every model and print (and optionally write) the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=None)
    parser.add_argument("--max-tokens", type=int, default=48)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=None, help="CPU threads (default: llama.cpp's choice)")
    parser.add_argument("--models", nargs="*", type=Path, default=[SMOLLM2, GEMMA3])
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    seed_dir = (args.shared or shared_dir()) / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(seed_dir.glob("*.txt"))]
    seeds = [build_messages(text, article_language="en", summary_language="en")[0] for text in texts]
    report: dict[str, Any] = {
        "command": " ".join(["python", *sys.argv]),
        "cpu_count": os.cpu_count(),
        "load_average_before": os.getloadavg(),
        "threads": args.threads,
        "max_tokens": args.max_tokens,
        "seeds": len(seeds),
        "models": {},
    }
    for model in args.models:
        report["models"][model.name] = bench_model(model, seeds, args)
        report["load_average_after"] = os.getloadavg()
        text = json.dumps(report, indent=2)
        if args.out:  # written after each model: a long run leaves what it measured
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
