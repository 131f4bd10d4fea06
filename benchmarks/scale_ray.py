"""The BBC articles, extractive, through a local Ray cluster of 2 CPUs; prints JSON.

    python benchmarks/scale_ray.py [--shared ../shared] [--count 2095] [--rounds 3] [--out FILE]

``measure(shared, count)`` runs once, in a fresh process: start a local cluster
(every server on 127.0.0.1, no dashboard), ``run_distributed`` the first `count`
articles (past the 2,095 BBC files, variants with a filing line: distinct ids)
into a new JSONL with a cold cache, and report articles/s with and without the
start-up, the start-up itself (``ray.init``, then the worker actors), and the peak
RSS of every process: the driver, each worker actor, and Ray's own (raylet,
gcs_server, ...). The ``__main__`` also runs ``run_batch`` in one process on the
same folder, alternating with Ray for ``--rounds`` rounds, and gives the medians
and the ratio. ``benchmarks/bench_scale.py`` calls ``measure`` beside the process pool.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402

CPUS = 2


def _folder(shared: Path, count: int, into: Path) -> Path:
    from benchmarks.bench_batch import _folder as make

    return make(shared, count, into)


def _descendants(root: int) -> list[int]:
    """Process ids below root (Ray's servers and workers started by this driver)."""
    parents: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            parents.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process, from /proc."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _self_cpu() -> float:
    times = os.times()
    return round(times.user + times.system, 3)


def _name(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            words = handle.read().split(b"\0")
    except OSError:
        return "?"
    first = words[0].decode(errors="replace")
    if first.startswith("ray::"):
        return first.split()[0]
    script = next((w.decode(errors="replace") for w in words[1:] if w.endswith(b".py")), "")
    return Path(script or first).name


def _ray_run(folder: str, out: str, cache: str) -> dict[str, Any]:
    """One Ray run, in this (fresh) process."""
    os.environ["RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"] = "0"  # a one-machine cluster: every server on 127.0.0.1
    os.environ.setdefault("RAY_AUTH_MODE", "disabled")
    started = time.perf_counter()
    import ray

    from summarizer.batch.cluster import peak_rss_mib
    from summarizer.distributed import run_distributed

    ray.init(
        address="local",
        num_cpus=CPUS,
        include_dashboard=False,
        _node_ip_address="127.0.0.1",
        object_store_memory=200 * 1024 * 1024,
        logging_level="ERROR",
        log_to_driver=False,
    )
    init_seconds = time.perf_counter() - started
    report = run_distributed(Path(folder), out=Path(out), engine="extractive", cache_dir=Path(cache))
    servers, server_cpu = {}, 0.0
    for pid in _descendants(os.getpid()):
        name, peak = _name(pid), peak_rss_mib(pid)
        if not name.startswith("ray::") and peak > 0:
            servers[f"{name} ({pid})"] = peak
            server_cpu += _cpu_seconds(pid)
    driver_cpu = _self_cpu()
    ray.shutdown()
    worker_cpu = sum(w.get("cpu_seconds", 0.0) for w in report.nodes)
    work = report.seconds - report.startup_seconds
    return {
        "articles": report.found,
        "ok": report.ok,
        "failed": report.failed,
        "workers": len(report.nodes),
        "ray_init_seconds": round(init_seconds, 3),
        "worker_start_seconds": report.startup_seconds,
        "run_seconds": report.seconds,
        "articles_per_second": round(report.found / work, 1),
        "articles_per_second_with_startup": round(report.found / (report.seconds + init_seconds), 1),
        "cpu_seconds": {
            "driver": driver_cpu,
            "workers": round(worker_cpu, 3),
            "ray_processes": round(server_cpu, 3),
            "total": round(driver_cpu + worker_cpu + server_cpu, 3),
        },
        "peak_rss_mib": {
            "driver": report.driver_peak_rss_mib,
            "workers": [w.get("peak_rss_mib") for w in report.nodes],
            "ray_processes": servers,
        },
    }


def _one_process(folder: str, out: str, cache: str) -> dict[str, Any]:
    """The same folder with run_batch in this one process."""
    from summarizer.batch import run_batch
    from summarizer.batch.cluster import peak_rss_mib

    started = time.perf_counter()
    report = run_batch(Path(folder), out=Path(out), engine="extractive", cache_dir=Path(cache))
    seconds = time.perf_counter() - started
    return {
        "articles": report.found,
        "ok": report.ok,
        "run_seconds": round(seconds, 3),
        "articles_per_second": round(report.found / seconds, 1),
        "cpu_seconds": {"total": _self_cpu()},
        "peak_rss_mib": peak_rss_mib(),
    }


def _fresh(kind: str, folder: Path, work: Path) -> dict[str, Any]:
    """Run one measurement in a new Python process (clean memory figures, Ray's switches set before import)."""
    tag = f"{kind}-{time.monotonic_ns()}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(folder), str(work / f"{tag}.jsonl"), str(work / tag)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=1800,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def measure(shared: Path, count: int) -> dict[str, Any]:
    """One cold extractive run of `count` BBC articles through a local 2-CPU Ray cluster."""
    work = Path(tempfile.mkdtemp(prefix="summarizer-ray-"))
    try:
        return _fresh("ray", _folder(shared, count, work / "articles"), work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def compare(shared: Path, count: int, rounds: int) -> dict[str, Any]:
    """Ray and one process on the same folder, alternating, `rounds` each: medians, spread and ratio."""
    work = Path(tempfile.mkdtemp(prefix="summarizer-ray-"))
    try:
        folder = _folder(shared, count, work / "articles")
        runs: dict[str, list[dict[str, Any]]] = {"one_process": [], "ray": []}
        for _ in range(rounds):
            runs["one_process"].append(_fresh("one", folder, work))
            runs["ray"].append(_fresh("ray", folder, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def spread(kind: str, key: str) -> dict[str, float]:
        values = [run[key] for run in runs[kind]]
        return {"median": round(statistics.median(values), 2), "min": min(values), "max": max(values)}

    def cpu(kind: str) -> float:
        return round(statistics.median(r["cpu_seconds"]["total"] for r in runs[kind]), 2)

    ray_rate = [r["articles_per_second"] for r in runs["ray"]]
    one_rate = [r["articles_per_second"] for r in runs["one_process"]]
    return {
        "articles": count,
        "cpus": CPUS,
        "rounds": rounds,
        "one_process_articles_per_second": spread("one_process", "articles_per_second"),
        "ray_articles_per_second": spread("ray", "articles_per_second"),
        "ray_articles_per_second_with_startup": spread("ray", "articles_per_second_with_startup"),
        "ray_init_seconds": spread("ray", "ray_init_seconds"),
        "ray_worker_start_seconds": spread("ray", "worker_start_seconds"),
        "cpu_seconds_one_process": cpu("one_process"),
        "cpu_seconds_ray_all_processes": cpu("ray"),
        "ray_over_one_process": round(statistics.median(ray_rate) / statistics.median(one_rate), 2),
        "ray_over_one_process_per_round": [round(r / o, 2) for r, o in zip(ray_rate, one_rate, strict=True)],
        "runs": runs,
    }


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        kind, folder, out, cache = sys.argv[2:6]
        print(json.dumps((_ray_run if kind == "ray" else _one_process)(folder, out, cache)))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--count", type=int, default=2095)
    parser.add_argument("--rounds", type=int, default=3, help="one-process and Ray runs, alternating")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    from benchmarks.bench_extractive import machine

    report = {"machine": machine(), **compare(args.shared, args.count, args.rounds)}
    text = json.dumps(report, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
