"""The review page: one record's article with every quote highlighted at its span, and the record beside it.

Highlights come from the record's spans only (``SummaryRecord.spans`` into
``article_text``); the verifier's missed items, which carry no spans, are placed
here with the same quote matcher and marked as such. Where spans nest the
highlights nest; where two cross, the later one is split into pieces that share
its number. The article is written as text: its ``textContent`` in a browser is
``article_text`` itself, so offsets can be checked on the page. Nothing is left
out: grounding drops, the verifier's findings and any quote without a span are
listed whether or not there are any.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import re
from dataclasses import dataclass
from dataclasses import field as _field

from ..models import KeyFigure, Span, SummaryRecord
from ..quotes import ArticleIndex, normalize, quote_parts
from .review_style import PAGE_POLICY, SCRIPT, STYLE

__all__ = ["Highlight", "highlights", "render_review"]

_PATH = re.compile(r"^(escalation\.evidence|key_figures|hedges)\[(\d+)\](?:\.(quote|cue))?$")
_KIND_NAMES = {
    "evidence": "evidence",
    "figure": "figure quote",
    "hedge": "hedge quote",
    "cue": "hedge cue",
    "missed": "missed by the model",
}


@dataclass
class Highlight:
    """One quoted string of the record and where it sits: parts are (start, end) offsets into the article."""

    number: int
    kind: str  # evidence, figure, hedge, cue or missed
    field: str
    text: str
    label: str
    entry: str  # id of its item in the side list
    parts: list[tuple[int, int]] = _field(default_factory=list)
    tagged: bool = True  # shows its label in the article
    mismatch: bool = False  # the span's text is not the quote's

    @property
    def placed(self) -> bool:
        """True when the highlight has a place in the article."""
        return bool(self.parts)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _text(text: str) -> str:
    """Escape article text so the browser's text is the same string (CR survives only as a reference)."""
    return html.escape(text, quote=False).replace("\r", "&#13;").replace("\x00", "\ufffd")


def _describe(path: str) -> tuple[str, str, str]:
    """(kind, label, entry id) of a quoted field path."""
    match = _PATH.match(path)
    if match is None:
        return "evidence", path, "unplaced"
    where, index, leaf = match.group(1), int(match.group(2)) + 1, match.group(3)
    if where == "key_figures":
        return "figure", f"F{index}", f"f{index}"
    if where == "hedges":
        return ("cue" if leaf == "cue" else "hedge"), f"H{index}", f"h{index}"
    return "evidence", f"E{index}", f"e{index}"


def _parts(span: Span) -> list[tuple[int, int]]:
    return [tuple(p) for p in span.parts] if span.parts else [(span.start, span.end)]  # type: ignore[misc]


def _matches(article: str, text: str, parts: list[tuple[int, int]]) -> bool:
    """True when each part of the span holds the matching part of the quote (by the matcher's rule)."""
    wanted = quote_parts(text)
    if len(wanted) != len(parts):
        wanted = [" ".join(wanted)] if len(parts) == 1 else wanted
    return len(wanted) == len(parts) and all(
        w in normalize(article[s:e]) for w, (s, e) in zip(wanted, parts, strict=True)
    )


def _inside(inner: list[tuple[int, int]], outer: list[tuple[int, int]]) -> bool:
    return bool(inner and outer) and all(any(os <= s and e <= oe for os, oe in outer) for s, e in inner)


def highlights(record: SummaryRecord) -> list[Highlight]:
    """Every quoted string of the record (then the verifier's missed items), placed where the record says."""
    article = record.article_text
    spans = {span.field: span for span in record.spans} if article is not None else {}
    found: list[Highlight] = []
    for path, text in record.summary.quoted():
        kind, label, entry = _describe(path)
        item = Highlight(len(found), kind, path, text, label, entry)
        span = spans.get(path)
        if span is not None and article is not None:
            item.parts = _parts(span)
            item.mismatch = not _matches(article, text, item.parts)
        found.append(item)
    quotes = {h.field: h.parts for h in found}
    for item in found:  # a cue inside its own hedge's quote needs no label of its own
        if item.kind == "cue":
            item.tagged = not _inside(item.parts, quotes.get(item.field.replace(".cue", ".quote"), []))
    checks = record.checks
    if checks is not None:
        index = ArticleIndex(article) if article is not None else None
        missed = [("MF", "checks.missed_figures", f.quote) for f in checks.missed_figures]
        missed += [("MH", "checks.missed_hedges", h.quote) for h in checks.missed_hedges]
        counts: dict[str, int] = {}
        for prefix, where, text in missed:
            counts[prefix] = counts.get(prefix, 0) + 1
            n = counts[prefix]
            item = Highlight(
                len(found), "missed", f"{where}[{n - 1}].quote", text, f"{prefix}{n}", f"{prefix.lower()}{n}"
            )
            item.parts = (index.locate(text) or []) if index is not None else []
            found.append(item)
    return found


