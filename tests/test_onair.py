"""Airing: approvals, claim-then-air, blocked/missed/late, emergencies, history and logbook."""

from __future__ import annotations

import csv
import datetime as dt
import json
import socket
import subprocess
import threading

import pytest
from sqlalchemy import func, select

from broadcaster.onair import airing, approval, recovery
from broadcaster.store import db
from broadcaster.store.models import AuditEvent, Broadcast, Program
from broadcaster.timeutil import TZ

SLOT = dt.datetime(2026, 12, 1, 6, 0, tzinfo=TZ)  # tue 06:00, a seeded slot of week 2026-W49
FRI = dt.datetime(2026, 12, 4, 17, 30, tzinfo=TZ)


@pytest.fixture
def conf(make_settings):
    return make_settings(playout={"outputs": ["folder"], "retry_delay_s": 0})


def rows(conf) -> list[Broadcast]:
    with db.session_scope(conf.database_url) as session:
        return list(session.scalars(select(Broadcast).order_by(Broadcast.id)))


def test_approved_program_airs_once_to_folder(conf, add_program):
    add_program(conf, SLOT, approved_by="Nguyễn Văn A")
    first = airing.air_slot(conf, SLOT, now=SLOT + dt.timedelta(seconds=2))
    again = airing.air_slot(conf, SLOT, now=SLOT + dt.timedelta(seconds=3))
    assert first.result == "aired" and again.result == "skipped"
    [row] = rows(conf)
    assert (row.result, row.output, row.approved_by, row.items) == ("aired", "folder", "Nguyễn Văn A", 1)
    assert (conf.paths.data / "playout" / "2026-12-01_0600.mp3").is_file()
    assert "2026-12-01_0600.mp3" in (conf.paths.data / "playout" / "playlist.m3u").read_text()


def test_unapproved_program_is_blocked_with_reason(conf, add_program):
    add_program(conf, SLOT)
    result = airing.air_slot(conf, SLOT, now=SLOT)
    assert result.result == "blocked" and "chưa được duyệt" in result.reason
    assert not (conf.paths.data / "playout").exists()


def test_approval_not_required_by_config(make_settings, add_program):
    conf = make_settings(schedule={"approval_required": False})
    add_program(conf, SLOT)
    assert airing.air_slot(conf, SLOT, now=SLOT).result == "aired"


def test_missing_program_is_blocked(conf):
    assert airing.air_slot(conf, SLOT, now=SLOT).result == "blocked"


def test_late_within_grace_airs_beyond_is_missed(conf, add_program):
    add_program(conf, SLOT, approved_by="A")
    add_program(conf, FRI, approved_by="A")
    late = airing.air_slot(conf, SLOT, now=SLOT + dt.timedelta(minutes=14))
    missed = airing.air_slot(conf, FRI, now=FRI + dt.timedelta(minutes=16))
    assert late.result == "aired" and "trễ 14 phút" in late.reason
    assert missed.result == "missed" and "15 phút" in missed.reason


def test_too_long_program_is_blocked(conf, add_program):
    add_program(conf, SLOT, approved_by="A", duration_s=31 * 60)
    assert "quá 30 phút" in airing.air_slot(conf, SLOT, now=SLOT).reason


def test_concurrent_airings_claim_once(conf, add_program):
    add_program(conf, SLOT, approved_by="A")
    barrier, results = threading.Barrier(4), []

    def go():
        barrier.wait()
        results.append(airing.air_slot(conf, SLOT, now=SLOT).result)

    threads = [threading.Thread(target=go) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["aired", "skipped", "skipped", "skipped"]
    with db.session_scope(conf.database_url) as session:
        assert session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "air")) == 1


