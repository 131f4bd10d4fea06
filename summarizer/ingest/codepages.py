"""Which legacy single-byte codepage a text was saved in, when charset-normalizer's guess is in doubt.

charset-normalizer ranks codepages that read a few accented letters alike by chance:
Windows-1252 text came back as cp1250, cp775, even cp932 (231 of 607 BBC articles
saved as Windows-1252); Polish saved as Windows-1250 came back as cp1252 ("Ko³owice"
for "Kołowice") or cp1257, Czech as cp1258. Two signs settle most of it:

1. Stray signs: a reading that puts a sign (not a letter) between two letters, as
   cp1252 does with Polish "ł" (³), "ą" (¹), "ż" (¿), or a control character
   anywhere, is wrong where another reading has fewer. Only single-byte guesses are
   compared so (a Shift-JIS name holds "・" between letters by right).
2. The language (CLD2, which reads mojibake of Polish as Polish): among readings with
   as few stray signs, English, French, German ... are Windows-1252; Polish, Czech,
   Slovak, Hungarian, Croatian, Slovenian, Romanian are Windows-1250 or ISO-8859-2,
   whichever reading's accented letters belong to the language's alphabet.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

__all__ = ["choose_codepage"]

WESTERN = "cp1252"
CENTRAL = ("cp1250", "iso8859-2")
_CENTRAL_FAMILY = frozenset({*CENTRAL, "mac-latin2", "cp852", "iso8859-16"})

# Languages whose legacy Windows codepage is 1252 (Latin-1's superset). Undetermined text
# (short, or a mix) reads as 1252 when it is mostly ASCII: English and Western European
# news is this tool's likeliest input.
WINDOWS_1252_LANGUAGES = frozenset(
    {"en", "fr", "de", "es", "it", "pt", "nl", "da", "sv", "no", "nb", "nn", "fi", "is", "ca", "eu", "gl"}
    | {"ga", "gd", "af", "sq", "id", "ms", "sw", "la", "lb", "fo", "oc", "br", "co"}
)
# Languages written in Windows-1250 / ISO-8859-2, with the letters beyond ASCII their alphabets use.
CENTRAL_LETTERS = {
    "pl": "ąćęłńóśźż",
    "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "hu": "áéíóöőúüű",
    "hr": "čćđšž",
    "bs": "čćđšž",
    "sr": "čćđšž",
    "sl": "čćšž",
    "ro": "ăâîșțşţ",
}

_SIGNS = frozenset({"Sc", "Sk", "Sm", "So", "No"})  # currency, modifier, maths and other symbols; ², ¼
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")


def _decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def stray_signs(text: str) -> int:
    """Symbols beyond ASCII (³, ¹, ¯, £, ¤ ...) between two letters, and C1 control characters: what no writer types.

    Punctuation counts for nothing: an apostrophe or a dash (U+2019, U+2013) stands between letters by right.
    """
    count = 0
    for match in _BEYOND_ASCII.finditer(text):
        char, at = match.group(), match.start()
        if "\x80" <= char <= "\x9f" or (
            unicodedata.category(char) in _SIGNS
            and 0 < at < len(text) - 1
            and text[at - 1].isalpha()
            and text[at + 1].isalpha()
        ):
            count += 1
    return count


def _fit(text: str, letters: str) -> int:
    """How well a reading's accented letters fit an alphabet: those in it, less those not."""
    found = [c.lower() for c in _BEYOND_ASCII.findall(text) if c.isalpha()]
    return sum(1 if c in letters else -1 for c in found)


def _mostly_ascii(data: bytes) -> bool:
    """At most one byte in 20 above ASCII: a few accented letters or signs, not a non-Latin script."""
    return len(data.translate(None, bytes(range(128)))) * 20 <= len(data)


def choose_codepage(data: bytes, guess: str, encoding: str) -> tuple[str, str]:
    """Return (text, codepage): the guess, or a Windows-1252/1250 or ISO-8859-2 reading that fits better."""
    from .language import detect_language

    encoding = codecs.lookup(encoding).name
    readings = {encoding: guess}
    for codec in (WESTERN, *CENTRAL):
        if codec not in readings and (text := _decode(data, codec)) is not None:
            readings[codec] = text
    if len(guess) == len(data):  # a single-byte guess: compared by its stray signs
        strays = {codec: stray_signs(text) for codec, text in readings.items()}
        fewest = min(strays.values())
        tied = [codec for codec in readings if strays[codec] == fewest]
    else:
        tied = list(readings)
    if len(tied) == 1:
        return readings[tied[0]], tied[0]
    language = detect_language(readings[tied[0]]).code  # a few letters read either way: the same language
    if language in CENTRAL_LETTERS:
        central = [c for c in tied if c in _CENTRAL_FAMILY]
        if central:
            letters = CENTRAL_LETTERS[language]
            best = max(central, key=lambda codec: (_fit(readings[codec], letters), codec == encoding))
            return readings[best], best
    elif WESTERN in tied and (language in WINDOWS_1252_LANGUAGES or (language is None and _mostly_ascii(data))):
        return readings[WESTERN], WESTERN
    chosen = encoding if encoding in tied else tied[0]
    return readings[chosen], chosen
