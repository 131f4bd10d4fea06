"""Where the subject of a reporting verb begins: token-level tests on the phrase before the verb.

General knowledge of English clause structure (relative clauses inside a subject, possessives,
a name that opens a sentence); no sentence of any corpus.
"""

from __future__ import annotations

from . import attribution_patterns as pat
from .claim_words import PRONOUNS, REPORTING_VERBS
from .phrases import DETERMINERS, clause_start, is_modifier, is_name, is_noun, np_after, np_before

__all__ = [
    "LOCATIVE",
    "after_connective",
    "after_possessive",
    "coordinated_subject",
    "located",
    "names_subject",
    "phrase_start",
    "relative_subject",
    "subject_after_comma",
    "whole_subject",
]

Tokens = list[tuple[int, int, str]]

LOCATIVE = frozenset("in at on near outside inside".split())

# connectives set off by commas between a subject and its verb: "Cement makers, for instance, argue"
_CONNECTIVES = frozenset(
    """however meanwhile too though instead also likewise similarly nonetheless nevertheless moreover
    for_instance for_example in_turn of_course in_fact by_contrast in_contrast in_particular
    for_their_part for_his_part for_her_part for_its_part on_the_other_hand""".split()
)


def after_connective(toks: Tokens, i: int) -> int:
    """The token before ", for instance," when token ``i`` closes such a connective set off by commas, else ``i``."""
    if i < 2 or toks[i][2] != ",":
        return i
    for size in range(1, 5):
        start = i - size
        if start < 1 or toks[start - 1][2] != ",":
            continue
        if "_".join(t[2].lower() for t in toks[start:i]) in _CONNECTIVES:
            return start - 2
    return i


def relative_subject(toks: Tokens, span: tuple[int, int], i: int) -> tuple[int, int] | None:
    """'Others who have urged a tougher approach against Orlen groups expressed', 'The number that caught the eyes
    of analysts shows': the phrase before the verb ends a relative clause; the subject is what opens the clause."""
    if not any(t[2].lower() in pat.RELATIVES for t in toks[1 : span[0]]):
        return None  # no relative pronoun before the phrase: the usual case, decided without the clause's start
    start = clause_start(toks, i)
    if start < 0 or span[0] - start < 2:
        return None
    rel = next((r for r in range(start + 1, min(span[0], start + 7)) if toks[r][2].lower() in pat.RELATIVES), None)
    if rel is None or any(not t[2][:1].isalnum() or t[2].lower() in pat.NOT_IN_SUBJECT for t in toks[start:rel]):
        return None  # "Kell would do better to say that": a verb before "that", no subject phrase
    if any(t[2].lower() in pat.SUBORDINATORS for t in toks[rel + 1 : span[0]]):
        return None  # "The lead that Kell enjoyed shrank when the votes were counted": a clause goes on
    if any(t[2] in pat.LEAD_PUNCT or t[2] in ";:(" for t in toks[rel:i]):
        return None  # "Kell, who ..., said": an appositive clause, read elsewhere
    first = toks[start][2]
    if not (first.lower() in DETERMINERS or is_name(first) or is_noun(first)):
        return None
    return start, rel - 1


def after_possessive(toks: Tokens, i: int) -> bool:
    """True when the names ending at token i follow a possessive determiner ("its FEC", "their Orlen")."""
    j = i
    while j >= 0 and is_name(toks[j][2]) and i - j < 4:
        j -= 1
    return j >= 0 and j < i and toks[j][2].lower() in pat.POSSESSIVE_DETERMINERS


def names_subject(toks: Tokens, after: int) -> bool:
    """'Kell claims he ...', 'Orlen Data estimates the cost at': a name opening the sentence is the subject of
    the verb when an object follows; 'Census estimates show', 'Kell claims of fraud' keep the noun reading."""
    if not is_name(toks[0][2]) or after >= len(toks):
        return False
    nxt = toks[after][2]
    low = nxt.lower()
    return nxt[:1].isalnum() and low not in REPORTING_VERBS and low not in pat.AUXILIARIES and low not in pat.NOT_OBJECT


def phrase_start(toks: Tokens, at: int, verb: int) -> int:
    """The token where a noun phrase holding token ``at`` begins: back over names and modifiers to a determiner."""
    j = at
    while j > 0 and verb - j < 14:
        before = toks[j - 1][2]
        if before.lower() in DETERMINERS or before.endswith(("'s", "\u2019s")):
            return j - 1
        if not (is_name(before) or (is_modifier(before) and before.isalpha())):
            break
        j -= 1
    return j


