"""Where the benchmarks find the project's corpora: SUMMARIZER_SHARED_DIR, else ../shared beside the checkout."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path:
    """The shared/ folder the tests use too (tests/conftest.py reads the same variable)."""
    return Path(os.environ.get("SUMMARIZER_SHARED_DIR") or ROOT.parent / "shared")
