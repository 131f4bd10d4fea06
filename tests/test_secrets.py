"""The API key never reaches records, logs, error messages, exception text or cassettes."""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

import pytest

from summarizer import ProviderError, Summarizer
from summarizer.batch import run_batch
from tests.conftest import MARKER_KEY, ROOT, SHARED
from tests.fault_server import FaultServer, mixed

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


def test_marker_key_appears_nowhere(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted((SHARED / "corpus" / "bbc-news" / "politics").glob("*.txt"))[:40]:
        (folder / path.name).write_bytes(path.read_bytes())
    plan = mixed({"key": ("401",) * 5, "down": ("500",) * 3, "cut": ("truncated",), "ok": ("429",)})
    out = tmp_path / "out.jsonl"
    with FaultServer(plan) as server:
        report = run_batch(
            folder,
            out=out,
            base_url=server.url,
            api_key=MARKER_KEY,
            model="m",
            use_cache=False,
            max_attempts=3,
            backoff_initial=0.01,
            backoff_max=0.02,
        )
        with Summarizer(base_url=server.url, api_key=MARKER_KEY, model="m", use_cache=False) as s:
            article = next(p for p in sorted(folder.iterdir()) if server.plan(_key(p), 0) == "401")
            with pytest.raises(ProviderError) as info:
                s.summarize(article)
    assert f"Bearer {MARKER_KEY}" in server.log.authorization  # the key was really sent
    # a 401 stops the run (the breaker), so how many come back ok depends on which request is answered first
    assert report.failed > 0 and report.ok + report.failed == 40
    assert "rejected the API key" in out.read_text()
    texts = {
        "output": out.read_text(),
        "logs": caplog.text + "\n".join(r.getMessage() for r in caplog.records),
        "error": str(info.value) + repr(info.value),
        "traceback": "".join(traceback.format_exception(info.value)),
    }
    for name, text in texts.items():
        assert MARKER_KEY not in text, f"the key leaked into {name}"
    assert "[redacted]" in texts["logs"], "the server echoed the key into an error that was logged, scrubbed"
    for cassette in (ROOT / "cassettes").rglob("*.yaml"):
        assert MARKER_KEY not in cassette.read_text(), cassette


def _key(path: Path) -> str:
    from summarizer.ingest import load_document

    return load_document(path).sha256
