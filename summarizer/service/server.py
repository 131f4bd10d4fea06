"""Run the service under uvicorn: check where it may listen, log as JSON, shut down gracefully."""

from __future__ import annotations

import logging
import socket
from typing import Any

from ..config import check_credentials, resolve_settings
from ..errors import ConfigError
from .settings import ServiceSettings, check_bind

__all__ = ["check_start", "serve"]

logger = logging.getLogger("summarizer.service")


def check_start(settings: ServiceSettings, **summarizer_options: Any) -> None:
    """Raise ConfigError for what would stop the server starting: where it listens, the engine's key, a taken port."""
    check_bind(settings)
    chosen = resolve_settings(**summarizer_options)
    if chosen.resolved_engine() == "llm":
        check_credentials(chosen)
    try:
        family = socket.getaddrinfo(settings.host, settings.port, type=socket.SOCK_STREAM)[0][0]
        with socket.create_server((settings.host, settings.port), family=family):
            pass  # uvicorn binds the same way a moment later
    except OSError as exc:
        raise ConfigError(
            f"cannot listen on {settings.host}:{settings.port}: {exc.strerror or exc}; "
            "choose another --port (or SUMMARIZER_SERVICE_PORT), or stop what holds it"
        ) from exc


def serve(settings: ServiceSettings, **summarizer_options: Any) -> None:
    """Listen until SIGINT or SIGTERM; in-flight batch articles finish or go back in the queue.

    A start that fails (a worker process dying as it starts) raises the SummarizerError that failed it.
    """
    import uvicorn

    from .app import create_app
    from .logs import configure_json_logging

    configure_json_logging(settings.log_level)
    try:
        check_start(settings, **summarizer_options)
    except Exception as exc:
        logger.error("%s", exc, extra={"host": settings.host})
        raise
    if not settings.auth_required:
        logger.warning(
            "no API key configured: listening on 127.0.0.1 only, without authentication; "
            "set SUMMARIZER_SERVICE_API_KEYS to serve other hosts",
        )
    app = create_app(settings, **summarizer_options)
    logger.info(
        "listening on http://%s:%d (docs at /docs)", settings.host, settings.port, extra={"port": settings.port}
    )
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        log_config=None,
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=int(settings.shutdown_grace) + 5,
        server_header=False,
    )
    try:
        uvicorn.Server(config).run()
    except SystemExit:  # uvicorn's answer to a failed start: the error that failed it says more
        start_error = getattr(app.state, "start_error", None)
        if start_error is None:
            raise
        raise start_error from start_error.__cause__
