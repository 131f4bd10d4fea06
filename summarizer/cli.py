"""Command line: a thin face over the Python API; errors become exit codes here only.

Exit codes: 0 success, 1 the work failed (provider, output, schema drift),
2 usage or configuration error.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from .api import Summarizer
from .errors import ConfigError, InputError, SummarizerError
from .models import stale_schemas, write_schemas

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn news articles into structured, verifiable records.",
)


class _Stderr(logging.Handler):
    """Write log lines to whatever sys.stderr is now (the test runner swaps it)."""

    def emit(self, record: logging.LogRecord) -> None:
        print(self.format(record), file=sys.stderr)


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log requests and retries.")] = False) -> None:
    """Turn news articles into structured, verifiable records."""
    ours = logging.getLogger("summarizer")
    if not any(isinstance(h, _Stderr) for h in ours.handlers):
        handler = _Stderr()
        handler.setFormatter(logging.Formatter("note: %(message)s"))
        ours.addHandler(handler)
        ours.propagate = False
    if verbose:
        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    else:
        # instructor logs each give-up at ERROR; the CLI reports it once, as our own error
        logging.getLogger("instructor").addHandler(logging.NullHandler())
        logging.getLogger("instructor").propagate = False


def _fail(exc: SummarizerError) -> typer.Exit:
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(2 if isinstance(exc, (ConfigError, InputError)) else 1)


@app.command()
def summarize(
    source: Annotated[str, typer.Argument(help="Article file, or - to read standard input.")],
    engine: Annotated[
        str | None, typer.Option(help="auto (LLM if configured, else extractive), llm or extractive.")
    ] = None,
    model: Annotated[str | None, typer.Option(help="Model name.")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible server URL.")] = None,
    provider: Annotated[str | None, typer.Option(help="Server profile: openai, ollama, vllm or llamacpp.")] = None,
    max_tokens: Annotated[int | None, typer.Option(help="Cap on the answer's tokens.")] = None,
    max_reasks: Annotated[int | None, typer.Option(help="Re-asks allowed for an invalid answer.")] = None,
    timeout: Annotated[float | None, typer.Option(help="Seconds per request.")] = None,
    cache_dir: Annotated[Path | None, typer.Option(help="Cache folder.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")] = False,
    refresh: Annotated[bool, typer.Option("--refresh", help="Ignore cached records and ask again.")] = False,
    strict_grounding: Annotated[
        bool, typer.Option("--strict-grounding", help="Fail instead of dropping unquotable items.")
    ] = False,
    indent: Annotated[int, typer.Option(help="JSON indentation; 0 for one line.")] = 2,
) -> None:
    """Summarize one article and print its record as JSON."""
    options: dict[str, Any] = {
        "engine": engine,
        "model": model,
        "base_url": base_url,
        "provider": provider,
        "max_tokens": max_tokens,
        "max_reasks": max_reasks,
        "timeout": timeout,
        "cache_dir": cache_dir,
        "use_cache": False if no_cache else None,
        "strict_grounding": strict_grounding or None,
    }
    try:
        text: str | Path = sys.stdin.read() if source == "-" else Path(source)
        if isinstance(text, Path) and not text.is_file():
            raise InputError(f"{source} is not a file; give a path to an article or - for standard input")
        with Summarizer(**options) as summarizer:
            record = summarizer.summarize(text, refresh=refresh)
    except SummarizerError as exc:
        raise _fail(exc) from exc
    typer.echo(record.model_dump_json(indent=indent or None))


def _common_options(**values: Any) -> dict[str, Any]:
    """Map CLI flags to Summarizer options; unset flags fall through to env and defaults."""
    return {key: value for key, value in values.items() if value is not None}


def _stop_writing_stdout() -> None:
    """The reader of standard output went away: send the rest nowhere, quietly."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, ValueError):
        os.dup2(devnull, sys.stdout.fileno())


