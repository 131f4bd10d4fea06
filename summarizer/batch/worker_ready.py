"""Imported by the fork server of CPU pools and by the service's workers: what the engine would do on first use.

Each process compiles the hedge lexicon's patterns and loads the sentence
splitter the first time an article needs them: about 0.2 s of CPU spread over
its first few hundred articles. Forked from a server that did it once, every
worker starts with them ready. Nothing here touches the disk cache.
"""

from __future__ import annotations

from ..extractive import extract
from ..extractive.hedges import compile_patterns

__all__: list[str] = []

_ARTICLE = (
    "Officials in Valmora said on Tuesday that about 120 soldiers had moved toward the border with Kessaly, "
    "a move Kessaly's foreign ministry called a provocation.\n\n"
    '"We will not be drawn into a fight," the ministry said, adding that talks may resume next week.'
)

compile_patterns()
extract(_ARTICLE)
