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
import dataclasses
import re

from . import attribution_patterns as pat
from .claim_parts import ClaimParts, is_pronoun
from .claim_words import (
    ACTS,
    ADVERBS,
    BASE_FORMS,
    NOT_NAMES,
    OFFICIAL_WORDS,
    PARTICIPLE_CUES,
    REPORTING_VERBS,
    STRONG_VERBS,
    TIME_WORDS,
)
from .phrases import (
    DETERMINERS,
    is_modifier,
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
from .speakers import Claim, common_word, find_labels, find_quotes, is_person
from .subjects import (
    after_possessive,
    names_subject,
    relative_subject,
    whole_subject,
)

__all__ = ["Attributions", "Claim", "find_source", "is_official"]


# verbs in lower case only: "the Washington Post reported", not "Post" as a verb
_CUE = re.compile(
    r"\b(?:[Aa]ccording\s+to|point(?:s|ed)\s+(?:out|to)|put\s+the\s+(?:number|figure|toll|total|cost)|"
    + trie(sorted(REPORTING_VERBS | PARTICIPLE_CUES | pat.PUT | pat.CONTINUE))
    + r")\b"
)
# "In a new poll, 40 percent ...": a study or poll named at the head of the sentence
_VERB_BEFORE = re.compile(r"\b(?:" + trie(sorted(REPORTING_VERBS)) + r")\s+$")


def is_official(source: str) -> bool:
    """True when a source names a government body, an official or a public institution."""
    return any(plain(w) in OFFICIAL_WORDS for w in re.findall(r"[A-Za-z]+(?:['\u2019]s)?", source))


class Attributions(ClaimParts):
    """The claims of every sentence of an article, with pronouns resolved in reading order."""

    def __init__(self, text: str, sentences: list[Sentence]) -> None:
        super().__init__(text, sentences)
        self._claims: list[list[Claim]] = []
        self._sentence_end = 0
        for sentence in sentences:
            self._claims.append(self._sentence_claims(sentence))
        self._labels = find_labels(text, sentences)
        self._quotes = find_quotes(text, sentences, self._claims)
        self._quote_starts = [q[0] for q in self._quotes]

    # -- cues within one sentence

    def _sentence_claims(self, sentence: Sentence) -> list[Claim]:
        text = self.text
        self._sentence_end = sentence.end
        self._sentence_index = sentence.index
        claims: list[Claim] = []
        self._current = claims  # the sentence's claims so far: "Kell says ..., but she cautions"
        toks: list[tuple[int, int, str]] = []
        # a person who opens a sentence ("Dana Kell, a farmer, ...") is the likeliest "she" of what follows
        subject = pat.PERSON_SUBJECT.match(sentence.text)
        person = subject.group(1) if subject else ""
        if (
            person
            and is_person(person)
            and person.split()[0].lower() not in pat.NOT_SUBJECT
            and not common_word(self.text, person.split()[0])
            and not any(plain(w) in NOT_NAMES for w in person.split()[-2:])
        ):
            self._opening = (sentence.index, len(self._history))
            self._history.append(person)
            self._history_at.append(sentence.index)
        for match in _CUE.finditer(text, sentence.start, sentence.end):
            word = match.group().lower()
            toks = toks or tokens(text, sentence.start, sentence.end)
            at = next((n for n, t in enumerate(toks) if t[0] >= match.start()), len(toks))
            after = next((n for n, t in enumerate(toks) if t[0] >= match.end()), len(toks))
            claim: Claim | None = None
            if word.startswith("claim") and pat.CLAIM_WIN.match(text, match.end(), sentence.end):
                continue  # "claiming 41 percent of the vote", "claimed three seats": to win, not to assert
            if word in pat.PUT and not pat.PUT_AT.match(text, match.end(), sentence.end):
                continue  # "Forbes puts his fortune at $45 billion" estimates; "put off the vote" does not
            if (
                word in pat.CONTINUE
                and not pat.QUOTE_NEXT.match(text, match.end(), sentence.end)
                and text[match.end() : sentence.end].strip() != ":"  # 'Kell continued:' and a quoted paragraph
            ):
                continue  # 'Kell continued, "...': speech goes on; "the war continued" is no cue
            if word.startswith("according"):
                span = np_to_boundary(toks, after)
                if span and any(toks[k][2].lower() in pat.AUXILIARIES for k in range(span[0], span[1] + 1)):
                    span = None  # "According to Kell the turnout was 40 percent": the phrase ran into a clause
                span = span or np_after(toks, after)
                if span:
                    found = self._claim(match, phrase_of(text, toks, *span), content_after=False)
                    opened = next((t for t in reversed(toks[:at]) if t[2] in "()"), None)
                    if opened is not None and opened[2] == "(":  # "(93 percent, according to X)": the brackets only
                        claim = Claim(found.start, found.end, found.source, False, found.named, floor=opened[0])
                    else:
                        # "X rose 5 percent, according to Y, a firm with 35 staff": what follows Y's phrase
                        # after a comma or a dash describes Y, when the clause Y vouches for stands before it
                        tail = (
                            at >= 3
                            and span[1] + 2 < len(toks)
                            and toks[span[1] + 1][2] in pat.LEAD_PUNCT
                            and pat.APPOSITIVE_START.match(toks[span[1] + 2][2]) is not None
                        )
                        limit = toks[span[1]][1] if tail else 0
                        claim = Claim(found.start, found.end, found.source, False, found.named, both=True, limit=limit)
            elif word in PARTICIPLE_CUES and at > 0 and toks[at - 1][2].lower() in pat.PROGRESSIVE:
                claim = self._verb_claim(match, toks, at - 1, after, word)  # "Kell is seeking", "they are vowing"
            elif word in PARTICIPLE_CUES:
                claim = self._participle(match, toks, at, claims)
            else:
                claim = self._verb_claim(match, toks, at, after, word)
                if claim is not None and word in ACTS:
                    claim = dataclasses.replace(claim, weak=True)  # keeping where its content runs
            if claim is not None:
                claims.append(claim)
        study_word = pat.STUDY_WORD.search(sentence.text)
        for holds in pat.POLL_HAS.finditer(text, sentence.start, sentence.end) if study_word else ():
            toks = toks or tokens(text, sentence.start, sentence.end)
            held = self._poll_claim(holds, toks)
            if held is not None and not any(c.start == held.start for c in claims):
                claims.append(held)
        under = pat.UNDER_RULE.match(sentence.text) if sentence.text.startswith(("Under ", "Per ")) else None
        if under is not None and not pat.UNNAMED_RULE.match(under.group(1)):
            # "Under Orlen law, ...", "Under the new rule issued by X, ...": what the rule sets ("state law": none)
            end = sentence.start + under.end(1)  # weak: a reporting cue in the sentence speaks first
            claims.append(Claim(sentence.start, end, under.group(1), False, True, both=True, weak=True))
        studies = pat.IN_STUDY.finditer(sentence.text) if study_word else ()
        for study in studies:
            at = sentence.start + study.start()
            if _VERB_BEFORE.search(sentence.text, 0, study.start()):
                continue  # "said in a statement": where the cue before it spoke, not a source of its own
            source = " ".join(study.group(1).split())
            if pat.GENERIC_POLLS.match(source):
                continue  # "rose in the polls", "above 50 percent in national polls": no poll of anyone's
            if pat.SPOKEN_IN.search(source) and any(c.source and not c.weak for c in claims):
                continue  # "In a statement, Kell said": the speaker, not the statement, is the source
            end = sentence.start + study.end()
            stop = pat.CONTRAST.search(text, end, sentence.end) if study.start() > 3 else None
            # "Kell and Osk tied at 5% in the poll, while no one else passed 3%": the poll's clause only
            claims.append(Claim(at, end, source, False, True, both=True, limit=stop.start() if stop else 0))
        apostrophe = "'" in sentence.text or "\u2019" in sentence.text  # both patterns below need one: skip fast
        for possessive in pat.POSSESSIVE_CLAIM.finditer(sentence.text) if apostrophe else ():
            name = possessive.group(1)
            if not pat.INTRODUCES.match(sentence.text, possessive.end()):
                continue  # "Kell's comments come two days after": the noun is a subject, not a lead-in
            if plain(name.split()[0]) not in NOT_NAMES or len(name.split()) > 1:
                end = sentence.start + possessive.end()
                claims.append(Claim(sentence.start + possessive.start(), end, self._resolve(name)[0], True, True))
        for plan in pat.POSSESSIVE_PLAN.finditer(sentence.text) if apostrophe else ():
            name = plan.group(1)
            if plain(name.split()[0]) not in NOT_NAMES or len(name.split()) > 1:
                owner = self._resolve(name)[0]  # what a plan or a pledge of X's sets out is X's claim
                stop = pat.CLAUSE_END.search(text, sentence.start + plan.end(), sentence.end)
                limit = stop.start() if stop else 0
                end = sentence.start + plan.end()
                claims.append(Claim(sentence.start + plan.start(), end, owner, True, True, limit=limit))
        for claim in claims:
            if claim.named and claim.source:
                self._history.append(claim.source)
                self._history_at.append(self._sentence_index)
                self._last = (self._sentence_index, claim.source)
                if not is_person(claim.source):
                    self._bodies.append((self._sentence_index, claim.source))
        return claims

    def _verb_claim(
        self, match: re.Match[str], toks: list[tuple[int, int, str]], at: int, after: int, word: str
    ) -> Claim | None:
        text = self.text
        if word.startswith("charge") and not any(t[2].lower() in ("that", "with") for t in toks[after : after + 8]):
            return None  # "charge fees of up to 3,000": a price; "charged that ...", "charged X with Y" accuse
        if word == "ruled" and after < len(toks) and toks[after][2].lower() == "out":
            return None  # "ruled out a run": to exclude, not to decide
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
        if i >= 1 and toks[i][2].lower() == "fact" and toks[i - 1][2].lower() == "in":
            i -= 2  # "have in fact reported"
            while i >= 0 and toks[i][2][:1].islower() and toks[i][2].lower() in ADVERBS:
                i -= 1
        elif i >= 2 and pat.YEAR.fullmatch(toks[i][2]) and toks[i - 1][2].lower() in ("from", "in", "of"):
            i -= 2  # "another study from 2011 noted": the year the source dates from
        if i < 0:
            return None
        if (
            word in pat.ADD_VERBS
            and after < len(toks)
            and toks[after][2].lower() == "to"
            and not any(t[2] in pat.QUOTE_CLOSERS for t in toks[max(0, i - 4) : i + 1])  # '," Kell added to X.'
        ):
            return None  # "added to his portfolio of 14 courses": to add to a thing, not to say
        if word in pat.ADD_VERBS and after < len(toks) and pat.COUNTED_OBJECT.match(toks[after][2]):
            following = {t[2].lower() for t in toks[after : after + 7]}
            if following.isdisjoint(pat.AUXILIARIES) and "that" not in following:
                return None  # "added 160 officers": to add a thing; "added 40 people had died" says more
        prev = toks[i][2]
        if prev.endswith(("'s", "\u2019s")) and len(prev) > 2:
            return None  # "Ford's plans": a noun after a possessive
        if prev.lower() in DETERMINERS and skipped == 0:
            return None  # "the announced expansion", "a reported 500": a participle as an adjective
        # "reports", "estimates", "claims" after a determiner or an adjective are nouns, not verbs
        nounlike = is_noun(word) or word in ("claims", "claim", "records")
        after_modifier = (
            (i == 0 and not names_subject(toks, after)) or prev.lower() in DETERMINERS or prev[:1].islower()
        )
        if nounlike and after_modifier and not is_pronoun(prev) and not is_noun(prev):
            return None
        if nounlike and after_possessive(toks, i):
            return None  # "according to its Orlen reports": a noun after "its", "their" and a name
        if nounlike and after < len(toks) and toks[after][2] in STRONG_VERBS:
            return None  # "an analysis of campaign reports shows": the noun is the subject of the verb after it
        if prev.lower() in ("it", "they", "we") and word not in STRONG_VERBS and word not in pat.GROUP_VERBS:
            return None  # "it has put ...": only a plain verb of saying or finding lets "it" stand for a body
        if is_pronoun(prev) and prev.lower() not in ("that", "this", "these", "those", "one"):
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
            while j >= 0 and toks[j][2] != "," and i - j <= 12:
                j -= 1
            if j > 0 and toks[j][2] == ",":
                inner = np_before(toks, i - 1) if i - 1 > j else None
                numeric = i - 1 > j and toks[i - 1][2][:1].isdigit() and i - 1 == j + 1
                described = inner and inner[0] == j + 1 and not is_name(toks[j + 1][2])
                outer = np_before(toks, j - 1)
                opens = outer is not None and (outer[0] == 0 or toks[outer[0] - 1][2] in ',;:\u201c\u201d"')
                if outer and (((described or numeric) and is_name(toks[outer[1]][2])) or opens):
                    while outer[0] >= 2 and toks[outer[0] - 1][2] == "," and toks[outer[0]][2][:1].islower():
                        named = np_before(toks, outer[0] - 2)  # "Dana Kell, head of Orlen Data, a firm, said"
                        if named is None or not self._named_person(phrase_of(text, toks, *named)):
                            break
                        if named[0] > 0 and toks[named[0] - 1][2] not in ',;:\u201c\u201d"':
                            break  # "In May, a judge, ..., ordered": "May" ends an opening adverbial
                        outer = named
                    return self._claim(match, phrase_of(text, toks, *outer), content_after=True)
                name_end = j + 1
                while name_end < i - 1 and is_name(toks[name_end + 1][2]):
                    name_end += 1  # the name before a post-modifier: "Dana Osk" of "Dana Osk of the Orlen Church"
                plain_tail = all(is_name(t[2]) or t[2].lower() in pat.NAME_LINKS for t in toks[name_end + 1 : i])
                named_first = j + 1 < name_end and is_name(toks[j + 1][2])
                if named_first and plain_tail and self._named_person(phrase_of(text, toks, j + 1, name_end)):
                    # "One pastor backing Kell, Dana Osk of the Orlen Church, said": the name set off by commas
                    return self._claim(match, phrase_of(text, toks, j + 1, i - 1), content_after=True)
        if prev == ")" and word not in ACTS:
            # "Sen. Dana Kell (R-Orl.) said", "Kell (pictured) told": the name stands before the brackets
            j = next((n for n in range(i - 1, max(-1, i - 9), -1) if toks[n][2] == "("), -1)
            named = np_before(toks, j - 1) if j > 0 else None
            if named is not None and is_name(toks[named[1]][2]):
                return self._claim(match, phrase_of(text, toks, *named), content_after=True)
        if prev.lower() in ("and", "but") and word not in ACTS:
            spoke = next(
                (c for c in reversed(self._current) if c.source and not c.weak and c.end <= match.start()), None
            )
            if spoke is not None:  # '"...," she said, but added that ...': the same speaker goes on
                return Claim(match.start(), match.end(), spoke.source, True, False)
            return self._coordinated(match, toks, i) if prev.lower() == "and" else None
        if prev in pat.PARENTHESIS_ENDS and word not in ACTS:
            subject = opening_subject(toks, i + 1)  # "The poll, released on Monday by X, showed"
            if subject is not None and not any(t[2].lower() in pat.CLAUSE_JOINS for t in toks[subject[1] + 1 : i]):
                return self._claim(match, phrase_of(text, toks, *subject), content_after=True)
        if prev in pat.PUNCT_BEFORE_INVERSION and word in pat.ADDRESSEE_VERBS:
            # '"...," X, an aide, told Reuters': the phrase after "told" is the hearer, the speaker is before it
            span = np_before(toks, i - 1) if prev == "," and i > 0 else None
            return self._claim(match, phrase_of(text, toks, *span), content_after=False) if span else None
        if prev in pat.PUNCT_BEFORE_INVERSION:
            span = np_after(toks, after)
            lead = after
            while span is None and lead < len(toks) - 1 and (toks[lead][2][:1].isdigit() or toks[lead][2] in "/-"):
                lead += 1  # 'said 9/11 widow Dana Kell': a date or a number that modifies the name
            if span is None and lead > after:
                span = np_after(toks, lead)
            end = span[1] + 1 if span else 0
            tail = toks[end][2] if span and end + 1 < len(toks) and not toks[end + 1][2][:1].isalnum() else ""
            if (
                span
                and is_modifier(tail)
                and not tail.endswith(("ly", "wards"))
                and tail.lower() not in ADVERBS | TIME_WORDS
            ):
                span = (span[0], end)  # 'said the national team coach.': the noun the phrase ends on
            if span is None and after < len(toks) and is_pronoun(toks[after][2]):
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
        # a bare common noun speaks with a plain verb of saying, or a stance in the present ("Cement makers argue");
        # "the amount expected" is a participle after its noun
        common = word in STRONG_VERBS or (word in pat.GROUP_VERBS and not word.endswith("ed"))
        span = np_before(toks, i, common=common)
        if span is not None and toks[span[1]][2].lower() in pat.PERIODS:
            span = None  # "polls taken over the past two weeks show": a time phrase, the subject stands before it
        if span is None and word not in ACTS:
            span = opening_subject(toks, i + 1)
            if span is not None and span[1] + 1 <= i and is_name(toks[span[1]][2]):
                nxt = toks[span[1] + 1][2]
                if nxt.isalpha() and nxt.islower() and nxt.endswith("s") and nxt not in pat.NOT_OBJECT:
                    span = (span[0], span[1] + 1)  # "Surveys of Orlen voters": a name used as a modifier
        elif span is not None and span[0] > 1 and self._after_link(toks, span[0]):
            # "Results of polls conducted by X for Y and television networks show": the phrase before the verb
            # ends a post-modifier; the subject is the noun phrase opening the clause
            subject = opening_subject(toks, i + 1)
            if subject is not None and subject[0] < span[0]:
                plain_run = all(t[2][:1].isalnum() for t in toks[subject[1] + 1 : i + 1])
                span = (subject[0], i) if plain_run else subject  # "A survey of voters by the Orlen Herald"
            elif subject is None:
                span = whole_subject(toks, i) or span  # "Early results of polls ... show": an adjective opens it
        if span is None and word not in ACTS:
            span = relative_subject(toks, (i, i), i)  # "Officials who spoke on condition of anonymity said"
        if span is None:
            return None
        span = relative_subject(toks, span, i) or span
        if (
            span[0] >= 3
            and toks[span[0] - 1][2] == ","
            and toks[span[0] - 3][2] == "of"
            and is_name(toks[span[0] - 2][2])
            and any(t[2] == "and" for t in toks[span[0] : span[1]])
        ):
            # "the Academies of Sciences, Engineering and Medicine noted": a list inside one name
            whole = np_before(toks, span[0] - 2)
            span = (whole[0], span[1]) if whole else span
        while span[0] < span[1] and toks[span[0]][2].lower() in pat.LEAD_TRIM:
            span = (span[0] + 1, span[1])  # "even after federal judge ruled": the words before the phrase
        if (
            span[0] > 0
            and toks[span[0] - 1][2].lower() in pat.POSSESSIVE_DETERMINERS
            and toks[span[1]][2][:1].islower()  # a common noun; a name stands on its own ("campaign chief Dana Kell")
        ):
            span = (span[0] - 1, span[1])  # "his childhood friend told": the whole phrase
        if toks[span[0]][2].lower() in ("your", "you"):
            return None  # "the plan your state offers": the reader's, addressed in general, is no source
        if span[0] >= 2 and toks[span[0] - 1][2] == "of" and pat.SHARE.match(toks[span[0] - 2][2]):
            return None  # "72 percent of Democrats said": a share of those asked, no source of a figure
        if span[0] >= 3 and toks[span[0] - 2][2] == "in" and pat.NUMBER_IN.match(toks[span[0] - 1][2]):
            return None  # "Nine in 10 voters say": a share too
        # the head noun stands before a post-modifier: "files" in "Audit files from Orlen Data show"
        head = next(
            (toks[n - 1][2] for n in range(span[0] + 1, span[1] + 1) if toks[n][2] in pat.POST), toks[span[1]][2]
        )
        if word in BASE_FORMS and not (head.endswith("s") or head.lower() in pat.PLURAL_HEADS):
            return None  # "the home state of", "a new plan": a noun, not a verb
        phrase = phrase_of(text, toks, *span)
        if word in ("called", "named") and toks[span[0]][2].lower() in ("a", "an"):
            return None  # "a group called X": naming, not saying
        bare_name = all(is_name(t[2]) for t in toks[span[0] : span[1] + 1])
        shown = toks[after][2] if after < len(toks) else ""
        quality = is_modifier(shown) and shown != "that" and shown.lower() not in TIME_WORDS
        if word in pat.SHOW and bare_name and self._named_person(phrase) and quality:
            return None  # "Safin showed good touches": a person shows a quality; a poll or "X showed that" reports
        before = toks[span[0] - 1][2] if span[0] > 0 else ""
        if span[0] > 1 and before.isalpha() and before.islower() and toks[span[0] - 2][2].lower() in pat.AUXILIARIES:
            return None  # "advisers who have run the numbers argue": "the numbers" is an object of "run"
        if before.lower() in ("that", "which") and span[0] >= 2 and toks[span[0] - 2][2][:1].isalnum():
            floor = self._relative_object(toks, span[0] - 1, after)
            if floor is not None:  # "the $1.11 a share that analysts expected": the figure the relative clause names
                found = self._claim(match, phrase, content_after=False)
                return Claim(found.start, found.end, found.source, False, found.named, floor=floor)
        claim = self._claim(
            match,
            phrase,
            content_after=before not in pat.QUOTE_CLOSERS,
            boundary=before.lower() not in pat.SUBORDINATORS,
        )
        if claim.content_after and word in pat.ADDRESSEE_VERBS:
            hearer = np_after(toks, after)  # "told a crowd of 1,300 that": the hearer is not what was said
            if hearer is None and after < len(toks) and toks[after][2][:1].isdigit():
                hearer = (after, after)  # "tells 3,000 in Orlen": a count of hearers, not what was told
            if hearer is not None:
                end = hearer[1]
                if is_name(toks[end][2]) and end + 1 < len(toks) and toks[end + 1][2].isdigit():
                    end += 1  # "told Orlen 7 that": a station's number is part of its name
                claim = Claim(claim.start, toks[end][1], claim.source, True, claim.named)
        if before == "," and after < len(toks) and toks[after][2] == ",":
            return Claim(claim.start, claim.end, claim.source, False, claim.named, both=True)
        if before == "," and after < len(toks) and toks[after][2].lower() in pat.ADJUNCT_PREPOSITIONS:
            close = next((n for n in range(after + 1, min(len(toks), after + 8)) if toks[n][2] in ",;"), None)
            if close is not None and all(t[2][:1].isalnum() for t in toks[after:close]):
                # "X paid 8.9 percent, the agency said in a June report, and Y paid 0.8": a tag on both sides
                return Claim(claim.start, claim.end, claim.source, False, claim.named, both=True)
        return claim

    @staticmethod
    def _after_link(toks: list[tuple[int, int, str]], start: int) -> bool:
        """A phrase that ends a post-modifier: after "of", "in", "by" ..., or a count after one ("in 20 countries")."""
        if toks[start - 1][2].lower() in pat.POST_LINKS:
            return True
        return start > 2 and toks[start - 1][2][:1].isdigit() and toks[start - 2][2].lower() in pat.POST_LINKS | {"in"}

    def _relative_object(self, toks: list[tuple[int, int, str]], that: int, after: int) -> int | None:
        """Where the noun phrase before an object relative clause begins, when the clause ends at its verb.

        "well above the $1.11 a share that analysts expected.": the verb has no object of its own,
        so what it reports is the phrase before "that"; "said that analysts expected 5 percent" is no such clause.
        """
        rest = [t[2] for t in toks[after : after + 6]]
        if rest and rest[0][:1].isalnum():
            if rest[0].lower() not in pat.ADJUNCT_PREPOSITIONS and rest[0].lower() not in TIME_WORDS:
                return None  # the verb has its own object
            if not any(not w[:1].isalnum() for w in rest):
                return None  # a long clause goes on
        if toks[that - 1][2].lower() in REPORTING_VERBS:
            return None  # "said that ...": a complement, not a relative clause
        k = that - 1  # back over the noun phrase: to a preposition, a verb or punctuation
        while k > 0 and that - k < 8:
            word = toks[k - 1][2]
            low = word.lower()
            if word in pat.CURRENCY or word[:1].isdigit():
                k -= 1
                continue
            if not word[:1].isalnum() or low in pat.NP_ENDS or low in REPORTING_VERBS or low.endswith("ed"):
                break
            k -= 1
        return toks[k][0]

    # -- the source of one position

    def claim_at(self, sentence: Sentence, position: int) -> tuple[str | None, bool]:
        """The source of a statement at a position, and whether any reporting cue covers it."""
        best: Claim | None = None
        outer: Claim | None = None
        rank = (2, 0)
        for claim in self._claims[sentence.index]:
            covers = (
                (claim.both and not (claim.limit and position >= claim.limit))
                or (claim.content_after and position >= claim.end and not (claim.limit and position >= claim.limit))
                or (not claim.content_after and claim.floor <= position < claim.start)
            )
            if claim.start <= position < claim.end or not covers:
                continue
            if claim.content_after and not claim.both and pat.in_aside(self.text, claim.end, position):
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
        if (
            best is not None
            and outer is not None
            and outer.end <= best.start
            and not best.floor  # "(93 percent, according to Y)", "the $1.11 that analysts expected": Y's own
            and (outer.both or not pat.CONTRAST.search(self.text, outer.end, best.start))
        ):
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


def find_source(sentence: str) -> str | None:
    """Return who a sentence attributes its statement to, or None."""
    single = [Sentence(0, len(sentence), sentence, 0, 0)]
    claims = Attributions(sentence, single)._claims[0]
    return next((c.source for c in claims if c.source), None)
