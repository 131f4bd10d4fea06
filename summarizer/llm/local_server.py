"""llama.cpp's native server embedded in this process (xllamacpp), for ``provider="local"``.

One server per process and (model file, context, threads, slots): started on first
use on 127.0.0.1 at a port the OS picks, checked healthy within a bounded wait, and
stopped at exit. Requests reach it over HTTP through the same ``ChatClient`` path as
any other server. xllamacpp comes with the ``summarizer[local]`` extra and is
imported only here, only when a server starts.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import importlib.util
import json
import os
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings, option_name
from ..errors import ContextTooSmall, MissingExtra, ModelFileError

__all__ = [
    "LocalServer",
    "ModelFile",
    "context_error",
    "context_refusal",
    "ensure_server",
    "model_file",
    "require_extra",
    "stop_all",
]

GGUF_MAGIC = b"GGUF"
HEALTH_WAIT = 60.0  # seconds a started server has to say it is healthy
_HASHES_FILE = "model-sha256.json"
_INSTALL = "pip install 'summarizer[local]'"

_lock = threading.Lock()
_hashes: dict[tuple[str, int, int], str] = {}
_servers: dict[tuple[Any, ...], LocalServer] = {}
_inherited: list[LocalServer] = []  # a forked child's copies of its parent's servers: never dropped there


@dataclass(frozen=True)
class ModelFile:
    """A GGUF model file as the record names it: file name and sha256 of its bytes."""

    path: Path
    name: str
    sha256: str
    size: int

    @property
    def identity(self) -> str:
        """Name and hash together, for cache keys."""
        return f"{self.name}@{self.sha256}"


def require_extra() -> None:
    """Raise MissingExtra unless xllamacpp is importable."""
    if importlib.util.find_spec("xllamacpp") is None:
        raise MissingExtra(f"provider 'local' runs models with the optional xllamacpp package: {_INSTALL}")


def _stored_hashes(cache_dir: Path | None) -> dict[str, str]:
    if cache_dir is None:
        return {}
    try:
        data = json.loads((cache_dir / _HASHES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return (
        {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)} if isinstance(data, dict) else {}
    )


def _store_hash(cache_dir: Path | None, key: str, digest: str) -> None:
    """Remember a file's hash on disk so the next process need not read the file again; failures are ignored."""
    if cache_dir is None:
        return
    stored = _stored_hashes(cache_dir)
    stored[key] = digest
    with contextlib.suppress(OSError):
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = cache_dir / f".{_HASHES_FILE}.{os.getpid()}"
        partial.write_text(json.dumps(stored, indent=1, sort_keys=True), encoding="utf-8")
        partial.replace(cache_dir / _HASHES_FILE)


def model_file(path: Path, cache_dir: Path | None = None) -> ModelFile:
    """Check that path is a readable GGUF file and return it with its sha256 (remembered per path, mtime and size)."""
    path = Path(path).expanduser()
    hint = "; pass --model-path (or SUMMARIZER_MODEL_PATH) a .gguf model file"
    try:
        resolved = path.resolve()
        info = resolved.stat()
        if not resolved.is_file():
            raise ModelFileError(f"{path} is not a file{hint}")
        with resolved.open("rb") as handle:
            magic = handle.read(4)
    except FileNotFoundError as exc:
        raise ModelFileError(f"no model file at {path}{hint}") from exc
    except PermissionError as exc:
        raise ModelFileError(f"cannot read the model file {path} (permission denied); check its permissions") from exc
    except OSError as exc:
        raise ModelFileError(f"cannot read the model file {path} ({exc.strerror or exc}){hint}") from exc
    if magic != GGUF_MAGIC:
        raise ModelFileError(
            f"{path} is not a GGUF file (it does not start with 'GGUF'); the local provider runs llama.cpp "
            "GGUF models: convert the model or download its .gguf build"
        )
    key = (str(resolved), info.st_mtime_ns, info.st_size)
    digest = _hashes.get(key)
    if digest is None:
        disk_key = "|".join(str(part) for part in key)
        digest = _stored_hashes(cache_dir).get(disk_key)
        if digest is None:
            digest = _sha256(resolved)
            _store_hash(cache_dir, disk_key, digest)
        _hashes[key] = digest
    return ModelFile(path=resolved, name=resolved.name, sha256=digest, size=info.st_size)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class LocalServer:
    """A running embedded server: where to send requests and how many tokens a slot holds."""

    model: ModelFile
    address: str  # http://127.0.0.1:PORT
    context: int  # tokens per slot: prompt plus answer must fit
    slots: int
    handle: Any  # the xllamacpp.Server; dropping it stops the server
    pid: int

    @property
    def url(self) -> str:
        """The OpenAI-compatible base URL."""
        return f"{self.address}/v1"


