"""What aired: status, history (English words in JSON) and the logbook inspectors check (Vietnamese CSV)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
from pathlib import Path

from sqlalchemy import select

from broadcaster import timeutil
from broadcaster.config import Settings
from broadcaster.errors import BroadcasterError
from broadcaster.onair.calendar import slots_between
from broadcaster.onair.outputs import labels as output_labels
from broadcaster.store import db
from broadcaster.store.models import Broadcast, DaemonLease, Program, Slot
from broadcaster.store.states import PRIORITY_VI, PROBLEMS, label
from broadcaster.timeutil import local, local_at, span_text, week_days
from broadcaster.values import SlotTime, slot_name

LOGBOOK_HEADERS = (
    "STT",
    "Ngày",
    "Giờ theo lịch",
    "Bắt đầu phát",
    "Kết thúc",
    "Thời lượng (phút)",
    "Đã phát (giây)",
    "Lần phát",
    "Chương trình",
    "Số tin",
    "Mức ưu tiên",
    "Đầu phát",
    "Kết quả",
    "Lý do",
    "Người duyệt",
)


@dataclasses.dataclass(frozen=True)
class HistoryRow:
    slot: dt.datetime
    program: str
    items: int | None
    duration_s: float | None
    started_at: dt.datetime | None
    finished_at: dt.datetime | None
    output: str
    priority: str
    result: str
    reason: str | None
    approved_by: str | None
    aired_s: float | None = None
    attempt: int = 1
    key: str = ""

    def to_json(self) -> dict:
        data = dataclasses.asdict(self)
        for key in ("slot", "started_at", "finished_at"):
            data[key] = local(data[key]).isoformat() if data[key] else None
        return data


def history(settings: Settings, start: dt.datetime | None = None, end: dt.datetime | None = None) -> list[HistoryRow]:
    """Logbook rows with start <= scheduled time < end, oldest first."""
    query = select(Broadcast).order_by(Broadcast.scheduled_at, Broadcast.id)
    if start:
        query = query.where(Broadcast.scheduled_at >= start)
    if end:
        query = query.where(Broadcast.scheduled_at < end)
    with db.session_scope(settings.database_url) as session:
        return [
            HistoryRow(
                b.scheduled_at,
                _program_name(b),
                b.items,
                b.duration_s,
                b.started_at,
                b.finished_at,
                b.output,
                b.priority,
                b.result,
                b.reason,
                b.approved_by,
                b.aired_s,
                b.attempt,
                b.key or "",
            )
            for b in session.scalars(query)
        ]


def _program_name(row: Broadcast) -> str:
    kind = "khẩn cấp" if row.priority == "emergency" else "chương trình"
    return f"{kind} {slot_name(row.scheduled_at)}" + (f" (#{row.program_id})" if row.program_id else "")


def week_range(week: str) -> tuple[dt.datetime, dt.datetime]:
    first, last = week_days(week)
    return _midnight(first), _midnight(last + dt.timedelta(days=1))


def month_range(month: str) -> tuple[dt.datetime, dt.datetime]:
    try:
        first = dt.datetime.strptime(month.strip(), "%Y-%m").date()
    except ValueError:
        raise BroadcasterError(f"Tháng “{month}” không hợp lệ.", None, "ghi dạng NĂM-THÁNG, ví dụ 2026-12.") from None
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return _midnight(first), _midnight(following)


def _midnight(day: dt.date) -> dt.datetime:
    return local_at(day, "00:00")


def write_logbook(settings: Settings, month: str, path: Path) -> int:
    """The month's logbook as CSV with Vietnamese headers (UTF-8 with BOM, opens in Excel)."""
    rows = history(settings, *month_range(month))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(LOGBOOK_HEADERS)
        for n, r in enumerate(rows, start=1):
            writer.writerow(
                [
                    n,
                    f"{local(r.slot):%d/%m/%Y}",
                    f"{local(r.slot):%H:%M:%S}",
                    _clock(r.started_at),
                    _clock(r.finished_at),
                    f"{r.duration_s / 60:.1f}" if r.duration_s else "",
                    f"{r.aired_s:.0f}" if r.aired_s is not None else "",
                    r.attempt,
                    r.program,
                    r.items if r.items is not None else "",
                    PRIORITY_VI.get(r.priority, r.priority),
                    output_labels(r.output),
                    label(r.result),
                    r.reason or "",
                    r.approved_by or "",
                ]
            )
    return len(rows)


