"""Without ../shared, tests that read it skip with one message; in CI they fail instead."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

MODULES = ["tests/test_checks.py", "tests/test_cache_faults.py"]


def run_without_shared(tmp_path: Path, *, ci: bool) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CI" and not k.startswith(("SUMMARIZER_", "OPENAI_"))}
    env["SUMMARIZER_SHARED_DIR"] = str(tmp_path / "no-such-shared")
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", *MODULES],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )


def test_missing_shared_skips_with_one_message(tmp_path: Path) -> None:
    done = run_without_shared(tmp_path, ci=False)
    assert done.returncode == 0, done.stdout[-2000:]
    summary = [line for line in done.stdout.splitlines() if line.startswith("SKIPPED")]
    assert len(summary) == 1, summary
    assert "the shared corpora are not at" in summary[0] and "SUMMARIZER_SHARED_DIR" in summary[0]
    assert "StopIteration" not in done.stdout and "FileNotFoundError" not in done.stdout
    assert " passed" in done.stdout  # tests that need no corpora still run


def test_missing_shared_fails_in_ci(tmp_path: Path) -> None:
    done = run_without_shared(tmp_path, ci=True)
    assert done.returncode == 1
    assert "CI must have the shared corpora" in done.stdout
