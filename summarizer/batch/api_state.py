"""The Batch API run's state, kept next to its output: which batches hold which articles.

Written atomically after every change (a file uploaded, a batch created, a batch
collected), so a killed or closed terminal loses nothing: a later run, or
``batch-status``/``batch-cancel``, reads it and carries on from there.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from .writers import Output

__all__ = ["KIND", "TERMINAL", "RunState", "Submitted", "input_path", "state_path"]

KIND = "summarizer batch-api state"
TERMINAL = frozenset({"completed", "failed", "expired", "cancelled"})


def state_path(output: Output) -> Path:
    """Where a run keeps its Batch API state: a hidden file beside -o, or inside --out-dir."""
    if output.path is not None:
        return output.path.with_name(f".{output.path.name}.batch-api.json")
    if output.out_dir is not None:
        return output.out_dir / ".summarizer-batch-api.json"
    raise ConfigError("the Batch API needs an output file (-o FILE) or folder (--out-dir) to keep its state beside")


def _make_folders(folder: Path) -> list[Path]:
    """Create a folder and its missing parents; the ones created, outermost first."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()][::-1]
    folder.mkdir(parents=True, exist_ok=True)
    return missing


def _same_file(descriptor: int, path: Path) -> bool:
    """True when an open file is still the one at ``path`` (not removed or replaced since it was opened)."""
    try:
        held, there = os.fstat(descriptor), os.stat(path)
    except OSError:
        return False
    return (held.st_dev, held.st_ino) == (there.st_dev, there.st_ino)


def input_path(state: Path, number: int) -> Path:
    """A batch input file being written, beside the state; deleted once uploaded."""
    return state.with_name(f"{state.name}.input-{os.getpid()}-{number}.jsonl")


@dataclass
class Submitted:
    """One batch: its input file, the articles in it, and how far it got."""

    input_file_id: str
    articles: dict[str, dict[str, Any]]  # article id -> {"source", and for re-ask rounds "carry" and "extra"}
    round: int = 0
    id: str | None = None  # None between the upload and the batch's creation
    status: str = "validating"
    submitted_at: float = field(default_factory=time.time)
    request_counts: dict[str, int] = field(default_factory=dict)
    collected: bool = False  # its records are written; its article list is dropped then
    size: int = 0  # requests in it

    @property
    def finished(self) -> bool:
        """True when the provider will not change the batch any more."""
        return self.status in TERMINAL


@dataclass
class RunState:
    """Every batch a run made, and the settings its requests were built with."""

    path: Path
    model: str = ""
    provider: str = ""
    prompt_version: str = ""
    batches: list[Submitted] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> RunState:
        """Read the state file, or start an empty one."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(path)
        except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read the Batch API state {path}: {exc}; move it away to start over") from exc
        if not isinstance(data, dict) or data.get("kind") != KIND:
            raise ConfigError(f"{path} is not a summarizer Batch API state file; move it away to start over")
        batches = [Submitted(**row) for row in data.get("batches", [])]
        return cls(path, data.get("model", ""), data.get("provider", ""), data.get("prompt_version", ""), batches)

    def save(self) -> None:
        """Write the state atomically."""
        data = {
            "kind": KIND,
            "version": 1,
            "model": self.model,
            "provider": self.provider,
            "prompt_version": self.prompt_version,
            "batches": [asdict(b) for b in self.batches],
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, self.path)

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the run for this process: a second process on the same output is refused, not doubled.

        The lock file goes when the run ends, and so do the folders made for it if they stay empty:
        a run that never submitted anything leaves nothing behind.
        """
        try:
            import fcntl
        except ImportError:  # no advisory locks here (Windows): one run at a time is the user's to keep
            yield
            return
        made = _make_folders(self.path.parent)
        where = self.path.with_name(f"{self.path.name}.lock")
        try:
            for _ in range(5):  # bounded: the file opened may be one a finishing run has just removed
                with open(where, "w") as handle:
                    try:
                        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    except BlockingIOError as exc:
                        raise ConfigError(
                            f"another summarizer run is using {self.path.name} (its Batch API state); "
                            "wait for it to finish, or stop it first"
                        ) from exc
                    if not _same_file(handle.fileno(), where):
                        continue  # locked a removed file: another run may hold the new one
                    try:
                        yield
                    finally:
                        with contextlib.suppress(OSError):
                            where.unlink()  # still holding it, so no other run can be holding this file
                    return
            raise ConfigError(f"could not take the lock {where.name}: other runs keep replacing it; try again")
        finally:
            for folder in reversed(made):
                with contextlib.suppress(OSError):
                    folder.rmdir()  # only if empty: the state or the records are there when anything ran

    @property
    def open_batches(self) -> list[Submitted]:
        """Batches not yet collected."""
        return [b for b in self.batches if not b.collected]

    def waiting(self) -> dict[str, Submitted]:
        """Article id -> the uncollected batch that holds it."""
        return {aid: b for b in self.open_batches for aid in b.articles}

    def check_settings(self, model: str, provider: str, prompt_version: str) -> None:
        """Refuse to collect open batches with other settings than they were asked with."""
        if not self.open_batches:
            self.model, self.provider, self.prompt_version = model, provider, prompt_version
            return
        if (self.model, self.provider, self.prompt_version) != (model, provider, prompt_version):
            raise ConfigError(
                f"{self.path} holds open batches asked of model {self.model!r} ({self.provider}, prompt "
                f"{self.prompt_version}); collect them with the same settings, or cancel them with "
                "summarizer batch-cancel and start over"
            )
