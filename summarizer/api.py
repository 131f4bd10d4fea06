"""The Python API: ``Summarizer`` for many calls, ``summarize``/``asummarize`` for one."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError as PydanticValidationError

from . import grounding
from .cache import RecordCache, cache_key
from .checks import verify
from .config import Settings, check_credentials, estimate_cost, resolve_settings
from .errors import GroundingError, OutputError
from .extractive import ENGINE_VERSION, extract
from .ingest import Document, load_document, truncate
from .models import (
    SCHEMA_VERSION,
    ArticleSummary,
    Attempts,
    GroundingReport,
    IngestReport,
    SummaryRecord,
    SummaryResponse,
)
from .prompts import build_messages

if TYPE_CHECKING:  # httpx2, openai and instructor load only when an LLM is used
    import httpx2

    from .providers import Answer, ChatClient

__all__ = ["Summarizer", "asummarize", "summarize"]

Source = str | os.PathLike[str] | Document
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


class Summarizer:
    """Holds settings, the server clients and the cache for many articles."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        http_client: httpx2.Client | None = None,
        async_http_client: httpx2.AsyncClient | None = None,
        sleep: Callable[[float], None] | None = None,
        async_sleep: Callable[[float], Awaitable[None]] | None = None,
        **options: Any,
    ) -> None:
        self.settings = settings if settings is not None else resolve_settings(**options)
        if settings is not None and options:
            self.settings = replace(settings, **options)
        self.engine = self.settings.resolved_engine()
        self._client: ChatClient | None = None
        if self.engine == "llm":
            check_credentials(self.settings)  # before the SDK's import, so a missing key is told at once
            from .providers import ChatClient

            self._client = ChatClient(
                self.settings,
                http_client=http_client,
                async_http_client=async_http_client,
                sleep=sleep,
                async_sleep=async_sleep,
            )
        elif self.settings.engine == "auto":
            _announce_offline()
        assert self.settings.cache_dir is not None
        self._cache = RecordCache(self.settings.cache_dir) if self.settings.use_cache else None

    def _prepare(self, source: Source, meta: dict[str, Any]) -> tuple[Document, list[dict[str, str]], str, str]:
        if isinstance(source, Document):
            document = replace(source, **{k: v for k, v in meta.items() if v is not None}) if meta else source
        else:
            document = load_document(source, **meta)
        s = self.settings
        document = truncate(document, s.max_chars)
        if self.engine == "extractive":
            messages: list[dict[str, str]] = []
            version, provider, model, sampling = ENGINE_VERSION, "extractive", ENGINE_VERSION, {}
        else:
            messages, version = build_messages(document.text)
            provider, model, sampling = s.provider, s.model, s.sampling()
        key = cache_key(
            document.text,
            provider=provider,
            model=model,
            prompt_version=version,
            schema_version=SCHEMA_VERSION,
            sampling=sampling,
        )
        return document, messages, version, key

    def _cached(self, key: str, document: Document, article_id: str | None, refresh: bool) -> SummaryRecord | None:
        if self._cache is None or refresh or self.settings.refresh:
            return None
        hit = self._cache.get(key)
        if hit is None:
            return None
        return hit.model_copy(update={"cached": True, **_provenance(document, article_id)})

    def _store(self, key: str, record: SummaryRecord) -> SummaryRecord:
        if self._cache is not None:
            self._cache.set(key, record)
        return record

    def _extractive(self, document: Document, key: str, article_id: str | None) -> SummaryRecord:
        started = time.perf_counter()
        summary = extract(document.text)
        record = SummaryRecord(
            **_provenance(document, article_id),
            content_sha256=document.sha256,
            engine="extractive",
            provider=None,
            model=None,
            prompt_version=ENGINE_VERSION,
            cost_usd=0.0,
            latency_s=round(time.perf_counter() - started, 4),
            created_at=datetime.now(UTC),
            grounding=GroundingReport(checked=sum(1 for _ in summary.quoted())),
            summary=summary,
        )
        return self._store(key, record)

    def _finish(
        self, answer: Answer, document: Document, prompt_version: str, key: str, article_id: str | None, started: float
    ) -> SummaryRecord:
        s = self.settings
        summary, report = self._salvage(answer, document.text)
        stats = answer.stats
        record = SummaryRecord(
            **_provenance(document, article_id),
            content_sha256=document.sha256,
            engine="llm",
            provider=s.provider,
            model=s.model,
            prompt_version=prompt_version,
            usage=stats.usage,
            cost_usd=estimate_cost(s.model, stats.usage.prompt_tokens, stats.usage.completion_tokens, local=s.is_local),
            latency_s=round(time.perf_counter() - started, 4),
            attempts=Attempts(requests=stats.requests, transport_retries=stats.transport_retries, reasks=stats.reasks),
            cached=False,
            created_at=datetime.now(UTC),
            grounding=report,
            checks=verify(summary, document.text) if s.verify else None,
            summary=summary,
        )
        return self._store(key, record)

    def _salvage(self, answer: Answer, text: str) -> tuple[ArticleSummary, GroundingReport]:
        """Return the summary to store: the valid answer, or the last one minus bad quotes."""
        if answer.response is not None:
            checked = sum(1 for _ in answer.response.quoted())
            return ArticleSummary.from_response(answer.response), GroundingReport(checked=checked)
        tries = answer.stats.requests
        try:
            response = SummaryResponse.model_validate_json(answer.last_content or "")
        except PydanticValidationError as exc:
            raise OutputError(
                f"the model gave no valid answer in {answer.stats.model_calls} tries: "
                f"{_describe(exc)}. Try a stronger model or raise max_reasks.",
                attempts=tries,
                usage=answer.stats.usage,
            ) from exc
        article = grounding.normalize(text)
        cleaned, report = grounding.remove_ungrounded(response, article)
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
        return ArticleSummary.from_response(cleaned), report

    def summarize(
        self,
        text_or_path: Source,
        *,
        refresh: bool = False,
        article_id: str | None = None,
        **meta: Any,
    ) -> SummaryRecord:
        """Summarize one article (text, or a path to a file) into a record."""
        document, messages, prompt_version, key = self._prepare(text_or_path, meta)
        hit = self._cached(key, document, article_id, refresh)
        if hit is not None:
            return hit
        if self._client is None:
            return self._extractive(document, key, article_id)
        started = time.perf_counter()
        answer = self._client.extract(messages, document.text)
        return self._finish(answer, document, prompt_version, key, article_id, started)

    async def asummarize(
        self,
        text_or_path: Source,
        *,
        refresh: bool = False,
        article_id: str | None = None,
        **meta: Any,
    ) -> SummaryRecord:
        """Async form of ``summarize``."""
        document, messages, prompt_version, key = self._prepare(text_or_path, meta)
        hit = self._cached(key, document, article_id, refresh)
        if hit is not None:
            return hit
        if self._client is None:
            return self._extractive(document, key, article_id)
        started = time.perf_counter()
        answer = await self._client.aextract(messages, document.text)
        return self._finish(answer, document, prompt_version, key, article_id, started)

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


