"""Where a cue's content stops short of a figure: the outlet's own asides, framing phrases, and acts.

A reporting cue covers the clause it reports, not everything around it. These
tests name figures that sit next to a cue without being its claim: a clause the
outlet sets off by dashes inside what someone said ("X said calls began - there
are two per ward - but ..."), a scene-setting phrase that opens the sentence
before a tag ("Emerging from two hours of talks, the envoy looked tired, X
said"), a time frame set off by a comma (", two days after the vote"), a change
the outlet works out after a poll's figure (", up eight points from March"), a
count of the speaker's own act ('X said "tax" five times'), a clause after a
semicolon, and verbs of acts ("was speaking to 100 pupils", "responded by ...").
General knowledge of English clause structure; no sentence of any corpus.
"""

from __future__ import annotations

import re

from .attribution_patterns import POSSESSIVE_DETERMINERS
from .phrases import DETERMINERS

__all__ = [
    "act_not_claim",
    "change_trailer",
    "clause_break",
    "counts_the_act",
    "in_dash_aside",
    "in_opening_phrase",
    "time_frame",
]

# a dash that opens or closes an aside: spaced hyphens, en or em dashes, or a double hyphen
_DASH = re.compile(r"\s(?:-|--|\u2013|\u2014)\s|\s?(?:--|\u2014)\s?")
# "five times", "more than 5,000 times", "those last three words": how often something was done or how much was
# said, not a comparison ("three times as many")
_TIMES_AFTER = re.compile(
    r"(?:(?:more|fewer|less)\s+than\s+|about\s+|nearly\s+|almost\s+|at\s+least\s+|some\s+|over\s+)?"
    r"[\w,.-]+(?:\s+(?:last|first|more|other))?\s+(?:times|words)\b(?!\s+(?:as|more|less|fewer|larger|bigger|higher|greater|smaller|lower|faster|"
    r"the|that|what|over|its|their|his|her)\b)"
)
# what may stand between a verb and the count of its own repetition: an object, a quoted word, an adverb
_OBJECT_WORD = re.compile(r"[A-Za-z][\w.'\u2019-]*|[\"\u201c\u201d']")
_CLAUSE_WORDS = frozenset(
    """that which who whom whose if whether because since when while he she they it we i you there
    is are was were be been has have had will would could should may might must can do does did""".split()
)
_NOT_ASIDE = frozenset(
    """who which whose where whom that including excluding according during nothing something anything
    everything morning evening spring""".split()
)
_LINKS = frozenset("of to for about from".split())
_FINITE = frozenset("is are was were has have had will would".split())
_PARTICIPLE = (
    r"(?:[A-Z][a-z]+(?:ing|ed)|Bound|Born|Built|Caught|Driven|Given|Held|Known|Made|Seen|Shaken|Struck|Sworn|"
    r"Taken|Torn|Written)"
)
_PARTICIPLE_NEXT = (
    r"(?:(?:together|alone|apart|away|back|up|down|out|off)\s+)?"
    r"(?:(?:from|by|to|in|on|at|with|after|before|into|over|through|under|the|a|an|his|her|its|their|nearly|"
    r"about|more|some|almost)\b|\d)"
)
# participles that act as prepositions and open what the source says: "Based on 2004 figures, ...", "Given ..."
_PREPOSITIONAL = (
    r"(?:Based|Including|Excluding|According|Given|Following|Compared|Considering|Assuming|Barring|Counting|"
    r"Regarding|Concerning|Judging|Adjusted)\b"
)
_TAG_SET_OFF = re.compile(r",(?!\d)|[\u201d\"]|''")
# a participle or an absolute phrase that opens the sentence: "Emerging from ...", "Bound together by ...",
# "Boasting 108,000 ...", "With five days left ...", or a time phrase that ends in "later", "earlier" or "ago"
_OPENING = re.compile(
    rf"(?P<participle>(?!{_PREPOSITIONAL}){_PARTICIPLE}\s+{_PARTICIPLE_NEXT})"
    r"|With\s+(?:just\s+|only\s+)?\S+\s+(?:days|weeks|months|hours|minutes|years)\b"  # "With five days left, ..."
    r"|[^,]{0,60}\b(?:later|earlier|ago)(?=,)"  # "Less than 30 minutes later, ..."
)
_OPENING_END = re.compile(r",(?!\d)")


# "two days after the vote", "25 years after independence", "four months apart": when, not what was claimed
_TIME_FRAME = re.compile(
    r"(?:(?:more|less|fewer)\s+than\s+|about\s+|nearly\s+|almost\s+|just\s+|only\s+)?[\w,.-]+\s+"
    r"(?:days|weeks|months|years|hours|minutes|decades)\s+(?:after|before|later|earlier|ago|apart)\b"
)


def time_frame(text: str, position: int) -> bool:
    """True for a count of time set off by a comma that dates an event (", two days after the vote").

    The phrase says when; the outlet adds it ("X won, the AP declared, two days after the vote"). A deadline
    ("no later than six months before the vote") or a phrase inside a clause ("died four days before") is not set off.
    """
    return _TIME_FRAME.match(text, position) is not None and text[max(0, position - 2) : position] == ", "


