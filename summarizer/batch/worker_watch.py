"""Noticing a batch worker that is alive but stuck: silent since it started, or making no progress on its articles.

A worker whose process ends is noticed at once (the pool watches its sentinel).
One that hangs is not: its process lives and its pipe stays quiet. Each worker
therefore shares one integer with the parent, its pulse: a CPU worker keeps there
the ticket of the article it is on (``IDLE`` between articles), an asking worker
(its own event loop) a count its loop raises every ``worker_main.beat_every`` seconds. The
pool's loop looks at every worker each ``tick`` seconds: a worker that has not said
ready ``worker_start_timeout`` seconds after it started, or whose pulse has not moved
for ``worker_stall_timeout`` seconds while it holds work, is stuck; the pool kills
it and treats it as a worker that died (``WorkerPool._died``).

Before a worker exists, its fork server may hang (it imports the engine once,
for every worker): Python waits for it with no limit, so ``fork_server_deadline``
kills a server that has not forked a worker within ``worker_start_timeout`` (at least 10 s).
``proc_usage`` reads what a worker used (CPU seconds, peak memory) for the report.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from .worker_main import IDLE

__all__ = [
    "Pulse",
    "allow_longer",
    "cannot_start",
    "fork_server_deadline",
    "fork_server_stuck",
    "hung",
    "stop_fork_server",
    "tick",
]


def proc_usage(pid: int) -> dict[str, float]:
    """CPU seconds and peak RSS (MB) of a process, from Linux's /proc; {} where there is none."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        status = Path(f"/proc/{pid}/status").read_text()
    except (OSError, IndexError):
        return {}
    peak = next((line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")), "0")
    ticks = os.sysconf("SC_CLK_TCK")
    return {
        "pid": pid,
        "cpu_seconds": round((int(fields[11]) + int(fields[12])) / ticks, 2),
        "peak_rss_mb": round(int(peak) / 1024, 1),
    }


def tick(settings: Settings) -> float:
    """Seconds between two looks at the workers: a quarter of the shorter limit, at most 1 s."""
    return min(1.0, settings.worker_start_timeout / 4, settings.worker_stall_timeout / 4)


def allow_longer(ready: bool) -> str:
    """How to give a worker more time: the setting of the limit a worker (ready or not) went past."""
    name = "worker_stall_timeout" if ready else "worker_start_timeout"
    return f"to allow longer, set {name} or SUMMARIZER_{name.upper()}"


def cannot_start(settings: Settings, how: str, stuck: str | None) -> str:
    """What a run's error says when no worker could start: ``how`` the last one ended, or why it was ``stuck``."""
    if stuck is None:
        return (
            f"worker processes keep dying before they start ({how}); if you call summarizer "
            'from a script, put the call under `if __name__ == "__main__":` (each worker imports '
            "the script), or use --workers 1 (workers=1) to run in one process"
        )
    cache = f" ({settings.cache_dir})" if settings.use_cache and settings.cache_dir else ""
    return (
        f"worker processes keep failing to start: the last one {stuck} and was stopped. A worker opens "
        f"the cache folder{cache} as it starts: check it is not locked by another program or on a disk that "
        f"does not answer (--no-cache runs without it); {allow_longer(False)}; or use --workers 1 to run in one process"
    )


def hung(workers: Iterable[Any], settings: Settings) -> Iterator[tuple[Any, str]]:
    """Each of a pool's workers (``workers._Worker``) stuck now, with why; one stopped already is passed over."""
    for worker in workers:
        if worker.stuck is not None or worker.pulse is None:
            continue
        with contextlib.suppress(OSError, ValueError):
            if not worker.ready and worker.conn.poll():  # its "ready" waits in the pipe
                continue
        why = worker.pulse.stuck(settings, ready=worker.ready, holding=bool(worker.inflight))
        if why is not None:
            yield worker, why


# The fork server imports the whole engine once before it forks anything: on a busy machine that takes
# seconds, so it gets at least this long even when workers themselves are given less.
FORK_SERVER_FLOOR = 10.0


def fork_server_limit(settings: Settings) -> float:
    """Seconds the fork server has to fork a worker: the start limit, but never under FORK_SERVER_FLOOR."""
    return max(settings.worker_start_timeout, FORK_SERVER_FLOOR)


def fork_server_stuck(settings: Settings) -> str:
    """What a run's error says when the fork server did not fork a worker in time: what to do."""
    return (
        f"the server process that starts the worker processes did not start one within "
        f"{fork_server_limit(settings):g} s and was stopped (it imports the engine once for every worker: "
        f"check that the disk holding Python and its packages answers); {allow_longer(False)}; "
        "or use --workers 1 to run in one process"
    )


def stop_fork_server(fired: threading.Event | None = None) -> None:
    """Kill this process's fork server (a worker it was to start fails at once); set ``fired`` if there was one."""
    from multiprocessing import forkserver

    pid = getattr(getattr(forkserver, "_forkserver", None), "_forkserver_pid", None)  # CPython's one fork server
    if pid:
        if fired is not None:
            fired.set()
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


@contextlib.contextmanager
def fork_server_deadline(settings: Settings) -> Iterator[threading.Event]:
    """While a worker starts from a fork server: kill the server if it has not forked it in time (set: it did).

    The start then fails at once (the server's pipe ends) instead of waiting for
    ever on a server stuck importing. The next pool starts a new server.
    """
    fired = threading.Event()
    timer = threading.Timer(fork_server_limit(settings), stop_fork_server, args=(fired,))
    timer.daemon = True
    timer.start()
    try:
        yield fired
    finally:
        timer.cancel()


@dataclass
class Pulse:
    """What the parent knows of one worker's progress: its shared pulse and when it last saw it move."""

    shared: Any  # a multiprocessing RawValue("q"), written by the worker
    asking: bool
    born: float = field(default_factory=time.monotonic)
    seen: int | None = None
    since: float = 0.0

    def stuck(self, settings: Settings, *, ready: bool, holding: bool, now: float | None = None) -> str | None:
        """Why this worker counts as stuck now (what a message says of it), or None while it is not."""
        now = time.monotonic() if now is None else now
        if not ready:
            limit = settings.worker_start_timeout
            if now - self.born <= limit:
                return None
            return f"did not say it was ready within {limit:g} s of starting"
        value = int(self.shared.value)
        if value != self.seen:
            self.seen, self.since = value, now
            return None
        busy = holding if self.asking else value != IDLE
        limit = settings.worker_stall_timeout
        if not busy or now - self.since <= limit:
            return None
        return f"made no progress for {limit:g} s"
