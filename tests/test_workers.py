"""Batches on a pool of worker processes: the same records, every article once, resume, a killed worker."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest

from summarizer.batch import BatchReport, Found, WorkerPool, auto_workers, list_inputs, read_inputs, run_batch
from summarizer.batch.runner import summarize_found
from summarizer.batch.worker_main import error_record
from summarizer.batch.workers import WorkerDied
from summarizer.config import resolve_settings
from summarizer.errors import ConfigError
from tests.conftest import ARTICLES, MARKER_KEY, SHARED, group_members, proc_stats
from tests.fault_server import FaultServer, mixed

# the fork server of asking pools listens on a Unix socket of its own (multiprocessing pymp-* folder)
pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1", r".*/pymp-[^/]+/listener-"])

BBC = SHARED / "corpus" / "bbc-news"
TIMING = ("created_at", "latency_s")  # the only fields that may differ between two runs of one article
FAST = {
    "api_key": MARKER_KEY,
    "model": "fault-model",
    "max_attempts": 3,
    "max_reasks": 1,
    "timeout": 5.0,
    "backoff_initial": 0.01,
    "backoff_max": 0.05,
    "use_cache": False,
}


def rows_of(path: Path) -> list[dict[str, Any]]:
    data = path.read_text(encoding="utf-8")
    assert data.endswith("\n")
    return [json.loads(line) for line in data.splitlines()]


def by_id(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Rows keyed by article id, without timing fields; fails if an id repeats."""
    kept = {row["article_id"]: {k: v for k, v in row.items() if k not in TIMING} for row in rows}
    assert len(kept) == len(rows), "an article was written twice"
    return kept


def _link(folder: Path, paths: list[Path]) -> None:
    for path in paths:
        (folder / f"{path.parent.name}-{path.name}").symlink_to(path)


