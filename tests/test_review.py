"""The review page's HTML (escaping, every span highlighted, unplaced quotes, drops, checks) and its command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from benchmarks.review_page import read_page
from summarizer import SummaryRecord
from summarizer.api import Summarizer
from summarizer.cli import app
from summarizer.digest import render_review
from summarizer.models import Checks, DroppedQuote, ErrorRecord, FigureCheck, GroundingReport, place_quotes
from summarizer.quotes import ArticleIndex
from tests.conftest import Recorder, answer_response, article, valdoria_answer

runner = CliRunner()

ARTICLE = """Kestrian navy blockades Orlen harbour

HALVERN, Orlen - Kestrian warships have blockaded the harbour of Halvern since Monday, the Orlen defence \
ministry said, and about 1,200 containers are stuck at the quay.

A local blogger posted <script>alert('x')</script> & "claimed" that 40 ships were turned back, a figure \
that has not been confirmed. Kestria reportedly plans to keep the blockade until talks resume.

Orlen's president warned that the navy would escort merchant ships if the blockade lasted another week.
"""


def highlighted(page: str) -> dict[tuple[str, int], tuple[int, str]]:
    """(field, part) -> (offset of its first piece, its text joined from every piece)."""
    return read_page(page).highlights()


@pytest.fixture(scope="module")
def record() -> SummaryRecord:
    with Summarizer(engine="extractive", use_cache=False) as summarizer:
        return summarizer.summarize(text=ARTICLE, article_id="orlen-blockade")


def respanned(record: SummaryRecord, **changes: Any) -> SummaryRecord:
    """The record with its summary changed and its spans placed again by the record's own rule."""
    summary = record.summary.model_copy(update=changes)
    assert record.article_text is not None
    spans, _ = place_quotes(summary.quoted(), ArticleIndex(record.article_text).locate)
    return record.model_copy(update={"summary": summary, "spans": spans})


def assert_every_span_highlighted(record: SummaryRecord, page: str) -> None:
    text = record.article_text
    assert text is not None
    marks = highlighted(page)
    for span in record.spans:
        for j, (start, end) in enumerate(span.parts or [(span.start, span.end)]):
            assert marks[(span.field, j)] == (start, text[start:end]), span.field


def test_the_article_stays_text_and_every_span_is_highlighted(record: SummaryRecord) -> None:
    page = render_review(record)
    read = read_page(page)
    assert read.article == record.article_text
    assert read.scripts == 1, "the article's <script> became a script"
    assert "&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"<mark" in page
    assert len(record.spans) == len(list(record.summary.quoted())) == 11
    assert_every_span_highlighted(record, page)
    assert '<meta name="generator" content="summarizer review">' in page


def test_the_page_makes_no_requests(record: SummaryRecord) -> None:
    page = render_review(record.model_copy(update={"url": "https://news.example/orlen?a=1&b=<x>"}))
    for needle in ("<link", "src=", "url(", "@import", "<iframe", 'href="http'):
        assert needle not in page
    assert "https://news.example/orlen?a=1&amp;b=&lt;x&gt;" in page


def test_fields_and_highlights_link_both_ways(record: SummaryRecord) -> None:
    page = render_review(record)
    for entry, label in (("f2", "F2"), ("h3", "H3"), ("e1", "E1")):
        assert f'<li id="{entry}">' in page
        assert f'href="#{entry}" data-label="{label}"' in page  # the label in the article leads to the entry
    for piece in read_page(page).pieces:
        if piece.get("id"):
            assert f'href="#{piece["id"]}"' in page, f"no entry leads to {piece['data-field']}"


def test_crossing_and_elided_quotes_are_split_not_lost(record: SummaryRecord) -> None:
    evidence = "Kestrian warships have blockaded the harbour of Halvern"
    figure = record.summary.key_figures[0].model_copy(
        update={"quote": "the harbour of Halvern since Monday ... about 1,200 containers"}
    )
    crossed = respanned(
        record,
        escalation=record.summary.escalation.model_copy(update={"evidence": [evidence]}),
        key_figures=[figure],
    )
    spans = {s.field: s for s in crossed.spans}
    assert spans["key_figures[0].quote"].parts is not None  # two parts
    assert spans["escalation.evidence[0]"].start < spans["key_figures[0].quote"].start
    assert spans["escalation.evidence[0]"].end < spans["key_figures[0].quote"].end  # they cross
    page = render_review(crossed)
    assert_every_span_highlighted(crossed, page)
    pieces = [p for p in read_page(page).pieces if p["data-field"] == "key_figures[0].quote"]
    assert len(pieces) == 3, "the crossing part split in two, plus the part after the elision"


