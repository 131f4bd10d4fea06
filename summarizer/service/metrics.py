"""Prometheus metrics of one service instance: requests, latency, articles, tokens, cost, queue depth."""

from __future__ import annotations

from collections.abc import Callable

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from ..batch import Result
from ..models import SummaryRecord

__all__ = ["CONTENT_TYPE", "Metrics"]

CONTENT_TYPE = CONTENT_TYPE_LATEST
_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)


class Metrics:
    """The counters and histograms, in a registry of their own (one per app, so tests can build many)."""

    def __init__(self, queue_depth: Callable[[], float], in_flight: Callable[[], float]) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.requests = Counter(
            "summarizer_http_requests", "HTTP requests answered", ["method", "route", "status"], registry=r
        )
        self.latency = Histogram(
            "summarizer_http_request_duration_seconds",
            "Time to answer an HTTP request",
            ["method", "route"],
            buckets=_LATENCY_BUCKETS,
            registry=r,
        )
        self.articles = Counter(
            "summarizer_articles", "Articles summarized, by engine and status", ["engine", "status", "via"], registry=r
        )
        self.cached = Counter("summarizer_articles_cached", "Records served from the cache", registry=r)
        self.tokens = Counter("summarizer_llm_tokens", "LLM tokens billed", ["kind"], registry=r)
        self.cost = Counter("summarizer_llm_cost_usd", "Estimated LLM cost in US dollars", registry=r)
        self.rejected = Counter(
            "summarizer_http_rejected", "Requests refused before any work, by reason", ["reason"], registry=r
        )
        depth = Gauge("summarizer_queue_depth", "Batch articles waiting to be summarized", registry=r)
        depth.set_function(queue_depth)
        flight = Gauge("summarizer_in_flight", "Articles being summarized now", registry=r)
        flight.set_function(in_flight)

    def result(self, result: Result, *, engine: str, via: str) -> None:
        """Count one article's outcome and what it cost."""
        if isinstance(result, SummaryRecord):
            self.articles.labels(result.engine, "ok", via).inc()
            if result.cached:
                self.cached.inc()
                return
            if result.cost_usd:
                self.cost.inc(result.cost_usd)
        else:
            self.articles.labels(engine, "error", via).inc()
        self.tokens.labels("prompt").inc(result.usage.prompt_tokens)
        self.tokens.labels("completion").inc(result.usage.completion_tokens)

    def render(self) -> bytes:
        """The Prometheus text exposition."""
        return generate_latest(self.registry)
