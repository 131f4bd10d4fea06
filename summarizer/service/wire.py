"""The service's own request and response bodies (records and digests are the library's models)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["BatchAccepted", "BatchStatus", "DigestIn", "ErrorBody", "Health"]


class ErrorBody(BaseModel):
    """Every error answer: what went wrong and what to do, and the request id to quote."""

    error: str
    request_id: str | None = None
    details: list[dict[str, Any]] | None = Field(
        default=None, description="For 422: where the request is wrong (location, message, type); input not echoed."
    )


class BatchAccepted(BaseModel):
    """A batch job was stored; poll its status and collect its records."""

    id: str
    total: int
    status_url: str
    records_url: str


class BatchStatus(BaseModel):
    """Where a batch job is."""

    id: str
    status: Literal["queued", "running", "done", "cancelled"]
    total: int
    pending: int
    running: int
    dropped: int = Field(default=0, description="Articles a cancel left unrun (they never will run).")
    done: int
    ok: int
    failed: int
    created: float = Field(description="Unix time the job was accepted.")
    finished: float | None = Field(
        description=(
            "Unix time the job stopped: its last article done, or, when cancelled, the cancel (or the end of the "
            "articles then in flight); null while it may still run."
        )
    )
    options: dict[str, Any]


class DigestIn(BaseModel):
    """Build a briefing from records (as the batch writes them) or from a finished batch job's records."""

    model_config = ConfigDict(extra="forbid")

    records: list[dict[str, Any]] | None = Field(default=None, max_length=10_000)
    batch_id: str | None = Field(default=None, max_length=64)
    title: str = Field(default="Briefing", max_length=200)


class Health(BaseModel):
    """Liveness or readiness."""

    status: Literal["ok", "starting", "stopping", "failed"] = Field(
        description="failed: the worker processes cannot start again after one died; restart the service."
    )
