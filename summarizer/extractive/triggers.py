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

__all__ = [
    "CRIME",
    "DAMP",
    "DOMAIN",
    "DOWN",
    "EVENT_MARKER",
    "FIGURATIVE",
    "HISTORY",
    "IRREALIS",
    "NEGATION",
    "PEACEFUL",
    "THREAT_CUE",
    "BACKGROUND",
    "RELATED_HEADING",
    "TRIGGERS",
    "UP",
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


def _t(kind: EventType, level: int, need: Need, pattern: str, nominal: bool = False) -> Trigger:
    return Trigger(kind, level, need, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE), nominal)


_F, _A, _N = Need.FORCE, Need.ACTOR, Need.NOTHING
_TROOPS = r"(?:troops|soldiers|forces|army|armou?r|tanks|reservists|units|battalions|brigades|marines|warships)"
_PLACE = r"(?:town|towns|city|cities|village|villages|territory|region|province|stronghold|positions?|base|airport|port|capital|district|area|hills?|island)"

TRIGGERS: list[Trigger] = [
    # FIGHT: conventional military force (PLOVER), 5 for a major offensive, 4 otherwise
    _t(EventType.FIGHT, 5, _A, r"invaded|invading|(?:launched|mounted|began|started)\s+(?:an?|its|the|their)\s+(?:\w+[-\s]){0,2}(?:invasion|offensive)"),
    _t(EventType.FIGHT, 5, _A, r"full-scale\s+(?:invasion|war|offensive)|all-out\s+war|major\s+offensive|ground\s+(?:offensive|invasion)", nominal=True),
    _t(EventType.FIGHT, 4, _F, r"shelled|shelling|bombarded|bombarding|opened\s+fire|exchanged\s+(?:\w+\s+)?fire|fired\s+(?:\w+\s+){0,3}(?:shells|rockets|missiles|mortars?|on|at)|gun-?battles?|fire-?fights?"),
    _t(EventType.FIGHT, 4, _F, rf"(?:captured|recaptured|retook|retaken|seized|overran|overrun|stormed|besieged)\s+(?:\w+\s+){{0,4}}{_PLACE}|advanced\s+(?:on|into|towards?)|crossed\s+into|pushed\s+into"),
    _t(EventType.FIGHT, 4, _A, r"air\s?-?strikes?|air\s+raids?|bombing\s+raids?|missile\s+(?:attacks?|strikes?)|rocket\s+(?:attacks?|fire)|drone\s+(?:attacks?|strikes?)|artillery\s+(?:fire|barrages?|attacks?)|mortar\s+(?:fire|attacks?|rounds)|incursions?", nominal=True),
    _t(EventType.FIGHT, 5, _A, r"invasion", nominal=True),
    _t(EventType.FIGHT, 4, _F, r"fought|battled|clashed|engaged\s+in\s+(?:\w+\s+)?(?:combat|fighting|battles?|ethnic\s+cleansing)|ethnic\s+cleansing"),
    _t(EventType.FIGHT, 4, _F, r"fighting|battling|battles?|clashes|combat|counter-?offensive|offensive|hostilities|bombardment", nominal=True),
    _t(EventType.FIGHT, 4, _F, r"(?:drones|missiles|rockets|shells)\s+(?:\w+\s+){0,2}(?:launched|fired|hit|struck|landed)|launched\s+(?:\d[\d,]*|dozens\s+of|hundreds\s+of)\s+(?:\w+\s+)?(?:drones|missiles|rockets)|(?:killed|wounded)\s+(?:\w+\s+){0,3}in\s+(?:a|an)\s+(?:\w+\s+)?(?:attack|gunbattle|raid)"),
    # ASSAULT: unconventional violence against people (PLOVER)
    _t(EventType.ASSAULT, 4, _A, r"massacred|beheaded|assassinated|blew\s+themselves\s+up"),
    _t(EventType.ASSAULT, 4, _A, r"suicide\s+(?:bomb\w*|attacks?)|car\s+bomb\w*|roadside\s+bomb\w*|bomb\s+attacks?|improvised\s+explosive|massacre|assassinations?|attempt\s+to\s+assassinate", nominal=True),
    _t(EventType.ASSAULT, 4, _F, r"killed|massacre|ambushed|bombed|exploded|blew\s+up\s+(?:a|an|the)\s+(?:bus|car|market|mosque|church)|tortured|torture|beat\s+up|beaten|abused|gunned\s+down|shot\s+dead|executed|wounded|wounding"),
    _t(EventType.ASSAULT, 4, _F, r"(?<!the\s)(?<!an\s)attacked|attacking|raided|struck"),
    _t(EventType.ASSAULT, 4, _F, r"killings?|ambush|bombings?|violence", nominal=True),
    _t(EventType.ASSAULT, 4, _F, r"attacks?|raids?|strikes?\s+(?:on|against)", nominal=True),
    # COERCE: seizure, occupation, blockade, repression (PLOVER)
    _t(EventType.COERCE, 4, _A, r"annex(?:ed|ing|ation)|blockades?|blockaded|blockading|occupied|kidnapp?(?:ed|ing)|abduct(?:ed|ing)|taken\s+hostage|hostages?|human\s+shields|hijack(?:ed|ing)"),
    _t(EventType.COERCE, 4, _F, r"demolish(?:ed|ing)|razed|set\s+fire\s+to|torched|blew\s+up|sabotag\w+|forced\s+out|forced\s+(?:[\w,]+\s+){0,8}(?:out\s+of|from)\s+(?:their\s+)?homes|hack(?:ed)?\s+into|cyber-?\s?attacks?"),
    _t(EventType.COERCE, 3, _A, r"martial\s+law|state\s+of\s+(?:emergency|siege)|curfews?|tear\s?gas|riot\s+police|dispers(?:ed|e)\s+(?:the\s+)?(?:protest|demonstrat|crowd|rall)\w*|confiscat\w+"),
    _t(EventType.COERCE, 3, _F, r"crackdown|cracked\s+down|arrest(?:ed|ing|s)?|detain(?:ed|ing)|detention|rounded\s+up|seized|seizure|captured|expelled|deported|prevented"),
    _t(EventType.COERCE, 3, _A, r"(?:banned|outlawed|shut\s+down|closed\s+down)\s+(?:\w+\s+)?(?:opposition|party|parties|candidates|newspapers?|paper|group|organi[sz]ation|rall(?:y|ies)|protests?|demonstrations?|media|broadcaster)|suspend\s+publication|deported|expelled\s+(?:\d|\w+\s+){0,3}(?:diplomats|journalists|people|refugees|migrants|workers)"),
    # MOBILIZE: forces massed or moved, call-ups (3); exercises and alerts (2)
    _t(EventType.MOBILIZE, 3, _A, rf"mobili[sz](?:ed|es|e|ing|ation)\s+(?:\w+\s+){{0,3}}{_TROOPS}|mobili[sz](?:ed|es|ing|ation)|(?:troop|military|arms)\s+build-?ups?|build-?up\s+of\s+(?:\w+\s+){{0,2}}{_TROOPS}|troop\s+movements?|call(?:ed|ing|s)?[-\s]up\s+(?:\w+\s+){{0,3}}(?:reservists|conscripts|troops)|conscription"),
    _t(EventType.MOBILIZE, 3, _F, rf"mass(?:ing|ed|es)|amass(?:ed|ing|es)?|deploy(?:ed|ing|s|ment|ments)?|reinforce(?:d|ments)|redeploy\w*|build-?up|(?:sen[dt]|sending|mov(?:ed|ing|es)|ordered|dispatched|rushed|assembl(?:ed|ing))\s+(?:\w+\s+){{0,5}}{_TROOPS}|{_TROOPS}\s+(?:[\w,]+\s+){{0,10}}(?:arrived|arriving|returned|poured)|strengthened\s+(?:its\s+|their\s+)?(?:forces|presence)"),
    _t(EventType.MOBILIZE, 2, _F, r"exercises?|drills?|manoeuvres|maneuvers|patrols?|patrolling|show\s+of\s+force|war\s+games|(?:on|high|full|heightened)\s+alert|trained|training"),
    _t(EventType.MOBILIZE, 3, _F, r"stationed|positioned|troop\s+presence", nominal=True),
    # THREATEN: threats of force or of coercion
    _t(EventType.THREATEN, 1, _A, r"threaten(?:ed|s|ing)?|ultimatum|vow(?:ed|s)?\s+to\s+(?:retaliate|respond|fight|strike|attack|destroy|crush)|sworn\s+to\s+fight|warn(?:ed|s|ing)?\s+(?:\w+\s+){0,3}(?:of\s+)?(?:retaliation|consequences|war|attack|response|military)"),
    _t(EventType.PROTEST, 1, _N, r"protest(?:s|ed|ing|ers?)?|demonstrat(?:ed|ion|ions|ors?)|rall(?:y|ies|ied)|riot(?:s|ed|ing|ers)?|hunger\s+strike|general\s+strike|went\s+on\s+strike|strikers|marched|sit-in|blocked\s+(?:\w+\s+){0,3}(?:roads?|streets?|bridge|highway|roadway|transport|traffic)|stones"),
    _t(EventType.SANCTION, 1, _A, r"sanctions?|embargo\w*|cut\s+(?:off\s+)?(?:diplomatic\s+)?(?:ties|relations)|broke\s+off\s+(?:\w+\s+)?relations|recalled\s+(?:its\s+)?ambassador|boycott\w*|suspended\s+(?:\w+\s+){0,2}(?:aid|talks|relations|cooperation)|froze\s+(?:\w+\s+)?assets|impos\w+\s+(?:\w+\s+)?restrictions|closed\s+(?:\w+\s+)?borders?"),
    _t(EventType.DEMAND, 1, _N, r"demand(?:s|ed|ing)?|called\s+(?:on|for)|calls\s+(?:on|for)|urg(?:ed|es|ing)|appeal(?:ed|s)?\s+(?:to|for)|insist(?:ed|s)\s+(?:on|that)|pressed\s+(?:\w+\s+)?(?:for|to)"),
    _t(EventType.DISAPPROVE, 1, _N, r"accus\w+|condemn\w*|criticis\w+|criticiz\w+|blam(?:ed|es|ing)|denounc\w+|protested\s+to|complain(?:ed|s)|deplor\w+|rebuk\w+|charged\s+that"),
    _t(EventType.REJECT, 1, _N, r"reject(?:ed|s|ing)?|refus(?:ed|es|ing)|veto(?:ed|es)?|turned\s+down|denied|deny|denies|dismissed|ruled\s+out|opposed|defied"),
    # Cooperation and de-escalation: level 0
    _t(EventType.RETREAT, 0, _N, r"cease-?fire|truce|withdr[ae]w\w*|pull(?:ed|ing|s)?\s+(?:\w+\s+){0,5}(?:back|out)|de-?escalat\w*|demobili[sz]\w*|retreat(?:ed|ing)?|disarm\w*|evacuated\s+(?:its\s+)?(?:troops|forces)"),
    _t(EventType.CONCEDE, 0, _N, r"conced\w+|releas(?:ed|ing)\s+(?:\w+\s+){0,4}(?:prisoners|detainees|hostages|captives)|freed|lift(?:ed|ing)\s+(?:\w+\s+){0,3}(?:ban|sanctions|restrictions|curfew|blockade|embargo)|eas(?:ed|ing)\s+(?:\w+\s+)?restrictions|apologi[sz]\w+|resign(?:ed|s)?|allow(?:ed)?\s+(?:\w+\s+){0,3}to\s+return|back(?:ed)?\s+down|compromise"),
    _t(EventType.AGREE, 0, _N, r"agree(?:s|d)?|agreement|peace\s+(?:deal|accord|plan)|accords?|signed|treaty|pact|deal\s+(?:with|to|on)"),
    _t(EventType.CONSULT, 0, _N, r"talks|negotiat\w*|summit|met\s+(?:with|in|on)|meets?\s+with|visit(?:ed|s|ing)?|consult\w*|discuss(?:ed|ions?)|telephoned|mediat\w+|hosted"),
    _t(EventType.SUPPORT, 0, _N, r"prais\w+|endors\w+|back(?:ed|ing)|support(?:ed|s|ing)?|welcom\w+|congratulat\w+|applaud\w*|commend\w*|recogni[sz]ed"),
    _t(EventType.COOPERATE, 0, _N, r"cooperat\w+|co-operat\w+|collaborat\w+|joint\s+(?:venture|project|effort)|partnership|allian(?:ce|ces)\s+with"),
    _t(EventType.AID, 0, _N, r"aid|humanitarian|relief|donat\w+|assistance|provided\s+(?:\w+\s+){0,3}(?:food|medicine|supplies|loans?|funds)|grant(?:ed)?\s+(?:\$|\d)"),
    _t(EventType.INVESTIGATE, 0, _N, r"investigat\w*|inquiry|inquiries|probe|inspect(?:ed|ors?|ions?)|fact-finding|look\s+into|examin\w+"),
]

