"""Imported by the fork server of asking pools, and only there: load once what each worker would load per article.

Without it every LLM worker spends about 0.3 s of CPU on its first article:
the SDK's resource modules, the HTTP stack's async backend, instructor's
handlers and wrapped model, the sentence splitter and the verifier's tables.
Forked from a server that did this once, workers start ready. Nothing here
touches the network or the disk cache.
"""

from __future__ import annotations

import importlib

import openai

from ..extractive import extract
from ..extractive.hedges import compile_patterns
from ..extractive.verifier import verify
from ..ingest.documents import document_from_bytes
from ..ingest.language import detect_language
from ..llm import first_try
from ..llm.prompts import build_messages
from ..llm.providers import _prepared, response_format
from ..models import SummaryResponse
from ..quotes import ArticleIndex

__all__: list[str] = []

_ARTICLE = (
    "Officials in Valmora said on Tuesday that about 120 soldiers had moved toward the border with Kessaly, "
    "a move Kessaly's foreign ministry called a provocation.\n\n"
    '"We will not be drawn into a fight," the ministry said, adding that talks may resume next week.'
)

for _name in ("anyio._backends._asyncio", "httpcore2._async", "h11"):
    importlib.import_module(_name)
_ = openai.AsyncOpenAI(api_key="warm-up", base_url="http://127.0.0.1:9/v1", max_retries=0).chat.completions
first_try._handlers()
_prepared(SummaryResponse)
response_format("openai")
_document = document_from_bytes(_ARTICLE.encode(), kind="text", source="warm-up.txt")
detect_language(_document.text)
build_messages(_document.text)
ArticleIndex(_document.text)
verify(extract(_document.text), _document.text)
compile_patterns()
