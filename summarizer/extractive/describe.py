"""What a figure is about, as a short noun phrase taken from the words around it.

"sent 5,000 additional troops near the border on Monday" -> "additional troops near
the border": the words after the figure up to a verb or the end of the clause. When
they say nothing or only the unit, what the figure measures: the subject of the change
or level before it, past other figures ("net profits were up 42% to 719m euros"), the
noun that holds it ("debts of 14bn euros"), the change noun's object ("a 29% drop in the
number of drivers"); else the noun phrase before it ("forces numbering around 48,000").
A phrase of time after a figure ("in the third quarter") is when, not what. When the sentence names nothing the
figure measures, the description is its counted noun ("athletes"), else empty rather than a currency or "per cent"
again or a fragment ("more than").
"""

from __future__ import annotations

import itertools
import re

from .change_patterns import (
    AMOUNT_WORDS,
    CHANGE_LAST,
    CHANGE_NOUN,
    CHANGE_NOUNS,
    CHANGE_VERB,
    CHANGED_OBJECT,
    OF_HOLDER,
    PEEL,
    SEEN,
    VALUED_OBJECT,
)
from .describe_words import (
    ADJECTIVE_ENDINGS,
    ADJUNCTS,
    ADVERBS,
    AMOUNT_ADJECTIVES,
    AUX,
    CLAUSE_WORDS,
    COMPARATIVES,
    CONTESTS,
    DANGLING,
    DETERMINERS,
    HEAD_CUTS,
    HOW,
    INSIDE,
    MODALS,
    MORE,
    NOT_HOLDERS,
    PARTICIPLES,
    PARTICLES,
    PAYING_OUT,
    PERSONS,
    PLACES,
    PREPOSITIONS,
    PRONOUNS,
    RATE_WORDS,
    STOP,
    TAIL_BEFORE,
    TIME_MODIFIERS,
    TIME_NOUNS,
    TIME_PREPOSITIONS,
    TIME_UNITS,
    TOOK,
    VERBS_BEFORE,
    WHEN,
)
from .figure_words import CASUALTY_VERBS, CURRENCY_WORDS, MONEY_VERB_NOUNS, UNITS
from .sentences import Sentence

