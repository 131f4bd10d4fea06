"""provider="local": settings, model-file checks, the record's model name and hash, context errors (no server)."""

from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path
from typing import Any

import httpx2
import pytest
from typer.testing import CliRunner

from summarizer import ConfigError, ContextTooSmall, MissingExtra, ModelFileError, resolve_settings
from summarizer.cli import app
from summarizer.llm import local_server
from summarizer.llm.providers import response_format, response_schema
from tests.conftest import ARTICLES, Recorder, answer_response, completion, ok, valdoria_answer

ARTICLE = ARTICLES / "valdoria-border.txt"


@pytest.fixture
def gguf(tmp_path: Path) -> Path:
    """A file that starts like a GGUF model (never loaded: the server is stubbed)."""
    path = tmp_path / "tiny-model.Q4_0.gguf"
    path.write_bytes(b"GGUF" + bytes(range(256)) * 8)
    return path


@pytest.fixture
def stub_server(monkeypatch: pytest.MonkeyPatch) -> list[local_server.ModelFile]:
    """Stand in for the embedded server: record which model it was asked to start; 4,096 tokens a slot."""
    started: list[local_server.ModelFile] = []

    def ensure(settings: Any, model: local_server.ModelFile) -> local_server.LocalServer:
        started.append(model)
        return local_server.LocalServer(model, "http://127.0.0.1:9", 4096, 1, None, os.getpid())

    monkeypatch.setattr(local_server, "ensure_server", ensure)
    return started


def test_model_path_selects_the_local_provider_and_env_follows_the_order(
    monkeypatch: pytest.MonkeyPatch, gguf: Path
) -> None:
    s = resolve_settings(model_path=gguf)
    assert (s.provider, s.model_path, s.ctx_size, s.threads, s.parallel) == ("local", gguf, 8192, None, 1)
    monkeypatch.setenv("SUMMARIZER_MODEL_PATH", str(gguf))
    monkeypatch.setenv("SUMMARIZER_CTX_SIZE", "4096")
    monkeypatch.setenv("SUMMARIZER_PARALLEL", "2")
    s = resolve_settings(ctx_size=2048)
    assert (s.provider, s.model_path, s.ctx_size, s.parallel) == ("local", gguf, 2048, 2)
    assert s.is_local and s.resolved_engine() == "llm"


def test_local_settings_that_cannot_work_are_config_errors(gguf: Path) -> None:
    with pytest.raises(ConfigError, match="needs a GGUF model file: pass --model-path"):
        resolve_settings(provider="local")
    with pytest.raises(ConfigError, match="provider 'local' only"):
        resolve_settings(provider="ollama", model_path=gguf)
    with pytest.raises(ConfigError, match="ctx_size / --ctx-size must be greater than 0"):
        resolve_settings(model_path=gguf, ctx_size=0)


def test_missing_or_non_gguf_model_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match=r"no model file at .*--model-path"):
        local_server.model_file(tmp_path / "absent.gguf")
    with pytest.raises(ModelFileError, match="is not a file"):
        local_server.model_file(tmp_path)
    text = tmp_path / "notes.gguf"
    text.write_text("not a model", encoding="utf-8")
    with pytest.raises(ModelFileError, match="not a GGUF file"):
        local_server.model_file(text)


def test_missing_extra_names_the_install_command(monkeypatch: pytest.MonkeyPatch, gguf: Path) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "xllamacpp" else real(name, *a))
    from summarizer import Summarizer

    with pytest.raises(MissingExtra, match=r"pip install 'summarizer\[local\]'"):
        Summarizer(model_path=gguf)


def test_model_hash_is_remembered_per_path_mtime_and_size(
    monkeypatch: pytest.MonkeyPatch, gguf: Path, tmp_path: Path
) -> None:
    reads: list[Path] = []
    real = local_server._sha256
    monkeypatch.setattr(local_server, "_sha256", lambda path: reads.append(path) or real(path))
    monkeypatch.setattr(local_server, "_hashes", {})
    first = local_server.model_file(gguf, tmp_path / "cache")
    assert first.sha256 == hashlib.sha256(gguf.read_bytes()).hexdigest() and first.name == gguf.name
    local_server.model_file(gguf, tmp_path / "cache")
    monkeypatch.setattr(local_server, "_hashes", {})  # a new process: the cache folder remembers
    assert local_server.model_file(gguf, tmp_path / "cache").sha256 == first.sha256
    assert len(reads) == 1
    gguf.write_bytes(b"GGUF" + b"other weights")
    assert local_server.model_file(gguf, tmp_path / "cache").sha256 != first.sha256
    assert len(reads) == 2


def test_local_record_names_the_model_file_and_its_hash(
    make_summarizer: Any, gguf: Path, stub_server: list[Any]
) -> None:
    rec = Recorder(answer_response(valdoria_answer()))
    record = make_summarizer(rec, model_path=gguf).summarize(ARTICLE)
    digest = hashlib.sha256(gguf.read_bytes()).hexdigest()
    assert (record.provider, record.model, record.model_sha256) == ("local", gguf.name, digest)
    assert record.cost_usd == 0.0 and record.usage.prompt_tokens == 100
    body = rec.bodies()[0]
    assert body["response_format"] == {
        "type": "json_schema",
        "json_schema": {"name": "SummaryResponse", "schema": response_schema()},
    }
    assert body["model"] == gguf.name
    assert str(rec.requests[0].url) == "http://127.0.0.1:9/v1/chat/completions"
    assert response_format("local") == body["response_format"]


