"""Context that rules a hedge cue out: the words around a cue word that mark its other sense.

``VETO_BEFORE``: words just before a cue ("the suspect", "military might", "think tank").
``CONTEXT_VETOES``: a pattern before and after the cue ("denied bail", "likely voters", "who could fled").
Both are matched on the lower-cased sentence.
"""

from __future__ import annotations

import re

__all__ = ["CONTEXT_VETOES", "VETO_BEFORE"]

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
