"""The HTTP side shared by the provider engines (FPT.AI, Viettel AI, Zalo AI): one request with the
standard library's client, the "file ready later" poll, and how an answer maps to the chain's rules.

Mapping (speech/__init__.py): a fatal EngineError stops the engine for the run (bad key, quota or
credit exhausted, no route to the service); any other is a per-segment failure, retried with
back-off by RemoteEngine and then read by the next engine in voice.chain.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from broadcaster.errors import EngineError

# Words of an error answer that mean the account cannot go on (checked lower-case, any language).
# Not "limit" or "exceed" alone: "text exceeds 5000 characters" is one text's problem.
QUOTA_WORDS = (
    "quota",
    "credit",
    "balance",
    "insufficient",
    "payment",
    "expired",
    "hạn mức",
    "hết lượt",
    "số dư",
    "hết hạn",
    "gói cước",
)
KEY_WORDS = (
    "api key",
    "api-key",
    "api_key",
    "apikey",
    "invalid token",
    "token invalid",
    "token is invalid",
    "token không",
    "unauthori",
    "authenticat",
    "forbidden",
    "invalid key",
    "xác thực",
    "khóa api",
)
_NOT_READY = (202, 403, 404)  # an async link before its file exists (S3 answers 403 for a missing key)


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    def json(self) -> Any:
        """The body as JSON, or None when it is not JSON."""
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None

    def text(self, limit: int = 300) -> str:
        return self.body[:limit].decode("utf-8", "replace").strip()


def send(
    method: str,
    url: str,
    *,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
    timeout: float,
    service: str,
    fix: str,
) -> Reply:
    """One request; an HTTP error status is a Reply like any other, no answer at all an EngineError
    (fatal unless it timed out: a refused connection or an unknown host will not heal in a minute)."""
    request = urllib.request.Request(url, data=body, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Reply(response.status, response.read(), {k.lower(): v for k, v in response.headers.items()})
    except urllib.error.HTTPError as exc:
        return Reply(exc.code, exc.read(), {k.lower(): v for k, v in (exc.headers or {}).items()})
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        timed_out = isinstance(reason, TimeoutError) or isinstance(exc, TimeoutError)
        raise EngineError(
            f"Không kết nối được máy chủ giọng đọc {service}.", str(reason), fix, fatal=not timed_out
        ) from exc


def is_fatal(status: int, message: str) -> bool:
    """A bad key or an exhausted quota (the account cannot go on) as opposed to one failed text."""
    low = message.lower()
    if status in (401, 402, 403):
        return True
    return any(word in low for word in QUOTA_WORDS) or any(word in low for word in KEY_WORDS)


def failure(service: str, status: int, message: str, fix: str) -> EngineError:
    """The EngineError for an error answer, fatal or not by :func:`is_fatal`."""
    fatal = is_fatal(status, message)
    what = f"Máy chủ giọng đọc {service} từ chối yêu cầu (mã {status})."
    if fatal:
        what += " Khóa API sai, hết hạn hoặc hết hạn mức: bỏ qua giọng này trong lần dựng này."
    return EngineError(what, message or None, fix, fatal=fatal)


def poll(url: str, *, wait_s: float, interval_s: float, timeout: float, service: str, fix: str) -> bytes:
    """GET ``url`` until it holds audio: the answer of services that say "the file will be ready at
    this link in a few seconds". Not ready within ``wait_s`` seconds is a per-segment failure."""
    deadline = time.monotonic() + wait_s
    tries = 0
    while True:
        tries += 1
        reply = send("GET", url, timeout=timeout, service=service, fix=fix)
        if reply.status == 200 and len(reply.body) >= 100 and not reply.content_type.endswith(("json", "html")):
            return reply.body
        if reply.status not in _NOT_READY and reply.status != 200 and reply.status < 500:
            raise failure(service, reply.status, reply.text(), fix)
        if time.monotonic() + interval_s > deadline:
            raise EngineError(
                f"Máy chủ giọng đọc {service} chưa trả tệp âm thanh sau {wait_s:g} giây ({tries} lần hỏi).",
                f"liên kết {url} (mã {reply.status}).",
                "thử lại sau, hoặc tăng poll_timeout_s trong voice.engines.",
            )
        time.sleep(interval_s)
