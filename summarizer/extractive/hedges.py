"""Find hedging language: a lexicon of cues, each with its kind, plus a few patterns.

Approximation cues count only before a number ("about 4,000", not "talks about
Iraq"); "could"/"may" count as speculation except in "could not" and the month
"May". Where cues overlap, the longest wins ("could not be independently
verified" over "could").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import HedgeKind
from .sentences import Sentence

__all__ = ["HedgeCue", "find_hedges"]

_NUMBER_AHEAD = (
    r"(?=\s+(?:an?\s+)?(?:[£$€]\s?)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|"
    r"fifty|hundreds?|thousands?|dozens?|half|a\s+third|a\s+quarter|a\s+fraction)\b))"
)

_LEXICON: list[tuple[HedgeKind, str]] = [
    (HedgeKind.UNCONFIRMED, r"there\s+(?:is|was)\s+no\s+official\s+confirmation|no\s+official\s+confirmation"),
    (HedgeKind.UNCONFIRMED, r"(?:could|can)\s*not\s+(?:be\s+)?(?:independently\s+)?(?:verified|confirmed)"),
    (HedgeKind.UNCONFIRMED, r"(?:has|have|had)\s+not\s+(?:been\s+)?(?:independently\s+)?(?:confirmed|verified)"),
    (HedgeKind.UNCONFIRMED, r"not\s+(?:been\s+)?independently\s+(?:confirmed|verified)|unconfirmed|unverified"),
    (HedgeKind.UNCONFIRMED, r"no\s+information\s+was\s+(?:provided|given)"),
    (
        HedgeKind.DENIAL,
        r"denie[sd]|deny(?:ing)?|refuted|rejected\s+(?:the\s+)?(?:claims?|reports?|allegations?|accusations?)",
    ),
    (HedgeKind.DENIAL, r"dismissed\s+(?:the\s+)?(?:claims?|reports?|allegations?)"),
    (HedgeKind.ATTRIBUTION, r"reportedly|allegedly|purportedly|ostensibly|according\s+to"),
    (HedgeKind.ATTRIBUTION, r"(?:is|are|was|were)\s+said\s+to|(?:is|are|was|were)\s+(?:understood|thought)\s+to"),
    (HedgeKind.ATTRIBUTION, r"(?:reports?|sources?)\s+(?:indicate|indicated|suggest|suggested|said|say)"),
    (HedgeKind.ATTRIBUTION, r"claim(?:s|ed|ing)?|alleged|allegations?|alleging|rumou?red"),
    (HedgeKind.SPECULATION, r"(?:is|are|was|were)\s+believed\s+to|believed\s+to"),
    (HedgeKind.SPECULATION, r"(?:is|are|was|were)\s+(?:expected|likely|unlikely)\s+to|it\s+is\s+expected"),
    (HedgeKind.SPECULATION, r"expect(?:s|ed)?|speculat(?:ion|ed|e)|(?:they|we|i|he|she)\s+believes?|believed"),
    (HedgeKind.SPECULATION, r"appears?\s+to|appeared\s+to|appears|seems?\s+to|seems"),
    (HedgeKind.SPECULATION, r"(?:un)?likely|probably|possibly|perhaps|potential(?:ly)?|improbable|possible"),
    (HedgeKind.SPECULATION, r"suggests?|suggested|suggesting|might|may(?!\s+\d)"),
    (HedgeKind.SPECULATION, r"could(?!\s*not\b|n't)"),
    (
        HedgeKind.APPROXIMATION,
        rf"(?:about|around|approximately|roughly|nearly|almost|some|an\s+estimated|estimated){_NUMBER_AHEAD}",
    ),
    (
        HedgeKind.APPROXIMATION,
        rf"(?:more\s+than|fewer\s+than|less\s+than|at\s+least|up\s+to|as\s+many\s+as|close\s+to){_NUMBER_AHEAD}",
    ),
]
_PATTERN = re.compile(
    "|".join(f"(?P<k{i}>\\b(?:{pattern})\\b)" for i, (_, pattern) in enumerate(_LEXICON)),
)
_KINDS = {f"k{i}": kind for i, (kind, _) in enumerate(_LEXICON)}


@dataclass(frozen=True, slots=True)
class HedgeCue:
    """A hedge found in the text."""

    start: int
    end: int
    cue: str
    kind: HedgeKind
    claim: str
    sentence: Sentence


_CLAUSE_END = re.compile(r"[;:!?()\u2014]|[,.](?=\s|$)")


def _claim(sentence: Sentence, start: int, end: int) -> str:
    after = _CLAUSE_END.split(sentence.text[end - sentence.start :], maxsplit=1)[0].split()
    if len(after) >= 3:
        return " ".join(after[:12])
    before = _CLAUSE_END.split(sentence.text[: start - sentence.start])[-1].split()
    return " ".join(before[-10:] + after) or sentence.text[:80]


def find_hedges(text: str, sentences: list[Sentence]) -> list[HedgeCue]:
    """Return every hedge cue in the sentences, in text order."""
    cues: list[HedgeCue] = []
    for sentence in sentences:
        body = sentence.text
        for match in _PATTERN.finditer(body.lower()):
            kind = _KINDS[match.lastgroup or ""]
            start, end = match.span()
            original = body[start:end]
            if original == "May":  # the month, or a sentence-initial name
                continue
            cues.append(
                HedgeCue(
                    start=sentence.start + start,
                    end=sentence.start + end,
                    cue=original,
                    kind=kind,
                    claim=_claim(sentence, sentence.start + start, sentence.start + end),
                    sentence=sentence,
                )
            )
    return cues
