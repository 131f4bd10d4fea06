"""Tell teasers, calls to action, reader address, content-free filler and page furniture from news sentences.

General rules, not fitted sentences: a sentence that opens with an imperative aimed at
the reader ("Explore ...", "Read more", "Subscribe"), addresses the reader as "you"
outside a quotation, is page furniture (copyright, cookies, sign-up lines, link text run together), or is a
content-free evaluation (no name, number or quotation, only a stock frame such as
"raises concerns about", "remains to be seen", "underscores the complex ...").
"""

from __future__ import annotations

import re

__all__ = ["furniture_reason", "is_furniture"]

# Openers that send the reader somewhere; news prose starts with a subject, so these are imperatives.
_CALL_OPENING = re.compile(
    r"""^(?:
        (?:see|find\ out|check\ out|learn|read|discover|explore|click|tap|follow|sign\ up|log\ in|watch|listen
        |subscribe|download|register|unlock|upgrade|browse|scroll|swipe|share|try|enjoy|visit|join|contact|email)
        \ (?:more|here|now|the|our|this|these|it|all|also|below|again|live|latest|full|what|how|why|to|on|for|up
        |down|us|in|with|today)\b
      | (?:don't|do\ not|never)\ miss\b
      | stay\ tuned\b
      | get\ the\ latest\b
      | here(?:'s|\u2019s|\ is)\ (?:how|what|why|everything)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_FURNITURE = re.compile(
    r"\u00a9|\b(?:all\ rights\ reserved|(?:we|this\ (?:web)?site)\ uses?\ cookies|accept\ (?:all\ )?cookies"
    r"|cookie\ (?:policy|settings)|enable\ javascript|(?<!in\ )terms\ of\ (?:use|service)|privacy\ policy"
    r"|click\ here|sign\ up\ for\ our|our\ newsletter)\b",
    re.IGNORECASE,
)
# Words without which _FURNITURE cannot match: a substring test is far cheaper than the pattern.
_FURNITURE_KEYS = (
    "\u00a9",
    "reserved",
    "cookie",
    "javascript",
    "terms of",
    "privacy",
    "click here",
    "newsletter",
    "sign up",
)
# Link lists saved as text run one headline into the next: "...capitalRussian President ...".
_GLUED = re.compile(r"\b[a-z]{3,}[A-Z][a-z]+")
_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d|\u2018[^\u2019]*\u2019(?!\w)")
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.IGNORECASE)
# Addressing the reader, not the generic "you" of "phones let you ...".
_READER = re.compile(
    r"\b(?:if\ you|you\ (?:can|could|should|will|need|may|might|must|want)|what\ you\ need\ to\ know"
    r"|your\ (?:views|experiences?|comments|thoughts|questions|stories)|let\ us\ know|tell\ us)\b",
    re.IGNORECASE,
)
# Stock frames of comment that say nothing checkable, in a sentence with no name, number or quotation.
_FILLER = re.compile(
    r"""\b(?:
        remains?\ to\ be\ seen
      | only\ time\ will\ tell
      | cannot\ be\ (?:overstated|understated)
      | (?:underscor|highlight|illustrat|demonstrat|emphasi[sz])(?:es|ed|ing|e|s)?\ the\ (?:complex|complicated|ongoing
        |broader|delicate|precarious|volatile|fragile|intricate|evolving|shifting|uncertain|tense)
      | (?:closely\ )?(?:monitoring|watching)\ (?:the\ )?(?:developments?|situation)
      | (?:the\ )?situation\ (?:remains|is)\ (?:fluid|tense|uncertain|volatile|critical|unclear)
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
# Weaker frames: filler only when the subject merely points back ("This development raises concerns ...").
_POINTING_SUBJECT = re.compile(
    r"^(?:this|these|that|those|such)\b(?:\ \w+){0,2}?\ (?:development|move|decision|situation|step|shift|news|event"
    r"|incident|escalation|action|announcement|deployment|report|trend)s?\b",
    re.IGNORECASE,
)
_WEAK_FILLER = re.compile(
    r"\b(?:rais(?:es?|ed|ing)|sparks?|sparked|fuels?|fuelled|adds?\ to|heightens?|heightened|deepens?)"
    r"\ (?:new\ |serious\ |further\ |significant\ )?"
    r"(?:concerns?|questions|fears|alarms?|doubts|uncertainty|tensions?|speculation)\b",
    re.IGNORECASE,
)
# "The deployment of Orlen troops in the Vell conflict raises numerous strategic concerns.": a whole sentence that
# only says an event is worrying, names or not; "... raises concerns among farmers" or "over the cost" says whose,
# and "The Orlen Audit Office raised serious concerns" says who is worried
_CONCERN_ONLY = re.compile(
    r"^(?:the|a|an)\s(?:[\w-]+\s){0,2}?(?:deployment|decision|move|development|closure|crash|attack|announcement|"
    r"presence|build-?up|influx|arrival|departure|incident|situation|step|shift|escalation|news|discovery|spread|"
    r"rise|fall|return|withdrawal|collapse|failure|loss|death|deaths|killing|killings|use|launch|test)\b"
    r"[^,;:\"\u201c\u201d]*?\s(?:rais(?:es|ed)|sparks|sparked|fuels|fuelled|fueled|heightens|heightened|"
    r"deepens|deepened)\s(?:(?:new|serious|further|significant|numerous|many|several|strategic|major|grave|"
    r"growing|wider|fresh|renewed)\s){0,2}(?:concerns|questions|fears|alarm|doubts|uncertainty|tensions|speculation)\s*\.$",
    re.IGNORECASE,
)
_SPECIFIC = re.compile(r"\d|[\"\u201c\u201d]")
_NAME = re.compile(r"(?<=[\s(\u2014-])[A-Z][a-z\u00c0-\u024f]+|(?<=[\s(])[A-Z]{2,}\b")


def _unquoted(text: str) -> str:
    return _QUOTED.sub(" ", text)


def _has_specifics(text: str) -> bool:
    """A number, a quotation or a name after the first word: something a reader could check."""
    return bool(_SPECIFIC.search(text) or _NAME.search(text))


def furniture_reason(text: str) -> str | None:
    """Why a sentence is no summary material ("call to action", "reader address", ...), or None."""
    if _CALL_OPENING.match(text.lstrip()):  # a quoted imperative ("Leave now," he said) starts with a quote mark
        return "call to action"
    lower = text.lower()
    if (any(key in lower for key in _FURNITURE_KEYS) and _FURNITURE.search(text)) or _GLUED.search(text):
        return "page furniture"
    if _SECOND_PERSON.search(text):
        unquoted = _unquoted(text)
        if _SECOND_PERSON.search(unquoted) and (unquoted.rstrip().endswith("?") or _READER.search(unquoted)):
            return "reader address"
    if _CONCERN_ONLY.match(text) and not _SPECIFIC.search(text):
        return "content-free comment"
    if not _has_specifics(text) and (
        _FILLER.search(text) or (_POINTING_SUBJECT.match(text) and _WEAK_FILLER.search(text))
    ):
        return "content-free comment"
    return None


def is_furniture(text: str) -> bool:
    """True for a teaser, call to action, reader address, page furniture or content-free comment."""
    return furniture_reason(text) is not None
