"""Score escalation from trigger patterns: PLOVER type, 0-5 level, direction, evidence.

Each trigger names a PLOVER type and the rubric level it implies (see
prompts/escalation-rubric.md). Sentences near the top weigh more, and words that
only imply force in a military context ("attack", "deployed", "warned") count
only in sentences that also name forces, weapons, a border or a war.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..scales import Direction, EventType
from .sentences import CALENDAR_WORDS, Sentence

__all__ = ["LEVEL_MEANING", "EscalationReading", "assess_escalation", "find_actors"]

LEVEL_MEANING = {
    0: "no military development, or de-escalation",
    1: "rhetoric",
    2: "posturing or exercises",
    3: "mobilisation or build-up",
    4: "limited strikes or incursions",
    5: "major offensive",
}

_SECURITY = re.compile(
    r"\b(?:troops?|soldiers?|army|armies|military|forces|missiles?|drones?|weapons?|tanks?|border|war|militants?|"
    r"rebels?|navy|naval|air\s+force|artillery|battalions?|brigades?|nuclear|invasion|offensive|defen[cs]e|"
    r"insurgents?|guerrillas?|warplanes?|jets?|ceasefire|front\s*lines?|frontier|combat)\b",
    re.IGNORECASE,
)

# (type, level, needs a security context, pattern)
_TRIGGERS: list[tuple[EventType, int, bool, str]] = [
    (
        EventType.FIGHT,
        5,
        False,
        r"full-scale\s+(?:invasion|war|offensive)|all-out\s+war|major\s+offensive|"
        r"launched\s+an?\s+(?:invasion|offensive)|ground\s+offensive|invaded",
    ),
    (EventType.FIGHT, 4, True, r"fighting|battles?|clashes|clashed|combat|fought|counter-?offensive|offensive"),
    (
        EventType.ASSAULT,
        4,
        False,
        r"air\s?strikes?|shelling|shelled|bombard\w*|missile\s+(?:attacks?|strikes?)|"
        r"drone\s+(?:attacks?|strikes?)|suicide\s+bombing|incursions?",
    ),
    (
        EventType.ASSAULT,
        4,
        True,
        r"attack(?:s|ed)?|strikes?\s+on|bomb(?:ing|ed|s)|raids?|killed|drones\s+launched|"
        r"launched\s+\d[\d,]*\s+(?:drones|missiles)",
    ),
    (EventType.COERCE, 4, True, r"seized|seizure|captur(?:e|ed|ing)|occupied|occupation|annex\w*|blockade\w*"),
    (EventType.MOBILIZE, 3, False, r"mobili[sz]\w*|build-?up|troop\s+movements?|call-?up|reinforcements"),
    (
        EventType.MOBILIZE,
        3,
        True,
        r"mass(?:ing|ed)|amass\w*|deploy\w*|moved?\s+(?:\w+\s+){0,3}(?:troops|soldiers|tanks)|"
        r"sent\s+(?:\w+\s+){0,3}(?:troops|soldiers)|assembl\w*|gather(?:s|ed|ing)?|stationed|"
        r"(?:troops|soldiers|army)\s+(?:\w+\s+){0,4}(?:to|toward|towards|near|along)\s+the\s+border|conscript\w*",
    ),
    (
        EventType.MOBILIZE,
        2,
        True,
        r"exercises?|drills?|manoeuvres|maneuvers|patrols?|show\s+of\s+force|war\s+games|"
        r"(?:on|high)\s+alert",
    ),
    (EventType.THREATEN, 1, True, r"threat(?:en|ened|ens|ening)?|warn(?:ed|s|ing)?|ultimatum"),
    (EventType.DISAPPROVE, 1, False, r"accus\w*|condemn\w*|criticis\w*|criticiz\w*|blamed"),
    (EventType.DEMAND, 1, False, r"demand(?:s|ed|ing)?|called\s+for|urged"),
    (EventType.REJECT, 1, False, r"rejected|refused|vetoed"),
    (EventType.SANCTION, 1, False, r"sanctions?|expelled|embargo\w*|cut\s+ties"),
    (EventType.PROTEST, 1, False, r"protests?|protesters|demonstrators|demonstrations?"),
    (
        EventType.RETREAT,
        0,
        False,
        r"cease-?fire|truce|withdr[ae]w\w*|pull(?:ed|ing|s)?\s+(?:\w+\s+){0,5}back|"
        r"pulled\s+out|de-?escalat\w*|demobili[sz]\w*",
    ),
    (EventType.AGREE, 0, False, r"agree(?:s|d)?\s+to|agreed|agreement|peace\s+deal|accord|signed|treaty"),
    (EventType.CONSULT, 0, False, r"talks|negotiat\w*|summit|met\s+with|consultations?"),
    (EventType.AID, 0, False, r"humanitarian\s+aid|aid\s+(?:to|for)|relief\s+supplies"),
    (EventType.INVESTIGATE, 0, False, r"investigat\w*|inquiry|probe"),
]
_COMPILED = [(kind, level, ctx, re.compile(rf"\b(?:{p})\b", re.IGNORECASE)) for kind, level, ctx, p in _TRIGGERS]
_UP = re.compile(
    r"escalat\w*|build-?up|rising\s+tensions?|heighten\w*|intensif\w*|amass\w*|mobili[sz]\w*|"
    r"largest|record|imminent|more\s+troops|increas\w*|reinforc\w*",
    re.IGNORECASE,
)
_DOWN = re.compile(
    r"cease-?fire|truce|withdr[ae]w\w*|de-?escalat\w*|eas(?:ed|ing)\s+tensions?|pull(?:ed)?\s+back|"
    r"peace\s+(?:deal|agreement)|demobili[sz]\w*",
    re.IGNORECASE,
)
_NOT_ACTORS = CALENDAR_WORDS | frozenset(
    """The A An In On At But And If As It This That These Those There He She They We His Her Their Its
    Our Mr Mrs Ms According However Meanwhile Also After Before While Despite Although Under Over
    With Without For From By Of To What When Where Why How Who Which Last Next Both One Two Three
    President Prime Minister Foreign Defence Defense Ministry Secretary General World News Latest
    Trends Reports Images Refs Similar Notably Moreover Recent Former Chief Senior""".split()
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z\u00e0-\u024f]+(?:[-\s][A-Z][a-z\u00e0-\u024f]+){0,2}\b")


@dataclass(frozen=True)
class EscalationReading:
    """What the trigger patterns say about an article's escalation."""

    event_type: EventType
    level: int
    direction: Direction
    actors: list[str]
    rationale: str
    evidence: list[Sentence]


