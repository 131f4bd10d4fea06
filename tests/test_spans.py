"""Every quote, cue and evidence string of a record is placed in the article text it was made from."""

from __future__ import annotations

import copy
import hashlib
import random
from typing import Any

import pytest

from summarizer import Summarizer
from summarizer.models import SummaryRecord
from summarizer.quotes import ArticleIndex, find_missing, locate, normalize, quote_parts
from tests.conftest import SHARED, Recorder, answer_response, article, valdoria_answer

TEXT = article("valdoria-border.txt")

# A fictional article of this test's own, typeset the way wire copy often is:
# curly quotes, en and em dashes, doubled spaces and a line break inside a sentence.
ORLEN = (
    "Orlen port closes after \u201cserious\u201d  fire\n\n"
    "The harbour authority of Orlen said on Tuesday that about 1,200 containers were damaged\n"
    "when a fire spread through the eastern quay \u2013 the third blaze there this year.\n\n"
    "Officials said the fire was \u201clikely caused by a faulty crane\u201d, but the port\u2019s owners\n"
    "denied any fault. Insurers reportedly estimate losses at 40\u201360 million crowns.\n\n"
    "Kestrian investigators are said to be examining   the crane\u2019s logs. Shipping through the\n"
    "strait fell by 15 per cent, according to the maritime agency."
)


def orlen_answer(**changes: Any) -> dict[str, Any]:
    """An answer for ORLEN whose quotes differ from the text only in what the matcher forgives."""
    answer: dict[str, Any] = {
        "summary": "A fire damaged about 1,200 containers at Orlen's port; the cause is disputed.",
        "key_points": ["About 1,200 containers were damaged", "Losses are put at 40-60 million crowns"],
        "escalation": {
            "event_type": "NONE",
            "level": 0,
            "direction": "steady",
            "actors": ["Orlen harbour authority"],
            "rationale": "An industrial accident, not a political event.",
            # straight quotes, no doubled space, other case, an elision across sentences
            "evidence": ['ORLEN PORT CLOSES AFTER "SERIOUS" FIRE', "The harbour authority ... the eastern quay"],
        },
        "key_figures": [
            {
                "quantity": "about 1,200",
                "low": 1200,
                "high": 1200,
                "unit": "containers",
                "describes": "containers damaged by the fire",
                "source": "harbour authority",
                "status": "official",
                # a line break in the article, a plain space here; a hyphen for the en dash
                "quote": "about 1,200 containers were damaged when a fire spread through the eastern quay - the third",
            },
            {
                "quantity": "40-60 million crowns",
                "low": 40e6,
                "high": 60e6,
                "unit": "crowns",
                "describes": "estimated losses",
                "source": "insurers",
                "status": "estimate",
                "quote": "Insurers reportedly estimate losses at 40-60 million crowns.",
            },
        ],
        "hedges": [
            {
                "cue": "likely",
                "kind": "speculation",
                "claim": "a faulty crane caused the fire",
                "quote": 'the fire was "likely caused by a faulty crane", but the port\'s owners denied',
            },
            {
                "cue": "are said to",
                "kind": "attribution",
                "claim": "investigators examine the logs",
                "quote": "Kestrian investigators are said to be examining the crane's logs.",
            },
        ],
    }
    answer.update(changes)
    return answer


def assert_placed(record: SummaryRecord) -> None:
    """Every quoted string has one span, and each of its parts slices back to the same normalised text."""
    text = record.article_text
    assert text is not None
    quoted = dict(record.summary.quoted())
    assert sorted(s.field for s in record.spans) == sorted(quoted)
    for span in record.spans:
        parts = span.parts or [(span.start, span.end)]
        assert (span.start, span.end) == (parts[0][0], parts[-1][1])
        assert [normalize(text[a:b]) for a, b in parts] == quote_parts(quoted[span.field]), span.field


def by_field(record: SummaryRecord) -> dict[str, str]:
    """The article text each span covers, by field."""
    assert record.article_text is not None
    return {s.field: record.article_text[s.start : s.end] for s in record.spans}


def test_llm_answer_spans_slice_back_to_its_quotes(make_summarizer: Any) -> None:
    record = make_summarizer(Recorder(answer_response(valdoria_answer()))).summarize(TEXT)
    text = record.article_text
    assert text is not None and text == TEXT.strip()  # the ingested text, which content_sha256 is of
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == record.content_sha256
    assert_placed(record)
    assert by_field(record)["hedges[0].cue"] == "reportedly"
    for span in record.spans:  # no elision here: the whole slice is the quote
        assert normalize(text[span.start : span.end]) == normalize(dict(record.summary.quoted())[span.field])


def test_forgiven_differences_are_placed_on_the_original_characters(make_summarizer: Any) -> None:
    record = make_summarizer(Recorder(answer_response(orlen_answer()))).summarize(ORLEN)
    assert record.grounding.dropped == []
    assert_placed(record)
    placed = by_field(record)
    assert placed["escalation.evidence[0]"] == "Orlen port closes after \u201cserious\u201d  fire"
    assert "\n" in placed["key_figures[0].quote"] and "\u2013" in placed["key_figures[0].quote"]
    assert placed["key_figures[1].quote"].endswith("40\u201360 million crowns.")
    assert placed["hedges[0].quote"].startswith("the fire was \u201clikely")
    assert placed["hedges[1].quote"].endswith("examining   the crane\u2019s logs.")


