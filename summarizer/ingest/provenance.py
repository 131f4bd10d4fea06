"""What a record says about the article it was made from: its id, where it came from, how it was read."""

from __future__ import annotations

from typing import Any

from ..config import option_name
from ..models import IngestReport
from .documents import Document

__all__ = ["provenance"]


def provenance(document: Document, article_id: str | None) -> dict[str, Any]:
    """The record fields that describe a document (id, source, metadata, ingest report, reading warnings)."""
    warnings = list(document.warnings)
    if document.truncated_from is not None:
        warnings.append(
            f"article truncated from {document.truncated_from:,} to {len(document.text):,} characters "
            f"({option_name('max_chars')}); only the first part was summarized"
        )
    return {
        "article_id": article_id or document.sha256[:16],
        "source_path": document.source_path,
        "title": document.title,
        "published": document.published,
        "publisher": document.publisher,
        "url": document.url,
        "ingest": IngestReport(
            format=document.format,
            encoding=document.encoding,
            original_chars=document.original_chars or len(document.text),
            removed_chars=document.removed_chars,
            truncated_from=document.truncated_from,
        ),
        "warnings": warnings,
    }
