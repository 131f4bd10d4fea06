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
import itertools
import re

from . import attribution_patterns as pat
from . import claim_scope as scope
from .claim_words import (
    ACTS,
    NOT_NAMES,
    PARTICIPLE_CUES,
    PUBLISH_WORDS,
    REPORTING_VERBS,
    SAYING_VERBS,
)
from .officialdom import is_official_source
from .phrases import (
    is_noun,
    np_after,
    np_to_boundary,
    phrase_of,
    plain,
    tokens,
    trie,
    unnamed_head,
)
from .sentences import Sentence
from .speakers import Claim, common_word, find_labels, find_quotes, is_person
from .verb_claims import VerbClaims

__all__ = ["Attributions", "Claim", "find_source", "is_official"]


# verbs in lower case only: "the Washington Post reported", not "Post" as a verb
_CUE = re.compile(
    r"\b(?:[Aa]ccording\s+to|point(?:s|ed)\s+(?:out|to)|put\s+the\s+(?:number|figure|toll|total|cost)|"
    + trie(sorted(REPORTING_VERBS | PARTICIPLE_CUES | pat.PUT | pat.CONTINUE))
    + r")\b"
)
# "said in a statement": the cue before "in a study" speaks; "the plans, unveiled in the X report": the report does
_VERB_BEFORE = re.compile(r"\b(?:" + trie(sorted(REPORTING_VERBS - PUBLISH_WORDS)) + r")\s+$")


def is_official(source: str) -> bool:
    """True when a source is a government body, a public institution, a public office or a role of one."""
    return is_official_source(unnamed_head(source))  # "sources close to the ministry" are not the ministry


# a tag set off by a comma at the sentence's end speaks for all its clauses: "Twelve died; 30 were hurt, police said"
_CLOSING_TAG = re.compile(r",\s+(?:[\w.'\u2019-]+\s+){0,5}$")


