"""A fault-injecting OpenAI-compatible server for tests and benchmarks, on 127.0.0.1 only.

Answers ``POST /v1/chat/completions``. A valid answer is the extractive engine's
reading of the article in the request, so its quotes are grounded; a digest
polish request (its ``<records>`` block) gets a brief made of the first
sentence of the first record's summary, so it states no number the records
lack (``ungrounded`` adds one they lack). A plan maps
(article, how many requests that article has made) to a fault:

    ok, 401, 429, 500, 503, timeout, reset, invalid_json, bad_schema, truncated, ungrounded

The server counts every request, the tokens it reported per article, and what it
answered, so tests can check bounds, Retry-After and usage. It stops after
``max_requests`` requests or ``max_seconds`` seconds, whichever comes first.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import socket
import struct
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Plan = Callable[[str, int], str]
_ARTICLE = re.compile(r"<article>\n(.*)\n</article>", re.DOTALL)
_RECORDS = re.compile(r"<records>\n(.*)\n</records>", re.DOTALL)
_SUMMARY_LINE = re.compile(r"^Summary: (.+?(?:[.!?](?=\s)|$))", re.MULTILINE)
POLISHED_PREFIX = "In short: "


def always(fault: str) -> Plan:
    """Every request gets the same answer."""
    return lambda key, attempt: fault


def faults_then_ok(*faults: str) -> Plan:
    """An article's first requests get these faults in order, then valid answers."""
    return lambda key, attempt: faults[attempt] if attempt < len(faults) else "ok"


def mixed(choices: dict[str, tuple[str, ...]]) -> Plan:
    """Each article draws one fault sequence, by its hash: a deterministic mix."""
    names = sorted(choices)

    def plan(key: str, attempt: int) -> str:
        pick = names[int(key[:8], 16) % len(names)]
        sequence = choices[pick]
        return sequence[attempt] if attempt < len(sequence) else "ok"

    return plan


def valid_answer(article: str) -> dict[str, Any]:
    """A grounded SummaryResponse for the article, made by the extractive engine."""
    from summarizer.extractive import extract

    summary = extract(article).model_dump(mode="json")
    for name in ("cameo_code", "goldstein"):
        summary["escalation"].pop(name)
    points = summary["key_points"]
    while len(points) < 2:
        points.append(summary["summary"][:80])
    summary["key_points"] = points[:5]
    return summary


def polish_answer(request: dict[str, Any]) -> str | None:
    """For a digest polish request, a brief from its records (hand-built, not a recording); None for any other."""
    user = next((m["content"] for m in request["messages"] if m["role"] == "user"), "")
    records = _RECORDS.search(user)
    if records is None:
        return None
    first = _SUMMARY_LINE.search(records.group(1))
    return json.dumps({"brief": POLISHED_PREFIX + (first.group(1) if first else "the records agree.")})


