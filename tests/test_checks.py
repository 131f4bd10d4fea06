"""The verifier: what an LLM answer left out, and whether its figures are in their quotes."""

from __future__ import annotations

from typing import Any

from summarizer import ArticleSummary, Summarizer, SummaryResponse
from summarizer.extractive.verifier import verify
from tests.conftest import Recorder, answer_response, article, valdoria_answer

TEXT = article("valdoria-border.txt")


def summary_of(answer: dict[str, Any]) -> ArticleSummary:
    return ArticleSummary.from_response(SummaryResponse.model_validate(answer))


def test_missed_hedges_and_figures_are_listed() -> None:
    checks = verify(summary_of(valdoria_answer()), TEXT)
    missed_cues = {h.cue for h in checks.missed_hedges}
    assert {"There is no official confirmation", "denied"} <= missed_cues
    assert "reportedly" not in missed_cues  # the model gave that one
    missed = {f.quantity for f in checks.missed_figures}
    assert "as many as 6,000" in missed and "60" in missed
    assert not any("4,000" in q for q in missed)  # the model gave that one
    assert all(f.quote in TEXT for f in checks.missed_figures)


def test_figure_number_must_be_in_its_quote() -> None:
    answer = valdoria_answer()
    answer["key_figures"].append(
        dict(answer["key_figures"][0], quantity="about 5,000", low=5000, high=5000)  # quote still says 4,000
    )
    checks = verify(summary_of(answer), TEXT)
    assert [c.number_in_quote for c in checks.figures] == [True, False]


def test_llm_records_carry_checks(make_summarizer: Any) -> None:
    record = make_summarizer(Recorder(answer_response(valdoria_answer()))).summarize(TEXT)
    assert record.checks is not None and record.checks.figures[0].number_in_quote
    assert record.usage.total_tokens == 150  # the checks cost no tokens


def test_extractive_record(tmp_path: Any) -> None:
    with Summarizer(engine="extractive") as s:
        record = s.summarize(TEXT)
        again = s.summarize(TEXT)
    assert record.engine == "extractive" and record.provider is None and record.checks is None
    assert record.usage.total_tokens == 0 and record.cost_usd == 0.0
    assert again.cached and again.summary == record.summary
    figures = {f.quantity: f for f in record.summary.key_figures}
    assert figures["about 4,000"].source == "the Valdorian defence ministry"
    assert record.summary.escalation.goldstein == -7.2


def test_seed_000_done_when(tmp_path: Any) -> None:
    from tests.test_extractive import SEEDS

    with Summarizer(engine="extractive") as s:
        record = s.summarize(next(SEEDS.glob("000_*.txt")))
    summary = record.summary
    figures = {f.quantity: f for f in summary.key_figures}
    assert figures["approximately 15,000 to 20,000"].source == "reports"
    assert "Lukashenko" in (figures["a third"].source or "")
    assert {"According to", "approximately", "likely"} <= {h.cue for h in summary.hedges}
    assert summary.escalation.event_type == "MOBILIZE" and summary.escalation.goldstein == -7.2


def test_verifier_can_be_switched_off(make_summarizer: Any) -> None:
    record = make_summarizer(Recorder(answer_response(valdoria_answer())), verify=False).summarize(TEXT)
    assert record.checks is None


def test_schema_is_built_once_and_handed_out_as_a_copy() -> None:
    first = SummaryResponse.model_json_schema()
    first["properties"].clear()
    assert SummaryResponse.model_json_schema()["properties"]
