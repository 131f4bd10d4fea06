"""Who claims a figure: the rules of the sixth round on issue 9, each pinned with fictional sentences of our own."""

from __future__ import annotations

import pytest

from summarizer.extractive.figures import find_figures
from summarizer.extractive.sentences import split_sentences
from tests.conftest import source_of


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a whole date inside the source's phrase is part of its name, not a figure that disqualifies it
        ("A March 3, 2014 memo shows the agency sent 12 inspectors to the port.", "12", "A March 3, 2014 memo"),
        ("A Sept. 15, 2011 email shows the ministry sent 10 staff to the fair.", "10", "A Sept. 15, 2011 email"),
        # people known by what they know are the source, not the person or body they are close to
        ("People close to the governor said 30 staff would go.", "30", "People close to the governor"),
        ("Sources close to the mayor said the fund held $2 million.", "$2 million", "Sources close to the mayor"),
        (
            "Officials familiar with the budget said it held $4 billion.",
            "$4 billion",
            "Officials familiar with the budget",
        ),
        # who reports the clause ("according to X", a closing "X reported") beats a verb of wanting or judging in it
        (
            "Mrs. Kell has praised the council's record, and won more than 77 percent of the vote, "
            "according to exit polls.",
            "more than 77 percent",
            "exit polls",
        ),
        (
            "Mr. Dorrel sought to revive the deal, worth a reported $1.2 million, after he left, "
            "the Orlen Post reported.",
            "$1.2 million",
            "the Orlen Post",
        ),
        # a participle set off after the subject, an adverb before it: the subject's content, not a stance inside it
        (
            "Darrow, later alleging that the governor wanted to admit 250,000 settlers, said he would close the port.",
            "250,000",
            "Darrow",
        ),
        # a mid-sentence tag covers its own clause, not a clause of another source after ", and"
        (
            "The ferry was insured at $35 million in 2011, records show, "
            "and surveyors say it is worth about $18 million now.",
            "about $18 million",
            "surveyors",
        ),
        # but not a tag inside a relative clause
        (
            'Contrast that with Kell, who has called the 12-nation pact "a sham," and Osk, who says it is "fair."',
            "12",
            "Kell",
        ),
    ],
)
def test_claimant(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "status"),
    [
        # unnamed sources close to a ministry do not make a figure official; officials familiar with it do
        ("Sources close to the ministry said 40 jets were ready.", "40", "claimed"),
        ("Officials familiar with the budget said it held $4 billion.", "$4 billion", "official"),
    ],
)
def test_status_of_unnamed_sources(text: str, quantity: str, status: str) -> None:
    figure = next(f for f in find_figures(text, split_sentences(text)) if f.quantity == quantity)
    assert figure.status == status


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        # a phrase the outlet appends after the reported clause is its own sum or comparison
        (
            "The Orlen mill said its revenue rose from $3 million to $5 million, an increase of $2 million.",
            "$2 million",
        ),
        (
            "Kell said she was let go after 14 weeks, the legal minimum for firms with more than 50 staff.",
            "more than 50",
        ),
        ("The port said 40 ships docked in May, far fewer than the 70 that came a year before.", "70"),
    ],
)
def test_no_claimant_for_what_the_outlet_appends(text: str, quantity: str) -> None:
    assert source_of(text, quantity) is None


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # the reported clause goes on after a phrase set off by commas
        ("Kell said the levy, a $5 million scheme, would pass.", "$5 million", "Kell"),
        # a subordinate clause first: after its comma comes the main clause of what was said
        (
            "The mill told investors that once the sale was done, the firm would cut 700 jobs.",
            "700",
            "The mill",
        ),
        # an aside first: what was said comes after it
        ("The bank said that, according to its own count, the rate rose by 2% in May.", "2%", "The bank"),
        # a list after the clause is still what was said
        ("Osk said the police found a helmet, a flare and five shields.", "five", "Osk"),
    ],
)
def test_the_reported_clause_goes_on(text: str, quantity: str, source: str) -> None:
    assert source_of(text, quantity) == source


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a review's sentences against this round's rules: a phrase after the clause that keeps the reported
        # speech's modal, a detail of the source's own plan, or a clause that goes on, is still the source's
        ("Kell said the plant would close in May, when 300 workers would lose their jobs.", "300", "Kell"),
        ("Kell said the firm would cut 700 jobs, a move that would save $30 million a year.", "$30 million", "Kell"),
        ("Kell said the firm would cut 700 jobs, the first 200 of them in March.", "200", "Kell"),
        ("Kell said the Tovin Paper Company, a firm with 300 staff, plans to expand next year.", "300", "Kell"),
        (
            "Analysts said the deal would give Tovin Gas 8% of output, an improvement on its current 2.5%, "
            "but still far less than the 20% share it would have gained.",
            "2.5%",
            "Analysts",
        ),
        # "according to" that means "in line with", or that belongs to a phrase or a clause of its own
        ("Kell promised to plant 5,000 trees, according to tradition.", "5,000", "Kell"),
        (
            "Kell hopes to win 60 percent of the vote in Tovin, the largest district according to the census.",
            "60 percent",
            "Kell",
        ),
        (
            "Kell praised the 40 percent turnout and, according to aides, will run again next year.",
            "40 percent",
            "Kell",
        ),
        (
            "Kell criticised the $3 million deal, which according to the auditor cost the town $500,000 more.",
            "$500,000",
            "the auditor",
        ),
    ],
)
def test_review_of_round_six(text: str, quantity: str, source: str) -> None:
    assert source_of(text, quantity) == source


def test_a_place_or_an_institution_is_never_he_or_she() -> None:
    text = (
        "Mayor Ana Tovik spoke in Orlen on Monday. Rust Belt towns have lost many jobs. "
        "She is proposing $275 million for roads over five years."
    )
    assert source_of(text, "$275 million") == "Mayor Ana Tovik"


