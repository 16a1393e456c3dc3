"""Run the daemon as a systemd service: the unit file, a logrotate file, and installing both.

The unit starts `broadcaster --config <config> run` as Type=notify with a watchdog (the daemon
reports through onair/notify.py), restarts it whenever it stops, and gives it 30 s to stop (it
stops itself within 10 s; systemd's default 90 s would hide a hang, a program is never waited for).
Logs go to journald, or with a log file to that file (written by systemd itself, rotated by
logrotate with copytruncate, since systemd keeps the file open).
"""

from __future__ import annotations

import dataclasses
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

from broadcaster.config import Settings
from broadcaster.errors import ConfigError, ScheduleError
from broadcaster.files import write_text_atomic

UNIT_NAME = "broadcaster.service"
UNIT_DIR = Path("/etc/systemd/system")
LOGROTATE_FILE = Path("/etc/logrotate.d/broadcaster")
ENVIRONMENT_FILE = Path("/etc/broadcaster/environment")  # optional: API keys, Icecast password


@dataclasses.dataclass(frozen=True)
class Installed:
    unit: Path
    logrotate: Path | None  # None: logs go to journald
    log_file: Path | None
    reloaded: bool  # systemctl daemon-reload ran
    reload_skipped: str | None  # why it did not run
    user: str | None


def executable() -> Path:
    """The `broadcaster` script of the running installation (its venv's bin/, not resolved)."""
    beside = Path(sys.executable).parent / "broadcaster"
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside.absolute()
    found = shutil.which("broadcaster")
    if found:
        return Path(found).absolute()
    raise ScheduleError(
        "Không tìm thấy chương trình broadcaster để chạy thành dịch vụ.",
        f"không có {beside} và không có broadcaster trên PATH.",
        "cài gói vào môi trường ảo (make venv) rồi chạy lệnh bằng .venv/bin/broadcaster.",
    )


def default_user(settings: Settings) -> str | None:
    """Who the service runs as without --user: the owner of the config's folder, unless root."""
    try:
        owner = pwd.getpwuid(settings.base_dir.stat().st_uid).pw_name
    except (KeyError, OSError):
        return None
    return None if owner == "root" else owner


def unit_text(
    settings: Settings, user: str | None = None, log_file: Path | None = None, program: Path | None = None
) -> str:
    """The systemd unit for the daemon of this config (absolute paths, nothing depends on the cwd)."""
    if settings.source is None:
        raise ConfigError("Cần một tệp cấu hình để tạo dịch vụ.", None, "chạy với --config TỆP.")
    program = program or executable()
    config = settings.source.resolve()
    lines = [
        "# broadcaster — trình lập lịch phát thanh chạy nền (tạo bởi: broadcaster service unit).",
        "# Sửa cấu hình trong config.yaml, rồi: systemctl restart broadcaster",
        "[Unit]",
        f"Description=broadcaster: trình lập lịch phát thanh ({_value(settings.station.name)})",
        "After=network-online.target",
        "Wants=network-online.target",
        "",
        "[Service]",
        "Type=notify",
        "NotifyAccess=main",
        f"ExecStart={_arg(program)} --config {_arg(config)} run",
        f"WorkingDirectory={_path(config.parent)}",
    ]
    if user:
        lines.append(f"User={_value(user)}")
    lines += [
        "Environment=PYTHONUNBUFFERED=1",
        f"EnvironmentFile=-{_path(ENVIRONMENT_FILE)}",
    ]
    if log_file:
        lines += [f"StandardOutput=append:{_path(log_file)}", f"StandardError=append:{_path(log_file)}"]
    lines += [
        "Restart=always",
        "RestartSec=5",
        "WatchdogSec=30",
        "TimeoutStopSec=30",
        "KillMode=process",  # a player outliving a crashed daemon plays on; the restart adopts it
        "",
        "[Install]",
        "WantedBy=multi-user.target",
    ]
    return "\n".join(lines) + "\n"


