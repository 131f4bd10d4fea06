"""How a reporting verb becomes a claim: the source phrase before or after it, and how far it reaches.

``VerbClaims._verb_claim`` reads one verb of saying, finding or stance in its
sentence: the noun phrase before it ("Officials said", "X, the agency's head,
said", "A survey of voters by X found"), after it ('..." said X'), a pronoun, an
object relative clause ("the $1.11 that analysts expected"), a tag in
mid-sentence that covers both sides; and returns None where the verb is a noun,
a participle or an act that states no claim.
"""

from __future__ import annotations

import dataclasses
import re

from . import attribution_patterns as pat
from . import claim_scope as scope
from .claim_parts import ClaimParts, is_pronoun
from .claim_words import (
    ACTS,
    ADVERBS,
    BASE_FORMS,
    PLACE_ACTS,
    PLACE_NOUNS,
    PUBLISH_WORDS,
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
    opening_subject,
    phrase_of,
    singular,
    spaced,
)
from .speakers import Claim, gender
from .subjects import (
    LOCATIVE,
    after_connective,
    after_possessive,
    located,
    names_subject,
    relative_subject,
    subject_after_comma,
    whole_subject,
)

__all__ = ["VerbClaims"]


_NO_OBJECT = LOCATIVE | TIME_WORDS | frozenset("by to for from with as".split())
_WH_WORDS = frozenset("why what when where how who whom whose which".split())


