"""The real daemon as a subprocess, and what its logbook says, for the daemon and fault tests."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml
from sqlalchemy import select

from broadcaster.onair import timetable
from broadcaster.store import db
from broadcaster.store.models import Broadcast

BROADCASTER = Path(sys.executable).parent / "broadcaster"
FINAL = ("aired", "interrupted", "failed", "missed", "blocked")


def wait_for(predicate, timeout: float, interval: float = 0.1):
    """Poll until `predicate()` is truthy (an event, not a timing claim); fail after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout} s")


def write_config(tmp_path: Path, player_command: str | None, **playout) -> Path:
    """No recurring slots (only second-precision extras), no quiet hours, grace 1 minute; outputs:
    the folder and (when given) a real-time player that logs what it plays."""
    outputs = ["folder", "command"] if player_command else ["folder"]
    section = {"outputs": outputs, "retry_delay_s": 0, **playout}
    if player_command:
        section["command"] = {"run": player_command}
    raw = {
        "database": "sqlite:///var/daemon.db",
        "slots": [],
        "schedule": {"min_per_week": 0, "quiet_start": "00:00", "quiet_end": "00:00", "grace_minutes": 1},
        "playout": section,
    }
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def add_extras(conf, add_program, times: list[dt.datetime], **program) -> None:
    for at in times:
        timetable.extra(conf, at.date(), f"{at:%H:%M:%S}", 5, past=True)  # some tests want one that passed
        add_program(conf, at, approved_by="Chủ tịch UBND xã", **program)


def results(conf) -> dict[str, Broadcast]:
    with db.session_scope(conf.database_url) as session:
        return {b.key: b for b in session.scalars(select(Broadcast))}


class Daemon:
    """`broadcaster run` as a subprocess; `ready` is set when it says it is running."""

    def __init__(self, config: Path, *args: str) -> None:
        self.proc = subprocess.Popen(
            [str(BROADCASTER), "--config", str(config), *args, "run"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=config.parent,
        )
        self.ready, self.stderr = threading.Event(), []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.proc.stderr:
            self.stderr.append(line)
            if "đang chạy" in line:
                self.ready.set()

    def text(self) -> str:
        self.reader.join(5)
        return "".join(self.stderr)

    def rss_kib(self) -> int:
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))
