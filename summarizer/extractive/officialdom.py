"""Whether a source speaks for a government or public institution, or for a firm, union, party or club.

A source is read as ``[modifiers] HEAD [of/for OWNER]``. A public office ("minister", "judge",
"Home Secretary") is official unless a firm, union, club or charity holds it or it is a shadow or
former one; a role any organisation has ("spokesman", "chairman", "president", "official") or a
data noun ("figures", "report") is official only when what it belongs to is a public body ("a
Treasury spokesman", "the ministry's secretary", "Chinese officials"), not a company, union, party,
club or unknown name ("a Vellcorp spokesman", "the union's general secretary"); a bare role with no
owner named ("a spokesman") keeps the status it had before this reading. A phrase with no role is
official when it is headed by a public body ("the Commerce Department", "the High Court in London").
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from .gazetteer import CAPITALS
from .official_words import (
    BARE_OFFICIAL,
    BODIES,
    DATA_HEADS,
    DISQUALIFIERS,
    GENERIC_ROLES,
    LEGISLATOR,
    LINKS,
    NEUTRAL,
    NOT_GOVERNMENT,
    PARTY,
    PLACES,
    POLICY_AREAS,
    PUBLIC_BODY_NAMES,
    PUBLIC_OFFICES,
    PUBLIC_PHRASES,
    PUBLIC_QUALIFIERS,
    SPOKES,
    WEAK_ROLES,
)

__all__ = ["described", "is_official_source"]

Owner = Literal["gov", "party", "nongov", "unknown", "none"]


class _Word(NamedTuple):
    text: str  # as written, possessive cut off
    low: str
    possessive: bool


_WORD = re.compile(r"[A-Za-z][A-Za-z.&]*(?:['\u2019][A-Za-z]*)?")
# words that end a description read leftwards from a cut source ("said spokesman X": "said" is no part of it)
_STOP = frozenset(
    """and or but nor that which who whom to of in on at by for with from as than so if not is are was were be
    been has have had will would can could said says say told tells added adds according also while when
    after before the a an this these those it he she they we his her their its""".split()
)
_BEFORE = re.compile(r"((?:[A-Za-z][\w'\u2019-]*[ \t]+){1,5})$")
_NEWS_AGENCY = frozenset(
    """news ad advertising travel estate ratings credit talent model modelling recruitment employment marketing
    press dating insurance""".split()
)
_NOT_PUBLIC_OFFICE = frozenset("box head ticket booking back front press post sales branch registered".split())
_LOCAL = frozenset(
    """city county borough district town parish municipal regional local metropolitan security european state
    provincial community village""".split()
)
_INSTITUTE_QUALIFIERS = frozenset("national state federal statistics statistical statistic government".split())
_ASSEMBLY_QUALIFIERS = frozenset("national general legislative state welsh scottish london northern provincial".split())
_TITLES = frozenset("mr mrs ms dr sir dame lord lady".split())
_MEMBERS_BODY = re.compile(
    r"\b(?:Council|Association|Federation|Confederation|Chamber|Society|Union|Institute)\s+of\s+(?:[A-Z][\w-]*\s+)*"
    r"(?!Ministers\b|Governors\b|Commissioners\b|Senators\b|Regents\b)[A-Z]\w*(?:ers|ors|ists|ants|ents)\b"
)
PUBLIC_LEGISLATORS = frozenset("mps meps senators congressmen lawmakers legislators".split())
_PARTICIPLES = frozenset("published released revealed issued filed compiled produced commissioned given".split())


def _words(phrase: str) -> list[_Word]:
    """The words of a phrase, hyphenated ones split ("ex-minister"), each with its possessive marked."""
    found = []
    for raw in _WORD.findall(phrase.replace("-", " ")):
        possessive = raw.endswith(("'s", "\u2019s", "'", "\u2019"))
        text = re.sub(r"['\u2019]s?$", "", raw).rstrip(".") if possessive else raw
        if len(text) > 1 and text.endswith(".") and text.count(".") == 1:
            text = text[:-1]  # "Inc." but not "U.N."
        if text:
            found.append(_Word(text, text.lower(), possessive))
    return found


# sets read per word, built once: what follows a party word in a body's name ("Labor Department"), the heads
# of a rule or of data, and the words a source cut to its role opens with
_NOT_PARTY_AFTER = BODIES | PUBLIC_OFFICES | {"market", "force", "secretary", "organisation"}
_RULE_HEADS = DATA_HEADS | {"rules", "regulations", "guidelines"}
_ROLE_OPENINGS = GENERIC_ROLES | PUBLIC_OFFICES | WEAK_ROLES


def _is_party(words: list[_Word], k: int) -> bool:
    """True when word k names a political party ("Labour", "Tory"), not "the Labor Department" or "conservative"."""
    word = words[k]
    if word.low not in PARTY or not word.text[:1].isupper():
        return False
    after = words[k + 1].low if k + 1 < len(words) else ""
    return after not in _NOT_PARTY_AFTER


# the public bodies of more than one word ("United Nations", "Security Council"), read over the phrase
_PUBLIC_NAMES = re.compile(
    r"\b(?:" + "|".join(re.escape(n) for n in sorted(PUBLIC_BODY_NAMES) if " " in n) + r")"
    r"(?=$|\s+(?:spokes(?:man|woman|person)|officials?|figures|report|data|statistics|estimates?|envoy|chief|head|"
    r"agency|mission|secretary|statement|troops|forces|peacekeepers)\b)"
)  # the body itself or its role, not a name it opens ("United Nations Association", "European Union of Students")


def _marker(words: list[_Word]) -> Owner | None:
    """'party' or 'nongov' when a party, firm, union, club or other non-state word is among the words."""
    found: Owner | None = None
    for k, word in enumerate(words):
        if word.low in PARTY:
            if _is_party(words, k):
                found = "party"
        elif word.low in NOT_GOVERNMENT:
            return "nongov"
    return found


def _acronym(word: _Word) -> bool:
    """True for a public body's acronym or short name as written ("UN", "Nato", "Ofcom", "the Fed"), not "who"."""
    if word.low not in PUBLIC_BODY_NAMES:
        return False
    return word.text.isupper() or word.text == "Fed" or (len(word.text) > 3 and word.text[:1].isupper())


