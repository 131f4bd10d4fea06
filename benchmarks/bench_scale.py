"""The three ways to scale a batch: every core (--workers), a Ray cluster, the provider's Batch API; prints JSON.

    python benchmarks/bench_scale.py [--shared ../shared] [--runs 3] [--workers 2]
        [--big] [--big-count 20000] [--llm] [--llm-count 1000] [--ray]
        [--batch-api] [--batch-api-count 2095] [--out FILE]

Extractive (``use_cache=False``, so every run is cold): the 2,095 BBC articles
(``bbc``) and, with ``--big``, a set of ``--big-count`` articles made by
repeating them under distinct paths, so distinct ids (``bbc_big``; about 2.5
minutes a run on 2 idle cores). Each way runs in a fresh Python process
(``--one``), so nothing is imported or cached before it and peak RSS is that
run's: the parent's ``ru_maxrss`` and each worker's ``VmHWM``. The ways run
alternately (one, workers, one, workers, ...) and the figures are the median and
the range of ``--runs`` runs; ``speedup`` is the ratio of each alternating pair,
so load from other work on the machine hits both sides alike. The load average
before and after each run is kept so a busy machine shows. On a machine shared
with other work, ``speedup_if_cores_were_free`` adds an estimate from CPU time:
one process's CPU seconds over the least wall time the pooled run's CPU seconds
allow on the usable cores (its busiest process, or its total spread evenly).

``--llm``: the LLM path at concurrency 64 against ``tests.fault_server`` answering
in 200 ms (in a child process, as ``bench_concurrency.py`` runs it), one process
against ``--workers`` (where the workers ask the server themselves), alternately,
ratio to the ideal time (articles x 0.2 s / 64). A warm-up run of each way comes
first, so neither times its imports (for the pool: its fork server's). The test
server's CPU per article is reported beside the client's: it shares the cores.
``least_ratio_the_cpu_allows``: the ratio if the cores were free, from the CPU
seconds of the parent, the workers and the test server (busiest one, or all
spread over the usable cores): a floor where other work shares the machine.

``--ray``: the same 2,095 articles through a local 2-CPU Ray cluster against one
process, alternating, ``--runs`` rounds (``benchmarks/scale_ray.py: compare``;
Ray's start-up reported apart). ``--batch-api``: ``--batch-api-count`` articles
through the provider's Batch API path against the in-process test server, with a
share of faulty answers and one batch expiring, beside the real-time path
(``benchmarks/scale_batch_api.py: measure``): requests, re-asks, cost against real
time, records identical apart from provenance.
"""

from __future__ import annotations

import argparse
import importlib
import json
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402

TARGET_SPEEDUP = 1.8  # --workers 2 against one process, extractive, cold
TARGET_LLM_RATIO = 1.5  # concurrency 64 at 200 ms: at most this times the ideal time
Measure = Callable[..., dict[str, Any]]


def corpus(shared: Path) -> list[Path]:
    """The BBC articles, sorted."""
    paths = sorted((shared / "corpus" / "bbc-news").glob("*/*.txt"))
    if not paths:
        raise SystemExit(f"no articles under {shared / 'corpus' / 'bbc-news'}")
    return paths


def make_folder(paths: list[Path], into: Path, count: int | None = None) -> Path:
    """A folder of symlinks: the articles once, or repeated in numbered subfolders up to count (distinct ids)."""
    count = count or len(paths)
    for index in range(count):
        path = paths[index % len(paths)]
        sub = into / f"r{index // len(paths):03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{path.parent.name}-{path.name}").symlink_to(path)
    return into


def _rss_mb(kb: int) -> float:
    return round(kb / 1024, 1)


def _run(folder: Path, out: Path, workers: int, **options: Any) -> dict[str, Any]:
    """run_batch in this process; its figures and the peak RSS of this process and each worker."""
    import summarizer.api  # noqa: F401  the engine loads before the clock starts, in both ways alike
    from summarizer.batch import run_batch

    cpu, started = time.process_time(), time.perf_counter()
    report = run_batch(folder, out=out, workers=workers, use_cache=False, engine="extractive", **options)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    if report.failed or report.ok != report.found:
        raise SystemExit(f"{report.ok} ok, {report.failed} failed of {report.found}: {report.failures[:3]}")
    return {
        "articles": report.found,
        "workers": report.workers,
        "seconds": round(seconds, 3),
        "articles_per_second": round(report.found / seconds, 1),
        "peak_rss_mb": {
            "parent": _rss_mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss),
            "workers": [u["peak_rss_mb"] for u in report.worker_usage],
        },
        "cpu_seconds": {
            "parent": round(cpu, 2),
            "workers": [u["cpu_seconds"] for u in report.worker_usage],
        },
    }


def one_process(folder: Path, out: Path, **options: Any) -> dict[str, Any]:
    """Today's path: everything in one process (--workers 1)."""
    return _run(folder, out, 1, **options)


