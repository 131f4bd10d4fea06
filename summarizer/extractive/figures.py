"""Find the figures an article states: numbers, ranges, number words and fractions.

Each figure keeps its span in the text, the numbers it states (low/high), the
counted noun, who claims it (``attribution.py``: the reporting cue that covers it,
a quote's speaker, a pronoun resolved) and how firm it is, from the article's words
only. A change ("rose from 45,000 to 100,000") is two figures, a range one. Dates,
years, clock times, ordinals, ages and numbers inside names ("G8", "F-16") are not
figures.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from ..models import FigureStatus
from .attribution import Attributions, find_source, is_official
from .describe import describe
from .figure_words import UNITS
from .officialdom import described
from .sentences import STOPWORDS, Sentence

__all__ = ["Figure", "Spot", "find_figures", "find_source", "parse_quantity", "read_figures", "spot_figures"]

_APPROX = (
    r"(?:about|around|approximately|roughly|nearly|almost|some|an\s+estimated|estimated|"
    r"more\s+than|over|at\s+least|up\s+to|fewer\s+than|less\s+than|as\s+many\s+as|as\s+few\s+as|"
    r"close\s+to|just\s+over|just\s+under|upwards\s+of|in\s+excess\s+of|only)"
)
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s?(?:million|billion|trillion|thousand|bn|m|k)\b)"
_PERCENT = r"(?:\s?%|\s+per\s?cent\b|\s+percent\b)"
_CURRENCY = r"(?:US\$|[£$€])"
_WORD_NUMBERS = {
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
    "a million": 1e6,
}
_FRACTIONS = {
    "half": 0.5,
    "a half": 0.5,
    "one-half": 0.5,
    "a third": 1 / 3,
    "one-third": 1 / 3,
    "one third": 1 / 3,
    "two-thirds": 2 / 3,
    "two thirds": 2 / 3,
    "a quarter": 0.25,
    "one-quarter": 0.25,
    "one quarter": 0.25,
    "three-quarters": 0.75,
    "three quarters": 0.75,
    "a fifth": 0.2,
    "one-fifth": 0.2,
    "a tenth": 0.1,
    "one-tenth": 0.1,
    "a fraction": None,
}
_VAGUE = (
    r"(?:(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|hundreds|thousands|millions|scores)(?=\s+of\b)|"
    r"several(?:\s+(?:hundred|thousand|million|dozen))?(?=\s+[a-z]))"
)
_WORDNUM = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _WORD_NUMBERS), key=len, reverse=True))
_FRACTION = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _FRACTIONS), key=len, reverse=True))
_NUMBER = rf"(?:{_CURRENCY}\s?)?(?:{_DIGITS})(?:{_SCALE})?(?:{_PERCENT})?"
_ANY = rf"(?:{_NUMBER}|\b(?:{_WORDNUM})\b(?:{_SCALE})?)"
_RANGE = rf"(?:between\s+|from\s+)?{_ANY}(?:\s*(?:to|-|\u2013|\u2014|and)\s*{_ANY})?"
_FIGURE = re.compile(
    rf"(?<![\w.\-/:\u2013])(?:(?P<approx>{_APPROX})\s+)?"
    rf"(?:(?P<fraction>\b(?:{_FRACTION})\b)|(?P<vague>\b{_VAGUE})|(?P<range>{_RANGE}))"
    rf"(?![\w/:]|\.\d|-\d|\u2013\d)",
    re.IGNORECASE,
)
_ANY_DIGIT = re.compile(r"\d")
_CLOSING_SINGLE = re.compile("(?<!['\u2019])['\u2019](?!['\u2019\\w])")  # not "band's", not a doubled ''
_CURRENCY_RE = re.compile(_CURRENCY)
_CURRENCY_HEAD = re.compile(rf"^{_CURRENCY}\s?", re.IGNORECASE)
_PERCENT_TAIL = re.compile(rf"{_PERCENT}$")
_SCALE_TAIL = re.compile(rf"{_SCALE}$")
_DIGITS_RE = re.compile(_DIGITS)
_SPACES = re.compile(r"\s+")
_RANGE_LEAD = re.compile(r"^(?:between|from)\s+", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?:\bto\b|\band\b|-|\u2013|\u2014)\s*", re.IGNORECASE)
_MONEY_WORD = re.compile(r"[£$€%]|million|billion|per", re.IGNORECASE)
_LETTERS = re.compile(r"[A-Za-z]+")
_PERCENT_WORD = re.compile(r"%|per\s?cent|percent")
_COUNT_WORDS = ("dozens", "hundreds", "thousands", "millions", "scores")
# a lookahead on the letters these words start with lets the scanner skip every other position fast
_INITIALS = "".join(sorted({w[0] for w in (*_WORD_NUMBERS, *_FRACTIONS, *_COUNT_WORDS)}))
_NUMBER_WORD = re.compile(
    rf"(?<!\w)(?=[{_INITIALS}])(?:{_WORDNUM}|{_FRACTION}|{'|'.join(_COUNT_WORDS)})\b", re.IGNORECASE
)
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_BEFORE = re.compile(rf"\b{_MONTHS}\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(
    rf"^\s*(?:{_MONTHS}\b|st\b|nd\b|rd\b|th\b|-(?:year|month|week|day|hour|minute)s?\b|\s*years?\s+old|"
    rf"\s*o'clock|\s*[ap]\.?m\b)",
    re.IGNORECASE,
)
# durations that place an event in time ("within six months", "the past four months", "12 years ago")
_WHEN_BEFORE = re.compile(r"\b(?:within|past|last|next|after|for\s+the\s+past|in\s+the\s+last)\s*$", re.IGNORECASE)
_TIME_UNIT_AFTER = re.compile(
    r"^\s*(?:days?|weeks?|months?|years?|hours?|minutes?|decades?)\b(?P<ago>\s+ago)?", re.IGNORECASE
)
# "Type 45", "Number 10", "Mr Mousa, 28,": a small number right after a name, or an age between commas
_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\s$")
_AGE_COMMAS = re.compile(r"[A-Z][a-z]+,\s$")
_AGE_BEFORE = re.compile(r"\baged\s*$|\bage\s*$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_NUM_IN = re.compile(_DIGITS)

_COMPOUND_UNITS = ("square miles", "square kilometres", "square kilometers", "square km", "per cent")
_CURRENCY_UNITS = {"£": "pounds", "$": "dollars", "us$": "dollars", "€": "euros"}
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_DETERMINERS = {"the", "his", "her", "its", "their", "our", "all", "of", "these", "those", "that", "this"}

_UNCONFIRMED = re.compile(
    r"no\s+official\s+confirmation|not\s+(?:been\s+)?(?:independently\s+)?(?:confirmed|verified)|unconfirmed|"
    r"could\s+not\s+be\s+(?:independently\s+)?verified|cannot\s+be\s+(?:independently\s+)?verified|"
    r"has\s+not\s+confirmed|have\s+not\s+confirmed",
    re.IGNORECASE,
)
_CLAIMED = re.compile(
    r"\b(?:reportedly|(?:is|are|was|were)\s+(?:said|understood|thought|believed)\s+to|allegedly|allegations?|"
    r"it\s+is\s+(?:believed|thought|understood)|claim(?:s|ed)?|"
    r"rumou?red|circulated)\b",
    re.IGNORECASE,
)
_ESTIMATED = re.compile(
    r"\b(?:estimat\w*|analysts?|experts?|calculat\w*|expect(?:s|ed)?|projected|forecasts?|predicted)\b", re.IGNORECASE
)
# "rising faster than expected", "£5m lower than previously forecast": a comparison, no estimate of the figure
_COMPARED = re.compile(
    r"\bthan\s+(?:(?:had\s+been|had|previously|originally|first|many|most|some|analysts|economists)\s+)*"
    r"(?:expected|forecast|predicted|estimated|projected|anticipated)\b",
    re.IGNORECASE,
)
_APPROXIMATE = {
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "an estimated",
    "estimated",
    "close to",
}
# "rose from 45,000 to 100,000" is a change (two figures); "ranged from 15,000 to 20,000" is a range
_RANGE_BEFORE = re.compile(
    r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|anywhere|somewhere|estimates?|estimated|put\s+at)\s+$",
    re.IGNORECASE,
)
_CHANGE_TO = re.compile(r"\s+to\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure found in the text, with its span and its reading."""

    start: int
    end: int
    quantity: str
    low: float | None
    high: float | None
    unit: str | None
    describes: str
    source: str | None
    status: FigureStatus
    sentence: Sentence


