"""SIGTERM stops a Batch API run and a Ray run as cleanly as Ctrl-C does (exit 143), and the same command resumes."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.batch_api_server import BatchApiServer
from tests.conftest import ARTICLES, MARKER_KEY, group_members
from tests.test_sigterm import RESUME, _env, _folder, _gone, _rows, _stop_mid_run

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])  # the Batch API test server, nothing else
COLLECT = (
    "interrupted: wrote 0 records; the batches go on at the provider and their ids are kept beside the output: "
    "run the same command again to collect them"
)


def _leftovers(folder: Path) -> list[str]:
    """Lock files and unsent batch files a run left beside its output."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".lock") or ".input-" in p.name)


def _api_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    return env | {
        "OPENAI_API_KEY": MARKER_KEY,
        "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache"),
        "SUMMARIZER_MODEL": "gpt-4o-mini",
        "SUMMARIZER_BATCH_POLL_INITIAL": "0.02",
        "SUMMARIZER_BATCH_POLL_MAX": "0.05",
    }


def test_sigterm_stops_a_batch_api_run_keeping_its_batch_and_the_same_command_collects_it(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(ARTICLES, folder)
    out = tmp_path / "b.jsonl"
    state = tmp_path / ".b.jsonl.batch-api.json"
    hold = threading.Event()  # the provider keeps the batch in progress until this is set
    env = _api_env(tmp_path)
    with BatchApiServer(hold=hold) as server:
        command = [sys.executable, "-m", "summarizer", "batch", str(folder), "-o", str(out), "--via", "batch-api"]
        command += ["--base-url", server.url, "--no-progress"]
        code, err, group = _stop_mid_run(command, lambda: server.batch_log.retrieves >= 2, group=False, env=env)
        assert code == 143, err[-2000:]
        assert "Traceback" not in err and err.strip().splitlines()[-1] == COLLECT
        kept = json.loads(state.read_text(encoding="utf-8"))["batches"]
        assert [b["id"] for b in kept] == server.batch_log.created and len(kept) == 1, "the batch's id was lost"
        assert not kept[0]["collected"] and len(kept[0]["articles"]) == 4
        assert _leftovers(tmp_path) == [], "a lock or a batch file outlived the run"
        assert not out.exists() or _rows(out) == []
        assert _gone(group)
        hold.set()
        again = subprocess.run(command, env=env, capture_output=True, timeout=60, check=False)
        log = server.batch_log
    assert again.returncode == 0, again.stderr.decode()[-2000:]
    assert (log.uploads, len(log.created)) == (1, 1), "the same command submitted the articles again"
    rows = _rows(out)
    assert len(rows) == 4 and {r["status"] for r in rows} == {"ok"}
    assert {r["batch"]["batch_ids"][0] for r in rows} == {log.created[0]}
    assert json.loads(state.read_text(encoding="utf-8"))["batches"][0]["collected"]


@pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="Ray is not installed: pip install -e '.[ray]'")
def test_sigterm_stops_a_ray_run_and_the_same_command_resumes(tmp_path: Path) -> None:
    """A local Ray cluster of this machine (127.0.0.1 only): the driver stops it, closes the output, exits 143."""
    folder = _folder(tmp_path, 200)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "summarizer", "batch", str(folder), "-o", str(out), "--ray", "local"]
    command += ["--no-progress", "--no-cache"]  # the rerun resumes from the output alone
    env = _env() | {"RAY_AUTH_MODE": "disabled", "RAY_USAGE_STATS_ENABLED": "0"}
    code, err, group = _stop_mid_run(command, out, group=False, env=env)
    assert code == 143, err[-2000:]
    assert "Traceback" not in err
    rows = _rows(out)
    assert 30 <= len(rows) < 200, "the SIGTERM should land mid-run"
    assert err.strip().splitlines()[-1] == (
        f"interrupted: wrote {len(rows)} records this run; {out} holds {len(rows)}; {RESUME}"
    )
    assert _leftovers(tmp_path) == [], "the lock file outlived the run"
    assert _gone(group, 15), "a Ray process outlived the run"
    again = subprocess.run(command, env=env, capture_output=True, timeout=60, check=False)
    assert again.returncode == 0, again.stderr.decode()[-2000:]
    done = _rows(out)
    assert done[: len(rows)] == rows and len({r["article_id"] for r in done}) == len(done) == 200
    assert all(r["status"] == "ok" for r in done)


