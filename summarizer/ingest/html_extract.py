"""An HTML page's main text and the metadata a record keeps, through trafilatura."""

from __future__ import annotations

import contextlib
from typing import Any

__all__ = ["extract_html"]


def extract_html(html: str, where: str) -> tuple[str, dict[str, str | None]]:
    """Main text and the metadata a record keeps (title, date, site, URL), from one parse of the page.

    The text is trafilatura's ``bare_extraction`` without its metadata pass; the
    metadata comes from ``_metadata``, which does only the parts of that pass the
    record uses (it skips authors, categories, tags, licence and description).
    """
    import trafilatura
    from trafilatura.utils import load_html

    from .boilerplate import only_navigation

    tree = load_html(html)
    if tree is None:
        return "", {}
    result = trafilatura.bare_extraction(tree, with_metadata=False, include_comments=False, favor_precision=False)
    if result is None:
        return "", {}
    data: dict[str, Any] = result if isinstance(result, dict) else result.as_dict()
    text = str(data.get("text") or "")
    if only_navigation(tree, text):  # trafilatura fell back on the menu: the page holds no article
        text = ""
    return text, _metadata(tree)


def _metadata(tree: Any) -> dict[str, str | None]:
    """trafilatura 2.3.1's ``extract_metadata`` for title, date, sitename/hostname and URL only.

    The same steps in the same order (meta tags, then JSON-LD, then the page's own
    title, URL, htmldate with trafilatura's default date settings, site name),
    so the values are the ones ``bare_extraction(with_metadata=True)`` gives.
    """
    from htmldate import find_date
    from trafilatura import metadata as found_in
    from trafilatura.metadata import (
        META_URL,
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )
    from trafilatura.settings import DEFAULT_CONFIG, Document, set_date_params

    found = examine_meta(tree)
    with contextlib.suppress(Exception):  # trafilatura guards its JSON-LD reader the same way
        found = extract_meta_json(tree, found)
    meta = Document()
    meta.title = found.title or extract_title(tree)
    meta.url = found.url or extract_url(tree, None)
    domain = found_in.extract_domain  # type: ignore[attr-defined]  # courlan's, as trafilatura imports it
    meta.hostname = domain(meta.url, fast=True) if meta.url else None
    date_config = set_date_params(DEFAULT_CONFIG.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH"))
    meta.date = find_date(tree, **{**date_config, "url": meta.url})
    sitename = found.sitename or extract_sitename(tree)
    if sitename:
        sitename = sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
    elif meta.url and (match := META_URL.match(meta.url)):
        sitename = match[1]
    meta.sitename = sitename
    meta.clean_and_trim()
    return {
        "title": meta.title,
        "published": meta.date,
        "publisher": meta.sitename or meta.hostname,
        "url": meta.url,
    }
