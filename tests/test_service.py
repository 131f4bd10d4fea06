"""The HTTP service against a real server process on 127.0.0.1: every endpoint, keys, limits, errors."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

import httpx2

from summarizer import Summarizer
from summarizer.service import hash_key
from tests.chromium import chromium, needs_chromium
from tests.conftest import MARKER_KEY, article
from tests.service_process import ServiceProcess, all_records, variants, wait_done

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

KEY_A = "svc-test-key-a-0123456789abcdef"
KEY_B = "svc-test-key-b-fedcba9876543210"
HTML = (
    "<html><head><title>Orlen talks resume</title></head><body><article><h1>Orlen talks resume</h1>"
    "<p>Negotiators from Orlen and Kestria met again on Tuesday in the border town of Varn, officials said.</p>"
    "<p>The Kestrian delegation said about 300 prisoners could be exchanged within a week if the ceasefire holds.</p>"
    "<p>Orlen's foreign ministry said the talks were constructive but that no agreement had been signed.</p>"
    "</article></body></html>"
)


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceProcess]:
    """One server with two keys (one given as its stored hash) and small size limits."""
    yield from ServiceProcess(
        tmp_path_factory.mktemp("service"),
        api_keys=f"{KEY_A},sha256:{hash_key(KEY_B)}",
        max_article_bytes="20000",
        max_body_bytes="300000",
        concurrency="2",
        workers="1",
    ).running()


@pytest.fixture
def client(api: ServiceProcess) -> Iterator[httpx2.Client]:
    with api.client(KEY_A) as c:
        yield c


def test_probes_docs_and_schema_need_no_key(api: ServiceProcess) -> None:
    with api.client() as anonymous:
        assert anonymous.get("/healthz").json() == {"status": "ok"}
        assert anonymous.get("/readyz").status_code == 200
        paths = anonymous.get("/openapi.json").json()["paths"]
        assert {"/v1/summaries", "/v1/batches", "/v1/batches/{job_id}", "/v1/digests", "/metrics"} <= set(paths)
        assert "swagger" in anonymous.get("/docs").text.lower()


_ASSET = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']|url\(\s*["']?([^"')\s]+)""")


def _page_assets(page: str) -> list[str]:
    """Every script, style sheet, icon and font a page names (src=, href=, url())."""
    return [a or b for a, b in _ASSET.findall(page)]


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_pages_load_everything_from_this_server(api: ServiceProcess, page: str) -> None:
    with api.client() as anonymous:  # a browser sends no key for the page or what it loads
        html = anonymous.get(page).text
        assets = _page_assets(html)
        assert len(assets) >= 2, html
        for asset in assets:
            assert asset.startswith("/docs/assets/"), f"{page} loads {asset} from elsewhere"
            got = anonymous.get(asset)
            assert got.status_code == 200 and len(got.content) > 1_000, asset


@needs_chromium
def test_swagger_ui_renders_every_operation_offline(api: ServiceProcess, tmp_path: Path) -> None:
    offline = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"  # no host but this server's
    profile = f"--user-data-dir={tmp_path / 'profile'}"
    dom = chromium(offline, profile, "--virtual-time-budget=10000", "--dump-dom", api.base + "/docs")
    assert 'class="swagger-ui' in dom.stdout
    for path in ("/v1/summaries", "/v1/batches", "/v1/digests"):
        assert f'data-path="{path}"' in dom.stdout, f"Swagger UI did not render {path}"


def test_keys_none_wrong_right(api: ServiceProcess) -> None:
    body = {"text": article("valdoria-border.txt")}
    with api.client() as none, api.client("not-a-key") as wrong, api.client(KEY_B) as hashed:
        missing = none.post("/v1/summaries", json=body)
        assert missing.status_code == 401 and missing.headers["WWW-Authenticate"] == "Bearer"
        assert none.get("/metrics").status_code == 401
        refused = wrong.post("/v1/summaries", json=body)
        assert refused.status_code == 401 and "not-a-key" not in refused.text
        assert hashed.post("/v1/summaries", json=body).status_code == 200  # the key stored only as its hash
    assert "not-a-key" not in api.log_text() and KEY_A not in api.log_text()


