"""The verbs and patterns of a change or a level that ``describe`` reads a figure's subject from.

"net profits were up (42% to) ...", "Halvik saw (its profits) fall", "cut (its forecast) to", "estimated
(the loss) at", "a 29% drop in (the number of drivers)": the words before a figure that say what it measures.
"""

from __future__ import annotations

import re

from .figure_words import CURRENCY_WORDS

__all__ = [
    "AMOUNT_WORDS",
    "CHANGED_OBJECT",
    "CHANGE_LAST",
    "CHANGE_NOUN",
    "CHANGE_NOUNS",
    "CHANGE_VERB",
    "OF_HOLDER",
    "PEEL",
    "SEEN",
    "VALUED_OBJECT",
]

# "is expected to", "was said to", "will", "has": what may stand before a verb of change
_EXPECTED = (
    r"(?:is|are|was|were|had\s+been|has\s+been|have\s+been)\s+(?:also\s+|now\s+|still\s+)?(?:forecast|expected|"
    r"projected|predicted|likely|set|due|estimated|thought|believed|said|reported|understood)\s+to\s+"
)
_MODAL = r"(?:(?:is|are|was|were)\s+to\s+|(?:has|have|had|is|are|was|were|will|would|could|may|might|should|to)\s+)"
_ADVERB = r"(?:also\s+|now\s+|still\s+|already\s+|more\s+than\s+|\w+ly\s+)?"
# verbs of change or level, in the forms that follow a modal ("will rise"), that stand alone ("rose"), and
# that are passive ("were cut"); CHANGE_VERB, SEEN and the cheap last-word test are built from them
_BARE_CHANGES = """slow ease rise fall grow jump climb drop slip slump soar increase decrease decline plunge surge
    tumble reach hit top shrink contract expand dip gain add shed slide advance retreat rally plummet dive rebound
    edge firm sink leap recover double triple halve widen narrow improve worsen peak exceed surpass""".split()
_AFTER_MODAL = [*_BARE_CHANGES, "total", "be", "up", "down", "rising", "falling", "growing", "come", "remain", "stay"]
_FINITE_CHANGES = """slowed eased rose risen rises fell fallen falls grew grown grows jumped jumps climbed climbs
    dropped drops slipped slips slumped soared increased decreased declined plunged surged tumbled stood stands reached
    reaches shrank shrunk shrinks contracted contracts expanded expands totalled totaled totals hits topped tops is are
    was were remains remained stays stayed came comes dipped dips gained gains added adds shed sheds slid slides
    advanced advances retreated retreats rallied rallies plummeted dived dove rebounded edged edges firmed sank leapt
    leaped recovered doubled tripled halved widened narrowed improved worsened peaked peaks exceeded exceeds surpassed
    surpasses lost loses""".split()
_MARKET_CLOSES = "closed ended finished opened".split()  # "closed up 64 pence"
_PASSIVE_CHANGES = """cut raised lowered reduced narrowed widened doubled halved trimmed slashed estimated valued
    put set priced pegged""".split()
