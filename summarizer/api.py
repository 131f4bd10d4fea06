"""The Python API: ``Summarizer`` for many calls, ``summarize``/``asummarize`` for one."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from pydantic import ValidationError as PydanticValidationError

from . import extractive
from .cache import RecordCache, cache_key
from .config import Settings, check_credentials, estimate_cost, option_name, resolve_settings
from .errors import GroundingError, OutputError
from .extractive import extract, language_warning
from .extractive.verifier import verify
from .ingest.documents import (
    Document,
    truncate,
)
from .ingest.language import Language, detect_language
from .ingest.provenance import provenance
from .ingest.sources import ARTICLE_SUFFIXES, Source, looks_like_path, make_document, resolve_source
from .llm import grounding
from .llm.prompts import build_messages
from .models import (
    SCHEMA_VERSION,
    ArticleSummary,
    Attempts,
    Checks,
    GroundingReport,
    Span,
    SummaryRecord,
    SummaryResponse,
    place_quotes,
)
from .quotes import ArticleIndex

if TYPE_CHECKING:  # httpx2, openai and instructor load only when an LLM is used
    import httpx2

    from .llm.local_server import ModelFile
    from .llm.providers import Answer, ChatClient

__all__ = ["ARTICLE_SUFFIXES", "Summarizer", "asummarize", "looks_like_path", "resolve_source", "summarize"]

_PathArg = str | os.PathLike[str] | None
_CALL_OPTIONS = ("refresh", "article_id", "text_field", "title", "published", "publisher", "url")
OFFLINE_NOTICE = (
    "no LLM configured: using the built-in extractive engine; set OPENAI_API_KEY or --base-url for LLM summaries"
)
logger = logging.getLogger("summarizer")
_announced = False


def _announce_offline() -> None:
    """Say once per process that the extractive engine stands in for an LLM."""
    global _announced
    if not _announced:
        _announced = True
        logger.warning(OFFLINE_NOTICE)


@dataclass(frozen=True)
class _Job:
    """One article made ready: its document, language, messages (LLM only), prompt version and cache key."""

    document: Document
    language: Language
    messages: list[dict[str, str]]
    version: str
    key: str


def _checked_by(key: str) -> str:
    """The cache key under which the version of the code that checked a stored LLM record is kept."""
    return f"{key}:checks"


def _checks() -> str:
    """The verifier's version: the extractive engine's content hash, read when used."""
    return extractive.ENGINE_VERSION


class Summarizer:
    """Holds settings, the server clients and the cache for many articles.

    ``checks_executor`` moves the verifier of LLM answers off the event loop in
    ``asummarize``: ``"thread"`` (``asyncio.to_thread``) or any ``Executor``, a
    process pool included.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        http_client: httpx2.Client | None = None,
        async_http_client: httpx2.AsyncClient | None = None,
        sleep: Callable[[float], None] | None = None,
        async_sleep: Callable[[float], Awaitable[None]] | None = None,
        checks_executor: Executor | Literal["thread"] | None = None,
        **options: Any,
    ) -> None:
        self.settings = settings if settings is not None else resolve_settings(**options)
        self._checks_executor = checks_executor  # verify(summary, text) pickles: any executor will do
        if settings is not None and options:
            self.settings = replace(settings, **options)
        self.engine = self.settings.resolved_engine()
        self._client: ChatClient | None = None
        if self.engine == "llm":
            check_credentials(self.settings)  # before the SDK's import, so a missing key is told at once
            from .llm.providers import ChatClient

            self._client = ChatClient(
                self.settings,
                http_client=http_client,
                async_http_client=async_http_client,
                sleep=sleep,
                async_sleep=async_sleep,
            )
        elif self.settings.engine == "auto":
            _announce_offline()
        # The batch run this Summarizer works in (``run_batch`` sets it, and its workers'): a record it finds
        # that this run stored for the same article was computed in this run, so it is not marked cached.
        self.run: str | None = None
        assert self.settings.cache_dir is not None
        self._cache = RecordCache(self.settings.cache_dir) if self.settings.use_cache else None

    def _prepare(
        self, source: Source | None, text: str | None, path: _PathArg, meta: dict[str, Any], text_field: str | None
    ) -> _Job:
        document = make_document(resolve_source(source, text=text, path=path), meta, text_field)
        s = self.settings
        document = truncate(document, s.max_chars)
        language = detect_language(document.text)
        written_in = None
        if self.engine == "extractive":
            messages: list[dict[str, str]] = []
            # read when used, so a changed engine version is never served an older record
            version = extractive.ENGINE_VERSION
            provider, model, sampling = "extractive", version, {}
        else:
            target = s.target_language(language.code)
            messages, version = build_messages(document.text, article_language=language.code, summary_language=target)
            provider, model, sampling = s.provider, self._model_identity(), s.sampling()
            written_in = f"{language.code}>{target}"
        key = cache_key(
            document.text,
            provider=provider,
            model=model,
            prompt_version=version,
            schema_version=SCHEMA_VERSION,
            sampling=sampling,
            language=written_in,
        )
        return _Job(document, language, messages, version, key)

    def _model_identity(self) -> str:
        """What names the model in cache keys: for a local GGUF file its name and sha256, else the model setting."""
        model_file = self._model_file()
        return model_file.identity if model_file is not None else self.settings.model

    def _model_file(self) -> ModelFile | None:
        """The local GGUF file, checked and hashed; also where no client is built (a batch worker process)."""
        if self._client is not None:
            return self._client.model_file
        if self.settings.model_path is None:
            return None
        from .llm import local_server

        return local_server.model_file(self.settings.model_path, self.settings.cache_dir)

    def _provenance(self, job: _Job, article_id: str | None) -> dict[str, Any]:
        record = provenance(job.document, article_id)
        warning = language_warning(job.language)
        if warning is not None:
            if self.engine == "extractive":
                record["warnings"].append(warning)
            elif self.settings.verify:
                record["warnings"].append(
                    f"checks skipped: the article is in {job.language.code} and the extractive verifier reads English"
                )
        record["language"] = job.language.code
        record["language_confidence"] = job.language.confidence
        return record

    def _verifies(self, job: _Job) -> bool:
        return self.settings.verify and job.language.is_english

    def _cached(self, job: _Job, article_id: str | None, refresh: bool) -> SummaryRecord | None:
        if self._cache is None or refresh or self.settings.refresh:
            return None
        found = self._cache.lookup(job.key)
        if found is None:
            return None
        hit, run = found
        if hit.engine == "llm" and self._verifies(job) and self._cache.get_text(_checked_by(job.key)) != _checks():
            # checked by older code: the model's answer still stands, so check it again rather than ask again
            checked = hit.model_copy(update={"checks": verify(hit.summary, job.document.text)})
            hit = self._store(job.key, checked, run=run)
        described = self._provenance(job, article_id)
        ours = run is not None and run == self.run and hit.article_id == described["article_id"]
        return hit.model_copy(update={"cached": not ours, **described})

    def _store(self, key: str, record: SummaryRecord, *, run: str | Literal["now"] | None = "now") -> SummaryRecord:
        """Cache a record, tagged with the run that made it: this one ("now"), or an older answer's, checked again."""
        if self._cache is not None:
            self._cache.set(key, record, run=self.run if run == "now" else run)
            if record.engine == "llm" and record.checks is not None:
                self._cache.set_text(_checked_by(key), _checks())
        return record

    def _extractive(self, job: _Job, article_id: str | None) -> SummaryRecord:
        started = time.perf_counter()
        document = job.document
        summary = extract(document.text, job.language, document.published)
        spans, unplaced = place_quotes(summary.quoted(), ArticleIndex(document.text).locate, document.text)
        described = self._provenance(job, article_id)
        if unplaced:
            described["warnings"].append(_unplaced(unplaced))
        record = SummaryRecord(
            **described,
            content_sha256=document.sha256,
            engine="extractive",
            provider=None,
            model=None,
            prompt_version=job.version,
            cost_usd=0.0,
            latency_s=round(time.perf_counter() - started, 4),
            created_at=datetime.now(UTC),
            grounding=GroundingReport(checked=sum(1 for _ in summary.quoted())),
            summary=summary,
            spans=spans,
            article_text=document.text,
        )
        return self._store(job.key, record)

    def _finish(
        self, answer: Answer, job: _Job, article_id: str | None, started: float, index: ArticleIndex
    ) -> SummaryRecord:
        salvaged = self._salvage(answer, index)
        checks = verify(salvaged[0], job.document.text) if self._verifies(job) else None
        record = self._record(answer, job, article_id, time.perf_counter() - started, salvaged, checks)
        return self._store(job.key, record)

    async def _afinish(
        self, answer: Answer, job: _Job, article_id: str | None, started: float, index: ArticleIndex
    ) -> SummaryRecord:
        """``_finish`` with the verifier run by ``checks_executor`` when one is given, off the event loop."""
        salvaged = self._salvage(answer, index)
        summary = salvaged[0]
        checks = None
        if self._verifies(job):
            executor = self._checks_executor
            if executor is None:
                checks = verify(summary, job.document.text)
            elif executor == "thread":
                checks = await asyncio.to_thread(verify, summary, job.document.text)
            else:
                loop = asyncio.get_running_loop()
                checks = await loop.run_in_executor(executor, verify, summary, job.document.text)
        record = self._record(answer, job, article_id, time.perf_counter() - started, salvaged, checks)
        return self._store(job.key, record)

    def _record(
        self,
        answer: Answer,
        job: _Job,
        article_id: str | None,
        latency: float,
        salvaged: tuple[ArticleSummary, GroundingReport, list[Span]],
        checks: Checks | None,
    ) -> SummaryRecord:
        s = self.settings
        model_file = self._model_file()
        document = job.document
        summary, report, spans = salvaged
        stats = answer.stats
        described = self._provenance(job, article_id)
        placed = {span.field for span in spans}
        unplaced = [path for path, _ in summary.quoted() if path not in placed]
        if unplaced:
            described["warnings"].append(_unplaced(unplaced))
        return SummaryRecord(
            **described,
            content_sha256=document.sha256,
            engine="llm",
            provider=s.provider,
            model=model_file.name if model_file is not None else s.model,
            model_sha256=model_file.sha256 if model_file is not None else None,
            prompt_version=job.version,
            usage=stats.usage,
            cost_usd=estimate_cost(s.model, stats.usage.prompt_tokens, stats.usage.completion_tokens, local=s.is_local),
            latency_s=round(latency, 4),
            attempts=Attempts(requests=stats.requests, transport_retries=stats.transport_retries, reasks=stats.reasks),
            cached=False,
            created_at=datetime.now(UTC),
            grounding=report,
            checks=checks,
            summary=summary,
            spans=spans,
            article_text=document.text,
        )

    def _salvage(self, answer: Answer, index: ArticleIndex) -> tuple[ArticleSummary, GroundingReport, list[Span]]:
        """Return the summary to store (the valid answer, or the last one minus bad quotes) and its spans."""
        if answer.response is not None:
            cleaned, report, spans = grounding.ground(answer.response, index)  # validated: nothing drops
            return ArticleSummary.from_response(cleaned), report, spans
        tries = answer.stats.requests
        try:
            response = SummaryResponse.model_validate_json(answer.last_content or "")
        except PydanticValidationError as exc:
            raise OutputError(
                f"the model gave no valid answer in {answer.stats.model_calls} tries: "
                f"{_describe(exc)}. Try a stronger model or raise {option_name('max_reasks')}.",
                attempts=tries,
                usage=answer.stats.usage,
            ) from exc
        cleaned, report, spans = grounding.ground(response, index)
        if self.settings.strict_grounding and report.dropped:
            missing = [d.text for d in report.dropped]
            raise GroundingError(
                f"{len(missing)} quote(s) are not in the article after "
                f"{answer.stats.reasks} re-ask(s): {missing[:3]}; turn strict_grounding "
                "off to keep the rest of the answer",
                missing=missing,
                attempts=tries,
                usage=answer.stats.usage,
            )
        return ArticleSummary.from_response(cleaned), report, spans

    @property
    def client(self) -> ChatClient | None:
        """The LLM client (None for the extractive engine), for callers that ask the server in other ways."""
        return self._client

    def prepare(self, document: Document, *, article_id: str | None = None) -> tuple[_Job, SummaryRecord | None]:
        """Make an article ready for an answer asked elsewhere (the Batch API): its job, and its cached record."""
        job = self._prepare(document, None, None, {}, None)
        return job, self._cached(job, article_id, refresh=False)

    def record_answer(
        self, answer: Answer, job: _Job, article_id: str | None, *, latency: float, **update: Any
    ) -> SummaryRecord:
        """The record of an answer asked elsewhere, through the same grounding, verifier and cache as summarize.

        ``update`` sets provenance fields (``cost_usd`` at another price, ``batch``) before the record is cached.
        """
        salvaged = self._salvage(answer, ArticleIndex(job.document.text))
        checks = verify(salvaged[0], job.document.text) if self._verifies(job) else None
        record = self._record(answer, job, article_id, latency, salvaged, checks)
        if update:
            record = record.model_copy(update=update)
        return self._store(job.key, record)

    def summarize(
        self,
        text_or_path: Source | None = None,
        *,
        text: str | None = None,
        path: str | os.PathLike[str] | None = None,
        refresh: bool = False,
        article_id: str | None = None,
        text_field: str | None = None,
        **meta: Any,
    ) -> SummaryRecord:
        """Summarize one article into a record: text=..., path=..., or one positional argument.

        A positional Path is a file; a positional str is text unless ``looks_like_path``
        says it names a file, which must then exist (else InputError). ``text_field``
        names the field holding a JSON file's text; a dotted path (``story.body``)
        reaches into nested objects.
        """
        job = self._prepare(text_or_path, text, path, meta, text_field)
        hit = self._cached(job, article_id, refresh)
        if hit is not None:
            return hit
        if self._client is None:
            return self._extractive(job, article_id)
        started = time.perf_counter()
        index = ArticleIndex(job.document.text)  # the article normalised once: grounding, salvage and spans
        answer = self._client.extract(job.messages, index)
        return self._finish(answer, job, article_id, started, index)

    async def asummarize(
        self,
        text_or_path: Source | None = None,
        *,
        text: str | None = None,
        path: str | os.PathLike[str] | None = None,
        refresh: bool = False,
        article_id: str | None = None,
        text_field: str | None = None,
        **meta: Any,
    ) -> SummaryRecord:
        """Async form of ``summarize``."""
        job = self._prepare(text_or_path, text, path, meta, text_field)
        hit = self._cached(job, article_id, refresh)
        if hit is not None:
            return hit
        if self._client is None:
            return self._extractive(job, article_id)
        started = time.perf_counter()
        index = ArticleIndex(job.document.text)
        answer = await self._client.aextract(job.messages, index)
        return await self._afinish(answer, job, article_id, started, index)

    def close(self) -> None:
        """Release the HTTP client and the cache."""
        if self._client is not None:
            self._client.close()
        if self._cache is not None:
            self._cache.close()

    async def aclose(self) -> None:
        """Release both HTTP clients and the cache."""
        if self._client is not None:
            await self._client.aclose()
        if self._cache is not None:
            self._cache.close()

    def __enter__(self) -> Summarizer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    async def __aenter__(self) -> Summarizer:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()


