"""The record cache: hits make no request, bad entries are misses, keys cover what matters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import diskcache
import pytest

from summarizer import CacheWarning
from summarizer.cache import RecordCache, cache_key
from tests.conftest import Recorder, answer_response, article, valdoria_answer

TEXT = article("valdoria-border.txt")


def test_hit_returns_same_record_without_a_request(make_summarizer: Any) -> None:
    first = make_summarizer(Recorder(answer_response(valdoria_answer()))).summarize(TEXT)
    empty = Recorder()  # any request would fail the test
    second = make_summarizer(empty).summarize(TEXT)
    assert empty.requests == []
    assert second.cached and not first.cached
    assert second.model_dump(exclude={"cached"}) == first.model_dump(exclude={"cached"})


def test_same_text_from_a_file_keeps_its_own_provenance(make_summarizer: Any, tmp_path: Path) -> None:
    make_summarizer(Recorder(answer_response(valdoria_answer()))).summarize(TEXT)
    path = tmp_path / "copy.txt"
    path.write_text(TEXT + "\n\n", encoding="utf-8")  # trailing blank lines normalise away
    hit = make_summarizer(Recorder()).summarize(path)
    assert hit.cached and hit.source_path == str(path)


def test_refresh_and_no_cache_ask_again(make_summarizer: Any) -> None:
    make_summarizer(Recorder(answer_response(valdoria_answer()))).summarize(TEXT)
    rec = Recorder(answer_response(valdoria_answer()))
    assert not make_summarizer(rec).summarize(TEXT, refresh=True).cached
    rec = Recorder(answer_response(valdoria_answer()))
    assert not make_summarizer(rec, use_cache=False).summarize(TEXT).cached
    assert len(rec.requests) == 1


def test_model_change_is_a_miss(make_summarizer: Any) -> None:
    make_summarizer(Recorder(answer_response(valdoria_answer())), model="a").summarize(TEXT)
    rec = Recorder(answer_response(valdoria_answer()))
    assert not make_summarizer(rec, model="b").summarize(TEXT).cached


def test_key_depends_on_every_part() -> None:
    base = {
        "provider": "openai",
        "model": "m",
        "prompt_version": "p1",
        "schema_version": "1",
        "sampling": {"temperature": 0.0},
    }
    key = cache_key("text", **base)  # type: ignore[arg-type]
    assert cache_key("text", **base) == key  # type: ignore[arg-type]
    for field, other in [
        ("provider", "ollama"),
        ("model", "n"),
        ("prompt_version", "p2"),
        ("schema_version", "2"),
        ("sampling", {"temperature": 0.5}),
    ]:
        assert cache_key("text", **{**base, field: other}) != key  # type: ignore[arg-type]
    assert cache_key("other text", **base) != key  # type: ignore[arg-type]


def test_corrupt_entry_is_a_miss_with_a_warning(make_summarizer: Any, clean_env: Path) -> None:
    make_summarizer(Recorder(answer_response(valdoria_answer()))).summarize(TEXT)
    with diskcache.Cache(str(clean_env)) as raw:
        keys = [k for k in raw.iterkeys() if not k.endswith(":checks")]  # the record, not its checks stamp
        assert len(keys) == 1
        raw.set(keys[0], '{"article_id": "half a rec')
    rec = Recorder(answer_response(valdoria_answer()))
    with pytest.warns(CacheWarning, match="corrupt"):
        record = make_summarizer(rec).summarize(TEXT)
    assert not record.cached and len(rec.requests) == 1


def test_non_text_entry_is_a_miss(tmp_path: Path) -> None:
    with diskcache.Cache(str(tmp_path / "c")) as raw:
        raw.set("k", 12345)
    cache = RecordCache(tmp_path / "c")
    with pytest.warns(CacheWarning, match="corrupt"):
        assert cache.get("k") is None
    cache.close()


def test_unopenable_directory_warns_and_continues(make_summarizer: Any, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache folder should be")
    rec = Recorder(answer_response(valdoria_answer()))
    with pytest.warns(CacheWarning, match="cannot be opened"):
        record = make_summarizer(rec, cache_dir=blocker).summarize(TEXT)
    assert not record.cached


def test_garbage_database_file_does_not_crash(make_summarizer: Any, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    (folder / "cache.db").write_bytes(b"this is not sqlite" * 100)
    rec = Recorder(answer_response(valdoria_answer()))
    with pytest.warns(CacheWarning):
        record = make_summarizer(rec, cache_dir=folder).summarize(TEXT)
    assert record.summary.summary


def test_a_record_checked_by_older_code_is_checked_again_not_asked_again(
    make_summarizer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import summarizer.api
    import summarizer.extractive as extractive

    first = make_summarizer(Recorder(answer_response(valdoria_answer()))).summarize(TEXT)
    assert not first.cached and first.checks is not None and first.checks.figures
    # an upgrade that changes the verifier (one of the engine's sources, so its version moves)
    monkeypatch.setattr(extractive, "ENGINE_VERSION", "extractive-000000000000")
    verify = summarizer.api.verify
    calls: list[str] = []

    def newer_verify(summary: Any, text: str) -> Any:
        calls.append(text)
        return verify(summary, text).model_copy(update={"figures": []})

    monkeypatch.setattr(summarizer.api, "verify", newer_verify)
    rec = Recorder()
    again = make_summarizer(rec).summarize(TEXT)
    assert rec.requests == [] and again.cached, "the model was asked again for an answer already paid for"
    assert again.checks is not None and again.checks.figures == [], "the older code's checks were served"
    assert again.summary == first.summary and len(calls) == 1
    third = make_summarizer(Recorder()).summarize(TEXT)
    assert third.checks == again.checks and len(calls) == 1  # stored with its new checks: not checked a third time


def test_a_record_a_run_stored_for_an_article_is_not_cached_to_that_run(tmp_path: Path) -> None:
    """Only what a batch run did not compute for that article is ``cached``: an older entry, or a twin's."""
    from summarizer import Summarizer

    with Summarizer(engine="extractive", cache_dir=tmp_path / "cache") as s:
        s.run = "run-1"
        first = s.summarize(TEXT, article_id="a")
        again = s.summarize(TEXT, article_id="a")  # a worker died before sending it: done again from the cache
        twin = s.summarize(TEXT, article_id="b")  # the same text under another name: served, not computed
        s.run = "run-2"
        later = s.summarize(TEXT, article_id="a")
        s.run = None
        outside = s.summarize(TEXT, article_id="a")
    assert [first.cached, again.cached, twin.cached, later.cached, outside.cached] == [False, False, True, True, True]
    assert again == first  # the same record, served from the entry this run stored
