"""A real HTTP server on 127.0.0.1 that answers chat completions from a script, on purpose badly.

Each POST takes the next step of the script: an HTTP status with a JSON body, a reply whose
content is given, a delay, or a dropped connection. When the script is used up, `responder`
(if given) decides the step from the request body, e.g. `valid_answer` answers every labelling
and summary request correctly. Requests are kept for assertions.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Step:
    status: int = 200
    content: str | None = None  # assistant message content for a 200
    body: Any = None  # raw JSON body instead of a completion
    raw: bytes | None = None  # raw bytes instead of JSON (e.g. truncated)
    finish_reason: str = "stop"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False  # close the connection without answering


def completion(content: str, finish_reason: str = "stop") -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": "test-model",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": finish_reason,
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15},
    }


# A labelling answer that labels nothing (valid for any chunk).
NO_LABELS = json.dumps({"position": [], "sticking_point": [], "next_step": [], "event": []})


def numbered_lines(body: dict[str, Any]) -> int:
    """How many numbered sentences ("1. ...") the last message of a request carries."""
    return len(re.findall(r"^\d+\. ", body["messages"][-1]["content"], re.MULTILINE))


def is_summary(body: dict[str, Any]) -> bool:
    return "<findings>" in body["messages"][-1]["content"]


def valid_answer(body: dict[str, Any], delay: float = 0.0) -> Step:
    """A correct answer to a labelling request (every sentence an event) or a summary request."""
    if is_summary(body):
        return Step(content=json.dumps({"ids": [1]}), delay=delay)
    events = list(range(1, numbered_lines(body) + 1))
    answer = {"position": [], "sticking_point": [], "next_step": [], "event": events}
    return Step(content=json.dumps(answer), delay=delay)


Responder = Callable[[dict[str, Any]], Step]


class FaultServer:
    def __init__(self, steps: list[Step], responder: Responder | None = None) -> None:
        self.steps = list(steps)
        self.responder = responder
        self.requests: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def __enter__(self) -> FaultServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def next_step(self, body: dict[str, Any]) -> Step:
        with self.lock:
            if self.steps:
                return self.steps.pop(0)
        if self.responder is not None:
            return self.responder(body)
        return Step(status=500, body={"error": "done"})

    @property
    def count(self) -> int:
        with self.lock:
            return len(self.requests)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                return

            def do_GET(self) -> None:  # /v1/models
                self._send(200, {"object": "list", "data": [{"id": "test-model"}]}, {})

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                with server.lock:
                    server.requests.append(
                        {"path": self.path, "body": body, "time": time.monotonic()}
                    )
                step = server.next_step(body)
                if step.delay:
                    time.sleep(step.delay)
                if step.drop:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if step.raw is not None:
                    self._send_bytes(step.status, step.raw, step.headers)
                elif step.body is not None:
                    self._send(step.status, step.body, step.headers)
                else:
                    self._send(
                        step.status,
                        completion(step.content or "", step.finish_reason),
                        step.headers,
                    )

            def _send(self, status: int, payload: Any, headers: dict[str, str]) -> None:
                self._send_bytes(status, json.dumps(payload).encode(), headers)

            def _send_bytes(self, status: int, data: bytes, headers: dict[str, str]) -> None:
                headers = dict(headers)
                # A Server header of the script names the server (as llama.cpp's does).
                self.server_name = headers.pop("Server", None)
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                # The client may have given up (timeout test): nothing to report.
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(data)

            def version_string(self) -> str:
                return getattr(self, "server_name", None) or super().version_string()

        return Handler
