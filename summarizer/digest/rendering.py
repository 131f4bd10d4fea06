"""Render a Digest: HTML that survives email clients, Markdown for newsletter tools, a PNG chart.

The HTML uses tables and inline styles only, no scripts and no external
resources: the escalation chart is a PNG embedded as a data URI.
"""

from __future__ import annotations

import base64
import html
import io
from datetime import date
from urllib.parse import urlsplit

from .models import Digest, SourceRef, Story, TimelinePoint

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "LEVEL_COLOURS",
    "MAX_FIGURES",
    "MAX_HEDGES",
    "MAX_STORIES",
    "chart_png",
    "render_html",
    "render_markdown",
    "skipped_note",
]

MAX_STORIES = 30  # a newsletter, not an archive: the JSON form keeps every story
MAX_FIGURES = 12
MAX_HEDGES = 8  # doubt first (unconfirmed, denial, speculation), then attribution

LEVEL_COLOURS = ["#4d7c0f", "#65a30d", "#ca8a04", "#ea580c", "#dc2626", "#991b1b"]
# The HTML briefing served as a page: inline style attributes (as e-mail needs) and its data: chart, nothing else;
# no script, no <style> element, nothing loaded from anywhere. Links still navigate.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; style-src-elem 'none'; img-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_FONT = "font-family:Helvetica,Arial,sans-serif;"


def chart_png(points: list[TimelinePoint], width: int = 520, height: int = 140) -> bytes:
    """Draw escalation level (0-5) against date as a small PNG line chart."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    left, right, top, bottom = 28, width - 12, 10, height - 24
    for level in range(6):
        y = bottom - (bottom - top) * level / 5
        draw.line([(left, y), (right, y)], fill="#e5e7eb")
        draw.text((6, y - 6), str(level), fill="#6b7280")
    days = [date.fromisoformat(p.date).toordinal() for p in points]
    first, last = min(days), max(days)
    span = max(last - first, 1)
    xy = [
        (left + (right - left) * (d - first) / span, bottom - (bottom - top) * p.level / 5)
        for d, p in zip(days, points, strict=True)
    ]
    draw.line(xy, fill="#1f2937", width=2)
    for (x, y), p in zip(xy, points, strict=True):
        draw.ellipse([x - 4, y - 4, x + 4, y + 4], fill=LEVEL_COLOURS[p.level])
    draw.text((left, height - 16), points[0].date, fill="#374151")
    draw.text((right - 62, height - 16), points[-1].date, fill="#374151")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _link(url: str | None) -> str | None:
    """The URL if it is a web address (http or https) to link to, else None: a javascript: URL is no link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def _badge(story: Story) -> str:
    esc = story.escalation
    colour = LEVEL_COLOURS[esc.level]
    goldstein = "n/a" if esc.goldstein is None else f"{esc.goldstein:+.1f}"
    return (
        f'<span style="display:inline-block;padding:2px 8px;border-radius:10px;background:{colour};'
        f'color:#ffffff;font-size:13px;{_FONT}">Level {esc.level}/5 &middot; {_e(esc.event_type)} &middot; '
        f"Goldstein {goldstein} &middot; {_e(esc.direction)}</span>"
    )


def _more(count: int, what: str) -> str:
    return f"and {count} more {what} in the JSON digest" if count > 0 else ""


def _p(text: str, size: int = 13, colour: str = "#374151", extra: str = "") -> str:
    return f'<p style="font-size:{size}px;line-height:1.45;margin:8px 0 2px 0;{_FONT}color:{colour};{extra}">{text}</p>'


def _list(items: list[str], tag: str = "ul") -> str:
    lis = "".join(f'<li style="margin:0 0 4px 0;">{item}</li>' for item in items)
    return f'<{tag} style="font-size:13px;line-height:1.45;margin:0 0 10px 20px;padding:0;{_FONT}color:#374151;">{lis}</{tag}>'


def _ref(story: Story, number: int) -> str:
    """A source number that points to the story's sources list."""
    return f'<a href="#{_e(story.id)}-src-{number}" style="color:#1d4ed8;text-decoration:none;">[{number}]</a>'


def _source_number(story: Story, article_id: str) -> int:
    return next((n for n, s in enumerate(story.sources, start=1) if s.article_id == article_id), 1)


