"""People's roles, carried from the mention that names the role to later mentions by surname.

"Home Secretary Charles Clarke said ..." or "Angela Merkel, the German chancellor, ..."
says who a person is; the article then writes "Mr Clarke rejected calls" or "Merkel
said". A person with a government office acts for a state (CAMEO GOV), one with a
military rank for its forces (MIL), one with a party office for a party (OPP, LEG).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator
from enum import Enum

from .actors import typed_actors

__all__ = ["Role", "person_roles", "roles_in"]


class Role(Enum):
    """The kind of actor a person's office makes them."""

    GOVERNMENT = "government"  # a minister, a head of state or government, a diplomat
    FORCE = "force"  # an officer of armed forces
    PARTY = "party"  # a party's leader, spokesman, member of a legislature, or an opposition frontbencher


# A name after its title: one to three capitalised words, the last the surname ("Tony Blair's").
# Words joined by a space only: a line break ends the name. Initials may stand inside ("George W Bush").
_NAME_WORD = r"[A-Z][a-z\u00e0-\u024f'\u2019]+(?:-[A-Z][a-z\u00e0-\u024f'\u2019]+)*"
_NAME = rf"(?P<name>(?:{_NAME_WORD} (?:[A-Z]\.? )?){{0,2}}{_NAME_WORD})"
# Offices written before a name. Lower-case offices need the word that says whose office it is.
_PARTY_WORDS = (
    r"(?:Tory|Tories|Labour|Conservative|Lib\s+Dem|Liberal(?:\s+Democrat)?|Democratic|Democrat|Republican|"
    r"SNP|Plaid(?:\s+Cymru)?|UKIP|Green|[Oo]pposition|[Pp]arty|[Ss]hadow(?:\s+[a-z]+){0,3})"
)
_TITLE_BEFORE = re.compile(
    r"(?:(?P<party>"
    + _PARTY_WORDS
    + r"\s+(?:(?:deputy|campaign|election|home\s+affairs|foreign\s+affairs|[a-z]+\s+affairs|health|"
    r"education|economic|defence|treasury|environment|transport|party)\s+)?(?:[Ll]eader|MPs?|MEPs?|AMs?|MSPs?|"
    r"chairman|chairwoman|spokesman|spokeswoman|spokesperson|candidate|peer|senator|[Ss]ecretary|"
    r"[Cc]hancellor|[Mm]inister|whip|president)|(?:MP|MEP|Senator|Sen\.?|Congressman|Congresswoman|Rep\.))|"
    r"(?P<force>(?:Major\s+|Lieutenant\s+|Lt\.?\s+|Brigadier\s+)?General|Gen\.?|Colonel|Col\.?|Brigadier|"
    r"Admiral|Adm\.?|Air\s+Marshal|Field\s+Marshal|Lieutenant|Lt\.?|Commander|Cmdr\.?|(?:army|military)\s+"
    r"(?:chief|commander|spokesman))|"
    r"(?P<gov>(?:Prime|Deputy\s+Prime)\s+Minister|[Pp]rime\s+[Mm]inister|President|Vice[-\s]President|"
    r"Chancellor|(?:[A-Z][a-z]+\s+){0,3}(?:Secretary|Minister)(?:\s+of\s+State)?|"
    r"(?:home|foreign|defence|defense|health|culture|trade|education|environment|transport|work\s+and\s+"
    r"pensions|justice|interior|finance|economy|industry)\s+(?:secretary|minister)|[Ss]ecretary[-\s][Gg]eneral|"
    r"Attorney\s+General|Solicitor\s+General|Ambassador|Envoy|Foreign\s+Minister|Governor|"
    r"(?:government|Downing\s+Street|Foreign\s+Office|Home\s+Office|"
    r"Pentagon|White\s+House|Kremlin)\s+(?:spokesman|spokeswoman|minister|official))) " + _NAME
)
# The same offices after a name, as an appositive: "Charles Clarke, the home secretary, said".
_APPOSITIVE = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Sir)\s+)?" + _NAME + r",\s+(?P<role>(?:the\s+|a\s+|its\s+|his\s+|her\s+)?"
    r"[^,.;:()\"]{3,60}?)(?:,|\s+(?:said|says|told|added|warned|argued)\b)"
)
# An appositive that opens a clause ("Exeter City, who knocked out ...") names no office.
_CLAUSE = re.compile(
    r"\b(?:who|which|that|but|and|while|where|when|he|she|it|they|has|have|had|is|was|were|are|will|would)\b",
    re.IGNORECASE,
)
# An office held before: "the former home secretary", "ex-Labour MP": the person no longer acts for it.
_FORMER = re.compile(r"\b(?:former|ex-|one-time|retired|the\s+late|the\s+then)(?=[\s\w])", re.IGNORECASE)
_ROLE_PARTY = re.compile(
    r"\b(?:shadow|opposition|party|Tory|Tories|Labour|Conservative|Lib\s+Dem|Liberal|Democrat\w*|Republican|"
    r"SNP|Plaid|UKIP|MP|MEP|senator|congressman|congresswoman|backbencher|frontbencher)\b",
    re.IGNORECASE,
)
_ROLE_FORCE = re.compile(
    r"\b(?:general|colonel|brigadier|admiral|commander|lieutenant|marshal|army\s+chief|chief\s+of\s+staff|"
    r"military\s+(?:chief|commander|leader))\b",
    re.IGNORECASE,
)
_ROLE_GOV = re.compile(
    r"\b(?:prime\s+minister|premier|chancellor|minister|secretary(?:\s+of\s+state)?|ambassador|"
    r"envoy|attorney\s+general|head\s+of\s+state|foreign\s+policy\s+chief|king|queen|monarch|dictator|"
    r"ruler|leader\s+of\s+(?:the\s+)?(?:country|nation|state|government))\b",
    re.IGNORECASE,
)
# Words for something other than an office in an appositive: "Ana Rook, the company's chief executive".
_NOT_OFFICE = re.compile(
    r"\b(?:club|company|firm|bank|university|college|school|team|band|film|vice|executive|director|"
    r"editor|analyst|research|union|association|federation|league|council|board|society)\b",
    re.IGNORECASE,
)
# "President" after a name is a state's only beside the state: "the Kestrian president", "president of Kestria".
_PRESIDENT = re.compile(r"\bpresident\b", re.IGNORECASE)
# A capitalised word that is not a surname: a title or a word that opens a sentence.
_NOT_SURNAME = frozenset(
    """Mr Mrs Ms Dr Sir Lord Lady The A An He She It They We This That Minister Secretary President However
    Meanwhile But And Yet Also Still Motors Motor Electric Election Elections Assembly Council Union Synod
    Dynamics Mills Accounting Medical Hospital Practitioner Practitioners Strike Meeting Manager Counsel""".split()
)