# Violence or crime with no political or armed actor: the CRIME type, level 0.
CRIME = re.compile(
    r"\b(?:murder(?:ed|s|er|ers)?|killed|stabb(?:ed|ing)|shot\s+dead|robb(?:ed|ery|eries)|rap(?:ed|e)|kidnapp?(?:ed|ing)|"
    r"assault(?:ed)?|manslaughter|homicide|gunm[ae]n|abducted|burglar\w*)\b",
    re.IGNORECASE,
)

# Senses of war words that are not force; removed from a sentence before triggers are looked for.
FIGURATIVE = re.compile(
    r"\b(?:charm\s+offensive|(?:price|trade|bidding|turf|ratings|tariff|format|browser|console|culture|class|"
    r"talent|pricing|cola|patent|legal|court|boardroom|takeover|custody|copyright|PR|propaganda|media|"
    r"words)\s+(?:wars?|battles?|fights?|fighting)|wars?\s+of\s+words|battles?\s+of\s+(?:the\s+)?(?:bands|sexes|wits|wills|brands)|"
    r"(?:legal|court|courtroom|boardroom|takeover|custody|uphill|political|electoral|election|leadership|"
    r"title|relegation|promotion|ratings|box-office|chart)\s+(?:battles?|fights?|wars?|fight-?backs?)|"
    r"(?:battle|battles|battling|battled|fight|fights|fighting|fought|war|wars|combat|combating|combatting|"
    r"attack|attacks|attacked|offensive|campaign|crusade|crackdown|assault)\s+(?:on|against|to\s+(?:win|keep|stay|save|beat|avoid|reduce|cut|tackle|curb|stop)|for|over)\s+"
    r"(?:the\s+|its\s+|their\s+|his\s+|her\s+|high\s+|rising\s+|global\s+)?(?:\w+\s+)?(?:inflation|prices?|price\s+growth|costs?|"
    r"HIV|Aids|cancer|obesity|disease|diseases|malaria|poverty|crime|fraud|piracy|spam|viruses|virus|"
    r"hackers|counterfeit\w*|smoking|drugs|climate|pollution|unemployment|debt|deficit|tax|taxes|title|"
    r"championship|cup|trophy|place|places|survival|relegation|promotion|votes|seats|customers|market|"
    r"share|shares|control\s+of\s+the\s+(?:company|firm|club|board)|rights|custody|costs|jobs|"
    r"injury|fitness|form|the\s+ball|goal|lead|bid|contract|deal|merger|takeover|plans?|proposals?|policy|policies|"
    r"government|opposition|record|reputation|terrorism|terror)\b|"
    r"bombard\w*\s+(?:\w+\s+){0,2}with|think[-\s]tanks?|"
    r"call-?ups?\s+(?:to|for)\s+(?:the\s+)?(?:\w+\s+){0,3}(?:squad|team|side|tour)|"
    r"build-?up\s+to\s+(?:the\s+|this\s+|next\s+|their\s+|his\s+|its\s+)?(?:\w+\s+){0,3}(?:match|game|final|tie|clash|"
    r"election|season|race|tournament|championships?|olympics|launch|release|event|christmas|budget|show|awards)|"
    r"(?:killer|hostile)\s+(?:app|application|bid|takeover|feature|product)|"
    r"(?:market|sales|task|work|labour|labor|police|driving|life|market|economic|creative|joining|joined|join|"
    r"combined|combining)\s+forces?|"
    r"invasion\s+of\s+(?:privacy|the\s+pitch)|invaded\s+(?:the\s+)?(?:pitch|field|stage|dressing\s+room|privacy)|"
    r"(?:lucky|first|second|late|free-kick|penalty)\s+strikes?|"
    r"(?:war|battle|fight|battles|wars)\s+(?:film|films|movie|movies|game|games|drama|epic|story|novel|book|"
    r"scenes?|veterans?|memorial|hero|heroes|poet|poetry|photographer|correspondent|crimes?)|"
    r"(?:world|Cold|Gulf|Vietnam|Korean|Falklands|Boer|civil)\s+War\s+(?:film|movie|drama|novel|epic|veterans?))\b",
    re.IGNORECASE,
)

