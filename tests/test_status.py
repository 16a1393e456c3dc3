"""`status` warns ahead: coming slots that will be blocked and why, passed slots the logbook never saw."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import update

from broadcaster.onair import calendar, logbook, timetable
from broadcaster.onair.airing import slot_key
from broadcaster.store import db
from broadcaster.store.models import Broadcast, Program, Slot
from broadcaster.timeutil import TZ, UTC

# Seeded slots: tue 06:00 and fri 17:30, 30 minutes. "Now" is Saturday 05/12/2026 10:00:
# the next 7 days hold tue 08/12 06:00 and fri 11/12 17:30, the past 7 days tue 01/12 and fri 04/12.
NOW = dt.datetime(2026, 12, 5, 10, 0, tzinfo=TZ)
TUE, FRI = dt.datetime(2026, 12, 8, 6, 0, tzinfo=TZ), dt.datetime(2026, 12, 11, 17, 30, tzinfo=TZ)
PAST_TUE, PAST_FRI = dt.datetime(2026, 12, 1, 6, 0, tzinfo=TZ), dt.datetime(2026, 12, 4, 17, 30, tzinfo=TZ)


def seed(conf, since: dt.datetime) -> None:
    """Copy the config's slots into the database and date them `since` (when the station began)."""
    with db.session_scope(conf.database_url) as session:
        calendar.ensure_seeded(session, conf)
        session.execute(update(Slot).values(created_at=since))


def log_row(conf, at: dt.datetime, result: str = "aired") -> None:
    with db.session_scope(conf.database_url) as session:
        session.add(Broadcast(key=slot_key(at), scheduled_at=at, result=result, output="folder"))


def change(conf, program_id: int, **values) -> None:
    with db.session_scope(conf.database_url) as session:
        session.execute(update(Program).where(Program.id == program_id).values(**values))


@pytest.fixture
def conf(make_settings):
    settings = make_settings()
    seed(settings, dt.datetime(2026, 11, 1, tzinfo=UTC))
    return settings


def test_ready_program_is_not_warned_about_and_the_rest_say_why(conf, add_program):
    add_program(conf, TUE, approved_by="Nguyễn Văn A")
    add_program(conf, FRI, duration_s=31 * 60)
    report = logbook.status(conf, now=NOW)
    assert [(u.at, u.status) for u in report.upcoming] == [(TUE, "rendered"), (FRI, "draft")]
    assert report.upcoming[0].blocked == ()
    assert report.upcoming[1].blocked == (
        'chưa được duyệt (broadcaster approve --week 2026-W50 --by "Họ tên")',
        "dài 31 phút 0 giây, quá 30 phút của buổi phát (bớt tin rồi chạy lại broadcaster weekly --week 2026-W50)",
    )
    assert report.blocked == [report.upcoming[1]]


def test_no_program_not_rendered_and_missing_audio(conf, add_program):
    tue = add_program(conf, TUE, approved_by="A")
    change(conf, tue, audio_path=None, status="approved")
    fri = add_program(conf, FRI, approved_by="A")
    with db.session_scope(conf.database_url) as session:
        audio = Path(session.get(Program, fri).audio_path)
    audio.unlink()
    extra = dt.datetime(2026, 12, 9, 7, 0, tzinfo=TZ)
    timetable.extra(conf, extra.date(), "07:00", 30)
    report = logbook.status(conf, now=NOW)
    assert {u.at: u.blocked for u in report.upcoming} == {
        TUE: ("chưa dựng âm thanh (chạy: broadcaster weekly --week 2026-W50)",),
        extra: ("chưa có chương trình (chạy: broadcaster weekly --week 2026-W50)",),
        FRI: (f"mất tệp âm thanh {audio} (chạy lại: broadcaster weekly --week 2026-W50)",),
    }


def test_unapproved_is_fine_when_approval_is_not_required(make_settings, add_program):
    conf = make_settings(schedule={"approval_required": False})
    seed(conf, dt.datetime(2026, 11, 1, tzinfo=UTC))
    add_program(conf, TUE)
    assert logbook.status(conf, now=NOW).upcoming[0].blocked == ()


def test_passed_slots_without_a_logbook_row_are_listed(conf):
    log_row(conf, PAST_TUE, "blocked")
    report = logbook.status(conf, now=NOW)
    assert [s.at for s in report.unlogged] == [PAST_FRI]


def test_a_slot_still_within_grace_or_skipped_or_older_than_its_slot_is_not_listed(make_settings):
    conf = make_settings(schedule={"min_per_week": 1})
    seed(conf, dt.datetime(2026, 11, 1, tzinfo=UTC))
    within = logbook.status(conf, now=PAST_FRI + dt.timedelta(minutes=14))
    beyond = logbook.status(conf, now=PAST_FRI + dt.timedelta(minutes=16))
    assert [s.at for s in within.unlogged] == [PAST_TUE]
    assert [s.at for s in beyond.unlogged] == [PAST_TUE, PAST_FRI]
    timetable.skip(conf, PAST_TUE.date(), None, "nghỉ lễ")
    with db.session_scope(conf.database_url) as session:  # the friday slot was added on friday evening
        session.execute(update(Slot).where(Slot.weekday == "fri").values(created_at=PAST_FRI + dt.timedelta(hours=1)))
    assert logbook.status(conf, now=NOW).unlogged == []


def test_status_cli_warns_ahead(make_settings, cli_for, add_program):
    """Real clock: with no grace every weekly slot is once in the coming 7 days and once in the past 7."""
    conf = make_settings(schedule={"grace_minutes": 0})
    seed(conf, dt.datetime.now(UTC) - dt.timedelta(days=30))
    first = logbook.status(conf).upcoming[0].at
    add_program(conf, first)  # a draft: not approved
    result = cli_for(conf, "status")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Buổi phát 7 ngày tới (2):" in out
    week = f"{first.isocalendar()[0]}-W{first.isocalendar()[1]:02d}"
    assert (
        f"{first:%d/%m/%Y %H:%M:%S}: chưa duyệt, 0 phút 02 giây\n"
        f'      SẼ KHÔNG PHÁT — chưa được duyệt (broadcaster approve --week {week} --by "Họ tên").\n'
    ) in out
    assert out.count(": SẼ KHÔNG PHÁT — chưa có chương trình (chạy: broadcaster weekly --week 20") == 1
    assert "Cảnh báo: 2/2 buổi phát sắp tới sẽ bị chặn nếu không xử lý trước giờ phát." in out
    assert "Buổi phát 7 ngày qua KHÔNG có trong nhật ký (2) — không phát được vì trình lập lịch không chạy" in out
    listed = out.split("KHÔNG có trong nhật ký (2)")[1].splitlines()[1:3]
    assert sorted(line.split(",")[0].strip() for line in listed) == ["thứ Ba", "thứ Sáu"]
    assert all(line.endswith(("06:00:00", "17:30:00")) for line in listed)
