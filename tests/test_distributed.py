"""Batch on a real local Ray cluster: exactly once, records as one process writes them, killed workers, resume."""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import json
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.batch import run_batch
from summarizer.batch.cluster import PaceKeeper, SharedPace, Worker
from summarizer.cli import app
from summarizer.config import Settings, resolve_settings
from summarizer.distributed import ClusterError, ClusterReport, listed_paths, run_distributed
from summarizer.errors import ConfigError
from summarizer.llm.retrying import Pace
from tests.fault_server import FaultServer

if importlib.util.find_spec("ray") is None:
    pytest.skip("Ray is not installed: pip install -e '.[ray]'", allow_module_level=True)

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])  # the fault server, nothing else
runner = CliRunner()
PLACES = ["Valdoria", "Kestria", "Orlen", "Marrow Bay", "Tessel", "Dunhallow", "Lisk", "Varnholm"]
# fields that say when and how fast, not what: they differ between any two runs
TIMING = ("created_at", "latency_s")
_LOOPBACK = "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """One local Ray cluster for the module: 2 CPUs, every server on 127.0.0.1, no dashboard; yields ray."""
    saved = {k: os.environ.get(k) for k in (_LOOPBACK, "RAY_AUTH_MODE")}
    # read when Ray is imported: a one-machine cluster, every server on loopback
    assert "ray" not in sys.modules or sys.modules["ray"] is None or os.environ.get(_LOOPBACK) == "0"
    os.environ[_LOOPBACK] = "0"
    os.environ["RAY_AUTH_MODE"] = "disabled"  # nothing listens beyond 127.0.0.1; no token file in the home folder
    import ray

    ray.init(
        address="local",
        num_cpus=2,
        include_dashboard=False,
        _node_ip_address="127.0.0.1",
        object_store_memory=80 * 1024 * 1024,
        logging_level="ERROR",
        configure_logging=False,
        log_to_driver=False,
    )
    try:
        assert {node["NodeManagerAddress"] for node in ray.nodes()} == {"127.0.0.1"}
        yield ray
    finally:
        ray.shutdown()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """The extractive engine unless a test configures an LLM."""
    monkeypatch.delenv("OPENAI_API_KEY")


def _article(n: int) -> str:
    """A fictional article of about 2,500 characters; n varies the places and figures."""
    a, b, c = PLACES[n % 8], PLACES[(n + 3) % 8], PLACES[(n + 5) % 8]
    lines = [f"{a} and {b} trade accusations over {c} crossing ({n})", ""]
    for k in range(6):
        lines.append(
            f"The {a} interior ministry said on Monday that about {(n + 2) * (k + 3) * 100:,} police officers "
            f"had been sent to the {c} crossing after a convoy from {b} was stopped for {k + 2} hours. "
            f"Officials in {b} reportedly described the move as a provocation and said {k + n + 4} trucks "
            f"were still waiting. A spokesman for the {c} port authority said it was believed that trade worth "
            f"{n + k + 1} million dollars a week could be lost if the dispute went on."
        )
    return "\n".join(lines) + "\n"


def _folder(root: Path, count: int) -> Path:
    folder = root / "articles"
    (folder / "east").mkdir(parents=True)
    for n in range(count):
        (folder / ("east" if n % 3 == 0 else ".") / f"a{n:03d}.txt").write_text(_article(n), encoding="utf-8")
    return folder


def _rows(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n"), "a torn last line"
    return [json.loads(line) for line in text.splitlines()]


def _once(path: Path, count: int) -> list[dict[str, Any]]:
    """The output's rows, after checking it holds `count` distinct articles, each exactly once."""
    rows = _rows(path)
    seen = Counter(r["article_id"] for r in rows)
    assert len(seen) == count and set(seen.values()) == {1}, seen.most_common(3)
    return rows


def _kill(report: ClusterReport) -> None:
    for worker in report.nodes:
        with contextlib.suppress(ProcessLookupError):  # killed already
            os.kill(worker["pid"], signal.SIGKILL)


