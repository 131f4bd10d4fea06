"""Judge the extractive escalation reading on text it was not written from; prints JSON.

    python benchmarks/judgments/escalation.py [--shared ../shared] [--no-lists]

1. BBC News (2,095 articles, five topics): level distribution per topic; every
   article of sport, tech and entertainment at level >= 2, and of business and
   politics at level >= 3, with its type and evidence words. Targets: sport, tech,
   entertainment 0 at level >= 3 and at most 1% at level 2; business at most 0.5%
   at level >= 3.
2. The five seeds: 000 and 002 MOBILIZE level 3 escalating, 003 level 4, 001 not
   escalating, 004 level 3.
3. PLOVER GSR sentences, each as a one-sentence text: event-type accuracy overall,
   per type and on the conflict types (THREATEN MOBILIZE COERCE ASSAULT FIGHT PROTEST),
   and alarm precision/recall (level >= 3 against a gold type in MOBILIZE, COERCE,
   ASSAULT, FIGHT). The engine's word lists were tuned looking at even-numbered ids
   only; odd ids are reported apart as the held-out half.
4. PolNeAR's 924 US political articles (2015-16), which have no escalation labels:
   how many reach level >= 3, listed with their evidence, per split. Most are campaign
   news, a few report real attacks (Paris, Orlando, Nice), so this is a count to
   watch, not a target; the false-alarm rules were read off the train split only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402
from summarizer.extractive.escalation import EscalationReading, assess_escalation  # noqa: E402
from summarizer.extractive.sentences import split_sentences  # noqa: E402
from summarizer.ingest import normalize_text  # noqa: E402
from summarizer.scales import Direction, EventType  # noqa: E402

TOPICS = ("business", "entertainment", "politics", "sport", "tech")
QUIET = ("entertainment", "sport", "tech")
CONFLICT_TYPES = ("THREATEN", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT", "PROTEST")
ALARM_TYPES = frozenset({"MOBILIZE", "COERCE", "ASSAULT", "FIGHT"})
_ID_NUMBER = re.compile(r"(\d+)$")


def read(text: str) -> EscalationReading:
    """The engine's escalation reading of one text."""
    return assess_escalation(split_sentences(normalize_text(text)))


def _entry(name: str, reading: EscalationReading) -> dict[str, Any]:
    words = re.findall(r"'([^']+)'", reading.rationale)
    return {"article": name, "level": reading.level, "type": reading.event_type.value, "evidence_words": words[:4]}


def bbc(shared: Path, lists: bool = True) -> dict[str, Any]:
    """Level distribution per BBC topic, the articles at level >= 2 or 3, and the false-alarm targets."""
    base = shared / "corpus" / "bbc-news"
    out: dict[str, Any] = {}
    for topic in TOPICS:
        paths = sorted((base / topic).glob("*.txt"))
        levels: Counter[int] = Counter()
        flagged = []
        floor = 2 if topic in QUIET else 3
        for path in paths:
            reading = read(path.read_text(encoding="utf-8", errors="replace"))
            levels[reading.level] += 1
            if reading.level >= floor:
                flagged.append(_entry(f"{topic}/{path.name}", reading))
        n = len(paths)
        high = sum(c for lv, c in levels.items() if lv >= 3)
        row: dict[str, Any] = {
            "articles": n,
            "levels": {str(lv): levels[lv] for lv in range(6)},
            "at_3_or_more": high,
            "share_3_or_more": round(high / n, 4) if n else 0.0,
            "share_2": round(levels[2] / n, 4) if n else 0.0,
        }
        if topic in QUIET:
            row["target"] = "0 at level >= 3 and at most 1% at level 2"
            row["met"] = high == 0 and levels[2] <= 0.01 * n
        elif topic == "business":
            row["target"] = "at most 0.5% at level >= 3"
            row["met"] = high <= 0.005 * n
        if lists:
            row["flagged"] = flagged
        out[topic] = row
    return out


def seeds(shared: Path) -> dict[str, Any]:
    """The five seeds against what each should read as."""
    want = {
        0: lambda r: r.event_type is EventType.MOBILIZE and r.level == 3 and r.direction is Direction.ESCALATING,
        1: lambda r: r.direction is not Direction.ESCALATING,
        2: lambda r: r.event_type is EventType.MOBILIZE and r.level == 3 and r.direction is Direction.ESCALATING,
        3: lambda r: r.level == 4,
        4: lambda r: r.level == 3,
    }
    targets = {
        0: "MOBILIZE 3 escalating",
        1: "not escalating",
        2: "MOBILIZE 3 escalating",
        3: "level 4",
        4: "level 3",
    }
    out: dict[str, Any] = {}
    for n, check in want.items():
        path = next((shared / "seeds").glob(f"{n:03d}_*.txt"))
        reading = read(path.read_text(encoding="utf-8"))
        out[f"{n:03d}"] = {
            "type": reading.event_type.value,
            "level": reading.level,
            "direction": reading.direction.value,
            "target": targets[n],
            "met": bool(check(reading)),
        }
    return out


