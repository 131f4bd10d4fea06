"""Command line: a thin face over the Python API; errors become exit codes here only.

Exit codes: 0 success, 1 the work failed (provider, output, schema drift),
2 usage or configuration error, 130 interrupted, 141 the reader of standard output went away.
"""

from __future__ import annotations

import contextlib
import functools
import re
import shlex
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Annotated, Any

import typer

from ..api import Summarizer
from ..errors import ConfigError, InputError, SummarizerError
from ..ingest.fields import TEXT_FIELDS
from ..schemas import stale_schemas, write_schemas
from .options import SERVER, ArticleOptions, Command, Group, ServerOptions, configure_logging, with_options

app = typer.Typer(
    cls=Group,
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Turn news articles into structured, verifiable records.",
)
TEXT_FIELD_HELP = (
    "Field holding the text in JSON/JSONL inputs; a dotted path reaches into nested objects "
    f"(story.body; a number picks from a list: versions.0.text). Default: the first of {', '.join(TEXT_FIELDS)}."
)
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def _version(show: bool) -> None:
    if show:
        try:
            number = version("summarizer")
        except PackageNotFoundError:  # running from a source tree that was never installed
            from .. import __version__ as number
        emit(f"summarizer {number}")
        raise typer.Exit()


@app.callback()
def main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log requests and retries.")] = False,
    show_version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn news articles into structured, verifiable records."""
    configure_logging(verbose=verbose)


def _fail(exc: SummarizerError) -> typer.Exit:
    typer.echo(f"error: {exc}", err=True)
    return typer.Exit(2 if isinstance(exc, (ConfigError, InputError)) else 1)


def _stop_writing_stdout() -> None:
    """The reader of standard output went away: send the rest nowhere, quietly."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError, ValueError):
        os.dup2(devnull, sys.stdout.fileno())


def emit(text: str, *, nl: bool = True) -> None:
    """Print a command's output; a reader that went away (| head, | true) ends the command quietly, exit 141."""
    try:
        typer.echo(text, nl=nl)
        sys.stdout.flush()
    except BrokenPipeError:
        _stop_writing_stdout()
        raise typer.Exit(141) from None


def _article(source: str, *, command: str = "summarize", what: str = "an article file") -> str | Path:
    """The text to summarize: standard input for -, else a file, with advice (for ``command``) for what is not one."""
    if source == "-":
        if sys.stdin.isatty():  # a person at a terminal: say what the silence is waiting for
            end = "Ctrl-Z then Enter" if sys.platform == "win32" else "Ctrl-D at the start of a line"
            typer.echo(f"reading the article from standard input: paste or type it, then press {end}", err=True)
        return sys.stdin.read()
    path = Path(source)
    quoted = shlex.quote(source)
    if _URL.match(source) and not path.exists():
        raise InputError(
            f"{source} is a web address; {command} reads a file or standard input. "
            f"Fetch the page and pipe it in: curl -sL {quoted} | summarizer {command} -"
        )
    if path.is_dir():
        raise InputError(
            f"{source} is a folder; {command} takes one article. "
            f"For every article in it: summarizer batch {quoted} -o records.jsonl"
        )
    if not path.exists():
        raise InputError(
            f"{source} does not exist; give {what}, or - to read standard input "
            f"(for a web page: curl -sL URL | summarizer {command} -)"
        )
    if not path.is_file() and not path.is_fifo():  # a pipe (the shell's <(command)) reads like a file
        raise InputError(f"{source} is not a regular file; give {what}, or - to read standard input")
    return path


@app.command(cls=Command)
@with_options(server=ServerOptions, article=ArticleOptions)
def summarize(
    source: Annotated[str, typer.Argument(metavar="ARTICLE", help="Article file, or - to read standard input.")],
    server: ServerOptions,
    article: ArticleOptions,
    indent: Annotated[int, typer.Option(metavar="N", help="JSON indentation; 0 for one line.")] = 2,
    text_field: Annotated[str | None, typer.Option(metavar="NAME", help=TEXT_FIELD_HELP)] = None,
) -> None:
    """Summarize one article and print its record as JSON."""
    try:
        given = _article(source)
        with Summarizer(**server.settings(), **article.settings()) as summarizer:
            if isinstance(given, Path):
                record = summarizer.summarize(path=given, text_field=text_field)
            else:
                record = summarizer.summarize(text=given)
    except SummarizerError as exc:
        raise _fail(exc) from exc
    for warning in record.warnings:  # truncation, another language: said where a person reads, not only in the JSON
        typer.echo(f"note: {warning}", err=True)
    emit(record.model_dump_json(indent=indent or None))


