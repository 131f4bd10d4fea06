"""``summarizer serve`` with one extractive worker that fails as it starts, for the start-up tests.

Run as ``python -m tests.dying_workers serve ...``. The service's workers are spawned, so each
imports this module as its main one before it starts: in the worker named by DYING_WORKER
(``SpawnProcess-2``, the last of two started) the engine's load is replaced by the fault
DYING_WORKER_FAULT names:

    import   an ImportError, as a module missing from the install would raise
    exit     os._exit(3), as a native crash would end it
    slow     writes its pid to DYING_WORKER_PID and sleeps 30 s (the test kills it meanwhile)
    late     sleeps DYING_WORKER_SECONDS, then loads the engine: a slow start, no death

DYING_START_SECONDS, when set, stands for the pool's START_SECONDS in the server and its workers.

Only this test module reads these variables; the product has no hook for them.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

from summarizer.service import pool

_load = pool._load


def failing_load() -> None:
    """The engine's load, failing the way DYING_WORKER_FAULT says."""
    fault = os.environ["DYING_WORKER_FAULT"]
    if fault == "import":
        raise ImportError("No module named 'summarizer_missing_part'")
    if fault == "exit":
        os._exit(3)
    if fault == "slow":
        Path(os.environ["DYING_WORKER_PID"]).write_text(str(os.getpid()))
        time.sleep(30)
    if fault == "late":
        time.sleep(float(os.environ["DYING_WORKER_SECONDS"]))
    _load()


if os.environ.get("DYING_START_SECONDS"):
    pool.START_SECONDS = float(os.environ["DYING_START_SECONDS"])  # in the server and in every worker

if __name__ == "__mp_main__" and multiprocessing.current_process().name == os.environ.get("DYING_WORKER"):
    pool._load = failing_load  # in that worker, before it starts

if __name__ == "__main__":
    from summarizer.__main__ import main

    main()