def worker_pool(folder: Path, out: Path, workers: int = 2, **options: Any) -> dict[str, Any]:
    """--workers N: reading and the extractive engine in N worker processes."""
    return _run(folder, out, workers, **options)


WAYS: dict[str, Measure] = {"one_process": one_process, "workers": worker_pool}


def fresh(way: str, folder: Path, out: Path, options: dict[str, Any]) -> dict[str, Any]:
    """Run one way in a new Python process (cold: no imports, no cache); its JSON, with the load around it."""
    load = os.getloadavg()[0]
    command = [sys.executable, __file__, "--one", way, "--folder", str(folder), "--to", str(out)]
    command += ["--options", json.dumps(options)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800, check=False)
    if done.returncode:
        raise SystemExit(f"{way} failed:\n{done.stderr[-3000:]}")
    out.unlink(missing_ok=True)
    row: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    row["load_average_1m"] = [round(load, 2), round(os.getloadavg()[0], 2)]
    return row


def spread(values: list[float]) -> dict[str, float]:
    """Median and range."""
    return {"median": round(statistics.median(values), 3), "min": round(min(values), 3), "max": round(max(values), 3)}


def _cpu_seconds(row: dict[str, Any]) -> float:
    return float(row["cpu_seconds"]["parent"] + sum(row["cpu_seconds"]["workers"]))


def _cpu_wall(row: dict[str, Any]) -> float:
    """The least wall time a run's CPU seconds allow on the usable cores: the busiest process, or all spread evenly."""
    busiest = max([row["cpu_seconds"]["parent"], *row["cpu_seconds"]["workers"]])
    return max(busiest, _cpu_seconds(row) / len(os.sched_getaffinity(0)))


