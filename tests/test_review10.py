"""Review 10: regressions in the day's changes to hedges, claimants and sentence splitting, on fictional news."""

from __future__ import annotations

import pytest

from summarizer.extractive.hedges import find_hedges
from summarizer.extractive.sentences import split_sentences
from summarizer.extractive.summary import rank_sentences
from tests.conftest import source_of


def cues(text: str) -> set[str]:
    return {h.cue.lower() for h in find_hedges(text, split_sentences(text))}


@pytest.mark.parametrize(
    "text",
    [
        # "should" before a time limit is what is expected, whatever the verb
        "The new dam at Orlen should be ready by the end of the year, engineers said.",
        "Repairs to the Vell bridge should be completed before the winter.",
        "Talks between Vell and Kestor should begin next week, diplomats said.",
        "Prices should start to fall once the Orlen harbour reopens.",
        "The harbour should be able to reopen within days, the port authority said.",
        "It should be possible to reach a deal by Friday, Kell said.",
        "The Vell currency should come under pressure after the vote.",
    ],
)
def test_should_before_a_time_limit_is_expectation(text: str) -> None:
    assert "should" in cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "Pupils in Vell should be able to walk to school, the mayor said.",
        "We should start with the budget, Kell told the Orlen council.",
        "The form should be completed in black ink.",
    ],
)
def test_should_of_obligation_is_still_no_hedge(text: str) -> None:
    assert "should" not in cues(text)


@pytest.mark.parametrize(
    "text",
    [
        # the noun after "denied" is the subject of the denied clause, not a thing refused
        "The Vell party denied its funding came from abroad.",
        "Orlen Holdings denied its payments broke the law.",
        "Kestor police denied their treatment of the protesters was harsh.",
    ],
)
def test_denying_a_clause_about_a_refusable_noun_is_a_denial(text: str) -> None:
    assert "denied" in cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "The judge denied bail to the three men arrested in Vell.",
        "Refugees denied asylum moved to Orlen.",
        "Vell denied entry to 40 journalists from Kestor.",
    ],
)
def test_denying_a_thing_is_still_a_refusal(text: str) -> None:
    assert "denied" not in cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "It is likely voters in Vell will punish the government.",
        "Kell said it was likely voters would turn out in record numbers.",
        "It is more likely voters will stay home in Orlen.",
    ],
)
def test_likely_before_voters_in_a_predicate_is_a_hedge(text: str) -> None:
    assert "likely" in cues(text)


@pytest.mark.parametrize(
    "text",
    ["Likely voters in Vell favour Kell by 8 points.", "A poll of 800 likely voters found Kell ahead in Orlen."],
)
def test_likely_voters_are_still_the_pollsters_term(text: str) -> None:
    assert "likely" not in cues(text)


@pytest.mark.parametrize(
    "text",
    [
        # "so" of degree with "that" left out: what could follow is a possibility
        "The ceasefire in Orlen is so fragile it could break at any time.",
        "Money in Vell is so scarce the town could go bankrupt.",
        "Losses so far could reach $3 billion, the Kestor treasury said.",
        "The deal is worth so much it could reshape Vell.",
    ],
)
def test_so_of_degree_keeps_could(text: str) -> None:
    assert "could" in cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kell said the party should drop out so the other factions could coalesce.",
        "The rebels withdrew so talks could resume in Orlen.",
        "He stepped aside so that a younger leader could take over.",
    ],
)
def test_so_of_purpose_still_drops_could(text: str) -> None:
    assert "could" not in cues(text)


@pytest.mark.parametrize(
    "text",
    [
        # a verb that ends in "-eed" or "shed" is no past tense: the modal keeps its verb
        "A deal with Orlen that could exceed $3 billion was signed.",
        "Firms that could succeed in Vell are few.",
        "It is a storm that could shed roofs across Kestor.",
    ],
)
def test_could_before_an_eed_verb_is_kept(text: str) -> None:
    assert "could" in cues(text)


def test_could_without_its_verb_is_still_dropped() -> None:
    assert "could" not in cues("Everyone in Orlen who could fled the town.")


@pytest.mark.parametrize(
    "text",
    [
        # a hypothetical statement, not a refusal to speak
        "If the talks fail, the Vell army would say it had no choice.",
        "If elected, Kell would confirm the Orlen treaty.",
    ],
)
def test_conditional_would_say_is_a_hedge(text: str) -> None:
    assert "would" in cues(text)