@pytest.fixture(scope="module")
def mixed_inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """BBC articles from every category, an HTML page, a JSONL export, a broken .gz and an empty file."""
    folder = tmp_path_factory.mktemp("mixed")
    paths = sorted(BBC.glob("*/*.txt"))
    _link(folder, paths[:: len(paths) // 40][:40])
    for name in ("valdoria-border.txt", "orlen-ceasefire.txt", "kestria-grenze-de.txt"):
        (folder / name).write_text((ARTICLES / name).read_text(encoding="utf-8"), encoding="utf-8")
    page = (ARTICLES / "kestria-two-fronts.txt").read_text(encoding="utf-8").split("\n\n")
    body = "".join(f"<p>{p}</p>" for p in page)
    (folder / "page.html").write_text(
        f"<html><head><title>Kestria</title></head><body><nav>Home | World</nav><article>{body}</article></body></html>"
    )
    export = [{"text": (ARTICLES / "valdoria-border.txt").read_text() + f"\n\nEdition {n}."} for n in range(2)]
    (folder / "export.jsonl").write_text("".join(json.dumps(e) + "\n" for e in export))
    (folder / "broken.txt.gz").write_bytes(b"plain bytes, not gzip")
    (folder / "empty.txt").write_text("")
    return folder


def test_auto_workers_one_per_core_with_enough_articles() -> None:
    assert auto_workers(10, cores=2) == 1  # a pool would cost more to start than it saves
    assert auto_workers(2095, cores=2) == 2
    assert auto_workers(200, cores=8) == 3
    assert auto_workers(0, cores=4) == 1


def test_workers_must_be_a_positive_whole_number(tmp_path: Path) -> None:
    for bad in (0, -1, 1.5, True):
        with pytest.raises(ConfigError, match="workers"):
            run_batch(ARTICLES, out=tmp_path / "out.jsonl", workers=bad)  # type: ignore[arg-type]
    assert not (tmp_path / "out.jsonl").exists()


def test_extractive_records_identical_in_one_process_and_in_workers(mixed_inputs: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    first = run_batch(mixed_inputs, out=one, workers=1, use_cache=False, engine="extractive")
    second = run_batch(mixed_inputs, out=two, workers=2, use_cache=False, engine="extractive")
    assert (first.workers, second.workers) == (1, 2)
    a, b = by_id(rows_of(one)), by_id(rows_of(two))
    assert a == b
    assert len(b) == second.found == 48  # 46 files, one of them an export of two articles
    assert second.failed == first.failed == 2  # the broken .gz and the empty file, each once
    assert {r["error_type"] for r in b.values() if r["status"] == "error"} == {"InputError"}


def test_the_parent_writes_a_workers_record_as_it_came(
    mixed_inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Records cross the pipe as their JSON line: the parent counts and writes them without reading them back."""
    from summarizer.batch.outcome import Encoded
    from summarizer.models import SummaryRecord

    decoded: list[str] = []
    decode = Encoded.decode

    def counted(self: Encoded) -> Any:
        decoded.append(self.outcome.article_id)
        return decode(self)

    monkeypatch.setattr(Encoded, "decode", counted)  # in this process only: workers fork from their own server
    out = tmp_path / "two.jsonl"
    report = run_batch(mixed_inputs, out=out, workers=2, use_cache=False, engine="extractive")
    assert decoded == []
    assert (report.ok, report.failed, len(rows_of(out))) == (46, 2, 48)
    assert {reason.split(":")[0] for _, reason in report.failures} == {"InputError"}

    seen: list[Any] = []
    run_batch(
        mixed_inputs,
        out=tmp_path / "again.jsonl",
        workers=2,
        use_cache=False,
        engine="extractive",
        on_result=lambda result, _: seen.append(result),
    )
    assert len(seen) == 48  # a callback gets models, each read from its line for it
    assert 0 < len(decoded) <= 47  # not the broken .gz, which fails here, nor what this process summarized
    assert sum(isinstance(r, SummaryRecord) for r in seen) == 46


_FIRST_POOL = """
import json, sys
from pathlib import Path
from summarizer import Summarizer
from summarizer.batch import run_batch

here = []
extractive = Summarizer._extractive

def counted(self, job, article_id):
    here.append(article_id)
    return extractive(self, job, article_id)

Summarizer._extractive = counted  # this process only: workers fork from their server
if __name__ == "__main__":
    report = run_batch(Path(sys.argv[1]), out=Path(sys.argv[2]), workers=2, use_cache=False, engine="extractive")
    print(json.dumps({"here": here, "found": report.found}))
"""


def test_the_first_pool_of_a_process_lets_it_summarize_while_its_workers_start(
    mixed_inputs: Path, tmp_path: Path
) -> None:
    """The fork server takes a few hundred ms to import and warm the engine: the first articles are done here."""
    import subprocess
    import sys

    script, out = tmp_path / "first_pool.py", tmp_path / "two.jsonl"
    script.write_text(_FIRST_POOL, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(mixed_inputs), str(out)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout.splitlines()[-1])
    rows = by_id(rows_of(out))  # each article once
    assert 1 <= len(shown["here"]) < len(rows) == shown["found"] == 48
    assert set(shown["here"]) <= set(rows)


def test_llm_records_identical_in_one_process_and_in_workers(tmp_path: Path) -> None:
    """Answers, re-asks, dropped quotes, checks and errors are the same when workers prepare and verify."""
    folder = tmp_path / "in"
    folder.mkdir()
    _link(folder, sorted(BBC.glob("*/*.txt"))[::70][:30])
    plan = mixed({"fine": (), "again": ("bad_schema",), "liar": ("ungrounded",) * 2, "down": ("500",) * 3})
    outs = []
    for workers in (1, 2):
        out = tmp_path / f"out-{workers}.jsonl"
        with FaultServer(plan, max_requests=400, max_seconds=60) as server:
            report = run_batch(folder, out=out, workers=workers, concurrency=8, base_url=server.url, **FAST)
        assert report.found == 30 and report.written == 30
        outs.append(by_id(rows_of(out)))
    assert outs[0] == outs[1]
    statuses = [r["status"] for r in outs[1].values()]
    assert "error" in statuses and "ok" in statuses  # the plan made both kinds
    assert all(r["checks"] is not None for r in outs[1].values() if r["status"] == "ok")


class Stop(KeyboardInterrupt):
    """Ctrl-C, pressed from inside the run."""


def test_interrupted_run_stops_its_workers_and_resumes_exactly_once(mixed_inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    report = BatchReport()

    def stop_after_ten(result: Any, report: BatchReport) -> None:
        if report.written == 10:
            raise Stop

    with pytest.raises(Stop):
        run_batch(mixed_inputs, out=out, workers=2, engine="extractive", on_result=stop_after_ten, report=report)
    assert len(rows_of(out)) == report.written == 10
    assert not _children_alive(), "worker processes outlived the interrupted run"
    again = run_batch(mixed_inputs, out=out, workers=2, engine="extractive")
    assert again.already_done == 10 and again.written == 48 - 10
    assert len(by_id(rows_of(out))) == 48


def _children_alive() -> list[int]:
    """Process ids of this process's live children (from /proc)."""
    me, alive = os.getpid(), []
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        alive = []
        for entry, stat in proc_stats():
            try:
                command = (entry / "cmdline").read_bytes() if int(stat[1]) == me else b""
            except OSError:
                continue
            helper = b"resource_tracker" in command or b"forkserver" in command  # multiprocessing's, shared
            if command and not helper:
                alive.append(int(entry.name))
        if not alive:
            break
        time.sleep(0.05)
    return alive


def double_or_die(summarizer: Any, payload: Any) -> Any:
    """A worker op for the test below: doubles a number, or kills its own process on "die"."""
    if payload == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    return payload * 2


def test_a_killed_worker_fails_only_its_article_and_is_replaced() -> None:
    settings = resolve_settings(engine="extractive", use_cache=False)

    async def main(pool: WorkerPool) -> list[Any]:
        async def one(payload: Any) -> Any:
            try:
                return await pool.call(double_or_die, payload)
            except WorkerDied as exc:
                return exc

        first = await asyncio.gather(*(one(p) for p in [1, 2, 3, "die", 4, 5, 6, 7, 8, 9]))
        after = await asyncio.gather(*(one(p) for p in range(10, 16)))
        return first + after

    with WorkerPool(settings, 2, max_batch=8) as pool:
        results = asyncio.run(asyncio.wait_for(main(pool), 60))
        assert pool.deaths == 1 and len(pool.pids) == 2
    died = [r for r in results if isinstance(r, WorkerDied)]
    assert len(died) == 1 and "died (killed by signal 9)" in str(died[0])
    assert [r for r in results if not isinstance(r, WorkerDied)] == [2 * n for n in (1, 2, 3, *range(4, 16))]


def test_killing_a_worker_mid_batch_keeps_every_article_once(tmp_path: Path) -> None:
    base, paths = list_inputs(BBC)
    items = list(read_inputs(base, paths[::10][:120]))
    settings = resolve_settings(engine="extractive", use_cache=False)
    from summarizer import Summarizer

    async def main(pool: WorkerPool) -> list[Any]:
        results = []
        async with Summarizer(settings=settings) as summarizer:
            async for result in summarize_found(summarizer, items, pool=pool):
                results.append(result)
                if len(results) == 5:
                    busy = max(pool.busy().items(), key=lambda kv: kv[1])[0]
                    os.kill(busy, signal.SIGKILL)
        return results

    with WorkerPool(settings, 2) as pool:
        results = asyncio.run(asyncio.wait_for(main(pool), 120))
        assert pool.deaths == 1
    ids = [r.article_id for r in results]
    assert sorted(ids) == sorted(item.article_id for item in items), "an article was lost or written twice"
    failed = [r for r in results if r.status == "error"]
    assert len(failed) <= 1  # the article the worker was on, if it was on one
    assert all(r.error_type == "WorkerDied" for r in failed)


def test_retry_failed_redoes_an_article_whose_worker_died(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _link(folder, sorted(BBC.glob("*/*.txt"))[:3])
    out = tmp_path / "out.jsonl"
    found = next(iter(read_inputs(*list_inputs(folder))))
    assert isinstance(found, Found)
    died = WorkerDied("the worker process on this article died (killed by signal 9)")
    out.write_text(error_record(found.article_id, found.source, died).model_dump_json() + "\n")
    again = run_batch(folder, out=out, workers=2, engine="extractive", retry_failed=True)
    assert again.ok == 3 and again.already_done == 0
    assert {r["status"] for r in by_id(rows_of(out)).values()} == {"ok"}


def test_cli_workers_zero_is_a_usage_error(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from summarizer.cli import app

    result = CliRunner().invoke(app, ["batch", str(ARTICLES), "-o", str(tmp_path / "o.jsonl"), "--workers", "0"])
    assert result.exit_code == 2 and "workers must be a whole number of at least 1" in result.stderr
    assert not (tmp_path / "o.jsonl").exists()


def test_ctrl_c_on_the_terminal_stops_the_run_and_every_worker(tmp_path: Path) -> None:
    """A terminal's Ctrl-C reaches the whole process group: workers leave quietly, the parent says how to resume."""
    import subprocess
    import sys

    folder = tmp_path / "in"
    folder.mkdir()
    _link(folder, sorted(BBC.glob("*/*.txt"))[:400])
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "summarizer", "batch", str(folder), "-o", str(out), "--workers", "2"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENAI_")}
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not (out.exists() and out.read_bytes().count(b"\n") >= 20):
            time.sleep(0.02)
        assert len(group_members(process.pid)) >= 3, "the parent and two workers (and multiprocessing's tracker)"
        os.killpg(process.pid, signal.SIGINT)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130, err.decode()[-2000:]
    assert "Traceback" not in err.decode(), "a worker printed a traceback on Ctrl-C"
    assert err.decode().strip().splitlines()[-1].endswith("run the same command again to resume")
    deadline = time.monotonic() + 5
    while group_members(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not group_members(process.pid), "a worker outlived the run"
    held = rows_of(out)
    assert 20 <= len(held) < 400 and len(by_id(held)) == len(held)


def test_workers_that_cannot_start_stop_the_run_instead_of_failing_every_article() -> None:
    from dataclasses import replace

    from summarizer import Summarizer
    from summarizer.batch.workers import PoolError

    settings = resolve_settings(engine="extractive", use_cache=False)
    items = list(read_inputs(*list_inputs(ARTICLES)))

    async def main(pool: WorkerPool) -> list[Any]:
        async with Summarizer(settings=settings) as summarizer:
            return [r async for r in summarize_found(summarizer, items, pool=pool)]

    with WorkerPool(replace(settings, cache_dir=None), 1) as pool, pytest.raises(PoolError, match="cannot start"):
        asyncio.run(asyncio.wait_for(main(pool), 60))


def blas_threads(summarizer: Any, payload: Any) -> int:
    """Op: the most threads any BLAS library in this worker may use."""
    from threadpoolctl import threadpool_info

    return max((pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"), default=1)


def test_workers_run_blas_on_one_thread() -> None:
    # each worker is meant to fill one core: a second BLAS thread per worker only spins
    settings = resolve_settings(engine="extractive", use_cache=False)
    with WorkerPool(settings, 2) as pool:
        threads = asyncio.run(asyncio.wait_for(pool.call(blas_threads, None), 60))
    assert threads == 1


def test_a_ctrl_c_while_workers_are_still_importing_does_not_kill_them(capfd: pytest.CaptureFixture[str]) -> None:
    settings = resolve_settings(engine="extractive", use_cache=False)
    with WorkerPool(settings, 2) as pool:
        for pid in pool.pids:  # they are importing the engine now (a few hundred ms)
            os.kill(pid, signal.SIGINT)

        async def main() -> list[Any]:
            return list(await asyncio.gather(*(pool.call(double_or_die, n) for n in range(8))))

        doubled = asyncio.run(asyncio.wait_for(main(), 60))
        assert doubled == [2 * n for n in range(8)] and pool.deaths == 0
    assert "KeyboardInterrupt" not in capfd.readouterr().err


def test_a_pool_started_before_listing_is_closed_when_the_listing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarizer.batch.runner as runner

    closed: list[WorkerPool] = []
    real_close = WorkerPool.close

    def close(pool: WorkerPool) -> None:
        closed.append(pool)
        real_close(pool)

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise ConfigError("the folder cannot be listed")

    monkeypatch.setattr(WorkerPool, "close", close)
    monkeypatch.setattr(runner, "list_inputs", refuse)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text((ARTICLES / "valdoria-border.txt").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot be listed"):
        run_batch(folder, out=tmp_path / "out.jsonl", workers=2, use_cache=False, engine="extractive")
    assert len(closed) == 1  # the pool started before the listing was stopped with the run


def test_the_runs_own_output_is_not_read_back_through_a_link(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text((ARTICLES / "valdoria-border.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = folder / "records.jsonl"
    out.write_text("", encoding="utf-8")
    os.link(out, folder / "hard-link.txt")
    (folder / "soft-link.txt").symlink_to(out)
    _, paths = list_inputs(folder, ignore=[out])
    assert [p.name for p in paths] == ["a.txt"]


def test_a_pool_whose_second_worker_cannot_start_stops_the_first(monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[Any] = []
    real_start = WorkerPool._start

    def start(pool: WorkerPool) -> Any:
        if started:
            raise OSError("no more processes")
        started.append(real_start(pool))
        return started[-1]

    monkeypatch.setattr(WorkerPool, "_start", start)
    with pytest.raises(OSError, match="no more processes"):
        WorkerPool(resolve_settings(engine="extractive", use_cache=False), 2, wait=True)
    started[0].process.join(timeout=10)
    assert not started[0].process.is_alive()
