"""Hedge cues: each family found, each other sense left out, and claims readable on their own."""

from __future__ import annotations

import pytest

from summarizer.extractive.hedges import MAX_CLAIM_WORDS, find_hedges
from summarizer.extractive.sentences import split_sentences
from summarizer.models import HedgeKind
from tests.conftest import SHARED


def cues(text: str) -> list[str]:
    return [h.cue.lower() for h in find_hedges(text, split_sentences(text))]


def kinds(text: str) -> dict[str, HedgeKind]:
    return {h.cue.lower(): h.kind for h in find_hedges(text, split_sentences(text))}


def found(text: str, word: str) -> bool:
    """True when some cue of the text holds the word."""
    return any(word in cue.split() or cue == word for cue in cues(text))


# the families the issue lists as missed


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Diplomats in Orlen think the ceasefire will not last the winter.", "think"),
        ("Kestrian officials believe the convoy crossed the river at night.", "believe"),
        ("Investigators suspect that the depot fire was set deliberately.", "suspect"),
        ("The Valdorian fleet is widely considered the strongest in the region.", "considered"),
        ("Many analysts consider the treaty a dead letter.", "consider"),
        ("Planners assume the bridge at Orlen will hold for another week.", "assume"),
        ("Observers doubt that the vote in Kestria will be free.", "doubt"),
        ("Residents fear that the dam upstream of Orlen could burst.", "fear"),
        ("Ministers raised the possibility of a second round of talks.", "possibility"),
        ("The likelihood of a deal before spring has shrunk.", "likelihood"),
        ("There was speculation that the general had been replaced.", "speculation"),
        ("Suspicion fell on a group of Valdorian deserters.", "suspicion"),
        ("The envoy apparently left Orlen before dawn.", "apparently"),
        ("The seemingly quiet border saw two clashes overnight.", "seemingly"),
        ("The shells were presumably fired from the Kestrian side.", "presumably"),
        ("It was arguably the worst week for the Valdorian army.", "arguably"),
        ("The column should arrive in Orlen by Friday.", "should"),
        ("If the talks fail, the army would move on the capital.", "would"),
        ("Heavy rain could delay the offensive by a week.", "could"),
        ("The damage is estimated at several million crowns.", "estimated"),
        ("The number of soldiers killed in the shelling remains unknown.", "unknown"),
        ("It is unclear who ordered the strike on the depot.", "unclear"),
        ("Kestria accused Valdoria of shelling a school.", "accused"),
        ("The alleged plot targeted the port of Orlen.", "alleged"),
        ("The strike was seen as a warning to Kestria.", "seen"),
        ("Forty people were feared dead after the bridge collapsed.", "feared"),
    ],
)
def test_each_family_is_found(text: str, word: str) -> None:
    assert found(text, word), cues(text)


def test_kinds_stay_sensible() -> None:
    assert kinds("Kestria accused Valdoria of shelling a school.")["accused"] is HedgeKind.ATTRIBUTION
    assert kinds("It is unclear who ordered the strike.")["unclear"] is HedgeKind.UNCONFIRMED
    assert kinds("Officials believe the convoy crossed the river.")["believe"] is HedgeKind.SPECULATION
    assert kinds("There is no evidence that the depot was hit.")["no evidence"] is HedgeKind.UNCONFIRMED


# the other senses of the same words