def coordinated_subject(toks: Tokens, i: int) -> tuple[tuple[int, int], str | None] | None:
    """'Kell runs a farm and says ...': the span of the clause's opening subject, and "he"/"she" when it is one."""
    start = clause_start(toks, i)
    if start < 0 or start >= i:
        return None
    base = pat.CONTRACTION.split(toks[start][2])[0].lower()
    if base in PRONOUNS and base not in ("he", "she"):
        return None  # "They're ... and agree": no name to give
    span = (start, start) if base in ("he", "she") else np_after(toks, start)
    if span is None or span[1] + 1 >= i:
        return None
    verb = toks[span[1] + 1][2]
    if not (verb.isalpha() and verb.islower()) or verb in pat.NOT_OBJECT or verb in DETERMINERS:
        return None  # the phrase must be followed by its own verb: "Kell runs ..."
    for n in range(span[1] + 1, i):
        word = toks[n][2]
        if word.lower() == "that" and toks[n - 1][2].lower() in pat.POST:
            continue  # "did the math on that feat, and found": a determiner after a preposition
        if word.lower() in pat.SUBORDINATORS or word in ";:":
            return None  # "Kell runs a farm that grows corn and says": the "and" may join the inner clause
    return span, (base if base in ("he", "she") else None)


def whole_subject(toks: Tokens, i: int) -> tuple[int, int] | None:
    """'Early results of exit polls conducted by X for Y and networks show': the plain run of words from the
    clause's start to the verb, when no verb, punctuation or clause word stands in it and it opens with a
    capitalised adjective the noun-phrase reader does not take ("Early", "New", "Recent")."""
    start = clause_start(toks, i)
    if start < 0 or i - start > 16 or i - start < 3 or not toks[start][2][:1].isupper():
        return None
    for t in toks[start : i + 1]:
        low = t[2].lower()
        if not t[2][:1].isalnum() or low in pat.NOT_IN_SUBJECT or low in pat.SUBORDINATORS or low in REPORTING_VERBS:
            return None
    if not (toks[start + 1][2][:1].islower() and toks[start + 1][2].isalpha()):
        return None  # "Early results": the capitalised word modifies the noun after it
    return start, i


_SUBJECT_WORDS = frozenset("familiar close of with in at from for by to the a an his her its their and".split())


def subject_after_comma(toks: Tokens, span: tuple[int, int], verb: int) -> tuple[int, int] | None:
    """A tag's whole subject after a comma: "..., people familiar with the talks said", "..., dozens of members of
    his party condemned": a plural head and its post-modifier, all of it plain words, back to the comma."""
    comma = next((n for n in range(span[0] - 1, max(-1, span[0] - 8), -1) if toks[n][2] == ","), None)
    if comma is None or comma + 1 >= span[0]:
        return None
    run = toks[comma + 1 : span[0]]
    head = run[0][2]
    plural = head.endswith("s") or head in pat.PLURAL_HEADS
    if not head.isalpha() or not head.islower() or not plural or head in pat.AUXILIARIES:
        return None  # a plural common noun opens it: "people", "dozens", "officials"
    if not all(
        t[2].lower() in _SUBJECT_WORDS or (t[2].isalpha() and t[2].islower() and t[2].endswith("s")) for t in run[1:]
    ):
        return None
    return (comma + 1, span[1]) if span[1] <= verb else None


def located(toks: Tokens, span: tuple[int, int]) -> tuple[int, int]:
    """A subject with place phrases after it, taken whole: 'Correspondent Dana Hall at Orlen in Vell said'.

    A place named after "in"/"at" is no subject; the subject is the phrase the place phrases hang from.
    """
    start = span[0]
    if not is_name(toks[span[1]][2]):
        return span  # "Data in the May report showed": the report is the source
    for _ in range(3):
        if start < 2 or toks[start - 1][2].lower() not in LOCATIVE:
            break
        outer = np_before(toks, start - 2) or np_before(toks, start - 2, common=True)
        if outer is None:
            break
        start = outer[0]
    return (start, span[1]) if start < span[0] and span[1] - start < 16 else span