def test_failed_output_is_retried_then_recorded(make_settings, add_program):
    conf = make_settings(
        playout={"outputs": ["command"], "retries": 2, "retry_delay_s": 0, "command": {"run": "false {file}"}}
    )
    add_program(conf, SLOT, approved_by="A")
    result = airing.air_slot(conf, SLOT, now=SLOT)
    assert result.result == "failed" and result.outputs[0].attempts == 3
    assert "command: Trình phát “false” báo lỗi" in rows(conf)[0].reason
    with db.session_scope(conf.database_url) as session:
        assert session.scalar(select(Program.status)) == "failed"


def test_reconcile_records_missed_and_interrupted(conf, add_program):
    add_program(conf, SLOT, approved_by="A")
    fri = add_program(conf, FRI, approved_by="A")
    dead = subprocess.Popen(["true"])
    dead.wait()
    job = airing.job_for_program(conf, fri, airing.slot_key(FRI))
    stuck = airing.claim(conf, job, f"{socket.gethostname()}:{dead.pid}:x", FRI)  # its process is gone
    now = FRI + dt.timedelta(hours=1)
    closed = recovery.close_stuck(conf, players=set(), now=now)
    results = recovery.reconcile(conf, since=SLOT - dt.timedelta(days=1), now=now)
    assert [r.result for r in closed] == ["interrupted"] and [r.result for r in results] == ["missed"]
    by_key = {r.key: r for r in rows(conf)}
    assert by_key[airing.slot_key(SLOT)].result == "missed"
    assert by_key[airing.slot_key(FRI)].id == stuck and "bị ngắt" in by_key[airing.slot_key(FRI)].reason
    assert recovery.reconcile(conf, since=SLOT - dt.timedelta(days=1), now=now) == []  # idempotent
    assert recovery.close_stuck(conf, players=set(), now=now) == []


def test_approve_cli_and_audit(make_settings, cli_for, add_program):
    conf = make_settings()
    add_program(conf, SLOT)
    add_program(conf, FRI)
    result = cli_for(conf, "approve", "--week", "2026-W49", "--slot", "tue 06:00", "--by", "Chủ tịch UBND xã")
    assert result.exit_code == 0 and "01/12/2026 06:00" in result.output and "17:30" not in result.output
    with db.session_scope(conf.database_url) as session:
        approved = {p.slot_at: p.approved_by for p in session.scalars(select(Program))}
        event = session.scalar(select(AuditEvent).where(AuditEvent.action == "approve"))
        texts = list(session.scalars(select(AuditEvent).where(AuditEvent.action == "approved_text")))
        program_id = session.scalar(select(Program.id).where(Program.slot_at == SLOT))
    assert approved == {SLOT: "Chủ tịch UBND xã", FRI: None}
    assert event.actor == "Chủ tịch UBND xã"
    # the CLI records the exact text approved (the fixture's one untitled segment), as the web page does
    assert [(t.actor, t.target, t.detail) for t in texts] == [
        ("Chủ tịch UBND xã", f"program {program_id}", "[1] \nThông báo thử.")
    ]
    missing = cli_for(conf, "approve", "--week", "2026-W50", "--by", "X")
    assert missing.exit_code == 1 and "broadcaster weekly --week 2026-W50" in missing.output


@pytest.mark.parametrize(
    "selector,hit",
    [
        ("2026-12-01_0600", True),
        ("2026-12-01 06:00", True),
        ("tue", True),
        ("Tue 06:00", True),
        ("06:00", True),
        ("wed", False),
        ("tue 06:30", False),
        ("01/12/2026", True),
    ],
)
def test_slot_selectors(selector, hit):
    assert approval.matches(selector, SLOT) is hit