def _body(words: list[_Word], k: int) -> bool:
    """True when word k, a body noun, names a public body here ("the Home Office", not "box office")."""
    low = words[k].low
    before = words[k - 1].low if k > 0 else ""
    if low == "agency":
        return before not in _NEWS_AGENCY
    if low == "office":
        return before not in _NOT_PUBLIC_OFFICE
    if low == "forces":
        return before != "market"
    if low == "council":
        return k == 0 or before in _LOCAL or before in PLACES
    if low == "institute":
        return any(w.low in _INSTITUTE_QUALIFIERS or w.low in PLACES for w in words[:k])
    if low == "assembly":
        return k == 0 or before in _ASSEMBLY_QUALIFIERS or before in PLACES
    return True


def _place(words: list[_Word], k: int) -> bool:
    """True when word k (with the word before it: "United States") is a state, a nation or a public qualifier."""
    low = words[k].low
    pair = f"{words[k - 1].low} {low}" if k > 0 else ""
    return low in PLACES or low in PUBLIC_QUALIFIERS or pair in PLACES


def classify(words: list[_Word], owner: bool = True) -> Owner:
    """Whose a phrase is: a public body's, a party's, a non-state body's, an unknown name's, or none named.

    A place or demonym makes a role's owner public ("Chinese officials"), not a source on its own: "Italy"
    or "the Australian" may be a team, a people or a firm.
    """
    words = [w for w in words if w.low not in NEUTRAL]
    if not words:
        return "none"
    last_possessive = max((k for k, w in enumerate(words) if w.possessive), default=-1)
    if last_possessive >= 0:
        possessor = [*words[:last_possessive], words[last_possessive]._replace(possessive=False)]
        rest = words[last_possessive + 1 :]
        found = classify(rest, owner)
        if found in ("gov", "party", "nongov") or (found == "unknown" and rest[0].text[:1].isupper()):
            return found  # "the government's Cabinet Office", "Manchester's Trafford Centre"
        return classify(possessor, owner)  # "the ministry's" (secretary), "the country's new" (president)
    joined = " ".join(w.low for w in words)
    if PUBLIC_PHRASES.search(joined) or _PUBLIC_NAMES.search(joined):
        return "gov"
    link = next((k for k, w in enumerate(words) if k > 0 and w.low in LINKS), len(words))
    head, tail = words[:link], words[link + 1 :]
    if link < len(words) and words[link].low in ("in", "on"):
        tail = []  # "the Longevity Centre in Tokyo": where a body is, not whose
    marker = _marker(head)
    if marker is not None:
        return marker
    for k in range(len(head) - 1, -1, -1):
        word = head[k]
        if _acronym(word):
            return "gov"
        if word.low in BODIES:
            return "gov" if _body(head, k) else "unknown"
        if _place(head, k):
            named = k > 0 and head[k - 1].text[:1].isupper() and not _place(head, k - 1)
            # "Chinese" officials; not "English National Ballet", "an eBay UK spokesman" or "Italy" alone
            return "gov" if owner and k == len(head) - 1 and not named else "unknown"
        if not word.text[:1].isupper():
            break  # a common word that names no body ("government relations" director)
    if tail and all(w.text[:1].isupper() for w in head):
        return classify(tail, owner)  # "Pat Dole of the FBI"; not "a deal under review by the SEC"
    return "unknown"


