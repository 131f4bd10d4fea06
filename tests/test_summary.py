"""The summary and key points: no teasers or filler, the headline's developments covered, whole clauses."""

from __future__ import annotations

import pytest

from summarizer.extractive import extract
from summarizer.extractive.sentences import Sentence, split_sentences
from tests.conftest import SHARED, article

SEEDS = SHARED / "seeds"
BBC = SHARED / "corpus" / "bbc-news"

# Teasers, calls to action, reader address and filler written for these tests (not from any page).
TEASERS = [
    "Explore the implications of these troop movements for the wider region.",
    "Read more about the Kestrian army and its frontier brigades on our partner sites.",
    "If you live near the frontier, you should follow the guidance of local authorities.",
    "This development raises concerns about the potential impact on regional stability and ongoing peace efforts.",
    "Subscribe to our newsletter for daily updates on the Kestrian frontier and the border crisis.",
    "With the situation rapidly evolving, the international community is closely monitoring developments along the "
    "frontier.",
]
FUNCTION_WORDS = {"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "and", "or", "but", "as", "from"}


def seed(n: int) -> str:
    return next(SEEDS.glob(f"{n:03d}_*.txt")).read_text(encoding="utf-8")


def test_teasers_and_filler_of_the_fictional_article_are_never_chosen() -> None:
    text = article("kestria-two-fronts.txt")
    assert all(t in text for t in TEASERS)
    record = extract(text)
    for teaser in TEASERS:
        assert teaser not in record.summary
        assert all(teaser[:40] not in point for point in record.key_points)


@pytest.mark.parametrize(
    "sentence",
    [
        *TEASERS,
        "Click on the link below to watch the full interview with the Orlen admiral.",
        "Don't miss our live coverage of the Valdorian elections tonight.",
        "What are your experiences of the new Kestrian border checks?",
        "Whether the new rules will work remains to be seen.",
        "Share this story with your friends.",
        "Here\u2019s what the new Orlen tariffs mean for your weekly shopping.",
        "The deployment of Kestrian troops in the Orlen conflict raises numerous strategic concerns.",
    ],
)
def test_furniture_rules_flag_calls_to_action_reader_address_and_filler(sentence: str) -> None:
    from summarizer.extractive.furniture import is_furniture

    assert is_furniture(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Read, the singer, said all money raised by the single would go to the Orlen flood appeal.",
        "Download sales in Kestria rose by 12% last year, the music industry body said.",
        "Watchdog officials in Valdoria said the merger raised concerns about prices for 40,000 customers.",
        '"You can tell how a film will do from its first weekend," the Kestrian producer said.',
        "Mobile phones let you pay for bus tickets in three Orlen cities.",
        "This move raises concerns among Tavian farmers, the Orlen agriculture minister said.",
        "Customers who sign up for the service before March pay half the fee.",
        "The deployment of Kestrian troops raised concerns among Orlen farmers.",
        "The Orlen plan raises questions over the cost.",
    ],
)
def test_furniture_rules_leave_news_sentences_alone(sentence: str) -> None:
    from summarizer.extractive.furniture import is_furniture

    assert not is_furniture(sentence)


def test_fictional_two_part_headline_gets_both_developments() -> None:
    # The headline: Kestria sends tanks to the frontier AS Orlen seizes the port of Sarnak; the port's
    # capture comes late in the article, after many sentences about the tanks.
    record = extract(article("kestria-two-fronts.txt"))
    assert "Sarnak" in record.summary
    assert "Kestrian armoured brigades" in record.summary or "tanks" in record.summary
    assert any("Sarnak" in point for point in record.key_points)


def test_seed_000_summary_covers_both_headline_developments() -> None:
    text = seed(0)
    headline = next(s.text for s in split_sentences(text) if "Belarus" in s.text and " as Russia" in s.text)
    assert "Claims" in headline  # the second development: Russia claims a town
    summary = extract(text).summary
    assert "Lukashenko" in summary and "border" in summary  # Belarus moves troops to the border
    assert "capture of the town" in summary  # Russia claims the town


def test_seed_teasers_are_not_in_any_summary() -> None:
    for n in range(5):
        record = extract(seed(n))
        text = record.summary + " ".join(record.key_points)
        assert "Explore the implications" not in text
        assert "This development raises concerns" not in text
        assert "closely monitoring developments" not in text


