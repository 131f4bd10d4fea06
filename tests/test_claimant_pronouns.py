"""Who claims a figure when the source in its sentence is a pronoun: fictional sentences of our own (issue 9)."""

from __future__ import annotations

import pytest

from tests.conftest import source_of


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # the one person of the pronoun's gender named before it in its own sentence, not a speaker before
        (
            "Mark Osk runs the Vell port. Peter Vantor said the levy was fair. "
            "Though Osk started later than Vantor, he said the port lost 40 ships.",
            "40",
            "Osk",
        ),
        # a possessive names the person too
        (
            "Mark Osk runs the Vell port. Peter Vantor said the levy was fair. "
            "One of Osk's sharpest speeches came in May, when he told reporters that 40 ships were lost.",
            "40",
            "Osk",
        ),
        # "Mrs." shows a "she"
        (
            "Laura Brell said the levy was fair. Mrs. Kell lost the vote in May, when she said 40 ships were lost.",
            "40",
            "Mrs. Kell",
        ),
    ],
)
def test_a_pronoun_takes_the_person_its_own_sentence_names(text: str, quantity: str, source: str) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # two men before "he": unsure, so no claimant rather than a guess
        (
            "Peter Vantor said the levy was fair. "
            "Mark Osk and Tom Brell toured the port, and he said 40 ships were lost.",
            "40",
        ),
        # a person whose name shows no gender stands before "she": no earlier woman is taken over her
        (
            "Laura Brell said the levy was fair. Later Kiri Osk toured the port, and she said 40 ships were lost.",
            "40",
        ),
    ],
)
def test_an_unsure_pronoun_leaves_no_claimant(text: str, quantity: str) -> None:
    assert source_of(text, quantity) is None


def test_a_closing_tag_speaks_about_the_name_in_what_it_follows() -> None:
    # guard: "Mr. Osk" is in what was said; "he" is the speaker before
    text = "Peter Vantor chairs the board. The ferry, built to seat 200 people, is Mr. Osk's pride, he said."
    assert source_of(text, "200") == "Peter Vantor"


@pytest.mark.parametrize(
    "text",
    [
        "Republicans said the levy was costly. The port lost 40 ships last year, he said.",
        # a plural whose singular the article uses is a group too
        "A Vellian farmer spoke first. Vellians said the levy was costly. The port lost 40 ships last year, he said.",
    ],
)
def test_a_party_or_a_people_is_never_he(text: str) -> None:
    assert source_of(text, "40") is None


def test_a_role_before_a_known_given_name_is_a_person() -> None:
    text = (
        "VPA Director Mark Osk said the levy was fair. Republicans said it was not. "
        "The port lost 40 ships last year, he said."
    )
    assert source_of(text, "40") == "VPA Director Mark Osk"


def test_the_end_of_a_hyphenated_name_is_no_she() -> None:
    text = "Ministers backed the Trans-Vell Partnership in May. She said the port lost 40 ships last year."
    assert source_of(text, "40") is None


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # '"...," it said' after a sentence about a letter, a memo, a report: the document says it
        (
            "A letter to the board from the Vell staff union arrived on Monday. "
            '"We counted 40 staff who trust the plan," it said.',
            "A letter",
        ),
        ("Tuesday's memo from the Orlen panel landed late. It noted that 40 witnesses spoke.", "Tuesday's memo"),
    ],
)
def test_it_after_a_document_is_the_document(text: str, source: str) -> None:
    assert source_of(text, "40") == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a body opening the sentence before: "It found"
        (
            "The Vell institute published a study on Monday. It found that 40 percent of farms lost money.",
            "40 percent",
            "The Vell institute",
        ),
        # a group of people opening the sentence before: "They found"
        (
            "Three economists, Dana Kell, Mark Osk and Tom Brell, studied the port. "
            "They found that 40 ships were lost.",
            "40",
            "Three economists",
        ),
        # the conjunction opening that sentence is no part of the source
        (
            "But a short statement about the treaty was read out. It said the port had lost 40 ships.",
            "40",
            "a short statement",
        ),
    ],
)
def test_it_or_they_after_a_body_or_a_group(text: str, quantity: str, source: str) -> None:
    assert source_of(text, quantity) == source


def test_it_after_a_thing_that_says_nothing_is_no_claimant() -> None:
    # guard: a plan states nothing of its own; "It found" after it has no source to take
    assert source_of("The plan was popular. It found that 40 percent of farms lost money.", "40 percent") is None


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # "had he denied": a condition, no claim of his
        (
            "Peter Vantor said the court was fair. In May the Vell court jailed Mark Osk, a builder, for at least "
            "15 years - it would have been longer had he denied the charge.",
            "at least 15",
        ),
        # "the child he says is his": a relative clause with no "that" ends at its clause; what follows is not his
        (
            "Mark Osk spoke in Vell. Some 82% said Mr Osk was right to care for the child he says is his, "
            "but 42% backed his legal action.",
            "42%",
        ),
    ],
)
def test_a_pronoun_in_a_condition_or_a_relative_clause_claims_nothing_after_it(text: str, quantity: str) -> None:
    assert source_of(text, quantity) is None


def test_a_question_about_a_claim_keeps_it() -> None:
    # guard: "Why had he asserted that ...?" asks about his claim; it stays his
    text = "Mark Osk runs the port. Why had he asserted that the port lost 40 ships?"
    assert source_of(text, "40") == "Mark Osk"
