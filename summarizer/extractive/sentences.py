"""Split article text into sentences with character offsets, and into words.

Lines are paragraphs (saved pages put one per line); within a line nupunkt's
Punkt model finds the boundaries, which keeps abbreviations ("U.S.", "Mr.",
"Jan. 5"), decimals and quoted speech intact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .gazetteer import STATES

__all__ = ["CALENDAR_WORDS", "STOPWORDS", "WEB_ENDINGS", "Sentence", "content_words", "split_sentences"]

CALENDAR_WORDS = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday""".split()
)

_LEAD = re.compile(r"^[\s\u2022\u00b7*\-\u2013\u2014>#]+")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'\u2019-]*|\d[\d,.]*")
_TERMINAL = (".", "!", "?", '"', "'", "\u201d", "\u2019", ")", ":")

STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "said",
        "says",
        "say",
        "told",
        "mr",
        "mrs",
        "ms",
        "would",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "one",
        "two",
        "new",
        "also",
        "last",
        "year",
        "years",
    ]
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its text and where it sits in the article."""

    start: int
    end: int
    text: str
    line: int
    index: int
    # True for a full sentence, not a heading, menu entry or caption; set once, asked for many times.
    is_prose: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        prose = len(self.text.split()) >= 6 and self.text.rstrip().endswith(_TERMINAL)
        object.__setattr__(self, "is_prose", prose)


def _spans(line: str) -> list[tuple[int, int]]:
    import nupunkt

    spans: list[tuple[int, int]] = []
    for start, end in nupunkt.sent_spans(line):
        if spans and line[start:end].lstrip()[:1] in _NO_SENTENCE_STARTS:
            spans[-1] = (spans[-1][0], end)  # "Rep. Dana Kell (D-Md.), chair of ...": split after an abbreviation
            continue
        for stop in _word_stops(line, start, end):
            spans.append((start, stop))
            start = stop
        spans.append((start, end))
    return spans


# nupunkt's model lists thousands of plain words as abbreviations ("rota", "bank", "month", "found", "tax",
# "win"): a full stop after a lower-case word, before a capitalised word, ends a sentence unless the word is
# a real lower-case abbreviation ("approx.", "vs.", "no.")
_WORD_STOP = re.compile(r"(?<![\w.])([a-z]{2,})\.([\"\u201d\u2019']?)(?=\s+[\"\u201c]?[A-Z][a-z])")
_ABBREVIATIONS = frozenset(
    """approx assoc tbsp conj prep dept govt corp bldg univ vols chap trans ibid resp incl excl misc abbr pron
    sept intl natl mgmt admin secs mins hrs yrs mths est vs etc min sec hr ft in lb lbs oz kg km mi gal pt qt
    ca no nos fig figs adj adv cf op ed eds vol pp ch mt st jr sr yr mo wk sq tel ext viz al seq""".split()
)


# The endings of web addresses that no sentence opens with: "Vellmart.Com", "Vellnews.co.uk".
WEB_ENDINGS = ("com", "net", "org", "gov", "edu", "info", "biz", "co", "uk", "tv")

# "... the tsunami.Steve will be ...", "... Tsikhanouskaya.Lukashenko's ...": a space lost between two sentences
# (not "One.Tel", "Halo.Bungie.Org": a name or an address)
_GLUED_STOP = re.compile(
    r"(?<=[a-z]{4})\.(?=[A-Z][a-z]+['\u2019]s\b|(?!(?:"
    + "|".join(ending.capitalize() for ending in WEB_ENDINGS)
    + r")\b)[A-Z][a-z]+\b(?![.\w]))"
    r"|(?<=[\w%)\"\u201d\u2019])\.(?=(?:The|A|An|He|She|It|They|We|But|And|In|On|This|That|These|Those|His|Her|"
    r"Their|Its|Officials|Police)\s)"
)


def _in_address(line: str, dot: int) -> bool:
    """True when the word before a full stop follows another full stop ("Halo.Bungie.Org")."""
    word = dot
    while word > 0 and line[word - 1].isalpha():
        word -= 1
    return word > 0 and line[word - 1] == "."


def _capitalised_brand(line: str, dot: int) -> bool:
    """'Vellnet.Orlen', 'System.Drawing': a capitalised word glued to another is a name, unless a possessive or
    a sentence's usual first word follows ("Tsikhanouskaya.Lukashenko's", "UN.The"); 'approx.Forty' is no stop."""
    word = dot
    while word > 0 and line[word - 1].isalpha():
        word -= 1
    if line[word:dot].lower() in _ABBREVIATIONS:
        return True  # "approx.Forty": an abbreviation's dot
    if not line[word : word + 1].isupper() or dot - word < 2:
        return False
    return _SENTENCE_START.match(line, dot + 1) is None and _POSSESSIVE_NEXT.match(line, dot + 1) is None


