"""The Python API takes text or a path explicitly; a missing file is an InputError, never text or an OSError."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

import summarizer
from summarizer import InputError, Summarizer, SummarizerError
from summarizer.api import looks_like_path
from tests.conftest import ARTICLES, article

TEXT = article("valdoria-border.txt")
ONE_LINE = " ".join(TEXT.split())  # a one-line article far over 255 characters


def extractive() -> Summarizer:
    return Summarizer(engine="extractive")


@pytest.mark.parametrize("name", ["does-not-exist.txt", "article.txt", "news/today", "~/no/such/article.md"])
def test_missing_file_named_by_a_string_is_an_input_error(name: str) -> None:
    with pytest.raises(InputError) as raised:
        extractive().summarize(name)
    assert "no such file" in str(raised.value) and "text=" in str(raised.value)
    assert isinstance(raised.value, SummarizerError)


def test_module_level_summarize_raises_the_same() -> None:
    with pytest.raises(InputError, match="no such file"):
        summarizer.summarize("article.txt", engine="extractive")
    with pytest.raises(InputError, match="no such file"):
        asyncio.run(summarizer.asummarize("article.txt", engine="extractive"))


def test_async_method_raises_the_same() -> None:
    async def run() -> None:
        async with Summarizer(engine="extractive") as s:
            await s.asummarize("does-not-exist.txt")

    with pytest.raises(InputError, match="no such file"):
        asyncio.run(run())


def test_long_one_line_text_is_text_not_a_path() -> None:
    assert len(ONE_LINE) > 255
    record = extractive().summarize(ONE_LINE)
    assert record.source_path is None and "Valdoria" in record.summary.summary
    again = summarizer.summarize(ONE_LINE, engine="extractive")
    assert again.summary == record.summary
    assert asyncio.run(summarizer.asummarize(ONE_LINE, engine="extractive")).summary == record.summary


def test_overlong_path_like_string_is_an_input_error_not_an_oserror() -> None:
    name = "a" * 300 + ".txt"
    with pytest.raises(InputError, match="text="):
        extractive().summarize(name)
    with pytest.raises(InputError):
        extractive().summarize(path=name)


def test_text_keyword_is_always_text() -> None:
    # read as the text it is (one word, so no article), never as a file that is missing
    with pytest.raises(InputError, match=r"holds a single word \('does-not-exist.txt'\), no sentence"):
        extractive().summarize(text="does-not-exist.txt")
    record = extractive().summarize(text="does-not-exist.txt was named")
    assert record.summary.summary == "does-not-exist.txt was named" and record.source_path is None


def test_path_keyword_and_path_objects_read_files(tmp_path: Path) -> None:
    file = tmp_path / "story.txt"
    file.write_text(TEXT, encoding="utf-8")
    by_keyword = extractive().summarize(path=file)
    by_string_keyword = extractive().summarize(path=str(file))
    positional = extractive().summarize(file)
    positional_string = extractive().summarize(str(file))
    assert {r.source_path for r in (by_keyword, by_string_keyword, positional, positional_string)} == {str(file)}
    assert by_keyword.summary == extractive().summarize(text=TEXT).summary


def test_missing_path_object_or_keyword_is_an_input_error(tmp_path: Path) -> None:
    for call in (lambda: extractive().summarize(tmp_path / "gone.txt"), lambda: extractive().summarize(path="gone")):
        with pytest.raises(InputError, match="no such file"):
            call()


def test_a_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder"):
        extractive().summarize(path=tmp_path)


@pytest.mark.parametrize("kwargs", [{}, {"text": TEXT, "path": "a.txt"}])
def test_exactly_one_article(kwargs: dict[str, str]) -> None:
    with pytest.raises(InputError, match="exactly one"):
        extractive().summarize(**kwargs)  # type: ignore[arg-type]
    with pytest.raises(InputError, match="exactly one"):
        extractive().summarize(TEXT, text=TEXT)


def test_a_relative_path_string_still_reads_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ARTICLES)
    record = extractive().summarize("valdoria-border.txt")  # the README's summarize("article.txt")
    assert record.source_path == "valdoria-border.txt"


@pytest.mark.parametrize(
    ("value", "is_path"),
    [
        ("article.txt", True),
        ("My Article.HTML", True),
        ("exports/day.jsonl", True),
        ("../shared/seeds/000", True),
        ("~/news/story", True),
        ("Valdoria", False),
        ("Troops moved to the border.", False),
        ("and/or a sentence with spaces", False),
        ("line one\nline two.txt", False),
        ("x" * 2000 + ".txt", False),
        ("", False),
    ],
)
def test_the_path_rule(value: str, is_path: bool) -> None:
    assert looks_like_path(value) is is_path


def test_no_filesystem_probe_for_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Path) -> bool:
        raise OSError(36, "File name too long")

    monkeypatch.setattr(Path, "is_file", refuse)
    record = extractive().summarize("Valdoria said on Tuesday that the troops would stay for the winter.")
    assert record.summary.summary.startswith("Valdoria said")