def test_records_are_those_of_one_process_each_written_once(cluster: Any, tmp_path: Path) -> None:
    folder = _folder(tmp_path, 24)
    (folder / "export.jsonl").write_text(
        json.dumps({"title": "Lisk harbour closes", "text": _article(40)}) + "\n", encoding="utf-8"
    )
    one = run_batch(folder, out=tmp_path / "one.jsonl", use_cache=False)
    report = run_distributed(folder, out=tmp_path / "ray.jsonl", use_cache=False, chunk_size=4)
    assert (report.found, report.ok, report.failed) == (one.found, one.ok, one.failed) == (25, 25, 0)
    assert len(report.nodes) == 2 and all(w["peak_rss_mib"] > 0 for w in report.nodes)
    assert len({w["pid"] for w in report.nodes} | {os.getpid()}) == 3  # the work ran in two other processes
    ours = {r["article_id"]: r for r in _once(tmp_path / "ray.jsonl", 25)}
    theirs = {r["article_id"]: r for r in _rows(tmp_path / "one.jsonl")}
    assert ours.keys() == theirs.keys()
    for key, row in theirs.items():
        assert {k: v for k, v in ours[key].items() if k not in TIMING} == {
            k: v for k, v in row.items() if k not in TIMING
        }
    again = run_distributed(folder, out=tmp_path / "ray.jsonl", use_cache=False)
    assert (again.already_done, again.ok) == (25, 0)


def test_llm_records_are_those_of_one_process_too(cluster: Any, tmp_path: Path) -> None:
    folder = _folder(tmp_path, 8)
    llm = {"engine": "llm", "provider": "vllm", "model": "fault-model", "use_cache": False, "rpm": 6000}
    with FaultServer(max_requests=40, max_seconds=60) as server:
        one = run_batch(folder, out=tmp_path / "one.jsonl", base_url=server.url, **llm)
        report = run_distributed(folder, out=tmp_path / "ray.jsonl", base_url=server.url, concurrency=2, **llm)
    assert (one.ok, report.ok, server.log.requests) == (8, 8, 16)
    theirs = {r["article_id"]: r for r in _rows(tmp_path / "one.jsonl")}
    for row in _once(tmp_path / "ray.jsonl", 8):
        assert row["engine"] == "llm" and row["usage"]["total_tokens"] > 0
        assert {k: v for k, v in row.items() if k not in TIMING} == {
            k: v for k, v in theirs[row["article_id"]].items() if k not in TIMING
        }


def test_a_worker_killed_mid_run_loses_nothing_and_repeats_nothing(cluster: Any, tmp_path: Path) -> None:
    folder = _folder(tmp_path, 60)
    out = tmp_path / "out.jsonl"
    killed: list[int] = []

    def kill_once(result: Any, report: Any) -> None:
        if not killed:  # one worker, at the first record, with most chunks of 5 still to do
            killed.append(report.nodes[0]["pid"])
            os.kill(killed[0], signal.SIGKILL)

    report = run_distributed(folder, out=out, cache_dir=tmp_path / "cache", chunk_size=5, on_result=kill_once)
    assert report.worker_deaths >= 1 and report.resent >= 1
    assert (report.ok, report.failed, report.lost) == (60, 0, 0)
    rows = _once(out, 60)
    assert all(r["status"] == "ok" for r in rows)
    # a cold cache: what the dead worker stored before it died and the next one found is this run's work
    assert report.cached == 0 and not any(r["cached"] for r in rows)
    assert report.nodes and killed[0] not in {w["pid"] for w in report.nodes}


