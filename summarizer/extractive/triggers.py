"""The escalation lexicon: event triggers by PLOVER type and level, and the contexts that void them.

Each trigger names a PLOVER type, the rubric level it implies (prompts/escalation-rubric.md),
what actor it needs in its sentence, and whether it is a noun that may only refer back to a
known event ("the invasion") rather than report a new one ("invaded").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from ..scales import EventType
from .scan import guarded, pattern_starts

__all__ = [
    "ATTRIBUTIVE",
    "BACKGROUND",
    "CRIME",
    "DAMP",
    "DOMAIN_WORDS",
    "DOWN",
    "EVENT_MARKER",
    "FIGURATIVE",
    "FRAMING",
    "HISTORY",
    "IRREALIS",
    "LEGAL",
    "NEGATION",
    "OBITUARY",
    "PAST_PERFECT",
    "PEACEFUL",
    "RELATED_HEADING",
    "THREAT_CUE",
    "TRIGGERS",
    "UP",
    "YEAR",
    "Need",
    "Trigger",
]


class Need(Enum):
    """What a trigger needs in its sentence to count."""

    NOTHING = "nothing"
    ACTOR = "actor"  # any political or armed actor: a state, its institutions, forces, armed groups
    FORCE = "force"  # armed forces, armed groups, police or weapons


@dataclass(frozen=True)
class Trigger:
    """One event pattern."""

    kind: EventType
    level: int
    need: Need
    pattern: re.Pattern[str]
    nominal: bool = False  # a noun naming an event: counts as new only with a marker of a new event
    starts: frozenset[str] | None = None  # the first letters (two to five) any match can begin with, if known


# One trigger a line: TYPE LEVEL NEED [noun]: pattern; indented lines continue the pattern.
# FIGHT is conventional military force and ASSAULT unconventional violence (PLOVER); MOBILIZE 3 is
# a build-up or call-up, 2 exercises and alerts; COERCE is seizure, blockade and repression.
_TABLE = r"""
FIGHT 5 actor: invaded|invading|(?:launched|mounted|began|started)\s+(?:an?|its|the|
    their)\s+(?:\w+[-\s]){0,2}(?:invasion|offensive)
FIGHT 5 actor noun: full-scale\s+(?:invasion|war|offensive)|all-out\s+war|major\s+offensive|
    ground\s+(?:offensive|invasion)
FIGHT 4 force: shelled|shelling|bombarded|bombarding|opened\s+fire|exchanged\s+(?:\w+\s+)?fire|
    fired\s+(?:\w+\s+){0,3}(?:shells|rockets|missiles|mortars?|on|at)|gun-?battles?|
    fire-?fights?
FIGHT 4 force: (?:captured|recaptured|retook|retaken|seized|overran|overrun|stormed|
    besieged)\s+(?:\w+\s+){0,4}(?:town|towns|city|cities|village|villages|territory|
    region|province|stronghold|positions?|base|airport|port|capital|district|area|
    hills?|island)|advanced\s+(?:on|into|towards?)|crossed\s+into|pushed\s+into
FIGHT 4 actor noun: air\s?-?strikes?|air\s+raids?|bombing\s+raids?|missile\s+(?:attacks?|
    strikes?)|rocket\s+(?:attacks?|fire)|drone\s+(?:attacks?|strikes?)|
    artillery\s+(?:fire|barrages?|attacks?)|mortar\s+(?:fire|attacks?|rounds)|
    incursions?
FIGHT 5 actor noun: invasion
FIGHT 4 force: fought|battled|clashed|engaged\s+in\s+(?:\w+\s+)?(?:combat|fighting|battles?|
    ethnic\s+cleansing)|ethnic\s+cleansing
FIGHT 4 force noun: fighting|battling|battles?|clashes|combat|counter-?offensive|offensive|
    hostilities|bombardment
FIGHT 4 force: (?:drones|missiles|rockets|shells)\s+(?:\w+\s+){0,2}(?:launched|fired|hit|struck|
    landed)|launched\s+(?:\d[\d,]*|dozens\s+of|hundreds\s+of)\s+(?:\w+\s+)?(?:drones|
    missiles|rockets)|(?:killed|wounded)\s+(?:\w+\s+){0,3}in\s+(?:a|
    an)\s+(?:\w+\s+)?(?:attack|gunbattle|raid)
ASSAULT 4 actor: massacred|beheaded|assassinated|blew\s+themselves\s+up
ASSAULT 4 actor noun: suicide\s+(?:bomb\w*|attacks?)|car\s+bomb\w*|roadside\s+bomb\w*|
    bomb\s+attacks?|improvised\s+explosive|massacre|assassinations?|
    attempt\s+to\s+assassinate
