"""Choose summary sentences by graph centrality (TextRank), cover the headline, and write key points.

Sentences are ranked by TextRank (Mihalcea and Tarau 2004: PageRank over shared-word
similarity, no self-loops), optionally mixed with position and headline overlap, less a
little for an opening pronoun that points back ("They ..."); teasers, filler
(`furniture.py`) and pieces of a quotation whose speaker is named in another sentence
never compete. The summary takes the best sentences that fit the word budget without
near-duplicates, then makes sure each development the headline announces ("Bank leaves
rates on hold"; both of "X moves troops as Y claims town") has its best-covering sentence
in it: the story's point, which centrality alone may pass over for its background. A sentence is
taken only beside what it leans on: an opening pronoun or connective, or a bare quotation, after the
sentence before it; "Mr Leigh" after a sentence or headline naming Edward Leigh in full; "The report
said" once a report is mentioned. Key points are whole sentences or whole clauses of them.
"""

from __future__ import annotations

import itertools
import re
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from threadpoolctl import ThreadpoolController

from .furniture import is_furniture
from .phrases import dateline_end, tokens
from .senses import title_case
from .sentences import Sentence, content_words

__all__ = [
    "MAX_WORDS",
    "Weights",
    "choose_summary",
    "find_headline",
    "key_points",
    "rank_sentences",
    "summarize_sentences",
]

MAX_WORDS = 80
MAX_SENTENCES = 4
KEY_POINT_WORDS = 30


@dataclass(frozen=True)
class Weights:
    """How the ranking mixes its signals; `benchmarks/judgments/summary.py` checks them two-fold."""

    centrality: float = 1.0
    position: float = 0.3
    headline: float = 0.0
    dangling: float = 0.1
    damping: float = 0.85
    redundancy: float = 0.6


DEFAULT = Weights()

# Where a headline joins two developments: "X moves troops as Y claims town", "A falls; B rises".
_DEVELOPMENT_SPLIT = re.compile(r"\s+(?:as|while|whereas|after|but)\s+|\s*;\s+|\s+[-\u2013\u2014]\s+", re.IGNORECASE)
# A sentence opening with a pronoun points back to one the summary may not have.
# Not "This year ..." (a time) nor "It is thought ..." (no one it points to).
_DANGLING = re.compile(
    r"(?:(?:however|but|and|yet|still|also|meanwhile|instead),?\s+)?"
    r"(?:they|he|she|its|their|his|her|(?:these|those|this|that)(?!\s+(?:year|week|month|time|morning|afternoon|"
    r"evening|night|weekend|summer|winter|spring|autumn|season)\b)|it(?!\s+(?:is|was|has\s+been|had\s+been|"
    r"remains|seems|appears)\s+(?:thought|believed|expected|understood|likely|unlikely|unclear|clear|possible|"
    r"reported|said|feared|hoped|estimated|not|now|still|too|hard|easy|time)\b))\b",
    re.IGNORECASE,
)


# An opening connective points back to what it answers ("Instead, ...", "As a result ...").
_CONNECTIVE = re.compile(
    r"(?:instead|however|but|and|also|yet|nevertheless|nonetheless|moreover|furthermore|therefore|thus|otherwise|likewise"
    r"|similarly|even\s+so|in\s+addition|as\s+a\s+result|by\s+contrast|in\s+contrast|despite\s+this"
    r"|on\s+the\s+other\s+hand|in\s+turn)\b",
    re.IGNORECASE,
)
# "The report said ...": a definite subject of a reporting verb that the summary must have introduced.
_DEFINITE = re.compile(
    r"(?:(?i:but|and|however),?\s+)?(?i:the)\s+((?:[a-z-]+\s+){0,2}?)([a-z-]+)(?:'s)?,?\s+(?:has\s+|had\s+|also\s+)?"
    r"(?:said|says|found|finds|added|adds|showed|shows|warned|warns|claimed|claims|argued|argues|suggested|suggests"
    r"|concluded|concludes|stated|states|reported|reports|revealed|reveals|predicted|predicts|estimated|estimates"
    r"|noted|notes|insisted|insists|told)\b",
)
_KNOWN_SUBJECTS = {"government", "police", "prime minister"}  # the news's own frame, no introduction needed
_TITLE = r"(?:Mr|Mrs|Ms|Miss|Dr)\.?"
_TITLED = re.compile(_TITLE + r"\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")
# Words that stand before a surname without being a given name: titles, offices, parties, sentence openers.
_NOT_GIVEN = frozenset(
    "Mr Mrs Ms Miss Dr Sir Lord Lady Dame The A An But And In On At By For Of If As It He She Minister Secretary"
    " Chancellor President Prime Leader Chief Executive Chairman Labour Tory Conservative Liberal Democrat".split()
)