# An organisation's name before a title makes it the organisation's office, not a state's or a party's:
# "Vellford United President", "Halvik Motors President", "Transport Union General Secretary", "Bank of Vell Governor".
_ORGANISATION = re.compile(
    r"\b(?:Union|United|City|Club|FC|Rovers|Athletic|Motors|Bank|Company|Corporation|Corp|Group|Inc|Plc|Holdings|"
    r"Industries|Airways|Airlines|Association|Federation|League|Committee|Society|Foundation|Institute|Trust|"
    r"University|College|School|Board)\b"
)
# The capitalised words right before a title: "Bank of Vell (Governor)".
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w&'\u2019-]*\s+(?:(?:of|and|&)\s+(?:the\s+)?)?){1,5}$")


def _organisation_title(text: str, match: re.Match[str]) -> bool:
    """True when the title before a name is an organisation's: its own words or the name before it say so."""
    title = text[match.start() : match.start("name")]
    before = _NAME_BEFORE.search(text, max(0, match.start() - 60), match.start())
    return _ORGANISATION.search(title + (before.group() if before else "")) is not None


def _surname(name: str) -> str | None:
    last = name.split()[-1]
    for ending in ("'s", "\u2019s", "'", "\u2019"):
        if last.endswith(ending):
            last = last[: -len(ending)]
            break
    return None if last in _NOT_SURNAME or len(last) < 3 else last


