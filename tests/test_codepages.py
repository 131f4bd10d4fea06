"""Central European text saved in a legacy codepage reads back as written (Windows-1250 was read as 1252)."""

from __future__ import annotations

import re

import pytest

from summarizer.ingest.decoding import decode_bytes
from tests.central_european import CZECH, POLISH

_SENTENCE_END = re.compile(r"(?<=\.) ")


def _pieces(texts: list[str]) -> list[str]:
    return [s for text in texts for s in _SENTENCE_END.split(text)] + texts + [" ".join(texts)]


@pytest.mark.parametrize("language", ["polish", "czech"])
def test_polish_and_czech_saved_as_windows_1250_read_back_as_written(language: str) -> None:
    pieces = _pieces(POLISH if language == "polish" else CZECH)
    # Before: 7 of 25 Polish pieces came back as cp1252 or cp1257 ("Ko³owice", "Szczźsny"),
    # 4 of 25 Czech ones as cp1258 or cp775 ("tưdnech").
    wrong = [p[:60] for p in pieces if decode_bytes(p.encode("cp1250")) != (p, "cp1250")]
    assert wrong == []


def test_polish_saved_as_iso_8859_2_is_not_taken_for_windows_1250() -> None:
    pieces = _pieces(POLISH)
    # Before: 20 of 25 came back wrong, as cp1250 ("sze¶æ"), cp1252 or iso8859_10.
    wrong = [p[:60] for p in pieces if decode_bytes(p.encode("iso8859_2"))[0] != p]
    assert wrong == []


def test_an_english_story_naming_a_polish_town_keeps_its_letters() -> None:
    text = (
        "Mayor Zbigniew Małek of Gródek Wielki said on Monday that the bridge over the river would reopen in "
        "spring. Traffic to Łomnica will use the old ferry until then."
    )
    # It read as Windows-1252: "Ma³ek", "£omnica".
    assert decode_bytes(text.encode("cp1250")) == (text, "cp1250")


def test_western_text_with_apostrophes_and_dashes_stays_windows_1252() -> None:
    text = "The mayor\u2019s office in Ren\u00e9ville said the north\u2013south road would reopen. " * 3
    assert decode_bytes(text.encode("cp1252")) == (text, "cp1252")


def test_stray_signs_are_symbols_between_letters_not_punctuation() -> None:
    from summarizer.ingest.codepages import stray_signs

    assert stray_signs("Ko\u00b3owice zdecydowa\u00b3a") == 2  # "³" for "ł"
    assert stray_signs("Shakespeare\u2019s north\u2013south \u00a35m") == 0
