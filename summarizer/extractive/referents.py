"""Whom a pronoun or a definite noun in a reporting clause stands for: the people and bodies named before it.

"he"/"she" is the latest fitting person (a speaker, the person opening a sentence, or a person
named with a title, "Mr. Kell", after the last speaker); "it", "they", "we" the body
or group named just before; "the agency" the latest named source holding "agency". General
knowledge of news wording; no sentence of any corpus.
"""

from __future__ import annotations

from . import attribution_patterns as pat
from .claim_words import DEFINITE_ANAPHORS, NOT_NAMES, PRONOUNS
from .phrases import DETERMINERS, SHORT_TITLES, TITLES, is_name, is_noun, plain, unnamed_head
from .sentences import Sentence
from .speakers import Claim, common_word, gender, is_person

__all__ = ["Referents"]


class Referents:
    """The names an article has given so far, in reading order, and what a pronoun resolves to."""

    text: str
    sentences: list[Sentence]

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        self.text = text
        self.sentences = sentences
        self._history: list[str] = []
        self._history_at: list[int] = []  # the sentence of each name in the history
        self._mentions: list[str] = []  # people named anywhere, for a "he" with no speaker before it
        self._mentions_at: list[int] = []
        self._mentions_weak: list[bool] = []  # named as an object or after "in"/"at"/"the": a last resort
        self._mentions_upto = 0  # sentences whose mentions are read
        self._bodies: list[tuple[int, str]] = []  # named non-person sources, for "it", "they", "we"
        self._sentence_index = 0
        self._current: list[Claim] = []  # the sentence's claims so far: "Kell says ..., but she cautions"
        self._last = (-9, "")  # the latest named source and its sentence, for a "they" in the sentence after it
        self._opening = (-1, -1)  # (sentence, history index) of the person opening the current sentence

    def _mentioned(self) -> list[str]:
        """People named in the sentences before the current one; read only when a "he"/"she" needs them (rare)."""
        while self._mentions_upto < self._sentence_index:
            sentence = self.sentences[self._mentions_upto]
            quoted = (
                pat.quote_spans(self.text, sentence.start, sentence.end) if pat.ANY_QUOTE.search(sentence.text) else []
            )
            for mention in pat.MENTION.finditer(sentence.text):
                at = sentence.start + mention.start()
                if any(a < at < b for a, b in quoted) or mention.group().endswith(("'", "\u2019", "'s", "\u2019s")):
                    continue  # a person spoken about inside a quotation, or a possessive ("Kell's"), speaks no quote
                # "a forum in Palo Alto", "since the Civil War", "e-mailed Mr Kell": a place, an event or an
                # object, far more often than who speaks next; still "he" when nobody else fits and the name
                # shows he is one ("Police arrested Mark Osk. ... he said")
                weak = bool(
                    pat.PLACE_BEFORE.search(sentence.text, 0, mention.start())
                    or pat.OBJECT_BEFORE.search(sentence.text, 0, mention.start())
                )
                if (
                    sentence.text[mention.end() : mention.end() + 1] == "."
                    and plain(mention.group().split()[-1]) in SHORT_TITLES
                ):
                    continue  # "Virginia Gov. Terry Kell": the name follows the title
                words = mention.group().split()
                given = next((k for k in range(1, len(words) - 1) if gender(words[k] + " " + words[-1])), 0)
                if given and not gender(words[0] + " " + words[-1]):
                    words = words[given:]  # "Home Secretary Dana Kell": the given name begins the person's name
                elif len(words) > 3:
                    words = words[-2:]
                if not any(plain(w) in NOT_NAMES for w in words[-2:]):
                    self._mentions.append(" ".join(words))
                    self._mentions_at.append(self._mentions_upto)
                    self._mentions_weak.append(weak)
            self._mentions_upto += 1
        return self._mentions

    def fuller(self, name: str, before: int) -> str | None:
        """The one fuller name, given up to sentence ``before``, that a short one ("Mr Kell", "Sir John") stands for."""
        titled = name.split()[0].rstrip(".").lower() in SHORT_TITLES | TITLES  # a person, not "Lufthansa"
        words = [plain(w) for w in name.split() if plain(w) not in SHORT_TITLES and plain(w) not in TITLES]
        if not titled or not words or len(words) > 2 or not all(is_name(w) for w in name.split()):
            return None
        found = set()
        for other, at in zip(self._history, self._history_at, strict=True):
            others = [plain(w) for w in other.split()]
            if (
                at <= before
                and len(others) > len(name.split())
                and any(others[k : k + len(words)] == words for k in range(len(others) - len(words) + 1))
            ):
                found.add(other)
        return found.pop() if len(found) == 1 else None

    def _gender(self, name: str) -> str | None:
        """The gender a name shows, or one shown by a fuller mention of the same surname earlier."""
        found = gender(name)
        if found:
            return found
        surname = plain(name.split()[-1])
        for other in (*self._history, *self._mentioned()):  # only for a "he"/"she": rare, so looked up late
            if other != name and plain(other.split()[-1]) == surname and gender(other):
                return gender(other)
        return None

    def _fits(self, name: str, want: str) -> bool:
        """True when a name can be the person a "he" (want "m") or a "she" ("f") stands for."""
        return (
            is_person(name)
            and self._gender(name) in (None, want)
            and not (" " not in name and common_word(self.text, name))  # "Voters reject ...": no person
        )

    def _resolve(self, phrase: str, after_quote: bool = False) -> tuple[str | None, bool]:
        """The source a phrase names: itself, or for a pronoun or 'the agency' an earlier named source."""
        words = phrase.split()
        if not words:
            return None, False
        low = phrase.lower()
        if low in ("he", "she"):
            want = "m" if low == "he" else "f"
            # a tag after a quote carried over from before ('... won the vote," he said'): the person
            # opening the quoted sentence is what was said about, not "he"; in a paraphrase he may be
            skip = self._opening[1] if after_quote and self._opening[0] == self._sentence_index else -1
            current = [c.source for c in self._current if c.named and c.source and not after_quote]
            names = self._history + current
            found = next((n for n in range(len(names) - 1, -1, -1) if n != skip and self._fits(names[n], want)), None)
            at = -1 if found is None else (self._history_at + [self._sentence_index] * len(current))[found]
            if found is not None:
                later = self.text[self.sentences[at].end : self.sentences[self._sentence_index].start]
                if not pat.TITLE_HINT.search(later):
                    return names[found], False  # no "Mr."/"Ms." named since: no mention to read (the usual case)
            mentions = self._mentioned()
            for n in range(len(mentions) - 1, -1, -1):
                if self._mentions_at[n] <= at:
                    break
                if self._mentions_weak[n]:
                    continue
                titled = mentions[n].split()[0].rstrip(".").lower() in ("mr", "mrs", "ms", "dr")
                if self._fits(mentions[n], want) and (found is None or (titled and gender(mentions[n]) == want)):
                    return mentions[n], False  # "So would Mr. Kell like a reboot? 'Yes,' he replied": named later
            if found is None:
                for n in range(len(mentions) - 1, -1, -1):
                    if self._mentions_at[n] <= at:
                        break
                    if self._mentions_weak[n] and gender(mentions[n]) == want and self._fits(mentions[n], want):
                        return mentions[n], False
            return (names[found], False) if found is not None else (None, False)
        if (
            low in ("it", "they", "we")
            and self._bodies
            and self._sentence_index - self._bodies[-1][0] <= pat.BODY_REACH
        ):
            return self._bodies[-1][1], False  # "The institute ... It found": the body named just before
        if low in ("they", "we") and self._history and pat.PLURAL_SOURCE.search(self._history[-1]):
            return self._history[-1], False  # "Kell and Amsel ... they found": the group named just before
        if low == "they" and self._last[0] == self._sentence_index - 1:
            return self._last[1], False  # "Kell, with Amsel and Roth, wrote a study. They found": its authors
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
        if len(words) == 1 and low in pat.OPENING_ADVERBS:
            return None, False  # "Separately, the firm, Orlen Post, said": an adverb, no source
        undated = pat.DATE.sub("", phrase).split() or words
        lead = " ".join(undated[1:3] if undated[0].lower() in DETERMINERS else undated[:2])
        head = unnamed_head(phrase).split()  # "two officials familiar with the talks": two sources
        if (pat.NUMBER_IN.search(pat.YEAR.sub("", lead)) or pat.SHARE_WORD.search(phrase)) and not (
            len(head) > 1 and pat.ONE_OF.match(" ".join(head)) and (is_noun(head[-1]) or is_name(head[-1]))
        ):
            return None, False  # "40 percent said" is no claimant; "one source", "a third source" is
        return phrase, True