def test_articles_whose_workers_keep_dying_get_error_records_and_retry_failed_redoes_them(
    cluster: Any, tmp_path: Path
) -> None:
    folder = _folder(tmp_path, 30)
    # the first chunk (to the first worker) holds a long article: that worker is still busy when the
    # other worker's first result arrives, so the kill always lands mid-chunk (a short one could finish first)
    (folder / "a001.txt").write_text("\n\n".join([_article(1)] * 30), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    killed: list[int] = []

    def kill_once(result: Any, report: Any) -> None:
        if not killed:
            killed.append(report.nodes[0]["pid"])
            os.kill(killed[0], signal.SIGKILL)

    report = run_distributed(folder, out=out, use_cache=False, chunk_size=5, max_attempts=1, on_result=kill_once)
    rows = _once(out, 30)
    lost = [r for r in rows if r["status"] == "error"]
    assert report.lost == len(lost) >= 1 and report.ok == 30 - len(lost)
    assert {r["error_type"] for r in lost} == {"ClusterError"} and "--retry-failed" in lost[0]["error"]
    again = run_batch(folder, out=out, use_cache=False, retry_failed=True)  # any path can finish the job
    assert (again.ok, again.already_done) == (len(lost), 30 - len(lost))
    assert all(r["status"] == "ok" for r in _once(out, 30))


def test_a_lost_cluster_stops_and_the_rerun_does_only_the_missing(cluster: Any, tmp_path: Path) -> None:
    folder = _folder(tmp_path, 30)
    out = tmp_path / "out.jsonl"
    report = ClusterReport()
    with pytest.raises(ClusterError, match="run the same command again"):
        run_distributed(
            folder, out=out, use_cache=False, chunk_size=5, restarts=0, report=report, on_result=lambda r, p: _kill(p)
        )
    written = {r["article_id"] for r in _rows(out)}
    assert 0 < len(written) < 30 and report.held == len(written)
    rerun = run_distributed(folder, out=out, use_cache=False, chunk_size=5)
    assert (rerun.already_done, rerun.ok, rerun.failed) == (len(written), 30 - len(written), 0)
    assert {r["article_id"] for r in _once(out, 30)} >= written


def test_an_interrupted_driver_resumes_where_it_stopped(cluster: Any, tmp_path: Path) -> None:
    folder = _folder(tmp_path, 20)
    out = tmp_path / "out.csv"  # any format: the journal beside it is what resumes

    def stop(result: Any, report: Any) -> None:
        if report.written == 7:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_distributed(folder, out=out, use_cache=False, chunk_size=3, on_result=stop)
    rerun = run_batch(folder, out=out, use_cache=False)  # one process takes over the same output
    assert (rerun.already_done, rerun.ok) == (7, 13)
    _once(tmp_path / ".out.csv.jsonl", 20)


def test_parquet_on_the_cluster_holds_the_rows_of_one_process(cluster: Any, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    folder = _folder(tmp_path, 12)
    one = run_batch(folder, out=tmp_path / "one.parquet", use_cache=False)
    report = run_distributed(folder, out=tmp_path / "ray.parquet", use_cache=False, chunk_size=3)
    assert (report.found, report.ok) == (one.found, one.ok) == (12, 12)
    ours = {r["article_id"]: r for r in pq.read_table(tmp_path / "ray.parquet").to_pylist()}
    theirs = {r["article_id"]: r for r in pq.read_table(tmp_path / "one.parquet").to_pylist()}
    assert len(ours) == 12 and ours.keys() == theirs.keys()
    for key, row in theirs.items():
        assert {k: v for k, v in ours[key].items() if k not in TIMING} == {
            k: v for k, v in row.items() if k not in TIMING
        }
    again = run_distributed(folder, out=tmp_path / "ray.parquet", use_cache=False)
    assert (again.already_done, again.ok) == (12, 0) and pq.read_table(tmp_path / "ray.parquet").num_rows == 12


def test_cli_on_ray_reads_a_listing_and_names_articles_as_a_folder_run_does(cluster: Any, tmp_path: Path) -> None:
    folder = _folder(tmp_path, 6)
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text(_article(50), encoding="utf-8")
    listing = folder / "paths.lst"
    listing.write_text(
        f"# picked by hand\na001.txt\n\neast/a000.txt\n{elsewhere}\nmissing.txt\na001.txt\n", encoding="utf-8"
    )
    assert [p.relative_to(b).as_posix() for b, p in listed_paths(listing)] == [
        "a001.txt",
        "east/a000.txt",
        str(elsewhere).lstrip("/"),
        "missing.txt",
    ]  # a001.txt listed twice is read once
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", f"@{listing}", "-o", str(out), "--ray", "auto", "--no-progress"])
    assert result.exit_code == 1, result.output  # one error record: the missing file
    rows = {r["source_path"]: r for r in _once(out, 4)}
    assert rows["missing.txt"]["error_type"] == "InputError"
    assert [rows[n]["status"] for n in ("a001.txt", "east/a000.txt", str(elsewhere).lstrip("/"))] == ["ok"] * 3
    folder_run = {r["source_path"]: r for r in _rows(_write_folder_run(folder, tmp_path))}
    for name in ("a001.txt", "east/a000.txt"):
        assert rows[name]["article_id"] == folder_run[name]["article_id"]


def _write_folder_run(folder: Path, tmp_path: Path) -> Path:
    out = tmp_path / "folder.jsonl"
    run_batch(folder, out=out, use_cache=False)
    return out


def test_the_cluster_shares_one_rate_budget(cluster: Any) -> None:
    ray = cluster
    keeper = ray.remote(PaceKeeper).remote(None, 6000)  # 6,000 tokens a minute: 100 a second

    async def spend() -> float:
        pace = SharedPace(keeper, None, 6000)
        started = time.monotonic()
        await pace.acquire(3000)  # two of these empty the one bucket
        await pace.acquire(100)  # then each waits about 1 s for the refill
        return time.monotonic() - started

    @ray.remote(num_cpus=0)
    def elsewhere() -> float:
        return asyncio.run(spend())

    started = time.monotonic()
    other = elsewhere.remote()  # another process ...
    here = asyncio.run(spend())  # ... and this one draw on the same budget
    there = ray.get(other)
    # with a bucket in each process neither would wait; with one bucket the two refills take ~2 s in all,
    # and whichever process comes second waits for them (which one depends on when Ray starts the task)
    assert 1.5 < time.monotonic() - started < 15 and max(here, there) > 1.0


def test_a_worker_paces_its_llm_requests_on_the_cluster_budget() -> None:
    settings = resolve_settings(engine="llm", base_url="http://127.0.0.1:9/v1", provider="vllm", tpm=1000)
    worker = Worker(settings, 4, keeper="a PaceKeeper handle")
    client = worker._summarizer._client
    assert client is not None and isinstance(client._pace, SharedPace)
    alone = Worker(settings, 4)._summarizer._client
    assert alone is not None and type(alone._pace) is Pace  # without a keeper: its own buckets, as one process


def test_a_worker_without_a_cache_folder_uses_its_nodes_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("SUMMARIZER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "node-cache"))
    worker = Worker(Settings(engine="extractive"), 1)  # as the driver sends it when no folder was given
    assert worker._summarizer.settings.cache_dir == tmp_path / "node-cache" / "summarizer"


def test_without_ray_installed_the_message_says_how(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = _folder(tmp_path, 1)
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(ConfigError, match=r"summarizer\[ray\]"):
        run_distributed(folder, out=tmp_path / "out.jsonl")


def test_options_are_checked_before_joining_a_cluster(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no API key"):
        run_distributed(tmp_path, address="127.0.0.1:1", out=tmp_path / "o.jsonl", engine="llm")
    with pytest.raises(ConfigError, match="ClusterReport"):
        run_distributed(tmp_path, out=tmp_path / "o.jsonl", report=object())  # type: ignore[arg-type]


def test_an_address_where_nothing_listens_fails_at_once_and_says_what_to_check(tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port that was free a moment ago
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder = _folder(tmp_path, 1)
    with pytest.raises(ClusterError, match=rf"nothing answers at 127.0.0.1:{port}.*ray start --head"):
        run_distributed(folder, address=f"127.0.0.1:{port}", out=tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists() or not (tmp_path / "out.jsonl").read_text()
