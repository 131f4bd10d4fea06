"""Judge the digest: grouping on the seeds, figures that 'differ', one lead article, teasers, hedges, imports.

    python benchmarks/judgments/digest.py [--shared ../shared] [--sample 300] [--layout] [--no-grouping]

Seeds: the three stories and no "sources differ" between figures where one value
lies inside the other's stated range. A sample of BBC articles (every n-th of
bbc-news, extractive engine): each story's headline, brief opening and evidence
from one article; no brief sentence that is a question or starts with a call to
action; hedged claims doubt first; the watch lists only level 3+ stories with
evidence. Grouping over all 2,095 BBC articles (skipped with `--no-grouping`): a story whose
articles come from different BBC topics is almost surely two stories merged (the
BBC set has no story labels, so this is a proxy for wrong merges, not a full
score). The digest command's imports (no scikit-learn, no SciPy) and its time on
the seeds. --layout also renders the sample's HTML in headless Chromium at 375
and 600 px (needs chromium) and counts words broken inside and overflow.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpora import shared_dir  # noqa: E402
from summarizer.batch import run_batch  # noqa: E402
from summarizer.digest import Digest, build_digest, load_records  # noqa: E402
from summarizer.digest.grouping import group_records  # noqa: E402
from summarizer.digest.rendering import MAX_HEDGES, render_html  # noqa: E402
from summarizer.digest.stories import HEDGE_ORDER  # noqa: E402
from summarizer.models import SummaryRecord  # noqa: E402

_CALL = re.compile(r"^(?:explore|discover|learn|find out|read|click|subscribe|sign up|check out|stay tuned)\b", re.I)


def _records(folder: Path, work: Path) -> list[SummaryRecord]:
    out = work / f"{folder.name}.jsonl"
    run_batch(folder, out=out, engine="extractive", use_cache=False)
    return load_records(out.read_text(encoding="utf-8").splitlines())[0]


def _inside(a: Any, b: Any) -> bool:
    """One figure's stated value lies within the other's stated range."""
    for x, y in ((a, b), (b, a)):
        if None not in (x.low, x.high, y.low, y.high) and x.low <= y.low <= y.high <= x.high:
            return True
    return False


def _checks(digest: Digest, records: list[SummaryRecord]) -> dict[str, Any]:
    by_id = {r.article_id: r for r in records}
    one_lead = teasers = ordered = 0
    for story in digest.stories:
        lead = by_id[story.lead_article_id]
        # the brief's first sentence, a closing quote after its full stop included
        opening = re.split(r"(?<=[.!?])\s+|(?<=[.!?][\"\u201d\u2019])\s+", story.brief)[0].rstrip(".")
        one_lead += (
            story.escalation.article_id == lead.article_id
            and (story.headline == lead.title or lead.title is None)
            and opening in lead.summary.summary
        )
        sentences = re.split(r"(?<=[.!?])\s+", story.brief)
        teasers += sum(bool(_CALL.match(s)) or s.endswith("?") for s in sentences)
        ranks = [HEDGE_ORDER[h.kind] for h in story.hedged]
        ordered += ranks == sorted(ranks)
    inside = sum(
        _inside(a, b)
        for story in digest.stories
        for d in story.discrepancies
        for i, a in enumerate(d.figures)
        for b in d.figures[i + 1 :]
    )
    watched = [s for s in digest.stories if s.headline in digest.escalation_watch]
    page = render_html(digest, max_stories=len(digest.stories))
    needs_more = sum(len(s.hedged) > MAX_HEDGES for s in digest.stories)
    n = max(len(digest.stories), 1)
    return {
        "stories": len(digest.stories),
        "one_lead_article_rate": round(one_lead / n, 3),
        "teaser_sentences_in_briefs": teasers,
        "hedges_doubt_first_rate": round(ordered / n, 3),
        "discrepancies": sum(len(s.discrepancies) for s in digest.stories),
        "discrepancy_pairs_one_inside_the_other": inside,
        "watch_names_only_level3_with_evidence": all(
            s.escalation.level >= 3 and s.escalation.evidence for s in watched
        ),
        "stories_with_more_hedges_than_shown": needs_more,
        "more_hedged_claims_notes": page.count("more hedged claims in the JSON digest"),
        "html": page,
    }


def _imports(seeds: Path, work: Path) -> dict[str, Any]:
    out = work / "seeds-cli.jsonl"
    run_batch(seeds, out=out, engine="extractive", use_cache=False)
    command = [sys.executable, "-X", "importtime", "-m", "summarizer", "digest", str(out), "-o", str(work / "d.md")]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    rows = [line.split("|") for line in done.stderr.splitlines() if line.startswith("import time:")]
    rows = [r for r in rows if r[0].split(":")[1].strip().isdigit()]  # not the header
    heavy = sum(
        int(r[1]) for r in rows if r[2].strip().split(".")[0] in ("sklearn", "scipy") and "." not in r[2].strip()
    )
    return {"digest_command_seconds": round(seconds, 2), "sklearn_scipy_import_seconds": round(heavy / 1e6, 3)}


def _layout(page: str, work: Path) -> dict[str, Any]:
    from tests.test_digest import layout_at

    result = {}
    for width in (375, 600):
        found = layout_at(page, width, work)
        result[f"broken_words_{width}px"] = len(found["broken"])
        result[f"overflow_{width}px"] = found["scrollWidth"] > width
    return result


def _grouping(shared: Path, work: Path) -> dict[str, Any]:
    """Stories over the whole BBC set and how many mix topics (a proxy for wrong merges)."""
    records = _records(shared / "corpus" / "bbc-news", work)
    topic = [Path(r.source_path or "").parent.name for r in records]
    multi = [g for g in group_records(records) if len(g) > 1]
    mixed = [g for g in multi if len({topic[i] for i in g}) > 1]
    return {
        "records": len(records),
        "stories_of_two_or_more": len(multi),
        "articles_in_them": sum(map(len, multi)),
        "stories_mixing_topics": len(mixed),
        "articles_in_mixed_stories": sum(map(len, mixed)),
    }


def evaluate(shared: Path, sample: int = 300, layout: bool = False, grouping: bool = True, **_: Any) -> dict[str, Any]:
    """Digest judgments on the seeds and a BBC sample; see the module docstring."""
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        seeds = _records(shared / "seeds", work)
        seed_digest = build_digest(seeds)
        groups = sorted(sorted((s.source_path or "")[:3] for s in story.sources) for story in seed_digest.stories)
        seed = _checks(seed_digest, seeds)
        bbc_files = sorted((shared / "corpus" / "bbc-news").glob("*/*.txt"))
        folder = work / "bbc"
        folder.mkdir()
        for path in bbc_files[:: max(len(bbc_files) // sample, 1)][:sample]:
            (folder / f"{path.parent.name}-{path.name}").symlink_to(path)
        records = _records(folder, work)
        started = time.perf_counter()
        digest = build_digest(records)
        build_seconds = time.perf_counter() - started
        bbc = _checks(digest, records)
        extra = _layout(bbc["html"], work) if layout else {}
        imports = _imports(shared / "seeds", work)
        whole = _grouping(shared, work) if grouping else {}
    seed.pop("html")
    bbc.pop("html")
    want = [["000", "001"], ["002", "004"], ["003"]]
    nested = seed["discrepancy_pairs_one_inside_the_other"] + bbc["discrepancy_pairs_one_inside_the_other"]
    teasers = seed["teaser_sentences_in_briefs"] + bbc["teaser_sentences_in_briefs"]
    one_lead = seed["one_lead_article_rate"] == bbc["one_lead_article_rate"] == 1.0
    notes = bbc["more_hedged_claims_notes"] == bbc["stories_with_more_hedges_than_shown"]
    return {
        "seeds": {**seed, "groups": groups},
        "bbc_sample": {**bbc, "records": len(records), "build_seconds": round(build_seconds, 2), **extra},
        "bbc_grouping": whole,
        "imports": imports,
        "targets": {
            "seed_groups": {"target": want, "met": groups == want},
            "no_discrepancy_between_nested_figures": {"target": 0, "met": nested == 0},
            "one_lead_article": {"target": 1.0, "met": one_lead},
            "no_teasers": {"target": 0, "met": teasers == 0},
            "hedges_doubt_first": {"target": 1.0, "met": bbc["hedges_doubt_first_rate"] == 1.0},
            "more_notes": {"target": "one per story with hidden hedges", "met": notes},
            "watch": {"target": True, "met": bool(bbc["watch_names_only_level3_with_evidence"])},
            "no_heavy_imports": {"target": 0.0, "met": imports["sklearn_scipy_import_seconds"] == 0.0},
        },
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--layout", action="store_true", help="also lay the HTML out in headless Chromium")
    parser.add_argument("--no-grouping", action="store_true", help="skip grouping the whole BBC set (about 30 s)")
    args = parser.parse_args()
    result = evaluate(args.shared, sample=args.sample, layout=args.layout, grouping=not args.no_grouping)
    print(json.dumps(result, indent=2))
