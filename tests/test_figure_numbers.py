"""Numbers as English news writes them: ordinals, spelled decimals, years and clock times, changes,
fractions of a scale, ranges with words between, "two or three", exact values, conversions."""

from __future__ import annotations

import pytest

from summarizer.extractive.figures import Figure, find_figures, parse_quantity
from summarizer.extractive.sentences import split_sentences


def figures(text: str) -> list[Figure]:
    return find_figures(text, split_sentences(text))


def values(text: str) -> list[tuple[str, float | None, float | None]]:
    return [(f.quantity, f.low, f.high) for f in figures(text)]


# 1. an ordinal is not a fraction; a fraction stays one


@pytest.mark.parametrize(
    "text",
    [
        "Dunmere Airport wants a third runway by the end of the decade.",
        "Kestrian exports fell for a fifth consecutive year.",
        "The Orlen Rovers are chasing a third title in a row.",
        "Orlen Steel did well in the second half of the year.",
        "Vell fans queued for Half-Moon Saga on Tuesday.",
        "The Vell party won a second term.",  # never a figure: pinned so that it stays so
    ],
)
def test_an_ordinal_is_no_fraction(text: str) -> None:
    assert values(text) == []


# guards on the ordinal rule: these were read right before and must stay so
@pytest.mark.parametrize(
    ("text", "quantity", "value"),
    [
        ("Vell Mining cut its staff by a third.", "a third", 0.333),
        ("A third of voters in Orlen backed the plan.", "A third", 0.333),
        ("A third said they would vote for Osk.", "A third", 0.333),
        ("Two-thirds of Kestrian farms are small.", "Two-thirds", 0.667),
        ("Nearly a fifth of Orlen homes have no heating.", "Nearly a fifth", 0.2),
        ("The survey means that half of Orlen homes have a phone.", "half", 0.5),
    ],
)
def test_a_fraction_stays_a_fraction(text: str, quantity: str, value: float) -> None:
    assert (quantity, value, value) in values(text)


# 2. spelled-out decimals


def test_a_spelled_decimal() -> None:
    assert values("Prices in Vell rose one point three per cent in May.") == [("one point three per cent", 1.3, 1.3)]
    assert parse_quantity("nought point five per cent") == (0.5, 0.5)
    # "at one point" is a moment, and three is the count
    assert values("At one point three men were held in Orlen.") == [("three", 3.0, 3.0)]


# 3. years, periods and clock times are not figures


@pytest.mark.parametrize(
    "text",
    [
        "The Orlen budget for 2007-13 is still under review.",
        "Marrow Brewing is more optimistic than its rivals about 2005, it said.",
        "Trading in Vell opened at 0900 GMT on Monday.",
        "The Orlen derby kicks off at 1430 GMT.",
        "The station closes from 2300 to 0100 local time.",
    ],
)
def test_years_periods_and_clock_times_are_no_figures(text: str) -> None:
    assert values(text) == []


def test_a_year_is_not_the_low_end_of_a_range() -> None:
    text = "Sales at Dunmere Foods fell 4% in 2004 to 789m euros."
    assert values(text) == [("4%", 4.0, 4.0), ("789m", 789e6, 789e6)]


# 4. a change "by X to Y" is two figures; a range stays one


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kestrel Foods raised its dividend by 25% to 40 euro cents.", [(25, 25), (40, 40)]),
        ("Shares in Orlen Mining rose almost 23% to 2.05 euros.", [(23, 23), (2.05, 2.05)]),
        ("Sales at Vell Telecom were up 4% to 36bn kroner.", [(4, 4), (36e9, 36e9)]),
        ("The Orlen jobless total rose by 32,000 to 1.41 million.", [(32000, 32000), (1.41e6, 1.41e6)]),
        ("Vell Oil fell $2.86 to $41.32 a barrel.", [(2.86, 2.86), (41.32, 41.32)]),
        ("Brell leads Osk 46 percent to 44 percent in Orlen.", [(46, 46), (44, 44)]),
        ("Prices in Vell and Orlen fell by 1.6% and 0.5% respectively.", [(1.6, 1.6), (0.5, 0.5)]),
        # ranges stay ranges
        ("The Orlen party hopes to gain 25 to 30 seats.", [(25, 30)]),
        ("The Orlen party hopes to increase its tally by 25 to 30 seats.", [(25, 30)]),
        ("Analysts expect a 2% to 3% rise in Vell.", [(2, 3)]),
        ("Shares in Vell Mining were up 5 to 10 per cent.", [(5, 10)]),
        ("Between 15,000 and 20,000 people live in Dunmere.", [(15000, 20000)]),
    ],
)
def test_a_change_is_two_figures(text: str, expected: list[tuple[float, float]]) -> None:
    assert [(f.low, f.high) for f in figures(text)] == expected


