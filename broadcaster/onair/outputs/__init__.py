"""Playout outputs: one small protocol and a registry {name: module}, as beets does for backends.

`playout:` in config.yaml names the outputs (several air at once) and holds each one's options:

    playout:
      outputs: [folder, icecast]
      retries: 2              # extra attempts after a failure that aired nothing
      retry_delay_s: 5
      overrun_s: 30           # a player still running this long after the program's end is stopped
      retry_partial: false    # after a partial play, air again from the start as a new, logged attempt
      after_emergency: replay # what happens to a program an emergency cut: resume | replay | drop
      folder: {path: var/playout}
      icecast: {host: 127.0.0.1, port: 8000, mount: /xa.mp3, password_env: ICECAST_SOURCE_PASSWORD}

An output plays one item and says how many seconds of it went out. A failure after part of a
program aired is never retried inside the same attempt: that would air the start twice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from broadcaster.errors import ConfigError, PlayoutError
from broadcaster.onair.outputs.process import NOTHING_AIRED_S, PlayerProcess

if TYPE_CHECKING:
    from broadcaster.config import Settings

log = logging.getLogger(__name__)
MODULES = {
    "folder": "broadcaster.onair.outputs.folder",
    "command": "broadcaster.onair.outputs.command",
    "icecast": "broadcaster.onair.outputs.icecast",
}
AFTER_EMERGENCY = ("replay", "resume", "drop")
LABEL_VI = {"folder": "thư mục phát", "command": "trình phát", "icecast": "Icecast"}


def labels(names: str) -> str:
    """'folder,icecast' (as the logbook stores them) in the officer's words."""
    return ", ".join(LABEL_VI.get(n, n) for n in names.split(",") if n)


@dataclasses.dataclass(frozen=True)
class PlayItem:
    """What to air: a finished MP3 and what the logbook knows about it."""

    path: Path
    title: str
    duration_s: float
    name: str  # file-friendly, e.g. 2026-12-01_0600
    scheduled_at: dt.datetime
    key: str = ""  # the logbook key of this broadcast


@dataclasses.dataclass(frozen=True)
class Policy:
    retries: int = 2
    retry_delay_s: float = 5.0
    overrun_s: float = 30.0
    retry_partial: bool = False
    after_emergency: str = "replay"


class Control:
    """Handed to an output while it plays: lets the daemon stop it (emergency, shutdown)."""

    def __init__(self, run_dir: Path, policy: Policy) -> None:
        self.run_dir, self.policy = run_dir, policy
        self._lock = threading.Lock()
        self._players: list[PlayerProcess] = []
        self.reason: str | None = None

    def attach(self, player: PlayerProcess) -> None:
        with self._lock:
            self._players.append(player)
            if self.reason:
                player.stop(self.reason)

    def detach(self, player: PlayerProcess) -> None:
        with self._lock:
            self._players.remove(player)

    def stop(self, reason: str) -> None:
        with self._lock:
            self.reason = self.reason or reason
            for player in self._players:
                player.stop(reason)

    def play(self, argv: Sequence[str], item: PlayItem, output: str, env: dict[str, str] | None = None):
        """Run a player for `item` under this control; returns how it ended (process.Ended)."""
        player = PlayerProcess(argv, self.run_dir, output, item.key, item.path, item.duration_s, env)
        self.attach(player)
        try:
            return player.wait(item.duration_s + self.policy.overrun_s)
        finally:
            self.detach(player)


class Output(Protocol):
    name: str

    def play(self, item: PlayItem, control: Control) -> tuple[str, float]:
        """Air the item; return (detail for the log, seconds aired). Raise PlayoutError on failure,
        with `aired_s` set when part of it went out and `stopped` when the control stopped it."""


@dataclasses.dataclass(frozen=True)
class OutputResult:
    output: str
    ok: bool
    detail: str
    attempts: int
    aired_s: float = 0.0
    stopped: str | None = None  # emergency | shutdown, when the daemon stopped it


def names() -> list[str]:
    return sorted(MODULES)


def _module(name: str):
    if name not in MODULES:
        raise ConfigError(
            f"Không có đầu phát “{name}”.",
            "tên đầu phát gõ sai trong playout.outputs.",
            "các đầu phát hợp lệ: " + ", ".join(names()) + ".",
        )
    return importlib.import_module(MODULES[name])


def create(name: str, options: Mapping[str, Any], settings: Settings) -> Output:
    return _module(name).create(options or {}, settings)


TOP_KEYS = ("outputs", "retries", "retry_delay_s", "overrun_s", "retry_partial", "after_emergency")


def output_names(playout: Mapping[str, Any]) -> list[str]:
    names_ = playout.get("outputs", ["folder"])
    if isinstance(names_, str):
        names_ = [names_]
    if not isinstance(names_, list) or not names_ or not all(isinstance(n, str) for n in names_):
        raise ConfigError("playout.outputs phải là danh sách đầu phát, ví dụ [folder, icecast].")
    return names_


