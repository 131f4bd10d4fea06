"""Headless Chromium for the layout tests: one set of flags, and a probe page that lays a page out in an iframe."""

from __future__ import annotations

import html
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Skips where Chromium is missing, except in CI, where the test runs and fails (.ci/run installs it).
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="chromium is not installed here"
)
_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
]


def chromium(*args: str, width: int = 700, height: int = 3000) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium with the flags every layout test uses; its window is at least 700 px wide."""
    assert CHROMIUM is not None, "CI must install Debian's chromium (.ci/run does)"
    window = f"--window-size={max(width, 700)},{height}"
    return subprocess.run([CHROMIUM, *_FLAGS, window, *args], capture_output=True, text=True, timeout=90, check=True)


def probe_layout(page: str, width: int, folder: Path, probe: str, *, height: int, shot: str | None) -> dict[str, Any]:
    """Lay `page` out in an iframe `width` CSS pixels wide; save a screenshot named `shot`; return what `probe` saw.

    `probe` is a script run in the outer page: it reads the iframe once loaded and writes its findings as
    JSON into ``<pre id="layout">``. ``pytest --basetemp=DIR`` keeps the screenshot where you can look at it.
    """
    outer = folder / f"probe-{width}.html"
    outer.write_text(
        '<!DOCTYPE html><html><body style="margin:0">'
        f'<iframe id="frame" style="width:{width}px;height:{height}px;border:0;display:block" '
        f'srcdoc="{html.escape(page, quote=True)}"></iframe><script>{probe}</script></body></html>',
        encoding="utf-8",
    )
    if shot is not None:
        png = folder / f"{shot}-{width}.png"
        profile = f"--user-data-dir={folder / f'profile-s{width}'}"
        chromium(profile, f"--screenshot={png}", outer.as_uri(), width=width, height=height)
        assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 10_000
    profile = f"--user-data-dir={folder / f'profile-{width}'}"
    dom = chromium(
        profile, "--virtual-time-budget=5000", "--dump-dom", outer.as_uri(), width=width, height=height
    ).stdout
    raw = dom.split('<pre id="layout">', 1)[1].split("</pre>", 1)[0]
    layout: dict[str, Any] = json.loads(html.unescape(raw))
    return layout
