"""HTML ingest cost: the mojibake check only where the decoding was a guess, and only the metadata a record keeps."""

from __future__ import annotations

from typing import Any

import ftfy.badness
import pytest
import trafilatura
import trafilatura.metadata

from summarizer.ingest import document_from_bytes
from summarizer.ingest.html_extract import extract_html

BODY = " ".join(
    f"<p>Officials in Orlen said {n} families had left the river villages of Kestria on day {n} of the flood, "
    "and that the caf\u00e9 owners of the old quarter were among them.</p>"
    for n in range(2, 9)
)
PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Floods empty Kestrian river villages | The Orlen Courier</title>
<meta property="og:title" content="Floods empty Kestrian river villages">
<meta property="og:site_name" content="The Orlen Courier">
<meta property="og:url" content="https://courier.example.org/news/floods-kestria">
<meta property="article:published_time" content="2026-03-14T08:00:00Z">
<script>var junk = "{"x" * 2000}";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Floods empty Kestrian river villages</h1>{BODY}</article>
<footer>Copyright The Orlen Courier</footer>
</body></html>"""


def checked_by_ftfy(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = ftfy.badness.is_bad

    def spy(text: str) -> bool:
        seen.append(text)
        return real(text)

    monkeypatch.setattr(ftfy.badness, "is_bad", spy)
    return seen


def test_utf8_page_is_not_scanned_for_mojibake(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = checked_by_ftfy(monkeypatch)
    document = document_from_bytes(PAGE.encode("utf-8"), kind="html", source="page.html")
    assert "caf\u00e9 owners" in document.text and document.encoding == "utf-8"
    assert seen == []


def test_guessed_encoding_is_checked_on_the_extracted_text_not_the_markup(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = checked_by_ftfy(monkeypatch)
    document = document_from_bytes(PAGE.replace("utf-8", "windows-1252").encode("cp1252"), kind="html", source="p")
    assert "caf\u00e9 owners" in document.text and document.encoding != "utf-8"
    assert seen and not any("<" in text or "junk" in text for text in seen)


def test_metadata_is_what_trafilatura_gives_without_its_other_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    full = trafilatura.bare_extraction(PAGE, with_metadata=True, include_comments=False, favor_precision=False)
    assert full is not None
    expected: dict[str, Any] = full if isinstance(full, dict) else full.as_dict()

    def not_needed(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("metadata the record does not keep was extracted")

    for name in ("extract_author", "extract_catstags", "extract_license"):
        monkeypatch.setattr(trafilatura.metadata, name, not_needed)
    text, meta = extract_html(PAGE, "page.html")
    assert text == expected["text"]
    assert meta == {
        "title": expected["title"],
        "published": expected["date"],
        "publisher": expected["sitename"] or expected["hostname"],
        "url": expected["url"],
    }
    assert meta["title"] == "Floods empty Kestrian river villages" and meta["publisher"] == "The Orlen Courier"
