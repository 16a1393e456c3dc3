"""`command` output: run a player (e.g. `mpv --no-video {file}`) and check it really played.

A non-zero exit, a missing program or a run much shorter than the audio counts as a failure:
players such as ffplay exit 0 at once when there is no sound card.
"""

from __future__ import annotations

import dataclasses
import shlex
import subprocess
import time
from collections.abc import Mapping
from typing import Any

from broadcaster.config import Settings
from broadcaster.errors import ConfigError, PlayoutError
from broadcaster.onair.outputs import PlayItem, check_keys, option


@dataclasses.dataclass(frozen=True)
class CommandOutput:
    argv: tuple[str, ...]
    min_ratio: float = 0.9          # a run shorter than this share of the audio is a failure
    name: str = "command"

    def play(self, item: PlayItem) -> str:
        argv = [a.format(file=str(item.path), title=item.title) for a in self.argv]
        started = time.monotonic()
        try:
            proc = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                  timeout=item.duration_s * 2 + 60)
        except FileNotFoundError as exc:
            raise PlayoutError(f"Không chạy được trình phát “{argv[0]}”.", "chương trình chưa được cài.",
                               "cài trình phát (ví dụ apt-get install mpv) hoặc sửa playout.command.run.") from exc
        except subprocess.TimeoutExpired as exc:
            raise _partial(f"Trình phát “{argv[0]}” chạy quá lâu và đã bị dừng.", "trình phát bị treo.",
                           "kiểm tra thiết bị âm thanh.") from exc
        elapsed = time.monotonic() - started
        if proc.returncode != 0:
            tail = (proc.stderr or proc.stdout or "").strip().splitlines()[-1:] or ["không có thông báo"]
            error = PlayoutError(f"Trình phát “{argv[0]}” báo lỗi (mã {proc.returncode}).", tail[0],
                                 "kiểm tra thiết bị âm thanh và lệnh trong playout.command.run.")
            error.retryable = elapsed < 5
            raise error
        if elapsed < item.duration_s * self.min_ratio:
            raise PlayoutError(f"Trình phát “{argv[0]}” dừng sau {elapsed:.1f} giây, chương trình dài "
                               f"{item.duration_s:.1f} giây.", "không có thiết bị âm thanh hoặc trình phát lỗi.",
                               "thử lệnh bằng tay và kiểm tra loa, card âm thanh.")
        return f"{argv[0]} phát {elapsed:.1f} giây"


def _partial(what: str, cause: str, fix: str) -> PlayoutError:
    error = PlayoutError(what, cause, fix)
    error.retryable = False          # part of the program aired: retrying would air it twice
    return error


def create(options: Mapping[str, Any], settings: Settings) -> CommandOutput:
    check_keys(options, ["run", "min_ratio"], "command")
    run = option(options, "run", "mpv --no-video --really-quiet {file}", str, "command")
    argv = tuple(shlex.split(run))
    if not argv or not any("{file}" in a for a in argv):
        raise ConfigError("playout.command.run phải là một lệnh có {file}, ví dụ: mpv --no-video {file}.")
    return CommandOutput(argv, float(option(options, "min_ratio", 0.9, (int, float), "command")))