def _weight(sentence: Sentence, rank: int) -> float:
    if rank == 0 or (not sentence.is_prose and rank < 4):
        return 3.0  # the headline says what the story is about
    if not sentence.is_prose:
        return 0.5
    return 2.0 if rank < 4 else (1.0 if rank < 12 else 0.6)


def _same_name(a: str, b: str) -> bool:
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return common >= 5 and common >= 0.7 * min(len(a), len(b))


def merge_names(counts: Counter[str]) -> Counter[str]:
    """Merge forms of one name (Russia/Russian, Ukraine/Ukrainian) under the shorter form."""
    merged: Counter[str] = Counter()
    for name, count in counts.most_common():
        home = next((m for m in merged if _same_name(m, name)), None)
        if home is None:
            merged[name] += count
        elif len(name) < len(home):
            merged[name] = merged.pop(home) + count
        else:
            merged[home] += count
    return merged


def find_actors(sentences: list[Sentence], limit: int = 4) -> list[str]:
    """Return the names mentioned most, merging forms like Russia/Russian."""
    counts: Counter[str] = Counter()
    for sentence in sentences:
        for match in _CAPITALISED.finditer(sentence.text):
            name = match.group()
            words = [w for w in re.split(r"[-\s]", name) if w not in _NOT_ACTORS]
            if not words:
                continue
            counts[" ".join(words)] += 1
    merged = merge_names(counts)
    ranked = [name for name, count in merged.most_common() if count >= 2]
    return ranked[:limit] or [name for name, _ in merged.most_common(2)]


def assess_escalation(sentences: list[Sentence]) -> EscalationReading:
    """Read type, level, direction, actors and evidence from the trigger patterns."""
    scores: dict[EventType, float] = {}
    levels: dict[EventType, int] = {}
    hits: dict[EventType, list[tuple[float, Sentence, str]]] = {}
    up = 0.0
    down = 0.0
    for rank, sentence in enumerate(sentences):
        weight = _weight(sentence, rank)
        text = sentence.text
        military = bool(_SECURITY.search(text))
        seen: set[EventType] = set()
        for kind, level, needs_context, pattern in _COMPILED:
            if needs_context and not military:
                continue
            match = pattern.search(text)
            if match is None:
                continue
            if kind not in seen:
                scores[kind] = scores.get(kind, 0.0) + weight * (1.0 + 0.1 * level)
                seen.add(kind)
            levels[kind] = max(levels.get(kind, 0), level)
            hits.setdefault(kind, []).append((weight, sentence, match.group()))
        up += weight * len(_UP.findall(text))
        down += weight * len(_DOWN.findall(text))
    if not scores:
        return EscalationReading(
            EventType.NONE,
            0,
            Direction.UNCLEAR,
            find_actors(sentences),
            "No trigger words for a political or military event were found.",
            [],
        )
    kind = max(scores, key=lambda k: (scores[k], levels[k]))
    level = levels[kind]
    ranked = sorted(hits[kind], key=lambda h: -h[0])
    evidence: list[Sentence] = []
    for _, sentence, _ in ranked:
        if sentence not in evidence and sentence.is_prose:
            evidence.append(sentence)
        if len(evidence) == 3:
            break
    if not evidence:
        evidence = [ranked[0][1]]
    if kind in (EventType.RETREAT, EventType.AGREE) or down > up:
        direction = Direction.DE_ESCALATING
    elif up > 0 and level >= 2:
        direction = Direction.ESCALATING
    elif level >= 1:
        direction = Direction.STEADY
    else:
        direction = Direction.UNCLEAR
    words = sorted({h[2].lower() for h in ranked[:6]})
    rationale = (
        f"Trigger words for {kind.value} ({', '.join(repr(w) for w in words[:4])}) appear in "
        f"{len(hits[kind])} sentence(s); level {level} means {LEVEL_MEANING[level]}."
    )
    return EscalationReading(kind, level, direction, find_actors(sentences), rationale, evidence)
