"""Around every request: a request id, the API key, the rate limit, the body size, metrics and a log line."""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .auth import KeyRing, RateLimiter, bearer_token
from .logs import new_request_id, request_id
from .metrics import Metrics

__all__ = ["DOCS_ASSETS", "OPEN_PATHS", "ServiceMiddleware", "route_label"]

logger = logging.getLogger("summarizer.service")
access = logging.getLogger("summarizer.service.access")
# reachable without a key: probes, and the API's description (its pages' scripts and styles under DOCS_ASSETS)
OPEN_PATHS = frozenset({"/healthz", "/readyz", "/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"})
DOCS_ASSETS = "/docs/assets"


def route_label(scope: Scope) -> str:
    """The path template of the route a request matched (a bounded metrics label), or 'unmatched'."""
    route = scope.get("route")
    endpoint = scope.get("endpoint")
    if route is None and endpoint is not None:  # FastAPI sets no route for plain ones: /openapi.json, the assets
        routes = getattr(scope.get("router"), "routes", ())
        route = next((r for r in routes if endpoint in (getattr(r, "endpoint", None), getattr(r, "app", None))), None)
    return getattr(route, "path", None) or "unmatched"


class ServiceMiddleware:
    """Pure ASGI middleware: cheap on the hot path, and it sees every answer, errors included."""

    def __init__(self, app: ASGIApp, *, keys: KeyRing, limiter: RateLimiter, metrics: Metrics, max_body: int) -> None:
        self.app = app
        self.keys = keys
        self.limiter = limiter
        self.metrics = metrics
        self.max_body = max_body

    def _refuse(self, scope: Scope, headers: Headers) -> tuple[int, str, dict[str, str], str | None]:
        """(status, message, headers, caller); status 0 lets the request through."""
        path = scope["path"]
        client = scope.get("client")
        caller = f"address:{client[0] if client else 'unknown'}"
        if path in OPEN_PATHS or path.startswith(DOCS_ASSETS + "/"):
            return 0, "", {}, caller
        if self.keys.enabled:
            given = headers.get("authorization")
            key_id = self.keys.identify(bearer_token(given))
            if key_id is None:
                if not given:
                    message = "send an API key: Authorization: Bearer <key> (a key in the URL is not read)"
                elif bearer_token(given) is None:
                    message = "send the API key as Authorization: Bearer <key> (no other scheme is read)"
                else:
                    message = "the API key is not valid"
                return 401, message, {"WWW-Authenticate": "Bearer"}, None
            caller = f"key:{key_id}"
        wait = self.limiter.take(caller)
        if wait > 0:
            return (
                429,
                "too many requests for this key; slow down",
                {"Retry-After": self.limiter.retry_after(wait)},
                caller,
            )
        length = headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            return 413, f"the body is {int(length):,} bytes; the limit is {self.max_body:,}", {}, caller
        return 0, "", {}, caller

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one request."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        rid = new_request_id(headers.get("x-request-id"))
        token = request_id.set(rid)
        started = time.perf_counter()
        state: dict[str, Any] = {"status": 500, "sent": False}

        async def answer(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["status"], state["sent"] = message["status"], True
                MutableHeaders(scope=message)["X-Request-ID"] = rid
            await send(message)

        status, message, extra, caller = self._refuse(scope, headers)
        scope.setdefault("state", {})["caller"] = caller
        try:
            if status:
                reason = {401: "auth", 429: "rate_limit", 413: "body_size"}[status]
                self.metrics.rejected.labels(reason).inc()
                await _json(answer, status, {"error": message, "request_id": rid}, extra)
            else:
                await self.app(scope, receive, answer)
        except Exception:
            logger.exception("internal error on %s %s", scope["method"], scope["path"])
            if not state["sent"]:
                body = {"error": "internal error; the log has the details under this request id", "request_id": rid}
                await _json(answer, 500, body, {})
        finally:
            elapsed = time.perf_counter() - started
            route = route_label(scope)
            self.metrics.requests.labels(scope["method"], route, str(state["status"])).inc()
            self.metrics.latency.labels(scope["method"], route).observe(elapsed)
            access.info(
                "%s %s %s",
                scope["method"],
                scope["path"],
                state["status"],
                extra={"status": state["status"], "ms": round(elapsed * 1000, 1), "caller": caller, "route": route},
            )
            request_id.reset(token)


async def _json(send: Send, status: int, body: dict[str, Any], headers: dict[str, str]) -> None:
    data = json.dumps(body).encode("utf-8")
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": data})
