"""Render a Digest: HTML that survives email clients, Markdown for newsletter tools, a PNG chart.

The HTML uses tables and inline styles only, no scripts and no external
resources: the escalation chart is a PNG embedded as a data URI.
"""

from __future__ import annotations

import base64
import html
import io
from datetime import date

from .digest import Digest, Story, TimelinePoint

__all__ = ["MAX_FIGURES", "MAX_STORIES", "chart_png", "render_html", "render_markdown"]

MAX_STORIES = 30  # a newsletter, not an archive: the JSON form keeps every story
MAX_FIGURES = 12

_LEVEL_COLOURS = ["#4d7c0f", "#65a30d", "#ca8a04", "#ea580c", "#dc2626", "#991b1b"]
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
        draw.ellipse([x - 4, y - 4, x + 4, y + 4], fill=_LEVEL_COLOURS[p.level])
    draw.text((left, height - 16), points[0].date, fill="#374151")
    draw.text((right - 62, height - 16), points[-1].date, fill="#374151")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _badge(story: Story) -> str:
    esc = story.escalation
    colour = _LEVEL_COLOURS[esc.level]
    goldstein = "n/a" if esc.goldstein is None else f"{esc.goldstein:+.1f}"
    return (
        f'<span style="display:inline-block;padding:2px 8px;border-radius:10px;background:{colour};'
        f'color:#ffffff;font-size:13px;{_FONT}">Level {esc.level}/5 &middot; {_e(esc.event_type)} &middot; '
        f"Goldstein {goldstein} &middot; {_e(esc.direction)}</span>"
    )


def _cell(text: object, header: bool = False) -> str:
    tag = "th" if header else "td"
    weight = "font-weight:bold;" if header else ""
    return (
        f'<{tag} style="border-bottom:1px solid #e5e7eb;padding:4px 6px;text-align:left;vertical-align:top;'
        f'font-size:13px;word-break:break-word;{weight}{_FONT}">{_e(text)}</{tag}>'
    )


def _more(count: int, what: str) -> str:
    return f"and {count} more {what} in the JSON digest" if count > 0 else ""


def _story_html(story: Story) -> str:
    parts = [
        f'<h2 id="{_e(story.id)}" style="font-size:20px;margin:24px 0 6px 0;{_FONT}color:#111827;">'
        f"{_e(story.headline)}</h2>",
        f'<p style="margin:0 0 8px 0;">{_badge(story)}</p>',
        f'<p style="font-size:15px;line-height:1.5;margin:0 0 10px 0;{_FONT}color:#1f2937;">{_e(story.brief)}</p>',
    ]
    if story.escalation.evidence:
        quotes = "".join(f'<li style="margin:0 0 4px 0;">&ldquo;{_e(q)}&rdquo;</li>' for q in story.escalation.evidence)
        parts.append(
            f'<p style="font-size:13px;margin:8px 0 2px 0;{_FONT}color:#374151;"><b>Evidence</b></p>'
            f'<ul style="font-size:13px;margin:0 0 10px 18px;padding:0;{_FONT}color:#374151;">{quotes}</ul>'
        )
    if len(story.timeline) > 1:
        data = base64.b64encode(chart_png(story.timeline)).decode("ascii")
        parts.append(
            f'<img src="data:image/png;base64,{data}" width="520" alt="Escalation level by date for this story" '
            'style="display:block;max-width:100%;height:auto;border:0;margin:6px 0 10px 0;">'
        )
    if story.figures:
        rows = "".join(
            "<tr>"
            + "".join(_cell(c) for c in (f.quantity, f.unit or "", f.claimed_by or "-", f.status, f.article))
            + "</tr>"
            for f in story.figures[:MAX_FIGURES]
        )
        if more := _more(len(story.figures) - MAX_FIGURES, "figures"):
            rows += (
                f'<tr><td colspan="5" style="font-size:12px;padding:4px 6px;{_FONT}color:#6b7280;">{_e(more)}</td></tr>'
            )
        head = "".join(_cell(c, header=True) for c in ("Figure", "Of", "Claimed by", "Status", "Article"))
        parts.append(
            '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
            f'style="border-collapse:collapse;table-layout:fixed;margin:6px 0 10px 0;"><tr>{head}</tr>{rows}</table>'
        )
    for d in story.discrepancies:
        values = " vs ".join(f"{f.quantity} ({f.claimed_by or 'unattributed'}, {f.article})" for f in d.figures)
        parts.append(
            f'<p style="font-size:13px;margin:4px 0;{_FONT}color:#92400e;background:#fffbeb;padding:6px;">'
            f"<b>Sources differ</b> on {_e(d.about)}: {_e(values)}</p>"
        )
    if story.hedged:
        items = "".join(
            f'<li style="margin:0 0 3px 0;"><b>{_e(h.cue)}</b> ({_e(h.kind)}): {_e(h.claim)}</li>'
            for h in story.hedged[:12]
        )
        parts.append(
            f'<p style="font-size:13px;margin:8px 0 2px 0;{_FONT}color:#374151;"><b>Unconfirmed or hedged</b></p>'
            f'<ul style="font-size:13px;margin:0 0 10px 18px;padding:0;{_FONT}color:#374151;">{items}</ul>'
        )
    sources = "".join(
        "<li>"
        + (
            f'<a href="{_e(s.url)}" style="color:#1d4ed8;">{_e(s.title or s.url)}</a>'
            if s.url
            else _e(s.title or s.source_path or s.article_id)
        )
        + (f" &middot; {_e(s.publisher)}" if s.publisher else "")
        + (f" &middot; {_e(s.published)}" if s.published else "")
        + "</li>"
        for s in story.sources
    )
    parts.append(
        f'<p style="font-size:13px;margin:8px 0 2px 0;{_FONT}color:#374151;"><b>Sources</b></p>'
        f'<ul style="font-size:13px;margin:0 0 16px 18px;padding:0;{_FONT}color:#374151;">{sources}</ul>'
    )
    return "\n".join(parts)


