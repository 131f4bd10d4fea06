"""Who speaks across sentences: quotations and their speakers, paragraph labels, and which names are people.

A quotation takes the speaker of the cue next to its marks ('"...," Kell said',
'Kell said: "..."'), of a lead-in colon ('More from Dana Kell: "...'), of the quote
before it in the paragraph, or of the paragraph before when it opens the paragraph;
a quote left open runs on over paragraphs until its speaker comes. A paragraph may
be labelled with its speaker ("KELL: ...", "Dana Kell: ..."). General knowledge of
news layout; no sentence of any corpus.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from . import attribution_patterns as pat
from .claim_words import FEMALE_TITLES, MALE_TITLES, ORG_WORDS, SOURCE_NOUNS, SPEAKER_LABEL_STOP
from .gazetteer import STATES
from .names import FEMALE_NAMES, MALE_NAMES, US_STATES
from .phrases import DETERMINERS, TITLES, is_name, is_noun, np_after, plain, tokens
from .sentences import Sentence

__all__ = ["Claim", "Quote", "common_word", "find_labels", "find_quotes", "gender", "is_person"]

Quote = tuple[int, int, "str | None"]  # opening mark, closing mark, speaker


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


_EVENT_WORDS = frozenset(
    """championship championships games olympics open cup slam awards nations tournament trophy festival
    prix series final finals world""".split()
)


_PLACE_HEADS = frozenset(
    """belt valley coast county city island islands beach heights square avenue road bridge canyon mountains
    peninsula strait gulf desert district province region harbour harbor airport station village town institution
    institutions hospital school church museum library""".split()
)


@functools.lru_cache(maxsize=4096)
def is_person(source: str) -> bool:
    """True when a source reads as a person's name ("Dana Kell", "Mr. Kell"), not a body or a place."""
    words = source.split()
    if not words or words[0].lower() in DETERMINERS or len(words) > 5:
        return False
    if any(plain(w) in ORG_WORDS for w in words) or plain(words[-1]) in SOURCE_NOUNS:
        return False
    if source in STATES or source.lower() in US_STATES or " ".join(words[-2:]).lower() in US_STATES:
        return False
    if not is_name(words[-1]):
        return False  # "Critics of the measure": a name ends on a capitalised word
    if plain(words[-1]) in _EVENT_WORDS:
        return False  # "the World Indoor Championships", "the Grand Slam": an event, never "he"
    if plain(words[-1]) in _PLACE_HEADS and gender(source) is None:
        return False  # "the Rust Belt", "Orlen Valley", "the Brookings Institution"; not "Mr Valley", "Ana Town"
    if "of" in words[1:] and words[words.index("of") - 1].lower().endswith("s"):
        return False  # "Critics of Mayor Kell", "Friends of the Earth": a group, not a person
    return not any(w.isupper() and len(w) > 1 for w in words[:1])


@functools.lru_cache(maxsize=4096)
def gender(source: str) -> str | None:
    """'m' or 'f' from a title ("Mrs. Kell") or a given name ("Dana Kell"); None when the name does not say."""
    words = [w.lower().rstrip(".") for w in source.split()]
    for word in words[:-1] or words[:1]:
        if word in MALE_TITLES or word + "." in MALE_TITLES or word in MALE_NAMES:
            return "m"
        if word in FEMALE_TITLES or word + "." in FEMALE_TITLES or word in FEMALE_NAMES:
            return "f"
    return None


def common_word(text: str, word: str) -> bool:
    """True when a capitalised word also stands in lower case in the article ("Peppered", "Young"): no name."""
    low = word.lower()
    if low == word:
        return True
    at = text.find(low)
    while at >= 0:  # a plain search: far cheaper than listing the article's words for a few lookups
        end = at + len(low)
        if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        at = text.find(low, at + 1)
    return False


def find_labels(text: str, sentences: list[Sentence]) -> dict[int, str]:
    """Speakers of labelled paragraphs by line: "KELL: ..." in a transcript, "Dana Kell: ..." in a headline."""
    labels: dict[int, str] = {}
    for sentence in sentences:
        if sentence.line in labels:
            continue
        line_start = text.rfind("\n", 0, sentence.start) + 1
        if sentence.start - line_start > 3:
            continue
        label = pat.LABEL.match(text, line_start, sentence.end)
        if label and label.group(1).split()[0].lower().strip(".") not in SPEAKER_LABEL_STOP:
            labels[sentence.line] = label.group(1).title()
            continue
        named = pat.NAME_LABEL.match(text, line_start, sentence.end)
        if named and not pat.BARE_NUMBER.match(text, named.end(), sentence.end):  # "Kell: 547." is a tally
            words = named.group(1).split()
            common = len(words) == 1 and common_word(text, words[0]) and not is_noun(words[0])
            if (
                len(words[0]) > 1
                and not common
                and not any(plain(w).strip(".") in SPEAKER_LABEL_STOP for w in words)
                and all(is_name(w) or plain(w) in TITLES for w in words)
            ):
                labels[sentence.line] = named.group(1)
    return labels