def test_an_appositive_after_the_figure_does_not_make_the_clause_go_on() -> None:
    text = (
        "People in the port said new donors have come since May, when the Orlen fund began with $3 million "
        "from Dana Kell, the head of the family that owns the mill."
    )
    assert source_of(text, "$3 million") is None


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a subject set off by spaced hyphens, as by commas or dashes
        ("Dana Kell - a farmer from Orlen - said she lost 40 cows.", "40", "Dana Kell"),
        (
            "A representative for the Tovin brand - a 12-employee business - noted that the firm gives eight weeks.",
            "eight",
            "A representative for the Tovin brand",
        ),
    ],
)
def test_a_subject_set_off_by_hyphens(text: str, quantity: str, source: str) -> None:
    assert source_of(text, quantity) == source


def test_a_hyphen_inside_a_word_sets_nothing_off() -> None:
    text = "Inquiries in such cases -thought to involve about 5% of firms -are to continue."
    assert source_of(text, "about 5%") is None


def test_a_wish_does_not_reach_over_while_to_another_subject() -> None:
    text = (
        "Tovin Metals - which runs the Orlen mine - is planning to invest $1.9bn by 2027, "
        "while state-owned Vell Ore will spend about $1bn on its own mines."
    )
    assert source_of(text, "$1.9bn") == "Tovin Metals"
    assert source_of(text, "about $1bn") is None


def test_whoever_has_a_figure_at_a_number_claims_it() -> None:
    text = (
        "While Hurst Index lists the mayor's wealth at $6.5 billion, Capita says it is $4.5 billion "
        "and Vell Data has it at $3.9 billion."
    )
    assert [source_of(text, q) for q in ("$6.5 billion", "$4.5 billion", "$3.9 billion")] == [
        "Hurst Index",
        "Capita",
        "Vell Data",
    ]
    assert source_of("Kell said that the port lost 40 ships and the mayor said 12 were damaged.", "12") == "the mayor"


def test_a_cue_with_no_nameable_source_gives_way_to_the_sourcing_after_it() -> None:
    text = (
        "As I mentioned above, Kell got more than 13 million votes - 13.3 million to be exact, according to Vell Tally."
    )
    assert source_of(text, "more than 13 million") == "Vell Tally"
    quote = '"We estimate it to be between 30-40%," the Orlen Institute says in its yearly index.'
    assert source_of(quote, "between 30-40%") == "the Orlen Institute"


def test_no_sentence_starts_with_a_closing_bracket_or_a_comma() -> None:
    text = 'Rep. Dana Kell (D-Md.), chair of the Platform Committee, said that it was "100 percent committed."'
    assert [s.text[:4] for s in split_sentences(text)] == ["Rep."]
    assert source_of(text, "100 percent") == "Rep. Dana Kell"


def test_he_is_the_person_named_after_a_description() -> None:
    text = (
        "Jack Orr, Vell's chief executive, posted two words on his network. A Vell spokesman, Tomas Brell, said on "
        "Saturday that there were 1 million posts.\n\nThe tag, he said, was even more popular, with 6.7 million posts."
    )
    assert source_of(text, "1 million") == "A Vell spokesman"  # the description speaks, and says how official
    assert source_of(text, "6.7 million") == "Tomas Brell"


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        # a second review's sentences against the later rules of this round
        (
            "Kell said profit rose to $5 million, an increase of 40 percent, making it the best year since 1999.",
            "40 percent",
            None,
        ),
        (
            "Kell said the mine produced 40 tonnes in May, the lowest output in 12 years, a decline that will worry "
            "investors.",
            "12",
            None,
        ),
        ("Kell said the firm would cut 700 jobs, the last of 3 rounds of cuts since 2015.", "3", None),
        (
            "Data in the May 5, 2021 report showed 40 percent of homes were empty.",
            "40 percent",
            "the May 5, 2021 report",
        ),
        (
            "Mr Park, the finance minister, said the deficit was $3 billion. He said it would fall to $2 billion.",
            "$2 billion",
            "Mr Park",
        ),
        (
            "Kell wants to raise $5 million for the school, while keeping the tax rate at 2 percent.",
            "2 percent",
            "Kell",
        ),
        (
            "The candidate pointed out that Kell must win 58 percent of delegates, while Brell must win 64 percent.",
            "64 percent",
            "The candidate",
        ),
        ("Orlen (Vell News) - The mayor - a former banker - said the town owes $4 million.", "$4 million", None),
        ("Tovin Metals has its headquarters at 40 Vell Street in Orlen.", "40", None),
        ("Kell said the mayor and Brell agreed that 40 homes would be built.", "40", "Kell"),
        (
            "Mary Brell met her lawyer. The firm's owner, Tovin Metals, said it would cut 300 jobs. She said 40 of "
            "them were managers.",
            "40",
            "Mary Brell",
        ),
    ],
)
def test_second_review_of_round_six(text: str, quantity: str, source: str | None) -> None:
    assert source_of(text, quantity) == source


def test_a_plural_noun_is_not_its_verb() -> None:
    assert source_of("Officials, citing police records, said 12 people were hurt.", "12") == "Officials"
    assert (
        source_of("Growth averaged 6% in three years, ahead of Vell Bank forecasts, while prices fell.", "6%") is None
    )
    assert source_of("The union plans to protest the $15 levy, the Orlen Herald reports.", "$15") == "the Orlen Herald"


def test_according_to_inside_a_relative_clause_covers_that_clause_only() -> None:
    text = "Kell, who earned $400,000 last year according to filings, is worth $4 million, and has 3 homes."
    assert [source_of(text, q) for q in ("$400,000", "$4 million", "3")] == ["filings", None, None]