class Attributions(VerbClaims):
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
            if text[match.start() - 1 : match.start()] == "-":
                continue  # "a better-than-expected rise", "a much-predicted fall": part of an adjective
            if word.startswith("claim") and pat.CLAIM_WIN.match(text, match.end(), sentence.end):
                continue  # "claiming 41 percent of the vote", "claimed three seats": to win, not to assert
            if word.startswith(("call", "declar")) and pat.NOT_SPOKEN.match(text, match.end(), sentence.end):
                continue  # "called off the $54 billion deal", "declared war": acts, not claims
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
                if span and at > 0 and toks[at - 1][2].lower() in pat.CLAUSE_OPENERS:
                    span = None  # "which according to the auditor cost the town": a clause follows the phrase
                span = span or np_after(toks, after)
                if span and span[0] == span[1] and toks[span[0]][2].lower() in pat.MANNERS:
                    continue  # "planted according to tradition", "built according to plan": in line with, no source
                if span:
                    found = self._claim(match, phrase_of(text, toks, *span), content_after=False)
                    opened = next((t for t in reversed(toks[:at]) if t[2] in "()"), None)
                    relative = pat.RELATIVE_ASIDE.search(text, sentence.start, match.start())
                    comma = pat.CLAUSE_END.search(text, found.end, sentence.end) if relative else None
                    if opened is not None and opened[2] == "(":  # "(93 percent, according to X)": the brackets only
                        claim = Claim(found.start, found.end, found.source, False, found.named, floor=opened[0])
                    elif relative and comma and not pat.CLAUSE_END.search(text, relative.end(), match.start()):
                        # "Kell, who earned $400,000 according to filings, is worth $4 million": the clause only
                        floor, limit = relative.start(), comma.start()
                        claim = Claim(
                            found.start,
                            found.end,
                            found.source,
                            False,
                            found.named,
                            both=True,
                            floor=floor,
                            limit=limit,
                        )
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
        polls = pat.POLL_HAS.finditer(text, sentence.start, sentence.end) if study_word else iter(())
        puts = pat.HAS_IT_AT.finditer(text, sentence.start, sentence.end) if " at " in sentence.text else iter(())
        for holds in itertools.chain(polls, puts):
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
            if pat.RESPONDENTS_NEXT.match(sentence.text, study.end()) and not pat.POLL_NOUN.search(study.group(1)):
                continue  # "In the report back then, the council said": no poll's respondents
            at = sentence.start + study.start()
            if _VERB_BEFORE.search(sentence.text, 0, study.start()):
                continue  # "said in a statement": where the cue before it spoke, not a source of its own
            if _CHANGE_FROM.search(sentence.text, 0, study.start()) and study.group()[:4].lower() == "from":
                continue  # "up five points from a Vell poll last month": the poll a change is measured against
            source = " ".join(study.group(1).split())
            if pat.GENERIC_POLLS.match(source):
                continue  # "rose in the polls", "above 50 percent in national polls": no poll of anyone's
            if pat.SPOKEN_IN.search(source) and (
                any(c.source and not c.weak for c in claims)
                or not any(w[0].isupper() or (is_noun(w) and not pat.SPOKEN_IN.fullmatch(w)) for w in source.split())
            ):
                # "In a statement, Kell said": the speaker, not the statement, is the source; "Kell backed
                # her in an interview": an interview nobody is named for is no source ("a police statement" is)
                continue
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

    # -- the source of one position

    def _scopes_clause(self, claim: Claim, sentence: Sentence, position: int) -> bool:
        """ "According to X", or a tag that ends the sentence (", the Post reported."), not in a relative clause."""
        if _cue_word(self.text, claim) == "according":
            # "..., according to X." closing what came before; not "which according to X cost", nor "..., and,
            # according to aides, will run": a clause of its own after it
            before = self.text[sentence.start : claim.start].split()
            return (
                bool(before)
                and before[-1].lower() not in pat.CLAUSE_OPENERS
                and not _CLAUSE_AFTER.search(self.text, claim.end, sentence.end)
                and not pat.opens_trailer(self.text, position, claim.start)  # ", the largest district according to"
            )
        ends = len(self.text[claim.end : sentence.end].split()) <= _TAG_TAIL
        return ends and pat.RELATIVE_ASIDE.search(self.text, position, claim.start) is None

    def _joined(self, claim: Claim, since: int) -> bool:
        """True when a named source's clause is joined by "and" ("..., and surveyors say", "and Vell Data has it")."""
        before = self.text[since : claim.start]
        if _AND_CLAUSE.search(before):
            return True
        joined = re.search(rf"\band\s+{re.escape(claim.source)}\s*$", before) if claim.source else None
        if joined is None:
            return False
        # "it is $4.5 billion and Vell Data has it at": a clause before "and", not a joint subject "the mayor and X"
        first = before[: joined.start()]
        return any(c.isdigit() for c in first) or len(first.split()) >= 4

    def _plain(self, claim: Claim) -> bool:
        """A claim by a plain verb of saying or finding, or "according to": not wanting, judging or acting."""
        word = _cue_word(self.text, claim)
        return word in SAYING_VERBS or word in ("according", "point", "points", "pointed")

    def claim_at(self, sentence: Sentence, position: int) -> tuple[str | None, bool]:
        """The source of a statement at a position, and whether any reporting cue covers it."""
        best: Claim | None = None
        outer: Claim | None = None
        after: Claim | None = None  # the nearest plain sourcing after the position: "..., the Post reported"
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
            if claim.content_after and _WHILE.search(self.text, claim.end, position) and not self._plain(claim):
                continue  # "X is planning to invest $1.9bn, while Y will spend $1bn": Y's plan is not X's wish
            if claim.content_after and not claim.both and pat.in_trailer(self.text, claim.end, position, sentence.end):
                continue  # "X said sales rose to $5 million, an increase of 40 percent": the outlet's sum
            if (
                claim.content_after
                and not claim.both
                and scope.in_dash_aside(self.text, claim.end, position, sentence.end)
            ):
                continue  # "X said calls began - there are two per district - but": a clause the outlet adds
            if claim.content_after and not claim.both and scope.counts_the_act(self.text, claim.end, position):
                continue  # 'X said "tax" five times': how often X said it, no figure X claims
            if (
                not claim.content_after
                and not claim.both
                and scope.clause_break(self.text, position, claim.start)
                and not _CLOSING_TAG.search(self.text, sentence.start, claim.start)
            ):
                continue  # "Half the meetings were with donors; the campaign says it is cherry-picked": its own clause
            poll = claim.both and claim.end <= position and _cue_word(self.text, claim) in ("in", "from")
            if poll and scope.change_trailer(self.text, claim.end, position):
                continue  # "X was at 25 percent in the Vell poll, up eight points from March": the outlet's sum
            if scope.time_frame(self.text, position):
                continue  # "X won, the AP declared, two days after the vote": when, not what the AP claims
            if position < claim.start and scope.in_opening_phrase(self.text, sentence.start, position, claim.start):
                continue  # "Emerging from two hours of talks, the envoy looked tired, X said": the outlet's scene
            gap = abs(position - (claim.end if claim.content_after else claim.start))
            if (int(claim.weak), gap) < rank:
                best, rank = claim, (int(claim.weak), gap)
            if (
                not claim.content_after
                and claim.source
                and not claim.weak
                and position < claim.start
                and self._plain(claim)
                and self._scopes_clause(claim, sentence, position)
                and (after is None or claim.start < after.start)
            ):
                after = claim
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
            and (best.content_after or best.both or best.start < position)  # "..., and Y fell 3, Z said": Z's
            and not pat.CONTRAST.search(self.text, outer.end, best.start)
            and not _colon_clause(self.text, outer.end, best.start)  # "Polls show X: a Vell poll found 38": its own
            and not _in_subordinate(self.text, sentence.start, outer, best)  # "As X claimed ..., Y said": Y's own
            and not (best.named and best.content_after and self._joined(best, outer.end))
        ):
            best = outer  # "X said that Y has lost 40": a cue inside X's content is part of what X says
            # but "..., records show, and surveyors say it is worth $18 million": a clause of its own
        if best is not None and after is not None and best is not after and not (self._plain(best) and best.source):
            # "X sought the deal, worth $1.2 million, the Post reported", "X praised Y and won 77 percent, according
            # to exit polls": sourcing that names who reports the clause beats a verb of wanting or judging in it,
            # and a cue whose source cannot be named ("As I mentioned, ...")
            best = after
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


