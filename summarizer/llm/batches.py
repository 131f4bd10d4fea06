"""The provider's Batch API through the openai SDK: request lines, files, batches, and their answers read back.

A batch line's body is what the real-time path sends for the same article: instructor
prepares it (mode JSON_SCHEMA) and ``ChatClient`` sets the profile's response_format.
An answer read back is parsed and re-asked about with instructor's own handlers, so
validation and the re-ask message are the real-time path's too.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, TypeVar

import openai
from instructor import Mode
from instructor.core import IncompleteOutputException
from instructor.utils.providers import Provider
from instructor.v2.core.registry import mode_registry
from openai.types.chat import ChatCompletion
from pydantic import ValidationError as PydanticValidationError

from ..errors import ProviderError
from ..models import SummaryResponse
from . import grounding
from .providers import Answer, CallStats, ChatClient, _prepared
from .retrying import async_retrying

__all__ = ["COMPLETION_WINDOW", "ENDPOINT", "BatchClient", "Item", "batch_dict"]

ENDPOINT: Final = "/v1/chat/completions"
COMPLETION_WINDOW: Final = "24h"
T = TypeVar("T")


def batch_dict(batch: Any) -> dict[str, Any]:
    """A batch object as plain JSON data."""
    return batch.model_dump(mode="json") if hasattr(batch, "model_dump") else dict(batch)


@dataclass
class Item:
    """One request's outcome as the provider's output or error file tells it."""

    custom_id: str
    kind: str  # "answer", "expired" or "error"
    completion: dict[str, Any] | None = None
    error: str = ""
    usage: tuple[int, int] = (0, 0)


@dataclass
class Checked:
    """An answer after validation and grounding: the parsed response, or why it failed."""

    response: Any = None
    problem: Exception | None = None
    cut_off: bool = False
    content: str | None = None
    messages: list[dict[str, Any]] = field(default_factory=list)  # the re-ask, when it failed


class BatchClient:
    """Builds batch lines and talks to the files and batches endpoints with the chat client's retries."""

    def __init__(self, chat: ChatClient) -> None:
        self.chat = chat
        self._handlers = mode_registry.get_handlers(Provider.OPENAI, Mode.JSON_SCHEMA)

    # requests -----------------------------------------------------------------------------

    def body(self, messages: list[dict[str, Any]]) -> dict[str, Any]:
        """The chat completion request the real-time path would send for these messages."""
        request = self.chat._request(messages)
        model = request.pop("response_model")
        request.pop("max_retries")
        _, prepared = self._handlers.request_handler(model, request)
        return self.chat._format_request(prepared)

    @staticmethod
    def line(custom_id: str, body: dict[str, Any]) -> bytes:
        """One JSONL line of a batch input file."""
        entry = {"custom_id": custom_id, "method": "POST", "url": ENDPOINT, "body": body}
        return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"

    def check(self, item: Item, article: str, messages: list[dict[str, Any]]) -> Checked:
        """Validate and ground an answer as instructor does in real time; build the re-ask if it fails."""
        completion = ChatCompletion.model_validate(item.completion)
        content = completion.choices[0].message.content if completion.choices else None
        try:
            with grounding.checking_against(article):
                response = self._handlers.response_parser(completion, _prepared(SummaryResponse))
        except IncompleteOutputException:
            return Checked(cut_off=True, content=content)
        except (PydanticValidationError, json.JSONDecodeError, ValueError) as exc:
            reask = self._handlers.reask_handler({"messages": list(messages)}, completion, exc)
            return Checked(problem=exc, content=content, messages=reask["messages"])
        return Checked(response=response, content=content)

    @staticmethod
    def answer(stats: CallStats, checked: Checked) -> Answer:
        """The Answer the record is built from: valid, or the last invalid one to salvage."""
        if checked.response is not None:
            return Answer(stats=stats, response=checked.response)
        return Answer(stats=stats, last_content=checked.content, last_error=str(checked.problem))

    # files and batches ------------------------------------------------------------------------

    async def _call(self, make: Callable[[], Awaitable[T]]) -> T:
        stats = CallStats()
        last: list[BaseException] = []
        chat = self.chat
        async for attempt in async_retrying(chat._policy, chat._async_sleep):
            with attempt:
                chat._check(stats, last)
                stats.requests += 1
                try:
                    result = await make()
                except openai.APIError as exc:
                    last.append(exc)
                    chat._observe(exc)
                    raise
                chat._observe(None)
        return result

    async def call(self, make: Callable[[], Awaitable[T]]) -> T:
        """Run one files/batches request with the transport retries; a final failure is a ProviderError."""
        try:
            return await self._call(make)
        except openai.APIError as exc:
            raise self.chat._provider_error(exc, CallStats(requests=1)) from exc

    async def upload(self, path: Path) -> str:
        """Upload a JSONL input file (purpose batch); return its file id."""
        client = self.chat._async()

        async def send() -> Any:
            with open(path, "rb") as handle:  # opened per attempt: a retry sends the file from its start
                return await client.files.create(file=(path.name, handle, "application/jsonl"), purpose="batch")

        return str((await self.call(send)).id)

    async def create(self, file_id: str, metadata: dict[str, str]) -> dict[str, Any]:
        """Create a batch over an uploaded file, for the chat completions endpoint, within 24 hours."""
        client = self.chat._async()
        batch = await self.call(
            lambda: client.batches.create(
                input_file_id=file_id, endpoint=ENDPOINT, completion_window=COMPLETION_WINDOW, metadata=metadata
            )
        )
        return batch_dict(batch)

    async def retrieve(self, batch_id: str) -> dict[str, Any]:
        """The batch as the provider sees it now."""
        client = self.chat._async()
        return batch_dict(await self.call(lambda: client.batches.retrieve(batch_id)))

    async def cancel(self, batch_id: str) -> dict[str, Any]:
        """Ask the provider to cancel a batch."""
        client = self.chat._async()
        return batch_dict(await self.call(lambda: client.batches.cancel(batch_id)))

    async def find(self, input_file_id: str, *, pages: int = 5) -> dict[str, Any] | None:
        """The batch made from an input file, if one was created (a run killed before it noted the id)."""
        client = self.chat._async()
        after: str | None = None
        for _ in range(pages):
            kwargs: dict[str, Any] = {"limit": 100} | ({"after": after} if after else {})
            page = await self.call(lambda kwargs=kwargs: client.batches.list(**kwargs))  # type: ignore[misc]
            rows = [batch_dict(b) for b in page.data]
            for row in rows:
                if row.get("input_file_id") == input_file_id:
                    return row
            if not rows or not page.has_more:
                return None
            after = rows[-1]["id"]
        return None

    async def _lines(self, file_id: str | None) -> list[dict[str, Any]]:
        if not file_id:
            return []
        client = self.chat._async()
        content = await self.call(lambda: client.files.content(file_id))
        rows = []
        for raw in content.content.splitlines():
            if raw.strip():
                try:
                    rows.append(json.loads(raw))
                except json.JSONDecodeError as exc:
                    raise ProviderError(f"the provider's result file {file_id} holds a line that is not JSON") from exc
        return rows

    async def items(self, batch: dict[str, Any]) -> list[Item]:
        """Every request's outcome from a finished batch's output and error files."""
        found = []
        for row in await self._lines(batch.get("output_file_id")) + await self._lines(batch.get("error_file_id")):
            found.append(_item(row))
        return found


def _item(row: dict[str, Any]) -> Item:
    custom_id = str(row.get("custom_id"))
    response = row.get("response") or {}
    error = row.get("error") or {}
    body = response.get("body") or {}
    status = response.get("status_code")
    if status == 200 and isinstance(body, dict) and body.get("choices"):
        usage = body.get("usage") or {}
        tokens = (int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0))
        return Item(custom_id, "answer", completion=body, usage=tokens)
    code = str(error.get("code") or "")
    if code == "batch_expired":
        return Item(custom_id, "expired", error="the batch expired before this request ran")
    detail = error.get("message")
    if not detail and isinstance(body, dict):
        detail = (body.get("error") or {}).get("message")
    what = f"HTTP {status}" if status else (code or "error")
    return Item(custom_id, "error", error=f"{what}: {detail or 'no detail'}")
