"""Shared fixtures: a clean environment, a marker key, a temp cache, cassette scrubbing, the shared corpora.

Tests that read the corpora in ``../shared`` (``SHARED``; set
``SUMMARIZER_SHARED_DIR`` to read them elsewhere) are found at collection: a test
whose code, helpers, fixtures or parameters refer to ``SHARED`` or a path under
it is marked ``needs_shared`` (the mark can also be set by hand). When the folder
is missing they skip with one message, except in CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import dis
import importlib
import inspect
import json
import os
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest

from tests.fault_server import completion

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = Path(__file__).resolve().parent / "articles"
SHARED = Path(os.environ.get("SUMMARIZER_SHARED_DIR") or ROOT.parent / "shared")
SHARED_MISSING = (
    f"the shared corpora are not at {SHARED}: put the data checkout beside the repository as ../shared, "
    "or set SUMMARIZER_SHARED_DIR to its folder"
)
MARKER_KEY = "sk-test-MARKER-0123456789abcdef"


def _test_models() -> Path:
    """Where scripts/fetch-models.py puts the GGUF files: SUMMARIZER_TEST_MODELS, else the user cache dir."""
    given = os.environ.get("SUMMARIZER_TEST_MODELS")
    if given:
        return Path(given).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("summarizer", appauthor=False)) / "test-models"


TEST_MODELS = _test_models()
SMOLLM2 = TEST_MODELS / "SmolLM2-135M-Instruct.Q4_1.gguf"
GEMMA3 = TEST_MODELS / "gemma-3-270m-q4_k_m.gguf"
LLAMA_URL = "http://127.0.0.1:8080/v1"

_SECRET_HEADERS = ["authorization", "api-key", "x-api-key", "openai-organization", "openai-project", "cookie"]
_DROP_RESPONSE_HEADERS = {"set-cookie", "openai-organization", "openai-project", "x-request-id"}


def _is_shared(value: Any) -> bool:
    if isinstance(value, (list, tuple)):
        return any(_is_shared(v) for v in value)
    return isinstance(value, Path) and (value == SHARED or SHARED in value.parents)


def _codes(code: types.CodeType) -> Iterator[types.CodeType]:
    yield code
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _codes(const)


def _imported(code: types.CodeType) -> dict[str, Any]:
    """Names a function imports from test modules inside its body, e.g. from tests.test_x import SEEDS."""
    found: dict[str, Any] = {}
    for part in _codes(code):
        module = None
        for op in dis.get_instructions(part):
            if op.opname == "IMPORT_NAME":
                module = importlib.import_module(op.argval) if str(op.argval).startswith("tests") else None
            elif op.opname == "IMPORT_FROM" and module is not None:
                found[op.argval] = getattr(module, op.argval, None)
    return found


def _reads_shared(func: Any, seen: set[Any]) -> bool:
    """True if the function, or a helper function of its module it calls, refers to a shared path."""
    func = inspect.unwrap(func)
    code = getattr(func, "__code__", None)
    if code is None or func in seen:
        return False
    seen.add(func)
    names = {**getattr(func, "__globals__", {}), **_imported(code)}
    for name in {n for part in _codes(code) for n in part.co_names}:
        value = names.get(name)
        if _is_shared(value):
            return True
        if inspect.isfunction(value) and value.__module__.startswith("tests") and _reads_shared(value, seen):
            return True
    return False


def _needs_shared(item: pytest.Item) -> bool:
    if item.get_closest_marker("needs_shared") is not None:
        return True
    callspec = getattr(item, "callspec", None)
    if callspec is not None and any(_is_shared(v) for v in callspec.params.values()):
        return True
    seen: set[Any] = set()
    if _reads_shared(getattr(item, "function", None), seen):
        return True
    info = getattr(item, "_fixtureinfo", None)
    definitions = info.name2fixturedefs.values() if info is not None else []
    return any(_reads_shared(d.func, seen) for defs in definitions for d in defs)


def pytest_configure(config: pytest.Config) -> None:
    """Register the needs_shared mark."""
    config.addinivalue_line("markers", "needs_shared: the test reads the corpora in ../shared (SHARED)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that reads the shared corpora."""
    for item in items:
        if _needs_shared(item) and item.get_closest_marker("needs_shared") is None:
            item.add_marker(pytest.mark.needs_shared)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Skip (fail in CI) a test that needs the shared corpora or a fetched model when they are missing."""
    if item.get_closest_marker("local_model") is not None and not SMOLLM2.is_file():
        missing = f"no {SMOLLM2.name} in {TEST_MODELS}: run python scripts/fetch-models.py"
        if os.environ.get("CI"):
            pytest.fail(f"CI must have the test models: {missing}", pytrace=False)
        pytest.skip(missing)
    if item.get_closest_marker("needs_shared") is not None and not SHARED.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI must have the shared corpora: {SHARED_MISSING}", pytrace=False)
        pytest.skip(SHARED_MISSING)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Clear SUMMARIZER_*/OPENAI_* settings, set a marker key and a temp cache dir."""
    for name in list(os.environ):
        if name.startswith(("SUMMARIZER_", "OPENAI_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("OPENAI_API_KEY", MARKER_KEY)
    cache = tmp_path / "cache"
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(cache))
    return cache


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in _DROP_RESPONSE_HEADERS:
            del headers[name]
    return response


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    """Scrub keys and organisation headers from recorded cassettes."""
    return {
        "filter_headers": _SECRET_HEADERS,
        "before_record_response": _scrub_response,
        "match_on": ["method", "scheme", "host", "port", "path"],
        "decode_compressed_response": True,
    }


@pytest.fixture(scope="module")
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    """Keep cassettes under cassettes/<test module>/."""
    module = request.module.__name__.rsplit(".", 1)[-1].removeprefix("test_")
    return str(ROOT / "cassettes" / module)


def source_of(text: str, quantity: str) -> str | None:
    """The claimant the engine gives the figure written ``quantity`` in ``text``."""
    from summarizer.extractive.figures import find_figures
    from summarizer.extractive.sentences import split_sentences

    found = [f for f in find_figures(text, split_sentences(text)) if f.quantity == quantity]
    assert found, f"no figure {quantity!r} in {text!r}"
    return found[0].source


def article(name: str) -> str:
    """Return one of the project's own example articles."""
    return (ARTICLES / name).read_text(encoding="utf-8")


def valdoria_answer(**changes: Any) -> dict[str, Any]:
    """A correct, fully grounded answer for tests/articles/valdoria-border.txt."""
    answer: dict[str, Any] = {
        "summary": "Valdoria moved about 4,000 soldiers and 60 tanks near its border with Kestria. "
        "Kestria accused it of preparing an incursion; Valdoria called it an exercise.",
        "key_points": ["About 4,000 Valdorian troops moved near the border", "Kestria alleges up to 6,000"],
        "escalation": {
            "event_type": "MOBILIZE",
            "level": 3,
            "direction": "escalating",
            "actors": ["Valdoria", "Kestria"],
            "rationale": "Troops and tanks were massed near a border.",
            "evidence": ["Valdoria has moved about 4,000 soldiers and 60 tanks to within 30 kilometres"],
        },
        "key_figures": [
            {
                "quantity": "about 4,000",
                "low": 4000,
                "high": 4000,
                "unit": "soldiers",
                "describes": "Valdorian troops moved to the border",
                "source": "Valdorian defence ministry",
                "status": "official",
                "quote": "Valdoria has moved about 4,000 soldiers and 60 tanks",
            }
        ],
        "hedges": [
            {
                "cue": "reportedly",
                "kind": "attribution",
                "claim": "artillery batteries moved by rail",
                "quote": "Two artillery batteries are reportedly being moved by rail",
            }
        ],
    }
    answer.update(changes)
    return answer


Handler = Callable[[httpx2.Request], httpx2.Response]


class Recorder:
    """A hand-built httpx transport: answers from a script and keeps every request."""

    def __init__(self, *responses: httpx2.Response | Exception) -> None:
        self.responses = list(responses)
        self.requests: list[httpx2.Request] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(request)
        if not self.responses:
            raise AssertionError("unexpected extra request")
        item = self.responses.pop(0)
        if isinstance(item, Exception):
            raise item
        return item

    def bodies(self) -> list[dict[str, Any]]:
        """Return the JSON bodies of the requests sent so far."""
        return [json.loads(r.content) for r in self.requests]


def ok(body: dict[str, Any], headers: dict[str, str] | None = None) -> httpx2.Response:
    """A 200 response with a JSON body."""
    return httpx2.Response(200, json=body, headers=headers)


def answer_response(answer: dict[str, Any], **usage: Any) -> httpx2.Response:
    """A 200 chat completion whose content is the given answer."""
    return ok(completion(json.dumps(answer), **usage))


@pytest.fixture
def no_sleep() -> list[float]:
    """Collect the waits the retry layer asks for instead of sleeping."""
    return []


@pytest.fixture
def make_summarizer(no_sleep: list[float]) -> Iterator[Callable[..., Any]]:
    """Build Summarizers on a hand-built transport; close them afterwards."""
    from summarizer import Summarizer

    made: list[Summarizer] = []

    def build(recorder: Recorder, **options: Any) -> Summarizer:
        options.setdefault("model", "test-model")
        s = Summarizer(
            http_client=httpx2.Client(transport=httpx2.MockTransport(recorder)),
            sleep=no_sleep.append,
            **options,
        )
        made.append(s)
        return s

    yield build
    for s in made:
        s.close()


@pytest.fixture
def no_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No key, no server, no model named anywhere; a cache of the test's own."""
    for name in list(os.environ):
        if name.startswith(("OPENAI_", "SUMMARIZER_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))


def proc_stats() -> Iterator[tuple[Path, list[str]]]:
    """Each live process's /proc folder and the fields of its stat after the command name (state, ppid, pgrp...)."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                yield entry, (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # it ended while we looked


def group_members(group: int) -> list[int]:
    """Live processes of a process group (from /proc)."""
    return [int(entry.name) for entry, stat in proc_stats() if int(stat[2]) == group and stat[0] != "Z"]
