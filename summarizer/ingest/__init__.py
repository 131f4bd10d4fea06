"""Reading articles: decoding, HTML extraction, page boilerplate, language."""

from .boilerplate import clean_page_text
from .decoding import HTML_SUFFIXES, JSON_SUFFIXES, MARKDOWN_SUFFIXES, decode_bytes, file_format, is_binary, read_file
from .documents import (
    Document,
    document_from_body,
    document_from_bytes,
    document_from_json_line,
    document_from_text,
    documents_from_json,
    headline_and_date,
    load_document,
    normalize_text,
    replace_surrogates,
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
    "document_from_body",
    "document_from_bytes",
    "document_from_json_line",
    "document_from_text",
    "documents_from_json",
    "file_format",
    "headline_and_date",
    "is_binary",
    "load_document",
    "normalize_text",
    "read_file",
    "replace_surrogates",
    "truncate",
]