@app.command(cls=Command)
@with_options(server=ServerOptions, article=ArticleOptions)
def batch(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="FOLDER",
            help="Folder of articles (txt, md, html, json, jsonl, also .gz), one file, "
            "or @LISTING: a file of paths, one a line.",
        ),
    ],
    server: ServerOptions,
    article: ArticleOptions,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="FILE", help="Output file; - (or a pipe) streams JSON lines to stdout."),
    ] = None,
    out_dir: Annotated[
        Path | None, typer.Option(metavar="DIR", help="Write one file per article into this folder.")
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="jsonl, json, csv, md or parquet (default: from the extension, else jsonl).",
        ),
    ] = None,
    glob: Annotated[
        list[str] | None,
        typer.Option(metavar="PATTERN", help="Only files matching (repeatable); '*.html' matches in subfolders too."),
    ] = None,
    exclude: Annotated[
        list[str] | None, typer.Option(metavar="PATTERN", help="Skip files or folders matching (repeatable).")
    ] = None,
    text_field: Annotated[str | None, typer.Option(metavar="NAME", help=TEXT_FIELD_HELP)] = None,
    concurrency: Annotated[int, typer.Option(metavar="N", help="Articles in flight at once.")] = 8,
    workers: Annotated[
        int | None,
        typer.Option(
            metavar="N",
            help="Processes reading articles, running the extractive engine, asking the LLM and checking answers "
            "(default: extractive one per core, at most one per 64 articles; LLM 1 = this process only).",
        ),
    ] = None,
    rpm: Annotated[
        int | None, typer.Option(metavar="N", help="At most this many requests per minute.", rich_help_panel=SERVER)
    ] = None,
    tpm: Annotated[
        int | None, typer.Option(metavar="N", help="At most this many tokens per minute.", rich_help_panel=SERVER)
    ] = None,
    retry_failed: Annotated[bool, typer.Option("--retry-failed", help="Redo the error records only.")] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print what would run (stdout), with token and cost estimates.")
    ] = False,
    progress: Annotated[
        bool | None, typer.Option("--progress/--no-progress", help="Progress line (default: on a terminal).")
    ] = None,
    via: Annotated[
        str,
        typer.Option(metavar="WAY", help="realtime, or batch-api: the provider's Batch API at half price, within 24h."),
    ] = "realtime",
    reask_via: Annotated[
        str, typer.Option(metavar="WAY", help="With batch-api: ask failed items again in realtime or in a batch.")
    ] = "realtime",
    wait: Annotated[
        bool, typer.Option("--wait/--no-wait", help="With batch-api: wait for the batches, or submit and return.")
    ] = True,
    ray: Annotated[
        str | None,
        typer.Option(
            metavar="ADDRESS",
            help="Run on a Ray cluster: HOST:PORT of its head, auto, or local.",
        ),
    ] = None,
) -> None:
    """Summarize every article in a folder; write one record per article as it completes."""
    from .. import batch as batching
    from ..config import resolve_settings
    from ..distributed import ClusterReport, run_distributed
    from .console import BatchConsole

    pacing = {"rpm": rpm, "tpm": tpm}
    options = {**server.settings(), **article.settings(), **{k: v for k, v in pacing.items() if v is not None}}
    globs = glob or ["**/*"]
    paths: dict[str, Any] = {"out": out, "fmt": fmt, "out_dir": out_dir, "globs": globs, "exclude": exclude or []}
    report = batching.BatchReport() if ray is None else ClusterReport()
    ui = BatchConsole(progress=False)
    try:
        if via not in ("realtime", "batch-api"):
            raise ConfigError(f"unknown --via {via!r}; choose realtime or batch-api")
        if via == "batch-api" and ray is not None:
            raise ConfigError("--via batch-api and --ray do not mix: the provider runs a Batch API job itself")
        if dry_run:
            plan = batching.plan_batch(
                folder,
                text_field=text_field,
                retry_failed=retry_failed,
                batch_price=via == "batch-api",
                **paths,
                **options,
            )
            ui.show_plan(plan, folder, globs)
            if plan.problem:
                typer.echo(f"error: the real run would fail: {plan.problem}", err=True)
                raise typer.Exit(2)
            return
        llm = resolve_settings(**options).resolved_engine() == "llm"
        if via == "batch-api":
            from .batch_api import run_via_batch_api

            more = {"text_field": text_field, "retry_failed": retry_failed, "concurrency": concurrency}
            ui = BatchConsole(progress=progress, llm=llm)
            code = run_via_batch_api(
                folder, ui=ui, paths=paths, options=options, reask_via=reask_via, wait=wait, **more
            )
            raise typer.Exit(code)
        if out is None and out_dir is None and not sys.stdout.isatty():
            paths["out"] = out = Path("-")  # as --help says: a pipe gets the records as JSON lines
        if progress is None and out is not None and str(out) in ("-", "/dev/stdout") and sys.stdout.isatty():
            progress = False  # records and a redrawn progress line would interleave on one terminal
        ui = BatchConsole(progress=progress, llm=llm)
        with ui:
            run = batching.run_batch if ray is None else functools.partial(run_distributed, address=ray)
            run(
                folder,
                concurrency=concurrency,
                workers=workers,
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
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (Terminated): the run stopped cleanly either way
        ui.interrupted(report)
        raise typer.Exit(143 if isinstance(exc, batching.Terminated) else 130) from None
    except BrokenPipeError:  # the reader of -o - stopped reading (e.g. | head)
        _stop_writing_stdout()
        raise typer.Exit(141) from None
    raise typer.Exit(1 if report.errors_left else 0)


@app.command(cls=Command)
@with_options(server=ServerOptions)
def digest(
    results: Annotated[
        Path, typer.Argument(metavar="RECORDS", help="Batch output (JSONL) to build the briefing from.")
    ],
    server: ServerOptions,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="FILE",
            help="digest.html, digest.md or digest.json; - for standard output (Markdown).",
        ),
    ] = None,
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", metavar="FORMAT", help="html, md or json (default: from the file name)."),
    ] = None,
    title: Annotated[str, typer.Option(metavar="TEXT", help="Title of the briefing.")] = "Briefing",
    max_stories: Annotated[
        int, typer.Option(metavar="N", help="Stories shown in HTML and Markdown (JSON keeps all).")
    ] = 30,
    polish: Annotated[
        bool,
        typer.Option("--polish", help="Have the LLM (options under LLM server) rewrite each brief from its records."),
    ] = False,
) -> None:
    """Build a newsletter briefing from batch records: stories, figures, discrepancies, hedges."""
    from ..digest import build_digest, load_records_file, polish_digest
    from ..digest.rendering import render_html, render_markdown

    if out is not None and (str(out) == "-" or (out.exists() and not out.is_file())):
        out = None  # -, /dev/stdout or a pipe: the briefing goes to standard output
    kind = fmt or (out.suffix.lstrip(".").lower() if out else "md")
    kind = {"markdown": "md", "htm": "html"}.get(kind, kind)
    if kind not in ("html", "md", "json"):
        raise _fail(ConfigError(f"unknown digest format {kind!r}; use html, md or json"))
    try:
        records, errors = load_records_file(results)
    except SummarizerError as exc:
        raise _fail(exc) from exc
    if errors:
        typer.echo(
            f"skipped {errors} error record{'s' if errors != 1 else ''} (articles that failed in the batch)", err=True
        )
    built = build_digest(records, title=title, skipped_errors=errors)
    if polish:
        try:
            built = polish_digest(built, records, **server.settings())
        except SummarizerError as exc:
            raise _fail(exc) from exc
    if kind == "html":
        text = render_html(built, max_stories=max_stories)
    elif kind == "md":
        text = render_markdown(built, max_stories=max_stories)
    else:
        text = built.model_dump_json(indent=2) + "\n"
    if out is None:
        emit(text, nl=False)
        return
    out.write_text(text, encoding="utf-8")
    polished = f" ({sum(s.polished for s in built.stories)} briefs polished)" if polish else ""
    typer.echo(f"wrote {out}: {len(built.stories)} stories from {built.records} records{polished}", err=True)


def _schema_command(directory: Path) -> str:
    """The command that rewrites the schema files of a folder."""
    given = "" if directory == Path("schemas") else f" --dir {shlex.quote(str(directory))}"
    return f"summarizer schema{given}"


@app.command(cls=Command)
@with_options()
def schema(
    directory: Annotated[Path, typer.Option("--dir", metavar="DIR", help="Folder of the schema files.")] = Path(
        "schemas"
    ),
    check: Annotated[bool, typer.Option("--check", help="Fail if the files differ from the models.")] = False,
) -> None:
    """Write the JSON Schema files generated from the models, or check them for drift."""
    if check and not directory.is_dir():
        typer.echo(
            f"error: there is no {directory}/ folder here ({directory.absolute()}); run "
            "'summarizer schema --check' in the summarizer repository, or give the folder with --dir",
            err=True,
        )
        raise typer.Exit(2)
    if check:
        stale = stale_schemas(directory)
        if stale:
            fix = _schema_command(directory)
            typer.echo(f"schema drift in {directory}: {', '.join(stale)}; rewrite them with {fix} and commit", err=True)
            raise typer.Exit(1)
        emit(f"{directory}: schemas match the models")
        return
    for path in write_schemas(directory):
        emit(f"wrote {path}")