@pytest.mark.parametrize(
    "text",
    [
        "The Orlen recruits can swim across the river in full kit.",
        "The minister could not attend the summit in Kestria.",
        "Could you repeat the figure for the Orlen garrison?",
        "The border guards could see the smoke from the ridge.",
        "The Kestrian president said he would visit Orlen on Tuesday.",
        "Those responsible for the massacre should be punished.",
        "A think tank in Orlen published the casualty list.",
        "The Orlen think-tank published the casualty list.",
        "The Orlen generals have to think more like their enemy.",
        "The court found beyond a reasonable doubt that the colonel gave the order.",
        "The Kestrian leaflet first appeared early last year.",
        "Border guards opened crates they were not supposed to.",
        "Travellers to Orlen should know that the border closes at dusk.",
        "To view the footage it has to be unlocked by the Kestrian censor.",
        "Parliament will consider the proposal next week.",
        "The bill was considered by the defence committee on Monday.",
        '"I believe in God and in my country," the colonel said.',
        "The offensive began in May and ended in June.",
        "The suspect was arrested at the Orlen border post.",
        "Inflation in Valdoria rose faster than expected.",
        "The rebels were no match for the military might of Kestria.",
        "There is no doubt the bridge was destroyed.",
        "Her first campaign in Kestria was clouded by self-doubt.",
        "Everything possible was done to evacuate the town as soon as possible.",
        "The new commander will assume office on Monday.",
        "The envoy appeared in court in Orlen on Tuesday.",
        "Troops withdrew according to the treaty.",
        "From the ridge it is possible to see the whole Orlen valley.",
        "Women born after 1950 could claim their pensions at 65.",
        "Sales at Vellcorp were weaker than we had expected.",
        "When asked if Vellcorp would sell its stake, the chairman smiled.",
        "The Orlen economy is growing below potential.",
        "The Vell agency has yet to be established as the lead agency.",
    ],
)
def test_other_senses_are_not_hedges(text: str) -> None:
    assert cues(text) == [], cues(text)


def test_should_of_probability_but_not_of_obligation() -> None:
    assert found("The relief convoy should reach Orlen by nightfall.", "should")
    assert not found("Kestria should withdraw its troops at once.", "should")


def test_would_in_a_conditional_but_not_in_a_reported_plan() -> None:
    assert found("Unless aid arrives, the hospital would close within days.", "would")
    assert not found("The Orlen governor announced that he would resign if the dam failed.", "would")


# claims


def claim_for(text: str, word: str) -> str:
    return next(h.claim for h in find_hedges(text, split_sentences(text)) if word in h.cue.lower())


def test_claim_is_the_clause_with_the_cue() -> None:
    text = "Officials in Kestria warned, however, that an attack appears likely before spring, and troops moved north."
    claim = claim_for(text, "appears")
    assert claim == "an attack appears likely before spring"


def test_claim_is_cut_at_word_boundaries_and_keeps_the_cue() -> None:
    text = (
        "The garrison at the northern crossing of the Orlen river is believed to number several thousand men drawn "
        "from three brigades of the Valdorian army and a reserve regiment raised last autumn in the mountain towns."
    )
    claim = claim_for(text, "believed")
    assert "believed" in claim and claim in text
    assert len(claim.split()) <= MAX_CLAIM_WORDS
    assert claim.startswith("The garrison")


def test_every_claim_holds_its_cue_and_is_a_span_of_its_sentence() -> None:
    text = (SHARED / "corpus" / "bbc-news" / "politics" / "blair-rejects-iraq-advice-calls.txt").read_text(
        encoding="utf-8"
    )
    hedges = find_hedges(text, split_sentences(text))
    assert hedges
    for h in hedges:
        assert h.claim in h.sentence.text
        assert h.cue in h.claim
        assert len(h.claim.split()) <= MAX_CLAIM_WORDS


# the seeds


def seed(n: int) -> str:
    return next((SHARED / "seeds").glob(f"{n:03d}_*.txt")).read_text(encoding="utf-8")


def test_seed_hedges_are_found() -> None:
    assert ("There is no official confirmation", HedgeKind.UNCONFIRMED) in [
        (h.cue, h.kind) for h in find_hedges(seed(2), split_sentences(seed(2)))
    ]
    first = {h.cue.lower() for h in find_hedges(seed(1), split_sentences(seed(1)))}
    assert {"improbable", "is likely to"} <= first