__all__ = ["describe"]

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z\u00c0-\u024f][\w'\u2019-]*|\d+(?:[,.]\d+)*%?|[^\w\s]")
# a relative pronoun right before its verb stands for the noun phrase before it
_RELATIVE = re.compile(r",?\s+(?:which|that|who)\s*$", re.IGNORECASE)
# a noun phrase, then what is forecast for it, right before its figure: "a deficit (projected to peak at)"
_FORECAST_TO = re.compile(
    r"\s(?:expected|projected|predicted|forecast|set|due|likely|tipped|estimated|thought|believed)\s+to\s+"
    r"(?:[a-z]+\s+){0,2}[a-z]+\s*$"
)
# a participle left alone as a description: "(£40m) taken", "(500,000) sold"
_LONE_PARTICIPLES = PARTICIPLES | frozenset("sold bought paid made taken stolen beaten given driven won lost".split())
_VERB_BEFORE = re.compile(r"(?:ing|ed)$")
_MAX_WORDS = 8
_MEASURES = CURRENCY_WORDS | {"per cent", "percent", "pc", "percentage", "money"}  # a unit that names no thing
_UNIT_WORDS = _MEASURES | {"points", "percentage points"}
_CLAUSE_STOP = STOP | frozenset(
    "while whereas although though said says as because and but saw sees see expects saying adding noting showing"
    " showed shows means meant".split()
)
_YEAR = re.compile(r"(?:19|20)\d\d$")
_ASIDE = re.compile(r"\s[-\u2013\u2014]\s[^-\u2013\u2014]*\s[-\u2013\u2014]|\([^()]*\)")


def _trim(words: list[str]) -> list[str]:
    while words and words[-1].lower() in DANGLING | {"up", "down"}:
        words.pop()  # "bring debt (down)": a particle is the verb's, not the noun's
    while words and words[0].lower() in DANGLING - {"the", "a", "an", "their", "its", "his", "her"} | PARTICLES:
        words.pop(0)
    if len(words) == 1 and words[0].islower() and (words[0].endswith("ly") or words[0] in ADVERBS):
        return []  # "(up) slightly": an adverb names nothing
    return words


def _place_after(words: list[str]) -> list[str]:
    """'are now positioned near the border' -> 'near the border': a place phrase after a passive verb."""
    k = 0
    if k < len(words) and words[k].lower() in AUX:
        k += 1
        while k < len(words) and words[k].lower() in AUX:
            k += 1
    if k < len(words) and (words[k].endswith("ly") or words[k].lower() in ADVERBS):
        k += 1
    if not (k < len(words) and (words[k].lower().endswith("ed") or words[k].lower() in PARTICIPLES)):
        return []
    k += 1
    if not (k < len(words) and words[k].lower() in PLACES - {"on", "by", "from"}):
        return []  # "were tested (on their speed)", "was written (by Orlen)": no place
    if k + 1 < len(words) and words[k + 1].endswith("ing") and words[k + 1].islower():
        return []  # "are interested (in listening)": an activity, not a place
    place = [words[k]]
    for word in words[k + 1 : k + 6]:
        if not word[0].isalpha() or word.lower() in STOP:
            break
        place.append(word)
    while place and place[-1].lower() in DANGLING:
        place.pop()
    return place if len(place) > 1 else []


def describe(text: str, start: int, end: int, sentence: Sentence, unit: str | None = None) -> str:
    """A readable noun phrase for what the figure at text[start:end] counts or measures ('' when none is found)."""
    found = _describe(text, start, end, sentence, unit)
    participle = found.islower() and " " not in found and (found.endswith("ed") or found in _LONE_PARTICIPLES)
    participle = participle and found not in CASUALTY_VERBS.values()  # "the injured" are what is counted
    if found and not participle and found.lower() not in _MEASURES | {(unit or "").lower(), text[start:end].lower()}:
        return found  # not "taken", "sold": a verb left alone names nothing
    # a counted noun says what is counted ("12 athletes", "20 years"); a currency or "per cent" says only the
    # unit, and a word the unit reader took in passing ("three of which", "half since") says nothing
    counted = unit is not None and unit.lower() not in _MEASURES | STOP | DANGLING | ADVERBS | MORE
    return unit if counted and unit is not None and unit.isalpha() and unit.islower() else ""


def _describe(text: str, start: int, end: int, sentence: Sentence, unit: str | None) -> str:
    words = [m.group() for m in _WORD.finditer(text, end, sentence.end)]
    while words and words[0] in ("-", "\u2014", "\u2013"):
        words.pop(0)
    quoted = start > 0 and text[start - 1] in "\"\u201c\u201d'"  # '"50-50" to face': the quote closes the figure's
    if len(words) > 1 and words[0] in ('"', "\u201c") and words[1][:1].islower() and not quoted:
        # 'a £10bn "black hole"': the quoted words are the noun phrase, and end at the quote; one quoted word
        # before a noun is its adjective ('eight "critical" holes')
        adjective = len(words) > 3 and words[2] in ('"', "\u201d") and words[3][:1].islower()
        words = [words[1], *words[3:]] if adjective else words[1:]
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
    if money and words and words[0].lower() in PLACES | PREPOSITIONS and words[0].lower() not in ("of", "in"):
        words = []  # "a contract worth £7m with Orlen", "fined 1m euros by the regulator": not what the money is
    if words and words[0].lower() in PLACES | PREPOSITIONS and words[0].lower() != "of" and _named(words[1:3]):
        words = []  # "6-1 in Kestby", "3 in the UK": where or by whom, not what is counted
    gerund = len(words) > 1 and words[0].lower() == "in" and words[1].endswith("ing") and words[1].islower()
    if words and (words[0].lower() in ADJUNCTS or gerund):
        words = []  # "25 were tested (on their lobbying ability)", "a third are interested (in listening)"
    if words and (words[0].lower() in HOW or _time_phrase(words) or _rate(words)):
        words = []  # "to 100,000 through mobilisation", "in the second quarter", "per day": how or when, not what
    after: list[str] = []
    for k, word in enumerate(words):
        low = word.lower()
        # "90% of the 2,200 employees": a number right after "of the" is part of what is counted
        counted = (len(after) == 2 and after[0].lower() == "of" and after[1].lower() in DETERMINERS) or (
            after == ["of"]
        )
        counted = counted and word[0].isdigit() and k + 1 < len(words) and words[k + 1][:1].islower()
        counted = counted and words[k + 1].lower() not in DANGLING | STOP  # not "50% of 18 to 30-year-olds"
        if not (word[0].isalpha() or counted) or low in STOP or low in WHEN or len(after) >= _MAX_WORDS:
            break
        if after and low.endswith("ed") and after[-1].lower() not in INSIDE and word[:1].islower():
            break  # "troops gathered in ...": the verb ends the phrase
        after.append(word)
    n = len(after)
    while after and after[-1][:1].isdigit():
        after.pop()  # "two weeks later on the 11 (December)": a date, not what is counted
    if after and after[0].lower() == "of" and len(after) > 1:
        after = after[1:]
    if len(after) > 2 and after[0].lower() in CHANGE_NOUNS and after[1].lower() in ("in", "of"):
        after = after[2:]  # "a 29% drop in (the number of drivers)": what changed, not the change
    if len(after) > 1 and after[-1].lower() in ("more", "less", "fewer"):
        # "(16%) of women earn more (than £50,000)": the comparison is of the next figure; the verb before it
        # ends the noun phrase ("of women"), a counted noun does not ("ten times more")
        after.pop()
        if after[-1].lower() not in DANGLING and after[-1].lower() not in UNITS | {"times", (unit or "").lower()}:
            after.pop()
            while after and (after[-1].lower() in ADVERBS | {"far", "much"} or after[-1].endswith("ly")):
                after.pop()
    after = _trim(after)
    measured = (unit or "").lower() in _UNIT_WORDS  # money or a share is in no place: "$54bn expected on Wall Street"
    place = _place_after(words[n:]) if len(after) <= 3 and not measured else []
    if not after and place and unit:
        after = [unit]
    comparing = after[0].lower() if after else ""
    compared = list(itertools.takewhile(lambda word: word.lower() not in DANGLING, after[1:4]))
    if comparing in COMPARATIVES and not any(_noun_like(word, unit, comparing) for word in compared):
        after = []  # "15% lower (than last year)", "2-0 down", "30% more expensive": a comparison, no noun
    if len(after) == 1 and after[0].islower() and (after[0].endswith(("ly", "ed")) or after[0] in ADVERBS):
        after = []  # "$6.3bn (£3.4bn) currently", "(£75m), compared": an adverb or a verb, nothing counted
    duration = (unit or "").lower().rstrip("s") in TIME_UNITS  # "20 years in jail": a span is what it counts
    if _only_time(after) and not duration:
        after = []  # "(40) a day", "(1.6%) in the second": a time or a rank, not what is measured
    if not after or " ".join(after).lower() in _UNIT_WORDS:
        named = _money_named(text[sentence.start : start]) if money else []  # "Vellcorp lost (£5m)": losses
        after = named or _changed_subject(text[sentence.start : start]) or after  # "its exposure is less than"
    if after:
        return " ".join([*after, *place])
    phrase = _noun_phrase_before(text[sentence.start : start])
    phrase = [] if _only_time(phrase) and not duration else phrase  # "finishing the year (around $1.35)"
    return " ".join([*phrase, *place]).strip()


def _noun_phrase_before(head: str) -> list[str]:
    """'forces numbering (around 48,000)' -> 'forces': the noun phrase right before a figure, if one ends there."""
    forecast = _FORECAST_TO.search(head, _tail(head))
    passive = forecast is not None and head[: forecast.start()].rsplit(None, 1)[-1:] in (
        ["is"],
        ["are"],
        ["was"],
        ["were"],
    )
    if forecast is not None and not passive:
        return _phrase_before(head[: forecast.start()])  # "with exports (predicted to grow from)": what is forecast
    before = re.findall(r"[\w'\u2019-]+|[^\w\s]", head)
    phrase: list[str] = []
    for word in reversed(before):
        low = word.lower()
        if not word[0].isalpha() or low in STOP or len(phrase) >= 5:
            break
        phrase.insert(0, word)
    while phrase and phrase[-1].lower() in ADVERBS | {"above", "below"}:
        phrase.pop()  # "that is still (£2bn more)", "kept growth above (9%)"
    if phrase and phrase[-1].lower() in CASUALTY_VERBS:
        return [CASUALTY_VERBS[phrase[-1].lower()]]  # "rocket attacks injure (19)": the injured
    finite = False  # "Gordon Brown reallocated (£512m)": a subject and its verb, not what the figure counts
    while phrase and (_VERB_BEFORE.search(phrase[-1].lower()) or phrase[-1].lower() in DANGLING | TAIL_BEFORE):
        verb = phrase.pop()
        transfer = verb.endswith("ed") and verb.islower() and verb not in CHANGE_LAST
        finite = finite or (transfer and bool(phrase) and phrase[-1][:1].isupper())
        while phrase and phrase[-1].lower() in ADVERBS | {"out", "off"}:
            phrase.pop()  # "has already pumped", "paid out": an adverb or a particle, no noun
    if finite:
        return []
    verbs = [k for k, word in enumerate(phrase) if word.lower() in VERBS_BEFORE]
    if verbs and phrase[verbs[-1]].lower() in CLAUSE_WORDS | CONTESTS:
        return []  # "expected to fetch", "why some products cost": a verb or a clause, no noun phrase
    if verbs:
        phrase = phrase[verbs[-1] + 1 :]  # "kept (growth) above", "taking (borrowing costs) to": the verb's object
    starts = [k for k, word in enumerate(phrase) if word.lower() in DETERMINERS]
    if starts:
        phrase = phrase[starts[-1] :]  # "analysts put the figure": the noun phrase, not its subject and verb
    if phrase and phrase[-1].lower() in TOOK and (len(phrase) == 1 or phrase[0].lower() in PRONOUNS):
        phrase = []  # "It took (£11.5m)", "lost (7%)": a verb, no noun phrase to name
    phrase = _trim(phrase)
    if phrase and phrase[0].lower() in PRONOUNS:
        return []  # "another (£120m)", "it (£19.2m)": no noun phrase to name
    if len(phrase) == 1 and phrase[0] in CHANGE_LAST | {"worth", "set", "due", "likely"}:
        return []  # "is set to hit", "been worth": a verb or an adjective left, no noun
    if phrase and phrase[-1].lower() in AMOUNT_ADJECTIVES and phrase[0].lower() in ("a", "an", phrase[-1].lower()):
        return []  # "end up a further ($100bn)", "a total (£22.8m)": an adjective of the amount, no noun
    return phrase


def _noun_like(word: str, unit: str | None, comparative: str) -> bool:
    """'(more) cars', '(less) debt': a noun after a comparative, not an adjective or adverb ('more likely')."""
    low = word.lower()
    plural = low.endswith("s") and not low.endswith(("ss", "ous", "less", "us", "is"))
    if low in UNITS or low == (unit or "").lower() or (plural and word.replace("-", "").isalpha()):
        return True
    # "more", "less" and "fewer" also take a mass noun ("less debt"); an adjective's ending says it is none
    return (
        comparative in ("more", "less", "fewer")
        and word.isalpha()
        and word.islower()
        and low not in DANGLING | STOP | ADVERBS | COMPARATIVES | {"here", "there", "likely"}
        and not low.endswith(ADJECTIVE_ENDINGS)
    )


def _money_named(before: str) -> list[str]:
    """'a deal worth (£5m)' -> 'a deal', 'the film took (£5m)' -> 'takings': what the verb or noun makes money."""
    head = before[: AMOUNT_WORDS.search(before, _tail(before)).start()]  # type: ignore[union-attr]
    words = head.split()
    if not words:
        return []
    last = words[-1].lower()
    if last == "out" and len(words) > 1 and words[-2].lower() in PAYING_OUT:
        return ["payment"]  # "paid out", "handed out", "forked out"
    if last == "worth":
        subject = re.sub(r"\s+(?:is|are|was|were|be|been|being)(?:\s+\w+ly|\s+now|\s+still)?\s+worth$", "", head)
        if subject != head:
            return _phrase_before(subject)  # "the contract with the board was worth": the subject
        phrase = _phrase_before(head[: -len("worth")])
        opens = [k for k, word in enumerate(phrase) if word.lower() in DETERMINERS]
        return phrase[opens[-1] :] if opens else phrase  # "in a deal worth": the noun phrase, not the place
    noun = MONEY_VERB_NOUNS.get(last)
    if noun == last and not last.endswith("ing") and len(words) > 1 and words[-2].lower() not in MODALS:
        return []  # "Labour's campaign cost (£1.7m)": the noun phrase before says it better
    return [noun] if noun else []


def _money_in(words: list[str]) -> bool:
    """'in damages', 'of funding': what an amount of money is, after it (not 'in London', 'in the face of')."""
    return (
        len(words) > 1
        and words[0].lower() in ("in", "of")
        and words[1][:1].islower()
        and words[1].lower() not in DANGLING | WHEN | TIME_NOUNS
        and not _time_phrase(words)
    )


def _named(words: list[str]) -> bool:
    """'Kestby', 'the UK': a name, maybe after its article."""
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and words[0][:1].isupper()


def _rate(words: list[str]) -> bool:
    """'per day', 'a year', 'each month': the span a figure is counted over, not what it counts."""
    return len(words) > 1 and words[0].lower() in RATE_WORDS and words[1].lower().rstrip("s") in TIME_UNITS


def _only_time(words: list[str]) -> bool:
    """'the year', 'the second', 'the end of the month': a time or a rank, no thing the figure measures."""
    timed = [w.lower() for w in words if w.lower() not in DETERMINERS | {"of", "per", "each", "every"}]
    return bool(timed) and all(w in WHEN | TIME_NOUNS | TIME_MODIFIERS | TIME_UNITS for w in timed)


def _time_phrase(words: list[str]) -> bool:
    """'in the second quarter', 'on Tuesday', 'on a year-on-year basis': a phrase of time, not what is counted."""
    if words[0].lower() not in TIME_PREPOSITIONS:
        return False
    for word in words[1:6]:
        low = word.lower()
        if low in WHEN or low in TIME_NOUNS:
            return True
        if not (low in DETERMINERS or low in TIME_MODIFIERS or word[:1].isdigit()):
            return False
    return False


def _phrase_before(head: str) -> list[str]:
    """The noun phrase that ends a clause's text: 'Tarvik said annual pre-tax profit' -> 'annual pre-tax profit'."""
    head = re.sub(r"[\"\u201c\u201d]", "", head)  # 'the numbers of active "bot computers" rose'
    relative = _RELATIVE.search(head)
    head = head[: relative.start()] if relative else head  # "the German economy, which (shrank)": the noun it is about
    head = re.sub(r",\s+(?:which|who|whose)\b[^,]*,\s*$", "", head)  # "the sector, which accounts for ..., grew"
    head = re.split(r"[,;:]\s|\s[-\u2013\u2014]\s", _ASIDE.sub("", head).rstrip(" ,"))[-1]
    words = re.findall(r"[\w'\u2019&.-]*[\w'\u2019&]|[^\w\s]", head)
    phrase: list[str] = []
    for k in range(len(words) - 1, -1, -1):
        word = words[k]
        # "earnings during the quarter", "the number waiting more than a year": inside the noun phrase
        inside = word.lower() == "during" or (word.lower() == "than" and k > 0 and words[k - 1].lower() in MORE)
        stop = word.lower() in _CLAUSE_STOP and not inside
        # "the age of 21 for an MP", "the number waiting over 12 months": a number inside the noun phrase
        counted = word[:1].isdigit() and k > 0 and words[k - 1][:1].isalpha() and bool(phrase)
        counted = counted and words[k - 1].lower() not in _CLAUSE_STOP
        if not (word[:1].isalpha() or _YEAR.match(word) or counted or word == "&") or stop or len(phrase) >= 10:
            break
        phrase.insert(0, word)
    if len(phrase) > 2 and phrase[-2].lower() in ("this", "last", "next") and phrase[-1].lower() in WHEN:
        phrase = phrase[:-2]  # "Economic growth this year (is expected to be)": the time is not the subject
    # "In London the share price": a determiner after a word that is no preposition opens the noun phrase
    opens = [k for k in range(1, len(phrase)) if phrase[k].lower() in DETERMINERS]
    inside = PREPOSITIONS | PLACES | {"of", "than", "via"}  # "the cost of guarding (the courthouse)"
    gerund = {k for k in range(2, len(phrase)) if phrase[k - 1].endswith("ing") and phrase[k - 2].lower() in inside}
    opens = [k for k in opens if phrase[k - 1].lower() not in inside and k not in gerund]
    if opens:
        phrase = phrase[opens[-1] :]
    while phrase and phrase[0].lower() in WHEN:
        phrase.pop(0)  # "on Monday, EMI shares": the time is not what changed
    if phrase and phrase[0].lower() == "with":
        phrase = phrase[1:]  # "demand, with (private consumption) up"
    if phrase and phrase[0].lower() in PREPOSITIONS:
        # "In Singapore the figure": from its determiner; a phrase that stays a preposition's is no subject
        determiners = [k for k, word in enumerate(phrase) if word.lower() in DETERMINERS]
        phrase = phrase[determiners[0] :] if determiners else []
    if phrase and phrase[-1].endswith("ed") and phrase[-1].islower():
        return []  # "... the figures showed": a verb, not a noun, ends the text
    if len(phrase) == 1 and phrase[0].lower() in PRONOUNS:
        return []  # "when he was just 14": a person, not what the figure measures
    if phrase and len(phrase) <= 2 and phrase[-1].lower() in WHEN | TIME_NOUNS:
        return []  # "waiting more than (a year)": a span of time, not what changed
    if phrase and phrase[0].lower() in COMPARATIVES - {"more", "less", "fewer"}:
        return []  # "(11.8%) higher on the year": a comparison, not a subject
    subjects = [k for k, word in enumerate(phrase[:-1]) if word.lower() in PERSONS]
    if subjects:
        phrase = phrase[subjects[-1] + 2 :]  # "he believed (rates) would remain": past a pronoun and its verb
        phrase = [] if phrase and phrase[0].lower() in PRONOUNS else phrase  # "we estimate it"
    if relative:  # "thanks to (the country's oil revenues), which": the noun after the last preposition or verb
        verbs = [k for k, word in enumerate(phrase) if re.search(r"[a-z](?:ed|ing)$", word)]
        verbs = [k for k in verbs if k == 0 or phrase[k - 1].lower() not in DETERMINERS]  # not "the faltering"
        cuts = [k for k, word in enumerate(phrase) if word.lower() in HEAD_CUTS] + verbs
        phrase = phrase[max(cuts) + 1 :] if cuts else phrase
    return _trim(phrase)


def _tail(text: str, width: int = 120) -> int:
    """Where to start a search for a pattern that ends the text: its last characters hold any match."""
    return max(0, len(text) - width)


def _changed_subject(before: str, nested: bool = False) -> list[str]:
    """'net profits were up (42% to) ...', 'debts of (about) ...': the noun phrase the figure measures."""
    head = before.rstrip(" ,") if nested else before.rstrip()  # "rose 4.8%, to reach": the first change's
    peeled = PEEL.search(head, _tail(head, 60))
    while peeled is not None and peeled.start() < len(head):
        head = head[: peeled.start()]
        peeled = PEEL.search(head, _tail(head, 60))
    if head.endswith(",") or (nested and head == before.rstrip(" ,")):
        return []  # "a drop in funding, compared with 45": the comparison is of the clause, not of the phrase
    # "the last three months of (2004) compared with": a figure peeled off, so no noun holds this one
    direct = not re.search(r"\d", before[len(head) :])
    held = OF_HOLDER.search(head, _tail(head)) if direct and not nested and head.endswith(" of") else None
    if held is not None:
        words: list[str] = []
        for word in reversed(held.group(1).split()):
            low = word.lower()
            if low in STOP or low in PREPOSITIONS or (low.endswith("ed") and word.islower()):
                break  # "it had (assets) of", "the cost of the disaster at (hundreds) of"
            words.insert(0, word)
        determiners = [k for k, word in enumerate(words) if word.lower() in DETERMINERS]
        words = words[determiners[-1] :] if determiners else words[-1:]
        if words and words[-1].lower() not in NOT_HOLDERS and words[-1].islower():
            return _trim(words)
        return []
    gate = re.match(r"\s+(by|to|from|at)\b", before[len(head) :])
    pattern = VALUED_OBJECT if gate is not None and gate.group(1) == "at" else CHANGED_OBJECT
    changed = pattern.search(head, _tail(head)) if gate is not None else None
    while changed is not None and (inner := pattern.search(changed.group(1))) is not None:
        changed = inner  # "estimates putting (the attendance) at": the nearest verb's object
    if changed is not None and changed.group(1).split()[0].lower() in HEAD_CUTS | {"of"}:
        changed = None  # "took (on to fund ...)": a particle or a preposition, no object
    if changed is not None and AUX & set(changed.group(1).lower().split()):
        changed = None  # "the rate of increase in the UK is down to": a clause, not the verb's object
    if changed is not None and not nested:
        # "consumers increased (their spending) by 1.5%", "cut (its forecast) to 0.8%", "put (the cost) at $5m"
        return _trim(changed.group(1).split())
    seen = SEEN.search(head, _tail(head))
    witnessed = _trim(seen.group(1).split()) if seen is not None else []
    if witnessed and witnessed[0].lower() != "to":
        return witnessed  # "Halvik saw (its profits) fall 9%"
    tail = head.rsplit(None, 2)[-2:] if head.strip() else [""]
    adverb = tail[-1].endswith("ly") or tail[-1].lower() in ADVERBS
    last = (tail[0] if len(tail) > 1 and adverb else tail[-1]).lower()  # "fell sharply", "is still"
    verb = CHANGE_VERB.search(head, _tail(head)) if last in CHANGE_LAST else None
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
    noun = CHANGE_NOUN.search(head, _tail(head))
    if noun is not None and direct and not nested:
        return _trim(noun.group(1).split())  # "a 43% rise in (net profits) to"
    return []
