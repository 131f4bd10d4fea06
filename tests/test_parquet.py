"""Batch records as Parquet: one row per article with the JSON record's values, resume, one schema, the extra."""

from __future__ import annotations

import json
import shutil
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.batch import run_batch
from summarizer.batch.parquet import is_our_parquet, read_parquet, record_schema, write_parquet
from summarizer.cli import app
from summarizer.errors import ConfigError
from tests.conftest import SHARED
from tests.fault_server import FaultServer, faults_then_ok

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

BBC = SHARED / "corpus" / "bbc-news"
TIMING = ("created_at", "latency_s")  # when and how fast: they differ between any two runs
runner = CliRunner()


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """The extractive engine."""
    monkeypatch.delenv("OPENAI_API_KEY")


def _folder(root: Path, count: int = 4, broken: bool = True) -> Path:
    """A few BBC articles from two sections, and (with broken) one file that is not JSON though named so."""
    folder = root / "in"
    folder.mkdir(parents=True)
    for path in sorted(BBC.glob("business/*.txt"))[: count // 2] + sorted(BBC.glob("tech/*.txt"))[: count - count // 2]:
        shutil.copy(path, folder / f"{path.parent.name}-{path.name}")
    if broken:
        (folder / "broken.json").write_text('{"title": "Orlen ferry", "text": ', encoding="utf-8")
    return folder


def _journal(out: Path) -> list[dict[str, Any]]:
    path = out.with_name(f".{out.name}.jsonl")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _untimed(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in TIMING}


def test_each_article_is_one_row_holding_its_json_record(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    out = tmp_path / "records.parquet"
    done = runner.invoke(app, ["batch", str(folder), "-o", str(out)])  # the format from the suffix
    assert done.exit_code == 1, done.output  # 1: an error record was written
    table = pq.read_table(out)
    journal = {r["article_id"]: r for r in _journal(out)}
    assert table.num_rows == len(journal) == 5
    rows = {r["article_id"]: r for r in table.to_pylist()}
    assert rows.keys() == journal.keys()
    for key, record in journal.items():
        row = rows[key]
        assert row["created_at"] == datetime.fromisoformat(record["created_at"])  # a UTC timestamp, not text
        if record["status"] == "error":
            assert row["attempts"]["requests"] == record["attempts"]
        for name, value in record.items():
            if name != "created_at" and not (name == "attempts" and record["status"] == "error"):
                assert row[name] == value, (key, name)  # nested parts are structs and lists of the same values
        assert all(row[name] is None for name in set(row) - set(record))  # the other kind's columns are null
    errors = [r for r in rows.values() if r["status"] == "error"]
    assert len(errors) == 1 and errors[0]["source_path"] == "broken.json" and errors[0]["error_type"] == "InputError"
    assert errors[0]["summary"] is None and errors[0]["article_text"] is None
    levels = table.column("summary").combine_chunks().field("escalation").field("level").to_pylist()
    assert sorted(levels, key=str) == sorted(
        (r["summary"]["escalation"]["level"] if r["status"] == "ok" else None for r in journal.values()), key=str
    )
    # the same records as a JSON lines run writes of the same folder
    plain = run_batch(folder, out=tmp_path / "records.jsonl", use_cache=False)
    assert plain.written == 5
    lines = [json.loads(x) for x in (tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["article_id"]: _untimed(r) for r in lines} == {k: _untimed(r) for k, r in journal.items()}
    assert read_parquet(out) == list(journal.values())  # and back again, exactly


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_llm_records_keep_their_checks_attempts_and_spans(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 3)
    out = tmp_path / "llm.parquet"
    llm = {"engine": "llm", "provider": "vllm", "model": "fault-model", "use_cache": False}
    with FaultServer(faults_then_ok("500"), max_requests=40, max_seconds=60) as server:
        report = run_batch(folder, out=out, base_url=server.url, **llm)
    assert (report.ok, report.failed) == (3, 1)
    journal = {r["article_id"]: r for r in _journal(out)}
    rows = pq.read_table(out).to_pylist()
    assert len(rows) == 4
    for row in rows:
        record = journal[row["article_id"]]
        if record["status"] == "ok":
            assert row["checks"] == record["checks"] and row["checks"]["figures"] is not None
            assert row["attempts"] == record["attempts"] and row["attempts"]["transport_retries"] >= 1
            assert row["usage"] == record["usage"] and row["usage"]["total_tokens"] > 0
            assert row["spans"] == record["spans"] and row["summary"] == record["summary"]
    assert read_parquet(out) == list(journal.values())


def test_a_journal_holding_an_article_twice_gives_one_row_the_last(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 2, broken=False)
    out = tmp_path / "records.parquet"
    run_batch(folder, out=out)
    journal = out.with_name(f".{out.name}.jsonl")
    first = json.loads(journal.read_text(encoding="utf-8").splitlines()[0])
    with open(journal, "a", encoding="utf-8") as handle:
        handle.write(json.dumps({**first, "title": "Written again"}) + "\n")
    run_batch(folder, out=out)  # nothing to do; the file is rendered again from the journal
    table = pq.read_table(out)
    titles = dict(zip(table.column("article_id").to_pylist(), table.column("title").to_pylist(), strict=True))
    assert table.num_rows == 2 and titles[first["article_id"]] == "Written again"


def test_format_option_and_python_api_write_parquet(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 2, broken=False)
    forced = tmp_path / "records.bin"
    assert runner.invoke(app, ["batch", str(folder), "-o", str(forced), "--format", "parquet"]).exit_code == 0
    report = run_batch(folder, out=tmp_path / "api.parquet")
    assert (report.ok, report.failed) == (2, 0)
    for path in (forced, tmp_path / "api.parquet"):
        assert path.read_bytes()[:4] == b"PAR1" and is_our_parquet(path)
        assert pq.read_table(path).num_rows == 2


def test_every_file_has_one_schema_so_many_read_as_one_dataset(tmp_path: Path) -> None:
    only_errors = tmp_path / "set" / "errors.parquet"
    only_ok = tmp_path / "set" / "ok.parquet"
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "x.json").write_text("{", encoding="utf-8")
    assert run_batch(broken, out=only_errors).failed == 1
    assert run_batch(_folder(tmp_path, 3, broken=False), out=only_ok).ok == 3
    empty = tmp_path / "set" / "empty.parquet"
    assert write_parquet([], empty) == 0
    schemas = [pq.read_schema(p) for p in (only_errors, only_ok, empty)]
    assert all(s.equals(record_schema()) and s.metadata == record_schema().metadata for s in schemas)
    assert pq.read_table(empty).num_rows == 0
    # a run of error records alone still types every nested column: the files read together
    joined = pq.ParquetDataset(tmp_path / "set").read()
    assert joined.num_rows == 4 and sorted(joined.column("status").to_pylist()) == ["error", "ok", "ok", "ok"]
    assert pa.types.is_struct(joined.schema.field("summary").type)
    assert pa.types.is_timestamp(joined.schema.field("created_at").type)


def test_an_interrupted_run_leaves_its_rows_and_the_rerun_does_the_rest(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 6)
    out = tmp_path / "records.parquet"

    def stop(result: Any, report: Any) -> None:
        if report.written == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(folder, out=out, concurrency=1, on_result=stop)
    assert len(_journal(out)) == 3 and pq.read_table(out).num_rows == 3  # rendered on the way out
    with open(out.with_name(f".{out.name}.jsonl"), "a", encoding="utf-8") as journal:
        journal.write('{"status": "ok", "article_id": "torn')  # a kill in the middle of a line
    assert pq.read_table(out).num_rows == 3
    rerun = run_batch(folder, out=out)
    assert (rerun.already_done, rerun.written) == (3, 4)
    ids = pq.read_table(out).column("article_id").to_pylist()
    assert len(ids) == len(set(ids)) == 7 and ids == [r["article_id"] for r in _journal(out)]
    again = run_batch(folder, out=out, retry_failed=True)  # the error record is redone, not added twice
    assert (again.already_done, again.failed) == (6, 1)
    assert pq.read_table(out).num_rows == 7


def test_a_parquet_file_copied_without_its_journal_still_resumes(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 2, broken=False)
    out = tmp_path / "records.parquet"
    run_batch(folder, out=out)
    before = read_parquet(out)
    out.with_name(f".{out.name}.jsonl").unlink()
    rerun = run_batch(folder, out=out)
    assert (rerun.already_done, rerun.written) == (2, 0)
    assert read_parquet(out) == before


def test_other_files_are_not_overwritten(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 2, broken=False)
    foreign = tmp_path / "theirs.parquet"
    pq.write_table(pa.table({"x": [1, 2]}), foreign)
    before = foreign.read_bytes()
    refused = runner.invoke(app, ["batch", str(folder), "-o", str(foreign)])
    assert refused.exit_code == 2 and "is not summarizer batch output" in refused.stderr
    assert foreign.read_bytes() == before
    ours = tmp_path / "ours.parquet"
    run_batch(folder, out=ours)
    as_jsonl = runner.invoke(app, ["batch", str(folder), "-o", str(ours), "-f", "jsonl"])
    assert as_jsonl.exit_code == 2 and "holds Parquet" in as_jsonl.stderr and "-f parquet" in as_jsonl.stderr
    truncated = tmp_path / "cut.parquet"
    truncated.write_bytes(ours.read_bytes()[:-20])
    assert not is_our_parquet(truncated)


def test_parquet_streams_to_a_pipe_and_not_to_a_folder(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 2, broken=False)
    streamed = runner.invoke(app, ["batch", str(folder), "-o", "-", "-f", "parquet"])
    assert streamed.exit_code == 0, streamed.stderr
    assert pq.read_table(pa.BufferReader(streamed.stdout_bytes)).num_rows == 2
    per_article = runner.invoke(app, ["batch", str(folder), "--out-dir", str(tmp_path / "d"), "-f", "parquet"])
    assert per_article.exit_code == 2 and "-o" in per_article.stderr and not (tmp_path / "d").exists()


def test_without_pyarrow_the_message_says_how_to_install_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path, 2, broken=False)
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now fails as if it were not installed
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ConfigError, match=r"pip install 'summarizer\[parquet\]'"):
        run_batch(folder, out=tmp_path / "records.parquet")
    cli = runner.invoke(app, ["batch", str(folder), "-o", str(tmp_path / "records.parquet")])
    assert cli.exit_code == 2 and "pip install 'summarizer[parquet]'" in cli.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]  # refused before anything was written