def test_history_json_and_logbook(conf, cli_for, add_program, tmp_path):
    add_program(conf, SLOT, approved_by="Nguyễn Văn A")
    add_program(conf, FRI)
    airing.air_slot(conf, SLOT, now=SLOT)
    airing.air_slot(conf, FRI, now=FRI)
    data = json.loads(cli_for(conf, "history", "--week", "2026-W49", "--json").output)
    assert [(d["result"], d["priority"], d["approved_by"]) for d in data] == [
        ("aired", "normal", "Nguyễn Văn A"),
        ("blocked", "normal", None),
    ]
    assert {"slot", "program", "items", "duration_s", "started_at", "finished_at", "output"} <= set(data[0])
    assert data[0]["slot"] == "2026-12-01T06:00:00+07:00"
    assert cli_for(conf, "history", "--week", "2026-W50", "--json").output.strip() == "[]"
    assert "đã phát" in cli_for(conf, "history").output
    out = tmp_path / "so-nhat-ky.csv"
    assert cli_for(conf, "logbook", "--month", "2026-12", "-o", out).exit_code == 0
    with out.open(encoding="utf-8-sig") as handle:
        table = list(csv.DictReader(handle))
    assert [r["Kết quả"] for r in table] == ["đã phát", "bị chặn"]
    assert table[0]["Người duyệt"] == "Nguyễn Văn A" and table[0]["Giờ theo lịch"] == "06:00:00"


def test_status_cli(conf, cli_for):
    result = cli_for(conf, "status")
    assert result.exit_code == 0 and "KHÔNG chạy" in result.output


def test_urgent_airs_now_with_emergency_priority(make_settings, cli_for):
    conf = make_settings(playout={"outputs": ["folder"]}, schedule={"quiet_start": "00:00", "quiet_end": "23:59"})
    result = cli_for(
        conf, "urgent", "Bão số 9 đổ bộ lúc 7h30, bà con không ra biển.", "--repeat", "2", "--by", "Trưởng ban"
    )
    assert result.exit_code == 0, result.output
    [row] = rows(conf)
    assert (row.result, row.priority, row.approved_by, row.items) == ("aired", "emergency", "Trưởng ban", 2)
    assert row.key.startswith("urgent:") and row.duration_s > 3
    assert list((conf.paths.data / "playout").glob("*.mp3"))


@pytest.mark.parametrize("command", ["approve", "run", "urgent", "status", "history", "logbook"])
def test_help(make_settings, cli_for, command):
    result = cli_for(make_settings(), command, "--help")
    assert result.exit_code == 0 and "Cách dùng" in result.output


def test_urgent_that_cannot_be_spoken_is_logged_as_failed(make_settings, cli_for, monkeypatch):
    monkeypatch.delenv("BROADCASTER_TEST_NO_KEY", raising=False)
    conf = make_settings(
        voice={
            "chain": ["openai"],
            "engines": {"openai": {"base_url": "http://127.0.0.1:9/v1", "api_key_env": "BROADCASTER_TEST_NO_KEY"}},
        }
    )
    result = cli_for(conf, "urgent", "Cháy rừng ở khu vực dốc Đá Bàn.", "--by", "Trưởng ban")
    assert result.exit_code != 0 and "Traceback" not in result.output
    [row] = rows(conf)
    assert (row.result, row.priority, row.approved_by) == ("failed", "emergency", "Trưởng ban")
    assert row.reason.startswith("không tạo được âm thanh")


def test_an_outcome_the_locked_database_cannot_take_is_journaled_then_written(conf, add_program):
    import sqlite3

    from broadcaster.onair import journal
    from broadcaster.store.states import Result

    program_id = add_program(conf, SLOT, approved_by="A")
    job = airing.job_for_program(conf, program_id, airing.slot_key(SLOT))
    assert airing.claim(conf, job, "here:1:x", SLOT) is not None
    lock = sqlite3.connect(conf.database_url[len("sqlite:///") :], timeout=1, isolation_level=None)
    lock.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        airing.finish(
            conf, job.key, Result.AIRED, None, 2.0, SLOT + dt.timedelta(seconds=2), "folder", "ok", deadline_s=0.5
        )
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    path = journal.path_for(conf.database_url, conf.paths.data)
    assert journal.pending(path) and rows(conf)[0].result == "airing"
    assert airing.replay_journal(conf) == 1
    assert rows(conf)[0].result == "aired" and rows(conf)[0].aired_s == 2.0 and not journal.pending(path)
    assert airing.replay_journal(conf) == 0
