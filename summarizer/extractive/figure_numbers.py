"""How English news writes a number, and its exact value: the grammar ``figures`` matches.

Digits with a currency, scale and per cent ("£8.2bn", "40 per cent"), number words
("three"), spelled decimals ("one point three per cent"), fractions ("a third",
"two-thirds"), a fraction of a scale ("a quarter of a million", "half a dozen"),
"and a half" ("two and a half million") and vague counts ("dozens of"). Values are
computed in decimal, so "£8.2bn" is 8200000000, not 8199999999.999999.
"""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = ["FIGURE", "FRACTIONS", "WORD_NUMBERS", "exact", "parse_quantity", "value"]

APPROX = (
    r"(?:about|around|approximately|roughly|nearly|almost|some|an\s+estimated|estimated|"
    r"more\s+than|over|at\s+least|up\s+to|fewer\s+than|less\s+than|"
    # "three times as much as", "twice as many as": a comparison with the figure, no bound on it
    r"(?<!times\s)(?<!twice\s)(?<!half\s)(?<!thirds\s)(?<!quarter\s)"
    r"as\s+(?:many|few|much|little)\s+as|"
    r"close\s+to|just\s+over|just\s+under|upwards\s+of|in\s+excess\s+of|only)"
)
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
SCALE = r"(?:\s?(?:million|billion|trillion|thousand|bn|tn|m|k)\b(?!&))"  # not "35 M&S goods"
PERCENT = r"(?:\s?%|\s+per\s?cent\b|\s+percent\b)"
CURRENCY = r"(?:US\$|[£$€])"
WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a hundred": 100,
    "one hundred": 100,
    "a thousand": 1000,
    "one thousand": 1000,
    "a dozen": 12,
    "dozen": 12,
    "a million": 1_000_000,
}
FRACTIONS: dict[str, Decimal | None] = {
    "half": Decimal("0.5"),
    "a half": Decimal("0.5"),
    "one-half": Decimal("0.5"),
    "a third": Decimal(1) / 3,
    "one-third": Decimal(1) / 3,
    "one third": Decimal(1) / 3,
    "two-thirds": Decimal(2) / 3,
    "two thirds": Decimal(2) / 3,
    "a quarter": Decimal("0.25"),
    "one-quarter": Decimal("0.25"),
    "one quarter": Decimal("0.25"),
    "three-quarters": Decimal("0.75"),
    "three quarters": Decimal("0.75"),
    "a fifth": Decimal("0.2"),
    "one-fifth": Decimal("0.2"),
    "a tenth": Decimal("0.1"),
    "one-tenth": Decimal("0.1"),
    "a fraction": None,
}
# the digits of a spelled decimal ("one point three"): "nought" and "zero" only there ("zero tolerance" is no figure)
_DIGIT_WORDS = {"zero": 0, "nought": 0, "oh": 0, **{w: n for w, n in WORD_NUMBERS.items() if n < 10 and " " not in w}}
_SCALES = {
    "thousand": Decimal(10) ** 3,
    "k": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "m": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
    "tn": Decimal(10) ** 12,
    "dozen": Decimal(12),
}
VAGUE = (
    r"(?:(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|hundreds|thousands|millions|scores)(?=\s+of\b)|"
    r"several(?:\s+(?:hundred|thousand|million|dozen))?(?=\s+[a-z]))"
)


def _alternation(words: object) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))  # type: ignore[attr-defined]