def find_quotes(text: str, sentences: list[Sentence], claims: list[list[Claim]]) -> list[Quote]:
    """Quoted passages in text order and their speakers; a quote may run on over paragraphs or follow 'X said:'."""
    quotes: list[Quote] = []
    by_line: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        by_line.setdefault(sentence.line, []).append(sentence)
    open_ended: list[int] = []  # quotes left open at a paragraph's end, waiting for their speaker
    lead_in: str | None = None  # the speaker of a paragraph that ends "X said:"
    last_speaker: str | None = None  # who spoke the quote that ended the paragraph before
    indirect: str | None = None  # who the paragraph before reported, with no quote of its own
    for group in by_line.values():
        start, end = group[0].start, group[-1].end
        spans = pat.quote_spans(text, start, end)
        if not spans and lead_in:
            spans = [(start - 1, end)]  # 'X said:' and then the paragraph of what X said, unquoted
        first = len(quotes)
        for n, (opening, closing) in enumerate(spans):
            previous = quotes[-1][2] if n > 0 and opening - quotes[-1][1] <= 200 else None
            # a name before the colon speaks, unless a tag after the quote names its speaker ('," Osk said')
            colon = None if _named_tag(claims, group, closing) else _colon_speaker(text, start, opening)
            speaker = colon or _quote_speaker(text, claims, group, opening, closing, previous)
            if speaker is None and text[start:opening].rstrip().endswith(":"):
                speaker = _lead_in_subject(text, claims, group, opening)
            at_start = opening - start <= 1
            if speaker is None and at_start and lead_in:
                speaker = lead_in
            if speaker is None and n > 0 and quotes[-1][2] and opening - quotes[-1][1] <= 200:
                # '"...," X said. "...."': the next quote of the paragraph goes on with the same speaker
                speaker = quotes[-1][2]
            if speaker is None and at_start and last_speaker:
                speaker = last_speaker  # a paragraph that opens with a quote goes on with the last speaker
            whole = all(spans[k][1] == spans[k + 1][0] for k in range(len(spans) - 1)) and spans[-1][1] < end
            if speaker is None and indirect and at_start and n == 0 and whole and end - 2 <= spans[-1][1]:
                speaker = indirect  # after "Kell said that ...": a paragraph that is one whole quotation
            if n == 0 and at_start and speaker and open_ended:
                for k in open_ended:
                    quotes[k] = (quotes[k][0], quotes[k][1], speaker)
                open_ended = []
            quotes.append((opening, closing, speaker))
        ended = [k for k in range(first, len(quotes)) if quotes[k][1] >= end - 1]
        if spans and spans[0][0] - start <= 1 and open_ended and quotes[first][2] is None:
            open_ended += ended  # a quote that runs on over several paragraphs, its speaker still to come
        else:
            open_ended = [k for k in ended if quotes[k][2] is None]
        # the last quote hands on its speaker when the paragraph ends with it or with its own sentence:
        # '"...," Kell said during a visit to Orlen, the region's port, ahead of the vote.'
        last_speaker = (
            quotes[-1][2]
            if spans
            and (
                end - quotes[-1][1] <= 60
                or (
                    quotes[-1][1] >= group[-1].start
                    # '..., as Osk, the ministry's man, said it was 8 percent.': someone else speaks after it
                    and all(
                        c.source in (None, quotes[-1][2]) for c in claims[group[-1].index] if c.start >= quotes[-1][1]
                    )
                )
            )
            else None
        )
        if spans and last_speaker is None:
            # '... and against the law," Kell said.': a paragraph ending in a speech tag hands its speaker on
            tags = [c for c in claims[group[-1].index] if c.source and not c.content_after and not c.both]
            if tags and end - tags[-1].end <= 30 and tags[-1].start > spans[-1][1]:
                last_speaker = tags[-1].source
        indirect = None
        if not spans:
            # 'Kell said that the port would stay open.' and then a paragraph that opens with a quote: still Kell
            said = [c for c in claims[group[-1].index] if c.source and c.named and not c.weak and c.content_after]
            indirect = said[0].source if said else None  # the outermost: "Kell said that critics say ..."
        lead_in = None
        if text[start:end].rstrip().endswith(":"):
            named = [c for c in claims[group[-1].index] if c.source]
            lead_in = named[-1].source if named else _colon_speaker(text, start, end)
    return quotes


