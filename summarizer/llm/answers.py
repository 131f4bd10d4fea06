"""What asking a server for one article gave: its answer and its counts; no SDK imported, so workers can hold them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..models import Usage

__all__ = ["Answer", "CallStats"]


@dataclass
class CallStats:
    """What answering one article cost: requests, re-asks and tokens."""

    model_calls: int = 0
    requests: int = 0
    usage: Usage = field(default_factory=Usage)

    @property
    def reasks(self) -> int:
        """Answers sent back to the model because they failed validation."""
        return max(self.model_calls - 1, 0)

    @property
    def transport_retries(self) -> int:
        """Requests repeated because of a transport error."""
        return self.requests - self.model_calls

    def count(self, response: Any) -> None:
        """Add one response's token usage."""
        usage = getattr(response, "usage", None)
        if usage is not None:
            self.usage.add(usage.prompt_tokens or 0, usage.completion_tokens or 0)


@dataclass
class Answer:
    """The model's validated answer, or its last invalid one after every re-ask."""

    stats: CallStats
    response: Any = None
    last_content: str | None = None
    last_error: str | None = None
