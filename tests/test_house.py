"""The house: config discovery through the real CLI, `broadcaster init`, the systemd service and sd_notify."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml

from broadcaster.onair import notify
from broadcaster.project import sample_config

REPO = Path(__file__).resolve().parents[1]
BROADCASTER = Path(sys.executable).parent / "broadcaster"
SYSTEM_CONFIG = Path("/etc/broadcaster/config.yaml")


def broadcaster(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """The installed `broadcaster` script in a fresh process, without BROADCASTER_CONFIG."""
    environment = {k: v for k, v in os.environ.items() if k != "BROADCASTER_CONFIG"} | (env or {})
    return subprocess.run(
        [str(BROADCASTER), *map(str, args)],
        cwd=cwd,
        env=environment,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def empty(tmp_path: Path) -> Path:
    assert not SYSTEM_CONFIG.exists(), f"{SYSTEM_CONFIG} exists on this machine: these tests need none"
    folder = tmp_path / "empty"
    folder.mkdir()
    return folder


# ---- config discovery -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "command", [["status"], ["weekly", "--week", "2026-W49"], ["announce", "list"], ["run"], ["service", "unit"]]
)
def test_commands_that_need_settings_refuse_without_a_config(empty, command):
    result = broadcaster(*command, cwd=empty)
    assert result.returncode == 1, result.stderr
    assert "Không tìm thấy tệp cấu hình" in result.stderr
    for place in (
        "--config",
        "BROADCASTER_CONFIG",
        f"./config.yaml trong thư mục hiện tại ({empty})",
        "/etc/broadcaster/config.yaml",
        "broadcaster init THƯ_MỤC",
    ):
        assert place in result.stderr
    assert "Traceback" not in result.stderr
    assert list(empty.iterdir()) == []  # no ./var, no empty database


def test_help_normalize_and_init_work_without_a_config(empty):
    assert broadcaster("--help", cwd=empty).returncode == 0
    assert "Cách dùng:" in broadcaster("status", "--help", cwd=empty).stdout
    spoken = broadcaster("normalize", "họp lúc 7h30", cwd=empty)
    assert spoken.returncode == 0 and spoken.stdout == "họp lúc bảy giờ ba mươi phút\n"
    assert broadcaster("init", "dai-xa", cwd=empty).returncode == 0
    assert (empty / "dai-xa" / "config.yaml").is_file()


def test_config_in_the_current_folder_and_in_the_variable_are_found(empty):
    made = broadcaster("init", "dai-xa", cwd=empty)
    assert made.returncode == 0, made.stderr
    here = broadcaster("slots", "list", "--json", cwd=empty / "dai-xa")
    assert here.returncode == 0, here.stderr
    assert [s["time"] for s in yaml.safe_load(here.stdout)] == ["06:00", "17:30"]
    by_variable = broadcaster("slots", "list", cwd=empty, env={"BROADCASTER_CONFIG": str(empty / "dai-xa/config.yaml")})
    assert by_variable.returncode == 0 and "17:30" in by_variable.stdout


def test_a_typo_in_an_engine_name_stops_status_weekly_and_run_at_once(tmp_path):
    (tmp_path / "config.yaml").write_text("voice: {chain: [espek]}\n", encoding="utf-8")
    for command in (["status"], ["weekly"], ["run"]):
        result = broadcaster(*command, cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        assert "Không có giọng đọc “espek” (trong voice.chain)" in result.stderr
        assert "các giọng đọc hợp lệ: espeak, gtts, openai, fpt, viettel, zalo." in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "var").exists()


# ---- init -------------------------------------------------------------------------------------


def test_the_packaged_sample_is_the_repository_config():
    assert sample_config() == (REPO / "config.yaml").read_text(encoding="utf-8")


def test_init_writes_the_config_folders_and_a_migrated_database(empty):
    result = broadcaster("init", "dai-xa", cwd=empty)
    assert result.returncode == 0, result.stderr
    home = empty / "dai-xa"
    assert (home / "config.yaml").read_text(encoding="utf-8") == sample_config()
    for folder in ("scripts", "audio_out", "var", "var/cache"):
        assert (home / folder).is_dir()
    with sqlite3.connect(home / "var" / "broadcaster.db") as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert conn.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
    assert {"announcements", "tthc_changes", "programs", "broadcasts", "slots"} <= tables
    out = result.stdout
    assert f"Đã ghi tệp cấu hình {home / 'config.yaml'}" in out
    assert f"Đã tạo cơ sở dữ liệu {home / 'var' / 'broadcaster.db'}." in out
    for step in (
        "broadcaster announce import",
        "broadcaster tthc import",
        "broadcaster weekly",
        "broadcaster approve --week",
        "broadcaster run",
        "service install --user",
        "systemctl enable --now",
    ):
        assert step in out, step
    status = broadcaster("status", cwd=home)
    assert status.returncode == 0 and "chưa có chương trình" in status.stdout


def test_init_again_changes_nothing(empty):
    broadcaster("init", "dai-xa", cwd=empty)
    config = empty / "dai-xa" / "config.yaml"
    before, files = config.stat().st_mtime_ns, sorted((empty / "dai-xa").rglob("*"))
    again = broadcaster("init", "dai-xa", cwd=empty)
    assert again.returncode == 0, again.stderr
    assert "đã có (giống bản mẫu), giữ nguyên" in again.stdout
    assert "Thư mục đã có:" in again.stdout and "Đã tạo" not in again.stdout
    assert config.stat().st_mtime_ns == before and sorted((empty / "dai-xa").rglob("*")) == files


def test_init_refuses_to_overwrite_an_edited_config_unless_forced(empty):
    broadcaster("init", "dai-xa", cwd=empty)
    config = empty / "dai-xa" / "config.yaml"
    edited = sample_config().replace("xã Hòa Phú", "xã Tân Lập")
    config.write_text(edited, encoding="utf-8")
    refused = broadcaster("init", "dai-xa", cwd=empty)
    assert refused.returncode == 1
    assert "đã có tệp cấu hình config.yaml khác bản mẫu; không ghi đè" in refused.stderr
    assert "--force" in refused.stderr and "Traceback" not in refused.stderr
    assert config.read_text(encoding="utf-8") == edited
    forced = broadcaster("init", "dai-xa", "--force", cwd=empty)
    assert forced.returncode == 0, forced.stderr
    assert config.read_text(encoding="utf-8") == sample_config()
    assert (empty / "dai-xa" / "config.yaml.bak").read_text(encoding="utf-8") == edited
    assert f"bản cũ: {empty / 'dai-xa' / 'config.yaml.bak'}" in forced.stdout


def test_init_into_a_file_is_refused(empty):
    (empty / "taken").write_text("x", encoding="utf-8")
    result = broadcaster("init", "taken", cwd=empty)
    assert result.returncode != 0 and "Traceback" not in result.stderr


# ---- the systemd service ----------------------------------------------------------------------

UNIT_LINES = [
    "Type=notify",
    "NotifyAccess=main",
    "Restart=always",
    "RestartSec=5",
    "WatchdogSec=30",
    "TimeoutStopSec=30",
    "KillMode=process",
    "Environment=PYTHONUNBUFFERED=1",
    "WantedBy=multi-user.target",
]


def verify(unit: Path) -> subprocess.CompletedProcess:
    """systemd's own offline check of a unit file (no running systemd needed)."""
    return subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(unit)], check=False, capture_output=True, text=True, timeout=120
    )