def _value(token: str) -> float | None:
    token = token.strip().lower()
    currency = _CURRENCY_HEAD.match(token)
    if currency:
        token = token[currency.end() :]
    token = _PERCENT_TAIL.sub("", token).strip()
    scale = 1.0
    match = _SCALE_TAIL.search(token)
    if match and not _DIGITS_RE.fullmatch(token):
        scale = _SCALES[match.group().strip()]
        token = token[: match.start()].strip()
    if _DIGITS_RE.fullmatch(token):
        return float(token.replace(",", "")) * scale
    words = _SPACES.sub(" ", token)
    if words in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[words]) * scale
    return None


def parse_quantity(text: str) -> tuple[float | None, float | None]:
    """Return the low and high numbers a quantity expression states."""
    match = _FIGURE.fullmatch(text.strip())
    if match is None:
        return None, None
    approx = (match.group("approx") or "").lower()
    if match.group("fraction"):
        value = _FRACTIONS[_SPACES.sub(" ", match.group("fraction").lower())]
        rounded = None if value is None else round(value, 3)
        return rounded, rounded
    if match.group("vague"):
        return None, None
    body = _RANGE_LEAD.sub("", match.group("range"))
    parts = _RANGE_JOIN.split(body, maxsplit=1)
    values = [_value(p) for p in parts if p.strip()]
    first, second = [*values, None, None][:2]
    if first is not None and second is not None:
        low, high = first, second
        # "15 to 20,000": the scale of the second part applies to the first
        if low < high / 100 and "," not in parts[0] and "." not in parts[0]:
            magnitude = _SCALE_TAIL.search(parts[1].strip().lower())
            if magnitude and not _SCALE_TAIL.search(parts[0].strip().lower()):
                low *= _SCALES[magnitude.group().strip()]
        return (low, high) if low <= high else (high, low)
    value = values[0] if values else None
    if approx in ("more than", "over", "at least", "just over", "upwards of", "in excess of"):
        return value, None
    if approx in ("up to", "fewer than", "less than", "as many as", "just under"):
        return None, value
    return value, value


