"""A scripted OpenAI-compatible chat-completions server on 127.0.0.1, for the real `openai` client.

    with FakeChatServer() as server:
        server.script(answer("Bản viết lại ..."), status(429), ...)   # one action per request
        settings = RewriteSettings(engine="openai", base_url=server.base_url, model="fake")

When the script runs out, the last action repeats; or set `server.responder` to a function of the
request JSON returning an Action. Every request body is kept in `server.requests`.
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Action:
    status: int = 200
    body: bytes = b""
    delay_s: float = 0.0
    headers: dict[str, str] = field(default_factory=dict)


def answer(content: str, *, tokens_in: int = 321, tokens_out: int = 87, delay_s: float = 0.0) -> Action:
    """A well-formed chat.completion carrying `content`."""
    payload = {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": "fake",
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": tokens_in, "completion_tokens": tokens_out, "total_tokens": tokens_in + tokens_out},
    }
    return Action(body=json.dumps(payload, ensure_ascii=False).encode("utf-8"), delay_s=delay_s)


def status(code: int) -> Action:
    """An error status like a real API's, with a tiny retry-after so client retries are quick."""
    body = json.dumps({"error": {"message": f"fake {code}", "type": "fake_error", "code": str(code)}})
    return Action(status=code, body=body.encode(), headers={"retry-after-ms": "10"})


def source_of(request: dict) -> str:
    """The source text the prompt carries between its delimiters."""
    from broadcaster.production.rewrite.prompt import CLOSE, OPEN

    user = request["messages"][-1]["content"]
    return user.split(OPEN, 1)[1].rsplit(CLOSE, 1)[0].strip()


def raw(body: bytes, code: int = 200) -> Action:
    """Any bytes, sent as application/json (for malformed answers)."""
    return Action(status=code, body=body)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_POST(self) -> None:  # noqa: N802 - http.server hook
        length = int(self.headers.get("content-length", 0))
        body = self.rfile.read(length)
        fake = self.server.fake
        try:
            fake.requests.append({"path": self.path, "json": json.loads(body or b"{}"), "headers": dict(self.headers)})
        except ValueError:
            fake.requests.append({"path": self.path, "json": None, "headers": dict(self.headers)})
        if not self.path.endswith("/chat/completions"):
            action = status(404)
        elif fake.responder is not None:
            action = fake.responder(fake.requests[-1]["json"])
        else:
            action = fake.next_action()
        if action.delay_s:
            time.sleep(action.delay_s)
        try:
            self.send_response(action.status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(action.body)))
            for name, value in action.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(action.body)
        except OSError:
            pass  # the client gave up (timeout) and closed the connection

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep test output quiet
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeChatServer

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001 - quiet on client hang-ups
        pass


class FakeChatServer:
    def __init__(self) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self
        self._actions: deque[Action] = deque()
        self._last = answer("")
        self._lock = threading.Lock()
        self.requests: list[dict] = []
        self.responder: Callable[[dict], Action] | None = None
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def script(self, *actions: Action) -> None:
        with self._lock:
            self._actions.extend(actions)

    def next_action(self) -> Action:
        with self._lock:
            if self._actions:
                self._last = self._actions.popleft()
            return self._last

    def __enter__(self) -> FakeChatServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
