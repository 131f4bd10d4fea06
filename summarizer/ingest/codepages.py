"""Which legacy single-byte codepage a text was saved in, when charset-normalizer's guess is in doubt.

charset-normalizer ranks codepages that read a few accented letters alike by chance:
Windows-1252 text came back as cp1250, cp775, even cp932 (231 of 607 BBC articles
saved as Windows-1252); Polish saved as Windows-1250 came back as cp1252 ("Ko³owice"
for "Kołowice") or cp1257, Czech as cp1258. Four signs settle most of it:

1. Stray signs: a reading that puts a sign (not a letter) inside a word or at its
   start, as cp1252 does with Polish "ł" (³), "ą" (¹), "Ł" (£: "£ódŸ"), or a control
   character anywhere, is wrong where another reading has fewer.
2. Odd words: a Latin word whose accented letters no one alphabet holds together
   ("Havlíèkùv", cp1252's reading of the Czech "Havlíčkův") counts the same way.
3. Odd letters: a letter where its own alphabet never puts it, as cp1252's readings of
   names in an English text ("Poznañ": Spanish ñ comes before a vowel; "Korèula",
   "Mùstek", "Mandiæ") or cp1250's of Spanish ("Espańa": Polish ń never does).
   All three are compared among the Windows-1252, Windows-1250, ISO-8859-2 readings and a
   single-byte guess; a multi-byte guess (Big5, Shift-JIS: a name holds "・" between
   letters by right) stays unless the text's language is written in Latin letters.
4. The language (CLD2, which reads mojibake of Polish as Polish): among readings as
   good, English, French, German ... are Windows-1252; Polish, Czech, Slovak,
   Hungarian, Croatian, Slovenian, Romanian are Windows-1250 or ISO-8859-2, whichever
   reading's accented letters belong to the language's alphabet.

What it cannot tell: an English text whose only foreign letters read as Western ones
in a place their alphabet allows ("Plzeň" as "Plzeò", "Přerov" as "Pøerov", "Győr"
as "Gyõr") stays Windows-1252; Windows-1250 and ISO-8859-2 readings that are both
letters ("Košice" and "Koąice") go to Windows-1250.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache

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

# The letters beyond ASCII of Latin alphabets these codepages serve: a word whose accented letters no
# single one holds ("Havlíèkùv": í, è, ù) is what a wrong codepage makes of a name ("Havlíčkův").
_ALPHABETS = tuple(
    frozenset(letters)
    for letters in (
        *CENTRAL_LETTERS.values(),
        "àâæçéèêëîïôœùûüÿ",  # French
        "äöüß",  # German
        "áéíñóúü",  # Spanish
        "àèéìòóù",  # Italian
        "áâãàçéêíóôõú",  # Portuguese
        "àçéèíïòóúü",  # Catalan
        "áàéèëïíóöúü",  # Dutch
        "æøåé",  # Danish, Norwegian
        "åäöé",  # Swedish, Finnish
        "áðéíóúýþæö",  # Icelandic
        "äöõüšž",  # Estonian
        "ëç",  # Albanian
    )
)
_WORD = re.compile(r"[^\W\d_]*[^\x00-\x7f\W\d_][^\W\d_]*")  # a run of letters with one beyond ASCII or more

_SAMPLE = 100_000  # characters judged: a long file's head tells its codepage as well as the whole
_SIGNS = frozenset({"Sc", "Sk", "Sm", "So", "No"})  # currency, modifier, maths and other symbols; ², ¼
_SIGN_LIKE = "ªº§¶"  # ordinal signs, though letters ("nº 5"), and the section and paragraph signs
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]")


def _decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def stray_signs(text: str) -> int:
    """Signs beyond ASCII (³, ¹, ¶, £, º ...) inside a word or opening one, and C1 control characters.

    What no writer types: a sign between two letters ("Ko³owice"), or one that starts a
    word of letters ("£ódŸ", "®ilina": cp1252's and cp1250's readings of "Ł", "Ž"), where
    a currency sign would stand before a figure. Punctuation counts for nothing: an
    apostrophe or a dash (U+2019, U+2013) stands between letters by right.
    """
    count = 0
    end = len(text) - 1
    for match in _BEYOND_ASCII.finditer(text):
        char, at = match.group(), match.start()
        if "\x80" <= char <= "\x9f" or (
            (unicodedata.category(char) in _SIGNS or char in _SIGN_LIKE)
            and at < end
            and text[at + 1].isalpha()
            and (at == 0 or text[at - 1].isalpha() or not text[at - 1].isalnum())
        ):
            count += 1
    return count


def odd_words(text: str) -> int:
    """Latin words whose letters beyond ASCII no one alphabet holds together ("Havlíèkùv", "Cafķ").

    Words in other scripts (Cyrillic, Greek ...) are not judged here.
    """
    count = 0
    for word in _WORD.findall(text):
        accented = {c for c in word.lower() if c > "\x7f" and c not in "µªº"}  # signs, though letters
        if any(not _latin(c) for c in accented):
            continue
        if not any(accented <= alphabet for alphabet in _ALPHABETS):
            count += 1
    return count


# Letters where their own alphabets never put them: each a Western letter that one codepage reads
# for a Central one ("Poznañ", "Mandiæ", "Korèula", "Mùstek", "Horaþiu", "Rãdulescu"), or the reverse.
_ODD_PLACES = re.compile(
    "|".join(
        (
            r"ñ(?![aeiouáéíóúü])",  # Spanish ñ stands before a vowel, never before a consonant or at a word's end
            r"ń(?=[aeiouyąęó])",  # Polish ń never before a vowel (it is written "ni" there)
            r"(?<=[aeiouy])[æœ]",  # the ligatures follow a consonant or begin a word
            r"[èò](?=[aeiou])",  # French, Italian, Catalan è and ò are followed by a consonant or end a word
            r"[ìù](?=[^\W\d_])",  # Italian ì, ù and French ù end a word
            r"(?<=[aeiouy])þ",  # Icelandic þ begins a word or follows a consonant
            r"ã(?=[^\W\d_oeisõ])",  # Portuguese ã ends a word or stands before o, e, i, s
        )
    ),
    re.IGNORECASE,
)


def odd_letters(text: str) -> int:
    """Letters beyond ASCII in a place their alphabet never puts them ("Poznañ", "Korèula", "Mùstek", "Espańa")."""
    return len(_ODD_PLACES.findall(text))


@lru_cache(maxsize=1024)
def _latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def _oddities(text: str) -> int:
    """What no writer types, in one reading: stray signs, odd words and letters in odd places."""
    return stray_signs(text) + odd_words(text) + odd_letters(text)


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
    single = len(guess) == len(data)  # a multi-byte guess (Big5, Shift-JIS) holds signs between letters by right
    if not single:
        language = detect_language(guess).code
        latin = language in WINDOWS_1252_LANGUAGES or language in CENTRAL_LETTERS
        if not latin and not (language is None and _mostly_ascii(data)):
            return guess, encoding
        del readings[encoding]  # Latin text that the guess took for Chinese: one of the codepages it is
        if not readings:
            return guess, encoding
    scores = {codec: _oddities(text[:_SAMPLE]) for codec, text in readings.items()}
    tied = [codec for codec in readings if scores[codec] == min(scores.values())]
    if len(tied) == 1:
        return readings[tied[0]], tied[0]
    if single:
        language = detect_language(readings[tied[0]]).code  # a few letters read either way: the same language
    if language in CENTRAL_LETTERS:
        central = [c for c in tied if c in _CENTRAL_FAMILY]
        if central:
            letters = CENTRAL_LETTERS[language]
            best = max(central, key=lambda codec: (_fit(readings[codec], letters), codec == encoding))
            return readings[best], best
    elif WESTERN in tied and (language in WINDOWS_1252_LANGUAGES or (language is None and _mostly_ascii(data))):
        return readings[WESTERN], WESTERN
    windows = [c for c in tied if c in CENTRAL]  # a Latin text's names: Windows or ISO, seldom DOS (cp850)
    latin = language in WINDOWS_1252_LANGUAGES or (language is None and _mostly_ascii(data))
    chosen = windows[0] if latin and windows else encoding if encoding in tied else tied[0]
    return readings[chosen], chosen
