"""Settings: explicit arguments, then SUMMARIZER_* env, then OPENAI_* env, then defaults.

``provider="local"`` runs a GGUF model file (``model_path``) in llama.cpp's server
embedded in this process (the ``summarizer[local]`` extra); ``ctx_size``, ``threads``
and ``parallel`` size that server.

Nothing is read at import time; ``resolve_settings`` reads the environment when
it is called.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlparse

from .errors import ConfigError

__all__ = [
    "BATCH_PRICE_FACTOR",
    "DEFAULT_MODEL",
    "ENGINES",
    "PRICES_PER_MTOK",
    "PROFILES",
    "Settings",
    "check_credentials",
    "default_cache_dir",
    "estimate_cost",
    "option_name",
    "resolve_settings",
]

DEFAULT_MODEL = "gpt-4o-mini"
PROFILES = ("openai", "ollama", "vllm", "llamacpp", "local")
ENGINES = ("auto", "llm", "extractive")
_LOCAL_PORTS = {11434: "ollama"}

# USD per million tokens (input, output), as listed by OpenAI; local servers cost 0.
PRICES_PER_MTOK: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4o": (2.50, 10.00),
    "gpt-4.1": (2.00, 8.00),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4.1-nano": (0.10, 0.40),
}

# The provider's Batch API bills every token at half the real-time price.
BATCH_PRICE_FACTOR = 0.5

T = TypeVar("T")

# Settings the command line also takes, as an option of the same name (max_chars: --max-chars)
CLI_OPTIONS = frozenset(
    {
        "base_url", "cache_dir", "ctx_size", "engine", "max_chars", "max_reasks", "max_tokens", "model", "model_path",
        "parallel", "provider", "refresh", "rpm", "strict_grounding", "threads", "timeout", "tpm",
    }
)  # fmt: skip


def option_name(name: str) -> str:
    """How a message names a setting: its Python name, and its command-line option when it has one."""
    return f"{name} / --{name.replace('_', '-')}" if name in CLI_OPTIONS else name


def default_cache_dir() -> Path:
    """Return the per-user cache folder (platformdirs) used when none is set."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("summarizer", appauthor=False))


@dataclass(frozen=True)
class Settings:
    """Everything one summarizer needs to know, fully resolved."""

    engine: str = "auto"
    provider: str = "openai"
    model: str = DEFAULT_MODEL
    base_url: str | None = None
    api_key: str | None = field(default=None, repr=False)
    timeout: float = 120.0
    connect_timeout: float = 10.0
    max_attempts: int = 5
    connect_attempts: int = 2
    breaker_threshold: int = 3
    max_retry_time: float = 300.0
    backoff_initial: float = 1.0
    backoff_max: float = 30.0
    max_reasks: int = 2
    temperature: float = 0.0
    max_tokens: int = 2048
    seed: int | None = 0
    cache_dir: Path | None = None
    use_cache: bool = True
    refresh: bool = False
    strict_grounding: bool = False
    verify: bool = True
    max_chars: int = 100_000
    rpm: int | None = None
    tpm: int | None = None
    summary_language: str | None = None  # ISO 639-1 code to write the LLM summary in; None/"auto": the article's
    # the provider's Batch API: per-batch limits (OpenAI: 50,000 requests, 200 MB a file) and polling back-off
    batch_max_requests: int = 50_000
    batch_max_bytes: int = 200_000_000
    batch_poll_initial: float = 10.0
    batch_poll_max: float = 300.0
    model_path: Path | None = None  # provider "local": the GGUF model file
    ctx_size: int = 8192  # provider "local": context tokens per slot (prompt, article and answer)
    threads: int | None = None  # provider "local": CPU threads; None: llama.cpp's choice
    parallel: int = 1  # provider "local": requests decoded together (slots)
    repeat_penalty: float | None = (
        None  # llama.cpp servers (local, llamacpp): >1 curbs the loops small models fall into
    )
    # batch --workers: seconds a worker process may take to start, and to show progress on what it holds
    worker_start_timeout: float = 30.0
    worker_stall_timeout: float = 300.0

    def target_language(self, article_language: str | None) -> str | None:
        """The language the summary is written in: summary_language if set, else the article's."""
        chosen = (self.summary_language or "").strip().lower()
        return article_language if chosen in ("", "auto") else chosen

    @property
    def llm_configured(self) -> bool:
        """True when a key, a base URL or a local server profile says an LLM is meant."""
        return bool(self.api_key or self.base_url or self.provider != "openai")

    def resolved_engine(self) -> str:
        """Return 'llm' or 'extractive': what 'auto' means with these settings."""
        if self.engine == "auto":
            return "llm" if self.llm_configured else "extractive"
        return self.engine

    @property
    def is_local(self) -> bool:
        """True for a server that needs no real API key."""
        return self.provider != "openai" or (
            self.base_url is not None and urlparse(self.base_url).hostname in ("127.0.0.1", "localhost", "::1")
        )

    def sampling(self) -> dict[str, Any]:
        """Return the sampling parameters that shape an answer (part of the cache key)."""
        chosen: dict[str, Any] = {"temperature": self.temperature, "max_tokens": self.max_tokens, "seed": self.seed}
        if self.repeat_penalty is not None:
            chosen["repeat_penalty"] = self.repeat_penalty
        return chosen


