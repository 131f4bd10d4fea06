"""What a story says: compatible figures, doubt first, one lead article, no teasers, the watch."""

from __future__ import annotations

import re
from typing import Any

import pytest

from summarizer import SummaryRecord
from summarizer.batch import run_batch
from summarizer.digest import (
    Digest,
    FigureRow,
    build_digest,
    compatible,
    discrepancies,
    is_teaser,
    load_records,
    source_name,
)
from summarizer.digest.rendering import MAX_HEDGES, render_html, render_markdown
from summarizer.digest.stories import story
from summarizer.models import Hedge, KeyFigure
from tests.conftest import SHARED

SEEDS = SHARED / "seeds"


@pytest.fixture(scope="module")
def seed_records(tmp_path_factory: pytest.TempPathFactory) -> list[SummaryRecord]:
    out = tmp_path_factory.mktemp("seeds") / "out.jsonl"
    run_batch(SEEDS, out=out, engine="extractive", use_cache=False)
    return load_records(out.read_text(encoding="utf-8").splitlines())[0]


@pytest.fixture(scope="module")
def seed_digest(seed_records: list[SummaryRecord]) -> Digest:
    return build_digest(seed_records)


def row(quantity: str, low: float | None, high: float | None, article: str, unit: str = "troops") -> FigureRow:
    return FigureRow(
        quantity=quantity,
        low=low,
        high=high,
        unit=unit,
        describes="troops massed near the Kestrian border",
        claimed_by=None,
        status="estimate",
        article_id=article,
        source=1 if article == "a" else 2,
    )


# 1. sources differ only when their numbers cannot all be true


def test_a_value_inside_a_stated_range_is_no_discrepancy(seed_digest: Digest) -> None:
    belarus = next(s for s in seed_digest.stories if {x.source_path[:3] for x in s.sources} == {"000", "001"})
    quantities = {f.quantity for d in belarus.discrepancies for f in d.figures}
    assert "about 19,000" in {f.quantity for f in belarus.figures}
    assert "about 19,000" not in quantities  # it lies inside 15,000 to 20,000


@pytest.mark.parametrize(
    ("a", "b", "fits"),
    [
        (("approximately 15,000 to 20,000", 15000, 20000), ("about 19,000", 19000, 19000), True),
        (("about 20,000", 20000, 20000), ("21,500", 21500, 21500), True),  # within what "about" allows
        (("20,000", 20000, 20000), ("21,500", 21500, 21500), False),
        (("more than 10,000", 10000, None), ("12,000", 12000, 12000), True),
        (("more than 10,000", 10000, None), ("8,000", 8000, 8000), False),
        (("up to 5,000", None, 5000), ("4,000", 4000, 4000), True),
        (("up to 5,000", None, 5000), ("8,000", 8000, 8000), False),
        (("at least 3,000", 3000, None), ("fewer than 2,500", None, 2500), False),
    ],
)
def test_compatible_figures(a: tuple[str, float, float | None], b: tuple[str, float, float | None], fits: bool) -> None:
    x, y = row(a[0], a[1], a[2], "a"), row(b[0], b[1], b[2], "b")
    assert compatible(x, y) is fits and compatible(y, x) is fits
    assert bool(discrepancies([x, y])) is not fits


def test_a_discrepancy_says_by_how_much() -> None:
    [far] = discrepancies([row("about 19,000", 19000, 19000, "a"), row("50,000", 50000, 50000, "b")])
    assert far.gap == "2.6x" and far.ratio == pytest.approx(50000 / 19000, abs=1e-3)
    [near] = discrepancies([row("20,000", 20000, 20000, "a"), row("25,000", 25000, 25000, "b")])
    assert near.gap == "25% apart"


def valdoria(
    template: SummaryRecord,
    ident: str,
    *,
    title: str | None,
    summary: str,
    level: int = 3,
    evidence: list[str] | None = None,
    hedges: list[tuple[str, str]] | None = None,
    figures: list[KeyFigure] | None = None,
    **fields: Any,
) -> SummaryRecord:
    """A record about fictional places, built on a real record's shape."""
    esc = template.summary.escalation.model_copy(
        update={"level": level, "evidence": [summary.split(". ")[0]] if evidence is None else evidence}
    )
    made = [
        Hedge(cue=cue, kind=kind, claim=f"claim {n}", quote=f"{cue} claim {n}")
        for n, (cue, kind) in enumerate(hedges or [])
    ]  # type: ignore[arg-type]
    body = template.summary.model_copy(
        update={"summary": summary, "key_points": [], "escalation": esc, "hedges": made, "key_figures": figures or []}
    )
    return template.model_copy(
        update={"article_id": ident, "title": title, "summary": body, "source_path": f"{ident}.txt", **fields}
    )


# 2. hedges: doubt first, and say how many more


