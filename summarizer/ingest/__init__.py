"""Reading articles: decoding, HTML extraction, page boilerplate, language."""

from .boilerplate import clean_page_text
from .decoding import HTML_SUFFIXES, JSON_SUFFIXES, MARKDOWN_SUFFIXES, decode_bytes, file_format, is_binary, read_file
from .documents import (
    Document,
    document_from_body,
    document_from_bytes,
    document_from_text,
    documents_from_json,
    headline_and_date,
    json_entries,
    load_document,
    normalize_text,
    read_json_line,
    replace_surrogates,
    truncate,
)
from .language import Language, detect_language
from .provenance import provenance

__all__ = [
    "HTML_SUFFIXES",
    "JSON_SUFFIXES",
    "MARKDOWN_SUFFIXES",
    "Document",
    "Language",
    "clean_page_text",
    "decode_bytes",
    "detect_language",
    "document_from_body",
    "document_from_bytes",
    "document_from_text",
    "documents_from_json",
    "file_format",
    "headline_and_date",
    "is_binary",
    "json_entries",
    "load_document",
    "normalize_text",
    "provenance",
    "read_file",
    "read_json_line",
    "replace_surrogates",
    "truncate",
]
