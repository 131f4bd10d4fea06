"""The first request of an answer without instructor's per-call setup; everything else through instructor.

instructor (1.17, mode JSON_SCHEMA) spends about as long preparing each call as
the SDK spends on the request: it walks the response model for async validators
(twice), rebuilds and deep-copies the JSON Schema, renders the messages, sets up
tenacity and a usage object. A valid first answer needs none of it. So the first
request is sent with the keyword arguments instructor would send, and the answer
is parsed by instructor's own JSON_SCHEMA parser. Whatever else happens (an
invalid answer, a cut-off answer, an exception from the request) is handed to
instructor's re-ask loop as the outcome of its own first try, which it then
handles exactly as before: it is not sent twice.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import lru_cache
from typing import Any

import instructor
from instructor.v2.core.providers import Provider
from instructor.v2.core.registry import ModeHandlers, mode_registry

__all__ = ["ask", "ask_async"]

_MODE = instructor.Mode.JSON_SCHEMA
_INSTRUCTOR_ONLY = ("response_model", "max_retries", "context", "strict", "hooks", "token_budget")


@lru_cache(maxsize=1)
def _handlers() -> ModeHandlers:
    return mode_registry.get_handlers(Provider.OPENAI, _MODE)


def _first_kwargs(request: dict[str, Any]) -> dict[str, Any]:
    """What instructor passes to create on its first try (create sets the response_format itself)."""
    kwargs = {k: v for k, v in request.items() if k not in _INSTRUCTOR_ONLY}
    converter = _handlers().message_converter
    messages = list(kwargs.get("messages", []))
    kwargs["messages"] = converter(messages, autodetect_images=False) if converter else messages
    return kwargs


def _parse(response: Any, model: Any) -> Any:
    """instructor's own JSON_SCHEMA parsing of a completion (strict, no validation context)."""
    return _handlers().response_parser(
        response=response, response_model=model, validation_context=None, strict=True, stream=False, is_async=False
    )


class _Replay:
    """The first try's outcome, given back to instructor's loop as the result of its own first call."""

    def __init__(self, outcome: Any, failed: bool) -> None:
        self.outcome, self.failed, self.pending = outcome, failed, True

    def take(self) -> Any:
        self.pending = False
        if self.failed:
            raise self.outcome
        return self.outcome


def ask(create: Callable[..., Any], request: dict[str, Any]) -> Any:
    """Answer a request made for ``instructor.patch(create=...)``: the first try here, re-asks by instructor."""
    try:
        response = create(**_first_kwargs(request))
    except Exception as exc:
        replay = _Replay(exc, failed=True)
    else:
        try:
            return _parse(response, request["response_model"])
        except Exception:
            replay = _Replay(response, failed=False)

    def again(**kwargs: Any) -> Any:
        return replay.take() if replay.pending else create(**kwargs)

    return instructor.patch(create=again, mode=_MODE)(**request)


async def ask_async(create: Callable[..., Awaitable[Any]], request: dict[str, Any]) -> Any:
    """Async form of ``ask``."""
    try:
        response = await create(**_first_kwargs(request))
    except Exception as exc:
        replay = _Replay(exc, failed=True)
    else:
        try:
            return _parse(response, request["response_model"])
        except Exception:
            replay = _Replay(response, failed=False)

    async def again(**kwargs: Any) -> Any:
        return replay.take() if replay.pending else await create(**kwargs)

    return await instructor.patch(create=again, mode=_MODE)(**request)