@app.command()
def batch(
    folder: Annotated[
        Path, typer.Argument(help="Folder of articles (txt, md, html, json, jsonl, also .gz), or one file.")
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Output file; - (or a pipe) streams JSON lines to stdout.")
    ] = None,
    out_dir: Annotated[Path | None, typer.Option(help="Write one file per article into this folder.")] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="jsonl, json, csv or md (default: from the file's extension, else jsonl)."),
    ] = None,
    glob: Annotated[
        list[str] | None, typer.Option(help="Only files matching (repeatable); '*.html' matches in subfolders too.")
    ] = None,
    exclude: Annotated[list[str] | None, typer.Option(help="Skip files or folders matching (repeatable).")] = None,
    text_field: Annotated[str | None, typer.Option(help="Field holding the text in JSON/JSONL inputs.")] = None,
    concurrency: Annotated[int, typer.Option(help="Articles in flight at once.")] = 8,
    rpm: Annotated[int | None, typer.Option(help="At most this many requests per minute.")] = None,
    tpm: Annotated[int | None, typer.Option(help="At most this many tokens per minute.")] = None,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Redo the error records only.")] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print what would run (stdout), with token and cost estimates.")
    ] = False,
    engine: Annotated[str | None, typer.Option(help="auto, llm or extractive.")] = None,
    model: Annotated[str | None, typer.Option(help="Model name.")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible server URL.")] = None,
    provider: Annotated[str | None, typer.Option(help="openai, ollama, vllm or llamacpp.")] = None,
    max_chars: Annotated[int | None, typer.Option(help="Truncate longer articles (with a warning).")] = None,
    cache_dir: Annotated[Path | None, typer.Option(help="Cache folder.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the cache.")] = False,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress line (default: on a terminal).")
    ] = None,
) -> None:
    """Summarize every article in a folder; write one record per article as it completes."""
    from . import batch as batching
    from .config import resolve_settings
    from .console import BatchConsole

    options = _common_options(
        engine=engine,
        model=model,
        base_url=base_url,
        provider=provider,
        max_chars=max_chars,
        cache_dir=cache_dir,
        use_cache=False if no_cache else None,
        rpm=rpm,
        tpm=tpm,
    )
    globs = glob or ["**/*"]
    paths: dict[str, Any] = {"out": out, "fmt": fmt, "out_dir": out_dir, "globs": globs, "exclude": exclude or []}
    report = batching.BatchReport()
    ui = BatchConsole(progress=False)
    try:
        if dry_run:
            plan = batching.plan_batch(folder, text_field=text_field, retry_failed=retry_failed, **paths, **options)
            ui.show_plan(plan, folder, globs)
            if plan.problem:
                typer.echo(f"error: the real run would fail: {plan.problem}", err=True)
                raise typer.Exit(2)
            return
        llm = resolve_settings(**options).resolved_engine() == "llm"
        if progress is None and out is not None and str(out) in ("-", "/dev/stdout") and sys.stdout.isatty():
            progress = False  # records and a redrawn progress line would interleave on one terminal
        ui = BatchConsole(progress=progress, llm=llm)
        with ui:
            batching.run_batch(
                folder,
                concurrency=concurrency,
                text_field=text_field,
                retry_failed=retry_failed,
                on_result=ui.result,
                on_skip=ui.skipped,
                on_total=ui.total,
                report=report,
                **paths,
                **options,
            )
        ui.summary(report, folder, globs)
    except SummarizerError as exc:
        raise _fail(exc) from exc
    except KeyboardInterrupt:
        ui.interrupted(report)
        raise typer.Exit(130) from None
    except BrokenPipeError:  # the reader of -o - stopped reading (e.g. | head)
        _stop_writing_stdout()
        raise typer.Exit(141) from None
    raise typer.Exit(1 if report.errors_left else 0)


@app.command()
def digest(
    results: Annotated[Path, typer.Argument(help="Batch output (JSONL) to build the briefing from.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="digest.html, digest.md or digest.json.")] = None,
    fmt: Annotated[
        str | None, typer.Option("--format", "-f", help="html, md or json (default: from the file name).")
    ] = None,
    title: Annotated[str, typer.Option(help="Title of the briefing.")] = "Briefing",
    max_stories: Annotated[int, typer.Option(help="Stories shown in HTML and Markdown (JSON keeps all).")] = 30,
    polish: Annotated[
        bool, typer.Option("--polish", help="Have the configured LLM rewrite each brief from its records.")
    ] = False,
    model: Annotated[str | None, typer.Option(help="Model for --polish.")] = None,
    base_url: Annotated[str | None, typer.Option(help="Server for --polish.")] = None,
    provider: Annotated[str | None, typer.Option(help="Server profile for --polish.")] = None,
) -> None:
    """Build a newsletter briefing from batch records: stories, figures, discrepancies, hedges."""
    from .briefing import render_html, render_markdown
    from .digest import build_digest, load_records, polish_digest

    kind = fmt or (out.suffix.lstrip(".").lower() if out else "md")
    kind = {"markdown": "md", "htm": "html"}.get(kind, kind)
    if kind not in ("html", "md", "json"):
        raise _fail(ConfigError(f"unknown digest format {kind!r}; use html, md or json"))
    try:
        with open(results, encoding="utf-8") as handle:
            records, errors = load_records(handle)
    except OSError as exc:
        raise _fail(InputError(f"cannot read {results}: {exc.strerror or exc}")) from exc
    except ValueError as exc:
        raise _fail(InputError(f"{results} is not batch output (JSON lines of records): {exc}")) from exc
    if errors:
        typer.echo(
            f"skipped {errors} error record{'s' if errors != 1 else ''} (articles that failed in the batch)", err=True
        )
    built = build_digest(records, title=title, skipped_errors=errors)
    if polish:
        try:
            built = polish_digest(built, records, **_common_options(model=model, base_url=base_url, provider=provider))
        except SummarizerError as exc:
            raise _fail(exc) from exc
    if kind == "html":
        text = render_html(built, max_stories=max_stories)
    elif kind == "md":
        text = render_markdown(built, max_stories=max_stories)
    else:
        text = built.model_dump_json(indent=2) + "\n"
    if out is None:
        typer.echo(text, nl=False)
        return
    out.write_text(text, encoding="utf-8")
    typer.echo(f"wrote {out}: {len(built.stories)} stories from {built.records} records", err=True)


@app.command()
def schema(
    directory: Annotated[Path, typer.Option("--dir", help="Folder of the schema files.")] = Path("schemas"),
    check: Annotated[bool, typer.Option("--check", help="Fail if the files differ from the models.")] = False,
) -> None:
    """Write the JSON Schema files generated from the models, or check them for drift."""
    if check:
        stale = stale_schemas(directory)
        if stale:
            typer.echo(
                f"schema drift in {directory}: {', '.join(stale)}; run 'summarizer schema' and commit",
                err=True,
            )
            raise typer.Exit(1)
        typer.echo(f"{directory}: schemas match the models")
        return
    for path in write_schemas(directory):
        typer.echo(f"wrote {path}")