# A line about the past, not the article's present.
HISTORY = re.compile(
    r"\b(?:(?:in|during|by|since|after|before|until|from)\s+(?:the\s+)?(?:1[0-9]\d\d|19\d\d|200\d|'\d\d)s?|"
    r"\d+\s+years\s+ago|(?:decades|centuries|years|generations)\s+(?:ago|earlier|before)|"
    r"(?:during|in|after|since|of|before)\s+the\s+(?:First|Second|1st|2nd)\s+World\s+War|World\s+War\s+(?:I|II|One|Two|1|2)|"
    r"since\s+the\s+(?:start|beginning|outbreak|invasion|war|end)|before\s+the\s+(?:war|invasion|conflict)|"
    r"(?:in|during)\s+the\s+(?:last|past|previous)\s+(?:century|decade)|last\s+(?:century|decade)|"
    r"historically|history\s+of|anniversary|commemorat\w+|remembrance|recalled\s+how|remembered|"
    r"(?:during|in)\s+(?:the\s+)?(?:Cold|Gulf|Vietnam|Korean|Falklands|Boer|Napoleonic|Crimean|civil)\s+War|"
    r"(?:biblical|ancient|medieval|mythical|legendary)|in\s+(?:ancient|medieval|biblical)\s+times|"
    r"from\s+the\s+outset|last\s+(?:winter|spring|summer|autumn|fall)|last\s+(?:month|year)['\u2019]s|months\s+ago|a\s+year\s+ago)\b",
    re.IGNORECASE,
)