def test_one_article_as_json_text_and_html_matches_the_python_api(client: httpx2.Client, tmp_path: Path) -> None:
    text = article("valdoria-border.txt")
    meta = {"title": "Troops near the border", "date": "2026-03-02", "url": "https://example.org/valdoria"}
    response = client.post("/v1/summaries", json={"text": text, **meta})
    assert response.status_code == 200, response.text
    record = response.json()
    assert record["status"] == "ok" and record["engine"] == "extractive"
    assert (record["title"], record["published"], record["url"]) == (meta["title"], meta["date"], meta["url"])
    with Summarizer(engine="extractive", cache_dir=tmp_path) as local:
        same = local.summarize(text=text)
    assert record["summary"] == json.loads(same.summary.model_dump_json())
    assert record["article_id"] == same.article_id

    plain = client.post("/v1/summaries", content=text.encode(), headers={"Content-Type": "text/plain; charset=utf-8"})
    assert plain.status_code == 200 and plain.json()["summary"] == record["summary"]
    page = client.post("/v1/summaries", content=HTML, headers={"Content-Type": "text/html"})
    assert page.status_code == 200, page.text
    assert page.json()["ingest"]["format"] == "html" and "<p>" not in page.json()["article_text"]
    assert client.post("/v1/summaries", json={"html": HTML}).json()["article_text"] == page.json()["article_text"]


def test_engine_and_refresh_parameters(client: httpx2.Client) -> None:
    body = {"text": article("orlen-ceasefire.txt")}
    first = client.post("/v1/summaries", params={"engine": "extractive"}, json=body).json()
    again = client.post("/v1/summaries", json=body).json()
    fresh = client.post("/v1/summaries", params={"refresh": "true"}, json=body).json()
    assert again["cached"] is True and fresh["cached"] is False and first["summary"] == fresh["summary"]
    llm = client.post("/v1/summaries", params={"engine": "llm"}, json=body)
    assert llm.status_code == 400 and "ConfigError" in llm.json()["error"]  # no LLM configured on this server
    assert client.post("/v1/summaries", params={"engine": "gpt"}, json=body).status_code == 422


