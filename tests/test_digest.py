"""The digest: stories from records, discrepancies, hedges, chart, and what a reader sees."""

from __future__ import annotations

import html
import json
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from summarizer import SummaryRecord
from summarizer.batch import run_batch
from summarizer.cli import app
from summarizer.digest import Digest, TimelinePoint, build_digest, load_records
from summarizer.digest.rendering import chart_png, render_html, render_markdown
from tests.chromium import needs_chromium, probe_layout
from tests.conftest import SHARED

SEEDS = SHARED / "seeds"
BBC = SHARED / "corpus" / "bbc-news"
runner = CliRunner()


def records_of(folder: Path, tmp_path: Path, name: str = "out.jsonl") -> list[SummaryRecord]:
    out = tmp_path / name
    run_batch(folder, out=out, engine="extractive")
    records, _ = load_records(out.read_text(encoding="utf-8").splitlines())
    return records


@pytest.fixture
def seed_digest(tmp_path: Path) -> Digest:
    return build_digest(records_of(SEEDS, tmp_path), title="Seeds")


def members(digest: Digest) -> list[set[str]]:
    return [{s.source_path[:3] for s in story.sources if s.source_path} for story in digest.stories]


def test_seeds_make_three_stories_with_the_right_members(seed_digest: Digest) -> None:
    assert sorted(members(seed_digest), key=sorted) == [{"000", "001"}, {"002", "004"}, {"003"}]


def test_each_story_lists_its_hedged_claims(seed_digest: Digest) -> None:
    for story in seed_digest.stories:
        assert story.hedged, story.headline
        ids = {s.article_id for s in story.sources}
        assert all(h.article_id in ids for h in story.hedged)
    kursk = next(s for s in seed_digest.stories if "Kursk" in s.headline)
    assert "reportedly" in {h.cue for h in kursk.hedged}


def test_stories_ranked_and_watched(seed_digest: Digest) -> None:
    levels = [s.escalation.level for s in seed_digest.stories]
    assert levels == sorted(levels, reverse=True)
    assert seed_digest.escalation_watch.startswith("Escalation watch:")
    assert seed_digest.stories[0].headline in seed_digest.escalation_watch


def test_bbc_sample_groups_only_the_same_story(tmp_path: Path) -> None:
    folder = tmp_path / "bbc"
    folder.mkdir()
    picks = [
        BBC / "politics" / "goldsmith-denies-war-advice-claim.txt",
        BBC / "politics" / "goldsmith-i-was-not-leant-on.txt",
    ]
    for topic in ("business", "entertainment", "sport", "tech", "politics"):
        picks += sorted((BBC / topic).glob("*.txt"))[10:60:40]
    for path in picks:
        shutil.copy(path, folder / f"{path.parent.name}-{path.name}")
    digest = build_digest(records_of(folder, tmp_path))
    groups = [sorted(s.source_path or "" for s in story.sources) for story in digest.stories]
    assert len(groups) == len(picks) - 1
    assert ["politics-goldsmith-denies-war-advice-claim.txt", "politics-goldsmith-i-was-not-leant-on.txt"] in groups


def test_a_shared_place_alone_does_not_make_one_story(tmp_path: Path) -> None:
    """Unrelated articles whose main place is the same (London, China) stay apart."""
    folder = tmp_path / "same-place"
    folder.mkdir()
    for name in (
        "business/m-s-cuts-prices-by-average-of-24.txt",
        "entertainment/women-in-film-are-earning-less.txt",
        "politics/retirement-age-could-be-scrapped.txt",
        "business/profits-stall-at-china-s-lenovo.txt",
        "tech/china-net-cafe-culture-crackdown.txt",
    ):
        shutil.copy(BBC / name, folder / name.replace("/", "-"))
    digest = build_digest(records_of(folder, tmp_path))
    assert [len(s.sources) for s in digest.stories] == [1] * 5


def dated(record: SummaryRecord, day: str, level: int) -> SummaryRecord:
    summary = record.summary.model_copy(
        update={"escalation": record.summary.escalation.model_copy(update={"level": level})}
    )
    return record.model_copy(update={"published": day, "summary": summary, "article_id": f"{record.article_id}-{day}"})


