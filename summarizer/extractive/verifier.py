"""Check an LLM's answer against the extractive engine's reading of the same text.

Costs no tokens: the patterns run locally. The checks list hedges and figures
the patterns found but the model left out, and whether each of the model's
figures states a number that really is in its quote.
"""

from __future__ import annotations

import math

from .. import quotes
from ..models import ArticleSummary, Checks, FigureCheck, Hedge, KeyFigure
from . import hedge, key_figure
from .figures import Figure, find_figures
from .hedges import find_hedges
from .sentences import split_sentences

__all__ = ["verify"]


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _numbers_in(text: str) -> list[float]:
    values = []
    for figure in find_figures(text, split_sentences(text)):
        values += [v for v in (figure.low, figure.high) if v is not None]
    return values


def _states_number(figure: KeyFigure) -> bool:
    wanted = [v for v in (figure.low, figure.high) if v is not None]
    quote = quotes.normalize(figure.quote)
    if not wanted:
        return quotes.normalize(figure.quantity) in quote
    found = _numbers_in(figure.quote)
    return all(any(_close(w, f) for f in found) for w in wanted)


def _covered(figure: Figure, numbers: list[float], texts: list[str]) -> bool:
    values = [v for v in (figure.low, figure.high) if v is not None]
    if values:
        return any(_close(v, n) for v in values for n in numbers)
    return any(quotes.normalize(figure.quantity) in t for t in texts)


def verify(summary: ArticleSummary, text: str) -> Checks:
    """Compare a model's figures and hedges with what the patterns find in the text."""
    sentences = split_sentences(text)  # escalation is not checked, so it is not computed
    found_figures, found_hedges = find_figures(text, sentences), find_hedges(text, sentences)
    numbers: list[float] = []
    texts: list[str] = []
    for f in summary.key_figures:
        numbers += [v for v in (f.low, f.high) if v is not None]
        numbers += _numbers_in(f.quantity)
        texts.append(quotes.normalize(f"{f.quantity} {f.quote}"))
    missed_figures: list[KeyFigure] = []
    seen: set[tuple[float | None, float | None, str]] = set()
    for figure in found_figures:
        key = (figure.low, figure.high, figure.quantity.lower())
        if key in seen or _covered(figure, numbers, texts):
            continue
        seen.add(key)
        missed_figures.append(key_figure(figure))
    model_hedges = [(quotes.normalize(h.cue), quotes.normalize(h.quote)) for h in summary.hedges]
    missed_hedges: list[Hedge] = []
    for cue in found_hedges:
        wanted, sentence = quotes.normalize(cue.cue), quotes.normalize(cue.sentence.text)
        if any(c == wanted and (q in sentence or sentence in q) for c, q in model_hedges):
            continue
        missed_hedges.append(hedge(cue))
    return Checks(
        missed_figures=missed_figures,
        missed_hedges=missed_hedges,
        figures=[
            FigureCheck(index=i, quantity=f.quantity, number_in_quote=_states_number(f))
            for i, f in enumerate(summary.key_figures)
        ],
    )
