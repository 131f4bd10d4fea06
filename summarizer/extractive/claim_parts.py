"""How one reporting cue becomes a claim: its source phrase resolved, and where what it covers runs.

The pieces ``Attributions`` builds its claims from: a poll that has a result, a
verb after "and" sharing its clause's subject, a ", saying" participle, and the
extent of a cue's content (before it or after it, up to the clause's end).
"""

from __future__ import annotations

import re

from . import attribution_patterns as pat
from .claim_words import PRONOUNS, SOURCE_NOUNS, TIME_WORDS
from .phrases import is_name, is_noun, np_after, np_before, phrase_of, plain
from .referents import Referents
from .speakers import Claim, common_word, is_person
from .subjects import coordinated_subject, phrase_start

__all__ = ["ClaimParts", "is_pronoun"]

# what opens the told clause itself, never the hearer: "warned that", "warned they could", "assured she would"
_NOT_HEARERS = frozenset(["that", "he", "she", "they", "we", "i"])
_PARTICIPLE_ADVERB = re.compile(r"[a-z]+ly|later|again|also|still|then|once|now|often|even", re.IGNORECASE)


def is_pronoun(word: str) -> bool:
    """True for a personal pronoun ("he", "They")."""
    return word.lower() in PRONOUNS


class ClaimParts(Referents):
    """Claims from one cue: the source it names and the content it covers."""

    _sentence_end: int

    def _poll_claim(self, holds: re.Match[str], toks: list[tuple[int, int, str]]) -> Claim | None:
        """'Monday's Orlen poll has Kell leading by six points': a poll that has, puts or gives a result."""
        verb = next((n for n, t in enumerate(toks) if t[0] >= holds.start(1)), len(toks))
        span = np_before(toks, verb - 1) if verb > 0 else None
        if span is None or toks[span[0]][0] > holds.start():
            # "The Orlen average of three polls taken in March has": the whole phrase from its determiner
            j = phrase_start(toks, next((n for n, t in enumerate(toks) if t[0] >= holds.start()), verb), verb)
            span = (j, verb - 1) if j < verb - 1 else None
        cue = pat.VERB_AT.match(self.text, holds.start(1))
        if span is None or cue is None:
            return None
        return self._claim(cue, phrase_of(self.text, toks, *span), content_after=True)

    def _coordinated(self, match: re.Match[str], toks: list[tuple[int, int, str]], i: int) -> Claim | None:
        """'Kell runs a farm and says it lost 40 cows': the verb after "and" shares the clause's opening subject."""
        found = coordinated_subject(toks, i)
        if found is None:
            return None
        span, pronoun = found
        phrase = pronoun or phrase_of(self.text, toks, *span)
        if " " not in phrase and not pronoun and not self._named_person(phrase) and not is_noun(phrase):
            return None  # "Even without changes the panel ... and suggests": an adverb opens the sentence
        return self._claim(match, phrase, content_after=True)

    def _named_person(self, phrase: str) -> bool:
        """A person's name, not a capitalised adverb opening the sentence ("Separately, the firm, X, said")."""
        single = " " not in phrase
        if single and phrase.lower() in pat.OPENING_ADVERBS:
            return False
        return is_person(phrase) and not (single and common_word(self.text, phrase))

    def _participle(
        self, match: re.Match[str], toks: list[tuple[int, int, str]], at: int, earlier: list[Claim]
    ) -> Claim | None:
        if at > 0 and match.group().lower() in pat.DATA_PARTICIPLES and is_noun(toks[at - 1][2]):
            # "a new poll showing Kell at 14 percent", "ledgers showing that": the data noun shows it
            span = np_before(toks, at - 1)
            if span is not None and not is_person(phrase_of(self.text, toks, *span)):
                return self._claim(match, phrase_of(self.text, toks, *span), content_after=True)
        comma = at - 1
        if at > 1 and _PARTICIPLE_ADVERB.fullmatch(toks[at - 1][2]):
            comma = at - 2  # "Darrow, later alleging that ...": an adverb before the participle
        if at == 0 or toks[comma][2] != ",":
            return None
        nxt = toks[at + 1][2].lower() if at + 1 < len(toks) else ""
        if match.group().lower() in ("speaking", "talking") and nxt in ("to", "with", "at", "in", "on", "before"):
            return None  # ", speaking to reporters for seven minutes": to whom and where, not what
        if earlier:  # "X said ..., adding ...": the same speaker
            return Claim(match.start(), match.end(), earlier[-1].source, True, False)
        if toks and is_pronoun(toks[0][2]) and toks[0][2].lower() in ("he", "she"):
            return self._claim(match, toks[0][2], content_after=True)
        span = np_after(toks, 0)
        if span is None or not is_name(toks[span[1]][2]):
            # "The day before, at a rally in Orlen, Kell was just as blunt, claiming": the subject after the
            # opening adverbials, a name right before its verb
            for c in (n for n in range(comma) if toks[n][2] == ","):
                found = np_after(toks, c + 1)
                if (
                    found is not None
                    and found[1] + 1 < comma
                    and self._named_person(phrase_of(self.text, toks, *found))
                    and toks[found[1] + 1][2].lower() in pat.AUXILIARIES
                ):
                    span = found
                    break
        # "Kell ..., saying", "The council dropped its plan, saying": a name or a body that can speak
        if span is None or not (is_name(toks[span[1]][2]) or plain(toks[span[1]][2]) in SOURCE_NOUNS):
            return None
        follow = toks[span[1] + 1][2] if span[1] + 1 < len(toks) else ""
        # "Kell told the council ..., saying", or "Kell, alleging that ..., said": the subject speaks
        if not follow[:1].islower() and not (
            span[1] + 1 == comma and self._named_person(phrase_of(self.text, toks, *span))
        ):
            return None
        return self._claim(match, phrase_of(self.text, toks, *span), content_after=True)

    def _claim(self, match: re.Match[str], phrase: str, content_after: bool, boundary: bool = True) -> Claim:
        """A claim by the source a phrase names; ``boundary``: punctuation stands before the phrase."""
        self._cue_at = match.start()
        source, named = self._resolve(phrase.strip(" ,.'\"\u201c\u201d\u2019"), after_quote=not content_after)
        if content_after:  # '..., campaign manager Robby Mook said on Tuesday.': what comes before it
            rest = [w for w in pat.WORDS_AFTER.findall(self.text, match.end(), self._sentence_end)]
            comma = False
            if rest and match.group().lower() in pat.ADDRESSEE_VERBS and rest[0].lower() not in _NOT_HEARERS:
                rest.pop(0)  # 'told the Orlen Herald.': the hearer, up to the subject of what was told
                while rest and rest[0][0].isalnum() and not pat.STARTS_TOLD.match(rest[0]):
                    rest.pop(0)
            if rest and rest[0].lower() == "to" and match.group().lower() in pat.SPEECH:
                while rest and rest[0][0].isalnum():
                    rest.pop(0)  # "said to a crowd of 500": the hearers, not what was said
            while rest and (
                (rest[0].lower() in TIME_WORDS and not pat.place_phrase(rest, match.group(), TIME_WORDS))
                or rest[0] in pat.LEAD_PUNCT
            ):
                comma = comma or rest[0] == ","
                rest.pop(0)  # 'said, "...', 'said -- on Twitter -- that': the content still follows
            words = [w for w in rest if w[0].isalnum()]
            # "reported (yesterday) 40 deaths.": a figure right after the verb is what was reported; not "said 10 times"
            counted = len(rest) > 0 and (rest[0][0].isdigit() or rest[0] in pat.CURRENCY)
            if counted and (pat.YEAR.fullmatch(rest[0]) or (len(rest) > 1 and rest[1].lower() in pat.TIMES)):
                counted = False
            if (
                rest
                and rest[0].lower() in pat.ADJUNCT_PREPOSITIONS
                and not match.group().lower().startswith("put")  # "put the toll at 40": the figure it is put at
                and not (len(rest) > 1 and rest[1].lower() in pat.QUANTIFIED)  # "reported at least six"
                and not any(w.lower() == "that" or w in pat.OPENERS for w in rest)
            ):
                words = []  # "said from his office in Orlen.": where or when it was said, not what
            if (
                not rest
                or not (rest[0][0].isalnum() or rest[0] in pat.OPENERS or rest[0] in pat.CURRENCY)
                or (len(words) < 3 and not counted)
            ):
                # "..., Kell said." covers what comes before; "since Kell confirmed it." covers nothing before
                content_after = not boundary
            elif comma and rest[0].endswith("ing") and rest[0][:1].islower():
                content_after = False  # 'Kell said, clutching the lectern': an adjunct, not what was said
        limit = 0
        if content_after and not boundary:
            stop = pat.CLAUSE_END.search(self.text, match.end(), self._sentence_end)
            limit = stop.start() if stop else 0
        return Claim(match.start(), match.end(), source, content_after, named, limit=limit)
