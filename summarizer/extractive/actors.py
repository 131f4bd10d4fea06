"""Who acts in a sentence: states, their institutions, armed forces, armed groups, police; and the article's main names.

Actor types follow the CAMEO conventions (government, military, police, rebels and
insurgents, international bodies); the names are the word lists in ``gazetteer``.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from .gazetteer import (
    ARMED_GROUPS,
    FORCE_NOUNS,
    GOVERNMENT_NOUNS,
    INTERNATIONAL,
    POLICE_NOUNS,
    POLITICAL_TARGETS,
    STATES,
    WEAPON_NOUNS,
)
from .sentences import CALENDAR_WORDS, Sentence

__all__ = ["Actors", "find_actors", "merge_names", "typed_actors", "words_of"]


_TOKEN = re.compile(r"[A-Za-z][\w.'\u2019-]*")
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")
_STATE_NAMES = frozenset(STATES)
_NAMES = _STATE_NAMES | ARMED_GROUPS | INTERNATIONAL
_NOUNS = GOVERNMENT_NOUNS | FORCE_NOUNS | WEAPON_NOUNS | POLICE_NOUNS | POLITICAL_TARGETS
# "Forces" that carry no arms.
_NOT_FORCE = re.compile(
    r"\b(?:market|sales|task|work|labour|labor|life|economic|creative|driving|join(?:ed|ing|s)?|"
    r"combin(?:ed|ing))\s+forces?\b|\b(?:it|he|she|this|that|which|who)\s+forces\b|"
    r"\bforces?\s+(?:of\s+(?:nature|change|the\s+market)|(?:him|her|them|us|it)\b)",
    re.IGNORECASE,
)


def _token(word: str) -> str:
    if word.endswith(_POSSESSIVE):
        word = word[: -2 if word[-1] == "s" else -1]
    if word.endswith(".") and word.count(".") == 1:
        word = word[:-1]
    return word.rstrip("-")


def _names(words: list[str]) -> set[str]:
    """Words, and runs of two or three words that start with a capital, of a sentence."""
    out = set(words)
    for i, word in enumerate(words):
        if word[0].isupper():
            out.update(" ".join(words[i:j]) for j in (i + 2, i + 3) if j <= len(words))
    return out


def _nouns(words: list[str]) -> set[str]:
    """Lower-cased words and pairs of words of a sentence."""
    lowered = [w.lower() for w in words]
    return set(lowered).union(f"{a} {b}" for a, b in itertools.pairwise(lowered))


def words_of(text: str) -> list[str]:
    """The words of a sentence without possessive endings and closing full stops."""
    # a word of letters alone has nothing to cut: only the others go through _token
    return [w if w.isalpha() else _token(w) for w in _TOKEN.findall(text)]


@dataclass(frozen=True, slots=True)
class Actors:
    """The typed actors one sentence names."""

    states: frozenset[str]  # each state by its first name, from names, demonyms and capitals
    political: bool  # a state, its institutions, an international body, armed forces or an armed group
    force: bool  # armed forces, armed groups, police acting on political targets, or a state's weapons


def typed_actors(text: str) -> Actors:
    """The states, political and armed actors a sentence names."""
    words = words_of(text)
    names = _names(words) & _NAMES
    nouns = _nouns(words) & _NOUNS
    states = frozenset(STATES[n] for n in names & _STATE_NAMES)
    armed = not names.isdisjoint(ARMED_GROUPS)
    political = bool(states) or armed or not names.isdisjoint(INTERNATIONAL) or not nouns.isdisjoint(GOVERNMENT_NOUNS)
    forces = nouns & FORCE_NOUNS
    if forces and forces <= {"forces", "force"} and _NOT_FORCE.search(text):
        forces = set()
    force = armed or bool(forces)
    if not force and not nouns.isdisjoint(POLICE_NOUNS):
        force = not nouns.isdisjoint(POLITICAL_TARGETS)
    if not force and political:
        force = not nouns.isdisjoint(WEAPON_NOUNS)  # "Israeli tanks", "Russian drones": weapons need an owner
    return Actors(states, political or force, force)


_NOT_ACTORS = CALENDAR_WORDS | frozenset(
    """The A An In On At But And If As It This That These Those There He She They We His Her Their Its
    Our Mr Mrs Ms According However Meanwhile Also After Before While Despite Although Under Over
    With Without For From By Of To What When Where Why How Who Which Last Next Both One Two Three
    President Prime Minister Foreign Defence Defense Ministry Secretary General World News Latest
    Trends Reports Images Refs Similar Notably Moreover Recent Former Chief Senior""".split()
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z\u00e0-\u024f]+(?:[-\s][A-Z][a-z\u00e0-\u024f]+){0,2}\b")


def _same_name(a: str, b: str) -> bool:
    common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return common >= 5 and common >= 0.7 * min(len(a), len(b))


def merge_names(counts: Counter[str]) -> Counter[str]:
    """Merge forms of one name (Russia/Russian, Ukraine/Ukrainian) under the shorter form."""
    merged: Counter[str] = Counter()
    # Two forms of a name share their first five letters, so only names in one bucket are compared.
    buckets: dict[str, list[str]] = {}
    for name, count in counts.most_common():
        bucket = buckets.setdefault(name[:5], []) if len(name) >= 5 else []
        home = next((m for m in bucket if _same_name(m, name)), None)
        if home is None:
            merged[name] += count
            bucket.append(name)
        elif len(name) < len(home):
            merged[name] = merged.pop(home) + count
            bucket.remove(home)
            bucket.append(name)
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