def gsr_records(shared: Path) -> list[dict[str, Any]]:
    """The PLOVER GSR records with a sentence, read with a parser tolerant of trailing commas."""
    raw = (shared / "reference" / "plover-gsr" / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8")
    data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw))
    return [r for r in data if r.get("text") and r.get("event") and r["event"] != "DOCUMENT"]


def _gsr_scores(rows: list[tuple[str, str, int]]) -> dict[str, Any]:
    per_type: dict[str, list[int]] = {}
    for gold, got, _ in rows:
        per_type.setdefault(gold, []).append(int(gold == got))
    conflict = [ok for t in CONFLICT_TYPES for ok in per_type.get(t, [])]
    alarms = [(gold in ALARM_TYPES, level >= 3) for gold, _, level in rows]
    tp = sum(1 for g, p in alarms if g and p)
    fp = sum(1 for g, p in alarms if p and not g)
    fn = sum(1 for g, p in alarms if g and not p)
    return {
        "sentences": len(rows),
        "type_accuracy": round(sum(g == p for g, p, _ in rows) / len(rows), 3),
        "conflict_type_accuracy": round(sum(conflict) / len(conflict), 3) if conflict else None,
        "per_type": {t: {"n": len(v), "accuracy": round(sum(v) / len(v), 3)} for t, v in sorted(per_type.items())},
        "alarm_precision": round(tp / (tp + fp), 3) if tp + fp else None,
        "alarm_recall": round(tp / (tp + fn), 3) if tp + fn else None,
        "alarm_counts": {"tp": tp, "fp": fp, "fn": fn},
    }


def gsr(shared: Path, lists: bool = False) -> dict[str, Any]:
    """Event typing and alarms on the PLOVER GSR sentences: all, even ids (tuned on) and odd ids (held out)."""
    rows: dict[str, list[tuple[str, str, int]]] = {"all": [], "even_ids_tuned": [], "odd_ids_held_out": []}
    misses = []
    for record in gsr_records(shared):
        reading = assess_escalation(split_sentences(record["text"]))
        row = (record["event"], reading.event_type.value, reading.level)
        number = _ID_NUMBER.search(record["id"])
        half = "even_ids_tuned" if number and int(number.group(1)) % 2 == 0 else "odd_ids_held_out"
        rows["all"].append(row)
        rows[half].append(row)
        if lists and row[0] != row[1]:
            misses.append({"id": record["id"], "gold": row[0], "got": row[1], "level": row[2]})
    out: dict[str, Any] = {name: _gsr_scores(r) for name, r in rows.items()}
    whole = out["all"]
    out["targets"] = {
        "conflict_type_accuracy": {"target": ">= 0.6", "met": (whole["conflict_type_accuracy"] or 0) >= 0.6},
        "alarm_precision": {"target": ">= 0.8", "met": (whole["alarm_precision"] or 0) >= 0.8},
        "alarm_recall": {"target": ">= 0.7", "met": (whole["alarm_recall"] or 0) >= 0.7},
    }
    if lists:
        out["misses"] = misses
    return out


def polnear(shared: Path, lists: bool = True) -> dict[str, Any]:
    """Level distribution of PolNeAR's political articles per split, and those at level >= 3."""
    out: dict[str, Any] = {}
    for split in ("train", "dev"):
        paths = sorted((shared / "corpus" / "polnear-dev" / split / "text").glob("*.txt"))
        levels: Counter[int] = Counter()
        flagged = []
        for path in paths:
            reading = read(path.read_text(encoding="utf-8"))
            levels[reading.level] += 1
            if reading.level >= 3:
                flagged.append({**_entry(path.name, reading), "evidence": reading.evidence[0].text[:200]})
        high = sum(c for lv, c in levels.items() if lv >= 3)
        row: dict[str, Any] = {
            "articles": len(paths),
            "levels": {str(lv): levels[lv] for lv in range(6)},
            "at_3_or_more": high,
            "share_3_or_more": round(high / len(paths), 4) if paths else 0.0,
        }
        if lists:
            row["flagged"] = flagged
        out[split] = row
    return out


def evaluate(shared: Path, **options: Any) -> dict[str, Any]:
    """Every escalation judgment: BBC false alarms, the seeds, PLOVER GSR typing and alarms."""
    lists = bool(options.get("lists", True))
    result: dict[str, Any] = {
        "bbc": bbc(shared, lists),
        "seeds": seeds(shared),
        "plover_gsr": gsr(shared, bool(options.get("gsr_misses", False))),
        "polnear_political_news": polnear(shared, lists),
    }
    met = [row["met"] for row in result["bbc"].values() if "met" in row]
    met += [row["met"] for row in result["seeds"].values()]
    met += [t["met"] for t in result["plover_gsr"]["targets"].values()]
    result["all_met"] = all(met)
    return result


def main() -> None:
    """Print the escalation judgments as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--no-lists", action="store_true", help="leave out the lists of flagged articles")
    parser.add_argument("--gsr-misses", action="store_true", help="list the GSR sentences typed wrongly")
    args = parser.parse_args()
    print(json.dumps(evaluate(args.shared, lists=not args.no_lists, gsr_misses=args.gsr_misses), indent=2))


if __name__ == "__main__":
    main()