def test_limits_and_content_types(client: httpx2.Client) -> None:
    huge = "Valdoria said the talks went on. " * 1000  # 33,000 bytes: over the 20,000 per article
    assert client.post("/v1/summaries", json={"text": huge}).status_code == 413
    assert client.post("/v1/summaries", content=huge, headers={"Content-Type": "text/plain"}).status_code == 413
    body = client.post("/v1/summaries", content=b"x" * 400_000, headers={"Content-Type": "text/plain"})
    assert body.status_code == 413  # over the 300,000-byte body limit, refused before it is read

    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b"y" * 10_000

    chunked = client.post("/v1/summaries", content=chunks(), headers={"Content-Type": "text/plain"})
    assert chunked.status_code == 413  # no Content-Length: counted as it comes
    xml = client.post("/v1/summaries", content=b"<a/>", headers={"Content-Type": "application/xml"})
    assert xml.status_code == 415 and "text/plain" in xml.json()["error"]
    form = client.post("/v1/batches", content=b"a=b", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert form.status_code == 415


def test_validation_errors_never_echo_the_input(client: httpx2.Client) -> None:
    both = client.post("/v1/summaries", json={"text": "a", "html": "b", "api_key": MARKER_KEY})
    assert both.status_code == 422
    assert MARKER_KEY not in both.text and {d["loc"][0] for d in both.json()["details"]} >= {"api_key"}
    bad_query = client.post("/v1/summaries", params={"refresh": MARKER_KEY}, json={"text": "a"})
    assert bad_query.status_code == 422 and MARKER_KEY not in bad_query.text
    empty = client.post("/v1/summaries", content=b"   \n ", headers={"Content-Type": "text/plain"})
    assert empty.status_code == 422 and "InputError" in empty.json()["error"]
    one = client.post("/v1/summaries", content=b"x", headers={"Content-Type": "text/plain"})
    assert one.status_code == 422 and "holds a single word ('x'), no sentence" in one.json()["error"]  # was 200
    assert (
        client.post("/v1/summaries", content=b"{not json", headers={"Content-Type": "application/json"}).status_code
        == 400
    )


def test_request_id_is_echoed_and_logged(api: ServiceProcess, client: httpx2.Client) -> None:
    response = client.get("/v1/batches/nope", headers={"X-Request-ID": "trace-42"})
    assert response.status_code == 404 and response.headers["X-Request-ID"] == "trace-42"
    assert response.json()["request_id"] == "trace-42"
    assert len(client.get("/healthz").headers["X-Request-ID"]) == 32
    lines = [json.loads(line) for line in api.log_text().splitlines() if line.startswith("{")]
    assert any(entry.get("request_id") == "trace-42" and entry.get("status") == 404 for entry in lines)


def test_batch_jsonl_status_records_with_cursor_and_digest(client: httpx2.Client) -> None:
    texts = variants(7)
    lines = [json.dumps({"text": t, "title": f"Dispatch {i}"}) for i, t in enumerate(texts)] + ["{broken"]
    created = client.post(
        "/v1/batches", content="\n".join(lines).encode(), headers={"Content-Type": "application/x-ndjson"}
    )
    assert created.status_code == 202, created.text
    job = created.json()
    assert job["total"] == 8 and created.headers["Location"] == f"/v1/batches/{job['id']}"
    status = wait_done(client, job["id"])
    assert (status["status"], status["done"], status["ok"], status["failed"]) == ("done", 8, 7, 1)
    first = client.get(job["records_url"], params={"limit": 3})
    assert first.headers["content-type"].startswith("application/x-ndjson") and len(first.text.splitlines()) == 3
    records = all_records(client, job["id"], page=3)
    assert len(records) == 8 and len({r["source_path"] for r in records}) == 8
    assert sorted(r["status"] for r in records) == ["error"] + ["ok"] * 7
    assert {r["title"] for r in records if r["status"] == "ok"} == {f"Dispatch {i}" for i in range(7)}

    html = client.post("/v1/digests", json={"batch_id": job["id"], "title": "Morning"})
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html") and "Morning" in html.text
    md = client.post("/v1/digests", params={"format": "markdown"}, json={"records": records})
    assert md.status_code == 200 and md.text.startswith("<!-- generator: summarizer")
    as_json = client.post("/v1/digests", params={"format": "json"}, json={"records": records}).json()
    assert as_json["records"] == 7 and as_json["skipped_errors"] == 1
    assert client.post("/v1/digests", json={}).status_code == 422
    assert client.post("/v1/digests", json={"records": [{"status": "ok"}]}).status_code == 422


def test_digest_polish_without_an_llm_says_what_to_do(client: httpx2.Client) -> None:
    records = [client.post("/v1/summaries", json={"text": article("valdoria-border.txt")}).json()]
    refused = client.post("/v1/digests", params={"polish": "true"}, json={"records": records})
    assert refused.status_code == 400, refused.text
    error = refused.json()["error"]
    assert error.startswith("ConfigError: polishing briefs (digest --polish, or polish=true over HTTP) needs an LLM")
    assert "set OPENAI_API_KEY" in error and "of summarizer serve, then restart it" in error
    plain = client.post("/v1/digests", params={"polish": "false"}, json={"records": records})
    assert plain.status_code == 200 and "X-Briefs-Polished" not in plain.headers
    digest = client.get("/openapi.json").json()["paths"]["/v1/digests"]["post"]
    polish = next(p for p in digest["parameters"] if p["name"] == "polish")
    assert polish["schema"]["default"] is False and "LLM" in polish["description"]
    assert "X-Briefs-Polished" in digest["responses"]["200"]["headers"]


def test_batch_files_and_cancel_and_owners(api: ServiceProcess, client: httpx2.Client) -> None:
    files = [
        ("files", ("valdoria.txt", article("valdoria-border.txt").encode(), "text/plain")),
        ("files", ("talks.html", HTML.encode(), "text/html")),
        ("files", ("two.jsonl", "\n".join(json.dumps({"text": t}) for t in variants(2)).encode(), "text/plain")),
    ]
    created = client.post("/v1/batches", files=files)
    assert created.status_code == 202, created.text
    job_id = created.json()["id"]
    assert created.json()["total"] == 4
    with api.client(KEY_B) as other:
        assert other.get(f"/v1/batches/{job_id}").status_code == 404  # another key's job does not exist for it
        assert other.delete(f"/v1/batches/{job_id}").status_code == 404
    status = wait_done(client, job_id)
    assert status["ok"] == 4
    sources = {r["source_path"] for r in all_records(client, job_id)}
    assert sources == {"valdoria.txt", "talks.html", "two.jsonl:1", "two.jsonl:2"}
    bad = client.post("/v1/batches", files=[("files", ("scan.pdf", b"%PDF-1.4", "application/pdf"))])
    assert bad.status_code == 415

    big = "\n".join(json.dumps({"text": t}) for t in variants(30)).encode()
    queued = client.post("/v1/batches", content=big, headers={"Content-Type": "application/x-ndjson"}).json()
    cancelled = client.delete(f"/v1/batches/{queued['id']}")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    final = client.get(f"/v1/batches/{queued['id']}").json()
    assert final["status"] == "cancelled" and final["done"] < 30
    assert client.delete("/v1/batches/unknown").status_code == 404


def test_review_page_of_a_single_summary_and_of_a_batch_record(api: ServiceProcess, client: httpx2.Client) -> None:
    """The review page is served for records this server made, to their owner only, every span highlighted."""
    from summarizer.digest import render_review
    from summarizer.models import SummaryRecord

    text = article("valdoria-border.txt") + "\n\nFiled for the review-page test only."  # no other test sends it
    record = client.post("/v1/summaries", json={"text": text}).json()
    page = client.get(f"/v1/records/{record['article_id']}/review")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html"), page.text
    assert page.text == render_review(SummaryRecord.model_validate(record))
    assert record["spans"] and page.text.count("<mark") >= len(record["spans"])
    with api.client(KEY_B) as other:
        assert other.get(f"/v1/records/{record['article_id']}/review").status_code == 404
    assert client.get("/v1/records/0123456789abcdef/review").status_code == 404

    body = "\n".join(json.dumps({"text": t}) for t in variants(2)).encode()
    job = client.post("/v1/batches", content=body, headers={"Content-Type": "application/x-ndjson"}).json()
    wait_done(client, job["id"])
    made = all_records(client, job["id"])[0]
    assert made["status"] == "ok", made
    assert client.get(f"/v1/records/{made['article_id']}/review").status_code == 200


def test_metrics_count_requests_articles_and_queue(client: httpx2.Client) -> None:
    client.post("/v1/summaries", json={"text": article("kestria-two-fronts.txt")})
    text = client.get("/metrics").text
    assert 'summarizer_http_requests_total{method="POST",route="/v1/summaries",status="200"}' in text
    assert 'summarizer_articles_total{engine="extractive",status="ok",via="request"}' in text
    assert "summarizer_http_request_duration_seconds_bucket" in text
    assert "summarizer_queue_depth" in text and "summarizer_llm_tokens_total" in text


@pytest.fixture(scope="module")
def tight(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceProcess]:
    """No key, a rate limit of 3 in a burst, a queue of 3 articles, one worker and no waiting room."""
    yield from ServiceProcess(
        tmp_path_factory.mktemp("tight"),
        rate_limit="60",
        rate_burst="3",
        max_queue="3",
        concurrency="1",
        cors_origins="https://newsroom.example",
    ).running()


def test_rate_limit_answers_429_with_retry_after(tight: ServiceProcess) -> None:
    with tight.client() as c:
        answers = [c.get("/metrics") for _ in range(5)]
    codes = [a.status_code for a in answers]
    assert codes[:3] == [200, 200, 200] and 429 in codes[3:]
    refused = next(a for a in answers if a.status_code == 429)
    assert int(refused.headers["Retry-After"]) >= 1


def test_cors_is_off_by_default_and_on_for_listed_origins(api: ServiceProcess, tight: ServiceProcess) -> None:
    origin = {"Origin": "https://newsroom.example"}
    with api.client() as c:
        assert "access-control-allow-origin" not in c.get("/healthz", headers=origin).headers
    preflight = {**origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization"}
    with tight.client() as c:
        answer = c.options("/v1/summaries", headers=preflight)
        assert answer.status_code == 200 and answer.headers["access-control-allow-origin"] == origin["Origin"]
        other = c.options("/v1/summaries", headers={**preflight, "Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers


def test_no_key_server_listens_on_loopback_only(tight: ServiceProcess) -> None:
    assert "no API key configured: listening on 127.0.0.1 only" in tight.log_text()
    import subprocess
    import sys

    refused = subprocess.run(
        [sys.executable, "-m", "summarizer", "serve", "--host", "0.0.0.0", "--port", "1"],
        env=tight.env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == 2 and "refusing to listen on 0.0.0.0 without an API key" in refused.stderr


def test_full_queue_answers_503(tmp_path: Path) -> None:
    server = ServiceProcess(tmp_path / "queue", max_queue="3", max_waiting="0", concurrency="1")
    server.start()
    try:
        with server.client() as c:
            body = "\n".join(json.dumps({"text": t}) for t in variants(5)).encode()
            full = c.post("/v1/batches", content=body, headers={"Content-Type": "application/x-ndjson"})
            assert full.status_code == 503 and full.headers["Retry-After"] and "queued" in full.json()["error"]
            long = "\n\n".join(variants(12))

            def one(_: int) -> int:
                return c.post("/v1/summaries", json={"text": long}, params={"refresh": "true"}).status_code

            with ThreadPoolExecutor(8) as pool:
                codes = list(pool.map(one, range(8)))
            assert set(codes) <= {200, 503} and 200 in codes and 503 in codes, codes
    finally:
        server.stop()


def test_properties_from_the_openapi_schema_never_give_5xx(api: ServiceProcess) -> None:
    """Schemathesis draws requests for every operation from /openapi.json; none may answer 5xx."""
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, Phase, given, settings

    schema = schemathesis.openapi.from_dict(httpx2.get(api.base + "/openapi.json").json())
    seen: dict[str, set[int]] = {}
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 9

    def checker(label: str, strategy: Any, examples: int = 12) -> Any:
        @settings(
            max_examples=examples,
            deadline=None,
            derandomize=True,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case=strategy)
        def check(case: Any) -> None:
            response = case.call(base_url=api.base, headers={"Authorization": f"Bearer {KEY_A}"}, timeout=30)
            seen.setdefault(label, set()).add(response.status_code)
            assert response.status_code < 500, (label, response.status_code, response.text[:500])

        return check

    for operation in operations:
        checker(operation.label, operation.as_strategy())()
        for example in operation.get_strategies_from_examples():  # the schema's example article: drawn strings
            checker(operation.label, example, 1)()  # are seldom two words, and one word is no sentence (422)
    assert seen["POST /v1/summaries"] & {200} and seen["POST /v1/summaries"] & {400, 415, 422}
