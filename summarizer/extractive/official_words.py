"""Word lists for how official a source is: public bodies and offices, and whose roles are not public.

General lexical knowledge of English news wording (company suffixes, party and union words, the
names of public bodies and offices); no sentence of any corpus.
"""

from __future__ import annotations

import re

from .gazetteer import ARMED_GROUPS, INTERNATIONAL, STATES

__all__ = [
    "BARE_OFFICIAL",
    "BODIES",
    "DATA_HEADS",
    "DISQUALIFIERS",
    "GENERIC_ROLES",
    "LEGISLATOR",
    "LINKS",
    "NEUTRAL",
    "NOT_GOVERNMENT",
    "PARTY",
    "PLACES",
    "POLICY_AREAS",
    "PUBLIC_BODY_NAMES",
    "PUBLIC_OFFICES",
    "PUBLIC_QUALIFIERS",
    "SPOKES",
    "WEAK_ROLES",
]

# a public office holder speaks for the state: official unless a firm, union, club or charity holds the title
PUBLIC_OFFICES = frozenset(
    """minister ministers premier chancellor mayor mayors mps senators congressmen lawmakers legislators meps
    ambassador ambassadors envoy envoys judge judges
    prosecutor prosecutors magistrate magistrates coroner sheriff commissioner commander commanders governor
    governors""".split()
)
# one legislator speaks for themselves or a party ("Senator Kerry planned", "the Ealing North MP"); legislators
# together speak as a chamber or committee ("MPs said in a report"): only the plural is a public office here
LEGISLATOR = frozenset("mp senator congressman congresswoman lawmaker legislator mep".split())
# roles any organisation has: official only when the organisation they belong to is a public one
GENERIC_ROLES = frozenset(
    """spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople secretary president official
    officials chairman chairwoman chairperson director directors""".split()
)
SPOKES = frozenset("spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople".split())
# roles that are chosen only when no other is named: "NAO chief", but "Chief Treasury Secretary"
WEAK_ROLES = frozenset("head chief boss leader".split())
# nouns for what a body publishes: whose figures they are decides
DATA_HEADS = frozenset(
    """figures data statistics stats numbers report reports records document documents filing filings census
    estimates estimate survey review study accounts""".split()
)
# a bare role or data noun with no owner named ("a spokesman", "statistics") keeps the status it had: official
# for the words that were on the old list, not for the others ("the chairman", "figures")
BARE_OFFICIAL = frozenset(
    """spokesman spokeswoman spokesperson secretary president official officials governor governors statistics
    census""".split()
)
# words that take away an office: a shadow minister is the opposition's, a former one speaks for no one
DISQUALIFIERS = frozenset("shadow former ex opposition erstwhile would-be".split())
# determiners and modifiers that name no owner ("the latest figures", "a senior spokesman")
NEUTRAL = frozenset(
    """the a an one two three several some many senior junior deputy acting assistant vice interim new latest
    recent annual monthly quarterly weekly first last final provisional preliminary revised top chief""".split()
)
LINKS = frozenset("of for at from by with in on".split())
# public bodies: a source headed by one of these is official (some need a qualifier: see officialdom._body)
BODIES = frozenset(
    """ministry ministries government governments administration department departments treasury kremlin
    pentagon whitehall parliament parliaments senate congress legislature cabinet court courts tribunal
    police army military navy embassy consulate regulator regulators authority authorities commission
    bureau inspectorate judiciary coastguard customs forces agency office council institute assembly""".split()
)
# acronyms and names of public and intergovernmental bodies, matched with their capitals
PUBLIC_BODY_NAMES = frozenset(
    {name.lower() for name in INTERNATIONAL}
    | set(
        """un u.n. eu nato fbi cia nhs ons nao imf opec oecd ecb sec ftc fcc fda epa iaea unicef unhcr wto
        ofcom ofgem ofwat ofsted mod dti dwp hmrc interpol europol eurostat bundesbank fed""".split()
    )
)
# multi-word public names, read over the lower-cased phrase
PUBLIC_PHRASES = re.compile(
    r"\b(?:central\s+bank|reserve\s+bank|federal\s+reserve|people's\s+bank\s+of\s+china|"
    r"bank\s+of\s+(?:england|japan|canada|france|italy|spain|korea|russia|mexico|thailand|israel|greece|portugal)|"
    r"white\s+house|downing\s+street|state\s+department|world\s+bank|inland\s+revenue|security\s+council|"
    r"european\s+council|european\s+union|african\s+union|soviet\s+union|russian\s+federation|arab\s+league)\b"
)
# words that make an owner public when they head it ("Chinese officials", "the country's president")
PUBLIC_QUALIFIERS = frozenset(
    """government state federal country nation national provincial municipal city county local public official
    officials""".split()
)
# places and their demonyms: the states of the gazetteer and the nations of the United Kingdom
PLACES = frozenset(
    {name.lower() for name in STATES} | set("scotland wales england scottish welsh english ulster".split())
)
# parties: a party's spokesman is not the state's, though its ministers and MPs hold public office
PARTY = frozenset(
    """party parties labour labor tory tories conservative conservatives lib dem dems democrat democrats
    liberal liberals republican republicans ukip snp plaid sinn""".split()
)
# firms, unions, clubs, charities, the press and people who are no body at all: not a government's voice
NOT_GOVERNMENT = PARTY | frozenset(
    {name.lower() for name in ARMED_GROUPS}
    | set(
        """plc inc ltd llc co corp corporation company companies firm firms group groups holdings airline
        airlines airways motors retailer retailers supermarket supermarkets chain brewer maker makers
        manufacturer manufacturers carrier studio studios label publisher publishers broadcaster broadcasters
        newspaper newspapers news magazine tabloid union unions tuc federation association club clubs fc team
        league supporters fans charity charities foundation campaign campaigners lobby activists critics
        opponents protesters analysts analyst economists economist experts lawyers lawyer researchers
        academics shareholders investors organisers organizers rebels rebel militants insurgents militia
        militias school schools university universities research bank banks lender lenders insurer insurers
        bookmaker bookmakers""".split()
    )
)
# policy areas: "health spokesman" is a party's portfolio, "Health Secretary" a cabinet office
POLICY_AREAS = frozenset(
    """home foreign defence defense education health trade industry transport environment culture media sport
    work pensions treasury justice interior energy agriculture commerce labour labor development affairs
    constitutional international northern ireland scottish welsh state homeland security business enterprise
    communities housing government finance economic economics cabinet chief""".split()
)
