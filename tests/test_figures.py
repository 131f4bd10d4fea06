"""Who claims a figure, how firm it is, changes versus ranges, one figure per thing counted."""

from __future__ import annotations

import re

import pytest

from summarizer.extractive import extract
from summarizer.extractive.figures import Figure, find_figures
from summarizer.extractive.sentences import split_sentences
from summarizer.ingest import normalize_text
from summarizer.models import FigureStatus
from tests.conftest import SHARED

REPORTING = re.compile(r"\b(?:said|says|told|added|shows?|showed|found|according)\b", re.IGNORECASE)


def figures(text: str) -> dict[str, Figure]:
    return {f.quantity: f for f in find_figures(text, split_sentences(text))}


def seed(number: int) -> str:
    path = next((SHARED / "seeds").glob(f"{number:03d}_*.txt"))
    return normalize_text(path.read_text(encoding="utf-8"))


# who claims a figure


@pytest.mark.parametrize(
    ("text", "quantity", "source"),
    [
        (
            "Valdoria's defence ministry said 4,000 troops had crossed the river.",
            "4,000",
            "Valdoria's defence ministry",
        ),
        ("About 300 tanks were moved overnight, the Kestrian army said.", "About 300", "the Kestrian army"),
        (
            "Some 80 drones were shot down, Ilse Marrow, the agency's head, said on Tuesday.",
            "Some 80",
            "Ilse Marrow",
        ),
        ('"We counted 120 drones near Orlen," said Tomas Venn, a local mayor.', "120", "Tomas Venn"),
        (
            "A poll by the Kestrian Institute shows 62 percent of voters back the truce.",
            "62 percent",
            "A poll by the Kestrian Institute",
        ),
        ("Customs records show 1,200 lorries crossed into Orlen last month.", "1,200", "Customs records"),
        (
            "An analysis by Harlow Consulting found that 40 villages had lost power.",
            "40",
            "An analysis by Harlow Consulting",
        ),
        ("According to the Valdorian statistics office, 3.2 million people live in the south.", "3.2 million", None),
        ("Two ferries are being held at Dunmere harbour, according to local media.", "Two", "local media"),
    ],
)
def test_claimant_in_the_sentence(text: str, quantity: str, source: str | None) -> None:
    found = figures(text)[quantity]
    if source is None:  # "according to X": X as written, whatever its length
        assert found.source == "the Valdorian statistics office"
    else:
        assert found.source == source


def test_claimant_of_a_quote_from_the_next_sentence_and_a_pronoun() -> None:
    text = (
        "General Arno Pell said on Monday that the border was calm.\n"
        '"Kestria has moved 2,000 artillery pieces to the hills. They are ready to fire," he said.\n'
        "He added that 15 bridges had been closed."
    )
    found = figures(text)
    assert found["2,000"].source == "General Arno Pell"
    assert found["15"].source == "General Arno Pell"


def test_a_paragraph_of_quote_goes_on_with_the_last_speaker() -> None:
    text = '"We will hold the line," said Colonel Ada Brisk.\n"Our 400 engineers have rebuilt the bridge at Orlen."'
    assert figures(text)["400"].source == "Colonel Ada Brisk"


def test_she_and_the_agency_resolve_to_the_named_source_before() -> None:
    text = (
        "The Orlen Border Agency said the crossings were closed.\n"
        "Ms Dana Kell, a farmer in the valley, told reporters the road had flooded.\n"
        "She said 30 families had left. The agency estimates that 900 people are waiting at the gate."
    )
    found = figures(text)
    assert found["30"].source == "Ms Dana Kell"
    assert found["900"].source == "The Orlen Border Agency"


def test_no_claimant_is_better_than_a_fragment() -> None:
    text = (
        "The 12 ships left Kestria at dawn. Kestria has 12,000 soldiers on the river.\n"
        "The minister, who said little, visited 3 towns."
    )
    found = figures(text)
    assert found["12,000"].source is None
    assert found["12"].source is None
    for figure in found.values():
        assert figure.source is None or (
            not REPORTING.search(figure.source) and figure.source.lower() not in ("the", "a", "an")
        )