@pytest.mark.parametrize(
    "text", ["Neither side in Orlen would say so.", "Nobody in the Vell ministry would comment on the talks."]
)
def test_a_refusal_to_speak_is_still_no_would(text: str) -> None:
    assert "would" not in cues(text)


@pytest.mark.parametrize(
    "text",
    [
        # a state it seems to be in, not a place it shows up in
        "The Orlen deal now appears on course to pass.",
        "It appears at risk of collapse, Vell officials said.",
        "The treaty does appear at odds with the Kestor constitution.",
        "It would appear in breach of the Vell rules.",
    ],
)
def test_appear_before_a_state_is_a_hedge(text: str) -> None:
    assert cues(text) & {"appears", "it appears", "does appear", "would appear"}


@pytest.mark.parametrize(
    "text", ["Kell would appear in Orlen on Friday.", "The mayor of Vell did appear before the committee."]
)
def test_appear_to_show_up_is_still_no_hedge(text: str) -> None:
    assert not cues(text)


@pytest.mark.parametrize(
    "text",
    [
        # a name ending in "In"/"On" is no run-in headline
        "Dana Kell announced on LinkedIn the company would cut 400 jobs in Vell.",
        "She wrote on LinkedIn a long post about the strike in Orlen.",
        # a one-letter prefix before a country is a name: "eIreland"
        "The eIreland scheme cost Vell €3 million.",
    ],
)
def test_names_glued_to_a_capital_stay_one_sentence(text: str) -> None:
    assert [s.text for s in split_sentences(text)] == [text]


def test_a_run_in_headline_still_splits() -> None:
    text = "Floods in Orlen leave 40 deadIn the north of Vell, rescuers searched for survivors on Tuesday."
    assert [s.text for s in split_sentences(text)][-1].startswith("In the north")


def test_a_stop_glued_to_the_next_word_is_no_teaser_line() -> None:
    text = (
        "Vell mobilises.The army of Vell moved 400 tanks to the Kestor border on Monday, officials said.\n\n"
        "Kestor said it would respond."
    )
    ranked = [s.text for _, s in rank_sentences(split_sentences(text), headline=None)]
    assert any(t.startswith("The army of Vell moved 400 tanks") for t in ranked)


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a speech verb's adjuncts before the colon: what follows is still what was said
        ("The Vell ministry said on Monday: a Kestor poll found 38 percent backed the plan.", "38 percent", "ministry"),
        ("Kell said in a statement: a Vell University study found 400 jobs were lost.", "400", "Kell"),
        ("Dana Kell said last week: polls show 40 percent back her.", "40 percent", "Dana Kell"),
        # a cue after a sentence-opening clause's comma is in the main clause, not the subordinate one
        ("When the vote ended, Kell said that, as a Vell poll found, 40 percent backed him.", "40 percent", "Kell"),
    ],
)
def test_outer_speaker_keeps_what_follows(text: str, quantity: str, source: str) -> None:
    assert source in (source_of(text, quantity) or "")


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        ("Polls show voters rejecting Kell: a Vell Herald poll found 38 percent support.", "38 percent", "Vell Herald"),
        ("But even as Kell claimed the army had 400 tanks, Osk said the figure was 200.", "200", "Osk"),
    ],
)
def test_inner_cue_still_speaks_for_itself(text: str, quantity: str, source: str) -> None:
    assert source in (source_of(text, quantity) or "")


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # a finite verb inside the outlet's appended phrase (a relative clause, an indefinite noun phrase) does not
        # make it a clause of what was said
        ("Kell said sales rose to $5 million, a rise that has been welcomed by 40 investors.", "40"),
        ("Kell said exports rose 4 percent, a figure the Orlen ministry has revised to 3 percent.", "3 percent"),
    ],
)
def test_a_verb_inside_an_appended_phrase_keeps_it_the_outlets(text: str, quantity: str) -> None:
    assert source_of(text, quantity) is None


def test_a_clause_after_an_aside_is_still_what_was_said() -> None:
    text = "Kell said that according to its audit, the Vell party has won 82 percent of the seats."
    assert source_of(text, "82 percent") == "Kell"


def test_a_named_tag_after_the_quote_beats_a_name_before_the_colon() -> None:
    text = 'Written by Dana Kell: "Vell lost 400 jobs last year," the report\'s author Osk Varn said.'
    assert source_of(text, "400") == "the report's author Osk Varn"


def test_a_name_before_the_colon_still_beats_a_pronoun_tag() -> None:
    text = 'Pollsters in Vell agree - Dana Kell: "We have 40 percent," she added.'
    assert source_of(text, "40 percent") == "Dana Kell"
