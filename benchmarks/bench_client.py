"""Client overhead per article against a loopback server that answers at once; prints JSON.

    python benchmarks/bench_client.py [--shared ../shared] [--count 300] [--profile-calls 200]
        [--out benchmarks/results/bench_client.json]

One process, one in-process ``tests.fault_server.FaultServer`` (latency 0) on
127.0.0.1, the same BBC articles (``--count``, spread evenly over the sorted
corpus) sent three ways, one request at a time:

(a) ``Summarizer.summarize(text)`` with ``use_cache=False``: ingest, prompt,
    instructor + tenacity + openai, validation, grounding, checks, record;
(b) a plain ``openai.OpenAI(max_retries=0).chat.completions.create`` with the
    messages and response_format the project sends, then
    ``SummaryResponse.model_validate_json``;
(c) instructor alone (``from_openai``, ``Mode.JSON_SCHEMA``, ``max_retries=0``).

A warm-up pass first fills the server's answer cache (the server makes each
article's answer once, with the extractive engine) and the clients' imports and
connections. In the timed pass the three ways take turns per article, rotating
who goes first. The server's handler time (``do_POST``: read, parse, look up,
write) is recorded for every request, so each way's time splits into server
and client. Then cProfile runs over ``--profile-calls`` calls of (a) and of (b)
to show where (a)'s extra time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import instructor  # noqa: E402
import openai  # noqa: E402

from summarizer import Summarizer  # noqa: E402
from summarizer.ingest import load_document, truncate  # noqa: E402
from summarizer.models import SummaryRecord, SummaryResponse  # noqa: E402
from summarizer.prompts import build_messages  # noqa: E402
from summarizer.providers import response_format  # noqa: E402
from tests.fault_server import FaultServer, always  # noqa: E402

API_KEY = "sk-bench"
MODEL = "bench"
TARGET_RATIO = 1.10
TARGET_ADDED_MS = 2.0


def pick(shared: Path, count: int) -> list[Path]:
    """`count` articles spread evenly over the sorted corpus (every category)."""
    paths = sorted((shared / "corpus" / "bbc-news").glob("*/*.txt"))
    if not paths:
        raise SystemExit(f"no articles under {shared / 'corpus' / 'bbc-news'}")
    count = min(count, len(paths))
    return [paths[i * len(paths) // count] for i in range(count)]


def stats_ms(seconds: list[float]) -> dict[str, float]:
    """Mean, median and p95 of durations, in ms."""
    return {
        "mean": round(1000 * statistics.mean(seconds), 3),
        "p50": round(1000 * statistics.median(seconds), 3),
        "p95": round(1000 * statistics.quantiles(seconds, n=20)[18], 3),
    }


class ServerClock:
    """Records how long the server's handler spends on each POST."""

    def __init__(self, server: FaultServer) -> None:
        self.durations: list[float] = []
        self._lock = threading.Lock()
        handler = server._handler
        original = handler.do_POST
        clock = self

        def timed_post(self: Any) -> None:
            t0 = time.perf_counter()
            try:
                original(self)
            finally:
                elapsed = time.perf_counter() - t0
                with clock._lock:
                    clock.durations.append(elapsed)

        handler.do_POST = timed_post  # type: ignore[method-assign]

    def mark(self) -> int:
        with self._lock:
            return len(self.durations)

    def since(self, mark: int) -> float:
        with self._lock:
            return sum(self.durations[mark:])


def make_ways(server_url: str, sampling: dict[str, Any]) -> dict[str, Callable[[str, list[dict[str, str]]], Any]]:
    """The three clients, each a function of (raw text, messages) that checks its answer."""
    project = Summarizer(base_url=server_url, api_key=API_KEY, model=MODEL, use_cache=False)
    plain = openai.OpenAI(base_url=server_url, api_key=API_KEY, max_retries=0)
    patched = instructor.from_openai(
        openai.OpenAI(base_url=server_url, api_key=API_KEY, max_retries=0), mode=instructor.Mode.JSON_SCHEMA
    )
    fmt = response_format(project.settings.provider)

    def a_project(text: str, messages: list[dict[str, str]]) -> Any:
        record = project.summarize(text)
        assert isinstance(record, SummaryRecord) and record.engine == "llm" and record.attempts.requests == 1
        return record

    def b_openai(text: str, messages: list[dict[str, str]]) -> Any:
        completion = plain.chat.completions.create(
            model=MODEL, messages=messages, response_format=fmt, **sampling  # type: ignore[arg-type]
        )
        return SummaryResponse.model_validate_json(completion.choices[0].message.content or "")

    def c_instructor(text: str, messages: list[dict[str, str]]) -> Any:
        return patched.chat.completions.create(
            response_model=SummaryResponse, messages=messages, model=MODEL, max_retries=0, **sampling
        )

    return {"a_project": a_project, "b_openai": b_openai, "c_instructor": c_instructor}