WORDNUM = _alternation(WORD_NUMBERS)
FRACTION = _alternation(FRACTIONS)
PLAIN_WORDNUM = _alternation(w for w in WORD_NUMBERS if " " not in w and w != "dozen")
_DIGIT_WORD = _alternation(_DIGIT_WORDS)
_SCALABLE = _alternation(w for w in FRACTIONS if w != "a fraction")
_HALVES = r"a\s+half|a\s+quarter|three[-\s]quarters"
_SCALE_WORD = r"(?:million|billion|trillion|thousand|dozen)"
# the endings a number word may take, tried only after one (no extra work at other words):
# "one point three per cent" (not "at one point three men": "at one point" is a moment), "two and a half million"
_POINT_TAIL = rf"(?<!at\sone)\s+point(?:\s+(?:{_DIGIT_WORD})\b)+(?:{SCALE})?(?:{PERCENT})?"
_HALF_TAIL = rf"\s+and\s+(?:{_HALVES})(?:\s+{_SCALE_WORD})?\b"
# "a quarter of a million", "half a dozen", "a half-billion": a fraction of a scale
OF_SCALE = rf"[\s-]+(?:of[\s-]+)?(?:an?[\s-]+)?{_SCALE_WORD}\b"
SCALED = rf"(?:{PLAIN_WORDNUM})\s+and\s+(?:{_HALVES})(?:\s+{_SCALE_WORD})?|(?:{_SCALABLE}){OF_SCALE}"
NUMBER = rf"(?:{CURRENCY}\s?)?(?:{DIGITS})(?:{SCALE})?(?:{PERCENT})?"
ANY = (
    rf"(?:{NUMBER}|\b(?:zero|nought){_POINT_TAIL}|"
    rf"\b(?:{WORDNUM})\b(?:{_POINT_TAIL}|{_HALF_TAIL}|{SCALE})?)"
)
JOIN = r"(?:\s*(?:to|-|\u2013|\u2014|and)\s*|\s+or\s+)"
RANGE = rf"(?:between\s+|from\s+)?{ANY}(?:{JOIN}{ANY})?"
FIGURE = re.compile(
    rf"(?<![\w.\-/:\u2013])(?:(?P<approx>{APPROX})\s+)?"
    rf"(?:(?P<fraction>\b(?:{FRACTION})\b)(?P<of_scale>{OF_SCALE})?|(?P<vague>\b{VAGUE})|(?P<range>{RANGE}))"
    rf"(?![\w/:]|\.\d|-\d|\u2013\d)",
    re.IGNORECASE,
)
CURRENCY_HEAD = re.compile(rf"^{CURRENCY}\s?", re.IGNORECASE)
PERCENT_TAIL = re.compile(rf"{PERCENT}$")
SCALE_TAIL = re.compile(rf"{SCALE}$")
DIGITS_RE = re.compile(DIGITS)
RANGE_LEAD = re.compile(r"^(?:between|from)\s+", re.IGNORECASE)
# "to", "and", a dash or "or" between two numbers (not the "and" of "two and a half", nor "three-quarters")
RANGE_JOIN = re.compile(
    rf"\s*(?:\bto\b|\band\b(?!\s+(?:{_HALVES})\b)|-(?!quarters)|\u2013|\u2014)\s*|\s+or\s+", re.IGNORECASE
)
_SPACES = re.compile(r"\s+")
_SCALED_RE = re.compile(SCALED, re.IGNORECASE)
_SPELLED_RE = re.compile(r"(?P<whole>\w+)\s+point(?P<digits>(?:\s+\w+)+)", re.IGNORECASE)
_AND_HALF = re.compile(rf"(?P<whole>\w+)\s+and\s+(?P<part>{_HALVES})(?:\s+(?P<scale>{_SCALE_WORD}))?", re.IGNORECASE)
_OF_SCALE = re.compile(rf"(?P<part>.+?)[\s-]+(?:of[\s-]+)?(?:an?[\s-]+)?(?P<scale>{_SCALE_WORD})", re.IGNORECASE)


def exact(number: Decimal) -> float:
    """The float of a decimal value, without binary noise ("8.2bn" is 8200000000.0)."""
    return float(number)


def scaled(number: float, factor: float) -> float:
    """number times factor, computed in decimal ("1.1" x "1e6" is 1100000.0, not 1100000.0000000002)."""
    return exact(Decimal(repr(number)) * Decimal(repr(factor)))


