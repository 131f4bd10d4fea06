"""Gaps a walk over the service left open: charsets, an export's records as batch writes them, security headers."""

from __future__ import annotations

import base64
import hashlib
import http.server
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

pytest.importorskip("fastapi")

import httpx2

from summarizer.ingest.fields import http_advice
from tests.chromium import chromium, needs_chromium
from tests.conftest import article
from tests.service_process import ServiceProcess, all_records, wait_done

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

# English with one Central European name: detection reads the lone 0xF1 as Windows-1252's "ñ"
ZALEN = (
    "Ferry service from Zaleń to the island of Orva resumed on Monday after a week of storms, "
    "the port authority said. The mayor of Zaleń, Piotr Marek, said the pier was safe again."
)


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServiceProcess]:
    """One server without a key, threads for the extractive engine."""
    yield from ServiceProcess(tmp_path_factory.mktemp("gaps"), concurrency="2").running()


@pytest.fixture
def client(api: ServiceProcess) -> Iterator[httpx2.Client]:
    with api.client() as c:
        yield c


def test_a_declared_charset_comes_before_detection_and_a_wrong_one_is_said(client: httpx2.Client) -> None:
    def post(body: bytes, content_type: str) -> dict[str, object]:
        answer = client.post("/v1/summaries", content=body, headers={"Content-Type": content_type})
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    for label, codec in (("windows-1250", "cp1250"), ("ISO-8859-2", "iso8859-2"), ('"Windows-1250"', "cp1250")):
        record = post(ZALEN.encode(codec), f"text/plain; charset={label}")
        # was: the charset was not read; the bytes were detected as Windows-1252 ("Zaleñ")
        assert "Zaleń" in str(record["article_text"]) and "Zaleñ" not in str(record["article_text"]), label
        assert record["ingest"]["encoding"] == codec and record["warnings"] == [], record  # type: ignore[index]
    page = f"<html><head><title>Orva ferry</title></head><body><article><p>{ZALEN}</p></article></body></html>"
    html = post(page.encode("cp1250"), "text/html; charset=windows-1250")
    assert "Zaleń" in str(html["article_text"]), html["article_text"]

    unknown = post(ZALEN.encode("utf-8"), "text/plain; charset=x-orvan-7")
    assert "Zaleń" in str(unknown["article_text"]) and unknown["ingest"]["encoding"] == "utf-8"  # type: ignore[index]
    assert unknown["warnings"] == ["the body: the declared charset 'x-orvan-7' is not known; read as utf-8 instead"]
    wrong = post(ZALEN.encode("cp1250"), "text/plain; charset=utf-8")
    assert len(wrong["warnings"]) == 1, wrong["warnings"]  # type: ignore[arg-type]
    assert str(wrong["warnings"][0]).startswith("the body is not utf-8 as declared (invalid continuation byte")  # type: ignore[index]
    # detection then finds the right codepage for the one Polish name (ingest.codepages)
    assert "read as cp1250 instead (detected)" in str(wrong["warnings"][0])  # type: ignore[index]
    assert "Zaleń" in str(wrong["article_text"])

    plain = post(ZALEN.encode("utf-8"), "text/plain")  # no charset: UTF-8 as before, nothing to say
    as_json = client.post("/v1/summaries", json={"text": ZALEN}).json()
    assert (
        plain["article_id"] == as_json["article_id"]
        and plain["warnings"] == []
        and "Zaleń" in str(plain["article_text"])
    )


