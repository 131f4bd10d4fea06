"""What a figure is about, as a short noun phrase taken from the words around it.

"sent 5,000 additional troops near the border on Monday" -> "additional troops near
the border": the words after the figure up to a verb or the end of the clause; when
nothing follows ("forces numbering around 48,000"), the noun phrase before it.
"""

from __future__ import annotations

import re

from .figure_words import CURRENCY_WORDS
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
    """about of the a an in on at near along across from into inside outside around over under within per for to
    by between among their its his her our your this these those and or with""".split()
)
_STOP = frozenset(
    """is are was were be been being has have had will would could should may might can must do does did
    that which who whom whose when where while as because if than but and or so yet not also said says
    told according after before since until during""".split()
)
_WHEN = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today tonight last next week month
    year january february march april may june july august september october november december""".split()
)
_AUX = frozenset("is are was were be been being has have had will would".split())
_ADVERBS = frozenset("now still already also reportedly currently".split())
_PARTICIPLES = frozenset("sent put held kept seen based set built".split())
_PLACES = frozenset("near at on along in to into across inside outside around within from by".split())
_VERB_BEFORE = re.compile(r"(?:ing|ed)$")
# verbs and comparatives that end a phrase before its figure: "the toll rose (to 40)", "the figure closer (to 9,000)"
_TAIL_BEFORE = frozenset("rose fell stood hit grew sank put topped closer close nearer near up down back".split())
_DETERMINERS = frozenset("the a an its their his her this that these those".split())
_MAX_WORDS = 8
_UNIT_WORDS = CURRENCY_WORDS | {"per cent", "percent", "pc"}
# "... rose 10%", "... has fallen by 5%", "..., up 30.5%": a change verb right before the figure
_CHANGE_BEFORE = re.compile(
    r"[\s,]+(?:(?:has|have|had|is|are|was|were|will|would|could|may)\s+(?:be\s+)?)?(?:slow|slowed|ease|eased|rise|fall|"
    r"rose|risen|rises|fell|fallen|falls|grew|grown|grows|jumped|jumps|climbed|"
    r"dropped|drops|slipped|slumped|soared|increased|decreased|declined|up|down|stood|stands|reached|totalled|"
    r"totaled|hit|is|are|was|were)(?:\s+(?:by|to|at|from))?(?:\s+(?:about|around|almost|nearly|some|more\s+than|"
    r"less\s+than|over|under))?\s*$",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"\s[-\u2013\u2014]\s[^-\u2013\u2014]*\s[-\u2013\u2014]|\([^()]*\)")


def _trim(words: list[str]) -> list[str]:
    while words and words[-1].lower() in _DANGLING:
        words.pop()
    while words and words[0].lower() in _DANGLING - {"the", "a", "an", "their", "its", "his", "her"}:
        words.pop(0)
    return words


def _place_after(words: list[str]) -> list[str]:
    """'are now positioned near the border' -> 'near the border': a place phrase after a passive verb."""
    k = 0
    if k < len(words) and words[k].lower() in _AUX:
        k += 1
        while k < len(words) and words[k].lower() in _AUX:
            k += 1
    if k < len(words) and (words[k].endswith("ly") or words[k].lower() in _ADVERBS):
        k += 1
    if not (k < len(words) and (words[k].lower().endswith("ed") or words[k].lower() in _PARTICIPLES)):
        return []
    k += 1
    if not (k < len(words) and words[k].lower() in _PLACES):
        return []
    place = [words[k]]
    for word in words[k + 1 : k + 6]:
        if not word[0].isalpha() or word.lower() in _STOP:
            break
        place.append(word)
    while place and place[-1].lower() in _DANGLING:
        place.pop()
    return place if len(place) > 1 else []


def describe(text: str, start: int, end: int, sentence: Sentence, unit: str | None = None) -> str:
    """A readable noun phrase for what the figure at text[start:end] counts or measures."""
    words = [m.group() for m in _WORD.finditer(text, end, sentence.end)]
    while words and words[0] in ("-", "\u2014", "\u2013"):
        words.pop(0)
    if words and words[0] == "(" and ")" in words[:12]:
        words = words[words.index(")") + 1 :]  # "$20bn (£11bn) in damages": past the conversion
    if (
        unit in CURRENCY_WORDS
        and len(words) > 1
        and words[0].lower() in ("in", "of")
        and words[1][:1].islower()
        and words[1].lower() not in _DANGLING
    ):
        words = words[1:]  # "$20bn in damages", "£5m of funding": what the money is
    after: list[str] = []
    for word in words:
        low = word.lower()
        if not word[0].isalpha() or low in _STOP or low in _WHEN or len(after) >= _MAX_WORDS:
            break
        if after and low.endswith("ed") and after[-1].lower() not in _INSIDE and word[:1].islower():
            break  # "troops gathered in ...": the verb ends the phrase
        after.append(word)
    n = len(after)
    if after and after[0].lower() == "of" and len(after) > 1:
        after = after[1:]
    after = _trim(after)
    place = _place_after(words[n:]) if len(after) <= 3 else []
    if not after and place and unit:
        after = [unit]
    if len(after) == 1 and after[0].islower() and after[0].endswith(("ly", "ed")):
        after = []  # "$6.3bn (£3.4bn) currently", "(£75m), compared": an adverb or a verb, nothing counted
    if after and " ".join(after).lower() in _UNIT_WORDS:
        subject = _changed_subject(text[sentence.start : start])  # "its exposure is less than 100m euros"
        after = subject or after
    if after:
        return " ".join([*after, *place])
    before = re.findall(r"[\w'\u2019-]+|[^\w\s]", text[sentence.start : start])
    phrase: list[str] = []
    for word in reversed(before):
        low = word.lower()
        if not word[0].isalpha() or low in _STOP or len(phrase) >= 5:
            break
        phrase.insert(0, word)
    while phrase and (_VERB_BEFORE.search(phrase[-1].lower()) or phrase[-1].lower() in _DANGLING | _TAIL_BEFORE):
        phrase.pop()
    starts = [k for k, word in enumerate(phrase) if word.lower() in _DETERMINERS]
    if starts:
        phrase = phrase[starts[-1] :]  # "analysts put the figure": the noun phrase, not its subject and verb
    phrase = _trim(phrase)
    if not phrase or (len(phrase) == 1 and phrase[0].islower() and unit in _UNIT_WORDS):
        # "growth will slow to 1.6%": the phrase that changed, not the verb before the figure
        phrase = _changed_subject(text[sentence.start : start]) or phrase
    return " ".join([*phrase, *place]).strip()


def _changed_subject(before: str) -> list[str]:
    """'Revenues - in US dollars - rose (10%)', 'the deficit with China, up (30.5%)': the noun phrase that changed."""
    found = _CHANGE_BEFORE.search(before)
    if found is None:
        return []
    head = _ASIDE.sub("", before[: found.start()]).rstrip(" ,")
    head = re.split(r"[,;:]\s", head)[-1]  # "By 1200 GMT on Monday, EMI shares": the clause's own subject
    words = re.findall(r"[\w'\u2019&-]+", head)[-6:]
    clause = max((k + 1 for k, word in enumerate(words) if word.lower() in _STOP), default=0)
    words = words[clause:]  # "... while revenues": from the clause's start
    if not words or not re.sub(r"['\u2019&-]", "", words[-1]).isalpha():
        return []  # "was $3.5bn - up": a figure, not a noun phrase, before the change
    start = len(words)
    while start > 0 and re.sub(r"['\u2019&-]", "", words[start - 1]).isalpha():
        start -= 1  # back over words, not figures: "By 1200 GMT on Monday, EMI shares"
    words = words[start:]
    while words and words[0].lower() in _WHEN | {"on", "in", "at", "by"}:
        words = words[1:]  # "on Monday, EMI shares": the time is not what changed
    determiners = [k for k, word in enumerate(words) if word.lower() in _DETERMINERS]
    names = [k for k, word in enumerate(words) if word[:1].isupper()]
    if determiners or names:  # "In Singapore the figure is": from the determiner
        return _trim(words[(determiners or names)[0] :])
    return _trim(words) if 0 < len(words) <= 3 and clause > 0 else []
