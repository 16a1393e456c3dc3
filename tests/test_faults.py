"""Faults on air, with the real daemon, a real logging player, real SQLite and a real Icecast.

For every fault: the daemon still runs (or restarts by itself), no two plays overlap on one output,
an emergency airs soon after it is sent, and every logbook row agrees with the player's own log.
Run alone with `pytest -m faults`.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import socket
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import pytest
from daemon_helpers import BROADCASTER, Daemon, add_extras, results, wait_for, write_config
from players import make_player, overlaps
from sqlalchemy import select

from broadcaster.config import load_settings
from broadcaster.onair import airing
from broadcaster.onair.outputs import process
from broadcaster.store import db
from broadcaster.store.models import AirRequest
from broadcaster.timeutil import now as station_now

pytestmark = pytest.mark.faults


@pytest.fixture(scope="module")
def tones(tmp_path_factory):
    """tones(seconds) -> a real MP3 tone of that length (made once per length)."""
    folder, made = tmp_path_factory.mktemp("tones"), {}

    def make(seconds: float) -> Path:
        if seconds not in made:
            path = folder / f"tone-{seconds}.mp3"
            subprocess.run(
                [
                    "ffmpeg",
                    "-v",
                    "error",
                    "-f",
                    "lavfi",
                    "-i",
                    f"sine=frequency=440:duration={seconds}",
                    "-ac",
                    "1",
                    "-b:a",
                    "64k",
                    str(path),
                ],
                check=True,
            )
            made[seconds] = path
        return made[seconds]

    return make


@pytest.fixture
def station(tmp_path, add_program, tones):
    """A commune whose daemon plays through the logging player; .slots(...) adds programs."""

    class Station:
        player = make_player(tmp_path / "player")
        config = write_config(tmp_path, player.command)
        conf = load_settings(config)
        daemons: list[Daemon] = []

        def configure(self, **playout) -> None:
            self.config = write_config(tmp_path, self.player.command, **playout)
            self.conf = load_settings(self.config)

        def slots(self, offsets: list[float], seconds: float = 3.0) -> list[dt.datetime]:
            base = station_now().replace(microsecond=0)
            times = [base + dt.timedelta(seconds=o) for o in offsets]
            add_extras(self.conf, add_program, times, audio=tones(seconds), duration_s=seconds)
            return times

        def start(self) -> Daemon:
            daemon = Daemon(self.config)
            self.daemons.append(daemon)
            assert daemon.ready.wait(30), daemon.text()
            return daemon

        def row(self, at: dt.datetime, attempt: int = 1):
            key = airing.slot_key(at) + (f"#{attempt}" if attempt > 1 else "")
            return results(self.conf).get(key)

        def final(self, times: list[dt.datetime], timeout: float = 60) -> dict:
            wait_for(lambda: all(self.row(t) is not None and self.row(t).result != "airing" for t in times), timeout)
            return {t: self.row(t) for t in times}

        def file_of(self, at: dt.datetime) -> str:
            return str(self.conf.paths.audio / f"{at:%Y%m%d%H%M%S}.mp3")

    yield Station()
    for daemon in Station.daemons:
        if daemon.proc.poll() is None:
            daemon.proc.kill()
            daemon.proc.wait()
    for pid_file in (tmp_path / "var" / "run").glob("*.pid"):
        ticket = process.Ticket.read(pid_file)
        if ticket:
            process.stop_group(ticket.pid, 0.5)


def stop(daemon: Daemon, sig=signal.SIGTERM) -> float:
    started = time.monotonic()
    daemon.proc.send_signal(sig)
    daemon.proc.wait(timeout=30)
    return time.monotonic() - started


def runs_of(station, at: dt.datetime):
    return [r for r in station.player.runs() if r[0] == station.file_of(at)]


# ---- queue and preemption ----------------------------------------------------------------------


def test_broadcasts_due_close_together_play_one_after_another(station):
    times = station.slots([6, 7], seconds=3.0)  # the second is due while the first plays
    daemon = station.start()
    rows = station.final(times)
    assert [rows[t].result for t in times] == ["aired", "aired"], [rows[t].reason for t in times]
    assert overlaps(station.player.runs()) == []
    assert len(station.player.runs()) == 2
    stop(daemon)


def urgent(station, text: str = "Bão số 9 đổ bộ, bà con không ra biển.") -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BROADCASTER), "--config", str(station.config), "urgent", text, "--by", "Trưởng ban"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=station.config.parent,
    )


def emergency_delays(station) -> list[float]:
    """Seconds from each air request to the emergency player's start (from the player's own log)."""
    with db.session_scope(station.conf.database_url) as session:
        requests = [
            (r.requested_at.timestamp(), r.program_id)
            for r in session.scalars(select(AirRequest).order_by(AirRequest.id))
        ]
    urgent_runs = [r for r in station.player.runs() if "/urgent/" in r[0]]
    return [run[1] - requested for (requested, _), run in zip(requests, urgent_runs)]


def test_an_emergency_preempts_the_program_which_is_then_replayed(station):
    [at] = station.slots([4], seconds=12.0)
    daemon = station.start()
    wait_for(lambda: runs_of(station, at), 20)
    time.sleep(2)  # let part of the program go out
    sent = urgent(station)
    assert sent.returncode == 0, sent.stderr
    assert "qua trình lập lịch" in sent.stdout
    replay = wait_for(
        lambda: station.row(at, 2) if station.row(at, 2) and station.row(at, 2).result != "airing" else None, 60
    )
    first = station.row(at)
    assert first.result == "interrupted" and "tin khẩn cấp" in first.reason and 1 <= first.aired_s < 12
    assert replay.result == "aired" and replay.attempt == 2
    runs = station.player.runs()
    assert overlaps(runs) == []
    assert [how for _, _, _, how in runs] == ["cut", "end", "end"]  # program cut, emergency, replay
    [delay] = emergency_delays(station)
    assert delay < 3.0, delay  # the bound: an emergency airs within 3 s
    print(f"emergency preemption: {delay:.2f} s from request to the emergency's first sound")
    stop(daemon)


# ---- partial plays, hangs ----------------------------------------------------------------------


def test_a_player_that_stops_halfway_is_not_replayed(station):
    station.player.next_modes("half")
    [at] = station.slots([4], seconds=6.0)
    daemon = station.start()
    row = station.final([at])[at]
    assert row.result == "failed" and 2 <= row.aired_s <= 4.5, (row.reason, row.aired_s)
    assert "dừng sau" in row.reason
    assert len(runs_of(station, at)) == 1  # the first half did not air again
    stop(daemon)


def test_retry_after_a_partial_play_is_a_new_logged_attempt(station):
    station.configure(retry_partial=True, retries=1)
    station.player.next_modes("half")
    [at] = station.slots([4], seconds=4.0)
    daemon = station.start()
    station.final([at])
    second = wait_for(
        lambda: station.row(at, 2) if station.row(at, 2) and station.row(at, 2).result != "airing" else None, 30
    )
    assert station.row(at).result == "failed" and second.result == "aired"
    assert [how for *_, how in runs_of(station, at)] == ["end", "end"] and overlaps(station.player.runs()) == []
    stop(daemon)


def test_a_hung_player_is_stopped_at_its_length_plus_overrun(station):
    station.configure(overrun_s=2)
    station.player.next_modes("hang")
    first, second = station.slots([4, 6], seconds=3.0)
    daemon = station.start()
    rows = station.final([first, second], timeout=40)
    assert rows[first].result == "failed" and "quá thời lượng" in rows[first].reason
    assert rows[second].result == "aired"
    [(_, start, stop_at, how)] = runs_of(station, first)
    assert how == "cut" and stop_at - start < 3.0 + 2 + 5  # bounded: length + overrun + stop grace
    assert overlaps(station.player.runs()) == []
    stop(daemon)


# ---- the daemon's own death --------------------------------------------------------------------


def test_a_player_that_outlives_its_killed_daemon_is_waited_for_and_logged_aired(station):
    first, second = station.slots([4, 9], seconds=6.0)
    daemon = station.start()
    wait_for(lambda: runs_of(station, first), 20)
    stop(daemon, signal.SIGKILL)  # the player (own process group) plays on
    station.start()
    rows = station.final([first, second], timeout=40)
    assert rows[first].result == "aired" and "khởi động lại" in rows[first].reason
    assert rows[second].result == "aired"
    assert [how for *_, how in station.player.runs()] == ["end", "end"]
    assert overlaps(station.player.runs()) == []


def test_a_power_cut_mid_program_is_logged_interrupted_with_the_seconds_aired(station):
    [at] = station.slots([4], seconds=10.0)
    daemon = station.start()
    wait_for(lambda: runs_of(station, at), 20)
    time.sleep(3)
    ticket = process.Ticket.read(station.conf.paths.data / "run" / "command.pid")
    os.killpg(ticket.pid, signal.SIGKILL)  # everything dies at once
    station.player.mark_killed(ticket.file, time.time())
    daemon.proc.kill()
    daemon.proc.wait()
    station.start()
    row = station.final([at])[at]
    assert row.result == "interrupted" and 1 <= row.aired_s <= 6, (row.reason, row.aired_s)
    assert [how for *_, how in runs_of(station, at)] == ["killed"]  # started, never ended


def test_sigterm_stops_the_daemon_within_ten_seconds_and_logs_the_cut(station):
    [at] = station.slots([4], seconds=60.0)
    daemon = station.start()
    wait_for(lambda: runs_of(station, at), 20)
    time.sleep(1)
    took = stop(daemon)
    print(f"SIGTERM during a program: daemon stopped in {took:.2f} s")
    assert daemon.proc.returncode == 0 and took < 10
    row = station.row(at)
    assert row.result == "interrupted" and "trình lập lịch dừng" in row.reason
    assert [how for *_, how in runs_of(station, at)] == ["cut"]


# ---- the database ------------------------------------------------------------------------------


def hold_write_lock(path: Path, seconds: float, locked: threading.Event) -> None:
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    locked.set()
    time.sleep(seconds)
    conn.execute("ROLLBACK")
    conn.close()


def test_a_database_locked_across_a_slot_delays_it_but_loses_nothing(station):
    first, second = station.slots([5, 30], seconds=3.0)
    daemon = station.start()
    locked = threading.Event()
    holder = threading.Thread(target=hold_write_lock, args=(station.conf.paths.data / "daemon.db", 20, locked))
    holder.start()
    assert locked.wait(10)
    holder.join()
    rows = station.final([first, second], timeout=60)
    assert [rows[t].result for t in (first, second)] == ["aired", "aired"], [rows[t].reason for t in (first, second)]
    assert daemon.proc.poll() is None  # still running
    assert [len(runs_of(station, t)) for t in (first, second)] == [1, 1]
    stop(daemon)


def test_a_deleted_database_stops_the_daemon_and_is_not_recreated(station):
    station.slots([60])
    daemon = station.start()
    db_file = station.conf.paths.data / "daemon.db"
    db_file.unlink()
    assert daemon.proc.wait(timeout=20) != 0
    assert "đã bị xóa hoặc bị thay" in daemon.text()
    assert not db_file.exists()


def test_a_full_disk_on_the_drop_folder_is_logged_failed_and_leaves_no_part_file(station, tmp_path, add_program, tones):
    drop = tmp_path / "small"
    drop.mkdir()
    if (
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", str(drop)], capture_output=True).returncode
        != 0
    ):
        pytest.skip("cần quyền root để gắn một tmpfs nhỏ (mount -t tmpfs)")
    try:
        station.configure(outputs=["folder"], folder={"path": str(drop)})
        [at] = station.slots([4], seconds=3.0)  # a 3-s tone is ~24 KB: it cannot fit in 16 KB
        daemon = station.start()
        row = station.final([at])[at]
        assert row.result == "failed" and "ổ đĩa đầy" in row.reason
        assert list(drop.iterdir()) == []
        stop(daemon)
    finally:
        subprocess.run(["umount", str(drop)], check=True)


# ---- Icecast -----------------------------------------------------------------------------------


def test_an_icecast_source_dropped_midway_is_logged_failed_once(station, icecast_server):
    import urllib.request

    station.configure(
        outputs=["icecast"],
        icecast={"port": icecast_server.port, "mount": "/drop.mp3", "password": icecast_server.password},
    )
    [at] = station.slots([4], seconds=10.0)
    daemon = station.start()
    wait_for(lambda: station.row(at), 20)
    time.sleep(3)
    request = urllib.request.Request(icecast_server.url("/admin/killsource?mount=/drop.mp3"))
    import base64

    request.add_header(
        "Authorization", "Basic " + base64.b64encode(f"admin:{icecast_server.password}".encode()).decode()
    )
    urllib.request.urlopen(request, timeout=10).read()
    row = station.final([at])[at]
    assert row.result == "failed" and 1 <= row.aired_s < 9, (row.reason, row.aired_s)
    assert station.row(at, 2) is None  # not streamed again
    stop(daemon)


# ---- the kill loop -----------------------------------------------------------------------------


def test_kill_loop_every_broadcast_recorded_once_and_true(station):
    """16 broadcasts of 3 s, one every 4 s; the daemon is SIGKILLed at random moments (with its
    player half of the time) and restarted at once, 16 times."""
    rng = random.Random(20261201)
    times = station.slots([6 + 4 * i for i in range(16)], seconds=3.0)
    kills = 0
    daemon = station.start()
    while kills < 16:
        time.sleep(rng.uniform(1.0, 4.0))
        ticket = process.Ticket.read(station.conf.paths.data / "run" / "command.pid")
        if rng.random() < 0.5 and ticket and process.group_alive(ticket.pid):
            os.killpg(ticket.pid, signal.SIGKILL)
            station.player.mark_killed(ticket.file, time.time())
        daemon.proc.kill()
        daemon.proc.wait()
        kills += 1
        daemon = station.start()
    rows = station.final(times, timeout=120)
    stop(daemon)
    runs = station.player.runs()
    assert overlaps(runs) == []
    everything = results(station.conf)
    assert len(everything) == len(times)  # exactly one row per broadcast
    summary = {}
    for at in times:
        row, mine = rows[at], runs_of(station, at)
        summary[row.result] = summary.get(row.result, 0) + 1
        if row.result == "aired":
            assert [how for *_, how in mine] == ["end"], (row.reason, mine)
        elif row.result == "interrupted":
            assert len(mine) <= 1 and all(how in ("killed", "cut") for *_, how in mine), (row.reason, mine)
        else:
            assert row.result == "missed" and mine == [], (row.reason, mine)
    print(f"kill loop: {kills} SIGKILLs over {len(times)} broadcasts: {summary}")


# ---- start-up and stuck rows -------------------------------------------------------------------


def test_two_daemons_starting_on_a_new_database_one_runs_one_says_so(tmp_path):
    config = write_config(tmp_path, None)
    procs = [
        subprocess.Popen(
            [str(BROADCASTER), "--config", str(config), "run"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
        )
        for _ in range(2)
    ]
    try:
        loser = wait_for(lambda: next((p for p in procs if p.poll() is not None), None), 60)
        message = loser.stderr.read()
        assert loser.returncode == 1 and "đang chạy ở nơi khác" in message and "Traceback" not in message
        assert "migrat" not in message.lower()
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=20)


def test_an_urgent_killed_mid_play_is_closed_by_the_next_daemon(station):
    station.configure(outputs=["command"])
    sent = subprocess.Popen(
        [
            str(BROADCASTER),
            "--config",
            str(station.config),
            "urgent",
            "Cháy rừng ở thôn 3, bà con khẩn trương sơ tán theo hướng dẫn của lực lượng chức năng. "
            "Cháy rừng ở thôn 3, bà con khẩn trương sơ tán theo hướng dẫn của lực lượng chức năng.",
            "--by",
            "Trưởng ban",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=station.config.parent,
    )
    wait_for(lambda: station.player.runs(), 60)
    time.sleep(1)
    ticket = process.Ticket.read(station.conf.paths.data / "run" / "command.pid")
    os.killpg(ticket.pid, signal.SIGKILL)  # the machine loses power: urgent and its player die
    station.player.mark_killed(ticket.file, time.time())
    sent.kill()
    sent.wait()
    [row] = results(station.conf).values()
    assert row.result == "airing"
    daemon = station.start()
    row = wait_for(lambda: next((r for r in results(station.conf).values() if r.result != "airing"), None), 30)
    assert row.result == "interrupted" and row.priority == "emergency" and 0 < row.aired_s < 30
    stop(daemon)


def test_the_running_daemon_closes_a_row_left_airing_by_a_dead_process(station, add_program, tones):
    [at] = station.slots([600])
    daemon = station.start()
    dead = subprocess.Popen(["true"])
    dead.wait()
    job = airing.job_for_program(station.conf, next(iter(_program_ids(station.conf))), "urgent:stuck")
    airing.claim(station.conf, job, f"{socket.gethostname()}:{dead.pid}:x")
    row = wait_for(
        lambda: results(station.conf)["urgent:stuck"].result != "airing" and results(station.conf)["urgent:stuck"], 30
    )
    assert row.result == "interrupted" and "bị ngắt" in row.reason
    stop(daemon)


def _program_ids(conf) -> list[int]:
    from broadcaster.store.models import Program

    with db.session_scope(conf.database_url) as session:
        return list(session.scalars(select(Program.id)))