def _articles() -> list[str]:
    return [seed(n) for n in range(5)] + [
        p.read_text(encoding="utf-8", errors="replace") for p in sorted(BBC.glob("*/*.txt"))[::25]
    ]


def test_key_points_are_whole_clauses_never_cut_mid_phrase() -> None:
    texts = _articles()
    assert len(texts) > 80
    for text in texts:
        sentences = {s.text for s in split_sentences(text)}
        for point in extract(text).key_points:
            if point in sentences:
                continue  # a whole sentence of the article, as written there
            assert not point.endswith(("\u2026", "...")), point
            assert point.endswith("."), point
            assert point.rstrip(".").split()[-1].lower() not in FUNCTION_WORDS, point
            # a part of one sentence (its first letter may be raised), cut where a clause ends
            core = point[1:-1]
            source = next(s for s in sentences if core in s)
            after = source[source.index(core) + len(core) :].lstrip()
            assert after[:1] in {",", ";", "-", "\u2013", "\u2014", ".", "!", "?", ""}, point


def test_long_sentence_becomes_its_main_clause() -> None:
    from summarizer.extractive.clauses import main_clause

    long = (
        "As the Kestrian army moved its tanks north, Orlen's navy took control of the port of Sarnak on the "
        "Tavian Sea, which had been held by a small garrison since the war of 1983 and guarded by two old forts."
    )
    point = main_clause(long, 30)
    assert point == "Orlen's navy took control of the port of Sarnak on the Tavian Sea."
    short = "Orlen's navy took control of the port of Sarnak on Wednesday."
    assert main_clause(short, 30) == short


# a fictional article: its headline's one development is told once, in the lead
RATES_ON_HOLD = (
    "Orlen central bank holds interest rates\n"
    "\n"
    "The Orlen central bank has held its main interest rate at 4.5% for a fifth month in a row.\n"
    "\n"
    "Interest rates in Orlen rose four times last year as house prices and consumer spending grew quickly.\n"
    "\n"
    "Economists say house prices and consumer spending in Orlen will decide whether rates rise again this year.\n"
    "\n"
    "Consumer spending in Orlen rose 3% in the year to May, while house prices rose 7% over the same period.\n"
    "\n"
    "Some economists say house prices are now rising more slowly and that consumer spending will cool.\n"
    "\n"
    '"House prices and spending are the two things we watch," said Dana Kell, an economist at Vell Capital.\n'
    "\n"
    "Others expect house prices to keep rising and think spending in Orlen will stay strong into the autumn.\n"
)


def test_a_plain_headline_gets_its_covering_sentence() -> None:
    # The headline's one development (the bank holds rates) is told once, in the lead; the rest of the
    # article is background that shares more words with itself (house prices, spending) than with the lead.
    record = extract(RATES_ON_HOLD)
    assert "held its main interest rate at 4.5%" in record.summary


def test_a_sentence_that_points_back_comes_only_after_the_one_it_points_to() -> None:
    from summarizer.extractive.summary import choose_summary

    text = (
        "Orlen city council has voted for a new tram line from the harbour to the university.\n"
        "Tomas Brell, who leads the opposition group on the council, voted against it on Monday.\n"
        "He said the tram line would cost the city far more than the council has set aside for it.\n"
        "However, she said the levy on parking in the city centre would pay for the whole line.\n"
        "Shop owners in the city centre fear a levy on parking will keep shoppers away from it.\n"
    )
    sentences = split_sentences(text)
    first, brell, he, she, shops = sentences
    ranked = [(1.0, he), (0.9, she), (0.8, first), (0.7, shops)]
    chosen = choose_summary(ranked, sentences, headline=None)
    assert he not in chosen and she not in chosen  # "He said ...", "However, she said ...": who?
    assert first in chosen and shops in chosen
    # after the sentence it points back to, it may come, even when ranked above it
    for ranked in ([(1.0, brell), (0.95, he), (0.8, first)], [(1.0, he), (0.8, first), (0.1, brell)]):
        chosen = choose_summary(ranked, sentences, headline=None)
        assert he in chosen and brell in chosen
    # "This year ...", "It is thought ...": no pointer back
    from summarizer.extractive.summary import _DANGLING

    assert not _DANGLING.match("This year the Orlen council will spend more.")
    assert not _DANGLING.match("It is thought the harbour wall could fail.")


