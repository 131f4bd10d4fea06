"""The service's own settings: explicit values first, then SUMMARIZER_SERVICE_* variables, then defaults.

The summarizer itself (engine, model, cache ...) reads the usual SUMMARIZER_* and
OPENAI_* variables through ``summarizer.config.resolve_settings``.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from ..config import default_cache_dir
from ..errors import ConfigError

__all__ = ["LOOPBACK", "ServiceSettings", "check_bind", "hash_key", "resolve_service_settings"]

PREFIX = "SUMMARIZER_SERVICE_"
LOOPBACK = frozenset({"127.0.0.1"})
_HASHED = re.compile(r"sha256:([0-9a-f]{64})\Z")


def hash_key(key: str) -> str:
    """The stored form of an API key: its SHA-256 in hex (keys are long random tokens, not passwords)."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ServiceSettings:
    """How the HTTP service runs: where it listens, who may call it, and its limits."""

    host: str = "127.0.0.1"
    port: int = 8000
    # hex SHA-256 of each accepted key; a raw key is hashed at once and never kept
    key_hashes: tuple[str, ...] = field(default=(), repr=False)
    db_path: Path | None = None
    max_body_bytes: int = 16 * 1024 * 1024
    max_article_bytes: int = 1024 * 1024
    max_batch_articles: int = 10_000
    max_queue: int = 50_000  # articles waiting in all batch jobs; more gets 503
    max_waiting: int = 256  # single-article requests waiting for a worker; more gets 503
    concurrency: int = 4  # articles summarized at once (batch jobs and single requests each)
    # processes for the extractive engine (pure-Python CPU work); 0: threads in the server process
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    rate_limit: float = 600.0  # requests per minute per key (or per client address without keys); 0: none
    rate_burst: int = 120
    cors_origins: tuple[str, ...] = ()
    shutdown_grace: float = 10.0  # seconds in-flight work may take to finish at shutdown
    # seconds a /v1/summaries request or a polished digest may take before it is answered 504; 0: no limit
    request_timeout: float = 150.0
    log_level: str = "info"

    @property
    def auth_required(self) -> bool:
        """True when API keys are configured."""
        return bool(self.key_hashes)

    def store_path(self, cache_dir: Path | None = None) -> Path:
        """The SQLite job store: db_path, else service/jobs.sqlite3 in the record cache's folder."""
        if self.db_path is not None:
            return self.db_path
        return (cache_dir or default_cache_dir()) / "service" / "jobs.sqlite3"


_INTS = {
    "port",
    "max_body_bytes",
    "max_article_bytes",
    "max_batch_articles",
    "max_queue",
    "max_waiting",
    "concurrency",
    "workers",
    "rate_burst",
}
_FLOATS = {"rate_limit", "shutdown_grace", "request_timeout"}
_LISTS = {"cors_origins"}
_ENV_NAMES = {"db_path": "DB"}  # SUMMARIZER_SERVICE_DB


def _parse_keys(raw: str) -> tuple[str, ...]:
    """Comma- or newline-separated keys; 'sha256:<hex>' entries are taken as already hashed."""
    hashes = []
    for item in re.split(r"[,\n]", raw):
        item = item.strip()
        if not item:
            continue
        match = _HASHED.match(item.lower())
        hashes.append(match[1] if match else hash_key(item))
    return tuple(hashes)


def _convert(name: str, raw: str) -> Any:
    var = PREFIX + _ENV_NAMES.get(name, name.upper())
    try:
        if name in _INTS:
            return int(raw)
        if name in _FLOATS:
            return float(raw)
    except ValueError as exc:
        raise ConfigError(f"{var}={raw!r} is not a number; fix or unset it") from exc
    if name in _LISTS:
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    if name == "db_path":
        return Path(raw).expanduser()
    return raw.strip()


def resolve_service_settings(
    env: Mapping[str, str] | None = None, *, api_keys: list[str] | None = None, **explicit: Any
) -> ServiceSettings:
    """Build ServiceSettings from explicit values, then the environment, then defaults.

    Keys come from ``api_keys``, else SUMMARIZER_SERVICE_API_KEYS (comma-separated;
    ``sha256:<hex>`` entries are stored hashes), else the file named by
    SUMMARIZER_SERVICE_API_KEYS_FILE (one key or hash a line).
    """
    env = os.environ if env is None else env
    known = {f.name for f in fields(ServiceSettings)} - {"key_hashes"}
    unknown = set(explicit) - known
    if unknown:
        raise ConfigError(f"unknown service option(s): {', '.join(sorted(unknown))}; valid: {', '.join(sorted(known))}")
    values: dict[str, Any] = {}
    for name in known:
        if explicit.get(name) is not None:
            values[name] = explicit[name]
            continue
        raw = env.get(PREFIX + _ENV_NAMES.get(name, name.upper()))
        if raw:
            values[name] = _convert(name, raw)
    if api_keys:
        values["key_hashes"] = _parse_keys(",".join(api_keys))
    elif env.get(PREFIX + "API_KEYS"):
        values["key_hashes"] = _parse_keys(env[PREFIX + "API_KEYS"])
    elif env.get(PREFIX + "API_KEYS_FILE"):
        path = Path(env[PREFIX + "API_KEYS_FILE"]).expanduser()
        try:
            values["key_hashes"] = _parse_keys(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"cannot read the API keys file {path}: {exc.strerror or exc}") from exc
    if isinstance(values.get("db_path"), str):
        values["db_path"] = Path(values["db_path"]).expanduser()
    for name in _LISTS:
        if isinstance(values.get(name), (list, str)):
            values[name] = _convert(name, values[name]) if isinstance(values[name], str) else tuple(values[name])
    settings = ServiceSettings(**values)
    for name in ("port", "max_body_bytes", "max_article_bytes", "max_batch_articles", "max_queue", "concurrency"):
        if getattr(settings, name) < 1:
            raise ConfigError(f"{name} must be at least 1, not {getattr(settings, name)}")
    if not 0 < settings.port < 65536:
        raise ConfigError(f"port must be between 1 and 65535, not {settings.port}")
    if min(settings.rate_limit, settings.max_waiting, settings.workers, settings.request_timeout) < 0:
        raise ConfigError("rate_limit, max_waiting, workers and request_timeout must be at least 0")
    if settings.rate_burst < 1:
        raise ConfigError(f"rate_burst must be at least 1, not {settings.rate_burst}")
    return settings


def check_bind(settings: ServiceSettings) -> None:
    """Refuse to listen beyond 127.0.0.1 when no API key is configured."""
    if not settings.auth_required and settings.host not in LOOPBACK:
        raise ConfigError(
            f"refusing to listen on {settings.host} without an API key: anyone who can reach it could use it. "
            "Set SUMMARIZER_SERVICE_API_KEYS (or SUMMARIZER_SERVICE_API_KEYS_FILE), or listen on 127.0.0.1"
        )