@lru_cache(maxsize=8192)
def stems(text: str) -> tuple[str, ...]:
    """Content words of a text, stemmed by dropping -ing/-ed and cutting to six letters."""
    out = []
    for word in content_words(text):
        if word.endswith("ing") and len(word) >= 7:
            word = word[:-3]
        elif word.endswith("ed") and len(word) >= 6:
            word = word[:-2]
        out.append(word[:6])
    return tuple(out)


def _is_candidate(s: Sentence) -> bool:
    text = s.text
    return (
        s.is_prose
        and len(text.split()) <= 70
        and sum(map(str.isupper, text)) < 0.5 * len(text)
        and not text.rstrip().endswith(("?", ":"))  # a question, or a line that introduces what follows
        and not is_furniture(text)
    )


def _teaser_lines(sentences: list[Sentence]) -> set[int]:
    """Lines that open with a link's headline run into its teaser ("... assault—militaryThe escalation came")."""
    return {
        s.line
        for s, after in itertools.pairwise(sentences)
        if after.start == s.end and after.line == s.line and not s.is_prose and s.text[-1:].isalpha()
    }  # a stop glued to the next word ("massed.The army") is a typo, not a run-in headline


def find_headline(sentences: list[Sentence]) -> Sentence | None:
    """The headline: a line above the first paragraph that shares most words with the opening."""
    return _find_headline(sentences)


def _find_headline(sentences: list[Sentence]) -> Sentence | None:
    start = next((s.index for s in sentences if s.is_prose and len(s.text.split()) >= 12), None)
    if start is None or start == 0:
        return None
    per_line: dict[int, int] = {}
    for s in sentences[: start + 1]:
        per_line[s.line] = per_line.get(s.line, 0) + 1
    opening: set[str] = set()
    for s in [s for s in sentences[start:] if s.is_prose][:5]:
        opening.update(stems(s.text))
    best: tuple[int, int] | None = None
    for s in sentences[max(0, start - 12) : start]:
        words = len(s.text.split())
        if (
            not 3 <= words <= 25
            or (s.is_prose and not s.text.endswith("?"))  # a headline is no statement with a full stop
            or per_line[s.line] > 1
            or s.line == sentences[start].line
            or is_furniture(s.text)
        ):
            continue
        own = set(stems(s.text))
        shared = len(own & opening)
        if shared and shared >= 0.25 * len(own):
            key = (shared, s.index)  # most shared words: a breadcrumb "A / B / C" shares few, all of them
            if best is None or key >= best:
                best = key
    return sentences[best[1]] if best else None


def _title_line(sentences: list[Sentence]) -> Sentence | None:
    """The text's first line when it stands alone above the body as a title does ("Yukos loses battle.")."""
    if len(sentences) < 2:
        return None
    first, second = sentences[0], sentences[1]
    if first.line == second.line or len(first.text.split()) > 20 or first.text.rstrip().endswith((":", ",")):
        return None
    # no full stop, every word capitalised, or a dateline opening the next line ("CLEVELAND (AP) -")
    unstopped = not first.text.rstrip().endswith((".", "!", "?", '"', "\u201d"))
    dated = dateline_end(tokens(second.text, 0, len(second.text)), titled=True) > 0
    return first if unstopped or title_case(first.text) or dated else None


def developments(headline: Sentence | None) -> list[set[str]]:
    """The parts of a headline that announce separate developments, as stem sets (one for a plain headline)."""
    if headline is None:
        return []
    parts = [set(stems(part)) for part in _DEVELOPMENT_SPLIT.split(headline.text)]
    return [p for p in parts if len(p) >= 2]


@lru_cache(maxsize=1)
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


