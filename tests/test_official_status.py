"""A figure is `official` only when a government body, a public institution or a public office states it.

The role words ("spokesman", "secretary", "chairman", "president", "official") say nothing on their own:
whose role it is decides. Every place, firm, club and person here is made up.
"""

from __future__ import annotations

import pytest

from summarizer.extractive.attribution import is_official
from summarizer.extractive.figures import find_figures
from summarizer.extractive.sentences import split_sentences


@pytest.mark.parametrize(
    "source",
    [
        "a Treasury spokesman",
        "the ministry's secretary",
        "A spokeswoman for the Department of Harbours",
        "A Ministry of Harbours spokesman",
        "Port Authority chairman Dag Holm",
        "the country's new president",
        "state officials",
        "The central bank",
        "its central bank governor",
        "Transport Secretary Ana Pell",
        "Figures from the Ministry of Harbours",
        "Ministry of Harbours figures",
        "Pat Dole of the FBI",
        "The Velland Court of Appeal",
        "Dorn City Council",
        "MPs",
        # an international body of more than one word (was claimed: only one-word names were read)
        "the United Nations",
        "a European Union spokesman",
        # a capital speaking is its government (was claimed)
        "Moscow",
    ],
)
def test_a_public_body_or_its_role_is_official(source: str) -> None:
    assert is_official(source)


@pytest.mark.parametrize(
    "source",
    [
        "a Vellcorp spokesman",
        "Vellcorp spokesman Tomas Brell",
        "A spokesman for Tovin Metals plc",
        "the union's general secretary",
        "Dockers Union general secretary Dag Holm",
        "the club's chairman",
        "Dorn Rovers FC chairman Ivo Lenk",
        "Orlen Group vice-president Mara Sted",
        "A Velland Labour Party spokeswoman",
        "Lib Dem harbours spokesman Marek Sand",
        "Shadow harbours secretary Ana Pell",
        "former minister Ana Pell",
        "a bank spokesman",
        "the Reuters news agency",
        "Industry officials",
        "Critics of the government",
        "The Velland Refugee Council",
        "A spokesman for the Dorn National Ballet",
        "Tovin Metals's government relations director",
        "Labour MP Ana Pell",
    ],
)
def test_the_same_role_of_a_firm_union_party_or_club_is_not_official(source: str) -> None:
    assert not is_official(source)


def test_a_bare_role_keeps_the_status_it_had() -> None:
    # nothing in "a spokesman" says whose: left as before (official for the words that were official words)
    assert is_official("A spokesman") and is_official("officials") and not is_official("the chairman")


def test_a_country_alone_is_no_government() -> None:
    # "Velland" may be its team or its people; "Chinese officials" are the state's
    assert not is_official("Italy") and is_official("Italian officials")


_ARTICLE = """Velland's harbours are emptying, and the quarrel over why is now a matter of numbers.

A Treasury spokesman said 1,200 posts at the ports had been cut since March. A spokesman for Tovin Metals plc \
said 400 jobs would go at its Dorn smelter. The union's general secretary, Dag Holm, said 75 members had been \
dismissed without notice.

Shadow harbours secretary Ana Pell said 30 ferries had been laid up. Lib Dem transport spokesman Marek Sand said \
12 routes had closed. The club's chairman said 9,000 fans had stopped coming. Figures from the Ministry of \
Harbours showed 212 ships docked in May. Industry officials said 64 cranes stood idle. The central bank said \
lending to ports fell by 8%.
"""


def test_the_statuses_of_an_article_follow_whose_role_speaks() -> None:
    statuses = {f.quantity: f.status.value for f in find_figures(_ARTICLE, split_sentences(_ARTICLE))}
    assert statuses == {
        "1,200": "official",
        "400": "claimed",
        "75": "claimed",
        "30": "claimed",  # the source is cut to "secretary Ana Pell": the words before it say "Shadow"
        "12": "claimed",
        "9,000": "claimed",
        "212": "official",
        "64": "claimed",
        "8%": "official",
    }