def test_quotes_without_a_span_are_listed_as_such(record: SummaryRecord) -> None:
    lost = record.spans[1]
    page = render_review(record.model_copy(update={"spans": [s for s in record.spans if s is not lost]}))
    assert lost.field not in {f for f, _ in highlighted(page)}
    placement = page.split('id="unplaced"', 1)[1].split("<h2", 1)[0]
    assert f"<code>{lost.field}</code>" in placement and "1 quote(s) of the record have no span" in placement
    assert "not placed in the article" in page
    assert "Placement</a>: 1 quote(s) without a span" in page and 'class="checks bad"' in page
    stray = record.model_copy(update={"spans": [*record.spans, lost.model_copy(update={"field": "hedges[9].cue"})]})
    assert "spans for fields the summary lacks</span> <code>hedges[9].cue</code>" in render_review(stray)


def test_a_record_without_its_text_lists_everything_unplaced(record: SummaryRecord) -> None:
    page = render_review(record.model_copy(update={"article_text": None}))
    assert read_page(page).pieces == []
    assert "does not carry its article text" in page
    assert f"{len(record.spans)} quote(s) without a span" in page


def test_grounding_drops_are_shown(record: SummaryRecord) -> None:
    dropped = [DroppedQuote(field="key_figures[2].quote", text="Orlen lost <b>300</b> ships in the storm.")]
    page = render_review(record.model_copy(update={"grounding": GroundingReport(checked=11, dropped=dropped)}))
    grounding = page.split('id="grounding"', 1)[1].split("<h2", 1)[0]
    assert "1 dropped" in grounding and "key_figures[2].quote" in grounding
    assert "Orlen lost &lt;b&gt;300&lt;/b&gt; ships in the storm." in grounding
    assert "Grounding</a>: 1 quote(s) dropped of 11 checked" in page and 'class="checks bad"' in page
    clean = render_review(record)
    assert "0 dropped" in clean and 'class="checks"' in clean  # shown when there is nothing, too


def test_the_verifiers_findings_are_shown_and_placed(record: SummaryRecord) -> None:
    missed = record.summary.key_figures[1]
    invented = missed.model_copy(update={"quote": "Nine frigates sailed from Kestria."})
    checks = Checks(
        missed_figures=[missed, invented],
        missed_hedges=[record.summary.hedges[3]],
        figures=[FigureCheck(index=0, quantity="about 1,200", number_in_quote=False)],
    )
    llm = record.model_copy(update={"engine": "llm", "checks": checks})
    page = render_review(llm)
    text = llm.article_text
    assert text is not None
    marks = highlighted(page)
    start = text.index(missed.quote)
    assert marks[("checks.missed_figures[0].quote", 0)] == (start, missed.quote)
    assert ("checks.missed_hedges[0].quote", 0) in marks
    assert ("checks.missed_figures[1].quote", 0) not in marks
    verifier = page.split('id="verifier"', 1)[1].split("<h2", 1)[0]
    assert 'id="mf1"' in verifier and 'id="mf2"' in verifier and 'id="mh1"' in verifier
    assert "Nine frigates sailed from Kestria." in verifier and "not placed in the article" in verifier
    assert "number not in its quote" in page
    assert "the model missed 2 figure(s) and 1 hedge(s); 1 figure(s)" in page
    assert_every_span_highlighted(llm, page)


def test_a_span_that_is_not_its_quote_is_flagged(record: SummaryRecord) -> None:
    moved = [
        s.model_copy(update={"start": s.start + 5, "end": s.end + 5}) if i == 0 else s
        for i, s in enumerate(record.spans)
    ]
    page = render_review(record.model_copy(update={"spans": moved}))
    assert "span text differs from the quote" in page
    assert "1 span(s) not matching their quote" in page
    assert_every_span_highlighted(record.model_copy(update={"spans": moved}), page)  # shown where the record says


