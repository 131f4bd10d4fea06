"""POST /v1/digests?polish=true against a real server process whose LLM is the fault server on 127.0.0.1.

The LLM's answers are hand-built by ``tests/fault_server.py`` from each request's
records (not recordings), as the library's own polish tests build theirs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

import httpx2

from tests.conftest import article
from tests.fault_server import POLISHED_PREFIX, FaultServer, always
from tests.service_process import ServiceProcess

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

POLISHED = "X-Briefs-Polished"


def _digest(client: httpx2.Client, records: list[dict[str, Any]], **params: str) -> httpx2.Response:
    return client.post("/v1/digests", params=params, json={"records": records, "title": "Polished"})


def test_polish_uses_the_servers_llm_its_cache_and_maps_a_refused_key(tmp_path: Path) -> None:
    names = ["valdoria-border.txt", "orlen-ceasefire.txt", "kestria-two-fronts.txt"]
    with FaultServer(max_requests=100, max_seconds=120) as llm:
        server = ServiceProcess(tmp_path / "polish")
        # an LLM is configured, but articles are summarized by the extractive engine unless a request asks
        server.env |= {
            "SUMMARIZER_BASE_URL": llm.url,
            "SUMMARIZER_PROVIDER": "vllm",
            "SUMMARIZER_MODEL": "test-model",
            "SUMMARIZER_ENGINE": "extractive",
            "SUMMARIZER_BACKOFF_INITIAL": "0.01",
        }
        server.start()
        try:
            with server.client(timeout=60.0) as client:
                records = []
                for name in names:
                    made = client.post("/v1/summaries", json={"text": article(name)})
                    assert made.status_code == 200 and made.json()["engine"] == "extractive", made.text
                    records.append(made.json())
                assert llm.log.requests == 0

                plain = _digest(client, records, format="json")
                assert plain.status_code == 200 and POLISHED not in plain.headers
                assert not any(story["polished"] for story in plain.json()["stories"])

                polished = _digest(client, records, format="json", polish="true")
                assert polished.status_code == 200, polished.text
                stories = polished.json()["stories"]
                assert polished.headers[POLISHED] == str(len(stories)) and llm.log.requests == len(stories)
                for before, after in zip(plain.json()["stories"], stories, strict=True):
                    assert after["polished"] and after["brief"].startswith(POLISHED_PREFIX)
                    assert after["brief"] != before["brief"] and after["headline"] == before["headline"]

                markdown = _digest(client, records, format="markdown", polish="true")  # the cache answers
                assert markdown.status_code == 200 and llm.log.requests == len(stories)
                assert markdown.headers[POLISHED] == str(len(stories))
                assert all(story["brief"] in markdown.text for story in stories)

                llm.plan = always("401")
                renamed = [{**records[0], "title": "A story the LLM has not seen"}]  # not in the cache
                refused = _digest(client, renamed, polish="true")
                assert refused.status_code == 502, refused.text
                assert refused.json()["error"].startswith("AccessDenied: ")
        finally:
            server.stop()