def _one_thread(sentences: int, words: int) -> AbstractContextManager[object]:
    """BLAS on one thread for a graph big enough that OpenBLAS would split the work; else nothing to do.

    OpenBLAS threads a matrix product from 4 x 65,536 multiply-adds and a solve from 100 rows;
    waking its idle threads for well under a millisecond of arithmetic costs up to 0.1 s of CPU,
    twenty times a whole article's extract. One thread also gives the same scores on every machine.
    """
    if sentences * sentences * words <= 4 * 65_536 and sentences < 100:
        return nullcontext()
    limit: AbstractContextManager[object] = _blas().limit(limits=1, user_api="blas")
    return limit


def _textrank(bags: list[tuple[str, ...]], damping: float) -> np.ndarray:
    """TextRank scores: PageRank over shared-word counts divided by the sum of log lengths."""
    n = len(bags)
    vocab: dict[str, int] = {}
    flat: list[int] = []
    for bag in bags:
        flat.extend(vocab.setdefault(word, len(vocab)) for word in bag)
    size = max(1, len(vocab))
    rows = np.repeat(np.arange(n), [len(bag) for bag in bags])
    counts = np.bincount(rows * size + np.asarray(flat, dtype=np.intp), minlength=n * size).reshape(n, size)
    counts = counts.astype(np.float64)
    with _one_thread(n, size):
        shared = counts @ counts.T
        logs = np.log(np.maximum(counts.sum(axis=1), 1.0))
        norm = logs[:, None] + logs[None, :]
        weights = np.divide(shared, norm, out=shared.copy(), where=norm > 0)
        np.fill_diagonal(weights, 0.0)
        totals = weights.sum(axis=1, keepdims=True)
        weights = np.divide(weights, totals, out=np.zeros_like(weights), where=totals > 0)
        # Stationary p = (1 - d)/n + d W^T p, solved directly instead of by power iteration.
        scores: np.ndarray = np.linalg.solve(np.eye(n) - damping * weights.T, np.full(n, (1.0 - damping) / n))
    return scores


def _quote_fragment(text: str) -> bool:
    """Part of a quotation that runs over several sentences: its speaker is named in another one."""
    return text.count('"') % 2 == 1 or text.count("\u201c") != text.count("\u201d")


def rank_sentences(
    sentences: list[Sentence], weights: Weights = DEFAULT, headline: Sentence | bool | None = True
) -> list[tuple[float, Sentence]]:
    """Score candidate sentences (prose, no teasers or filler), best first; headline True: find it."""
    if headline is True:
        headline = find_headline(sentences)
    headline = headline or None
    title_line = None if headline else _title_line(sentences)
    after = headline.index + 1 if headline else (title_line.index + 1 if title_line else 0)
    candidates: list[Sentence] = []
    seen: set[str] = set()
    teasers = _teaser_lines(sentences)
    for s in sentences[after:]:
        if s.text not in seen and s.line not in teasers and _is_candidate(s):
            seen.add(s.text)
            candidates.append(s)
    # An unattributed piece of a quotation reads as the article's own claim: only if nothing else.
    candidates = [s for s in candidates if not _quote_fragment(s.text)] or candidates
    if not candidates:
        return []
    bags = [stems(s.text) for s in candidates]
    centrality = _textrank(bags, weights.damping) if len(candidates) > 1 else np.ones(1)
    centrality = centrality / centrality.max() if centrality.max() > 0 else centrality
    title = set(stems(headline.text)) if headline else set()
    scored = []
    for rank, (sentence, bag) in enumerate(zip(candidates, bags, strict=True)):
        overlap = len(title.intersection(bag)) / len(title) if title else 0.0
        score = (
            weights.centrality * float(centrality[rank])
            + weights.position / (1.0 + 0.5 * rank)
            + weights.headline * overlap
            - weights.dangling * bool(_DANGLING.match(sentence.text))
        )
        scored.append((score, sentence))
    return sorted(scored, key=lambda pair: (-pair[0], pair[1].index))


@lru_cache(maxsize=8192)
def _stem_set(text: str) -> frozenset[str]:
    return frozenset(stems(text))


def _similar(a: Sentence, b: Sentence, threshold: float) -> bool:
    wa, wb = _stem_set(a.text), _stem_set(b.text)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) > threshold


def _words(s: Sentence) -> int:
    return len(s.text.split())


