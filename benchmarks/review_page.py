"""Reads a review page back as a browser would: the article's text and each highlight piece with its offset.

Used by the review judgment (``benchmarks/judgments/review.py``) and by ``tests/test_review.py``. It reads
only the page's own markup (``div#article``, ``mark`` with ``data-field``/``data-part``), with the standard
library, so that the renderer is checked by code that does not share its logic.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any


class ReviewPage(HTMLParser):
    """The article's text on a review page, its highlight pieces in page order, and how many scripts it holds."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # > 0 inside div#article
        self.size = 0  # code points of article text read so far
        self.parts: list[str] = []
        self.open: list[dict[str, Any]] = []
        self.pieces: list[dict[str, Any]] = []  # the mark's attributes, plus its offset "at" and its "text"
        self.scripts = 0

    @property
    def article(self) -> str:
        """The article's text as the page shows it."""
        return "".join(self.parts)

    def highlights(self) -> dict[tuple[str, int], tuple[int, str]]:
        """(field, part) -> (offset of its first piece, its text joined from every piece)."""
        joined: dict[tuple[str, int], tuple[int, str]] = {}
        for piece in self.pieces:
            key = (piece["data-field"], int(piece["data-part"]))
            at, text = joined.get(key, (piece["at"], ""))
            joined[key] = (at, text + piece["text"])
        return joined

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.scripts += tag == "script"
        if tag == "div" and (self.depth or values.get("id") == "article"):
            self.depth += 1
        elif self.depth and tag == "mark":
            piece = {**values, "at": self.size, "text": ""}
            self.open.append(piece)
            self.pieces.append(piece)

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self.depth:
            self.depth -= 1
        elif self.depth and tag == "mark":
            self.open.pop()

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)
            self.size += len(data)
            for piece in self.open:
                piece["text"] += data


def read_page(page: str) -> ReviewPage:
    """Parse a review page's HTML."""
    parser = ReviewPage()
    parser.feed(page)
    parser.close()
    return parser
