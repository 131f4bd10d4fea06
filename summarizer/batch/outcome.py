"""What a batch keeps of each result besides the record itself: its counts, and the record as its JSON line.

A worker process sends an article's record as the JSON it will be written as,
with the few facts the run's counts need (``Outcome``): the parent writes the
line as it came and reads it back into a model only when someone asks for the
record (a Python caller, an ``on_result`` callback), not once per article.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..models import ErrorRecord, SummaryRecord

__all__ = ["Encoded", "Outcome", "Result", "outcome_of", "record_of", "retry_may_help", "truncation_warning"]

Result = SummaryRecord | ErrorRecord


def truncation_warning(result: Result) -> str | None:
    """The record's warning that its article was cut, if it was."""
    if isinstance(result, SummaryRecord):
        return next((w for w in result.warnings if "truncat" in w), None)
    return None


def retry_may_help(error_type: str) -> bool:
    """False for an error record's type that a rerun of the same input meets again whatever the server does."""
    return error_type != InputError.__name__  # empty, binary, no sentence: the input itself has to change


@dataclass(frozen=True)
class Outcome:
    """The facts of one result that a run counts and reports."""

    article_id: str
    source_path: str | None
    ok: bool
    cached: bool = False
    truncated: str | None = None  # the truncation warning
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None
    error: str | None = None  # "ErrorType: message"


def outcome_of(result: Result) -> Outcome:
    """The counted facts of a record or an error record."""
    usage = result.usage
    if isinstance(result, SummaryRecord):
        return Outcome(
            result.article_id,
            result.source_path,
            ok=True,
            cached=result.cached,
            truncated=truncation_warning(result),
            prompt_tokens=usage.prompt_tokens,
            completion_tokens=usage.completion_tokens,
            cost_usd=result.cost_usd,
        )
    return Outcome(
        result.article_id,
        result.source_path,
        ok=False,
        prompt_tokens=usage.prompt_tokens,
        completion_tokens=usage.completion_tokens,
        error=f"{result.error_type}: {result.error}",
    )


@dataclass(frozen=True)
class Encoded:
    """A record as its JSON text (``model_dump_json``), with its outcome; read into a model on demand."""

    ok: bool
    text: str
    outcome: Outcome

    @classmethod
    def of(cls, result: Result) -> Encoded:
        """Encode a record or an error record."""
        return cls(isinstance(result, SummaryRecord), result.model_dump_json(), outcome_of(result))

    def decode(self) -> Result:
        """The record as a model."""
        model: type[Result] = SummaryRecord if self.ok else ErrorRecord
        return model.model_validate_json(self.text)


def record_of(item: Result | Encoded) -> Result:
    """A record as a model, read from its JSON when it came encoded."""
    return item.decode() if isinstance(item, Encoded) else item