def test_head_word_filter_loses_nothing_against_a_full_scan() -> None:
    from summarizer.extractive import hedges

    paths = sorted((SHARED / "corpus" / "bbc-news").glob("*/*.txt"))[::10] + sorted((SHARED / "seeds").glob("*.txt"))
    for path in paths:
        for sentence in split_sentences(path.read_text(encoding="utf-8", errors="replace")):
            lower = sentence.text.lower()
            full = [m.span() for m in hedges.full_pattern().finditer(lower)]
            assert [m.span() for m in hedges._matches(lower)] == full, sentence.text


def test_clitic_and_contraction_heads_keep_their_cues() -> None:
    # a clitic is a head word of its own ("'s"); an apostrophe inside a word ends its start ("can" of "can't")
    from summarizer.extractive import hedges

    for text, cue in [
        ("Strikes at the Orlen docks can't be ruled out this winter.", "can't be ruled out"),
        ("The garrison's thought to number 400 men.", "'s thought"),
        ("Officials say it's likely the border stays shut.", "likely"),
    ]:
        lower = text.lower()
        full = [m.group() for m in hedges.full_pattern().finditer(lower)]
        assert [m.group() for m in hedges._matches(lower)] == full
        assert any(cue in found for found in full), (cue, full)


def test_claim_of_quoted_speech_has_no_stray_quote_mark() -> None:
    text = '"I think the garrison in Orlen will hold until spring," the Kestrian colonel said.'
    assert claim_for(text, "think") == "I think the garrison in Orlen will hold until spring"
    text = 'The minister accused Valdoria of "open aggression" on the border.'
    assert claim_for(text, "accused") == 'The minister accused Valdoria of "open aggression" on the border'


# context on both sides of a cue: the other senses of "may", "could", "possible", ... (each sentence was a
# hedge before these rules), and the hedges beside them that must stay


@pytest.mark.parametrize(
    "text",
    [
        # permission or advice, not possibility
        "Visitors may park behind the Orlen town hall.",
        "Registered users may always download the Kestrian timetable.",
        "You could apply online for a Valdorian fishing permit.",
        "Members may wish to read the Orlen report before the meeting.",
        # a wish
        'The crowd chanted "may God keep Kestria" until dawn.',
        # purpose
        "The engineers widened the road so that the trucks could reach Orlen.",
        # ability with a negative subject, and the most one can
        "Few residents of Orlen could name the new mayor.",
        "Nothing could be further from the truth, the Kestrian envoy said.",
        "The ferry crew bailed water as fast as they could.",
        "The police could find no record of the Orlen arrest.",
        # a comparison with what was expected
        "Turnout in Orlen was lower than had been expected.",
        # a deliberate effect, a proposal, trust in a person
        "The campaign gave the impression that Orlen was prospering.",
        "The bridge was renamed at the suggestion of the Orlen mayor.",
        "The Kestrian guards refused to believe him.",
        # to take on, not to suppose
        "The deputy will assume a larger role in the Orlen council.",
        # deliberation
        "The plan was considered but rejected by the Orlen council.",
        # predicative, postposed and enumerating "possible"; terms of art
        "A settlement is possible only if both sides give ground.",
        "Among the other possible routes, the coastal road to Orlen is the longest.",
        "The Orlen field holds proven and probable reserves of gas.",
        "The dam stores potential energy for the Kestrian grid.",
        # a method, not a forecast
        "Survey teams used the model to predict river levels at Orlen.",
    ],
)
def test_context_marks_the_other_sense(text: str) -> None:
    assert cues(text) == [], cues(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Players in Orlen may be injured on the frozen pitch.", "may"),
        ("Shareholders of Kestria Rail may vote against the merger.", "may"),
        ("You may find the Orlen road closed by snow.", "may"),
        ("Nobody in Orlen disputes that the dam could fail.", "could"),
        ("Control orders as well as house arrest could restrict travel from Orlen.", "could"),
        ("The mayor of Orlen denied suggestions he would resign.", "suggestions"),
        ("Officials believe him to be hiding in Orlen.", "believe"),
        ("A possible successor to the Orlen mayor has emerged.", "possible"),
        ("The Kestrian general may have crossed the river.", "may"),
        ("Forecasters predict heavy snow in Orlen this week.", "predict"),
        ("The vote in Orlen came later than expected, and the result may be disputed.", "may"),
    ],
)
def test_hedges_beside_the_other_senses_stay(text: str, word: str) -> None:
    assert found(text, word), cues(text)