def _short_year(text: str, start: int, end: int, sentence_end: int) -> bool:
    """ "the '08 election": two digits after an apostrophe that no closing quote mark follows in the sentence."""
    if end - start != 2 or start < 1 or text[start - 1] not in "'\u2019" or not text[start:end].isdigit():
        return False
    if start > 1 and text[start - 2] in "'\u2019":
        return False  # ''10 times'': a doubled apostrophe is a quotation mark
    return _CLOSING_SINGLE.search(text, end, sentence_end) is None  # "'40 homes were lost.'" is a quotation


_TAG_OPEN = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+\s*=|\s*/?>|$)")


def _is_excluded(text: str, start: int, end: int, match: re.Match[str]) -> bool:
    if match.group("range") is None:
        return False
    core = match.group("range")
    numbers = _NUM_IN.findall(core)
    before = text[max(0, start - 12) : start]
    after = text[end : end + 14]
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after) or _AGE_BEFORE.search(before):
        return True
    plain = core.strip()
    time_unit = _TIME_UNIT_AFTER.match(after)
    if time_unit and (time_unit.group("ago") or _WHEN_BEFORE.search(text[max(0, start - 20) : start])):
        return True
    small = len(numbers) == 1 and plain == numbers[0] and "," not in plain and "." not in plain
    if small and not match.group("approx") and int(plain) < 1000:
        if _AGE_COMMAS.search(before) and after.startswith(","):
            return True
        if _NAME_BEFORE.search(before) and not _sentence_start(text, start):
            return True
    if numbers and all(_YEAR.match(n) for n in numbers) and not match.group("approx"):
        next_word = after.strip().split(" ", 1)[0].lower().strip(".,;:")
        if not _MONEY_WORD.search(plain) and next_word not in UNITS:
            return True
    # a lone word number needs a counted noun after it ("three tanks", not "one of them")
    if not numbers and not _CURRENCY_RE.search(plain):
        words = _LETTERS.findall(after)
        if (
            not words
            or words[0].lower() in STOPWORDS - {"of"}
            or (plain.lower() == "one" and words[0].lower() not in UNITS)
        ):
            return True
    return False


def _sentence_start(text: str, start: int) -> bool:
    """True when only one word stands between the figure and the start of its sentence or line."""
    head = text[max(0, start - 40) : start]
    cut = max(head.rfind("\n"), head.rfind(". "), head.rfind("? "), head.rfind("! "))
    return len(head[cut + 1 :].split()) <= 1


