"""The HTTP API: each route reads the request and calls the library (Summarizer, the batch loop, the digest)."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, StreamingResponse
from fastapi_offline import FastAPIOffline
from pydantic import ValidationError

from .. import __version__
from ..config import resolve_settings
from ..digest import build_digest, load_records, polish_digest
from ..digest.rendering import CONTENT_SECURITY_POLICY as DIGEST_POLICY
from ..digest.rendering import render_html, render_markdown
from ..digest.review import render_review
from ..digest.review_style import CONTENT_SECURITY_POLICY as REVIEW_POLICY
from ..errors import SummarizerError
from ..models import SummaryRecord
from .auth import KeyRing, RateLimiter
from .errors import install_handlers
from .inputs import (
    BATCH_TYPES,
    JSONL_TYPES,
    NOT_RECORDS,
    ArticleIn,
    RequestProblem,
    batch_articles,
    digest_request,
    form_files,
    media_type,
    problems,
    read_body,
    single_article,
)
from .jobs import JobStore
from .metrics import CONTENT_TYPE, Metrics
from .middleware import DOCS_ASSETS, OPEN_PATHS, ServiceMiddleware
from .runner import Busy, Engines, JobRunner
from .security import SecurityHeaders
from .settings import ServiceSettings, resolve_service_settings
from .wire import BatchAccepted, BatchStatus, DigestIn, ErrorBody, Health

__all__ = ["create_app"]

logger = logging.getLogger("summarizer.service")
Engine = Literal["auto", "extractive", "llm"]
EngineQuery = Annotated[Engine | None, Query(description="Engine for this request (default: as the server is set).")]
RefreshQuery = Annotated[bool, Query(description="Summarize afresh instead of answering from the cache.")]
TextFieldQuery = Annotated[
    str | None,
    Query(
        max_length=200,
        description=(
            "The JSON field (or dotted path, story.body) holding each article's text, when it is not "
            "text, body, content, articleBody, article or full_text (the CLI's --text-field)."
        ),
    ),
]
PartialQuery = Annotated[
    bool,
    Query(
        description=(
            "With batch_id: a briefing of a job still queued or running, from the records it has so far "
            "(409 without it); X-Batch-Done and X-Batch-Total say how far it was."
        )
    ),
]
PolishQuery = Annotated[
    bool,
    Query(
        description=(
            "Have the server's LLM rewrite each brief from its records (the CLI's digest --polish); "
            "400 when the server has no LLM configured."
        )
    ),
]
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody} for code in (400, 401, 413, 415, 422, 429, 502, 503)
}
POLISHED_HEADER = "X-Briefs-Polished"
_TEXT = {"schema": {"type": "string"}}
_SUMMARY_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "text/plain": _TEXT,
            "text/html": _TEXT,
        },
    }
}
_DIGEST_BODY = {
    "requestBody": {"required": True, "content": {"application/json": {"schema": DigestIn.model_json_schema()}}}
}
_JSONL = {"schema": {"type": "string", "description": "One JSON object a line, each with a text (or html) field."}}
_BATCH_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            **{kind: _JSONL for kind in JSONL_TYPES[:1]},
            "application/json": {
                "schema": {"description": "A JSON array of article objects (or one object), each with text or html."}
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}},
                }
            },
        },
    }
}


def _declare_bearer_keys(app: FastAPI) -> None:
    """Say in /openapi.json that every route but the open ones takes a Bearer key (and may answer 401 or 429)."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = build()
        schema.setdefault("components", {})["securitySchemes"] = {
            "apiKey": {"type": "http", "scheme": "bearer", "description": "Authorization: Bearer <key>"}
        }
        error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}}
        for path, operations in schema["paths"].items():
            if path in OPEN_PATHS:
                continue
            for operation in operations.values():
                operation["security"] = [{"apiKey": []}]
                for status, what in (("401", "No API key, or not a valid one"), ("429", "Over this key's rate limit")):
                    operation["responses"].setdefault(status, {"description": what, **error})
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(settings: ServiceSettings | None = None, **summarizer_options: Any) -> FastAPI:
    """Build the service: settings from the arguments, else the environment; Summarizer options as the API takes."""
    settings = settings if settings is not None else resolve_service_settings()
    store = JobStore(settings.store_path(resolve_settings(**summarizer_options).cache_dir))
    engines = Engines(**summarizer_options)
    holder: dict[str, JobRunner] = {}
    metrics = Metrics(queue_depth=store.pending_count, in_flight=lambda: holder["runner"].in_flight)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runner = holder["runner"] = JobRunner(
            store,
            engines,
            metrics,
            concurrency=settings.concurrency,
            max_waiting=settings.max_waiting,
            workers=settings.workers,
        )
        try:
            engine = engines.default_engine()  # a configuration error stops the start, with its message
            await runner.start()  # so does a worker process that dies as it starts
        except SummarizerError as exc:
            logger.error("%s", exc, extra={"error_type": type(exc).__name__})
            app.state.start_error = exc  # serve() raises it once uvicorn has stopped, for the CLI to report
            raise
        logger.info(
            "ready: engine %s, job store %s, %s",
            engine,
            store.path,
            "API keys required" if settings.auth_required else "no API key (127.0.0.1 only)",
            extra={"engine": engine, "store": str(store.path), "auth": settings.auth_required},
        )
        try:
            yield
        finally:
            logger.info(
                "stopping: in-flight articles get %.0f s, the rest go back in the queue", settings.shutdown_grace
            )
            await runner.stop(settings.shutdown_grace)
            await engines.aclose()
            store.close()

    # /docs and /redoc load their scripts and styles from this server (fastapi-offline's copies), not a CDN
    app = FastAPIOffline(
        static_url=DOCS_ASSETS,
        title="summarizer",
        version=__version__,
        description="News articles in, structured and verifiable records out. Bearer API keys when configured.",
        lifespan=lifespan,
    )
    install_handlers(app)
    if settings.auth_required:
        _declare_bearer_keys(app)
    app.add_middleware(
        ServiceMiddleware,
        keys=KeyRing(settings.key_hashes),
        limiter=RateLimiter(settings.rate_limit, settings.rate_burst),
        metrics=metrics,
        max_body=settings.max_body_bytes,
    )
    # added last, so outermost: a browser's preflight (which carries no key) is answered before the key check
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
        )
    app.add_middleware(SecurityHeaders)  # outermost: every answer, a preflight's and a refused key's too

    def runner() -> JobRunner:
        return holder["runner"]

    def owned(request: Request, job_id: str) -> dict[str, Any]:
        """The job's status if it exists and the caller may see it (404 otherwise: no hint either way)."""
        status = store.status(job_id)
        if status is None or (settings.auth_required and status["owner"] != request.state.caller):
            raise RequestProblem(404, f"no batch {job_id[:64]}")
        return status

    # HEAD too: uptime monitors and load balancers often probe with it (405 before)
    @app.get("/healthz", response_model=Health, tags=["probes"])
    @app.head("/healthz", response_model=Health, tags=["probes"], operation_id="healthz_head")
    async def healthz() -> Health:
        """Liveness: the process answers."""
        return Health(status="ok")

    @app.get("/readyz", response_model=Health, responses={503: {"model": Health}}, tags=["probes"])
    @app.head(
        "/readyz",
        response_model=Health,
        responses={503: {"model": Health}},
        tags=["probes"],
        operation_id="readyz_head",
    )
    async def readyz() -> Any:
        """Readiness: the job store and the worker are up (503 while starting or stopping, or when workers failed)."""
        if holder.get("runner") is None or not runner().ready:
            return Response(Health(status="stopping").model_dump_json(), 503, media_type="application/json")
        pool = runner().pool
        if pool is not None and pool.failed is not None:
            return Response(Health(status="failed").model_dump_json(), 503, media_type="application/json")
        return Health(status="ok")

    @app.get("/metrics", response_class=Response, tags=["probes"])
    async def metrics_text() -> Response:
        """Prometheus metrics: requests, latency, articles by engine and status, tokens, cost, queue depth."""
        return Response(metrics.render(), media_type=CONTENT_TYPE)

    @app.post(
        "/v1/summaries",
        responses={200: {"model": SummaryRecord}, **_ERRORS, 504: {"model": ErrorBody}},
        openapi_extra=_SUMMARY_BODY,
        tags=["summaries"],
    )
    async def summaries(request: Request, engine: EngineQuery = None, refresh: RefreshQuery = False) -> Response:
        """Summarize one article: JSON {text or html, title, date, url}, or a text/plain or text/html body."""
        body = await read_body(request, settings.max_body_bytes)
        limit = settings.max_article_bytes
        call, meta = await asyncio.to_thread(single_article, body, request.headers.get("content-type", ""), limit=limit)
        work = runner().summarize(engine=None if engine == "auto" else engine, refresh=refresh, **call, **meta)
        try:
            record = await asyncio.wait_for(work, timeout=settings.request_timeout or None)
        except TimeoutError:  # the work is cancelled: a hung LLM server costs this request, not the whole retry budget
            raise RequestProblem(
                504,
                f"no summary within {settings.request_timeout:g} s (SUMMARIZER_SERVICE_REQUEST_TIMEOUT): "
                "the LLM server is slow or hung; retry later, or send long or slow work to /v1/batches",
            ) from None
        line = record.model_dump_json()
        if isinstance(record, SummaryRecord):
            owner = request.state.caller if settings.auth_required else None
            await asyncio.to_thread(store.keep, record.article_id, line, owner)
        return Response(line, media_type="application/json")

    @app.get(
        "/v1/records/{article_id}/review",
        response_class=HTMLResponse,
        responses={404: {"model": ErrorBody}},
        tags=["records"],
    )
    async def review(request: Request, article_id: str) -> HTMLResponse:
        """The review page of a record this server made: the article with every quote highlighted at its span."""
        owner = request.state.caller if settings.auth_required else None
        line = await asyncio.to_thread(store.record, article_id, owner)
        if line is None:
            raise RequestProblem(404, f"no record for article {article_id[:64]} on this server")
        page = await asyncio.to_thread(render_review, SummaryRecord.model_validate_json(line))
        return HTMLResponse(page, headers={"Content-Security-Policy": REVIEW_POLICY})

    @app.post(
        "/v1/batches",
        status_code=202,
        response_model=BatchAccepted,
        responses=_ERRORS,
        openapi_extra=_BATCH_BODY,
        tags=["batches"],
    )
    async def batches(
        request: Request,
        response: Response,
        engine: EngineQuery = None,
        refresh: RefreshQuery = False,
        text_field: TextFieldQuery = None,
    ) -> BatchAccepted:
        """Queue many articles (JSON lines, or files as multipart/form-data); answers at once with the job id."""
        kind = media_type(request.headers.get("content-type"))
        if kind not in BATCH_TYPES:
            got = f"not {kind}" if kind else "the request has no Content-Type"
            raise RequestProblem(415, f"send JSON lines (application/x-ndjson) or multipart/form-data; {got}")
        chosen = None if engine == "auto" else engine
        runner().worker(chosen, refresh=refresh)  # an engine this server cannot run is refused now, not later
        body = await read_body(request, settings.max_body_bytes)
        files = await form_files(request, body, settings.max_body_bytes) if kind == "multipart/form-data" else None
        articles = await asyncio.to_thread(
            batch_articles,
            body,
            kind,
            files=files,
            limit=settings.max_article_bytes,
            max_articles=settings.max_batch_articles,
        )
        waiting = store.pending_count()
        if waiting + len(articles) > settings.max_queue:
            raise Busy(f"{waiting:,} articles are queued (limit {settings.max_queue:,}); retry later")
        options: dict[str, Any] = {"engine": chosen, "refresh": refresh}
        if text_field:
            options["text_field"] = text_field
        job_id = store.create(articles, options=options, owner=request.state.caller)
        runner().wake()
        logger.info("job %s: %d articles queued", job_id, len(articles), extra={"job_id": job_id})
        response.headers["Location"] = f"/v1/batches/{job_id}"
        return BatchAccepted(
            id=job_id,
            total=len(articles),
            status_url=f"/v1/batches/{job_id}",
            records_url=f"/v1/batches/{job_id}/records",
        )

    @app.get(
        "/v1/batches/{job_id}", response_model=BatchStatus, responses={404: {"model": ErrorBody}}, tags=["batches"]
    )
    async def batch_status(request: Request, job_id: str) -> BatchStatus:
        """A job's state and counts."""
        status = owned(request, job_id)
        status.pop("owner")
        return BatchStatus(**status)

    @app.get(
        "/v1/batches/{job_id}/records",
        response_class=StreamingResponse,
        responses={200: {"content": {"application/x-ndjson": {}}}, 404: {"model": ErrorBody}},
        tags=["batches"],
    )
    async def batch_records(
        request: Request,
        job_id: str,
        cursor: Annotated[int, Query(ge=0, description="X-Next-Cursor of the previous page; 0 to start.")] = 0,
        limit: Annotated[int, Query(ge=1, le=5000, description="Records in this page at most.")] = 1000,
    ) -> StreamingResponse:
        """The job's records as JSON lines, in the order they completed; X-Next-Cursor continues from there."""
        status = owned(request, job_id)
        rows = store.results(job_id, after=cursor, limit=limit)
        next_cursor = rows[-1][0] if rows else cursor

        def lines() -> Iterator[str]:
            for _, line in rows:
                yield line + "\n"

        headers = {
            "X-Next-Cursor": str(next_cursor),
            "X-Batch-Status": status["status"],
            "X-Batch-Done": str(status["done"]),
            "X-Batch-Total": str(status["total"]),
        }
        return StreamingResponse(lines(), media_type="application/x-ndjson", headers=headers)

    @app.delete(
        "/v1/batches/{job_id}", response_model=BatchStatus, responses={404: {"model": ErrorBody}}, tags=["batches"]
    )
    async def batch_cancel(request: Request, job_id: str) -> BatchStatus:
        """Cancel a job: waiting articles are dropped; records already made stay readable."""
        owned(request, job_id)
        store.cancel(job_id)
        status = owned(request, job_id)
        status.pop("owner")
        return BatchStatus(**status)

    @app.post(
        "/v1/digests",
        responses={
            200: {
                "content": {"text/html": {}, "text/markdown": {}, "application/json": {}},
                "headers": {
                    POLISHED_HEADER: {
                        "description": "With polish: how many briefs the LLM rewrote (the rest keep the built-in one).",
                        "schema": {"type": "integer"},
                    }
                },
            },
            404: {"model": ErrorBody},
            409: {"model": ErrorBody, "description": "The batch is still queued or running (see partial)."},
            **_ERRORS,
            504: {"model": ErrorBody, "description": "With polish: the LLM did not finish within the request timeout."},
        },
        openapi_extra=_DIGEST_BODY,
        tags=["digests"],
    )
    async def digests(
        request: Request,
        format: Annotated[Literal["html", "markdown", "md", "json"], Query(description="Briefing format.")] = "html",
        max_stories: Annotated[int, Query(ge=1, le=500, description="Stories shown (JSON keeps all).")] = 30,
        polish: PolishQuery = False,
        partial: PartialQuery = False,
    ) -> Response:
        """A briefing (HTML, Markdown or JSON) from records or a batch job's records; polish=true: LLM briefs."""
        if media_type(request.headers.get("content-type")) != "application/json":
            raise RequestProblem(415, "send the records or the batch id as application/json")
        spec = digest_request(await read_body(request, settings.max_body_bytes))
        if (spec.records is None) == (spec.batch_id is None):
            raise RequestProblem(422, "give exactly one of records or batch_id")
        batch_headers: dict[str, str] = {}
        if spec.batch_id is not None:
            status = owned(request, spec.batch_id)
            if status["status"] in ("queued", "running") and not partial:
                raise RequestProblem(
                    409,
                    f"batch {spec.batch_id} is still {status['status']} ({status['done']:,} of {status['total']:,} "
                    f"articles done); wait until GET /v1/batches/{spec.batch_id} says done, or add partial=true "
                    "for a briefing of what is done so far",
                )
            batch_headers = {
                "X-Batch-Status": status["status"],
                "X-Batch-Done": str(status["done"]),
                "X-Batch-Total": str(status["total"]),
            }
            lines = [line for _, line in store.results(spec.batch_id, after=0, limit=settings.max_batch_articles)]
        else:
            lines = [json.dumps(row) for row in spec.records or []]
        try:
            records, errors = load_records(lines)
        except ValidationError as exc:  # its text quotes the record, which may hold anything: locations only
            raise RequestProblem(422, NOT_RECORDS, problems(exc)) from None
        except ValueError as exc:
            raise RequestProblem(422, f"the records are not summarizer records: {exc}") from None

        def render() -> tuple[str, str, dict[str, str]]:
            built = build_digest(records, title=spec.title, skipped_errors=errors)
            headers = {}
            if polish:  # the server's LLM, whichever engine summarizes by default (as ?engine=llm can)
                built = polish_digest(built, records, **{**engines.options, "engine": "auto"})
                headers[POLISHED_HEADER] = str(sum(s.polished for s in built.stories))
            if format == "html":
                headers["Content-Security-Policy"] = DIGEST_POLICY
                return render_html(built, max_stories=max_stories), "text/html; charset=utf-8", headers
            if format in ("md", "markdown"):
                return render_markdown(built, max_stories=max_stories), "text/markdown; charset=utf-8", headers
            return built.model_dump_json(indent=2), "application/json", headers

        rendering = asyncio.to_thread(render)
        try:  # only polishing waits on the LLM; the thread runs on (the library's breaker ends it), its briefs cached
            text, kind, headers = await asyncio.wait_for(
                rendering, timeout=(polish and settings.request_timeout) or None
            )
        except TimeoutError:
            raise RequestProblem(
                504,
                f"the briefs were not polished within {settings.request_timeout:g} s "
                "(SUMMARIZER_SERVICE_REQUEST_TIMEOUT): the LLM server is slow or hung; briefs already polished "
                "are cached, so asking again later goes on from there; or leave polish off",
            ) from None
        return Response(text, media_type=kind, headers={**headers, **batch_headers})

    app.state.store = store  # for routes added later (e.g. a record's review page): store.record(article_id)
    app.state.settings = settings
    return app