# the verb of a change or a level, right before its figure once figures and "to"/"from" are peeled off:
# "profits (were up 42% to) ...", "sales rose (8% to) ...", "debt is expected to reach ...", "Profit was ..."
CHANGE_VERB = re.compile(
    rf"(?:^|\s)(?:(?:{_EXPECTED}|{_MODAL})(?:been\s+|be\s+)?{_ADVERB}(?:{'|'.join(_AFTER_MODAL)})"
    rf"|(?:(?:{_EXPECTED}|{_MODAL})(?:been\s+|be\s+)?)?{_ADVERB}"
    rf"(?:(?:{'|'.join(_FINITE_CHANGES)})(?:\s+(?:\w+ly|still|now|already|also))?|(?:{'|'.join(_MARKET_CLOSES)})(?:\s+(?:up|down|higher|lower))?)"
    rf"|(?:{_EXPECTED}|{_MODAL})?(?:is|are|was|were|be|been)\s+{_ADVERB}(?:{'|'.join(_PASSIVE_CHANGES)}))$",
    re.IGNORECASE,
)
# the last words CHANGE_VERB can end on: a cheap test before the pattern is tried
CHANGE_LAST = frozenset([*_AFTER_MODAL, *_FINITE_CHANGES, *_MARKET_CLOSES, "higher", "lower", *_PASSIVE_CHANGES])
# a change its subject witnessed: "Halvik saw (its profits) fall ...", "expects (sales) to reach ..."
SEEN = re.compile(
    r"\b(?:saw|see|sees|seen|expects|expected|expect)\s+((?:[\w'\u2019-]+\s+){0,4}[\w'\u2019-]+?)\s+(?:to\s+)?"
    rf"(?:{'|'.join(_BARE_CHANGES)}|be)$",
    re.IGNORECASE,
)
# what a subject changed by an amount: "has cut (prices in the regions) by", "increased (their spending) by"
CHANGED_OBJECT = re.compile(
    r"\b(?:cut|cuts|cutting|rais(?:e|es|ed|ing)|lower(?:s|ed|ing)?|reduc(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|"
    r"(?:boost|lift|slash|trim|hike|expand|extend|push)(?:s|es|ed|ing)?|trimmed|trimming|"
    r"take|takes|took|taking|bring|brings|brought|bringing|drive|drives|drove|driving)\s+"
    r"((?:[\w'\u2019&-]+\s+){0,7}[\w'\u2019&-]+)$",
    re.IGNORECASE,
)
# what a subject puts a value on: "estimated (the bank's loss) at", "valued (the stake) at"
VALUED_OBJECT = re.compile(
    r"\b(?:estimat(?:e|es|ed|ing)|put|puts|putting|valu(?:e|es|ed|ing)|pric(?:es|ed|ing)|set|sets|setting|"
    r"pegged|pegs|pegging)\s+"
    r"((?:[\w'\u2019&-]+\s+){0,6}[\w'\u2019&-]+)$",
    re.IGNORECASE,
)
# the approximations and modifiers between a verb and its amount: "took an estimated (£5m)", "paid nearly"
AMOUNT_WORDS = re.compile(
    r"(?:\s+(?:an?\s+(?:estimated|further|total\s+of|record|reported|extra|additional)|another|about|around|"
    r"approximately|nearly|almost|some|roughly|more\s+than|less\s+than|over|under|up\s+to|at\s+least|just|only|"
    r"a\s+mere|as\s+much\s+as|[\"\u201c]))*\s*$",
    re.IGNORECASE,
)
# a change given as a noun: "a 43% rise in (net profits) to ...", "a 29% drop in (the number of drivers)"
CHANGE_NOUNS = frozenset("rise fall drop increase decrease jump decline growth gain cut slump surge".split())
CHANGE_NOUN = re.compile(
    rf"\b(?:{'|'.join(sorted(CHANGE_NOUNS))})\s+in\s+((?:[\w'\u2019-]+\s+){{0,4}}[\w'\u2019-]+)$",
    re.IGNORECASE,
)
# what may be peeled off between a change verb and its figure: other figures, conversions, approximations
PEEL = re.compile(
    r"(?:\s*\([^()]*\)|\s+(?:last|this|next)\s+(?:year|month|week|quarter)|\s+a\s+year\s+(?:earlier|ago)|"
    r"\s+(?:an?\s+)?(?:average|total|combined\s+total|maximum|minimum)\s+of|\s+on\s+average|"
    # "rose an annual (6%)", "a seasonally adjusted (0.5%)", "by \"approximately (2.5%)\""
    r"\s+an?\s+(?:[a-z]+ly\s+)?[a-z][a-z-]*|\s*[\"\u201c\u201d]|"
    r"\s+(?:in|on|during|over)\s+(?:the\s+|a\s+)?(?:(?:first|second|third|fourth|final|last|same|previous|past|"
    r"latest|three|six|nine|twelve)\s+)?(?:quarter|half|period|year|month|week|session|weekend|day|months|"
    r"year-on-year\s+basis|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"\s+(?:and|or|compared\s+(?:with|to)|against|in|to|from|by|at|about|around|almost|nearly|some|roughly|over|under|more\s+than|"
    r"less\s+than|up\s+to|at\s+least|just|only)|\s+[$\u00a3\u20ac\u00a5]?\d[\d,.]*(?:%|bn|tn|m|k|p)?"
    r"(?:\s+(?:per\s*cent|percent|percentage\s+points?|points?|million|billion|trillion|bn|m|"
    + "|".join(sorted(CURRENCY_WORDS))
    + r"))?)$",
    re.IGNORECASE,
)
# an amount held by a noun: "debts of (about 14bn euros)", "a record loss of (68m euros)"
OF_HOLDER = re.compile(r"([A-Za-z][\w'\u2019-]*(?:\s+[A-Za-z][\w'\u2019-]*){0,3})\s+of$")
