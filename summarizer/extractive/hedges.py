"""Find hedging language: a lexicon of cues, each with its kind, and the claim each cue governs.

The lexicon (``hedge_lexicon``) covers speculation (modals, "likely", "appears
to"), belief and opinion ("believe", "is considered", "seen as", "suspected"),
unconfirmed and unknown ("no confirmation", "unclear", "no evidence"), denial,
attribution ("reportedly", "alleged", "accused of") and approximation before a
number. Words with a non-hedging sense are taken only in their hedging frame:
"could" not of ability, "should" of expectation not obligation ("should be
ready" only before a time limit: "by June"), "would" in an if/unless sentence,
"would probably" and "would have been" but not in reported plans ("said he
would resign") nor before "seem" (that verb is the cue), "consider" as "regard as" not as
"deliberate", "think" not in "think tank", "believe" not in "believe in",
"might" not the noun, "the suspect" not a hedge, "May" not the month.
"Expected" counts, also of schedules ("is expected on Monday": the event has
not happened), but not in "than expected", "bigger-than-expected" or "as expected". "Denied" of a
refusal ("denied bail", "the request was denied"), the pollsters' "likely voters", "declined to speculate"
and "should be able to" (what one ought to be allowed) are no hedges. "Can" is left out:
nearly every use is ability or a general truth. Where cues overlap, the
earliest wins, then the first pattern in the lexicon.

A cue's claim is the clause that holds it (cut at clause punctuation, never at
the cue), at most 30 words, cut at word boundaries; see ``_clause`` for where it begins and ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..models import HedgeKind
from .hedge_lexicon import CONDITION, HEADS, LEXICON, REPORTED_BEFORE, WOULD
from .hedge_vetoes import CONTEXT_VETOES, VETO_BEFORE
from .phrases import trie
from .scan import pattern_starts
from .sentences import Sentence

__all__ = ["HedgeCue", "claim_of", "find_hedges", "hedge_spans"]

_KINDS = {f"k{i}": kind for i, (kind, _) in enumerate(LEXICON)}
# The letters each lexicon pattern can start with (None: not known), to try at a head word only the
# patterns that can match there, in lexicon order, so the first that matches is the one full_pattern() finds.
_STARTS = [pattern_starts(pattern, apostrophe=True) for _, pattern in LEXICON]  # heads hold clitics: "'s"
_HEAD = re.compile(r"[a-z']+")
# Tokens are runs of a-z and the clitics 's and 're; the head-word tokens among them are found by the
# regex engine rather than by a Python loop over every token, the 250 heads as a trie (a third of the
# time of trying each head in turn at every word).
_CLITICS = frozenset({"'s", "'re"})
_HEAD_TOKEN = re.compile(
    "|".join(re.escape(h) + r"\b" for h in sorted(HEADS & _CLITICS))
    + r"|(?<![a-z])(?:"
    + trie([h for h in HEADS if h not in _CLITICS])
    + r")(?![a-z])"
)
# a stop ends a clause, but not one inside an abbreviation ("U.S. senators", "Mr. Osk")
_CLAUSE_END = re.compile(
    r"\s*(?:[;:!?()\[\]\u2014\u2013]|--|(?:,|(?<!\.[A-Z])(?<!\bMrs)(?<!\b[MD]r)(?<!\bMs)(?<!\bSt)\.)"
    r"[\"\u201d\u2019]?(?=\s|$))\s*"
)
_BRACKET = re.compile(r"\((?:[^()\s]+\s?){1,4}\)")
# a clause that starts with its verb: the subject stands before an aside
_VERB_FIRST = re.compile(
    r"(?:(?:reportedly|allegedly|apparently|probably|possibly|likely|presumably|perhaps|seemingly)\s+)?"
    r"(?:have|has|had|is|are|was|were|will|would|could|may|might|should|can|must|did|does|do|"
    r"seem|seems|seemed|appear|appears|appeared)\b"
)
# what opens an aside rather than a clause with its own subject
_NO_SUBJECT = re.compile(
    r"(?:despite|after|before|while|although|though|who|which|whose|including|unlike|like|as|since|with|in|on|at|"
    r"however|meanwhile|therefore|instead|indeed|moreover|nonetheless|nevertheless|of\s+course|not)\b"
    r"|[a-z]+(?:ing|ed)\b|\d",  # "Vellcorp, released in May, seems": a participle; "Dana Kell, 25, was": an age
)
# "The plan, critics say, may fail": a speech tag set off inside the clause; "Vellcorp, the car maker, may": a name's
# description
_SAYS_ASIDE = re.compile(
    r"(?:[\w'\u2019-]+\s+){1,4}(?:say|says|said|believe|believes|argue|argues|argued|warn|warns|warned|think|thinks|"
    r"added|insist|insists|claim|claims|suggest|suggests)"
)
_RELATIVE = re.compile(r"(?:who|which|whose|where)\b")
_APPOSITION = re.compile(r"(?:the|a|an)\s", re.IGNORECASE)
_ACCORDING = re.compile(r"according\s+to\b", re.IGNORECASE)
# "that" is a joiner before a clause's subject ("that the army", "that he") or a relative's verb ("that could
# cause"), not before its noun ("that rewrite") nor as a sentence's subject ("That could provide")
_SUBJECT_OPENERS = (
    r"(?i:the|a|an|his|her|their|its|our|my|this|these|those|there|it|he|she|they|we|i|you|some|many|no|any|all|"
    r"most|such)\b"
)
_LEADING_JOINER = re.compile(
    r"^(?:(?i:and|but|or|so|which|while|whereas)"
    rf"|that(?=\s+(?:{_SUBJECT_OPENERS}|[A-Z0-9]|(?:could|would|may|might|will|can|should|is|are|was|were|has|have|"
    rf"had)\b))|That(?=\s+{_SUBJECT_OPENERS}))\s+"
)
MAX_CLAIM_WORDS = 30
_MIN_CLAUSE_WORDS = 4


@dataclass(frozen=True, slots=True)
class HedgeCue:
    """A hedge found in the text."""

    start: int
    end: int
    cue: str
    kind: HedgeKind
    claim: str
    sentence: Sentence


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause around text[start:end], widened while it is under four words.

    A short bracket ("The New York Times (NYT) suggests") is no clause end; a clause that opens
    with its verb ("..., despite the cold, have reportedly regained") takes its subject from the one
    before; "According to X," takes what X is cited for.
    """
    bounds = [(m.start(), m.end()) for m in _CLAUSE_END.finditer(text) if not _short_bracket(text, m)]
    left = max((b for a, b in bounds if b <= start), default=0)
    right = min((a for a, b in bounds if a >= end), default=len(text))
    if left > 0 and _VERB_FIRST.match(text, left):
        for _ in range(3):  # back over asides ("despite ...", "who ...", "critics say", "the mayor") to the subject
            was = left
            left = max((b for a, b in bounds if b < left - 1), default=0)
            aside = text[left:was]
            if left == 0 or not (
                _NO_SUBJECT.match(text, left)
                or text[left - 1 : left] == "("
                or _SAYS_ASIDE.fullmatch(aside.strip(" ,"))
                or (_APPOSITION.match(aside) and len(text[:left].split()) <= 6)
            ):
                break
    if _ACCORDING.match(text, left):
        for _ in range(3):  # "According to X, who runs Y, 40 patients ...": on to what X is cited for, whole
            if right >= len(text):
                break
            added = min((b for a, b in bounds if a >= right), default=len(text))
            right = min((a for a, b in bounds if a > right), default=len(text))
            following = min((b for a, b in bounds if a >= right), default=len(text))
            if not (
                _RELATIVE.match(text, added) or _RELATIVE.match(text, following) or _VERB_FIRST.match(text, following)
            ):
                break
    while len(text[left:right].split()) < _MIN_CLAUSE_WORDS and (left > 0 or right < len(text)):
        after = [a for a, b in bounds if a > right]
        before = [b for a, b in bounds if b < left]
        if right < len(text):
            right = min(after, default=len(text))
        else:
            left = max(before, default=0)
    return left, right


