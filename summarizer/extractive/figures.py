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
from .figure_numbers import CURRENCY, FIGURE, FRACTION, FRACTIONS, WORD_NUMBERS, WORDNUM, parse_quantity, value
from .figure_spans import YEAR, between_range, is_clock, is_period, not_a_fraction, parts, shares
from .figure_words import UNITS
from .officialdom import described
from .sentences import STOPWORDS, Sentence

__all__ = ["Figure", "Spot", "find_figures", "find_source", "parse_quantity", "read_figures", "spot_figures"]

_ANY_DIGIT = re.compile(r"\d")
_CLOSING_SINGLE = re.compile("(?<!['\u2019])['\u2019](?!['\u2019\\w])")  # not "band's", not a doubled ''
_CURRENCY_RE = re.compile(CURRENCY)
_BRACKETS = re.compile(r"\([^()]*\)")
_CONVERSION = re.compile(r"(?:\s+[A-Za-z]+){0,3}\s*\(\s*")  # "68m euros (": a conversion follows
_SHARED_PERCENT = re.compile(r"\s*(?:to|and|or)\s+[\d.,]+\s?(?:%|(?:per\s?cent|percent)\b)", re.IGNORECASE)
_OPENS = re.compile("(?:^|[.!?:][\"'\u201d\u2019)]*\\s+|\n)[\\s\"'\u201c\u2018(]*$")
_NUM_IN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_MONEY_WORD = re.compile(r"[£$€%]|million|billion|per", re.IGNORECASE)
_LETTERS = re.compile(r"[A-Za-z]+")
_SPELLED = re.compile(r"\spoint\s|%|per\s?cent", re.IGNORECASE)  # "one point three per cent"
_PERCENT_WORD = re.compile(r"%|per\s?cent|percent")
_COUNT_WORDS = ("dozens", "hundreds", "thousands", "millions", "scores")
# a lookahead on the letters these words start with lets the scanner skip every other position fast
_INITIALS = "".join(sorted({w[0] for w in (*WORD_NUMBERS, *FRACTIONS, *_COUNT_WORDS)}))
_NUMBER_WORD = re.compile(
    rf"(?<!\w)(?=[{_INITIALS}])(?:{WORDNUM}|{FRACTION}|{'|'.join(_COUNT_WORDS)})\b", re.IGNORECASE
)
# a full month name ends a sentence with its stop ("on 27 January. Some 40 people died"); an abbreviation
# keeps its dot ("Jan. 5")
_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?)"
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
_AGE_CONTEXT = re.compile(
    r"\b(?:age|ages|aged)\b(?:\s+(?!and\b|or\b)[\w'\u2019-]+){0,6}?\s+(?:from|of|to|at|between)?\s*$"
)
_CAPITAL_AFTER = re.compile(r"\s+[A-Z][a-z]")
# "Channel 4", "the FTSE 100", "S&P 500": a name goes on with its number (not in an all-capitals headline)
_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\s$|(?<![A-Z]\s)(?<![A-Z])\b[A-Z][A-Z&]{2,}\s$")
_AGE_COMMAS = re.compile(r"[A-Z][a-z]+,\s$")
_AGE_BEFORE = re.compile(r"\baged\s*$|\bage\s*$", re.IGNORECASE)

_COMPOUND_UNITS = ("square miles", "square kilometres", "square kilometers", "square km", "per cent")
_CURRENCY_UNITS = {"£": "pounds", "$": "dollars", "us$": "dollars", "€": "euros"}
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
    r"\bthan[\s-]+(?:(?:had\s+been|had|previously|originally|first|many|most|some|analysts|economists)\s+)*"
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


def _short_year(text: str, start: int, end: int, sentence_end: int) -> bool:
    """ "the '08 election": two digits after an apostrophe that no closing quote mark follows in the sentence."""
    if end - start != 2 or start < 1 or text[start - 1] not in "'\u2019" or not text[start:end].isdigit():
        return False
    if start > 1 and text[start - 2] in "'\u2019":
        return False  # ''10 times'': a doubled apostrophe is a quotation mark
    return _CLOSING_SINGLE.search(text, end, sentence_end) is None  # "'40 homes were lost.'" is a quotation


