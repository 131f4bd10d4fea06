"""News puts its main development first: the lead opens the summary when it reads on its own."""
# ruff: noqa: E501

from __future__ import annotations

from summarizer.extractive import extract
from summarizer.extractive.sentences import split_sentences
from summarizer.extractive.summary import key_points

# The lead shares few words with the rest, which repeats its own details: by centrality alone the
# detail sentences win and the ruling is left out.
RULING = """Vellcorp loses Orlen bankruptcy battle

A judge has dismissed an attempt by the Kestrian oil firm Vellcorp to gain bankruptcy protection in Orlen.

Vellcorp had argued that a court in Orlen was entitled to declare Vellcorp bankrupt, since Vellcorp has bank accounts in Orlen.
Vellcorp claimed it sought help from a court in Orlen because other courts in Kestria were unfriendly to Vellcorp.
The court in Orlen heard that Vellcorp has bank accounts, offices and a finance chief in Orlen.
Vellcorp said it would consider its options in Orlen and in Kestria in light of the ruling by the court in Orlen.
Lawyers for Vellcorp told the court in Orlen that the sale of its Kestrian unit should have been halted.
The Kestrian unit of Vellcorp was sold at auction in Kestria, which Vellcorp told the court in Orlen was illegal.
"""

# A lead that leans on a sentence before it is not forced in.
LEANING = """Kestrian grain prices rise

He said the harbour would reopen on Monday after the storm.

Grain prices in Kestria rose while the port of Orlen was closed for a week.
The port of Orlen handles most of the grain shipped from Kestria, traders in Kestria said.
Traders in Kestria said grain prices would ease once the port of Orlen reopened.
"""


def test_the_lead_opens_the_summary() -> None:
    summary = extract(RULING).summary
    assert summary.startswith("A judge has dismissed an attempt by the Kestrian oil firm Vellcorp")


def test_a_lead_that_does_not_read_alone_is_not_forced_in() -> None:
    assert not extract(LEANING).summary.startswith("He said")


def test_a_key_point_reads_on_its_own() -> None:
    text = """Orlen grain trade slows

Grain exports from the port of Orlen fell sharply in March, traders in Kestria said.
The storm was the worst seen on that coast since 1987, when Tomas Brell first went to sea.
He said grain ships would leave for Kestria once prices eased.
The port of Orlen reopened on Friday.
"""
    sentences = split_sentences(text)
    lead, brell, loose, port = sentences[1:5]
    # ranked with the loose sentence first, as centrality may put it: it still needs the one before it
    ranked = [(1.0, loose), (0.9, port), (0.8, lead), (0.1, brell)]
    points = key_points(ranked, sentences, limit=3, summary=[lead])
    assert not any(p.startswith("He said") for p in points)
    points = key_points(ranked, sentences, limit=4, summary=[lead, brell])
    assert any(p.startswith("He said") for p in points)


def test_a_title_line_is_not_taken_for_the_lead() -> None:
    # a title ending in a full stop, above a datelined lead; and a title with no stop at all
    datelined = (
        "Vell party begins roll call vote to nominate Osk.\n\n"
        "ORLEN (AP) — The Vell party began the roll call vote on Tuesday that will end with delegates naming Tomas Osk.\n"
        "Delegates from each of the 40 districts of Vell cast their votes in turn on the floor of the Orlen hall.\n"
        "Osk needs 1,200 votes, and his aides said he would pass that mark before midnight in Orlen.\n"
    )
    assert extract(datelined).summary.startswith("ORLEN (AP) — The Vell party began")
    unstopped = (
        "New drink limit in Vell 'would cut toll'\n\n"
        "More lives than thought could be saved by cutting the drink-drive limit in Vell by a third, a report says.\n"
        "The report by the Orlen road institute looked at crashes in Vell over ten years.\n"
    )
    assert extract(unstopped).summary.startswith("More lives than thought")
