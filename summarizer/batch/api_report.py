"""What a Batch API run reports, and what one article has cost over its batch rounds."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ..llm.answers import CallStats
from ..models import Usage
from .runner import BatchReport

__all__ = ["Ask", "BatchApiReport", "ask_carry", "ask_stats", "ask_usage"]


@dataclass
class BatchApiReport(BatchReport):
    """What a Batch API run did, beyond a batch run's counts."""

    batches: int = 0  # batches this run created
    batch_ids: list[str] = field(default_factory=list)
    requests_sent: int = 0  # request lines this run put into batches
    realtime_requests: int = 0  # real-time requests of re-asks
    reasked: dict[str, int] = field(default_factory=dict)  # why an article was asked again -> how many
    pending: int = 0  # articles still waiting in batches the provider has not finished
    realtime_cost_usd: float = 0.0  # the same tokens at the real-time price

    @property
    def saved_usd(self) -> float:
        """Money saved against asking the same tokens in real time."""
        return round(self.realtime_cost_usd - self.cost_usd, 8)

    def count(self, reason: str) -> None:
        """Count one article asked again, by why."""
        self.reasked[reason] = self.reasked.get(reason, 0) + 1


@dataclass
class Ask:
    """What one article has cost so far over its batch rounds."""

    model_calls: int = 0
    requests: int = 0
    prompt: int = 0
    completion: int = 0
    batch_ids: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, carry: dict[str, Any] | None) -> Ask:
        """The cost carried from earlier rounds, or a fresh count."""
        return cls(**carry) if carry else cls()


def ask_usage(ask: Ask) -> Usage:
    """The tokens an article has taken in its batch rounds."""
    usage = Usage()
    usage.add(ask.prompt, ask.completion)
    return usage


def ask_stats(ask: Ask) -> CallStats:
    """The call statistics of an article's batch rounds, as the real-time path counts them."""
    return CallStats(model_calls=ask.model_calls, requests=ask.requests, usage=ask_usage(ask))


def ask_carry(ask: Ask) -> dict[str, Any]:
    """What an article carries into a further batch round (kept in the state file)."""
    return asdict(ask)