def test_a_change_keeps_its_units() -> None:
    first, second = figures("Kestrel Foods raised its dividend by 25% to 40 euro cents.")
    assert (first.unit, second.unit) == ("per cent", "cents")


# 5. a fraction of a scale


@pytest.mark.parametrize(
    ("text", "quantity", "value"),
    [
        ("A quarter of a million Vellish voters marched.", "A quarter of a million", 250_000),
        ("Half a million homes in Orlen lost power.", "Half a million", 500_000),
        ("Kestria spent a third of a billion dollars on roads.", "a third of a billion", 333_333_333),
        ("There are two and a half million cars in Orlen.", "two and a half million", 2_500_000),
        ("Orlen vowed to cut at least a half-billion dollars in costs.", "at least a half-billion", 500_000_000),
    ],
)
def test_a_fraction_of_a_scale(text: str, quantity: str, value: float) -> None:
    found = {f.quantity: f for f in figures(text)}
    assert found[quantity].low == value
    assert "a million" not in found and "a billion" not in found


# 6. "between X ... and Y" with words between is one range


def test_between_with_words_between() -> None:
    assert values("Orlen pays its staff between $60,000 a year and $150,000.") == [
        ("between $60,000 a year and $150,000", 60000, 150000)
    ]
    found = figures("Fines in Vell range between 250 euros (£173) and 600 euros.")
    assert [(f.quantity, f.low, f.high, f.unit) for f in found] == [
        ("between 250 euros (£173) and 600", 250, 600, "euros"),
        ("£173", 173, 173, "pounds"),
    ]


# guards on the rule above (the old code read these as single numbers too)
@pytest.mark.parametrize(
    "text",
    [
        "Osk faces a ban of between six months and two years in Vell.",
        "Orlen picked her in a contest between two local and five outside candidates.",
    ],
)
def test_between_joins_only_numbers_of_one_thing(text: str) -> None:
    assert all(f.low == f.high for f in figures(text))


# 7. "two or three"


def test_two_or_three_is_a_range() -> None:
    assert values("Repairs in Vell will take two or three months.") == [("two or three", 2, 3)]
    assert values("Osk won 10 or 12 seats in Orlen.") == [("10 or 12", 10, 12)]
    # a list is not a range
    assert [f.low for f in figures("Bids of £30m, £40m or £50m for Orlen Rovers were rejected.")] == [30e6, 40e6, 50e6]


# 8. exact values


@pytest.mark.parametrize(
    ("quantity", "value"),
    [("£8.2bn", 8_200_000_000.0), ("$2.18 trillion", 2_180_000_000_000.0), ("£16.9bn", 16_900_000_000.0)],
)
def test_values_are_exact(quantity: str, value: float) -> None:
    assert parse_quantity(quantity) == (value, value)


def test_the_scale_of_a_range_applies_to_both_ends_exactly() -> None:
    assert values("Damage in Vell was put at $1.3 to $1.5bn.") == [("$1.3 to $1.5bn", 1.3e9, 1.5e9)]
    assert parse_quantity("1.1 to 1.3 million") == (1_100_000.0, 1_300_000.0)


# a conversion in brackets says what the figure it converts says


