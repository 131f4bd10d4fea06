"""Batch throughput of the LLM path against a server that takes 200 ms a request; prints JSON.

    python benchmarks/bench_concurrency.py [--shared ../shared] [--count 1000] [--count-1 100]
        [--levels 1,8,64] [--latency 0.2] [--out benchmarks/results/bench_concurrency.json]

``run_batch`` (``engine="llm"``, ``use_cache=False``) over ``--count`` BBC
articles (symlinked into a temporary folder, spread evenly over the corpus)
against ``tests.fault_server.FaultServer`` on 127.0.0.1 sleeping ``--latency``
seconds per request, at each concurrency in ``--levels``, into a temporary
output file. Level 1 runs only ``--count-1`` articles (100 by default: 1,000
would take over 200 s); its ideal time is scaled to match. Ideal time =
articles x latency / concurrency.

The server runs in a child process (forked), so the client has its own GIL
and the process CPU time reported is the client's alone. It makes every
article's answer (once, with the extractive engine) before the runs, and its
sockets get TCP_NODELAY: as it stands it sends headers and body apart and
Nagle's algorithm with delayed ACKs holds each answer ~40 ms
(``server_nagle_check_raw_ms`` measures that at concurrency 1). A short
warm-up run lets the client import and connect.

To tell which side limits throughput, the same requests are also sent at the
highest level without the project: bare ``httpx2.AsyncClient`` POSTs (what the
server sustains with a minimal client) and ``openai.AsyncOpenAI`` alone (the
SDK's share). Last, the top level and the bare check are repeated with the
server in this process, as tests use it, where its threads share the GIL with
the client.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx2  # noqa: E402
import openai  # noqa: E402

from benchmarks.corpora import shared_dir  # noqa: E402
from summarizer import Summarizer  # noqa: E402
from summarizer.batch import run_batch  # noqa: E402
from summarizer.ingest import load_document, truncate  # noqa: E402
from summarizer.llm.prompts import build_messages  # noqa: E402
from summarizer.llm.providers import response_format  # noqa: E402
from summarizer.models import SummaryResponse  # noqa: E402
from tests.fault_server import _ARTICLE, FaultServer, always  # noqa: E402

API_KEY = "sk-bench"
MODEL = "bench"
TARGET_RATIO_AT_64 = 1.15


def pick(shared: Path, count: int) -> list[Path]:
    """`count` articles spread evenly over the sorted corpus (every category)."""
    paths = sorted((shared / "corpus" / "bbc-news").glob("*/*.txt"))
    if not paths:
        raise SystemExit(f"no articles under {shared / 'corpus' / 'bbc-news'}")
    count = min(count, len(paths))
    return [paths[i * len(paths) // count] for i in range(count)]


def folder_of(paths: list[Path], into: Path) -> Path:
    """A folder of symlinks to the articles, so nothing is copied."""
    into.mkdir(parents=True, exist_ok=True)
    for path in paths:
        (into / f"{path.parent.name}-{path.name}").symlink_to(path)
    return into


def timed_run(label: str, count: int, concurrency: int, latency: float, func: Callable[[], Any]) -> dict[str, Any]:
    """Run func once; report wall and CPU seconds against the ideal time."""
    cpu0, t0 = time.process_time(), time.perf_counter()
    result = func()
    seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    ideal = count * latency / concurrency
    row = {
        "what": label,
        "articles": count,
        "concurrency": concurrency,
        "seconds": round(seconds, 3),
        "articles_per_second": round(count / seconds, 1),
        "ideal_seconds": round(ideal, 3),
        "ratio_to_ideal": round(seconds / ideal, 3),
        "process_cpu_seconds": round(cpu, 3),
        "cpu_ms_per_article": round(1000 * cpu / count, 2),
        "cpu_busy_share": round(cpu / seconds, 3),
    }
    if isinstance(result, dict):
        row |= result
    return row


def batch(folder: Path, out: Path, concurrency: int, url: str) -> dict[str, Any]:
    report = run_batch(
        folder,
        out=out,
        concurrency=concurrency,
        base_url=url,
        api_key=API_KEY,
        model=MODEL,
        use_cache=False,
        engine="llm",
    )
    if report.failed or report.ok != report.found:
        raise SystemExit(f"batch at concurrency {concurrency}: {report.ok} ok, {report.failed} failed")
    return {"ok": report.ok, "failed": report.failed}


async def _bounded(jobs: list[Callable[[], Awaitable[Any]]], concurrency: int) -> None:
    gate = asyncio.Semaphore(concurrency)

    async def one(job: Callable[[], Awaitable[Any]]) -> None:
        async with gate:
            await job()

    await asyncio.gather(*(one(job) for job in jobs))


def raw_httpx(url: str, bodies: list[bytes], concurrency: int) -> dict[str, Any]:
    """Bare POSTs with httpx2: what the server sustains with a minimal client."""
    latencies: list[float] = []

    async def main() -> None:
        limits = httpx2.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        async with httpx2.AsyncClient(base_url=url, limits=limits, timeout=60) as client:
            headers = {"content-type": "application/json", "authorization": f"Bearer {API_KEY}"}

            def job(body: bytes) -> Callable[[], Awaitable[None]]:
                async def post() -> None:
                    t0 = time.perf_counter()
                    response = await client.post("/chat/completions", content=body, headers=headers)
                    response.raise_for_status()
                    json.loads(response.content)
                    latencies.append(time.perf_counter() - t0)

                return post

            await _bounded([job(b) for b in bodies], concurrency)

    asyncio.run(main())
    return {"request_ms": _ms(latencies)}


def raw_openai(url: str, requests: list[dict[str, Any]], concurrency: int) -> dict[str, Any]:
    """The openai SDK alone, answers validated with SummaryResponse, no instructor or project code."""
    latencies: list[float] = []

    async def main() -> None:
        async with openai.AsyncOpenAI(base_url=url, api_key=API_KEY, max_retries=0) as client:

            def job(request: dict[str, Any]) -> Callable[[], Awaitable[None]]:
                async def create() -> None:
                    t0 = time.perf_counter()
                    completion = await client.chat.completions.create(**request)
                    SummaryResponse.model_validate_json(completion.choices[0].message.content or "")
                    latencies.append(time.perf_counter() - t0)

                return create

            await _bounded([job(r) for r in requests], concurrency)

    asyncio.run(main())
    return {"request_ms": _ms(latencies)}


def _ms(seconds: list[float]) -> dict[str, float]:
    return {
        "mean": round(1000 * statistics.mean(seconds), 1),
        "p50": round(1000 * statistics.median(seconds), 1),
        "p95": round(1000 * statistics.quantiles(seconds, n=20)[18], 1),
    }


def verdict(project: dict[str, Any], server: dict[str, Any]) -> str:
    """Which side limits throughput at the top level, from the project's run and the bare-client run."""
    mine, bare = project["ratio_to_ideal"], server["ratio_to_ideal"]
    if mine <= TARGET_RATIO_AT_64:
        return f"none: run_batch is within {TARGET_RATIO_AT_64}x of ideal"
    if bare > TARGET_RATIO_AT_64 and mine <= 1.25 * bare:
        return f"server: a bare client gets only {bare}x of ideal from it, run_batch {mine}x"
    side = "client" if bare <= TARGET_RATIO_AT_64 else "client first (the server also misses the target)"
    return (
        f"{side}: the server takes {server['articles_per_second']} requests/s from a bare client "
        f"({bare}x of ideal), run_batch gets {project['articles_per_second']} articles/s ({mine}x), using "
        f"{project['cpu_ms_per_article']} ms of CPU per article with the process {project['cpu_busy_share']:.0%} busy: "
        "one core's worth of Python (the GIL) is spent, so the client's per-article CPU sets the pace"
    )