_SENTENCE_START = re.compile(
    r"(?:The|A|An|He|She|It|They|We|But|And|In|On|This|That|These|Those|His|Her|Their|Its|Officials|Police)\s"
)
_POSSESSIVE_NEXT = re.compile(r"[A-Z][a-z]+['\u2019]s\b")


# a saved page may run a link's headline into the next paragraph with no stop and no space:
# "... Kyiv assault—militaryThe escalation came", "... Putin arrives in BelarusMoscow launched"
# (not "LinkedIn and", "#ImWithHer": a name or a hashtag)
_GLUED_OPENING = re.compile(
    r"(?<![#\w])([A-Za-z]*[a-z]{3})"
    r"(?=(?:The|A|An|This|These|Those|His|Her|Their|Its)\s+[a-z]|(In|On)\s+(?:the|a|an|his|her|their|its)\s)"
)
# names that end in "In" or "On": "posted on LinkedIn the news", "its CheckIn a day later", "an AddOn the firm sold"
_NAMES_BEFORE_IN_ON = frozenset("linked check plug log sign add built opt walk drive head hands bolt carry".split())
_GLUED_PLACES = re.compile(r"(?<![#\w])([A-Z]?[a-z]+)(?=([A-Z][a-z]+)\b)")


def _glued_stops(line: str, start: int, end: int) -> list[int]:
    """Where a run-in headline ends inside a word: 'militaryThe', 'capitalRussian', 'BelarusMoscow' (a state next).

    Not after a one-letter prefix: 'eEstonia', 'iIreland' are names.
    """
    stops = [
        m.end()
        for m in _GLUED_OPENING.finditer(line, start, end)
        if not (m.group(2) and m.group(1).lower() in _NAMES_BEFORE_IN_ON)
    ]
    stops += [
        m.end()
        for m in _GLUED_PLACES.finditer(line, start, end)
        if m.group(2) in STATES and (m.group(1) in STATES or (m.group(1).islower() and len(m.group(1)) > 1))
    ]
    return stops


def _word_stops(line: str, start: int, end: int) -> list[int]:
    stops = [m.end() for m in _WORD_STOP.finditer(line, start, end) if m.group(1) not in _ABBREVIATIONS]
    if _GLUE_HINT.search(line, start, end):
        stops = sorted(stops + _glued_stops(line, start, end))
    if "." in line[start:end]:
        glued = [
            m.end()
            for m in _GLUED_STOP.finditer(line, start, end)
            if not _in_address(line, m.start()) and not _capitalised_brand(line, m.start())
        ]
        stops = sorted(stops + glued)
    return stops


_NO_SENTENCE_STARTS = frozenset(")],;:")
_GLUE_HINT = re.compile(r"[a-z][A-Z]")  # cheap test: a lower-case letter right before a capital


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of a text with their offsets into it."""
    sentences: list[Sentence] = []
    offset = 0
    line_no = 0
    for line in text.split("\n"):
        if line.strip():
            for start, end in _spans(line) if ("." in line or "?" in line or "!" in line) else [(0, len(line))]:
                piece = line[start:end]
                lead = _LEAD.match(piece)
                skip = lead.end() if lead else 0
                stripped = piece[skip:].rstrip()
                if stripped:
                    begin = offset + start + skip
                    sentences.append(Sentence(begin, begin + len(stripped), stripped, line_no, len(sentences)))
            line_no += 1
        offset += len(line) + 1
    return sentences


def content_words(text: str) -> list[str]:
    """Lower-cased words of a text without stopwords and numbers, lightly stemmed."""
    return [word for token in _WORD.findall(text) if (word := _content_word(token))]


@lru_cache(maxsize=1 << 16)
def _content_word(token: str) -> str:
    """One token as a content word, or "" for a stopword, a number or a short word (the same words recur)."""
    word = token.lower().strip("'\u2019-")
    if word in STOPWORDS or not word or word[0].isdigit() or len(word) < 3:
        return ""
    if word.endswith("'s") or word.endswith("\u2019s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word
