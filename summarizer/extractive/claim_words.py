"""Word lists for attribution: reporting verbs, nouns that can be a source (official bodies: official_words).

General lexical knowledge of English news wording; no sentence of any corpus.
"""

from __future__ import annotations

__all__ = [
    "ACTS",
    "ADVERBS",
    "BASE_FORMS",
    "DEFINITE_ANAPHORS",
    "FEMALE_TITLES",
    "MALE_TITLES",
    "NOT_NAMES",
    "ORG_WORDS",
    "PARTICIPLE_CUES",
    "PLACE_ACTS",
    "PLACE_NOUNS",
    "PRONOUNS",
    "PUBLISH_WORDS",
    "REPORTING_VERBS",
    "SAYING_VERBS",
    "SOURCE_NOUNS",
    "SPEAKER_LABEL_STOP",
    "STRONG_VERBS",
    "TIME_WORDS",
]

# verbs of saying and finding: what follows is what the source asserts
_SAYING_BASES = """say tell add state announce report confirm claim estimate write tweet post note explain argue insist
warn predict find show reveal suggest indicate conclude calculate project forecast acknowledge admit assert
maintain stress testify cite allege contend count recall reply respond answer disclose list tally record
observe remark emphasise emphasize concede declare reiterate mention reaffirm""".split()
# verbs of stance, wanting and judging: their subject is a source too, but of a view, a wish or a verdict
_STANCE_BASES = """believe think boast pledge promise vow ask call describe accuse endorse criticise criticize want
urge defend praise agree propose hope refuse oppose seek question dismiss fear blame reject deny express assure mock
denounce charge lament decry complain worry joke highlight remind echo portray request condemn welcome challenge
slam blast tout recommend wonder imply plan expect prefer demand peg identify purport talk speak lobby intend counter
caution brag extol hail quip retort muse concur scoff marvel gripe grumble deem belittle""".split()
# verbs of making public: what a party publishes or unveils is its own ("X published a list of 200 donors",
# "the campaign unveiled 85 endorsements"); "released" and "issued" are left out: they also free people and
# hand out things ("released 3 prisoners", "issued 40 permits"), and what follows their object is not theirs
_PUBLISH_BASES = ["publish", "unveil"]
_STANCE_BASES += _PUBLISH_BASES
_BASES = _SAYING_BASES + _STANCE_BASES
_IRREGULAR = """said told wrote thought found felt sought knew ruled""".split()
# acts by which a party commits to a number of its own ("Valdoria has ordered 5,000 troops to the border")
_ACT_WORDS = """ordered orders deployed deploys sent sends mobilised mobilized mobilises mobilizes amassed amasses
stationed offered offers proposed proposes""".split()
# backing a policy or a figure ("X supports a $15 minimum wage"): finite forms only, weak like an act;
# "supporting her by 67 points" is a vote, not a stance of the voters
_ACT_WORDS += ["supported", "supports"]
ACTS = frozenset(_ACT_WORDS)
_DOUBLED = frozenset(["slam", "plan", "admit", "regret", "peg"])


