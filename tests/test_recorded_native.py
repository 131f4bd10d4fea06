"""Replays of provider="local" against llama.cpp's native server (xllamacpp), with two small GGUF models.

Recorded with ``scripts/record-cassettes.sh``, which runs these tests with
``--record-mode=rewrite``: then ``Summarizer(provider="local")`` loads the real
models (``scripts/fetch-models.py``) in the embedded server. Replayed offline
(``--record-mode=none --block-network``), the server and the model file are
stood in for by their recorded name, hash and the exchanges in the cassettes;
the port the server had is not matched. Models of 135M and 270M parameters give
schema-shaped answers whose quotes are rarely in the article, so these show the
json_schema request the native server honours, the re-ask loop on real
small-model output, the usage of every attempt, and the server's own refusal of
a prompt longer than its context.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from summarizer import ContextTooSmall, OutputError, Summarizer, SummaryRecord
from summarizer.llm import local_server
from summarizer.llm.providers import response_schema
from tests.conftest import _SECRET_HEADERS, GEMMA3, SMOLLM2, _scrub_response

# name -> sha256 of the files scripts/fetch-models.py assembles and checks
MODELS = {
    SMOLLM2: "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
    GEMMA3: "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818",
}
# Our own short article (fictional places), so the cassettes stay small.
ARTICLE = """Harbour closed as Orlen and Kestria trade warnings

PELLA, Orlen - Orlen closed the port of Pella to Kestrian ships on Tuesday, two days after
Kestria moved three patrol boats into the strait, the harbour authority said.

About 40 cargo ships are waiting outside the port, according to shipping agents. Kestria's
foreign ministry called the closure "an act of pressure" and said its boats were on a routine
patrol. Orlen's navy has reportedly put two frigates on alert, though there is no official
confirmation.
"""
# One thread: on a busy 2-core machine two threads wait on each other (decoding 10x slower).
# At temperature 0 both models repeat themselves until max_tokens (answers cut off, which
# instructor does not re-ask); llama.cpp's repeat penalty lets their answers end.
SETTINGS: dict[str, Any] = {"ctx_size": 4096, "threads": 1, "max_reasks": 2, "timeout": 900, "repeat_penalty": 1.3}


def _skip_health(request: Any) -> Any:
    """The start-up health check is the server's business, not the exchange: not recorded."""
    return None if request.path.endswith("/health") else request


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    """As in conftest, but the embedded server's port (the OS picks it) is not matched."""
    return {
        "filter_headers": _SECRET_HEADERS,
        "before_record_request": _skip_health,
        "before_record_response": _scrub_response,
        "match_on": ["method", "scheme", "host", "path"],
        "decode_compressed_response": True,
    }


@pytest.fixture
def replaying(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """When replaying, stand in for the model file (its recorded name and hash) and for the server start.

    When recording, each model's server lives until the run ends, so later tests reuse its prompt cache.
    """
    mode = request.config.getoption("--record-mode")
    if mode == "none":

        def model_file(path: Path, cache_dir: Path | None = None) -> local_server.ModelFile:
            return local_server.ModelFile(path=path, name=path.name, sha256=MODELS[path], size=0)

        def ensure(settings: Any, model: local_server.ModelFile) -> local_server.LocalServer:
            return local_server.LocalServer(model, "http://127.0.0.1:8080", settings.ctx_size, 1, None, os.getpid())

        monkeypatch.setattr(local_server, "model_file", model_file)
        monkeypatch.setattr(local_server, "ensure_server", ensure)
        monkeypatch.setattr(local_server, "require_extra", lambda: None)
    return mode == "none"


def bodies(cassette: Any) -> list[dict[str, Any]]:
    return [json.loads(request.body) for request in cassette.requests]


def answers(cassette: Any) -> list[dict[str, Any]]:
    return [json.loads(response["body"]["string"]) for response in cassette.responses]


def summarize(model: Path, **options: Any) -> SummaryRecord | OutputError:
    with Summarizer(model_path=model, **{**SETTINGS, **options}) as s:
        try:
            return s.summarize(text=ARTICLE)
        except OutputError as exc:
            return exc


@pytest.mark.vcr
@pytest.mark.parametrize("model", [SMOLLM2, GEMMA3], ids=["smollm2", "gemma3"])
def test_native_server_gets_json_schema_and_reasks_on_real_answers(vcr: Any, replaying: bool, model: Path) -> None:
    outcome = summarize(model, max_tokens=400)
    sent, got = bodies(vcr), answers(vcr)
    assert sent and len(sent) == len(got) <= 3 and (vcr.all_played or not replaying)
    for body in sent:
        assert body["response_format"] == {
            "type": "json_schema",
            "json_schema": {"name": "SummaryResponse", "schema": response_schema()},
        }
        assert body["model"] == model.name and body["max_tokens"] == 400 and body["repeat_penalty"] == 1.3
    for before, answer, reask in zip(sent, got, sent[1:], strict=False):
        # each re-ask replays the model's own answer, then what was wrong with it
        assert reask["messages"][:-2] == before["messages"]
        assert reask["messages"][-2] == {"role": "assistant", "content": answer["choices"][0]["message"]["content"]}
        assert reask["messages"][-1]["role"] == "user"
    usage = outcome.usage
    assert usage.prompt_tokens == sum(a["usage"]["prompt_tokens"] for a in got)
    assert usage.completion_tokens == sum(a["usage"]["completion_tokens"] for a in got)
    if isinstance(outcome, OutputError):
        assert outcome.attempts == len(sent)
        if got[-1]["choices"][0]["finish_reason"] == "length":  # cut off: instructor does not re-ask that
            assert "cut off at max_tokens=400" in str(outcome)
        else:
            assert len(sent) == 3 and "no valid answer in 3 tries" in str(outcome)
    else:
        assert (outcome.provider, outcome.model, outcome.model_sha256) == ("local", model.name, MODELS[model])
        assert outcome.attempts.reasks == len(sent) - 1


@pytest.mark.vcr
def test_native_server_refuses_a_prompt_longer_than_the_context(vcr: Any, replaying: bool) -> None:
    advice = r"raise ctx_size / --ctx-size \(or SUMMARIZER_CTX_SIZE\) to at least"
    with pytest.raises(ContextTooSmall, match=advice) as info:
        summarize(SMOLLM2, ctx_size=1024, max_tokens=200)
    refusal = answers(vcr)[0]["error"]
    assert refusal["type"] == "exceed_context_size_error" and refusal["n_ctx"] == 1024
    assert info.value.needed == refusal["n_prompt_tokens"] + 200 and info.value.context == 1024
