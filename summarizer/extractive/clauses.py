"""Shorten a sentence to a whole clause: drop a fronted subordinate phrase or a trailing dependent one.

Never cuts mid-phrase: a cut falls only at a comma, semicolon or dash that opens a
dependent clause ("..., which ...", "..., prompting ...", "...; ..."), outside quotes and
brackets, and leaves at least a subject and a verb's worth of words. When no such cut
makes the sentence short enough, the whole sentence stays.
"""

from __future__ import annotations

import re

__all__ = ["main_clause"]

MIN_WORDS = 6
MAX_FRONTED = 12  # a longer "fronted phrase" holds a clause of its own

# Words that open a fronted phrase ending at the first comma: "As X happened, Y did Z."
_FRONTED = re.compile(
    r"^(?:as|while|after|although|though|despite|with|in|on|at|following|amid|since|when|whereas|because|before"
    r"|under|during|according\ to|meanwhile|however|moreover|separately|earlier|later|yet|still)\b",
    re.IGNORECASE | re.VERBOSE,
)
# Boundaries after which a dependent or second clause starts: cutting there keeps the main clause whole.
_TRAILING = re.compile(
    r"(?:,|\s[-\u2013\u2014])\s+(?=(?:which|who|whose|where|while|whereas|as|after|before|although|though|because"
    r"|since|when|unless|until|prompting|raising|saying|adding|including|according|with|amid|following|leaving"
    r"|making|bringing|despite|but|a\ move|a\ step|in\ a|in\ an|in\ what|marking|sparking|fuelling"
    r"|fueling|triggering|forcing|allowing|highlighting|underscoring|signalling|signaling)\b)"
    r"|;\s+",
    re.IGNORECASE,
)
_COORDINATOR = re.compile(r"(?:and|but|or|so|then|yet)\b", re.IGNORECASE)
_TERMINAL = (".", "!", "?", '"', "\u201d", "'", "\u2019")


def _outside_quotes(text: str, at: int) -> bool:
    head = text[:at]
    straight = head.count('"') % 2 == 0
    curly = head.count("\u201c") <= head.count("\u201d")
    brackets = head.count("(") <= head.count(")")
    return straight and curly and brackets


def _finish(clause: str) -> str:
    clause = clause.strip().rstrip(",;:\u2013\u2014- ")
    return clause if clause.endswith(_TERMINAL) else clause + "."


def main_clause(text: str, limit: int = 30) -> str:
    """The sentence if it has at most `limit` words, else its main clause when that is shorter."""
    text = text.strip()
    if len(text.split()) <= limit:
        return text
    body = text
    if _FRONTED.match(body):
        comma = body.find(", ")
        if (
            comma > 0
            and _outside_quotes(body, comma)
            and len(body[:comma].split()) <= MAX_FRONTED
            and len(body[comma + 2 :].split()) >= MIN_WORDS
            and not _COORDINATOR.match(body[comma + 2 :])
        ):
            rest = body[comma + 2 :]
            body = rest[0].upper() + rest[1:]
            if len(body.split()) <= limit:
                return _finish(body)
    cuts = [
        m.start()
        for m in _TRAILING.finditer(body)
        if _outside_quotes(body, m.start()) and len(body[: m.start()].split()) >= MIN_WORDS
    ]
    fitting = [c for c in cuts if len(body[:c].split()) <= limit]
    if fitting:
        return _finish(body[: max(fitting)])
    if cuts:
        return _finish(body[: min(cuts)])
    return _finish(body) if body is not text else text
