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
    CAPITALS,
    DEMONYMS,
    FORCE_NOUNS,
    GOVERNMENT_NOUNS,
    INTERNATIONAL,
    NEWS_OUTLETS,
    NEWS_PREFIXES,
    NOT_ACTOR_ACRONYMS,
    NOT_ACTOR_HEADS,
    NOT_ACTOR_NAMES,
    POLICE_NOUNS,
    POLITICAL_TARGETS,
    REGIONAL_ADJECTIVES,
    STATES,
    WEAPON_NOUNS,
)
from .senses import title_case
from .sentences import CALENDAR_WORDS, WEB_ENDINGS, Sentence

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
    party: bool = False  # a party, its politicians, a union, campaigners, "both sides": domestic or unnamed actors
    crowd: bool = False  # workers, residents, demonstrators: who can protest without a party or a state


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
    return Actors(states, political or force, force, _PARTY.search(text) is not None, _CROWD.search(text) is not None)


# domestic politics: parties, their politicians, unions, campaigners (CAMEO's opposition, labour, civil society)
_PARTY = re.compile(
    r"\b(?:Labour|Conservatives?|Tor(?:y|ies)|Lib(?:eral)?\s+Dem(?:ocrat)?s?|Democrat(?:s|ic)?|Republicans?|SNP|Plaid|UKIP|"
    r"GOP|DNC|RNC|[Pp]art(?:y|ies)|MPs?|MEPs?|[Ss]enators?|[Cc]ongress(?:man|woman)?|[Oo]pposition|[Uu]nions?|"
    r"[Cc]ampaigners?|[Aa]ctivists?|[Pp]rotesters?|[Pp]oliticians?|[Pp]eers|[Ll]ords|(?:[Bb]oth|two|warring)\s+sides)\b"
)
# who protests: a crowd of working or living people is the actor of a protest, as a party or a union is
_CROWD = re.compile(
    r"\b(?:[Dd]emonstrators|[Mm]archers|[Rr]ioters|[Ww]orkers|[Dd]octors|[Nn]urses|[Tt]eachers|[Mm]iners|"
    r"[Ff]armers|[Ss]tudents|[Rr]esidents|[Vv]illagers|[Cc]itizens|[Cc]rowds?|(?:[Tt]housands|[Hh]undreds)\s+of\s+people)\b"
)
_NOT_ACTORS = CALENDAR_WORDS | frozenset(
    """The A An In On At But And If As It This That These Those There He She They We His Her Their Its
    Our Mr Mrs Ms According However Meanwhile Also After Before While Despite Although Under Over
    With Without For From By Of To What When Where Why How Who Which Last Next Both One Two Three
    President Prime Minister Foreign Defence Defense Ministry Secretary General World News Latest
    Trends Reports Images Refs Similar Notably Moreover Recent Former Chief Senior""".split()
)
# One word of a name: a capitalised word or an acronym.
_PIECE = re.compile(
    r"\b[A-Z][a-z\u00e0-\u024f]+(?:[A-Z][a-z\u00e0-\u024f]+)*\b|\b[A-Z][A-Z&]{1,5}\b(?![-'\u2019]?[a-z])"
)
# A run of them, joined by spaces, hyphens or the small words inside names ("Bank of England", "P & O").
_CAPITALISED = re.compile(rf"(?:{_PIECE.pattern})(?:(?:[-\s]|\s(?:of|of\s+the|for|&|de)\s)(?:{_PIECE.pattern}))*")
# What may cut a run: an acronym, or a connector.
_MIXED = re.compile(r"\b[A-Z][A-Z&]|\s(?:of|for|&|de)\s")
_KNOWN = _NAMES | frozenset(DEMONYMS) | NOT_ACTOR_ACRONYMS


