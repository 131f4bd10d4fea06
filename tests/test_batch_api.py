"""The provider's Batch API against a test server of the documented files and batches endpoints."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from summarizer import BatchIncomplete, ConfigError, Summarizer
from summarizer.batch import batch_status, cancel_batches, run_batch, run_batch_api
from summarizer.config import estimate_cost
from summarizer.ingest import load_document
from summarizer.llm.batches import BatchClient
from tests.batch_api_server import BatchApiServer, rerouted
from tests.conftest import ARTICLES, MARKER_KEY, Recorder, answer_response, valdoria_answer
from tests.fault_server import FaultServer

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])  # the test servers, nothing else

FAST: dict[str, Any] = {
    "api_key": MARKER_KEY,
    "model": "gpt-4o-mini",
    "batch_poll_initial": 0.01,
    "batch_poll_max": 0.05,
    "backoff_initial": 0.01,
    "backoff_max": 0.05,
    "timeout": 5.0,
}
# what may differ between a record made in real time and one made by the Batch API
PROVENANCE = {"created_at", "latency_s", "batch", "cost_usd"}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The project's four example articles (one in German)."""
    into = tmp_path / "in"
    shutil.copytree(ARTICLES, into)
    return into


def rows(path: Path) -> dict[str, dict[str, Any]]:
    """The output's records by source path."""
    return {r["source_path"]: r for r in (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())}


def key(folder: Path, name: str) -> str:
    """The key the test servers file an article's requests under."""
    return load_document(folder / name).sha256


def by_article(folder: Path, faults: dict[str, tuple[str, ...]]) -> Callable[[str, int], str]:
    """An item plan: these articles get these faults in order, then valid answers; the rest valid answers."""
    keyed = {key(folder, name): sequence for name, sequence in faults.items()}
    return lambda k, attempt: keyed.get(k, ())[attempt] if attempt < len(keyed.get(k, ())) else "ok"


def test_a_batch_line_is_the_realtime_request(make_summarizer: Callable[..., Summarizer]) -> None:
    text = (ARTICLES / "valdoria-border.txt").read_text(encoding="utf-8")
    recorder = Recorder(answer_response(valdoria_answer()))
    summarizer = make_summarizer(recorder, use_cache=False)
    summarizer.summarize(text=text)
    job, _ = summarizer.prepare(load_document(ARTICLES / "valdoria-border.txt"))
    assert summarizer.client is not None
    client = BatchClient(summarizer.client)
    line = json.loads(client.line("abc", client.body(job.messages)))
    assert line["custom_id"] == "abc" and line["method"] == "POST" and line["url"] == "/v1/chat/completions"
    assert line["body"] == recorder.bodies()[0]
    assert line["body"]["response_format"]["json_schema"]["strict"] is True  # the openai profile's format


def test_records_equal_the_realtime_ones_apart_from_provenance(folder: Path, tmp_path: Path) -> None:
    with FaultServer() as server:
        run_batch(folder, out=tmp_path / "rt.jsonl", base_url=server.url, cache_dir=tmp_path / "c1", **FAST)
    with BatchApiServer() as server:
        report = run_batch_api(folder, out=tmp_path / "b.jsonl", base_url=server.url, cache_dir=tmp_path / "c2", **FAST)
        log = server.batch_log
    assert (report.ok, report.failed, report.batches, report.requests_sent) == (4, 0, 1, 4)
    assert (log.uploads, len(log.created), log.lines[log.created[0]]) == (1, 1, 4)
    assert server.log.requests == 0, "nothing was asked in real time"
    realtime, batch = rows(tmp_path / "rt.jsonl"), rows(tmp_path / "b.jsonl")
    assert set(realtime) == set(batch)
    for name, record in batch.items():
        assert record["batch"] == {
            "batch_ids": log.created,
            "answered_by": "batch",
            "batch_usage": record["usage"],
        }
        same = {k: v for k, v in record.items() if k not in PROVENANCE}
        assert same == {k: v for k, v in realtime[name].items() if k not in PROVENANCE}, name
    assert report.reasked == {} and report.pending == 0
    assert not list(tmp_path.glob(".b.jsonl.batch-api.json.input-*")), "the uploaded input file is removed"


