"""Cheap tests that spare the lexicons' regexes work: the letters their matches start with.

A pattern's starts are the first letters (up to five) every match of it begins with,
read from the parsed pattern; a sentence none of whose words begins with one of them
cannot match, so the search is skipped. A pattern that is searched is guarded by a
look-ahead for its first letters, so the regex engine tries its alternatives only there.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any

__all__ = ["guarded", "may_match", "pattern_starts", "word_starts"]

# How many first letters of a word the starts hold: with five, a sentence passes the test
# for an escalation trigger a quarter as often as with three ("dep" of "department" is not "deplo").
_PREFIX = 5
_WORD_START = re.compile(rf"\b[a-z]{{2,{_PREFIX}}}")
# The letters that an ASCII letter matches with re.IGNORECASE but that lower() does not turn into it.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})
_SKIP = {_constants.AT, _constants.ASSERT, _constants.ASSERT_NOT}
_REPEATS = {_constants.MAX_REPEAT, _constants.MIN_REPEAT}


def word_starts(text: str) -> set[str]:
    """The first two to five letters of every word (and of each part of a hyphenated one)."""
    if not text.isascii():
        text = text.translate(_FOLD)
    return set(chain.from_iterable(map(_prefixes, _WORD_START.findall(text.lower()))))


@lru_cache(maxsize=1 << 14)
def _prefixes(head: str) -> tuple[str, ...]:
    """The starts of a word from its first five letters ("inva" of "invad"); the same words recur."""
    return tuple(head[:length] for length in range(2, len(head) + 1))


def may_match(starts: set[str], pattern: frozenset[str] | None) -> bool:
    """False when no word with these starts can begin a match of a pattern with these starts (None: unknown)."""
    return pattern is None or not starts.isdisjoint(pattern)


def guarded(pattern: re.Pattern[str] | str, flags: int = 0) -> re.Pattern[str]:
    """The same pattern, tried only where one of its first letters stands (half the time of a long alternation).

    Given as source text (with ``flags``), it is compiled once, guarded.
    """
    source, flags = (pattern.pattern, pattern.flags) if isinstance(pattern, re.Pattern) else (pattern, flags)
    starts = _source_starts(source, flags)
    if starts is None or flags & re.VERBOSE:
        return pattern if isinstance(pattern, re.Pattern) else re.compile(source, flags)
    letters = "".join(sorted({start[0] for start in starts}))
    return re.compile(f"(?=[{letters}{letters.upper()}])(?:{source})", flags)


def pattern_starts(
    pattern: re.Pattern[str] | str, flags: int = 0, *, apostrophe: bool = False
) -> frozenset[str] | None:
    """Every start (five letters, or two to four before a non-letter) a match can have; None if unknown.

    ``apostrophe``: an apostrophe opening a start counts as a letter, for clitics tokenized as words
    ("'s", "'re"); inside a word it still ends the start ("can" of "can't").
    """
    if isinstance(pattern, re.Pattern):
        return _source_starts(pattern.pattern, pattern.flags, apostrophe)
    return _source_starts(pattern, flags, apostrophe)


@lru_cache(maxsize=1024)
def _source_starts(source: str, flags: int, apostrophe: bool = False) -> frozenset[str] | None:
    # parsed once per pattern: the import of the lexicons parses each big pattern for its starts and its guard
    return _starts(list(_parser.parse(source, flags)), "", apostrophe)


def _starts(items: list[Any], seen: str, apostrophe: bool = False) -> frozenset[str] | None:
    """The starts of a parsed pattern after the letters seen; None if unknown."""
    for i, (op, arg) in enumerate(items):
        rest = items[i + 1 :]
        letter = chr(arg).lower() if op is _constants.LITERAL else ""
        clitic = apostrophe and letter == "'" and not seen  # "'s", "'re"
        if op is _constants.LITERAL and not ((letter.isascii() and letter.isalpha()) or clitic):
            return _known(seen)
        if op is _constants.LITERAL:
            seen += letter
            if len(seen) == _PREFIX:
                return frozenset({seen})
        elif op in _SKIP:
            continue
        elif op is _constants.SUBPATTERN:
            return _starts(list(arg[-1]) + rest, seen, apostrophe)
        elif op is _constants.BRANCH:
            return _union([_starts(list(alt) + rest, seen, apostrophe) for alt in arg[1]])
        elif op in _REPEATS:
            low, high, body = arg
            # once through the body, then the rest; a body that may come again ends what is known
            taken = _starts(list(body) + rest if high == 1 else list(body), seen, apostrophe)
            return taken if low >= 1 else _union([taken, _starts(rest, seen, apostrophe)])
        else:
            return _known(seen)
    return _known(seen)


def _known(seen: str) -> frozenset[str] | None:
    return frozenset({seen}) if len(seen) >= 2 else None


def _union(sets: list[frozenset[str] | None]) -> frozenset[str] | None:
    if any(s is None for s in sets):
        return None
    return frozenset().union(*(s for s in sets if s is not None))
