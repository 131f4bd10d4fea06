"""What an amount of money or a percentage measures when the words after it name only its unit (was "pounds")."""

from __future__ import annotations

import pytest

from tests.describing import describes


@pytest.mark.parametrize(
    ("text", "quantity", "expected"),
    [
        # the verb that takes, earns, owes or spends the money names what it is
        ("The Orvel film took £3.2m in its first weekend.", "£3.2m", "takings"),
        ("Marn Foods agreed to invest 240m pesos.", "240m", "investment"),
        ("The Kestrian carrier, which owes about $12m, is for sale.", "about $12m", "debt"),
        ("Vell Card said it earned $10m (£5.2m) in the third quarter.", "£5.2m", "earnings"),
        ("The Tarn board will spend an extra £500m a year on stations.", "£500m", "spending"),
        ("Vellcorp is spending $100m on new trains for Orvel.", "$100m", "spending"),
        # a noun that is also the verb keeps the noun phrase it ends
        ("Labour's Kestby campaign cost £1.7m.", "£1.7m", "Labour's Kestby campaign cost"),
        # what is worth, valued or put at the amount
        ("Halvik signed a contract worth £7m with Orlen.", "£7m", "a contract"),
        ("Brackby fell to Vellcorp in a deal worth $9bn.", "$9bn", "a deal"),
        ("The contract with the Tarn board was worth £7m a year.", "£7m", "The contract with the Tarn board"),
        ("He estimated the bank's loss at 3bn rupees.", "3bn", "the bank's loss"),
        ("The Orvel agency said estimates have put physical damage at $1.3bn.", "$1.3bn", "physical damage"),
        ("Crowds filled Orvel Square, with estimates putting attendance at 20,000.", "20,000", "attendance"),
        ("The Orvel tapes are valued at up to $50,000.", "up to $50,000", "The Orvel tapes"),
        # a change with an adverb, an adjective or a quotation mark before its amount
        ("Turnover at Brackby Rovers dropped sharply from £42m to £28m.", "£28m", "Turnover at Brackby Rovers"),
        ("Card fraud in Vell rose an annual 6% to £116m.", "6%", "Card fraud in Vell"),
        ("Orvel home prices rose a seasonally adjusted 0.5% in May.", "0.5%", "Orvel home prices"),
        ('Marn Rail cut its seat forecast by "approximately 2.5%".', "approximately 2.5%", "its seat forecast"),
        ("Halden's share price rose 4p or nearly 1% to 548p.", "nearly 1%", "Halden's share price"),
        ("Net profit came in at 1.4bn euros.", "1.4bn", "Net profit"),
        # the object of a change to or from a value, and an index's points
        (
            "The Tarn bank cut its growth forecast for the Kestrian economy from 1.8% to 0.8%.",
            "0.8%",
            "its growth forecast for the Kestrian economy",
        ),
        ("The Orlen index closed up 23 points to 6,661 on Thursday.", "23", "The Orlen index"),
        # a currency word, then its conversion, then what the money is
        ("A court ordered Lifan Motors to pay 1.47m yuan ($177,600) in compensation.", "1.47m", "compensation"),
        # but not a conversion followed by who or what did it
        ("Vellcorp was fined 1m euros ($1.3m) by the Kestrian regulator.", "1m", "fine"),
    ],
)
def test_money_and_percentages_say_what_they_measure(text: str, quantity: str, expected: str) -> None:
    assert describes(text, quantity) == expected
