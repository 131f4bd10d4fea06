"""The run-wide breaker: a dead server or a refused key stops a run at once, every article accounted for."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import ssl
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx2
import pytest

from summarizer import ProviderError, Summarizer
from summarizer.batch import run_batch
from summarizer.errors import AccessDenied, RunStopped, ServiceUnreachable
from summarizer.llm.retrying import Breaker
from tests.conftest import Recorder, answer_response, article, valdoria_answer

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])  # closed local ports only

TEXT = article("valdoria-border.txt")
PLACES = ["Valdoria", "Kestria", "Orlen", "Marvost", "Tessaly", "Dunmore", "Averin", "Corvel"]


def closed_port() -> int:
    """A local port nothing listens on: bound by us, then released."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fictional_articles(folder: Path, count: int) -> Path:
    """Write ``count`` short, distinct articles about invented places."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        a, b = PLACES[i % len(PLACES)], PLACES[(i * 3 + 1) % len(PLACES)]
        (folder / f"report-{i:03d}.txt").write_text(
            f"{a} moved about {100 + i} soldiers toward its border with {b} on Tuesday, "
            f"officials in {a} said.\n\n{b} called the move a provocation; talks are planned for day {i % 28 + 1}.\n",
            encoding="utf-8",
        )
    return folder


def refused(request: httpx2.Request) -> httpx2.Response:
    """A transport whose connections are refused, like a closed port."""
    raise httpx2.ConnectError("[Errno 111] Connection refused") from ConnectionRefusedError(111, "Connection refused")


def test_breaker_stops_after_threshold_failures_in_a_row() -> None:
    breaker = Breaker(3)
    breaker.unreachable("the server is gone")
    breaker.unreachable("the server is gone")
    breaker.answered()  # any answer resets the count
    breaker.unreachable("the server is gone")
    breaker.unreachable("the server is gone")
    breaker.check()
    assert not breaker.stopped
    breaker.unreachable("the server is gone")
    assert breaker.stopped
    with pytest.raises(ServiceUnreachable, match=r"^not attempted: the server is gone$") as info:
        breaker.check()
    assert info.value.attempts == 0 and isinstance(info.value, ProviderError)
    with pytest.raises(ServiceUnreachable, match=r"^stopped after 2 attempts: the server is gone$"):
        breaker.check(2)


def test_breaker_denial_stops_at_once_and_zero_threshold_never_stops() -> None:
    breaker = Breaker(3)
    breaker.deny("the key was refused")
    with pytest.raises(AccessDenied, match="not attempted: the key was refused"):
        breaker.check()
    never = Breaker(0)
    for _ in range(50):
        never.unreachable("gone")
    never.check()


class Collect(logging.Handler):
    """Keep the messages a logger emits."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def test_breaker_opens_once_under_many_threads() -> None:
    breaker = Breaker(3)
    collect = Collect()
    logger = logging.getLogger("summarizer.retry")
    logger.addHandler(collect)

    def hit(_: int) -> None:
        breaker.unreachable("gone")
        with contextlib.suppress(ServiceUnreachable):
            breaker.check()

    try:
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(hit, range(400)))
    finally:
        logger.removeHandler(collect)
    assert breaker.stopped and collect.messages == ["stopped asking the server: gone"]


def test_breaker_says_nothing_until_a_request_is_held_back() -> None:
    breaker = Breaker(1)
    collect = Collect()
    logger = logging.getLogger("summarizer.retry")
    logger.addHandler(collect)
    try:
        breaker.deny("the key was refused")
        assert collect.messages == []  # the request that showed it reports its own error
        with pytest.raises(AccessDenied):
            breaker.check()
    finally:
        logger.removeHandler(collect)
    assert collect.messages == ["stopped asking the server: the key was refused"]