# Cues that put what follows them (in the same clause) outside what has happened.
IRREALIS = re.compile(
    r"\b(?:would|could|might|may|will|shall|should|if|unless|whether|threat(?:en|ened|ens|ening)?\s+to|"
    r"warn(?:ed|s|ing)?|plans?\s+to|planned\s+to|planning\s+to|prepar(?:ed|ing|es|e)\s+(?:to|for)|ready\s+to|vow(?:ed|s)?\s+to|"
    r"sworn\s+to|intend(?:s|ed)?\s+to|poised\s+to|preparation\s+for|preparations\s+for|fear(?:s|ed)?|"
    r"possible|possibility|potential|likely|unlikely|improbable|risk\s+of|prevent|avoid|any|"
    r"aimed\s+at|intended\s+to|seeks?\s+to|sought\s+to|wants?\s+to|wanting\s+to|going\s+to|about\s+to|"
    r"capable\s+of|able\s+to|call(?:ed|s)?\s+for|demand(?:ed|s)?|urg(?:ed|es)|against\s+(?:any|a\s+possible)|"
    r"imminent|expected\s+to|to\s+deter|deterrent|scenario|hypothetical|claims?\s+to\s+be|claims?\s+of|"
    r"alleged|allegations?\s+of|accus(?:ed|es|ing)\s+(?:\w+\s+){0,3}of|suspected\s+of|blamed\s+for)\b",
    re.IGNORECASE,
)