def _clock(moment: dt.datetime | None) -> str:
    return f"{local(moment):%H:%M:%S}" if moment else ""


@dataclasses.dataclass(frozen=True)
class Upcoming:
    at: dt.datetime
    max_minutes: int
    status: str  # program status, or "none"
    approved_by: str | None
    duration_s: float | None
    blocked: tuple[str, ...] = ()  # why it will not air as things stand (empty: it will air)


@dataclasses.dataclass(frozen=True)
class Status:
    now: dt.datetime
    daemon: str | None  # holder of a live lease
    heartbeat: dt.datetime | None
    upcoming: list[Upcoming]
    problems: list[HistoryRow]
    unlogged: list[SlotTime] = dataclasses.field(default_factory=list)  # passed, no logbook row

    @property
    def blocked(self) -> list[Upcoming]:
        return [u for u in self.upcoming if u.blocked]


def status(settings: Settings, now: dt.datetime | None = None, days: int = 7) -> Status:
    """The daemon's lease, the coming `days` of slots with what will block each, the slots of the
    past `days` that passed with no logbook row (nothing aired, the daemon was down), recent problems."""
    from broadcaster.onair.airing import slot_key

    now = now or timeutil.now()
    with db.session_scope(settings.database_url) as session:
        lease = session.get(DaemonLease, "scheduler")
        live = lease is not None and lease.expires_at > now
        slots = slots_between(session, settings, now, now + dt.timedelta(days=days))
        programs = {
            p.slot_at: p
            for p in session.scalars(
                select(Program).where(Program.slot_at.in_([s.at for s in slots]), Program.priority == "normal")
            )
        }
        upcoming = [_upcoming(settings, s, programs.get(s.at)) for s in slots]
        cutoff = now - dt.timedelta(minutes=settings.schedule.grace_minutes)  # later ones may still air late
        past = [
            s for s in slots_between(session, settings, now - dt.timedelta(days=days), cutoff) if _existed(session, s)
        ]
        logged = set(session.scalars(select(Broadcast.key).where(Broadcast.key.in_([slot_key(s.at) for s in past]))))
        unlogged = [s for s in past if slot_key(s.at) not in logged]
    problems = [
        r for r in history(settings, now - dt.timedelta(days=30), now + dt.timedelta(seconds=1)) if r.result in PROBLEMS
    ][-5:]
    return Status(
        now,
        lease.holder if lease is not None and live else None,
        lease.heartbeat_at if lease else None,
        upcoming,
        problems,
        unlogged,
    )


def _upcoming(settings: Settings, slot: SlotTime, program: Program | None) -> Upcoming:
    if program is None:
        return Upcoming(slot.at, slot.max_minutes, "none", None, None, blocked_reasons(settings, slot, None))
    return Upcoming(
        slot.at,
        slot.max_minutes,
        program.status,
        program.approved_by,
        program.duration_s,
        blocked_reasons(settings, slot, program),
    )


def blocked_reasons(settings: Settings, slot: SlotTime, program: Program | None) -> tuple[str, ...]:
    """Everything that would stop this slot's program from airing if it were time now (the same
    checks the daemon makes when the slot comes), each with the command that fixes it."""
    week = program.week if program is not None else timeutil.week_of(local(slot.at).date())
    if program is None:
        return (f"chưa có chương trình (chạy: broadcaster weekly --week {week})",)
    reasons = []
    if settings.schedule.approval_required and not program.approved_by:
        reasons.append(f'chưa được duyệt (broadcaster approve --week {week} --by "Họ tên")')
    if not program.audio_path:
        reasons.append(f"chưa dựng âm thanh (chạy: broadcaster weekly --week {week})")
    elif not Path(program.audio_path).is_file():
        reasons.append(f"mất tệp âm thanh {program.audio_path} (chạy lại: broadcaster weekly --week {week})")
    if program.duration_s and program.duration_s > slot.max_minutes * 60 + 1:
        reasons.append(
            f"dài {span_text(program.duration_s)}, quá {slot.max_minutes} phút của buổi phát "
            f"(bớt tin rồi chạy lại broadcaster weekly --week {week})"
        )
    return tuple(reasons)


def _existed(session, slot: SlotTime) -> bool:
    """A recurring slot counts only from when it was added (or seeded): before that nothing was due."""
    if slot.slot_id is None:
        return True
    row = session.get(Slot, slot.slot_id)
    return row is None or row.created_at is None or row.created_at <= slot.at