def _serve(conn: Connection, options: dict[str, Any], nodelay: bool, prompts: list[str]) -> None:
    """Child process: run a FaultServer with every answer made, until told to stop."""
    with FaultServer(always("ok"), **options) as server:
        server._handler.disable_nagle_algorithm = nodelay
        for user in prompts:  # the answers, made once, as the server would from these prompts
            server._answer_for(_ARTICLE.search(user).group(1))  # type: ignore[union-attr]
        conn.send(server.url)
        conn.recv()
        conn.send({"requests": server.log.requests, "answers_made": len(server._answers)})


@contextmanager
def served(
    options: dict[str, Any], nodelay: bool, prompts: list[str], apart: bool
) -> Iterator[tuple[str, dict[str, Any]]]:
    """A FaultServer in a child process (apart) or in this one; yields its URL and, after, its counts."""
    counts: dict[str, Any] = {}
    if not apart:
        with FaultServer(always("ok"), **options) as server:
            server._handler.disable_nagle_algorithm = nodelay
            for user in prompts:
                server._answer_for(_ARTICLE.search(user).group(1))  # type: ignore[union-attr]
            yield server.url, counts
            counts |= {"requests": server.log.requests, "answers_made": len(server._answers)}
        return
    mine, theirs = multiprocessing.get_context("fork").Pipe()
    child = multiprocessing.get_context("fork").Process(target=_serve, args=(theirs, options, nodelay, prompts))
    child.start()
    try:
        yield mine.recv(), counts
        mine.send("stop")
        counts |= mine.recv()
    finally:
        child.join(timeout=10)
        if child.is_alive():
            child.terminate()
            child.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--out", type=Path)
    parser.add_argument("--count", type=int, default=1000, help="articles per level")
    parser.add_argument("--count-1", type=int, default=100, help="articles at concurrency 1")
    parser.add_argument("--levels", default="1,8,64", help="comma-separated concurrency levels")
    parser.add_argument("--latency", type=float, default=0.2, help="server seconds per request")
    parser.add_argument("--nagle-calls", type=int, default=20, help="sequential raw requests per setting")
    args = parser.parse_args()
    from benchmarks.bench_extractive import machine

    levels = [int(x) for x in args.levels.split(",") if x.strip()]
    top = max(levels)
    paths = pick(args.shared, args.count)
    probe = Summarizer(base_url="http://127.0.0.1:9/v1", api_key=API_KEY, model=MODEL, use_cache=False)
    settings = probe.settings
    probe.close()
    fmt = response_format(settings.provider)
    requests = []
    for path in paths:
        document = truncate(load_document(path.read_text(encoding="utf-8", errors="replace")), settings.max_chars)
        messages = build_messages(document.text)[0]
        requests.append({"model": MODEL, "messages": messages, "response_format": fmt, **settings.sampling()})
    bodies = [json.dumps(r).encode() for r in requests]
    prompts = [r["messages"][-1]["content"] for r in requests]
    options: dict[str, Any] = {"latency": args.latency, "max_requests": 10**9, "max_seconds": 10**6}
    lat = args.latency

    def bare_checks(url: str) -> list[dict[str, Any]]:
        return [
            timed_run(
                "raw httpx2.AsyncClient POSTs (a minimal client: what the server sustains)",
                len(bodies),
                top,
                lat,
                lambda: raw_httpx(url, bodies, top),
            ),
            timed_run(
                "openai.AsyncOpenAI alone + SummaryResponse.model_validate_json",
                len(requests),
                top,
                lat,
                lambda: raw_openai(url, requests, top),
            ),
        ]

    work = Path(tempfile.mkdtemp(prefix="summarizer-bench-concurrency-"))
    try:
        folder = folder_of(paths, work / "articles")
        small = folder_of(paths[: args.count_1], work / "articles-level-1")
        warm_folder = folder_of(paths[: 2 * top], work / "articles-warm-up")

        nagle: dict[str, Any] = {"calls": args.nagle_calls, "concurrency": 1}
        for label, nodelay in (("as_is", False), ("tcp_nodelay", True)):
            with served(options, nodelay, prompts[: args.nagle_calls], apart=True) as (url, _):
                raw_httpx(url, bodies[:2], 1)
                nagle[label] = raw_httpx(url, bodies[: args.nagle_calls], 1)["request_ms"]

        runs = []
        with served(options, True, prompts, apart=True) as (url, counts):
            warm = timed_run(
                "warm-up run_batch, not a result (imports, connections)",
                2 * top,
                top,
                lat,
                lambda: batch(warm_folder, work / "warm.jsonl", top, url),
            )
            for level in levels:
                target = small if level == 1 else folder
                count = args.count_1 if level == 1 else len(paths)
                runs.append(
                    timed_run(
                        "run_batch",
                        count,
                        level,
                        lat,
                        lambda t=target, lv=level: batch(t, work / f"out-{lv}.jsonl", lv, url),
                    )
                )
            checks = bare_checks(url)

        with served(options, True, prompts, apart=False) as (url, same_counts):
            batch(warm_folder, work / "warm-same.jsonl", top, url)
            same = [
                timed_run(
                    "run_batch, server in this process",
                    len(paths),
                    top,
                    lat,
                    lambda: batch(folder, work / "out-same.jsonl", top, url),
                ),
                *bare_checks(url),
            ]
    finally:
        shutil.rmtree(work, ignore_errors=True)

    by_level = {str(r["concurrency"]): r for r in runs}
    at_top = by_level[str(top)]
    report = {
        "machine": machine(),
        "server": f"tests.fault_server.FaultServer (a ThreadingHTTPServer) in a child process, latency {lat} s, "
        "127.0.0.1, TCP_NODELAY on its sockets, every answer made before the runs",
        "client": "summarizer.batch.run_batch, engine llm, use_cache False, provider profile "
        f"{settings.provider}, output to a temporary JSONL file; process CPU is the client's alone",
        "articles": len(paths),
        "level_1_articles": args.count_1,
        "level_1_note": f"concurrency 1 runs only the first {args.count_1} articles "
        f"({len(paths)} would take over {len(paths) * lat:.0f} s); its ideal time is scaled to match",
        "ideal": "articles x latency / concurrency",
        "server_nagle_check_raw_ms": nagle,
        "warmup": warm,
        "levels": by_level,
        "bottleneck_checks_at_top_level": checks,
        "server_counts": counts,
        "server_in_same_process_at_top_level": {
            "why": "FaultServer is meant to run in the client's process; there its handler threads share the GIL "
            "with the client",
            "runs": same,
            "server_counts": same_counts,
        },
        "target": {
            "ratio_to_ideal_at_64_at_most": TARGET_RATIO_AT_64,
            "met": at_top["ratio_to_ideal"] <= TARGET_RATIO_AT_64 if top == 64 else None,
        },
        "bottleneck": verdict(at_top, checks[0]),
    }
    text = json.dumps(report, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
