"""200-article batches against a fault-injecting server: everything accounted for, within bounds."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from summarizer.batch import run_batch
from summarizer.ingest import load_document
from tests.conftest import MARKER_KEY, SHARED
from tests.fault_server import FaultServer, mixed

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])  # the fault server, nothing else

BBC = SHARED / "corpus" / "bbc-news"
ATTEMPTS = 4
REASKS = 2
FAST = {
    "api_key": MARKER_KEY,
    "model": "fault-model",
    "max_attempts": ATTEMPTS,
    "max_reasks": REASKS,
    "timeout": 2.0,  # generous: an ok answer delayed by load must not look like a fault
    "backoff_initial": 0.01,
    "backoff_max": 0.05,
    "use_cache": False,
}

MIXES: dict[str, dict[str, tuple[str, ...]]] = {
    "transport": {
        "rate": ("429", "429"),
        "flaky": ("500", "503", "500"),
        "timeout": ("timeout",),
        "reset": ("reset", "503"),
        "fine": (),
    },
    "output": {
        "json": ("invalid_json",),
        "schema": ("bad_schema", "invalid_json"),
        "ground": ("ungrounded",),
        "both": ("429", "bad_schema"),
        "fine": (),
    },
    "fatal": {
        "down": ("500",) * ATTEMPTS,
        "cut": ("truncated",),
        "liar": ("ungrounded",) * (REASKS + 1),
        "fine": (),
    },
}


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 distinct BBC articles in one folder."""
    folder = tmp_path_factory.mktemp("articles")
    seen: set[str] = set()
    for path in sorted(BBC.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        digest = hashlib.sha256(text.encode()).hexdigest()
        if digest in seen:
            continue
        seen.add(digest)
        (folder / f"{path.parent.name}-{path.name}").write_text(text, encoding="utf-8")
        if len(seen) == 200:
            break
    return folder


def lines(path: Path) -> list[dict[str, Any]]:
    data = path.read_text(encoding="utf-8")
    assert data.endswith("\n")
    return [json.loads(line) for line in data.splitlines()]


def key_of(folder: Path, row: dict[str, Any]) -> str:
    if row["status"] == "ok":
        return str(row["content_sha256"])
    return load_document(folder / row["source_path"]).sha256


@pytest.mark.parametrize("mix", sorted(MIXES))
def test_batch_under_faults_accounts_for_every_article(articles: Path, tmp_path: Path, mix: str) -> None:
    out = tmp_path / "out.jsonl"
    with FaultServer(mixed(MIXES[mix]), stall=3.0, retry_after="retry-after-ms: 30") as server:
        report = run_batch(articles, out=out, concurrency=16, base_url=server.url, **FAST)
    rows = lines(out)
    assert len(rows) == len({r["article_id"] for r in rows}) == 200 == report.found
    assert all(r["status"] in ("ok", "error") for r in rows)
    assert all(r["error"] for r in rows if r["status"] == "error")
    log = server.log
    assert log.after_ok == [], "an article was asked again after a good answer"
    for row in rows:
        key = key_of(articles, row)
        seen = log.by_article[key]
        model_calls = 1 + sum(1 for f in seen if f in ("invalid_json", "bad_schema", "ungrounded", "ok"))
        assert len(seen) <= ATTEMPTS * (REASKS + 1) and model_calls <= REASKS + 2
        # usage is every token the server billed this article, over all its attempts
        billed = log.tokens.get(key, [0, 0])
        assert (row["usage"]["prompt_tokens"], row["usage"]["completion_tokens"]) == tuple(billed), row["source_path"]
        times = log.times[key]
        for fault, now, later in zip(seen, times, times[1:], strict=False):
            if fault == "429":
                assert later - now >= 0.03, "Retry-After not honoured"
    if mix == "transport":
        assert report.failed == 0 and report.ok == 200
        assert any(r["attempts"]["transport_retries"] >= 2 for r in rows)
    if mix == "output":
        assert report.failed == 0
        assert any(r["attempts"]["reasks"] >= 1 for r in rows)
    if mix == "fatal":
        errors = {r["error_type"] for r in rows if r["status"] == "error"}
        assert errors == {"ProviderError", "OutputError"}
        dropped = [r for r in rows if r["status"] == "ok" and r["grounding"]["dropped"]]
        assert dropped, "ungrounded answers after every re-ask keep the rest and list what was dropped"


def test_kill_at_random_points_then_resume(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    plan = mixed(MIXES["transport"])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env.update(
        {
            "OPENAI_API_KEY": MARKER_KEY,
            "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache"),
            "SUMMARIZER_BACKOFF_INITIAL": "0.01",
            "SUMMARIZER_BACKOFF_MAX": "0.05",
            "SUMMARIZER_TIMEOUT": "2.0",
            "SUMMARIZER_MODEL": "fault-model",
        }
    )
    rng = random.Random(20261122)
    with FaultServer(plan, stall=3.0) as server:
        command = [
            sys.executable,
            "-m",
            "summarizer",
            "batch",
            str(articles),
            "-o",
            str(out),
            "--no-progress",
            "--base-url",
            server.url,
            "--concurrency",
            "8",
        ]
        for _ in range(2):
            target = (out.read_bytes().count(b"\n") if out.exists() else 0) + rng.randint(10, 50)
            process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and process.poll() is None:
                if out.exists() and out.read_bytes().count(b"\n") >= target:
                    break
                time.sleep(0.005)
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=10)
        done = subprocess.run(command, env=env, timeout=180, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = lines(out)
    ids = [r["article_id"] for r in rows]
    assert len(ids) == len(set(ids)) == 200
    assert all(r["status"] == "ok" for r in rows)
