"""Reading articles: decoding, HTML extraction, page boilerplate, language."""

from .boilerplate import clean_page_text
from .documents import (
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    MARKDOWN_SUFFIXES,
    Document,
    decode_bytes,
    document_from_bytes,
    document_from_text,
    documents_from_json,
    file_format,
    headline_and_date,
    is_binary,
    load_document,
    normalize_text,
    read_file,
    truncate,
)
from .language import Language, detect_language

__all__ = [
    "HTML_SUFFIXES",
    "JSON_SUFFIXES",
    "MARKDOWN_SUFFIXES",
    "Document",
    "Language",
    "clean_page_text",
    "decode_bytes",
    "detect_language",
    "document_from_bytes",
    "document_from_text",
    "documents_from_json",
    "file_format",
    "headline_and_date",
    "is_binary",
    "load_document",
    "normalize_text",
    "read_file",
    "truncate",
]
