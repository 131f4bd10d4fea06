"""How many texts saved in a legacy Windows codepage are read back as written; prints JSON.

    python benchmarks/eval_codepages.py [--shared ../shared] [--out benchmarks/results/eval_codepages.json]

Each text is encoded in a codepage and given to ``decode_bytes``; it counts as right
when the decoded text equals the original. Sets:

- ``bbc_cp1252``: every BBC article with letters or signs beyond ASCII that Windows-1252 holds.
- ``wiki_cp1250`` / ``wiki_cp1252``: uncertainty-wiki passages (English) naming places
  or people with Central European letters (Wrocław, Oświęcim, Bartoušov) in
  Windows-1250 (less the two whose bytes are then valid UTF-8: the corpus holds
  mojibake there); those with Western accents only (Müller, José) in Windows-1252.
- ``polish_cp1250`` / ``czech_cp1250``: the Polish and Czech items in
  ``tests/central_european.py`` (written for this project, fictional places): each
  sentence, each item, and all items as one text.
- ``western_cp1252``: the French, Spanish, Italian, Portuguese and Danish items there in
  Windows-1252, which must stay so.
- ``polish_iso8859_2`` / ``czech_iso8859_2``: the same in ISO-8859-2 (the Central
  European codepage of Unix and the web), which must not be taken for Windows-1250.
- ``english_names_cp1250`` / ``english_names_iso8859_2``: the English items in
  ``tests/central_european.py`` that name one or two Central European places or people
  ("Łódź", "Brno's Žižkov"; real and fictional), each a text of its own, in either
  codepage. Some cannot be told from Windows-1252 by any sign: a name whose letters
  read as Western letters there ("Gdańsk" as "Gdañsk", "Plzeň" as "Plzeò").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402
from summarizer.ingest.decoding import decode_bytes  # noqa: E402
from tests.central_european import CZECH, ENGLISH_NAMING, POLISH, WESTERN  # noqa: E402

_SENTENCE_END = re.compile(r"(?<=[.?]) ")


def _encodable(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _utf8(data: bytes) -> bool:
    """Bytes that are valid UTF-8 (two passages already hold mojibake, "Ĺšmierdnica"): not counted."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _bbc(shared: Path) -> list[str]:
    texts = []
    for path in sorted((shared / "corpus" / "bbc-news").rglob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        if not text.isascii() and _encodable(text, "cp1252"):
            texts.append(text)
    return texts


def _wiki(shared: Path) -> tuple[list[str], list[str]]:
    root = ET.parse(shared / "corpus" / "uncertainty-wiki" / "wiki.xml").getroot()
    central, western = [], []
    for document in root.iter("Document"):
        text = " ".join("".join(s.itertext()).strip() for s in document.iter("Sentence"))
        if text.isascii():
            continue
        if _encodable(text, "cp1252"):
            western.append(text)
        elif _encodable(text, "cp1250") and not _utf8(text.encode("cp1250")):
            central.append(text)
    return central, western


def _items(texts: list[str]) -> list[str]:
    sentences = [s for text in texts for s in _SENTENCE_END.split(text)]
    return sentences + texts + [" ".join(texts)]


def _score(texts: list[str], codec: str) -> dict[str, object]:
    wrong = []
    read_as: dict[str, int] = {}
    for text in texts:
        decoded, encoding = decode_bytes(text.encode(codec))
        if decoded != text:
            wrong.append(decoded[:80])
            read_as[encoding] = read_as.get(encoding, 0) + 1
    right = len(texts) - len(wrong)
    return {"texts": len(texts), "right": right, "wrong_read_as": read_as, "wrong_examples": wrong[:5]}


def main() -> None:
    """Score every set and print the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    shared = args.shared or shared_dir()
    central, western = _wiki(shared)
    result = {
        "bbc_cp1252": _score(_bbc(shared), "cp1252"),
        "wiki_cp1250": _score(central, "cp1250"),
        "wiki_cp1252": _score(western, "cp1252"),
        "polish_cp1250": _score(_items(POLISH), "cp1250"),
        "czech_cp1250": _score(_items(CZECH), "cp1250"),
        "western_cp1252": _score(_items(WESTERN), "cp1252"),
        "polish_iso8859_2": _score(_items(POLISH), "iso8859_2"),
        "czech_iso8859_2": _score(_items(CZECH), "iso8859_2"),
        "english_names_cp1250": _score(ENGLISH_NAMING, "cp1250"),
        "english_names_iso8859_2": _score(ENGLISH_NAMING, "iso8859_2"),
    }
    text = json.dumps(result, indent=2, ensure_ascii=False)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
