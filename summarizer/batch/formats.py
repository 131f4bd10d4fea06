"""Records as a whole output file: JSON, JSON lines, CSV rows with readable figures and hedges, Markdown."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

__all__ = ["MD_MARK", "flatten", "markdown", "render"]

MD_MARK = "<!-- generator: summarizer batch -->"


def _figure_text(figure: dict[str, Any]) -> str:
    what = " ".join(str(x) for x in (figure.get("quantity"), figure.get("unit")) if x)
    who = f"{figure.get('status')}: {figure['source']}" if figure.get("source") else str(figure.get("status"))
    return f"{what} ({who})"


def _hedge_text(hedge: dict[str, Any]) -> str:
    return f"{hedge.get('cue')} ({hedge.get('kind')}): {hedge.get('claim')}"


def flatten(row: dict[str, Any]) -> dict[str, Any]:
    """One CSV row: the record's main fields, figures and hedges as readable '; '-joined text."""
    summary = row.get("summary") or {}
    escalation = summary.get("escalation") or {}
    usage = row.get("usage") or {}
    figures = summary.get("key_figures") or []
    hedges = summary.get("hedges") or []
    return {
        "status": row.get("status"),
        "article_id": row.get("article_id"),
        "source_path": row.get("source_path"),
        "title": row.get("title"),
        "published": row.get("published"),
        "engine": row.get("engine"),
        "model": row.get("model"),
        "cached": row.get("cached"),
        "event_type": escalation.get("event_type"),
        "level": escalation.get("level"),
        "goldstein": escalation.get("goldstein"),
        "direction": escalation.get("direction"),
        "summary": summary.get("summary"),
        "key_points": "; ".join(summary.get("key_points") or []),
        "key_figures": "; ".join(_figure_text(f) for f in figures),
        "hedges": "; ".join(_hedge_text(h) for h in hedges),
        "key_figure_count": len(figures) if summary else None,
        "hedge_count": len(hedges) if summary else None,
        "warnings": "; ".join(row.get("warnings") or []),
        "tokens": usage.get("total_tokens"),
        "cost_usd": row.get("cost_usd"),
        "error_type": row.get("error_type"),
        "error": row.get("error"),
    }


def markdown(row: dict[str, Any]) -> str:
    """One record as a Markdown section, headed by a comment that names its article."""
    head = f"<!-- article_id: {row['article_id']} status: {row.get('status')} -->\n"
    name = row.get("title") or row.get("source_path") or row["article_id"]
    if row.get("status") != "ok":
        return f"{head}## {name}\n\n**Error** ({row.get('error_type')}): {row.get('error')}\n"
    summary = row["summary"]
    esc = summary["escalation"]
    lines = [
        f"{head}## {name}",
        "",
        f"*{row.get('source_path') or ''}* · escalation level {esc['level']}/5, {esc['event_type']}, "
        f"Goldstein {esc['goldstein']}, {esc['direction']}",
        "",
        summary["summary"],
        "",
    ]
    lines += [f"- {point}" for point in summary["key_points"]]
    if summary["key_figures"]:
        lines += ["", "| figure | what | claimed by | status |", "| --- | --- | --- | --- |"]
        for f in summary["key_figures"]:
            cells = [f["quantity"], f.get("unit") or "", f.get("source") or "-", f["status"]]
            lines.append("| " + " | ".join(str(c).replace("|", "/") for c in cells) + " |")
    if summary["hedges"]:
        lines += ["", "Hedged: " + "; ".join(f"*{h['cue']}* ({h['kind']})" for h in summary["hedges"])]
    return "\n".join(lines) + "\n"


def render(rows: list[dict[str, Any]], fmt: str) -> str:
    """The whole output file in a format."""
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(flatten({"article_id": ""}).keys()))
        writer.writeheader()
        writer.writerows(flatten(r) for r in rows)
        return buffer.getvalue()
    if fmt == "md":
        return "\n".join([MD_MARK + "\n"] + [markdown(r) for r in rows])
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