def _headline_sentences(
    chosen: list[Sentence], ranked: list[tuple[float, Sentence]], headline: Sentence | None, context: _Context
) -> list[Sentence]:
    """For each headline development no chosen sentence covers as well as the best one can: that best one."""
    needed: list[Sentence] = []
    for part in developments(headline):
        coverage = [(len(part.intersection(stems(s.text))), s) for _, s in ranked]
        best = max(count for count, _ in coverage)
        if best < 2 or any(len(part.intersection(stems(s.text))) >= best for s in chosen):
            continue
        tied = [s for count, s in coverage if count == best]  # ranked order: the best-scored of them,
        pick = next((s for s in tied if _reads_alone(s, chosen, context)), tied[0])  # one reading alone if any
        before = next((s for _, s in ranked if s.index == pick.index - 1), None)
        if (  # "But he did add ...": with the sentence before it, which says who he is
            before is not None
            and before not in needed
            and not _reads_alone(pick, [*chosen, *needed], context)
            and _reads_alone(pick, [before], context)
            and _words(before) + _words(pick) <= MAX_WORDS
        ):
            needed.append(before)
        if pick not in needed:
            needed.append(pick)
    return needed


@dataclass(frozen=True)
class _Context:
    """What a summary sentence may lean on besides the chosen ones: the headline and the article's people."""

    headline: str = ""
    people: frozenset[str] = frozenset()  # surnames the article gives with a title and, somewhere, in full


def _in_full(name: str, text: str) -> bool:
    """Whether a text gives a surname with a given name before it ("Edward Leigh", not "Mr Leigh")."""
    if name not in text:
        return False
    pattern = r"\b([A-Z][a-z]+)\s+" + re.escape(name) + r"\b"
    return any(m.group(1) not in _NOT_GIVEN for m in re.finditer(pattern, text))


def _context(sentences: list[Sentence], headline: Sentence | None) -> _Context:
    return _Context(headline.text if headline else "", _people(" ".join(s.text for s in sentences)))


@lru_cache(maxsize=4)
def _people(text: str) -> frozenset[str]:
    """Surnames a text gives with a title and, somewhere, in full: read once per article for summary and key points."""
    return frozenset(name for name in set(_TITLED.findall(text)) if _in_full(name, text))


@lru_cache(maxsize=8192)
def _bare_name(text: str, people: frozenset[str]) -> str | None:
    """The first of the article's people a sentence names, if only by title or surname ("But Mr Leigh said")."""
    first: tuple[int, str] | None = None
    for name in people:
        found = re.search(r"\b" + re.escape(name) + r"\b", text) if name in text else None
        if found and (first is None or found.start() < first[0]):
            first = (found.start(), name)
    if first is None:
        return None
    given = re.search(r"\b([A-Z][a-z]+)\s+$", text[: first[0]])
    return None if given and given.group(1) not in _NOT_GIVEN else first[1]


@lru_cache(maxsize=8192)
def _bare_quote(text: str) -> bool:
    """A sentence that is all one quotation, its speaker not in it."""
    text = text.strip()
    marks = text.count('"') + text.count("\u201c") + text.count("\u201d")
    return text[:1] in '"\u201c' and text[-1:] in '"\u201d' and marks == 2


def _reads_alone(sentence: Sentence, chosen: list[Sentence], context: _Context | None) -> bool:
    """Whether a sentence reads beside the chosen ones: what it points back to is in the summary or headline.

    An opening pronoun or connective, or a bare quotation, needs the sentence just before it; a person named
    only as "Mr Leigh" needs an earlier chosen sentence (or the headline) naming them in full; "The report
    said" needs the report mentioned earlier (or the sentence just before it).
    """
    if context is None:
        return True
    text = sentence.text.lstrip()
    follows = any(other.index == sentence.index - 1 for other in chosen)
    if not follows and (_DANGLING.match(text) or _CONNECTIVE.match(text) or _bare_quote(text)):
        return False
    earlier = [context.headline, *(other.text for other in chosen if other.index < sentence.index)]
    name = _bare_name(text, context.people)
    if name and not any(_in_full(name, before) for before in earlier):
        return False
    definite = None if follows else _DEFINITE.match(text)
    if definite and not {definite.group(1) + definite.group(2), definite.group(2)} & _KNOWN_SUBJECTS:
        noun = set(stems(definite.group(2)))
        return not noun or any(noun & set(stems(before)) for before in earlier)
    return True