def test_cost_is_the_batch_price_and_the_saving_is_reported(folder: Path, tmp_path: Path) -> None:
    with BatchApiServer() as server:
        options = {**FAST, "base_url": "https://batch.example.test/v1", "cache_dir": tmp_path / "c"}
        with Summarizer(async_http_client=rerouted(server.url), **options) as summarizer:
            report = run_batch_api(folder, out=tmp_path / "b.jsonl", summarizer=summarizer)
    records = rows(tmp_path / "b.jsonl").values()
    full = 0.0
    for record in records:
        usage = record["usage"]
        realtime = estimate_cost("gpt-4o-mini", usage["prompt_tokens"], usage["completion_tokens"], local=False)
        assert realtime and record["cost_usd"] == pytest.approx(realtime / 2, abs=1e-8)
        full += realtime
    assert report.cost_usd == pytest.approx(full / 2, abs=1e-7)
    assert report.realtime_cost_usd == pytest.approx(full, abs=1e-7)
    assert report.saved_usd == pytest.approx(full / 2, abs=1e-7) and report.saved_usd > 0


@pytest.mark.parametrize(
    ("limit", "expected"), [({"batch_max_requests": 3}, [3, 1]), ({"batch_max_bytes": 20_000}, [1, 1, 1, 1])]
)
def test_inputs_over_the_limits_are_split_into_several_batches(
    folder: Path, tmp_path: Path, limit: dict[str, int], expected: list[int]
) -> None:
    server_limits = {
        "max_lines": limit.get("batch_max_requests", 50_000),
        "max_bytes": limit.get("batch_max_bytes", 10**9),
    }
    with BatchApiServer(**server_limits) as server:
        report = run_batch_api(folder, out=tmp_path / "b.jsonl", base_url=server.url, **FAST, **limit)
        log = server.batch_log
    assert [log.lines[b] for b in log.created] == expected
    assert all(size <= limit.get("batch_max_bytes", 10**9) for size in log.upload_bytes)
    assert report.batches == len(expected) and report.ok == 4 and report.reasked == {}
    assert {r["status"] for r in rows(tmp_path / "b.jsonl").values()} == {"ok"}


def test_invalid_ungrounded_and_errored_items_are_asked_again_in_real_time(folder: Path, tmp_path: Path) -> None:
    plan = by_article(
        folder,
        {
            "valdoria-border.txt": ("bad_schema",),
            "orlen-ceasefire.txt": ("ungrounded",),
            "kestria-two-fronts.txt": ("error",),
        },
    )
    with BatchApiServer(plan) as server:
        report = run_batch_api(folder, out=tmp_path / "b.jsonl", base_url=server.url, **FAST)
        realtime = dict(server.log.by_article)
        tokens = {k: tuple(v) for k, v in server.log.tokens.items()}
    assert report.reasked == {"invalid": 1, "ungrounded": 1, "error": 1}
    assert report.ok == 4 and report.batches == 1 and report.realtime_requests == 3
    assert sorted(len(v) for v in realtime.values()) == [1, 1, 1], "one real-time request for each, no more"
    out = rows(tmp_path / "b.jsonl")
    for name in ("valdoria-border.txt", "orlen-ceasefire.txt"):
        assert out[name]["attempts"] == {"requests": 2, "transport_retries": 0, "reasks": 1}
        assert out[name]["batch"]["answered_by"] == "realtime"
        assert not out[name]["grounding"]["dropped"]
    assert out["kestria-two-fronts.txt"]["attempts"] == {"requests": 2, "transport_retries": 1, "reasks": 0}
    assert out["kestria-grenze-de.txt"]["batch"]["answered_by"] == "batch"
    for name, record in out.items():  # usage is every token billed for the article, batch and real time
        usage = record["usage"]
        assert (usage["prompt_tokens"], usage["completion_tokens"]) == tokens[key(folder, name)], name


def test_a_reask_sends_the_answer_and_its_validation_error_back(folder: Path, tmp_path: Path) -> None:
    plan = by_article(folder, {"valdoria-border.txt": ("bad_schema",)})
    with BatchApiServer(plan) as server:
        run_batch_api(folder, out=tmp_path / "b.jsonl", base_url=server.url, reask_via="batch", **FAST)
        second = server.files[server.batches[server.batch_log.created[1]]["input_file_id"]]["data"]
    body = json.loads(second)["body"]
    assert [m["role"] for m in body["messages"]] == ["system", "user", "assistant", "user"]
    assert body["messages"][3]["content"].startswith("Correct your JSON ONLY RESPONSE")
    assert "summary" in body["messages"][3]["content"] and "mood" in body["messages"][2]["content"]


