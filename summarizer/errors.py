"""Errors raised by summarizer.

Every error derives from one root, so ``except SummarizerError`` catches them all::

    SummarizerError
    ├── ConfigError      settings are missing or contradict each other
    │   ├── MissingExtra     an optional dependency is not installed (pip install 'summarizer[...]')
    │   └── ModelFileError   the local model file is missing, unreadable, not GGUF or not loadable
    ├── InputError       the article cannot be read, is empty or holds no sentence
    ├── ProviderError    the LLM server refused the request or kept failing
    │   ├── RunStopped       the server cannot serve this run; later requests are not sent
    │   │   ├── ServiceUnreachable   no connection (refused, DNS, TLS, connect timeout)
    │   │   └── AccessDenied         the server refused the key or account (401, 403, no quota)
    │   └── ContextTooSmall  the prompt and answer do not fit the model's context (says how many tokens)
    ├── OutputError      the model's answer stayed invalid after every re-ask
    │   └── GroundingError   strict grounding: a quote is not in the article
    ├── CacheError       the cache directory cannot be used at all
    └── WriteError       a batch's output cannot be written (disk full, read-only, a device refusing data)

``CacheWarning`` is issued (not raised) when a cache entry or directory is
unusable: the article is then summarized afresh.

Each message says what to do next. A ``RunStopped`` with ``attempts == 0`` was never
sent: its message starts "not attempted" and names the cause, which the error of the
request that showed it explains. Errors raised after tokens were spent carry
``attempts`` (requests sent) and ``usage`` (tokens billed, a ``Usage``). Only the CLI
turns them into exit codes.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AccessDenied",
    "BatchIncomplete",
    "CacheError",
    "CacheWarning",
    "ConfigError",
    "ContextTooSmall",
    "GroundingError",
    "InputError",
    "MissingExtra",
    "ModelFileError",
    "OutputError",
    "ProviderError",
    "RunStopped",
    "ServiceUnreachable",
    "SummarizerError",
    "WriteError",
]


class SummarizerError(Exception):
    """Root of every error summarizer raises."""


class ConfigError(SummarizerError):
    """Settings are missing, unknown or contradictory."""


class MissingExtra(ConfigError):
    """An optional dependency is not installed; the message names the extra to install."""


class ModelFileError(ConfigError):
    """The local model file is missing, unreadable, not a GGUF file, or llama.cpp cannot load it."""


class InputError(SummarizerError):
    """The article could not be read, or holds no text or no sentence (a single word, only punctuation)."""


class ProviderError(SummarizerError):
    """The LLM server refused the request, or failed on every allowed attempt."""

    def __init__(self, message: str, *, status_code: int | None = None, attempts: int = 1, usage: Any = None) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.attempts = attempts
        self.usage = usage


class BatchIncomplete(ProviderError):
    """The provider's Batch API gave no answer for an article: its batch was cancelled, or ended with none left."""


class RunStopped(ProviderError):
    """The server cannot serve this run: raised for the requests that showed it, then for every later one, unsent."""


class ServiceUnreachable(RunStopped):
    """No connection to the server (refused, DNS, TLS, connect timeout); several in a row stop the run."""


class AccessDenied(RunStopped):
    """The server refused the API key or account (401, 403, out of quota); the run stops asking at once."""


class ContextTooSmall(ProviderError):
    """The prompt plus the answer's token budget do not fit the model's context window."""

    def __init__(self, message: str, *, needed: int, context: int | None, attempts: int = 1, usage: Any = None) -> None:
        super().__init__(message, status_code=400, attempts=attempts, usage=usage)
        self.needed = needed
        self.context = context


class OutputError(SummarizerError):
    """The model's answer did not fit the schema after every re-ask."""

    def __init__(self, message: str, *, attempts: int = 1, usage: Any = None) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.usage = usage


class GroundingError(OutputError):
    """With strict grounding, quoted text was not found in the article."""

    def __init__(self, message: str, *, missing: list[str], attempts: int = 1, usage: Any = None) -> None:
        super().__init__(message, attempts=attempts, usage=usage)
        self.missing = missing


class CacheError(SummarizerError):
    """The cache directory cannot be created or opened."""


class WriteError(SummarizerError):
    """A batch's output could not be written: the disk is full or read-only, or the device refuses data."""


class CacheWarning(UserWarning):
    """A cache entry or directory was unusable and was treated as a miss."""
