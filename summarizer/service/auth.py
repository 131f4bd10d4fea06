"""Who may call: API keys checked against stored hashes in constant time, and a rate limit per caller."""

from __future__ import annotations

import hmac
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from .settings import hash_key

__all__ = ["KeyRing", "RateLimiter", "bearer_token"]


def bearer_token(header: str | None) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, or None."""
    if not header:
        return None
    scheme, _, token = header.strip().partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


class KeyRing:
    """The accepted keys, as SHA-256 hashes only."""

    def __init__(self, hashes: tuple[str, ...]) -> None:
        self._hashes = tuple(bytes.fromhex(h) for h in hashes)

    @property
    def enabled(self) -> bool:
        """True when keys are required."""
        return bool(self._hashes)

    def identify(self, token: str | None) -> str | None:
        """The caller's key id (first 12 hex digits of its hash) if the token is a known key, else None.

        Every stored hash is compared, with ``hmac.compare_digest``, whatever matches first,
        so the time taken does not tell which key or how much of it was right.
        """
        if token is None or not self._hashes:
            return None
        digest = bytes.fromhex(hash_key(token))
        found = False
        for stored in self._hashes:
            found |= hmac.compare_digest(digest, stored)
        return digest.hex()[:12] if found else None


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """A token bucket per caller: ``rate`` requests a minute on average, bursts up to ``burst``."""

    def __init__(
        self, per_minute: float, burst: int, *, clock: Callable[[], float] = time.monotonic, max_callers: int = 10_000
    ) -> None:
        self.per_second = per_minute / 60.0
        self.burst = float(burst)
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()
        self._max_callers = max_callers

    def take(self, caller: str) -> float:
        """Spend one request for the caller: 0.0 if allowed, else the seconds until one is."""
        if self.per_second <= 0:
            return 0.0
        now = self._clock()
        with self._lock:
            bucket = self._buckets.get(caller)
            if bucket is None:
                if len(self._buckets) >= self._max_callers:  # bounded memory: forget the full (idle) buckets
                    self._forget_full(now)
                bucket = self._buckets[caller] = _Bucket(self.burst, now)
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.updated) * self.per_second)
            bucket.updated = now
            if bucket.tokens >= 1.0:
                bucket.tokens -= 1.0
                return 0.0
            return (1.0 - bucket.tokens) / self.per_second

    def _forget_full(self, now: float) -> None:
        full = [k for k, b in self._buckets.items() if b.tokens + (now - b.updated) * self.per_second >= self.burst]
        for key in full or list(self._buckets)[: len(self._buckets) // 2]:
            del self._buckets[key]

    @staticmethod
    def retry_after(seconds: float) -> str:
        """A Retry-After header value: whole seconds, at least 1."""
        return str(max(1, math.ceil(seconds)))
