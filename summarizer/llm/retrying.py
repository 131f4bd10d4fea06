"""The one retry layer for transport errors: tenacity, jittered back-off, Retry-After, a breaker.

The SDK's own retries are switched off (``max_retries=0``), so every repeated
request is decided here. Which errors are worth repeating, which are
connection-level, and what a server's Retry-After says, is told by the caller
(``providers``), which knows the SDK. Re-asks for invalid output are a separate
loop and never pass through here.

Policy: 429, 408 and 5xx answers and read timeouts are repeated with jittered
exponential back-off (or the server's Retry-After) up to ``max_attempts``. A
connection-level failure (refused, DNS, TLS, connect timeout) is repeated once,
after ``initial_wait``, up to ``connect_attempts`` (default 2): a refused port or
an unknown host is a definite answer that waiting rarely changes, and the
second try covers a server that is just restarting. Each retry is logged once
at INFO with its attempt number, cause and wait. A ``Breaker`` shared by every
request of one client stops the whole run once the server proves unreachable.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_before_delay,
    wait_exponential_jitter,
)
from tenacity.stop import stop_base

from ..errors import AccessDenied, RunStopped, ServiceUnreachable

__all__ = ["Breaker", "Pace", "RetryPolicy", "async_retrying", "plural", "sync_retrying"]

MAX_SERVER_WAIT = 60.0
logger = logging.getLogger("summarizer.retry")


class Breaker:
    """Stops a run from asking a server that cannot answer; one per client, shared by all its requests.

    After ``threshold`` connection-level failures in a row, or as many articles in
    a row whose every attempt went unanswered within the timeout (a server that
    accepts connections and hangs), or at once when the server refuses the key or
    account, every further request fails without being sent. Any answer from the
    server resets the counts; once stopped, the breaker stays stopped for the
    client's life (one run). The first request held back logs one warning (a run
    of one request says nothing beyond its own error).
    Safe across threads and tasks: state changes under a lock that is never held
    across an await. ``on_stop(kind, reason)`` is told once when it stops (a
    batch worker passes it on, so the run stops in every process; ``adopt``).
    """

    def __init__(self, threshold: int, on_stop: Callable[[str, str], None] | None = None) -> None:
        self.threshold = threshold
        self.on_stop = on_stop
        self._lock = threading.Lock()
        self._streak = 0
        self._silent = 0  # articles in a row that got no answer on any attempt
        self._stop: tuple[type[RunStopped], str] | None = None
        self._told = False

    @property
    def stopped(self) -> bool:
        """True once the run has stopped asking the server."""
        return self._stop is not None

    def check(self, attempts: int = 0) -> None:
        """Raise the run's RunStopped error if it has stopped asking; ``attempts`` were sent for this article."""
        stop = self._stop
        if stop is None:
            return
        kind, reason = stop
        with self._lock:
            told, self._told = self._told, True
        if not told:
            logger.warning("stopped asking the server: %s", reason)
        said = "not attempted" if attempts == 0 else f"stopped after {plural(attempts, 'attempt')}"
        raise kind(f"{said}: {reason}", attempts=attempts)

    def answered(self) -> None:
        """The server answered (any HTTP status): connections work."""
        with self._lock:
            self._streak = self._silent = 0

    def unanswered(self, reason: str) -> None:
        """Count an article whose every attempt timed out with no answer from the server in between."""
        with self._lock:
            self._silent += 1
            stops = bool(self.threshold) and self._silent >= self.threshold
        if stops:
            self._stopping(ServiceUnreachable, reason)

    def unreachable(self, reason: str) -> None:
        """Count a connection-level failure; ``reason`` is what the stop error says if this one stops the run."""
        with self._lock:
            self._streak += 1
            stops = bool(self.threshold) and self._streak >= self.threshold
        if stops:
            self._stopping(ServiceUnreachable, reason)

    def deny(self, reason: str) -> None:
        """Stop the run now: the server refused the key or account, so every request would fail alike."""
        self._stopping(AccessDenied, reason)

    def not_served(self, reason: str) -> None:
        """Stop the run now: the address takes no chat requests (405, 501), so every request would fail alike."""
        self._stopping(ServiceUnreachable, reason)

    def adopt(self, kind: str, reason: str) -> None:
        """Stop as another process's breaker did (``kind`` names its error: ServiceUnreachable or AccessDenied)."""
        self._stopping(AccessDenied if kind == AccessDenied.__name__ else ServiceUnreachable, reason, tell=False)

    def _stopping(self, kind: type[RunStopped], reason: str, *, tell: bool = True) -> None:
        with self._lock:
            first = self._stop is None
            if first:
                self._stop = (kind, reason)
        if first and tell and self.on_stop is not None:
            self.on_stop(kind.__name__, reason)