NEGATION = re.compile(
    r"\b(?:not|no|never|nor|without|neither|denied|denies|deny|den(?:y|ied)ing|n't|ruled\s+out|rejected|"
    r"no\s+longer|failed\s+to|refrained\s+from|stopped\s+short\s+of|halted|called\s+off)\b|n't\b",
    re.IGNORECASE,
)

# Said of force or coercion still to come, these make the sentence a threat (PLOVER THREATEN).
THREAT_CUE = re.compile(
    r"\b(?:will|would|shall|plans?\s+to|planned\s+to|prepared\s+to|ready\s+to|threat(?:en|ened|ens|ening)\s+to|"
    r"vow(?:ed|s)?\s+to|sworn\s+to|warn(?:ed|s|ing)?|intends?\s+to|intended\s+to|poised\s+to|decided\s+to)\b",
    re.IGNORECASE,
)

# Before a noun, these make the event the cause or background of another one, or undo it.
BACKGROUND = re.compile(
    r"\b(?:after|following|since|in\s+response\s+to|in\s+retaliation\s+for|lift(?:ed|ing|s)?|shorten\w*|"
    r"end(?:ed|ing|s)?|eas(?:ed|ing)|relax\w*|abandon\w*|withdrawal\s+of|withdr[ae]w|pull(?:ed|ing)?\s+out|"
    r"last\s+(?:week|month|year)['\u2019]s|survived)\s+(?:\S+\s+){0,4}$",
    re.IGNORECASE,
)

# Deployments whose purpose is peace or relief are not a build-up.
PEACEFUL = re.compile(r"\b(?:peacekeep\w*|observers?|monitors?|humanitarian|relief|aid\s+workers|tsunami|earthquake|flood\w*)\b", re.IGNORECASE)

