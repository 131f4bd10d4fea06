"""What a matched number stands for: one figure, a range, two figures, or none.

A change is two figures ("rose from 45,000 to 100,000", "up 4% to 36bn", "rose by
32,000 to 1.41 million"), a range one ("15,000 to 20,000", "between $60,000 a year
and $150,000", "two or three months"); a list is two ("3% and 1.2% respectively").
A year is no figure, nor a period ("2007-13"), a clock time ("0900 GMT") or an
ordinal that looks like a fraction ("a third runway", "the second half of 2004",
"Half-Life").
"""

from __future__ import annotations

import re

from .figure_numbers import (
    ANY,
    APPROX,
    CURRENCY,
    PERCENT,
    PLAIN_WORDNUM,
    RANGE_JOIN,
    RANGE_LEAD,
    carried_scale,
    parse_quantity,
    scaled,
    value,
)
from .figure_words import CURRENCY_WORDS, UNITS
from .sentences import STOPWORDS

__all__ = ["between_range", "is_clock", "is_period", "not_a_fraction", "parts", "shares"]

Part = tuple[int, int, float | None, float | None]

YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
# "rose from 45,000 to 100,000" is a change (two figures); "ranged from 15,000 to 20,000" is a range
_RANGE_BEFORE = re.compile(
    r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere|somewhere|estimates?|estimated|put\s+at)\s+$",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_BETWEEN_BEFORE = re.compile(r"\bbetween\b[^,;.\d]{0,30}$", re.IGNORECASE)
_STEMS = (
    r"ris|fall|add|gain|los|shed|jump|increas|cut|rais|lift|drop|climb|slip|grow|dip|surg|slump|declin|eas|soar|"
    r"plung|tumbl|sink|slid|reduc|widen|narrow|expand|shrink|contract|boost|advanc|retreat|rall"
)
# a verb of change, any form ("rise", "rising", "cut"), or "by": "by X to Y" may still be a range ("by 25 to 30 seats")
_CHANGE_CUE = re.compile(rf"\b(?:(?:{_STEMS})\w*(?:\s+by)?|by)\s+$", re.IGNORECASE)
# a change that happened ("rose", "fell", "up", "down") right before: "fell $28.63 to $38.65" is a change
_CHANGED = re.compile(
    r"\b(?:rose|fell|added|gained|lost|shed|jumped|increased|raised|lifted|dropped|climbed|slipped|grew|dipped|"
    r"surged|slumped|declined|eased|soared|plunged|tumbled|sank|slid|reduced|widened|narrowed|expanded|shrank|"
    r"contracted|boosted|advanced|retreated|rallied|up|down)\s+$",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d$")
_CODE = re.compile(r"^0\d{2,}$")
_LIST_BEFORE = re.compile(r"\d\S*,\s*$")  # "£30m, £40m or £50m": a list, not a range
_ZONE_AFTER = re.compile(r"^\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|PDT|ET|hrs|local\s+time)\b")
_PERIOD = re.compile(
    r"^(?:between\s+|from\s+)?(?P<first>(?:1[89]|20)\d\d)\s*(?:-|\u2013|/|to)\s*(?P<second>\d{1,2}|\d{4})$",
    re.IGNORECASE,
)
_PERCENT_RE = re.compile(PERCENT + "$", re.IGNORECASE)
_CURRENCY_RE = re.compile(CURRENCY, re.IGNORECASE)
# "a third runway", "a fifth time": an ordinal; "a third said", "a third of", "a third more": a fraction
_ORDINAL_FORMS = {"a third", "a fifth", "a tenth"}
_FRACTION_NEXT = frozenset(
    "of more less fewer as higher lower bigger smaller larger again cheaper up down think thought believe believed "
    "want wanted rely relied use used own owned expect prefer plan agree support oppose feel felt live work "
    "say said admit".split()
)
_HALF_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|final|last|other|top|bottom|lower|upper|back|front|the|each|"
    r"either|own|one|opening|latter|former)\s+$",
    re.IGNORECASE,
)
_NEXT_WORD = re.compile(r"^ ([A-Za-z][A-Za-z'-]*)")
_GAP = re.compile(
    rf"(?P<gap>(?:\s+(?:\([^()\n]{{1,40}}\)|[A-Za-z][a-z-]*)){{1,4}}?)\s+and\s+(?P<second>{ANY})"
    rf"(?![\w/:]|\.\d|-\d|\u2013\d)",
    re.IGNORECASE,
)
_GAP_UNITS = UNITS | CURRENCY_WORDS
_RATE = re.compile(r"(?:a|an|per)\s+[a-z]+")  # "between $60,000 a year and $150,000"
_BRACKETS = re.compile(r"\([^()]*\)")


