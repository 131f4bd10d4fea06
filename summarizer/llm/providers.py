"""Talk to an OpenAI-compatible server; with ``first_try`` and ``batches``, the only openai and instructor users.

One code path serves every server kind. A profile picks how the answer's JSON
Schema is enforced:

| profile  | response_format sent                                         |
| -------- | ------------------------------------------------------------ |
| openai   | ``json_schema`` with ``strict: true`` (structured outputs)   |
| vllm     | ``json_schema`` (vLLM's guided decoding)                     |
| ollama   | ``json_schema`` (Ollama's structured outputs)                |
| llamacpp | ``json_object`` with ``schema`` (llama-cpp-python's grammar) |
| local    | ``json_schema`` (llama.cpp's native server, LLGuidance)      |

``local`` starts llama.cpp's server inside this process (``local_server``) on a
GGUF file and talks to it over HTTP like to any other server.

instructor (mode JSON_SCHEMA) runs the re-ask loop for invalid answers (the
first request is sent without its per-call setup: ``first_try``); every
request passes through ``_format_request`` (which sets the profile's
response_format: instructor 1.17 never sends ``strict``) and the transport retry
layer of ``retrying`` before reaching the SDK, whose own retries are off.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable, Iterator
from contextlib import AbstractContextManager
from functools import lru_cache
from typing import Any

import httpx2
import openai
from instructor.core import IncompleteOutputException, InstructorRetryException
from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from ..config import Settings, check_credentials, option_name
from ..errors import AccessDenied, ContextTooSmall, OutputError, ProviderError, RunStopped, ServiceUnreachable
from ..models import SummaryResponse
from ..quotes import ArticleIndex
from . import first_try, grounding, local_server
from .answers import Answer, CallStats
from .failures import (
    NO_KEY,
    NOT_SERVED,
    advice,
    connection_failure,
    describe,
    estimate_tokens,
    guard_logs,
    is_quota,
    is_retryable,
    plain,
    redact,
    retry_after,
)
from .retrying import Breaker, Pace, RetryPolicy, async_retrying, plural, sync_retrying

__all__ = ["Answer", "CallStats", "ChatClient", "response_format", "response_schema"]

DEFAULT_BASE_URLS = {
    "ollama": "http://localhost:11434/v1",
    "vllm": "http://localhost:8000/v1",
    "llamacpp": "http://localhost:8080/v1",
}
logger = logging.getLogger("summarizer.llm.providers")


@lru_cache(maxsize=8)
def response_schema(model: type[BaseModel] = SummaryResponse) -> dict[str, Any]:
    """Return the JSON Schema of the answer the model must give."""
    return model.model_json_schema()


@lru_cache(maxsize=8)
def _prepared(model: type[BaseModel]) -> type[BaseModel]:
    """instructor's wrapper of a response model, made once.

    instructor 1.17 wraps a plain model in a fresh subclass on every request
    (about 1.3 ms); a model that already is its ResponseSchema is used as is.
    """
    from instructor.v2.core.function_calls import response_schema as wrap

    return wrap(model)


def response_format(profile: str, model: type[BaseModel] = SummaryResponse) -> dict[str, Any]:
    """Return the response_format a profile's server needs to enforce the schema."""
    schema = response_schema(model)
    if profile == "llamacpp":
        return {"type": "json_object", "schema": schema}
    spec: dict[str, Any] = {"name": model.__name__, "schema": schema}
    if profile == "openai":
        spec["strict"] = True
    return {"type": "json_schema", "json_schema": spec}