ASSAULT 4 force: killed|massacre|ambushed|bombed|exploded|blew\s+up\s+(?:a|an|the)\s+(?:bus|car|
    market|mosque|church)|tortured|torture|beat\s+up|beaten|abused|gunned\s+down|
    shot\s+dead|executed|wounded|wounding
ASSAULT 4 force: (?<!the\s)(?<!an\s)attacked|attacking|raided|struck
ASSAULT 4 force noun: killings?|ambush|bombings?|violence
ASSAULT 4 force noun: attacks?|raids?|strikes?\s+(?:on|against)
COERCE 4 actor: annex(?:ed|ing)|blockades?|blockaded|blockading|occupied|kidnapp?(?:ed|
    ing)|abduct(?:ed|ing)|taken\s+hostage|hostages?|human\s+shields|hijack(?:ed|ing)
COERCE 4 actor noun: annexation
COERCE 4 force: demolish(?:ed|ing)|razed|set\s+fire\s+to|torched|blew\s+up|sabotag\w+|
    forced\s+out|forced\s+(?:[\w,]+\s+){0,8}(?:out\s+of|from)\s+(?:their\s+)?homes|
    hack(?:ed)?\s+into|cyber-?\s?attacks?
COERCE 3 actor: martial\s+law|state\s+of\s+(?:emergency|siege)|curfews?|tear\s?gas|riot\s+police|
    dispers(?:ed|e)\s+(?:the\s+)?(?:protest|demonstrat|crowd|rall)\w*|confiscat\w+
COERCE 3 force: crackdown|cracked\s+down|arrest(?:ed|ing|s)?|detain(?:ed|ing)|detention|
    rounded\s+up|seized|seizure|captured|expelled|deported|prevented
COERCE 3 actor: (?:banned|outlawed|shut\s+down|closed\s+down)\s+(?:\w+\s+)?(?:opposition|party|
    parties|candidates|newspapers?|paper|group|organi[sz]ation|rall(?:y|ies)|
    protests?|demonstrations?|media|broadcaster)|suspend\s+publication|deported|
    expelled\s+(?:\d|\w+\s+){0,3}(?:diplomats|journalists|people|refugees|migrants|
    workers)
MOBILIZE 3 actor: mobili[sz](?:ed|es|e|ing|ation)\s+(?:\w+\s+){0,3}(?:troops|soldiers|forces|
    army|armou?r|tanks|reservists|units|battalions|brigades|marines|warships)|
    mobili[sz](?:ed|es|ing|ation)|(?:troop|military|arms)\s+build-?ups?|
    build-?up\s+of\s+(?:\w+\s+){0,2}(?:troops|soldiers|forces|army|armou?r|tanks|
    reservists|units|battalions|brigades|marines|warships)|troop\s+movements?|
    call(?:ed|ing|s)?[-\s]up\s+(?:\w+\s+){0,3}(?:reservists|conscripts|troops)|
    conscription
MOBILIZE 3 force: mass(?:ing|ed|es)|amass(?:ed|ing|es)?|deploy(?:ed|ing|s|ment|ments)?|
    reinforce(?:d|ments)|redeploy\w*|build-?up|(?:sen[dt]|sending|mov(?:ed|ing|es)|
    ordered|dispatched|rushed|assembl(?:ed|ing))\s+(?:\w+\s+){0,5}(?:troops|
    soldiers|forces|army|armou?r|tanks|reservists|units|battalions|brigades|
    marines|warships)|(?:troops|soldiers|forces|army|armou?r|tanks|reservists|
    units|battalions|brigades|marines|warships)\s+(?:[\w,]+\s+){0,10}(?:arrived|
    arriving|returned|poured)|strengthened\s+(?:its\s+|their\s+)?(?:forces|
    presence)
MOBILIZE 2 force: exercises?|drills?|manoeuvres|maneuvers|patrols?|patrolling|show\s+of\s+force|
    war\s+games|(?:on|high|full|heightened)\s+alert|on\s+standby|trained|training
MOBILIZE 3 force noun: stationed|positioned|troop\s+presence
THREATEN 1 actor: threaten(?:ed|s|ing)?|ultimatum|vow(?:ed|s)?\s+to\s+(?:retaliate|respond|fight|
    strike|attack|destroy|crush)|sworn\s+to\s+fight|warn(?:ed|s|
    ing)?\s+(?:\w+\s+){0,3}(?:of\s+)?(?:retaliation|consequences|war|attack|
    response|military)