def _runs(text: str) -> list[tuple[str, int, int]]:
    """The names a sentence's capitalised runs hold: whole runs, cut where one name ends and another starts.

    "League Against Cruel Sports" and "Bank of England" stay whole; "US President" is the state and a
    title, "Tory MP" a party and a title; a connector after nothing but titles ("President of Kestria") cuts.
    """
    out: list[tuple[str, int, int]] = []
    for run in _CAPITALISED.finditer(text):
        if _MIXED.search(text, run.start(), run.end()) is None:  # words alone, no connector: one name
            out.append((run.group(), run.start(), run.end()))
            continue
        pieces = list(_PIECE.finditer(text, run.start(), run.end()))
        if not pieces:  # "S&" of "S&N's"
            continue
        start = pieces[0]
        for prev, piece in itertools.pairwise(pieces):
            gap = text[prev.end() : piece.start()]
            word, acronym = prev.group(), prev.group().isupper()
            if gap.strip(" -"):  # a connector: joins only after a word that names something
                head = text[start.start() : prev.end()].replace("-", " ").split()
                cut = all(w in _NOT_ACTORS for w in head)
            elif acronym:
                cut = piece.group().isupper() or word in _KNOWN  # "ABN Amro" stays whole
            else:
                cut = piece.group().isupper()
            if cut:
                out.append((text[start.start() : prev.end()], start.start(), prev.end()))
                start = piece
        out.append((text[start.start() : pieces[-1].end()], start.start(), pieces[-1].end()))
    return out


