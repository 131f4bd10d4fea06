"""Noun phrases around a reporting verb: the tokens of a sentence, the phrase before or after a cue."""

from __future__ import annotations

import re

from .claim_words import NOT_NAMES, REPORTING_VERBS, SOURCE_NOUNS

__all__ = [
    "DETERMINERS",
    "SHORT_TITLES",
    "TITLES",
    "abbreviation_dot",
    "clause_start",
    "is_modifier",
    "is_name",
    "is_noun",
    "np_after",
    "np_before",
    "np_to_boundary",
    "phrase_of",
    "plain",
    "singular",
    "spaced",
    "tokens",
    "trie",
    "unnamed_head",
]

_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f][\w'\u2019.&-]*(?<![.])|\d+(?:[,.]\d+)*%?|[^\w\s]")
DETERMINERS = frozenset(["the", "a", "an"])
_YEAR = re.compile(r"(?:19|20)\d\d")
_MONTHS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
TITLES = frozenset(["mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "dame", "lord", "lady"])
SHORT_TITLES = frozenset(["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "prof", "st"])
_LINKS = frozenset(["of", "for", "at", "from", "by", "on", "in"])
_MAX_NP = 9
_TIME_NOUNS = frozenset(
    """week weekend month year day night morning afternoon evening today yesterday tonight monday tuesday
    wednesday thursday friday saturday sunday""".split()
)
# what a role or body is called by before its name ("shadow health secretary Dana Kell", "the statistics office
# INSEE"), and words before it that rank or count rather than name the role ("the last secretary Kell met")
_ROLE_NOUNS = frozenset(
    """secretary minister spokesman spokeswoman spokesperson chairman chairwoman director officer analyst analysts
    office agency firm group company body website bank commissioner correspondent editor manager adviser
    leader chief executive""".split()
)
_NOT_ROLE_WORDS = frozenset("last first next only same other new thing things".split())
_DAY_NAMES = frozenset("today yesterday tonight monday tuesday wednesday thursday friday saturday sunday".split())
_OPENING_PREPOSITIONS = frozenset("in on at after during with under".split())
_TIME_PREPOSITIONS = frozenset("after before since until following during".split())
# sources left unnamed, known by what they know: "people close to the mayor", "two officials with knowledge of"
_KNOWING = r"familiar with|close to|with (?:direct )?knowledge of|briefed on|knowledgeable about|involved in|aware of"
_UNNAMED_SOURCE = re.compile(
    r"(?:\b(?:a|the|two|three|four|several|some|many|other|senior|former)\s+)*\b(?:people|person|sources?|officials?"
    rf"|aides?|advis[eo]rs?|allies|associates|diplomats?|insiders?|those|someone)\s+(?:{_KNOWING})$"
)
_KNOWING_LINK = re.compile(rf"\s(?:{_KNOWING})\s", re.IGNORECASE)
_SOURCE_LINK_ENDS = ("with", "to", "of", "on", "about", "in")
_NP_OPENERS = DETERMINERS | frozenset(["one", "another", "two", "three", "several"])
_FUNCTION = frozenset(
    """and or but nor that which who whom whose to of in on at by for with from as into than then so if not no
    is are was were be been being has have had do does did will would can could may might must should it its he
    she they we i you him her them his their our my your this these those there here what when where why how
    while because although though also very too just only per""".split()
)


_Trie = dict[str, "_Trie"]


def trie(words: list[str]) -> str:
    """A regex alternation of words shared by prefix: far faster to scan than a flat alternation."""
    tree: _Trie = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: _Trie) -> str:
        branches = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(tree)


def tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


def plain(word: str) -> str:
    if word.endswith(("'s", "\u2019s")):  # string tests, not a regex: this runs for every word of every cue
        word = word[:-2]
    elif word.endswith(("'", "\u2019")):
        word = word[:-1]
    return word.lower()


def singular(noun: str) -> str:
    """A plural noun's singular, lower-cased, enough for the word lists ("cities", "nations", "states")."""
    low = plain(noun)
    if low.endswith("ies"):
        return low[:-3] + "y"
    return low[:-1] if low.endswith("s") and not low.endswith("ss") else low


def is_name(word: str) -> bool:
    return word[:1].isupper() and plain(word) not in NOT_NAMES and not word.isdigit()


def is_noun(word: str) -> bool:
    return plain(word) in SOURCE_NOUNS


def is_modifier(word: str) -> bool:
    """A lower-case word that can stand inside a noun phrase ("new", "same", "senior"), not a function word."""
    low = word.lower()
    return word[:1].islower() and low not in _FUNCTION and low not in REPORTING_VERBS


def np_before(toks: list[tuple[int, int, str]], i: int, common: bool = False) -> tuple[int, int] | None:
    """Token range [j, i] of the noun phrase ending at token i, or None."""
    word = toks[i][2]
    if not (is_name(word) or is_noun(word)):
        return _common_np_before(toks, i) if common else None
    j = i
    has_head_noun = is_noun(word)
    modifiers = 0
    while j > 0 and i - j < _MAX_NP:
        prev = toks[j - 1][2]
        low = prev.lower()
        if low in DETERMINERS:
            j -= 1
            # "a poll by the Kestrian Institute": go on over "by"/"of" to the noun it hangs from
            linked = j > 1 and toks[j - 1][2].lower() in ("by", "of", "from")
            # "a poll by the Kestrian Institute", "Dana Osk of the Orlen Chapel": on to what the phrase hangs from
            if linked and (is_noun(toks[j - 2][2]) or (toks[j - 1][2] == "of" and _person_name_end(toks, j - 2))):
                j -= 1
                continue
            break
        if _extends_name(toks, j):
            j -= 1
        elif _YEAR.fullmatch(prev) and j > 1 and toks[j - 2][2].lower() in DETERMINERS:
            j -= 1  # "the 2014 Kestrian Community Survey": a year inside the phrase
        elif (
            _YEAR.fullmatch(prev)
            and (dated := _date_start(toks, j - 1))
            and toks[dated - 1][2].lower() in DETERMINERS
            and not (dated > 1 and toks[dated - 2][2].lower() in _TIME_PREPOSITIONS)  # "After the March 3, 2014 vote"
        ):
            j = dated  # "a March 3, 2014 memo", "a Sept. 15, 2011 email": a whole date inside the phrase
        elif prev == "." and j > 1 and abbreviation_dot(toks, j - 1):
            j -= 2  # "Dana J. Kell", "Mr. Kell": the dot of an initial or a title
        elif is_noun(prev) or (has_head_noun and modifiers < 3 and is_modifier(prev) and prev.isalpha()):
            modifiers += 1
            j -= 1
        elif low in ("-", "&", "and", "/") and j > 1 and is_name(toks[j - 2][2]) and is_name(toks[j][2]):
            j -= 1
        else:
            break
    while j < i and toks[j][2].lower() in ("of", "for", "-", "&"):
        j += 1
    j = _after_opening(toks, j, i, has_head_noun)
    words = " ".join(t[2].lower() for t in toks[max(0, j - 7) : j])
    unnamed = _UNNAMED_SOURCE.search(words) if words.endswith(_SOURCE_LINK_ENDS) else None
    if unnamed is not None:  # "people close to the mayor": the unnamed people said it, not the mayor
        j -= len(unnamed.group().split())
    return j, i


def _after_opening(toks: list[tuple[int, int, str]], j: int, i: int, head_noun: bool) -> int:
    """Where a name's phrase starts once the clause's opening is left out, or its role words are taken in.

    "Last week Preston Council said", "In its filing Vellcorp said": the time word and the opening
    phrase are not the source; "the statistics office INSEE", "shadow health secretary Dana Kell":
    the words that make the role are.
    """
    if j >= i:
        return j
    first = toks[j][2]
    if first.lower() in _TIME_NOUNS and (first.islower() or first.lower() in _DAY_NAMES):
        return j + 1 if is_name(toks[j + 1][2]) else j  # "Last week Orlen Council said"; not "Morning Star"
    if head_noun:
        return j
    opening = next((n for n in range(j - 1, -1, -1) if toks[n][2] in ",;:("), -1) + 1
    led = toks[j - 1][2].lower() in _POSSESSIVE_DETERMINERS or toks[j - 1][2].isdigit()  # "In its (Chapter 11) filing"
    if led and opening < j and toks[opening][2].lower() in _OPENING_PREPOSITIONS and first.islower():
        return next((n for n in range(j, i + 1) if is_name(toks[n][2])), j)  # "In its filing Valve said": Valve
    if toks[j][2] not in _ROLE_NOUNS:
        return j
    k = j
    while k > 0 and j - k < 2:
        prev = toks[k - 1][2]
        if not (prev.isalpha() and is_modifier(prev)) or prev.endswith(("ly", "est")) or prev in _NOT_ROLE_WORDS:
            break
        k -= 1
    if k < j and (k == 0 or toks[k - 1][2].lower() in DETERMINERS or toks[k - 1][2] in ",:;("):
        return k  # role words before the role noun, from a determiner or the clause's start
    return j


def unnamed_head(phrase: str) -> str:
    """Who a source phrase names before what they know: "Sources" of "Sources close to the ministry"."""
    link = _KNOWING_LINK.search(phrase)
    return phrase[: link.start()] if link else phrase


def _date_start(toks: list[tuple[int, int, str]], year: int) -> int:
    """Where a date ending at a year token begins ("March 3, 2014", "Sept. 15, 2011"); 0 when it is no date."""
    k = year - 1
    if k < 2 or toks[k][2] != "," or not toks[k - 1][2].isdigit():
        return 0
    k -= 2
    if toks[k][2] == "." and k > 0:
        k -= 1
    return k if k > 0 and toks[k][2].lower() in _MONTHS else 0


def _person_name_end(toks: list[tuple[int, int, str]], k: int) -> bool:
    """True when token k ends a name of two capitalised words or more ("Dana Osk"), not a month or a place word."""
    return k > 0 and is_name(toks[k][2]) and is_name(toks[k - 1][2])


def _extends_name(toks: list[tuple[int, int, str]], j: int) -> bool:
    """True when the token before j continues a name leftwards: a name, a title, 'of' between names, a possessive."""
    prev = toks[j - 1][2]
    if is_name(prev) or plain(prev) in TITLES or (prev.endswith(("'s", "\u2019s")) and len(prev) > 2):
        return True
    return (
        prev.lower() in ("of", "for", "in", "by", "from")
        and j > 1
        and (is_name(toks[j - 2][2]) or is_noun(toks[j - 2][2]))
    )


# plural agent nouns by their ending: makers, organizers, economists, historians, residents, conservatives
_AGENT_PLURALS = ("ers", "ors", "ists", "ians", "ants", "ents", "ives")
_CLAUSE_OPENERS = frozenset([",", ";", ":", "\u2014", "\u2013", "-", "and", "but", "(", "\u201c", '"'])


def _common_np_before(toks: list[tuple[int, int, str]], i: int) -> tuple[int, int] | None:
    """'The magazine', 'the RNC member', 'Cement makers': a common noun opened by a determiner or a possessive,
    or a bare plural that opens its clause."""
    head = toks[i][2]
    if not is_modifier(head) or not head.isalpha() or head.endswith(("ly", "ing", "ed")):
        return None
    j = i
    while j > 0 and i - j < 5:
        prev = toks[j - 1][2]
        if prev.lower() in DETERMINERS or (prev.endswith(("'s", "\u2019s")) and len(prev) > 2):
            return j - 1, i
        if not ((is_modifier(prev) or is_name(prev)) and prev.replace("-", "").isalpha()):
            break
        j -= 1
    opens = j == 0 or toks[j - 1][2].lower() in _CLAUSE_OPENERS
    if opens and head.lower().endswith(_AGENT_PLURALS):
        return j, i  # "Cement makers argue", "organizers claimed": a bare plural of people who do something
    return None


def np_after(toks: list[tuple[int, int, str]], i: int) -> tuple[int, int] | None:
    """Token range [i, k] of the noun phrase starting at token i, or None."""
    k = i
    n = len(toks)
    if k < n and (toks[k][2].lower() in _NP_OPENERS or toks[k][2].endswith(("'s", "\u2019s"))):
        k += 1  # "the", "one", "another", "Kell's"
    last_head = -1
    modifiers = 0
    while k < n and k - i < _MAX_NP:
        word = toks[k][2]
        low = word.lower()
        if is_name(word) or plain(word) in TITLES or is_noun(word) or word.endswith(("'s", "\u2019s")):
            if is_name(word) or is_noun(word):
                last_head = k
            k += 1
            if k + 1 < n and abbreviation_dot(toks, k):
                k += 1  # "Mr. Kell", "Dana J. Kell", "U.S. Census": the dot of a title, initial or abbreviation
        elif low in ("/", "-", "&") and last_head == k - 1 and k + 1 < n and is_name(toks[k + 1][2]):
            k += 1  # "Post/ABC", "Post-ABC"
        elif low in _LINKS and last_head >= 0 and k + 1 < n:
            nxt = toks[k + 1][2]
            if not (is_name(nxt) or is_noun(nxt) or nxt.lower() in DETERMINERS):
                break
            k += 1
        elif low in DETERMINERS and k > i and toks[k - 1][2].lower() in _LINKS:
            k += 1
        elif (
            modifiers < 3
            and last_head < 0
            and (
                (is_modifier(word) and word.isalpha())
                or (word.isdigit() and len(word) == 4)  # "a 2014 study"
                or (low in REPORTING_VERBS and k > i and toks[k - 1][2].lower() in DETERMINERS)  # "the state police"
            )
        ):
            modifiers += 1
            k += 1
        else:
            break
    if last_head < 0:
        return None
    return i, last_head


def phrase_of(text: str, toks: list[tuple[int, int, str]], j: int, k: int) -> str:
    return " ".join(text[toks[j][0] : toks[k][1]].split())


_PREPOSITIONS = frozenset("of for from by in at on with among about between to over under within across".split())
_AUX = frozenset("is are was were be been has have had do does did will would can could may might must should".split())
# participles that modify a source noun: "a survey conducted by X", "figures released on Monday"
_MODIFYING_PARTICIPLES = frozenset(
    "conducted released published commissioned obtained compiled taken carried done issued prepared filed".split()
)
_CLOSERS = {",": ",", "\u2014": "\u2014", "\u2013": "\u2013", "(": ")"}


_OPENING_ADVERBIALS = _PREPOSITIONS | {"last", "this", "on", "after", "before", "during", "since"}
_DASHES = frozenset(["\u2014", "\u2013", "-", "--"])


def dateline_end(toks: list[tuple[int, int, str]], titled: bool = False) -> int:
    """Index of the first token after a dateline, or 0 when there is none.

    "ORLEN \u2014", "ORLEN (Reuters) -", "ORLEN, July 19 (UPI) \u2014"; with ``titled``, a place in title case
    before an agency too: "Orlen (AFP) \u2013" (in a sentence, "Orlen (Vell News) - The mayor" may be no dateline,
    but on the line under a title it is).
    """
    k = 0
    while k < len(toks) and k < 4 and toks[k][2].isupper() and toks[k][2].isalpha():
        k += 1
    opens = titled and len(toks) > 1 and toks[0][2].istitle() and toks[0][2].isalpha() and toks[1][2] == "("
    if not k and opens:
        k = 1  # "Cleveland (AFP) -": a place in title case, its agency named
    dated = k + 3 < len(toks) and toks[k][2] == "," and toks[k + 1][2].istitle() and toks[k + 2][2].isdigit()
    if k and dated:
        k += 3  # "CLEVELAND, July 19 (UPI) -"
    if k and k < len(toks) and toks[k][2] == "(":
        close = next((n for n in range(k + 1, min(len(toks), k + 6)) if toks[n][2] == ")"), None)
        k = close + 1 if close is not None else k
    return k + 1 if k and k < len(toks) and toks[k][2] in _DASHES else 0


def _runs_on(word: str) -> bool:
    """A plain lower-case word that can end a noun phrase ("brand" of "the Orlen brand"); no participle or link."""
    low = word.lower()
    return (
        word[:1].isalpha()
        and word[:1].islower()
        and is_modifier(word)
        and not low.endswith(("ed", "en", "ing", "ly"))
        and low not in DETERMINERS | _PREPOSITIONS | _MODIFYING_PARTICIPLES | _AUX
    )


def spaced(toks: list[tuple[int, int, str]], k: int) -> bool:
    """True when token k stands apart from its neighbours (" - "), not inside a word or number ("12-employee")."""
    return 0 < k < len(toks) - 1 and toks[k - 1][1] < toks[k][0] and toks[k][1] < toks[k + 1][0]


def clause_start(toks: list[tuple[int, int, str]], before: int) -> int:
    """Where the main clause's subject may begin: after a dateline or an opening adverbial ("In March, ...").

    -1 when an opening adverbial has no comma before token ``before``.
    """
    start = dateline_end(toks)
    if start == 0 and toks and toks[0][2].lower() in _OPENING_ADVERBIALS:
        comma = next((n for n in range(1, before) if toks[n][2] == ","), None)  # "In March, the poll found"
        return -1 if comma is None else comma + 1
    return start


def opening_subject(toks: list[tuple[int, int, str]], verb: int) -> tuple[int, int] | None:
    """The noun phrase opening a clause that ends in the verb at token ``verb``, or None.

    "A survey by the institute in March found", "Executives for Orlen, which ..., say":
    between the phrase and the verb only prepositional phrases, modifying participles and
    parentheticals (between commas, dashes or brackets) may stand, so that no other verb
    can have been the phrase's own.
    """
    start = clause_start(toks, verb)
    if start < 0:
        return None
    span = np_after(toks, start)
    if span is None or span[1] >= verb - 1 or not (is_name(toks[span[1]][2]) or is_noun(toks[span[1]][2])):
        return None
    k = span[1] + 1
    # "Exit polls from the Orlen primary, ...": a phrase that ends inside a prepositional phrase goes on in it
    in_phrase = any(toks[n][2].lower() in _PREPOSITIONS for n in range(span[0] + 1, span[1] + 1))
    tail = span[1]  # "A representative for the Orlen brand - ...": the phrase runs on to "brand"
    while k < verb:
        word = toks[k][2]
        low = word.lower()
        if word in _CLOSERS or (word == "-" and spaced(toks, k)):  # " - a farmer from X - ": a spaced hyphen too
            close = _CLOSERS.get(word, "-")
            ends = [
                n for n in range(k + 1, min(verb, k + 40)) if toks[n][2] == close and (close != "-" or spaced(toks, n))
            ]
            end = (ends[0] if word in ("(", "-") else ends[-1]) if ends else None  # ", 39, a farmer from X," is one
            if end is None:
                return None
            k, in_phrase = end + 1, False
            continue
        if low in _PREPOSITIONS or low in _MODIFYING_PARTICIPLES:
            in_phrase = True
        elif (
            low in _AUX
            or low in REPORTING_VERBS
            or not (
                in_phrase
                or low in DETERMINERS
                or low in ("and", "/", "-", "&", "respectively")
                or (word[:1].isupper() and k > span[1] + 1)
            )
        ):
            return None
        if tail == k - 1 and _runs_on(word):
            tail = k
        k += 1
    return span[0], tail


_BOUNDARY = frozenset(
    [",", ";", ":", "(", ")", "[", "]", "\u2014", "\u2013", "-", '"', "\u201c", "\u201d", ".", "?", "!"]
)
_RELATIVE = frozenset("who which that whose where when while because as if than".split())
_POSSESSIVE_DETERMINERS = frozenset("his her their its our my your".split())


def abbreviation_dot(toks: list[tuple[int, int, str]], k: int) -> bool:
    """True when token k is the dot of a title, an initial or an abbreviation ("Mr.", "Yulia V.", "U.S.") in a name."""
    if toks[k][2] != "." or k == 0 or k + 1 >= len(toks) or toks[k - 1][1] != toks[k][0]:
        return False
    word = toks[k - 1][2]
    initial = len(word) == 1 and word.isupper()
    return (plain(word) in SHORT_TITLES or initial or ("." in word and word[:1].isupper())) and is_name(toks[k + 1][2])


def np_to_boundary(toks: list[tuple[int, int, str]], i: int, limit: int = 14) -> tuple[int, int] | None:
    """Token range of the whole phrase after "according to": up to the clause's end ("a lawsuit filed by X").

    The phrase runs to a comma, dash, bracket, quotation mark or relative word; None when it
    runs on past ``limit`` tokens or holds no noun (a name, a source noun, or a common noun
    after a determiner or a possessive: "his campaign finance documents", "state law").
    """
    k = i
    while k < len(toks) and (
        (toks[k][2] not in _BOUNDARY or abbreviation_dot(toks, k)) and toks[k][2].lower() not in _RELATIVE
    ):
        if k - i >= limit:
            return None
        k += 1
    if k == i:
        return None
    # "According to research firm Vell Data the number of users has doubled": a new phrase opens after the name
    k = next((n for n in range(i + 2, k) if toks[n][2].lower() in DETERMINERS and is_name(toks[n - 1][2])), k)
    words = [t[2] for t in toks[i:k]]
    first = words[0].lower()
    content = [w for w in words if w[:1].isalpha() and w.lower() not in _FUNCTION and w.lower() not in DETERMINERS]
    if not content:
        return None
    if not (
        any(is_name(w) or is_noun(w) for w in words)
        or first in DETERMINERS
        or first in _POSSESSIVE_DETERMINERS
        or first.endswith(("'s", "\u2019s"))
        or (len(words) <= 3 and all(w.isalpha() and w.islower() and w not in _FUNCTION for w in words))  # "state law"
    ):
        return None
    return i, k - 1
