"""The hedge lexicon: cue patterns by kind, and the "would" of conditions.

Patterns are matched on lower-cased sentences, as whole words. Where a word is a
hedge only in one of its senses, the pattern carries the sense's frame (a
lookahead); the context around a cue that marks its other sense ("the suspect",
"military might", "think tank", "denied bail") is in ``hedge_vetoes``.
"""

from __future__ import annotations

import re

from ..models import HedgeKind

__all__ = ["CONDITION", "HEADS", "LEXICON", "REPORTED_BEFORE", "WOULD"]

A, S, X, U, D = (
    HedgeKind.ATTRIBUTION,
    HedgeKind.SPECULATION,
    HedgeKind.APPROXIMATION,
    HedgeKind.UNCONFIRMED,
    HedgeKind.DENIAL,
)

_NUMBER_AHEAD = (
    r"(?=\s+(?:an?\s+)?(?:[£$€]\s?)?(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|"
    r"fifty|hundreds?|thousands?|dozens?|half|a\s+third|a\s+quarter|a\s+fraction)\b))"
)
_BE = r"(?:is|are|was|were|be|been|being|'s|'re|am|remains?|remained|seems?|seemed)"
_ADV = r"(?:\s+(?:widely|generally|often|commonly|largely|still|now|also|long|once|originally|increasingly|"
_ADV += r"sometimes|usually|mostly|traditionally|popularly|variously|already|not|never|by\s+many))?"
# "could"/"can" followed by one of these is ability, not possibility ("could not see").
_ABILITY = (
    r"afford|see|hear|feel|smell|taste|speak|read|write|swim|walk|run|drive|fly|ride|sing|dance|play|cook|"
    r"understand|remember|recall|recognise|recognize|manage|cope|handle|stand|bear|tell|access|"
    r"only|barely|hardly|easily|do\s+nothing|no\s+longer|find\s+(?:no|nothing|little)"
)
# a time limit ahead in the clause: "by June", "before the winter", "next week", "within days", "once it reopens"
_DEADLINE = (
    r"[^.;:,]{0,60}?\b(?:(?:by|before|within|until|in)\s+(?:the\s+)?(?:end|start|middle|beginning|first|second|"
    r"third|fourth|next|coming|spring|summer|autumn|fall|winter|weekend|days|weeks|months|years|hours|mid|early|"
    r"late|time|then|a\s+(?:day|week|month|year|few)|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d)|"
    r"(?:next|this|later\s+this)\s+(?:week|month|year|season|spring|summer|autumn|winter|weekend)|"
    r"soon|shortly|once|tomorrow|tonight)\b"
)
# Outcomes after "should" read as expectation ("should arrive"), the rest as obligation. "Should be able to",
# "should start", "should come", "should be ready", "should be completed" are in news often what someone ought
# to do or be allowed ("pupils should be able to", "we should start with", "the form should be completed"):
# expectation only before a time limit ("should be ready by June", "talks should begin next week").
_SHOULD_PROBABLE = (
    r"arrive|reach|finish|end|last|improve|rise|fall|increase|decrease|grow|recover|help|"
    r"happen|occur|open|resume|mean|"
    r"be\s+(?:available|over|back|enough|sufficient|fine|operational|known|clear|in\s+place|on\s+track)|"
    r"have\s+(?:arrived|finished|been\s+(?:completed|finished|done)|no\s+(?:problem|trouble|difficulty))|"
    r"come\s+(?:under|into\s+(?:force|effect|service|operation)|to\s+an\s+end)|"
    r"(?:start|begin|come|be\s+(?:able|ready|complete|completed|finished|done|possible))\b(?=" + _DEADLINE + ")"
)
# "was considered by the committee", "will be considered next week": deliberation, not belief.
_DELIBERATE = (
    r"by(?!\s+(?:many|some|most|others|several|critics|experts|scholars|historians|analysts|observers|fans|people))|at|for|during|on|next|when|before|after|until|carefully|further|again|separately|later|shortly|"
    r"today|tomorrow|tonight|this|and|or|but|include|includes|included|in\s+(?:detail|private|public|parliament|committee|court)"
)
# "according to the rules": in accordance with, not attribution.
_NORM = (
    r"plan|schedule|(?:the\s+|its\s+|their\s+)?(?:rules?|law|laws|code|constitution|guidelines?|regulations?|"
    r"tradition|custom|treaty|agreement|contract|terms|procedure|protocol|ministerial\s+code|plan|schedule)"
)
# "appears in court", "appeared on stage": to show up, not to seem.
_SHOW_UP = (
    r"as|in|on|at|with|before|only|again|twice|alongside|regularly|frequently|together|here|there|for|from|during|"
    r"live|onstage|briefly|next|under|after|when|to\s+(?:the|a|an|his|her|their|court|have\s+been\s+(?:removed|sold))|"
    r"and|or|but|opposite|throughout|inside|outside|near|among|between|until|via|through|once|first|in\s+court|"
    r"weekly|daily|often|occasionally|several|three|two|four|five|six|once|every|each|the|a|an|his|her|their|its"
)
# "appears in doubt", "appeared on course to win", "does appear at odds with": a state it seems in, not a place
_STATE = (
    r"(?:in|on|at|under)\s+(?:doubt|danger|trouble|breach|line\s+with|good|poor|bad|better|worse|decline|disarray|"
    r"jeopardy|question|limbo|shock|no\s+(?:mood|hurry|position)|a\s+(?:hurry|position|state)|track|course|"
    r"the\s+(?:verge|brink|ascendant|rise|wane|mend|way\s+out|defensive|back\s+foot)|odds|risk|ease|a\s+loss|"
    r"a\s+standstill|strain|pressure|threat|control|charge|command)\b"
)
# "assume a hunched position", "assumed more and more power": to take on, not to suppose.
_ASSUME_TAKE = (
    r"(?:(?:an?|the|his|her|their|its|more\s+(?:and\s+more\s+)?|greater|new|full|sole|direct)\s+)?"
    r"(?:(?!that\b|this\b|these\b|those\b)[a-z-]+\s+)?(?:position|posture|stance|shape|form|guise|appearance|"
    r"role|powers?|clothing|dress|costume|office|control|responsibility|responsibilities|command|duties|"
    r"leadership|charge|ownership|management|post|presidency|throne|title|name|identity|chair|mantle|debt)"
)
_REPORT = (
    r"said|says|say|told|tells|announced|announces|promised|pledged|vowed|insisted|confirmed|stated|declared|"
    r"added|warned|argued|explained|revealed|indicated|agreed|decided|planned|hoped|intended|knew|"
    r"wrote|replied|claimed"
)