# What opens a sentence or a quotation before its first word.
_OPENING = re.compile(r"^[\s\"'\u2018\u201c(\[\u2014\u2013-]*$")
# After these a name is a place or a craft, not an actor: "the Kursk region", "the submarine Kursk".
_PLACE_AFTER = re.compile(
    r"^\s+(?:region|province|oblast|district|city|town|village|area|county|border|valley|river|sea|coast|"
    r"port|airport|harbour|harbor|island|peninsula|mountains?|hills?|basin|front|street|road|square|"
    r"shopping|centre|center)\b"
)
_CRAFT_BEFORE = re.compile(
    r"\b(?:submarine|ship|vessel|tanker|carrier|frigate|destroyer|ferry|yacht|liner|cruiser|trawler|"
    r"aircraft|jet|plane|rocket|spacecraft|probe|satellite)\s+$",
    re.IGNORECASE,
)
_IN_PLACE = re.compile(
    r"\b(?:in|into|at|near|across|around|outside|inside|towards|throughout|(?:come|comes|came|"
    r"travel(?:led|s)?|fly|flew)\s+(?:back\s+)?to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_IN_AT = re.compile(r"\b(?:in|into|inside|at)\s+(?:the\s+)?$", re.IGNORECASE)
_CONNECTOR_WORDS = frozenset({"of", "the", "for", "&", "de"})
# Titles before a person's name: the name is what follows them.
_TITLES = frozenset(
    """President Minister Secretary Chancellor Spokesman Spokeswoman Director Chairman Chairwoman Executive
    Officer Governor Commissioner Mayor Leader Coach Manager Captain Ambassador Mr Mrs Ms Dr Prof Professor
    Star Boss Chief Judge Inspector Superintendent Constable""".split()
)
# A sentence's opening preposition of place, capitalised inside the run it opens: "At Heathrow".
_PLACE_WORDS = frozenset("In Into At Near Across Around Outside Inside Towards Throughout".split())


# Actor nouns after a demonym: the state acts ("Italian officials", "Russian forces").
_ACTOR_AFTER = re.compile(
    r"^\s+(?:[\w'\u2018\u2019-]+\s+){0,2}(?:"
    + "|".join(sorted(n for n in GOVERNMENT_NOUNS | FORCE_NOUNS | POLICE_NOUNS | WEAPON_NOUNS if " " not in n))
    + r"|leaders?|officials?|authorities|state|troops|navy|spokesman|spokeswoman|negotiators?|"
    r"ministers?|president|government)\b",
    re.IGNORECASE,
)


# The endings of adjectives of nations, creeds, parties and movements: "Korean", "Olympic", "Jewish";
# not those of surnames ("Ljubicic", "Sullivan") or of nouns ("Republic").
_ADJECTIVE_ENDINGS = (
    "tic",
    "mic",
    "lic",
    "pic",
    "nic",
    "dic",
    "ric",
    "ish",
    "ese",
    "ian",
    "ean",
    "can",
    "ist",
    "ive",
    "al",
)
_NOT_ADJECTIVES = frozenset("Republic Music Clinic Magic Logic Traffic Arsenal Capital General Royal Hospital".split())
# What follows a noun that heads its phrase: a verb, an auxiliary, a connector, punctuation.
_HEAD_FOLLOWERS = frozenset(
    """said says say has have had is was are were will would could can may might should must did does do and
    or but of in on at to for from with by as that which who than also then not told added won win wins beat
    beats lost lose loses drew draw face faces led lead leads made make makes took take takes gave give gives
    got get gets went go goes came come comes saw see sees sent send sends left leave leaves set sets put
    puts ran run runs met meet meets held hold holds kept keep keeps wants want needs need plans plan seeks
    seek aims aim hopes hope urges urge vows vow insists insist claims claim warns warn rejects reject backs
    back denies deny faced""".split()
)
_NEXT_WORD = re.compile(r"\s+([a-z][\w'-]*)")


def _modifier(word: str, after: str) -> bool:
    """True when an adjective-shaped word stands before a common noun it modifies: not a name of its own."""
    if word in _KNOWN or word in DEMONYMS or word in REGIONAL_ADJECTIVES or word in _NOT_ADJECTIVES:
        return False
    if not word[1:].islower():
        return False  # "McLean", "O'Neal": a capital inside the word makes it a surname
    if not word.endswith(_ADJECTIVE_ENDINGS) or _ACTOR_AFTER.match(after):
        return False  # "Maoist rebels", "Kestrian troops": the group the adjective names acts
    nxt = _NEXT_WORD.match(after)
    return nxt is not None and nxt[1] not in _HEAD_FOLLOWERS and not nxt[1].endswith("ed")


def _opens(text: str, start: int) -> bool:
    """True when nothing but quotes and dashes stands before a position: the sentence's first word."""
    return start == 0 or _OPENING.fullmatch(text, 0, start) is not None


def _written_lower(word: str, article: str) -> bool:
    """True when the article writes the word in lower case somewhere, as a word of its own."""
    low = word.lower()
    at = article.find(low)
    while at >= 0:
        end = at + len(low)
        if (at == 0 or not article[at - 1].isalpha()) and (end == len(article) or not article[end].isalpha()):
            return True
        at = article.find(low, end)
    return False


# A web address's ending glued to a name, and the country endings news sites use (not "it", "in", "by", which
# may open a glued sentence)
_WEB_DOMAIN = re.compile(
    r"\.(?:" + "|".join((*WEB_ENDINGS, *"news io fm az ru ua kz ge md de fr es pl cn".split())) + r")\b", re.I
)

# Words that end no name: "the Sunderland No campaign", "Harwick Yes voters".
_NOT_LAST = frozenset("Yes No Not Only Even Just Still Yet Now Then Here There Also Too".split())


def _candidate(
    run: tuple[str, int, int],
    text: str,
    article: str,
    inside: set[str],
    places: Counter[str],
    modifiers: Counter[str] | None = None,
) -> str | None:
    """The actor a capitalised run names, or None for a holiday, a law, a place, an outlet or a common word."""
    name, begin, end = run
    if name.isupper():  # an acronym: "GM", "BBC", "US"
        return None if name in NOT_ACTOR_ACRONYMS or name in NEWS_OUTLETS else name
    parts = name.replace("-", " ").split()
    titled = [i for i, w in enumerate(parts[:-1]) if w in _TITLES] if len(parts) > 1 else None
    if titled:  # "Culture Secretary Tessa Jowell", "Minister of Agriculture Ade Bello": the person
        parts = parts[titled[-1] + 1 :]
    words = [w for w in parts if w not in _NOT_ACTORS]
    # a sentence's first word that the article also writes in lower case is a common word ("Shares")
    opening = words and name.split()[0] == words[0] and words[0] not in inside and _opens(text, begin)
    if opening and _written_lower(words[0], article):
        words = words[1:]
    elif opening and len(words) > 1 and words[0].endswith(("ing", "ed")) and words[0] not in _NAMES:
        words = words[1:]  # "Ailing EuroDisney vows ...": an opening participle, not part of the name
    while words and words[0] in NOT_ACTOR_NAMES:  # "Every Labour MP": Labour
        words = words[1:]
    while words and words[-1] in _NOT_LAST:  # "Sunderland No campaigner": Sunderland
        words = words[:-1]
    if not words:
        return None
    while words and words[-1] in _CONNECTOR_WORDS:  # a title dropped from the end: "Kestria of"
        words = words[:-1]
    while words and words[0] in _CONNECTOR_WORDS:  # "of Kestria" after "President"
        words = words[1:]
    if not words:
        return None
    joined = " ".join(words)
    if joined in NOT_ACTOR_NAMES or words[-1] in NOT_ACTOR_HEADS:
        return None
    if joined in NEWS_OUTLETS or words[0] in NEWS_PREFIXES:  # "told the BBC", "Reuters reported": a source
        return None
    after = text[end : end + 40]
    if _WEB_DOMAIN.match(after):
        return None  # "Caliber.Az reports", "Vellnews.com said": a website reporting, not an actor
    before = text[max(0, begin - 20) : begin]
    if _PLACE_AFTER.match(after) or _CRAFT_BEFORE.search(before):
        places[joined] += 1
        return None
    state_name = joined in _NAMES and joined not in CAPITALS  # a capital is a place too: "shares fell in London"
    if not state_name and joined not in DEMONYMS and (_IN_PLACE.search(before) or parts[0] in _PLACE_WORDS):
        # "in" and "at" before a firm or a club say where one works; the other signs say a place
        if parts[0] in _PLACE_WORDS or not _IN_AT.search(before):
            places[joined] += 1
        return None  # "troops in Kursk", "At Heathrow, the operator said": a place that is not a state
    if len(words) == 1 and _modifier(joined, after):
        if modifiers is not None:
            modifiers[joined] += 1
        return None  # "Republican senator", "Korean firms": an adjective before its noun names no one
    if joined in DEMONYMS or joined in REGIONAL_ADJECTIVES:
        # a nationality adjective names the state only when the state acts; "Italian brewer" names no one
        dropped = len(words) < len(name.split())  # "Russian Defence Ministry"
        if not (dropped or _ACTOR_AFTER.match(after)):
            return None
        return DEMONYMS.get(joined, joined)
    return joined


def _whole_names(counts: Counter[str]) -> Counter[str]:
    """A word counted with the one name it starts or ends: "Blair" with "Tony Blair", "Bank" with "Bank of X"."""
    homes: dict[str, set[str]] = {}
    for name in counts:
        if " " in name:
            words = name.split()
            homes.setdefault(words[0], set()).add(name)
            homes.setdefault(words[-1], set()).add(name)
    if not homes:
        return counts
    out = Counter(counts)
    for name in counts:
        home = homes.get(name)
        if home is not None and len(home) == 1 and " " not in name and name not in _KNOWN and name not in CAPITALS:
            out[next(iter(home))] += out.pop(name)
    return out


def _one_name_a_state(counts: Counter[str]) -> Counter[str]:
    """Each state under the name the article uses most for it ("Britain", "UK" and "British officials" as one)."""
    states: dict[str, list[str]] = {}
    for name in counts:
        if name in STATES and name not in CAPITALS:
            states.setdefault(STATES[name], []).append(name)
        elif name in DEMONYMS.values() or name in _STATE_NAMES:
            states.setdefault(name, []).append(name)
    out = Counter(counts)
    for key, names in states.items():
        names = sorted(set(names))
        if len(names) < 2:
            continue
        label = max(names, key=lambda n: (n not in DEMONYMS, counts[n], n == key))
        out[label] = sum(out.pop(n) for n in names)
    return out


def find_actors(sentences: list[Sentence], limit: int = 4) -> list[str]:
    """Return the actors mentioned most (people, organisations, states), merging forms like Russia/Russian."""
    article = "\n".join(s.text for s in sentences)
    found = [(s.text, _runs(s.text)) for s in sentences]
    # capitalised words met inside a sentence: names, not common words
    inside = {run[0].split()[0] for text, runs in found for run in runs if not _opens(text, run[1])}
    counts: Counter[str] = Counter()
    places: Counter[str] = Counter()  # names met as places: "in Harwick", "come to Harwick", "Harwick airport"
    modifiers: Counter[str] = Counter()  # adjective-shaped words met only before a noun: "Republican senator"
    titles = []
    for text, matches in found:
        if len(matches) >= 2 and title_case(text):
            titles.append((text, matches))
            continue
        for match in matches:
            name = _candidate(match, text, article, inside, places, modifiers)
            if name is not None:
                counts[name] += 1
    for name, n in modifiers.items():  # "Conservative candidate" counts for "Conservative Party" if named
        homes = [home for home in counts if home == name or home.startswith(name + " ")]
        if len(homes) == 1:
            counts[homes[0]] += n
    # a title-case headline capitalises every word: only the names the article's prose has count there
    for text, matches in titles:
        for match in matches:
            name = _candidate(match, text, article, inside, places)
            if name is not None and name in counts:
                counts[name] += 1
    for name, n in places.items():  # a name the article puts somewhere more often than it has act is a place
        if n > counts.get(name, 0) and (name not in _NAMES or name in CAPITALS):
            counts.pop(name, None)
    merged = merge_names(_one_name_a_state(_whole_names(counts)))
    ranked = [name for name, count in merged.most_common() if count >= 2]
    return ranked[:limit] or [name for name, _ in merged.most_common(2)]


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