def test_the_records_of_an_export_are_the_ones_summarizer_batch_writes_for_it(
    client: httpx2.Client, tmp_path: Path
) -> None:
    good = "The mayor of Orva said on Monday that the ferry pier would reopen on Friday after two weeks of repairs."
    lines = [
        json.dumps({"id": "orva-1", "text": good}),
        json.dumps({"id": "orva-2", "text": "Orva"}),  # one word: no article
        "not JSON at all",
        json.dumps({"id": "orva-4", "headline": "Pier reopens"}),  # no text field
        json.dumps(["a list, not an object"]),
    ]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "orva.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "orva.json").write_text(json.dumps([json.loads(lines[0]), json.loads(lines[1]), 7]), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "summarizer", "batch", str(folder), "-o", str(out), "--engine", "extractive"]
    env = {**os.environ, "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    subprocess.run([*command, "--no-progress"], env=env, capture_output=True, timeout=60, check=False)
    fields = ("status", "article_id", "source_path", "error_type", "error")
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    for row in rows:  # the same error, its advice put as the service takes it (?text_field=, not --text-field)
        if row.get("error"):
            row["error"] = http_advice(row["error"])
    expected = sorted(tuple(row.get(f) for f in fields) for row in rows)
    assert len(expected) == 8 and [row[0] for row in expected].count("ok") == 2, expected

    files = [("files", (path.name, path.read_bytes())) for path in sorted(folder.iterdir())]
    accepted = client.post("/v1/batches", files=files, params={"engine": "extractive"})
    assert accepted.status_code == 202, accepted.text
    assert wait_done(client, accepted.json()["id"])["status"] == "done"
    got = sorted(tuple(row.get(f) for f in fields) for row in all_records(client, accepted.json()["id"]))
    # was: a line that is not JSON said "orva.jsonl:3 is not valid JSON (Expecting value at line 1); fix or
    # remove it" (every line is line 1 to the reader) where the batch says "line 3 is not JSON: Expecting value"
    assert got == expected


def test_an_entry_that_gives_no_article_is_named_by_what_it_holds_in_every_job(client: httpx2.Client) -> None:
    headers = {"Content-Type": "application/x-ndjson"}
    good = json.dumps({"text": "The mayor of Orva said the ferry pier would reopen on Friday after repairs."})

    def errors(second: str) -> list[dict[str, Any]]:
        accepted = client.post("/v1/batches", content=f"{good}\n{second}\n", headers=headers)
        assert accepted.status_code == 202, accepted.text
        wait_done(client, accepted.json()["id"])
        return [row for row in all_records(client, accepted.json()["id"]) if row["status"] == "error"]

    one_word = errors(json.dumps({"id": "orva-2", "text": "Orva"}))
    no_text = errors(json.dumps({"id": "orva-9", "headline": "Pier reopens"}))
    spaced = errors('{ "text" : "Orva",  "id":"orva-2" }')  # the same entry, spaced and ordered otherwise
    assert [row["source_path"] for row in one_word + no_text] == ["body:2", "body:2"]
    # was: both "body:2", so both the same id (every job's second line that failed had it)
    assert one_word[0]["article_id"] != no_text[0]["article_id"]
    assert spaced[0]["article_id"] == one_word[0]["article_id"]


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def _directives(policy: str) -> dict[str, list[str]]:
    return {parts[0]: parts[1:] for parts in (d.split() for d in policy.split(";")) if parts}


def _record(client: httpx2.Client) -> dict[str, Any]:
    answer = client.post("/v1/summaries", json={"text": article("valdoria-border.txt"), "title": "Border"})
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def test_every_answer_says_nosniff_and_each_page_allows_only_its_own_script_and_styles(
    api: ServiceProcess, client: httpx2.Client
) -> None:
    record = _record(client)
    review = client.get(f"/v1/records/{record['article_id']}/review")
    digest = client.post("/v1/digests", json={"records": [record]})
    answers = {
        "review": review,
        "digest": digest,
        "digest md": client.post("/v1/digests", params={"format": "md"}, json={"records": [record]}),
        "summary": client.post("/v1/summaries", json={"text": "The pier at Orva reopened on Monday."}),
        "not found": client.get("/v1/records/nope/review"),
        "415": client.post("/v1/summaries", content=b"x", headers={"Content-Type": "image/png"}),
        "healthz": client.get("/healthz"),
        "metrics": client.get("/metrics"),
        "openapi": client.get("/openapi.json"),
        "docs": client.get("/docs"),
        "redoc": client.get("/redoc"),
        "docs asset": client.get("/docs/assets/swagger-ui.css"),
    }
    for name, answer in answers.items():
        # was: no X-Content-Type-Options and no Content-Security-Policy on any answer
        assert answer.headers.get("X-Content-Type-Options") == "nosniff", name
        policy = _directives(answer.headers.get("Content-Security-Policy", ""))
        assert policy.get("default-src") == ["'none'"] and policy.get("frame-ancestors") == ["'none'"], name
    for name in ("summary", "not found", "healthz", "openapi", "digest md"):
        assert set(_directives(answers[name].headers["Content-Security-Policy"])) == {"default-src", "frame-ancestors"}

    page = review.text
    policy = _directives(review.headers["Content-Security-Policy"])
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    styles = re.findall(r"<style>(.*?)</style>", page, re.DOTALL)
    assert len(scripts) == len(styles) == 1 and "<script src" not in page
    assert policy["script-src"] == [_sha256(scripts[0])] and policy["style-src"] == [_sha256(styles[0])]
    assert ' style="' not in page  # a style attribute would be refused by that policy: colours are classes

    briefing = _directives(digest.headers["Content-Security-Policy"])
    assert "script-src" not in briefing and "<script" not in digest.text  # no script may run at all
    assert briefing["style-src-elem"] == ["'none'"] and briefing["img-src"] == ["data:"]
    docs = _directives(answers["docs"].headers["Content-Security-Policy"])
    inline = re.findall(r"<script>(.*?)</script>", answers["docs"].text, re.DOTALL)
    assert inline and docs["script-src"] == ["'self'", *sorted(_sha256(s) for s in inline)]


class _Replay(http.server.BaseHTTPRequestHandler):
    """Serves one page with the headers given, on GET (Chromium cannot POST a digest request)."""

    page: ClassVar[bytes] = b""
    headers_out: ClassVar[dict[str, str]] = {}

    def do_GET(self) -> None:
        self.send_response(200)
        for name, value in self.headers_out.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(self.page)

    def log_message(self, *args: Any) -> None:
        pass


def _violations(log: str) -> list[str]:
    return [line for line in log.splitlines() if "Content Security Policy" in line]


@needs_chromium
def test_the_pages_work_in_chromium_under_their_policies(
    api: ServiceProcess, client: httpx2.Client, tmp_path: Path
) -> None:
    offline = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
    logging = ("--enable-logging=stderr", "--v=0", "--virtual-time-budget=8000")

    def load(url: str, name: str, *extra: str) -> subprocess.CompletedProcess[str]:
        return chromium(offline, f"--user-data-dir={tmp_path / name}", *logging, *extra, url, width=1200, height=1400)

    record = _record(client)
    review_url = f"{api.base}/v1/records/{record['article_id']}/review"
    spans = re.findall(r'<mark class="hl ([a-z]+)" id="(s\d+)" data-span="(\d+)"', client.get(review_url).text)
    assert spans, "the record has no highlight to go to"
    kind, anchor, _ = spans[0]
    # arriving at a highlight outlines it: the page's own script ran under the policy
    dom = load(f"{review_url}#{anchor}", "review", "--dump-dom")
    assert f'class="hl {kind} flash" id="{anchor}"' in dom.stdout and not _violations(dom.stderr), dom.stderr[-2000:]
    shot = tmp_path / "review.png"
    load(review_url, "review-shot", f"--screenshot={shot}")
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 50_000  # a page, not a blank

    digest = client.post("/v1/digests", json={"records": [record]})
    replay = http.server.HTTPServer(("127.0.0.1", 0), _Replay)
    _Replay.page = digest.content
    kept = ("Content-Type", "Content-Security-Policy", "X-Content-Type-Options")
    with replay:
        thread = threading.Thread(target=replay.serve_forever, daemon=True)
        thread.start()
        try:
            where = f"http://127.0.0.1:{replay.server_address[1]}/"
            _Replay.headers_out = {name: digest.headers[name] for name in kept}
            briefing = load(where, "digest", "--dump-dom")
            assert "Escalation watch" in briefing.stdout and not _violations(briefing.stderr), briefing.stderr[-2000:]
            # the control: the review page under a policy without its hashes is refused, and the log says so
            _Replay.page = client.get(review_url).content
            _Replay.headers_out = {"Content-Type": "text/html", "Content-Security-Policy": "default-src 'none'"}
            refused = load(where, "control", "--dump-dom")
            assert len(_violations(refused.stderr)) >= 2, refused.stderr[-2000:]  # its style and its script
        finally:
            replay.shutdown()
            thread.join(timeout=10)

    for page in ("docs", "redoc"):
        seen = load(f"{api.base}/{page}", page, "--dump-dom")
        # Redoc asks for its logo from its makers' site: refused, as anything not from this server is
        elsewhere = [line for line in _violations(seen.stderr) if "'https://" not in line]
        assert not elsewhere, elsewhere
    assert 'data-path="/v1/summaries"' in load(f"{api.base}/docs", "docs-2", "--dump-dom").stdout


def test_an_uploaded_file_part_is_read_in_the_charset_it_declares(client: httpx2.Client) -> None:
    # "Plzeň" in Windows-1250 reads as a plausible Western "Plzeò" in Windows-1252, which detection cannot tell
    text = "The brewery in Plzeň will hire 40 workers this spring, the town hall of Plzeň said on Monday."
    files = [
        ("files", ("plzen.txt", text.encode("cp1250"), "text/plain; charset=windows-1250")),
        ("files", ("plain.txt", text.encode("utf-8"), "text/plain")),
        ("files", ("odd.txt", text.encode("utf-8"), "text/plain; charset=x-orvan-7")),
    ]
    accepted = client.post("/v1/batches", files=files, params={"engine": "extractive"})
    assert accepted.status_code == 202, accepted.text
    wait_done(client, accepted.json()["id"])
    rows = {row["source_path"]: row for row in all_records(client, accepted.json()["id"])}
    # was: the part's charset was not read, and the name came out "Plzeò"
    assert "Plzeň" in rows["plzen.txt"]["article_text"] and rows["plzen.txt"]["ingest"]["encoding"] == "cp1250"
    assert "Plzeň" in rows["plain.txt"]["article_text"] and rows["plain.txt"]["warnings"] == []
    assert rows["odd.txt"]["warnings"] == [
        "odd.txt: the declared charset 'x-orvan-7' is not known; read as utf-8 instead"
    ]
