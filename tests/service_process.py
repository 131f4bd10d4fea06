"""A real ``summarizer serve`` process on 127.0.0.1 for the service tests, bounded in time."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2

from tests.conftest import article

START_SECONDS = 30.0


def free_port() -> int:
    """A port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def variants(count: int) -> list[str]:
    """``count`` distinct articles: the project's own examples, each with a filing line of its own."""
    names = ["valdoria-border.txt", "orlen-ceasefire.txt", "kestria-two-fronts.txt"]
    bases = [article(name) for name in names]
    return [f"{bases[i % len(bases)]}\n\nFiled by correspondent number {i} from Orlen." for i in range(count)]


class ServiceProcess:
    """Start, stop, kill and restart one server with a fixed environment and job store."""

    def __init__(self, folder: Path, command: list[str] | None = None, **settings: str) -> None:
        self.folder = folder
        self.command = command or [sys.executable, "-m", "summarizer"]  # then: serve --port N
        folder.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SUMMARIZER_", "OPENAI_"))}
        env |= {
            "SUMMARIZER_CACHE_DIR": str(folder / "cache"),
            "SUMMARIZER_SERVICE_DB": str(folder / "jobs.sqlite3"),
            "SUMMARIZER_SERVICE_RATE_LIMIT": "0",
            "SUMMARIZER_SERVICE_WORKERS": "0",  # threads unless a test asks for worker processes
        }
        env |= {f"SUMMARIZER_SERVICE_{k.upper()}": v for k, v in settings.items()}
        self.env = env
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.log = folder / "server.log"
        self.starts = 0

    @property
    def base(self) -> str:
        """The server's address."""
        return f"http://127.0.0.1:{self.port}"

    def launch(self) -> subprocess.Popen[bytes]:
        """Start the server process, without waiting for it."""
        self.port = free_port()
        self.starts += 1
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [*self.command, "serve", "--port", str(self.port)],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        return self.process

    def start(self) -> ServiceProcess:
        """Start the server and wait until /readyz answers."""
        self.process = self.launch()
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the server exited with {self.process.returncode}:\n{self.log_text()[-3000:]}")
            try:
                if httpx2.get(self.base + "/readyz", timeout=1.0).status_code == 200:
                    return self
            except httpx2.TransportError:
                pass
            time.sleep(0.1)
        self.kill()
        raise AssertionError(f"the server did not start in {START_SECONDS} s:\n{self.log_text()[-3000:]}")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 20.0) -> int:
        """Send a signal and wait for the process to end; its exit code."""
        assert self.process is not None
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)
            raise AssertionError(f"the server did not stop within {timeout} s") from None

    def running(self) -> Iterator[ServiceProcess]:
        """Started, and stopped when done: a module fixture's ``yield from ServiceProcess(...).running()``."""
        self.start()
        try:
            yield self
        finally:
            self.stop()

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def children(self) -> list[int]:
        """Process ids of the server's child processes (its extractive workers)."""
        assert self.process is not None
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in path.read_text().split()] if path.exists() else []

    def log_text(self) -> str:
        """Everything the server wrote."""
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def client(self, key: str | None = None, **options: Any) -> httpx2.Client:
        """An HTTP client for this server, with a key if given."""
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        return httpx2.Client(base_url=self.base, headers=headers, timeout=options.pop("timeout", 30.0), **options)


def wait_done(client: httpx2.Client, job_id: str, seconds: float = 60.0) -> dict[str, Any]:
    """Poll a job until it is done (or cancelled); fail after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status: dict[str, Any] = client.get(f"/v1/batches/{job_id}").json()
        if status["status"] in ("done", "cancelled"):
            return status
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} not done in {seconds} s: {status}")


def all_records(client: httpx2.Client, job_id: str, page: int = 50) -> list[dict[str, Any]]:
    """Every record of a job, page by page with the cursor."""
    import json

    cursor, found = 0, []
    for _ in range(10_000):
        response = client.get(f"/v1/batches/{job_id}/records", params={"cursor": cursor, "limit": page})
        assert response.status_code == 200, response.text
        lines = [json.loads(line) for line in response.text.splitlines() if line]
        found += lines
        cursor = int(response.headers["X-Next-Cursor"])
        if not lines:
            return found
    raise AssertionError("the cursor never reached the end")
