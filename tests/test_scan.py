"""The engine's shortcuts change its speed, never its output: word starts, guards, the head trie, one BLAS thread."""

from __future__ import annotations

import re

import pytest
from threadpoolctl import threadpool_info

from summarizer.extractive import escalation, hedges, summary
from summarizer.extractive.hedge_lexicon import HEADS, LEXICON
from summarizer.extractive.scan import guarded, may_match, pattern_starts, word_starts
from summarizer.extractive.sentences import split_sentences
from summarizer.extractive.triggers import CRIME, FIGURATIVE, FRAMING, TRIGGERS
from summarizer.ingest import normalize_text
from tests.conftest import SHARED

# Made-up sentences for the edges: hyphens, capitals, long words, letters that match ASCII ones only
# case-insensitively (dotless i, long s, Kelvin sign), and the first words of the lexicons.
_OWN = [
    "Valdorian troops shelled the border town of Orlen overnight, officials said.",
    "Kestria's army was KILLED in a RAID, the Ministry of Defence claimed.",
    "Rebels k\u0131lled two guards and \u017fhelled the depot in Marrow.",
    "The \u212aestrian air-strikes hit a co-operative; a counter-offensive followed.",
    "Ministers may well think the blockade is unlikely to last, reportedly.",
    "A war of words broke out over the price war between the two cola makers.",
    "Talks on a ceasefire resumed as the build-up of forces continued.",
]


def _sentences() -> list[str]:
    paths = sorted((SHARED / "seeds").glob("*.txt")) + sorted((SHARED / "corpus" / "bbc-news").glob("*/*.txt"))[::25]
    texts = [normalize_text(p.read_text(encoding="utf-8", errors="replace")) for p in paths]
    return _OWN + [s.text for text in texts for s in split_sentences(text)]


def _escalation_patterns() -> list[re.Pattern[str]]:
    return [t.pattern for t in TRIGGERS] + [FIGURATIVE, FRAMING, CRIME]


def test_word_starts_never_rule_out_a_sentence_a_pattern_matches() -> None:
    sentences = _sentences()
    hedge_patterns = [re.compile(rf"\b(?:{pattern})\b") for _, pattern in LEXICON]
    matched = 0
    for text in sentences:
        starts = word_starts(text)
        lower_starts = word_starts(text.lower())
        for pattern in _escalation_patterns():
            if pattern.search(text):
                matched += 1
                assert may_match(starts, pattern_starts(pattern)), (pattern.pattern[:60], text)
        for pattern in hedge_patterns:  # matched on the lower-cased sentence
            if pattern.search(text.lower()):
                matched += 1
                assert may_match(lower_starts, pattern_starts(pattern)), (pattern.pattern[:60], text)
    assert matched > 1000  # the check ran on real matches


def test_word_starts_hold_up_to_five_letters_of_each_word_part() -> None:
    assert word_starts("Air-strikes hit") == {"ai", "air", "st", "str", "stri", "strik", "hi", "hit"}
    assert {"ki", "kil", "kill", "kille"} <= word_starts("Rebels k\u0131lled two")  # dotless i: IGNORECASE's "i"


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (re.compile(r"\bba+c"), "baaac"),  # a letter that repeats: its second copy, not what follows
        (re.compile(r"\b(?:ab){2}c"), "ababc"),
        (re.compile(r"\bshelled\b", re.IGNORECASE), "\u017fhelled"),  # long s
        (re.compile(r"\bkestria\b", re.IGNORECASE), "\u212aestria"),  # Kelvin sign
        (re.compile(r"\bco-operat\w+", re.IGNORECASE), "a co-operative"),
    ],
)
def test_pattern_starts_are_never_stricter_than_the_pattern(pattern: re.Pattern[str], text: str) -> None:
    assert pattern.search(text)
    assert may_match(word_starts(text), pattern_starts(pattern))


def test_guarded_patterns_find_the_same_matches() -> None:
    sentences = _sentences()
    for pattern in (FIGURATIVE, FRAMING, re.compile(r"\b(?:Mayor|mayor|said)\b")):
        quick = guarded(pattern)
        assert quick.pattern != pattern.pattern
        for text in sentences:
            assert [(m.span(), m.lastgroup) for m in quick.finditer(text)] == [
                (m.span(), m.lastgroup) for m in pattern.finditer(text)
            ]


def test_escalation_guards_are_in_place() -> None:
    assert escalation._FIGURATIVE.pattern.startswith("(?=[")
    assert all(t.pattern.pattern.startswith("(?=[") and t.starts for t in TRIGGERS)


def test_hedge_head_trie_finds_what_the_plain_alternation_finds() -> None:
    clitics = hedges._CLITICS
    plain = re.compile(
        "|".join(re.escape(h) + r"\b" for h in sorted(HEADS & clitics))
        + r"|(?<![a-z])(?:"
        + "|".join(sorted((h for h in HEADS if h not in clitics), key=len, reverse=True))
        + r")(?![a-z])"
    )
    for text in _sentences():
        lower = text.lower()
        assert [m.span() for m in hedges._HEAD_TOKEN.finditer(lower)] == [m.span() for m in plain.finditer(lower)]


def test_a_big_graph_is_ranked_on_one_blas_thread() -> None:
    def blas_threads() -> set[int]:  # NumPy's own OpenBLAS (SciPy may have loaded another)
        return {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas" and "numpy" in i["filepath"]}

    with summary._one_thread(120, 900):
        assert blas_threads() == {1}
    assert isinstance(summary._one_thread(12, 200), type(summary.nullcontext()))
