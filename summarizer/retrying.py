"""The one retry layer for transport errors: tenacity, jittered back-off, Retry-After.

The SDK's own retries are switched off (``max_retries=0``), so every repeated
request is decided here. Which errors are worth repeating, and what a server's
Retry-After says, is told by the caller (``providers``), which knows the SDK.
Re-asks for invalid output are a separate loop and never pass through here.
"""

from __future__ import annotations

import asyncio
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

__all__ = ["Pace", "RetryPolicy", "async_retrying", "sync_retrying"]

MAX_SERVER_WAIT = 60.0


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
    ) -> None:
        self.is_retryable = is_retryable
        self.retry_after = retry_after
        self.max_attempts = max_attempts
        self.max_time = max_time
        self._backoff = wait_exponential_jitter(multiplier=initial_wait, max=max_wait, jitter=initial_wait)

    def wait(self, state: RetryCallState) -> float:
        """Seconds to wait: the server's Retry-After if it gave one, else back-off."""
        outcome = state.outcome
        if outcome is not None and outcome.failed:
            told = self.retry_after(outcome.exception())  # type: ignore[arg-type]
            if told is not None:
                return min(max(told, 0.0), MAX_SERVER_WAIT)
        return float(self._backoff(state))

    def _options(self) -> dict[str, Any]:
        return {
            "retry": retry_if_exception(self.is_retryable),
            "wait": self.wait,
            "stop": stop_after_attempt(self.max_attempts) | stop_before_delay(self.max_time),
            "reraise": True,
        }


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
        rpm: int | None = None,
        tpm: int | None = None,
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