def validate(playout: Mapping[str, Any]) -> Policy:
    """Check the `playout` section when config.yaml loads: names, keys, the policy values."""
    chosen = output_names(playout)
    for name in chosen:
        _module(name)
    unknown = sorted(set(playout) - set(TOP_KEYS) - set(MODULES))
    if unknown:
        raise ConfigError(
            f"Khóa không hợp lệ trong playout: {', '.join(unknown)}.",
            "có thể gõ sai tên.",
            "các khóa hợp lệ: " + ", ".join([*TOP_KEYS, *names()]) + ".",
        )
    for name in MODULES:
        if name in playout:
            options = playout[name] or {}
            if not isinstance(options, Mapping):
                raise ConfigError(f"playout.{name} phải là một bảng khóa: giá trị.")
            check_keys(options, _module(name).KEYS, name)
    return policy(playout)


def policy(playout: Mapping[str, Any]) -> Policy:
    def number(key: str, default: float, kind: type = float) -> Any:
        value = playout.get(key, default)
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or value < 0
            or (kind is int and not isinstance(value, int))
        ):
            raise ConfigError(f"playout.{key} phải là số không âm (đang là “{value}”).")
        return kind(value)

    retry_partial = playout.get("retry_partial", False)
    if not isinstance(retry_partial, bool):
        raise ConfigError("playout.retry_partial phải là true hoặc false.")
    after = playout.get("after_emergency", "replay")
    if after not in AFTER_EMERGENCY:
        raise ConfigError(
            f"playout.after_emergency “{after}” không hợp lệ.",
            None,
            "chọn một trong: " + ", ".join(AFTER_EMERGENCY) + ".",
        )
    return Policy(
        number("retries", 2, int), number("retry_delay_s", 5.0), number("overrun_s", 30.0), retry_partial, after
    )


def configured(settings: Settings) -> list[Output]:
    """The outputs named in playout.outputs (default: folder), each built from its options."""
    return [create(n, settings.playout.get(n) or {}, settings) for n in output_names(settings.playout)]


def play_one(
    output: Output, item: PlayItem, control: Control, sleep: Callable[[float], None] = time.sleep
) -> OutputResult:
    """Air on one output. Retry only a failure that aired nothing; never retry after part aired."""
    retries, delay = control.policy.retries, control.policy.retry_delay_s
    for attempt in range(1, retries + 2):
        try:
            detail, aired = output.play(item, control)
            return OutputResult(output.name, True, detail, attempt, aired)
        except PlayoutError as exc:
            aired, stopped = exc.aired_s, exc.stopped
            log.warning("đầu phát %s lỗi (lần %d, đã phát %.1f giây): %s", output.name, attempt, aired, exc.what)
            nothing_aired = aired < NOTHING_AIRED_S
            if stopped or attempt > retries or not exc.retryable or not nothing_aired or control.reason:
                return OutputResult(output.name, False, exc.message, attempt, aired, stopped)
            sleep(delay)
        except Exception as exc:  # a bug or an OS error in an output must not stop the others
            log.exception("đầu phát %s lỗi bất ngờ", output.name)
            return OutputResult(output.name, False, f"{type(exc).__name__}: {exc}", attempt)
    raise AssertionError("unreachable")


def play_all(outputs: Sequence[Output], item: PlayItem, control: Control) -> list[OutputResult]:
    """Air on every output at the same time (loudspeakers and stream stay in step)."""
    if len(outputs) == 1:
        return [play_one(outputs[0], item, control)]
    with ThreadPoolExecutor(max_workers=len(outputs)) as pool:
        return list(pool.map(lambda o: play_one(o, item, control), outputs))


def failure(
    what: str,
    cause: str | None,
    fix: str | None,
    aired_s: float = 0.0,
    stopped: str | None = None,
    retryable: bool = True,
) -> PlayoutError:
    """A PlayoutError that knows how much aired; a partial play is never retryable."""
    error = PlayoutError(what, cause, fix)
    error.aired_s, error.stopped = aired_s, stopped
    error.retryable = retryable and aired_s < NOTHING_AIRED_S and not stopped
    return error


def option(options: Mapping[str, Any], key: str, default: Any, kind: type | tuple[type, ...], output: str) -> Any:
    """One validated option of an output's config mapping."""
    value = options.get(key, default)
    if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
        raise ConfigError(f"Giá trị “{value}” của playout.{output}.{key} không hợp lệ.")
    return value


def check_keys(options: Mapping[str, Any], allowed: Sequence[str], output: str) -> None:
    unknown = sorted(set(options) - set(allowed))
    if unknown:
        raise ConfigError(
            f"Khóa không hợp lệ trong playout.{output}: {', '.join(unknown)}.",
            None,
            "các khóa hợp lệ: " + ", ".join(allowed) + ".",
        )
