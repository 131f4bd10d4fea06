"""Whom a pronoun or a definite noun in a reporting clause stands for: the people and bodies named before it.

"he"/"she" is the one person of its gender its own sentence names before it ("Though Kell
began later than Osk, he said"), else the latest fitting person (a speaker, the person opening
a sentence, or a person named with a title, "Mr. Kell", after the last speaker); a party or a
people ("Republicans") is never one, and two candidates in the sentence leave it unresolved.
"it", "they", "we" are the body or group named just before, or the document, body or group
opening the sentence before ("A letter ... arrived. '...,' it said"); "the agency" the latest
named source holding "agency". General knowledge of news wording; no sentence of any corpus.
"""

from __future__ import annotations

import re

from . import attribution_patterns as pat
from .claim_words import DEFINITE_ANAPHORS, NOT_NAMES, PRONOUNS, TIME_WORDS
from .gazetteer import DEMONYMS
from .phrases import DETERMINERS, SHORT_TITLES, TITLES, is_name, is_noun, plain, unnamed_head
from .sentences import Sentence
from .speakers import Claim, common_word, gender, is_person

__all__ = ["Referents"]

# a run of capitalised words, a title or an initial inside it, a possessive after it: "Mrs. Dana Kell's"
_NAME_RUN = re.compile(
    r"(?<![\w'\u2019])(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.?\s+)?[A-Z](?:[a-z]+[A-Z])?[a-z'\u2019-]+(?:\s+[A-Z]\.)?"
    r"(?:\s+[A-Z](?:[a-z]+[A-Z])?[a-z'\u2019-]+)*(?=['\u2019]s\b|[^\w'\u2019]|$)"
)
# groups named by a capitalised plural, never a "he" or a "she": "Republicans said", "Texans say"
_GROUPS = frozenset(
    """republicans democrats conservatives liberals tories socialists independents progressives libertarians
    evangelicals catholics protestants christians muslims jews hispanics latinos americans europeans""".split()
) | frozenset(d.lower() + "s" for d in DEMONYMS)
# capitalised words that open a clause but name no person: "On Tuesday, he", "Last March, she"
_NOT_PERSON = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Congress|Senate|House|Capitol|God)\b"
)
# a sentence whose subject is a document or a notice: what "it" says in the sentence after is the document's
_DOCUMENTS = """letter memo memorandum report statement study paper release filing lawsuit complaint petition survey
poll analysis audit review notice document dossier briefing advert advertisement ad website tweet announcement
bulletin manifesto ruling indictment affidavit"""
_BODIES = """institute council committee agency ministry department company firm bank union party court commission
bureau office government administration board panel campaign association foundation university network newspaper
charity authority regulator"""
_GROUPS_OF_PEOPLE = """officials researchers economists analysts experts prosecutors investigators lawyers attorneys
authors pollsters aides advisers advisors scientists auditors inspectors organizers organisers lawmakers
legislators strategists regulators companies firms banks agencies"""


def _subject(heads: str) -> re.Pattern[str]:
    """A sentence that opens with a noun phrase of one of these heads and goes on with its verb."""
    return re.compile(
        r"((?:(?:The|A|An|Its|Their|This|These|Some|Two|Three|Four|Several)\s+|[A-Z][\w.-]*['\u2019]s\s+)?"
        r"(?:[A-Za-z][\w-]*\s+){0,3}?(?:" + "|".join(h + "|" + h.capitalize() for h in heads.split()) + r"))\b"
        r"(?!\s+(?:of|that|which|who)\b)(?=[^.;:!?]{0,200}?\s(?:[a-z]+ed|[a-z]+s|is|was|are|were|has|have|had)\b)"
    )


