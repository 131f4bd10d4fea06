"""What one LLM request costs the client: the first try, one normalisation, a cheaper verifier off the loop."""

from __future__ import annotations

import asyncio
import pickle
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx2
import instructor
import pytest
from instructor.core import InstructorRetryException

from summarizer import ArticleSummary, Summarizer, SummaryResponse, api, quotes
from summarizer.extractive import figures
from summarizer.extractive.verifier import verify
from summarizer.llm.providers import _prepared
from tests.conftest import Recorder, answer_response, article, valdoria_answer

TEXT = article("valdoria-border.txt")


def summary_of(answer: dict[str, Any]) -> ArticleSummary:
    return ArticleSummary.from_response(SummaryResponse.model_validate(answer))


def test_a_valid_first_answer_skips_instructors_per_call_setup(
    make_summarizer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    patched: list[Any] = []
    real = instructor.patch
    monkeypatch.setattr(instructor, "patch", lambda *a, **k: patched.append(k) or real(*a, **k))
    rec = Recorder(answer_response(valdoria_answer()))
    record = make_summarizer(rec).summarize(TEXT)
    assert record.attempts.requests == 1 and record.summary.key_figures[0].quantity == "about 4,000"
    assert patched == []


def test_an_invalid_first_answer_goes_to_instructors_loop_without_a_second_send(
    make_summarizer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    patched: list[Any] = []
    real = instructor.patch
    monkeypatch.setattr(instructor, "patch", lambda *a, **k: patched.append(k) or real(*a, **k))
    bad = valdoria_answer(summary=" ")
    rec = Recorder(answer_response(bad), answer_response(valdoria_answer()))
    record = make_summarizer(rec).summarize(TEXT)
    assert len(patched) == 1 and len(rec.requests) == 2
    assert record.attempts.requests == 2 and record.attempts.reasks == 1
    first, second = rec.bodies()
    assert second["messages"][: len(first["messages"])] == first["messages"]
    assert "summary is empty" in second["messages"][-1]["content"]


def test_the_first_try_sends_what_instructor_would_send() -> None:
    from summarizer.llm import first_try

    seen: list[dict[str, Any]] = []

    class Stop(Exception):
        pass

    def create(**kwargs: Any) -> Any:
        seen.append(kwargs)
        raise Stop

    request = {
        "response_model": _prepared(SummaryResponse),
        "messages": [{"role": "system", "content": "rules"}, {"role": "user", "content": "{{ x }} article"}],
        "model": "m",
        "max_retries": 2,
        "temperature": 0.0,
        "max_tokens": 100,
        "seed": 7,
    }
    with pytest.raises(InstructorRetryException):
        instructor.patch(create=create, mode=instructor.Mode.JSON_SCHEMA)(**dict(request))
    theirs = {k: v for k, v in seen[0].items() if k != "response_format"}
    assert first_try._first_kwargs(request) == theirs


def test_the_article_is_normalised_once_per_request(make_summarizer: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    text = TEXT.replace("Kestria", "Kestr\u00eda", 1)  # not ASCII
    answer = valdoria_answer()
    calls: list[str] = []
    real = quotes.normalize
    monkeypatch.setattr(quotes, "normalize", lambda t: calls.append(t) or real(t))
    built: list[str] = []
    init = quotes.ArticleIndex.__init__

    def counted(self: quotes.ArticleIndex, article_text: str) -> None:
        built.append(article_text)
        init(self, article_text)

    monkeypatch.setattr(quotes.ArticleIndex, "__init__", counted)
    record = make_summarizer(Recorder(answer_response(answer)), verify=False).summarize(text)
    assert record.grounding.dropped == [] and len(record.spans) == record.grounding.checked
    # the index's fold is the one normalisation: no whole-article normalize() beside it
    assert len(built) == 1
    assert [t for t in calls if len(t) > 500] == []


def test_verify_reads_attributions_only_for_missed_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []
    real = figures.Attributions

    def counted(text: str, sentences: Any) -> Any:
        built.append(len(text))
        return real(text, sentences)

    monkeypatch.setattr(figures, "Attributions", counted)
    full = valdoria_answer()
    every = verify(summary_of(full), TEXT)  # the engine's figures the model missed need their claimant
    assert every.missed_figures and len(built) == 1
    built.clear()
    # an answer that gives every number the text states leaves nothing to read
    numbers = [f.quantity for f in every.missed_figures]
    for quantity in numbers:
        figure = next(f for f in every.missed_figures if f.quantity == quantity)
        full["key_figures"].append(figure.model_dump(mode="json"))
    none_missed = verify(summary_of(full), TEXT)
    assert none_missed.missed_figures == [] and built == []


def test_verify_is_picklable_for_a_worker_process() -> None:
    summary = summary_of(valdoria_answer())
    function, args = pickle.loads(pickle.dumps((verify, (summary, TEXT))))
    assert function(*args) == verify(summary, TEXT)


@pytest.mark.parametrize("where", ["executor", "thread"])
def test_asummarize_runs_the_verifier_off_the_event_loop(where: str, monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[int] = []

    def recorded(summary: ArticleSummary, text: str) -> Any:
        threads.append(threading.get_ident())
        return verify(summary, text)

    monkeypatch.setattr(api, "verify", recorded)
    executor = ThreadPoolExecutor(max_workers=1)
    transport = httpx2.MockTransport(Recorder(answer_response(valdoria_answer())))

    async def run() -> Any:
        async with Summarizer(
            model="test-model",
            async_http_client=httpx2.AsyncClient(transport=transport),
            checks_executor=executor if where == "executor" else "thread",
        ) as s:
            return await s.asummarize(TEXT)

    with executor:
        record = asyncio.run(run())
    assert record.checks == verify(record.summary, TEXT)
    assert len(threads) == 1 and threads[0] != threading.get_ident()


def test_the_index_is_exact_exactly_when_its_text_is_the_rules() -> None:
    import random

    pieces = ["a", "B", " ", "\n", "`", "e\u0301", "\u00e9", "\u1100", "\u1161", "\u11a8", "\uac00", "\u0301"]
    pieces += ["\ufb01", "\u00bd", "\u2014", "\u201c", "\u00a0", "\u0130", "\u00df", "\u0bc6", "\u0bbe", "\u304b"]
    pieces += ["\u3099", "\u212b", "\uff21", "\u0345", "\u0308", "\u0b47", "\u0b3e"]
    rng = random.Random(13)
    inexact = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        index = quotes.ArticleIndex(text)
        assert index.exact == (index.normalized == quotes.normalize(text)), repr(text)
        inexact += not index.exact
    assert inexact > 0  # the jamo and the Tamil/Oriya vowel signs compose across clusters
