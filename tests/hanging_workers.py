"""Batch workers that hang (or exit) while they start, for the tests of stuck workers (``test_workers_stuck``).

A test puts ``fail_at(marker, starts)`` in place of ``workers.serve`` in its own
process, and the pool starts each worker with it. Each worker takes the next
number (0, 1, ...) by creating ``marker.N``, where it writes its pid. The workers
whose number is in ``starts`` hang for ``HANG_SECONDS`` before they would build
their Summarizer and say ready (``how="hang"``), or exit with code 3 there
(``how="exit"``); the others serve as usual.

Run as ``python -m tests.hanging_workers batch ...`` it is the CLI with that in
place: HANGING_MARKER names the marker, HANGING_STARTS the numbers (``0,1``; ``all``),
HANGING_HOW the way. HANGING_HOW=preload instead makes the fork server of the
pool hang as it loads (``tests.hanging_import``, with HANGING_IMPORT set), before
any worker exists. Only tests use it; the product has no hook for it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Collection
from functools import partial
from pathlib import Path
from typing import Any

from summarizer.batch.worker_main import serve

HANG_SECONDS = 600.0  # far beyond any test's time limit: the pool has to stop it
MOST_STARTS = 100


class Every:
    """Every start number."""

    def __contains__(self, number: object) -> bool:
        return True


def _number(marker: Path) -> int:
    """This worker's start number: the first ``marker.N`` it could create."""
    for number in range(MOST_STARTS):
        try:
            fd = os.open(f"{marker}.{number}", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            continue
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        return number
    raise RuntimeError(f"more than {MOST_STARTS} workers started")


def _serve_or_fail(marker: str, starts: Collection[int], how: str, *args: Any) -> None:
    if _number(Path(marker)) in starts:
        if how == "exit":
            os._exit(3)
        time.sleep(HANG_SECONDS)
    serve(*args)


def fail_at(marker: Path, starts: Collection[int], how: str = "hang") -> Any:
    """A worker main that hangs (or exits) in the workers whose start number is in ``starts``."""
    return partial(_serve_or_fail, str(marker), starts, how)


def started(marker: Path) -> list[int]:
    """Process ids of the workers started so far, by start number."""
    files = sorted(marker.parent.glob(f"{marker.name}.*"), key=lambda p: int(p.suffix[1:]))
    return [int(p.read_text() or 0) for p in files]


if __name__ == "__main__":
    import summarizer.batch.workers as workers
    from summarizer.__main__ import main

    how = os.environ.get("HANGING_HOW", "hang")
    if how == "preload":
        workers.CPU_PRELOAD = [*workers.CPU_PRELOAD, "tests.hanging_import"]
    else:
        given = os.environ["HANGING_STARTS"]
        chosen: Collection[int] = Every() if given == "all" else {int(n) for n in given.split(",")}
        workers.serve = fail_at(Path(os.environ["HANGING_MARKER"]), chosen, how)
    main()
