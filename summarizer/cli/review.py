"""`summarizer review`: write one record's review page (its article with every quote highlighted)."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Annotated

import typer

from ..api import Summarizer
from ..digest import render_review
from ..digest.review_input import check_article, pick_record, read_records, records_in
from ..errors import InputError, SummarizerError
from ..models import SummaryRecord
from .commands import _article, _fail, app, emit
from .options import ArticleOptions, Command, ServerOptions, with_options

__all__ = ["review"]

_SAFE = re.compile(r"[^A-Za-z0-9._-]")


def _record(
    source: str, article_id: str | None, records: Path | None, server: ServerOptions, article: ArticleOptions
) -> SummaryRecord:
    """The record SOURCE names: looked up in --records, read from a record file, or made from an article."""
    if records is not None:
        if article_id is not None:
            raise InputError("give the article id once: as RECORD_OR_ARTICLE with --records, or with --id")
        found = read_records(records) if records.is_file() else None
        if found is None:
            raise InputError(f"{records} is not batch output (records as JSON lines, .jsonl); give the records file")
        return pick_record(found, source, str(records))
    if source == "-":
        text = sys.stdin.read()
        held = records_in(text, "standard input")
        if held is not None:
            return pick_record(held, article_id, "standard input")
        given: str | Path = text
    else:
        given = _article(source, command="review", what="a record (.json), batch output (.jsonl) or an article file")
        assert isinstance(given, Path)
        held = read_records(given)
        if held is not None:
            return pick_record(held, article_id, source)
        check_article(given)
    if article_id is not None:
        raise InputError(f"--id picks a record of batch output, but {source} is an article, not records")
    with Summarizer(**server.settings(), **article.settings()) as summarizer:
        return summarizer.summarize(path=given) if isinstance(given, Path) else summarizer.summarize(text=given)


@app.command(cls=Command)
@with_options(server=ServerOptions, article=ArticleOptions)
def review(
    source: Annotated[
        str,
        typer.Argument(
            metavar="RECORD_OR_ARTICLE",
            help="A record (.json), batch output (.jsonl, with --id), or an article file (or -) to summarize first; "
            "with --records, an article id.",
        ),
    ],
    server: ServerOptions,
    article: ArticleOptions,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", metavar="FILE", help="The page to write; - for standard output (default: review-ID.html)."
        ),
    ] = None,
    article_id: Annotated[
        str | None, typer.Option("--id", metavar="ARTICLE_ID", help="Which record of batch output (id or file name).")
    ] = None,
    records: Annotated[
        Path | None, typer.Option(metavar="FILE", help="Batch output to look the article id up in.")
    ] = None,
) -> None:
    """Write an HTML page of an article with each quote of its record highlighted, for checking by eye."""
    try:
        record = _record(source, article_id, records, server, article)
    except SummarizerError as exc:
        raise _fail(exc) from exc
    for warning in record.warnings:
        typer.echo(f"note: {warning}", err=True)
    page = render_review(record)
    if out is None and not sys.stdout.isatty():
        out = Path("-")  # a pipe gets the page
    if out is not None and (str(out) == "-" or (out.exists() and not out.is_file())):
        emit(page, nl=False)
        return
    target = out or Path(f"review-{_SAFE.sub('_', record.article_id)[:80]}.html")
    try:
        target.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise _fail(InputError(f"cannot write {target}: {exc.strerror or exc}")) from exc
    placed = {span.field for span in record.spans} if record.article_text is not None else set()
    lost = sum(1 for path, _ in record.summary.quoted() if path not in placed)
    typer.echo(
        f"wrote {target}: {len(placed)} quotes highlighted, {lost} without a place, "
        f"{len(record.grounding.dropped)} dropped by grounding",
        err=True,
    )