def _number(kind: Callable[[str], T], name: str, raw: str) -> T:
    try:
        return kind(raw)
    except ValueError as exc:
        raise ConfigError(f"{name}={raw!r} is not a valid {kind.__name__}; fix or unset it") from exc


def _flag(raw: str) -> bool:
    return raw.strip().lower() in ("1", "true", "yes", "on")


_ENV_TYPES: dict[str, Callable[[str], Any]] = {
    "timeout": float,
    "connect_timeout": float,
    "max_attempts": int,
    "connect_attempts": int,
    "breaker_threshold": int,
    "max_retry_time": float,
    "backoff_initial": float,
    "backoff_max": float,
    "max_reasks": int,
    "temperature": float,
    "max_tokens": int,
    "seed": int,
    "max_chars": int,
    "rpm": int,
    "tpm": int,
    "batch_max_requests": int,
    "batch_max_bytes": int,
    "batch_poll_initial": float,
    "batch_poll_max": float,
    "ctx_size": int,
    "threads": int,
    "parallel": int,
    "repeat_penalty": float,
    "worker_start_timeout": float,
    "worker_stall_timeout": float,
}


def resolve_settings(env: Mapping[str, str] | None = None, **explicit: Any) -> Settings:
    """Build Settings from explicit values, then the environment, then defaults."""
    env = os.environ if env is None else env
    known = {f.name for f in fields(Settings)}
    unknown = set(explicit) - known
    if unknown:
        raise ConfigError(f"unknown option(s): {', '.join(sorted(unknown))}; valid: {', '.join(sorted(known))}")
    values: dict[str, Any] = {}
    from_env: dict[str, str] = {}  # setting -> the variable it was read from, for errors
    for name in known:
        if explicit.get(name) is not None:
            values[name] = explicit[name]
            continue
        var = f"SUMMARIZER_{name.upper()}"
        raw = env.get(var)
        if raw is None or raw == "":
            continue
        from_env[name] = var
        if name in _ENV_TYPES:
            values[name] = _number(_ENV_TYPES[name], var, raw)
        elif name in ("use_cache", "refresh", "strict_grounding", "verify"):
            values[name] = _flag(raw)
        elif name in ("cache_dir", "model_path"):
            values[name] = Path(raw).expanduser()
        else:
            values[name] = raw
    if "api_key" not in values and env.get("OPENAI_API_KEY"):
        values["api_key"] = env["OPENAI_API_KEY"]
    if "base_url" not in values and env.get("OPENAI_BASE_URL"):
        values["base_url"] = env["OPENAI_BASE_URL"]
    if "engine" not in values and ("provider" in values or "model" in values):
        values["engine"] = "llm"  # a server or model named on purpose means an LLM: never a quiet offline record
    if "provider" not in values:
        port = urlparse(values.get("base_url") or "").port
        local = "model_path" in values and "base_url" not in values
        values["provider"] = "local" if local else _LOCAL_PORTS.get(port or 0, "openai")
    if values.get("engine", "auto") not in ENGINES:
        raise ConfigError(f"unknown engine {values['engine']!r}; choose one of {', '.join(ENGINES)}")
    if values["provider"] not in PROFILES:
        raise ConfigError(f"unknown provider {values['provider']!r}; choose one of {', '.join(PROFILES)}")
    settings = Settings(**values)
    if settings.cache_dir is None:
        settings = replace(settings, cache_dir=default_cache_dir())
    try:
        if settings.max_attempts < 1 or settings.max_reasks < 0:
            raise ConfigError(f"max_attempts must be at least 1 and {option_name('max_reasks')} at least 0")
        if settings.connect_attempts < 1 or settings.breaker_threshold < 0:
            raise ConfigError("connect_attempts must be at least 1 and breaker_threshold at least 0 (0: never stop)")
        _check_positive(settings)
    except ConfigError as exc:
        raise _from_env(exc, from_env) from exc
    _check_local(settings, explicit)
    return settings