def answer_content(content: str, fault: str) -> tuple[str, str]:
    """The answer's text and finish reason for a fault: ok, invalid_json, bad_schema, truncated or ungrounded."""
    finish = "stop"
    if fault == "invalid_json":
        content = "Sure! Here is the summary you asked for: " + content[:40]
    elif fault == "bad_schema":
        content = json.dumps({"summary": "Something happened.", "mood": "tense"})
    elif fault == "truncated":
        content, finish = content[: len(content) // 3], "length"
    elif fault == "ungrounded":
        answer = json.loads(content)
        if "brief" in answer:  # a polish answer: a number no record holds
            answer["brief"] += " Some 987,654 people were said to be there."
        else:
            answer["escalation"]["evidence"] = ["A sentence that this article never contained."]
        content = json.dumps(answer)
    return content, finish


def completion(
    content: str,
    *,
    prompt_tokens: int = 100,
    completion_tokens: int = 50,
    finish_reason: str = "stop",
    model: str = "test-model",
    ident: str = "chatcmpl-handbuilt",
    created: int = 0,
) -> dict[str, Any]:
    """Build an OpenAI chat.completion body (hand-built, not a recording): for the servers and the tests."""
    return {
        "id": ident,
        "object": "chat.completion",
        "created": created,
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": finish_reason}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }


def article_of(request: dict[str, Any]) -> tuple[str, str]:
    """The article a chat request asks about (the <article> block of its user message, else all of it) and its key."""
    user = next((m["content"] for m in request["messages"] if m["role"] == "user"), "")
    match = _ARTICLE.search(user)
    article = match.group(1) if match else user
    return article, hashlib.sha256(article.encode()).hexdigest()


@dataclass
class Log:
    """What the server saw and did."""

    requests: int = 0
    by_article: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    tokens: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    answered_ok: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    after_ok: list[str] = field(default_factory=list)
    times: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    authorization: set[str] = field(default_factory=set)


class FaultServer:
    """Start with ``with FaultServer(plan) as server: server.url ...``."""

    def __init__(
        self,
        plan: Plan | None = None,
        *,
        latency: float = 0.0,
        retry_after: str = "retry-after-ms: 20",
        stall: float = 2.0,
        max_requests: int = 20_000,
        max_seconds: float = 300.0,
    ) -> None:
        self.plan, self.latency, self.stall = plan or always("ok"), latency, stall
        self.retry_after = retry_after.split(": ", 1)
        self.max_requests, self.max_seconds = max_requests, max_seconds
        self.log = Log()
        self._lock = threading.Lock()
        self._started = 0.0
        self._answers: dict[str, bytes] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # headers and body go in two writes; Nagle would hold the body ~40 ms

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                self._send(200, {"object": "list", "data": [{"id": "fault-model", "object": "model"}]})

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                body = self.rfile.read(length)
                server._handle(self, body)

            def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up
                    self._write(status, payload, headers)

            def _write(self, status: int, payload: Any, headers: dict[str, str] | None) -> None:
                data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

        class Server(ThreadingHTTPServer):
            request_queue_size = 256  # the default backlog of 5 refuses bursts of concurrent clients
            daemon_threads = True

        self._handler = Handler
        self._server = Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        """Base URL for an OpenAI client."""
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> FaultServer:
        self._started = time.monotonic()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _answer_for(self, article: str) -> bytes:
        key = hashlib.sha256(article.encode()).hexdigest()
        if key not in self._answers:
            self._answers[key] = json.dumps(valid_answer(article)).encode()
        return self._answers[key]

    def _completion(
        self, key: str, sent: int, content: str, finish: str, model: str, ident: str, *, ok: bool
    ) -> dict[str, Any]:
        """Count an answer's tokens (about 4 bytes each) against its article and build its body."""
        prompt_tokens, completion_tokens = sent // 4, len(content) // 4
        with self._lock:
            totals = self.log.tokens[key]
            totals[0] += prompt_tokens
            totals[1] += completion_tokens
            if ok:
                self.log.answered_ok[key] += 1
        return completion(
            content,
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
            finish_reason=finish,
            model=model,
            ident=ident,
            created=int(time.time()),
        )

    def _handle(self, handler: Any, body: bytes) -> None:
        request = json.loads(body)
        article, key = article_of(request)
        with self._lock:
            self.log.requests += 1
            over = self.log.requests > self.max_requests or time.monotonic() - self._started > self.max_seconds
            attempt = len(self.log.by_article[key])
            fault = "503" if over else self.plan(key, attempt)
            self.log.by_article[key].append(fault)
            self.log.times[key].append(time.monotonic())
            if self.log.answered_ok[key]:
                self.log.after_ok.append(key)  # a request for an article already answered well
            self.log.authorization.add(handler.headers.get("authorization", ""))
        if self.latency:
            time.sleep(self.latency)
        if fault in ("429", "500", "503"):
            headers = {self.retry_after[0]: self.retry_after[1]} if fault == "429" else {}
            handler._send(int(fault), {"error": {"message": f"injected {fault}", "type": "server_error"}}, headers)
            return
        if fault == "401":  # echo the key back, as a careless server might
            key = handler.headers.get("authorization", "")
            handler._send(401, {"error": {"message": f"Incorrect API key provided: {key}", "type": "invalid_request"}})
            return
        if fault == "timeout":
            time.sleep(self.stall)
            handler._send(200, {"error": "too late"})
            return
        if fault == "reset":
            sock: socket.socket = handler.connection
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            handler.close_connection = True
            sock.close()
            return
        brief = polish_answer(request)
        content, finish = answer_content(brief if brief is not None else self._answer_for(article).decode(), fault)
        model = request.get("model", "fault-model")
        handler._send(200, self._completion(key, len(body), content, finish, model, "chatcmpl-fault", ok=fault == "ok"))
