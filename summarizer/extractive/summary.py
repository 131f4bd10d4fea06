"""Choose summary sentences by position and centrality, and write short key points."""

from __future__ import annotations

import math
import re
from collections import Counter

from .sentences import Sentence, content_words

__all__ = ["choose_summary", "key_points", "rank_sentences"]

MAX_WORDS = 80
MAX_SENTENCES = 4
POSITION_WEIGHT = 0.6
_CLAUSE = re.compile(r"[,;:\u2014]\s")


def _candidates(sentences: list[Sentence]) -> list[Sentence]:
    prose = [
        s
        for s in sentences
        if s.is_prose and len(s.text.split()) <= 70 and sum(c.isupper() for c in s.text) < 0.5 * len(s.text)
    ]
    return prose


def rank_sentences(sentences: list[Sentence]) -> list[tuple[float, Sentence]]:
    """Score prose sentences: early ones and those sharing the article's main words rank high."""
    candidates = _candidates(sentences)
    if not candidates:
        return []
    bags = [Counter(content_words(s.text)) for s in candidates]
    total: Counter[str] = Counter()
    for bag in bags:
        total.update(bag)
    title_words = set()
    if sentences and not sentences[0].is_prose:
        title_words = set(content_words(sentences[0].text))
    scored = []
    for rank, (sentence, bag) in enumerate(zip(candidates, bags, strict=True)):
        rest = total - bag
        dot = sum(count * rest[word] for word, count in bag.items())
        norm = math.sqrt(sum(c * c for c in bag.values())) * math.sqrt(sum(c * c for c in rest.values()))
        centrality = dot / norm if norm else 0.0
        overlap = len(title_words & bag.keys()) / len(title_words) if title_words else 0.0
        position = 1.0 / (1.0 + 0.5 * rank)
        score = POSITION_WEIGHT * position + (1 - POSITION_WEIGHT) * (centrality + 0.5 * overlap)
        scored.append((score, sentence))
    return sorted(scored, key=lambda pair: (-pair[0], pair[1].index))


def _similar(a: Sentence, b: Sentence) -> bool:
    wa, wb = set(content_words(a.text)), set(content_words(b.text))
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) > 0.6


def choose_summary(ranked: list[tuple[float, Sentence]], sentences: list[Sentence]) -> list[Sentence]:
    """Pick 2-4 top sentences, no near-duplicates, about MAX_WORDS words, in article order."""
    chosen: list[Sentence] = []
    words = 0
    for _, sentence in ranked:
        length = len(sentence.text.split())
        if any(_similar(sentence, other) for other in chosen):
            continue
        if chosen and words + length > MAX_WORDS and not (len(chosen) == 1 and words + length <= MAX_WORDS * 1.25):
            continue
        chosen.append(sentence)
        words += length
        if len(chosen) == MAX_SENTENCES or words >= MAX_WORDS:
            break
    if not chosen:  # no prose at all: fall back to the first lines there are
        chosen = [s for s in sentences if s.text.strip()][:2]
    return sorted(chosen, key=lambda s: s.index)


def _shorten(text: str, limit: int = 22) -> str:
    words = text.split()
    if len(words) <= limit:
        return text.strip()
    for match in _CLAUSE.finditer(text):
        head = text[: match.start()].split()
        if 8 <= len(head) <= limit:
            return " ".join(head)
    return " ".join(words[:limit]).rstrip(",;:") + "\u2026"


def key_points(ranked: list[tuple[float, Sentence]], sentences: list[Sentence], limit: int = 5) -> list[str]:
    """Return 2-5 short points from the best-ranked sentences, in article order."""
    picked: list[Sentence] = []
    for _, sentence in ranked:
        if not any(_similar(sentence, other) for other in picked):
            picked.append(sentence)
        if len(picked) == limit:
            break
    if len(picked) < 2:
        picked += [s for s in sentences if s not in picked and s.text.strip()][: 2 - len(picked)]
    return [_shorten(s.text) for s in sorted(picked, key=lambda s: s.index)]