def test_cache_key_follows_the_model_files_bytes(make_summarizer: Any, gguf: Path, stub_server: list[Any]) -> None:
    make_summarizer(Recorder(answer_response(valdoria_answer())), model_path=gguf).summarize(ARTICLE)
    again = make_summarizer(Recorder(), model_path=gguf).summarize(ARTICLE)
    assert again.cached and again.model_sha256 == hashlib.sha256(gguf.read_bytes()).hexdigest()
    assert len(stub_server) == 1  # a cache hit starts no server
    gguf.write_bytes(b"GGUF" + b"retrained weights")  # same name, other model
    rec = Recorder(answer_response(valdoria_answer()))
    fresh = make_summarizer(rec, model_path=gguf).summarize(ARTICLE)
    assert not fresh.cached and len(rec.requests) == 1


def _exceeded(prompt_tokens: int, n_ctx: int) -> httpx2.Response:
    """llama.cpp server's answer to a prompt longer than a slot's context."""
    return httpx2.Response(
        400,
        json={
            "error": {
                "code": 400,
                "message": f"request ({prompt_tokens} tokens) exceeds the available context size ({n_ctx} tokens)",
                "type": "exceed_context_size_error",
                "n_prompt_tokens": prompt_tokens,
                "n_ctx": n_ctx,
            }
        },
    )


def test_prompt_longer_than_the_context_says_how_many_tokens_it_needs(
    make_summarizer: Any, gguf: Path, stub_server: list[Any]
) -> None:
    rec = Recorder(_exceeded(5000, 4096))
    with pytest.raises(ContextTooSmall, match=r"5,000 tokens .* 5,600 in all, but a slot holds 4,096") as info:
        make_summarizer(rec, model_path=gguf, max_tokens=600).summarize(ARTICLE)
    assert "raise ctx_size / --ctx-size (or SUMMARIZER_CTX_SIZE) to at least 5,600" in str(info.value)
    assert (info.value.needed, info.value.context, info.value.attempts) == (5600, 4096, 1)
    assert len(rec.requests) == 1  # a 400 is not retried


def test_answer_cut_by_a_full_context_is_not_blamed_on_max_tokens(
    make_summarizer: Any, gguf: Path, stub_server: list[Any]
) -> None:
    cut = ok(completion('{"summary": "Valdo', prompt_tokens=3900, completion_tokens=196, finish_reason="length"))
    with pytest.raises(ContextTooSmall, match=r"at least 5,948") as info:
        make_summarizer(Recorder(cut), model_path=gguf, max_tokens=2048).summarize(ARTICLE)
    assert info.value.usage.prompt_tokens == 3900


def test_other_llamacpp_servers_get_the_servers_own_advice(make_summarizer: Any) -> None:
    rec = Recorder(_exceeded(3000, 2048))
    with pytest.raises(ContextTooSmall, match=r"larger context per slot \(llama-server -c\)"):
        make_summarizer(rec, provider="llamacpp", base_url="http://127.0.0.1:8080/v1").summarize(ARTICLE)


def test_cli_reports_a_missing_model_file_as_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["summarize", str(ARTICLE), "--provider", "local", "--model-path", str(tmp_path / "none.gguf")]
    )
    assert result.exit_code == 2
    assert "no model file at" in result.output and "--model-path" in result.output
    assert "{" not in result.stdout  # no record printed


def test_a_gguf_file_llama_cpp_cannot_load_is_a_model_file_error(gguf: Path) -> None:
    pytest.importorskip("xllamacpp")
    from summarizer import Summarizer

    with (
        Summarizer(model_path=gguf, use_cache=False) as s,
        pytest.raises(ModelFileError, match=r"llama.cpp could not load .*fetch the file again"),
    ):
        s.summarize(ARTICLE)


def test_async_path_starts_the_server_off_the_event_loop(gguf: Path, stub_server: list[Any]) -> None:
    import asyncio

    from summarizer import Summarizer

    rec = Recorder(answer_response(valdoria_answer()))

    async def run() -> Any:
        client = httpx2.AsyncClient(transport=httpx2.MockTransport(rec))
        async with Summarizer(model_path=gguf, async_http_client=client) as s:
            return await s.asummarize(ARTICLE)

    record = asyncio.run(run())
    assert record.model == gguf.name and len(stub_server) == 1
    assert str(rec.requests[0].url).startswith("http://127.0.0.1:9/v1/")


def test_repeat_penalty_reaches_llama_cpp_and_the_cache_key(
    make_summarizer: Any, gguf: Path, stub_server: list[Any]
) -> None:
    rec = Recorder(answer_response(valdoria_answer()), answer_response(valdoria_answer()))
    make_summarizer(rec, model_path=gguf).summarize(ARTICLE)
    make_summarizer(rec, model_path=gguf, repeat_penalty=1.3).summarize(ARTICLE)  # not the first one's cache entry
    first, second = rec.bodies()
    assert "repeat_penalty" not in first and second["repeat_penalty"] == 1.3
    with pytest.raises(ConfigError, match=r"repeat_penalty is a llama\.cpp sampling option"):
        resolve_settings(provider="openai", repeat_penalty=1.1)