# how firm a figure is


def test_status_from_the_article_words() -> None:
    text = (
        "Valdoria has 40 warships in the northern fleet. "
        "The Valdorian navy said 12 of them were under repair. "
        "Tomas Venn said 300 sailors had deserted. "
        "About 5,000 sailors serve in the fleet."
    )
    found = figures(text)
    doubted = figures("Kestria says 9 submarines were seen, but there is no official confirmation.")
    assert found["40"].status.value == "stated" and found["40"].source is None
    assert found["12"].status.value == "official" and found["12"].source == "The Valdorian navy"
    assert found["300"].status.value == "claimed"
    assert found["About 5,000"].status.value == "estimate"
    assert doubted["9"].status.value == "unconfirmed"


def test_no_official_status_without_a_named_source_in_the_seeds() -> None:
    found = figures(seed(1))
    assert found["400"].status.value != "official"
    assert found["fewer than 10,000"].status.value != "official"
    drones = figures(seed(3))["145"]
    assert drones.status.value != "official" and drones.source is None


def test_bbc_figures_are_official_only_with_a_named_source() -> None:
    paths = sorted((SHARED / "corpus" / "bbc-news").glob("*/*.txt"))
    assert len(paths) == 2095
    official = unnamed = 0
    for path in paths:
        text = normalize_text(path.read_text(encoding="utf-8", errors="replace"))
        for figure in find_figures(text, split_sentences(text)):
            if figure.status.value == "official":
                official += 1
                unnamed += figure.source is None
    assert official > 0 and unnamed == 0


# a change is two figures, a range is one


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kestria's army grew from around 45,000 to 100,000 soldiers.", [(45000, 45000), (100000, 100000)]),
        ("Exports rose from 5% to 7% last year.", [(5, 5), (7, 7)]),
        ("The garrison fell from 300 to 200 men.", [(300, 300), (200, 200)]),
        ("Imports reached 900 tonnes, up from 700 tonnes.", [(900, 900), (700, 700)]),
        ("Between 15,000 and 20,000 troops are near Orlen.", [(15000, 20000)]),
        ("Valdoria sent 15,000 to 20,000 troops.", [(15000, 20000)]),
        ("Estimates ranged from 15,000 to 20,000 troops.", [(15000, 20000)]),
    ],
)
def test_change_versus_range(text: str, expected: list[tuple[float, float]]) -> None:
    assert [(f.low, f.high) for f in find_figures(text, split_sentences(text))] == expected


def test_seed_002_change_is_two_figures() -> None:
    values = [(f.low, f.high) for f in figures(seed(2)).values()]
    assert (45000, 45000) in values and (100000, 100000) in values
    assert (45000, 100000) not in values


# one figure, however often it is worded


def test_one_figure_with_two_wordings() -> None:
    text = (
        "Valdoria Masses 5,000 Troops\n\n"
        "Valdoria has reportedly moved 5,000 troops to the Orlen border.\n"
        "The Kestrian defence ministry said approximately 5,000 soldiers had arrived near the river. "
        "Valdoria also moved 60 tanks."
    )
    kept = [f for f in extract(text).key_figures if f.low == 5000]
    assert len(kept) == 1
    assert kept[0].source == "The Kestrian defence ministry"
    assert kept[0].quote.startswith("The Kestrian defence ministry said")


def test_seed_003_gives_50000_once() -> None:
    kept = [f for f in extract(seed(3)).key_figures if f.low == 50000]
    assert len(kept) == 1


def test_describes_is_a_noun_phrase() -> None:
    text = "Valdoria sent 5,000 additional troops near the border on Monday, officials in Orlen said."
    assert figures(text)["5,000"].describes == "additional troops near the border"
    text = "About 19,000 are now positioned at the border."
    found = figures(text)["About 19,000"]
    assert found.describes == "at the border" or found.describes.endswith("at the border")