@pytest.mark.parametrize(
    "text",
    [
        "Orlen Bank has a market value of about $8.5bn (£4.4bn).",
        "Vell Air plans to raise $1bn (£514m; 770m euros) from its flotation.",
    ],
)
def test_a_conversion_takes_the_status_and_source_of_its_figure(text: str) -> None:
    first, *conversions = figures(text)
    assert conversions
    for conversion in conversions:
        assert (conversion.status, conversion.source) == (first.status, first.source)


def test_a_range_scale_carries_to_a_plain_first_part_only() -> None:
    # one rule for every range reading: "1,500" keeps its own size, "15" takes the "million" after it
    for text, low in (
        ("Between 1,500 and 2 million people fled Orlen.", 1500.0),
        ("Between 15 and 20 million people fled Orlen.", 15e6),
    ):
        figure = find_figures(text, split_sentences(text))[0]
        assert (figure.low, figure.high) == (low, 2e6 if low == 1500.0 else 20e6)


def test_a_capital_m_starting_a_name_is_no_million() -> None:
    # "M&V" is a name; "$4 M" is four million
    assert values("A basket of 35 M&V goods is now 11% dearer.")[0] == ("35", 35.0, 35.0)
    assert values("Vellcorp raised $4 M in May.") == [("$4 M", 4e6, 4e6)]
    assert values("Storm claims 'less than $10bn'")[0][1:] == (None, 1e10)


@pytest.mark.parametrize(
    ("text", "quantity", "share"),
    [
        ("The court backed Vellcorp in four out of five key issues.", "four out of five", 0.8),
        ("One in 50 drivers in Orlen was over the limit.", "One in 50", 0.02),
        ("Nearly three out of four girls in Kestby said so.", "Nearly three out of four", 0.75),
        ("Nine times out of ten the vote goes with the party.", "Nine times out of ten", 0.9),
    ],
)
def test_a_share_of_a_whole_is_one_figure(text: str, quantity: str, share: float) -> None:
    assert values(text) == [(quantity, share, share)]


@pytest.mark.parametrize(
    "text",
    [
        "Oil in Vell has lost $4 in five days.",  # a change over a period, not a share
        "He has never been beyond round four in eight attempts.",
    ],
)
def test_no_share_of_a_period_or_a_label(text: str) -> None:
    assert all(" in " not in f.quantity for f in figures(text))


def test_a_figure_opening_a_sentence_after_a_month_is_read() -> None:
    # "January." ends the sentence before: it does not make the next number a date
    assert values("The day is marked on 27 January. Some 40 people died in Vell.") == [("Some 40", 40.0, 40.0)]


@pytest.mark.parametrize(
    "text", ["The FTSE 100 rose 20 points.", "She told BBC Two's Newsnight that 20 staff had left."]
)
def test_a_number_in_a_capitalised_name_is_no_figure(text: str) -> None:
    assert [f.quantity for f in figures(text)] == ["20"]


def test_a_station_number_is_no_figure() -> None:
    assert figures("Orlen Transit told WKBT 7 that someone had changed the sign.") == []


def test_euro_cents_are_cents() -> None:
    (figure,) = figures("Vell will sell the new shares priced at 9 euros cents each.")
    assert figure.unit == "cents"


def test_as_much_as_is_an_upper_bound() -> None:
    assert values("The Orlen sale could bring in as much as 3bn euros.") == [("as much as 3bn", None, 3e9)]
    assert values("Vell fares could rise by as little as 2%.") == [("as little as 2%", 2.0, None)]


def test_a_trillion_written_tn() -> None:
    assert values("Vell Card needs 1tn won to stay afloat.") == [("1tn", 1e12, 1e12)]


def test_a_conversion_keeps_its_own_currency_word() -> None:
    found = {f.quantity: f for f in figures("Vell Card needs 1tn won ($960m) to stay afloat.")}
    # not "won", the word of the figure it converts; nor "dollars" again: the sentence names nothing it measures
    assert found["$960m"].describes == ""


def test_more_than_half_is_open_above_as_more_than_a_number_is() -> None:
    assert values("More than half of Vell's voters backed him.") == [("More than half", 0.5, None)]
    assert values("Less than a third of the Orlen staff stayed.") == [("Less than a third", None, 0.333)]