# a sentence whose subject is a document or a body: what "it" says in the sentence after is theirs; "they"
# after officials, researchers, economists
_IT_SUBJECT = _subject(_DOCUMENTS + " " + _BODIES)
_THEY_SUBJECT = _subject(_GROUPS_OF_PEOPLE)
_PRONOUN_TAG = re.compile(r"(?:^|[\"\u201d'\u2019]\s*)(?:[Ii]t|[Tt]hey)\s*$")  # '"...," it said', "They found"
_CONJUNCTIONS = frozenset("but and or so yet nor".split())
_TAG_WORDS = 7  # words after a closing tag's pronoun at most: "he said in an interview on Saturday."
# a name right after these is an object or a place, not who the clause is about: "later than Kell, he"
_OBJECT_WORD = re.compile(
    r"\b(?:in|at|to|from|with|against|than|by|for|of|on|about|over|like|unlike|including|beat|defeated|"
    r"told|met|asked|called|named|endorsed|attacked|criticised|criticized|praised|between|alongside|beside|"
    r"behind|near|without|toward|towards|among|beyond|under|into|onto|upon|"
    r"(?!morning|evening|spring|something|nothing|anything|everything)[a-z]{2,}ing)\s+$",
    re.IGNORECASE,
)


def _titled_person(name: str) -> bool:
    """'Orlen Police Chief Dana Kell': a role before a known given name and a surname is a person."""
    words = name.split()
    return len(words) >= 3 and is_person(" ".join(words[-2:])) and gender(" ".join(words[-2:])) is not None


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
        self._cue_at = 0  # where the cue whose source is being resolved stands in the text

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
                if mention.start() > 0 and sentence.text[mention.start() - 1] == "-":
                    continue  # "the Trans-Orlen Partnership": the end of a hyphenated name, no person
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
        name = re.sub(r"^[Tt]he\s+", "", name)
        titled = name.split()[0].rstrip(".").lower() in SHORT_TITLES | TITLES  # a person, not "Lufthansa"
        acronym = " " not in name and len(name) >= 2 and name.isupper()  # "INSEE" after "the statistics office INSEE"
        if acronym:  # "The National Statistic Institute (INSEE)": the name the article spells out for it
            spelled = re.search(
                r"((?:[A-Z][\w'\u2019-]*\s+(?:of\s+(?:the\s+)?|for\s+)?){1,6})\(" + re.escape(name) + r"\)", self.text
            )
            if spelled:
                return spelled.group(1).strip()
        words = [plain(w) for w in name.split() if plain(w) not in SHORT_TITLES and plain(w) not in TITLES]
        if not (titled or acronym) or not words or len(words) > 2 or not all(is_name(w) for w in name.split()):
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
            (is_person(name) or _titled_person(name))
            and self._gender(name) in (None, want)
            and not (" " not in name and common_word(self.text, name))  # "Voters reject ...": no person
            and not self._group(name)
        )

    def _group(self, name: str) -> bool:
        """'Republicans', 'Texans': a party or people's plural, or one whose singular the article uses ("a Texan")."""
        if " " in name or not name.endswith("s") or len(name) < 4:
            return False
        if name.lower() in _GROUPS:
            return True
        return re.search(rf"\b{re.escape(name[:-1])}\b", self.text) is not None

    def _surname(self, word: str) -> bool:
        """True when the article names someone with this word as the last of a full name ("Dana Kell" for "Kell")."""
        return re.search(rf"\b(?:[A-Z][a-z]+|Mrs?\.|Ms\.|Dr\.) {re.escape(word)}\b", self.text) is not None

    def _in_sentence(self, pronoun: str, want: str) -> tuple[str | None, bool]:
        """The person a "he"/"she" stands for when its own sentence names one before it, and whether one is named.

        "Though Kell began later than Osk, he ...", "One of Kell's aides spoke, and then he ...": the one person
        of the pronoun's gender named before it outside quotes and objects. Two such people, or a name that
        shows no gender, leave it unsure: (None, True), and no earlier name is taken over it.
        """
        sentence = self.sentences[self._sentence_index]
        end = min(max(self._cue_at, sentence.start), sentence.end)
        at = max(
            (m.start() for m in re.finditer(rf"\b{pronoun}\b", self.text[sentence.start : end], re.IGNORECASE)),
            default=-1,
        )
        if at <= 0:
            return None, False
        head = self.text[sentence.start : sentence.start + at]
        cue = pat.WORDS_AFTER.match(self.text, end)
        rest = pat.WORDS_AFTER.findall(self.text, cue.end() if cue else end, sentence.end)
        words = [w for w in rest if w[0].isalnum()]
        closing = not words or words[0].lower() in pat.ADJUNCT_PREPOSITIONS or words[0].lower() in TIME_WORDS
        if head.rstrip().endswith(",") and closing and len(words) <= _TAG_WORDS:
            return None, False  # "..., Kell's plane, he said on Monday.": a closing tag; what it follows is said
        quoted = pat.quote_spans(head, 0, len(head)) if pat.ANY_QUOTE.search(head) else []
        found: dict[str, str] = {}
        unsure = False
        speakers = {c.source for c in self._current if c.named and c.source}
        for run in _NAME_RUN.finditer(head):
            if any(a <= run.start() < b for a, b in quoted):
                continue
            object_word = _OBJECT_WORD.search(head, 0, run.start())
            owner = run.group().endswith(("'s", "\u2019s")) or head[run.end() : run.end() + 2] in ("'s", "\u2019s")
            if object_word and not (owner and object_word.group().split()[0].lower() == "of"):
                continue  # "later than Vantor"; but "One of Osk's speeches" is about Osk
            words = run.group().split()
            while words and (
                plain(words[0]) in NOT_NAMES
                or plain(words[0]) in pat.OPENING_ADVERBS
                or common_word(self.text, words[0])
            ):
                words.pop(0)  # "Though Kell", "Later Kell": the opening word is no name
            if words and words[-1].endswith(("'s", "\u2019s")):
                words[-1] = words[-1][:-2]  # "One of Kell's aides": Kell
            name = " ".join(words)
            if not words or not (is_person(name) or _titled_person(name)) or self._group(name):
                continue
            shown = self._gender(name)
            if shown == want or (shown is None and name in speakers):  # "Kell said ... the cuts he promised"
                found.setdefault(plain(words[-1]), name)
            elif shown is None and not _NOT_PERSON.search(name) and (len(words) > 1 or self._surname(name)):
                unsure = True  # "Sure, he admits": a capitalised word alone is a person only as a known surname
        if len(found) == 1:
            return next(iter(found.values())), True
        return None, unsure or len(found) > 1

    def _opening_subject(self, low: str, before: str) -> str | None:
        """The document, body or group opening the sentence before, for an "it"/"they" that opens a clause or a tag."""
        if low not in ("it", "they") or self._sentence_index == 0 or not _PRONOUN_TAG.search(before):
            return None
        subject = (_IT_SUBJECT if low == "it" else _THEY_SUBJECT).match(self.sentences[self._sentence_index - 1].text)
        if subject is None:
            return None
        words = subject.group(1).split()
        while len(words) > 1 and (plain(words[0]) in _CONJUNCTIONS or plain(words[0]) in pat.OPENING_ADVERBS):
            words.pop(0)  # "But a short statement": the conjunction opens the sentence, not the phrase
        return " ".join(words)

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
            if not after_quote:  # a tag after what it says names in it whom it speaks about, not who speaks
                own, named = self._in_sentence(low, want)
                if named:
                    return own, False
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
        before = self.text[self.sentences[self._sentence_index].start : self._cue_at]
        opening = self._opening_subject(low, before)
        if opening is not None and low == "it":
            return opening, False  # "A letter from the staff arrived. '...,' it said": the letter
        if low in ("they", "we") and self._history and pat.PLURAL_SOURCE.search(self._history[-1]):
            return self._history[-1], False  # "Kell and Amsel ... they found": the group named just before
        if low == "they" and self._last[0] == self._sentence_index - 1:
            return self._last[1], False  # "Kell, with Amsel and Roth, wrote a study. They found": its authors
        if opening is not None:
            return opening, False  # "Researchers at the institute studied 300 farms. They found": the researchers
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
