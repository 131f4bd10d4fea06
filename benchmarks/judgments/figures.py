"""Judge who claims a figure and how firm it is, on text the rules were not written from; prints JSON.

    python benchmarks/judgments/figures.py [--shared ../shared] [--split dev|train|both]

1. PolNeAR (US political news, brat standoff; the first annotator file by name):
   every figure ``find_figures`` finds whose span lies inside an attribution's
   Content span. Its predicted ``source`` is right when it names the
   attribution's Source (matching rule in ``source_matches``); no claimant
   counts as wrong. Target: right >= 0.70 on dev. Also: of the figures outside
   every Content span (and outside Source and Cue spans), the share given a
   claimant all the same ("invented"). Target: <= 0.03.
2. BBC News (2,095 articles): the distribution of figure statuses, and how many
   figures are ``official`` with no named institution as source. Target: 0.
3. Seeds: 002 gives 45,000 and 100,000 as two figures; 003 gives 50,000 once
   among the key figures.

Matching rule for a claimant (``source_matches``): words are lowercased, a
possessive "'s" and punctuation dropped, and determiners and other function
words ignored. The gold Source is cut before an appositive (", the agency's
head", ", who ...", "("); its key words are its last capitalised word (a surname,
an organisation's last name word; never a weekday or a month: "A Monmouth poll out
Monday") and its head noun (the last word before a post-modifier such as "of",
"by", "for", "taken", "out": "poll" in "a poll by Gallup"), after a relative
"that" is cut too ("the number that caught the eye"); a name standing as the
appositive ("another friend, Dana Kell") is a key word as well. The
prediction is right when its words hold one of the key words. When the gold
Source is a pronoun (he, she, they, I, we ...), the gold Source used is the
nearest annotated named Source before it in the article
(a Source with a capitalised word that is not a pronoun), and for a relative
pronoun ("who", "which") the capitalised words right before it in the text;
with none, the figure counts as wrong.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402
from summarizer.extractive import analyse, extract  # noqa: E402
from summarizer.extractive.figures import find_figures  # noqa: E402
from summarizer.extractive.sentences import split_sentences  # noqa: E402
from summarizer.ingest import normalize_text  # noqa: E402

PRONOUNS = frozenset("he she they i we it him her them his its their you".split())
_FUNCTION = frozenset("the a an of for to in on at by and or with from his her its their this that these those".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z.&'\u2019-]*")
_INSTITUTION = re.compile(
    r"\b(?:ministry|government|department|office|agency|council|commission|bureau|authority|authorities|"
    r"police|army|military|court|parliament|treasury|bank|nhs|institute|statistics|un|nato|eu|"
    r"home office|downing street|white house|pentagon|kremlin|spokes(?:man|woman|person)|minister|"
    r"secretary|chancellor|president|officials?|mod|nao|ons|opec|imf|who|fbi|cia|congress|senate)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Attribution:
    """One attribution: its content spans and its source text (a pronoun resolved)."""

    content: list[tuple[int, int]]
    source: str | None
    written: str | None


def _words(text: str) -> list[str]:
    out = []
    for w in _WORD.findall(text):
        w = re.sub(r"['\u2019]s?$", "", w).strip(".'\u2019-")
        if w and w.lower() not in _FUNCTION:
            out.append(w)
    return out


_RELATIVE_THAT = re.compile(r"\sthat\s")
_APPOSITIVE = re.compile(r",|\(|\s(?:who|which|whose)\s|:")
_POSTMODIFIER = re.compile(
    r"\s(?:of|for|by|from|at|in|on|with|released|conducted|published|taken|out|this|last)\s", re.IGNORECASE
)
# a date is never a source's name: "A Monmouth poll out Monday" is named by "Monmouth" and "poll"
_DATES = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)


def key_words(source: str) -> set[str]:
    """Words of a gold Source, one of which a prediction must hold: its name and its head noun.

    The Source is cut before an appositive (", the agency's head", ", who ...", "(")
    or a relative clause ("the number that caught the eye");
    its name is the last capitalised word, its head noun the last word before a
    post-modifier ("poll" in "a poll by Gallup"). A name standing as the appositive
    ("another friend, Dana Kell", "the firm's chief, Dana Kell,") is a key word too.
    """
    parts = _APPOSITIVE.split(source, maxsplit=1)
    core = _RELATIVE_THAT.split(parts[0] or source, maxsplit=1)[0]
    words = _words(core)
    if not words:
        return set()
    keys = set()
    capitalised = [w for w in words if w[0].isupper() and w.lower() not in PRONOUNS and w.lower() not in _DATES]
    if capitalised:
        keys.add(capitalised[-1].lower())
    if len(parts) > 1 and source[len(parts[0]) : len(parts[0]) + 1] == ",":
        named = _words(re.split(r"[,(]", parts[1], maxsplit=1)[0])
        if named and all(w[0].isupper() for w in named):
            keys.add(named[-1].lower())
    head = _words(_POSTMODIFIER.split(core, maxsplit=1)[0])
    keys.add((head or words)[-1].lower())
    return keys


def source_matches(predicted: str | None, gold: str | None) -> bool:
    """True when the predicted claimant holds a key word of the gold Source."""
    if not predicted or not gold:
        return False
    return bool(key_words(gold) & {w.lower() for w in _words(predicted)})


def _is_named(source: str) -> bool:
    words = _words(source)
    return any(w[0].isupper() and w.lower() not in PRONOUNS for w in words)


_T_LINE = re.compile(r"^(T\d+)\t(\w+) ([\d ;]+)(?:\t|$)")
_E_LINE = re.compile(r"^E\d+\t(.*)$")


def _spans(path: Path) -> tuple[dict[str, tuple[str, list[tuple[int, int]]]], list[dict[str, str]]]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        t = _T_LINE.match(line)
        if t:
            parts = [piece.split() for piece in t.group(3).split(";")]
            spans[t.group(1)] = (t.group(2), [(int(p[0]), int(p[1])) for p in parts if len(p) == 2])
            continue
        e = _E_LINE.match(line)
        if e:
            events.append(dict(arg.split(":", 1) for arg in e.group(1).split() if ":" in arg))
    return spans, events


def read_ann(path: Path, text: str) -> list[Attribution]:
    """Attributions of one brat file, pronoun Sources resolved to the nearest named Source before them."""
    spans, events = _spans(path)

    def span_text(pieces: list[tuple[int, int]]) -> str:
        return " ".join(text[a:b] for a, b in pieces)

    named = sorted(
        (pieces[0][0], span_text(pieces))
        for kind, pieces in spans.values()
        if kind == "Source" and pieces and _is_named(span_text(pieces))
    )
    out = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""))
        written = span_text(source[1]) if source else None
        resolved = written
        if source and written and written.strip().lower() in ("who", "which", "that"):
            # a relative pronoun refers to the name just before it: "Smith, who said ..."
            run = re.search(r"((?:[A-Z][\w.'\u2019&-]*\s+){0,3}[A-Z][\w.'\u2019&-]*),?\s*$", text[: source[1][0][0]])
            resolved = run.group(1) if run else None
        elif source and written and written.strip().lower() in PRONOUNS:
            at = source[1][0][0]
            before = [name for start, name in named if start < at]
            resolved = before[-1] if before else None
        out.append(Attribution(content=content[1], source=resolved, written=written))
    return out


def _other_spans(path: Path) -> list[tuple[int, int]]:
    spans, _ = _spans(path)
    return [piece for kind, pieces in spans.values() if kind in ("Source", "Cue") for piece in pieces]


def documents(shared: Path, split: str) -> list[tuple[str, Path]]:
    """(text path name, first annotator file) for every article of a split."""
    base = shared / "corpus" / "polnear-dev" / split
    out = []
    for text_path in sorted((base / "text").glob("*.txt")):
        anns = sorted((base / "attributions").glob(f"{text_path.stem}_*.ann"))
        anns = [a for a in anns if a.stem.rsplit("_", 1)[0] == text_path.stem]
        if anns:
            out.append((text_path.stem, anns[0]))
    return out


def claimants(shared: Path, split: str, examples: int = 0) -> dict[str, Any]:
    """Right-claimant rate for figures inside Content spans, and invented claimants outside them."""
    base = shared / "corpus" / "polnear-dev" / split
    inside = right = named = pronoun_total = pronoun_right = 0
    outside = invented = 0
    wrong: list[dict[str, Any]] = []
    for stem, ann in documents(shared, split):
        text = (base / "text" / f"{stem}.txt").read_text(encoding="utf-8")
        attributions = read_ann(ann, text)
        others = _other_spans(ann)
        for figure in find_figures(text, split_sentences(text)):
            owner = next(
                (
                    a
                    for a in attributions
                    if any(start <= figure.start and figure.end <= end for start, end in a.content)
                ),
                None,
            )
            if owner is None:
                if any(start < figure.end and figure.start < end for start, end in others):
                    continue
                outside += 1
                invented += figure.source is not None
                continue
            inside += 1
            named += figure.source is not None
            ok = source_matches(figure.source, owner.source)
            right += ok
            if owner.written and owner.written.strip().lower() in PRONOUNS:
                pronoun_total += 1
                pronoun_right += ok
            if not ok and len(wrong) < examples:
                wrong.append(
                    {
                        "doc": stem,
                        "quantity": figure.quantity,
                        "predicted": figure.source,
                        "gold": owner.written,
                        "resolved": owner.source,
                        "sentence": figure.sentence.text[:300],
                    }
                )
    result: dict[str, Any] = {
        "figures_in_content": inside,
        "right_claimant": round(right / inside, 3) if inside else None,
        "claimant_given": round(named / inside, 3) if inside else None,
        "precision_when_given": round(right / named, 3) if named else None,
        "pronoun_sources": pronoun_total,
        "right_on_pronoun_sources": round(pronoun_right / pronoun_total, 3) if pronoun_total else None,
        "figures_outside_attributions": outside,
        "invented_claimant": round(invented / outside, 3) if outside else None,
    }
    if examples:
        result["wrong_examples"] = wrong
    return result


def bbc_statuses(shared: Path) -> dict[str, Any]:
    """Status distribution of every figure in the BBC corpus, and unsupported 'official' readings."""
    statuses: Counter[str] = Counter()
    official_unnamed = official_not_institution = 0
    for path in sorted((shared / "corpus" / "bbc-news").glob("*/*.txt")):
        text = normalize_text(path.read_text(encoding="utf-8", errors="replace"))
        for figure in analyse(text).figures:
            statuses[figure.status.value] += 1
            if figure.status.value == "official":
                if figure.source is None:
                    official_unnamed += 1
                elif not _INSTITUTION.search(figure.source):
                    official_not_institution += 1
    total = sum(statuses.values())
    return {
        "figures": total,
        "status_counts": dict(statuses.most_common()),
        "status_share": {k: round(v / total, 3) for k, v in statuses.most_common()},
        "official_without_source": official_unnamed,
        "official_source_without_institution_word": official_not_institution,
    }


def seeds(shared: Path) -> dict[str, Any]:
    """Seed 002: a change gives two figures; seed 003: one figure with two wordings is kept once."""
    seed2 = (shared / "seeds").glob("002_*.txt")
    text2 = normalize_text(next(seed2).read_text(encoding="utf-8"))
    found2 = find_figures(text2, split_sentences(text2))
    values2 = [(f.low, f.high) for f in found2 if f.low in (45000.0, 100000.0) or f.high in (45000.0, 100000.0)]
    text3 = normalize_text(next((shared / "seeds").glob("003_*.txt")).read_text(encoding="utf-8"))
    key3 = [f for f in extract(text3).key_figures if f.low == 50000.0]
    return {
        "seed_002_change_values": values2,
        "seed_002_two_figures": sorted(values2) == [(45000.0, 45000.0), (100000.0, 100000.0)],
        "seed_003_50000_key_figures": len(key3),
        "seed_003_once": len(key3) == 1,
    }


def evaluate(shared: Path, **options: Any) -> dict[str, Any]:
    """Every judgment of figure claimants and statuses, with targets."""
    splits = options.get("splits", ("dev", "train"))
    polnear = {split: claimants(shared, split, int(options.get("examples", 0))) for split in splits}
    bbc = bbc_statuses(shared)
    seed = seeds(shared)
    main = polnear.get("dev") or next(iter(polnear.values()))
    return {
        "polnear": polnear,
        "bbc": bbc,
        "seeds": seed,
        "targets": {
            "polnear_dev_right_claimant": {
                "value": main["right_claimant"],
                "target": ">= 0.70",
                "met": (main["right_claimant"] or 0) >= 0.70,
            },
            "polnear_dev_invented_claimant": {
                "value": main["invented_claimant"],
                "target": "<= 0.03",
                "met": (main["invented_claimant"] or 0) <= 0.03,
            },
            "bbc_official_without_source": {
                "value": bbc["official_without_source"],
                "target": "== 0",
                "met": bbc["official_without_source"] == 0,
            },
            "seed_002_two_figures": {
                "value": seed["seed_002_two_figures"],
                "target": True,
                "met": seed["seed_002_two_figures"],
            },
            "seed_003_once": {"value": seed["seed_003_50000_key_figures"], "target": 1, "met": seed["seed_003_once"]},
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--split", choices=("dev", "train", "both"), default="both")
    parser.add_argument("--examples", type=int, default=0, help="list this many wrong claimants per split")
    args = parser.parse_args()
    splits = ("dev", "train") if args.split == "both" else (args.split,)
    print(json.dumps(evaluate(args.shared, splits=splits, examples=args.examples), indent=2))


if __name__ == "__main__":
    main()
