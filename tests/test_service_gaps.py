"""Gaps a walk over the HTTP service left open: charsets, error records' ids, a page's security headers."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi")

import httpx2

from tests.service_process import ServiceProcess

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
