"""TTS engines: one protocol, one registry {name: factory}.

An engine turns spoken (already normalized) Vietnamese text into an audio file that ffmpeg can
read (`extension` says which kind). `check()` tells once whether the engine can work at all
(program missing, no network, no API key); a failure of one text raises EngineError, with
`fatal=True` when the engine cannot go on at all (the chain then stops using it for the run).
"""

from __future__ import annotations

import functools
import importlib
import inspect
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol, TypeVar

from broadcaster.errors import ConfigError, EngineError

T = TypeVar("T")


class TtsEngine(Protocol):
    name: str
    extension: str  # "wav" or "mp3": the kind of file synthesize() writes
    keep_raw: bool  # keep raw recordings in the cache (remote engines: slow or paid)

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
            time.sleep(backoff_s * 2**attempt)
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
    """Shared by network engines: throttled requests, retried with back-off, raw recordings kept.

    An engine either implements `request(text, out)` (it writes the file itself), or sets `max_chars`
    (the service's length limit) and implements `fetch(text) -> bytes`: a longer text is then split
    at sentence ends (speech.parts), each part fetched and retried on its own, and the parts joined.
    """

    keep_raw = True
    max_chars: int | None = None
    extension = "mp3"  # the kind of file the service answers with (engines override)

    def __init__(self, timeout: float, retries: int, backoff_s: float, min_interval_s: float) -> None:
        self.timeout, self.retries, self.backoff_s = float(timeout), int(retries), float(backoff_s)
        self.throttle = Throttle(min_interval_s)

    def synthesize(self, text: str, out: Path) -> None:
        if self.max_chars is None:

            def once() -> None:
                self.throttle.wait()
                self.request(text, out)

            with_retries(once, self.retries, self.backoff_s)
            return
        from broadcaster.speech.parts import join_parts, split_sentences

        audio = [
            with_retries(functools.partial(self._fetch_throttled, piece), self.retries, self.backoff_s)
            for piece in split_sentences(text, self.max_chars)
        ]
        join_parts(audio, out, self.extension)

    def _fetch_throttled(self, text: str) -> bytes:
        self.throttle.wait()
        return self.fetch(text)

    def request(self, text: str, out: Path) -> None:
        raise NotImplementedError

    def fetch(self, text: str) -> bytes:
        raise NotImplementedError


EngineFactory = Callable[..., TtsEngine]

# name -> "module:attribute". Names resolve without importing anything; a factory's module is imported
# only when its options are checked or an engine is made, and no engine module imports its heavy
# library (gtts, an HTTP client) at import time.
ENGINES: Mapping[str, str] = {
    "espeak": "broadcaster.speech.espeak:EspeakEngine",
    "gtts": "broadcaster.speech.google:GttsEngine",
    "openai": "broadcaster.speech.openai_tts:OpenAiEngine",
    "fpt": "broadcaster.speech.fpt:FptEngine",
    "viettel": "broadcaster.speech.viettel:ViettelEngine",
    "zalo": "broadcaster.speech.zalo:ZaloEngine",
}


def names() -> list[str]:
    """Engine names in the order they were added (the offline one first)."""
    return list(ENGINES)


def factory(name: str, where: str = "voice.chain") -> EngineFactory:
    """The factory registered as `name`; an unknown name is a ConfigError listing the valid ones."""
    target = ENGINES.get(name) if isinstance(name, str) else None
    if target is None:
        raise ConfigError(
            f"Không có giọng đọc “{name}” (trong {where}).",
            f"tên giọng đọc gõ sai trong {where}.",
            "các giọng đọc hợp lệ: " + ", ".join(names()) + ".",
        )
    module, attribute = target.split(":")
    return getattr(importlib.import_module(module), attribute)


def check_options(name: str, options: Mapping[str, Any] | None) -> None:
    """Refuse unknown keys or invalid values in the options of engine `name` (voice.engines.<name>)."""
    make = factory(name, "voice.engines")
    if options is not None and not isinstance(options, Mapping):
        raise ConfigError(
            f"Mục voice.engines.{name} trong cấu hình phải là một bảng khóa: giá trị.",
            None,
            f"ví dụ: {name}: {{...}}; các khóa hợp lệ: {', '.join(_parameters(make))}.",
        )
    try:
        inspect.signature(make).bind(**dict(options or {}))
    except TypeError as exc:
        unknown = sorted(set(options or {}) - set(_parameters(make)))
        cause = f"khóa không hợp lệ: {', '.join(map(str, unknown))}." if unknown else str(exc)
        raise ConfigError(
            f"Tùy chọn của giọng đọc “{name}” không hợp lệ.",
            cause,
            f"sửa mục voice.engines.{name} trong config.yaml; các khóa hợp lệ: " + ", ".join(_parameters(make)) + ".",
        ) from exc
    create(name, options)  # values (rate out of range, unknown format): constructors do no I/O


def _parameters(make: EngineFactory) -> list[str]:
    return [p for p in inspect.signature(make).parameters if p != "self"]


def create(name: str, options: Mapping[str, Any] | None = None) -> TtsEngine:
    make = factory(name)
    try:
        return make(**dict(options or {}))
    except (TypeError, ValueError) as exc:
        raise ConfigError(
            f"Tùy chọn của giọng đọc “{name}” không hợp lệ.",
            str(exc),
            f"sửa mục voice.engines.{name} trong config.yaml.",
        ) from exc