_POSITIVE = (
    "timeout", "connect_timeout", "max_tokens", "max_chars", "max_retry_time", "rpm", "tpm", "ctx_size", "threads",
    "parallel", "batch_max_requests", "batch_max_bytes", "batch_poll_initial", "batch_poll_max",
    "worker_start_timeout", "worker_stall_timeout",
)  # fmt: skip
_MIN_CHARS = 200  # below a paragraph nothing is left to summarize


def _check_positive(settings: Settings) -> None:
    """Raise ConfigError for sizes, limits and times that cannot work (zero or negative)."""
    for name in _POSITIVE:
        value = getattr(settings, name)
        if value is not None and value <= 0:
            raise ConfigError(f"{option_name(name)} must be greater than 0, not {value}")
    if settings.max_chars < _MIN_CHARS:
        raise ConfigError(
            f"{option_name('max_chars')} must be at least {_MIN_CHARS} characters, not {settings.max_chars}"
        )
    if settings.backoff_initial < 0 or settings.backoff_max < settings.backoff_initial:
        raise ConfigError("backoff_initial must be at least 0 and backoff_max at least backoff_initial")


def _from_env(exc: ConfigError, from_env: Mapping[str, str]) -> ConfigError:
    """The error, naming the environment variable that set the value when one did (else the error as it is)."""
    message = str(exc)
    named = [var for name, var in sorted(from_env.items()) if name in message.split(" ")]
    return ConfigError(f"{message}; set by {' and '.join(named)}: fix or unset it") if named else exc


def _check_local(settings: Settings, explicit: dict[str, Any]) -> None:
    """Raise ConfigError when the local provider has no model file, or a model file is given to another provider."""
    if settings.provider == "local" and settings.model_path is None:
        raise ConfigError(
            "provider 'local' needs a GGUF model file: pass --model-path FILE.gguf "
            "(model_path=... in Python, or set SUMMARIZER_MODEL_PATH)"
        )
    if settings.repeat_penalty is not None and settings.provider not in ("local", "llamacpp"):
        raise ConfigError(
            f"repeat_penalty is a llama.cpp sampling option (providers local and llamacpp), not {settings.provider!r}'s"
        )
    if settings.provider != "local" and explicit.get("model_path") is not None:
        raise ConfigError(
            f"model_path is read by provider 'local' only, not {settings.provider!r}; "
            "pass --provider local, or drop --model-path"
        )


def check_credentials(settings: Settings) -> None:
    """Raise ConfigError when the settings ask OpenAI for answers without an API key."""
    if not settings.api_key and settings.provider == "openai" and not settings.is_local:
        raise ConfigError(
            "no API key: set OPENAI_API_KEY (or SUMMARIZER_API_KEY), or point "
            "SUMMARIZER_BASE_URL / --base-url at a local server with --provider "
            "ollama, vllm or llamacpp, or run a GGUF file with --provider local --model-path FILE.gguf "
            "(--engine extractive runs the built-in engine, no model)"
        )


def estimate_cost(
    model: str, prompt_tokens: int, completion_tokens: int, *, local: bool, batch: bool = False
) -> float | None:
    """Return the estimated USD cost of the tokens (at the Batch API price if batch), 0 locally, None if unpriced."""
    if local:
        return 0.0
    price = PRICES_PER_MTOK.get(model)
    if price is None:
        return None
    factor = BATCH_PRICE_FACTOR if batch else 1.0
    return round((prompt_tokens * price[0] + completion_tokens * price[1]) * factor / 1_000_000, 8)