def _unit(text: str, end: int, quantity: str) -> tuple[str | None, int]:
    lowered = quantity.lower()
    if _PERCENT_WORD.search(lowered):
        return "per cent", end
    currency = _CURRENCY_RE.search(quantity)
    if currency:
        return _CURRENCY_UNITS.get(currency.group().lower(), "money"), end
    tail = text[end : end + 60]
    words = list(re.finditer(r"[A-Za-z][A-Za-z'\u2019-]*|[^\sA-Za-z]", tail))
    tokens = [w.group() for w in words[:5]]
    lowered_tokens = [t.lower() for t in tokens]
    joined = " ".join(lowered_tokens)
    for compound in _COMPOUND_UNITS:
        if joined.startswith(compound) or joined.startswith("of " + compound):
            return compound, end
    skip = 0
    if lowered_tokens[:1] == ["of"]:
        skip = 1
        while skip < len(lowered_tokens) and lowered_tokens[skip] in _DETERMINERS:
            skip += 1
    for i, token in enumerate(lowered_tokens[skip : skip + 3], start=skip):
        if not token.isalpha() and "-" not in token:
            break
        if token in UNITS:
            return tokens[i], end
        if token in STOPWORDS:
            break
    if skip and skip < len(tokens) and tokens[skip].isalpha():
        return tokens[skip], end
    if (
        tokens
        and tokens[0].isalpha()
        and tokens[0].islower()
        and tokens[0] not in STOPWORDS
        and not tokens[0].endswith(("ed", "ing", "ly"))
    ):
        if len(tokens) > 1 and _PLURAL.fullmatch(tokens[1]) and not _PLURAL.fullmatch(tokens[0]):
            many = _value(quantity) or _value(quantity.split()[-1])  # "Some 5 police officers"
            if many is not None and many > 1 and tokens[1] not in STOPWORDS:
                return tokens[1], end  # "three container terminals": a plural count is counted by the plural head
        return tokens[0], end
    return None, end


_PLURAL = re.compile(r"[a-z]+(?<![suia])s")  # a plural noun ("terminals"), not "has", "was", "bus", "glass"


def _unit_before(text: str, start: int, floor: int) -> str | None:
    """The nearest counted noun in the few words before a figure ("forces numbering 48,000")."""
    words: list[str] = re.findall(r"[A-Za-z][A-Za-z-]*", text[max(floor, start - 60) : start])[-6:]
    for word in reversed(words):
        if word.lower() in UNITS:
            return word
    return None


@functools.lru_cache(maxsize=64)
def _marks(sentence: str) -> tuple[bool, bool, bool]:
    """Whether a sentence says a thing is unconfirmed, estimated, claimed: read once for all its figures."""
    estimated = _ESTIMATED.search(sentence) and _ESTIMATED.search(_COMPARED.sub(" ", sentence))
    return bool(_UNCONFIRMED.search(sentence)), bool(estimated), bool(_CLAIMED.search(sentence))


def _status(approx: str, source: str | None, official: bool, cued: bool, sentence: str, following: str) -> FigureStatus:
    """Unconfirmed, then estimate, then claimed, then official, else stated: the first that fits."""
    unconfirmed, estimated, claimed = _marks(sentence)
    if unconfirmed or (following and len(following) < 90 and _marks(following)[0]):
        return FigureStatus.UNCONFIRMED
    if estimated or " ".join(approx.lower().split()) in _APPROXIMATE:
        return FigureStatus.ESTIMATE
    if claimed:
        return FigureStatus.CLAIMED
    if source:
        return FigureStatus.OFFICIAL if official else FigureStatus.CLAIMED
    if cued:  # "he said" with no name to give
        return FigureStatus.CLAIMED
    return FigureStatus.STATED


