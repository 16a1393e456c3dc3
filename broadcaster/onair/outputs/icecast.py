"""`icecast` output: stream the program in real time to a mount of an Icecast 2 server.

IP loudspeaker receivers play the mount. ffmpeg is the source client: `-re` paces the upload
in real time and it sends a plain (not chunked) PUT, which Icecast requires.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import socket
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from broadcaster.errors import ConfigError
from broadcaster.onair.outputs import Control, PlayItem, check_keys, failure, option
from broadcaster.onair.outputs.command import judge, translate

if TYPE_CHECKING:
    from broadcaster.config import Settings

KEYS = ["host", "port", "mount", "user", "password", "password_env", "ffmpeg", "min_ratio"]


@dataclasses.dataclass(frozen=True)
class IcecastOutput:
    host: str
    port: int
    mount: str
    user: str
    password: str = dataclasses.field(repr=False)
    ffmpeg: str = "ffmpeg"
    min_ratio: float = 0.9
    name: str = "icecast"

    @property
    def where(self) -> str:
        return f"http://{self.host}:{self.port}{self.mount}"

    def play(self, item: PlayItem, control: Control) -> tuple[str, float]:
        self._check_reachable()
        url = (
            f"icecast://{quote(self.user, safe='')}:{quote(self.password, safe='')}@{self.host}:{self.port}{self.mount}"
        )
        argv = [
            self.ffmpeg,
            "-hide_banner",
            "-nostdin",
            "-loglevel",
            "error",
            "-re",
            "-i",
            str(item.path),
            "-c",
            "copy",
            "-content_type",
            "audio/mpeg",
            "-ice_name",
            item.title,
            "-f",
            "mp3",
            url,
        ]
        if shutil.which(self.ffmpeg) is None:
            raise failure(
                "Không chạy được ffmpeg để phát lên Icecast.",
                "ffmpeg chưa được cài.",
                "cài ffmpeg: apt-get install ffmpeg.",
                retryable=False,
            )
        ended = control.play(argv, item, self.name)
        stderr = ended.stderr.replace(self.password, "***")
        if not ended.stopped and ended.returncode != 0:
            raise self._failure(stderr, min(ended.elapsed_s, item.duration_s))
        _, aired = judge(
            ended,
            item,
            self.min_ratio,
            f"Phát lên {self.where}",
            "kiểm tra máy chủ Icecast và mạng (error.log của Icecast).",
        )
        return f"đã phát lên {self.where} trong {ended.elapsed_s:.1f} giây", aired

    def _check_reachable(self) -> None:
        try:
            socket.create_connection((self.host, self.port), timeout=5).close()
        except OSError as exc:
            raise failure(
                f"Không kết nối được máy chủ Icecast {self.host}:{self.port}.",
                translate(str(exc)),
                "kiểm tra Icecast đang chạy (systemctl status icecast2), địa chỉ và cổng trong playout.icecast.",
            ) from exc

    def _failure(self, stderr: str, aired: float):
        if "401" in stderr or "Unauthorized" in stderr:
            return failure(
                f"Máy chủ Icecast {self.host}:{self.port} từ chối đăng nhập.",
                "sai tên hoặc mật khẩu nguồn (source password).",
                "sửa playout.icecast.password (hoặc biến môi trường password_env) cho khớp "
                "<source-password> trong icecast.xml.",
                aired,
                retryable=False,
            )
        if "403" in stderr or "Forbidden" in stderr:
            return failure(
                f"Máy chủ Icecast từ chối điểm phát {self.mount}.",
                "điểm phát đang có nguồn khác (một chương trình khác hoặc tiến trình cũ còn sót).",
                "kiểm tra không có chương trình nào khác đang phát lên cùng điểm phát.",
                aired,
            )
        last = (stderr.strip().splitlines() or [""])[-1]
        return failure(
            f"Phát lên {self.where} thất bại sau {aired:.1f} giây.",
            translate(last),
            "kiểm tra máy chủ Icecast và mạng.",
            aired,
        )


def create(options: Mapping[str, Any], settings: Settings) -> IcecastOutput:
    check_keys(options, KEYS, "icecast")
    mount = option(options, "mount", "/radio.mp3", str, "icecast")
    password = option(options, "password", "", str, "icecast")
    env = option(options, "password_env", "", str, "icecast")
    if env:
        password = os.environ.get(env, "")
    if not password:
        raise ConfigError(
            "Chưa có mật khẩu nguồn cho Icecast.",
            "thiếu playout.icecast.password hoặc biến môi trường.",
            "đặt playout.icecast.password_env: ICECAST_SOURCE_PASSWORD và đặt biến đó.",
        )
    return IcecastOutput(
        host=option(options, "host", "127.0.0.1", str, "icecast"),
        port=option(options, "port", 8000, int, "icecast"),
        mount=mount if mount.startswith("/") else "/" + mount,
        user=option(options, "user", "source", str, "icecast"),
        password=password,
        ffmpeg=option(options, "ffmpeg", "ffmpeg", str, "icecast"),
        min_ratio=float(option(options, "min_ratio", 0.9, (int, float), "icecast")),
    )
