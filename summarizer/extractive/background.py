"""Background, not the article's present: history named without a year, remembrance, and clauses recalling events.

A line of history needs no year when it names a past era or atrocity ("were killed at
Auschwitz", "the victims of the Holocaust"); remembrance, anniversaries and memorials
recall events, they do not report them. Inside a sentence, a relative clause on a known
event ("the bombs which killed seven people") or a clause opened by "after" or "since"
("... after rebels shelled the town") gives the background of the sentence's own news, unless
it dates that event today; so do troops already in place ("troops deployed in X should ...").
"""

from __future__ import annotations

import re

__all__ = [
    "PRESENT",
    "in_background_clause",
    "is_history",
    "retold",
    "standing_presence",
]

# Past eras, regimes and atrocities, named: a sentence that names them speaks of history.
_ERA = re.compile(
    r"\b(?:Holocaust|Shoah|(?<!neo-)(?<!neo)Nazis?|Nazi-era|Third\s+Reich|Hitler|Stalin|Stalinist|"
    r"concentration\s+camps?|death\s+camps?|extermination\s+camps?|gas\s+chambers|Auschwitz|Birkenau|"
    r"Belsen|Bergen-Belsen|Dachau|Treblinka|Buchenwald|Sobibor|Kristallnacht|the\s+Blitz|Hiroshima|"
    r"Nagasaki|Pearl\s+Harbou?r|D-Day|Dunkirk|the\s+Somme|Passchendaele|Gallipoli|Great\s+War|"
    r"Crusades?|Inquisition|Middle\s+Ages|Napoleon(?:ic)?|Victorian\s+era|colonial\s+era|Soviet\s+era|"
    r"Cultural\s+Revolution|Khmer\s+Rouge\s+era|slave\s+trade|Tiananmen\s+Square\s+massacre)\b"
)

# Remembrance of past events: the sentence recalls, it does not report.
_COMMEMORATION = re.compile(
    r"\b(?:anniversar(?:y|ies)|commemorat\w+|remembrance|memorial\s+(?:day|service|ceremony|events?)|"
    r"Memorial\s+Day|in\s+memory\s+of|pay(?:ing|s)?\s+(?:their\s+)?(?:respects|tribute)|paid\s+"
    r"(?:their\s+)?(?:respects|tribute)|wreaths?|minute'?s\s+silence|"
    # survivors and victims of an atrocity, not "survivors of the blast" in today's news
    r"(?:victims|survivors)\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:Holocaust|genocides?|massacres?|famines?|camps?))\b",
    re.IGNORECASE,
)

# Words that put a sentence in the article's own present, whatever else it recalls.
PRESENT = re.compile(
    r"\b(?:today|tonight|yesterday|overnight|this\s+(?:morning|afternoon|evening|week|weekend)|"
    r"last\s+night|now|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    re.IGNORECASE,
)

# Who gathers today in a story told for an anniversary: what is done to them is the news, not what is
# remembered ("troops opened fire on the marchers" after "thousands marched to mark the anniversary").
_GATHERING = re.compile(
    r"\b(?:marchers|protesters|protestors|demonstrators|mourners|crowds?|rall(?:y|ies)|vigils?|processions?|"
    r"ceremon(?:y|ies)|commemorations?|gatherings?)\b",
    re.IGNORECASE,
)


def retold(text: str) -> bool:
    """True when a sentence of a story told for an anniversary retells the past: not dated today, not its gathering."""
    return PRESENT.search(text) is None and _GATHERING.search(text) is None


# A relative clause on a definite noun, running up to the trigger: "the IRA bombs which killed", "the
# attack, which wounded"; and a clause of time before it: "after rebels shelled", "since troops entered".
_RECALLED = re.compile(
    r"\b(?:the|those|these|that|its|their|his|her)\s+(?:[\w'\u2019-]+\s+){0,4}?[\w'\u2019-]+,?\s+"
    r"(?:which|that|who|in\s+which|during\s+which|when)\s+(?:[\w'\u2019-]+\s+){0,6}$",
    re.IGNORECASE,
)
_TIME_CLAUSE = re.compile(
    r"\b(?:after|since|following|in\s+the\s+wake\s+of)\s+(?:[\w'\u2019-]+\s+){0,12}$",
    re.IGNORECASE,
)
# What ends the clause a trigger stands in, looking back from it.
_CLAUSE_END = re.compile(r"[;:()\u2014\u2013]|\s-\s|\b(?:but|and\s+then|while|whereas)\b")


def is_history(text: str) -> bool:
    """True when a sentence names a past era or atrocity, or remembers one, and says nothing of today."""
    return (_ERA.search(text) is not None or _COMMEMORATION.search(text) is not None) and PRESENT.search(text) is None


def in_background_clause(text: str, start: int) -> bool:
    """True when the trigger at ``start`` stands in a clause that recalls an earlier event, not in the main one."""
    window = text[max(0, start - 140) : start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(window)), default=0)
    before = window[cut:]
    recalled = _RECALLED.search(before) is not None or _TIME_CLAUSE.search(before) is not None
    # "the attack, which killed 12 soldiers on Monday": a clause that dates its event today reports it
    return recalled and PRESENT.search(_CLAUSE_REST.split(text[start : start + 140], maxsplit=1)[0]) is None


# What ends the clause a trigger stands in, looking on from it.
_CLAUSE_REST = re.compile(r"[,;:.()\u2014\u2013]|\s-\s")


# "British troops deployed in Kestria should come home": a participle after its noun, then the clause's own
# verb. The troops are there already; the sentence is about something else.
_FORCE_BEFORE = re.compile(
    r"\b(?:troops|soldiers|forces|marines|units|battalions|brigades|peacekeepers|warships)\s+$", re.IGNORECASE
)
_PLACE_AFTER = re.compile(r"\s+(?:in|to|at|on|across|along|near|inside|there)\b", re.IGNORECASE)
_FINITE_AFTER = re.compile(
    r"\b(?:is|are|was|were|will|would|should|could|must|can|may|might|have|has|had|need|needs|face|faces)\b",
    re.IGNORECASE,
)


def standing_presence(text: str, start: int, end: int) -> bool:
    """True when a deployment word is a participle after its noun ("troops deployed in X should ..."), not a verb."""
    return (
        text[start:end].lower().endswith("ed")
        and _FORCE_BEFORE.search(text, max(0, start - 30), start) is not None
        and _PLACE_AFTER.match(text, end) is not None
        and _FINITE_AFTER.search(text, end) is not None
    )
