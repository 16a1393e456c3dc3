"""Playout outputs: one small protocol and a registry {name: factory}, as beets does for backends.

`playout:` in config.yaml names the outputs (several air at once) and holds each one's options:

    playout:
      outputs: [folder, icecast]
      retries: 2            # extra attempts after a failure
      retry_delay_s: 5
      folder: {path: var/playout}
      icecast: {host: 127.0.0.1, port: 8000, mount: /xa.mp3, password_env: ICECAST_SOURCE_PASSWORD}
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

from broadcaster.config import Settings
from broadcaster.errors import ConfigError, PlayoutError

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class PlayItem:
    """What to air: a finished MP3 and what the logbook knows about it."""

    path: Path
    title: str
    duration_s: float
    name: str                  # file-friendly, e.g. 2026-12-01_0600
    scheduled_at: dt.datetime


class Output(Protocol):
    name: str

    def play(self, item: PlayItem) -> str:
        """Air the item; return a short detail for the log, raise PlayoutError on failure."""


@dataclasses.dataclass(frozen=True)
class OutputResult:
    output: str
    ok: bool
    detail: str
    attempts: int


Factory = Callable[[Mapping[str, Any], Settings], Output]


def _registry() -> dict[str, Factory]:
    from broadcaster.onair.outputs import command, folder, icecast
    return {"folder": folder.create, "command": command.create, "icecast": icecast.create}


def names() -> list[str]:
    return sorted(_registry())


def create(name: str, options: Mapping[str, Any], settings: Settings) -> Output:
    factories = _registry()
    if name not in factories:
        raise ConfigError(f"Không có đầu phát “{name}”.", "tên đầu phát gõ sai trong playout.outputs.",
                          "các đầu phát hợp lệ: " + ", ".join(names()) + ".")
    return factories[name](options or {}, settings)


def configured(settings: Settings) -> list[Output]:
    """The outputs named in playout.outputs (default: folder), each built from its options."""
    names_ = settings.playout.get("outputs", ["folder"])
    if isinstance(names_, str):
        names_ = [names_]
    if not isinstance(names_, list) or not names_:
        raise ConfigError("playout.outputs phải là danh sách đầu phát, ví dụ [folder, icecast].")
    return [create(str(n), settings.playout.get(str(n)) or {}, settings) for n in names_]


def retry_policy(settings: Settings) -> tuple[int, float]:
    retries, delay = settings.playout.get("retries", 2), settings.playout.get("retry_delay_s", 5)
    if not isinstance(retries, int) or retries < 0 or not isinstance(delay, (int, float)) or delay < 0:
        raise ConfigError("playout.retries và playout.retry_delay_s phải là số không âm.")
    return retries, float(delay)


def play_one(output: Output, item: PlayItem, retries: int, delay_s: float,
             sleep: Callable[[float], None] = time.sleep) -> OutputResult:
    """Air on one output; retry a failure unless part of the program already aired."""
    for attempt in range(1, retries + 2):
        try:
            return OutputResult(output.name, True, output.play(item), attempt)
        except PlayoutError as exc:
            log.warning("đầu phát %s lỗi (lần %d): %s", output.name, attempt, exc.what)
            if attempt > retries or not getattr(exc, "retryable", True):
                return OutputResult(output.name, False, exc.message, attempt)
            sleep(delay_s)
        except Exception as exc:  # a bug or an OS error in an output must not stop the others
            log.exception("đầu phát %s lỗi bất ngờ", output.name)
            return OutputResult(output.name, False, f"{type(exc).__name__}: {exc}", attempt)
    raise AssertionError("unreachable")


def play_all(outputs: Sequence[Output], item: PlayItem, retries: int = 2, delay_s: float = 5.0) -> list[OutputResult]:
    """Air on every output at the same time (loudspeakers and stream stay in step)."""
    if len(outputs) == 1:
        return [play_one(outputs[0], item, retries, delay_s)]
    with ThreadPoolExecutor(max_workers=len(outputs)) as pool:
        return list(pool.map(lambda o: play_one(o, item, retries, delay_s), outputs))


def option(options: Mapping[str, Any], key: str, default: Any, kind: type | tuple[type, ...], output: str) -> Any:
    """One validated option of an output's config mapping."""
    value = options.get(key, default)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise ConfigError(f"Giá trị “{value}” của playout.{output}.{key} không hợp lệ.")
    return value


def check_keys(options: Mapping[str, Any], allowed: Sequence[str], output: str) -> None:
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        raise ConfigError(f"Khóa không hợp lệ trong playout.{output}: {', '.join(unknown)}.", None,
                          "các khóa hợp lệ: " + ", ".join(allowed) + ".")
