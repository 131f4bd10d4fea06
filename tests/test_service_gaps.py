"""Gaps a walk over the HTTP service left open: charsets, error records' ids, a page's security headers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

import httpx2

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
    server = ServiceProcess(tmp_path_factory.mktemp("gaps"), concurrency="2")
    server.start()
    yield server
    server.stop()


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
    assert "read as cp1252 instead (detected)" in str(wrong["warnings"][0])  # type: ignore[index]

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
    expected = sorted(tuple(row.get(f) for f in fields) for row in map(json.loads, out.read_text().splitlines()))
    assert len(expected) == 8 and [row[0] for row in expected].count("ok") == 2, expected

    files = [("files", (path.name, path.read_bytes())) for path in sorted(folder.iterdir())]
    accepted = client.post("/v1/batches", files=files, params={"engine": "extractive"})
    assert accepted.status_code == 202, accepted.text
    assert wait_done(client, accepted.json()["id"])["status"] == "done"
    got = sorted(tuple(row.get(f) for f in fields) for row in all_records(client, accepted.json()["id"]))
    # was: a line that is not JSON said "orva.jsonl:3 is not valid JSON (Expecting value at line 1); fix or
    # remove it" (every line is line 1 to the reader) where the batch says "line 3 is not JSON: Expecting value"
    assert got == expected
