"""Check an LLM's answer against the extractive engine's reading of the same text.

Costs no tokens: the patterns run locally. The checks list hedges and figures
the patterns found but the model left out, and whether each of the model's
figures states a number that really is in its quote.

Only what the comparison needs is computed: the numbers of every figure and the
span of every cue; the full reading (a figure's unit, claimant and status, which
needs the article's attributions; a cue's claim) only for what the model missed.
``verify`` is a plain module-level function of picklable arguments, so it can run
in a thread or a worker process (``Summarizer(checks_executor=...)``).
"""

from __future__ import annotations

import math

from .. import quotes
from ..models import ArticleSummary, Checks, FigureCheck, Hedge, KeyFigure
from . import key_figure
from .figures import read_figures, spot_figures
from .hedges import claim_of, hedge_spans
from .sentences import split_sentences

__all__ = ["verify"]


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


class _Numbers:
    """The numbers the figures of a short text state, each text read once per check."""

    def __init__(self) -> None:
        self._seen: dict[str, list[float]] = {}

    def __call__(self, text: str) -> list[float]:
        if text not in self._seen:
            values = []
            for spot in spot_figures(text, split_sentences(text)):
                values += [v for v in (spot.low, spot.high) if v is not None]
            self._seen[text] = values
        return self._seen[text]


def _states_number(figure: KeyFigure, numbers_in: _Numbers) -> bool:
    wanted = [v for v in (figure.low, figure.high) if v is not None]
    if not wanted:
        return quotes.normalize(figure.quantity) in quotes.normalize(figure.quote)
    found = numbers_in(figure.quote)
    return all(any(_close(w, f) for f in found) for w in wanted)


def _covered(low: float | None, high: float | None, quantity: str, numbers: list[float], texts: list[str]) -> bool:
    values = [v for v in (low, high) if v is not None]
    if values:
        return any(_close(v, n) for v in values for n in numbers)
    return any(quotes.normalize(quantity) in t for t in texts)


def verify(summary: ArticleSummary, text: str) -> Checks:
    """Compare a model's figures and hedges with what the patterns find in the text."""
    sentences = split_sentences(text)  # escalation is not checked, so it is not computed
    numbers_in = _Numbers()
    numbers: list[float] = []
    texts: list[str] = []
    for f in summary.key_figures:
        numbers += [v for v in (f.low, f.high) if v is not None]
        numbers += numbers_in(f.quantity)
        texts.append(quotes.normalize(f"{f.quantity} {f.quote}"))
    missed = []
    seen: set[tuple[float | None, float | None, str]] = set()
    for spot in spot_figures(text, sentences):
        quantity = text[spot.start : spot.end]
        key = (spot.low, spot.high, quantity.lower())
        if key in seen or _covered(spot.low, spot.high, quantity, numbers, texts):
            continue
        seen.add(key)
        missed.append(spot)
    model_hedges = [(quotes.normalize(h.cue), quotes.normalize(h.quote)) for h in summary.hedges]
    missed_hedges: list[Hedge] = []
    for sentence in sentences:
        spans = hedge_spans(sentence)
        if not spans:
            continue
        body = quotes.normalize(sentence.text)
        for start, end, kind in spans:
            wanted = quotes.normalize(sentence.text[start:end])
            if any(c == wanted and (q in body or body in q) for c, q in model_hedges):
                continue
            claim = claim_of(sentence, start, end)
            missed_hedges.append(Hedge(cue=sentence.text[start:end], kind=kind, claim=claim, quote=sentence.text))
    return Checks(
        missed_figures=[key_figure(f) for f in read_figures(text, sentences, missed)],
        missed_hedges=missed_hedges,
        figures=[
            FigureCheck(index=i, quantity=f.quantity, number_in_quote=_states_number(f, numbers_in))
            for i, f in enumerate(summary.key_figures)
        ],
    )
