"""Errors become HTTP answers here and only here: the library's errors, refused requests, validation, bugs."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..batch.workers import WorkerDied
from ..errors import (
    AccessDenied,
    CacheError,
    ConfigError,
    InputError,
    OutputError,
    ProviderError,
    RunStopped,
    SummarizerError,
)
from .inputs import RequestProblem
from .logs import request_id
from .runner import Busy

__all__ = ["error_response", "install_handlers", "status_for"]

logger = logging.getLogger("summarizer.service")

# most specific first: the first class the error is an instance of decides
_STATUS: tuple[tuple[type[SummarizerError], int], ...] = (
    (Busy, 503),
    (WorkerDied, 503),  # the article was in a worker process that died; new ones are starting
    (InputError, 422),  # the article is unreadable or empty
    (ConfigError, 400),  # e.g. ?engine=llm on a server with no LLM configured
    (AccessDenied, 502),  # the LLM server refused *our* key: not the caller's fault
    (RunStopped, 503),  # the LLM server is unreachable for now
    (ProviderError, 502),
    (OutputError, 502),  # the model's answer stayed invalid
    (CacheError, 503),
)
RETRY_AFTER = {503: "5"}


def status_for(exc: SummarizerError) -> int:
    """The HTTP status for a library error."""
    if isinstance(exc, ProviderError) and exc.status_code == 429:
        return 503  # the LLM server still rate-limits us after every retry: busy for now, not broken
    return next((status for cls, status in _STATUS if isinstance(exc, cls)), 500)


def error_response(
    status: int, message: str, *, details: list[dict[str, Any]] | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    """A JSON error answer carrying the request id."""
    body: dict[str, Any] = {"error": message, "request_id": request_id.get()}
    if details is not None:
        body["details"] = details
    return JSONResponse(body, status_code=status, headers=headers)


def install_handlers(app: FastAPI) -> None:
    """Map every error a route can raise to its answer."""

    @app.exception_handler(SummarizerError)
    async def library_error(request: Request, exc: SummarizerError) -> JSONResponse:
        status = status_for(exc)
        logger.warning("%s: %s", type(exc).__name__, exc, extra={"status": status, "error_type": type(exc).__name__})
        headers = {"Retry-After": RETRY_AFTER[status]} if status in RETRY_AFTER else None
        return error_response(status, f"{type(exc).__name__}: {exc}", headers=headers)

    @app.exception_handler(RequestProblem)
    async def refused(request: Request, exc: RequestProblem) -> JSONResponse:
        headers = {"Retry-After": RETRY_AFTER[exc.status]} if exc.status in RETRY_AFTER else None
        return error_response(exc.status, exc.message, details=exc.details, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors()
        ]
        return error_response(422, "the request does not fit the API schema", details=details)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return error_response(exc.status_code, str(exc.detail), headers=dict(exc.headers or {}))
