"""What a figure is about, as a short noun phrase taken from the words around it.

"sent 5,000 additional troops near the border on Monday" -> "additional troops near
the border": the words after the figure up to a verb or the end of the clause; when
nothing follows ("forces numbering around 48,000"), the noun phrase before it.
"""

from __future__ import annotations

import re

from .sentences import Sentence

__all__ = ["describe"]

_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w'\u2019-]*|\d+(?:[,.]\d+)*%?|[^\w\s]")
# words that may sit inside the noun phrase after a figure
_INSIDE = frozenset(
    """of the a an in on at near along across from into inside outside around over under within
    per for to by between among their its his her our your this that these those each every new more""".split()
)
# prepositions and determiners that cannot end a phrase
_DANGLING = frozenset(
    """of the a an in on at near along across from into inside outside around over under within per for to
    by between among their its his her our your this these those and or with""".split()
)
_STOP = frozenset(
    """is are was were be been being has have had will would could should may might can must do does did
    that which who whom whose when where while as because if than but and or so yet not also said says
    told according after before since until during""".split()
)
_VERB_BEFORE = re.compile(r"(?:ing|ed)$")
_MAX_WORDS = 8


def _trim(words: list[str]) -> list[str]:
    while words and words[-1].lower() in _DANGLING:
        words.pop()
    while words and words[0].lower() in _DANGLING - {"the", "a", "an", "their", "its", "his", "her"}:
        words.pop(0)
    return words


def describe(text: str, start: int, end: int, sentence: Sentence) -> str:
    """A readable noun phrase for what the figure at text[start:end] counts or measures."""
    after: list[str] = []
    for match in _WORD.finditer(text, end, sentence.end):
        word = match.group()
        low = word.lower()
        if not word[0].isalpha() or low in _STOP or len(after) >= _MAX_WORDS:
            break
        if after and low.endswith("ed") and after[-1].lower() not in _INSIDE and word[:1].islower():
            break  # "troops gathered in ...": the verb ends the phrase
        after.append(word)
    if after and after[0].lower() == "of" and len(after) > 1:
        after = after[1:]
    after = _trim(after)
    if after:
        return " ".join(after)
    before = re.findall(r"[\w'\u2019-]+|[^\w\s]", text[sentence.start : start])
    phrase: list[str] = []
    for word in reversed(before):
        low = word.lower()
        if not word[0].isalpha() or low in _STOP or len(phrase) >= 5:
            break
        phrase.insert(0, word)
    while phrase and (_VERB_BEFORE.search(phrase[-1].lower()) or phrase[-1].lower() in _DANGLING):
        phrase.pop()
    phrase = _trim(phrase)
    joined = " ".join([*phrase, *after]).strip()
    return joined or " ".join(after)
