"""The broadcast schedule: recurring slots (seeded from config.yaml on first use) and one-off overrides.

Rules kept here: at least `schedule.min_per_week` broadcasts a week, none in the quiet hours
(except emergencies), every time in station time (Asia/Ho_Chi_Minh) whatever the host says.
"""

from __future__ import annotations

import datetime as dt
import importlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.config import Settings
from broadcaster.errors import NotFoundError
from broadcaster.store import db
from broadcaster.store.models import Meta, Slot, SlotOverride
from broadcaster.timeutil import TZ, WEEKDAYS, local_at, parse_hhmm, weekday_index
from broadcaster.values import SlotTime, Week

SEEDED = "slots_seeded"


def ensure_seeded(session: Session, settings: Settings) -> None:
    """Copy the slots of config.yaml into the database once; after that the database is the truth."""
    if session.get(Meta, SEEDED) is not None or not _mark_seeded(session, len(settings.slots)):
        return
    for spec in settings.slots:
        hour, minute = parse_hhmm(spec.time)
        session.add(
            Slot(
                weekday=WEEKDAYS[weekday_index(spec.day)], time=f"{hour:02d}:{minute:02d}", max_minutes=spec.max_minutes
            )
        )
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


def find_slot(session: Session, slot_id: int) -> Slot:
    slot = session.get(Slot, slot_id)
    if slot is None or not slot.active:
        raise NotFoundError(
            f"Không có khung giờ phát số {slot_id}.", None, "xem danh sách bằng lệnh: broadcaster slots list."
        )
    return slot