class ChatClient:
    """Holds the SDK clients for one server and asks it for one article's answer."""

    def __init__(
        self,
        settings: Settings,
        *,
        http_client: httpx2.Client | None = None,
        async_http_client: httpx2.AsyncClient | None = None,
        sleep: Callable[[float], None] | None = None,
        async_sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self.settings = settings
        self.base_url = settings.base_url or DEFAULT_BASE_URLS.get(settings.provider)
        check_credentials(settings)
        key = settings.api_key or NO_KEY
        self._key = key
        guard_logs(key)
        self._http_client = http_client
        self._async_http_client = async_http_client
        self._sleep = sleep
        self._async_sleep = async_sleep
        self._format = response_format(settings.provider)
        self.breaker = Breaker(settings.breaker_threshold)
        self._policy = RetryPolicy(
            is_retryable,
            retry_after,
            max_attempts=settings.max_attempts,
            max_time=settings.max_retry_time,
            initial_wait=settings.backoff_initial,
            max_wait=settings.backoff_max,
            connection_failure=connection_failure,
            connect_attempts=settings.connect_attempts,
            describe=describe,
            breaker=self.breaker,
        )
        self._timeout = httpx2.Timeout(settings.timeout, connect=min(settings.timeout, settings.connect_timeout))
        self._sync_client: openai.OpenAI | None = None
        self._async_client: openai.AsyncOpenAI | None = None
        self._pace = Pace(settings.rpm, settings.tpm) if settings.rpm or settings.tpm else None
        self.model_file: local_server.ModelFile | None = None
        self._server: local_server.LocalServer | None = None
        if settings.provider == "local":
            assert settings.model_path is not None  # resolve_settings insists
            local_server.require_extra()
            self.model_file = local_server.model_file(settings.model_path, settings.cache_dir)

    @property
    def model_name(self) -> str:
        """The model the record names: the GGUF file's name for the local provider, else the model setting."""
        return self.model_file.name if self.model_file is not None else self.settings.model

    def _start(self) -> None:
        """Start (or join) this process's embedded server the first time a request needs it."""
        if self.model_file is not None and self._server is None:
            self._server = local_server.ensure_server(self.settings, self.model_file)
            self.base_url = self._server.url

    def _sync(self) -> openai.OpenAI:
        if self._sync_client is None:
            self._start()
            self._sync_client = openai.OpenAI(
                api_key=self._key,
                base_url=self.base_url,
                timeout=self._timeout,
                max_retries=0,
                http_client=self._http_client,
            )
        return self._sync_client

    def _async(self) -> openai.AsyncOpenAI:
        if self._async_client is None:
            self._start()
            self._async_client = openai.AsyncOpenAI(
                api_key=self._key,
                base_url=self.base_url,
                timeout=self._timeout,
                max_retries=0,
                http_client=self._async_http_client,
            )
        return self._async_client

    def _request(
        self, messages: list[dict[str, str]], model: type[BaseModel] = SummaryResponse, max_reasks: int | None = None
    ) -> dict[str, Any]:
        s = self.settings
        request: dict[str, Any] = {
            "response_model": _prepared(model),
            "messages": messages,
            "model": self.model_name,
            "max_retries": s.max_reasks if max_reasks is None else max_reasks,
            "temperature": s.temperature,
            "max_tokens": s.max_tokens,
        }
        if s.seed is not None:
            request["seed"] = s.seed
        if s.repeat_penalty is not None:  # llama.cpp's own sampling option, outside the OpenAI API
            request["extra_body"] = {"repeat_penalty": s.repeat_penalty}
        return request

    def _format_request(self, kwargs: dict[str, Any], model: type[BaseModel] = SummaryResponse) -> dict[str, Any]:
        kwargs["response_format"] = (
            self._format if model is SummaryResponse else response_format(self.settings.provider, model)
        )
        return kwargs

    @property
    def _where(self) -> str:
        return self.base_url or "https://api.openai.com/v1"

    def _observe(self, exc: BaseException | None) -> None:
        """Tell the breaker what one request showed about the server."""
        if exc is None:
            self.breaker.answered()
            return
        reason = connection_failure(exc)
        if reason is not None:
            n = self.breaker.threshold
            row = f", {n} times in a row" if n > 1 else ""
            self.breaker.unreachable(f"{self._where} could not be reached ({reason}{row})")
        elif isinstance(exc, openai.APIStatusError):
            self.breaker.answered()
            refusal = self._refusal(exc)
            if refusal is not None:
                self.breaker.deny(f"{self._where} {refusal[0]}")
            elif exc.status_code in NOT_SERVED:
                self.breaker.not_served(f"{self._where} takes no chat requests (HTTP {exc.status_code})")

    @contextlib.contextmanager
    def _observed(self, last: list[BaseException]) -> Iterator[None]:
        """One request: its API error kept (for the message) and shown to the breaker, or its success shown."""
        try:
            yield
        except openai.APIError as exc:
            last.append(exc)
            self._observe(exc)
            raise
        self._observe(None)

    def _received(self, response: Any, stats: CallStats) -> Any:
        """An answer counted and checked against the context window."""
        stats.count(response)
        self._fits(response)
        return response

    def _unanswered(self) -> None:
        """An article's every attempt timed out: a hung server stops the run as a dead one does."""
        n = self.breaker.threshold
        self.breaker.unanswered(
            f"{self._where} answered no request within the timeout ({self.settings.timeout:g} s) for {n} "
            f"article{'s' if n != 1 else ''} in a row; check the server, or raise {option_name('timeout')}"
        )

    def _refusal(self, exc: openai.APIStatusError) -> tuple[str, str] | None:
        """What the server refused and what to do, when it refused the key or account; else None."""
        if is_quota(exc):
            return "says the account is out of quota (insufficient_quota)", "add credit or use another key"
        if isinstance(exc, openai.AuthenticationError):
            return "rejected the API key (401)", "check OPENAI_API_KEY or SUMMARIZER_API_KEY"
        if isinstance(exc, openai.PermissionDeniedError):
            return f"refused the key for model {self.settings.model!r} (403)", "pick another model or key"
        return None

    def _check(self, stats: CallStats, last: list[BaseException]) -> None:
        """Before a request: hold it back if the run has stopped asking.

        An article whose own requests failed to connect ends on its own error,
        so every article that was tried says the same thing.
        """
        if self.breaker.stopped and last and connection_failure(last[-1]) is not None:
            raise last[-1]
        self.breaker.check(stats.requests)

    def _reasked(self, stats: CallStats) -> None:
        if stats.model_calls > 1:
            logger.info(
                "the answer did not validate; re-ask %d of at most %d", stats.model_calls - 1, self.settings.max_reasks
            )

    def _fits(self, response: Any) -> None:
        """Raise ContextTooSmall when the local server stopped an answer because its context was full."""
        usage = getattr(response, "usage", None)
        if self._server is None or usage is None or not getattr(response, "choices", None):
            return
        if response.choices[0].finish_reason == "length" and usage.total_tokens >= self._server.context:
            raise local_server.context_error(usage.prompt_tokens, self._server.context, self.settings)

    def extract(self, messages: list[dict[str, str]], article: str | ArticleIndex) -> Answer:
        """Ask the model for an article's answer, re-asking while it is invalid (quotes checked against article)."""
        return self.ask(messages, SummaryResponse, grounding.checking_against(article))

    def ask(self, messages: list[dict[str, str]], model: type[BaseModel], guard: AbstractContextManager[Any]) -> Answer:
        """Ask for an answer of any schema; the guard is active while answers are validated."""
        stats = CallStats()
        last: list[BaseException] = []
        self.breaker.check()
        self._start()  # a model that cannot load fails here, not as an unreadable answer

        def create(**kwargs: Any) -> Any:
            kwargs = self._format_request(kwargs, model)
            stats.model_calls += 1
            self._reasked(stats)
            try:
                for attempt in sync_retrying(self._policy, self._sleep):
                    with attempt:
                        self._check(stats, last)
                        stats.requests += 1
                        with self._observed(last):
                            response = self._sync().chat.completions.create(**kwargs)
            except openai.APITimeoutError:
                self._unanswered()
                raise
            return self._received(response, stats)

        with guard:
            try:
                result = first_try.ask(create, self._request(messages, model))
            except (InstructorRetryException, IncompleteOutputException) as exc:
                return self._failed(exc, stats)
        return Answer(stats=stats, response=result)

    async def aextract(
        self, messages: list[dict[str, str]], article: str | ArticleIndex, *, max_reasks: int | None = None
    ) -> Answer:
        """Async form of ``extract``; max_reasks overrides the settings' (a re-ask after a Batch API answer)."""
        stats = CallStats()
        last: list[BaseException] = []
        self.breaker.check()
        if self.model_file is not None and self._server is None:
            await asyncio.to_thread(self._start)  # loading a model takes seconds: not on the event loop
            # (and one that cannot load fails here, not as an unreadable answer)

        async def create(**kwargs: Any) -> Any:
            kwargs = self._format_request(kwargs)
            stats.model_calls += 1
            self._reasked(stats)
            try:
                async for attempt in async_retrying(self._policy, self._async_sleep):
                    with attempt:
                        self._check(stats, last)
                        if self._pace is not None:
                            await self._pace.acquire(estimate_tokens(kwargs))
                            self._check(stats, last)
                        stats.requests += 1
                        with self._observed(last):
                            response = await self._async().chat.completions.create(**kwargs)
            except openai.APITimeoutError:
                self._unanswered()
                raise
            return self._received(response, stats)

        with grounding.checking_against(article):
            try:
                result = await first_try.ask_async(create, self._request(messages, max_reasks=max_reasks))
            except (InstructorRetryException, IncompleteOutputException) as exc:
                return self._failed(exc, stats)
        return Answer(stats=stats, response=result)

    def _failed(self, exc: Exception, stats: CallStats) -> Answer:
        """Turn instructor's give-up into an Answer to salvage, or a summarizer error."""
        if isinstance(exc, IncompleteOutputException):
            raise OutputError(
                f"the model's answer was cut off at max_tokens={self.settings.max_tokens}; "
                f"raise {option_name('max_tokens')} (or SUMMARIZER_MAX_TOKENS)",
                attempts=stats.requests,
                usage=stats.usage,
            ) from exc
        cause = exc.__cause__
        if isinstance(cause, ContextTooSmall):
            cause.attempts = stats.requests
        if isinstance(cause, (RunStopped, ContextTooSmall)):
            cause.usage = stats.usage
            raise cause
        if isinstance(cause, openai.APIError):
            error = self._provider_error(cause, stats)
            if self._key != NO_KEY and self._key in f"{cause} {getattr(cause, 'body', '')}":
                raise error from None  # the server echoed the key; keep it out of tracebacks
            raise error from cause
        if isinstance(cause, (PydanticValidationError, json.JSONDecodeError)) or cause is None:
            completion = getattr(exc, "last_completion", None)
            content = None
            if completion is not None and getattr(completion, "choices", None):
                content = completion.choices[0].message.content
            return Answer(stats=stats, last_content=content, last_error=str(cause or exc))
        raise OutputError(
            f"the model's answer could not be read: {cause}", attempts=stats.requests, usage=stats.usage
        ) from cause

    def _provider_error(self, exc: openai.APIError, stats: CallStats) -> ProviderError:
        where = self._where
        model = self.settings.model
        status = getattr(exc, "status_code", None)
        detail = redact(plain(str(getattr(exc, "message", exc)))[:300], self._key)
        tries = f"after {stats.requests} attempt(s)"
        refusal = self._refusal(exc) if isinstance(exc, openai.APIStatusError) else None
        reason = connection_failure(exc)
        if refusal is not None:
            what, todo = refusal
            return AccessDenied(
                f"the server {what}; {todo}", status_code=status, attempts=stats.requests, usage=stats.usage
            )
        if reason is not None:
            return ServiceUnreachable(
                f"could not reach {where} ({reason}) after {plural(stats.requests, 'attempt')}; {advice(reason)}",
                attempts=stats.requests,
                usage=stats.usage,
            )
        exceeded = local_server.context_refusal(getattr(exc, "body", None))
        if exceeded is not None:
            error = local_server.context_error(*exceeded, self.settings)
            error.attempts, error.usage = stats.requests, stats.usage
            return error
        if status in NOT_SERVED:
            text = (
                f"{where} takes no chat requests (HTTP {status}: {detail[:120]}); check --base-url: an "
                "OpenAI-compatible server's address, usually ending in /v1, and --provider"
            )
        elif isinstance(exc, openai.NotFoundError):
            text = f"model {model!r} or the endpoint at {where} was not found (404); check --model and --base-url"
        elif isinstance(exc, openai.RateLimitError):
            text = f"still rate limited {tries}; lower concurrency or try again later"
        elif isinstance(exc, openai.BadRequestError):
            text = (
                f"the server rejected the request (400): {detail}. If it objects to "
                "response_format, pick the --provider profile that matches the server "
                "(openai, ollama, vllm, llamacpp, local)"
            )
        elif isinstance(exc, openai.APITimeoutError):
            text = f"the server at {where} timed out {tries}; raise {option_name('timeout')} or check the server"
        elif isinstance(exc, openai.APIConnectionError):
            text = f"the connection to {where} failed {tries} ({describe(exc)}); check the server"
        else:
            text = f"the server failed {tries} (HTTP {status}): {detail}"
            if "response_format" in detail:
                text += "; pick the --provider profile that matches the server (openai, ollama, vllm, llamacpp, local)"
        return ProviderError(text, status_code=status, attempts=stats.requests, usage=stats.usage)

    def close(self) -> None:
        """Close the sync SDK client (the async one closes with ``aclose``)."""
        if self._sync_client is not None:
            self._sync_client.close()

    async def arelease(self) -> None:
        """Close the async SDK client, whose connections die with the event loop; the next call makes a new one."""
        if self._async_client is not None:
            client, self._async_client = self._async_client, None
            await client.close()

    async def aclose(self) -> None:
        """Close both SDK clients."""
        self.close()
        if self._async_client is not None:
            await self._async_client.close()
