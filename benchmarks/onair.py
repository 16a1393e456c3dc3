"""On-air figures with the real daemon: emergency preemption delay and stop time under SIGTERM.

    python benchmarks/onair.py [RUNS]

Each run starts `broadcaster run` on a throw-away commune whose output is a real-time player
(ffmpeg -re to a null sink) that logs when it starts; a 20-second program goes on air, then
`broadcaster urgent` is sent. The delay is from the air request's timestamp in the database to the
emergency player's start in the player's log. Then SIGTERM is sent during the replayed program
and the time until the daemon exits is measured. Prints medians and maxima.
"""

from __future__ import annotations

import datetime as dt
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from sqlalchemy import select

from broadcaster.config import load_settings
from broadcaster.onair import timetable
from broadcaster.store import db
from broadcaster.store.models import AirRequest, Program
from broadcaster.timeutil import now, week_of

BROADCASTER = Path(sys.executable).parent / "broadcaster"
PLAYER = """#!/bin/sh
echo "start $1 $(date +%s.%N)" >> "$2"
exec ffmpeg -v error -nostdin -re -i "$1" -f null -
"""


def wait(predicate, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.05)
    raise TimeoutError


def one_run(folder: Path) -> tuple[float, float]:
    log = folder / "plays.log"
    (folder / "player.sh").write_text(PLAYER)
    config = folder / "config.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "database": "sqlite:///var/bench.db",
                "slots": [],
                "schedule": {"min_per_week": 0, "quiet_start": "00:00", "quiet_end": "00:00", "grace_minutes": 1},
                "playout": {"outputs": ["command"], "command": {"run": f"sh {folder / 'player.sh'} {{file}} {log}"}},
            }
        )
    )
    conf = load_settings(config)
    tone = folder / "tone.mp3"
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:duration=20",
            "-ac",
            "1",
            "-b:a",
            "64k",
            str(tone),
        ],
        check=True,
    )
    at = now().replace(microsecond=0) + dt.timedelta(seconds=5)
    timetable.extra(conf, at.date(), f"{at:%H:%M:%S}", 5)
    with db.session_scope(conf.database_url) as session:
        session.add(
            Program(
                week=week_of(at.date()),
                slot_at=at,
                max_minutes=5,
                status="rendered",
                audio_path=str(tone),
                duration_s=20.0,
                approved_by="bench",
                approved_at=at,
            )
        )
    daemon = subprocess.Popen(
        [str(BROADCASTER), "--config", str(config), "run"],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait(lambda: log.exists() and "tone.mp3" in log.read_text())
        time.sleep(2)
        subprocess.run(
            [str(BROADCASTER), "--config", str(config), "urgent", "Thử tin khẩn cấp.", "--by", "bench"],
            cwd=folder,
            check=True,
            capture_output=True,
            timeout=120,
        )
        with db.session_scope(conf.database_url) as session:
            requested = session.scalar(select(AirRequest.requested_at)).timestamp()
        started = float(next(line.split()[2] for line in log.read_text().splitlines() if "/urgent/" in line))
        wait(lambda: log.read_text().count("tone.mp3") >= 2)  # the replay is on air
        time.sleep(1)
        t0 = time.monotonic()
        daemon.send_signal(signal.SIGTERM)
        daemon.wait(timeout=60)
        return started - requested, time.monotonic() - t0
    finally:
        if daemon.poll() is None:
            daemon.kill()


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    delays, stops = [], []
    for n in range(runs):
        folder = Path(tempfile.mkdtemp(prefix="bench-onair-"))
        try:
            delay, stop = one_run(folder)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        delays.append(delay)
        stops.append(stop)
        print(f"run {n + 1}: emergency on air {delay:.2f} s after the request; SIGTERM stop {stop:.2f} s")
    print(
        f"emergency preemption delay over {runs} runs: median {statistics.median(delays):.2f} s, "
        f"max {max(delays):.2f} s"
    )
    print(
        f"daemon stop time under SIGTERM during a program: median {statistics.median(stops):.2f} s, "
        f"max {max(stops):.2f} s"
    )


if __name__ == "__main__":
    main()