def _figure_rows(story: Story) -> str:
    """Compact rows: the quantity, then what it counts, who claims it, how firm, and its source number."""
    rows = []
    for f in story.figures[:MAX_FIGURES]:
        what = " &middot; ".join(_e(x) for x in (f.unit, f.describes) if x)
        meta = f"{_e(f.claimed_by or 'unattributed')} &middot; {_e(f.status)} {_ref(story, f.source)}"
        rows.append(
            f'<tr><td style="padding:5px 8px 5px 0;vertical-align:top;width:34%;font-size:14px;font-weight:bold;'
            f'{_FONT}color:#111827;border-bottom:1px solid #e5e7eb;">{_e(f.quantity)}</td>'
            f'<td style="padding:5px 0;vertical-align:top;font-size:13px;line-height:1.4;{_FONT}color:#1f2937;'
            f'border-bottom:1px solid #e5e7eb;">{what}<br><span style="color:#6b7280;">{meta}</span></td></tr>'
        )
    if more := _more(len(story.figures) - MAX_FIGURES, "figures"):
        rows.append(
            f'<tr><td colspan="2" style="font-size:12px;padding:4px 0;{_FONT}color:#6b7280;">{_e(more)}</td></tr>'
        )
    return (
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
        f'style="border-collapse:collapse;margin:2px 0 10px 0;">{"".join(rows)}</table>'
    )


def _source_html(story: Story, number: int, source: SourceRef) -> str:
    name = _e(source.name)
    if url := _link(source.url):
        # a URL has no word breaks: only links may wrap anywhere
        name = f'<a href="{_e(url)}" style="color:#1d4ed8;overflow-wrap:anywhere;">{name}</a>'
    extra = "".join(f" &middot; {_e(x)}" for x in (source.publisher, source.published) if x and x != source.name)
    return f'<span id="{_e(story.id)}-src-{number}">{name}{extra}</span>'


def _story_html(story: Story) -> str:
    parts = [
        f'<h2 id="{_e(story.id)}" style="font-size:20px;line-height:1.3;margin:24px 0 6px 0;{_FONT}color:#111827;">'
        f"{_e(story.headline)}</h2>",
        f'<p style="margin:0 0 8px 0;">{_badge(story)}</p>',
        f'<p style="font-size:15px;line-height:1.5;margin:0 0 10px 0;{_FONT}color:#1f2937;">{_e(story.brief)}</p>',
    ]
    if story.escalation.evidence:
        lead = _ref(story, _source_number(story, story.escalation.article_id))
        parts.append(_p(f"<b>Evidence</b> {lead}"))
        parts.append(_list([f"&ldquo;{_e(q)}&rdquo;" for q in story.escalation.evidence]))
    if len(story.timeline) > 1:
        data = base64.b64encode(chart_png(story.timeline)).decode("ascii")
        parts.append(
            f'<img src="data:image/png;base64,{data}" width="520" alt="Escalation level by date for this story" '
            'style="display:block;width:100%;max-width:520px;height:auto;border:0;margin:6px 0 10px 0;">'
        )
    if story.figures:
        parts.append(_p("<b>Figures</b>"))
        parts.append(_figure_rows(story))
    for d in story.discrepancies:
        values = " vs ".join(f"{_e(f.quantity)} {_ref(story, f.source)}" for f in d.figures)
        parts.append(
            _p(
                f"<b>Sources differ</b> on {_e(d.about)}: {values} ({_e(d.gap)})",
                colour="#92400e",
                extra="background:#fffbeb;padding:6px;margin:4px 0;",
            )
        )
    if story.hedged:
        items = [
            f"<b>{_e(h.cue)}</b> ({_e(h.kind)}): {_e(h.claim)} {_ref(story, _source_number(story, h.article_id))}"
            for h in story.hedged[:MAX_HEDGES]
        ]
        if more := _more(len(story.hedged) - MAX_HEDGES, "hedged claims"):
            items.append(f'<span style="color:#6b7280;">{_e(more)}</span>')
        parts.append(_p("<b>Unconfirmed or hedged</b>"))
        parts.append(_list(items))
    parts.append(_p("<b>Sources</b>"))
    parts.append(_list([_source_html(story, n, s) for n, s in enumerate(story.sources, start=1)], tag="ol"))
    return "\n".join(parts)


def skipped_note(digest: Digest) -> str:
    """What the digest left out: error records in the input."""
    count = digest.skipped_errors
    return f"{count} error record{'s' if count != 1 else ''} skipped" if count else ""


