"""The commune's catalogue: storing and listing announcements and TTHC changes.

Imports are all-or-nothing: the whole file is validated before one transaction writes it,
and re-importing the same file updates rows in place instead of duplicating them. What does not
stop an import is reported with it: a missing optional detail, an announcement whose text another
id already holds (aired once), one that can no longer reach a broadcast before it expires.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster import timeutil
from broadcaster.config import Settings
from broadcaster.intake.announcements import AnnouncementIn, read_announcements
from broadcaster.intake.duplicates import same_text, spoken_key
from broadcaster.intake.tthc import TthcIn, read_tthc
from broadcaster.store import db
from broadcaster.store.models import Announcement, TthcChange


@dataclasses.dataclass(frozen=True)
class ImportReport:
    path: str
    created: int
    updated: int
    unchanged: int
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()  # how the file was read (sheet, header row, delimiter)

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def import_announcements(settings: Settings, path: Path, actor: str | None = None) -> ImportReport:
    reading = read_announcements(path, settings.planning.default_repeat)
    return _store_announcements(
        settings, reading.items, str(path), "import_announcements", str(path), reading.warnings, reading.notes, actor
    )


def add_announcement(settings: Settings, item: AnnouncementIn, actor: str | None = None) -> ImportReport:
    return _store_announcements(settings, [item], "", "add_announcement", item.title, (), (), actor)


def import_tthc(settings: Settings, path: Path, actor: str | None = None, sheet: str | None = None) -> ImportReport:
    reading = read_tthc(path, sheet)
    with db.session_scope(settings.database_url) as session:
        report = _upsert(
            session,
            TthcChange,
            reading.items,
            str(path),
            lambda i: (TthcChange.code == i.code) & (TthcChange.decision == i.decision),
        )
        db.audit(session, "import_tthc", str(path), _summary(report), actor)
    return dataclasses.replace(report, warnings=reading.warnings, notes=reading.notes)


def list_announcements(settings: Settings) -> list[Announcement]:
    with db.session_scope(settings.database_url) as session:
        return list(session.scalars(select(Announcement).order_by(Announcement.valid_from, Announcement.id)))


def list_tthc(settings: Settings) -> list[TthcChange]:
    with db.session_scope(settings.database_url) as session:
        return list(session.scalars(select(TthcChange).order_by(TthcChange.effective_date, TthcChange.code)))


def _store_announcements(
    settings: Settings,
    items: list[AnnouncementIn],
    source: str,
    action: str,
    target: str,
    warnings: tuple[str, ...],
    notes: tuple[str, ...],
    actor: str | None,
) -> ImportReport:
    with db.session_scope(settings.database_url) as session:
        report = _upsert(session, Announcement, items, source, lambda i: Announcement.uid == i.uid)
        db.audit(session, action, target, _summary(report), actor)
        merged = _same_text(session, settings, items)
    found = (*warnings, *merged, *_unreachable(settings, items))
    return dataclasses.replace(report, warnings=found, notes=notes)


def _same_text(session: Session, settings: Settings, items: list[AnnouncementIn]) -> list[str]:
    """Announcements of the same spoken text and overlapping dates as one of `items`, under other ids."""
    if not items:
        return []
    first, last = min(i.valid_from for i in items), max(i.valid_until for i in items)
    rows = list(
        session.scalars(
            select(Announcement)
            .where(Announcement.valid_from <= last, Announcement.valid_until >= first)
            .order_by(Announcement.id)
        )
    )
    keys = {r.uid: spoken_key(r.body, settings.lexicon) for r in rows}
    imported = {i.uid for i in items}
    found = []
    for group in same_text(rows, lambda r: keys[r.uid]):
        if imported & {r.uid for r in group}:
            names = ", ".join(f"{r.uid} (“{r.title}”)" for r in group)
            found.append(
                f"trùng nội dung: {names} — đọc giống hệt nhau; mỗi buổi phát chỉ đọc một lần "
                f"(giữ {group[0].uid}). Nếu là hai tin khác nhau, sửa nội dung cho khác."
            )
    return found


def _unreachable(settings: Settings, items: list[AnnouncementIn]) -> list[str]:
    """Items that cannot reach a broadcast before they expire, with what the officer can do."""
    from broadcaster.onair.calendar import slots_between
    from broadcaster.production.programs import closed_slots
    from broadcaster.production.reach import day_end, unreachable

    now = timeutil.now()
    due = [i for i in items if i.valid_until >= now.date() - dt.timedelta(days=1)]
    if not due:
        return []
    with db.session_scope(settings.database_url) as session:
        slots = slots_between(session, settings, now, day_end(max(i.valid_until for i in due)))
        closed = closed_slots(session, slots)
    notices = [unreachable(settings, i.title, i.valid_from, i.valid_until, slots, closed, now) for i in due]
    return [n.message for n in notices if n]


def _upsert(session: Session, model, items, source: str, match) -> ImportReport:
    created = updated = unchanged = 0
    for item in items:
        values = dataclasses.asdict(item)
        row = session.scalar(select(model).where(match(item)))
        if row is None:
            session.add(model(**values, source_file=source or None))
            created += 1
            continue
        changed = {k: v for k, v in values.items() if getattr(row, k) != v}
        if changed:
            for key, value in changed.items():
                setattr(row, key, value)
            row.source_file = source or row.source_file
            updated += 1
        else:
            unchanged += 1
    session.flush()
    return ImportReport(source, created, updated, unchanged)


def _summary(report: ImportReport) -> str:
    return f"created={report.created} updated={report.updated} unchanged={report.unchanged}"


__all__ = [
    "AnnouncementIn",
    "ImportReport",
    "TthcIn",
    "add_announcement",
    "import_announcements",
    "import_tthc",
    "list_announcements",
    "list_tthc",
]