def test_a_library_user_sees_no_log_lines_of_ours_or_instructors() -> None:
    code = (
        "from summarizer import Summarizer, SummarizerError\n"
        "try:\n"
        f"    Summarizer(engine='llm', base_url='http://127.0.0.1:{closed_port()}/v1', use_cache=False)"
        ".summarize(text='Valdoria closed its border with Kestria on Monday, officials said.')\n"
        "except SummarizerError as exc:\n"
        "    print(type(exc).__name__)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert run.stdout == "ServiceUnreachable\n" and run.stderr == ""
    configured = "import logging\nlogging.basicConfig(format='%(name)s %(message)s')\n" + code
    run = subprocess.run([sys.executable, "-c", configured], capture_output=True, text=True, timeout=60, check=False)
    assert "instructor" in run.stderr  # who configures logging sees everything


def test_single_summarize_against_a_closed_port_fails_in_seconds() -> None:
    started = time.perf_counter()
    with (
        Summarizer(engine="llm", base_url=f"http://127.0.0.1:{closed_port()}/v1", use_cache=False) as summarizer,
        pytest.raises(ServiceUnreachable) as info,
    ):
        summarizer.summarize(TEXT)
    elapsed = time.perf_counter() - started
    assert elapsed < 5, elapsed
    assert str(info.value) == (
        f"could not reach {summarizer.settings.base_url} (connection refused) after 2 attempts; "
        "check that the server is running and that --base-url/OPENAI_BASE_URL points at it"
    )
    assert info.value.attempts == 2


def test_batch_of_200_against_a_closed_port_fails_fast_and_accounts_for_every_article(tmp_path: Path) -> None:
    folder = fictional_articles(tmp_path / "articles", 200)
    out = tmp_path / "out.jsonl"
    started = time.perf_counter()
    url = f"http://127.0.0.1:{closed_port()}/v1"
    report = run_batch(folder, out=out, engine="llm", base_url=url, use_cache=False, concurrency=8)
    elapsed = time.perf_counter() - started
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert elapsed < 10, elapsed
    assert len(rows) == len({r["article_id"] for r in rows}) == 200 == report.found == report.failed
    assert {r["source_path"] for r in rows} == {p.name for p in folder.iterdir()}
    kinds = Counter(r["error_type"] for r in rows)
    not_attempted = [r for r in rows if r["error"].startswith("not attempted: ")]
    assert len(not_attempted) >= 200 - 2 * 8 and kinds == {"ServiceUnreachable": 200}
    assert all(r["attempts"] == 0 for r in not_attempted)
    # one cause, two short wordings: the articles tried, with the advice, and the rest
    said = {r["error"] for r in not_attempted}
    assert said == {f"not attempted: {url} could not be reached (connection refused, 3 times in a row)"}
    tried = {r["error"] for r in rows if r["attempts"]}
    assert tried and tried <= {
        f"could not reach {url} (connection refused) after {n}; check that the server is running and that "
        "--base-url/OPENAI_BASE_URL points at it"
        for n in ("1 attempt", "2 attempts")
    }
    assert all(len(r["error"].replace(url, "<url>")) <= 160 for r in rows)
    assert sum(r["attempts"] for r in rows) <= 2 * 8  # no article past the first wave was sent


def _batch_against(handler: Any, tmp_path: Path, **settings: Any) -> tuple[Any, list[dict[str, Any]]]:
    """20 fictional articles batched one at a time against a mock server: the report and the rows written."""
    folder = fictional_articles(tmp_path / "articles", 20)

    async def no_wait(seconds: float) -> None:
        pass

    summarizer = Summarizer(
        model="test-model",
        use_cache=False,
        async_http_client=httpx2.AsyncClient(transport=httpx2.MockTransport(handler)),
        async_sleep=no_wait,
        **settings,
    )
    report = run_batch(folder, out=tmp_path / "out.jsonl", concurrency=1, summarizer=summarizer)
    asyncio.run(summarizer.aclose())
    return report, [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]


def test_401_on_the_first_request_stops_the_batch(tmp_path: Path) -> None:
    rec = Recorder(httpx2.Response(401, json={"error": {"message": "Incorrect API key"}}))
    report, rows = _batch_against(rec, tmp_path)
    assert len(rec.requests) == 1 and report.failed == 20
    assert Counter(r["error_type"] for r in rows) == {"AccessDenied": 20}
    first, *rest = sorted(rows, key=lambda r: -r["attempts"])
    assert first["error"] == "the server rejected the API key (401); check OPENAI_API_KEY or SUMMARIZER_API_KEY"
    assert {r["error"] for r in rest} == {"not attempted: https://api.openai.com/v1 rejected the API key (401)"}


def test_a_single_401_is_just_its_error(make_summarizer: Any) -> None:
    rec = Recorder(httpx2.Response(401, json={"error": {"message": "Incorrect API key"}}))
    summarizer = make_summarizer(rec)
    collect = Collect()
    logger = logging.getLogger("summarizer")
    logger.addHandler(collect)
    try:
        with pytest.raises(AccessDenied, match=r"^the server rejected the API key \(401\); check") as info:
            summarizer.summarize(TEXT)
        assert info.value.attempts == 1 and collect.messages == []
        with pytest.raises(AccessDenied, match=r"^not attempted: .* rejected the API key \(401\)$") as later:
            summarizer.summarize(TEXT + "\n\nUpdate.")
    finally:
        logger.removeHandler(collect)
    assert later.value.attempts == 0 and len(rec.requests) == 1
    assert collect.messages == ["stopped asking the server: https://api.openai.com/v1 rejected the API key (401)"]


def test_breaker_is_shared_by_threads_of_one_summarizer(no_sleep: list[float]) -> None:
    calls = 0
    lock = threading.Lock()

    def count_refused(request: httpx2.Request) -> httpx2.Response:
        nonlocal calls
        with lock:
            calls += 1
        return refused(request)

    with Summarizer(
        model="test-model",
        use_cache=False,
        http_client=httpx2.Client(transport=httpx2.MockTransport(count_refused)),
        sleep=no_sleep.append,
    ) as summarizer:

        def one(i: int) -> BaseException | None:
            try:
                summarizer.summarize(f"{TEXT}\n\nUpdate {i}.")
            except ProviderError as exc:
                return exc
            return None

        with ThreadPoolExecutor(4) as pool:
            errors = list(pool.map(one, range(40)))
    assert all(isinstance(e, ServiceUnreachable) for e in errors)  # from the first article on
    assert sum(isinstance(e, RunStopped) and e.attempts == 0 for e in errors) >= 40 - 4
    assert calls <= 2 * 4


def test_5xx_keeps_its_backoff_and_does_not_stop_the_run(make_summarizer: Any, no_sleep: list[float]) -> None:
    rec = Recorder(*[httpx2.Response(503, json={"error": {"message": "busy"}}) for _ in range(5)])
    rec.responses.append(answer_response(valdoria_answer()))
    summarizer = make_summarizer(rec)
    with pytest.raises(ProviderError, match="after 5 attempt"):
        summarizer.summarize(TEXT)
    assert len(no_sleep) == 4 and no_sleep[-1] > no_sleep[0]  # exponential back-off, not the quick connect retry
    assert summarizer.summarize(TEXT).attempts.requests == 1  # the server answered: the run goes on


@pytest.mark.parametrize(
    ("cause", "said", "attempts"),
    [
        (ConnectionRefusedError(111, "Connection refused"), "connection refused", 2),
        (socket.gaierror(-2, "Name or service not known"), "host name not found", 2),
        (ssl.SSLCertVerificationError("certificate verify failed"), "TLS certificate not trusted", 1),
    ],
)
def test_connection_failures_get_quick_bounded_tries(
    make_summarizer: Any, no_sleep: list[float], cause: BaseException, said: str, attempts: int
) -> None:
    def fail(request: httpx2.Request) -> httpx2.Response:
        raise httpx2.ConnectError(str(cause)) from cause

    summarizer = make_summarizer(fail)  # a transport function in place of a scripted Recorder
    with pytest.raises(ServiceUnreachable, match=f"^could not reach .* \\({said}\\) after {attempts} attempts?; check"):
        summarizer.summarize(TEXT)
    assert no_sleep == [1.0] * (attempts - 1)


def test_a_server_that_hangs_stops_the_batch_after_threshold_articles_go_unanswered(tmp_path: Path) -> None:
    sent = 0

    def hangs(request: httpx2.Request) -> httpx2.Response:  # accepts the connection, never answers in time
        nonlocal sent
        sent += 1
        raise httpx2.ReadTimeout("timed out")

    report, rows = _batch_against(hangs, tmp_path, timeout=7)
    # Every article was tried 5 times: 100 requests, and with --timeout 120 about 6 minutes an article.
    assert sent == 3 * 5 and report.failed == 20
    tried = [r for r in rows if r["attempts"]]
    assert [r["error_type"] for r in tried] == ["ProviderError"] * 3
    assert Counter((r["error_type"], r["error"]) for r in rows if not r["attempts"]) == {
        (
            "ServiceUnreachable",
            "not attempted: https://api.openai.com/v1 answered no request within the timeout (7 s) for 3 articles "
            "in a row; check the server, or raise timeout / --timeout",
        ): 17
    }


def test_any_answer_resets_the_count_of_unanswered_articles() -> None:
    breaker = Breaker(3)
    for _ in range(5):
        breaker.unanswered("hung")
        breaker.unanswered("hung")
        breaker.answered()  # a slow server that still answers now and then keeps the run going
    assert not breaker.stopped
    breaker.unanswered("hung")
    breaker.unanswered("hung")
    breaker.unanswered("hung")
    with pytest.raises(ServiceUnreachable, match=r"^not attempted: hung$"):
        breaker.check()


WEB_PAGE_501 = (  # what `python -m http.server` answers a POST: a web server at --base-url, not an LLM API
    '<!DOCTYPE HTML>\n<html lang="en"><head><title>Error response</title></head><body><h1>Error response</h1>'
    "<p>Error code: 501</p><p>Message: Unsupported method ('POST').</p></body></html>\n"
)


def test_an_address_that_takes_no_chat_requests_stops_the_batch_at_once(tmp_path: Path) -> None:
    rec = Recorder(*[httpx2.Response(501, text=WEB_PAGE_501, headers={"content-type": "text/html"})] * 100)
    report, rows = _batch_against(rec, tmp_path, base_url="http://127.0.0.1:8000/v1")
    # Every article was tried 5 times (100 requests), each error the raw HTML page.
    assert len(rec.requests) == 1 and report.failed == 20
    first, *rest = sorted(rows, key=lambda r: -r["attempts"])
    assert first["error"] == (
        "http://127.0.0.1:8000/v1 takes no chat requests (HTTP 501: Error response Error response Error code: 501 "
        "Message: Unsupported method ('POST').); check --base-url: an OpenAI-compatible server's address, usually "
        "ending in /v1, and --provider"
    )
    assert {r["error"] for r in rest} == {"not attempted: http://127.0.0.1:8000/v1 takes no chat requests (HTTP 501)"}