def _provenance(document: Document, article_id: str | None) -> dict[str, Any]:
    warnings = []
    if document.truncated_from is not None:
        warnings.append(
            f"article truncated from {document.truncated_from:,} to {len(document.text):,} characters "
            "(max_chars); only the first part was summarized"
        )
    return {
        "article_id": article_id or document.sha256[:16],
        "source_path": document.source_path,
        "title": document.title,
        "published": document.published,
        "publisher": document.publisher,
        "url": document.url,
        "ingest": IngestReport(
            format=document.format,
            encoding=document.encoding,
            original_chars=document.original_chars or len(document.text),
            removed_chars=document.removed_chars,
            truncated_from=document.truncated_from,
        ),
        "warnings": warnings,
    }


def _describe(exc: PydanticValidationError, limit: int = 4) -> str:
    problems = [
        f"{'.'.join(str(part) for part in err['loc']) or 'answer'}: {err['msg'].removeprefix('Value error, ')}"
        for err in exc.errors()
    ]
    more = f" (+{len(problems) - limit} more)" if len(problems) > limit else ""
    return "; ".join(problems[:limit]) + more


def summarize(text_or_path: Source, **options: Any) -> SummaryRecord:
    """Summarize one article with settings from options and the environment."""
    call = {
        k: options.pop(k) for k in ("refresh", "article_id", "title", "published", "publisher", "url") if k in options
    }
    with Summarizer(**options) as summarizer:
        return summarizer.summarize(text_or_path, **call)


async def asummarize(text_or_path: Source, **options: Any) -> SummaryRecord:
    """Async form of ``summarize``."""
    call = {
        k: options.pop(k) for k in ("refresh", "article_id", "title", "published", "publisher", "url") if k in options
    }
    async with Summarizer(**options) as summarizer:
        return await summarizer.asummarize(text_or_path, **call)
