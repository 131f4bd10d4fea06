"""Score escalation: PLOVER type, 0-5 level, direction, evidence.

A trigger (``triggers``) counts as a development only when the sentence names an
actor of the kind it needs (``actors``: a state, its forces, an armed group),
uses the word in its literal sense, speaks of the article's present (not a history
line, a film, game, match or market) and reports it as happening (not threatened,
feared, denied or asked about). The level is the most escalatory such development
(level 2 and up); without one, the most salient political event sets type and level.
Direction follows the article's own framing, its hedges on escalation included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..scales import Direction, EventType
from .actors import Actors, find_actors, merge_names, typed_actors, words_of
from .background import in_background_clause, is_history, retold, standing_presence
from .roles import Role, person_roles, roles_in
from .scan import guarded, may_match, pattern_starts, word_starts
from .senses import ANIMALS, HYPOTHETICAL, NOT_EVENT, NOT_EVENT_STARTS, in_compound, in_name, title_case
from .sentences import Sentence
from .triggers import (
    ATTRIBUTIVE,
    BACKGROUND,
    CRIME,
    DOMAIN_WORDS,
    EVENT_MARKER,
    FIGURATIVE,
    FRAMING,
    HISTORY,
    IRREALIS,
    LEGAL,
    NEGATION,
    OBITUARY,
    PAST_PERFECT,
    PEACEFUL,
    RELATED_HEADING,
    THREAT_CUE,
    TRIGGERS,
    YEAR,
    Need,
    Trigger,
)

__all__ = ["LEVEL_MEANING", "EscalationReading", "assess_escalation", "find_actors", "merge_names"]

LEVEL_MEANING = {
    0: "no military development, or de-escalation",
    1: "rhetoric",
    2: "posturing or exercises",
    3: "mobilisation or build-up",
    4: "limited strikes or incursions",
    5: "major offensive",
}

_CLAUSE_BREAK = re.compile(r"[,;:()\u2014\u2013]|\s-\s|\b(?:but|while|whereas|as|after|when|which|who|where)\b")
_LEAD_SENTENCES = 5
_PUBLISHED_YEAR = re.compile(r"\s*((?:19|20)\d\d)\b")
_FRAMING_STARTS = pattern_starts(FRAMING)
# Word starts alone pass nearly every sentence ("no" begins "north", "de" "defence"): a framing cue
# of two letters must be a whole word or end at a hyphen; longer starts are looked up among the words'.
_FRAMING_LONG = frozenset(s for s in _FRAMING_STARTS or () if len(s) > 2)
_FRAMING_TWO = re.compile(
    r"\b(?:" + "|".join(sorted(s for s in _FRAMING_STARTS or () if len(s) == 2)) + r")(?![a-z])", re.IGNORECASE
)
_FIGURATIVE_STARTS = pattern_starts(FIGURATIVE)
# The two long patterns scanned whole, guarded by a look-ahead for the letters their matches begin with.
_FIGURATIVE = guarded(FIGURATIVE)
_FRAMING = guarded(FRAMING)
_CRIME_STARTS = pattern_starts(CRIME)


def _by_start(triggers: list[Trigger]) -> dict[str, set[int]]:
    """Each start a trigger's matches can have, with the triggers' positions in the list."""
    index: dict[str, set[int]] = {}
    for i, trigger in enumerate(triggers):
        for start in trigger.starts or ():
            index.setdefault(start, set()).add(i)
    return index


# A sentence's candidate triggers: those under its words' starts, and any whose starts are not known.
_BY_START = _by_start(TRIGGERS)
_TRIGGER_STARTS = frozenset(_BY_START)
_UNKNOWN_START = frozenset(i for i, t in enumerate(TRIGGERS) if t.starts is None)
_BACKGROUND_WEIGHT = 0.3  # what a sentence recalls counts less than what it reports
_FORCEFUL = frozenset({EventType.FIGHT, EventType.ASSAULT, EventType.COERCE, EventType.MOBILIZE, EventType.SANCTION})


@dataclass(frozen=True)
class EscalationReading:
    """What the trigger patterns say about an article's escalation."""

    event_type: EventType
    level: int
    direction: Direction
    actors: list[str]
    rationale: str
    evidence: list[Sentence]


@dataclass(frozen=True, slots=True)
class _Hit:
    kind: EventType
    level: int
    weight: float
    sentence: Sentence
    word: str
    position: int
    firm: bool  # reported as happening, in the article's present, by an actor of the right kind
    background: bool = False  # in a clause recalling an earlier event: "the bombs which killed seven"


