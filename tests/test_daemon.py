"""The scheduler daemon with the real APScheduler: on-time airing, missed jobs, one leader, restarts."""

from __future__ import annotations

import datetime as dt
import signal
import statistics
import subprocess
import threading
import time

import pytest
from daemon_helpers import BROADCASTER, FINAL, Daemon, add_extras, results, wait_for, write_config

from broadcaster.config import load_settings
from broadcaster.errors import ScheduleError
from broadcaster.onair import airing, daemon, lease
from broadcaster.store import db
from broadcaster.store.models import DaemonLease
from broadcaster.timeutil import now as station_now


def test_restart_after_sigkill_airs_each_broadcast_once(tmp_path, add_program):
    plays = tmp_path / "plays.log"
    config = write_config(
        tmp_path, f'sh -c \'echo "$0" >> {plays}; exec ffmpeg -v error -nostdin -re -i "$0" -f null -\' {{file}}'
    )
    conf = load_settings(config)
    t0 = station_now().replace(microsecond=0)
    old = t0 - dt.timedelta(seconds=70)  # before any daemon ran, beyond grace
    slots = [t0 + dt.timedelta(seconds=s) for s in (8, 13, 18, 23, 28, 33)]
    add_extras(conf, add_program, [old, *slots])
    keys = [airing.slot_key(t) for t in (old, *slots)]

    first = Daemon(config)
    assert first.ready.wait(20), first.stderr
    wait_for(lambda: all(results(conf).get(k) and results(conf)[k].result == "aired" for k in keys[1:3]), 30)
    first.proc.send_signal(signal.SIGKILL)  # power cut: no clean shutdown, lease left behind
    first.proc.wait()
    wait_for(lambda: station_now() > slots[3] + dt.timedelta(seconds=1), 30)  # slots 3 and 4 pass while down

    second = Daemon(config)
    assert second.ready.wait(20), second.stderr
    third = subprocess.run(
        [str(BROADCASTER), "--config", str(config), "run"], capture_output=True, text=True, timeout=30, cwd=tmp_path
    )
    assert third.returncode == 1 and "đang chạy ở nơi khác" in third.stderr
    wait_for(lambda: all(results(conf).get(k) and results(conf)[k].result in FINAL for k in keys), 40)
    time.sleep(0.5)  # a duplicate airing, if there were one, would need this moment to show up
    rss = second.rss_kib()
    second.proc.send_signal(signal.SIGTERM)
    assert second.proc.wait(timeout=20) == 0, second.stderr

    rows = results(conf)
    assert len(rows) == len(keys)
    assert rows[keys[0]].result == "missed"
    assert [rows[k].result for k in keys[1:]] == ["aired"] * 6
    played = plays.read_text().splitlines()
    assert len(played) == len(set(played)) == 6  # every program played exactly once
    delays = [
        (rows[airing.slot_key(t)].started_at - t).total_seconds() for t in (slots[0], slots[1], slots[4], slots[5])
    ]
    late = [(rows[airing.slot_key(t)].started_at - t).total_seconds() for t in slots[2:4]]
    print(
        f"restart: {len(keys)} broadcasts, results {[rows[k].result for k in keys]}; "
        f"on-time start delay median {statistics.median(delays) * 1000:.0f} ms (max {max(delays) * 1000:.0f} ms); "
        f"late after restart {[round(d, 1) for d in late]} s; idle daemon RSS {rss / 1024:.1f} MiB"
    )
    with db.session_scope(conf.database_url) as session:
        assert session.get(DaemonLease, "scheduler").expires_at <= station_now()


def test_run_in_process_airs_on_time_and_keeps_weekly_job(make_settings, add_program):
    conf = make_settings(slots=[], schedule={"min_per_week": 0, "quiet_start": "00:00", "quiet_end": "00:00"})
    at = station_now().replace(microsecond=0) + dt.timedelta(seconds=3)
    add_extras(conf, add_program, [at])
    stop, ready = threading.Event(), threading.Event()
    thread = threading.Thread(target=daemon.run, args=(conf, stop, ready.set), kwargs={"heartbeat_s": 0.2})
    thread.start()
    try:
        assert ready.wait(20)
        with pytest.raises(ScheduleError, match="đang chạy ở nơi khác"):
            daemon.run(conf)
        row = wait_for(lambda: results(conf).get(airing.slot_key(at)), 20)
        wait_for(lambda: results(conf)[airing.slot_key(at)].result in FINAL, 20)
        assert results(conf)[row.key].result == "aired"
    finally:
        stop.set()
        thread.join(20)
    scheduler = daemon.build_scheduler(conf)
    scheduler.start(paused=True)
    try:
        job = scheduler.get_job(daemon.WEEKLY_ID)
        assert job.func_ref == "broadcaster.onair.jobs:weekly_job" and "sun" in str(job.trigger)
    finally:
        scheduler.shutdown(wait=False)


def test_missed_job_is_recorded_by_the_listener(make_settings, add_program):
    conf = make_settings(
        slots=[], schedule={"min_per_week": 0, "quiet_start": "00:00", "quiet_end": "00:00", "grace_minutes": 1}
    )
    at = station_now().replace(microsecond=0) - dt.timedelta(minutes=2)
    add_extras(conf, add_program, [at])
    station = daemon.Station(conf, "test")
    station.scheduler.start()
    try:
        station.scheduler.add_job(
            station.due,
            "date",
            run_date=at,
            id=daemon.AIR_PREFIX + at.isoformat(),
            jobstore="air",
            args=[at.isoformat()],
        )
        row = wait_for(lambda: results(conf).get(airing.slot_key(at)), 10)
    finally:
        station.scheduler.shutdown(wait=True)
    assert row.result == "missed" and "trễ quá 1 phút" in row.reason


def test_stale_lease_is_taken_over(make_settings):
    conf = make_settings()
    now = station_now()
    lease.acquire(conf.database_url, "other-host:1:x", 30, now)
    with pytest.raises(ScheduleError):
        lease.acquire(conf.database_url, "me", 30, now)
    assert lease.acquire(conf.database_url, "me", 30, now + dt.timedelta(seconds=31)) == now
    dead = subprocess.Popen(["true"])
    dead.wait()
    import socket

    lease.release(conf.database_url, "me", now)
    lease.acquire(conf.database_url, f"{socket.gethostname()}:{dead.pid}:y", 30, now)
    assert lease.acquire(conf.database_url, "me", 30, now) == now  # holder on this host is dead
    assert not lease.renew(conf.database_url, "someone-else", 30, now)
