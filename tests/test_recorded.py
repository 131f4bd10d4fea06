"""Replays of real exchanges with llama-cpp-python's server (Gemma 3 270M base model).

Recorded with ``scripts/record-cassettes-llama-cpp-python.sh`` (the native server's
recordings: ``test_recorded_native.py``); replayed offline with
``--record-mode=none --block-network``. The 270M base model writes schema-shaped
but empty answers, so these recordings exercise the re-ask loop and the final
give-up, and show what each profile puts on the wire.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from summarizer import OutputError, ProviderError, Summarizer
from summarizer.llm.providers import response_schema
from tests.conftest import ARTICLES, LLAMA_URL

MODEL = "gemma-3-270m"


def bodies(cassette: Any) -> list[dict[str, Any]]:
    return [json.loads(request.body) for request in cassette.requests]


def answers(cassette: Any) -> list[dict[str, Any]]:
    return [json.loads(response["body"]["string"]) for response in cassette.responses]


@pytest.mark.vcr
def test_llamacpp_profile_reasks_then_gives_up(vcr: Any) -> None:
    with (
        Summarizer(provider="llamacpp", base_url=LLAMA_URL, model=MODEL, max_tokens=600) as s,
        pytest.raises(OutputError, match="no valid answer in 3 tries") as info,
    ):
        s.summarize(ARTICLES / "valdoria-border.txt")

    sent = bodies(vcr)
    assert len(sent) == 3 and vcr.all_played
    for body in sent:
        assert body["response_format"] == {"type": "json_object", "schema": response_schema()}
        assert body["max_tokens"] == 600
    # Each re-ask replays the model's own answer, then the validation error.
    first_answer = answers(vcr)[0]["choices"][0]["message"]["content"]
    assert sent[1]["messages"][2] == {"role": "assistant", "content": first_answer}
    assert "summary is empty" in sent[1]["messages"][3]["content"]
    assert len(sent[2]["messages"]) == 6
    assert info.value.attempts == 3


@pytest.mark.vcr
def test_openai_profile_sends_strict_schema_and_5xx_is_bounded(vcr: Any) -> None:
    # llama-cpp-python rejects json_schema response formats, answering 500 rather than 400,
    # so the transport layer retries it until max_attempts.
    with (
        Summarizer(provider="openai", base_url=LLAMA_URL, model=MODEL, max_attempts=2) as s,
        pytest.raises(ProviderError, match="response_format") as info,
    ):
        s.summarize(ARTICLES / "orlen-ceasefire.txt")

    sent = bodies(vcr)
    assert len(sent) == 2
    fmt = sent[0]["response_format"]
    assert fmt["type"] == "json_schema"
    assert fmt["json_schema"]["strict"] is True
    assert fmt["json_schema"]["schema"] == response_schema()
    assert info.value.status_code == 500 and info.value.attempts == 2


@pytest.mark.vcr
def test_recorded_usage_is_summed_over_every_attempt(vcr: Any) -> None:
    with (
        Summarizer(provider="llamacpp", base_url=LLAMA_URL, model=MODEL, max_tokens=400, max_reasks=1) as s,
        pytest.raises(OutputError) as info,
    ):
        s.summarize(ARTICLES / "orlen-ceasefire.txt")
    recorded = [a["usage"] for a in answers(vcr)]
    assert len(recorded) == 2
    usage = info.value.usage
    assert usage.prompt_tokens == sum(u["prompt_tokens"] for u in recorded)
    assert usage.completion_tokens == sum(u["completion_tokens"] for u in recorded)
    # the second request carries the first answer and the error, so its prompt is longer
    assert recorded[1]["prompt_tokens"] > recorded[0]["prompt_tokens"]
