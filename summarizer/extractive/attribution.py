"""Who a statement is attributed to: reporting cues, their sources, quotes and pronouns.

A cue is a reporting verb ("said", "shows", "found"), "according to", a ", saying"
participle or a transcript speaker label ("SMITH:"). Its source is the noun phrase
before the verb ("Officials said", "X, the agency's head, said"), after it ("...,"
said X") or after "according to". A pronoun source ("he", "she") or a definite
one ("the agency") is resolved to the nearest fitting named source earlier in the
article; a quoted passage takes the source of the cue next to its quotation marks.
No claimant is returned where none is found: none is better than a wrong one.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from . import attribution_patterns as pat
from .claim_words import (
    ACTS,
    ADVERBS,
    BASE_FORMS,
    DEFINITE_ANAPHORS,
    FEMALE_TITLES,
    MALE_TITLES,
    NOT_NAMES,
    OFFICIAL_WORDS,
    ORG_WORDS,
    PARTICIPLE_CUES,
    PRONOUNS,
    REPORTING_VERBS,
    SOURCE_NOUNS,
    SPEAKER_LABEL_STOP,
    STRONG_VERBS,
    TIME_WORDS,
)
from .gazetteer import STATES
from .names import FEMALE_NAMES, MALE_NAMES, US_STATES
from .phrases import (
    DETERMINERS,
    TITLES,
    is_name,
    is_noun,
    np_after,
    np_before,
    np_to_boundary,
    opening_subject,
    phrase_of,
    plain,
    tokens,
    trie,
)
from .sentences import Sentence

__all__ = ["Attributions", "Claim", "find_source", "is_official"]


# verbs in lower case only: "the Washington Post reported", not "Post" as a verb
_CUE = re.compile(
    r"\b(?:[Aa]ccording\s+to|point(?:s|ed)\s+(?:out|to)|put\s+the\s+(?:number|figure|toll|total|cost)|"
    + trie(sorted(REPORTING_VERBS | PARTICIPLE_CUES | pat.PUT | pat.CONTINUE))
    + r")\b"
)
# "In a new poll, 40 percent ...": a study or poll named at the head of the sentence
_VERB_BEFORE = re.compile(r"\b(?:" + trie(sorted(REPORTING_VERBS)) + r")\s+$")


@dataclass(frozen=True, slots=True)
class Claim:
    """A reporting cue in a sentence and the source it names (None when it cannot be resolved)."""

    start: int
    end: int
    source: str | None
    content_after: bool
    named: bool
    both: bool = False
    weak: bool = False  # an act ("ordered", "deployed"): used only where no reporting cue covers
    floor: int = 0  # where the content before the cue begins ("(93 percent, according to X)")
    limit: int = 0  # where the content after the cue ends, when a subordinate clause ends it ("what X called Y,")


def _pronoun(word: str) -> bool:
    return word.lower() in PRONOUNS


def is_official(source: str) -> bool:
    """True when a source names a government body, an official or a public institution."""
    return any(plain(w) in OFFICIAL_WORDS for w in re.findall(r"[A-Za-z]+(?:['\u2019]s)?", source))


@functools.lru_cache(maxsize=4096)
def _is_person(source: str) -> bool:
    words = source.split()
    if not words or words[0].lower() in DETERMINERS or len(words) > 5:
        return False
    if any(plain(w) in ORG_WORDS for w in words) or plain(words[-1]) in SOURCE_NOUNS:
        return False
    if source in STATES or source.lower() in US_STATES or " ".join(words[-2:]).lower() in US_STATES:
        return False
    return any(is_name(w) for w in words) and not any(w.isupper() and len(w) > 1 for w in words[:1])


@functools.lru_cache(maxsize=4096)
def _gender(source: str) -> str | None:
    """'m' or 'f' from a title ("Mrs. Kell") or a given name ("Dana Kell"); None when the name does not say."""
    words = [w.lower().rstrip(".") for w in source.split()]
    for word in words[:-1] or words[:1]:
        if word in MALE_TITLES or word + "." in MALE_TITLES or word in MALE_NAMES:
            return "m"
        if word in FEMALE_TITLES or word + "." in FEMALE_TITLES or word in FEMALE_NAMES:
            return "f"
    return None


class Attributions:
    """The claims of every sentence of an article, with pronouns resolved in reading order."""

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self.text = text
        self.sentences = sentences
        self._claims: list[list[Claim]] = []
        self._history: list[str] = []
        self._mentions: list[str] = []  # people named anywhere, for a "he" with no speaker before it
        self._bodies: list[tuple[int, str]] = []  # named non-person sources, for "it", "they", "we"
        self._sentence_index = 0
        self._opening = (-1, -1)  # (sentence, history index) of the person opening the current sentence
        self._labels: dict[int, str] = {}
        self._quotes: list[tuple[int, int, str | None]] = []
        self._sentence_end = 0
        for sentence in sentences:
            self._claims.append(self._sentence_claims(sentence))
        self._find_labels()
        self._find_quotes()
        self._quote_starts = [q[0] for q in self._quotes]

    def _common_word(self, word: str) -> bool:
        """True when a capitalised word also stands in lower case in the article ("Peppered", "Young"): no name."""
        low = word.lower()
        if low == word:
            return True
        text = self.text
        at = text.find(low)
        while at >= 0:  # a plain search: far cheaper than listing the article's words for a few lookups
            end = at + len(low)
            if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                return True
            at = text.find(low, at + 1)
        return False

    # -- cues within one sentence

    def _sentence_claims(self, sentence: Sentence) -> list[Claim]:
        text = self.text
        self._sentence_end = sentence.end
        self._sentence_index = sentence.index
        claims: list[Claim] = []
        toks: list[tuple[int, int, str]] = []
        # a person who opens a sentence ("Dana Kell, a farmer, ...") is the likeliest "she" of what follows
        subject = pat.PERSON_SUBJECT.match(sentence.text)
        person = subject.group(1) if subject else ""
        if (
            person
            and _is_person(person)
            and person.split()[0].lower() not in pat.NOT_SUBJECT
            and not self._common_word(person.split()[0])
            and not any(plain(w) in NOT_NAMES for w in person.split()[-2:])
        ):
            self._opening = (sentence.index, len(self._history))
            self._history.append(person)
        for match in _CUE.finditer(text, sentence.start, sentence.end):
            word = match.group().lower()
            toks = toks or tokens(text, sentence.start, sentence.end)
            at = next((n for n, t in enumerate(toks) if t[0] >= match.start()), len(toks))
            after = next((n for n, t in enumerate(toks) if t[0] >= match.end()), len(toks))
            claim: Claim | None = None
            if word in pat.PUT and not pat.PUT_AT.match(text, match.end(), sentence.end):
                continue  # "Forbes puts his fortune at $45 billion" estimates; "put off the vote" does not
            if word in pat.CONTINUE and not pat.QUOTE_NEXT.match(text, match.end(), sentence.end):
                continue  # 'Kell continued, "...': speech goes on; "the war continued" is no cue
            if word.startswith("according"):
                span = np_to_boundary(toks, after) or np_after(toks, after)
                if span:
                    found = self._claim(match, phrase_of(text, toks, *span), content_after=False)
                    opened = next((t for t in reversed(toks[:at]) if t[2] in "()"), None)
                    if opened is not None and opened[2] == "(":  # "(93 percent, according to X)": the brackets only
                        claim = Claim(found.start, found.end, found.source, False, found.named, floor=opened[0])
                    else:
                        claim = Claim(found.start, found.end, found.source, False, found.named, both=True)
            elif word in PARTICIPLE_CUES and at > 0 and toks[at - 1][2].lower() in pat.PROGRESSIVE:
                claim = self._verb_claim(match, toks, at - 1, after, word)  # "Kell is seeking", "they are vowing"
            elif word in PARTICIPLE_CUES:
                claim = self._participle(match, toks, at, claims)
            else:
                claim = self._verb_claim(match, toks, at, after, word)
                if claim is not None and word in ACTS:
                    claim = Claim(claim.start, claim.end, claim.source, claim.content_after, claim.named, weak=True)
            if claim is not None:
                claims.append(claim)
        for study in pat.IN_STUDY.finditer(sentence.text):
            at = sentence.start + study.start()
            if _VERB_BEFORE.search(sentence.text, 0, study.start()):
                continue  # "said in a statement": where the cue before it spoke, not a source of its own
            source = " ".join(study.group(1).split())
            if pat.SPOKEN_IN.search(source) and any(c.source and not c.weak for c in claims):
                continue  # "In a statement, Kell said": the speaker, not the statement, is the source
            claims.append(Claim(at, sentence.start + study.end(), source, False, True, both=True))
        for possessive in pat.POSSESSIVE_CLAIM.finditer(sentence.text):
            name = possessive.group(1)
            if not pat.INTRODUCES.match(sentence.text, possessive.end()):
                continue  # "Kell's comments come two days after": the noun is a subject, not a lead-in
            if plain(name.split()[0]) not in NOT_NAMES or len(name.split()) > 1:
                end = sentence.start + possessive.end()
                claims.append(Claim(sentence.start + possessive.start(), end, self._resolve(name)[0], True, True))
        for claim in claims:
            if claim.named and claim.source:
                self._history.append(claim.source)
                if not _is_person(claim.source):
                    self._bodies.append((self._sentence_index, claim.source))
        for mention in pat.MENTION.finditer(sentence.text):
            if not any(plain(w) in NOT_NAMES for w in mention.group().split()[-2:]):
                self._mentions.append(mention.group())
        return claims

    def _verb_claim(
        self, match: re.Match[str], toks: list[tuple[int, int, str]], at: int, after: int, word: str
    ) -> Claim | None:
        text = self.text
        if word in ("state", "states") and not (after < len(toks) and toks[after][2].lower() in pat.STATE_INTRODUCES):
            return None  # "in several Western states": the noun, far more often than the verb
        i = at - 1
        skipped = 0
        while (
            i >= 0
            and skipped < 4
            and (
                (toks[i][2][:1].islower() and (toks[i][2].lower() in ADVERBS or toks[i][2].endswith("ly")))
                or (toks[i][2].lower() in TIME_WORDS and not toks[i][2].isupper())  # "USA TODAY" is a name
            )
        ):
            i -= 1
            skipped += 1
        if i >= 2 and toks[i][2].lower() in pat.PERIODS and toks[i - 2][2].lower() in ("in", "over", "for"):
            i -= 3  # "have in the past said", "has over the years said": an adverbial phrase
            while i >= 0 and toks[i][2][:1].islower() and toks[i][2].lower() in ADVERBS:
                i -= 1
        if i < 0:
            return None
        if word in pat.ADD_VERBS and after < len(toks) and pat.COUNTED_OBJECT.match(toks[after][2]):
            return None  # "added 160 officers", "adds a second date": to add a thing, not to say more
        prev = toks[i][2]
        if prev.endswith(("'s", "\u2019s")) and len(prev) > 2:
            return None  # "Ford's plans": a noun after a possessive
        if prev.lower() in DETERMINERS and skipped == 0:
            return None  # "the announced expansion", "a reported 500": a participle as an adjective
        # "reports", "estimates", "claims" after a determiner or an adjective are nouns, not verbs
        nounlike = is_noun(word) or word in ("claims", "claim", "records")
        after_modifier = i == 0 or prev.lower() in DETERMINERS or prev[:1].islower()
        if nounlike and after_modifier and not _pronoun(prev) and not is_noun(prev):
            return None
        if prev.lower() in ("it", "they", "we") and word not in STRONG_VERBS:
            return None  # "it has put ...": only a plain verb of saying or finding lets "it" stand for a body
        if _pronoun(prev) and prev.lower() not in ("that", "this", "these", "those", "one"):
            if prev.lower() in ("who", "which") and i > 1 and toks[i - 1][2] == ",":
                span = np_before(toks, i - 2)
                if span:
                    return self._claim(match, phrase_of(text, toks, *span), content_after=True)
                return None
            claim = self._claim(
                match,
                prev,
                content_after=not (i > 0 and toks[i - 1][2] in pat.QUOTE_CLOSERS),
                boundary=i == 0 or toks[i - 1][2].lower() not in pat.SUBORDINATORS,
            )
            if i > 0 and toks[i - 1][2] == "," and after < len(toks) and toks[after][2] == ",":
                return Claim(claim.start, claim.end, claim.source, False, claim.named, both=True)  # "X, he said, Y"
            return claim
        if prev == ",":
            # "X, the agency's head, said": skip the appositive back to the name before it
            j = i - 1
            while j >= 0 and toks[j][2] != "," and i - j <= 8:
                j -= 1
            if j > 0 and toks[j][2] == ",":
                inner = np_before(toks, i - 1) if i - 1 > j else None
                numeric = i - 1 > j and toks[i - 1][2][:1].isdigit() and i - 1 == j + 1
                described = inner and inner[0] == j + 1 and not is_name(toks[j + 1][2])
                outer = np_before(toks, j - 1)
                opens = outer is not None and (outer[0] == 0 or toks[outer[0] - 1][2] in ',;:\u201c\u201d"')
                if outer and (((described or numeric) and is_name(toks[outer[1]][2])) or opens):
                    return self._claim(match, phrase_of(text, toks, *outer), content_after=True)
        if prev in pat.PARENTHESIS_ENDS and word not in ACTS:
            subject = opening_subject(toks, i + 1)  # "The poll, released on Monday by X, showed"
            if subject is not None:
                return self._claim(match, phrase_of(text, toks, *subject), content_after=True)
        if prev in pat.PUNCT_BEFORE_INVERSION and word in pat.ADDRESSEE_VERBS:
            # '"...," X, an aide, told Reuters': the phrase after "told" is the hearer, the speaker is before it
            span = np_before(toks, i - 1) if prev == "," and i > 0 else None
            return self._claim(match, phrase_of(text, toks, *span), content_after=False) if span else None
        if prev in pat.PUNCT_BEFORE_INVERSION:
            span = np_after(toks, after)
            if span is None and after < len(toks) and _pronoun(toks[after][2]):
                return self._claim(match, toks[after][2], content_after=False)
            if span:
                return self._claim(match, phrase_of(text, toks, *span), content_after=False)
            return None
        if after < len(toks) and toks[after][2] == "by" and word.endswith("ed"):
            agent = np_after(toks, after + 1)
            if agent is None or prev.lower() != "as":
                return None  # "an average calculated by X": a passive participle, no statement of X's
            # "As reported by the Orlen Herald, ...", "..., as noted by X": X's report is the sentence
            found = self._claim(match, phrase_of(text, toks, *agent), content_after=False)
            return Claim(found.start, found.end, found.source, False, found.named, both=True)
        span = np_before(toks, i, common=word in STRONG_VERBS)
        if span is None and word not in ACTS:
            span = opening_subject(toks, i + 1)
        if span is None:
            return None
        if span[0] >= 2 and toks[span[0] - 1][2] == "of" and pat.SHARE.match(toks[span[0] - 2][2]):
            return None  # "72 percent of Democrats said": a share of those asked, no source of a figure
        # the head noun stands before a post-modifier: "files" in "Audit files from NGP VAN show"
        head = next((toks[n - 1][2] for n in range(span[0] + 1, span[1] + 1) if toks[n][2] in pat.POST), toks[span[1]][2])
        if word in BASE_FORMS and not (head.endswith("s") or head.lower() in pat.PLURAL_HEADS):
            return None  # "the home state of", "a new plan": a noun, not a verb
        phrase = phrase_of(text, toks, *span)
        if word in ("called", "named") and toks[span[0]][2].lower() in ("a", "an"):
            return None  # "a group called X": naming, not saying
        before = toks[span[0] - 1][2] if span[0] > 0 else ""
        claim = self._claim(
            match,
            phrase,
            content_after=before not in pat.QUOTE_CLOSERS,
            boundary=before.lower() not in pat.SUBORDINATORS,
        )
        if claim.content_after and word in pat.ADDRESSEE_VERBS:
            hearer = np_after(toks, after)  # "told a crowd of 1,300 that": the hearer is not what was said
            if hearer is not None:
                claim = Claim(claim.start, toks[hearer[1]][1], claim.source, True, claim.named)
        if before == "," and after < len(toks) and toks[after][2] == ",":
            return Claim(claim.start, claim.end, claim.source, False, claim.named, both=True)
        return claim

    def _participle(
        self, match: re.Match[str], toks: list[tuple[int, int, str]], at: int, earlier: list[Claim]
    ) -> Claim | None:
        if at > 0 and match.group().lower() in pat.DATA_PARTICIPLES and is_noun(toks[at - 1][2]):
            # "a new poll showing Kell at 14 percent", "ledgers showing that": the data noun shows it
            span = np_before(toks, at - 1)
            if span is not None and not _is_person(phrase_of(self.text, toks, *span)):
                return self._claim(match, phrase_of(self.text, toks, *span), content_after=True)
        if at == 0 or toks[at - 1][2] != ",":
            return None
        nxt = toks[at + 1][2].lower() if at + 1 < len(toks) else ""
        if match.group().lower() in ("speaking", "talking") and nxt in ("to", "with", "at", "in", "on", "before"):
            return None  # ", speaking to reporters for seven minutes": to whom and where, not what
        if earlier:  # "X said ..., adding ...": the same speaker
            return Claim(match.start(), match.end(), earlier[-1].source, True, False)
        if toks and _pronoun(toks[0][2]) and toks[0][2].lower() in ("he", "she"):
            return self._claim(match, toks[0][2], content_after=True)
        span = np_after(toks, 0)
        if span is None or not is_name(toks[span[1]][2]):
            return None
        follow = toks[span[1] + 1][2] if span[1] + 1 < len(toks) else ""
        if not follow[:1].islower():
            return None
        return self._claim(match, phrase_of(self.text, toks, *span), content_after=True)

    def _claim(self, match: re.Match[str], phrase: str, content_after: bool, boundary: bool = True) -> Claim:
        """A claim by the source a phrase names; ``boundary``: punctuation stands before the phrase."""
        source, named = self._resolve(phrase.strip(" ,.'\"\u201c\u201d\u2019"))
        if content_after:  # '..., campaign manager Robby Mook said on Tuesday.': what comes before it
            rest = [w for w in pat.WORDS_AFTER.findall(self.text, match.end(), self._sentence_end)]
            comma = False
            if rest and match.group().lower() in pat.ADDRESSEE_VERBS and rest[0].lower() != "that":
                rest.pop(0)  # 'told the Orlen Herald.': the hearer, up to the subject of what was told
                while rest and rest[0][0].isalnum() and not pat.STARTS_TOLD.match(rest[0]):
                    rest.pop(0)
            if rest and rest[0].lower() == "to" and match.group().lower() in pat.SPEECH:
                while rest and rest[0][0].isalnum():
                    rest.pop(0)  # "said to a crowd of 500": the hearers, not what was said
            while rest and (
                (rest[0].lower() in TIME_WORDS and not _place_phrase(rest, match.group())) or rest[0] in pat.LEAD_PUNCT
            ):
                comma = comma or rest[0] == ","
                rest.pop(0)  # 'said, "...', 'said -- on Twitter -- that': the content still follows
            words = [w for w in rest if w[0].isalnum()]
            if (
                rest
                and rest[0].lower() in pat.ADJUNCT_PREPOSITIONS
                and not (len(rest) > 1 and rest[1].lower() in pat.QUANTIFIED)  # "reported at least six"
                and not any(w.lower() == "that" or w in pat.OPENERS for w in rest)
            ):
                words = []  # "said from his office in Orlen.": where or when it was said, not what
            if not rest or not (rest[0][0].isalnum() or rest[0] in pat.OPENERS) or len(words) < 3:
                # "..., Kell said." covers what comes before; "since Kell confirmed it." covers nothing before
                content_after = not boundary
            elif comma and rest[0].endswith("ing") and rest[0][:1].islower():
                content_after = False  # 'Kell said, clutching the lectern': an adjunct, not what was said
        limit = 0
        if content_after and not boundary:
            stop = pat.CLAUSE_END.search(self.text, match.end(), self._sentence_end)
            limit = stop.start() if stop else 0
        return Claim(match.start(), match.end(), source, content_after, named, limit=limit)

    def _gender(self, name: str) -> str | None:
        """The gender a name shows, or one shown by a fuller mention of the same surname earlier."""
        found = _gender(name)
        if found:
            return found
        surname = plain(name.split()[-1])
        for other in (*self._history, *self._mentions):  # only for a "he"/"she": rare, so looked up late
            if other != name and plain(other.split()[-1]) == surname and _gender(other):
                return _gender(other)
        return None

    def _resolve(self, phrase: str) -> tuple[str | None, bool]:
        """The source a phrase names: itself, or for a pronoun or 'the agency' an earlier named source."""
        words = phrase.split()
        if not words:
            return None, False
        low = phrase.lower()
        if low in ("he", "she"):
            want = "m" if low == "he" else "f"
            # '"Dana Kell won the vote," he said': the subject opening the speaker's own sentence is not "he"
            skip = self._opening[1] if self._opening[0] == self._sentence_index else -1
            for names in (self._history, self._mentions):
                for n in range(len(names) - 1, -1, -1):
                    name = names[n]
                    if (
                        (names is not self._history or n != skip)
                        and _is_person(name)
                        and self._gender(name) in (None, want)
                        and not (" " not in name and self._common_word(name))  # "Voters reject ...": no person
                    ):
                        return name, False
            return None, False
        if (
            low in ("it", "they", "we")
            and self._bodies
            and self._sentence_index - self._bodies[-1][0] <= pat.BODY_REACH
        ):
            return self._bodies[-1][1], False  # "The institute ... It found": the body named just before
        if low in ("they", "we") and self._history and pat.PLURAL_SOURCE.search(self._history[-1]):
            return self._history[-1], False  # "Kell and Amsel ... they found": the group named just before
        if low in PRONOUNS or words[-1].lower() in PRONOUNS:
            return None, False
        if len(words) == 2 and words[0].lower() == "the" and words[1].lower() in DEFINITE_ANAPHORS:
            noun = words[1].lower()
            for name in reversed(self._history):
                if noun in name.lower().split() and any(is_name(w) for w in name.split()):
                    return name, False
            return phrase, False
        if all(w.lower() in DETERMINERS or plain(w) in NOT_NAMES for w in words):
            return None, False
        lead = " ".join(words[1:3] if words[0].lower() in DETERMINERS else words[:2])
        if (pat.NUMBER_IN.search(pat.YEAR.sub("", lead)) or pat.SHARE_WORD.search(phrase)) and not (
            len(words) > 1 and pat.ONE_OF.match(phrase) and is_noun(words[-1])
        ):
            return None, False  # "40 percent said" is no claimant; "one source", "a third source" is
        return phrase, True

    # -- cues across sentences

    def _find_labels(self) -> None:
        for sentence in self.sentences:
            if sentence.line in self._labels:
                continue
            line_start = self.text.rfind("\n", 0, sentence.start) + 1
            if sentence.start - line_start > 3:
                continue
            label = pat.LABEL.match(self.text, line_start, sentence.end)
            if label and label.group(1).split()[0].lower().strip(".") not in SPEAKER_LABEL_STOP:
                self._labels[sentence.line] = label.group(1).title()
                continue
            # "Dana Kell: ..." at a paragraph's head: a headline's or a transcript's speaker
            named = pat.NAME_LABEL.match(self.text, line_start, sentence.end)
            if named and not pat.BARE_NUMBER.match(self.text, named.end(), sentence.end):
                words = named.group(1).split()
                common = len(words) == 1 and self._common_word(words[0]) and not is_noun(words[0])
                if (
                    len(words[0]) > 1
                    and not common
                    and not any(plain(w).strip(".") in SPEAKER_LABEL_STOP for w in words)
                    and all(is_name(w) or plain(w) in TITLES for w in words)
                ):
                    self._labels[sentence.line] = named.group(1)

    def _find_quotes(self) -> None:
        """Quoted passages and their speakers; a quote may run on over paragraphs or follow 'X said:'."""
        text = self.text
        by_line: dict[int, list[Sentence]] = {}
        for sentence in self.sentences:
            by_line.setdefault(sentence.line, []).append(sentence)
        open_ended: list[int] = []  # quotes left open at a paragraph's end, waiting for their speaker
        lead_in: str | None = None  # the speaker of a paragraph that ends "X said:"
        last_speaker: str | None = None  # who spoke the quote that ended the paragraph before
        for group in by_line.values():
            start, end = group[0].start, group[-1].end
            spans = pat.quote_spans(text, start, end)
            if not spans and lead_in:
                spans = [(start - 1, end)]  # 'X said:' and then the paragraph of what X said, unquoted
            first = len(self._quotes)
            for n, (opening, closing) in enumerate(spans):
                speaker = self._quote_speaker(group, opening, closing) or self._colon_speaker(start, opening)
                at_start = opening - start <= 1
                if speaker is None and at_start and lead_in:
                    speaker = lead_in
                if speaker is None and n > 0 and self._quotes[-1][2] and opening - self._quotes[-1][1] <= 200:
                    # '"...," X said. "...."': the next quote of the paragraph goes on with the same speaker
                    speaker = self._quotes[-1][2]
                if speaker is None and at_start and last_speaker:
                    speaker = last_speaker  # a paragraph that opens with a quote goes on with the last speaker
                if n == 0 and at_start and speaker and open_ended:
                    for k in open_ended:
                        self._quotes[k] = (self._quotes[k][0], self._quotes[k][1], speaker)
                    open_ended = []
                self._quotes.append((opening, closing, speaker))
            ended = [k for k in range(first, len(self._quotes)) if self._quotes[k][1] >= end - 1]
            if spans and spans[0][0] - start <= 1 and open_ended and self._quotes[first][2] is None:
                open_ended += ended  # a quote that runs on over several paragraphs, its speaker still to come
            else:
                open_ended = [k for k in ended if self._quotes[k][2] is None]
            last_speaker = self._quotes[-1][2] if spans and end - self._quotes[-1][1] <= 60 else None
            if spans and last_speaker is None:
                # '... and against the law," Kell said.': a paragraph ending in a speech tag hands its speaker on
                tags = [c for c in self._claims[group[-1].index] if c.source and not c.content_after and not c.both]
                if tags and end - tags[-1].end <= 30 and tags[-1].start > spans[-1][1]:
                    last_speaker = tags[-1].source
            lead_in = None
            if text[start:end].rstrip().endswith(":"):
                claims = [c for c in self._claims[group[-1].index] if c.source]
                lead_in = claims[-1].source if claims else self._colon_speaker(start, end)

    def _colon_speaker(self, start: int, at: int) -> str | None:
        """'More from Dana Kell: "...': a name right before a colon that opens a quotation or a paragraph."""
        cut = at - 80 > start  # a cut mid-paragraph is no paragraph start for the pattern's "^"
        found = pat.COLON_NAME.search(("\x00" if cut else "") + self.text[max(start, at - 80) : at])
        if found is None:
            return None
        name = found.group(1)
        words = name.split()
        if not all(is_name(w) or plain(w) in TITLES or w == "and" for w in words) or words[0].lower() in SPEAKER_LABEL_STOP:
            return None
        return name

    def _quote_speaker(self, group: list[Sentence], opening: int, closing: int) -> str | None:
        for sentence in group:
            # '"...?" Kell said.': the speaker's sentence may begin right after the closing mark
            if sentence.start <= closing + 40 and closing <= sentence.end:
                for claim in self._claims[sentence.index]:
                    # '"...," X said, "...': the cue right after the closing mark speaks the quote either way
                    if 0 <= claim.start - closing <= 40 and claim.source and not claim.weak:
                        return claim.source
            if sentence.start <= opening <= sentence.end:
                for claim in self._claims[sentence.index]:
                    if claim.content_after and 0 <= opening - claim.end <= 30 and claim.source:
                        return claim.source
        return None

    # -- the source of one position

    def claim_at(self, sentence: Sentence, position: int) -> tuple[str | None, bool]:
        """The source of a statement at a position, and whether any reporting cue covers it."""
        best: Claim | None = None
        outer: Claim | None = None
        rank = (2, 0)
        for claim in self._claims[sentence.index]:
            covers = (
                claim.both
                or (claim.content_after and position >= claim.end and not (claim.limit and position >= claim.limit))
                or (not claim.content_after and claim.floor <= position < claim.start)
            )
            if claim.start <= position < claim.end or not covers:
                continue
            if claim.content_after and not claim.both and _in_aside(self.text, claim.end, position):
                continue  # "X said the plan (there are two of them) would pass": the outlet's aside
            gap = abs(position - (claim.end if claim.content_after else claim.start))
            if (int(claim.weak), gap) < rank:
                best, rank = claim, (int(claim.weak), gap)
            if (
                (claim.content_after or claim.both)
                and claim.end <= position
                and claim.source
                and not claim.weak
                and (outer is None or claim.start < outer.start)
            ):
                outer = claim
        if best is not None and outer is not None and outer.end <= best.start:
            best = outer  # "X said that Y has lost 40": a cue inside X's content is part of what X says
        at = bisect.bisect_left(self._quote_starts, position) - 1  # quotes are in text order, never nested
        quoted = self._quotes[at] if at >= 0 and position < self._quotes[at][1] and self._quotes[at][2] else None
        if quoted and best is not None and quoted[0] < best.start and best.end < quoted[1]:
            return quoted[2], True  # a reporting verb inside a quotation: the quoted speaker says it all
        if best is not None and best.source:
            return best.source, True
        if quoted:
            return quoted[2], True
        label = self._labels.get(sentence.line)
        if label:
            return label, True
        return None, best is not None and not best.weak


def _in_aside(text: str, start: int, position: int) -> bool:
    """True when a position lies inside a bracket opened after ``start`` and not yet closed."""
    between = text[start:position]
    if between.count("(") > between.count(")"):
        return True
    relative = None
    for relative in pat.RELATIVE_ASIDE.finditer(between):
        pass
    return relative is not None and "," not in between[relative.end() :]


def _place_phrase(rest: list[str], verb: str) -> bool:
    """'in front of a crowd', 'on the radio': a prepositional phrase, not a time word to skip."""
    if rest[0].lower() not in ("in", "on") or verb.lower().startswith("call"):  # "called on X to": the verb's own
        return False
    return not (len(rest) > 1 and (rest[1].lower() in TIME_WORDS or rest[1][:1].isdigit()))


def find_source(sentence: str) -> str | None:
    """Return who a sentence attributes its statement to, or None."""
    single = [Sentence(0, len(sentence), sentence, 0, 0)]
    claims = Attributions(sentence, single)._claims[0]
    return next((c.source for c in claims if c.source), None)