def claim_of(sentence: Sentence, start: int, end: int) -> str:
    """The clause of the sentence that holds the cue at [start, end) (offsets into the sentence), cut to 30 words."""
    text = sentence.text
    left, right = _clause(text, start, end)
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[left:right])]
    cue_word = next((i for i, (a, b) in enumerate(words) if left + b > start), 0)
    if len(words) > MAX_CLAIM_WORDS:
        # keep the clause's start (its subject) when the cue is early enough, else centre on the cue
        first = 0 if cue_word < MAX_CLAIM_WORDS - 6 else min(cue_word - 6, len(words) - MAX_CLAIM_WORDS)
        words = words[first : first + MAX_CLAIM_WORDS]
    clause = text[left + words[0][0] : left + words[-1][1]] if words else text
    if not _LEADING_JOINER.match(text[start:end]):
        clause = _LEADING_JOINER.sub("", clause, count=1)
    return _balanced(clause.rstrip(" ,;:")) or text


def _short_bracket(text: str, end: re.Match[str]) -> bool:
    """True when a clause end is a bracket of at most four words ("(NYT)", "(R-Orl.)")."""
    mark = end.group().strip()
    if mark == "(":
        return _BRACKET.match(text, end.start() + end.group().index("(")) is not None
    if mark == ")":
        opening = text.rfind("(", 0, end.start() + 1)
        return opening >= 0 and (found := _BRACKET.match(text, opening)) is not None and found.end() <= end.end()
    return False


