"""Patterns and small word sets for attribution: where a cue's source and content lie.

General knowledge of English news wording (reporting structures, clause boundaries,
quotation marks); no sentence of any corpus.
"""

from __future__ import annotations

import re

# "40 percent of voters in the Orlen poll said/back/think ...": the respondents' answer follows the poll's name
_RESPONDENTS = (
    r"say|says|said|think|thinks|thought|believe|believes|believed|feel|feels|felt|want|wants|wanted|"
    r"support|supports|supported|backs|backed|favou?r|favou?rs|favou?red|oppose|opposes|opposed|"
    r"approve|approves|approved|disapprove|disapproves|disapproved|prefer|prefers|preferred|"
    r"agree|agrees|agreed|disagree|disagrees|disagreed|expect|expects|expected|view|views|viewed|rate|rated|"
    r"stands|stood"  # "approval in the latest Orlen poll stands at 53%"
)
# the respondents' verb is read after a poll or survey only ("in the audit, the treasury said" names no answer)
RESPONDENTS_NEXT = re.compile(rf"\s+(?:{_RESPONDENTS})\b")
POLL_NOUN = re.compile(r"\b(?:[Pp]olls?|[Ss]urveys?)\b")
IN_STUDY = re.compile(
    r"(?:^|(?<=\s))(?:[Ii]n|[Ff]rom)\s+((?:(?:the|a|an|its|their|his|her|recent|new|latest)\s+)?(?:[\w'\u2019/.-]+\s+){0,6}?"
    r"(?:[Pp]olls?|[Ss]urveys?|study|report|analysis|census|interview|statement|review|audit|data|figures|records|"
    r"average\s+of\s+(?:[A-Z][\w-]*\s+){0,3}polls)"
    r"(?:\s+(?:of|by|from|for)\s+(?:the\s+)?[A-Z][\w'\u2019/.-]*(?:\s+(?:and\s+)?[A-Z][\w'\u2019/.-]*){0,4})?)"
    r"(?=[,.;]|\s+(?:released|conducted|published|out|taken|last|this|on|by|in|with|earlier|"
    rf"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d|{_RESPONDENTS})\b)",
)
# "the Orlen poll has Kell at 40 percent", "the average of polls gives him 20 points": a poll's result
POLL_HAS = re.compile(
    r"\b(?:[Pp]olls?|[Ss]urveys?|average(?:\s+of\s+(?:[\w-]+\s+){0,3}polls)?)\s+"
    r"(?:(?:conducted|released|taken|published)\s+[^,.;]{1,60}?\s+)?(has|had|gives|gave|puts|put)\s+(?!(?:a|an|the)\s+(?:margin|credibility|sampling|sample|error)|been|no\b)"
)
# "Forbes says it is $4.5 billion and Vell Data has it at $3.9 billion": whoever has a figure at a number
HAS_IT_AT = re.compile(
    r"\b(has|had|have)\s+(?:it|them|him|her|the\s+(?:figure|number|total|toll|cost|value))"
    r"\s+at\s+(?:(?:about|around|nearly|roughly|some|more\s+than|less\s+than)\s+)?[$\u00a3\u20ac]?\d"
)
# "Under Orlen law, ...", "Under the new rule that the ministry issued on Monday, ...": a rule that sets a figure
UNDER_RULE = re.compile(
    r"(?:Under|Per)\s+((?:the\s+|a\s+|an\s+|its\s+|their\s+|this\s+)?(?:[\w'\u2019-]+\s+){0,5}?"
    r"(?:law|laws|regulation|regulations|rule|rules|[Aa]ct|bill|policy|guidelines|order|ruling|treaty|"
    r"[Cc]onstitution|statute|code))\b(?=\s*,|\s+(?:that|which)\b)"
)
UNNAMED_RULE = re.compile(
    r"(?!(?:the|a|an|its|their|this)\s)[a-z][\w-]*(?:\s+[a-z][\w-]*)*$"
)  # "state law", "federal rules": no rule of anyone's
VERB_AT = re.compile(r"\w+")
# a cheap test that a sentence holds one of IN_STUDY's nouns before the full pattern runs
STUDY_WORD = re.compile(
    r"[Pp]oll|[Ss]urvey|study|report|analysis|census|interview|statement|review|audit|data|figures|records"
)
# "Smith's claim that ...", "the ministry's estimate of ..."
POSSESSIVE_CLAIM = re.compile(
    r"((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)['\u2019]s?\s+(?:own\s+)?(?:claims?|statements?|assertions?|"
    r"estimates?|figures?|data|numbers|count|tally|calculations?|projections?|forecasts?|predictions?|remarks?|"
    r"comments?|tweets?|argument|reports?|analysis|survey|poll)\b"
)
# "Kell's plan to deport 11,000", "Orlen's pledge to add 7,000 soldiers", "Kell's plan would raise $15 billion"
POSSESSIVE_PLAN = re.compile(
    r"((?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*)['\u2019]s?\s+(?:own\s+|new\s+|proposed\s+)?(?:plans?|pledges?|"
    r"proposals?|promises?|vows?|demands?|offers?)(?:\s+(?:last|this)\s+\w+)?\s+(?=to\s|would\s|will\s|calls?\s+for\s)"
)
# 'More from Dana Kell: "...', 'Orlen Herald editor Dana Kell:' : a name, a colon, then what the name says
COLON_NAME = re.compile(
    r"(?:^|\n|[-\u2014\u2013]\s*|\b(?:by|from)\s+)((?:[A-Z][\w.'\u2019-]*\s+(?:and\s+)?){0,4}[A-Z][\w.'\u2019-]*)(?:\s*\((?:[A-Z][a-z]{0,2}|[A-Z]{1,3})-[A-Z][A-Za-z.]{0,6}\))?\s*:\s*$"
)  # a party and state in brackets before the colon: 'Rep. Dana Kell (R-Or.):'
NAME_LABEL = re.compile(r"\s*([A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}):\s")
BARE_NUMBER = re.compile(r"\s*[$\u00a3\u20ac]?\d[\d,.%]*\s*(?:[.;]|$)")
LABEL = re.compile(r"^\s*([A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+){0,2}):\s")
OPEN_QUOTES = "\u201c"
CLOSE_QUOTES = "\u201d"
PUNCT_BEFORE_INVERSION = frozenset([",", "\u201d", '"', "\u2019", "'", "\u2014", "\u2013", "-"])
# "since X confirmed it", "more than X had projected": X's clause is subordinate, not a "..., X said." tag
CLAUSE_END = re.compile(r",(?!\d)|[;\u2014\u2013]|\s-\s")  # not the comma in "$400,000"
SUBORDINATORS = frozenset(
    "since after before when while because if than what that which who whom until unless though although where".split()
)
INTRODUCES = re.compile(r"\s*(?:that\b|of\b|on\b|about\b|:|,|\u201c|\"|\u2014|-)")
ADJUNCT_PREPOSITIONS = frozenset("from in on at during after before with via while outside inside".split())
QUANTIFIED = frozenset(["least", "most"])
ADD_VERBS = frozenset(["add", "adds", "added"])
SHOW = frozenset(["show", "shows", "showed", "shown"])
# words that end a speaker's phrase after an inverted verb: 'said the club first.'
TAILS = frozenset("first last alone too himself herself itself themselves instead".split())  # and ADVERBS
# "the $1.11 that analysts expected": verbs whose object, named before "that", is a figure they put forward
RELATIVE_CUES = frozenset(
    """expected expect expects estimated estimate estimates forecast forecasts forecasted predicted predict predicts
    projected project projects reported calculated said says claimed claims put""".split()
)
# what a count right after a verb counts when it is no figure reported: "said 10 times", "said 3 days ago"
TIMES = frozenset(
    """times time days weeks months years hours minutes ago later earlier am pm january february march april may
    june july august september october november december""".split()
)
COUNTED_OBJECT = re.compile(
    r"(?:\d[\d,.]*|a|an|the|another|more|some|several|new|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands)$",
    re.IGNORECASE,
)
SHARE = re.compile(
    r"(?:\d[\d,.]*%?|percent|per|cent|%|half|third|thirds|quarter|quarters|majority|most|many|some|all|none)$", re.I
)
RELATIVE_ASIDE = re.compile(r",\s+(?:who|which|where|whose)\b")
PLURAL_SOURCE = re.compile(r"\s(?:and|&)\s|[a-z]s$")
POSSESSIVE_DETERMINERS = frozenset("its his her their our my your".split())
CONTRACTION = re.compile("['\u2019]")  # "They're", "She\u2019s": a pronoun and a verb in one token
# the first word of a phrase that describes a source named before it: "X, a firm with 35 staff", "X, where ..."
APPOSITIVE_START = re.compile(
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|both|where|which|who|whose|virtually|nearly|"
    r"almost|about|roughly|half|\d[\d,.]*)$",
    re.IGNORECASE,
)
# polls in general, named by nobody: "in the polls", "in recent national polls", "in some surveys"
GENERIC_POLLS = re.compile(
    r"(?:(?:the|some|many|most|all|recent|national|state|and|several|public|early|[a-z]+-?)\s+)*(?:polls|surveys)$"
)
# a second clause set against the first: "X lists 40, while Y lists 55", "X says 40; Y says 55"
CONTRAST = re.compile(r",\s+(?:while|whereas|but)\s|;\s")
# words that begin a clause of its own between a subject and a verb: no parenthesis, another subject follows
CLAUSE_JOINS = frozenset(["while", "whereas", "but", ";"])
LEAD_TRIM = SUBORDINATORS | frozenset(["even", "only", "just", "also", "and", "but", "including"])
RELATIVES = frozenset(["who", "that", "which", "whose"])
# capitalised words that open a sentence as adverbs, never a person's name ("Separately, the firm, X, said")
OPENING_ADVERBS = frozenset(
    """even still yet meanwhile separately however instead indeed overall also now then later earlier again
    already elsewhere similarly likewise nevertheless nonetheless moreover furthermore besides otherwise thus
    hence therefore perhaps maybe certainly clearly obviously finally today yesterday""".split()
)
TITLE_HINT = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\b")  # a cheap test before people named since are read
NAME_LINKS = frozenset("of the in at for and".split())  # "Dana Osk of the Orlen Church in Vell"
POST_LINKS = frozenset("of for by from and with at".split())
POST = frozenset(["of", "from", "in", "by", "for", "at", "on"])
CLAIM_WIN = re.compile(
    r"(?!\s+that\b)\s+(?:[^\s.;,:]+\s+){0,4}?(?:of\s+the\s+)?(?:vote|votes|ballots|seats?|victory|title|crown|"
    r"nomination|medals?|trophy|prize|points|win|lead|place|gold|silver|bronze|cup)\b"
    r"(?!\s+(?:were|was|had|have|went|are|is|would|could|will)\b)"  # "claimed 300 votes were cast twice" asserts
)
# "called off the deal", "declared war", "declared bankruptcy": an act, not a statement or a stance
NOT_SPOKEN = re.compile(
    r"\s+(?:off\b|(?:an?\s+)?(?:state\s+of\s+)?(?:war|victory|bankruptcy|independence|emergency|martial\s+law|"
    r"a\s+ceasefire|a\s+truce|a\s+curfew)\b)"
)
PUT = frozenset(["put", "puts"])  # "Forbes puts his fortune at $45 billion": to put a thing at a number
PUT_AT = re.compile(r"\s[^.;:]{1,60}?\sat\s+(?:[a-z]+\s+){0,2}[$\u00a3\u20ac]?\d")
DATA_PARTICIPLES = frozenset(
    "showing finding suggesting indicating revealing estimating projecting concluding predicting".split()
)
CONTINUE = frozenset(["continued", "continues", "went on"])
# verbs whose third person is also a plural noun: "police records", "the lists", "early counts" ("reports",
# "notes", "claims" stay verbs: ", the Post reports.")
# cue verbs whose past tense is their base form: "Vell Data forecast that ..." is past, not the noun
PAST_AS_BASE = frozenset("forecast broadcast put read".split())
PLURAL_NOUNS = frozenset("records lists tallies counts estimates forecasts projects answers".split())
_AFTER_NOUN = frozenset(",;:)") | frozenset("of in for from on at by with show shows showed found find suggest".split())


