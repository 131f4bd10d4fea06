"""SIGTERM stops a batch run the way Ctrl-C does: its loop is cancelled, its pool closed, its output closed whole.

Python turns Ctrl-C into ``KeyboardInterrupt`` (and ``asyncio.run`` into a cancel of
its main task), but leaves SIGTERM (``timeout``, a container stop, a service
manager) at the default: the process dies where it is, with its lock file left and
its output unclosed. While a run holds a ``SigtermStop``, SIGTERM is handled the
same way instead and the run ends with ``Terminated``, a ``KeyboardInterrupt``
that carries the signal's number, so whatever handles Ctrl-C handles it too (the
CLI exits 128 + 15 = 143 rather than 130). The local run, the Batch API run and
the Ray driver each hold one; the Ray driver also holds Ctrl-C and SIGTERM while ``ray.init`` runs
(``holding``): cut short, Ray's start leaves processes behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType, TracebackType
from typing import Any

__all__ = ["SigtermStop", "Terminated"]

_Handler = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None


class Terminated(KeyboardInterrupt):
    """A run stopped by SIGTERM, as cleanly as by Ctrl-C; ``signum`` is the signal's number."""

    signum = int(signal.SIGTERM)


class SigtermStop:
    """While held, SIGTERM cancels the running loop's main task (else raises ``Terminated`` at once).

    It takes SIGTERM only in the main thread and only where nobody else handles it
    (the default action), and gives it back on exit. ``closing()`` defers a
    SIGTERM to the end, so the output's last write and close are never cut short.
    A run cancelled by it ends with ``Terminated`` raised from ``__exit__``.
    """

    def __init__(self) -> None:
        self.received = False
        self._task: asyncio.Task[Any] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._deferred = False
        self._installed = False
        self._previous: Any = None

    def __enter__(self) -> SigtermStop:
        if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) in (
            signal.SIG_DFL,
            None,
        ):
            self._previous = signal.signal(signal.SIGTERM, self._on_sigterm)
            self._installed = True
        return self

    def retake(self) -> None:
        """Take SIGTERM back from a library that replaced the handler while this held it (``ray.init`` does)."""
        if self._installed:
            signal.signal(signal.SIGTERM, self._on_sigterm)

    @contextlib.contextmanager
    def holding(self) -> Iterator[list[int]]:
        """While a library starts that a stop would leave half-started (``ray.init``): stops are noted, not acted on.

        The first Ctrl-C, and a SIGTERM where this took SIGTERM, only go in the list
        yielded (the caller stops once the start is over); a second Ctrl-C raises
        KeyboardInterrupt at once. Meanwhile ``signal.signal`` leaves both handlers as
        they are (``ray.init`` would put in a SIGTERM handler that exits at once,
        wherever its start is), as Ray's own ``DeferSigint`` does for SIGINT. In the
        main thread only; elsewhere it notes nothing.
        """
        came: list[int] = []
        if threading.current_thread() is not threading.main_thread():
            yield came
            return

        def note(signum: int, frame: FrameType | None) -> None:
            if came and signum == signal.SIGINT:
                raise KeyboardInterrupt
            came.append(signum)
            self.received = self.received or signum == signal.SIGTERM

        real = signal.signal

        def keep(signalnum: int | signal.Signals, handler: _Handler) -> _Handler:
            if signalnum in (signal.SIGINT, signal.SIGTERM):
                return signal.getsignal(signalnum)
            return real(signalnum, handler)

        held = [signal.SIGINT, signal.SIGTERM] if self._installed else [signal.SIGINT]
        previous: dict[signal.Signals, _Handler] = {}
        for signum in held:
            previous[signum] = real(signum, note)
        signal.signal = keep
        try:
            yield came
        finally:
            signal.signal = real
            for signum, handler in previous.items():
                if handler is not None:
                    real(signum, handler)

    def watch(self) -> None:
        """From the run's main task: a SIGTERM from now on cancels it (as ``asyncio.run`` does on Ctrl-C)."""
        self._loop, self._task = asyncio.get_running_loop(), asyncio.current_task()
        if self.received:  # it came while the loop was starting
            self._cancel()

    def unwatch(self) -> None:
        """The main task is ending: a SIGTERM now raises ``Terminated`` where the run is."""
        self._task = self._loop = None

    def closing(self) -> None:
        """The output is being closed: a SIGTERM from now on waits for ``__exit__``."""
        self._deferred = True

    def _cancel(self) -> bool:
        task, loop = self._task, self._loop
        if task is None or loop is None or task.done():
            return False
        task.cancel()
        loop.call_soon_threadsafe(lambda: None)  # wake a loop asleep in select()
        return True

    def _on_sigterm(self, signum: int, frame: FrameType | None) -> None:
        first, self.received = not self.received, True
        if self._deferred or (first and self._cancel()):
            return
        raise Terminated()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._installed:
            signal.signal(signal.SIGTERM, self._previous)
            self._installed = False
        stopped = exc is None or isinstance(exc, (asyncio.CancelledError, KeyboardInterrupt))
        if self.received and stopped and not isinstance(exc, Terminated):
            raise Terminated() from None
