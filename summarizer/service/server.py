"""Run the service under uvicorn: check where it may listen, log as JSON, shut down gracefully."""

from __future__ import annotations

import logging
from typing import Any

from .settings import ServiceSettings, check_bind

__all__ = ["serve"]

logger = logging.getLogger("summarizer.service")


def serve(settings: ServiceSettings, **summarizer_options: Any) -> None:
    """Listen until SIGINT or SIGTERM; in-flight batch articles finish or go back in the queue."""
    import uvicorn

    from .app import create_app
    from .logs import configure_json_logging

    configure_json_logging(settings.log_level)
    try:
        check_bind(settings)
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
    uvicorn.Server(config).run()