def _ordered(items: list[Highlight]) -> list[tuple[int, int, Highlight, int]]:
    """(start, end, highlight, part number) of every placed, non-empty part, outermost first."""
    pieces = [(s, e, h, j) for h in items for j, (s, e) in enumerate(h.parts) if e > s]
    pieces.sort(key=lambda p: (p[0], -p[1], p[2].number, p[3]))
    return pieces


def _open(piece: tuple[int, int, Highlight, int], first: bool) -> str:
    start, end, item, part = piece
    classes = f"hl {item.kind}" + (" bad" if item.mismatch else "")
    ident = f' id="s{item.number}"' if first and part == 0 else ""
    head = (
        f'<mark class="{classes}"{ident} data-span="{item.number}" data-part="{part}" data-start="{start}" '
        f'data-end="{end}" data-field="{_e(item.field)}" data-entry="{item.entry}" title="{_e(item.label)}: '
        f'{_KIND_NAMES[item.kind]}">'
    )
    if first and part == 0 and item.tagged:
        # the label is drawn by CSS from data-label, so the article's text stays the article's
        head += (
            f'<a class="tag {item.kind}" href="#{item.entry}" data-label="{_e(item.label)}" '
            f'aria-label="{_e(item.label)} in the list"></a>'
        )
    return head


def _article_html(article: str, items: list[Highlight]) -> str:
    """The article as escaped text with nested <mark> elements; a crossing span is split, never dropped."""
    pieces = _ordered(items)
    cuts = sorted({0, len(article), *(p[0] for p in pieces), *(p[1] for p in pieces)})
    stack: list[tuple[int, int, Highlight, int]] = []
    opened: set[tuple[int, int]] = set()
    out: list[str] = []
    for begin, stop in itertools.pairwise(cuts):
        active = [p for p in pieces if p[0] <= begin and stop <= p[1]]
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] is active[keep]:
            keep += 1
        out.append("</mark>" * (len(stack) - keep))
        for piece in active[keep:]:
            key = (piece[2].number, piece[3])
            out.append(_open(piece, key not in opened))
            opened.add(key)
        stack = active
        out.append(_text(article[begin:stop]))
    out.append("</mark>" * len(stack))
    return "".join(out)


def _label(item: Highlight) -> str:
    return f'<span class="label {item.kind}">{_e(item.label)}</span>'


def _where(item: Highlight | None, what: str = "in the article") -> str:
    if item is None:
        return ""
    if not item.placed:
        name = what.replace("in the article", "").strip() or "quote"
        return f'<span class="warn">{_e(name)} not placed in the article</span>'
    bad = ' <span class="warn">(span text differs from the quote)</span>' if item.mismatch else ""
    return f'<a href="#s{item.number}">{_e(what)}</a>{bad}'


def _quote(text: str) -> str:
    return f'<div class="q">&ldquo;{_e(text)}&rdquo;</div>'


def _figure_item(figure: KeyFigure, label: str, entry: str, item: Highlight | None, check: str) -> str:
    what = " &middot; ".join(_e(x) for x in (figure.unit, figure.describes) if x)
    who = f"claimed by <b>{_e(figure.source)}</b>" if figure.source else "unattributed"
    link = _where(item) if item is not None else ""
    quote = _quote(figure.quote) if item is None or not item.placed or item.mismatch else ""
    head = _label(item) if item is not None else f'<span class="label missed">{_e(label)}</span>'
    return (
        f'<li id="{entry}">{head}<b>{_e(figure.quantity)}</b> {what}'
        f'<div class="sub">{who} &middot; <span class="status {_e(figure.status)}">{_e(figure.status)}</span>{check}'
        f"</div>{quote}{link}</li>"
    )


