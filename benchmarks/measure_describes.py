"""How readable the extractive engine's figure descriptions are over the BBC articles (JSON out).

Counts the key figures whose ``describes`` is only a unit or currency word, starts or ends on a
function word, is only a time word for a figure that is no duration, or holds a verb (a clause);
``--dump FILE`` writes every description (for before/after diffs), ``--sample N`` prints a random
sample of figure, sentence and description.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from summarizer.extractive import _unique_figures
from summarizer.extractive.figure_words import CURRENCY_WORDS
from summarizer.extractive.figures import find_figures
from summarizer.extractive.sentences import split_sentences

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "bbc-news"
UNIT_ONLY = CURRENCY_WORDS | {"per cent", "percent", "pc", "%", "percentage points", "percentage"}
# words that cannot open a noun phrase (prepositions, conjunctions, comparatives)
BAD_START = frozenset(
    """of in on at by for to from with into onto over under than as and or but nor
    about around after before since until during while because if that which who whom""".split()
)
# a comparative or a direction is no noun phrase on its own ("more", "down", "more likely")
COMPARATIVE = frozenset("more less fewer up down higher lower".split())
# words that cannot end one (determiners, prepositions, conjunctions, comparatives)
BAD_END = BAD_START | frozenset("the a an its their his her our this these those more most less than".split())
TIME_WORDS = frozenset(
    """second seconds minute minutes hour hours day days week weeks month months year years decade decades
    century centuries quarter quarters""".split()
)
CLAUSE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|should|can|may|might|said|says|did|does|do)\b")


def kinds(quantity: str, unit: str | None, describes: str) -> list[str]:
    """The faults a description shows (none: an empty list)."""
    low = describes.lower().strip()
    words = low.split()
    found: list[str] = []
    if not words:
        return ["empty"]
    if low in UNIT_ONLY:
        found.append("unit_only")
    if low == "points":
        found.append("points_only")  # a count of points (a match, an index): the counted noun, kept
    if low == quantity.lower():
        found.append("quantity_only")
    if words[0] in BAD_START:
        found.append("bad_start")
    if words[-1] in BAD_END:
        found.append("bad_end")
    if words[0] in COMPARATIVE:
        found.append("comparative")
    durational = (unit or "").lower() in TIME_WORDS
    if not durational and all(w in TIME_WORDS or w in {"the", "a", "of", "end", "start"} for w in words):
        found.append("time_not_duration")
    if CLAUSE.search(describes):
        found.append("clause")
    return found


def main() -> int:
    """Measure every BBC article's key figures and print the counts as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dump", type=Path, help="write every description here as JSON lines")
    parser.add_argument("--sample", type=int, default=0, help="print this many random descriptions")
    parser.add_argument("--kind", help="sample only descriptions with this fault")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--compare", type=Path, help="a --dump of older code: sample the descriptions that changed")
    args = parser.parse_args()
    rows: list[dict[str, object]] = []
    for path in sorted(CORPUS.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        for k, f in enumerate(_unique_figures(find_figures(text, split_sentences(text)))):
            rows.append(
                {
                    "id": f"{path.parent.name}/{path.name}#{k}",
                    "quantity": f.quantity,
                    "unit": f.unit,
                    "describes": f.describes,
                    "quote": f.quote,
                    "kinds": kinds(f.quantity, f.unit, f.describes),
                }
            )
    counts: dict[str, int] = {}
    for row in rows:
        for kind in row["kinds"]:  # type: ignore[union-attr]
            counts[kind] = counts.get(kind, 0) + 1
    flawed = sum(1 for row in rows if row["kinds"])
    print(json.dumps({"figures": len(rows), "flawed": flawed, "kinds": dict(sorted(counts.items()))}, indent=1))
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row) + "\n")
    if args.sample:
        pool = [r for r in rows if args.kind is None or args.kind in r["kinds"]]  # type: ignore[operator]
        for row in random.Random(args.seed).sample(pool, min(args.sample, len(pool))):
            head = f"[{row['quantity']}] unit={row['unit']!r} -> {row['describes']!r} {row['kinds']}"
            print(f"\n{head}\n  {row['quote']}")
    if args.compare:
        old = {}
        for line in args.compare.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            old[row["id"], row["quantity"]] = row["describes"]
        changed = [r for r in rows if old.get((r["id"], r["quantity"]), r["describes"]) != r["describes"]]
        print(f"\nchanged: {len(changed)}")
        for row in random.Random(args.seed).sample(changed, min(30, len(changed))):
            was = old[row["id"], row["quantity"]]
            print(f"\n[{row['quantity']}] {was!r} -> {row['describes']!r}\n  {row['quote']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
