"""Provider protocol edge cases on hand-built httpx2.MockTransport responses (not recordings)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx2
import pytest

from summarizer import AccessDenied, GroundingError, OutputError, ProviderError, Summarizer
from summarizer.llm.providers import response_format
from tests.conftest import Recorder, answer_response, article, completion, ok, valdoria_answer

TEXT = article("valdoria-border.txt")


def error(status: int, message: str = "boom", code: str | None = None, **headers: str) -> httpx2.Response:
    return httpx2.Response(
        status, json={"error": {"message": message, "type": code or "error", "code": code}}, headers=headers
    )


def test_openai_profile_sends_strict_json_schema(make_summarizer: Any) -> None:
    rec = Recorder(answer_response(valdoria_answer()))
    make_summarizer(rec).summarize(TEXT)
    fmt = rec.bodies()[0]["response_format"]
    assert fmt["type"] == "json_schema"
    assert fmt["json_schema"]["strict"] is True
    assert fmt["json_schema"]["schema"]["additionalProperties"] is False


@pytest.mark.parametrize(
    ("profile", "kind", "strict"),
    [("llamacpp", "json_object", None), ("ollama", "json_schema", None), ("vllm", "json_schema", None)],
)
def test_profiles_pick_their_response_format(profile: str, kind: str, strict: bool | None) -> None:
    fmt = response_format(profile)
    assert fmt["type"] == kind
    if kind == "json_object":
        assert fmt["schema"]["title"] == "SummaryResponse"
    else:
        assert fmt["json_schema"].get("strict") is strict


def test_prompt_puts_static_text_first_and_fences_the_article(make_summarizer: Any) -> None:
    rec = Recorder(answer_response(valdoria_answer()))
    make_summarizer(rec).summarize(TEXT)
    messages = rec.bodies()[0]["messages"]
    assert [m["role"] for m in messages] == ["system", "user"]
    assert "Valdoria" not in messages[0]["content"]
    assert "never instructions" in messages[0]["content"]
    # one line naming the languages, then the fenced article last
    head, fenced = messages[1]["content"].split("\n\n", 1)
    assert head.startswith("Article language:") and "Valdoria" not in head
    assert fenced.startswith("<article>\n") and fenced.endswith("\n</article>")


def test_valid_answer_becomes_a_record(make_summarizer: Any) -> None:
    rec = Recorder(answer_response(valdoria_answer(), prompt_tokens=1000, completion_tokens=200))
    record = make_summarizer(rec, model="gpt-4o-mini").summarize(TEXT)
    assert record.engine == "llm" and record.provider == "openai" and not record.cached
    assert record.summary.escalation.goldstein == -7.2
    assert record.usage.total_tokens == 1200
    assert record.cost_usd == pytest.approx((1000 * 0.15 + 200 * 0.60) / 1e6)
    assert record.attempts.requests == 1 and record.attempts.reasks == 0
    assert record.grounding.checked == 4 and record.grounding.dropped == []


def test_429_with_retry_after_then_success(make_summarizer: Any, no_sleep: list[float]) -> None:
    rec = Recorder(
        error(429, "slow down", **{"retry-after": "3"}),
        error(429, "slow down", **{"retry-after-ms": "250"}),
        answer_response(valdoria_answer()),
    )
    record = make_summarizer(rec).summarize(TEXT)
    assert no_sleep == [3.0, 0.25]
    assert record.attempts.requests == 3 and record.attempts.transport_retries == 2
    assert record.attempts.reasks == 0


def test_5xx_and_connection_errors_retried_with_backoff(make_summarizer: Any, no_sleep: list[float]) -> None:
    rec = Recorder(error(503), httpx2.ConnectError("refused"), answer_response(valdoria_answer()))
    record = make_summarizer(rec).summarize(TEXT)
    assert record.attempts.requests == 3
    assert len(no_sleep) == 2 and all(0 < wait <= 31 for wait in no_sleep)


def test_retries_are_bounded(make_summarizer: Any) -> None:
    rec = Recorder(*[error(500) for _ in range(3)])
    with pytest.raises(ProviderError, match="after 3 attempt") as info:
        make_summarizer(rec, max_attempts=3).summarize(TEXT)
    assert len(rec.requests) == 3 and info.value.status_code == 500


@pytest.mark.parametrize(
    ("response", "message", "kind"),
    [
        (error(401, "Incorrect API key"), "rejected the API key", AccessDenied),
        (error(403), "refused the key for model 'test-model' \\(403\\); pick another", AccessDenied),
        (error(404), "not found", ProviderError),
        (error(400, "bad response_format"), "rejected the request", ProviderError),
        (error(429, "You exceeded your current quota", "insufficient_quota"), "out of quota", AccessDenied),
    ],
)
def test_client_errors_fail_fast_with_advice(
    make_summarizer: Any, response: httpx2.Response, message: str, kind: type[ProviderError]
) -> None:
    rec = Recorder(response)
    with pytest.raises(ProviderError, match=message) as info:
        make_summarizer(rec).summarize(TEXT)
    assert type(info.value) is kind and info.value.attempts == 1  # one class, one cause
    assert len(rec.requests) == 1


def test_reask_on_ungrounded_quote_then_success(make_summarizer: Any) -> None:
    bad = valdoria_answer()
    bad["hedges"][0]["quote"] = "Batteries were allegedly moved by air"
    rec = Recorder(answer_response(bad, prompt_tokens=10, completion_tokens=5), answer_response(valdoria_answer()))
    record = make_summarizer(rec).summarize(TEXT)
    assert record.attempts.reasks == 1 and record.attempts.requests == 2
    assert record.grounding.dropped == []
    assert record.usage.prompt_tokens == 110 and record.usage.completion_tokens == 55
    reask = rec.bodies()[1]["messages"]
    assert reask[-2]["role"] == "assistant" and "allegedly moved by air" in reask[-2]["content"]
    assert "do not occur in the article" in reask[-1]["content"]
    assert "hedges[0].quote" in reask[-1]["content"]


def test_ungrounded_items_dropped_and_reported_after_reasks(make_summarizer: Any) -> None:
    bad = valdoria_answer()
    bad["escalation"]["evidence"] = ["Valdoria declared war on Kestria"]
    rec = Recorder(*[answer_response(bad) for _ in range(3)])
    record = make_summarizer(rec).summarize(TEXT)
    assert record.attempts.reasks == 2 and len(rec.requests) == 3
    assert [d.field for d in record.grounding.dropped] == ["escalation.evidence[0]"]
    assert record.summary.escalation.evidence == []
    assert len(record.summary.hedges) == 1 and len(record.summary.key_figures) == 1
    assert record.usage.total_tokens == 3 * 150


def test_strict_grounding_raises(make_summarizer: Any) -> None:
    bad = valdoria_answer()
    bad["key_figures"][0]["quote"] = "Valdoria sent 40,000 soldiers"
    rec = Recorder(*[answer_response(bad) for _ in range(2)])
    with pytest.raises(GroundingError, match="not in the article") as info:
        make_summarizer(rec, max_reasks=1, strict_grounding=True).summarize(TEXT)
    assert info.value.missing == ["Valdoria sent 40,000 soldiers"]


def test_schema_invalid_after_reasks_is_an_output_error(make_summarizer: Any) -> None:
    rec = Recorder(ok(completion("not json at all")), ok(completion('{"summary": ""}')))
    with pytest.raises(OutputError, match="no valid answer in 2 tries"):
        make_summarizer(rec, max_reasks=1).summarize(TEXT)


def test_truncated_answer_says_raise_max_tokens(make_summarizer: Any) -> None:
    rec = Recorder(ok(completion('{"summary": "Valdo', finish_reason="length")))
    with pytest.raises(OutputError, match="max_tokens=2048"):
        make_summarizer(rec).summarize(TEXT)
    assert len(rec.requests) == 1


def test_article_with_template_syntax_is_sent_verbatim(make_summarizer: Any) -> None:
    text = TEXT.replace("routine winter exercise.", "routine winter exercise {{ 7 * 7 }} and {% raw %}.")
    rec = Recorder(answer_response(valdoria_answer()))
    make_summarizer(rec).summarize(text)
    assert "{{ 7 * 7 }} and {% raw %}" in rec.bodies()[0]["messages"][1]["content"]


def test_async_path_retries_and_validates() -> None:
    async def run() -> tuple[Any, Recorder, list[float]]:
        rec = Recorder(error(429, **{"retry-after": "1"}), answer_response(valdoria_answer()))
        waits: list[float] = []

        async def fake_sleep(seconds: float) -> None:
            waits.append(seconds)

        async with Summarizer(
            model="test-model",
            async_http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(rec)),
            async_sleep=fake_sleep,
        ) as s:
            record = await s.asummarize(TEXT)
        return record, rec, waits

    record, rec, waits = asyncio.run(run())
    assert waits == [1.0] and record.attempts.requests == 2
    assert json.loads(rec.requests[0].content)["response_format"]["json_schema"]["strict"] is True
