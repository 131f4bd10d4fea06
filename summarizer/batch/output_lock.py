"""One run at a time into an output: a second run into the same file or --out-dir folder stops before touching it.

Two runs appending to one JSONL file would write every article twice, and a run
that starts while another is writing rewrites the file under it (resume drops a
torn last line by writing a new file in its place), so the first run's later
records go to a file no longer there. Two runs into one ``--out-dir`` folder each
found it empty and summarized (and paid for) every article, each overwriting the
other's files. The claim is an advisory ``flock`` on a hidden ``.NAME.lock``
beside the output file or folder, removed at the end; the kernel drops it when a
process dies, however it dies. Where ``fcntl`` is missing (Windows) runs are not
guarded.
"""

from __future__ import annotations

import contextlib
import os
import weakref
from pathlib import Path

from ..errors import ConfigError, WriteError

__all__ = ["OutputLock"]


class OutputLock:
    """A run's claim on its output file or folder, taken with ``acquire`` and given up with ``release``."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self.path = output.with_name(f".{output.name}.lock")
        self._closer: weakref.finalize[[int], OutputLock] | None = None  # dropped unreleased, it still closes

    def acquire(self) -> OutputLock:
        """Claim the output, or raise ConfigError naming the run that holds it."""
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not on POSIX
            return self
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            for _ in range(5):  # the file was replaced between open and lock: take the new one
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
                    os.close(fd)
                    raise ConfigError(
                        f"another run is writing {self.output}"
                        + (f" (process {holder})" if holder else "")
                        + "; wait for it to end (the same command then resumes after it), or choose another output"
                    ) from None
                with contextlib.suppress(FileNotFoundError):
                    if os.stat(self.path).st_ino == os.fstat(fd).st_ino:
                        os.ftruncate(fd, 0)
                        os.pwrite(fd, str(os.getpid()).encode(), 0)
                        self._closer = weakref.finalize(self, os.close, fd)
                        return self
                os.close(fd)
        except OSError as exc:
            raise WriteError(
                f"cannot write beside {self.output}: {exc.strerror or exc}; choose an output in a folder you can write"
            ) from exc
        return self

    def release(self) -> None:
        """Give the output up: the lock file goes, then the claim."""
        closer, self._closer = self._closer, None
        if closer is not None and closer.alive:
            with contextlib.suppress(OSError):
                self.path.unlink()
            closer()