def test_reask_via_batch_makes_a_second_batch_and_no_realtime_request(folder: Path, tmp_path: Path) -> None:
    plan = by_article(folder, {"valdoria-border.txt": ("bad_schema",), "orlen-ceasefire.txt": ("error",)})
    with BatchApiServer(plan) as server:
        report = run_batch_api(folder, out=tmp_path / "b.jsonl", base_url=server.url, reask_via="batch", **FAST)
        log = server.batch_log
        realtime = server.log.requests
    assert realtime == 0
    assert [log.lines[b] for b in log.created] == [4, 2]
    assert report.reasked == {"invalid": 1, "error": 1} and report.ok == 4 and report.requests_sent == 6
    out = rows(tmp_path / "b.jsonl")
    assert out["valdoria-border.txt"]["batch"]["batch_ids"] == log.created
    assert out["valdoria-border.txt"]["batch"]["batch_usage"] == out["valdoria-border.txt"]["usage"]
    assert out["valdoria-border.txt"]["attempts"]["reasks"] == 1


def test_reask_via_batch_gives_up_after_max_reasks_and_keeps_the_grounded_rest(folder: Path, tmp_path: Path) -> None:
    plan = by_article(folder, {"valdoria-border.txt": ("ungrounded",) * 5})
    with BatchApiServer(plan) as server:
        report = run_batch_api(
            folder, out=tmp_path / "b.jsonl", base_url=server.url, reask_via="batch", max_reasks=2, **FAST
        )
        log = server.batch_log
    assert [log.lines[b] for b in log.created] == [4, 1, 1]
    record = rows(tmp_path / "b.jsonl")["valdoria-border.txt"]
    assert record["status"] == "ok" and record["grounding"]["dropped"], "the unquotable evidence is dropped"
    assert record["attempts"]["reasks"] == 2 and report.reasked == {"ungrounded": 2}


@pytest.mark.parametrize("reask_via", ["realtime", "batch"])
def test_an_expired_batch_has_its_unanswered_half_asked_again(folder: Path, tmp_path: Path, reask_via: str) -> None:
    outcome = lambda n: "expired" if n == 0 else "completed"  # noqa: E731
    with BatchApiServer(outcome=outcome) as server:
        report = run_batch_api(folder, out=tmp_path / "b.jsonl", base_url=server.url, reask_via=reask_via, **FAST)
        realtime = server.log.requests
        log = server.batch_log
    assert report.reasked == {"expired": 2} and report.ok == 4
    if reask_via == "realtime":
        assert realtime == 2 and len(log.created) == 1
    else:
        assert realtime == 0 and [log.lines[b] for b in log.created] == [4, 2]


def test_a_failed_batch_is_asked_in_real_time_or_ends_in_error_records(folder: Path, tmp_path: Path) -> None:
    with BatchApiServer(outcome=lambda n: "failed") as server:
        report = run_batch_api(folder, out=tmp_path / "a.jsonl", base_url=server.url, **FAST)
    assert report.reasked == {"failed": 4} and report.ok == 4 and report.realtime_requests == 4
    with BatchApiServer(outcome=lambda n: "failed") as server:
        report = run_batch_api(
            folder, out=tmp_path / "b.jsonl", base_url=server.url, reask_via="batch", use_cache=False, **FAST
        )
        created = len(server.batch_log.created)
    assert created == 3 and report.failed == 4 and report.ok == 0  # the first batch and max_reasks=2 more
    errors = rows(tmp_path / "b.jsonl").values()
    assert {r["error_type"] for r in errors} == {"BatchIncomplete"} and all(r["attempts"] == 3 for r in errors)


def test_cancel_keeps_the_answers_then_retry_failed_asks_the_rest(folder: Path, tmp_path: Path) -> None:
    hold = threading.Event()
    out = tmp_path / "b.jsonl"
    with BatchApiServer(hold=hold) as server:
        first = run_batch_api(folder, out=out, base_url=server.url, wait=False, **FAST)
        assert first.pending == 4 and first.written == 0 and not out.exists()
        assert [r["status"] for r in batch_status(out, base_url=server.url, **FAST)] == ["in_progress"]
        assert [r["status"] for r in cancel_batches(out, base_url=server.url, **FAST)] == ["cancelling"]
        second = run_batch_api(folder, out=out, base_url=server.url, **FAST)
        assert (second.ok, second.failed, second.batches) == (2, 2, 0)
        assert {r["error_type"] for r in rows(out).values() if r["status"] == "error"} == {"BatchIncomplete"}
        hold.set()
        third = run_batch_api(folder, out=out, base_url=server.url, retry_failed=True, **FAST)
        created = server.batch_log.created
    assert (third.ok, third.already_done, third.batches, len(created)) == (2, 2, 1, 2)
    assert {r["status"] for r in rows(out).values()} == {"ok"} and len(rows(out)) == 4


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    env |= {
        "OPENAI_API_KEY": MARKER_KEY,
        "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache"),
        "SUMMARIZER_MODEL": "gpt-4o-mini",
        "SUMMARIZER_BATCH_POLL_INITIAL": "0.02",
        "SUMMARIZER_BATCH_POLL_MAX": "0.05",
    }
    return env