def _figures(record: SummaryRecord, by_field: dict[str, Highlight]) -> str:
    checks = {c.index: c for c in record.checks.figures} if record.checks is not None else {}
    rows = []
    for i, figure in enumerate(record.summary.key_figures):
        item = by_field[f"key_figures[{i}].quote"]
        c = checks.get(i)
        check = ""
        if c is not None:
            check = (
                " &middot; number in quote: yes"
                if c.number_in_quote
                else ' &middot; <span class="warn">number not in its quote (verifier)</span>'
            )
        rows.append(_figure_item(figure, item.label, item.entry, item, check))
    if not rows:
        return '<p class="none">No figures in this record.</p>'
    return f'<ol class="items">{"".join(rows)}</ol>'


def _hedges(record: SummaryRecord, by_field: dict[str, Highlight]) -> str:
    rows = []
    for i, hedge in enumerate(record.summary.hedges):
        quote, cue = by_field[f"hedges[{i}].quote"], by_field[f"hedges[{i}].cue"]
        outside = " (outside its quote)" if cue.placed and quote.placed and cue.tagged else ""
        text = _quote(hedge.quote) if not quote.placed or quote.mismatch else ""
        rows.append(
            f'<li id="{quote.entry}">{_label(quote)}<b>{_e(hedge.cue)}</b> <span class="sub">({_e(hedge.kind)})</span> '
            f"{_e(hedge.claim)}{text}<div>{_where(quote, 'quote in the article')} &middot; "
            f"{_where(cue, 'cue in the article')}{_e(outside)}</div></li>"
        )
    if not rows:
        return '<p class="none">No hedges in this record.</p>'
    return f'<ol class="items">{"".join(rows)}</ol>'


def _escalation(record: SummaryRecord, by_field: dict[str, Highlight]) -> str:
    esc = record.summary.escalation
    goldstein = "n/a" if esc.goldstein is None else f"{esc.goldstein:+.1f}"
    facts = [
        ("Level", f"{esc.level}/5"),
        ("Type", f"{esc.event_type} (CAMEO {esc.cameo_code or 'n/a'}, Goldstein {goldstein})"),
        ("Direction", str(esc.direction)),
        ("Actors", ", ".join(esc.actors) or "none named"),
        ("Rationale", esc.rationale),
    ]
    rows = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in facts)
    items = []
    for i, quote in enumerate(esc.evidence):
        item = by_field[f"escalation.evidence[{i}]"]
        items.append(f'<li id="{item.entry}">{_label(item)}{_quote(quote)}{_where(item)}</li>')
    evidence = f'<ol class="items">{"".join(items)}</ol>' if items else '<p class="none">No evidence quoted.</p>'
    return f'<dl class="facts">{rows}</dl><h3>Evidence</h3>{evidence}'


def _verifier(record: SummaryRecord, missed: list[Highlight]) -> str:
    checks = record.checks
    if checks is None:
        why = (
            "not run: the extractive engine is the verifier, so its records carry no checks"
            if record.engine == "extractive"
            else "not run for this record (see the warnings)"
        )
        return f'<p class="none">Verifier {_e(why)}.</p>'
    failed = [c for c in checks.figures if not c.number_in_quote]
    lines = [
        f"<p>{len(checks.figures)} figure(s) checked, {len(failed)} without their number in the quote; "
        f"the model left out {len(checks.missed_figures)} figure(s) and {len(checks.missed_hedges)} hedge(s) "
        "the verifier found.</p>"
    ]
    rows = [_figure_item(f, h.label, h.entry, h, "") for f, h in zip(checks.missed_figures, missed, strict=False)]
    for hedge, item in zip(checks.missed_hedges, missed[len(checks.missed_figures) :], strict=False):
        text = _quote(hedge.quote) if not item.placed else ""
        rows.append(
            f'<li id="{item.entry}">{_label(item)}<b>{_e(hedge.cue)}</b> <span class="sub">({_e(hedge.kind)})</span> '
            f"{_e(hedge.claim)}{text}<div>{_where(item)}</div></li>"
        )
    if rows:
        lines.append(f'<ol class="items">{"".join(rows)}</ol>')
    return "".join(lines)