def _lead_in_subject(text: str, claims: list[list[Claim]], group: list[Sentence], opening: int) -> str | None:
    """'Kell apologised for it: "...', 'The agency's paper had this to say: "...': the clause a colon ends speaks."""
    sentence = next((s for s in group if s.start <= opening <= s.end), None)
    if sentence is None:
        return None
    # a cue that ends the clause ("X said in May:", "..., saying:"), else a short clause's subject and verb
    named = [
        c.source
        for c in claims[sentence.index]
        if c.source and opening - 60 <= c.end <= opening and not pat.CLAUSE_END.search(text, c.end, opening - 1)
    ]
    if named:
        return named[-1]
    toks = tokens(text, sentence.start, opening)
    first = 2 if len(toks) > 2 and toks[1][2] == "," and toks[0][2].lower() in pat.OPENING_ADVERBS else 0
    span = np_after(toks, first)
    if span is None or not 2 < len(toks) - span[1] <= 9:
        return None  # "... to test a poster showing Kell with a board reading:": the board's words, not the subject's
    head, verb = toks[span[1]][2], toks[span[1] + 1][2]
    if not (is_name(head) or plain(head) in SOURCE_NOUNS) or not (verb.isalpha() and verb.islower()):
        return None
    finite = verb in pat.AUXILIARIES or verb.endswith("ed") or (verb.endswith("s") and not verb.endswith("ss"))
    if not finite or (is_noun(verb) and verb not in pat.AUXILIARIES) or is_name(toks[span[1] + 2][2]):
        return None  # "Orlen boss Dana Kell:": the phrase runs on into a name, no verb follows it
    return " ".join(text[toks[span[0]][0] : toks[span[1]][1]].split())


def _colon_speaker(text: str, start: int, at: int) -> str | None:
    """'More from Dana Kell: "...': a name right before a colon that opens a quotation or a paragraph."""
    cut = at - 80 > start  # a cut mid-paragraph is no paragraph start for the pattern's "^"
    found = pat.COLON_NAME.search(("\x00" if cut else "") + text[max(start, at - 80) : at])
    if found is None:
        return None
    name = found.group(1)
    words = name.split()
    if words[0].lower() in SPEAKER_LABEL_STOP or not all(is_name(w) or plain(w) in TITLES or w == "and" for w in words):
        return None
    return name


def _named_tag(claims: list[list[Claim]], group: list[Sentence], closing: int) -> bool:
    """True when a cue right after the closing mark names its source: '," Osk Varn said', not '," she added'."""
    return any(
        0 <= c.start - closing <= 40 and c.source and c.named and not c.weak
        for s in group
        if s.start <= closing + 40 and closing <= s.end
        for c in claims[s.index]
    )


def _long_tag(text: str, closing: int, claim: Claim) -> bool:
    """A speech tag after a closing mark and a long subject: '," Fight for 15 organising director Dana Kell told'."""
    cue = claim.start
    between = text[closing + 1 : cue]
    if claim.content_after or not claim.source or claim.source not in between:
        return False  # the tag's own subject stands between the mark and its verb
    words = between.strip(" ,").split()
    if not words or not (words[0][:1].isupper() or words[0].lower() in DETERMINERS):
        return False  # '..." from donors, the Post reported': the quote is inside a clause, not before its tag
    # one plain subject phrase: no clause, sentence or paragraph ends inside it ('." Interrupting Kell, Osk said')
    inside = between.strip(" ,")
    return cue - closing <= 80 and len(words) <= 10 and not any(c in inside for c in '.,;:!?"\u201c\u201d\n')


def _quote_speaker(
    text: str,
    claims: list[list[Claim]],
    group: list[Sentence],
    opening: int,
    closing: int,
    previous: str | None = None,
) -> str | None:
    for sentence in group:
        # '"...?" Kell said.': the speaker's sentence may begin right after the closing mark
        if sentence.start <= closing + 40 and closing <= sentence.end:
            for claim in claims[sentence.index]:
                # '"...," X said, "...': the cue right after the closing mark speaks the quote either way
                tag = 0 <= claim.start - closing <= 40 or _long_tag(text, closing, claim)
                if tag and claim.source and not claim.weak:
                    # '"...," X said. "..." Analysts said profits would be 35': a new sentence stating its own
                    # content is no tag of the quote before it, when a speaker of this paragraph goes on
                    own = claim.content_after and sentence.start > closing
                    return previous if own and previous else claim.source
        if sentence.start <= opening <= sentence.end:
            for claim in claims[sentence.index]:
                if claim.content_after and 0 <= opening - claim.end <= 30 and claim.source:
                    return claim.source
    for sentence in group:
        if (
            sentence.start <= opening <= sentence.end < closing < group[-1].end
            # the quotation goes on with the reported clause ('..., "which sounds like a lot. But'); not a chant,
            # a headline or a sign quoted inside it ('"Shame! 400 flats!"')
            and sentence.text[opening - sentence.start + 1 : opening - sentence.start + 2].islower()
        ):
            # 'As Kell explained, the taxes were put off, "which sounds like a lot. But ...": a quotation that
            # opens inside what a cue before it reports is that source's, in every sentence it runs on over
            said = [
                c
                for c in claims[sentence.index]
                if c.content_after
                and not c.both
                and c.source
                and not c.weak
                and c.end <= opening
                and not (c.limit and opening >= c.limit)
            ]
            if said:
                return said[-1].source
    return None
