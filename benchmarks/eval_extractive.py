"""Evaluate the extractive engine offline; prints JSON.

    python benchmarks/eval_extractive.py [--shared ../shared] [--out benchmarks/results/eval_extractive.json]

1. ROUGE-1/2/L (F-measure, rouge-score with stemming) of the engine's summary on
   the 100 article/summary pairs of corpus/bbc-summaries, beside lead-3.
2. Precision and recall of figure and hedge spans against the hand-annotated gold
   set in tests/gold/figures_hedges.json (a prediction matches a gold span it
   overlaps; "kind" also requires the same hedge kind).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402
from summarizer.extractive import analyse, extract  # noqa: E402
from summarizer.extractive.sentences import split_sentences  # noqa: E402
from summarizer.ingest import normalize_text  # noqa: E402


def rouge(shared: Path) -> dict[str, Any]:
    """ROUGE of the engine's summary and of lead-3 on bbc-summaries."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    base = shared / "corpus" / "bbc-summaries"
    systems: dict[str, dict[str, list[float]]] = {"engine": {}, "lead3": {}, "lead80": {}}
    words: dict[str, list[int]] = {name: [] for name in systems}
    pairs = sorted((base / "article").glob("*/*.txt"))
    for article_path in pairs:
        reference_path = base / "summary" / article_path.relative_to(base / "article")
        text = normalize_text(article_path.read_text(encoding="utf-8", errors="replace"))
        reference = reference_path.read_text(encoding="utf-8", errors="replace")
        body = text.split("\n", 1)[1] if "\n" in text else text
        lead = split_sentences(body)
        outputs = {
            "engine": extract(text).summary,
            "lead3": " ".join(s.text for s in lead[:3]),
            "lead80": _lead_words(lead, 80),
        }
        for name, output in outputs.items():
            words[name].append(len(output.split()))
            for metric, score in scorer.score(reference, output).items():
                systems[name].setdefault(metric, []).append(score.fmeasure)
    return {
        "pairs": len(pairs),
        **{
            name: {metric: round(statistics.mean(values), 4) for metric, values in scores.items()}
            | {"median_words": statistics.median(words[name])}
            for name, scores in systems.items()
        },
    }


def _lead_words(sentences: list[Any], budget: int) -> str:
    """Leading sentences while they fit the engine's word budget (at least one)."""
    out: list[str] = []
    for sentence in sentences:
        if out and len(" ".join(out).split()) + len(sentence.text.split()) > budget:
            break
        out.append(sentence.text)
    return " ".join(out)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _pr(predicted: list[tuple[int, int, str]], gold: list[tuple[int, int, str]], same_kind: bool) -> tuple[int, int]:
    def ok(p: tuple[int, int, str], g: tuple[int, int, str]) -> bool:
        return _overlaps(p[:2], g[:2]) and (not same_kind or p[2] == g[2])

    hits_p = sum(1 for p in predicted if any(ok(p, g) for g in gold))
    hits_g = sum(1 for g in gold if any(ok(p, g) for p in predicted))
    return hits_p, hits_g


def spans(shared: Path) -> dict[str, Any]:
    """Precision/recall of figure and hedge spans on the gold set."""
    gold = json.loads((ROOT / "tests" / "gold" / "figures_hedges.json").read_text(encoding="utf-8"))
    totals: dict[str, list[int]] = {}
    status_right = status_total = 0

    def add(name: str, hits_p: int, n_p: int, hits_g: int, n_g: int) -> None:
        t = totals.setdefault(name, [0, 0, 0, 0])
        for i, v in enumerate((hits_p, n_p, hits_g, n_g)):
            t[i] += v

    for doc in gold["documents"]:
        raw = (shared / doc["path"]).read_bytes()
        if hashlib.sha256(raw).hexdigest() != doc["sha256"]:
            raise SystemExit(f"{doc['path']} changed since it was annotated")
        text = raw.decode("utf-8")
        found = analyse(text)
        pf = [(f.start, f.end, "") for f in found.figures]
        gf = [(g["start"], g["end"], "") for g in doc["figures"]]
        hp, hg = _pr(pf, gf, False)
        add("figures", hp, len(pf), hg, len(gf))
        ph = [(h.start, h.end, h.kind.value) for h in found.hedges]
        gh = [(g["start"], g["end"], g["kind"]) for g in doc["hedges"]]
        hp, hg = _pr(ph, gh, False)
        add("hedges", hp, len(ph), hg, len(gh))
        hp, hg = _pr(ph, gh, True)
        add("hedges_with_kind", hp, len(ph), hg, len(gh))
        for g in doc["figures"]:
            match = next((f for f in found.figures if _overlaps((f.start, f.end), (g["start"], g["end"]))), None)
            if match is not None:
                status_total += 1
                status_right += match.status.value == g["status"]
    result: dict[str, Any] = {"documents": len(gold["documents"])}
    for name, (hits_p, n_p, hits_g, n_g) in totals.items():
        precision = hits_p / n_p if n_p else 0.0
        recall = hits_g / n_g if n_g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        result[name] = {
            "predicted": n_p,
            "gold": n_g,
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
        }
    result["figure_status_accuracy"] = round(status_right / status_total, 3) if status_total else None
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    report = {"rouge_bbc_summaries": rouge(args.shared), "gold_spans": spans(args.shared)}
    text = json.dumps(report, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