def _weight(sentence: Sentence, rank: int) -> float:
    if rank == 0 or (not sentence.is_prose and rank < 4):
        return 3.0  # the headline says what the story is about
    if not sentence.is_prose:
        return 0.5
    return 2.0 if rank < 4 else (1.0 if rank < 12 else 0.6)


def _scope(text: str, start: int) -> str:
    """The words before a trigger in its own clause."""
    window = text[max(0, start - 90) : start]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(window)), default=0)
    return window[cut:]


def _body(sentences: list[Sentence]) -> list[Sentence]:
    """The article without the list of other stories a saved page may end with."""
    for i, sentence in enumerate(sentences):
        if i >= 3 and RELATED_HEADING.match(sentence.text):
            return sentences[:i]
    return sentences


def _domain(text: str) -> int:
    """How many words of sport, screens, music or markets a text has."""
    return sum(1 for w in words_of(text) if w.lower() in DOMAIN_WORDS)


def _conflict_framed(lead: list[str]) -> bool:
    """True when the headline and lead speak of states or forces rather than of sport, screens or markets."""
    forces = political = domain = 0
    for text in lead:
        found = typed_actors(text)
        # only when it named one can a figurative phrase ("charm offensive") be what named them
        if found.political and may_match(word_starts(text), _FIGURATIVE_STARTS):
            found = typed_actors(_FIGURATIVE.sub(" ", text))
        forces += found.force
        political += found.political
        domain += _domain(text)
    return (forces > 0 and domain <= 2 * political) or (political > 0 and domain <= 1)


def _counts(trigger: Trigger, actors: Actors) -> bool:
    if trigger.need is Need.FORCE:
        return actors.force
    if trigger.need is Need.ACTOR:
        return actors.political
    return actors.political or actors.party  # any event: a state, its institutions, a party, "both sides"


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _firm(trigger: Trigger, match: re.Match[str], text: str, scope: str, setting: bool, relief: bool) -> bool:
    """True when a force trigger reports something happening now, not a noun for a known event or a cause."""
    return (
        setting
        and IRREALIS.search(scope) is None
        and NEGATION.search(scope) is None
        and PAST_PERFECT.search(scope + match.group()) is None
        and (not trigger.nominal or _marked(text, match))
        and ATTRIBUTIVE.search(text, max(0, match.start() - 16), match.end() + 12) is None
        and BACKGROUND.search(text, 0, match.start()) is None
        and (trigger.kind is not EventType.MOBILIZE or not (relief or PEACEFUL.search(text)))
        and (trigger.kind is not EventType.COERCE or trigger.level > 3 or LEGAL.search(text) is None)
    )


def _marked(text: str, match: re.Match[str]) -> bool:
    """True when something outside the trigger itself marks the event as new."""
    return any(m.end() <= match.start() or m.start() >= match.end() for m in EVENT_MARKER.finditer(text))


def _latest_year(text: str) -> int:
    """The latest year a sentence names, or 0."""
    if "19" not in text and "20" not in text:
        return 0
    return max((int(y) for y in YEAR.findall(text)), default=0)


def _candidates(starts: set[str], conflict: bool) -> list[Trigger]:
    """The triggers that can match a sentence with these word starts, in table order."""
    found = set(_UNKNOWN_START)
    for start in starts & _TRIGGER_STARTS:
        found.update(_BY_START[start])
    # force words in a story about markets, matches or screens do not count
    return [TRIGGERS[i] for i in sorted(found) if conflict or TRIGGERS[i].level < 2]