def test_a_year_after_an_apostrophe_is_no_figure() -> None:
    text = "Kell said in '08 that the vote was close, and ''10 times'' as many came in \u201916."
    assert [f.quantity for f in find_figures(text, split_sentences(text))] == ["10"]


def test_numbers_inside_a_tag_left_in_the_text_are_no_figures() -> None:
    text = '<post id="7712093" author="kell" timestamp="1449075600">The Orlen mill shed 40 jobs, Kell said.</post>'
    assert [f.quantity for f in find_figures(text, split_sentences(text))] == ["40"]
    comparison = "The vote was 12 < 40 in the committee."  # a less-than sign opens no tag
    assert [f.quantity for f in find_figures(comparison, split_sentences(comparison))] == ["12", "40"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a plural count is counted by its plural head, not the noun or adjective before it (was "container", "main")
        ("The strike closed three container terminals in Pelmara.", "terminals"),
        ("The two main parties in Orlen agreed.", "parties"),
        ("Police in Vell seized 40 army trucks.", "trucks"),
        ("Ten bus drivers in Orlen quit.", "drivers"),
        # one noun, or a count of one, stays as it was
        ("The union has 2,300 members in Vell.", "members"),
        ("About 3 million people voted in Orlen.", "people"),
    ],
)
def test_a_count_is_counted_by_its_head_noun(text: str, unit: str) -> None:
    (figure,) = find_figures(text, split_sentences(text))
    assert figure.unit == unit


@pytest.mark.parametrize(
    ("text", "quantity", "status"),
    [
        # a later short mention is the official the fuller name said (was "claimed" for "Ms Kell")
        (
            "Finance Minister Dana Kell said the budget would grow. Ms Kell said 40 schools would open.",
            "40",
            "official",
        ),
        (
            "Orlen police chief Sir Tomas Brell said roads were shut. Sir Tomas said 12 officers were hurt.",
            "12",
            "official",
        ),
        # two fuller names the short one could stand for: nobody can tell which, so no office is lent
        (
            "Finance Minister Dana Kell spoke first. Her cousin, farmer Rosa Kell, said the plan failed. "
            "Ms Kell said 40 schools would close.",
            "40",
            "claimed",
        ),
        # a body's own name is not its spokesman's
        ("A Vellair spokesman said flights were cut. Vellair said 300 staff would go.", "300", "claimed"),
    ],
)
def test_a_short_name_has_the_status_of_the_fuller_one(text: str, quantity: str, status: str) -> None:
    figure = next(f for f in find_figures(text, split_sentences(text)) if f.quantity == quantity)
    assert figure.status.value == status


@pytest.mark.parametrize(
    ("text", "describes"),
    [
        # the noun phrase before a figure, without its subject and verb (was "put the figure closer", "rose")
        ("Analysts at the Marsa Institute put the figure closer to 9,000.", "the figure"),
        ("In Vell, the jobless total rose by 227,000 in January.", "the jobless total"),
        ("Its debt stood at $4 billion.", "Its debt"),
        ("Kell's offer values the club at £800m.", "the club"),
    ],
)
def test_what_a_figure_describes_is_a_noun_phrase(text: str, describes: str) -> None:
    (figure,) = find_figures(text, split_sentences(text))
    assert figure.describes == describes


def test_an_acronym_takes_the_status_of_the_name_it_stands_for() -> None:
    text = (
        "The Orlen National Statistics Institute (ONSI) said output rose 2% in May. The ONSI also said exports rose 3%."
    )
    found = {f.quantity: f for f in find_figures(text, split_sentences(text))}
    assert found["3%"].status is FigureStatus.OFFICIAL


def test_a_council_of_a_trade_is_no_public_body() -> None:
    text = "The Council of Orlen Mortgage Lenders said lending fell 4%."
    (figure,) = find_figures(text, split_sentences(text))
    assert figure.status is FigureStatus.CLAIMED
