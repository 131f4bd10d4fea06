"""The hedge lexicon: cue patterns by kind, each with the context that rules it out.

Patterns are matched on lower-cased sentences, as whole words. Where a word is a
hedge only in one of its senses, the pattern carries the sense's frame (a
lookahead) and ``VETO_BEFORE`` the words that, just before it, mark the other
sense ("the suspect", "military might", "think tank").
"""

from __future__ import annotations

import re

from ..models import HedgeKind

__all__ = ["CONDITION", "CONTEXT_VETOES", "LEXICON", "REPORTED_BEFORE", "VETO_BEFORE", "WOULD"]

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
    # the noun is a proposal, not a claim, in "suggestions for", "at the suggestion of" (CONTEXT_VETOES)
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

_NUMBER_WORD = r"\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|all|both"
# Words just before a cue (end of the preceding text) that mark the word's other sense.
VETO_BEFORE: dict[str, re.Pattern[str]] = {
    word: re.compile(rf"(?:^|\W)(?:{pattern})(?:\s+|-)$")
    for words, pattern in [
        (
            "might",
            r"military|economic|naval|air|full|all|with|its|his|her|their|our|the|of|industrial|financial|"
            r"nuclear|sheer|great|its\s+own",
        ),
        (
            "possible",
            rf"every|everything|anything|nothing|all|any|best|only|worst|highest|lowest|greatest|fastest|"
            rf"smallest|largest|earliest|latest|"
            rf"maximum|minimum|shortest|longest|quickest|as|if|where|whenever|wherever|not|extent|never|"
            rf"other|alternative|various|different|"
            rf"(?:not|never|no\s+longer)\s+(?:be|been|have\s+been)|"
            rf"(?:make|makes|made|making)(?:\s+(?:it|this|that))?|{_NUMBER_WORD}",
        ),
        (
            "potential",
            r"great|huge|full|untapped|enormous|real|economic|growth|earning|its|his|her|their|the\s+full",
        ),
        (
            "doubt doubts doubted",
            r"no|little|self|without(?:\s+a)?|beyond(?:\s+(?:a|any|all))?(?:\s+reasonable)?|never",
        ),
        (
            "believe believed believes believing",
            r"(?:hard|difficult|who|whom|whether|no\s+reason)\s+to|can't|cannot|could\s+not|couldn't|make",
        ),
        ("accused accuse", r"the|an?|co|fellow"),
        ("appear appears appeared", r"first|last|originally|once|recently|publicly|later|again|regularly|frequently"),
        ("thought", r"the|a|of|his|her|their|my|our|its|no|any|second|political|religious|economic|modern|free"),
    ]
    for word in words.split()
}
# Who may do what: "players may bid", "visitors may park", "you could apply online" (permission or
# advice, not possibility). The subject is a role that holds a permission and the verb an action it
# chooses to take; "players may be injured", "users may face charges" stay hedges.
_ROLE = (
    r"players?|users?|guests?|visitors?|members?|applicants?|participants?|entrants?|passengers?|customers?|"
    r"residents?|students?|pupils?|subscribers?|(?:ticket|licen[cs]e|card|account)\s+holders?|batsm[ae]n|"
    r"bowlers?|contestants?|tenants?"
)
_OPTIONAL_ADVERB = r"(?:(?:also|then|always|only|now|instead|freely|optionally|either|still)\s+)?"
# actions taken by choice, where "may" grants leave; not "return", "vote" or "sit out", which news uses
# of what a person might do ("shareholders may vote against the deal")
_ACTION = (
    r"apply|register|enter|park|bring|use|download|try|log|sign|bid|lay|hit|bowl|choose|opt|elect|request|"
    r"submit|purchase|buy|access|borrow|nominate|select|pick|contact|email|e-mail|phone|book|collect|camp|fish|"
    r"smoke|reapply|resubmit|cancel|upload|print|install|subscribe|unsubscribe|swap|redeem|substitute|draw|"
    r"discard|fold"
)
# what one claims as due, not as true
# what one claims as due, not as true; after a possessive, a thing due ("their pensions", "his first title"), not
# a clause's subject ("claim their candidate was cheated", "claim the money was a gift")
_DUE_NOUNS = (
    r"compensation|benefits?|asylum|credit|refunds?|expenses|damages|pensions?|allowances?|rebates?|share|"
    r"title|titles|prize|prizes|money|cash|winnings|reward|wins?|victory|victories|crown|trophy|cup|medals?|slam|"
    r"championship|league|double|treble|place|seat|spot|points?|"
    r"entitlement|rights?|payments?|costs?"
)
_DUE = (
    rf"(?:(?:their|his|her|its)\s+(?:[\w'-]+\s+){{0,2}}?(?:{_DUE_NOUNS})|back|compensation|benefits?|asylum|credit|"
    r"refunds?|expenses|damages|pensions?|allowances?|a\s+(?:refund|rebate|share)|"
    r"the\s+(?:title|prize|money|cash|benefit|allowance|rebate|refund))\b"
    # "claim its share of the vote rose": a clause's subject, its verb after a prepositional phrase
    r"(?!(?:\s+(?:of|in|for|on|at)\s+(?:the\s+|a\s+)?[\w'-]+)?\s+(?:was|were|is|are|had|has|have|would|will|could|"
    r"should|did|rose|fell|grew|went)\b)"
)
_SPEAK = r"say|comment|confirm|disclose|reveal|discuss|elaborate|specify|divulge"
_DETERMINER = r"a|an|the|his|her|their|its|our|my|your|any"
_REFUSED_NOUN = (
    r"(?:bail|access|entry|admission|permission|visas?|sanctuary|asylum|chances?|opportunit(?:y|ies)|rights?|"
    r"status|parole|benefits?|treatment|services?|funding|licen[cs]es?|permits?|places?|citizenship|passports?|"
    r"hearings?|food|water|medicine|promotion|tenure|membership|custody|leave|exemptions?|refunds?|payments?)\b"
)
_AUX = r"was|were|is|are|had|has|have|would|will|could|did|do|does"
# a past tense that makes the noun a clause's subject: "denied its funding came from abroad"
_PAST = (
    rf"{_AUX}|[a-z]+(?<!e)ed|came|went|broke|took|made|gave|got|led|left|paid|sold|fell|rose|grew|won|lost|ran|met|"
    r"kept|held|found|sent|spent|told|said|put|cut|hit|set"
)
# what one is denied when "deny" means to refuse (the thing withheld): "denied bail", "denied further access",
# "denied their visas"; not the subject of a denied clause ("denied security services were involved", "denied its
# funding came from abroad", "denied their treatment of protesters was harsh")
_REFUSED = (
    rf"(?:{_DETERMINER})\s+(?:[a-z-]+\s+)?{_REFUSED_NOUN}"
    rf"(?!(?:\s+of\s+(?:[a-z'-]+\s+){{0,2}}[a-z'-]+)?\s+(?:{_PAST})\b)"
    rf"|(?:(?!(?:{_DETERMINER})\b)[a-z-]+\s+)?{_REFUSED_NOUN}(?!\s+(?:{_AUX})\b)"
)
# what is denied when it is refused: a request put to someone who decides
_REQUESTS = (
    r"applications?|requests?|motions?|appeals?|petitions?|bids?|bail|permission|permits?|visas?|claims?\s+for|"
    r"entry|access"
)
# Context on both sides of a cue that marks its other sense: (cue, before, after), matched on the
# lower-cased sentence; the cue is left out when it matches the first, the text before it ends with the
# second and the text after it starts with the third (matched at the end of the cue; None: anything).
CONTEXT_VETOES: list[tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None]] = [
    (re.compile(cue), re.compile(before) if before else None, re.compile(after) if after else None)
    for cue, before, after in [
        # permission: "players may bid", "a guest may always log in"
        ("may", rf"(?:^|\W)(?:{_ROLE})\s+{_OPTIONAL_ADVERB}$", rf"\s+{_OPTIONAL_ADVERB}(?:{_ACTION})\b"),
        # advice or permission to the reader: "you could apply online", "you may park here"
        ("may|might|could", r"(?:^|\W)you\s+$", rf"\s+{_OPTIONAL_ADVERB}(?:{_ACTION}|want\s+to|wish\s+to)\b"),
        # a question put: "when asked if the firm would sell", "asked whether it could"
        ("may|might|could|would", r"\basked\s+(?:if|whether)\s+(?:[a-z'-]+\s+){1,4}$", None),
        # to refuse, not to deny a claim: "denied bail", "denying him a drink", "any application will be denied"
        ("denie[sd]|deny(?:ing)?", None, rf"\s+(?:(?:him|her|them|us|me)\s+(?:{_DETERMINER})\b|{_REFUSED})"),
        ("denied", rf"\b(?:{_REQUESTS})\s+(?:[a-z'-]+\s+){{0,3}}(?:be|been|is|are|was|were)\s+(?:[a-z]+ly\s+)?$", None),
        # distrust, not a guess: "viewed with suspicion", "anger and suspicion" (but "and suspicion that ...")
        (
            "suspicions?",
            r"(?:^|\W)(?:with|and|toward|towards|mutual|(?:cloud|air|climate|atmosphere)\s+of)\s+$",
            r"(?!\s+that\b)",
        ),
        # a proposal, not a claim: "sought Republican suggestions", "made the initial suggestion", "suggestions on
        # strategy", "a suggestion from his mother"
        (
            "suggestions?",
            r"\b(?:make|makes|made|making|sought|seek|seeks|seeking|invite[sd]?|inviting|welcome[sd]?|offer(?:s|ed)?|"
            r"accept(?:s|ed)?|took|take|takes|submit(?:s|ted)?)\s+(?:[a-z'-]+\s+){0,2}$",
            r"(?![^,;.]{0,80}\bthat\b)",
        ),
        ("suggestions?", None, r"\s+(?:on|to|from|at)\b(?![^,;.]{0,80}\bthat\b)"),
        # the pollsters' term: "likely voters", "likely Republican caucusgoers"
        # (not "it is likely voters will", "more likely voters would")
        (
            "likely",
            r"(?:^|[^\w\s'-]\s*|(?<![\w'-])(?!(?:is|are|was|were|be|been|being|seems?|seemed|appears?|appeared|looks?|"
            r"looked|more|most|less|least|very|quite|highly|not|increasingly|it's|that's|so|as|deemed|thought)\b)"
            r"[\w'-]+\s+)$",
            r"\s+(?:[a-z-]+\s+)?(?:voters|caucus-?goers|electorate)\b",
        ),
        # a question weighed, not a guess: "whether I should come", "how it should be done"
        ("should", r"\b(?:whether|how)\s+(?:[a-z'-]+\s+){0,3}$", None),
        # no guess made: "declined to speculate on a backup plan", "would not speculate"
        (
            "speculate",
            r"\b(?:declin\w*|refus\w*|unwilling|reluctant|would\s+not|wouldn't|won't|not)\s+(?:to\s+)?$",
            None,
        ),
        # to reflect, not to believe: "that's made me think."
        (
            "think",
            r"\bma(?:de|ke|kes|king)\s+(?:me|us|you|him|her|them|people|everyone)\s+$",
            r"\s*(?:[.,;:!?\"\u201d']|$)",
        ),
        # purpose, not possibility: "drop out so the other factions could coalesce" (no comma before "so")
        # (a subject after "so", not a degree: "so fragile it could", "so much it could", "losses so far could")
        (
            "could|might",
            r"[a-z]\s+so\s+(?:that\s+)?(?:(?:the|a|an|his|her|their|its|our|my|your|this|these|those|he|she|they|we|"
            r"i|you|it|people|everyone|others?)\s+(?:[a-z][a-z'-]*\s+){0,2}|"
            r"(?!(?:far|much|many|little|few|long|often|badly|well|that)\b)[a-z][a-z'-]*\s+)$",
            None,
        ),
        # a modal with its verb left out: "everyone who could fled the town"
        # ("who could exceed", "that could shed": no past tense)
        (
            "could",
            r"\b(?:who|that|as)\s+$",
            r"\s+(?:[a-z]+(?<!e)(?<!\bsh)ed|fled|sought|went|left|ran|took|got|came|made|did)\b",
        ),
        # a refusal to speak: "she would not comment", "neither side would say so" (not "if asked, she would say")
        ("would", None, rf"\s+(?:not|never|neither)\s+(?:{_SPEAK})\b"),
        ("would", r"(?:^|\W)(?:neither|nobody|no\s+one|none)(?:\s+[a-z'-]+){0,3}\s+$", rf"\s+(?:{_SPEAK})\b"),
        # to claim a thing due: "pensioners could claim their pensions", "entitled to claim compensation";
        # the modal there is an entitlement, not a possibility
        ("claim", r"\b(?:can|could|may|might|will|would|to|cannot)\s+$", rf"\s+{_DUE}"),
        ("may|might|could|can", None, rf"\s+claim\s+{_DUE}"),
        # advice: "members may wish to note"
        ("may|might", None, r"\s+wish\s+to\b"),
        # a wish: "may God's curse be on him", "may he rest in peace" (a modal before its subject)
        ("may", None, r"\s+(?:god|heaven|allah|the\s+lord|he|she|they|we|you|his|her|their|your)\b"),
        # purpose: "so that the crews could reach the pass"
        ("may|might|could|would", r"\b(?:so\s+that|in\s+order\s+that)\s+(?:[a-z'-]+\s+){1,4}$", None),
        # ability with a negative subject: "few collectors could tell", "nothing could be further"
        (
            "could",
            r"(?:^|\W)(?:few|nobody|no\s+one|none|neither|nothing|not\s+(?:one|a\s+single))"
            r"(?:\s+(?!that\b|whether\b|if\b)[a-z'-]+){0,3}\s+$",
            None,
        ),
        ("could", r"(?:^|\W)little\s+$", None),  # "little could be verified"
        # the most one can: "as fast as they could", "as best she could"
        ("could|might", r"\bas\s+(?:best|(?!well\b)(?:[a-z'-]+\s+){1,2}as)\s+(?:[a-z'-]+\s+){1,2}$", None),
        # a comparison with what was expected: "as might be expected", "than had been expected"
        (
            "expected",
            r"\b(?:as|than)\s+(?:(?:might|could|would|may|should|is|was|were|had|has|have|been|be|originally|"
            r"initially|widely|previously|first|once|many|most|i|we|they|he|she|analysts|economists|forecasters|"
            r"markets|investors)\s+){1,3}$",
            None,
        ),
        # a deliberate effect: "to give the impression that", "creating the idea that"
        (
            r"(?:the|an?)\s+(?:impression|idea)\s+that",
            r"\b(?:giv(?:e|es|en|ing)|gave|creat(?:e|es|ed|ing)|convey(?:s|ed|ing)?)\s+$",
            None,
        ),
        # a proposal: "at the suggestion of the chair", "the power of suggestion"
        (
            "suggestions?",
            r"(?:\b(?:at|on)\s+(?:the|his|her|their|its|our|my|whose)|\bpower\s+of)\s+$",
            r"(?!\s+that\b)",
        ),
        # terms of art: "proven and probable reserves" (oil), "possible worlds" (logic), "potential energy"
        ("probable|possible", None, r"\s+(?:(?:and|or|plus)\s+(?:probable|possible)\s+)?(?:reserves|worlds?)\b"),
        ("probable|possible", r"\b(?:proven|probable)(?:\s*,|\s+(?:and|or|plus))?\s+$", r"\s+reserves\b"),
        ("potential", None, r"\s+(?:energy|difference)\b"),
        # the noun: "growing below potential", "failed to reach potential"; not "reach potential buyers"
        (
            "potential",
            r"\b(?:below|above|reach|reached|realise|realised|realize|realized|fulfil|fulfilled|fulfill)\s+$",
            r"(?!\s+(?!of\b|for\b|to\b|and\b|in\b|as\b)[a-z])",
        ),
        # a method, not a forecast: "used to predict ovulation", "the best way to predict"
        (
            "predict",
            r"\b(?:used|designed|way|best|able|helps?|methods?|models?|tools?|tests?)(?:\s+(?:to|that|which))?"
            r"(?:\s+best)?\s+$",
            None,
        ),
    ]
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
