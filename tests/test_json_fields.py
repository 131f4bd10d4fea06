"""JSON exports whose article text sits in a nested field: named with a dotted --text-field, or said what to pass."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from summarizer import SummaryRecord, summarize
from summarizer.cli import app

runner = CliRunner()

HARBOUR = (
    "The harbour of Velmora reopened on Tuesday after three weeks of repairs to its northern pier. Harbour master "
    "Ilse Tarrow said the ferries to Quell Island would run on the winter timetable until March. Fishermen had "
    "waited at the quay since dawn."
)
ROAD = (
    "The town council of Brennick voted on Monday to close the old tannery road for resurfacing. Councillor Amos "
    "Vey said the works would take six weeks. Shops on the road will stay open throughout."
)
FLOOD = (
    "Floods in the Marrow valley cut the railway between Ostel and Pine Ford on Sunday. Engineers expect the line "
    "to reopen by Friday. Buses replace the trains meanwhile, the operator said."
)
ADVICE = "its keys are id, story (headline, body); its longest text is at story.body: pass --text-field story.body"


def _one(tmp_path: Path) -> Path:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": 7, "story": {"headline": "Velmora harbour reopens", "body": HARBOUR}}))
    return path


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "list.json").write_text(json.dumps([{"story": {"body": ROAD}}, {"story": {"body": FLOOD}}]))
    (folder / "lines.jsonl").write_text(json.dumps({"item": {"versions": [{"text": HARBOUR}]}}) + "\n")
    return folder


def _records(path: Path) -> dict[str, dict[str, object]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {record["source_path"]: record for record in map(json.loads, lines)}


def test_summarize_reads_a_nested_field_named_by_a_dotted_path(no_key: None, tmp_path: Path) -> None:
    result = runner.invoke(app, ["summarize", str(_one(tmp_path)), "--text-field", "story.body"])
    # It was "No such option: --text-field" (summarize had none), and batch looked for a key named "story.body".
    assert result.exit_code == 0, result.output
    record = SummaryRecord.model_validate_json(result.stdout)
    assert record.status == "ok" and "Velmora" in record.summary.summary
    assert record.title == "Velmora harbour reopens"  # the headline beside the text


def test_the_python_api_takes_the_same_path(no_key: None, tmp_path: Path) -> None:
    record = summarize(path=_one(tmp_path), text_field="story.body")
    assert record.status == "ok" and "Quell Island" in record.summary.summary


def test_a_nested_text_not_found_says_which_keys_exist_and_what_to_pass(no_key: None, tmp_path: Path) -> None:
    path = _one(tmp_path)
    result = runner.invoke(app, ["summarize", str(path)])
    # It said only "has no text in field text / body / ...; choose one with --text-field".
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines()[-1] == (
        f"error: {path} has no text in field text / body / content / articleBody / article / full_text; "
        f"{ADVICE} (text_field= in Python)"
    )
    wrong = runner.invoke(app, ["summarize", str(path), "--text-field", "story.bdy"])
    assert wrong.exit_code == 2 and f"{path} has no field story.bdy; {ADVICE}" in wrong.stderr
    parent = runner.invoke(app, ["summarize", str(path), "--text-field", "story"])
    assert parent.exit_code == 2 and f"{path}: field story holds an object, not text; {ADVICE}" in parent.stderr


def test_a_text_field_for_a_file_that_is_not_json_is_refused(no_key: None, tmp_path: Path) -> None:
    path = tmp_path / "harbour.txt"
    path.write_text(HARBOUR, encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(path), "--text-field", "story.body"])
    assert result.exit_code == 2  # not passed over: the user meant something the file does not hold
    assert f"{path} is not a .json or .jsonl file; --text-field (text_field=) names a field" in result.stderr


def test_batch_reads_nested_fields_in_lists_and_json_lines(no_key: None, tmp_path: Path) -> None:
    folder, out = _folder(tmp_path), tmp_path / "records.jsonl"
    result = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--no-progress", "--text-field", "story.body"])
    assert result.exit_code == 1  # lines.jsonl holds its text elsewhere: one error record, the batch goes on
    records = _records(out)
    assert [records[k]["status"] for k in ("list.json[0]", "list.json[1]", "lines.jsonl:1")] == ["ok", "ok", "error"]
    assert str(records["lines.jsonl:1"]["error"]).endswith(
        "its keys are item (versions); its longest text is at item.versions.0.text: pass --text-field "
        "item.versions.0.text (text_field= in Python)"
    )
    again = tmp_path / "again.jsonl"
    listed = ["batch", str(folder), "-o", str(again), "--no-progress", "--text-field", "item.versions.0.text"]
    assert runner.invoke(app, listed).exit_code == 1
    assert _records(again)["lines.jsonl:1"]["status"] == "ok"


def test_batch_without_the_field_names_the_keys_in_each_error_record(no_key: None, tmp_path: Path) -> None:
    folder, out = _folder(tmp_path), tmp_path / "records.jsonl"
    runner.invoke(app, ["batch", str(folder), "-o", str(out), "--no-progress"])
    error = _records(out)["list.json[1]"]["error"]
    assert str(error).endswith(
        "its keys are story (body); its longest text is at story.body: pass --text-field story.body "
        "(text_field= in Python)"
    )


def test_articles_in_a_list_under_a_key_are_told_how_to_be_split(no_key: None, tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps({"feed": "Brennick Gazette", "articles": [{"body": ROAD}, {"body": FLOOD}]}))
    result = runner.invoke(app, ["summarize", str(path)])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(
        "its keys are feed, articles (a list of 2); its longest text is at articles.0.body: pass --text-field "
        "articles.0.body (text_field= in Python); if articles holds one article an item, make each its own line "
        "first: jq -c '.articles[]' FILE > articles.jsonl"
    )


def test_help_says_a_dotted_path_reaches_nested_objects() -> None:
    for command in ("summarize", "batch"):
        shown = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"}).stdout
        text = " ".join(shown.replace("\u2502", " ").split())  # the panel's borders out
        assert "a dotted path reaches into nested objects (story.body" in text, command