def plural(count: int, noun: str) -> str:
    """'1 attempt', '2 attempts'."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


class RetryPolicy:
    """When to repeat a request and how long to wait before doing so."""

    def __init__(
        self,
        is_retryable: Callable[[BaseException], bool],
        retry_after: Callable[[BaseException], float | None],
        *,
        max_attempts: int,
        max_time: float,
        initial_wait: float = 1.0,
        max_wait: float = 30.0,
        connection_failure: Callable[[BaseException], str | None] = lambda exc: None,
        connect_attempts: int = 2,
        describe: Callable[[BaseException], str] = str,
        breaker: Breaker | None = None,
    ) -> None:
        self.is_retryable = is_retryable
        self.retry_after = retry_after
        self.max_attempts = max_attempts
        self.max_time = max_time
        self.initial_wait = initial_wait
        self.connection_failure = connection_failure
        self.connect_attempts = connect_attempts
        self.describe = describe
        self.breaker = breaker
        self._backoff = wait_exponential_jitter(multiplier=initial_wait, max=max_wait, jitter=initial_wait)

    def wait(self, state: RetryCallState) -> float:
        """Seconds to wait: the server's Retry-After, a short pause after a failed connection, else back-off."""
        outcome = state.outcome
        if outcome is not None and outcome.failed:
            exc: BaseException = outcome.exception()  # type: ignore[assignment]
            told = self.retry_after(exc)
            if told is not None:
                return min(max(told, 0.0), MAX_SERVER_WAIT)
            if self.connection_failure(exc) is not None:
                return self.initial_wait
        return float(self._backoff(state))

    def _options(self) -> dict[str, Any]:
        return {
            "retry": retry_if_exception(self.is_retryable),
            "wait": self.wait,
            "stop": stop_after_attempt(self.max_attempts)
            | stop_before_delay(self.max_time)
            | _StopConnecting(self),  # a fresh count for every request
            "before_sleep": self._log_retry,
            "reraise": True,
        }

    def _log_retry(self, state: RetryCallState) -> None:
        outcome = state.outcome
        cause = self.describe(outcome.exception()) if outcome is not None and outcome.failed else "no answer"  # type: ignore[arg-type]
        wait = state.next_action.sleep if state.next_action is not None else 0.0
        logger.info("attempt %d failed (%s); retrying in %.1f s", state.attempt_number, cause, wait)


class _StopConnecting(stop_base):
    """Stop after the policy's connect_attempts connection-level failures of one request, or once the run stopped."""

    def __init__(self, policy: RetryPolicy) -> None:
        self.policy = policy
        self.failures = 0

    def __call__(self, state: RetryCallState) -> bool:
        outcome = state.outcome
        failed = outcome.exception() if outcome is not None and outcome.failed else None
        if failed is not None and self.policy.connection_failure(failed) is not None:
            self.failures += 1
        breaker = self.policy.breaker
        return self.failures >= self.policy.connect_attempts or (breaker is not None and breaker.stopped)


def sync_retrying(policy: RetryPolicy, sleep: Callable[[float], None] | None = None) -> Retrying:
    """Return a tenacity Retrying for blocking calls."""
    options = policy._options()
    if sleep is not None:
        options["sleep"] = sleep
    return Retrying(**options)


def async_retrying(policy: RetryPolicy, sleep: Callable[[float], Awaitable[None]] | None = None) -> AsyncRetrying:
    """Return a tenacity AsyncRetrying for coroutine calls."""
    options = policy._options()
    if sleep is not None:
        options["sleep"] = sleep
    return AsyncRetrying(**options)


class Pace:
    """Keep requests under a requests-per-minute and a tokens-per-minute budget (token buckets)."""

    def __init__(
        self,
        rpm: float | None = None,
        tpm: float | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.rpm, self.tpm = rpm, tpm
        self._clock, self._sleep = clock, sleep
        self._requests = float(rpm or 0)
        self._tokens = float(tpm or 0)
        self._stamp = clock()
        self._lock = asyncio.Lock()

    def _refill(self) -> None:
        now = self._clock()
        elapsed, self._stamp = now - self._stamp, now
        if self.rpm:
            self._requests = min(float(self.rpm), self._requests + elapsed * self.rpm / 60)
        if self.tpm:
            self._tokens = min(float(self.tpm), self._tokens + elapsed * self.tpm / 60)

    def _wait_for(self, tokens: int) -> float:
        waits = [0.0]
        if self.rpm and self._requests < 1:
            waits.append((1 - self._requests) * 60 / self.rpm)
        if self.tpm:
            need = min(tokens, self.tpm)  # a request larger than the budget waits for a full bucket
            if self._tokens < need:
                waits.append((need - self._tokens) * 60 / self.tpm)
        return max(waits)

    async def acquire(self, tokens: int = 0) -> None:
        """Wait until one request of about this many tokens fits both budgets, then spend it."""
        if not self.rpm and not self.tpm:
            return
        async with self._lock:
            self._refill()
            while (wait := self._wait_for(tokens)) > 0:
                await self._sleep(wait)
                self._refill()
            if self.rpm:
                self._requests -= 1
            if self.tpm:
                self._tokens -= min(tokens, self.tpm)
