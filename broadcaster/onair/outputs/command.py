"""`command` output: run a player (e.g. `mpv --no-video {file}`) and check it really played.

A non-zero exit, a missing program or a run much shorter than the audio counts as a failure:
players such as ffplay exit 0 at once when there is no sound card. The player runs in its own
process group (see process.py), is stopped at the program's length + playout.overrun_s, and a
partial play is reported with the seconds that went out.
"""

from __future__ import annotations

import dataclasses
import shlex
import shutil
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from broadcaster.errors import ConfigError
from broadcaster.onair.outputs import Control, PlayItem, check_keys, failure, option
from broadcaster.onair.outputs.process import Ended

if TYPE_CHECKING:
    from broadcaster.config import Settings

KEYS = ["run", "min_ratio"]
STOPPED_VI = {
    "emergency": "bị ngắt để phát tin khẩn cấp",
    "shutdown": "bị ngắt vì trình lập lịch dừng",
    "overrun": "chạy quá thời lượng chương trình nên đã bị dừng (trình phát treo?)",
}


@dataclasses.dataclass(frozen=True)
class CommandOutput:
    argv: tuple[str, ...]
    min_ratio: float = 0.9  # a run shorter than this share of the audio is a failure
    name: str = "command"

    def play(self, item: PlayItem, control: Control) -> tuple[str, float]:
        argv = [a.format(file=str(item.path), title=item.title) for a in self.argv]
        if shutil.which(argv[0]) is None:
            raise failure(
                f"Không chạy được trình phát “{argv[0]}”.",
                "chương trình chưa được cài.",
                "cài trình phát (ví dụ apt-get install mpv) hoặc sửa playout.command.run.",
                retryable=False,
            )
        ended = control.play(argv, item, self.name)
        return judge(
            ended,
            item,
            self.min_ratio,
            f"Trình phát “{argv[0]}”",
            "kiểm tra loa, card âm thanh và lệnh trong playout.command.run.",
        )


def judge(ended: Ended, item: PlayItem, min_ratio: float, who: str, fix: str) -> tuple[str, float]:
    """Turn how a player ended into (detail, seconds aired) or a PlayoutError that says how much aired."""
    aired = min(ended.elapsed_s, item.duration_s)
    if ended.stopped:
        cause = STOPPED_VI.get(ended.stopped, ended.stopped)
        raise failure(
            f"{who} {cause} sau {aired:.1f} giây (chương trình dài {item.duration_s:.1f} giây).",
            None,
            fix if ended.stopped == "overrun" else None,
            aired,
            None if ended.stopped == "overrun" else ended.stopped,
        )
    if ended.returncode != 0:
        tail = ended.stderr.strip().splitlines()[-1:] or ["không có thông báo"]
        killed = ended.returncode is None or ended.returncode < 0 or ended.returncode >= 128
        if killed:  # a signal from outside (power cut, kill): not a player that could not start
            raise failure(f"{who} bị dừng từ bên ngoài sau {aired:.1f} giây.", None, fix, aired, retryable=False)
        raise failure(f"{who} báo lỗi (mã {ended.returncode}) sau {aired:.1f} giây.", translate(tail[0]), fix, aired)
    if ended.elapsed_s < item.duration_s * min_ratio:
        raise failure(
            f"{who} dừng sau {aired:.1f} giây, chương trình dài {item.duration_s:.1f} giây.",
            "không có thiết bị âm thanh, trình phát lỗi hoặc mất kết nối.",
            fix,
            aired,
        )
    return f"{who.split('“')[-1].rstrip('”')} phát {ended.elapsed_s:.1f} giây", aired


# English messages of players and ffmpeg, in words the officer reads (the logbook is Vietnamese).
MESSAGES_VI = (
    ("Connection reset by peer", "máy chủ ngắt kết nối giữa chừng"),
    ("Connection refused", "máy chủ từ chối kết nối (chưa chạy?)"),
    ("Broken pipe", "kết nối bị đứt"),
    ("No such file or directory", "không tìm thấy tệp"),
    ("Permission denied", "không có quyền truy cập"),
    ("401 Unauthorized", "sai tên hoặc mật khẩu nguồn"),
    ("403 Forbidden", "điểm phát đang có nguồn khác"),
    ("No space left on device", "ổ đĩa đầy"),
    ("Invalid data found", "tệp âm thanh hỏng"),
)


def translate(line: str) -> str:
    for english, vietnamese in MESSAGES_VI:
        if english.lower() in line.lower():
            return vietnamese
    return "trình phát báo lỗi (chi tiết trong nhật ký hệ thống)"


def create(options: Mapping[str, Any], settings: Settings) -> CommandOutput:
    check_keys(options, KEYS, "command")
    run = option(options, "run", "mpv --no-video --really-quiet {file}", str, "command")
    argv = tuple(shlex.split(run))
    if not argv or not any("{file}" in a for a in argv):
        raise ConfigError("playout.command.run phải là một lệnh có {file}, ví dụ: mpv --no-video {file}.")
    return CommandOutput(argv, float(option(options, "min_ratio", 0.9, (int, float), "command")))
