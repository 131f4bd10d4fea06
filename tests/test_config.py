"""Settings precedence: explicit > SUMMARIZER_* > OPENAI_* > defaults, read when used."""

from __future__ import annotations

import pytest

from summarizer import ConfigError, Summarizer, resolve_settings
from summarizer.config import DEFAULT_MODEL, estimate_cost
from tests.conftest import MARKER_KEY


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY")
    s = resolve_settings()
    assert (s.provider, s.model, s.base_url, s.api_key) == ("openai", DEFAULT_MODEL, None, None)
    assert s.max_reasks == 2 and s.use_cache


def test_precedence_key_and_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://openai-env:1/v1")
    assert resolve_settings().api_key == MARKER_KEY
    assert resolve_settings().base_url == "http://openai-env:1/v1"

    monkeypatch.setenv("SUMMARIZER_API_KEY", "sk-summarizer-env")
    monkeypatch.setenv("SUMMARIZER_BASE_URL", "http://summarizer-env:2/v1")
    assert resolve_settings().api_key == "sk-summarizer-env"
    assert resolve_settings().base_url == "http://summarizer-env:2/v1"

    s = resolve_settings(api_key="sk-explicit", base_url="http://explicit:3/v1")
    assert (s.api_key, s.base_url) == ("sk-explicit", "http://explicit:3/v1")


def test_env_is_read_when_used_not_at_import(monkeypatch: pytest.MonkeyPatch) -> None:
    # summarizer is imported long before this line; the value must still be seen.
    monkeypatch.setenv("SUMMARIZER_MODEL", "model-set-after-import")
    assert resolve_settings().model == "model-set-after-import"


def test_numbers_and_flags_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_MAX_REASKS", "4")
    monkeypatch.setenv("SUMMARIZER_TEMPERATURE", "0.3")
    monkeypatch.setenv("SUMMARIZER_STRICT_GROUNDING", "yes")
    s = resolve_settings()
    assert (s.max_reasks, s.temperature, s.strict_grounding) == (4, 0.3, True)
    assert resolve_settings(max_reasks=1).max_reasks == 1


def test_bad_number_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_MAX_TOKENS", "lots")
    with pytest.raises(ConfigError, match="SUMMARIZER_MAX_TOKENS='lots'"):
        resolve_settings()


def test_provider_inferred_from_ollama_port_and_checked() -> None:
    assert resolve_settings(base_url="http://localhost:11434/v1").provider == "ollama"
    assert resolve_settings(base_url="http://localhost:9999/v1").provider == "openai"
    with pytest.raises(ConfigError, match="unknown provider 'bard'"):
        resolve_settings(provider="bard")


def test_unknown_option_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown option"):
        resolve_settings(temprature=0.2)


def test_openai_without_key_says_what_to_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY")
    with pytest.raises(ConfigError, match="set OPENAI_API_KEY"):
        Summarizer(engine="llm")
    with Summarizer(provider="ollama") as local:  # local servers need no key
        assert local.engine == "llm"


def test_engine_auto_means_llm_only_when_one_is_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_settings().resolved_engine() == "llm"  # the marker key is set
    monkeypatch.delenv("OPENAI_API_KEY")
    assert resolve_settings().resolved_engine() == "extractive"
    assert resolve_settings(base_url="http://127.0.0.1:9/v1").resolved_engine() == "llm"
    assert resolve_settings(engine="extractive", api_key="sk-x").resolved_engine() == "extractive"
    with pytest.raises(ConfigError, match="unknown engine"):
        resolve_settings(engine="gpt")


def test_key_is_not_in_settings_repr() -> None:
    assert MARKER_KEY not in repr(resolve_settings())


def test_cost_estimate() -> None:
    assert estimate_cost("gpt-4o-mini", 1_000_000, 1_000_000, local=False) == pytest.approx(0.75)
    assert estimate_cost("unknown-model", 10, 10, local=False) is None
    assert estimate_cost("anything", 10, 10, local=True) == 0.0