def test_an_elided_quote_gets_its_parts(make_summarizer: Any) -> None:
    record = make_summarizer(Recorder(answer_response(orlen_answer()))).summarize(ORLEN)
    span = next(s for s in record.spans if s.field == "escalation.evidence[1]")
    assert span.parts is not None and len(span.parts) == 2
    assert [ORLEN[a:b] for a, b in span.parts] == ["The harbour authority", "the eastern quay"]
    assert ORLEN[span.start : span.end].startswith("The harbour authority of Orlen")
    assert all(s.parts is None for s in record.spans if s.field != "escalation.evidence[1]")


def test_a_quote_dropped_by_grounding_gets_no_span(make_summarizer: Any) -> None:
    bad = orlen_answer()
    invented = copy.deepcopy(bad["key_figures"][1])
    invented["quote"] = "Insurers put losses at 90 million crowns."
    bad["key_figures"].insert(0, invented)
    record = make_summarizer(Recorder(*[answer_response(bad) for _ in range(3)])).summarize(ORLEN)
    assert [d.field for d in record.grounding.dropped] == ["key_figures[0].quote"]
    # the two figures that stayed are now key_figures[0] and [1]: their spans follow them
    assert_placed(record)
    assert len(record.spans) == len(list(record.summary.quoted())) == 8
    assert "90 million" not in " ".join(by_field(record).values())
    assert by_field(record)["key_figures[1].quote"].startswith("Insurers reportedly")


def test_spans_survive_the_cache(make_summarizer: Any) -> None:
    rec = Recorder(answer_response(orlen_answer()))
    summarizer = make_summarizer(rec)
    first = summarizer.summarize(ORLEN)
    second = summarizer.summarize(ORLEN)
    assert second.cached and len(rec.requests) == 1
    assert second.spans == first.spans and second.article_text == ORLEN
    assert_placed(second)


def test_extractive_record_of_a_fictional_article_is_placed() -> None:
    with Summarizer(engine="extractive") as summarizer:
        record = summarizer.summarize(text=ORLEN)
        again = summarizer.summarize(text=ORLEN)
    assert list(record.summary.quoted())  # the engine found something to quote
    assert_placed(record)
    assert not any("no span" in w for w in record.warnings)
    assert again.cached and again.spans == record.spans


def test_spans_must_lie_inside_the_article_text(make_summarizer: Any) -> None:
    record = make_summarizer(Recorder(answer_response(valdoria_answer()))).summarize(TEXT)
    data = record.model_dump()
    data["spans"][0]["end"] = len(TEXT) + 1
    with pytest.raises(ValueError, match="not inside the article text"):
        SummaryRecord.model_validate(data)


@pytest.mark.parametrize(
    ("article_text", "quote", "expected"),
    [
        ("He said \u201cno\u201d.", 'said "NO"', "said \u201cno"),
        ("A  \t wide\n gap", "a wide gap", "A  \t wide\n gap"),
        ("Cafe\u0301 opens", "CAF\u00c9 opens", "Cafe\u0301 opens"),  # combining marks vs composed
        ("the \ufb01nal count", "final", "\ufb01nal"),  # a ligature is one character in the article
        ("zero\u200bwidth", "zerowidth", "zero\u200bwidth"),
        ("  padded  ", "padded", "padded"),
    ],
)
def test_locate_maps_normalised_matches_to_original_characters(article_text: str, quote: str, expected: str) -> None:
    placed = locate(article_text, quote)
    assert placed is not None and len(placed) == 1
    start, end = placed[0]
    assert article_text[start:end] == expected


def test_locate_prefers_an_occurrence_on_whole_characters() -> None:
    text = "the \ufb01x, then a fix"
    # "ix" occurs inside the ligature first; the whole-character occurrence is later
    assert [text[a:b] for a, b in locate(text, "ix") or []] == ["ix"]
    assert locate(text, "ix") == [(len(text) - 2, len(text))]


def test_locate_accepts_exactly_what_the_rule_accepts() -> None:
    index = ArticleIndex(ORLEN)
    for quote in [
        "fire was likely",
        "the crane's logs",
        "Orlen ... Kestrian ... strait",
        "strait ... Orlen",  # parts out of order
        "fire was unlikely",
        "...",
        "",
    ]:
        accepted = not find_missing(normalize(ORLEN), [("q", quote)])
        assert (index.locate(quote) is not None) == accepted, quote


SEEDS = sorted((SHARED / "seeds").glob("*.txt"))


def test_every_extractive_quote_of_the_seeds_is_placed() -> None:
    assert SEEDS
    checked = 0
    with Summarizer(engine="extractive", use_cache=False) as summarizer:
        for path in SEEDS:
            record = summarizer.summarize(path=path)
            assert_placed(record)
            checked += len(record.spans)
    assert checked > 0


def _retyped(words: list[str], rng: random.Random) -> str:
    """A quote of these words as a model might retype it: case, spacing, quote marks, dashes, one elision."""
    out = []
    for word in words:
        word = word.upper() if rng.random() < 0.2 else word
        word = word.replace("'", "\u2019").replace('"', "\u201d").replace("-", "\u2014")
        out.append(word)
    if len(out) > 6 and rng.random() < 0.5:
        cut = rng.randrange(2, len(out) - 3)
        out[cut : cut + 2] = ["..."]
    return ("  " if rng.random() < 0.3 else " ").join(out)


def test_retyped_windows_of_the_seeds_are_placed_on_what_they_quote() -> None:
    rng = random.Random(12)
    checked = 0
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        index = ArticleIndex(text)
        words = text.split()
        for _ in range(40):
            start = rng.randrange(0, max(1, len(words) - 12))
            quote = _retyped(words[start : start + rng.randrange(3, 12)], rng)
            placed = index.locate(quote)
            assert placed is not None, quote
            assert [normalize(text[a:b]) for a, b in placed] == quote_parts(quote), quote
            checked += 1
    assert checked == 40 * len(SEEDS)