# The CLI with ray.init marked: MARK.start as it is called, MARK.done once it returned (or raised).
MARKED_INIT = """
import sys
from pathlib import Path

import ray

mark = Path(sys.argv.pop(1))
start = ray.init


def init(*args, **kwargs):
    mark.with_suffix(".start").touch()
    try:
        return start(*args, **kwargs)
    finally:
        mark.with_suffix(".done").touch()


ray.init = init
from summarizer.__main__ import main

sys.argv[0] = "summarizer"
main()
"""
RAY_AGENTS = ("DashboardAgent", "RuntimeEnvAgent")  # started by the raylet near the end of ray.init


def _agents(group: int) -> list[int]:
    """Ray's agent processes in a process group."""
    found = []
    for pid in group_members(group):
        with contextlib.suppress(OSError):
            if any(name.encode() in Path(f"/proc/{pid}/cmdline").read_bytes() for name in RAY_AGENTS):
                found.append(pid)
    return found


def _stop_while_ray_starts(tmp_path: Path, signum: int) -> tuple[int, str, int] | None:
    """Start a --ray local batch and send signum once Ray's agents run but ray.init has not returned.

    (exit code, stderr, process group), or None when ray.init returned before the agents were seen.
    """
    mark = tmp_path / "init"
    for done in (mark.with_suffix(".start"), mark.with_suffix(".done")):
        done.unlink(missing_ok=True)
    out = tmp_path / "out.jsonl"
    folder = tmp_path / "in" if (tmp_path / "in").exists() else _folder(tmp_path, 20)
    command = [sys.executable, "-c", MARKED_INIT, str(mark), "batch", str(folder)]
    command += ["-o", str(out), "--ray", "local", "--no-progress", "--no-cache"]
    env = _env() | {"RAY_AUTH_MODE": "disabled", "RAY_USAGE_STATS_ENABLED": "0"}
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None and not mark.with_suffix(".done").exists():
            if _agents(process.pid):
                break
            time.sleep(0.01)
        missed = mark.with_suffix(".done").exists()
        process.send_signal(signum)
        _, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    if missed:
        gone = _gone(process.pid, 15)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        assert gone, "a run stopped after Ray had started left Ray processes"
        return None
    return process.returncode, err.decode(), process.pid


@pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="Ray is not installed: pip install -e '.[ray]'")
@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["SIGTERM", "Ctrl-C"])
def test_a_stop_while_ray_starts_waits_for_the_start_then_shuts_ray_down_whole(
    tmp_path: Path, signum: int, code: int
) -> None:
    """Cut short, ray.init left Ray's two agent processes running after the driver was gone."""
    for _ in range(3):  # the agents run for about a second before ray.init returns: seen in time nearly always
        stopped = _stop_while_ray_starts(tmp_path, signum)
        if stopped is not None:
            break
    else:
        pytest.fail("ray.init returned before its agents were seen, 3 times: the stop never landed during the start")
    exit_code, err, group = stopped
    try:
        assert exit_code == code, err[-2000:]
        assert "Traceback" not in err
        assert err.strip().splitlines()[-1].startswith("interrupted: wrote 0 records")
        assert _gone(group, 15), f"Ray processes outlived the run: {_agents(group) or group_members(group)}"
        assert not list(tmp_path.glob("*.lock")), "the lock file outlived the run"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGKILL)  # what a failed run left