def _get_json(url: str, timeout: float) -> Any:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.loads(response.read())


def _wait_healthy(address: str, deadline: float) -> None:
    """Poll /health until it answers ok, or raise ModelFileError when the deadline passes."""
    while True:
        try:
            if _get_json(f"{address}/health", timeout=2.0).get("status") == "ok":
                return
        except (OSError, ValueError, urllib.error.URLError):
            pass  # still loading (503) or not listening yet
        if time.monotonic() > deadline:
            raise ModelFileError(f"the local server at {address} did not become healthy within {HEALTH_WAIT:.0f} s")
        time.sleep(0.1)


def _start(model: ModelFile, settings: Settings) -> LocalServer:
    require_extra()
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = str(model.path)
    params.n_ctx = settings.ctx_size * settings.parallel  # llama.cpp splits the context among the slots
    params.n_parallel = settings.parallel
    params.hostnames = ["127.0.0.1"]
    params.port = 0  # the OS picks a free port
    params.ui = False
    params.verbosity = 0  # a library prints nothing; failures become errors below
    if settings.threads is not None:
        params.cpuparams.n_threads = settings.threads
        params.cpuparams_batch.n_threads = settings.threads
    try:
        handle = xllamacpp.Server(params)
    except RuntimeError as exc:
        raise ModelFileError(
            f"llama.cpp could not load {model.path}: the file may be truncated or of a model architecture "
            f"this xllamacpp build does not know, or a context of {params.n_ctx:,} tokens may not fit in "
            "memory; fetch the file again, try another model, or lower --ctx-size/--parallel"
        ) from exc
    address = str(handle.listening_address).rstrip("/")
    _wait_healthy(address, time.monotonic() + HEALTH_WAIT)
    return LocalServer(model, address, settings.ctx_size, settings.parallel, handle, os.getpid())


def ensure_server(settings: Settings, model: ModelFile) -> LocalServer:
    """Return this process's server for the model and sizes in settings, starting it on first use."""
    key = (model.path, model.sha256, settings.ctx_size, settings.threads, settings.parallel)
    with _lock:
        server = _servers.get(key)
        if server is not None and server.pid != os.getpid():  # a forked child starts its own
            _inherited.append(server)
            server = None
        if server is None:
            server = _servers[key] = _start(model, settings)
        return server


def context_refusal(body: object) -> tuple[int, int | None] | None:
    """(prompt tokens, context) when a llama.cpp server's error body refuses a prompt longer than its context."""
    if not isinstance(body, dict):
        return None
    body = body.get("error", body)
    if not isinstance(body, dict) or body.get("type") != "exceed_context_size_error":
        return None
    prompt, context = body.get("n_prompt_tokens"), body.get("n_ctx")
    if not isinstance(prompt, int):
        return None
    return prompt, context if isinstance(context, int) else None


def context_error(prompt_tokens: int, context: int | None, settings: Settings) -> ContextTooSmall:
    """The error for an article whose prompt plus answer budget exceed a slot's context, with the tokens it needs."""
    needed = prompt_tokens + settings.max_tokens
    where = f"a slot holds {context:,}" if context else "the server's context is smaller"
    if settings.provider == "local":
        advice = f"raise {option_name('ctx_size')} (or SUMMARIZER_CTX_SIZE) to at least {needed:,}"
    else:
        advice = "start the server with a larger context per slot (llama-server -c)"
    return ContextTooSmall(
        f"the article does not fit the model's context: the prompt takes {prompt_tokens:,} tokens and the "
        f"answer up to {settings.max_tokens:,} ({option_name('max_tokens')}), {needed:,} in all, but {where}; "
        f"{advice}, or lower {option_name('max_chars')} or {option_name('max_tokens')}",
        needed=needed,
        context=context,
    )


def stop_all() -> None:
    """Stop every server this process started (also run at exit)."""
    with _lock:
        servers = [s for s in _servers.values() if s.pid == os.getpid()]
        _inherited.extend(s for s in _servers.values() if s.pid != os.getpid())
        _servers.clear()
    for server in servers:
        server.handle = None  # xllamacpp stops the server when its object goes away
    servers.clear()


atexit.register(stop_all)