def logrotate_text(log_file: Path) -> str:
    """Weekly rotation, 8 weeks kept; copytruncate because systemd (root) holds the file open."""
    return (
        f"# broadcaster — xoay vòng nhật ký trình lập lịch (tạo bởi: broadcaster service install).\n"
        f"{_quoted(log_file)} {{\n"
        "    weekly\n"
        "    rotate 8\n"
        "    maxsize 50M\n"
        "    compress\n"
        "    delaycompress\n"
        "    missingok\n"
        "    notifempty\n"
        "    copytruncate\n"
        "}\n"
    )


def install(
    settings: Settings, user: str | None = None, log_file: Path | None = None, root: Path | None = None
) -> Installed:
    """Write the unit (and a logrotate file with a log file) under `root` (default /), then reload systemd."""
    if user:
        _check_user(user)
    if log_file is not None and not log_file.is_absolute():
        raise ConfigError(
            f"Đường dẫn tệp nhật ký “{log_file}” phải là đường dẫn tuyệt đối.",
            None,
            "ví dụ: --log-file /var/log/broadcaster/broadcaster.log.",
        )
    base = root or Path("/")
    unit = _under(base, UNIT_DIR / UNIT_NAME)
    _write(unit, unit_text(settings, user, log_file))
    rotate = None
    if log_file is not None:
        rotate = _under(base, LOGROTATE_FILE)
        _write(rotate, logrotate_text(log_file))
        folder = _under(base, log_file.parent)
        folder.mkdir(parents=True, exist_ok=True)  # systemd opens the file but does not make its folder
    if root is not None:
        return Installed(unit, rotate, log_file, False, f"cài vào {root}, không phải hệ thống đang chạy", user)
    skipped = systemd_missing()
    if skipped is None:
        done = subprocess.run(["systemctl", "daemon-reload"], check=False, capture_output=True, text=True, timeout=60)
        if done.returncode != 0:
            skipped = f"systemctl daemon-reload lỗi: {done.stderr.strip() or done.returncode}"
    return Installed(unit, rotate, log_file, skipped is None, skipped, user)


def systemd_missing() -> str | None:
    """None when systemd runs this machine (PID 1) and systemctl exists; else the reason."""
    if shutil.which("systemctl") is None:
        return "không có lệnh systemctl trên máy này"
    if not Path("/run/systemd/system").is_dir():  # sd_booted(): systemd is PID 1
        return "systemd không phải tiến trình số 1 (PID 1) trên máy này (container hoặc hệ khởi động khác)"
    return None


def _quoted(path: Path) -> str:
    return f'"{path}"' if any(c.isspace() for c in str(path)) else str(path)


def _check_user(user: str) -> None:
    try:
        pwd.getpwnam(user)
    except KeyError:
        raise ConfigError(
            f"Không có người dùng “{user}” trên máy này.",
            "tên gõ sai hoặc chưa tạo người dùng.",
            f"tạo người dùng hệ thống: useradd --system --home-dir /srv/broadcaster {user}, "
            "rồi cho người dùng đó quyền ghi thư mục của đài (chown -R).",
        ) from None


def _under(root: Path, path: Path) -> Path:
    return root / path.relative_to("/")


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, text)
        path.chmod(0o644)
    except PermissionError as exc:
        raise ScheduleError(
            f"Không ghi được {path}.",
            "cần quyền root để cài dịch vụ.",
            "chạy lại bằng sudo (sudo .venv/bin/broadcaster service install …), "
            "hoặc in tệp bằng broadcaster service unit rồi tự chép.",
        ) from exc


def _value(text: str) -> str:
    """A unit-file value: '%' starts a specifier, so it is doubled; no line breaks."""
    return " ".join(str(text).split()).replace("%", "%%")


def _path(path: Path) -> str:
    return _value(str(path))


def _arg(path: Path) -> str:
    """One ExecStart argument: quoted when it has spaces; '$' is doubled (variable expansion)."""
    text = _path(path).replace("$", "$$")
    if any(c in text for c in " \t\"'\\"):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text
