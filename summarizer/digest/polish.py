"""--polish: the configured LLM rewrites each brief from the story's records, inventing no number."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..models import SummaryRecord
from .models import Digest
from .stories import source_name


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


logger = logging.getLogger("summarizer.digest")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
_allowed: ContextVar[frozenset[float] | None] = ContextVar("summarizer_polish_numbers", default=None)


def _numbers(text: str) -> set[float]:
    return {float(n.replace(",", "")) for n in _NUMBER.findall(text) if n.replace(",", "").replace(".", "").isdigit()}


class PolishedBrief(_Model):
    """The LLM's rewrite of one story brief."""

    brief: str = Field(description="2 or 3 neutral sentences.")

    @model_validator(mode="after")
    def _only_known_numbers(self) -> PolishedBrief:
        allowed = _allowed.get()
        if not self.brief.strip():
            raise ValueError("the brief is empty; write 2 or 3 sentences")
        if allowed is not None:
            unknown = sorted(n for n in _numbers(self.brief) if n not in allowed)
            if unknown:
                listed = ", ".join(f"{n:g}" for n in unknown)
                raise ValueError(f"the brief states numbers that no record contains: {listed}; use only the records")
        return self


@contextmanager
def _numbers_from(records: list[SummaryRecord]) -> Iterator[None]:
    found: set[float] = set()
    for r in records:
        s = r.summary
        texts = [r.title or "", s.summary, *s.key_points, *s.escalation.evidence]
        texts += [f"{f.quantity} {f.quote}" for f in s.key_figures] + [h.quote for h in s.hedges]
        for text in texts:
            found |= _numbers(text)
        found |= {v for f in s.key_figures for v in (f.low, f.high) if v is not None}
    token = _allowed.set(frozenset(found))
    try:
        yield
    finally:
        _allowed.reset(token)


def _records_text(records: list[SummaryRecord]) -> str:
    blocks = []
    for r in records:
        s = r.summary
        figures = "; ".join(
            f"{f.quantity} {f.unit or ''} ({f.status}, claimed by {f.source or 'no one named'})" for f in s.key_figures
        )
        hedges = "; ".join(f"{h.cue}: {h.claim}" for h in s.hedges[:8])
        blocks.append(
            f"Article: {source_name(r)} ({r.published or 'undated'})\nSummary: {s.summary}\n"
            f"Figures: {figures or 'none'}\nHedged: {hedges or 'none'}"
        )
    return "\n\n".join(blocks)


def polish_digest(digest: Digest, records: list[SummaryRecord], *, http_client: Any = None, **options: Any) -> Digest:
    """Ask the configured LLM to rewrite each brief from its records; keep ours where it fails.

    Stories it rewrote carry ``polished: true``. When none could be rewritten
    because of the server (unreachable, key refused, failing), the first such
    error is raised; when only some were, a warning says how many and why.
    """
    from ..cache import RecordCache
    from ..config import check_credentials, resolve_settings
    from ..errors import ConfigError, ProviderError, SummarizerError
    from ..llm.prompts import load_prompt
    from ..llm.providers import ChatClient

    settings = resolve_settings(**options)
    if settings.resolved_engine() != "llm":
        raise ConfigError(
            "polishing briefs (digest --polish, or polish=true over HTTP) needs an LLM and none is configured: "
            "set OPENAI_API_KEY, or --base-url with --provider for a local server (for the service: in the "
            "environment or on the command line of summarizer serve, then restart it); or leave polishing off"
        )
    check_credentials(settings)  # a provider named without a key: said now, not by the SDK mid-digest
    prompt = load_prompt("polish")
    client = ChatClient(settings, http_client=http_client)
    cache = RecordCache(settings.cache_dir) if settings.use_cache and settings.cache_dir else None
    by_id = {r.article_id: r for r in records}
    polished = []
    failures: list[str | SummarizerError] = []
    try:
        for story in digest.stories:
            members = [by_id[s.article_id] for s in story.sources if s.article_id in by_id]
            text = _records_text(members)
            key = hashlib.sha256(f"{prompt.version}\x00{settings.model}\x00{text}".encode()).hexdigest()
            brief = cache.get_text(key) if cache is not None else None
            if brief is None and not client.breaker.stopped:
                try:
                    answer = client.ask(prompt.messages(text), PolishedBrief, _numbers_from(members))
                except SummarizerError as exc:
                    failures.append(exc)
                    answer = None
                if answer is not None and answer.response is not None:
                    brief = answer.response.brief
                    if cache is not None:
                        cache.set_text(key, brief)
                elif answer is not None:
                    failures.append("the model's brief did not validate")
            polished.append(story.model_copy(update={"brief": brief, "polished": True}) if brief else story)
    finally:
        client.close()
        if cache is not None:
            cache.close()
    done = sum(s.polished for s in polished)
    server = [f for f in failures if isinstance(f, ProviderError)]
    if done == 0 and server and polished:
        raise server[0]
    if done < len(polished):
        why = server[0] if server else (failures[0] if failures else "not attempted")
        logger.warning("polished %d of %d briefs; the rest keep the built-in brief: %s", done, len(polished), why)
    return digest.model_copy(update={"stories": polished})
