"""`icecast` output: stream the program in real time to a mount of an Icecast 2 server.

IP loudspeaker receivers play the mount. ffmpeg is the source client: `-re` paces the upload
in real time and it sends a plain (not chunked) PUT, which Icecast requires.
"""

from __future__ import annotations

import dataclasses
import os
import socket
import subprocess
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from broadcaster.config import Settings
from broadcaster.errors import ConfigError, PlayoutError
from broadcaster.onair.outputs import PlayItem, check_keys, option

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

    def play(self, item: PlayItem) -> str:
        self._check_reachable()
        url = f"icecast://{quote(self.user, safe='')}:{quote(self.password, safe='')}@{self.host}:{self.port}{self.mount}"
        argv = [self.ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "error", "-re", "-i", str(item.path),
                "-c", "copy", "-content_type", "audio/mpeg", "-ice_name", item.title, "-f", "mp3", url]
        started = time.monotonic()
        try:
            proc = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                                  timeout=item.duration_s * 2 + 60)
        except FileNotFoundError as exc:
            raise PlayoutError("Không chạy được ffmpeg để phát lên Icecast.", "ffmpeg chưa được cài.",
                               "cài ffmpeg: apt-get install ffmpeg.") from exc
        except subprocess.TimeoutExpired as exc:
            error = PlayoutError(f"Phát lên {self.where} quá lâu và đã bị dừng.", "máy chủ Icecast không nhận dữ liệu.",
                                 "kiểm tra máy chủ Icecast và mạng.")
            error.retryable = False
            raise error from exc
        elapsed = time.monotonic() - started
        if proc.returncode != 0:
            raise self._failure(proc.stderr.replace(self.password, "***"), elapsed)
        if elapsed < item.duration_s * self.min_ratio:
            raise PlayoutError(f"Phát lên {self.where} dừng sau {elapsed:.1f} giây, chương trình dài "
                               f"{item.duration_s:.1f} giây.", "máy chủ Icecast ngắt kết nối.",
                               "kiểm tra nhật ký của Icecast (error.log).")
        return f"đã phát lên {self.where} trong {elapsed:.1f} giây"

    def _check_reachable(self) -> None:
        try:
            socket.create_connection((self.host, self.port), timeout=5).close()
        except OSError as exc:
            raise PlayoutError(f"Không kết nối được máy chủ Icecast {self.host}:{self.port}.", str(exc),
                               "kiểm tra Icecast đang chạy (systemctl status icecast2), địa chỉ và cổng "
                               "trong playout.icecast.") from exc

    def _failure(self, stderr: str, elapsed: float) -> PlayoutError:
        last = (stderr.strip().splitlines() or ["ffmpeg không báo gì"])[-1]
        if "401" in stderr or "Unauthorized" in stderr:
            error = PlayoutError(f"Máy chủ Icecast {self.host}:{self.port} từ chối đăng nhập.",
                                 "sai tên hoặc mật khẩu nguồn (source password).",
                                 "sửa playout.icecast.password (hoặc biến môi trường password_env) cho khớp "
                                 "<source-password> trong icecast.xml.")
            error.retryable = False
            return error
        if "403" in stderr or "Forbidden" in stderr:
            return PlayoutError(f"Máy chủ Icecast từ chối điểm phát {self.mount}.",
                                "điểm phát đang có nguồn khác hoặc vượt giới hạn nguồn.",
                                "kiểm tra không có chương trình khác đang phát lên cùng điểm phát.")
        error = PlayoutError(f"Phát lên {self.where} thất bại.", last, "kiểm tra máy chủ Icecast và mạng.")
        error.retryable = elapsed < 5
        return error


def create(options: Mapping[str, Any], settings: Settings) -> IcecastOutput:
    check_keys(options, KEYS, "icecast")
    mount = option(options, "mount", "/radio.mp3", str, "icecast")
    password = option(options, "password", "", str, "icecast")
    env = option(options, "password_env", "", str, "icecast")
    if env:
        password = os.environ.get(env, "")
    if not password:
        raise ConfigError("Chưa có mật khẩu nguồn cho Icecast.", "thiếu playout.icecast.password hoặc biến môi trường.",
                          "đặt playout.icecast.password_env: ICECAST_SOURCE_PASSWORD và đặt biến đó.")
    return IcecastOutput(
        host=option(options, "host", "127.0.0.1", str, "icecast"),
        port=option(options, "port", 8000, int, "icecast"),
        mount=mount if mount.startswith("/") else "/" + mount,
        user=option(options, "user", "source", str, "icecast"),
        password=password,
        ffmpeg=option(options, "ffmpeg", "ffmpeg", str, "icecast"),
        min_ratio=float(option(options, "min_ratio", 0.9, (int, float), "icecast")),
    )