_CHANGE_FROM = re.compile(r"\b(?:(?:up|down)\s+(?:[\w.,%-]+\s+){1,3}|points?\s+)$")
_AND_CLAUSE = re.compile(r",\s+and\s")
_WHILE = re.compile(r",\s+(?:while|whereas)\s+(?!(?:also|still|in|on|at|as)\b)(?![a-z]+ing\b)")
_CLAUSE_AFTER = re.compile(
    r",\s+(?:and\s+|but\s+)?(?:would|will|could|should|may|might|must|can|is|are|was|were|has|have|had)\b"
)
_TAG_TAIL = 6  # words after a sentence's closing tag at most: "..., the Post reported on its website on Monday."


# what a speech verb's own adjuncts open: "said on Monday:", "said in a statement:", "told reporters later:"
_ADJUNCT_WORDS = pat.ADJUNCT_PREPOSITIONS | frozenset(
    "to through later earlier yesterday today tonight last this again also then recently once afterwards".split()
)
_ADJUNCT = re.compile(r"\s*(?:" + "|".join(sorted(_ADJUNCT_WORDS)) + r")\b", re.IGNORECASE)


def _colon_clause(text: str, start: int, end: int) -> bool:
    """True when a colon ends a clause of the outer cue's: "show X rejecting Kell: ", not "said (on Monday): "."""
    colon = text.find(": ", start, end)
    return colon >= 0 and len(text[start:colon].split()) >= 2 and not _ADJUNCT.match(text, start)


# a subordinate clause that opens the sentence: "But even as X claimed ..., Y said", "While X says ..., Y"
_OPENING_SUBORDINATE = re.compile(
    r"\s*(?:(?:but|and|yet)\s+)?(?:even\s+)?(?:as|while|when|whereas|although|though|because|since|after|before|if|once|until)\s",
    re.IGNORECASE,
)


def _in_subordinate(text: str, start: int, outer: Claim, best: Claim) -> bool:
    """True when the outer cue stands in an opening subordinate clause that a comma ends before the inner cue."""
    if outer.both:
        return False  # "As reported by X, investigators found": X's report is the whole sentence
    opening = _OPENING_SUBORDINATE.match(text, start, outer.start)
    if opening is None or pat.CLAUSE_END.search(text, opening.end(), outer.start):
        return False  # "When the vote ended, Kell said that, as a poll found, ...": the cue is in the main clause
    return pat.CLAUSE_END.search(text, outer.end, best.start) is not None


def _cue_word(text: str, claim: Claim) -> str:
    return text[claim.start : claim.end].split(" ", 1)[0].lower()


def find_source(sentence: str) -> str | None:
    """Return who a sentence attributes its statement to, or None."""
    single = [Sentence(0, len(sentence), sentence, 0, 0)]
    claims = Attributions(sentence, single)._claims[0]
    return next((c.source for c in claims if c.source), None)