def render_html(digest: Digest, max_stories: int = MAX_STORIES) -> str:
    """The briefing as one email-safe HTML page (600 px column, inline CSS, no scripts)."""
    stories = '\n<hr style="border:0;border-top:1px solid #d1d5db;margin:8px 0;">\n'.join(
        _story_html(s) for s in digest.stories[:max_stories]
    )
    if more := _more(len(digest.stories) - max_stories, "stories"):
        stories += f'\n<p style="font-size:13px;{_FONT}color:#6b7280;">{_e(more[0].upper() + more[1:])}.</p>'
    errors = f"; {skipped_note(digest)} (failed, not in any story)" if digest.skipped_errors else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="generator" content="summarizer digest"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(digest.title)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6;-webkit-text-size-adjust:100%;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;"><tr><td align="center">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="width:100%;max-width:600px;background:#ffffff;">
<tr><td style="padding:16px 16px;">
<h1 style="font-size:24px;margin:0 0 4px 0;{_FONT}color:#111827;">{_e(digest.title)}</h1>
<p style="font-size:12px;margin:0 0 12px 0;{_FONT}color:#6b7280;">{len(digest.stories)} stories from {digest.records} articles{_e(errors)}, {digest.generated_at:%Y-%m-%d %H:%M} UTC</p>
<p style="font-size:14px;margin:0 0 12px 0;padding:8px;background:#fef2f2;border-left:4px solid #dc2626;{_FONT}color:#7f1d1d;">{_e(digest.escalation_watch)}</p>
{stories}
</td></tr></table>
</td></tr></table>
</body></html>
"""


def _md(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_markdown(digest: Digest, max_stories: int = MAX_STORIES) -> str:
    """The briefing as Markdown (CommonMark with pipe tables) for newsletter tools."""
    meta = f"{len(digest.stories)} stories from {digest.records} articles"
    if digest.skipped_errors:
        meta += f"; {skipped_note(digest)} (failed, not in any story)"
    lines = [
        "<!-- generator: summarizer digest -->",
        "",
        f"# {digest.title}",
        "",
        f"*{meta}*",
        "",
        f"> {digest.escalation_watch}",
        "",
    ]
    for story in digest.stories[:max_stories]:
        esc = story.escalation
        goldstein = "n/a" if esc.goldstein is None else f"{esc.goldstein:+.1f}"
        lines += [
            f"## {story.headline}",
            "",
            f"**Level {esc.level}/5 · {esc.event_type} · Goldstein {goldstein} · {esc.direction}**",
            "",
            story.brief,
            "",
        ]
        if esc.evidence:
            lines += [f"Evidence [{_source_number(story, esc.article_id)}]:", ""]
            lines += [f"> {q}" for q in esc.evidence[:2]] + [""]
        if len(story.timeline) > 1:
            path = " → ".join(f"{p.date}: level {p.level}" for p in story.timeline)
            lines += [f"Escalation over time: {path}", ""]
        if story.figures:
            lines += ["| Figure | Of | Claimed by | Status | Source |", "| --- | --- | --- | --- | --- |"]
            lines += [
                f"| {_md(f.quantity)} | {_md(f.unit or '')} | {_md(f.claimed_by or '-')} | {f.status} | [{f.source}] |"
                for f in story.figures[:MAX_FIGURES]
            ]
            if more := _more(len(story.figures) - MAX_FIGURES, "figures"):
                lines.append(f"| {more} | | | | |")
            lines.append("")
        for d in story.discrepancies:
            values = " vs ".join(f"{f.quantity} [{f.source}]" for f in d.figures)
            lines += [f"**Sources differ** on {d.about}: {values} ({d.gap})", ""]
        if story.hedged:
            lines += ["**Unconfirmed or hedged**", ""]
            lines += [
                f"- *{h.cue}* ({h.kind}): {h.claim} [{_source_number(story, h.article_id)}]"
                for h in story.hedged[:MAX_HEDGES]
            ]
            if more := _more(len(story.hedged) - MAX_HEDGES, "hedged claims"):
                lines.append(f"- {more}")
            lines.append("")
        lines += ["**Sources**", ""]
        for number, s in enumerate(story.sources, start=1):
            url = _link(s.url)
            safe = url.replace(" ", "%20").replace("(", "%28").replace(")", "%29") if url else ""  # one link token
            link = f"[{s.name}]({safe})" if url else s.name
            extra = " · ".join(x for x in (s.publisher, s.published) if x and x != s.name)
            lines.append(f"{number}. {link}" + (f" · {extra}" if extra else ""))
        lines.append("")
    if more := _more(len(digest.stories) - max_stories, "stories"):
        lines += [f"*{more[0].upper() + more[1:]}.*", ""]
    return "\n".join(lines)