def _search(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match that is an event word, not part of a name ("Retail Consulting Group") or of "state-backed"."""
    for match in pattern.finditer(text):
        start, end = match.span()
        if in_compound(text, start, end):
            continue
        if text[start].isupper() and in_name(text, start, end) and not title_case(text):
            continue  # a title-case headline capitalises its verbs too
        return match
    return None


# A reporting or mental verb, or a copula opening a passive: who stands before it is the speaker or the
# sufferer, not the agent of what follows ("Mr Renn said rebels ...", "Mr Renn's convoy was attacked").
_REPORTING = re.compile(
    r"\b(?:said|says|say|told|tells|asked|asks|hoped|hopes|thinks|thought|believes|believed|argued|argues|"
    r"claimed|claims|added|insisted|warned|suggested|announced|wrote|writes|was|were|is|are|been)\b",
    re.IGNORECASE,
)

_POSSESSOR = re.compile(r"\b[A-Z][\w-]*['\u2019]s?(?=\s)")


def _agent(text: str, start: int) -> str:
    """The words before a trigger in its clause that can name who does it: not a speaker reporting it."""
    scope = _scope(text, start)
    cut = max((m.end() for m in _REPORTING.finditer(scope)), default=0)
    return _POSSESSOR.sub(" ", scope[cut:])  # "Mr Kell's allies": the allies act, not Mr Kell


def _with_people(actors: Actors, text: str, people: dict[str, Role]) -> Actors:
    """The sentence's actors with the people ``text`` names by surname whose office the article gave earlier."""
    roles = roles_in(text, people)
    if not roles:
        return actors
    force = actors.force or Role.FORCE in roles
    political = actors.political or force or Role.GOVERNMENT in roles
    return replace(actors, political=political, force=force, party=actors.party or Role.PARTY in roles)


def _sentence_hits(
    sentence: Sentence,
    starts: set[str],
    weight: float,
    conflict: bool,
    dated_before: bool,
    relief: bool,
    people: dict[str, Role],
) -> list[_Hit]:
    raw = sentence.text
    if may_match(starts, NOT_EVENT_STARTS):  # "weak demand", "appeal to voters": no event words there
        raw = NOT_EVENT.sub(_blank, raw)
    text = raw
    found: dict[EventType, _Hit] = {}
    actors: Actors | None = None
    setting: bool | None = None  # the article's present, in a conflict story, not about a film or a match
    for trigger in _candidates(starts, conflict):
        match = _search(trigger.pattern, raw)
        if match is None:
            continue
        if actors is None:  # the costly checks, only for sentences with a trigger
            if may_match(starts, _FIGURATIVE_STARTS):
                text = _FIGURATIVE.sub(_blank, raw)
            actors = typed_actors(text)
        if text is not raw:
            match = _search(trigger.pattern, text)
            if match is None:
                continue
        # an event is between political or armed actors ("the club agreed a fee" is none), a person the
        # article gave an office among them
        if not (_counts(trigger, actors) or (trigger.kind is EventType.PROTEST and actors.crowd)) and (
            not people or not _counts(trigger, _with_people(actors, _agent(text, match.start()), people))
        ):
            continue  # "Mr Renn rejected calls" after "Interior Secretary Tavo Renn"
        if trigger.level < 2 and (HYPOTHETICAL.search(low := _scope(text, match.start())) or NEGATION.search(low)):
            continue  # "a deal could be signed", "ministers do not support": not reported as happening
        firm = True
        kind, level = trigger.kind, trigger.level
        if level >= 2:
            if setting is None:
                setting = conflict and not raw.rstrip().endswith("?") and HISTORY.search(text) is None
                setting = setting and not is_history(text)  # "were killed at Auschwitz": no year needed
                setting = setting and not dated_before  # it names only years before the article's own
                force = actors is not None and actors.force
                setting = setting and (force or _domain(text) < 2)  # "shelled the market" stays force
            scope = _scope(text, match.start())
            firm = _firm(trigger, match, text, scope, setting, relief)
            if not firm and kind in _FORCEFUL and THREAT_CUE.search(scope) and not NEGATION.search(scope):
                kind, level, firm = EventType.THREATEN, 1, True  # force announced or threatened, not yet used
        # "after rebels shelled the town", "troops deployed in Kestria should come home"
        behind = level >= 2 and (in_background_clause(text, match.start()) or standing_presence(text, *match.span()))
        hit = _Hit(
            kind,
            level,
            weight * (_BACKGROUND_WEIGHT if behind else 1.0),
            sentence,
            match.group(),
            match.start(),
            firm,
            behind,
        )
        old = found.get(kind)
        if old is None or (hit.firm, hit.level) > (old.firm, old.level):
            found[kind] = hit
    crime = _crime(raw) if not found and may_match(starts, _CRIME_STARTS) else None
    if crime is not None and (dated_before or HISTORY.search(raw) or is_history(raw)):
        crime = None  # "Tupac Shakur was shot dead in 1996", "were killed at Auschwitz": history, not crime news
    if crime is not None and not (actors or typed_actors(raw)).political:
        found[EventType.CRIME] = _Hit(EventType.CRIME, 0, weight, sentence, crime.group(), crime.start(), True)
    return list(found.values())


def _crime(text: str) -> re.Match[str] | None:
    """The first word of violence against people, not of hunting or culling animals ("killing 91 foxes")."""
    for match in CRIME.finditer(text):
        if ANIMALS.search(text, max(0, match.start() - 60), match.end() + 60) is None:
            return match
    return None


def _direction(sentences: list[Sentence], starts: list[set[str]], kind: EventType, level: int) -> Direction:
    up = down = damp = 0.0
    for rank, sentence in enumerate(sentences):
        text = sentence.text
        if _FRAMING_STARTS is not None and starts[rank].isdisjoint(_FRAMING_LONG) and not _FRAMING_TWO.search(text):
            continue
        cues = [m.lastgroup for m in _FRAMING.finditer(text)]
        if not cues or HISTORY.search(text):
            continue
        weight = _weight(sentence, rank)
        rises = cues.count("up")
        hedged = "damp" in cues or NEGATION.search(text) is not None
        if rises and hedged:
            damp += weight * rises
        else:
            up += weight * rises
        down += weight * cues.count("down")
        damp += weight * cues.count("damp")
    if kind in (EventType.RETREAT, EventType.AGREE) or down > up:
        return Direction.DE_ESCALATING
    if level >= 2 and up > 0 and up >= 2 * damp:
        return Direction.ESCALATING
    if level >= 1:
        return Direction.STEADY
    return Direction.UNCLEAR


def assess_escalation(sentences: list[Sentence], published: str | None = None) -> EscalationReading:
    """Read type, level, direction, actors and evidence from the article's developments.

    ``published`` (an ISO date) says which year is the article's present; without it,
    the newest year the article names is.
    """
    body = _body(sentences)
    lead = [s.text for s in body if s.is_prose][:_LEAD_SENTENCES] or [s.text for s in body[:_LEAD_SENTENCES]]
    conflict = _conflict_framed(lead) and not any(OBITUARY.search(s.text) for s in body[:2])
    hits: list[_Hit] = []
    starts = [word_starts(s.text) for s in body]
    relief = bool(body) and PEACEFUL.search(body[0].text) is not None  # troops sent to help, by the headline
    years = [_latest_year(s.text) for s in body]
    dated = _PUBLISHED_YEAR.match(published or "")
    newest = max([*years, int(dated[1]) if dated else 0])
    people = person_roles(s.text for s in body)  # "Home Secretary Charles Clarke": "Mr Clarke" acts for the state
    # a story told for survivors, victims or an anniversary retells its violence: history unless dated today
    # or done to those who gather for it
    remembered = any(is_history(s.text) for s in body[:2])
    for rank, sentence in enumerate(body):
        before = 0 < years[rank] < newest or (remembered and rank >= 2 and retold(sentence.text))
        weight = _weight(sentence, rank)
        hits.extend(_sentence_hits(sentence, starts[rank], weight, conflict, before, relief, people))
    actors = find_actors(body)  # the article's own actors, not those of the stories listed after it
    force = [h for h in hits if h.firm and h.level >= 2]
    if any(not h.background for h in force):
        force = [h for h in force if not h.background]  # the news, before the clauses recalling what led to it
    elif any(h.firm and h.weight >= 2 and h.level < 2 for h in hits):
        force = []  # the lead reports its own development: "the bombs which killed seven" is its background
    if force:
        level = max(h.level for h in force)
        pool = [h for h in force if h.level == level]
    else:
        pool = [h for h in hits if h.level <= 1]
        level = max((h.level for h in pool), default=0)
    if not pool:
        return EscalationReading(
            EventType.NONE,
            0,
            Direction.UNCLEAR,
            actors,
            "No trigger words for a political or military event were found.",
            [],
        )
    scores: dict[EventType, float] = {}
    first: dict[EventType, tuple[int, int]] = {}
    for h in pool:
        scores[h.kind] = scores.get(h.kind, 0.0) + h.weight * (1.0 + 0.1 * h.level)
        first[h.kind] = min(first.get(h.kind, (h.sentence.index, h.position)), (h.sentence.index, h.position))
    kind = max(scores, key=lambda k: (scores[k], max(h.level for h in pool if h.kind is k), _neg(first[k])))
    level = max(h.level for h in pool if h.kind is kind)
    ranked = sorted((h for h in pool if h.kind is kind), key=lambda h: -h.weight)
    evidence: list[Sentence] = []
    for h in ranked:
        if h.sentence not in evidence and h.sentence.is_prose:
            evidence.append(h.sentence)
        if len(evidence) == 3:
            break
    if not evidence:
        evidence = [ranked[0].sentence]
    words = sorted({h.word.lower() for h in ranked[:6]})
    rationale = (
        f"Trigger words for {kind.value} ({', '.join(repr(w) for w in words[:4])}) appear in "
        f"{len({h.sentence.index for h in ranked})} sentence(s); level {level} means {LEVEL_MEANING[level]}."
    )
    return EscalationReading(kind, level, _direction(body, starts, kind, level), actors, rationale, evidence)


def _neg(pair: tuple[int, int]) -> tuple[int, int]:
    return (-pair[0], -pair[1])