def _unplaced(paths: list[str]) -> str:
    return f"no span for {', '.join(paths)}: the quote matcher could not place it in the article text"


def _describe(exc: PydanticValidationError, limit: int = 4) -> str:
    problems = [
        f"{'.'.join(str(part) for part in err['loc']) or 'answer'}: {err['msg'].removeprefix('Value error, ')}"
        for err in exc.errors()
    ]
    more = f" (+{len(problems) - limit} more)" if len(problems) > limit else ""
    return "; ".join(problems[:limit]) + more


def summarize(
    text_or_path: Source | None = None,
    *,
    text: str | None = None,
    path: str | os.PathLike[str] | None = None,
    **options: Any,
) -> SummaryRecord:
    """Summarize one article (text=..., path=... or positional) with settings from options and the environment."""
    resolve_source(text_or_path, text=text, path=path)  # a bad input fails before any client is built
    call = {k: options.pop(k) for k in _CALL_OPTIONS if k in options}
    with Summarizer(**options) as summarizer:
        return summarizer.summarize(text_or_path, text=text, path=path, **call)


async def asummarize(
    text_or_path: Source | None = None,
    *,
    text: str | None = None,
    path: str | os.PathLike[str] | None = None,
    **options: Any,
) -> SummaryRecord:
    """Async form of ``summarize``."""
    resolve_source(text_or_path, text=text, path=path)
    call = {k: options.pop(k) for k in _CALL_OPTIONS if k in options}
    async with Summarizer(**options) as summarizer:
        return await summarizer.asummarize(text_or_path, text=text, path=path, **call)
