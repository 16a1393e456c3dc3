"""The officer's edits of the broadcast schedule: list, add, remove, skip and extra.

Each edit is one transaction, checked against the rules in broadcaster.slots and recorded in
the audit trail.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select

from broadcaster import timeutil
from broadcaster.config import Settings
from broadcaster.errors import NotFoundError, ScheduleError
from broadcaster.onair.calendar import active_slots, ensure_seeded, find_slot, week_slots
from broadcaster.onair.rules import check_minimum, check_not_quiet, parse_clock
from broadcaster.store import db
from broadcaster.store.models import Slot, SlotOverride
from broadcaster.timeutil import WEEKDAYS, local_at, weekday_index
from broadcaster.values import Week


@dataclasses.dataclass(frozen=True)
class SlotRow:
    id: int
    weekday: str
    time: str
    max_minutes: int

    def to_json(self) -> dict:
        return dataclasses.asdict(self)


@dataclasses.dataclass(frozen=True)
class OverrideRow:
    id: int
    kind: str  # skip | extra
    day: dt.date
    time: str
    max_minutes: int
    note: str | None

    def to_json(self) -> dict:
        return {**dataclasses.asdict(self), "day": self.day.isoformat()}


def _row(slot: Slot) -> SlotRow:
    return SlotRow(slot.id, slot.weekday, slot.time, slot.max_minutes)


def _override(o: SlotOverride) -> OverrideRow:
    return OverrideRow(o.id, o.kind, o.day, o.time, o.max_minutes, o.note)


def list_slots(settings: Settings, since: dt.date | None = None) -> tuple[list[SlotRow], list[OverrideRow]]:
    """Recurring slots, and the one-off overrides from `since` (default: all)."""
    with db.session_scope(settings.database_url) as session:
        ensure_seeded(session, settings)
        query = select(SlotOverride).order_by(SlotOverride.day, SlotOverride.time)
        if since:
            query = query.where(SlotOverride.day >= since)
        return [_row(s) for s in active_slots(session)], [_override(o) for o in session.scalars(query)]


def add_slot(settings: Settings, weekday: str, clock: str, max_minutes: int, actor: str | None = None) -> SlotRow:
    """A new recurring slot; refused in the quiet hours or when it already exists."""
    day, clock = WEEKDAYS[weekday_index(weekday)], parse_clock(clock)
    check_not_quiet(settings.schedule, clock, max_minutes)
    with db.session_scope(settings.database_url) as session:
        ensure_seeded(session, settings)
        if any(s.weekday == day and s.time == clock for s in active_slots(session)):
            raise ScheduleError(
                f"Khung giờ {day} {clock} đã có trong lịch.", None, "xem danh sách bằng lệnh: broadcaster slots list."
            )
        slot = Slot(weekday=day, time=clock, max_minutes=max_minutes)
        session.add(slot)
        session.flush()
        db.audit(session, "slot_add", f"slot {slot.id}", f"{day} {clock} {max_minutes}m", actor)
        return _row(slot)


def remove_slot(settings: Settings, slot_id: int, actor: str | None = None) -> SlotRow:
    """Deactivate a recurring slot (kept for the logbook); refused below the weekly minimum."""
    with db.session_scope(settings.database_url) as session:
        ensure_seeded(session, settings)
        slot = find_slot(session, slot_id)
        check_minimum(settings.schedule, len(active_slots(session)) - 1, "lịch hằng tuần")
        slot.active = 0
        db.audit(session, "slot_remove", f"slot {slot.id}", f"{slot.weekday} {slot.time}", actor)
        return _row(slot)


def skip(
    settings: Settings, day: dt.date, clock: str | None = None, note: str | None = None, actor: str | None = None
) -> OverrideRow:
    """Skip the recurring slot on `day` (at `clock` when the day has several)."""
    with db.session_scope(settings.database_url) as session:
        ensure_seeded(session, settings)
        candidates = [
            s
            for s in active_slots(session)
            if s.weekday == WEEKDAYS[day.weekday()] and (clock is None or s.time == parse_clock(clock))
        ]
        if len(candidates) != 1:
            what = "không có buổi phát định kỳ nào" if not candidates else "có nhiều buổi phát"
            raise NotFoundError(
                f"Ngày {day:%d/%m/%Y} {what} để bỏ.", None, "ghi rõ giờ: broadcaster slots skip 2026-12-01 06:00."
            )
        week = Week.of(day)
        check_minimum(settings.schedule, len(week_slots(session, settings, week)) - 1, f"tuần {week}")
        slot = candidates[0]
        row = SlotOverride(
            kind="skip", day=day, time=slot.time, max_minutes=slot.max_minutes, slot_id=slot.id, note=note
        )
        session.add(row)
        session.flush()
        db.audit(session, "slot_skip", f"{day.isoformat()} {slot.time}", note, actor)
        return _override(row)


def extra(
    settings: Settings,
    day: dt.date,
    clock: str,
    max_minutes: int,
    note: str | None = None,
    emergency: bool = False,
    actor: str | None = None,
    past: bool = False,
) -> OverrideRow:
    """A one-off broadcast (second precision allowed); quiet hours only for an emergency; a time that
    has passed only with `past` (to record or try something: it will not air)."""
    clock = parse_clock(clock, seconds=True)
    if not emergency:
        check_not_quiet(settings.schedule, clock, max_minutes)
    if local_at(day, clock) <= timeutil.now() and not past:
        raise ScheduleError(
            f"Buổi phát {day:%d/%m/%Y} {clock} đã qua.",
            "buổi phát thêm vào quá khứ sẽ không phát.",
            "chọn ngày giờ sắp tới, hoặc thêm --past nếu chỉ để ghi lại hoặc thử.",
        )
    with db.session_scope(settings.database_url) as session:
        ensure_seeded(session, settings)
        when = local_at(day, clock)
        if any(s.at == when for s in week_slots(session, settings, Week.of(day))):
            raise ScheduleError(
                f"Đã có buổi phát lúc {clock} ngày {day:%d/%m/%Y}.",
                None,
                "chọn giờ khác hoặc xem lịch bằng: broadcaster slots list.",
            )
        row = SlotOverride(
            kind="extra", day=day, time=clock, max_minutes=max_minutes, note=note or ("khẩn cấp" if emergency else None)
        )
        session.add(row)
        session.flush()
        db.audit(session, "slot_extra", f"{day.isoformat()} {clock}", row.note, actor)
        return _override(row)


def cancel_override(settings: Settings, override_id: int, actor: str | None = None) -> OverrideRow:
    """Undo a skip or an extra."""
    with db.session_scope(settings.database_url) as session:
        row = session.get(SlotOverride, override_id)
        if row is None:
            raise NotFoundError(
                f"Không có thay đổi lịch số {override_id}.", None, "xem danh sách bằng lệnh: broadcaster slots list."
            )
        if row.kind == "extra":
            week = Week.of(row.day)
            check_minimum(settings.schedule, len(week_slots(session, settings, week)) - 1, f"tuần {week}")
        result = _override(row)
        session.delete(row)
        db.audit(session, "slot_override_cancel", f"{row.kind} {row.day.isoformat()} {row.time}", None, actor)
        return result