def test_dates_far_apart_split_a_story_and_dated_stories_get_a_chart(tmp_path: Path) -> None:
    base = records_of(SEEDS, tmp_path)[3]  # the Kursk article
    close = [dated(base, "2024-11-10", 2), dated(base, "2024-11-14", 3), dated(base, "2024-11-20", 4)]
    far = dated(base, "2023-01-05", 1)
    digest = build_digest([*close, far])
    sizes = sorted(len(s.sources) for s in digest.stories)
    assert sizes == [1, 3]
    story = next(s for s in digest.stories if len(s.sources) == 3)
    assert [p.level for p in story.timeline] == [2, 3, 4] and story.latest == "2024-11-20"
    page = render_html(digest)
    assert page.count('src="data:image/png;base64,') == 1


def test_chart_is_a_png() -> None:
    png = chart_png(
        [
            TimelinePoint(date="2024-08-25", level=2, article_id="a"),
            TimelinePoint(date="2024-09-01", level=3, article_id="b"),
        ]
    )
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 500


def test_html_is_email_safe(seed_digest: Digest) -> None:
    page = render_html(seed_digest)
    assert "<script" not in page.lower() and "<link" not in page.lower() and "<style" not in page.lower()
    assert "http://" not in page and "https://" not in page.replace('href="https://', "")
    assert page.count("<h2") == len(seed_digest.stories)


def test_markdown_renders_in_a_commonmark_parser(seed_digest: Digest) -> None:
    text = render_markdown(seed_digest)
    parser = MarkdownIt("commonmark").enable("table")
    tokens = parser.parse(text)
    rendered = parser.render(text)
    assert sum(1 for t in tokens if t.type == "heading_open" and t.tag == "h2") == len(seed_digest.stories)
    assert rendered.count("<table>") >= 2 and "<ol>" in rendered


def test_json_form_round_trips(seed_digest: Digest) -> None:
    again = Digest.model_validate_json(seed_digest.model_dump_json())
    assert again == seed_digest