def _forms(base: str) -> set[str]:
    if base.endswith("y") and base[-2] not in "aeiou":
        return {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    third = base + ("es" if base.endswith(("s", "sh", "ch", "x")) else "s")
    if base in _DOUBLED:
        return {base, third, base + base[-1] + "ed", base + base[-1] + "ing"}
    if base.endswith("ee"):
        return {base, third, base + "d", base + "ing"}
    if base.endswith("e"):
        return {base, third, base + "d", base[:-1] + "ing"}
    return {base, third, base + "ed", base + "ing"}


# "published", "unveils": a verb of making public, which must have its object right after it
PUBLISH_WORDS = frozenset(form for base in _PUBLISH_BASES for form in _forms(base))
_ALL = {form for base in _BASES for form in _forms(base)} | set(_IRREGULAR) | set(ACTS)
REPORTING_VERBS = frozenset(w for w in _ALL if not w.endswith("ing"))
SAYING_VERBS = frozenset(form for base in _SAYING_BASES for form in _forms(base)) | {"said", "told", "wrote", "found"}
# bare forms ("say", "show") need a plural subject: "the home state of" is no statement
BASE_FORMS = frozenset(_BASES)
# verbs of saying and finding plain enough that any noun phrase before them is a source ("the magazine said")
STRONG_VERBS = frozenset(
    """said says say told tells reported reports found finds showed shows show wrote writes added adds noted notes
    estimated estimates predicted predicts concluded concludes warned warns stated announced confirmed""".split()
)
# ", saying ...", ", adding ...": the subject of the main clause speaks
PARTICIPLE_CUES = frozenset(w for w in _ALL if w.endswith("ing"))

# places and institutions that speak only through plain verbs of saying, finding or stance: "the state
# reported", "the city says"; "the museum welcomed 12,000", "the team recorded 3 wins" state no claim
PLACE_NOUNS = frozenset(
    """state city county town country nation province region district municipality school university
    hospital airline bank team club league museum church regime cabinet""".split()
)
# what a place or an institution does without stating a claim: its acts, and "the museum welcomed 12,000",
# "the city plans 200 homes", "the team recorded 3 wins"
PLACE_ACTS = ACTS | frozenset(
    form for base in "welcome record plan list hope call promise pledge".split() for form in _forms(base)
)
# lower-case heads of a noun phrase that can be a source ("the poll shows", "officials said")
SOURCE_NOUNS = (
    frozenset(
        """poll polls survey surveys study studies report reports analysis analyses data figures statistics
    records filings documents document estimates estimate census count tally research review audit
    investigation inquiry index model projections forecast forecasts statement release memo letter
    official officials spokesman spokeswoman spokesperson spokespeople aide aides adviser advisers advisor
    advisors source sources analyst analysts expert experts economist economists researchers researcher
    observers monitors witnesses witness activists diplomat diplomats lawmakers legislators senator senators
    governor mayor minister ministers secretary president chairman chairwoman chair director chief head
    leader leaders commander commanders general spokesmen campaign campaigns committee ministry department
    agency government administration authorities police army military navy military council commission
    bureau office court prosecutors prosecutor judge company firm group party union organisation
    organization institute foundation charity network newspaper paper website broadcaster pollster pollsters
    candidate nominee officer officers staff staffers strategist strategists operative operatives
    insiders authors author researchers scientists doctors officers residents media outlets press newspapers
    reporters journalists broadcasters agencies results polling numbers tallies ranking
    rankings tracker findings assessment assessments calculations filing disclosure disclosures transcript
    respondents affiliate outlet book article column editorial memoir cable email emails website
    file log ledger receipt paperwork archive message tape recording footage projection outcome breakdown
    organizer member representative executive owner supporter critic opponent proponent advocate lawyer
    attorney historian scholar professor consultant pundit commentator correspondent columnist writer editor
    lobbyist negotiator investigator inspector auditor regulator planner ally rival
    friend neighbor neighbour relative colleague classmate worker employee manager founder farmer teacher
    student father mother wife husband son daughter brother sister partner volunteer activist voter
    delegate organiser chief deputy envoy ambassador consultant ceo average slide chart graphic
    lawsuit indictment affidavit petition verdict ruling complaint""".split()
    )
    | PLACE_NOUNS
)
# regular plurals of the person and body nouns above ("the companies expect", "two senators said")
SOURCE_NOUNS = SOURCE_NOUNS | frozenset(
    w[:-1] + "ies" if w.endswith("y") and w[-2] not in "aeiou" else w + "s"
    for w in SOURCE_NOUNS
    if not w.endswith("s") and w not in ("data", "staff", "police", "media", "press", "army", "military", "polling")
)
# words that make a named source an organisation rather than a person
ORG_WORDS = frozenset(
    """poll polls survey study report analysis data figures statistics records filings documents census
    ministry department agency government administration authority authorities police army military navy
    council commission bureau office court company firm group party union organisation organization institute
    foundation charity network newspaper times post news journal press media tribune herald guardian telegraph
    reuters bbc cnn nbc abc cbs fox msnbc politico campaign committee center centre university college
    association federation league bank fund service services house senate congress parliament assembly
    coalition alliance corporation corp inc ltd club board unit force forces""".split()
)
# "the agency said": a definite noun that points back to a named organisation
DEFINITE_ANAPHORS = frozenset(
    """agency ministry department government administration company firm group party union organisation
    organization institute foundation commission council committee bureau office campaign army military
    police court network newspaper paper broadcaster charity bank pollster survey poll report study""".split()
)
PRONOUNS = frozenset("he she they it we i you who which that this these those one".split())
MALE_TITLES = frozenset("mr mr. sir lord king prince".split())
FEMALE_TITLES = frozenset("mrs mrs. ms ms. miss dame lady queen princess".split())
# capitalised words that begin a sentence but are not names
NOT_NAMES = frozenset(
    """the a an this that these those it its he she they we i you his her their our my but and or so yet
    also then there here however meanwhile still now in on at for of by with from after before as if when
    while since although though because last next this monday tuesday wednesday thursday friday saturday
    sunday january february march april june july august september october november december earlier later
    some many most several few all both each every no other such what which who whom whose why how
    late early nobody everyone everybody someone somebody anyone anybody none once""".split()
)
ADVERBS = frozenset(
    """also later previously recently repeatedly once then further separately privately publicly earlier
    has have had would will has also had also has since already still again often never not""".split()
)
# "NOTE:", "UPDATE:" are labels, not speakers
SPEAKER_LABEL_STOP = frozenset(
    """note update updated editor editors correction watch read related breaking live video photo photos
    source sources warning advertisement caption credit exclusive analysis opinion comment name age city job
    pay title location date time revealed watch listen
    boom wow whoa bombshell busted shocking ouch yikes oops omg""".split()  # a headline's interjection: "BOOM: ..."
)
# words that can stand between a source and its verb ("a poll out last week showed")
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight last this next week
    weekend month year night morning afternoon evening earlier late out on in recently conducted released
    published taken""".split()
)