class VerbClaims(ClaimParts):
    """The claim one reporting verb makes, read from the tokens around it."""

    def _verb_claim(
        self, match: re.Match[str], toks: list[tuple[int, int, str]], at: int, after: int, word: str
    ) -> Claim | None:
        text = self.text
        if scope.act_not_claim(word, [t[2].lower() for t in toks[after : after + 2]]):
            return None  # "was speaking to 100 pupils", "boasts a 45-point lead", "responded by easing": acts
        if word in PUBLISH_WORDS and (
            after >= len(toks) or not toks[after][2][:1].isalnum() or toks[after][2].lower() in _NO_OBJECT
        ):
            return None  # "plans unveiled in the report", "books published in 1900": a participle, no object
        if word.startswith("charge") and not any(t[2].lower() in ("that", "with") for t in toks[after : after + 8]):
            return None  # "charge fees of up to 3,000": a price; "charged that ...", "charged X with Y" accuse
        if word == "ruled" and after < len(toks) and toks[after][2].lower() == "out":
            return None  # "ruled out a run": to exclude, not to decide
        if word in ("state", "states") and not (after < len(toks) and toks[after][2].lower() in pat.STATE_INTRODUCES):
            return None  # "in several Western states": the noun, far more often than the verb
        if word in pat.PLURAL_NOUNS and (after >= len(toks) or pat.ends_noun_phrase(toks[after][2])):
            return None  # "citing police records, said", "court records show": the plural noun, not the verb
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
        i = after_connective(toks, i)  # "Cement makers, for instance, argue": the subject before the connective
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
            (i == 0 and not names_subject(toks, after))
            or prev.lower() in DETERMINERS
            or (prev[:1].islower() and prev.lower() not in pat.AUXILIARIES)  # "has forecast" is a verb
        )
        if nounlike and after_modifier and not is_pronoun(prev) and not is_noun(prev):
            return None
        if nounlike and after_possessive(toks, i):
            return None  # "according to its Orlen reports": a noun after "its", "their" and a name
        if nounlike and after < len(toks) and toks[after][2] in STRONG_VERBS:
            return None  # "an analysis of campaign reports shows": the noun is the subject of the verb after it
        if prev.lower() in ("it", "they", "we") and word not in STRONG_VERBS and word not in pat.GROUP_VERBS:
            return None  # "it has put ...": only a plain verb of saying or finding lets "it" stand for a body
        if (
            is_pronoun(prev)
            and i > 0
            and toks[i - 1][2].lower() == "had"
            and toks[-1][2] != "?"
            and (i < 2 or toks[i - 2][2].lower() not in _WH_WORDS)  # "Why had he asserted that ...?" asks of a claim
        ):
            return None  # "it would have been longer had he denied the charge": a condition, no claim of his
        if is_pronoun(prev) and prev.lower() not in ("that", "this", "these", "those", "one"):
            if (
                word in pat.SHOW
                and prev.lower() in ("he", "she")
                and not (after < len(toks) and toks[after][2] == "that")
            ):
                return None  # "He showed admirable resolve", "she showed no sign of it": a quality, not a finding
            if prev.lower() in ("who", "which") and i > 1 and toks[i - 1][2] == ",":
                span = np_before(toks, i - 2)
                if span:
                    found = self._claim(match, phrase_of(text, toks, *span), content_after=True)
                    stop = pat.CLAUSE_END.search(text, match.end(), self._sentence_end)
                    quoted = stop is not None and pat.QUOTE_NEXT.match(text, stop.start() + 1) is not None
                    if found.content_after and not found.limit and stop is not None and not quoted:
                        # "X, who has endorsed Osk, raised $235 million": the relative clause ends at its comma;
                        # 'X, who said in an interview, "..."' goes on into the quotation
                        found = dataclasses.replace(found, limit=stop.start())
                    return found
                return None
            # "the child he says is his, but ...": a relative clause with no "that" ends where its clause ends
            reduced = (
                i > 1
                and toks[i - 1][2].isalpha()
                and toks[i - 1][2].islower()
                and toks[i - 1][2] not in TIME_WORDS
                and toks[i - 2][2].lower() in DETERMINERS | pat.POSSESSIVE_DETERMINERS
            )
            claim = self._claim(
                match,
                prev,
                content_after=not (i > 0 and toks[i - 1][2] in pat.QUOTE_CLOSERS),
                boundary=(i == 0 or toks[i - 1][2].lower() not in pat.SUBORDINATORS) and not reduced,
            )
            if i > 0 and toks[i - 1][2] == "," and after < len(toks) and toks[after][2] == ",":
                return self._both_sides(claim)  # "X, he said, Y"
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
                opens = outer is not None and (
                    outer[0] == 0
                    or toks[outer[0] - 1][2] in ',;:\u201c\u201d"'
                    or (outer[0] == 1 and toks[0][2].lower() in pat.OPENING_ADVERBS)  # "However the poll, ..., found"
                )
                if (
                    opens
                    and outer is not None
                    and inner == (j + 1, i - 1)
                    and self._named_person(name := phrase_of(text, toks, *inner))
                    and " " in name
                    # a given and a family name: "Tomas Brell", not "Grant" or a firm, "Tovin Metals"
                    and (gender(name) is not None or not name.split()[-1].endswith("s"))
                    and not self._named_person(phrase_of(text, toks, *outer))
                ):
                    # "A Vell spokesman, Tomas Brell, said": the description speaks (and says how official it is);
                    # a later "he" is the person it names
                    self._history.append(name)
                    self._history_at.append(self._sentence_index)
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
                # "One farmer near Vell, Dana Osk, said"; not "The club sacked its coach, Dana Osk, said a statement"
                verb_before = any(t[2].lower() in pat.AUXILIARIES or t[2].endswith("ed") for t in toks[:j])
                set_off = not (verb_before and np_after(toks, after) is not None)
                if (
                    named_first
                    and plain_tail
                    and set_off
                    and self._named_person(phrase_of(text, toks, j + 1, name_end))
                ):
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
        if (prev in pat.PARENTHESIS_ENDS or (prev == "-" and spaced(toks, i))) and word not in ACTS:
            subject = opening_subject(toks, i + 1)  # "The poll, released on Monday by X, showed"
            if subject is not None and not any(t[2].lower() in pat.CLAUSE_JOINS for t in toks[subject[1] + 1 : i]):
                return self._claim(match, phrase_of(text, toks, *subject), content_after=True)
        if prev in pat.PUNCT_BEFORE_INVERSION and word in pat.ADDRESSEE_VERBS:
            # '"...," X, an aide, told Reuters': the phrase after "told" is the hearer, the speaker is before it
            span = np_before(toks, i - 1) if prev == "," and i > 0 else None
            return self._claim(match, phrase_of(text, toks, *span), content_after=False) if span else None
        scare = (
            i > 1 and toks[i - 1][2][:1].isalnum() and any(t[2] in pat.QUOTE_OPENERS for t in toks[max(0, i - 4) : i])
        )
        if prev in pat.QUOTE_CLOSERS and scare:
            return None  # 'self-identified "liberals" said they would': a word in scare quotes, no speech tag
        if prev in pat.PUNCT_BEFORE_INVERSION:
            span = np_after(toks, after)
            lead = after
            while (
                span is None
                and lead < len(toks) - 1
                and (
                    (toks[lead][2][:1].isdigit() and text[toks[lead][1] : toks[lead][1] + 1] in " /-")
                    or toks[lead][2] in "/-"
                )
            ):
                lead += 1  # 'said 9/11 widow Dana Kell': a date or a number that modifies the name ("3M" is a name)
            if span is None and lead > after:
                span = np_after(toks, lead)
            if span:
                span = self._noun_run(toks, span)  # 'said the chief financial officer.': to the phrase's last noun
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
        follows = toks[after][2].lower() if after < len(toks) else ""
        finite = follows == "that" or follows in DETERMINERS or follows[:1].isdigit()  # "The defence argued that"
        common = word in STRONG_VERBS or (word in pat.GROUP_VERBS and (finite or not word.endswith("ed")))
        span = np_before(toks, i, common=common)
        if span is not None and toks[span[1]][2].lower() in pat.PERIODS:
            span = None  # "polls taken over the past two weeks show": a time phrase, the subject stands before it
        span = located(toks, span) if span is not None else None
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
            if span[0] > 1 and self._after_link(toks, span[0]):
                span = subject_after_comma(toks, span, i) or span  # "..., people familiar with the talks said"
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
            and is_name(toks[span[0] - 4][2])  # "Academies of Sciences, ...", not "east of Orlen, Kell and Osk"
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
        past = (
            word in pat.PAST_AS_BASE
            and after < len(toks)
            and toks[after][2].lower() == "that"
            and toks[span[0]][2].lower() not in ("a", "an")  # "A Vell Capital forecast that ... proved wrong"
        )
        if word in BASE_FORMS and not (head.endswith("s") or head.lower() in pat.PLURAL_HEADS or past):
            return None  # "the home state of", "a new plan": a noun, not a verb; "X forecast that" is one
        if head[:1].islower() and singular(head) in PLACE_NOUNS and word in PLACE_ACTS:
            return None  # "the museum welcomed 12,000", "donor nations have promised": no claim of theirs
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
        relative = before.lower() in ("that", "which") and word in pat.RELATIVE_CUES
        if relative and span[0] >= 2 and toks[span[0] - 2][2][:1].isalnum():
            floor = self._relative_object(toks, span[0] - 1, after)
            if floor is not None:  # "the $1.11 a share that analysts expected": the figure the relative clause names
                return dataclasses.replace(self._claim(match, phrase, content_after=False), floor=floor)
        claim = self._claim(
            match,
            phrase,
            content_after=before not in pat.QUOTE_CLOSERS,
            boundary=before.lower() not in pat.SUBORDINATORS,
        )
        if claim.content_after and word in pat.ADDRESSEE_VERBS:
            hearer = np_after(toks, after)  # "told a crowd of 1,300 that": the hearer is not what was said
            counted = after + 1 < len(toks) and toks[after][2][:1].isdigit()
            if hearer is None and counted and word.startswith("tel") and toks[after + 1][2].lower() in pat.POST:
                hearer = (after, after)  # "tells 3,000 in Orlen": a count of hearers; "warned 40,000 people could"
            if hearer is not None:
                end = hearer[1]
                if is_name(toks[end][2]) and end + 1 < len(toks) and toks[end + 1][2].isdigit():
                    end += 1  # "told Orlen 7 that": a station's number is part of its name
                # the hearer is skipped; a subordinate clause's end still ends what was told
                claim = Claim(claim.start, toks[end][1], claim.source, True, claim.named, limit=claim.limit)
        if (
            claim.content_after
            and word in pat.SPEECH
            and after + 1 < len(toks)
            and toks[after][2].lower() == "to"
            and (
                toks[after + 1][2].lower() in DETERMINERS | pat.POSSESSIVE_DETERMINERS
                or toks[after + 1][2][:1].isupper()
            )
        ):
            # 'wrote to his 20,000 followers, "...': whom it was written to, up to the comma or colon before the words
            # ("wrote to Kell in a May 3, 2011 message": the hearer stops at the preposition, before the date)
            hearer_end = next(
                (
                    n
                    for n in range(after + 2, min(len(toks), after + 9))
                    if toks[n][2] in ",:" or toks[n][2].lower() in pat.POST or toks[n][2].lower() in LOCATIVE
                ),
                None,
            )
            if hearer_end is not None and all(t[2][:1].isalnum() for t in toks[after + 1 : hearer_end]):
                claim = dataclasses.replace(claim, end=toks[hearer_end - 1][1])
        first = toks[span[0]][2]  # the subject is a whole phrase of its own: "Congress", "the Sanders campaign"
        if (
            not claim.content_after
            and span[0] >= 2
            and is_modifier(before)
            and before.lower() not in DETERMINERS
            and (first.lower() in DETERMINERS or is_name(first))
        ):
            # "a mandate of 17.4 billion gallons, well below the 22.3 billion gallons Congress had sought":
            # a relative clause with no "that" names the phrase just before it, not the whole sentence
            floor = self._relative_object(toks, span[0], after)
            head = next((t[2] for t in toks if t[0] == floor), "")
            # the phrase opens with a determiner or a number ("the 22.3 billion gallons", "an arrangement");
            # ", Orlen foreign ministry spokesman Tomas Brell said" is a whole subject, not a clause
            if floor is not None and (head.lower() in DETERMINERS or head[:1].isdigit() or head in pat.CURRENCY):
                claim = dataclasses.replace(claim, floor=floor)
        if before == "," and after < len(toks) and toks[after][2] == ",":
            return self._both_sides(claim)
        if before == "," and after < len(toks) and toks[after][2].lower() in pat.ADJUNCT_PREPOSITIONS:
            close = next((n for n in range(after + 1, min(len(toks), after + 8)) if toks[n][2] in ",;"), None)
            if close is not None and all(t[2][:1].isalnum() for t in toks[after:close]):
                # "X paid 8.9 percent, the agency said in a June report, and Y paid 0.8": a tag on both sides
                return self._both_sides(claim)
        return claim

    @staticmethod
    def _noun_run(toks: list[tuple[int, int, str]], span: tuple[int, int]) -> tuple[int, int]:
        """A phrase after an inverted verb, run on over up to three plain lower-case words to the clause's end."""
        end = span[1]
        while end + 2 < len(toks) and end - span[1] < 3 and toks[end + 1][2][:1].islower():
            word = toks[end + 1][2]
            low = word.lower()
            if not is_modifier(word) or word.endswith(("ly", "wards")) or low in ADVERBS | TIME_WORDS | pat.TAILS:
                return span
            end += 1
        if end > span[1] and is_name(toks[end + 1][2]):
            # 'said chief financial officer Peter Green.': the title runs on into the name it comes before
            name = end + 1
            while name + 1 < len(toks) and is_name(toks[name + 1][2]):
                name += 1
            return (span[0], name) if name + 1 >= len(toks) or not toks[name + 1][2][:1].isalnum() else span
        return (span[0], end) if end > span[1] and not toks[end + 1][2][:1].isalnum() else span

    @staticmethod
    def _both_sides(claim: Claim) -> Claim:
        """A tag in mid-sentence ("X rose 8 percent, the agency said, and Y fell"): it covers both sides.

        A clause set against it with a speaker of its own ("..., but critics put it at 3 percent") keeps its
        figures: ``claim_at`` lets no tag take over a cue across a contrast.
        """
        return dataclasses.replace(claim, content_after=False, both=True)

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
            joins = word in ("-", "/") and k >= 2 and toks[k - 2][2][:1].isdigit()  # "the 0-5% range"
            if word in pat.CURRENCY or word[:1].isdigit() or word == "%" or joins:
                k -= 1
                continue
            if not word[:1].isalnum() or low in pat.NP_ENDS or low in REPORTING_VERBS or low.endswith("ed"):
                break
            k -= 1
        return toks[k][0]
