"""Service answers a README walk found lacking: a misspelt field says what is required; docs routes are counted."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi")

import httpx2

from tests.service_process import ServiceProcess

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceProcess]:
    """One server, no key, threads for the extractive engine."""
    yield from ServiceProcess(tmp_path_factory.mktemp("hints"), concurrency="1").running()


@pytest.fixture
def client(api: ServiceProcess) -> Iterator[httpx2.Client]:
    with api.client() as c:
        yield c


@pytest.mark.parametrize("body", [{"txt": "The pier of Velmora reopened."}, {"title": "Velmora pier"}, {}])
def test_an_article_with_neither_text_nor_html_says_one_of_them_is_required(
    client: httpx2.Client, body: dict[str, str]
) -> None:
    answer = client.post("/v1/summaries", json=body)
    assert answer.status_code == 422, answer.text
    problem = answer.json()
    # was: only {"loc": ["txt"], "type": "extra_forbidden"}, nothing saying that text (or html) is needed
    assert "text" in problem["error"] and "html" in problem["error"], problem
    missing = [d for d in problem["details"] if d["type"] == "missing"]
    assert [d["loc"] for d in missing] == [["text"]], problem["details"]
    assert "html" in missing[0]["msg"]
    if "txt" in body:
        assert ["txt"] in [d["loc"] for d in problem["details"] if d["type"] == "extra_forbidden"]
        assert "txt" in problem["error"]


def test_an_article_with_both_text_and_html_still_says_give_one(client: httpx2.Client) -> None:
    answer = client.post("/v1/summaries", json={"text": "The pier reopened.", "html": "<p>The pier reopened.</p>"})
    assert answer.status_code == 422, answer.text
    assert "exactly one of text or html" in answer.text


def _count(text: str, route: str) -> float:
    """The summed requests counted under a route, from the Prometheus text."""
    pattern = re.compile(rf'^summarizer_http_requests_total\{{method="GET",route="{re.escape(route)}",[^}}]*\}} (\S+)$')
    return sum(float(m.group(1)) for m in (pattern.match(line) for line in text.splitlines()) if m)


def _metrics(client: httpx2.Client, route: str, at_least: float) -> str:
    """/metrics once the route's count reaches at_least (a request is counted just after its answer), or at 5 s."""
    deadline = time.monotonic() + 5.0
    text = client.get("/metrics").text
    while _count(text, route) < at_least and time.monotonic() < deadline:
        time.sleep(0.05)
        text = client.get("/metrics").text
    return text


def test_the_api_description_and_its_pages_are_counted_under_their_own_routes(client: httpx2.Client) -> None:
    before = client.get("/metrics").text
    paths = ("/openapi.json", "/docs", "/redoc")
    for path in paths:
        assert client.get(path).status_code == 200
    after = _metrics(client, "/redoc", _count(before, "/redoc") + 1)
    for path in paths:
        assert _count(after, path) == _count(before, path) + 1, path  # /openapi.json was counted as "unmatched"
    assert _count(after, "unmatched") == _count(before, "unmatched")
    asset = re.search(r'src="(/docs/assets/[^"]+)"', client.get("/docs").text)
    assert asset is not None and client.get(asset.group(1)).status_code == 200
    last = _metrics(client, "/docs/assets", _count(after, "/docs/assets") + 1)
    assert _count(last, "/docs/assets") == _count(after, "/docs/assets") + 1  # was "unmatched" too
    assert _count(last, "unmatched") == _count(after, "unmatched")
    client.get("/no/such/page")
    missing = _metrics(client, "unmatched", _count(last, "unmatched") + 1)
    assert _count(missing, "unmatched") == _count(last, "unmatched") + 1  # a page that is not there still is
