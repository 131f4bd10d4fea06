"""Cache faults: a corrupted or unusable cache, and two processes writing one cache at once."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer import CacheWarning, Summarizer
from summarizer.batch import run_batch
from tests.conftest import ROOT, SHARED, article

BBC = SHARED / "corpus" / "bbc-news"


def folder_of(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for path in sorted(BBC.glob("politics/*.txt"))[:count]:
        shutil.copy(path, folder / path.name)
    return folder


def summaries(path: Path) -> dict[str, str]:
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    return {r["source_path"]: r["summary"]["summary"] for r in rows if r["status"] == "ok"}


def test_corrupted_cache_directory_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, 20)
    cache = tmp_path / "cache"
    first = run_batch(folder, out=tmp_path / "a.jsonl", engine="extractive", cache_dir=cache)
    for item in cache.rglob("*"):
        if item.is_file():
            item.write_bytes(os.urandom(4096))
    with pytest.warns(CacheWarning):
        second = run_batch(folder, out=tmp_path / "b.jsonl", engine="extractive", cache_dir=cache)
    assert first.ok == second.ok == 20 and second.failed == 0
    assert summaries(tmp_path / "a.jsonl") == summaries(tmp_path / "b.jsonl")


def test_read_only_cache_directory(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o555)
    tmp_path.chmod(0o755)
    code = (
        "import json, sys, warnings; sys.path.insert(0, sys.argv[2]);"
        "from summarizer import Summarizer\n"
        "with warnings.catch_warnings(record=True) as seen:\n"
        "    warnings.simplefilter('always')\n"
        "    with Summarizer(engine='extractive', cache_dir=sys.argv[1]) as s:\n"
        "        record = s.summarize(sys.argv[3])\n"
        "print(json.dumps({'warned': [str(w.message) for w in seen], 'summary': record.summary.summary}))"
    )
    # root writes through permissions, so the check runs as nobody where it can
    prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
    if prefix and shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv to drop privileges")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    done = subprocess.run(
        [*prefix, sys.executable, "-c", code, str(cache), str(ROOT), article("valdoria-border.txt")],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["summary"] and any("cannot be opened" in w for w in result["warned"])


def test_two_processes_writing_one_cache(tmp_path: Path) -> None:
    folder = folder_of(tmp_path, 60)
    cache = tmp_path / "cache"
    code = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[4]);"
        "from summarizer.batch import run_batch;"
        "r = run_batch(Path(sys.argv[1]), out=Path(sys.argv[2]), engine='extractive', cache_dir=Path(sys.argv[3]),"
        " concurrency=4); sys.exit(1 if r.failed else 0)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "SUMMARIZER_"))}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(folder), str(tmp_path / f"{n}.jsonl"), str(cache), str(ROOT)], env=env
        )
        for n in ("one", "two")
    ]
    assert [p.wait(timeout=120) for p in runs] == [0, 0]
    one, two = summaries(tmp_path / "one.jsonl"), summaries(tmp_path / "two.jsonl")
    assert len(one) == 60 and one == two
    third = run_batch(folder, out=tmp_path / "three.jsonl", engine="extractive", cache_dir=cache)
    assert third.cached == 60 and summaries(tmp_path / "three.jsonl") == one


def test_no_wrong_hit_between_near_identical_articles(tmp_path: Path) -> None:
    text = article("valdoria-border.txt")
    other = text.replace("about 4,000 soldiers", "about 5,000 soldiers")
    with Summarizer(engine="extractive", cache_dir=tmp_path / "cache") as s:
        first, second = s.summarize(text), s.summarize(other)
        again = s.summarize(other)
    assert not second.cached and again.cached
    assert first.content_sha256 != second.content_sha256 == again.content_sha256
    assert any("5,000" in f.quantity for f in again.summary.key_figures)