def _fill(
    chosen: list[Sentence], ranked: list[tuple[float, Sentence]], threshold: float, context: _Context | None = None
) -> list[Sentence]:
    """Add the best-ranked sentences that fit the budget and repeat none already there."""
    chosen = list(chosen)
    words = sum(map(_words, chosen))
    for _, sentence in ranked:
        if len(chosen) >= MAX_SENTENCES or words >= MAX_WORDS:
            break
        length = _words(sentence)
        if sentence in chosen or any(_similar(sentence, other, threshold) for other in chosen):
            continue
        if not _reads_alone(sentence, chosen, context):
            continue  # "He told the Orlen parliament ...": only after the sentence that says who he is
        if chosen and words + length > MAX_WORDS and not (len(chosen) == 1 and words + length <= MAX_WORDS * 1.25):
            continue
        chosen.append(sentence)
        words += length
    for _, sentence in ranked:  # a sentence held back until what it leans on came in: now, if it fits
        fits = len(chosen) < MAX_SENTENCES and words + _words(sentence) <= MAX_WORDS
        if (
            fits
            and sentence not in chosen
            and _reads_alone(sentence, chosen, context)
            and not any(_similar(sentence, other, threshold) for other in chosen)
        ):
            chosen.append(sentence)
            words += _words(sentence)
    return chosen


def choose_summary(
    ranked: list[tuple[float, Sentence]],
    sentences: list[Sentence],
    weights: Weights = DEFAULT,
    headline: Sentence | bool | None = True,
) -> list[Sentence]:
    """Pick 2-4 top sentences, no near-duplicates, about MAX_WORDS words, each headline development covered."""
    if headline is True:
        headline = find_headline(sentences)
    context = _context(sentences, headline or None)
    # news puts its main development first: the lead opens the summary when it reads on its own
    title = _title_line(sentences)  # a title line the headline finder did not take is not the lead either
    lead = min((s for _, s in ranked if s is not title), key=lambda s: s.index, default=None)
    first = [lead] if lead is not None and _reads_alone(lead, [], context) else []
    chosen = _fill(first, ranked, weights.redundancy, context) or _fill([], ranked, weights.redundancy)
    if not chosen:  # no prose at all: fall back to the first lines there are
        return [s for s in sentences if s.text.strip()][:2]
    needed = _headline_sentences(chosen, ranked, headline or None, context)
    if needed:  # the lead and the headline's sentences first, then the best of the rest that fit
        chosen = _fill([*first, *(s for s in needed if s not in first)], ranked, weights.redundancy, context)
    return sorted(chosen, key=lambda s: s.index)


def key_points(
    ranked: list[tuple[float, Sentence]],
    sentences: list[Sentence],
    limit: int = 5,
    summary: list[Sentence] | None = None,
    headline: Sentence | bool | None = True,
) -> list[str]:
    """Return 2-5 points, whole sentences or whole clauses, the summary's first, in article order."""
    from .clauses import main_clause

    if headline is True:
        headline = find_headline(sentences)
    picked = list(summary if summary is not None else choose_summary(ranked, sentences, headline=headline))[:limit]
    context = _context(sentences, headline or None)
    for _, sentence in ranked:
        if len(picked) >= limit:
            break
        if sentence in picked or any(_similar(sentence, other, DEFAULT.redundancy) for other in picked):
            continue
        if _reads_alone(sentence, picked, context):  # "But he said ...": only after the sentence naming him
            picked.append(sentence)
    if len(picked) < 2:
        picked += [s for s in sentences if s not in picked and s.text.strip()][: 2 - len(picked)]
    return [main_clause(s.text, KEY_POINT_WORDS) for s in sorted(picked, key=lambda s: s.index)]


def summarize_sentences(sentences: list[Sentence], *, by_position: bool = False) -> tuple[list[Sentence], list[str]]:
    """The summary sentences and key points of an article, its headline found once; by_position: lead order."""
    headline = find_headline(sentences)
    ranked = rank_sentences(sentences, headline=headline)
    if by_position:
        ranked = sorted(ranked, key=lambda pair: pair[1].index)
    summary = choose_summary(ranked, sentences, headline=headline)
    return summary, key_points(ranked, sentences, summary=summary, headline=headline)
