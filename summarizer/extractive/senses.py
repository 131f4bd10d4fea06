"""Senses of event words that name no political event: market demand, rallies, appeals to buyers, hunting, "could".

``NOT_EVENT`` is blanked out of a sentence before the level 0-1 triggers are looked
for (the force words have their own list, ``triggers.FIGURATIVE``); ``ANIMALS`` makes a
killing the killing of animals, not a crime against people; ``HYPOTHETICAL`` puts a
trigger after "could", "may" or "might" outside what has happened.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .scan import guarded

__all__ = ["ANIMALS", "HYPOTHETICAL", "NOT_EVENT", "NOT_EVENT_STARTS", "in_compound", "in_name", "title_case"]

# Market demand: what buyers want of goods, not what one actor asks of another. Its modifiers
# (domestic, consumer, weak), the verbs that act on it (boost, meet, stifle) and the ones it is the
# subject of (demand rose, cooled, picked up); "on demand" and "in demand"; a tax bill, a workload.
_MARKET_DEMAND = (
    r"(?:consumer|domestic|global|world|worldwide|weak|weaker|weakening|strong|stronger|robust|rising|"
    r"falling|growing|high|higher|low|lower|reduced|slowing|slower|waning|sluggish|increased|increasing|"
    r"extra|customer|passenger|mortgage|housing|market|technology|foreign|export|import|sustained|massive|"
    r"huge|soaring|light|cooling|rapidly-rising|pent-up|seasonal|oil|energy|fuel|travel|underlying|"
    r"overall|internal|external|peak|healthy|solid|buoyant|subdued|fragile|slack|lacklustre|tepid|poor|"
    r"flat|stagnant|strengthening|recovering|continuing|continued|expected|predicted|additional|fresh|"
    r"stifl\w+|dampen\w*|spur\w*|fuel(?:led|ling|s)|driv(?:e|es|ing|en)|temper(?:ed|s|ing)?|"
    r"outstrip\w*|lagg?(?:ed|ing|s)?|boost(?:ed|ing|s)?|meet|meeting|met|cope\s+with|keep\s+up\s+with|"
    r"satisfy|ease|kill(?:ing|ed)?\s+off|(?:fall|rise|dip|drop|slump|slowdown|pick-?up|increase|growth|"
    r"weakness|strength|surge|recovery|boost|change)s?\s+in|of\s+(?:the\s+)?(?:\w+\s+)?market)"
    r"\s+(?:\w+\s+)?demand\b|"
    r"\bdemand\s+(?:for\s+(?:\w+\s+){1,4})?(?:(?:has|had|have|is|was|will|would|could|may|might|should|"
    r"seems?|appears?|looks?)\s+(?:been\s+|be\s+)?)?(?:rose|rise|rises|rising|risen|fell|falls|fall|"
    r"falling|fallen|grew|grows|growing|grown|slowed|slowing|slows|cooled|cooling|cools|eased|easing|"
    r"eases|picked\s+up|picks?\s+up|tapers?|tapered|dipped|dipping|stays|stayed|remained|held|hold|"
    r"soared|soar|soaring|surged|surge|exceeded|exceeds|weakened|strengthened|recovered|slumped|plunged|"
    r"dropped|increased|increasing|decreased|declined|outstrip\w*|strong|weak|huge|high|low|resilient|"
    r"sluggish|subdued|considerable)\b|"
    r"\b(?:supply\s+and\s+demand|demand\s+and\s+supply|(?:on|in)[-\s]demand)\b|"
    r"\b(?:tax|data|memory|bandwidth|processing|storage|physical|time|power)\s+demands?\b"
)

# "Appeal to" in its sense of "attract": a product or a campaign appealing to buyers or voters.
_ATTRACT = (
    r"\b(?:designed|meant|intended|aimed|likely|sure|bound)\s+to\s+(?:\w+\s+)?appeal\s+to\b|"
    r"\bappeal(?:s|ed|ing)?\s+to\s+(?:\w+\s+){0,2}(?:voters|electors|electorate|women|men|people|buyers|"
    r"customers|consumers|fans|readers|viewers|audiences?|users|gamers|players|drivers|shoppers|investors|"
    r"children|families|ages|tastes|young|youngsters|teenagers|listeners|masses|supporters)\b|"
    r"\b(?:broad|wide|mass|popular|sex|voter|electoral|commercial|universal)\s+appeal\b"
)

# Prices and markets rally and retreat; crowds and armies do that otherwise.
_MARKETS = (
    r"\b(?:prices?|shares|stocks?|markets?|dollar|euro|pound|yen|oil|crude|bonds?|index|indices|ftse|dow|"
    r"nasdaq|nikkei|currency|currencies|sterling|equities|copper|gold|metals?)\s+(?:\w+\s+){0,2}"
    r"(?:rall(?:y|ied|ies|ying)|retreat(?:ed|ing|s)?)\b|"
    r"\b(?:rall(?:y|ies)|retreat)\s+(?:in|on)\s+(?:the\s+)?(?:\w+\s+){0,3}(?:prices?|shares|stocks?|markets?|"
    r"oil|crude|bonds?|dollar|euro|pound|yen|sterling|equities|copper|gold)\b|"
    r"\b(?:relief|market|stock|share|oil|price|year-end|late|early|bear|bull)\s+(?:rall(?:y|ies)|retreat)\b|"
    # "demonstrated a wireless cap", "demonstrated that": to show something, not to protest
    r"\bdemonstrat(?:ed|es|ing|e)\s+(?:a|an|the|that|how|its|their|his|her|what|this|these|those|some|"
    r"our|why|whether|new|to)\b|"
    r"\bas\s+opposed\s+to\b"  # a contrast, not opposition
)

# "Support" as a service, a benefit or a prop for prices, and a "supporting" part in a film: a noun
# compound, not one actor backing another ("welfare support", "support staff", "best supporting actress").
_SERVICE_SUPPORT = (
    r"\b(?:welfare|income|price|customer|technical|tech|child|childcare|family|housing|benefits?|farm|"
    r"agricultural|learning|software|product|hardware|life|mortgage|pension|tax|wage|rent|care|carer|health|"
    r"network|user|language|broadband|back-?office|emotional|crowd|fan|home|lumbar|IT)\s+support\b|"
    r"\bsupport\s+(?:staff|services?|workers?|payments?|packages?|systems?|teams?|networks?|groups?|lines?|"
    r"desks?|centres?|centers?|costs?|levels?|grants?|schemes?|allowances?|officers?)\b|"
    r"\bsupport(?:s|ed|ing)?\s+(?:the\s+)?(?:dollar|pound|euro|yen|sterling|currency|economy|prices|growth|"
    r"production|recovery|break[-\s]even|spending)\b|"
    r"\bsupporting\s+(?:roles?|actors?|actress(?:es)?|acts?|cast|categor(?:y|ies)|parts?|players?|artists?|"
    r"bands?|documents?|evidence|data)\b|"
    # "welcome" as an adjective: "a welcome move", "made welcome announcements", "is very welcome"
    r"\b(?:a|an|very|most|more|made|make|is|was|are|were|be|been|particularly|especially|extremely|hugely|"
    r"warmly|feel|felt)\s+welcome\b(?!\s+(?:the|a|an|this|that|his|her|their|its|any|all|it|them|him)\b)"
)

NOT_EVENT = guarded(rf"{_MARKET_DEMAND}|{_ATTRACT}|{_MARKETS}|{_SERVICE_SUPPORT}", re.IGNORECASE)
# Every sense above holds one of these words: a sentence without one is not searched.
NOT_EVENT_STARTS = frozenset({"deman", "appea", "rally", "ralli", "retre", "demon", "oppos", "suppo", "welco"})

# The victims of a killing that is hunting, culling or slaughter, not a crime against people.
ANIMALS = re.compile(
    r"\b(?:fox|foxes|hares?|deer|stags?|animals?|birds?|badgers?|mammals?|hounds|cattle|sheep|cows?|"
    r"pigs?|chickens?|poultry|fish|whales?|dolphins?|seals?|elephants?|rhinos?|tigers?|lions?|wolf|"
    r"wolves|bears?|horses?|livestock|mink|rats|mice|pests|pheasants?|grouse|rabbits?|squirrels?|"
    r"otters?|game\s+birds|wildlife|herds?|flocks?|hunt|hunts|hunting|hunters?|culls?|culling|"
    r"slaughterhouses?|abattoirs?)\b",
    re.IGNORECASE,
)

# A modal of possibility right before the event word: it could happen, it has not ("a decree could be
# signed"). "Would" is left out: after "said" it reports an intent ("said they would boycott").
HYPOTHETICAL = re.compile(
    r"\b(?:could|might|may)\s+(?:(?:not|soon|yet|still|also|even|possibly|perhaps|eventually|"
    r"then|now|well|only|ever|never|be|have|been|become|finally|quickly)\s+){0,3}$"
    # a wish: "we would like the support of", "hopes for an agreement"
    r"|\b(?:would\s+like|would\s+welcome|wants?|hopes?\s+(?:for|to))\s+(?:to\s+)?(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)


# Short prefixes a hyphen joins to an event word without making it an adjective: "re-deployed", "co-operate".
_PREFIXES = frozenset("re co pre counter de un non mis over under out".split())
# Words that join the parts of a name: "Bank of England", "Save the Children", "Procter & Gamble".
_CONNECTORS = frozenset("of for and & the de".split())
_LAST_TOKEN = re.compile(r"(\S+)\s+$")
_NEXT_TOKEN = re.compile(r"\s+(\S+)")
# What stands before a sentence's or a quotation's first word.
_OPENERS = "\"'\u2018\u201c([\u2014\u2013-:.!?"


def in_compound(text: str, start: int, end: int) -> bool:
    """True when an event word is one part of a hyphenated compound adjective ("state-backed", "aid-funded")."""
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        head = re.search(r"[A-Za-z]+$", text[: start - 1])
        if head is None or head.group().lower() not in _PREFIXES:
            return True
    return end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha()


def _capitalised(token: str) -> bool:
    return token[0].isupper() and token.rstrip("'\u2019s").replace("-", "").replace("&", "").isalpha()


def in_name(text: str, start: int, end: int) -> bool:
    """True when a capitalised event word is part of a run of capitalised words: a name, not an event.

    "Retail Consulting Group", "Christian Aid", "League Against Cruel Sports"; a sentence's first
    word counts only with a capitalised word before it, and a title-case headline not at all.
    """
    if not text[start].isupper():
        return False
    before = _LAST_TOKEN.search(text, 0, start)
    if before is not None:
        token = before.group(1)
        if token in _CONNECTORS:  # "Department of Support": the word before the connector decides
            earlier = _LAST_TOKEN.search(text, 0, before.start())
            if earlier is not None and _capitalised(earlier.group(1)):
                return True
        elif _capitalised(token):
            return True
    prefix = text[:start].rstrip()
    if not prefix or prefix[-1] in _OPENERS:
        return False  # a sentence's first word: "Talks began on Monday"
    after = _NEXT_TOKEN.match(text, end)
    return after is not None and _capitalised(after.group(1))


@lru_cache(maxsize=1 << 12)
def title_case(text: str) -> bool:
    """True for a headline in title case: most of its longer words capitalised, verbs included."""
    words = re.findall(r"\b[A-Za-z]{4,}\b", text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)
