"""Which language an article is written in: CLD2 (pycld2), offline, about 0.1 ms an article.

CLD2 ships its tables inside the wheel, loads in milliseconds and says "unknown"
rather than guessing when a text is too short or too mixed. Its answer counts when
CLD2 calls it reliable, or when the language covers a clear majority of the text
(foreign names in an English story can make CLD2 unsure). The code is ISO 639-1
where one exists (CLD2's region and script suffixes such as ``zh-Hant`` are dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

__all__ = ["DETECTOR", "LANGUAGE_NAMES", "Language", "detect_language", "detector_version", "language_name"]

DETECTOR = "pycld2"
# CLD2 reads the whole text; the head of a long article decides its language just as well.
SAMPLE_CHARS = 20_000
# CLD2 rejects C0/C1 control characters, lone surrogates and non-characters as invalid UTF-8.
_UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_CODE = re.compile(r"^[a-z]{2,3}$")
MAJORITY_PERCENT = 60

LANGUAGE_NAMES = {
    "ar": "Arabic",
    "bg": "Bulgarian",
    "ca": "Catalan",
    "cs": "Czech",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "et": "Estonian",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "he": "Hebrew",
    "hi": "Hindi",
    "hr": "Croatian",
    "hu": "Hungarian",
    "hy": "Armenian",
    "id": "Indonesian",
    "it": "Italian",
    "ja": "Japanese",
    "ka": "Georgian",
    "kk": "Kazakh",
    "ko": "Korean",
    "lt": "Lithuanian",
    "lv": "Latvian",
    "nl": "Dutch",
    "no": "Norwegian",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "sr": "Serbian",
    "sv": "Swedish",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ur": "Urdu",
    "vi": "Vietnamese",
    "zh": "Chinese",
}


@dataclass(frozen=True)
class Language:
    """A detected language: ISO 639-1 code (None when undetermined) and CLD2's share of the text."""

    code: str | None
    confidence: float | None = None

    @property
    def is_english(self) -> bool:
        """True unless the text was reliably found to be in another language."""
        return self.code in (None, "en")


UNDETERMINED = Language(None, None)


@cache
def detector_version() -> str:
    """The detector and its version, e.g. 'pycld2-0.42' (its tables ship with it)."""
    import pycld2  # its own version string: importlib.metadata would cost 25 ms at every start

    return f"{DETECTOR}-{pycld2.__version__}"


def detect_language(text: str) -> Language:
    """Detect the language of an article; undetermined when CLD2 is not sure."""
    import pycld2

    sample = _UNREADABLE.sub(" ", text[:SAMPLE_CHARS])
    try:
        reliable, _, details = pycld2.detect(sample)
    except (pycld2.error, ValueError, UnicodeError):  # never let detection stop a summary
        return UNDETERMINED
    if not details:
        return UNDETERMINED
    _, raw_code, percent, _ = details[0]
    if not reliable and percent < MAJORITY_PERCENT:
        return UNDETERMINED
    code = str(raw_code).split("-")[0].lower()
    if not _CODE.match(code) or code == "un":
        return UNDETERMINED
    return Language(code, round(percent / 100, 2))


def language_name(code: str | None) -> str:
    """A readable name for a code, for prompts and warnings ('German'); the code itself if unknown."""
    if code is None:
        return "the article's language"
    return LANGUAGE_NAMES.get(code.lower(), code)
