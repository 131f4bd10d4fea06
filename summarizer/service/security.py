"""Security headers on every answer: ``nosniff``, and a Content-Security-Policy that fits what the answer is.

Pages set their own policy (the review page and the HTML briefing carry the one their
renderer defines); anything else that sets none gets ``API_POLICY``, which lets nothing
load or run and the answer never be framed. The API's description pages (/docs, /redoc)
are fastapi-offline's: their inline scripts are the same on every request (no request
data in them), so they are allowed by hash, read from the page as it is sent.
"""

from __future__ import annotations

import base64
import hashlib
import re

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["API_POLICY", "DOCS_PAGES", "SecurityHeaders", "docs_policy"]

API_POLICY = "default-src 'none'; frame-ancestors 'none'"
DOCS_PAGES = frozenset({"/docs", "/redoc", "/docs/oauth2-redirect"})
_INLINE_SCRIPT = re.compile(rb"<script\b(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)


def docs_policy(page: bytes) -> str:
    """The policy of an API description page: its own scripts and styles (Redoc writes styles as it runs)."""
    hashes = sorted(
        {
            "'sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode() + "'"
            for body in _INLINE_SCRIPT.findall(page)
        }
    )
    return (
        f"default-src 'none'; script-src 'self' {' '.join(hashes)}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src blob:; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


class SecurityHeaders:
    """Pure ASGI middleware, outermost, so that every answer (a refused key, a preflight) has the headers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve one request."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] in DOCS_PAGES:
            await self._docs_page(scope, receive, send)
            return

        async def stamped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers["X-Content-Type-Options"] = "nosniff"
                if "content-security-policy" not in headers:
                    headers["Content-Security-Policy"] = API_POLICY
            await send(message)

        await self.app(scope, receive, stamped)

    async def _docs_page(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A docs page is small: held whole, so that its policy can name its inline scripts."""
        start: Message | None = None
        chunks: list[bytes] = []

        async def held(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            assert start is not None
            page = b"".join(chunks)
            headers = MutableHeaders(scope=start)
            headers["X-Content-Type-Options"] = "nosniff"
            headers["Content-Security-Policy"] = docs_policy(page)
            await send(start)
            await send({"type": "http.response.body", "body": page})

        await self.app(scope, receive, held)