def _office(role: str) -> Role | None:
    """The kind of office an appositive names, or None when it names none."""
    if _NOT_OFFICE.search(role) or _CLAUSE.search(role) or _FORMER.search(role):
        return None
    if _ROLE_PARTY.search(role):
        return Role.PARTY
    if _ROLE_FORCE.search(role):
        return Role.FORCE
    if _ROLE_GOV.search(role) or (_PRESIDENT.search(role) and typed_actors(role).states):
        return Role.GOVERNMENT
    return None


# Pieces of text every office the two patterns know holds: a sentence without one is not scanned.
_TITLE_KEYS = tuple(
    """ecretar inister hancellor resident eader MP MEP AM MSP enator Sen Gen eneral olonel Col rigadier dmiral Adm
    arshal ieutenant Lt ommander Cmdr mbassador nvoy overnor Rep ongress hairman hairwoman pokes andidate peer
    whip hief fficial""".split()
)
_OFFICE_KEYS = (
    *"""shadow opposition party labour conservative lib democrat republican snp plaid ukip senator congress
    bencher general colonel brigadier admiral commander lieutenant marshal chief military minister premier
    chancellor secretary ambassador envoy president queen monarch dictator ruler leader""".split(),
    " tory",  # a word of its own: not "history", "victory", "company", "making"
    " tories",
    " mp",
    " mep",
    " king",
)


def _found(text: str, keys: tuple[str, ...]) -> Iterator[int]:
    """Where each key stands in a text (str.find: far quicker than one pattern of them all)."""
    for key in keys:
        at = text.find(key)
        while at >= 0:
            yield at
            at = text.find(key, at + 1)


def person_roles(texts: Iterable[str]) -> dict[str, Role]:
    """Each surname the article gives an office, with the kind of office its first mention gives."""
    out: dict[str, Role] = {}
    lines = list(texts)
    article = "\n".join(lines)
    # the lines holding a key, found in one pass over the article: most lines hold none
    starts = list(itertools.accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    titled = {bisect.bisect_right(starts, at) - 1 for at in _found(article, _TITLE_KEYS)}
    official = {bisect.bisect_right(starts, at) - 1 for at in _found(article.lower(), _OFFICE_KEYS)}
    for n in sorted(titled | official):
        text = lines[n]
        for match in _TITLE_BEFORE.finditer(text) if n in titled else ():
            if not match["force"] and _organisation_title(text, match):
                continue
            role = Role.PARTY if match["party"] else Role.FORCE if match["force"] else Role.GOVERNMENT
            surname = _surname(match["name"])
            if surname is not None:
                out.setdefault(surname, role)
        if n not in official or "," not in text:
            continue
        for match in _APPOSITIVE.finditer(text):
            office = _office(match["role"])
            surname = _surname(match["name"])
            if office is not None and surname is not None:
                out.setdefault(surname, office)
    if not out:
        return out
    # "former Chilean military ruler Augusto Pinochet", "ex-Labour MP George Galloway": an office held before
    lower = set(re.findall(r"\b[a-z][a-z'-]+\b", article))
    out = {name: role for name, role in out.items() if name.lower() not in lower}  # "may", "union": no surname
    former = {m.end() for m in _FORMER.finditer(article)}
    return {name: role for name, role in out.items() if not any(_held_before(article, at, name) for at in former)}


def _held_before(article: str, at: int, surname: str) -> bool:
    """True when the surname follows a "former" at this position within the same phrase."""
    window = article[at : at + 70]
    cut = re.search(r"[,.;:()\n]", window)
    return re.search(rf"\b{re.escape(surname)}\b", window[: cut.start()] if cut else window) is not None


_WORD = re.compile(r"[A-Z][a-z\u00e0-\u024f'\u2019-]+")


def roles_in(text: str, roles: dict[str, Role]) -> set[Role]:
    """The offices of the people with a known role a sentence names by surname."""
    if not roles:
        return set()
    found = set()
    for word in _WORD.findall(text):
        role = roles.get(_surname(word) or "")
        if role is not None:
            found.add(role)
    return found
