"""The broadcast schedule: recurring slots (seeded from config.yaml on first use) and one-off overrides.

Rules kept here: at least `schedule.min_per_week` broadcasts a week, none in the quiet hours
(except emergencies), every time in station time (Asia/Ho_Chi_Minh) whatever the host says.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.config import Schedule, Settings
from broadcaster.errors import NotFoundError, ScheduleError
from broadcaster.store import db
from broadcaster.store.models import Meta, Slot, SlotOverride
from broadcaster.timeutil import TZ, WEEKDAYS, local_at, parse_hhmm, weekday_index
from broadcaster.values import SlotTime, Week, slot_name  # noqa: F401 - slot_name re-exported for airing and logbook

MAX_SESSION_MINUTES = 120
SEEDED = "slots_seeded"
_TIME_RE = re.compile(r"^(\d{1,2})[:hg](\d{2})(?::(\d{2}))?$")
_DURATION_RE = re.compile(r"^(?:(\d+)h)?(?:(\d+)(?:m|p|ph|phút)?)?$")


def ensure_seeded(session: Session, settings: Settings) -> None:
    """Copy the slots of config.yaml into the database once; after that the database is the truth."""
    if session.get(Meta, SEEDED) is not None or not _mark_seeded(session, len(settings.slots)):
        return
    for spec in settings.slots:
        hour, minute = parse_hhmm(spec.time)
        session.add(Slot(weekday=WEEKDAYS[weekday_index(spec.day)], time=f"{hour:02d}:{minute:02d}",
                         max_minutes=spec.max_minutes))
    session.flush()


def _mark_seeded(session: Session, count: int) -> bool:
    """Insert the seeded marker unless another process just did (then it seeded, not us)."""
    dialect = session.get_bind().dialect.name
    values = {"key": SEEDED, "value": f"{count} slots"}
    if dialect in ("sqlite", "postgresql"):
        module = importlib.import_module(f"sqlalchemy.dialects.{dialect}")
        statement = module.insert(Meta).values(**values).on_conflict_do_nothing()
        return db.changed(session, statement) == 1
    session.add(Meta(**values))
    session.flush()
    return True


def active_slots(session: Session) -> list[Slot]:
    rows = session.scalars(select(Slot).where(Slot.active == 1))
    return sorted(rows, key=lambda s: (WEEKDAYS.index(s.weekday), s.time))


def week_slots(session: Session, settings: Settings, week: Week) -> list[SlotTime]:
    """Every broadcast of an ISO week: recurring slots minus skips plus extras, in time order."""
    ensure_seeded(session, settings)
    first, last = week.first, week.last
    overrides = list(session.scalars(select(SlotOverride).where(SlotOverride.day.between(first, last))))
    skips = {(o.day, o.time) for o in overrides if o.kind == "skip"}
    times = []
    for slot in active_slots(session):
        day = first + dt.timedelta(days=WEEKDAYS.index(slot.weekday))
        if (day, slot.time) not in skips:
            times.append(SlotTime(local_at(day, slot.time), slot.max_minutes, slot.id))
    times += [SlotTime(local_at(o.day, o.time), o.max_minutes, None) for o in overrides if o.kind == "extra"]
    return sorted(times, key=lambda s: s.at)


def slots_between(session: Session, settings: Settings, start: dt.datetime, end: dt.datetime) -> list[SlotTime]:
    """Every broadcast with start <= time < end, across week boundaries."""
    weeks: list[Week] = []
    day = start.astimezone(TZ).date()
    while day <= end.astimezone(TZ).date():
        if Week.of(day) not in weeks:
            weeks.append(Week.of(day))
        day += dt.timedelta(days=1)
    return [s for w in weeks for s in week_slots(session, settings, w) if start <= s.at < end]


# ---- parsing -------------------------------------------------------------------------------

def parse_clock(text: str, seconds: bool = False) -> str:
    """'6:00' -> '06:00'; with seconds=True also '06:00:05' (one-off extras only)."""
    match = _TIME_RE.match(str(text).strip())
    ok = match is not None and int(match.group(1)) <= 23 and int(match.group(2)) <= 59 \
        and int(match.group(3) or 0) <= 59
    if match is None or not ok or (match.group(3) and not seconds):
        raise ScheduleError(f"Giờ “{text}” không hợp lệ.", "giờ phải theo dạng HH:MM (24 giờ).",
                            "ví dụ: 06:00 hoặc 17:30.")
    clock = f"{int(match.group(1)):02d}:{match.group(2)}"
    return clock + (f":{match.group(3)}" if match.group(3) and match.group(3) != "00" else "")


def parse_minutes(text: str | int) -> int:
    """'30m', '30', '1h', '1h30m' -> minutes (1..120)."""
    match = _DURATION_RE.match(str(text).strip().lower().replace(" ", ""))
    minutes = (int(match.group(1) or 0) * 60 + int(match.group(2) or 0)) if match else 0
    if not 1 <= minutes <= MAX_SESSION_MINUTES:
        raise ScheduleError(f"Thời lượng “{text}” không hợp lệ.",
                            f"thời lượng tối đa một buổi phải từ 1 đến {MAX_SESSION_MINUTES} phút.",
                            "ví dụ: --max 30m hoặc --max 1h.")
    return minutes


def parse_day(text: str) -> dt.date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            pass
    raise ScheduleError(f"Ngày “{text}” không hợp lệ.", None, "ghi ngày dạng 2026-12-01 hoặc 01/12/2026.")


def in_quiet_hours(schedule: Schedule, clock: str, minutes: int = 0) -> bool:
    """Whether a broadcast starting at `clock` and lasting `minutes` touches the quiet hours."""
    start = _minute_of_day(schedule.quiet_start)
    end = _minute_of_day(schedule.quiet_end)
    if start == end:
        return False
    first = _minute_of_day(clock[:5])

    def quiet(m: int) -> bool:
        m %= 24 * 60
        return start <= m < end if start < end else (m >= start or m < end)
    return quiet(first) or quiet(first + max(minutes - 1, 0))


def _minute_of_day(clock: str) -> int:
    hour, minute = parse_hhmm(clock)
    return hour * 60 + minute


def check_not_quiet(schedule: Schedule, clock: str, minutes: int) -> None:
    if in_quiet_hours(schedule, clock, minutes):
        raise ScheduleError(f"Không thể đặt buổi phát lúc {clock} ({minutes} phút): trùng giờ yên tĩnh "
                            f"{schedule.quiet_start}–{schedule.quiet_end}.",
                            "theo quy định, ngoài giờ yên tĩnh mới được phát (trừ tin khẩn cấp).",
                            "chọn giờ khác, hoặc dùng --emergency cho tin khẩn cấp, "
                            "hoặc sửa schedule.quiet_start/quiet_end trong config.yaml.")


def check_minimum(schedule: Schedule, count: int, where: str) -> None:
    if count < schedule.min_per_week:
        raise ScheduleError(f"Không thể thay đổi: {where} chỉ còn {count} buổi phát.",
                            f"mỗi tuần phải có ít nhất {schedule.min_per_week} buổi phát (schedule.min_per_week).",
                            "thêm khung giờ khác trước (broadcaster slots add), rồi mới bỏ khung giờ này.")


def find_slot(session: Session, slot_id: int) -> Slot:
    slot = session.get(Slot, slot_id)
    if slot is None or not slot.active:
        raise NotFoundError(f"Không có khung giờ phát số {slot_id}.", None,
                            "xem danh sách bằng lệnh: broadcaster slots list.")
    return slot
