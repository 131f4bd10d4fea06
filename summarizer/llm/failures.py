"""Read a failed request: how long to wait, whether to retry, what to tell the user; keep the key out of logs."""

from __future__ import annotations

import email.utils
import logging
import re
import socket
import ssl
import time
from typing import Any, ClassVar

import httpx2
import openai

NO_KEY = "not-needed"  # sent to servers that need no key; never worth redacting


def header_seconds(headers: httpx2.Headers) -> float | None:
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return float(millis) / 1000.0
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        parsed = email.utils.parsedate_to_datetime(value) if value else None
        return parsed.timestamp() - time.time() if parsed else None


def retry_after(exc: BaseException) -> float | None:
    if isinstance(exc, openai.APIStatusError):
        try:
            return header_seconds(exc.response.headers)
        except (TypeError, ValueError):
            return None
    return None


def is_quota(exc: BaseException) -> bool:
    return isinstance(exc, openai.RateLimitError) and (
        exc.code == "insufficient_quota" or exc.type == "insufficient_quota"
    )


def causes(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain and len(chain) < 12:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def connection_failure(exc: BaseException) -> str | None:
    """Why no connection to the server was made (refused, DNS, TLS, connect timeout), or None if one was."""
    if not isinstance(exc, openai.APIConnectionError):
        return None
    chain = causes(exc)
    if any(isinstance(c, ConnectionRefusedError) for c in chain):
        return "connection refused"
    if any(isinstance(c, socket.gaierror) for c in chain):
        return "host name not found"
    if any(isinstance(c, ssl.SSLCertVerificationError) for c in chain):
        return "TLS certificate not trusted"
    if any(isinstance(c, ssl.SSLError) for c in chain):
        return "TLS handshake failed"
    if any(isinstance(c, httpx2.ConnectTimeout) for c in chain):
        return "connection timed out"
    connect = next((c for c in chain if isinstance(c, httpx2.ConnectError)), None)
    if connect is not None:
        return f"could not connect: {connect}" if str(connect) else "could not connect"
    return None  # the connection was made: a read timeout or a dropped answer


def describe(exc: BaseException) -> str:
    """A few words on why a request failed, for the retry log."""
    reason = connection_failure(exc)
    if reason is not None:
        return reason
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code}"
    if isinstance(exc, openai.APITimeoutError):
        return "no answer within the timeout"
    if isinstance(exc, openai.APIConnectionError):
        cause = exc.__cause__
        return f"connection lost: {cause}" if cause is not None and str(cause) else "connection lost"
    return type(exc).__name__


def advice(reason: str) -> str:
    """What to check after a connection-level failure."""
    if reason == "host name not found":
        return "check the network and the host in --base-url/OPENAI_BASE_URL"
    if reason.startswith("TLS"):
        return "check http:// versus https:// in --base-url/OPENAI_BASE_URL and the server's certificate"
    return "check that the server is running and that --base-url/OPENAI_BASE_URL points at it"


# the address takes no chat requests at all (a web server, a wrong path): no retry, no later request helps
NOT_SERVED = frozenset({405, 501})
_TAG = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.IGNORECASE | re.DOTALL)


def is_retryable(exc: BaseException) -> bool:
    if isinstance(exc, openai.APIConnectionError):  # includes timeouts
        return not any(isinstance(c, ssl.SSLCertVerificationError) for c in causes(exc))
    if isinstance(exc, openai.APIStatusError):
        if is_quota(exc) or exc.status_code in NOT_SERVED:
            return False
        return exc.status_code == 429 or exc.status_code >= 500 or exc.status_code == 408
    return False


def plain(detail: str) -> str:
    """A server's error text without HTML markup (a web server's error page), in one line."""
    if "<" in detail and ">" in detail:
        detail = _TAG.sub(" ", detail)
    return " ".join(detail.split())


def estimate_tokens(request: dict[str, Any]) -> int:
    """Prompt plus answer budget at about 4 characters a token, for rate pacing."""
    chars = sum(len(str(m.get("content", ""))) for m in request.get("messages", []))
    return chars // 4 + int(request.get("max_tokens") or 0)


class Redact(logging.Filter):
    """Scrub API keys from log records of the libraries that talk to the server."""

    secrets: ClassVar[set[str]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            message = record.getMessage()
            if any(secret in message for secret in self.secrets):
                for secret in self.secrets:
                    message = message.replace(secret, "[redacted]")
                record.msg, record.args = message, None
        return True


REDACT = Redact()


def guard_logs(secret: str) -> None:
    if secret == NO_KEY or secret in Redact.secrets:
        return
    Redact.secrets.add(secret)
    # logger filters are not inherited, so every logger of these libraries gets one
    prefixes = ("instructor", "openai", "httpx2", "httpcore2", "summarizer")
    names = [n for n in logging.root.manager.loggerDict if n.split(".")[0] in prefixes] + list(prefixes)
    for name in names:
        logger = logging.getLogger(name)
        if REDACT not in logger.filters:
            logger.addFilter(REDACT)


def redact(text: str, secret: str | None) -> str:
    if secret and secret != NO_KEY and len(secret) >= 4:
        text = text.replace(secret, "[redacted]")
    return text