@pytest.mark.parametrize(
    ("text", "word", "claim"),
    [
        # a short bracket is no clause end (was "OH) suggests that ...")
        (
            "The Orlen Herald (OH) suggests that the garrison will leave in spring.",
            "suggests",
            "The Orlen Herald (OH) suggests that the garrison will leave in spring",
        ),
        # a clause that opens with its verb takes its subject from before the aside (was "have reportedly ...")
        (
            "Kestrian forces, despite the cold, have reportedly retaken the bridge at Sarnak.",
            "reportedly",
            "Kestrian forces, despite the cold, have reportedly retaken the bridge at Sarnak",
        ),
        (
            "Dana Kell, 25, was arrested after an alleged fight in an Orlen hotel on Monday.",
            "alleged",
            "Dana Kell, 25, was arrested after an alleged fight in an Orlen hotel on Monday",
        ),
        # "According to X," is cited for the clause after it (was "According to military analysts")
        (
            "According to military analysts, the new brigades will double Orlen's reach.",
            "according",
            "According to military analysts, the new brigades will double Orlen's reach",
        ),
    ],
)
def test_claim_is_the_whole_clause(text: str, word: str, claim: str) -> None:
    assert claim_for(text, word) == claim


@pytest.mark.parametrize(
    ("text", "cue", "kind"),
    [
        ("It remains too soon to assess the damage in Orlen.", "too soon to assess", "unconfirmed"),
        ("It is too early to call the vote in Kestby.", "too early to call", "unconfirmed"),
        ("He had no idea where the reports about Orlen came from.", "had no idea where", "unconfirmed"),
        ("A banker, who asked not to be named, said the Vell deal was done.", "asked not to be named", "attribution"),
        (
            "Two officials spoke on condition of anonymity about the Orlen talks.",
            "on condition of anonymity",
            "attribution",
        ),
        ("Kell is quoted as saying by the Orlen Herald that he will go.", "quoted as saying", "attribution"),
        ("The Orlen ministry played down claims of a rescue.", "played down claims", "denial"),
    ],
)
def test_unknowns_anonymous_sources_and_playing_down(text: str, cue: str, kind: str) -> None:
    found = [(h.cue, h.kind.value) for h in find_hedges(text, split_sentences(text))]
    assert (cue, kind) in found


def test_playing_down_a_thing_is_no_hedge() -> None:
    text = "She played down the role of luck in the Orlen win."
    assert find_hedges(text, split_sentences(text)) == []


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The Orlen ministry refused to comment on the reports.", "refused to comment"),
        ("Vellcorp declined to comment.", "declined to comment"),
        ("A spokesman said he could not confirm the figure.", "could not confirm"),
        ("Exact details of the Kestby deal are still to be confirmed.", "still to be confirmed"),
    ],
)
def test_no_comment_leaves_a_report_unconfirmed(text: str, cue: str) -> None:
    found = [h for h in find_hedges(text, split_sentences(text)) if h.cue == cue]
    assert found and found[0].kind is HedgeKind.UNCONFIRMED


def test_an_abbreviation_does_not_end_a_claim() -> None:
    text = "Mr. Osk of the U.S. team reportedly left Orlen."
    (hedge,) = find_hedges(text, split_sentences(text))
    assert hedge.claim == "Mr. Osk of the U.S. team reportedly left Orlen"


def test_potential_before_a_noun_after_reach_stays_a_hedge() -> None:
    assert "potential" in cues("The fair helps Vell firms reach potential buyers.")