# A fictional article for the anchor rules: each later sentence leans on one before it.
VELMORA = (
    "The Velmora port board raised harbour tolls by 12% on Monday, saying the breakwater needs repair.\n"
    "A senior member of the town council, Edwin Tarrow, called the rise a tax on the fishing fleet.\n"
    "Mr Tarrow said crews would land their catch at Ostrel, a smaller port further up the coast.\n"
    "Tarrow added that the board had not asked the crews before it voted for the new tolls.\n"
    "The board's chairwoman, Ida Sorn, said the tolls were the first rise in nine years.\n"
    '"We cannot keep the breakwater standing on the tolls of the last decade."\n'
    "Instead, the board will ask the regional treasury to pay half of the repair bill.\n"
    "Trawler owners in Velmora say fuel costs have already doubled over the past two years.\n"
    "The report said the breakwater could fail in a winter storm within five years.\n"
)


def _velmora() -> list[Sentence]:
    sentences = split_sentences(VELMORA)
    assert len(sentences) == 9
    return sentences


@pytest.mark.parametrize("which", [2, 3])  # "Mr Tarrow said ...", "Tarrow added ..."
def test_a_person_named_only_by_surname_comes_only_after_the_sentence_naming_them_in_full(which: int) -> None:
    from summarizer.extractive.summary import choose_summary

    sentences = _velmora()
    lead, intro, bare = sentences[0], sentences[1], sentences[which]
    fleet = sentences[7]
    chosen = choose_summary([(1.0, bare), (0.9, lead), (0.8, fleet)], sentences, headline=None)
    assert bare not in chosen and lead in chosen  # Mr Tarrow: who is he?
    chosen = choose_summary([(1.0, bare), (0.9, lead), (0.1, intro)], sentences, headline=None)
    assert bare in chosen and intro in chosen  # after "Edwin Tarrow" he may come, though ranked above
    # a headline naming him in full introduces him too
    headline = split_sentences("Edwin Tarrow attacks Velmora toll rise\n")[0]
    chosen = choose_summary([(1.0, bare), (0.9, lead), (0.8, fleet)], sentences, headline=headline)
    assert bare in chosen


def test_a_bare_quotation_comes_only_after_its_speakers_sentence() -> None:
    from summarizer.extractive.summary import choose_summary

    sentences = _velmora()
    lead, speaker, quote, fleet = sentences[0], sentences[4], sentences[5], sentences[7]
    chosen = choose_summary([(1.0, quote), (0.9, lead), (0.8, fleet)], sentences, headline=None)
    assert quote not in chosen and lead in chosen and fleet in chosen  # whose words?
    chosen = choose_summary([(1.0, quote), (0.9, lead), (0.2, speaker)], sentences, headline=None)
    assert quote in chosen and speaker in chosen


@pytest.mark.parametrize("which", [6, 8])  # "Instead, ...", "The report said ..."
def test_an_opening_connective_or_unintroduced_the_comes_only_after_what_it_leans_on(which: int) -> None:
    from summarizer.extractive.summary import choose_summary

    sentences = _velmora()
    lead, leaning, other = sentences[0], sentences[which], sentences[1]
    chosen = choose_summary([(1.0, leaning), (0.9, lead), (0.8, other)], sentences, headline=None)
    assert leaning not in chosen and lead in chosen and other in chosen
    # after the sentences it leans on (for "Instead": the quotation, after its speaker), it may come
    before = [sentences[4], sentences[5]] if which == 6 else [sentences[7]]
    ranked = [(1.0, leaning), (0.9, lead), *((0.2, s) for s in before)]
    chosen = choose_summary(ranked, sentences, headline=None)
    assert leaning in chosen and all(s in chosen for s in before)


def test_the_report_said_reads_once_a_report_is_in_the_summary() -> None:
    from summarizer.extractive.summary import choose_summary

    text = VELMORA + "A report by the Velmora harbour engineers was published on Friday.\n"
    sentences = split_sentences(text)
    report, lead, published = sentences[8], sentences[0], sentences[9]
    chosen = choose_summary([(1.0, report), (0.9, lead), (0.8, published)], sentences, headline=None)
    assert report not in chosen  # the report comes after "The report said": no report yet
    headline = split_sentences("Velmora engineers' report warns of breakwater failure\n")[0]
    chosen = choose_summary([(1.0, report), (0.9, lead), (0.8, published)], sentences, headline=headline)
    assert report in chosen