# ", up four points from a survey", ", a 52-point swing", ", a four-point dip from March": a change the outlet works out
_CHANGE_LEAD = re.compile(r",\s+(?:(?P<direction>up|down)|an?)\s+$")
_POINT_CHANGE = re.compile(
    r"[\w.-]+[- ](?:point|percentage-point)\s+"
    r"(?:swing|dip|drop|fall|rise|gain|jump|increase|decrease|decline|improvement|shift)\b"
)


def change_trailer(text: str, start: int, position: int) -> bool:
    """True for a change set after a poll's result: ", up four points from March", ", a 52-point swing"."""
    lead = _CHANGE_LEAD.search(text, start, position)
    if lead is None or text.startswith("from", position):
        return False  # ", down from 26 in September": the earlier value, reported as the result was
    return lead.group("direction") is not None or _POINT_CHANGE.match(text, position) is not None


_ENTITY = re.compile(r"&#?\w+$")


def clause_break(text: str, start: int, end: int) -> bool:
    """True when a semicolon ends a clause between two points: not one inside brackets ("($9bn; \u00a34.8bn)")."""
    depth = 0
    for at in range(start, end):
        char = text[at]
        depth += (char in "([") - (char in ")]")
        # not an HTML entity left in the text: "caf&#233; to"
        if (
            char == ";"
            and depth <= 0
            and text[at + 1 : at + 2].isspace()
            and not _ENTITY.search(text, max(0, at - 10), at)
        ):
            return True
    return False


def in_dash_aside(text: str, start: int, position: int, end: int) -> bool:
    """True when a position lies between two dashes set after ``start``: the outlet's aside inside what was said."""
    opened = [m for m in _DASH.finditer(text, start, position)]
    if len(opened) % 2 == 0:
        return False  # no dash before it, or a pair already closed
    closing = _DASH.search(text, position, end)
    if closing is None:
        return False  # "... loved ones - two sisters and a brother": an open dash goes on with what was said
    aside = text[opened[-1].end() : closing.start()]
    words = [w.lower() for w in _OBJECT_WORD.findall(aside)]
    # a clause of its own ("- there are two from each district -") or a participle ("- rebuking Kell eight
    # times -"); a phrase that details the noun before it ("- around 166,000 in April -") is still what was said
    if not words or words[0] in _NOT_ASIDE:
        return False  # "- who was 13 at the time -", "- including two of his aides -": they describe the noun before
    return words[0].endswith("ing") or any(w in _FINITE for w in words)


def counts_the_act(text: str, cue_end: int, position: int) -> bool:
    """True for a count of the cue's own act: 'X said "tax" five times', 'X has posted more than 5,000 times'."""
    if _TIMES_AFTER.match(text, position) is None:
        return False
    between = text[cue_end:position]
    if any(c in between for c in ",;:()"):
        return False
    words = _OBJECT_WORD.findall(between)
    # another verb or a preposition between them counts something else: "accuse X of raising taxes 66 times"
    verb = any((w.islower() and w.endswith(("ing", "ed"))) or w in _LINKS for w in words)
    return len(words) <= 6 and not verb and not any(w.lower() in _CLAUSE_WORDS for w in words)


def in_opening_phrase(text: str, sentence_start: int, position: int, cue_start: int) -> bool:
    """True when a position lies in a scene-setting phrase that opens the sentence, before a cue after it."""
    opening = _OPENING.match(text, sentence_start)
    if opening is None:
        return False
    comma = _OPENING_END.search(text, sentence_start, cue_start)
    if comma is None or position >= comma.start():
        return False
    if opening.group("participle") is None:
        return True  # "Less than 30 minutes later, ...", "With five days left, ...": a time, then the clause
    # the main clause stands between the phrase and the tag, set off from the tag ('Emerging from the talks, the
    # envoy "looked tired," X said'); one comma only closes a clause with a gerund subject ("Doubling the fund
    # could save 400 lives, X said") or the phrase of "Based on 2004 figures ...", which are the source's
    return _TAG_SET_OFF.search(text, comma.end(), cue_start) is not None


_PLACES_AND_HEARERS = frozenset(["to", "with", "at", "in", "on", "before"])


def act_not_claim(word: str, following: list[str]) -> bool:
    """True for a cue word used of an act, with the (lower-case) words after it: no claim follows.

    "was speaking to 100 pupils" says where and to whom; "boasts a 45-point lead" is to have;
    "responded by easing sanctions" is an act. "talking about 40 jobs" and "boasted that" still report.
    """
    nxt = following[0] if following else ""
    if word in ("speaking", "talking"):
        return nxt in _PLACES_AND_HEARERS
    if word.startswith("boast"):
        return nxt in DETERMINERS or nxt in POSSESSIVE_DETERMINERS or nxt[:1].isdigit()
    return word in ("responded", "responds", "reacted", "reacts") and "by" in following
