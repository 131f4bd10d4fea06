"""What a figure is about, as a short noun phrase taken from the words around it.

"sent 5,000 additional troops near the border on Monday" -> "additional troops near
the border": the words after the figure up to a verb or the end of the clause. When
they say nothing or only the unit, what the figure measures: the subject of the change
or level before it, past other figures ("net profits were up 42% to 719m euros"), the
noun that holds it ("debts of 14bn euros"), the change noun's object ("a 29% drop in the
number of drivers"); else the noun phrase before it ("forces numbering around 48,000").
A phrase of time after a figure ("in the third quarter") is when, not what.
"""

from __future__ import annotations

import re

from .figure_words import CURRENCY_WORDS, MONEY_VERB_NOUNS
from .sentences import Sentence

__all__ = ["describe"]

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z\u00c0-\u024f][\w'\u2019-]*|\d+(?:[,.]\d+)*%?|[^\w\s]")
# words that may sit inside the noun phrase after a figure
_INSIDE = frozenset(
    """of the a an in on at near along across from into inside outside around over under within
    per for to by between among their its his her our your this that these those each every new more""".split()
)
# prepositions and determiners that cannot end a phrase
_DANGLING = frozenset(
    """about of the a an in on at near along across from into inside outside around over under within per for to
    by between among their its his her our your this these those and or with back""".split()
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
_PAYING_OUT = frozenset("pay pays paid paying hand hands handed handing fork forks forked forking".split())
_MODALS = frozenset("to will would could may might should must can".split())
_AUX = frozenset("is are was were be been being has have had will would".split())
_ADVERBS = frozenset("now still already also reportedly currently alone just only even".split())
_PARTICIPLES = frozenset("sent put held kept seen based set built".split())
_PLACES = frozenset("near at on along in to into across inside outside around within from by".split())
_VERB_BEFORE = re.compile(r"(?:ing|ed)$")
# verbs and comparatives that end a phrase before its figure: "the toll rose (to 40)", "the figure closer (to 9,000)"
_TAIL_BEFORE = frozenset("rose fell stood hit grew sank put topped closer close nearer near up down back".split())
_DETERMINERS = frozenset("the a an its their his her this that these those".split())
_MAX_WORDS = 8
_UNIT_WORDS = CURRENCY_WORDS | {"per cent", "percent", "pc", "points", "percentage points", "percentage"}
# "is expected to", "was said to", "will", "has": what may stand before a verb of change
_EXPECTED = (
    r"(?:is|are|was|were|had\s+been|has\s+been|have\s+been)\s+(?:also\s+|now\s+|still\s+)?(?:forecast|expected|"
    r"projected|predicted|likely|set|due|estimated|thought|believed|said|reported|understood)\s+to\s+"
)
_MODAL = r"(?:(?:is|are|was|were)\s+to\s+|(?:has|have|had|is|are|was|were|will|would|could|may|might|should|to)\s+)"
_ADVERB = r"(?:also\s+|now\s+|still\s+|already\s+|more\s+than\s+|\w+ly\s+)?"
# verbs of change or level, in the forms that follow a modal ("will rise"), that stand alone ("rose"), and
# that are passive ("were cut"); _CHANGE_VERB, _SEEN and the cheap last-word test are built from them
_BARE_CHANGES = """slow ease rise fall grow jump climb drop slip slump soar increase decrease decline plunge surge
    tumble reach hit top shrink contract expand dip gain add shed slide advance retreat rally plummet dive rebound
    edge firm sink leap recover double triple halve widen narrow improve worsen""".split()
_AFTER_MODAL = [*_BARE_CHANGES, "total", "be", "up", "down", "rising", "falling", "growing", "come", "remain"]
_FINITE_CHANGES = """slowed eased rose risen rises fell fallen falls grew grown grows jumped jumps climbed climbs
    dropped drops slipped slips slumped soared increased decreased declined plunged surged tumbled stood stands reached
    reaches shrank shrunk shrinks contracted contracts expanded expands totalled totaled totals hits topped tops is are
    was were remains remained stays stayed came comes dipped dips gained gains added adds shed sheds slid slides
    advanced advances retreated retreats rallied rallies plummeted dived dove rebounded edged edges firmed sank leapt
    leaped recovered doubled tripled halved widened narrowed improved worsened""".split()
_MARKET_CLOSES = "closed ended finished opened".split()  # "closed up 64 pence"
_PASSIVE_CHANGES = """cut raised lowered reduced narrowed widened doubled halved trimmed slashed estimated valued
    put set priced pegged""".split()
# the verb of a change or a level, right before its figure once figures and "to"/"from" are peeled off:
# "profits (were up 42% to) ...", "sales rose (8% to) ...", "debt is expected to reach ...", "Profit was ..."
_CHANGE_VERB = re.compile(
    rf"(?:^|\s)(?:(?:{_EXPECTED}|{_MODAL})(?:been\s+|be\s+)?{_ADVERB}(?:{'|'.join(_AFTER_MODAL)})"
    rf"|(?:(?:{_EXPECTED}|{_MODAL})(?:been\s+|be\s+)?)?{_ADVERB}"
    rf"(?:(?:{'|'.join(_FINITE_CHANGES)})(?:\s+\w+ly)?|(?:{'|'.join(_MARKET_CLOSES)})(?:\s+(?:up|down|higher|lower))?)"
    rf"|(?:{_EXPECTED}|{_MODAL})?(?:is|are|was|were|be|been)\s+{_ADVERB}(?:{'|'.join(_PASSIVE_CHANGES)}))$",
    re.IGNORECASE,
)
# the last words _CHANGE_VERB can end on: a cheap test before the pattern is tried
_CHANGE_LAST = frozenset([*_AFTER_MODAL, *_FINITE_CHANGES, *_MARKET_CLOSES, "higher", "lower", *_PASSIVE_CHANGES])
# a change its subject witnessed: "Halvik saw (its profits) fall ...", "expects (sales) to reach ..."
_SEEN = re.compile(
    r"\b(?:saw|see|sees|seen|expects|expected|expect)\s+((?:[\w'\u2019-]+\s+){0,4}[\w'\u2019-]+?)\s+(?:to\s+)?"
    rf"(?:{'|'.join(_BARE_CHANGES)}|be)$",
    re.IGNORECASE,
)
# what a subject changed by an amount: "has cut (prices in the regions) by", "increased (their spending) by"
_CHANGED_OBJECT = re.compile(
    r"\b(?:cut|cuts|raised|raises|lowered|lowers|reduced|reduces|increased|increases|boosted|boosts|lifted|lifts|"
    r"slashed|slashes|trimmed|trims|hiked|hikes|expanded|expands)\s+((?:[\w'\u2019&-]+\s+){0,7}[\w'\u2019&-]+)$",
    re.IGNORECASE,
)
# what a subject puts a value on: "estimated (the bank's loss) at", "valued (the stake) at"
_VALUED_OBJECT = re.compile(
    r"\b(?:estimat(?:e|es|ed|ing)|put|puts|putting|valu(?:e|es|ed|ing)|pric(?:es|ed|ing)|set|sets|setting|"
    r"pegged|pegs|pegging)\s+"
    r"((?:[\w'\u2019&-]+\s+){0,6}[\w'\u2019&-]+)$",
    re.IGNORECASE,
)
# the approximations and modifiers between a verb and its amount: "took an estimated (£5m)", "paid nearly"
_AMOUNT_WORDS = re.compile(
    r"(?:\s+(?:an?\s+(?:estimated|further|total\s+of|record|reported|extra|additional)|another|about|around|"
    r"approximately|nearly|almost|some|roughly|more\s+than|less\s+than|over|under|up\s+to|at\s+least|just|only|"
    r"a\s+mere|as\s+much\s+as|[\"\u201c]))*\s*$",
    re.IGNORECASE,
)
# a change given as a noun: "a 43% rise in (net profits) to ...", "a 29% drop in (the number of drivers)"
_CHANGE_NOUNS = frozenset("rise fall drop increase decrease jump decline growth gain cut slump surge".split())
_CHANGE_NOUN = re.compile(
    rf"\b(?:{'|'.join(sorted(_CHANGE_NOUNS))})\s+in\s+((?:[\w'\u2019-]+\s+){{0,4}}[\w'\u2019-]+)$",
    re.IGNORECASE,
)
# what may be peeled off between a change verb and its figure: other figures, conversions, approximations
_PEEL = re.compile(
    r"(?:\s*\([^()]*\)|\s+(?:last|this|next)\s+(?:year|month|week|quarter)|\s+a\s+year\s+(?:earlier|ago)|"
    r"\s+(?:an?\s+)?(?:average|total|combined\s+total|maximum|minimum)\s+of|\s+on\s+average|"
    r"\s+an?\s+[a-z][a-z-]*|\s*[\"\u201c\u201d]|"  # "rose an annual (6%)", "by \"approximately (2.5%)\""
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
_OF_HOLDER = re.compile(r"([A-Za-z][\w'\u2019-]*(?:\s+[A-Za-z][\w'\u2019-]*){0,3})\s+of$")
_NOT_HOLDERS = frozenset(
    """total sum amount figure number value average maximum minimum level tune region excess out one two three
    four five six seven eight nine ten all some most many each any none both half part dozens hundreds
    thousands millions billions tens scores instead ahead because regardless top rest front spite""".split()
)
_CLAUSE_STOP = _STOP | frozenset(
    "while whereas although though said says as because and but saw sees see expects saying adding noting showing"
    " showed shows means meant".split()
)
_PREPOSITIONS = frozenset("in on at by for after before during since with from of across over".split())
_TIME_PREPOSITIONS = frozenset("in on during for over by at since until through".split())
_TIME_NOUNS = frozenset(
    """quarter quarters half period basis session sessions trading term season weekend morning afternoon evening
    night day days weeks months years decade century year-on-year hours minutes end start beginning close
    middle""".split()
)
_TIME_MODIFIERS = frozenset(
    """first second third fourth final last next previous same past coming latest early late current financial
    fiscal calendar whole entire one two three four five six seven eight nine ten twelve""".split()
)
_MORE = frozenset("more less fewer longer older younger".split())
_HOW = frozenset("through via thanks despite due because following amid".split())
_PRONOUNS = frozenset("i you he she it we they this that these those there another".split())
_TOOK = frozenset("took takes made makes earned earns raised raises paid pays won wins lost loses spent spends".split())
_YEAR = re.compile(r"(?:19|20)\d\d$")
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
    money = unit is not None and unit.lower() in CURRENCY_WORDS
    written = money and len(words) > 2 and words[0].lower() == (unit or "").lower()
    if written and (_money_in(words[1:]) or _time_phrase(words[1:])):
        words = words[1:]  # "30bn baht in earnings", "2tn won at the end of March": past the currency
    closing = words.index(")") if ")" in words[:12] else 0
    if money and words[:2] == [unit, "("] and closing and _money_in(words[closing + 1 :]):
        words = words[1:]  # "1.47m yuan ($177,600) in compensation": past the currency to the conversion
    if words and words[0] == "(" and ")" in words[:12]:
        words = words[words.index(")") + 1 :]  # "$20bn (£11bn) in damages": past the conversion
    if money and _money_in(words):
        words = words[1:]  # "$20bn in damages", "£5m of funding": what the money is
    if money and words and words[0].lower() in _PLACES | _PREPOSITIONS and words[0].lower() not in ("of", "in"):
        words = []  # "a contract worth £7m with Orlen", "fined 1m euros by the regulator": not what the money is
    if words and (words[0].lower() in _HOW or _time_phrase(words)):
        words = []  # "to 100,000 through mobilisation", "in the second quarter": how or when, not what
    after: list[str] = []
    for k, word in enumerate(words):
        low = word.lower()
        # "90% of the 2,200 employees": a number right after "of the" is part of what is counted
        counted = (len(after) == 2 and after[0].lower() == "of" and after[1].lower() in _DETERMINERS) or (
            after == ["of"]
        )
        counted = counted and word[0].isdigit() and k + 1 < len(words) and words[k + 1][:1].islower()
        counted = counted and words[k + 1].lower() not in _DANGLING | _STOP  # not "50% of 18 to 30-year-olds"
        if not (word[0].isalpha() or counted) or low in _STOP or low in _WHEN or len(after) >= _MAX_WORDS:
            break
        if after and low.endswith("ed") and after[-1].lower() not in _INSIDE and word[:1].islower():
            break  # "troops gathered in ...": the verb ends the phrase
        after.append(word)
    n = len(after)
    while after and after[-1][:1].isdigit():
        after.pop()  # "two weeks later on the 11 (December)": a date, not what is counted
    if after and after[0].lower() == "of" and len(after) > 1:
        after = after[1:]
    if len(after) > 2 and after[0].lower() in _CHANGE_NOUNS and after[1].lower() in ("in", "of"):
        after = after[2:]  # "a 29% drop in (the number of drivers)": what changed, not the change
    after = _trim(after)
    place = _place_after(words[n:]) if len(after) <= 3 else []
    if not after and place and unit:
        after = [unit]
    if len(after) == 1 and after[0].islower() and (after[0].endswith(("ly", "ed")) or after[0] in _ADVERBS):
        after = []  # "$6.3bn (£3.4bn) currently", "(£75m), compared": an adverb or a verb, nothing counted
    if not after or " ".join(after).lower() in _UNIT_WORDS:
        subject = _changed_subject(text[sentence.start : start])  # "its exposure is less than 100m euros"
        after = subject or (_money_named(text[sentence.start : start]) if money else []) or after
    if after:
        return " ".join([*after, *place])
    before = re.findall(r"[\w'\u2019-]+|[^\w\s]", text[sentence.start : start])
    phrase: list[str] = []
    for word in reversed(before):
        low = word.lower()
        if not word[0].isalpha() or low in _STOP or len(phrase) >= 5:
            break
        phrase.insert(0, word)
    finite = False  # "Gordon Brown reallocated (£512m)": a subject and its verb, not what the figure counts
    while phrase and (_VERB_BEFORE.search(phrase[-1].lower()) or phrase[-1].lower() in _DANGLING | _TAIL_BEFORE):
        verb = phrase.pop()
        transfer = verb.endswith("ed") and verb.islower() and verb not in _CHANGE_LAST
        finite = finite or (transfer and bool(phrase) and phrase[-1][:1].isupper())
        while phrase and phrase[-1].lower() in _ADVERBS | {"out", "off"}:
            phrase.pop()  # "has already pumped", "paid out": an adverb or a particle, no noun
    if finite:
        return ""
    starts = [k for k, word in enumerate(phrase) if word.lower() in _DETERMINERS]
    if starts:
        phrase = phrase[starts[-1] :]  # "analysts put the figure": the noun phrase, not its subject and verb
    if phrase and phrase[-1].lower() in _TOOK and (len(phrase) == 1 or phrase[0].lower() in _PRONOUNS):
        phrase = []  # "It took (£11.5m)", "lost (7%)": a verb, no noun phrase to name
    phrase = _trim(phrase)
    if phrase and phrase[0].lower() in _PRONOUNS:
        return ""  # "another (£120m)", "it (£19.2m)": no noun phrase to name
    return " ".join([*phrase, *place]).strip()


def _money_named(before: str) -> list[str]:
    """'a deal worth (£5m)' -> 'a deal', 'the film took (£5m)' -> 'takings': what the verb or noun makes money."""
    head = before[: _AMOUNT_WORDS.search(before, _tail(before)).start()]  # type: ignore[union-attr]
    words = head.split()
    if not words:
        return []
    last = words[-1].lower()
    if last == "out" and len(words) > 1 and words[-2].lower() in _PAYING_OUT:
        return ["payment"]  # "paid out", "handed out", "forked out"
    if last == "worth":
        subject = re.sub(r"\s+(?:is|are|was|were|be|been|being)(?:\s+\w+ly|\s+now|\s+still)?\s+worth$", "", head)
        if subject != head:
            return _phrase_before(subject)  # "the contract with the board was worth": the subject
        phrase = _phrase_before(head[: -len("worth")])
        opens = [k for k, word in enumerate(phrase) if word.lower() in _DETERMINERS]
        return phrase[opens[-1] :] if opens else phrase  # "in a deal worth": the noun phrase, not the place
    noun = MONEY_VERB_NOUNS.get(last)
    if noun == last and len(words) > 1 and words[-2].lower() not in _MODALS:
        return []  # "Labour's campaign cost (£1.7m)": the noun phrase before says it better
    return [noun] if noun else []


def _money_in(words: list[str]) -> bool:
    """'in damages', 'of funding': what an amount of money is, after it (not 'in London', 'in the face of')."""
    return (
        len(words) > 1
        and words[0].lower() in ("in", "of")
        and words[1][:1].islower()
        and words[1].lower() not in _DANGLING | _WHEN | _TIME_NOUNS
        and not _time_phrase(words)
    )


def _time_phrase(words: list[str]) -> bool:
    """'in the second quarter', 'on Tuesday', 'on a year-on-year basis': a phrase of time, not what is counted."""
    if words[0].lower() not in _TIME_PREPOSITIONS:
        return False
    for word in words[1:6]:
        low = word.lower()
        if low in _WHEN or low in _TIME_NOUNS:
            return True
        if not (low in _DETERMINERS or low in _TIME_MODIFIERS or word[:1].isdigit()):
            return False
    return False


def _phrase_before(head: str) -> list[str]:
    """The noun phrase that ends a clause's text: 'Tarvik said annual pre-tax profit' -> 'annual pre-tax profit'."""
    head = re.sub(r"[\"\u201c\u201d]", "", head)  # 'the numbers of active "bot computers" rose'
    head = re.sub(r",\s+(?:which|who|whose)\b[^,]*,\s*$", "", head)  # "the sector, which accounts for ..., grew"
    head = re.split(r"[,;:]\s|\s[-\u2013\u2014]\s", _ASIDE.sub("", head).rstrip(" ,"))[-1]
    words = re.findall(r"[\w'\u2019&.-]*[\w'\u2019&]|[^\w\s]", head)
    phrase: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        # "earnings during the quarter", "the number waiting more than a year": inside the noun phrase
        inside = word.lower() == "during" or (word.lower() == "than" and k > 0 and words[k - 1].lower() in _MORE)
        stop = word.lower() in _CLAUSE_STOP and not inside
        # "the age of 21 for an MP", "the number waiting over 12 months": a number inside the noun phrase
        counted = word[:1].isdigit() and k > 0 and words[k - 1][:1].isalpha() and bool(phrase)
        counted = counted and words[k - 1].lower() not in _CLAUSE_STOP
        if not (word[:1].isalpha() or _YEAR.match(word) or counted or word == "&") or stop or len(phrase) >= 10:
            break
        phrase.insert(0, word)
    if len(phrase) > 2 and phrase[-2].lower() in ("this", "last", "next") and phrase[-1].lower() in _WHEN:
        phrase = phrase[:-2]  # "Economic growth this year (is expected to be)": the time is not the subject
    # "In London the share price": a determiner after a word that is no preposition opens the noun phrase
    opens = [k for k in range(1, len(phrase)) if phrase[k].lower() in _DETERMINERS]
    opens = [k for k in opens if phrase[k - 1].lower() not in _PREPOSITIONS | {"to", "into", "of", "than"}]
    if opens:
        phrase = phrase[opens[-1] :]
    while phrase and phrase[0].lower() in _WHEN:
        phrase.pop(0)  # "on Monday, EMI shares": the time is not what changed
    if phrase and phrase[0].lower() == "with":
        phrase = phrase[1:]  # "demand, with (private consumption) up"
    if phrase and phrase[0].lower() in _PREPOSITIONS:
        # "In Singapore the figure": from its determiner; a phrase that stays a preposition's is no subject
        determiners = [k for k, word in enumerate(phrase) if word.lower() in _DETERMINERS]
        phrase = phrase[determiners[0] :] if determiners else []
    if phrase and phrase[-1].endswith("ed") and phrase[-1].islower():
        return []  # "... the figures showed": a verb, not a noun, ends the text
    if len(phrase) == 1 and phrase[0].lower() in _PRONOUNS:
        return []  # "when he was just 14": a person, not what the figure measures
    if phrase and len(phrase) <= 2 and phrase[-1].lower() in _WHEN | _TIME_NOUNS:
        return []  # "waiting more than (a year)": a span of time, not what changed
    return _trim(phrase)


def _tail(text: str, width: int = 120) -> int:
    """Where to start a search for a pattern that ends the text: its last characters hold any match."""
    return max(0, len(text) - width)


def _changed_subject(before: str, nested: bool = False) -> list[str]:
    """'net profits were up (42% to) ...', 'debts of (about) ...': the noun phrase the figure measures."""
    head = before.rstrip(" ,") if nested else before.rstrip()  # "rose 4.8%, to reach": the first change's
    peeled = _PEEL.search(head, _tail(head, 60))
    while peeled is not None and peeled.start() < len(head):
        head = head[: peeled.start()]
        peeled = _PEEL.search(head, _tail(head, 60))
    if head.endswith(",") or (nested and head == before.rstrip(" ,")):
        return []  # "a drop in funding, compared with 45": the comparison is of the clause, not of the phrase
    # "the last three months of (2004) compared with": a figure peeled off, so no noun holds this one
    direct = not re.search(r"\d", before[len(head) :])
    held = _OF_HOLDER.search(head, _tail(head)) if direct and not nested and head.endswith(" of") else None
    if held is not None:
        words: list[str] = []
        for word in reversed(held.group(1).split()):
            low = word.lower()
            if low in _STOP or low in _PREPOSITIONS or (low.endswith("ed") and word.islower()):
                break  # "it had (assets) of", "the cost of the disaster at (hundreds) of"
            words.insert(0, word)
        determiners = [k for k, word in enumerate(words) if word.lower() in _DETERMINERS]
        words = words[determiners[-1] :] if determiners else words[-1:]
        if words and words[-1].lower() not in _NOT_HOLDERS and words[-1].islower():
            return _trim(words)
        return []
    gate = re.match(r"\s+(by|to|from|at)\b", before[len(head) :])
    pattern = _VALUED_OBJECT if gate is not None and gate.group(1) == "at" else _CHANGED_OBJECT
    changed = pattern.search(head, _tail(head)) if gate is not None else None
    while changed is not None and (inner := pattern.search(changed.group(1))) is not None:
        changed = inner  # "estimates putting (the attendance) at": the nearest verb's object
    if changed is not None and not nested:
        # "consumers increased (their spending) by 1.5%", "cut (its forecast) to 0.8%", "put (the cost) at $5m"
        return _trim(changed.group(1).split())
    seen = _SEEN.search(head, _tail(head))
    witnessed = _trim(seen.group(1).split()) if seen is not None else []
    if witnessed and witnessed[0].lower() != "to":
        return witnessed  # "Halvik saw (its profits) fall 9%"
    tail = head.rsplit(None, 2)[-2:] if head.strip() else [""]
    last = (tail[0] if len(tail) > 1 and tail[-1].endswith("ly") else tail[-1]).lower()  # "fell sharply"
    verb = _CHANGE_VERB.search(head, _tail(head)) if last in _CHANGE_LAST else None
    if verb is None and re.match(r"\s+by\b", before[len(head) :]):
        # "have deteriorated by": any verb of change in the past, with "by" and its amount
        verb = re.search(r"(?:\s(?:has|have|had|was|were|is|are)(?:\s+been)?)?\s[a-z]+ed$", head)
    if verb is None:
        verb = re.search(r",\s*(?:up|down)$", head)  # "the deficit with Kestria, up (30.5%)"
    if verb is None and re.search(r"\bwith\s+(?:[\w'\u2019-]+\s+){1,5}(?:up|down)$", head):
        verb = re.search(r"\s(?:up|down)$", head)  # "with private consumption up (just 0.2%)"
    if verb is not None:
        # "profits rose 15% from a year ago to reach": the subject of the first change
        return _changed_subject(head[: verb.start()], nested=True) or _phrase_before(head[: verb.start()])
    noun = _CHANGE_NOUN.search(head, _tail(head))
    if noun is not None and direct and not nested:
        return _trim(noun.group(1).split())  # "a 43% rise in (net profits) to"
    return []