def test_service_unit_is_valid_for_systemd(empty, tmp_path):
    home = empty / "đài xã"  # a space and Vietnamese letters in the path
    assert broadcaster("init", home, cwd=empty).returncode == 0
    result = broadcaster("service", "unit", "--user", "radio", cwd=home)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for line in UNIT_LINES + ["User=radio", f"WorkingDirectory={home}"]:
        assert line in lines, line
    assert f'ExecStart={BROADCASTER} --config "{home / "config.yaml"}" run' in lines
    unit = tmp_path / "broadcaster.service"
    unit.write_text(result.stdout, encoding="utf-8")
    checked = verify(unit)
    assert checked.returncode == 0 and checked.stderr == "", checked.stderr


def test_service_install_writes_unit_and_logrotate_under_root(empty, tmp_path):
    home = empty / "dai-xa"
    broadcaster("init", home, cwd=empty)
    root = tmp_path / "root"
    log = Path("/var/log/broadcaster/broadcaster.log")
    result = broadcaster(
        "--config",
        home / "config.yaml",
        "service",
        "install",
        "--user",
        "daemon",
        "--log-file",
        log,
        "--root",
        root,
        cwd=empty,
    )
    assert result.returncode == 0, result.stderr
    unit = root / "etc/systemd/system/broadcaster.service"
    text = unit.read_text(encoding="utf-8")
    assert f"StandardOutput=append:{log}\nStandardError=append:{log}\n" in text
    assert (
        text
        == broadcaster(
            "--config", home / "config.yaml", "service", "unit", "--user", "daemon", "--log-file", log, cwd=empty
        ).stdout
    )
    checked = verify(unit)
    assert checked.returncode == 0 and checked.stderr == "", checked.stderr
    rotate = root / "etc/logrotate.d/broadcaster"
    assert (root / "var/log/broadcaster").is_dir()
    assert f"{log} {{" in rotate.read_text() and "copytruncate" in rotate.read_text()
    debug = subprocess.run(
        ["logrotate", "--debug", "--state", str(tmp_path / "state"), str(rotate)],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert debug.returncode == 0 and "error" not in debug.stderr.lower(), debug.stderr
    assert f"Đã ghi {unit} (trình lập lịch chạy bằng người dùng daemon)." in result.stdout
    assert f"Đã ghi {rotate}" in result.stdout
    assert f"Chưa nạp lại systemd: cài vào {root}" in result.stdout
    assert "sudo systemctl daemon-reload\n  sudo systemctl enable --now broadcaster" in result.stdout


def test_service_install_without_log_file_explains_journald(empty, tmp_path):
    broadcaster("init", "dai-xa", cwd=empty)
    result = broadcaster("service", "install", "--user", "daemon", "--root", tmp_path / "root", cwd=empty / "dai-xa")
    assert result.returncode == 0, result.stderr
    assert "journald" in result.stdout and "journalctl -u broadcaster -f" in result.stdout
    assert not (tmp_path / "root/etc/logrotate.d").exists()
    assert "StandardOutput" not in (tmp_path / "root/etc/systemd/system/broadcaster.service").read_text()


def test_service_install_refuses_an_unknown_user_and_a_relative_log_file(empty, tmp_path):
    broadcaster("init", "dai-xa", cwd=empty)
    home = empty / "dai-xa"
    nobody = broadcaster("service", "install", "--user", "khong-co-ai", "--root", tmp_path / "r", cwd=home)
    assert nobody.returncode == 1 and "Không có người dùng “khong-co-ai”" in nobody.stderr
    assert "useradd --system" in nobody.stderr
    relative = broadcaster("service", "install", "--log-file", "logs/b.log", "--root", tmp_path / "r", cwd=home)
    assert relative.returncode == 1 and "đường dẫn tuyệt đối" in relative.stderr
    assert not (tmp_path / "r").exists()


def test_daemon_reload_only_where_systemd_is_pid_1(monkeypatch):
    from broadcaster.onair import service

    monkeypatch.setattr(service.shutil, "which", lambda name: None)
    assert "không có lệnh systemctl" in service.systemd_missing()


# ---- sd_notify --------------------------------------------------------------------------------


@pytest.fixture
def notify_socket(monkeypatch):
    """A real AF_UNIX datagram socket standing in for systemd's; NOTIFY_SOCKET points at it."""
    folder = tempfile.mkdtemp(prefix="notify-")  # short path: AF_UNIX names are limited to 108 bytes
    path = os.path.join(folder, "notify.sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind(path)
    server.settimeout(10)
    monkeypatch.setenv("NOTIFY_SOCKET", path)
    yield server
    server.close()
    os.unlink(path)
    os.rmdir(folder)


def test_notifications_reach_the_socket(notify_socket):
    assert notify.ready() and notify.watchdog()
    assert notify.status("Buổi phát tiếp theo: thứ Ba,\n06:00") and notify.stopping()
    received = [notify_socket.recv(4096) for _ in range(4)]
    assert received == [b"READY=1", b"WATCHDOG=1", "STATUS=Buổi phát tiếp theo: thứ Ba, 06:00".encode(), b"STOPPING=1"]


def test_abstract_socket_names_work(monkeypatch):
    name = f"broadcaster-test-{os.getpid()}"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    server.bind("\0" + name)
    server.settimeout(10)
    monkeypatch.setenv("NOTIFY_SOCKET", "@" + name)
    try:
        assert notify.ready()
        assert server.recv(4096) == b"READY=1"
    finally:
        server.close()


def test_without_systemd_every_call_is_a_no_op(monkeypatch, tmp_path):
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    assert not any([notify.ready(), notify.watchdog(), notify.stopping(), notify.status("x")])
    monkeypatch.setenv("NOTIFY_SOCKET", str(tmp_path / "nobody-listens.sock"))
    assert notify.ready() is False


def test_watchdog_interval_is_half_of_watchdog_sec(monkeypatch):
    monkeypatch.delenv("WATCHDOG_PID", raising=False)
    monkeypatch.delenv("WATCHDOG_USEC", raising=False)
    assert notify.watchdog_interval() is None
    monkeypatch.setenv("WATCHDOG_USEC", "30000000")
    assert notify.watchdog_interval() == 15.0
    monkeypatch.setenv("WATCHDOG_PID", str(os.getpid()))
    assert notify.watchdog_interval() == 15.0
    monkeypatch.setenv("WATCHDOG_PID", "1")
    assert notify.watchdog_interval() is None
