"""Page boilerplate removal, on real saved pages from ../shared and clean articles."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from summarizer.ingest.boilerplate import clean_page_text
from tests.conftest import SHARED

SEEDS = SHARED / "seeds"
BBC = SHARED / "corpus" / "bbc-news"
ARTICLES = Path(__file__).resolve().parent / "articles"
ROOT = Path(__file__).resolve().parent.parent


def seed(n: int) -> str:
    return next(SEEDS.glob(f"{n:03d}_*.txt")).read_text(encoding="utf-8")


def paragraphs(text: str, min_words: int = 25) -> list[str]:
    """The long lines of a text: its article paragraphs."""
    return [line for line in text.split("\n") if len(line.split()) >= min_words]


def is_subsequence(short: list[str], long: list[str]) -> bool:
    remaining = iter(long)
    return all(any(item == other for other in remaining) for item in short)


def test_seed_001_social_links_and_counter_go_paragraphs_stay_verbatim() -> None:
    text = seed(1)
    lines = clean_page_text(text).split("\n")
    for social in ("twitter", "youtube", "instagram", "facebook", "telegram"):
        assert social in text.split("\n")[:10]
        assert social not in lines
    assert not any(line.startswith("Views:") for line in lines)
    assert not any(line.startswith("share-line") for line in lines)
    body = paragraphs(text)
    assert len(body) >= 8
    assert all(paragraph in lines for paragraph in body)
    assert "Is Belarus preparing to invade Ukraine?" in lines


def test_seed_000_trends_block_goes_body_stays() -> None:
    text = seed(0)
    out = clean_page_text(text)
    lines = out.split("\n")
    trends = text.index("\nTrends\n")
    assert "Trends" not in lines
    assert "Latest" not in lines
    assert "2024-11-02T" not in out
    for paragraph in paragraphs(text[:trends]):
        assert paragraph in lines
    for teaser in paragraphs(text[trends:], min_words=15):
        assert teaser not in lines
    assert "Belarus Mobilizes Troops to Ukrainian Border as Russia Claims Key Town in Donbass" in lines


def test_seed_004_similar_news_block_goes() -> None:
    text = seed(4)
    out = clean_page_text(text)
    similar = text.index("Similar News")
    body = paragraphs(text[:similar])
    assert "Similar News" not in out
    assert "\u00bb" not in out
    assert out.split("\n") == body


def test_seed_003_same_layout_as_000() -> None:
    text = seed(3)
    out = clean_page_text(text)
    assert "Trends" not in out.split("\n")
    assert "2024-11-14T" not in out
    assert all(p in out.split("\n") for p in paragraphs(text[: text.index("\nTrends\n")]))


def test_nearly_clean_seed_002_keeps_its_article() -> None:
    text = seed(2)
    out = clean_page_text(text)
    assert all(p in out.split("\n") for p in paragraphs(text))
    assert len(out) >= 0.95 * len(text)


@pytest.mark.parametrize("n", range(5))
def test_output_is_a_subsequence_of_input_lines(n: int) -> None:
    text = seed(n)
    assert is_subsequence(clean_page_text(text).split("\n"), text.split("\n"))


def test_clean_articles_come_back_essentially_unchanged() -> None:
    files = sorted(BBC.glob("*/*.txt")) + sorted(ARTICLES.glob("*.txt"))
    assert len(files) > 2000
    losses = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        out = clean_page_text(text)
        assert is_subsequence(out.split("\n"), text.split("\n")), path
        if len(out) < 0.98 * len(text):
            losses.append((path.name, round(len(out) / len(text), 3)))
    assert not losses


def test_one_paragraph_is_kept() -> None:
    paragraph = (
        "The ministry said on Tuesday that about 4,000 soldiers had moved to the border, "
        "calling the deployment a routine winter exercise."
    )
    assert clean_page_text(paragraph) == paragraph
    assert clean_page_text("Breaking news") == "Breaking news"
    # Even among furniture, the paragraph is what remains.
    page = "\n".join(["Home", "World", "Sign in", "Subscribe", paragraph, "Share on Facebook", "\u00a9 2024 Example"])
    assert clean_page_text(page) == paragraph


def test_related_box_inside_and_comments_after_the_article_go() -> None:
    para = [
        "Negotiators from both countries met again on Monday after a week in which the talks had stalled.",
        "The mediators said the two delegations had agreed on an agenda for the rest of the month.",
        "A draft text circulated among diplomats would pull heavy weapons back from the border area.",
        "Officials on one side said any deal would need approval from parliament before it took effect.",
        "Opposition leaders have already said they would vote against a deal that leaves troops in place.",
        "The next round is due to start in a fortnight, according to a statement from the mediators.",
    ]
    page = [
        "Home",
        "World",
        "Sign in",
        "Talks resume after a week of delays",
        *para[:3],
        "Related",
        "Ministers meet in the capital",
        "What the deal would change",
        *para[3:],
        "Share this:",
        "Facebook",
        "4 comments",
        "reader_one says:",
        "Nobody believes these people will ever agree on anything at all, to be honest.",
        "reader_two says:",
        "The last deal fell apart within a month and I expect this one to do the same.",
    ]
    out = clean_page_text("\n".join(page)).split("\n")
    assert out == ["Talks resume after a week of delays", *para]


def test_empty_and_blank_text() -> None:
    assert clean_page_text("") == ""
    assert clean_page_text("\n\n") == "\n\n"


def test_deterministic() -> None:
    text = seed(0)
    assert clean_page_text(text) == clean_page_text(text)


def _eval_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_extraction", ROOT / "benchmarks" / "eval_extraction.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_benchmark_page_text_f1() -> None:
    result = _eval_module().page_text(SHARED, two_fold=False)
    assert result["all_pages"]["pages"] == 91
    assert result["empty_outputs"] == 0
    assert result["all_pages"]["f1"] >= 0.90, result["all_pages"]


def test_shared_folder_is_where_the_tests_expect_it() -> None:
    assert SEEDS.is_dir() and BBC.is_dir(), "tests read ../shared beside the checkout"