def test_killed_between_submit_and_collect_then_a_rerun_collects_without_resubmitting(
    folder: Path, tmp_path: Path
) -> None:
    hold = threading.Event()
    out = tmp_path / "b.jsonl"
    state = tmp_path / ".b.jsonl.batch-api.json"
    with BatchApiServer(hold=hold) as server:
        command = [sys.executable, "-m", "summarizer", "batch", str(folder), "-o", str(out), "--via", "batch-api"]
        process = subprocess.Popen(
            [*command, "--base-url", server.url],
            env=_env(tmp_path),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 30
            while server.batch_log.retrieves < 2 and time.monotonic() < deadline and process.poll() is None:
                time.sleep(0.05)
            assert server.batch_log.retrieves >= 2, "the run did not submit and poll"
            process.send_signal(signal.SIGKILL)
        finally:
            process.wait(timeout=10)
        assert json.loads(state.read_text())["batches"][0]["id"] == server.batch_log.created[0]
        assert not out.exists()
        hold.set()
        report = run_batch_api(folder, out=out, base_url=server.url, **FAST)
        log = server.batch_log
    assert (log.uploads, len(log.created), report.batches, report.requests_sent) == (1, 1, 0, 0)
    assert report.ok == 4 and len(rows(out)) == 4


def test_a_run_killed_after_the_upload_finds_its_batch_instead_of_making_another(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "b.jsonl"
    real = BatchClient.create

    async def created_then_killed(self: BatchClient, file_id: str, metadata: dict[str, str]) -> dict[str, Any]:
        await real(self, file_id, metadata)
        raise KeyboardInterrupt  # the batch exists at the provider; the state does not have its id

    with BatchApiServer() as server:
        monkeypatch.setattr(BatchClient, "create", created_then_killed)
        with pytest.raises(KeyboardInterrupt):
            run_batch_api(folder, out=out, base_url=server.url, **FAST)
        monkeypatch.setattr(BatchClient, "create", real)
        report = run_batch_api(folder, out=out, base_url=server.url, **FAST)
        log = server.batch_log
    assert (log.uploads, len(log.created)) == (1, 1) and report.ok == 4


def test_a_second_run_is_served_from_the_cache_without_a_batch(folder: Path, tmp_path: Path) -> None:
    with BatchApiServer() as server:
        run_batch_api(folder, out=tmp_path / "a.jsonl", base_url=server.url, **FAST)
        again = run_batch_api(folder, out=tmp_path / "b.jsonl", base_url=server.url, **FAST)
        created = len(server.batch_log.created)
    assert created == 1 and again.cached == 4 and again.batches == 0


def test_the_batch_api_needs_an_llm_and_an_output_file(folder: Path, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="needs an LLM"):
        run_batch_api(folder, out=tmp_path / "b.jsonl", engine="extractive")
    with pytest.raises(ConfigError, match="state beside the output"):
        run_batch_api(folder, out="-", **FAST)
    with pytest.raises(ConfigError, match="reask_via"):
        run_batch_api(folder, out=tmp_path / "b.jsonl", reask_via="carrier-pigeon", **FAST)


def test_cli_batch_via_batch_api_then_status(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from summarizer.cli import app

    for name, value in _env(tmp_path).items():
        if name.startswith(("OPENAI_", "SUMMARIZER_")):
            monkeypatch.setenv(name, value)
    out = tmp_path / "b.jsonl"
    runner = CliRunner()
    with BatchApiServer() as server:
        run = ["batch", str(folder), "-o", str(out), "--via", "batch-api", "--base-url", server.url, "--no-progress"]
        done = runner.invoke(app, run)
        shown = runner.invoke(app, ["batch-status", "-o", str(out), "--base-url", server.url])
        dry = runner.invoke(app, ["batch", str(folder), "--dry-run", "--via", "batch-api", "--base-url", server.url])
    assert done.exit_code == 0, done.output
    assert "1 batch created, 4 requests sent in batches, 0 real-time" in done.stderr
    assert "asked again: none" in done.stderr and "submitted batch batch-" in done.stderr
    assert shown.exit_code == 0 and "collected" in shown.stdout and "batch-0" in shown.stdout
    assert dry.exit_code == 0 and "would run" in dry.stdout


def test_cli_batch_api_without_a_key_fails_at_once_with_one_error(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    import summarizer.api
    from summarizer.cli import app

    monkeypatch.delenv("OPENAI_API_KEY")
    monkeypatch.setattr(summarizer.api, "_announced", False)  # the offline notice is said once per process
    out = tmp_path / "b.jsonl"
    done = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out), "--via", "batch-api", "--no-progress"])
    assert done.exit_code == 2, done.output
    assert "no LLM configured" not in done.stderr, "the offline notice before the error that contradicts it"
    assert done.stderr.strip().splitlines() == [
        "error: the Batch API needs an LLM: set OPENAI_API_KEY (or --base-url for a server with a Batch API); "
        "the extractive engine runs locally and needs no batch"
    ]
    assert not out.exists() and list(tmp_path.glob(".b.jsonl*")) == []


def test_batch_status_without_a_run_says_so(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no Batch API run"):
        batch_status(tmp_path / "none.jsonl", **FAST)


def test_batch_incomplete_is_a_provider_error() -> None:
    from summarizer import ProviderError

    assert issubclass(BatchIncomplete, ProviderError)


def test_the_dry_run_prices_a_batch_api_run_at_half(folder: Path) -> None:
    from summarizer.batch import plan_batch

    realtime = plan_batch(folder, out=None, **FAST).totals()["cost_usd"]
    batch = plan_batch(folder, out=None, batch_price=True, **FAST).totals()["cost_usd"]
    assert realtime and batch == pytest.approx(realtime / 2, abs=1e-6)


def test_the_batch_limits_are_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from summarizer.config import resolve_settings

    monkeypatch.setenv("SUMMARIZER_BATCH_MAX_REQUESTS", "7")
    monkeypatch.setenv("SUMMARIZER_BATCH_MAX_BYTES", "1000")
    settings = resolve_settings()
    assert (settings.batch_max_requests, settings.batch_max_bytes) == (7, 1000)
    monkeypatch.setenv("SUMMARIZER_BATCH_MAX_REQUESTS", "0")
    with pytest.raises(ConfigError, match="batch_max_requests"):
        resolve_settings()


def test_an_out_dir_run_keeps_its_state_inside_and_resumes(folder: Path, tmp_path: Path) -> None:
    hold = threading.Event()
    out_dir = tmp_path / "records"
    with BatchApiServer(hold=hold) as server:
        first = run_batch_api(folder, out=None, out_dir=out_dir, base_url=server.url, wait=False, **FAST)
        assert first.pending == 4 and (out_dir / ".summarizer-batch-api.json").is_file()
        hold.set()
        second = run_batch_api(folder, out=None, out_dir=out_dir, base_url=server.url, **FAST)
        created = len(server.batch_log.created)
    assert created == 1 and second.ok == 4
    assert len([p for p in out_dir.glob("*.json") if not p.name.startswith(".")]) == 4


def test_a_second_process_on_the_same_output_is_refused(folder: Path, tmp_path: Path) -> None:
    from summarizer.batch.api_state import RunState

    out = tmp_path / "b.jsonl"
    with RunState(tmp_path / ".b.jsonl.batch-api.json").lock(), pytest.raises(ConfigError, match="another"):
        run_batch_api(folder, out=out, base_url="http://127.0.0.1:9/v1", **FAST)


def test_a_cut_off_answer_and_an_oversized_request_are_error_records(folder: Path, tmp_path: Path) -> None:
    plan = by_article(folder, {"valdoria-border.txt": ("truncated",)})
    with BatchApiServer(plan) as server:
        report = run_batch_api(folder, out=tmp_path / "a.jsonl", base_url=server.url, **FAST)
        realtime = server.log.requests
    cut = rows(tmp_path / "a.jsonl")["valdoria-border.txt"]
    assert cut["error_type"] == "OutputError" and "max_tokens" in cut["error"] and cut["usage"]["total_tokens"] > 0
    assert realtime == 0 and report.reasked == {}, "a cut-off answer is not re-asked, as in real time"
    first = server.files[server.batches[server.batch_log.created[0]]["input_file_id"]]["data"]
    sizes = sorted((len(line) + 1, json.loads(line)["custom_id"]) for line in first.splitlines())
    (_, big), limit = sizes[-1], sizes[-2][0] + 1  # the largest request is over the limit, the others not
    with BatchApiServer() as server:
        run_batch_api(
            folder, out=tmp_path / "b.jsonl", base_url=server.url, batch_max_bytes=limit, use_cache=False, **FAST
        )
    out = {r["article_id"]: r for r in rows(tmp_path / "b.jsonl").values()}
    assert out[big]["error_type"] == "InputError" and "batch_max_bytes" in out[big]["error"]
    assert sum(r["status"] == "ok" for r in out.values()) == 3