def _balanced(clause: str) -> str:
    """Drop a double quote mark at either end that opens or closes nothing inside the clause."""
    clause = clause.strip()
    if clause.count('"') % 2:
        clause = clause[1:] if clause.startswith('"') else clause[:-1] if clause.endswith('"') else clause
    if clause.startswith("\u201c") and "\u201d" not in clause:
        clause = clause[1:]
    if clause.endswith("\u201d") and "\u201c" not in clause:
        clause = clause[:-1]
    return clause.strip()


def _vetoed(lower: str, start: int, end: int) -> bool:
    """True when the words around lower[start:end] mark the cue word's other sense."""
    cue = lower[start:end]
    head = _HEAD.match(cue)
    veto = VETO_BEFORE.get(head.group()) if head else None
    if veto is not None and veto.search(lower[max(0, start - 40) : start]) is not None:
        return True
    for word, before, after in CONTEXT_VETOES:
        if (
            word.fullmatch(cue)
            and (before is None or before.search(lower[max(0, start - 60) : start]) is not None)
            and (after is None or after.match(lower, end) is not None)
        ):
            return True
    return False


@cache
def full_pattern() -> re.Pattern[str]:
    """The whole lexicon as one pattern, each entry a named group: what the head-word search must equal."""
    return re.compile("|".join(f"(?P<k{i}>\\b(?:{pattern})\\b)" for i, (_, pattern) in enumerate(LEXICON)))


@cache
def _pattern_for(head: str) -> re.Pattern[str]:
    """``full_pattern()`` cut down to the lexicon entries that can match where this head word starts."""
    kept = [i for i, starts in enumerate(_STARTS) if starts is None or any(head.startswith(x) for x in starts)]
    return re.compile("|".join(f"(?P<k{i}>\\b(?:{LEXICON[i][1]})\\b)" for i in kept) or "(?!)")


def _matches(lower: str) -> list[re.Match[str]]:
    """Lexicon matches, tried only where a head word starts: far cheaper than a scan of every position."""
    found = []
    last = 0
    for token in _HEAD_TOKEN.finditer(lower):
        if token.start() < last:
            continue
        match = _pattern_for(token.group()).match(lower, token.start())
        if match:
            found.append(match)
            last = match.end()
    return found


def hedge_spans(sentence: Sentence) -> list[tuple[int, int, HedgeKind]]:
    """Each cue of a sentence as (start, end, kind), offsets into the sentence: the cheap half of find_hedges."""
    body = sentence.text
    lower = body.lower()
    spans: list[tuple[int, int, HedgeKind]] = []
    for match in _matches(lower):
        start, end = match.span()
        if body[start:end] == "May" or _vetoed(lower, start, end):
            continue  # "May": the month, or a sentence-initial name
        spans.append((start, end, _KINDS[match.lastgroup or ""]))
    if "would" in lower and CONDITION.search(lower):
        for match in WOULD.finditer(lower):
            start, end = match.span()
            if REPORTED_BEFORE.search(lower[max(0, start - 60) : start]) or _vetoed(lower, start, end):
                continue  # "said he would resign": a reported plan; "so that it would": a purpose
            if not any(a < end and start < b for a, b, _ in spans):
                spans.append((start, end, HedgeKind.SPECULATION))
        spans.sort()
    return spans


def find_hedges(text: str, sentences: list[Sentence]) -> list[HedgeCue]:
    """Return every hedge cue in the sentences, in text order."""
    return [
        HedgeCue(
            start=sentence.start + start,
            end=sentence.start + end,
            cue=sentence.text[start:end],
            kind=kind,
            claim=claim_of(sentence, start, end),
            sentence=sentence,
        )
        for sentence in sentences
        for start, end, kind in hedge_spans(sentence)
    ]


def compile_patterns() -> None:
    """Compile every head word's lexicon pattern now, not on first use (a fork server does it once for its workers)."""
    for head in HEADS:
        _pattern_for(head)