# the command


def write_records(path: Path, *records: SummaryRecord | ErrorRecord) -> Path:
    path.write_text("".join(r.model_dump_json() + "\n" for r in records), encoding="utf-8")
    return path


def test_review_a_record_file(record: SummaryRecord, tmp_path: Path) -> None:
    source = tmp_path / "record.json"
    source.write_text(record.model_dump_json(indent=2), encoding="utf-8")
    out = tmp_path / "page.html"
    result = runner.invoke(app, ["review", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}: 11 quotes highlighted, 0 without a place, 0 dropped" in result.stderr
    assert out.read_text(encoding="utf-8") == render_review(record)
    piped = runner.invoke(app, ["review", str(source)])  # no -o and not a terminal: the page goes to the pipe
    assert piped.exit_code == 0 and piped.stdout == render_review(record)


def test_review_picks_from_batch_output(record: SummaryRecord, tmp_path: Path) -> None:
    other = record.model_copy(update={"article_id": "kestria-talks", "source_path": "kestria/talks.txt"})
    failed = ErrorRecord(
        article_id="broken", source_path=None, error_type="InputError", error="empty", created_at=record.created_at
    )
    jsonl = write_records(tmp_path / "records.jsonl", record, other, failed)
    out = tmp_path / "page.html"
    many = runner.invoke(app, ["review", str(jsonl), "-o", str(out)])
    assert many.exit_code == 2 and "holds 3 records; choose one with --id" in many.stderr and not out.exists()
    for args in (["--id", "kestria-talks"], ["--id", "talks.txt"], ["--id", "kestria-t"]):
        result = runner.invoke(app, ["review", str(jsonl), "-o", str(out), *args])
        assert result.exit_code == 0, result.output
        assert '<p class="meta">kestria-talks' in out.read_text(encoding="utf-8")
    by_id = runner.invoke(app, ["review", "orlen-blockade", "--records", str(jsonl), "-o", "-"])
    assert by_id.exit_code == 0 and by_id.stdout == render_review(record)
    missing = runner.invoke(app, ["review", "nowhere", "--records", str(jsonl)])
    assert missing.exit_code == 2 and "no record for 'nowhere'" in missing.stderr
    assert "a file name such as talks.txt works too" in missing.stderr
    error = runner.invoke(app, ["review", str(jsonl), "--id", "broken"])
    assert error.exit_code == 2 and "is an error record (InputError: empty)" in error.stderr


def test_review_summarizes_an_article_first(tmp_path: Path) -> None:
    article = tmp_path / "blockade.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["review", str(article), "--engine", "extractive", "--no-cache", "-o", "-"])
    assert result.exit_code == 0, result.output
    assert "&lt;script&gt;" in result.stdout and 'data-field="hedges[3].quote"' in result.stdout
    id_for_article = runner.invoke(app, ["review", str(article), "--id", "x"])
    assert id_for_article.exit_code == 2 and "is an article, not records" in id_for_article.stderr


def test_review_reads_a_record_from_standard_input(record: SummaryRecord) -> None:
    result = runner.invoke(app, ["review", "-"], input=record.model_dump_json())
    assert result.exit_code == 0 and result.stdout == render_review(record)


def test_review_refuses_what_it_cannot_use(tmp_path: Path) -> None:
    assert runner.invoke(app, ["review", str(tmp_path / "none.json")]).exit_code == 2
    broken = tmp_path / "bad.json"
    broken.write_text(json.dumps({"status": "ok", "article_id": "a", "summary": {}}), encoding="utf-8")
    result = runner.invoke(app, ["review", str(broken)])
    assert result.exit_code == 2 and "looks like a record but is not a valid one" in result.stderr
    page = tmp_path / "page.html"
    assert runner.invoke(app, ["review", str(broken.with_name("none.json")), "-o", str(page)]).exit_code == 2
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert (
        runner.invoke(app, ["review", str(tmp_path / "a.txt"), "--engine", "extractive", "-o", str(page)]).exit_code
        == 0
    )
    again = runner.invoke(app, ["review", str(page), "--engine", "extractive", "-o", "-"])
    assert again.exit_code == 2 and "was written by summarizer (digest), not an article" in again.stderr


# where the record places a hedge's cue (part 1, used by the page)

TWICE = """Kestria says talks may resume

Kestrian officials said on Friday that talks with Orlen may resume next month.

Separately, analysts in Halvern said Valdoria may send two more brigades to the border before winter.
"""


def test_a_cue_is_placed_inside_its_own_quote() -> None:
    with Summarizer(engine="extractive", use_cache=False) as summarizer:
        record = summarizer.summarize(text=TWICE)
    spans = {s.field: s for s in record.spans}
    late = [i for i, h in enumerate(record.summary.hedges) if h.quote.startswith("Separately")]
    assert late, "the extractive engine found no hedge in the last sentence"
    for i in late:
        cue, quote = spans[f"hedges[{i}].cue"], spans[f"hedges[{i}].quote"]
        assert quote.start <= cue.start and cue.end <= quote.end, record.summary.hedges[i]
    page = render_review(record)
    assert "(outside its quote)" not in page


def test_an_llm_answers_cue_is_placed_inside_its_quote_and_its_checks_shown(make_summarizer: Any) -> None:
    hedge = {
        "cue": "said",
        "kind": "attribution",
        "claim": "the troops may pressure Kestria",
        "quote": "Analysts at the Harbour Institute said the troops may be intended to pressure Kestria",
    }
    answer = valdoria_answer(hedges=[hedge])
    record = make_summarizer(Recorder(answer_response(answer))).summarize(article("valdoria-border.txt"))
    text = record.article_text
    assert text is not None and text.index("said") < text.index(hedge["quote"])  # an earlier 'said'
    spans = {s.field: s for s in record.spans}
    cue, quote = spans["hedges[0].cue"], spans["hedges[0].quote"]
    assert quote.start <= cue.start and cue.end <= quote.end and text[cue.start : cue.end] == "said"
    assert record.checks is not None
    page = render_review(record)
    assert_every_span_highlighted(record, page)
    verifier = page.split('id="verifier"', 1)[1].split("<h2", 1)[0]
    assert f"{len(record.checks.figures)} figure(s) checked" in verifier


def test_review_sends_csv_and_parquet_batch_output_to_its_journal(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "orlen.txt").write_text(ARTICLE, encoding="utf-8")
    for name in ("records.csv", "records.parquet"):
        out = tmp_path / name
        journal = tmp_path / f".{name}.jsonl"
        # the journal a CSV or Parquet run keeps beside its output; the output itself is not JSON records
        journal.write_text(
            runner.invoke(app, ["batch", str(folder), "-o", "-", "--engine", "extractive"]).stdout, encoding="utf-8"
        )
        out.write_bytes(b"PAR1\x00\x01" if name.endswith(".parquet") else b"status,article_id,source_path,title\n")
        result = runner.invoke(app, ["review", str(out), "--engine", "extractive", "-o", str(tmp_path / "p.html")])
        assert result.exit_code == 2, result.stderr
        assert f"{out} is batch output" in result.stderr and f"summarizer review {journal}" in result.stderr
        assert not (tmp_path / "p.html").exists()
        assert runner.invoke(app, ["review", str(journal), "-o", str(tmp_path / "p.html")]).exit_code == 0
        (tmp_path / "p.html").unlink()
    (tmp_path / ".records.csv.jsonl").unlink()  # a CSV whose journal is gone is still no article
    orphan = runner.invoke(app, ["review", str(tmp_path / "records.csv"), "--engine", "extractive", "-o", "-"])
    assert orphan.exit_code == 2 and "was written by summarizer (batch output as CSV), not an article" in orphan.stderr


def test_a_page_opened_from_disk_holds_itself_to_its_policy(record: SummaryRecord) -> None:
    import base64
    import hashlib
    import re

    page = render_review(record)
    # was: only the service's header carried the policy; a page written by `summarizer review` had none
    meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert meta is not None
    policy = dict(part.strip().split(" ", 1) for part in meta.group(1).split(";"))
    assert policy["default-src"] == "'none'" and "frame-ancestors" not in policy  # a header-only directive

    def digest(body: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"

    (script,) = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    (style,) = re.findall(r"<style>(.*?)</style>", page, re.DOTALL)
    assert policy["script-src"] == digest(script) and policy["style-src"] == digest(style)
    assert " style=" not in page  # an inline style attribute would be refused