LEXICON: list[tuple[HedgeKind, str]] = [
    # unconfirmed: the text says a thing is not established
    (U, r"there\s+(?:is|was)\s+no\s+official\s+confirmation|no\s+(?:official\s+|independent\s+)?confirmation"),
    (U, r"(?:could|can)\s*not\s+(?:be\s+)?(?:independently\s+)?(?:verified|confirmed)"),
    (U, r"(?:has|have|had)\s+not\s+(?:been\s+)?(?:independently\s+)?(?:confirmed|verified)"),
    (U, r"not\s+(?:been\s+)?independently\s+(?:confirmed|verified)|unconfirmed|unverified|unproven"),
    (U, r"no\s+information\s+was\s+(?:provided|given)"),
    (
        U,
        r"(?:it\s+)?(?:is|was|remains|remained|still|is\s+still|was\s+still)\s+(?:not\s+(?:yet\s+)?|far\s+from\s+)"
        r"(?:clear|known|certain)(?!\s+(?:for|as)\b)",
    ),
    (U, r"(?:not|never)\s+(?:been\s+)?(?:known|clear|proven|established)\s+(?:whether|if|how|why|what|who|when|where)"),
    (U, r"unclear|uncertain(?:ty|ties)?|remains?\s+to\s+be\s+seen|little\s+is\s+known|nobody\s+knows|no\s+one\s+knows"),
    (
        U,
        rf"{_BE}{_ADV}\s+unknown|unknown\s+(?:whether|if|how|why|what|who|when|where|number|amount|quantity|cause)",
    ),
    (
        U,
        r"(?:no|little|scant|insufficient)\s+(?:clear\s+|hard\s+|firm\s+|solid\s+|direct\s+|scientific\s+|"
        r"supporting\s+|conclusive\s+|independent\s+)?(?:evidence|proof)",
    ),
    (U, r"too\s+(?:soon|early)\s+to\s+(?:say|tell|know|judge|assess|determine|predict|gauge|draw|call)"),
    (U, r"(?:ha(?:ve|s|d)|with)\s+no\s+idea\s+(?:whether|if|how|why|what|who|when|where)"),
    # the party concerned would not say: the report stands unconfirmed by it
    (U, r"(?:refused|declined|(?:would|did|could)\s+not)\s+(?:to\s+)?(?:comment|confirm)\b"),
    (U, r"(?:still|yet)\s+to\s+be\s+(?:confirmed|verified|finalised|finalized|determined)"),
    # denial
    (D, r"denie[sd]|deny(?:ing)?|refuted|rejected\s+(?:the\s+)?(?:claims?|reports?|allegations?|accusations?)"),
    (
        D,
        r"play(?:s|ed|ing)?\s+down\s+(?:the\s+)?(?:claims?|reports?|suggestions?|speculation|talk|fears|"
        r"rumou?rs?|allegations?)",
    ),
    (D, r"dismissed\s+(?:the\s+)?(?:claims?|reports?|allegations?)"),
    # attribution: the claim is someone else's
    (A, rf"reportedly|allegedly|purportedly|reputedly|ostensibly|according\s+to(?!\s+(?:{_NORM})\b)"),
    (A, r"(?:is|are|was|were)\s+said\s+to|(?:is|are|was|were)\s+(?:understood|thought)\s+to"),
    (A, r"(?:reports?|sources?)\s+(?:indicate|indicated|suggest|suggested|said|say)"),
    # an unnamed source, and words put in someone's mouth
    (
        A,
        r"(?:asked|asking|declined)\s+not\s+to\s+be\s+(?:named|identified)|"
        r"on\s+(?:the\s+)?condition\s+of\s+anonymity|quoted\s+as\s+saying",
    ),
    (A, r"claim(?:s|ed|ing)?|alleged?|alleges|allegations?|alleging|rumou?r(?:s|ed)?"),
    (A, r"accus(?:ed|es|e|ing)(?!\s+(?:was|is|were|are|had|has|will|would|of\s+the\s+crime))|accusations?"),
    # belief and opinion (doxastic)
    (S, r"(?:is|are|was|were)\s+believed\s+to|believed\s+to"),
    # "believe him", "believe the worst": to trust a person or an account, not to hold a claim likely
    (
        S,
        r"believ(?:e|es|ed|ing)(?!\s+in\b|\s+me\b|\s+it\s+or\s+not|"
        r"\s+(?:him|them|us)\b(?!\s+to\b)|\s+(?:the\s+worst|a\s+word|every\s+word|(?:my|his|her|their|your)\s+eyes)\b)"
        r"|beliefs?\s+that",
    ),
    (
        S,
        r"(?:think|thinks|thinking(?=\s+that))"
        r"(?!-tanks?\b|\s+(?:tanks?|about|of|through|twice|again|ahead|big|back|outside|straight|more|less|like|"
        r"differently|carefully|hard|harder|positively|clearly|creatively|laterally|long)\b)",
    ),
    (
        S,
        rf"{_BE}{_ADV}\s+thought|thought\s+(?:that|to\s+be|it|he|she|they|we|i|there)\b",
    ),
    (S, rf"{_BE}{_ADV}\s+considered(?!\s+(?:{_DELIBERATE})\b|\s*[.,;:]|$)"),
    (S, r"considered\s+(?:to\s+be|as|one\s+of|that)"),
    (
        S,
        r"consider(?:s|ed|ing)?\s+(?:it|him|her|them|this|that|himself|herself|themselves|itself)"
        r"\s+(?:to\s+be|as|an?)",
    ),
    (
        S,
        r"(?:consider(?:s|ed)?\s+(?!to\b|whether\b|it\s+carefully)(?:[a-z'-]+\s+){1,4}?(?:to\s+be|as)|"
        r"(?:view|regard)(?:s|ed)?\s+(?!to\b|whether\b)(?:[a-z'-]+\s+){1,4}?as)\b"
        r"(?!\s+(?:well|soon|far|long|much|many|part|a\s+result|of|if|though|such|follows)\b)",
    ),
    (
        S,
        r"(?:many|some|most|others|critics|experts|scholars|historians|analysts|observers|fans|people|users)\s+"
        r"(?:(?:generally|still|also|now|even)\s+)?consider(?:ed)?\b(?!\s+(?:whether|if|how|the\s+(?:issue|matter|case)))",
    ),
    (S, r"considers?\s+that|(?:regard(?:s|ed)?|seen|viewed|perceived|view(?:s)?)\s+as(?!\s+(?:well|soon|far|long))"),
    (S, r"(?:the|a|widespread|common|popular)\s+(?:view|belief|idea|assumption|perception|impression)\s+that"),
    (S, r"in\s+(?:his|her|their|my|our|its|the)\s+view|in\s+the\s+view\s+of"),
    (S, r"suspect(?:s|ed)?\s+(?:that|of)|suspected|suspicions?|(?:i|we|they|he|she|police|investigators)\s+suspect"),
    (S, rf"(?:assum(?:e|es|ed|ing)|presum(?:e|es|ed|ing))(?!\s+(?:{_ASSUME_TAKE})\b)|assumptions?\s+that"),
    (S, r"supposed(?!\s+to\b(?!\s+be\b))"),
    (S, r"presumably|supposedly|apparently|seemingly|arguably|conceivably|plausibly|putative(?:ly)?"),
    (S, r"doubt(?:s|ed|ing)?|doubtful|dubious"),
    (S, r"fears?\s+(?:that|over|about|of\s+(?:a|an|the|further|more|renewed|another))|feared\s+(?:that|to)"),
    (S, r"(?:is|are|was|were)\s+feared|feared\s+(?:dead|killed|lost|missing)|amid\s+fears"),
    (
        S,
        r"predict(?:s|ed|ing|ions?)?|forecasts?\s+that|expectations?\s+(?:that|of\s+(?:a|an|further|more|higher|lower|renewed|another))|hypothes[ie]s|hypothetical(?:ly)?",
    ),
    # speculation
    (S, r"(?:is|are|was|were)\s+(?:expected|likely|unlikely)\s+to|it\s+is\s+expected"),
    (S, r"expect(?:s|ed|ing)?(?<!than[\s-]expected)(?<!as\sexpected)"),  # "smaller-than-expected"
    (S, r"speculat(?:ion|ed|es|e|ive)"),
    (S, rf"appears?\s+to|appeared\s+to|appear(?:s|ed)?(?=\s+[a-z])(?!\s+(?!{_STATE})(?:{_SHOW_UP})\b)"),
    # "it appears", "would appear", but not to show up: "does appear on rankings", "would appear in London"
    (
        S,
        r"(?:(?:it|there|this|which)\s+appears|(?:would|does|did)\s+appear)"
        rf"(?!\s+(?!{_STATE})(?:in|on|at|onstage|live|before|alongside|regularly|frequently|opposite|"
        r"as\s+(?:a|an|the|himself|herself))\b)",
    ),
    (S, r"seem(?:s|ed|ing|ingly)?"),
    (S, r"(?:un|im)?likel(?:y|ihood)|probabl[ey]|improbable|possibly|perhaps|maybe|possibilit(?:y|ies)"),
    (S, r"in\s+all\s+(?:likelihood|probability)|almost\s+certain(?:ly)?|potentially"),
    (S, r"potential(?=\s+[a-z])(?!\s+(?:to|in|and|or|as|is|was|that|which)\b)"),
    (S, r"possible\s+that|(?:it\s+is|it's|it\s+was|it\s+seems|quite|entirely|perfectly)\s+possible(?!\s+(?:for|to)\b)"),
    (
        S,
        # attributive: a noun or adjective follows; a preposition or adverb after it marks the predicative
        # or postposed use ("is possible only when", "the extent possible")
        r"possible(?=\s+[a-z])(?!\s+(?:for|to|by|with|in|at|on|and|but|or|if|under|without|"
        r"is|was|are|were|has|had|will|would|could|only|otherwise|from|through|via|because|since|again|until|"
        r"after|before|within|anywhere|everywhere|also|even|here|there|now|yet|then|so|when|where|as|of|into|"
        r"upon|against|between|among|unless|whenever|wherever|due|thanks)\b)",  # "is possible due to": made so
    ),
    # the noun is a proposal, not a claim, in "suggestions for", "at the suggestion of" (hedge_vetoes)
    (S, r"suggests?|suggested|suggesting|suggestions?(?!\s+(?:for|box|boxes|on\s+how|about\s+how)\b)"),
    (S, r"indicat(?:es|ed|ing)\s+that|impl(?:y|ies|ied|ying)\s+that|implies"),
    (S, r"might|may(?!\s+\d)"),
    (S, r"could(?!\s*not\b|n't|\s+(?:you|i|we|he|she|they|" + _ABILITY + r")\b)"),
    (S, rf"should(?=\s+(?:(?:probably|still|soon|now|also|easily|then)\s+)?(?:{_SHOULD_PROBABLE})\b)"),
    # "would probably" is one cue; before "seem" the verb is the cue, "would" no cue of its own
    (S, r"would\s+(?:probably|likely|possibly|perhaps)|would(?=\s+have\s+(?:been|had|made|led|caused)\b)"),
    (S, r"cannot\s+be\s+ruled\s+out|can't\s+be\s+ruled\s+out|not\s+(?:be\s+)?ruled\s+out"),
    # approximation
    (X, rf"(?:about|around|approximately|roughly|nearly|almost|some|an\s+estimated|estimated){_NUMBER_AHEAD}"),
    (
        X,
        rf"(?:more\s+than|fewer\s+than|less\s+than|at\s+least|up\s+to|as\s+many\s+as|close\s+to){_NUMBER_AHEAD}",
    ),
    (X, r"(?:is|are|was|were|been)\s+estimated|estimated\s+(?:that|to|at)|estimates?\s+(?:that|suggest)"),
]