def _grounding(record: SummaryRecord) -> str:
    report = record.grounding
    head = f"<p>{report.checked} quoted string(s) checked against the article; {len(report.dropped)} dropped.</p>"
    if not report.dropped:
        return head
    rows = "".join(
        f'<li><span class="warn">dropped</span> <code>{_e(d.field)}</code>{_quote(d.text)}</li>' for d in report.dropped
    )
    return f'{head}<ul class="items">{rows}</ul>'


def _unplaced(record: SummaryRecord, items: list[Highlight]) -> str:
    lost = [h for h in items if not h.placed and h.kind != "missed"]
    missed = [h for h in items if not h.placed and h.kind == "missed"]
    if record.article_text is None:
        head = "<p>This record does not carry its article text, so nothing can be placed.</p>"
    elif not lost and not missed and {s.field for s in record.spans} <= {h.field for h in items}:
        return '<p class="none">Every quote has its place in the article.</p>'
    else:
        head = (
            f"<p>{len(lost)} quote(s) of the record have no span; {len(missed)} missed item(s) could not be found.</p>"
        )
    rows = "".join(f"<li>{_label(h)}<code>{_e(h.field)}</code>{_quote(h.text)}</li>" for h in lost + missed)
    known = {h.field for h in items}
    stray = [span.field for span in record.spans if span.field not in known]
    if stray:  # a span for a field the summary lacks: said, not drawn
        rows += (
            f'<li><span class="warn">spans for fields the summary lacks</span> <code>{_e(", ".join(stray))}</code></li>'
        )
    return head + (f'<ul class="items">{rows}</ul>' if rows else "")


def _facts(record: SummaryRecord) -> str:
    usage = record.usage
    cost = "n/a" if record.cost_usd is None else f"${record.cost_usd:.4f}"
    article = record.article_text
    if article is None:
        digest = "no article text in the record"
    else:
        same = hashlib.sha256(article.encode("utf-8", "surrogatepass")).hexdigest() == record.content_sha256
        digest = f"{record.content_sha256} ({'matches' if same else 'does NOT match'} the article text)"
    facts = [
        ("Article id", record.article_id),
        ("Source", record.source_path),
        ("URL", record.url),
        ("Published", record.published),
        ("Publisher", record.publisher),
        ("Engine", " / ".join(x for x in (record.engine, record.provider, record.model) if x)),
        ("Prompt", record.prompt_version),
        ("Schema", record.schema_version),
        ("Created", f"{record.created_at:%Y-%m-%d %H:%M:%S} UTC" + (" (from the cache)" if record.cached else "")),
        ("Latency", f"{record.latency_s:.2f} s"),
        (
            "Requests",
            f"{record.attempts.requests} ({record.attempts.reasks} re-asks)" if record.attempts.requests else None,
        ),
        ("Tokens", f"{usage.prompt_tokens:,} in, {usage.completion_tokens:,} out" if usage.total_tokens else None),
        ("Cost", cost if record.engine == "llm" else None),
        ("Language", f"{record.language} ({record.language_confidence or 0:.0%})" if record.language else None),
        ("Characters", f"{len(article):,}" if article is not None else None),
        ("SHA-256", digest),
    ]
    rows = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in facts if v is not None)
    return f'<dl class="facts">{rows}</dl>'


def _checks_box(record: SummaryRecord, items: list[Highlight]) -> str:
    dropped = len(record.grounding.dropped)
    lost = sum(1 for h in items if not h.placed and h.kind != "missed")
    wrong = sum(1 for h in items if h.mismatch)
    lines = [f'<a href="#grounding">Grounding</a>: {dropped} quote(s) dropped of {record.grounding.checked} checked']
    if record.checks is None:
        lines.append('<a href="#verifier">Verifier</a>: not run')
    else:
        c = record.checks
        failed = sum(1 for f in c.figures if not f.number_in_quote)
        lines.append(
            f'<a href="#verifier">Verifier</a>: the model missed {len(c.missed_figures)} figure(s) and '
            f"{len(c.missed_hedges)} hedge(s); {failed} figure(s) without their number in the quote"
        )
    lines.append(
        f'<a href="#unplaced">Placement</a>: {lost} quote(s) without a span'
        + (f", {wrong} span(s) not matching their quote" if wrong else "")
    )
    if record.warnings:
        lines.append(f'<a href="#warnings">Warnings</a>: {len(record.warnings)}')
    bad = (
        dropped
        or lost
        or wrong
        or record.warnings
        or (
            record.checks is not None
            and (
                record.checks.missed_figures
                or record.checks.missed_hedges
                or not all(f.number_in_quote for f in record.checks.figures)
            )
        )
    )
    items_html = "".join(f"<li>{line}</li>" for line in lines)
    return f'<div class="checks{" bad" if bad else ""}" id="checks"><b>What to check</b><ul>{items_html}</ul></div>'