def render_html(digest: Digest, max_stories: int = MAX_STORIES) -> str:
    """The briefing as one email-safe HTML page (600 px column, inline CSS, no scripts)."""
    stories = '\n<hr style="border:0;border-top:1px solid #d1d5db;margin:8px 0;">\n'.join(
        _story_html(s) for s in digest.stories[:max_stories]
    )
    if more := _more(len(digest.stories) - max_stories, "stories"):
        stories += f'\n<p style="font-size:13px;{_FONT}color:#6b7280;">{_e(more[0].upper() + more[1:])}.</p>'
    errors = f" ({digest.skipped_errors} failed records left out)" if digest.skipped_errors else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(digest.title)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f3f4f6;"><tr><td align="center">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="width:100%;max-width:600px;background:#ffffff;">
<tr><td style="padding:16px 20px;">
<h1 style="font-size:24px;margin:0 0 4px 0;{_FONT}color:#111827;">{_e(digest.title)}</h1>
<p style="font-size:12px;margin:0 0 12px 0;{_FONT}color:#6b7280;">{len(digest.stories)} stories from {digest.records} articles{errors}, {digest.generated_at:%Y-%m-%d %H:%M} UTC</p>
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
    lines = [f"# {digest.title}", "", f"> {digest.escalation_watch}", ""]
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
        lines += [f"> {q}" for q in esc.evidence[:2]]
        if esc.evidence:
            lines.append("")
        if len(story.timeline) > 1:
            path = " → ".join(f"{p.date}: level {p.level}" for p in story.timeline)
            lines += [f"Escalation over time: {path}", ""]
        if story.figures:
            lines += ["| Figure | Of | Claimed by | Status | Article |", "| --- | --- | --- | --- | --- |"]
            lines += [
                f"| {_md(f.quantity)} | {_md(f.unit or '')} | {_md(f.claimed_by or '-')} | {f.status} | {_md(f.article)} |"
                for f in story.figures[:MAX_FIGURES]
            ]
            if more := _more(len(story.figures) - MAX_FIGURES, "figures"):
                lines.append(f"| {more} | | | | |")
            lines.append("")
        for d in story.discrepancies:
            values = " vs ".join(f"{f.quantity} ({f.claimed_by or 'unattributed'}, {f.article})" for f in d.figures)
            lines += [f"**Sources differ** on {d.about}: {values}", ""]
        if story.hedged:
            lines += ["**Unconfirmed or hedged**", ""]
            lines += [f"- *{h.cue}* ({h.kind}): {h.claim}" for h in story.hedged[:12]]
            lines.append("")
        lines += ["**Sources**", ""]
        for s in story.sources:
            name = s.title or s.source_path or s.article_id
            link = f"[{name}]({s.url})" if s.url else name
            extra = " · ".join(x for x in (s.publisher, s.published) if x)
            lines.append(f"- {link}" + (f" · {extra}" if extra else ""))
        lines.append("")
    if more := _more(len(digest.stories) - max_stories, "stories"):
        lines += [f"*{more[0].upper() + more[1:]}.*", ""]
    return "\n".join(lines)