def _parts(text: str, match: re.Match[str]) -> list[tuple[int, int, float | None, float | None]]:
    """The spans and numbers of a match: one, or two for a change ("from around 45,000 to 100,000")."""
    start, end = match.span()
    whole = [(start, end, *parse_quantity(text[start:end]))]
    body = match.group("range")
    if body is None:
        return whole
    body_start = match.start("range")
    lead = re.match(r"from\s+", body, re.IGNORECASE)
    before = text[max(0, start - 40) : start]
    if lead:
        origin = body_start
    elif match.group("approx") and re.search(r"\bfrom\s+$", before, re.IGNORECASE):
        origin = start - len(re.search(r"from\s+$", before, re.IGNORECASE).group())  # type: ignore[union-attr]
    else:
        return whole
    to = _CHANGE_TO.search(text, body_start, end)
    if to is None or _RANGE_BEFORE.search(text[max(0, origin - 40) : origin]):
        return whole
    first_start = start if match.group("approx") else body_start + (lead.end() if lead else 0)
    first, second = text[first_start : to.start()], text[to.end() : end]
    low1, high1 = parse_quantity(first)
    low2, high2 = parse_quantity(second)
    scale = _SCALE_TAIL.search(second.strip().lower())
    if scale and not _SCALE_TAIL.search(first.strip().lower()) and "," not in first:
        factor = _SCALES[scale.group().strip()]
        value = low2 or high2 or 0.0
        if (low1 or high1 or 0.0) < value / 100:
            low1 = None if low1 is None else low1 * factor
            high1 = None if high1 is None else high1 * factor
    return [(first_start, to.start(), low1, high1), (to.end(), end, low2, high2)]


class Spot(NamedTuple):
    """A figure's span and numbers, before it is read (unit, what it counts, who claims it, how firm)."""

    start: int
    end: int
    low: float | None
    high: float | None
    approx: str
    fraction: bool
    sentence: Sentence
    following: str


def _in_markup(text: str, position: int, floor: int) -> bool:
    """True inside an HTML or XML tag left in the text ('<post id="4471">'), between its '<' and '>'."""
    opened = text.rfind("<", floor, position)
    return opened >= 0 and text.find(">", opened, position) < 0 and _TAG_OPEN.match(text, opened) is not None


def spot_figures(text: str, sentences: list[Sentence]) -> list[Spot]:
    """Every figure's span and numbers, in text order: the cheap half of ``find_figures``."""
    spots: list[Spot] = []
    for position, sentence in enumerate(sentences):
        if not _ANY_DIGIT.search(sentence.text) and not _NUMBER_WORD.search(sentence.text):
            continue
        following = sentences[position + 1].text if position + 1 < len(sentences) else ""
        for match in _FIGURE.finditer(text, sentence.start, sentence.end):
            if _is_excluded(text, match.start(), match.end(), match):
                continue
            if _short_year(text, match.start(), match.end(), sentence.end):
                continue
            if _in_markup(text, match.start(), sentence.start):
                continue  # '<tweet timestamp="1449075600">': a tag's attribute left in the text, no figure
            fraction = match.group("fraction") is not None
            for start, end, low, high in _parts(text, match):
                approx = (match.group("approx") or "") if start == match.start() else ""
                spots.append(Spot(start, end, low, high, approx, fraction, sentence, following))
    return spots


def read_figures(text: str, sentences: list[Sentence], spots: Iterable[Spot]) -> list[Figure]:
    """The full reading of spotted figures; the article's attributions are built only if one is read."""
    figures: list[Figure] = []
    claims: Attributions | None = None
    for start, end, low, high, approx, fraction, sentence, following in spots:
        quantity = text[start:end]
        unit, _ = _unit(text, end, quantity)
        if unit is None and not fraction:
            unit = _unit_before(text, start, sentence.start)
        if claims is None:
            claims = Attributions(text, sentences)
        source, cued = claims.claim_at(sentence, start)
        # "Sir John said": official when the fuller name given before ("NAO chief Sir John Bourn") is; a source
        # that opens with its role ("secretary X") is read with the words before it ("shadow home secretary X")
        official = source is not None and any(
            is_official(described(text, name, sentence.end))
            for name in (source, claims.fuller(source, sentence.index))
            if name
        )
        figures.append(
            Figure(
                start=start,
                end=end,
                quantity=quantity,
                low=low,
                high=high,
                unit=unit,
                describes=describe(text, start, end, sentence, unit) or (unit or quantity),
                source=source,
                status=_status(approx, source, official, cued, sentence.text, following),
                sentence=sentence,
            )
        )
    return figures


def find_figures(text: str, sentences: list[Sentence]) -> list[Figure]:
    """Return every figure in the sentences, in text order."""
    return read_figures(text, sentences, spot_figures(text, sentences))
