"""The word lists ``describe`` reads a figure's noun phrase with: function words, times, comparatives, verbs."""

from __future__ import annotations

__all__ = [
    "ADJECTIVE_ENDINGS",
    "ADJUNCTS",
    "ADVERBS",
    "AMOUNT_ADJECTIVES",
    "AUX",
    "CLAUSE_WORDS",
    "COMPARATIVES",
    "CONTESTS",
    "DANGLING",
    "DETERMINERS",
    "HEAD_CUTS",
    "HOW",
    "INSIDE",
    "MODALS",
    "MORE",
    "NOT_HOLDERS",
    "PARTICIPLES",
    "PARTICLES",
    "PAYING_OUT",
    "PERSONS",
    "PLACES",
    "PREPOSITIONS",
    "PRONOUNS",
    "RATE_WORDS",
    "STOP",
    "TAIL_BEFORE",
    "TIME_MODIFIERS",
    "TIME_NOUNS",
    "TIME_PREPOSITIONS",
    "TIME_UNITS",
    "TOOK",
    "VERBS_BEFORE",
    "WHEN",
]

# words that may sit inside the noun phrase after a figure
INSIDE = frozenset(
    """of the a an in on at near along across from into inside outside around over under within
    per for to by between among their its his her our your this that these those each every new more""".split()
)
# prepositions and determiners that cannot end a phrase
DANGLING = frozenset(
    """about of the a an in on at near along across from into inside outside around over under within per for to
    by between among their its his her our your this these those and or with back""".split()
)
STOP = frozenset(
    """is are was were be been being has have had will would could should may might can must do does did
    that which who whom whose when where while as because if than but and or so yet not also said says
    told according after before since until during""".split()
)
WHEN = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday yesterday today tonight last next week month
    year january february march april may june july august september october november december""".split()
)
PAYING_OUT = frozenset("pay pays paid paying hand hands handed handing fork forks forked forking".split())
# verbs (and what opens a clause) that a noun phrase before a figure cannot hold: "agreed to pay (30% more)"
VERBS_BEFORE = frozenset(
    """put puts putting keep keeps kept keeping leave leaves left leaving take takes took taking make makes made
    making give gives gave giving get gets got getting see sees saw show shows showed hold holds held bring brings
    brought pay pays paid paying spend spends spent invest invests earn earns save saves owe owes borrow borrows
    agree agrees agreed need needs needed want wants wanted to why how what whether beat beats beating won win wins
    drew draw led lead leads trailed lend lends lent sell sells sold send sends sent""".split()
)
HEAD_CUTS = frozenset("in on at by for to into from with like than via over under across after before".split())
CONTESTS = frozenset("beat beats beating won win wins drew draw led lead leads trailed".split())
CLAUSE_WORDS = frozenset("to why how what whether".split())  # open an infinitive or a wh-clause
MODALS = frozenset("to will would could may might should must can".split())
AUX = frozenset("is are was were be been being has have had will would".split())
ADVERBS = frozenset("now still already also reportedly currently alone just only even".split())
PARTICIPLES = frozenset("sent put held kept seen based set built".split())
PLACES = frozenset("near at on along in to into across inside outside around within from by".split())
# verbs and comparatives that end a phrase before its figure: "the toll rose (to 40)", "the figure closer (to 9,000)"
TAIL_BEFORE = frozenset("rose fell stood hit grew sank put topped closer close nearer near up down back".split())
DETERMINERS = frozenset("the a an its their his her this that these those".split())
NOT_HOLDERS = frozenset(
    """total sum amount figure number value average maximum minimum level tune region excess out one two three
    four five six seven eight nine ten all some most many each any none both half part dozens hundreds
    thousands millions billions tens scores instead ahead because regardless top rest front spite""".split()
)
PREPOSITIONS = frozenset("in on at by for after before during since with from of across over".split())
TIME_PREPOSITIONS = frozenset("in on during for over by at since until through".split())
TIME_NOUNS = frozenset(
    """quarter quarters half period basis session sessions trading term season weekend morning afternoon evening
    night day days weeks months years decade century year-on-year hours minutes end start beginning close
    middle spring summer autumn winter""".split()
)
TIME_MODIFIERS = frozenset(
    """first second third fourth final last next previous same past coming latest early late current financial
    fiscal calendar whole entire one two three four five six seven eight nine ten twelve""".split()
)
# a comparison or a direction after a figure: "15% lower", "2-0 down", "6% more (than ...)"
COMPARATIVES = frozenset(
    """more less fewer higher lower up down bigger smaller larger greater cheaper dearer better worse stronger
    weaker above below ahead behind""".split()
)
# an adjective's ending, after "more" or "less": "more expensive", "less powerful"
ADJECTIVE_ENDINGS = tuple("ive ent ant ful ous able ible al ic ish less ly er est ed".split())
PARTICLES = frozenset("up down out off".split())  # "pushed (down) the jobless rate": the verb's, not the noun's
# prepositions that open an adjunct right after a figure, never what it counts (unlike "of", "near", "along")
ADJUNCTS = frozenset("to on for with into about over under after before since during".split())
PERSONS = frozenset("i you he she it we they".split())
AMOUNT_ADJECTIVES = frozenset("further extra additional record mere whopping massive total".split())
RATE_WORDS = frozenset("per a an each every".split())
TIME_UNITS = frozenset("second minute hour day week month year annum quarter decade century".split())
MORE = frozenset("more less fewer longer older younger".split())
HOW = frozenset("through via thanks despite due because following amid".split())
PRONOUNS = frozenset("i you he she it we they this that these those there another him them us me".split())
TOOK = frozenset("took takes made makes earned earns raised raises paid pays won wins lost loses spent spends".split())