def compare(folder: Path, work: Path, runs: int, ways: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Each way `runs` times, alternating; speeds per way and speedups against one_process per run."""
    rows: dict[str, list[dict[str, Any]]] = {way: [] for way in ways}
    for run in range(runs):
        for way, options in ways.items():
            rows[way].append(fresh(way, folder, work / f"{way}-{run}.jsonl", options))
    result: dict[str, Any] = {}
    for way, done in rows.items():
        result[way] = {
            "articles_per_second": spread([r["articles_per_second"] for r in done]),
            "peak_rss_mb_parent": max(r["peak_rss_mb"]["parent"] for r in done),
            "peak_rss_mb_workers": max((m for r in done for m in r["peak_rss_mb"]["workers"]), default=None),
            "runs": done,
        }
        if way != "one_process":
            ratios = [
                r["articles_per_second"] / base["articles_per_second"]
                for r, base in zip(done, rows["one_process"], strict=True)
            ]
            result[way]["speedup_vs_one_process"] = spread(ratios)
            result[way]["speedup_if_cores_were_free"] = spread(
                [_cpu_seconds(base) / _cpu_wall(r) for r, base in zip(done, rows["one_process"], strict=True)]
            )
    return result


def _cpu_of(pid: int) -> float:
    """CPU seconds a process has used (Linux /proc), all its threads."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _least_ratio(parent: float, workers: list[dict[str, float]], server: float, ideal: float) -> float:
    """The ratio to ideal if the cores were free: the busiest process's CPU, or all of it spread on the usable cores.

    A floor, not a forecast: on a machine shared with other work the measured
    ratio is higher because these processes got only part of the cores.
    """
    cpus = [parent, server, *(u["cpu_seconds"] for u in workers)]
    return round(max(ideal, max(cpus), sum(cpus) / len(os.sched_getaffinity(0))) / ideal, 3)


def llm(shared: Path, count: int, runs: int, workers: int) -> dict[str, Any]:
    """Concurrency 64 against a server answering in 200 ms: one process and the pool, alternately."""
    from benchmarks.bench_concurrency import API_KEY, MODEL, folder_of, pick, served
    from summarizer.batch import run_batch
    from summarizer.ingest import load_document, truncate
    from summarizer.llm.prompts import build_messages

    latency, concurrency = 0.2, 64
    paths = pick(shared, count)
    prompts = [build_messages(truncate(load_document(p.read_text()), 200_000).text)[0][-1]["content"] for p in paths]
    options: dict[str, Any] = {"latency": latency, "max_requests": 10**9, "max_seconds": 10**6}
    ideal = count * latency / concurrency
    rows: dict[int, list[dict[str, Any]]] = {1: [], workers: []}
    with tempfile.TemporaryDirectory(prefix="summarizer-bench-scale-llm-") as tmp:
        work = Path(tmp)
        folder = folder_of(paths, work / "articles")
        with served(options, True, prompts, apart=True) as (url, _):
            settings = {"base_url": url, "api_key": API_KEY, "model": MODEL, "use_cache": False, "engine": "llm"}
            server = [p.pid for p in multiprocessing.active_children()]  # the test server, the only child now
            for n in rows:  # imports, connections and (--workers) the pool's fork server, before any timed run
                warm = folder_of(paths[:128], work / f"warm-{n}")
                run_batch(warm, out=work / f"warm-{n}.jsonl", concurrency=concurrency, workers=n, **settings)
            for run in range(runs):
                for n in rows:
                    load = os.getloadavg()[0]
                    served_cpu = sum(_cpu_of(pid) for pid in server)
                    cpu, started = time.process_time(), time.perf_counter()
                    out = work / f"{n}-{run}.jsonl"
                    report = run_batch(folder, out=out, concurrency=concurrency, workers=n, **settings)
                    seconds = time.perf_counter() - started
                    served_cpu = sum(_cpu_of(pid) for pid in server) - served_cpu
                    if report.ok != count:
                        raise SystemExit(f"llm run: {report.ok} ok of {count}: {report.failures[:3]}")
                    rows[n].append(
                        {
                            "seconds": round(seconds, 3),
                            "ratio_to_ideal": round(seconds / ideal, 3),
                            "parent_cpu_ms_per_article": round(1000 * (time.process_time() - cpu) / count, 2),
                            "worker_cpu_ms_per_article": round(
                                1000 * sum(u["cpu_seconds"] for u in report.worker_usage) / count, 2
                            ),
                            "server_cpu_ms_per_article": round(1000 * served_cpu / count, 2),
                            "least_ratio_the_cpu_allows": _least_ratio(
                                time.process_time() - cpu, report.worker_usage, served_cpu, ideal
                            ),
                            "llm_in_workers": report.llm_in_workers,
                            "load_average_1m": [round(load, 2), round(os.getloadavg()[0], 2)],
                        }
                    )
    return {
        "articles": count,
        "concurrency": concurrency,
        "latency_s": latency,
        "ideal_seconds": round(ideal, 3),
        "one_process": {
            "ratio_to_ideal": spread([r["ratio_to_ideal"] for r in rows[1]]),
            "least_ratio_the_cpu_allows": spread([r["least_ratio_the_cpu_allows"] for r in rows[1]]),
            "runs": rows[1],
        },
        f"workers_{workers}": {
            "ratio_to_ideal": spread([r["ratio_to_ideal"] for r in rows[workers]]),
            "least_ratio_the_cpu_allows": spread([r["least_ratio_the_cpu_allows"] for r in rows[workers]]),
            "runs": rows[workers],
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--big", action="store_true", help="also the repeated set (--big-count articles)")
    parser.add_argument("--big-count", type=int, default=20_000)
    parser.add_argument("--llm", action="store_true", help="also the LLM path at concurrency 64, 200 ms")
    parser.add_argument("--llm-count", type=int, default=1000)
    parser.add_argument("--ray", action="store_true", help="also a local 2-CPU Ray cluster against one process")
    parser.add_argument("--batch-api", action="store_true", help="also the Batch API path against its test server")
    parser.add_argument("--batch-api-count", type=int, default=2095)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one way in this process
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--to", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--options", default="{}", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        import summarizer.batch  # noqa: F401 - imported before the clock starts, for every way alike

        print(json.dumps(WAYS[args.one](args.folder, args.to, **json.loads(args.options))))
        return
    from benchmarks.bench_extractive import machine

    ways: dict[str, dict[str, Any]] = {"one_process": {}, "workers": {"workers": args.workers}}
    paths = corpus(args.shared)
    result: dict[str, Any] = {
        "machine": machine() | {"usable_cores": len(os.sched_getaffinity(0))},
        "engine": "extractive, use_cache False (cold), output JSONL to a temporary file",
        "runs": args.runs,
        "order": "ways alternate within each run; each run is a fresh Python process",
    }
    with tempfile.TemporaryDirectory(prefix="summarizer-bench-scale-") as tmp:
        work = Path(tmp)
        sets = {"bbc": make_folder(paths, work / "bbc")}
        if args.big:
            sets["bbc_big"] = make_folder(paths, work / "big", args.big_count)
        for name, folder in sets.items():
            result[name] = compare(folder, work, args.runs, ways)
    if args.ray:
        result["ray"] = importlib.import_module("benchmarks.scale_ray").compare(args.shared, len(paths), args.runs)
    if args.batch_api:
        measure = importlib.import_module("benchmarks.scale_batch_api").measure
        result["batch_api"] = measure(args.shared, args.batch_api_count, realtime=True)
    if args.llm:
        result["llm_concurrency_64"] = llm(args.shared, args.llm_count, args.runs, args.workers)
    speedup = result["bbc"]["workers"]["speedup_vs_one_process"]["median"]
    met = speedup >= TARGET_SPEEDUP
    result["targets"] = {"extractive_speedup_workers_vs_one": {"target": TARGET_SPEEDUP, "value": speedup, "met": met}}
    if args.llm:
        ratio = result["llm_concurrency_64"][f"workers_{args.workers}"]["ratio_to_ideal"]["median"]
        result["targets"]["llm_ratio_to_ideal_at_64"] = {
            "target": TARGET_LLM_RATIO,
            "value": ratio,
            "met": ratio <= TARGET_LLM_RATIO,
        }
    text = json.dumps(result, indent=2)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