# What makes a noun like "the offensive" a new event in this article, not a reference to a known one.
EVENT_MARKER = re.compile(
    r"\b(?:today|tonight|yesterday|overnight|this\s+(?:morning|afternoon|evening|week|weekend)|last\s+night|"
    r"(?:on|early|late|since|by)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"hours|new|fresh|latest|renewed|record|heavy|fierce|intense\s+fighting\s+(?:on|in|near|around)|"
    r"broke\s+out|erupted|raged|rages|resumed|flared|continued|continues|intensified|escalated|spread|"
    r"killed|killing|dead|wounded|injured|casualties|left\s+\d|launched|carried\s+out|conducted|began|"
    r"began|started|mounted|hit|struck|destroyed|damaged|(?:at\s+least|more\s+than|some|about|over)\s+\d)\b",
    re.IGNORECASE,
)

# Context of sport, games, films, books, music and markets: war words there are not force.
DOMAIN = re.compile(
    r"\b(?:match(?:es)?|squad|coach|striker|midfielder|defender|goalkeeper|goals?|scored?|league|championships?|"
    r"tournament|rugby|football|soccer|cricket|tennis|golf|boxing|olympics?|athletes?|players?|team-?mates?|"
    r"stadium|pitch|referee|semi-final|quarter-final|final|fixture|season|premiership|wicket|innings|"
    r"video\s+games?|games?|gamers?|gaming|console|playstation|xbox|nintendo|film|films|movie|movies|actor|"
    r"actress|starring|stars|director|album|band|singer|song|songs|chart|box\s+office|novel|book|author|"
    r"sitcom|series|episode|drama|comedy|oscars?|awards?|festival|theatre|musical|character|plot|screened|"
    r"screening|depicts?|depicting|portrays?|documentary|broadcasts?|viewers|audiences?|tv|television|"
    r"shares|stock|stocks|investors|profits?|sales|prices?|market|markets|firm|firms|company|companies|"
    r"revenue|inflation|brand|customers|consumers|retailer|economy|economic|software|users|websites?|"
    r"spam|virus|computers?|hackers?|phones?|broadband|internet|online|e-?mails?|pop-ups?|ads|oil|trade|trading|"
    r"insurers?|insurance|losses|costs|banks?|bosses|executives?|shareholders|tycoon|billionaire|advertising|"
    r"corporate|products?|stores?|rapper|lyrics|performing|concerts?|gigs?|tour|tours|singles|fans|club|clubs)\b",
    re.IGNORECASE,
)

# A heading that opens a list of other stories: nothing after it belongs to the article.
RELATED_HEADING = re.compile(
    r"^\W*(?:similar|related|more|most\s+read|latest|trending|trends|recommended|popular|top\s+stories|"
    r"read\s+(?:more|next|also)|see\s+also|you\s+may|you\s+might|also\s+read|other\s+news)\b(?:\W*(?:\w+\W*){0,4}$|[^.!?]{0,40}:)",
    re.IGNORECASE,
)

UP = re.compile(
    r"\b(?:escalat(?:ed|es|ing|ion)|build-?up|buildup|rising\s+tensions?|heighten\w*|intensif\w*|amass\w*|mobili[sz]\w*|"
    r"largest|biggest|record|more\s+troops|reinforc\w*|stepped\s+up|step\s+up|surge|fresh|new\s+(?:offensive|attacks?|wave)|"
    r"worsen\w*|deteriorat\w*|expand\w*|tensions?\s+(?:rose|rise|grew|mounted))\b",
    re.IGNORECASE,
)
DOWN = re.compile(
    r"\b(?:cease-?fire|truce|withdr[ae]w\w*|de-?escalat\w*|eas(?:ed|ing)\s+(?:of\s+)?tensions?|pull(?:ed|ing)?\s+back|"
    r"peace\s+(?:deal|agreement|accord)|demobili[sz]\w*|calm\w*|lull|retreat(?:ed|ing)?|"
    r"scal(?:ed|ing)\s+back|stood\s+down|reduc(?:ed|ing)\s+(?:\w+\s+)?(?:troops|forces|presence))\b",
    re.IGNORECASE,
)
# The article's own hedges on escalation: a build-up it calls bluster, an invasion it calls improbable.
DAMP = re.compile(
    r"\b(?:improbable|unlikely|no\s+(?:sign|signs|indication|evidence|plans?|intention)|not\s+(?:imminent|expected|likely)|"
    r"rather\s+than|saber-rattling|sabre-rattling|bluster|posturing|symbolic|intimidat\w+|deterrence|"
    r"avoid(?:ing)?\s+(?:further\s+)?(?:escalation|confrontation|war|conflict)|little\s+(?:chance|risk|appetite)|"
    r"ruled\s+out|played\s+down|downplayed|routine|defensive)\b",
    re.IGNORECASE,
)