def ends_noun_phrase(word: str) -> bool:
    """True when the word after a plural-noun-like verb shows it was the noun ("records, ...", "records show")."""
    return word.lower() in _AFTER_NOUN or word.lower() in AUXILIARIES


CLAUSE_OPENERS = frozenset(["which", "who", "whom", "and", "but"])  # "which according to X cost ..."
# what "according to" means "in line with" before, with no source: "according to plan", "according to size"
MANNERS = frozenset("plan plans tradition custom schedule size age need needs merit rank seniority protocol".split())
QUOTE_NEXT = re.compile(r"\s*[,:]?\s*[\u201c\"'`\u2018]")
SPOKEN_IN = re.compile(r"\b(?:statement|interview|excerpt|speech|letter|remarks)\b", re.IGNORECASE)
PERIODS = frozenset("past years months weeks days decades".split())
SHARE_WORD = re.compile(r"%|\bper\s?cent\b|\bpercent\b", re.IGNORECASE)
# what follows a noun, not a verb: "Kell claims of fraud", "Orlen estimates for May"
NOT_OBJECT = frozenset("of for from by in on and or to about against over were are was is".split())
AUXILIARIES = frozenset("have has had is are was were be been will would can could do does did".split())
# where a noun phrase before a relative clause begins: after a preposition or a verb
NP_ENDS = AUXILIARIES | frozenset("of to in on at by for from with than above below over under about around".split())
SPEECH = frozenset("said says say explained explains wrote writes added adds spoke speaks talked talks".split())
NOT_IN_SUBJECT = AUXILIARIES | SPEECH | frozenset(["to", "would", "should", "could", "may", "might", "must"])
STATE_INTRODUCES = frozenset(["that", ":", "\u201c", '"'])
PROGRESSIVE = frozenset("is are was were been be".split())
# verbs by which a body or a group ("it", "they", "we") states a finding or a stance of its own
GROUP_VERBS = frozenset(
    """conclude concludes concluded argue argues argued insist insists insisted believe believes believed
    expect expects expected estimate estimated suggest suggests suggested stated states claim claims claimed
    calculated calculate project projects projected fear fears feared""".split()
) | frozenset(["points out", "pointed out", "point out", "points to", "pointed to", "point to"])
BODY_REACH = 2  # sentences back that "it" or "they" may point to a named body
PARENTHESIS_ENDS = frozenset([",", ")", "\u2014", "\u2013"])
NOT_SUBJECT = frozenset("like unlike as with despite including among during without about".split())
# what begins the content after a hearer: "told the Orlen Herald he had", "told reporters the vote was"
STARTS_TOLD = re.compile(
    r"(?:that|he|she|they|it|we|i|you|there|the|a|an|his|her|their|its)(?:['\u2019]\w+)?$", re.IGNORECASE
)
ADDRESSEE_VERBS = frozenset(["told", "tells", "tell", "asked", "asks", "ask", "reminded", "warned", "assured"])
QUOTE_CLOSERS = frozenset(["\u201d", '"', "'", "\u2019"])
QUOTE_OPENERS = frozenset(["\u201c", '"', "'", "\u2018"])
PLURAL_HEADS = frozenset("i we they you people police media staff data military public government".split())
NUMBER_IN = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|"
    r"thousand|million|billion|dozen|dozens|hundreds|thousands|millions|half|third|quarter)\b",
    re.IGNORECASE,
)
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# a whole date inside a source's phrase ("a March 3, 2014 memo"): no figure of the source's
DATE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d\b|\bMay\s+\d{1,2},?\s+(?:19|20)\d\d\b"
)
ONE_OF = re.compile(
    r"(?:one|another|an?\s+(?:second|third|fourth)|two|three|four|five|six|several|\d+)\s+[a-z-]+(?:\s+[a-z-]+){0,3}$",
    re.IGNORECASE,
)
ANY_QUOTE = re.compile("[\"\u201c\u201d]|''")
CURLY_QUOTE = re.compile("[\u201c\u201d]")
STRAIGHT_QUOTE = re.compile(r"\"|''|``")
PERSON_SUBJECT = re.compile(
    r"((?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen)\.?\s+)?[A-Z][a-z'\u2019-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'\u2019-]+){1,2})"
    r"(?=,|\s+[a-z])"
)
MENTION = re.compile(
    r"\b(?:(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z][a-z'\u2019-]+(?:[A-Z][a-z'\u2019-]+)?|"
    r"[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'\u2019-]+(?:[A-Z][a-z'\u2019-]+)?){1,3})(?![\w'\u2019])"
)
PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|near|outside|across|the|The)\s+)$")
# "then e-mailed Mr Kell", "told Ms Osk": a name right after a verb in the past is its object, not who speaks next
OBJECT_BEFORE = re.compile(r"\b(?:[a-z]+ed|told|met|sent|gave|left|hit)\s+$")
WORDS_AFTER = re.compile(r"[A-Za-z][\w'\u2019-]*|\d+|[^\w\s]")
LEAD_PUNCT = frozenset([",", "\u2014", "\u2013", "-"])
CURRENCY = frozenset("$\u00a3\u20ac\u00a5")  # "said $5 million was lost": a figure opens what was said
OPENERS = frozenset([":", "\u201c", '"', "'", "\u2018", "`"])


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted passages in a paragraph: curly marks, else straight ones; one left open runs to the end.

    A straight mark opens when a space (or the paragraph's start) stands before it and a letter after it.
    An opening mark while a quote is open continues the speech in a new quote ('... truth? "So we ...').
    """
    curly = [(m.start(), m.group() == OPEN_QUOTES) for m in CURLY_QUOTE.finditer(text, start, end)]
    marks = curly or [(m.start(), _opens(text, m, start)) for m in STRAIGHT_QUOTE.finditer(text, start, end)]
    spans: list[tuple[int, int]] = []
    opening = -1
    for at, opens in marks:
        if opening >= 0:  # a closing mark ends the quote; an opening one ends it and starts the next
            spans.append((opening, at))
            opening = -1
        if opens:
            opening = at
    if opening >= 0:
        spans.append((opening, end))
    return spans


def _opens(text: str, mark: re.Match[str], start: int) -> bool:
    before = text[mark.start() - 1 : mark.start()] if mark.start() > start else " "
    after = text[mark.end() : mark.end() + 1]
    return (
        (before.isspace() or before in "([\u2014-.:>")
        and after != ""
        and (after.isalnum() or after in "$\u00a3\u20ac'.\u2026([")
    )


_AMOUNT = r"[$\u00a3\u20ac]?\d[\d,.%]*(?:\s*(?:percent|per\s+cent|points?))?"
NUMBERS_ONLY = re.compile(rf"\(\s*{_AMOUNT}(?:\s*(?:-|\u2013|to|of|vs\.?)\s*{_AMOUNT})*\s*\)")  # "(35-30)"


def in_aside(text: str, start: int, position: int) -> bool:
    """True when a position lies inside a bracket opened after ``start`` and not yet closed."""
    between = text[start:position]
    if between.count("(") > between.count(")"):
        # "within 5 points of Osk (35-30)": a bracket of figures only details the claim, it is no aside
        return NUMBERS_ONLY.match(text, between.rindex("(") + start) is None
    last = max((m.end() for m in RELATIVE_ASIDE.finditer(between)), default=-1)
    return last >= 0 and "," not in between[last:]  # ", who ..." still open: a relative clause of the outlet's


# what opens a phrase the outlet adds after a clause it reports: ", an increase of ...", "- up 3 percent from ..."
_TRAILER = re.compile(
    r"(?:,|\u2014|\u2013|\s-)\s+(?:less|more|fewer|a|an|the|well|far|still|when|"
    r"prompting|sparking|triggering|causing|forcing|fuell?ing)\s",  # ", prompting unions ...": what followed
    re.IGNORECASE,
)
_FINITE = "|".join(sorted(AUXILIARIES | {"will", "may", "might", "must", "should"}))
_GOES_ON = re.compile(rf"(?:,|\u2014|\u2013|\s-)\s+(?:{_FINITE})\b")
# a finite verb after the phrase's opening, before the figure: a clause of its own, not an appended phrase
_GOES_ON_BEFORE = re.compile(rf"\s(?:{_FINITE})\s")
# what keeps a finite verb inside the appended phrase: an indefinite noun phrase ("a figure the ministry has
# revised"), a relative clause ("the highest that economists have seen")
_APPOSITIVE = re.compile(r"\s(?:a|an)\s$", re.IGNORECASE)
_RELATIVE_WORD = re.compile(r"\b(?:that|which|who|whom|whose)\b", re.IGNORECASE)
# a cue of its own in a clause after the comma: ", the chancellor said he was providing ..."
_SPEECH_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(SPEECH | ADDRESSEE_VERBS)) + r")\b")
_LISTED = re.compile(r"\s(?:and|or)\s")
# the reported speech goes on in the phrase: its own modal ("a move that would save $30 million"), or the
# source's own detail ("the first 200 of them")
_STILL_SPOKEN = re.compile(
    r"\b(?:would|will|could|should|might|must|can)\b"
    r"|^\W+the\s+(?:first|last|rest|remaining)\s+(?:\S+\s+)?of\s+(?:them|it|those|these)\b",
    re.IGNORECASE,
)
# after the position, a comma and a plain lower-case word: the clause goes on ("the bridge, a $5 million
# project, passed its inspection"), unless the word joins a new clause or phrase
_CLAUSE_GOES_ON = re.compile(
    r",\s+(?!(?:less|unless|thus|plus|as|is|was|has|does|its|this|his|us|yes|ones)\b)[a-z]+(?:ed|s)\s+"
    r"(?!(?:with|on|by|from|at|for|of|as)\b)"
)  # "..., a $5 million project, passed its inspection": a verb after the phrase; not ", compared with ..."
_GOES_ON_WITH = re.compile(r"\s*(?:but|and|or|yet)\b")
_FIRST_WORDS = re.compile(r"\s*(\w+)")
_AFTER_THAT = re.compile(r"\bthat\s+(\w+)")
_ASIDE_FIRST = re.compile(r"\s*(?:that\s*)?(?:,|\u2014|\u2013|\(|\s-\s)")


def opens_trailer(text: str, start: int, end: int) -> bool:
    """True when a phrase the outlet appends (", the largest ...", "- an increase ...") opens between two points."""
    return _TRAILER.search(text, start, end) is not None


def in_trailer(text: str, start: int, position: int, end: int) -> bool:
    """True when a position lies in a phrase the outlet appends after the reported clause, up to the sentence's end.

    "X said sales rose to $5 million, an increase of 40 percent.": the increase is
    the outlet's sum. Not "X said the plan, a $5 million scheme, would pass", where
    the clause goes on after the phrase.
    """
    trailers = list(_TRAILER.finditer(text, start, position))
    trailer = trailers[-1] if trailers else None  # the last one before the position
    if trailer is None or len(text[start : trailer.start()].split()) < 4:
        return False
    if trailer.group().rstrip().endswith("ing") and _STILL_SPOKEN.search(text, start, trailer.start()):
        return False  # "said 40 schools would close, forcing pupils to move": a consequence of what was said
    if (
        _GOES_ON_BEFORE.search(text, trailer.end() - 1, position)
        and not _SPEECH_BEFORE.search(text, trailer.end(), position)
        and not _APPOSITIVE.search(trailer.group())  # ", a figure the ministry has revised to 3 percent"
        and not _RELATIVE_WORD.search(text, trailer.end(), position)  # ", a rise that has been welcomed by 40"
    ):
        return False  # "said that, according to X, the party has won 82 percent": a clause of its own, not a phrase
    if CLAUSE_END.search(text, trailer.end(), position) or _LISTED.search(text, trailer.end(), position):
        return False  # "X, the nominee, while only 25 percent": closed before it; "a helmet and 5 shields": a list
    stop = next((m for m in CLAUSE_END.finditer(text, position, end) if not _GOES_ON_WITH.match(text, m.end())), None)
    if _STILL_SPOKEN.search(text[trailer.start() : stop.start() if stop else end]):
        return False  # the phrase itself, up to its end: ", an improvement on 2.5%, but less than it would have"
    if _ASIDE_FIRST.match(text, start):
        return False  # 'said that, according to the bank, the rate rose 2%': what was said comes after an aside
    opening = _AFTER_THAT.search(text, start, trailer.start()) or _FIRST_WORDS.match(text, start)
    if opening and opening.group(1).lower() in SUBORDINATORS | {"once", "as"}:
        return False  # "said that once the sale closes, the firm would cut 700 jobs": the main clause follows
    return _GOES_ON.search(text, position, end) is None and _CLAUSE_GOES_ON.search(text, position, end) is None


def place_phrase(rest: list[str], verb: str, time_words: frozenset[str]) -> bool:
    """'in front of a crowd', 'on the radio': a prepositional phrase, not a time word to skip."""
    if rest[0].lower() not in ("in", "on") or verb.lower().startswith("call"):  # "called on X to": the verb's own
        return False
    return not (len(rest) > 1 and (rest[1].lower() in time_words or rest[1][:1].isdigit()))
