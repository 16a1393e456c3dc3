"""The broadcast schedule: recurring slots (seeded from config.yaml on first use) and one-off overrides."""

from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from broadcaster import db
from broadcaster.config import Settings
from broadcaster.models import AuditEvent, Slot, SlotOverride
from broadcaster.timeutil import WEEKDAYS, at, parse_hhmm, week_days, weekday_index


@dataclasses.dataclass(frozen=True)
class SlotTime:
    """One concrete broadcast in a week."""

    at: dt.datetime          # aware, station time
    max_minutes: int
    slot_id: int | None

    @property
    def name(self) -> str:
        """File-friendly name: 2026-12-01_0600."""
        return f"{self.at:%Y-%m-%d_%H%M}"


def ensure_seeded(session: Session, settings: Settings) -> None:
    """Copy the slots of config.yaml into the database once; after that the database is the truth."""
    seeded = session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "seed_slots"))
    if seeded:
        return
    for spec in settings.slots:
        hour, minute = parse_hhmm(spec.time)
        session.add(Slot(weekday=WEEKDAYS[weekday_index(spec.day)], time=f"{hour:02d}:{minute:02d}",
                         max_minutes=spec.max_minutes))
    db.audit(session, "seed_slots", "config.yaml", f"{len(settings.slots)} slots", actor="system")
    session.flush()


def active_slots(session: Session) -> list[Slot]:
    rows = session.scalars(select(Slot).where(Slot.active == 1))
    return sorted(rows, key=lambda s: (WEEKDAYS.index(s.weekday), s.time))


def week_slots(session: Session, settings: Settings, week: str) -> list[SlotTime]:
    """Every broadcast of an ISO week: recurring slots minus skips plus extras, in time order."""
    ensure_seeded(session, settings)
    first, last = week_days(week)
    overrides = list(session.scalars(select(SlotOverride).where(SlotOverride.day.between(first, last))))
    skips = {(o.day, o.time) for o in overrides if o.kind == "skip"}
    times = []
    for slot in active_slots(session):
        day = first + dt.timedelta(days=WEEKDAYS.index(slot.weekday))
        if (day, slot.time) not in skips:
            times.append(SlotTime(at(day, slot.time), slot.max_minutes, slot.id))
    times += [SlotTime(at(o.day, o.time), o.max_minutes, None) for o in overrides if o.kind == "extra"]
    return sorted(times, key=lambda s: s.at)
