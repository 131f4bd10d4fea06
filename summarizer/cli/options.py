"""The command line's shared pieces: option groups declared once, quiet help, logging to stderr.

An option group is a dataclass whose fields are typer options; ``with_options``
adds a group's options to a command and hands the command one instance. Every
command that talks to a server takes the same ``ServerOptions``, every command
that summarizes takes the same ``ArticleOptions``, and both map one to one onto
``Settings`` fields, as the Python API takes them.
"""

from __future__ import annotations

import functools
import inspect
import logging
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Annotated, Any, get_type_hints

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from ..config import Settings

__all__ = ["ArticleOptions", "Command", "Group", "ServerOptions", "configure_logging", "with_options"]

SERVER = "LLM server"
LOCAL = "Local model (--provider local)"
ARTICLES = "Articles and cache"


def _default(name: str) -> str:
    """A setting's default as --help shows it, read from Settings so the two never differ."""
    value = Settings.__dataclass_fields__[name].default
    return f"default {value:,g}" if isinstance(value, (int, float)) else f"default {value}"


@dataclass(frozen=True)
class ServerOptions:
    """Which server answers and how: the same for summarize, batch and digest --polish."""

    model: Annotated[str | None, typer.Option(metavar="NAME", help="Model name.", rich_help_panel=SERVER)] = None
    base_url: Annotated[
        str | None, typer.Option(metavar="URL", help="OpenAI-compatible server URL.", rich_help_panel=SERVER)
    ] = None
    provider: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Server profile: openai, ollama, vllm, llamacpp, or local (a GGUF file run in-process).",
            rich_help_panel=SERVER,
        ),
    ] = None
    timeout: Annotated[
        float | None,
        typer.Option(metavar="SECONDS", help=f"Seconds per request ({_default('timeout')}).", rich_help_panel=SERVER),
    ] = None
    max_tokens: Annotated[
        int | None,
        typer.Option(
            metavar="N", help=f"Cap on the answer's tokens ({_default('max_tokens')}).", rich_help_panel=SERVER
        ),
    ] = None
    max_reasks: Annotated[
        int | None,
        typer.Option(
            metavar="N",
            help=f"Re-asks allowed for an invalid answer ({_default('max_reasks')}).",
            rich_help_panel=SERVER,
        ),
    ] = None
    model_path: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE",
            help="GGUF model file to run (needs: pip install 'summarizer\\[local]').",
            rich_help_panel=LOCAL,
        ),
    ] = None
    ctx_size: Annotated[
        int | None,
        typer.Option(metavar="N", help=f"Context tokens per slot ({_default('ctx_size')}).", rich_help_panel=LOCAL),
    ] = None
    threads: Annotated[
        int | None, typer.Option(metavar="N", help="CPU threads (default: llama.cpp's choice).", rich_help_panel=LOCAL)
    ] = None
    parallel: Annotated[
        int | None,
        typer.Option(
            metavar="N", help=f"Requests decoded at once (slots; {_default('parallel')}).", rich_help_panel=LOCAL
        ),
    ] = None

    def settings(self) -> dict[str, Any]:
        """The Settings fields given on the command line; unset ones fall through to env and defaults."""
        return {key: value for key, value in asdict(self).items() if value is not None}


@dataclass(frozen=True)
class ArticleOptions:
    """How articles are summarized and cached: the same for summarize and batch."""

    engine: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="auto (LLM if configured, else extractive), llm or extractive.",
            rich_help_panel=ARTICLES,
        ),
    ] = None
    max_chars: Annotated[
        int | None,
        typer.Option(
            metavar="N",
            help=f"Truncate longer articles, with a warning ({_default('max_chars')} characters).",
            rich_help_panel=ARTICLES,
        ),
    ] = None
    cache_dir: Annotated[Path | None, typer.Option(metavar="DIR", help="Cache folder.", rich_help_panel=ARTICLES)] = (
        None
    )
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the cache.", rich_help_panel=ARTICLES)
    ] = False
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Ignore cached records and ask again.", rich_help_panel=ARTICLES)
    ] = False
    strict_grounding: Annotated[
        bool,
        typer.Option("--strict-grounding", help="Fail instead of dropping unquotable items.", rich_help_panel=ARTICLES),
    ] = False

    def settings(self) -> dict[str, Any]:
        """The Settings fields given on the command line; unset ones fall through to env and defaults."""
        given: dict[str, Any] = {
            "engine": self.engine,
            "max_chars": self.max_chars,
            "cache_dir": self.cache_dir,
            "use_cache": False if self.no_cache else None,
            "refresh": self.refresh or None,
            "strict_grounding": self.strict_grounding or None,
        }
        return {key: value for key, value in given.items() if value is not None}


@dataclass(frozen=True)
class _Verbose:
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log requests and retries.")] = False


def with_options(**groups: type[Any]) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Add each group's options (and -v) to a command; it receives one group instance per keyword."""

    def decorate(func: Callable[..., None]) -> Callable[..., None]:
        signature = inspect.signature(func, eval_str=True)
        own = [p for name, p in signature.parameters.items() if name not in groups]
        added: list[inspect.Parameter] = []
        for group in [*groups.values(), _Verbose]:
            hints = get_type_hints(group, include_extras=True)
            added += [
                inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default, annotation=hints[f.name])
                for f in fields(group)
            ]

        @functools.wraps(func)
        def command(**values: Any) -> None:
            if values.pop("verbose"):
                configure_logging(verbose=True)
            for key, group in groups.items():
                values[key] = group(**{f.name: values.pop(f.name) for f in fields(group)})
            func(**values)

        params = own + added
        command.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
        command.__annotations__ = {p.name: p.annotation for p in params} | {"return": None}
        return command

    return decorate


class _Argument(TyperArgument):
    """An argument shown as its metavar alone: ARTICLE, not {source} <str>."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _usage_display_name(self) -> str:
        name = self.display_name_raw
        return name if self.required else f"[{name}]"


def _quiet(params: list[Any]) -> list[Any]:
    for param in params:
        if isinstance(param, TyperArgument):
            param.__class__ = _Argument
            param.metavar = param.metavar or (param.name or "").upper()
        elif isinstance(param, TyperOption) and (param.is_flag or param.count) and param.metavar is None:
            param.metavar = ""  # a flag takes no value: no <bool> after it
    return params


class Command(TyperCommand):
    """A command whose help shows what to type, without type names."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _quiet(super().get_params(ctx))


class Group(TyperGroup):
    """The top-level group, with the same quiet help."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _quiet(super().get_params(ctx))


class _Stderr(logging.Handler):
    """Write log lines to whatever sys.stderr is now (the test runner swaps it)."""

    def emit(self, record: logging.LogRecord) -> None:
        print(self.format(record), file=sys.stderr)


def configure_logging(*, verbose: bool) -> None:
    """Notes always, and with verbose each request and retry, as 'note:' lines on standard error."""
    level = logging.INFO if verbose else logging.WARNING
    for name in ("summarizer", "httpx2"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, _Stderr) for h in logger.handlers):
            handler = _Stderr()
            handler.setFormatter(logging.Formatter("note: %(message)s"))
            logger.addHandler(handler)
        logger.propagate = False
        logger.setLevel(level)
    # instructor logs each give-up at ERROR and counts re-asks as attempts; the CLI
    # reports the give-up once, as its own error, with the requests actually sent
    instructor = logging.getLogger("instructor")
    if not instructor.handlers:
        instructor.addHandler(logging.NullHandler())
    instructor.propagate = False