def profile_calls(
    call: Callable[[str, list[dict[str, str]]], Any], items: list[tuple[str, list[dict[str, str]]]], n: int
) -> tuple[pstats.Stats, float]:
    """Run `n` calls under cProfile; return the stats and the profiled wall seconds."""
    profiler = cProfile.Profile()
    runs = [items[i % len(items)] for i in range(n)]
    started = time.perf_counter()
    profiler.enable()
    for text, messages in runs:
        call(text, messages)
    profiler.disable()
    return pstats.Stats(profiler), time.perf_counter() - started


def _where(key: tuple[str, int, str]) -> str:
    filename, line, name = key
    if filename == "~":
        return name
    for marker in ("site-packages/", "/work/main/", str(ROOT) + "/"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
            break
    return f"{filename}:{line}({name})"


def _in_openai_sdk(filename: str) -> bool:
    return "site-packages/openai/" in filename


def top_outside_sdk(stats: pstats.Stats, calls: int, limit: int = 25) -> list[dict[str, Any]]:
    """Functions with the most cumulative time, outside the openai SDK and this script."""
    rows = []
    table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    for key, (_, ncalls, tottime, cumtime, _) in table.items():
        filename = key[0]
        if _in_openai_sdk(filename) or filename == __file__ or key[2] in ("<module>", "<genexpr>"):
            continue
        if key[2] in ("<method 'disable' of '_lsprof.Profiler' objects>",):
            continue
        rows.append(
            {
                "function": _where(key),
                "calls": ncalls,
                "cum_ms_per_article": round(1000 * cumtime / calls, 3),
                "own_ms_per_article": round(1000 * tottime / calls, 3),
            }
        )
    rows.sort(key=lambda r: r["cum_ms_per_article"], reverse=True)
    return rows[:limit]


def cum_ms(stats: pstats.Stats, calls: int, path_part: str, name: str) -> float:
    """Cumulative ms per article of the functions named `name` in files containing `path_part`."""
    table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = sum(v[3] for k, v in table.items() if path_part in k[0] and k[2] == name)
    return round(1000 * total / calls, 3)


def own_ms_by_package(stats: pstats.Stats, calls: int) -> dict[str, float]:
    """Own (exclusive) time per article grouped by package: where the CPU actually went."""
    groups: dict[str, float] = {}
    table: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    for (filename, _, name), (_, _, tottime, _, _) in table.items():
        if filename == "~":
            group = "builtins: " + ("socket/select" if any(s in name for s in ("recv", "send", "poll", "select")) else "other")
        elif "site-packages/" in filename:
            group = filename.split("site-packages/", 1)[1].split("/", 1)[0].removesuffix(".py")
        elif "/summarizer/" in filename:
            group = "summarizer"
        elif filename == __file__:
            group = "benchmark loop"
        else:
            group = "stdlib"
        groups[group] = groups.get(group, 0.0) + tottime
    return {k: round(1000 * v / calls, 3) for k, v in sorted(groups.items(), key=lambda kv: -kv[1])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--count", type=int, default=300, help="articles in the timed pass")
    parser.add_argument("--profile-calls", type=int, default=200, help="calls of (a) and of (b) under cProfile")
    args = parser.parse_args()
    from benchmarks.bench_extractive import machine

    paths = pick(args.shared, args.count)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in paths]

    with FaultServer(always("ok"), latency=0.0, max_requests=10**9, max_seconds=10**6) as server:
        clock = ServerClock(server)
        probe = Summarizer(base_url=server.url, api_key=API_KEY, model=MODEL, use_cache=False)
        sampling = probe.settings.sampling()
        max_chars = probe.settings.max_chars
        probe.close()
        ways = make_ways(server.url, sampling)
        # The exact messages (a) sends: the cleaned, truncated document in the project's prompt.
        items = [(t, build_messages(truncate(load_document(t), max_chars).text)[0]) for t in texts]

        warm_started = time.perf_counter()
        for text, messages in items:  # fills the server's answer cache for every article
            ways["b_openai"](text, messages)
        for call in ways.values():
            for text, messages in items[:20]:
                call(text, messages)
        warm_s = time.perf_counter() - warm_started

        names = list(ways)
        wall: dict[str, list[float]] = {n: [] for n in names}
        server_s: dict[str, list[float]] = {n: [] for n in names}
        started = time.perf_counter()
        for i, (text, messages) in enumerate(items):
            for j in range(len(names)):
                name = names[(i + j) % len(names)]
                mark = clock.mark()
                t0 = time.perf_counter()
                ways[name](text, messages)
                wall[name].append(time.perf_counter() - t0)
                server_s[name].append(clock.since(mark))
        timed_s = time.perf_counter() - started

        n_prof = args.profile_calls
        prof_a, prof_a_s = profile_calls(ways["a_project"], items, n_prof)
        prof_b, prof_b_s = profile_calls(ways["b_openai"], items, n_prof)
        requests = server.log.requests

    per_way = {}
    for name in names:
        client = [w - s for w, s in zip(wall[name], server_s[name], strict=True)]
        per_way[name] = {
            "wall_ms": stats_ms(wall[name]),
            "server_ms": stats_ms(server_s[name]),
            "client_ms": stats_ms(client),
            "server_share": round(sum(server_s[name]) / sum(wall[name]), 3),
        }
    a_mean, b_mean, c_mean = (statistics.mean(wall[n]) for n in names)
    a_med, b_med = statistics.median(wall["a_project"]), statistics.median(wall["b_openai"])
    paired = [a - b for a, b in zip(wall["a_project"], wall["b_openai"], strict=True)]
    ratio = a_mean / b_mean
    added_ms = 1000 * (a_mean - b_mean)

    def where(stats: pstats.Stats) -> dict[str, float]:
        return {
            "total_profiled": round(1000 * stats.total_tt / n_prof, 3),  # type: ignore[attr-defined]
            "openai Completions.create (SDK + HTTP + server wait)": cum_ms(
                stats, n_prof, "openai/resources/chat/completions", "create"
            ),
        }

    stages_a = where(prof_a) | {
        "Summarizer._prepare (ingest, prompt, cache key)": cum_ms(prof_a, n_prof, "summarizer/api.py", "_prepare"),
        "  load_document": cum_ms(prof_a, n_prof, "summarizer/ingest.py", "load_document"),
        "  build_messages": cum_ms(prof_a, n_prof, "summarizer/prompts.py", "build_messages"),
        "  cache_key": cum_ms(prof_a, n_prof, "summarizer/cache.py", "cache_key"),
        "ChatClient.extract (instructor + tenacity + SDK)": cum_ms(prof_a, n_prof, "summarizer/providers.py", "extract"),
        "  instructor.patch (per call)": cum_ms(prof_a, n_prof, "instructor/core/patch.py", "patch"),
        "  retrying create wrapper": cum_ms(prof_a, n_prof, "summarizer/providers.py", "create"),
        "Summarizer._finish (salvage, checks, record)": cum_ms(prof_a, n_prof, "summarizer/api.py", "_finish"),
        "  verify": cum_ms(prof_a, n_prof, "summarizer/checks.py", "verify"),
        "  ArticleSummary.from_response": cum_ms(prof_a, n_prof, "summarizer/models.py", "from_response"),
    }
    stages_b = where(prof_b)

    report = {
        "machine": machine(),
        "articles": len(items),
        "server": "tests.fault_server.FaultServer in this process (a thread), latency 0, 127.0.0.1, HTTP/1.1 keep-alive",
        "order": "per article, (a), (b), (c) in turn, rotating which goes first; after a warm-up pass",
        "warmup_seconds": round(warm_s, 3),
        "timed_seconds": round(timed_s, 3),
        "server_requests": requests,
        "per_article": per_way,
        "ratio_a_to_b": round(ratio, 3),
        "ratio_a_to_b_median": round(a_med / b_med, 3),
        "added_ms_a_minus_b": round(added_ms, 3),
        "added_ms_a_minus_b_paired_median": round(1000 * statistics.median(paired), 3),
        "added_ms_c_minus_b": round(1000 * (c_mean - b_mean), 3),
        "added_ms_a_minus_c": round(1000 * (a_mean - c_mean), 3),
        "targets": {
            "ratio_a_to_b_at_most": TARGET_RATIO,
            "added_ms_under": TARGET_ADDED_MS,
            "ratio_met": ratio <= TARGET_RATIO,
            "added_ms_met": added_ms < TARGET_ADDED_MS,
        },
        "profile": {
            "tool": "cProfile (main thread only: the server thread is not in it); times inflated by the profiler",
            "calls_each": n_prof,
            "wall_ms_per_call_under_profiler": {
                "a_project": round(1000 * prof_a_s / n_prof, 3),
                "b_openai": round(1000 * prof_b_s / n_prof, 3),
            },
            "a_stages_ms_per_article": stages_a,
            "b_stages_ms_per_article": stages_b,
            "a_own_ms_by_package": own_ms_by_package(prof_a, n_prof),
            "b_own_ms_by_package": own_ms_by_package(prof_b, n_prof),
        },
        "profile_top": top_outside_sdk(prof_a, n_prof),
    }
    text = json.dumps(report, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