def _role(words: list[_Word]) -> tuple[int, str] | None:
    """The position and kind ("office", "role", "data") of the word a source is headed by, if any."""
    strong: tuple[int, str] | None = None
    weak: tuple[int, str] | None = None
    data: tuple[int, str] | None = None
    for k, word in enumerate(words):
        low = word.low
        after = words[k + 1].low if k + 1 < len(words) else ""
        before = words[k - 1].low if k > 0 else ""
        kind = ""
        if low == "attorney" and after == "general":
            kind = "office"
        elif low in ("mps", "meps"):
            kind = "office" if word.text in ("MPs", "MEPs") else ""
        elif low in LEGISLATOR:
            kind = "role"  # one legislator: official only as a role of a public body, which a party is not
        elif low == "premier" and after == "league":
            kind = ""
        elif low == "chancellor" and before == "vice":
            kind = "role"  # a university's head
        elif low == "secretary" and after != "general" and before != "general":
            portfolio = before in POLICY_AREAS or (after == "of" and k + 2 < len(words) and words[k + 2].low == "state")
            kind = "office" if portfolio else "role"
        elif low in PUBLIC_OFFICES:
            kind = "office"
        elif low in GENERIC_ROLES:
            kind = "role"
        if kind and strong is None:
            strong = (k, kind)
        elif low in WEAK_ROLES and after != "office" and weak is None:
            weak = (k, "role")
        elif low in _RULE_HEADS and before != "under" and data is None:
            data = (k, "data")
    return strong or weak or data


def _owner(words: list[_Word], at: int, kind: str) -> list[_Word]:
    """The words naming what a role or data noun belongs to: after its 'of'/'for'/'by', else before it."""
    reach = 3 if kind == "data" else 1  # "figures (released) by", "a document filed with"
    for k in range(at + 1, min(len(words), at + 1 + reach)):
        if words[k].low in LINKS:
            return words[k + 1 :]
        if words[k].low not in _PARTICIPLES:
            break
    before = words[:at]
    if kind == "data" and words[at].text[:1].isupper():
        while before and before[-1].text[:1].isupper() and not before[-1].possessive and not _acronym(before[-1]):
            if before[-1].low in BODIES:
                break
            before = before[:-1]  # "the UK-published China Review": "China" is the title's, no owner
    if kind == "data":
        cut = max((k for k, w in enumerate(before) if w.possessive), default=-1)
        if cut >= 0 and all(w.text[:1].isupper() and not _acronym(w) for w in before[cut + 1 :]):
            before = before[: cut + 1]  # "the Treasury's Barker Review": the Treasury's
    return before


def is_official_source(source: str) -> bool:
    """True when a source (its unnamed head already taken) is a public body, a public office or one's role."""
    words = _words(source)
    if not words or any(w.low in DISQUALIFIERS for w in words):
        return False  # a shadow minister, a former one, the opposition
    if _MEMBERS_BODY.search(source):
        return False  # "the Council of Mortgage Lenders": a body of its trade's members, not a public one
    found = _role(words)
    if found is None:
        if " ".join(w.text for w in words if w.low not in NEUTRAL) in CAPITALS:
            return True  # "Moscow announced": the seat of power speaks for its government
        return classify(words, owner=False) == "gov"
    at, kind = found
    owner = _owner(words, at, kind)
    whose = classify(owner)
    named = [w for w in owner if w.low not in NEUTRAL]
    if named and named[0].low.rstrip(".") in _TITLES and all(w.text[:1].isupper() for w in named):
        whose = "none"  # "Mr Kell's spokesman": a person's, and the phrase does not say whether Kell holds office
    role = words[at].low
    if kind == "office":
        if (role == "secretary" or role in PUBLIC_LEGISLATORS) and whose == "party":
            return False  # "Lib Dem home affairs secretary", "Labour MPs": a party's portfolio or faction
        if role in ("governor", "governors") and owner and owner[-1].low == "bank":
            return True  # "bank governor": a central bank's (a commercial bank has no governor)
        return whose != "nongov"  # "a Labour minister" holds office; "school governors" do not
    lows = [w.low for w in owner]
    if role in SPOKES and lows[-2:] == ["local", "government"]:
        return False  # "local government spokesman": a party's portfolio
    if whose == "none":
        return role in BARE_OFFICIAL  # "a spokesman", "statistics": as before, nothing says whose
    return whose == "gov"


def described(text: str, source: str, end: int) -> str:
    """A source cut to its role ("secretary X", "government secretary X") with the words the article puts before it."""
    words = _words(source)
    opening = words[0] if words else None
    if opening is None or (
        opening.low not in _ROLE_OPENINGS and not (opening.text[:1].islower() and opening.low not in _STOP)
    ):
        return source
    at = text.rfind(source, 0, end)
    if at < 0:
        return source
    run = _BEFORE.search(text, max(0, at - 100), at)
    if run is None:
        return source
    kept: list[str] = []
    for word in reversed(run.group(1).split()):
        if word.lower() in _STOP:
            break
        kept.insert(0, word)
    return " ".join([*kept, source]) if kept else source