def test_cli_writes_all_three_formats(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run_batch(SEEDS, out=out, engine="extractive")
    with open(out, "a", encoding="utf-8") as handle:
        handle.write(
            json.dumps(
                {
                    "status": "error",
                    "article_id": "x",
                    "source_path": "bad.txt",
                    "error_type": "InputError",
                    "error": "holds no text",
                    "attempts": 0,
                    "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
                    "created_at": datetime.now(UTC).isoformat(),
                }
            )
            + "\n"
        )
    for suffix in ("html", "md", "json"):
        result = runner.invoke(app, ["digest", str(out), "-o", str(tmp_path / f"digest.{suffix}")])
        assert result.exit_code == 0, result.output
        assert "skipped 1 error record" in result.stderr
    for suffix in ("html", "md"):
        assert "1 error record skipped" in (tmp_path / f"digest.{suffix}").read_text()
    data = json.loads((tmp_path / "digest.json").read_text())
    assert data["skipped_errors"] == 1 and len(data["stories"]) == 3
    assert runner.invoke(app, ["digest", str(out), "-f", "pdf"]).exit_code == 2


# The page is laid out in an iframe of the given width (headless windows are at least 500 px wide);
# a word is broken when its letters sit on more than one line of rendered text boxes.
_PROBE = """
const frame = document.getElementById('frame');
frame.addEventListener('load', () => {
  const doc = frame.contentDocument, win = frame.contentWindow;
  const broken = [];
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const word = /[\\p{L}\\p{N}\\u2019']+/gu;
  let node;
  while ((node = walker.nextNode())) {
    if (!node.parentElement || node.parentElement.closest('a[href^="http"]')) continue;  // URLs may wrap
    for (const m of node.data.matchAll(word)) {
      const range = doc.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  const heads = [...doc.querySelectorAll('h2')].map(h => {
    const r = h.getBoundingClientRect();
    const style = win.getComputedStyle(h);
    return {text: h.textContent, left: r.left, right: r.right, width: r.width, height: r.height,
            hidden: style.visibility !== 'visible' || style.display === 'none'};
  });
  const rows = [...doc.querySelectorAll('table table table tr')].map(r => r.getBoundingClientRect().height);
  frame.style.height = doc.documentElement.scrollHeight + 'px';
  const out = document.createElement('pre');
  out.id = 'layout';
  out.textContent = JSON.stringify({scrollWidth: doc.documentElement.scrollWidth, innerWidth: win.innerWidth,
                                    broken, heads, rows});
  document.body.appendChild(out);
});
"""


def layout_at(page: str, width: int, folder: Path) -> dict[str, Any]:
    """Lay the page out at `width` CSS pixels in headless Chromium; save a screenshot beside it."""
    return probe_layout(page, width, folder, _PROBE, height=3000, shot="digest")


@needs_chromium
@pytest.mark.parametrize("width", [375, 600])
def test_html_reads_well_on_a_phone_and_in_email(seed_digest: Digest, tmp_path: Path, width: int) -> None:
    page = render_html(seed_digest)
    layout = layout_at(page, width, tmp_path)
    assert layout["innerWidth"] == width
    assert layout["scrollWidth"] <= width, f"horizontal overflow at {width} px"
    assert layout["broken"] == [], f"words broken inside at {width} px"
    assert [h["text"] for h in layout["heads"]] == [s.headline for s in seed_digest.stories]
    for head in layout["heads"]:
        assert not head["hidden"] and head["width"] > 0 and head["height"] > 0
        assert head["left"] >= 0 and head["right"] <= width
    assert max(layout["rows"]) < 6 * 20, "a figure row taller than five lines"


def test_html_names_each_article_once_and_never_breaks_words(seed_digest: Digest) -> None:
    page = render_html(seed_digest)
    assert "break-all" not in page and "word-break" not in page
    for story in seed_digest.stories:
        part = page.split(f'id="{story.id}"', 1)[1].split("<h2", 1)[0]
        for source in story.sources:
            assert part.count(html.escape(source.name, quote=True)) <= 1 + (story.headline == source.name)
    assert "untitled article (004_" in page


# --polish, on hand-built transport responses (not recordings)


def polish_with(tmp_path: Path, *answers: str) -> tuple[Digest, Any]:
    import httpx2

    from summarizer.digest import polish_digest
    from tests.conftest import Recorder, completion, ok

    records = records_of(SEEDS, tmp_path, "polish.jsonl")
    digest = build_digest(records)
    rec = Recorder(*[ok(completion(json.dumps({"brief": a}))) for a in answers])
    client = httpx2.Client(transport=httpx2.MockTransport(rec))
    return polish_digest(digest, records, http_client=client, model="test-model"), rec


def test_polish_rejects_a_brief_with_a_figure_the_records_lack(tmp_path: Path) -> None:
    invented = "Belarus moved 75,000 troops to the border."
    good = "Belarus sent a third of its army toward Ukraine; reports put it at 15,000 to 20,000 troops."
    kursk = "Russia reportedly massed 50,000 troops in the Kursk region."
    belarus = "Russian troops arrived in Belarus, at least 10,000 by one account."
    polished, rec = polish_with(tmp_path, invented, kursk, good, belarus)  # Kursk (level 4) leads
    first = rec.bodies()[1]["messages"]
    assert "75,000" in first[-2]["content"] and "no record contains: 75000" in first[-1]["content"]
    briefs = {s.brief for s in polished.stories}
    assert good in briefs and invented not in briefs
    assert all(s.polished for s in polished.stories)
    again, rec2 = polish_with(tmp_path)  # every brief now comes from the cache
    assert rec2.requests == [] and {s.brief for s in again.stories} == briefs


def test_polish_keeps_our_brief_when_the_model_keeps_inventing(tmp_path: Path) -> None:
    polished, _ = polish_with(tmp_path, *["It involved 999,999 troops."] * 3, "Fine.", "Fine too.")
    failed = [s for s in polished.stories if not s.polished]
    assert len(failed) == 1 and "999,999" not in failed[0].brief


def refused_polish(tmp_path: Path, *script: Any) -> Digest:
    import httpx2

    from summarizer.digest import polish_digest
    from tests.conftest import Recorder

    records = records_of(SEEDS, tmp_path, "refused.jsonl")
    client = httpx2.Client(transport=httpx2.MockTransport(Recorder(*script)))
    return polish_digest(build_digest(records), records, http_client=client, model="test-model", backoff_initial=0.01)


def connection_refused() -> Exception:
    import httpx2

    return httpx2.ConnectError("[Errno 111] Connection refused").with_traceback(None)


def test_polish_against_a_dead_server_raises_instead_of_keeping_every_brief(tmp_path: Path) -> None:
    from summarizer import ServiceUnreachable

    refused = [connection_refused() for _ in range(3)]
    for error in refused:
        error.__cause__ = ConnectionRefusedError(111, "Connection refused")
    with pytest.raises(ServiceUnreachable, match=r"^could not reach .* \(connection refused\) after 2 attempts"):
        refused_polish(tmp_path, *refused)


def test_polish_with_a_refused_key_raises_access_denied(tmp_path: Path) -> None:
    import httpx2

    from summarizer import AccessDenied

    with pytest.raises(AccessDenied, match="rejected the API key"):
        refused_polish(tmp_path, httpx2.Response(401, json={"error": {"message": "Incorrect API key"}}))


def test_polish_says_how_many_briefs_it_rewrote(tmp_path: Path) -> None:
    import logging

    from tests.conftest import completion, ok

    refused = [connection_refused() for _ in range(3)]
    for error in refused:
        error.__cause__ = ConnectionRefusedError(111, "Connection refused")
    notes: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: notes.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("summarizer.digest")
    logger.addHandler(handler)
    try:
        digest = refused_polish(tmp_path, ok(completion(json.dumps({"brief": "Talks were planned."}))), *refused)
    finally:
        logger.removeHandler(handler)
    assert [s.polished for s in digest.stories].count(True) == 1
    total = len(digest.stories)
    assert len(notes) == 1 and notes[0].startswith(f"polished 1 of {total} briefs; the rest keep the built-in brief: ")
    assert "could not reach" in notes[0]


def test_polish_needs_an_llm(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from summarizer import ConfigError
    from summarizer.digest import polish_digest

    monkeypatch.delenv("OPENAI_API_KEY")
    records = records_of(SEEDS, tmp_path, "nollm.jsonl")
    with pytest.raises(ConfigError, match="needs an LLM and none is configured"):
        polish_digest(build_digest(records), records)


def test_long_digests_are_capped_in_html_and_markdown_not_in_json(tmp_path: Path) -> None:
    from summarizer.digest.rendering import MAX_FIGURES

    base = records_of(SEEDS, tmp_path)[1]  # seed 001: six figures
    figures = base.summary.key_figures * 3
    many = base.model_copy(update={"summary": base.summary.model_copy(update={"key_figures": figures})})
    again = records_of(SEEDS, tmp_path, "again.jsonl")
    digest = build_digest([many, again[2], again[4]])  # without 003, whose level 4 would lead
    page, text = render_html(digest, max_stories=1), render_markdown(digest, max_stories=1)
    assert page.count("<h2") == 1 and text.count("\n## ") == 1
    assert "more stories in the JSON digest" in page and "more stories in the JSON digest" in text
    assert f"and {len(figures) - MAX_FIGURES} more figures" in page
    assert len(Digest.model_validate_json(digest.model_dump_json()).stories) == len(digest.stories)


# 6. the digest command does not import scikit-learn or SciPy; the NumPy TF-IDF gives the same numbers


def test_digest_command_imports_no_heavy_libraries(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run_batch(SEEDS, out=out, engine="extractive")
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "summarizer", "digest", str(out), "-o", str(tmp_path / "d.md")],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    modules = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if line.startswith("import time:")}
    assert not {m for m in modules if m.split(".")[0] in ("sklearn", "scipy")}
    assert "numpy" in modules


def test_tfidf_cosine_equals_scikit_learn(tmp_path: Path) -> None:
    text = pytest.importorskip("sklearn.feature_extraction.text")
    pairwise = pytest.importorskip("sklearn.metrics.pairwise")
    import numpy as np

    from summarizer.digest.grouping import tfidf_cosine

    folder = tmp_path / "mixed"
    folder.mkdir()
    for path in [*sorted(SEEDS.glob("*.txt")), *sorted(BBC.glob("*/*.txt"))[::150]]:
        shutil.copy(path, folder / f"{path.parent.name}-{path.name}")
    records = records_of(folder, tmp_path)
    texts = [" ".join([r.title or "", r.summary.summary, *r.summary.key_points]) for r in records]
    vectorizer = text.TfidfVectorizer(stop_words="english", sublinear_tf=True)
    expected = pairwise.cosine_similarity(vectorizer.fit_transform(texts))
    assert np.allclose(tfidf_cosine(texts), expected, atol=1e-9)


def test_average_linkage_equals_scipy() -> None:
    hierarchy = pytest.importorskip("scipy.cluster.hierarchy")
    distance_module = pytest.importorskip("scipy.spatial.distance")
    import numpy as np

    from summarizer.digest.grouping import average_linkage

    rng = np.random.default_rng(7)
    points = rng.random((120, 3))
    distance = np.sqrt(((points[:, None] - points[None, :]) ** 2).sum(-1))
    for cut in (0.05, 0.15, 0.3):
        tree = hierarchy.linkage(distance_module.squareform(distance, checks=False), method="average")
        labels = hierarchy.fcluster(tree, t=cut, criterion="distance")
        expected = sorted(sorted(np.nonzero(labels == k)[0].tolist()) for k in set(labels.tolist()))
        assert sorted(average_linkage(distance, cut)) == expected