PROTEST 1 nothing: protest(?:s|ed|ing|ers?)?|demonstrat(?:ed|ion|ions|ors?)|rall(?:y|ies|ied)|
    riot(?:s|ed|ing|ers)?|hunger\s+strike|general\s+strike|went\s+on\s+strike|
    strikers|marched|sit-in|blocked\s+(?:\w+\s+){0,3}(?:roads?|streets?|bridge|
    highway|roadway|transport|traffic)|stones
SANCTION 1 actor: sanctions?|embargo\w*|cut\s+(?:off\s+)?(?:diplomatic\s+)?(?:ties|relations)|
    broke\s+off\s+(?:\w+\s+)?relations|recalled\s+(?:its\s+)?ambassador|boycott\w*|
    suspended\s+(?:\w+\s+){0,2}(?:aid|talks|relations|cooperation)|
    froze\s+(?:\w+\s+)?assets|impos\w+\s+(?:\w+\s+)?restrictions|
    closed\s+(?:\w+\s+)?borders?
DEMAND 1 nothing: demand(?:s|ed|ing)?\s+that|(?:(?<=\bare\s)|(?<=\bis\s)|(?<=\bwas\s)|(?<=\bwere\s)|
    (?<=\bbeen\s)|(?<=\bbe\s)|(?<=\bstill\s))demanding(?=\s+\w)|(?:(?<=\bwe\s)|(?<=\bthey\s)|(?<=\bI\s)|(?<=\byou\s)|
    (?<=\bwho\s))demand\b(?!\s+(?:for|in|and|from|is|was)\b)|(?<=s\s)demands?(?=\s+['"\u2018\u201c]\w)|(?<!be\s)(?<!is\s)(?<!are\s)(?<!was\s)(?<!were\s)(?<!been\s)
    (?<!rarely\s)demanded|(?<!\ba\s)(?<!\ban\s)(?<!and\s)(?<!very\s)(?<!more\s)(?<!most\s)(?<!so\s)
    (?<!too\s)(?<!the\s)(?<!these\s)(?<!those\s)(?<!such\s)demand(?:s|ing)?\s+(?:an?|the|his|her|their|its|
    our|more|better|greater|immediate|full|fresh|new|urgent|answers|action|compensation|changes|justice|
    guarantees|assurances|talks|elections?|reforms?|release|withdrawal|apology|recognition|autonomy|
    independence|explanation|protection|respect|rights|support|control|payment|access|to\s+(?:know|see|
    be|have|speak|meet|talk))\b|demands?\s+(?:for|of)\s+(?:(?:the|an?|his|her|their|its|more|greater|
    immediate|full|public|independent|early|fresh|new)\s+){0,2}(?:release|resignation|withdrawal|apology|
    independence|inquiry|investigation|referendum|elections?|reforms?|recount|removal|return|end|halt|
    ban|explanation|answers|justice|recognition|autonomy|talks|cease-?fire|truce|action|changes|
    clarification|guarantees|assurances|retraction|trial|extradition|sanctions|protection|rights|
    vote|statement|crackdown|restrictions|curbs|compensation|reparations|self-rule|statehood|
    sovereignty|handover|surrender|disarmament)\b|demand\s+for\s+(?:the\s+)?\w+\s+to\s+(?!rise|
    fall|grow|increase|decline|remain|stay|slow|pick|ease|soar|outstrip|exceed|recover|weaken)\w+|
    called\s+(?:on|for)|calls\s+(?:on|for)|urg(?:ed|es|ing)|(?<!of\s)appeal(?:ed|s|ing)?\s+for|
    appeal(?:ed|s|ing)?\s+to\s+(?!(?:\w+\s+){0,2}(?:voters|electors|electorate|women|men|people|buyers|
    customers|consumers|fans|readers|viewers|audiences?|users|gamers|players|drivers|shoppers|investors|
    children|families|ages|tastes|public|young|youngsters|teenagers|listeners|masses|supporters|
    court|courts|tribunal|judges?|lords|panel|ombudsman)\b)(?:[\w,]+\s+){1,5}(?:to\s+\w+|for)\b|
    insist(?:ed|s)\s+(?:on|that)|pressed\s+(?:\w+\s+)?(?:for|to)
DEMAND 1 actor: (?<!\ba\s)(?<!\ban\s)demands\b(?!\s+(?:of|on|placed)\b)|demand\b(?!\s+(?:for|in|and|
    from|at|is|was|has|had|will|would|growth|side|to|remains?|outstrip\w*|exceed\w*)\b)
DISAPPROVE 1 nothing: accus\w+|condemn\w*|criticis\w+|criticiz\w+|blam(?:ed|es|ing)|denounc\w+|
    protested\s+to|complain(?:ed|s)|deplor\w+|rebuk\w+|charged\s+that
REJECT 1 nothing: reject(?:ed|s|ing)?|refus(?:ed|es|ing)|veto(?:ed|es)?|turned\s+down|denied|
    deny|denies|dismissed|ruled\s+out|opposed|defied
RETREAT 0 nothing: cease-?fire|truce|withdr[ae]w\w*|pull(?:ed|ing|s)?\s+(?:\w+\s+){0,5}(?:back|
    out)|de-?escalat\w*|demobili[sz]\w*|retreat(?:ed|ing)?|disarm\w*|
    evacuated\s+(?:its\s+)?(?:troops|forces)
CONCEDE 0 nothing: conced\w+|releas(?:ed|ing)\s+(?:\w+\s+){0,4}(?:prisoners|detainees|hostages|
    captives)|freed|lift(?:ed|ing)\s+(?:\w+\s+){0,3}(?:ban|sanctions|restrictions|
    curfew|blockade|embargo)|eas(?:ed|ing)\s+(?:\w+\s+)?restrictions|
    apologi[sz]\w+|resign(?:ed|s)?|allow(?:ed)?\s+(?:\w+\s+){0,3}to\s+return|
    back(?:ed)?\s+down|compromise
AGREE 0 nothing: agree(?:s|d)?|agreement|peace\s+(?:deal|accord|plan)|accords?|signed|treaty|
    pact|deal\s+(?:with|to|on)
CONSULT 0 nothing: talks|negotiat\w*|summit|met\s+(?:with|in|on)|meets?\s+with|visit(?:ed|s|
    ing)?|consult\w*|discuss(?:ed|ions?)|telephoned|mediat\w+|hosted
SUPPORT 0 nothing: prais\w+|endors\w+|back(?:ed|ing)|support(?:ed|s|ing)?|welcom\w+|
    congratulat\w+|applaud\w*|commend\w*|recogni[sz]ed
COOPERATE 0 nothing: cooperat\w+|co-operat\w+|collaborat\w+|joint\s+(?:venture|project|effort)|
    partnership|allian(?:ce|ces)\s+with
AID 0 nothing: aid|humanitarian|relief|donat\w+|assistance|provided\s+(?:\w+\s+){0,3}(?:food|
    medicine|supplies|loans?|funds)|grant(?:ed)?\s+(?:\$|\d)
INVESTIGATE 0 nothing: investigat\w*|inquiry|inquiries|probe|inspect(?:ed|ors?|ions?)|
    fact-finding|look\s+into|examin\w+
"""


def _triggers(table: str) -> list[Trigger]:
    rows: list[tuple[str, list[str]]] = []
    for line in table.strip().splitlines():
        if line.startswith(" "):
            rows[-1][1].append(line.strip())
        else:
            head, pattern = line.split(": ", 1)
            rows.append((head, [pattern]))
    out = []
    for head, parts in rows:
        kind, level, need, *noun = head.split()
        # a word in a gap may be a number as news writes it: "sent about 6,000 troops", "fired 1.5 tonnes of"
        source = rf"\b(?:{''.join(parts)})\b".replace(r"(?:\w+\s+)", r"(?:[\w,.'\u2019-]+\s+)")
        starts = pattern_starts(source, re.IGNORECASE)
        out.append(Trigger(EventType(kind), int(level), Need(need), guarded(source, re.IGNORECASE), bool(noun), starts))
    return out


# Violence or crime with no political or armed actor: the CRIME type, level 0.
CRIME = re.compile(
    r"\b(?:murder(?:ed|s|er|ers)?|killed|stabb(?:ed|ing)|shot\s+dead|robb(?:ed|ery|eries)|rap(?:ed|e)|"
    r"kidnapp?(?:ed|ing)|assault(?:ed)?|manslaughter|homicide|gunm[ae]n|abducted|burglar\w*)\b",
    re.IGNORECASE,
)

# Senses of war words that are not force; removed from a sentence before triggers are looked for.
FIGURATIVE = re.compile(
    r"\b(?:charm\s+offensive|attack(?:ed|s|ing)?\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?:\w+\s+)?"
    r"(?:decision|ruling|plans?|proposals?|policy|policies|comments?|remarks|report|idea|move|law|bill|"
    r"budget|speech|record|claims?|stance|handling)\b|(?:price|trade|bidding|turf|ratings|tariff|format|browser|console|culture|"
    r"class|talent|pricing|cola|patent|legal|court|boardroom|takeover|custody|copyright|PR|propaganda|"
    r"media|words)\s+(?:wars?|battles?|fights?|fighting)|wars?\s+of\s+words|"
    r"battles?\s+of\s+(?:the\s+)?(?:bands|sexes|wits|wills|brands)|(?:legal|court|courtroom|boardroom|"
    r"takeover|custody|uphill|political|electoral|election|leadership|title|relegation|promotion|ratings|"
    r"box-office|chart)\s+(?:battles?|fights?|wars?|fight-?backs?)|(?:battle|battles|battling|battled|"
    r"fight|fights|fighting|fought|war|wars|combat|combating|combatting|attack|attacks|attacked|offensive|"
    r"campaign|crusade|crackdown|assault)\s+(?:on|against|to\s+(?:win|keep|stay|save|beat|avoid|reduce|"
    r"cut|tackle|curb|stop)|for|over)\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|high\s+|rising\s+|"
    r"global\s+)?(?:\w+\s+)?(?:inflation|prices?|price\s+growth|costs?|HIV|Aids|cancer|obesity|disease|"
    r"diseases|malaria|poverty|crime|fraud|piracy|spam|viruses|virus|hackers|counterfeit\w*|smoking|drugs|"
    r"climate|pollution|unemployment|debt|deficit|tax|taxes|title|championship|cup|trophy|place|places|"
    r"survival|relegation|promotion|votes|seats|customers|market|share|shares|"
    r"control\s+of\s+the\s+(?:company|firm|club|board)|rights|custody|costs|jobs|injury|fitness|form|"
    r"the\s+ball|goal|lead|bid|contract|deal|merger|takeover|plans?|proposals?|policy|policies|government|"
    r"opposition|record|reputation|terrorism|terror)\b|bombard\w*\s+(?:\w+\s+){0,2}with|think[-\s]tanks?|"
    r"call-?ups?\s+(?:to|for)\s+(?:the\s+)?(?:\w+\s+){0,3}(?:squad|team|side|tour)|"
    r"build-?up\s+to\s+(?:the\s+|this\s+|next\s+|their\s+|his\s+|its\s+)?(?:\w+\s+){0,3}(?:match|game|"
    r"final|tie|clash|election|season|race|tournament|championships?|olympics|launch|release|event|"
    r"christmas|budget|show|awards)|(?:killer|hostile)\s+(?:app|application|bid|takeover|feature|product)|"
    r"(?:market|sales|task|work|labour|labor|police|driving|life|market|economic|creative|joining|joined|"
    r"join|combined|combining)\s+forces?|invasion\s+of\s+(?:privacy|the\s+pitch)|"
    r"invaded\s+(?:the\s+)?(?:pitch|field|stage|dressing\s+room|privacy)|(?:lucky|first|second|late|"
    r"free-kick|penalty)\s+strikes?|(?:war|battle|fight|battles|wars)\s+(?:film|films|movie|movies|game|"
    r"games|drama|epic|story|novel|book|scenes?|veterans?|memorial|hero|heroes|poet|poetry|photographer|"
    r"correspondent|crimes?)|(?:world|Cold|Gulf|Vietnam|Korean|Falklands|Boer|civil)\s+War\s+(?:film|"
    r"movie|drama|novel|epic|veterans?)|hard[-\s]fought|attack(?:ed|s|ing)?\s+(?:[\w.']+\s+){1,3}(?:for|over)\s+"
    r"(?:his|her|their|its|being|having|not|saying|calling|what|how|failing)|(?:attack|campaign)\s+ads?|"
    r"(?:personal|verbal|political|partisan|rhetorical)\s+attacks?|executed\s+(?:the\s+|this\s+|that\s+|"
    r"its\s+|his\s+|her\s+|their\s+|a\s+)?(?:\w+\s+)?(?:plan|plans|strategy|strategies|order|orders|"
    r"contract|contracts|trade|trades|deal|deals|move|moves|search\s+warrant|warrant|will|program|"
    r"programme|turn|pass|play|shot)|reinforc\w+\s+(?:the\s+|their\s+|his\s+|her\s+|its\s+|a\s+)?(?:\w+\s+)?"
    r"(?:perceptions?|views?|beliefs?|impressions?|image|message|notion|idea|sense|fears?|concerns?|"
    r"suspicions?|stereotypes?|argument|case|point|position|reputation|narrative|doubts?)|"
    r"captur(?:ed|es|ing)\s+(?:the\s+|their\s+|his\s+|her\s+|its\s+|a\s+)?(?:\w+\s+)?(?:moment|"
    r"imagination|attention|mood|spirit|essence|hearts?|images?|photos?|photographs?|pictures?|footage|"
    r"votes?|nomination|headlines|on\s+(?:film|camera|video|tape))|captured\s+(?:on|by)\s+(?:the\s+|an?\s+)?"
    r"(?:\w+\s+){0,3}(?:photographers?|cameras?|film|video|tape|lens)|occup(?:ied|ies|y|ying)\s+(?:the\s+|a\s+|an\s+|"
    r"their\s+|his\s+|her\s+|its\s+)?(?:\w+\s+)?(?:spotlight|tier|role|time|attention|stage|slot|lead|rank|ranks|"
    # a place "of" somewhere is ground taken: "occupied the centre of Orlen", "the top of the ridge"
    r"niche|chair|minds?|thoughts|headlines|berth|pole|(?:place|seat|space|centre|center|top|spot)(?!\s+of\b)))\b",
    re.IGNORECASE,
)

# A year, not a count: "in 2012", "the 2011 strike", not "2000 troops".
YEAR = re.compile(
    r"(?<![\d,.$\u00a3\u20ac])\b(19[2-9]\d|20[0-4]\d)\b(?![\d,.]\d|\s*(?:%|per\b|people|troops|soldiers|"
    r"men\b|women|children|civilians|of\b))"
)

# A participle used as an adjective names a state, not an event: "the occupied West Bank", "captured fighters".
ATTRIBUTIVE = re.compile(
    r"\b(?:the|an?|of|its|their|in|considered|as)\s+(?:\w+-)?(?:occupied|captured|annexed|seized|detained|"
    r"kidnapped|abducted|confiscated)\s+(?!by\b|in\b|on\b|at\b|from\b|and\b|or\b)\w|\boccupied\s+"
    r"(?:territor\w+|lands?|zones?|areas?)\b",
    re.IGNORECASE,
)

# A line about the past, not the article's present.
HISTORY = re.compile(
    r"\b(?:(?:in|during|by|since|after|before|until|from)\s+(?:the\s+)?(?:1[0-9]\d\d|19\d\d|200\d|"
    r"'\d\d)s?|\d+\s+years\s+ago|(?:decades|centuries|years|generations)\s+(?:ago|earlier|before)|"
    r"(?:during|in|after|since|of|before)\s+the\s+(?:First|Second|1st|2nd)\s+World\s+War|"
    r"World\s+War\s+(?:I|II|One|Two|1|2)|since\s+the\s+(?:start|beginning|outbreak|invasion|war|end)|"
    r"before\s+the\s+(?:war|invasion|conflict)|(?:in|during)\s+the\s+(?:last|past|previous)\s+(?:century|"
    r"decade)|last\s+(?:century|decade)|historically|history\s+of|anniversary|commemorat\w+|remembrance|"
    r"recalled\s+how|remembered|(?:during|in)\s+(?:the\s+)?(?:Cold|Gulf|Vietnam|Korean|Falklands|Boer|"
    r"Napoleonic|Crimean|civil)\s+War|(?:biblical|ancient|medieval|mythical|legendary)|in\s+(?:ancient|"
    r"medieval|biblical)\s+times|from\s+the\s+outset|last\s+(?:winter|spring|summer|autumn|fall)|"
    r"last\s+(?:month|year)['\u2019]s|months\s+ago|a\s+year\s+ago|last\s+year)\b",
    re.IGNORECASE,
)

# The past perfect puts an event before the story's own time: background, not a development.
# "had" before a determiner or "to" is possession or obligation ("had troops there", "had to").
PAST_PERFECT = re.compile(
    r"\bhad\s+(?:(?:already|previously|earlier|once|long|just|recently)\s+)?(?:been\s+)?"
    r"(?!(?:to|a|an|the|no|some|any|its|his|her|their|our|my|your|this|that|these|those|more|many|"
    r"much|little|few|enough|one|two|three|several)\b)[a-z]{3,}(?:ed|en|wn|un|ght|nt|lt|pt|ft|ck|ne|ot)\b",
    re.IGNORECASE,
)

# A headline or lead of an obituary: the article retells a life, so its force words are history.
OBITUARY = re.compile(
    r"\b(?:dies|died|has\s+died|dead)\s+(?:at|aged)\s+\d{2,3}\b|\bobituary\b|\bdeath\s+of\s+former\b",
    re.IGNORECASE,
)

# Cues that put what follows them (in the same clause) outside what has happened.
IRREALIS = re.compile(
    r"\b(?:would|could|might|may|will|shall|should|if|unless|whether|threat(?:en|ened|ens|ening)?\s+to|"
    r"warn(?:ed|s|ing)?|plans?\s+to|planned\s+to|planning\s+to|prepar(?:ed|ing|es|e)\s+(?:to|for)|"
    r"ready\s+to|vow(?:ed|s)?\s+to|sworn\s+to|intend(?:s|ed)?\s+to|poised\s+to|preparation\s+for|"
    r"preparations\s+for|fear(?:s|ed)?|possible|possibility|potential|likely|unlikely|improbable|"
    r"risk\s+of|prevent|avoid|any|aimed\s+at|intended\s+to|seeks?\s+to|sought\s+to|wants?\s+to|"
    r"wanting\s+to|going\s+to|about\s+to|capable\s+of|able\s+to|call(?:ed|s)?\s+for|demand(?:ed|s)?|"
    r"urg(?:ed|es)|against\s+(?:any|a\s+possible)|imminent|expected\s+to|to\s+deter|deterrent|scenario|"
    r"hypothetical|claims?\s+to\s+be|claims?\s+of|alleged|allegations?\s+of|accus(?:ed|es|"
    r"ing)\s+(?:\w+\s+){0,3}of|suspected\s+of|blamed\s+for|allegedly|suggest(?:s|ed|ing)?|"
    r"propos(?:e|es|ed|ing|al|als)|support(?:s|ed|ing)?(?=\s*$)|favou?r(?:s|ed|ing)?|advocat\w+|"
    r"justif(?:y|ies|ied|ying)|bent\s+on|(?:have|has|had|need|needs|needed)\s+to|must|allegations?\s+that|"
    r"claims?\s+that|rumou?rs?|conspiracy|myths?|(?:prelude|precursor)\s+to|pretext\s+for)\b",
    re.IGNORECASE,
)

# words that look negative but affirm what follows: "not only signed", "no fewer than 12 states signed",
# "did not hesitate to condemn"
_AFFIRMS = r"(?!\s+(?:only|just|merely|hesitate|hesitating)\b)"
NEGATION = re.compile(
    rf"\b(?:not{_AFFIRMS}|no(?!\s+(?:fewer|less|more)\s+than\b)|never|nor|without|neither|denied|denies|deny|"
    rf"den(?:y|ied)ing|n't{_AFFIRMS}|ruled\s+out|rejected|"
    r"no\s+longer|failed\s+to|refrained\s+from|stopped\s+short\s+of|halted|called\s+off|"
    rf"rul(?:e|es|ing)\s+out)\b|n't{_AFFIRMS}\b",
    re.IGNORECASE,
)

# Said of force or coercion still to come, these make the sentence a threat (PLOVER THREATEN).
THREAT_CUE = re.compile(
    r"\b(?:will|would|shall|plans?\s+to|planned\s+to|prepared\s+to|ready\s+to|threat(?:en|ened|ens|"
    r"ening)\s+to|vow(?:ed|s)?\s+to|sworn\s+to|warn(?:ed|s|ing)?|intends?\s+to|intended\s+to|poised\s+to|"
    r"decided\s+to)\b",
    re.IGNORECASE,
)

# Before a noun, these make the event the cause or background of another one, or undo it.
BACKGROUND = re.compile(
    r"\b(?:after|following|since|in\s+response\s+to|in\s+retaliation\s+for|lift(?:ed|ing|s)?|shorten\w*|"
    r"end(?:ed|ing|s)?|eas(?:ed|ing)|relax\w*|abandon\w*|withdrawal\s+of|withdr[ae]w|pull(?:ed|"
    r"ing)?\s+out|last\s+(?:week|month|year)['\u2019]s|survived)\s+(?:\S+\s+){0,4}$",
    re.IGNORECASE,
)

# Courts and lawmakers speaking of detention: a legal argument, not an arrest made.
LEGAL = re.compile(
    r"\b(?:court|courts|ruled|ruling|judges?|law\s+lords|appeal|lawyers?|trial|sued|suing|legislation|"
    r"human\s+rights\s+laws?|powers|bill)\b",
    re.IGNORECASE,
)

# Deployments whose purpose is peace or relief are not a build-up.
PEACEFUL = re.compile(
    r"\b(?:peacekeep\w*|observers?|monitors?|humanitarian|relief|aid\s+workers|tsunami|earthquake|"
    r"flood\w*|rescue\w*|evacuat\w+|disasters?|storms?|hurricanes?|cyclones?|typhoons?|wildfires?|"
    r"bush\s?fires?|landslides?|avalanches?|drought|famine|victims)\b",
    re.IGNORECASE,
)

# What makes a noun like "the offensive" a new event in this article, not a reference to a known one.
EVENT_MARKER = re.compile(
    r"\b(?:today|tonight|yesterday|overnight|this\s+(?:morning|afternoon|evening|week|weekend)|"
    r"last\s+night|(?:on|early|late|since|by)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)|hours|new|fresh|latest|renewed|record|heavy|fierce|intense\s+fighting\s+(?:on|in|near|"
    r"around)|broke\s+out|erupted|raged|rages|resumed|flared|continued|continues|intensified|escalated|"
    r"spread|killed|killing|dead|wounded|injured|casualties|left\s+\d|launched|carried\s+out|conducted|"
    r"began|began|started|mounted|hit|struck|destroyed|damaged|(?:at\s+least|more\s+than|some|about|"
    r"over)\s+\d)\b",
    re.IGNORECASE,
)

# Context of sport, games, films, books, music and markets: war words there are not force.
DOMAIN_WORDS = frozenset(
    """match matches squad coach striker midfielder defender goalkeeper goal goals score scored league
    championship championships tournament rugby football soccer cricket tennis golf boxing olympic olympics
    athlete athletes player players team-mate team-mates teammate teammates stadium pitch referee semi-final
    quarter-final final fixture season premiership wicket innings game games gamer gamers gaming console
    playstation xbox nintendo film films movie movies actor actress starring stars director album band
    singer song songs chart box-office novel book author sitcom series episode drama comedy oscar oscars
    award awards festival theatre musical character plot screened screening depict depicts depicting
    portray portrays documentary broadcast broadcasts viewers audience audiences tv television shares stock
    stocks investors profit profits sales price prices market markets firm firms company companies revenue
    inflation brand customers consumers retailer economy economic software users website websites spam virus
    computer computers hacker hackers phone phones broadband internet online email emails e-mail e-mails
    pop-up pop-ups ads oil trade trading insurer insurers insurance losses costs bank banks bosses executive
    executives shareholders tycoon billionaire advertising corporate product products store stores rapper
    lyrics performing concert concerts gig gigs tour tours singles fans club clubs""".split()
)

# A heading that opens a list of other stories: nothing after it belongs to the article.
RELATED_HEADING = re.compile(
    r"^\W*(?:similar|related|more|most\s+read|latest|trending|trends|recommended|popular|top\s+stories|"
    r"read\s+(?:more|next|also)|see\s+also|you\s+may|you\s+might|also\s+read|"
    r"other\s+news)\b(?:\W*(?:\w+\W*){0,4}$|[^.!?]{0,40}:)",
    re.IGNORECASE,
)

UP = re.compile(
    r"\b(?:escalat(?:ed|es|ing|ion)|build-?up|buildup|rising\s+tensions?|heighten\w*|intensif\w*|amass\w*|"
    r"mobili[sz]\w*|largest|biggest|record|more\s+troops|reinforc\w*|stepped\s+up|step\s+up|surge|fresh|"
    r"new\s+(?:offensive|attacks?|wave)|worsen\w*|deteriorat\w*|expand\w*|tensions?\s+(?:rose|rise|grew|"
    r"mounted))\b",
    re.IGNORECASE,
)

DOWN = re.compile(
    r"\b(?:cease-?fire|truce|withdr[ae]w\w*|de-?escalat\w*|eas(?:ed|ing)\s+(?:of\s+)?tensions?|pull(?:ed|"
    r"ing)?\s+back|peace\s+(?:deal|agreement|accord)|demobili[sz]\w*|calm\w*|lull|retreat(?:ed|ing)?|"
    r"scal(?:ed|ing)\s+back|stood\s+down|reduc(?:ed|ing)\s+(?:\w+\s+)?(?:troops|forces|presence))\b",
    re.IGNORECASE,
)

# The article's own hedges on escalation: a build-up it calls bluster, an invasion it calls improbable.
DAMP = re.compile(
    r"\b(?:improbable|unlikely|no\s+(?:sign|signs|indication|evidence|plans?|intention)|not\s+(?:imminent|"
    r"expected|likely)|rather\s+than|saber-rattling|sabre-rattling|bluster|posturing|symbolic|"
    r"intimidat\w+|deterrence|avoid(?:ing)?\s+(?:further\s+)?(?:escalation|confrontation|war|conflict)|"
    r"little\s+(?:chance|risk|appetite)|ruled\s+out|played\s+down|downplayed|routine|defensive)\b",
    re.IGNORECASE,
)

# The article's framing of its development, in one pass: which way it moves, and its hedges on it.
FRAMING = re.compile(
    rf"(?P<damp>{DAMP.pattern})|(?P<down>{DOWN.pattern})|(?P<up>{UP.pattern})",
    re.IGNORECASE,
)


TRIGGERS = _triggers(_TABLE)