WOULD = re.compile(
    r"\bwould\b(?!n't|\s+(?:rather|like|love|prefer|mind|later|go\s+on|once|again|eventually|often|usually|"
    r"always|never|soon)\b)"
)
CONDITION = re.compile(r"\b(?:if|unless)\b")
REPORTED_BEFORE = re.compile(rf"\b(?:{_REPORT})\b(?:\s+\S+){{0,5}}\s+$")

# Every word a cue can start with: the matcher tries the lexicon only where one of these begins
# (a test checks on the corpora that this loses nothing against a scan of every position).
HEADS = frozenset(
    """there no could can has have had not unconfirmed unverified unproven it is was remains remained remain still
    never unclear uncertain uncertainty uncertainties little nobody are were be been being 's 're am seem seems
    seemed unknown scant insufficient denies denied deny denying refuted rejected dismissed reportedly allegedly
    purportedly reputedly ostensibly according reports report sources source claim claims claimed claiming alleged
    allege alleges allegation allegations alleging rumour rumor rumours rumors rumoured rumored accused accuses
    accuse accusing accusation accusations believed believe believes believing belief beliefs think thinks
    thinking thought considered consider considers considering view views viewed regard regards regarded seen
    perceived many some most others critics experts scholars historians analysts observers fans people users the a
    widespread common popular in suspect suspects suspected suspicion suspicions i we they he she police
    investigators assume assumes assumed assuming presume presumes presumed presuming assumption assumptions
    supposed presumably supposedly apparently seemingly arguably conceivably plausibly putative putatively doubt
    doubts doubted doubting doubtful dubious fear fears feared amid predict predicts predicted predicting
    prediction predictions forecast forecasts expectation expectations hypothesis hypotheses hypothetical
    hypothetically expect expects expected expecting speculation speculated speculates speculate speculative
    appear appears appeared this which would does did seeming likely unlikely likelihood unlikelihood imlikely
    imlikelihood probable probably improbable possibly perhaps maybe possibility possibilities almost potentially
    potential possible it's quite entirely perfectly suggest suggests suggested suggesting suggestion suggestions
    indicates indicated indicating imply implies implied implying might may should cannot about around
    approximately roughly nearly an estimated more fewer less at up as close estimates estimate too with play plays
    played playing asked asking declined on quoted refused yet""".split()
)