def render_review(record: SummaryRecord) -> str:
    """One self-contained HTML page for checking a record against its article (inline CSS, no requests)."""
    items = highlights(record)
    by_field = {h.field: h for h in items}
    missed = [h for h in items if h.kind == "missed"]
    s = record.summary
    esc = s.escalation
    title = record.title or f"Article {record.article_id}"
    goldstein = "n/a" if esc.goldstein is None else f"{esc.goldstein:+.1f}"
    badge = (
        f'<span class="badge level{esc.level}">Level {esc.level}/5 &middot; '
        f"{_e(esc.event_type)} &middot; Goldstein {goldstein} &middot; {_e(esc.direction)}</span>"
    )
    meta = " &middot; ".join(
        _e(x) for x in (record.publisher, record.published, record.article_id, f"{record.engine} engine") if x
    )
    points = "".join(f"<li>{_e(p)}</li>" for p in s.key_points)
    legend = "".join(
        f'<span class="keyed"><span class="key {kind}"></span>{_e(name)}</span>'
        for kind, name in _KIND_NAMES.items()
        if kind != "missed" or missed
    )
    if record.article_text is None:
        article = (
            '<p class="warn">This record does not carry its article text (made before schema 2?): '
            "summarize the article again to review it.</p>"
        )
    else:
        article = f'<div class="article" id="article">{_article_html(record.article_text, items)}</div>'
    warnings = "".join(f"<li>{_e(w)}</li>" for w in record.warnings)
    warnings_html = f'<ul class="items">{warnings}</ul>' if warnings else '<p class="none">No warnings.</p>'
    nav = " ".join(
        f'<a href="#{anchor}">{name}</a>'
        for anchor, name in (
            ("article", "Article"),
            ("escalation", "Escalation"),
            ("figures", f"Figures ({len(s.key_figures)})"),
            ("hedges", f"Hedges ({len(s.hedges)})"),
            ("grounding", "Grounding"),
            ("verifier", "Verifier"),
            ("unplaced", "Not placed"),
            ("record", "Record"),
        )
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="generator" content="summarizer review">
<meta http-equiv="Content-Security-Policy" content="{PAGE_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review: {_e(title)}</title>
<style>{STYLE}</style></head>
<body><div class="page">
<header>
<h1>{_e(title)}</h1>
<p class="meta">{meta}</p>
<p>{badge}</p>
<p class="summary">{_e(s.summary)}</p>
<details class="points"><summary>Key points ({len(s.key_points)})</summary><ul>{points}</ul></details>
{_checks_box(record, items)}
<nav class="toc">{nav}</nav>
</header>
<div class="layout">
<main>
<h2>Article</h2>
<p class="legend">{legend}</p>
{article}
</main>
<aside>
<h2 id="escalation">Escalation</h2>
{_escalation(record, by_field)}
<h2 id="figures">Figures</h2>
{_figures(record, by_field)}
<h2 id="hedges">Hedges</h2>
{_hedges(record, by_field)}
<h2 id="grounding">Grounding</h2>
{_grounding(record)}
<h2 id="verifier">Verifier</h2>
{_verifier(record, missed)}
<h2 id="unplaced">Not placed</h2>
{_unplaced(record, items)}
<h2 id="warnings">Warnings</h2>
{warnings_html}
<h2 id="record">Record</h2>
{_facts(record)}
</aside>
</div>
<footer>Made by summarizer review. Highlights are the record's spans into its article text;
the verifier's missed items are placed by the same quote matcher.</footer>
</div>
<script>{SCRIPT}</script>
</body></html>
"""
