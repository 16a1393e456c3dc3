"""Helpers for the web tests: a station with three accounts, a signed-in test client, data files."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Self

from broadcaster import accounts

PASSWORD = "mat-khau-123"
USERS = {"canbo": ("officer", "Trần Thị Bình"), "lanhdao": ("approver", "Nguyễn Văn An"), "quantri": ("admin", None)}
WEEK = "2026-W49"
TOKEN_RE = re.compile(r'name="csrf_token" value="([^"]+)"')

TTHC_HEADER = (
    "STT,Mã TTHC,Tên thủ tục,Lĩnh vực,Loại thay đổi,Ngày hiệu lực,Quyết định công bố,Thời hạn giải quyết,Phí lệ phí"
)
TTHC_ROWS = [
    "1,1.001193,Đăng ký khai sinh,Hộ tịch,mới ban hành,05/12/2026,Quyết định 1234/QĐ-UBND,Trong ngày,Miễn phí",
    (
        '2,2.000815,Chứng thực bản sao từ bản chính,Chứng thực,"sửa đổi, bổ sung",03/12/2026,Quyết định 1234/QĐ-UBND,'
        "Trong ngày,2.000 đồng/trang"
    ),
    "3,1.004873,Đăng ký kết hôn,Hộ tịch,bãi bỏ,04/12/2026,Quyết định 1234/QĐ-UBND,,",
]
# Two bad rows: a change type that does not exist (line 3) and a date that is not a date (line 4).
TTHC_BAD_ROWS = [
    TTHC_ROWS[0],
    TTHC_ROWS[1].replace('"sửa đổi, bổ sung"', "đổi mới"),
    TTHC_ROWS[2].replace("04/12/2026", "31/02/2026"),
]


def tthc_csv(rows: list[str]) -> str:
    return "\n".join([TTHC_HEADER, *rows]) + "\n"


def cheap_hashes(monkeypatch) -> None:
    """Tests hash many passwords: argon2id with small costs (production keeps the library's defaults)."""
    from argon2 import PasswordHasher

    monkeypatch.setattr(accounts, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


def add_users(settings) -> None:
    for name, (role, full_name) in USERS.items():
        accounts.add_user(settings, name, role, PASSWORD, full_name, actor="test")


def web_settings(make_settings, **extra):
    """A station whose emergencies and broadcasts go to a drop folder only (nothing plays for real)."""
    return make_settings(playout={"outputs": ["folder"], "retry_delay_s": 0, "retries": 0}, **extra)


class Browser:
    """A Flask test client that signs in and sends the CSRF token of the page it last read."""

    def __init__(self, app) -> None:
        self.app, self.client, self.token = app, app.test_client(), None

    def get(self, url: str, **kwargs):
        response = self.client.get(url, **kwargs)
        found = TOKEN_RE.search(response.get_data(as_text=True)) if response.mimetype == "text/html" else None
        if found:
            self.token = found.group(1)
        return response

    def post(self, url: str, data: dict | None = None, csrf: bool = True, **kwargs):
        if csrf and self.token is None:
            self.get("/login")
        data = dict(data or {})
        if csrf:
            data.setdefault("csrf_token", self.token)
        return self.client.post(url, data=data, **kwargs)

    def login(self, name: str, password: str = PASSWORD, **kwargs):
        self.get("/login")
        response = self.post("/login", {"name": name, "password": password}, **kwargs)
        if response.status_code == 303:
            self.get("/account")  # a new session has a new CSRF token
        return response


class LiveServer:
    """`broadcaster web` in its own process on a free port of 127.0.0.1 (stopped on exit).

    clock: the process runs under Debian's faketime (libfaketime), its clock starting at that moment and
    running on, as a station's would; a monkeypatched timeutil.now cannot reach another process. Everything
    in it reads that clock: planning, approvals, the audit trail, the session cookie's signature and its
    Expires, and the Date header, from which the browser takes the server's clock skew into account."""

    def __init__(self, settings, *args: str, clock: dt.datetime | None = None) -> None:
        self.settings, self.args, self.clock, self.process, self.url = settings, args, clock, None, ""

    def __enter__(self) -> Self:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        command = [
            str(Path(sys.executable).parent / "broadcaster"),
            "--config",
            str(self.settings.source),
            "web",
            "--port",
            str(port),
            *self.args,
        ]
        if self.clock is not None:
            assert shutil.which("faketime"), "faketime missing: run tools/setup-system.sh faketime"
            # -m: the thread-safe libfaketime (the server answers on threads, builds on another)
            command = ["faketime", "-m", self.clock.isoformat(sep=" "), *command]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError("broadcaster web stopped: " + self.process.stderr.read()) from None
                time.sleep(0.1)
        raise RuntimeError("broadcaster web did not start within 30 s")

    def __exit__(self, *exc) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stderr.close()
