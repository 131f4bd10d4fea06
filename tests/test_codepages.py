"""Central European text saved in a legacy codepage reads back as written (Windows-1250 was read as 1252)."""

from __future__ import annotations

import re

import pytest

from summarizer.ingest.decoding import decode_bytes
from tests.central_european import CZECH, POLISH, WESTERN

_SENTENCE_END = re.compile(r"(?<=[.?]) ")


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


def test_an_english_story_naming_a_czech_town_keeps_its_letters() -> None:
    text = (
        "Councillor Ji\u0159\u00ed Hrub\u010d\u00edk of Nov\u00e9 Dvo\u0159i\u0161t\u011b said on Friday that the "
        "dam had held through the night and that the road to the valley would reopen on Monday."
    )
    # It read as Windows-1252: "Ji\u00f8\u00ed", "Dvo\u00f8i\u0161t\u00ec", letters no one alphabet holds together.
    assert decode_bytes(text.encode("cp1250")) == (text, "cp1250")


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_french_spanish_italian_portuguese_danish_stay_as_written(codec: str) -> None:
    pieces = [p for p in _pieces(WESTERN) if codec == "cp1252" or all(ord(c) < 256 for c in p)]
    assert len(pieces) >= 15
    wrong = [p[:60] for p in pieces if decode_bytes(p.encode(codec))[0] != p]
    assert wrong == []


def test_western_text_with_apostrophes_and_dashes_stays_windows_1252() -> None:
    text = "The mayor\u2019s office in Ren\u00e9ville said the north\u2013south road would reopen. " * 3
    assert decode_bytes(text.encode("cp1252")) == (text, "cp1252")


def test_stray_signs_are_symbols_between_letters_not_punctuation() -> None:
    from summarizer.ingest.codepages import stray_signs

    assert stray_signs("Ko\u00b3owice zdecydowa\u00b3a") == 2  # "³" for "ł"
    assert stray_signs("Shakespeare\u2019s north\u2013south \u00a35m n\u00ba 5") == 0
    assert stray_signs("Bra\u00baov") == 1  # "º" for Romanian "ș"


def test_odd_words_are_latin_words_no_one_alphabet_spells() -> None:
    from summarizer.ingest.codepages import odd_words

    assert odd_words("Havl\u00ed\u00e8k\u00f9v Caf\u0137") == 2  # cp1252's "Havlíčkův"; cp775's "Café"
    assert odd_words("Havl\u00ed\u010dk\u016fv Caf\u00e9 M\u00fcller \u00c5ngstr\u00f6m 5\u00b5g") == 0
    assert odd_words("\u041f\u0440\u0430\u0432\u0438\u0442\u0435\u043b\u044c") == 0  # other scripts: not judged


# English news naming one Central European place or person (written for these tests): each came back as
# Windows-1252 (or as Windows-1250 from ISO-8859-2) with the name mangled, as in the comment.
ENGLISH_WITH_ONE_NAME = [
    ("The textile museum in Łódź will reopen on Saturday, the council said.", "iso8859_2"),  # "£ód¼"
    ("Residents of Brno's Žižkov quarter asked for a new tram stop.", "iso8859_2"),  # cp1250: "®iľkov"
    ("Fishing boats in Šibenik stayed in port as the storm passed.", "iso8859_2"),  # "©ibenik"
    ("Councillor Ewa Wiśniewska said the pool would stay open late.", "iso8859_2"),  # cp1250: "Wi¶niewska"
    ("Voters in Łękno Dolne will choose a new mayor on Sunday.", "cp1250"),  # "£êkno"
    ("Dockworkers in Gdańsk voted on Tuesday to end the strike.", "cp1250"),  # "Gdañsk"
    ("The ferry to Korčula runs twice a day until October.", "cp1250"),  # "Korèula"
    ("Tourists filled the square at Můstek on New Year's Eve.", "cp1250"),  # "Mùstek"
    ("The striker Ivan Marković scored twice in the second half.", "iso8859_2"),  # "Markoviæ"
]


@pytest.mark.parametrize(("text", "codec"), ENGLISH_WITH_ONE_NAME)
def test_an_english_text_with_one_central_european_name_keeps_it(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec))[0] == text


def test_a_sign_opening_a_word_is_stray_but_not_before_a_figure() -> None:
    from summarizer.ingest.codepages import stray_signs

    assert stray_signs("in \u00a3\u00f3d\u009f and \u00aeilina, Wi\u00b6niewska") == 4  # with a C1 control (\x9f)
    assert stray_signs("a \u00a35m deal at 25\u00b0C, \u00a7 4, Coca-Cola\u00ae and m\u00b2") == 0


def test_odd_letters_are_letters_where_their_alphabet_never_puts_them() -> None:
    from summarizer.ingest.codepages import odd_letters

    western = "España niño cœur São mãe irmã Þór Alþingi caffè più où Noël història Ærø søen"
    assert odd_letters(western + " Gdańsk Poznań koń") == 0
    assert odd_letters("Gdañsk Poznañ Espańa Osmanagiæ Korèula Mùstek Horaþiu Rãdulescu Svatoòovice") == 9
