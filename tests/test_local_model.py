"""A real GGUF model (SmolLM2-135M-Instruct) in the embedded llama.cpp server, through Summarizer(provider="local").

Needs ``python scripts/fetch-models.py`` (CI runs it): without the file these
tests skip, in CI they fail (``tests/conftest.py``). Bounded: a short article of
our own, a small context, at most 128 answer tokens, one request (the re-ask
loop on real answers is in the cassettes of ``test_recorded_native.py``) of at
most 240 s. On a quiet 2-core machine it takes about 35 s (some 2,300 prompt
tokens); with other jobs on both cores, two to three minutes.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator

import pytest

from summarizer import ContextTooSmall, OutputError, Summarizer
from summarizer.llm import local_server
from tests.conftest import SMOLLM2

pytestmark = [pytest.mark.local_model, pytest.mark.block_network(allowed_hosts=["127.0.0.1"])]  # its own server only

ARTICLE = """Ferry service to Tarnholm suspended

VESK, Kestria - Kestria suspended the ferry service to the island of Tarnholm on Friday after
a storm damaged the pier, the port authority said. About 300 passengers were waiting in Vesk.
Repairs could take a week, officials said.
"""
# On a quiet machine two threads decode about twice as fast as one; on a busy one (other
# jobs on both cores) two threads spin waiting for each other, ten times slower than one.
THREADS = 2 if os.getloadavg()[0] < 1.5 else 1


@pytest.fixture(autouse=True)
def stop_servers() -> Iterator[None]:
    """Each test starts its own server; none outlives it."""
    yield
    local_server.stop_all()


def test_real_model_answers_through_the_same_client_path() -> None:
    started = time.monotonic()
    settings = {"ctx_size": 4096, "threads": THREADS, "max_tokens": 128, "max_reasks": 0, "repeat_penalty": 1.3}
    with Summarizer(model_path=SMOLLM2, timeout=240, max_attempts=1, **settings) as s:
        try:
            record = s.summarize(text=ARTICLE)
        except OutputError as exc:  # a 135M model may well not give a valid answer: then a clear error
            assert exc.usage.prompt_tokens > 500 and exc.usage.completion_tokens > 0
            assert exc.attempts == 1
            assert "max_tokens=128" in str(exc) or "no valid answer in 1 tries" in str(exc)
        else:
            digest = hashlib.sha256(SMOLLM2.read_bytes()).hexdigest()
            assert (record.provider, record.model, record.model_sha256) == ("local", SMOLLM2.name, digest)
            assert record.usage.prompt_tokens > 500 and record.usage.completion_tokens > 0
            assert record.cost_usd == 0.0 and record.summary.summary
    assert time.monotonic() - started < 260  # one request of at most 240 s, and the model's load


def test_real_server_says_how_many_tokens_the_article_needs() -> None:
    with (
        Summarizer(model_path=SMOLLM2, ctx_size=512, threads=1, max_tokens=100, timeout=55) as s,
        pytest.raises(ContextTooSmall, match=r"a slot holds 512; raise ctx_size / --ctx-size") as info,
    ):
        s.summarize(text=ARTICLE)
    assert info.value.needed > 1000 and info.value.context == 512
