"""``summarizer serve``: the HTTP service (needs the ``summarizer[service]`` extra)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import ConfigError, SummarizerError
from .commands import _fail, app
from .options import ArticleOptions, Command, ServerOptions, with_options

SERVICE = "Service"


@app.command(cls=Command)
@with_options(server=ServerOptions, article=ArticleOptions)
def serve(
    server: ServerOptions,
    article: ArticleOptions,
    host: Annotated[
        str | None,
        typer.Option(
            metavar="ADDRESS",
            help="Address to listen on (127.0.0.1 unless an API key is set).",
            rich_help_panel=SERVICE,
        ),
    ] = None,
    port: Annotated[int | None, typer.Option(metavar="N", help="Port (default 8000).", rich_help_panel=SERVICE)] = None,
    db: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="SQLite job store (default: service/jobs.sqlite3 in the cache folder).",
            rich_help_panel=SERVICE,
        ),
    ] = None,
    concurrency: Annotated[
        int | None, typer.Option(metavar="N", help="Articles summarized at once (default 4).", rich_help_panel=SERVICE)
    ] = None,
    rate_limit: Annotated[
        float | None,
        typer.Option(
            metavar="N", help="Requests a minute per key (default 600; 0: no limit).", rich_help_panel=SERVICE
        ),
    ] = None,
    log_level: Annotated[
        str | None, typer.Option(metavar="LEVEL", help="debug, info, warning (default info).", rich_help_panel=SERVICE)
    ] = None,
) -> None:
    """Serve the API over HTTP; API keys come from SUMMARIZER_SERVICE_API_KEYS (hashed at once)."""
    try:
        from ..service import resolve_service_settings
        from ..service import serve as run
        from ..service.server import check_start

        settings = resolve_service_settings(
            host=host, port=port, db_path=db, concurrency=concurrency, rate_limit=rate_limit, log_level=log_level
        )
        import fastapi  # noqa: F401  (the extra is checked before anything is logged)
        import uvicorn  # noqa: F401

        check_start(settings, **server.settings(), **article.settings())  # said here once, not as a JSON log line
    except ImportError as exc:
        raise _fail(
            ConfigError(f"the service needs its extra ({exc.name} is missing): pip install 'summarizer[service]'")
        ) from exc
    except SummarizerError as exc:
        raise _fail(exc) from exc
    try:
        run(settings, **server.settings(), **article.settings())
    except SummarizerError as exc:
        raise _fail(exc) from exc