def is_clock(text: str, end: int, core: str) -> bool:
    """ "0900 GMT", "from 1130 to 1215 GMT", "1700 local time": clock times, not figures; nor "0800" (a code)."""
    numbers = re.findall(r"\d[\d.,]*", core)
    if any(_CODE.match(n) for n in numbers):
        return True  # a count never starts with 0: "0845 8 505 505", "at 0630"
    if not numbers or not all(_CLOCK.match(n) for n in numbers):
        return False
    return _ZONE_AFTER.match(text[end : end + 16]) is not None


def is_period(core: str) -> bool:
    """ "2007-13", "2003-4", "1999-00", "from 1956-87": a span of years, not a figure."""
    match = _PERIOD.match(core.strip())
    if match is None:
        return False
    first, second = match.group("first"), match.group("second")
    if len(second) == 4:
        return int(second) > int(first)
    tail = int(first[-len(second) :])
    return int(second) > tail or (first.endswith("99") and int(second) == 0)


def not_a_fraction(text: str, start: int, end: int, approx: bool, at_start: bool) -> bool:
    """True when fraction words are an ordinal or part of a name: "a third runway", "second half", "Half-Life"."""
    fraction = " ".join(text[start:end].lower().split())
    if end < len(text) - 1 and text[end] == "-" and text[end + 1].isalpha():
        return not text[end + 1 : end + 6].lower().startswith(("point", "perce"))  # "a quarter-point rise" stays
    if text[start].isupper() and not at_start:
        return True  # "Half Life 2", "Harry Potter and the Half-Blood Prince"
    if fraction == "half" and not approx and _HALF_BEFORE.search(text[max(0, start - 12) : start]):
        return True  # "the second half of 2004", "one half of the duo"
    if fraction in _ORDINAL_FORMS and not approx:
        nxt = _NEXT_WORD.match(text[end : end + 40])
        if nxt is None:
            return False
        word = nxt.group(1)
        lowered = word.lower()
        verb = word.islower() and lowered.endswith("ed")  # "a third admitted"
        return not (lowered in _FRACTION_NEXT or lowered in STOPWORDS or verb)
    return False


def _kind(part: str) -> tuple[bool, str]:
    currency = _CURRENCY_RE.search(part)
    return bool(_PERCENT_RE.search(part.strip())), currency.group().lower() if currency else ""


def _bare_year(part: str) -> bool:
    return YEAR.match(part.strip()) is not None


def _reading(text: str, match: re.Match[str], join: re.Match[str], first_start: int, lead: str) -> str:
    """ "range", "two" (two figures) or "second" (the first is a year: "in 2004 to 789m euros")."""
    first, second = text[match.start("range") + len(lead) : join.start()], text[join.end() : match.end()]
    word = join.group().strip().lower()
    before = text[max(0, first_start - 40) : first_start]
    if _bare_year(first) and not _bare_year(second) and not match.group("approx"):
        return "second"
    if lead.lower().startswith("between") or (word == "and" and _BETWEEN_BEFORE.search(before)):
        return "range"
    (first_percent, first_currency), (second_percent, second_currency) = _kind(first), _kind(second)
    if (first_percent and not second_percent) or (first_currency and second_currency not in ("", first_currency)):
        return "two"  # "up 4% to 36bn", "by 25% to 40 euro cents"
    if lead.lower().startswith("from") or (match.group("approx") and _FROM_BEFORE.search(before)):
        origin = match.start("range") if lead else first_start - len(_FROM_BEFORE.search(before).group())  # type: ignore[union-attr]
        ranged = _RANGE_BEFORE.search(text[max(0, origin - 40) : origin])
        return "two" if word == "to" and not ranged else "range"
    if word == "and" or (word == "or" and _LIST_BEFORE.search(before)):
        return "two"  # "3% and 1.2% respectively": a list ("between 3% and 5%" is a range)
    if word == "to" and second.strip().lower() in ("one", "1"):
        return "range"  # "by two to one": a ratio, read as before
    low, high = parse_quantity(text[match.start("range") : match.end()])
    first_value = parse_quantity(first)[0]
    spaced_dash = word in ("-", "\u2013", "\u2014") and join.group() != word
    if (word in ("to", "or") or spaced_dash) and first_value is not None and low is not None and first_value > low:
        return "two"  # a range runs up: "voted by 229 to 206", "£35bn - £2.5bn less"
    shared = second_percent and not first_percent  # "up 5 to 10 per cent": one unit for both ends, a range
    if word == "to" and not shared and _CHANGED.search(before):
        return "two"  # "fell $28.63 to $38.65", "up 23,600 to 27,700"
    if word == "to" and _CHANGE_CUE.search(before) and low and high and high >= 5 * low:
        return "two"  # "by 0.25% to 4.75%"; "by 25 to 30 seats" stays a range
    return "range"