def test_hedges_rank_doubt_first_and_say_how_many_more(seed_records: list[SummaryRecord]) -> None:
    kinds = [("reportedly", "attribution")] * 6 + [("about", "approximation")] * 3
    kinds += [("may", "speculation")] * 3 + [("denied", "denial"), ("no confirmation", "unconfirmed")]
    record = valdoria(
        seed_records[0], "v1", title="Valdoria moves armour north", summary="Valdoria moved armour.", hedges=kinds
    )
    built = story([record], 1)
    order = [h.kind for h in built.hedged]
    assert order[:5] == ["unconfirmed", "denial", "speculation", "speculation", "speculation"]
    assert order[-3:] == ["approximation"] * 3
    digest = build_digest([record])
    page, text = render_html(digest), render_markdown(digest)
    more = f"and {len(kinds) - MAX_HEDGES} more hedged claims"
    assert more in page and more in text
    assert "no confirmation" in page and "no confirmation" in text


def test_seed_unconfirmed_claims_are_shown(seed_digest: Digest) -> None:
    page, text = render_html(seed_digest), render_markdown(seed_digest)
    for story_ in seed_digest.stories:
        for h in story_.hedged:
            if h.kind in ("unconfirmed", "denial"):
                assert h.cue in page and h.cue in text


# 3. one lead article: headline, brief and evidence agree; no teasers


def test_headline_brief_and_evidence_come_from_one_article(
    seed_records: list[SummaryRecord], seed_digest: Digest
) -> None:
    by_id = {r.article_id: r for r in seed_records}
    for s in seed_digest.stories:
        members = [by_id[x.article_id] for x in s.sources]
        head = [r for r in members if r.title == s.headline]
        assert head, s.headline
        lead = head[0]
        assert s.escalation.article_id == lead.article_id
        assert s.brief.split(". ")[0].rstrip(".") in lead.summary.summary


def test_briefs_leave_out_teasers(seed_records: list[SummaryRecord], seed_digest: Digest) -> None:
    for s in seed_digest.stories:
        assert "Explore" not in s.brief and "?" not in s.brief
        assert not any(is_teaser(q) for q in s.escalation.evidence)
    summary = (
        "Valdorian tanks crossed into the Orlen valley on Tuesday, the defence ministry said. "
        "Explore what this means for the region in our live coverage. "
        "This development raises serious concerns about stability in the north. "
        "Read more about the Valdorian army here. "
        "Kestria recalled its ambassador from Valdoria the same evening."
    )
    record = valdoria(seed_records[0], "v2", title="Valdorian tanks enter the Orlen valley", summary=summary)
    brief = story([record], 1).brief
    assert brief.startswith("Valdorian tanks crossed") and "Kestria recalled" in brief
    assert "Explore" not in brief and "raises serious concerns" not in brief and "Read more" not in brief


@pytest.mark.parametrize(
    ("sentence", "teaser"),
    [
        ("Discover how the talks in Orlen could end.", True),
        ("Click here to subscribe to our newsletter.", True),
        ("This move raises questions about Kestria's next step.", True),
        ("Is Valdoria preparing to invade?", True),
        ("This move puts 4,000 more troops on the border.", False),
        ("Kestria said the talks would resume in March.", False),
        ("Watchdogs in Valdoria fined the bank.", False),
    ],
)
def test_teaser_rule(sentence: str, teaser: bool) -> None:
    assert is_teaser(sentence) is teaser


# 4. untitled sources are named by their publisher, host or file


def test_untitled_sources_have_a_readable_name(seed_records: list[SummaryRecord]) -> None:
    base = seed_records[0]
    plain = base.model_copy(update={"title": None, "publisher": None, "url": None, "source_path": "in/042_x.txt"})
    assert source_name(plain) == "untitled article (042_x.txt)"
    assert source_name(plain.model_copy(update={"url": "https://www.orlen-post.example/a/1"})) == "orlen-post.example"
    assert source_name(plain.model_copy(update={"publisher": "Orlen Post"})) == "Orlen Post"


# the watch: level 3 or above with evidence, nothing else


def test_escalation_watch_needs_level_three_with_evidence(seed_records: list[SummaryRecord]) -> None:
    t = seed_records[0]
    match = valdoria(
        t, "s1", title="Orlen Rovers beat Kestria City in cup final", summary="The Rovers won.", level=4, evidence=[]
    )
    real = valdoria(t, "w1", title="Valdoria masses troops at the Kestrian border", summary="Troops gathered.", level=3)
    calm = valdoria(t, "c1", title="Orlen bank raises rates", summary="Rates rose.", level=1)
    digest = build_digest([match, real, calm])
    assert "Valdoria masses troops" in digest.escalation_watch
    assert "Orlen Rovers" not in digest.escalation_watch
    assert re.search(r"\b1 of 3 stories\b", digest.escalation_watch)
    none = build_digest([match, calm])
    assert "no story at level 3 or above with evidence" in none.escalation_watch


def test_figures_about_different_things_are_not_compared() -> None:
    a = row("£24bn", 24e9, 24e9, "a", unit="pounds").model_copy(update={"describes": "pounds"})
    b = row("£30bn", 30e9, 30e9, "b", unit="pounds").model_copy(update={"describes": "pounds in tax cuts"})
    assert discrepancies([a, b]) == []
    c = row("1.3652", 1.3652, 1.3652, "a", unit="dollars").model_copy(update={"describes": "versus the euro on Friday"})
    d = row("1.3666", 1.3666, 1.3666, "b", unit="dollars").model_copy(update={"describes": "versus the euro on Friday"})
    [close] = discrepancies([c, d])
    assert close.gap == "0.1% apart"
