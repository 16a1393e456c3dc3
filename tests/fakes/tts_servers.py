"""Local stand-ins for the FPT.AI, Viettel AI and Zalo AI text-to-speech services on 127.0.0.1,
answering with the request and response shapes of their documentation (see each engine's docstring),
for the engines' real HTTP client.

    with FakeFpt(audio=mp3_bytes, ready_after=2) as fake:
        engine = FptEngine(base_url=fake.url, api_key_env="K", poll_interval_s=0.01)

Each fake checks the key, the voice, the speed and the length limit the way the documentation states
them, keeps every request in `fake.requests` (method, path, headers, body, parsed fields) and serves
its audio link `ready_after` polls late. `fake.fail(kind, times)` scripts the next answers: "quota",
"throttle", "server" (500), "key". Where the documentation does not show an error answer (the shape of
a bad key, an exhausted quota or a too long text), the fake's answer is an assumption, marked ASSUMED.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
import uuid
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    status: int
    body: bytes
    content_type: str = "application/json"


def as_json(status: int, payload: dict) -> Answer:
    return Answer(status, json.dumps(payload, ensure_ascii=False).encode("utf-8"))


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    fields: dict = field(default_factory=dict)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def _serve(self, method: str) -> None:
        body = self.rfile.read(int(self.headers.get("content-length", 0) or 0))
        fake = self.server.fake
        seen = Seen(method, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
        with fake.lock:
            fake.requests.append(seen)
        answer = fake.answer(seen)
        try:
            self.send_response(answer.status)
            self.send_header("content-type", answer.content_type)
            self.send_header("content-length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)
        except OSError:
            pass

    def do_POST(self) -> None:
        self._serve("POST")

    def do_GET(self) -> None:
        self._serve("GET")

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeService

    def handle_error(self, request, client_address) -> None:
        pass


class FakeService:
    """The common part: a server thread, recorded requests, scripted failures, delayed audio links."""

    path = "/"
    key = "test-key"

    def __init__(self, audio: bytes, ready_after: int = 0, max_chars: int = 5000) -> None:
        self.audio, self.ready_after, self.max_chars = audio, ready_after, max_chars
        self.requests: list[Seen] = []
        self.lock = threading.Lock()
        self._failures: deque[str] = deque()
        self._polls: dict[str, int] = {}
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def url(self) -> str:
        return self.base + self.path

    def fail(self, kind: str, times: int = 1) -> None:
        self._failures.extend([kind] * times)

    def posts(self) -> list[Seen]:
        return [r for r in self.requests if r.method == "POST"]

    def answer(self, seen: Seen) -> Answer:
        if seen.method == "GET":
            return self._file(seen.path)
        if seen.path != self.path:
            return as_json(404, {"message": "no route"})
        failure = self._failures.popleft() if self._failures else None
        return self.synthesize(seen, failure)

    def link(self, extension: str) -> str:
        name = f"{uuid.uuid4().hex}.{extension}"
        self._polls[name] = 0
        return f"{self.base}/files/{name}"

    def _file(self, path: str) -> Answer:
        name = path.rsplit("/", 1)[-1]
        if name not in self._polls:
            return Answer(404, b"<Error><Code>NoSuchKey</Code></Error>", "application/xml")
        self._polls[name] += 1
        if self._polls[name] <= self.ready_after:  # S3 before the file exists: 403 AccessDenied
            return Answer(403, b"<Error><Code>AccessDenied</Code></Error>", "application/xml")
        return Answer(200, self.audio, "audio/mpeg" if name.endswith("mp3") else "audio/wav")

    def synthesize(self, seen: Seen, failure: str | None) -> Answer:
        raise NotImplementedError

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


class FakeFpt(FakeService):
    """FPT.AI TTS v5: POST /hmi/tts/v5, key in `api_key` (or `api-key`), text as the body,
    JSON {"async", "error", "message", "request_id"}; the file at the link later."""

    path = "/hmi/tts/v5"
    voices = frozenset({"banmai", "lannhi", "leminh", "myan", "thuminh", "giahuy", "linhsan"})

    def synthesize(self, seen: Seen, failure: str | None) -> Answer:
        key = seen.headers.get("api_key") or seen.headers.get("api-key")
        text = seen.body.decode("utf-8")
        seen.fields = {
            "text": text,
            "voice": seen.headers.get("voice"),
            "speed": seen.headers.get("speed"),
            "format": seen.headers.get("format"),
        }
        if key != self.key or failure == "key":  # ASSUMED: the API gateway's answer to a bad key
            return as_json(401, {"message": "Invalid authentication credentials"})
        if failure == "throttle":  # ASSUMED
            return as_json(429, {"message": "API rate limit exceeded"})
        if failure == "server":
            return as_json(500, {"message": "An unexpected error occurred"})
        if failure == "quota":  # ASSUMED: the documented shape, a quota message
            return as_json(200, {"error": 1, "message": "Your quota has been exhausted", "request_id": "q"})
        if not 3 <= len(text) <= self.max_chars:  # documented limit; ASSUMED answer
            return as_json(200, {"error": 1, "message": "Text length must be between 3 and 5000 characters"})
        if seen.fields["voice"] not in self.voices or seen.fields["speed"] not in {str(i) for i in range(-3, 4)}:
            return as_json(200, {"error": 1, "message": "Invalid voice or speed"})
        request_id = uuid.uuid4().hex
        return as_json(
            200,
            {
                "async": self.link(seen.fields["format"] or "mp3"),
                "error": 0,
                "message": "The content will be returned after a few seconds under the async link.",
                "request_id": request_id,
            },
        )


class FakeViettel(FakeService):
    """Viettel AI: POST /tts/speech_synthesis, JSON {text, voice, speed, tts_return_option, token,
    without_filter}; answers the audio itself (3: mp3, 2: wav)."""

    path = "/tts/speech_synthesis"
    voices = frozenset({"hn-quynhanh", "hn-thanhtung", "hue-maingoc", "hue-baoquoc", "hcm-diemmy", "hcm-minhquan"})

    def synthesize(self, seen: Seen, failure: str | None) -> Answer:
        try:
            seen.fields = json.loads(seen.body.decode("utf-8"))
        except ValueError:
            return as_json(400, {"code": 400, "message": "Body must be JSON"})
        fields = seen.fields
        if fields.get("token") != self.key or failure == "key":  # ASSUMED shape
            return as_json(401, {"code": 401, "message": "Token is invalid"})
        if failure == "quota":  # ASSUMED shape
            return as_json(403, {"code": 403, "message": "Quota exceeded"})
        if failure == "server":
            return as_json(500, {"code": 500, "message": "Internal server error"})
        if failure == "throttle":
            return as_json(429, {"code": 429, "message": "Too many requests"})
        if len(fields.get("text", "")) > self.max_chars:  # ASSUMED limit and shape
            return as_json(400, {"code": 400, "message": "Text is too long"})
        if fields.get("voice") not in self.voices or not 0.7 <= float(fields.get("speed", 1)) <= 1.3:
            return as_json(400, {"code": 400, "message": "Invalid voice or speed"})
        if fields.get("tts_return_option") not in (2, 3) or not isinstance(fields.get("without_filter"), bool):
            return as_json(400, {"code": 400, "message": "Invalid tts_return_option or without_filter"})
        return Answer(200, self.audio, "audio/mpeg" if fields["tts_return_option"] == 3 else "audio/wav")


class FakeZalo(FakeService):
    """Zalo AI: POST /v1/tts/synthesize, header `apikey`, form input, speaker_id, speed, encode_type;
    JSON {"error_code", "error_message", "data": {"url"}}; the audio at the url."""

    path = "/v1/tts/synthesize"

    def synthesize(self, seen: Seen, failure: str | None) -> Answer:
        seen.fields = {k: v[0] for k, v in urllib.parse.parse_qs(seen.body.decode("ascii")).items()}
        fields = seen.fields
        if seen.headers.get("apikey") != self.key or failure == "key":  # ASSUMED shape
            return as_json(200, {"error_code": -401, "error_message": "Invalid apikey", "data": {}})
        if failure == "quota":  # ASSUMED shape
            return as_json(200, {"error_code": -429, "error_message": "Your quota is exhausted", "data": {}})
        if failure == "server":
            return as_json(502, {"error_code": -500, "error_message": "Bad gateway", "data": {}})
        if failure == "throttle":
            return as_json(200, {"error_code": -9, "error_message": "Too many requests, slow down", "data": {}})
        if len(fields.get("input", "")) > self.max_chars:  # ASSUMED shape
            return as_json(200, {"error_code": -2, "error_message": "Input text is too long", "data": {}})
        if fields.get("speaker_id") not in {"1", "2", "3", "4"} or not 0.8 <= float(fields.get("speed", 1)) <= 1.2:
            return as_json(200, {"error_code": -1, "error_message": "Invalid parameters", "data": {}})
        extension = "mp3" if fields.get("encode_type") == "1" else "wav"
        return as_json(200, {"error_code": 0, "error_message": "Successful.", "data": {"url": self.link(extension)}})
