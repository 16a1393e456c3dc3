"""TTS engines: one protocol, one registry {name: factory}.

An engine turns spoken (already normalized) Vietnamese text into an audio file that ffmpeg can
read (`extension` says which kind). `check()` tells once whether the engine can work at all
(program missing, no network, no API key); a failure of one text raises EngineError, with
`fatal=True` when the engine cannot go on at all (the chain then stops using it for the run).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol, TypeVar

from broadcaster.errors import ConfigError, EngineError

T = TypeVar("T")


class TtsEngine(Protocol):
    name: str
    extension: str          # "wav" or "mp3": the kind of file synthesize() writes
    keep_raw: bool          # keep raw recordings in the cache (remote engines: slow or paid)

    def settings_key(self) -> str:
        """Everything that changes the sound (voice, rate…), for the segment cache key."""

    def check(self) -> str | None:
        """None when usable, else the Vietnamese reason it cannot work at all."""

    def voices(self) -> list[str]:
        """Voices this engine offers (for `broadcaster voices`)."""

    def synthesize(self, text: str, out: Path) -> None:
        """Write `text` as speech to `out`; raise EngineError on failure."""


def with_retries(call: Callable[[], T], retries: int, backoff_s: float) -> T:
    """Run `call`; retry a non-fatal EngineError up to `retries` times with exponential back-off."""
    for attempt in range(retries + 1):
        try:
            return call()
        except EngineError as exc:
            if exc.fatal or attempt >= retries:
                raise
            time.sleep(backoff_s * 2 ** attempt)
    raise AssertionError("unreachable")


class Throttle:
    """At most one request per `interval_s` seconds across threads (remote engines answer 429 otherwise)."""

    def __init__(self, interval_s: float) -> None:
        self.interval_s, self._next, self._lock = float(interval_s), 0.0, threading.Lock()

    def wait(self) -> None:
        with self._lock:
            now = time.monotonic()
            delay = self._next - now
            self._next = max(now, self._next) + self.interval_s
        if delay > 0:
            time.sleep(delay)


class RemoteEngine:
    """Shared by network engines: throttled requests, retried with back-off, raw recordings kept."""

    keep_raw = True

    def __init__(self, timeout: float, retries: int, backoff_s: float, min_interval_s: float) -> None:
        self.timeout, self.retries, self.backoff_s = float(timeout), int(retries), float(backoff_s)
        self.throttle = Throttle(min_interval_s)

    def synthesize(self, text: str, out: Path) -> None:
        def once() -> None:
            self.throttle.wait()
            self.request(text, out)
        with_retries(once, self.retries, self.backoff_s)

    def request(self, text: str, out: Path) -> None:
        raise NotImplementedError


EngineFactory = Callable[..., TtsEngine]


def _registry() -> dict[str, EngineFactory]:
    from broadcaster.speech.espeak import EspeakEngine
    from broadcaster.speech.google import GttsEngine
    from broadcaster.speech.openai_tts import OpenAiEngine

    return {"espeak": EspeakEngine, "gtts": GttsEngine, "openai": OpenAiEngine}


def names() -> list[str]:
    return sorted(_registry())


def create(name: str, options: Mapping[str, Any] | None = None) -> TtsEngine:
    factory = _registry().get(name)
    if factory is None:
        raise ConfigError(f"Không có giọng đọc “{name}”.", "tên giọng đọc gõ sai trong voice.chain.",
                          "các giọng đọc hợp lệ: " + ", ".join(names()) + ".")
    try:
        return factory(**dict(options or {}))
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"Tùy chọn của giọng đọc “{name}” không hợp lệ.", str(exc),
                          f"sửa mục voice.engines.{name} trong config.yaml.") from exc
