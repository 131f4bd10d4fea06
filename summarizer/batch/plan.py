"""A dry run: what a batch would do, with token and cost estimates, and whether it could run at all."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import ConfigError, InputError
from .batch_api import NEEDS_FILE, NEEDS_LLM
from .discovery import discover
from .runner import output_files
from .writers import read_done, resolve_output

__all__ = ["BatchPlan", "PlannedArticle", "estimate_tokens", "plan_batch"]


def estimate_tokens(text: str, *, prompt_chars: int, max_tokens: int) -> tuple[int, int]:
    """Rough (prompt, completion) tokens for one article: 4 characters a token."""
    return (prompt_chars + len(text)) // 4, min(max_tokens, 800)


@dataclass
class PlannedArticle:
    """One input as a dry run sees it."""

    source: str
    article_id: str
    state: str  # "to do", "done", "redo" or "error: <reason>"
    chars: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = 0.0


@dataclass
class BatchPlan:
    """What a batch run would do, with token and cost estimates."""

    engine: str
    model: str | None
    articles: list[PlannedArticle] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    output: str = ""
    problem: str | None = None  # why the real run would stop before summarizing anything
    batch_price: bool = False  # priced for the provider's Batch API (half the real-time price)

    @property
    def to_run(self) -> list[PlannedArticle]:
        """The articles a run would send to the engine."""
        return [a for a in self.articles if a.state in ("to do", "redo")]

    def totals(self) -> dict[str, Any]:
        """Summed estimates over the articles that would run."""
        run = self.to_run
        costs = [a.cost_usd for a in run]
        return {
            "articles": len(self.articles),
            "to_run": len(run),
            "prompt_tokens": sum(a.prompt_tokens for a in run),
            "completion_tokens": sum(a.completion_tokens for a in run),
            "cost_usd": None if any(c is None for c in costs) else round(sum(c or 0.0 for c in costs), 6),
        }


def plan_batch(
    folder: Path,
    *,
    out: Path | str | None,
    fmt: str | None = None,
    out_dir: Path | None = None,
    globs: Iterable[str] = ("**/*",),
    exclude: Iterable[str] = (),
    text_field: str | None = None,
    retry_failed: bool = False,
    batch_price: bool = False,
    **options: Any,
) -> BatchPlan:
    """List what ``run_batch`` would do, estimating tokens and cost from the price table (or the Batch API's)."""
    from ..api import Summarizer
    from ..config import estimate_cost, resolve_settings
    from ..llm.prompts import load_prompt

    settings = resolve_settings(**options)
    engine = settings.resolved_engine()
    plan = BatchPlan(engine=engine, model=settings.model if engine == "llm" else None, batch_price=batch_price)
    if engine == "llm":
        try:  # the real run builds the same client first; a missing key stops it there
            Summarizer(replace(settings, use_cache=False)).close()
        except ConfigError as exc:
            plan.problem = str(exc)
    output = resolve_output(out, fmt, out_dir) if (out is not None or out_dir is not None) else None
    if batch_price:  # the Batch API run refuses these before anything else; a plan without -o is still a plan
        if output is not None and not output.resumable:
            plan.problem = NEEDS_FILE
        elif engine != "llm":
            plan.problem = NEEDS_LLM
    plan.output = output.where if output else ""
    done = read_done(output.path, output.fmt, output.out_dir) if output and output.resumable else {}
    prompt_chars = len(load_prompt().system) + 40 if engine == "llm" else 0
    items = discover(
        folder,
        globs=globs,
        exclude=exclude,
        text_field=text_field,
        ignore=output_files(output) if output else (),
        on_skip=lambda name, reason: plan.skipped.append((name, reason)),
    )
    for item in items:
        row = done.get(item.article_id)
        if row is not None and not (retry_failed and row.get("status") != "ok"):
            plan.articles.append(PlannedArticle(item.source, item.article_id, "done"))
            continue
        try:
            text = item.load().text[: settings.max_chars]
        except InputError as exc:
            plan.articles.append(PlannedArticle(item.source, item.article_id, f"error: {exc}"))
            continue
        entry = PlannedArticle(item.source, item.article_id, "redo" if row else "to do", chars=len(text))
        if engine == "llm":
            entry.prompt_tokens, entry.completion_tokens = estimate_tokens(
                text, prompt_chars=prompt_chars, max_tokens=settings.max_tokens
            )
            entry.cost_usd = estimate_cost(
                settings.model, entry.prompt_tokens, entry.completion_tokens, local=settings.is_local, batch=batch_price
            )
        plan.articles.append(entry)
    return plan
