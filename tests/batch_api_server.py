"""A Batch API test server on 127.0.0.1: the files and batches endpoints, plus chat completions for re-asks.

Implements what the provider documents for ``/v1/files`` (upload with purpose batch,
retrieve, content) and ``/v1/batches`` (create, retrieve, cancel, list). Each retrieve
moves a batch one step: validating -> in_progress -> finalizing -> completed, or to
``failed`` (at validation), ``expired`` (after in_progress: the second half of its
requests land in the error file as batch_expired) or, after a cancel, ``cancelling`` ->
``cancelled`` (the first half answered). ``outcome(n)`` picks the fate of the n-th batch
created. A request line is answered like ``FaultServer`` answers a chat completion:
the extractive engine's grounded reading of the article, or the fault ``item_plan``
names (``bad_schema``, ``invalid_json``, ``ungrounded``, ``truncated``, ``error`` for a
500 in the error file). ``/v1/chat/completions`` is ``FaultServer``'s, for real-time
re-asks. The server checks each batch against ``max_lines``/``max_bytes`` and fails
one that is over, like the provider. It stops answering (503) after ``max_requests``
requests or ``max_seconds`` seconds.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx2

from tests.fault_server import FaultServer, Plan, always, answer_content, article_of

Outcome = Callable[[int], str]
STEPS = {"validating": "in_progress", "in_progress": "finalizing", "finalizing": "completed", "cancelling": "cancelled"}


@dataclass
class BatchLog:
    """What the batch side saw."""

    http: int = 0
    uploads: int = 0
    upload_bytes: list[int] = field(default_factory=list)
    created: list[str] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)  # batch id -> request lines
    retrieves: int = 0
    cancels: int = 0
    items: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # article key -> faults answered


class BatchApiServer(FaultServer):
    """``with BatchApiServer(item_plan=..., outcome=...) as server: server.url``."""

    def __init__(
        self,
        item_plan: Plan | None = None,
        *,
        outcome: Outcome | None = None,
        realtime_plan: Plan | None = None,
        hold: threading.Event | None = None,
        max_lines: int = 50_000,
        max_bytes: int = 200_000_000,
        max_requests: int = 2_000,
        max_seconds: float = 120.0,
    ) -> None:
        super().__init__(realtime_plan, max_requests=max_requests, max_seconds=max_seconds)
        self.item_plan = item_plan or always("ok")
        self.outcome = outcome or (lambda n: "completed")
        self.hold = hold
        self.max_lines, self.max_bytes = max_lines, max_bytes
        self.batch_log = BatchLog()
        self.files: dict[str, dict[str, Any]] = {}
        self.batches: dict[str, dict[str, Any]] = {}
        self._fate: dict[str, str] = {}
        self._ids = itertools.count(1)
        self._batch_lock = threading.Lock()
        server = self

        class Handler(self._handler):  # type: ignore[misc,name-defined]
            def do_GET(self) -> None:
                server._route(self, "GET", b"")

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                server._route(self, "POST", body)

        self._server.RequestHandlerClass = Handler

    # routing ---------------------------------------------------------------------------------

    def _route(self, handler: Any, method: str, body: bytes) -> None:
        path = handler.path.split("?", 1)[0].removeprefix("/v1")
        if path == "/chat/completions" and method == "POST":
            self._handle(handler, body)
            return
        with self._batch_lock:
            self.batch_log.http += 1
            over = self.batch_log.http > self.max_requests or time.monotonic() - self._started > self.max_seconds
        if over:
            handler._send(503, {"error": {"message": "test server limit reached", "type": "server_error"}})
            return
        parts = path.strip("/").split("/")
        try:
            status, payload = self._dispatch(method, parts, handler, body)
        except KeyError as exc:
            status, payload = 404, {"error": {"message": f"no such object: {exc}", "type": "invalid_request_error"}}
        handler._send(status, payload)

    def _dispatch(self, method: str, parts: list[str], handler: Any, body: bytes) -> tuple[int, Any]:
        with self._batch_lock:
            if parts == ["files"] and method == "POST":
                return 200, self._upload(handler.headers.get("content-type", ""), body)
            if len(parts) == 2 and parts[0] == "files":
                return 200, self._public_file(self.files[parts[1]])
            if len(parts) == 3 and parts[0] == "files" and parts[2] == "content":
                return 200, self.files[parts[1]]["data"]
            if parts == ["batches"] and method == "POST":
                return self._create(json.loads(body))
            if parts == ["batches"]:
                data = sorted(self.batches.values(), key=lambda b: b["created_at"], reverse=True)
                return 200, {"object": "list", "data": data, "has_more": False}
            if len(parts) == 2 and parts[0] == "batches":
                self.batch_log.retrieves += 1
                return 200, self._advance(self.batches[parts[1]])
            if len(parts) == 3 and parts[0] == "batches" and parts[2] == "cancel" and method == "POST":
                self.batch_log.cancels += 1
                batch = self.batches[parts[1]]
                if batch["status"] in ("validating", "in_progress", "finalizing"):
                    batch["status"], batch["cancelling_at"] = "cancelling", int(time.time())
                return 200, batch
        return 404, {"error": {"message": f"unknown route {method} {'/'.join(parts)}", "type": "invalid_request_error"}}

    # files -------------------------------------------------------------------------------------

    def _new_id(self, prefix: str) -> str:
        return f"{prefix}-{next(self._ids):04d}"

    def _store(self, data: bytes, purpose: str, filename: str) -> dict[str, Any]:
        file_id = self._new_id("file")
        self.files[file_id] = {"id": file_id, "purpose": purpose, "filename": filename, "data": data}
        return self._public_file(self.files[file_id])

    @staticmethod
    def _public_file(entry: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": entry["id"],
            "object": "file",
            "bytes": len(entry["data"]),
            "created_at": int(time.time()),
            "filename": entry["filename"],
            "purpose": entry["purpose"],
            "status": "processed",
        }

    def _upload(self, content_type: str, body: bytes) -> dict[str, Any]:
        boundary = content_type.split("boundary=", 1)[1].strip('"').encode()
        fields: dict[str, tuple[str, bytes]] = {}
        for part in body.split(b"--" + boundary)[1:-1]:
            head, _, data = part.partition(b"\r\n\r\n")
            disposition = next(line for line in head.decode().splitlines() if "name=" in line)
            name = disposition.split('name="', 1)[1].split('"', 1)[0]
            filename = disposition.split('filename="', 1)[1].split('"', 1)[0] if "filename=" in disposition else ""
            fields[name] = (filename, data.removesuffix(b"\r\n"))
        filename, data = fields["file"]
        self.batch_log.uploads += 1
        self.batch_log.upload_bytes.append(len(data))
        return self._store(data, fields["purpose"][1].decode(), filename)

    # batches -----------------------------------------------------------------------------------

    def _create(self, request: dict[str, Any]) -> tuple[int, Any]:
        if request.get("endpoint") != "/v1/chat/completions" or request.get("completion_window") != "24h":
            return 400, {"error": {"message": "unsupported endpoint or window", "type": "invalid_request_error"}}
        source = self.files[request["input_file_id"]]
        batch_id = self._new_id("batch")
        now = int(time.time())
        lines = source["data"].splitlines()
        self._fate[batch_id] = self.outcome(len(self.batch_log.created))
        if len(lines) > self.max_lines or len(source["data"]) > self.max_bytes:
            self._fate[batch_id] = "failed"
        self.batch_log.created.append(batch_id)
        self.batch_log.lines[batch_id] = len(lines)
        self.batches[batch_id] = {
            "id": batch_id,
            "object": "batch",
            "endpoint": request["endpoint"],
            "input_file_id": request["input_file_id"],
            "completion_window": "24h",
            "status": "validating",
            "created_at": now,
            "expires_at": now + 86_400,
            "request_counts": {"total": len(lines), "completed": 0, "failed": 0},
            "metadata": request.get("metadata"),
        }
        return 200, self.batches[batch_id]

    def _advance(self, batch: dict[str, Any]) -> dict[str, Any]:
        status, fate = batch["status"], self._fate[batch["id"]]
        now = int(time.time())
        if status == "validating" and fate == "failed":
            batch["status"], batch["failed_at"] = "failed", now
            batch["errors"] = {"object": "list", "data": [{"code": "invalid_file", "message": "over the limits"}]}
        elif status == "in_progress" and self.hold is not None and not self.hold.is_set():
            pass  # the provider is still working on it
        elif status == "in_progress" and fate == "expired":
            batch["status"], batch["expired_at"] = "expired", now
            self._finish(batch, answered=0.5, rest="expired")
        elif status == "cancelling":
            batch["status"], batch["cancelled_at"] = "cancelled", now
            self._finish(batch, answered=0.5, rest=None)
        elif status in STEPS:
            batch["status"] = STEPS[status]
            batch[f"{batch['status']}_at"] = now
            if batch["status"] == "completed":
                self._finish(batch, answered=1.0, rest=None)
        return batch

    def _finish(self, batch: dict[str, Any], *, answered: float, rest: str | None) -> None:
        lines = self.files[batch["input_file_id"]]["data"].splitlines()
        cut = int(len(lines) * answered)
        out, errors = [], []
        for number, raw in enumerate(lines):
            request = json.loads(raw)
            row: dict[str, Any] = {"id": f"batch_req_{number}", "custom_id": request["custom_id"], "error": None}
            if number >= cut:
                if rest == "expired":
                    row["response"] = None
                    row["error"] = {"code": "batch_expired", "message": "not executed before the window expired"}
                    errors.append(row)
                continue
            row["response"] = self._answer_line(request["body"])
            (out if row["response"]["status_code"] == 200 else errors).append(row)
        completed = sum(1 for r in out)
        batch["request_counts"] = {"total": len(lines), "completed": completed, "failed": len(errors)}
        for name, rows in (("output_file_id", out), ("error_file_id", errors)):
            if rows:
                data = "".join(json.dumps(r) + "\n" for r in rows).encode()
                batch[name] = self._store(data, "batch_output", f"{batch['id']}-{name}.jsonl")["id"]

    def _answer_line(self, body: dict[str, Any]) -> dict[str, Any]:
        article, key = article_of(body)
        fault = self.item_plan(key, len(self.batch_log.items[key]))
        self.batch_log.items[key].append(fault)
        if fault == "error":
            return {"status_code": 500, "request_id": "req", "body": {"error": {"message": "injected 500"}}}
        content, finish = answer_content(self._answer_for(article).decode(), fault)
        sent = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
        model = body.get("model", "batch-model")
        answer = self._completion(key, len(sent), content, finish, model, "chatcmpl-batch", ok=False)
        return {"status_code": 200, "request_id": "req", "body": answer}


class _Reroute(httpx2.AsyncBaseTransport):
    """Send every request to the test server, whatever host its URL names."""

    def __init__(self, url: str) -> None:
        self.target = httpx2.URL(url)
        self.inner = httpx2.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx2.Request) -> httpx2.Response:
        request.url = request.url.copy_with(scheme="http", host=self.target.host, port=self.target.port)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def rerouted(url: str) -> httpx2.AsyncClient:
    """A client for a priced (non-local) base URL whose requests reach the test server on 127.0.0.1."""
    return httpx2.AsyncClient(transport=_Reroute(url))