def parts(text: str, match: re.Match[str]) -> list[Part]:
    """The spans and numbers of a match: one, or two for a change ("from around 45,000 to 100,000")."""
    start, end = match.span()
    whole = [(start, end, *parse_quantity(text[start:end]))]
    body = match.group("range")
    if body is None:
        return whole
    body_start = match.start("range")
    lead = RANGE_LEAD.match(body)
    lead_text = lead.group() if lead else ""
    join = RANGE_JOIN.search(text, body_start + len(lead_text) + 1, end)
    if join is None:
        return whole
    first_start = start if match.group("approx") else body_start + len(lead_text)
    reading = _reading(text, match, join, first_start, lead_text)
    second = text[join.end() : end]
    low2, high2 = parse_quantity(second)
    if reading == "second":
        return [(join.end(), end, low2, high2)]
    if reading == "range":
        return whole
    first = text[first_start : join.start()]
    low1, high1 = parse_quantity(first)
    carried = carried_scale(first, second, low1 or high1 or 0.0, low2 or high2 or 0.0)  # "from 15 to 20 million"
    factor = None if _kind(first)[0] else carried
    if factor:
        low1 = None if low1 is None else scaled(low1, factor)
        high1 = None if high1 is None else scaled(high1, factor)
    return [(first_start, join.start(), low1, high1), (join.end(), end, low2, high2)]


def between_range(text: str, match: re.Match[str]) -> tuple[int, int, float | None, float | None] | None:
    """ "between $60,000 a year and $150,000": the second number's start, the range's end, low and high."""
    body = match.group("range")
    if body is None or not body.lower().startswith("between") or RANGE_JOIN.search(body, len("between") + 1):
        return None
    gap = _GAP.match(text, match.end())
    if gap is None:
        return None
    words = [w.lower() for w in _BRACKETS.sub(" ", gap.group("gap")).split()]
    after = _NEXT_WORD.match(text[gap.end() : gap.end() + 30])
    if words and not _RATE.fullmatch(" ".join(words)):
        # "between 150 euros and 300 euros", not "between six months and two years", "between two white and five"
        other = after.group(1).lower() if after else ""
        if len(words) > 1 or words[0] not in _GAP_UNITS or (other in _GAP_UNITS and other != words[0]):
            return None
    first = RANGE_LEAD.sub("", body)
    second = gap.group("second")
    low, high = parse_quantity(first)[0], parse_quantity(second)[0]
    factor = carried_scale(first, second, low, high) if low is not None and high is not None else None
    if low is not None and factor:
        low = scaled(low, factor)
    if low is not None and high is not None and low > high:
        low, high = high, low
    return gap.start("second"), gap.end(), low, high


_SHARE_NUMBER = rf"\d{{1,3}}(?:,\d{{3}})*|{PLAIN_WORDNUM}"
# "four out of five", "one in 50", "nine times out of ten": one share, not two counts
_SHARE = re.compile(
    rf"(?:\b(?P<approx>{APPROX})\s+)?\b(?P<part>{_SHARE_NUMBER})\s+(?:times\s+)?(?:out\s+of|in)\s+"
    rf"(?P<whole>{_SHARE_NUMBER})\b(?![,.]\d)",
    re.IGNORECASE,
)
_SHARE_WHOLE = re.compile(rf"\b(?:in|of)\s+(?:\d|(?:{PLAIN_WORDNUM})\b)", re.IGNORECASE)  # the cheap test first
_NOT_A_SHARE_BEFORE = re.compile(
    r"(?:[$\u00a3\u20ac]|\b(?:round|number|no\.|page|grade|level|stage|step|[A-Z]\w*)\s+)$"
)
_NOT_A_SHARE_AFTER = re.compile(
    r"\s+(?:seconds|minutes|hours|days|weeks|months|years|decades|attempts|games|matches|races|starts|seasons|tries|"
    r"innings|sets|rounds|goes|raids|attacks|strikes|incidents|operations|clashes|fixtures|friendlies|outings|"
    r"appearances|sessions|trading)\b",
    re.IGNORECASE,
)


def shares(text: str, start: int, end: int) -> list[tuple[int, int, float, str]]:
    """The shares of a whole ("N out of M", "N in M") between two points: span, value and approximation each."""
    found: list[tuple[int, int, float, str]] = []
    if _SHARE_WHOLE.search(text, start, end) is None:
        return found  # no "in"/"of" before a number: most sentences
    for match in _SHARE.finditer(text, start, end):
        part, whole = value(match.group("part")), value(match.group("whole"))
        if part is None or not whole or part >= whole or YEAR.fullmatch(match.group("whole")):
            continue  # "one in 2005", "five in three": no share
        if _NOT_A_SHARE_BEFORE.search(text, start, match.start()) or _NOT_A_SHARE_AFTER.match(text, match.end()):
            continue  # "lost $4 in five days", "round four in eight attempts", "BBC Four in": no share
        found.append((match.start(), match.end(), round(part / whole, 3), match.group("approx") or ""))
    return found