def _words(token: str) -> Decimal | None:
    """The value of a number written in words, or None."""
    words = _SPACES.sub(" ", token.strip().lower())
    if DIGITS_RE.fullmatch(words):
        return Decimal(words.replace(",", ""))
    if words in WORD_NUMBERS:
        return Decimal(WORD_NUMBERS[words])
    if words in FRACTIONS:
        return FRACTIONS[words]
    spelled = _SPELLED_RE.fullmatch(words)
    if spelled and spelled.group("whole") in (*WORD_NUMBERS, "zero", "nought"):
        digits = [_DIGIT_WORDS.get(d) for d in spelled.group("digits").split()]
        if None in digits:
            return None
        whole = 0 if spelled.group("whole") in ("zero", "nought") else WORD_NUMBERS[spelled.group("whole")]
        return Decimal(f"{whole}.{''.join(str(d) for d in digits)}")
    half = _AND_HALF.fullmatch(words)
    if half:
        whole_value = _words(half.group("whole"))
        part = FRACTIONS.get(_SPACES.sub(" ", half.group("part")))
        if whole_value is None or part is None:
            return None
        factor = _SCALES[half.group("scale")] if half.group("scale") else Decimal(1)
        return (whole_value + part) * factor
    of_scale = _OF_SCALE.fullmatch(words)
    if of_scale and of_scale.group("part") in FRACTIONS:
        part = FRACTIONS[of_scale.group("part")]
        return None if part is None else (part * _SCALES[of_scale.group("scale")]).quantize(Decimal(1))
    return None


def value(token: str) -> float | None:
    """The number a single quantity states ("£1.2bn": 1200000000.0), exactly as written, or None."""
    token = token.strip().lower()
    currency = CURRENCY_HEAD.match(token)
    if currency:
        token = token[currency.end() :]
    token = PERCENT_TAIL.sub("", token).strip()
    factor = Decimal(1)
    match = SCALE_TAIL.search(token)
    if match and not DIGITS_RE.fullmatch(token) and not _SCALED_RE.fullmatch(token):
        factor = _SCALES[match.group().strip()]
        token = token[: match.start()].strip()
    number = _words(token)
    return None if number is None else exact(number * factor)


def parse_quantity(text: str) -> tuple[float | None, float | None]:
    """Return the low and high numbers a quantity expression states."""
    match = FIGURE.fullmatch(text.strip())
    if match is None:
        return None, None
    approx = " ".join((match.group("approx") or "").lower().split())
    if match.group("of_scale"):
        values = [value(match.group("fraction") + match.group("of_scale"))]
    elif match.group("fraction"):
        fraction = FRACTIONS[_SPACES.sub(" ", match.group("fraction").lower())]
        rounded = None if fraction is None else round(float(fraction), 3)
        return _bounded(approx, rounded)  # "more than half": 0.5 and up, as "more than 90%"
    elif match.group("vague"):
        return None, None
    else:
        body = RANGE_LEAD.sub("", match.group("range"))
        parts = [p for p in RANGE_JOIN.split(body, maxsplit=1) if p and p.strip()]
        values = [value(p) for p in parts]
        first, second = [*values, None, None][:2]
        if first is not None and second is not None:
            low, high = first, second
            factor = carried_scale(parts[0], parts[1], low, high)  # "15 to 20 million", "$1.3 to $1.5bn"
            if factor:
                low = scaled(low, factor)
            return (low, high) if low <= high else (high, low)
    return _bounded(approx, values[0] if values else None)


def _bounded(approx: str, number: float | None) -> tuple[float | None, float | None]:
    """The low and high a number gives under its approximation: 'more than' opens the top, 'up to' the bottom."""
    if approx in _LOWER_BOUNDS:
        return number, None
    if approx in _UPPER_BOUNDS:
        return None, number
    return number, number


_LOWER_BOUNDS = frozenset(
    ["more than", "over", "at least", "just over", "upwards of", "in excess of", "as few as", "as little as"]
)
_UPPER_BOUNDS = frozenset(["up to", "fewer than", "less than", "as many as", "as much as", "just under"])


def carried_scale(first: str, second: str, low: float, high: float) -> float | None:
    """The scale of a range's second part when it applies to the first too ("15 to 20 million"), else None.

    Only when the first part has no scale and no thousands comma of its own ("1,500 to 2 million" is
    1,500) and is far below the second as written.
    """
    factor = scale_of(second)
    if factor is None or scale_of(first) is not None or "," in first or not low < high / 100:
        return None
    return factor


def scale_of(part: str) -> float | None:
    """The scale word a quantity ends with, as a factor ("20 million": 1e6), or None."""
    match = SCALE_TAIL.search(part.strip().lower())
    return None if match is None else float(_SCALES[match.group().strip()])
