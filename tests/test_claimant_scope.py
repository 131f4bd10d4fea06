"""Who claims a figure: the reach of cues the engine already knows (issue 9, "who claims a figure").

Each rule is pinned with fictional sentences of our own, with a guard that a
neighbouring wording keeps its old reading.
"""

from __future__ import annotations

import pytest

from tests.conftest import source_of


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a connective set off by commas between the subject and its verb: the subject still speaks
        (
            "Orlen brewers, for instance, argue that imports grew to 40 percent of the market.",
            "40 percent",
            "Orlen brewers",
        ),
        ("Vell officials, however, say the fund now holds $40 million.", "$40 million", "Vell officials"),
        ("The Orlen council, for its part, said it had cut 300 jobs.", "300", "The Orlen council"),
        # no cue: no claimant for the connective to pass on
        ("In Orlen, however, prices rose 5 percent last year.", "5 percent", None),
    ],
)
def test_connective_before_the_verb(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a bracket of figures only, in per cent or points, details the poll's result: still the poll's
        (
            "The Vell Herald poll has Kell leading Osk by six points (46 percent to 40 percent) among voters.",
            "40 percent",
            "The Vell Herald poll",
        ),
        # a bracket that holds a clause is the outlet's aside
        (
            "Dana Kell said the bridge (which cost the town 40 percent more than planned) would open in May.",
            "40 percent",
            None,
        ),
    ],
)
def test_bracket_of_figures(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # the poll a change is measured against is no source of the change
        ("Support for Kell is up five points from a Vell Herald poll taken in May.", "five", None),
        ("Her rating is down 4 percent from a Vell Herald survey in March.", "4 percent", None),
        # a figure read in a poll is the poll's
        ("Kell had 40 percent in a Vell Herald poll taken in May.", "40 percent", "a Vell Herald poll"),
    ],
)
def test_poll_a_change_is_measured_from(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a quotation after the colon that ends a short clause is spoken by that clause's subject
        (
            'Dana Kell has since apologised for the delay: "Yes, I should have sent two letters, not one."',
            "two",
            "Dana Kell",
        ),
        # or by the cue that ends the clause
        (
            "The Orlen council sent a message to every household saying: "
            '"Reply YES to give $10 to the flood fund and keep the pumps running."',
            "$10",
            "The Orlen council",
        ),
        # the words on a sign named at the end of a long clause are not the subject's
        (
            "The party will now use focus groups to test a poster showing Dana Kell beside a board reading: "
            '"40 days left."',
            "40",
            None,
        ),
        # a name and a title before the colon, with no verb: no subject clause to read
        ('Orlen boss Dana Kell: "We had four good chances and missed them all."', "four", None),
    ],
)
def test_colon_lead_in(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a subject pronoun after "warned", "told", "assured" opens what was said, not the hearer
        (
            "The Vell rulers have warned they could sell off hundreds of billions of dollars in Orlen assets.",
            "hundreds",
            "The Vell rulers",
        ),
        ("Dana Kell assured she would hire 40 new nurses by June.", "40", "Dana Kell"),
        # the hearer is still skipped: what follows it is what was told
        ("Dana Kell told the Orlen Herald the port had lost 300 jobs.", "300", "Dana Kell"),
    ],
)
def test_pronoun_after_an_addressee_verb(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a colon ends the outer cue's clause: the cue after it reports its own finding
        (
            "Early polls show voters rejecting Kell: a Vell Herald poll found Osk ahead by 38 percentage points.",
            "38",
            "a Vell Herald poll",
        ),
        # right after the cue a colon opens what the outer source says, the inner cue included
        ("Kell said: Orlen data shows 40 percent of homes are empty.", "40 percent", "Kell"),
        # with no colon, a cue inside the outer content is part of what the outer source says
        ("Kell said that Orlen data shows 40 percent of homes are empty.", "40 percent", "Kell"),
    ],
)
def test_colon_ends_the_outer_clause(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a cue in an opening subordinate clause does not speak for the main clause after its comma
        (
            "But even as Dana Kell claimed on Tuesday that the fund was safe, one of the Orlen auditors said "
            "the two accounts were quite different.",
            "two",
            "the Orlen auditors",
        ),
        (
            "While Dana Kell says the port is busy, the Orlen harbour board said 40 berths stood empty.",
            "40",
            "the Orlen harbour board",
        ),
        # "as reported by X," sources the whole sentence
        ("As reported by the Orlen Herald, investigators found over 2,200 letters.", "over 2,200", "the Orlen Herald"),
        # with no subordinate clause, a cue inside the outer content is part of what the outer source says
        ("Dana Kell said the Orlen auditors found 40 accounts empty.", "40", "Dana Kell"),
    ],
)
def test_outer_cue_in_a_subordinate_clause(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # after a comma, a clause with its own finite verb is still what was said, not the outlet's appended phrase
        (
            "Dana Kell said on Tuesday that according to its audit, the party has won 82 percent of the vote.",
            "82 percent",
            "Dana Kell",
        ),
        (
            "Dana Kell argued it was absurd to charge the farmers, when many were paid £1 an hour.",
            "£1",
            "Dana Kell",
        ),
        # a phrase the outlet appends after the reported clause stays the outlet's
        ("Dana Kell said sales rose to $5 million, an increase of 40 percent.", "40 percent", None),
    ],
)
def test_clause_after_a_comma(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a speech tag after a long subject still names who spoke the quotation before it, and the next one
        (
            "\u201cThey have to choose between rent and food,\u201d Fair Pay for Vell organizing director Dana Kell "
            "told Orlen News in Vellmark. \u201cThey care about two things: a living wage and a union.\u201d",
            "about two",
            "director Dana Kell",
        ),
        # a long clause after the mark is no tag: someone else named after an opening phrase
        (
            '"Every one of the 275 ballots was sealed." Interrupting Dana Kell in her opening, Tomas Osk said: '
            '"You mean the papers were forged."',
            "275",
            None,
        ),
    ],
)
def test_tag_after_a_long_subject(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a name right before the colon that opens a quotation speaks it, before a cue earlier in the line
        (
            'Vell pollsters agree - Dana Kell: "Keep calling voters late. '
            'The last two polls both showed Osk ahead by more than 10 points."',
            "more than 10",
            "Dana Kell",
        ),
        # no name before the colon: the cue that ends the clause speaks
        (
            'Dana Kell said in May: "The last two polls showed Osk ahead by more than 10 points."',
            "more than 10",
            "Dana Kell",
        ),
    ],
)
def test_name_before_the_colon(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source
