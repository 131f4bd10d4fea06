"""Hedge cues against the uncertainty-annotated Wikipedia corpus, and their noise on BBC news; prints JSON.

    python benchmarks/judgments/hedges.py [--shared ../shared] [--baseline-rev REV] [--out FILE]

1. Uncertainty-wiki (Szeged): a gold cue is found when a predicted cue span
   overlaps it in the same sentence (any predicted kind). Recall is given per
   gold type; the target is on speculation (modal_probable) plus belief
   (hypo_doxastic) cues. Conditionals and investigation cues are reported apart.
   Cue precision counts predictions of every kind but attribution and
   approximation (the corpus does not mark those families); a prediction is
   correct when it overlaps any gold cue of its sentence, conditionals and
   investigation cues included (they are uncertainty cues too);
   ``precision_with_attribution`` also counts attribution cues, for reference.
   The 4,530 passages are cut in two halves by the SHA-256 of their id: the
   rules were tuned on "tune" and "dev" is the held-out half.
2. The same figures for the engine at ``--baseline-rev`` (default: the commit
   before the hedge rework) and for a plain lexicon of 39 common hedge words.
3. Noise on news: hedge cues per article over the 2,095 BBC articles, now and at
   the baseline, and a fixed random sample of cues the new rules add, with
   their sentences, for reading by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402
from summarizer.extractive.hedges import find_hedges  # noqa: E402
from summarizer.extractive.sentences import Sentence, split_sentences  # noqa: E402
from summarizer.ingest import normalize_text  # noqa: E402

BASELINE_REV = "229bbe1"  # the engine before this rework
TARGETS = {"recall": 0.80, "precision": 0.75}
TYPES = {
    "speculation_modal_probable_": "probable",
    "speculation_hypo_doxastic _": "doxastic",
    "speculation_hypo_condition _": "condition",
    "speculation_hypo_investigation _": "investigation",
}
HEDGING = ("probable", "doxastic")
UNSCORED_KINDS = frozenset({"attribution", "approximation"})

# A plain list of common hedge words, matched as whole words, no disambiguation:
# the "plain lexicon" baseline of the issue, rebuilt by hand.
PLAIN_LEXICON = """may might could would should can possibly probably perhaps maybe likely unlikely
possible apparently seemingly presumably allegedly reportedly appear appears appeared seem seems seemed
suggest suggests suggested believe believes believed think thought suspect suspected alleged
estimated expected unclear uncertain""".split()
_PLAIN = re.compile(r"\b(?:" + "|".join(PLAIN_LEXICON) + r")\b", re.IGNORECASE)

Finder = Callable[[str, list[Sentence]], list[tuple[int, int, str]]]


@dataclass
class Passage:
    """One Wikipedia passage: its sentences one per line, and the gold cues."""

    doc_id: str
    text: str
    sentences: list[Sentence]
    cues: list[tuple[int, int, str, int]] = field(default_factory=list)  # start, end, type, sentence index


def load_wiki(shared: Path) -> list[Passage]:
    """The passages of uncertainty-wiki with character offsets of their cues."""
    root = ET.parse(shared / "corpus" / "uncertainty-wiki" / "wiki.xml").getroot()
    passages = []
    for doc in root.iter("Document"):
        doc_id = doc.findtext("DocID") or ""
        text = ""
        sentences: list[Sentence] = []
        cues: list[tuple[int, int, str, int]] = []
        for part in doc.iter("DocumentPart"):
            if part.get("type") != "Text":
                continue
            for node in part.iter("Sentence"):
                begin = len(text)
                pieces = [node.text or ""]
                for child in node:
                    offset = begin + sum(map(len, pieces))
                    cue = "".join(child.itertext())
                    if child.tag == "ccue":
                        cues.append((offset, offset + len(cue), TYPES[child.get("type") or ""], len(sentences)))
                    pieces += [cue, child.tail or ""]
                body = "".join(pieces)
                sentences.append(Sentence(begin, begin + len(body), body, len(sentences), len(sentences)))
                text += body + "\n"
        passages.append(Passage(doc_id, text, sentences, cues))
    return passages


def halves(passages: list[Passage]) -> dict[str, list[Passage]]:
    """Two fixed halves by the hash of the passage id: tune and dev (held out)."""
    ranked = sorted(passages, key=lambda p: hashlib.sha256(p.doc_id.encode()).hexdigest())
    middle = len(ranked) // 2
    return {"tune": ranked[:middle], "dev": ranked[middle:], "all": ranked}


def _sentence_of(sentences: list[Sentence], start: int) -> int:
    for s in sentences:
        if s.start <= start < s.end + 1:
            return s.index
    return -1


def score(passages: list[Passage], finder: Finder) -> dict[str, Any]:
    """Recall per gold type and cue precision of one finder over the passages."""
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    scored = correct = correct_hedging = attributed = attributed_correct = 0
    for p in passages:
        predicted = finder(p.text, p.sentences)
        for start, end, kind, _ in p.cues:
            total[kind] += 1
            found[kind] += any(s < end and start < e for s, e, _ in predicted)
        for s, e, kind in predicted:
            if kind == "attribution":
                attributed += 1
                attributed_correct += any(g[0] < e and s < g[1] for g in p.cues)
            if kind in UNSCORED_KINDS:
                continue
            scored += 1
            hits = [g for g in p.cues if g[0] < e and s < g[1]]
            correct += bool(hits)
            correct_hedging += any(g[2] in HEDGING for g in hits)
    recall = sum(found[k] for k in HEDGING) / max(1, sum(total[k] for k in HEDGING))
    precision = correct / scored if scored else 0.0
    return {
        "passages": len(passages),
        "recall_probable_and_doxastic": round(recall, 3),
        "precision": round(precision, 3),
        "precision_hedging_gold_only": round(correct_hedging / scored if scored else 0.0, 3),
        "predicted_scored": scored,
        "precision_with_attribution": round(
            (correct + attributed_correct) / (scored + attributed) if scored + attributed else 0.0, 3
        ),
        "recall_by_type": {k: {"gold": total[k], "recall": round(found[k] / total[k], 3)} for k in TYPES.values()},
    }


def _engine(module: Any) -> Finder:
    def run(text: str, sentences: list[Sentence]) -> list[tuple[int, int, str]]:
        return [(h.start, h.end, h.kind.value) for h in module.find_hedges(text, sentences)]

    return run


def _plain(text: str, sentences: list[Sentence]) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), "speculation") for m in _PLAIN.finditer(text)]


def baseline_module(rev: str) -> Any | None:
    """The hedge module as it was at a git revision, loaded beside the current one."""
    try:
        source = subprocess.run(
            ["git", "show", f"{rev}:summarizer/extractive/hedges.py"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hedges_baseline.py"
        path.write_text(source, encoding="utf-8")
        spec = importlib.util.spec_from_file_location("summarizer.extractive.hedges_baseline", path)
        if spec is None or spec.loader is None:
            return None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look their module up
        spec.loader.exec_module(module)
    return module


def news_noise(shared: Path, old: Any | None, sample: int = 30) -> dict[str, Any]:
    """Hedge cues per BBC article, now and at the baseline, and a sample of the cues the rework adds."""
    paths = sorted((shared / "corpus" / "bbc-news").glob("*/*.txt"))
    counts: list[int] = []
    old_counts: list[int] = []
    kinds: Counter[str] = Counter()
    added: list[dict[str, str]] = []
    for path in paths:
        text = normalize_text(path.read_text(encoding="utf-8", errors="replace"))
        sentences = split_sentences(text)
        cues = find_hedges(text, sentences)
        counts.append(len(cues))
        kinds.update(c.kind.value for c in cues)
        if old is None:
            continue
        before = old.find_hedges(text, sentences)
        old_counts.append(len(before))
        for c in cues:
            if not any(b.start < c.end and c.start < b.end for b in before):
                added.append({"cue": c.cue, "kind": c.kind.value, "claim": c.claim, "sentence": c.sentence.text})
    result: dict[str, Any] = {
        "articles": len(paths),
        "cues_per_article": {"mean": round(statistics.mean(counts), 2), "median": statistics.median(counts)},
        "cues_by_kind": dict(kinds.most_common()),
    }
    if old is not None:
        result["baseline_cues_per_article"] = {
            "mean": round(statistics.mean(old_counts), 2),
            "median": statistics.median(old_counts),
        }
        result["added_cues"] = len(added)
        result["added_sample"] = random.Random(20261122).sample(added, min(sample, len(added)))
    return result


def evaluate(shared: Path, baseline_rev: str = BASELINE_REV, news: bool = True, **options: Any) -> dict[str, Any]:
    """Hedge cue recall/precision on uncertainty-wiki (both halves) and noise on BBC news."""
    splits = halves(load_wiki(shared))
    old = baseline_module(baseline_rev) if baseline_rev else None
    systems: dict[str, Finder] = {"engine": _engine(sys.modules[find_hedges.__module__]), "plain_lexicon": _plain}
    if old is not None:
        systems["baseline_engine"] = _engine(old)
    wiki = {name: {split: score(ps, finder) for split, ps in splits.items()} for name, finder in systems.items()}
    dev = wiki["engine"]["dev"]
    report: dict[str, Any] = {
        "uncertainty_wiki": wiki,
        "plain_lexicon_words": PLAIN_LEXICON,
        "baseline_rev": baseline_rev if old is not None else None,
        "targets": {
            "dev_recall_probable_and_doxastic": {
                "value": dev["recall_probable_and_doxastic"],
                "target": TARGETS["recall"],
                "met": dev["recall_probable_and_doxastic"] >= TARGETS["recall"],
            },
            "dev_precision": {
                "value": dev["precision"],
                "target": TARGETS["precision"],
                "met": dev["precision"] >= TARGETS["precision"],
            },
        },
    }
    if news:
        report["bbc_news_noise"] = news_noise(shared, old)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument(
        "--baseline-rev", default=BASELINE_REV, help="git revision of the baseline engine ('' for none)"
    )
    parser.add_argument("--no-news", action="store_true", help="skip the BBC noise check")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    report = evaluate(args.shared, baseline_rev=args.baseline_rev, news=not args.no_news)
    text = json.dumps(report, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
