"""Summarizer as an HTTP service (``summarizer serve``; needs the ``summarizer[service]`` extra).

``app`` builds the FastAPI app and its routes, ``inputs`` reads request bodies,
``jobs`` is the SQLite job store, ``runner`` runs single articles and batch jobs,
``auth`` checks keys and rate limits, ``metrics`` counts for Prometheus,
``middleware`` wraps every request, ``errors`` maps errors to statuses,
``settings`` reads SUMMARIZER_SERVICE_* variables, ``server`` runs uvicorn.
FastAPI and uvicorn are imported only when an app is built or served.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .settings import ServiceSettings, check_bind, hash_key, resolve_service_settings

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["ServiceSettings", "check_bind", "create_app", "hash_key", "resolve_service_settings", "serve"]


def create_app(settings: ServiceSettings | None = None, **summarizer_options: Any) -> FastAPI:
    """Build the FastAPI app (see ``summarizer.service.app.create_app``)."""
    from .app import create_app as build

    return build(settings, **summarizer_options)


def serve(settings: ServiceSettings, **summarizer_options: Any) -> None:
    """Run the service under uvicorn (see ``summarizer.service.server.serve``)."""
    from .server import serve as run

    run(settings, **summarizer_options)