_TAG_OPEN = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+\s*=|\s*/?>|$)")


def _is_excluded(text: str, start: int, end: int, match: re.Match[str]) -> bool:
    if match.group("fraction") is not None and match.group("of_scale") is None:
        at, head = match.start("fraction"), text[max(0, start - 8) : start]
        at_start = start == 0 or _OPENS.search(head) is not None  # "Half of them", not "the Half-Blood Prince"
        return not_a_fraction(text, at, end, bool(match.group("approx")), at_start)
    if match.group("range") is None:
        return False
    core = match.group("range")
    numbers = _NUM_IN.findall(core)
    before = text[max(0, start - 12) : start]
    after = text[end : end + 14]
    if _DATE_BEFORE.search(before) or _DATE_AFTER.match(after) or _AGE_BEFORE.search(before):
        return True
    plain = core.strip()
    named = _CAPITAL_AFTER.match(after) or _NAME_BEFORE.search(before)
    opens = start == 0 or _OPENS.search(text[max(0, start - 8) : start]) is not None
    if not numbers and plain[:1].isupper() and named and not opens and not _title_case_line(text, start):
        return True  # "the Six Nations", "Formula One", "Channel Four": a number word in a name
    if is_clock(text, end, plain) or is_period(plain):
        return True  # "0900 GMT", "the budget for 2007-13"
    time_unit = _TIME_UNIT_AFTER.match(after)
    if time_unit and (time_unit.group("ago") or _WHEN_BEFORE.search(text[max(0, start - 20) : start])):
        return True
    small = len(numbers) == 1 and plain == numbers[0] and "," not in plain and "." not in plain
    if small and not match.group("approx") and int(plain) < 1000:
        if _AGE_COMMAS.search(before) and after.startswith(","):
            return True
        if _NAME_BEFORE.search(before) and not _sentence_start(text, start):
            return True
    if numbers and all(YEAR.match(n) for n in numbers):  # "in 2005", "about 2005", "at least 2006"
        next_word = after.strip().split(" ", 1)[0].lower().strip(".,;:")
        if not _MONEY_WORD.search(plain) and next_word not in UNITS:
            return True
    # a lone word number needs a counted noun after it ("three tanks", not "one of them")
    if not numbers and not _CURRENCY_RE.search(plain) and not _SPELLED.search(plain):
        words = _LETTERS.findall(after)
        if (
            not words
            or words[0].lower() in STOPWORDS - {"of"}
            or (plain.lower() == "one" and words[0].lower() not in UNITS)
        ):
            return True
    return False


