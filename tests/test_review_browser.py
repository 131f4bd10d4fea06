"""The review page in headless Chromium: every highlight at its record span (on the DOM), no overflow at 375 px."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from summarizer import SummaryRecord
from summarizer.api import Summarizer
from summarizer.digest import render_review
from summarizer.models import DroppedQuote, GroundingReport
from tests.chromium import needs_chromium, probe_layout
from tests.conftest import SHARED

SEED = SHARED / "seeds" / "000_1adc511133575a93.txt"

# Runs inside the probe page: lays the review page out in an iframe of the given width, then reports each
# highlight piece with its offset in the article's text (in code points, as the record counts) and the widths.
_PROBE = """
const frame = document.getElementById('frame');
frame.addEventListener('load', () => {
  const doc = frame.contentDocument, win = frame.contentWindow;
  const article = doc.getElementById('article');
  const points = s => [...s].length;
  const pieces = [...article.querySelectorAll('mark.hl')].map(m => {
    const before = doc.createRange();
    before.setStart(article, 0);
    before.setEndBefore(m);
    const r = m.getBoundingClientRect();
    return {span: m.dataset.span, part: m.dataset.part, field: m.dataset.field, at: points(before.toString()),
            text: m.textContent, left: r.left, right: r.right, visible: r.width > 0 && r.height > 0};
  });
  const aside = doc.querySelector('aside').getBoundingClientRect();
  const main = doc.querySelector('main').getBoundingClientRect();
  const out = document.createElement('pre');
  out.id = 'layout';
  out.textContent = JSON.stringify({
    scrollWidth: doc.documentElement.scrollWidth, clientWidth: doc.documentElement.clientWidth,
    innerWidth: win.innerWidth, article: article.textContent, pieces,
    tags: [...article.querySelectorAll('a.tag')].map(a => win.getComputedStyle(a, '::before').content),
    main: {left: main.left, right: main.right, bottom: main.bottom},
    aside: {left: aside.left, right: aside.right, top: aside.top},
    generator: doc.querySelector('meta[name=generator]').content,
  });
  document.body.appendChild(out);
});
"""


def review_layout(page: str, width: int, folder: Path, *, shot: bool = True) -> dict[str, Any]:
    """Lay the page out at `width` CSS pixels; save a screenshot beside it if asked; return what the probe saw."""
    return probe_layout(page, width, folder, _PROBE, height=2400, shot="review" if shot else None)


@pytest.fixture(scope="module")
def seed_record(tmp_path_factory: pytest.TempPathFactory) -> SummaryRecord:
    with Summarizer(engine="extractive", use_cache=False) as summarizer:
        return summarizer.summarize(path=SEED)


@needs_chromium
@pytest.mark.parametrize("width", [375, 1280])
def test_every_highlight_sits_at_its_span_and_the_page_fits(
    seed_record: SummaryRecord, tmp_path: Path, width: int
) -> None:
    record = seed_record
    text = record.article_text
    assert text is not None and record.spans
    layout = review_layout(render_review(record), width, tmp_path)
    assert layout["generator"] == "summarizer review"
    assert layout["innerWidth"] == width
    assert layout["scrollWidth"] <= layout["clientWidth"], f"horizontal overflow at {width} px"
    assert layout["article"] == text, "the article's text on the page is not the record's article_text"
    joined: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for piece in layout["pieces"]:
        joined.setdefault((piece["field"], int(piece["part"])), []).append(piece)
        assert piece["visible"] and piece["left"] >= 0 and piece["right"] <= width
    for span in record.spans:
        parts = span.parts or [(span.start, span.end)]
        for j, (start, end) in enumerate(parts):
            pieces = joined.pop((span.field, j), None)
            assert pieces, f"no highlight for {span.field} part {j}"
            assert pieces[0]["at"] == start, (
                f"{span.field} starts at {pieces[0]['at']} on the page, {start} in the record"
            )
            assert "".join(p["text"] for p in pieces) == text[start:end], span.field
            at = start
            for piece in pieces:  # pieces of a split highlight follow one another without a gap
                assert piece["at"] == at
                at += len(piece["text"])
    assert all(field.startswith("checks.") for field, _ in joined), f"highlights without a record span: {joined}"
    assert layout["tags"] and all(t.strip('"') for t in layout["tags"]), "a label the reader cannot see"
    if width == 375:  # the side list stacks under the article
        assert layout["aside"]["top"] >= layout["main"]["bottom"] - 1
    else:  # beside it
        assert layout["aside"]["left"] >= layout["main"]["right"]


@needs_chromium
def test_long_words_and_names_do_not_widen_the_page_on_a_phone(seed_record: SummaryRecord, tmp_path: Path) -> None:
    long = "https://news.example/" + "longpath" * 30
    text = (seed_record.article_text or "") + f"\n\nSee {long} and Schifffahrtsgesellschaftskapitaenswitwenrente."
    record = seed_record.model_copy(
        update={
            "article_text": text,
            "title": "W" * 80,
            "summary": seed_record.summary.model_copy(update={"summary": f"Read {long} first."}),
            "article_id": "9" * 64,
            "source_path": "/deep" * 60 + "/file.txt",
            "url": long,
            "grounding": GroundingReport(checked=32, dropped=[DroppedQuote(field="hedges[20].quote", text="Q" * 300)]),
            "warnings": [f"a warning about {long}"],
        }
    )
    layout = review_layout(render_review(record), 375, tmp_path, shot=False)
    assert layout["article"] == text
    assert layout["scrollWidth"] <= layout["clientWidth"] == 375
