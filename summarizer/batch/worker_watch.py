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
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from ..config import Settings
from .worker_main import IDLE

__all__ = ["Pulse", "allow_longer", "cannot_start", "tick"]


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
