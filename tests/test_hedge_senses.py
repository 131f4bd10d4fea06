"""Hedge cues on news: the senses of cue words that name no uncertainty are left out, the hedging senses kept."""

from __future__ import annotations

import pytest

from summarizer.extractive.hedges import find_hedges
from summarizer.extractive.sentences import split_sentences
from summarizer.models import HedgeKind


def cues(text: str) -> list[str]:
    return [h.cue.lower() for h in find_hedges(text, split_sentences(text))]


def found(text: str, word: str) -> bool:
    """True when some cue of the text holds the word."""
    return any(word in cue.split() for cue in cues(text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a comparison with a forecast, hyphenated before its noun: no uncertainty is expressed
        ("Vellcorp posted a bigger-than-expected loss in Orlen.", "expected"),
        ("Kestria's exports grew on a weaker-than-expected crown.", "expected"),
        # the pollsters' term for a sample of voters
        ("The Orlen Herald poll of 800 likely voters gives Dana Kell a lead.", "likely"),
        ("Among likely Valdorian voters, the mayor trails by six points.", "likely"),
        # to refuse, not to deny a claim
        ("The Kestrian court denied bail to the Orlen harbour master.", "denied"),
        ("The guards were denying them access to the Orlen camp.", "denying"),
        ("Dana Kell says she was denied a visa by the Kestrian consulate.", "denied"),
        ("His request for a recount was denied on Tuesday.", "denied"),
        # "is possible due to": made possible, not perhaps true
        ("The night service is possible due to a new Orlen rail timetable.", "possible"),
        ("Cheap flights to Orlen are now possible thanks to the new runway.", "possible"),
        # what could not be done
        ("During the siege of Orlen little could be verified.", "could"),
        ("Not one Kestrian envoy could persuade the Orlen council.", "could"),
        # distrust, not a guess
        ("Residents of Orlen view the new militia with suspicion.", "suspicion"),
        ("The rumours fed anger and suspicion in the Kestrian villages.", "suspicion"),
        # a proposal, not a claim
        ("The Orlen mayor has sought suggestions from residents.", "suggestions"),
        ("The council peppered the minister with suggestions on the budget.", "suggestions"),
        # "should" of what someone ought to do or be allowed
        ("Pupils in Orlen should be able to choose their school.", "should"),
        ("The Kestrian government should start with the budget.", "should"),
        ("The envoy asked whether she should come to Orlen at all.", "should"),
        ("The Orlen form should be completed in ink.", "should"),
        # no guess made, or a purpose, or a modal without its verb
        ("The Kestrian envoy declined to speculate on the talks.", "speculate"),
        ("Kell urged the minor parties to stand down so her coalition could win Orlen.", "could"),
        ("Everyone in Orlen who could fled before the flood.", "could"),
        # to reflect, and to show up
        ("The Orlen defeat has made me think.", "think"),
        ("The Kestrian singer would appear in Orlen on Friday.", "appear"),
        ("While it does appear on lists of Kestria's safest towns, Orlen is not on ours.", "appear"),
    ],
)
def test_other_senses_in_news_are_not_hedges(text: str, word: str) -> None:
    assert not found(text, word), cues(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Analysts expected the Orlen plant to reopen in spring.", "expected"),
        ("Kestria is the likely winner of the Orlen contract.", "likely"),
        ("Lord Vell denied the security services were involved in Orlen.", "denied"),
        ("The Kestrian ministry denied reports of shelling near Orlen.", "denied"),
        ("It is possible that the dam at Orlen was sabotaged.", "possible"),
        ("The convoy could reach Orlen before the storm.", "could"),
        ("A test version of the Orlen app should be available within 30 days.", "should"),
        ("Officials were so worried that the Orlen dam could burst that they closed the valley.", "could"),
        ("It appears there were two Kestrian convoys, not one.", "appears"),
        ("Analysts declined to comment, but the strike would appear to have failed.", "appear"),
        ("The new levy should help cut the Kestrian deficit.", "should"),
        ("His allies and suspicion that the treasurer was plotting changed his mind.", "suspicion"),
        ("The party dismissed suggestions the Orlen mayor would resign.", "suggestions"),
        ("The suggestion from the money markets is that rates will rise in Kestria.", "suggestion"),
        ("The senator's suggestion at the debate that Kell was unfit angered her allies.", "suggestion"),
    ],
)
def test_the_hedging_senses_stay(text: str, word: str) -> None:
    assert found(text, word), cues(text)


def test_denial_of_a_claim_keeps_its_kind() -> None:
    text = "Valdoria denied that its troops had crossed into Orlen."
    assert [h.kind for h in find_hedges(text, split_sentences(text))] == [HedgeKind.DENIAL]


def test_would_probably_is_one_cue() -> None:
    # "would" before "probably" is no cue of its own: the pair is one cue, not "would" beside "probably"
    assert cues("The Orlen bridge would probably collapse under a second convoy.") == ["would probably"]
    assert cues("If the talks fail, Kestria would likely close the border.") == ["would likely"]


def test_would_before_seem_leaves_the_cue_to_seem() -> None:
    assert cues("The Orlen dam would seem to be intact.") == ["seem"]


# claims: the clause the cue governs, with its subject


def claim_for(text: str, word: str) -> str:
    return next(h.claim for h in find_hedges(text, split_sentences(text)) if word in h.cue.lower())


def test_a_demonstrative_that_stays_in_the_claim() -> None:
    assert claim_for("Two years later, that bridge in Orlen might finally open.", "might") == (
        "that bridge in Orlen might finally open"
    )
    assert claim_for("That could delay the Kestrian vote by a month.", "could") == (
        "That could delay the Kestrian vote by a month"
    )


def test_a_verb_first_clause_takes_its_subject_across_an_aside() -> None:
    assert claim_for("The Orlen plan, however, seemed doomed from the start.", "seemed") == (
        "The Orlen plan, however, seemed doomed from the start"
    )
    assert claim_for("The new Kestrian browser, released in May, seems to be winning users.", "seems") == (
        "The new Kestrian browser, released in May, seems to be winning users"
    )
