"""A description is a noun phrase: no comparison ('lower', 'more'), no verb left over ('expected to fetch')."""

from __future__ import annotations

import pytest

from tests.describing import describes


@pytest.mark.parametrize(
    ("text", "quantity", "expected"),
    [
        # a comparison after the figure: what is compared is the subject (was "lower", "more expensive", "higher")
        (
            "Earnings from Orvel tourism are expected to be 15% lower than last year.",
            "15%",
            "Earnings from Orvel tourism",
        ),
        ("Kestrian crude is still 30% more expensive than in January.", "30%", "Kestrian crude"),
        ("Vellcorp said its annual profit will be £5m lower than forecast.", "£5m", "its annual profit"),
        ("Marn wheat stocks were about 7.5% below the levels of a year ago.", "about 7.5%", "Marn wheat stocks"),
        # but a comparative before a noun is a noun phrase
        ("Marn Rovers opened 20 more additional training pitches.", "20", "more additional training pitches"),
        ("The Orlen plan leaves Vell United with £200m less debt.", "£200m", "less debt"),
        # what a verb raises, boosts or extends, in any of its forms (was "per cent", "police")
        ("The Tarn budget aims to boost police numbers by 1,000.", "1,000", "police numbers"),
        (
            "Kestria plans to raise the pension age for council workers from 60 to 65.",
            "60",
            "the pension age for council workers",
        ),
        ("Halvik was extending its winning run to 24.", "24", "its winning run"),
        ("The Orvel deal helps the carrier, which is cutting costs by $1bn a year.", "$1bn", "costs"),
        # a noun phrase that is forecast, then "to" and its verb
        ("President Vell plans to cut a record deficit projected to peak at $427bn.", "$427bn", "a record deficit"),
        ("With Orvel exports predicted to grow from 19% to 37% by 2009.", "19%", "Orvel exports"),
        # "more than" after the noun phrase compares the next figure: the verb before it is no part of it
        ("Only 16% of Orvel women earn more than £50,000.", "Only 16%", "Orvel women"),
        ("Halvik employs 9,000 people in more than 12 countries.", "9,000", "people"),
        ("The Orvel fund pays ten times more than Vell does.", "ten", "times"),
        # a relative pronoun stands for the noun phrase before it (was "per cent", "dollars")
        (
            "Trade slowed in the faltering Kestrian economy, which shrank 0.2% last quarter.",
            "0.2%",
            "the faltering Kestrian economy",
        ),
        ("Marn Holdings controls 48% of the group, which is worth $17bn.", "$17bn", "the group"),
        ("Orvel tourism is an industry that is growing by 6% a year.", "6%", "an industry"),
        (
            "Some progress came thanks to Orvel's oil revenues, which have exceeded $22bn.",
            "$22bn",
            "Orvel's oil revenues",
        ),
        # verbs of passing a level
        ("Sales of Orvel's novels have exceeded 75 million.", "75 million", "Sales of Orvel's novels"),
        ("The Vell vase is thought to have cost around $15m.", "around $15m", "cost"),
        # a subject after its verb's clause is no object: "is down to" is a level, not a verb's object
        (
            "The rate of growth in Orvel is down to 10.2%, the lowest since 2001.",
            "10.2%",
            "The rate of growth in Orvel",
        ),
    ],
)
def test_descriptions_are_noun_phrases(text: str, quantity: str, expected: str) -> None:
    assert describes(text, quantity) == expected


@pytest.mark.parametrize(
    ("text", "quantity", "fragment"),
    [
        ("That was 26% more than in Orvel last year.", "26%", "more"),
        ("The Tarn vase is expected to fetch around $500,000.", "around $500,000", "fetch"),
        ("Marn Steel slid after it agreed to pay 72% more for iron ore.", "72%", "more for iron ore"),
        ("The Orvel index has kept growth above 9% for a year.", "9%", "kept growth above"),
        ("Kestby were 2-1 down at half-time.", "2-1", "down at half-time"),
    ],
)
def test_no_fragment_is_a_description(text: str, quantity: str, fragment: str) -> None:
    assert fragment not in describes(text, quantity)


@pytest.mark.parametrize(
    ("text", "quantity", "expected"),
    [
        # an adjunct after the figure is not what it counts (was "on their speed", "the news", "a further")
        ("Then the final 25 were tested on their speed.", "25", ""),
        ("Almost a third are interested in listening to Orvel music.", "Almost a third", ""),
        ("Orvel shares rose 10.7% on the news.", "10.7%", "Orvel shares"),
        ("Analysts in Vell said the deficit could end up a further $100bn.", "$100bn", ""),
        ("Marn Bank said it believed rates would stay at 4.75% until the spring.", "4.75%", "rates"),
        # a passive's agent or source is no place (was "people by the polling firm Orvelscan")
        ("A total of 22,953 people were surveyed by the polling firm Orvelscan.", "22,953", "people"),
        ("Four people were pulled from the rubble in Kestby.", "Four", "people"),
        # but a place stays, and an agent or a measure right after the figure stays
        ("About 19,000 are now positioned at the Kestrian border.", "About 19,000", "at the Kestrian border"),
        ("The Orvel firm is 85% owned by the state and 15% by its staff.", "15%", "its staff"),
        ("Orvel museums saw increases of more than 10% in visitor numbers.", "more than 10%", "visitor numbers"),
    ],
)
def test_adjuncts_are_not_what_is_counted(text: str, quantity: str, expected: str) -> None:
    assert describes(text, quantity) == expected