def _title_case_line(text: str, position: int) -> bool:
    """True in a headline written in title case ("Only 'One or Two Instances' Slipped"): every word capitalised."""
    line = text[text.rfind("\n", 0, position) + 1 : (text.find("\n", position) + 1 or len(text) + 1) - 1]
    words = [w for w in re.findall(r"[A-Za-z][\w'\u2019]*", line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _sentence_start(text: str, start: int) -> bool:
    """True when only one word stands between the figure and the start of its sentence or line."""
    head = text[max(0, start - 40) : start]
    cut = max(head.rfind("\n"), head.rfind(". "), head.rfind("? "), head.rfind("! "))
    return len(head[cut + 1 :].split()) <= 1


def _unit(text: str, end: int, quantity: str) -> tuple[str | None, int]:
    lowered = quantity.lower()
    if _PERCENT_WORD.search(lowered):
        return "per cent", end
    currency = _CURRENCY_RE.search(_BRACKETS.sub("", quantity))  # "between 250 euros (£173) and 600": euros
    if currency:
        return _CURRENCY_UNITS.get(currency.group().lower(), "money"), end
    if quantity[-1:].isdigit() and _SHARED_PERCENT.match(text, end):
        return "per cent", end  # "35 to 12 percent": a score whose first number shares the second's unit
    inside = [w for w in _LETTERS.findall(_BRACKETS.sub("", quantity)) if w.lower() in UNITS]
    if inside:
        return inside[0], end  # "between 150 euros and 300"
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
            if lowered_tokens[i + 1 : i + 2] in (["cents"], ["pence"]):
                return tokens[i + 1], end  # "9 euros cents": cents, a hundredth of the euro
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
            many = value(quantity) or value(quantity.split()[-1])  # "Some 5 police officers"
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
        second = -1  # where the second number of a "between X ... and Y" range starts: read with the first
        first = len(spots)
        ratios = [
            Spot(a, b, v, v, approx, True, sentence, following)
            for a, b, v, approx in shares(text, sentence.start, sentence.end)
        ]
        spots.extend(ratios)
        for match in FIGURE.finditer(text, sentence.start, sentence.end):
            if match.start() == second or any(r.start < match.end() and match.start() < r.end for r in ratios):
                continue
            if _is_excluded(text, match.start(), match.end(), match):
                continue
            if _short_year(text, match.start(), match.end(), sentence.end):
                continue
            if _in_markup(text, match.start(), sentence.start):
                continue  # '<tweet timestamp="1449075600">': a tag's attribute left in the text, no figure
            fraction = match.group("fraction") is not None and match.group("of_scale") is None
            gap = between_range(text, match)
            if gap is not None:
                second, end, low, high = gap
                approx = match.group("approx") or ""
                spots.append(Spot(match.start(), end, low, high, approx, False, sentence, following))
                continue
            for start, end, low, high in parts(text, match):
                approx = (match.group("approx") or "") if start == match.start() else ""
                spots.append(Spot(start, end, low, high, approx, fraction, sentence, following))
        if ratios:
            spots[first:] = sorted(spots[first:], key=lambda spot: spot.start)
    return spots


def read_figures(text: str, sentences: list[Sentence], spots: Iterable[Spot]) -> list[Figure]:
    """The full reading of spotted figures; the article's attributions are built only if one is read."""
    figures: list[Figure] = []
    claims: Attributions | None = None
    converting = False  # the last figure converts the one before ("68m euros ($89m; £47m)")
    for start, end, low, high, approx, fraction, sentence, following in spots:
        quantity = text[start:end]
        unit, _ = _unit(text, end, quantity)
        if unit is None and not fraction:
            # "raising the retirement age for workers from 60 to 65": an age, in years
            aged = _AGE_CONTEXT.search(text, max(sentence.start, start - 60), start)
            unit = "years" if aged else _unit_before(text, start, sentence.start)
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
        status = _status(approx, source, official, cued, sentence.text, following)
        last = figures[-1] if figures and figures[-1].sentence is sentence else None
        gap = text[last.end : start] if last is not None else ""
        converting = last is not None and (
            last.start < start < last.end or _CONVERSION.fullmatch(gap) is not None or (converting and gap == "; ")
        )
        describes = describe(text, start, end, sentence, unit)  # empty, not the unit again, when nothing is named
        if last is not None and converting:
            # a conversion in brackets says what the figure says, of the same thing (but not in its unit's
            # word: "1tn won ($960m)" describes no "won")
            source, status = last.source, last.status
            describes = describes if last.describes.lower() in (last.unit or "").lower() else last.describes
        figures.append(
            Figure(
                start=start,
                end=end,
                quantity=quantity,
                low=low,
                high=high,
                unit=unit,
                describes=describes,
                source=source,
                status=status,
                sentence=sentence,
            )
        )
    return figures


def find_figures(text: str, sentences: list[Sentence]) -> list[Figure]:
    """Return every figure in the sentences, in text order."""
    return read_figures(text, sentences, spot_figures(text, sentences))
