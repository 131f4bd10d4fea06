"""Senses and actors: market demand is no demand, hunting no crime, a possible deal no deal, junk no actor."""

from __future__ import annotations

from summarizer.extractive.escalation import EscalationReading, assess_escalation
from summarizer.extractive.sentences import split_sentences
from summarizer.scales import Direction, EventType


def read(text: str) -> EscalationReading:
    return assess_escalation(split_sentences(text))


MARKET_DEMAND = """Orlen Breweries profits slip as demand for lager weakens

Orlen Breweries said weak consumer demand in Kestria hit its sales in the last quarter.
Domestic demand for beer stayed subdued, while strong demand for cider helped its rival.
The company expects demand to pick up when the summer season begins.
"""

WAGE_DEMANDS = """Kestrian bank holds rates

The Kestrian central bank left its main rate unchanged on Thursday.
"We believe that these demands should be firmly resisted," said the Orlen chamber of trade, as wage claims grew.
"""

APPEAL_TO_VOTERS = """Mirn party sets out its campaign

The Mirn Party unveiled a campaign designed to appeal to women voters in the spring.
Its leader said the policies would appeal to young families across the country.
"""


def test_market_demand_is_not_a_political_demand() -> None:
    assert read(MARKET_DEMAND).event_type is not EventType.DEMAND


def test_wage_demands_resisted_by_a_trade_body_are_not_a_political_demand() -> None:
    assert read(WAGE_DEMANDS).event_type is not EventType.DEMAND


def test_a_campaign_appealing_to_voters_is_not_a_demand() -> None:
    assert read(APPEAL_TO_VOTERS).event_type is not EventType.DEMAND


def test_an_actor_demanding_something_of_another_is_a_demand() -> None:
    reading = read(
        "Kestria demands Valdoria withdraw border guards\n\n"
        "The Kestrian foreign ministry demanded that Valdoria withdraw its border guards from Mirn.\n"
        "Opposition groups in Orlen renewed their demands for the release of two detained journalists.\n"
    )
    assert reading.event_type is EventType.DEMAND


HUNT = """Hunts ride out in Kestria under new rules

Some 200 hunts rode out across the Orlen hills on Saturday, killing a total of 63 foxes.
Only three foxes were accidentally killed by hounds, the Kestrian Hunting Association said.
"""


def test_killing_animals_is_not_a_crime_event() -> None:
    assert read(HUNT).event_type is not EventType.CRIME


def test_killing_people_without_political_actors_is_still_crime() -> None:
    reading = read("Two men killed in Orlen robbery\n\nTwo shopkeepers were killed in a robbery in Orlen on Friday.\n")
    assert reading.event_type is EventType.CRIME


HYPOTHETICAL_DEAL = """Kestria plays down airline rescue

The Kestrian government played down reports that it would rescue the troubled airline Aerokest.
An official said a decree of some kind of intervention could be signed this week.
"""


def test_a_deal_that_could_be_signed_is_not_an_agreement() -> None:
    reading = read(HYPOTHETICAL_DEAL)
    assert reading.event_type is not EventType.AGREE
    assert reading.direction is not Direction.DE_ESCALATING


def test_a_deal_reported_as_signed_is_an_agreement() -> None:
    reading = read(
        "Kestria and Valdoria sign trade pact\n\n"
        "The governments of Kestria and Valdoria signed a trade pact in Orlen on Monday.\n"
    )
    assert reading.event_type is EventType.AGREE


ACTORS_PAGE = """Valtek in talks over Orlen Motors engines

Every carmaker in Kestria is watching the talks between Valtek and Orlen Motors.
Valtek said on Monday it would supply engines to Orlen Motors from next year.
The Kestrian brewer Hopsa also said Christmas sales of its lager were weak.
Christmas trading was hit by the Retail Hours Act, which came into force in March.
The Retail Hours Act limits Sunday opening, and a White Paper on trading hours is due.
Aids charities in Kestria welcomed the plan, and Aids groups held a rally in Orlen.
Every year Valtek and Orlen Motors meet in Mirn, near the submarine Kestrel base in the Mirn region.
The submarine Kestrel left port, and Italian and Danish buyers visited the Mirn region.
GM and Valtek each took a stake in Orlen Motors, and GM said it expected a quick deal.
"""


def test_actors_are_named_organisations_not_holidays_laws_diseases_places_or_adjectives() -> None:
    actors = read(ACTORS_PAGE).actors
    assert {"Valtek", "Orlen Motors"} <= set(actors)
    assert "GM" in actors
    junk = {"Every", "Christmas", "Retail Hours Act", "White Paper", "Aids", "Kestrel", "Mirn", "Italian", "Danish"}
    assert not junk & set(actors)


def test_a_demonym_before_an_actor_noun_names_its_state() -> None:
    reading = read(
        "Border talks stall\n\n"
        "Kestrian officials met Valdorian officials in Orlen on Monday.\n"
        "Italian troops and Italian officials joined the talks, and Italian diplomats stayed on.\n"
    )
    assert "Italy" in reading.actors
    assert "Italian" not in reading.actors


NOT_RULED_OUT = """Orlen Telecom weighs new service

Orlen Telecom said it had not ruled out offering a video service in Kestria next year.
"""

DO_NOT_SUPPORT = """Kestrian ministers reject lower drink-drive limit

Kestrian ministers do not support a lower limit, saying it is not clear it would cut casualties.
"""


def test_a_negated_low_level_event_did_not_happen() -> None:
    # "has not ruled out" is no rejection; "do not support" is no support
    assert read(NOT_RULED_OUT).event_type is not EventType.REJECT
    assert read(DO_NOT_SUPPORT).event_type is not EventType.SUPPORT


CLUB_DEAL = """Orlen United sign Kestby striker

Orlen United have agreed a fee for the Kestby striker, who has yet to agree personal terms.
The striker withdrew from the squad on Friday after a calf injury.
"""

PARTY_ROW = """Vell party attacks budget

The Vell Labour party criticised the budget plan on Monday.
"""


def test_a_low_level_event_needs_a_political_actor() -> None:
    # a club agreeing a fee is no AGREE, a player withdrawing no RETREAT; a party's criticism is DISAPPROVE
    assert read(CLUB_DEAL).event_type is EventType.NONE
    assert read(PARTY_ROW).event_type is EventType.DISAPPROVE


def test_a_wish_is_no_event() -> None:
    text = (
        "Lobby sets out aims\n\nWe would like the support of political parties for the pension rise, the union said.\n"
    )
    assert read(text).event_type is not EventType.SUPPORT


WELCOME_ADJECTIVE = """Orlen finance minister cuts tax

Orlen Finance Minister Tavo Renn cut the tax on fuel by 2%.
Economists said Mr Renn had made welcome announcements on pensions as well.
"""


def test_welcome_as_an_adjective_is_no_support() -> None:
    assert read(WELCOME_ADJECTIVE).event_type is not EventType.SUPPORT
    backed = WELCOME_ADJECTIVE.replace("had made welcome announcements", "warmly welcomed the announcements")
    assert read(backed).event_type is EventType.SUPPORT
