"""The commune's catalogue: storing and listing announcements and TTHC changes.

Imports are all-or-nothing: the whole file is validated before one transaction writes it,
and re-importing the same file updates rows in place instead of duplicating them.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.store import db
from broadcaster.config import Settings
from broadcaster.store.models import Announcement, TthcChange
from broadcaster.intake.announcements import AnnouncementIn, read_announcements
from broadcaster.intake.tthc import TthcIn, read_tthc


@dataclasses.dataclass(frozen=True)
class ImportReport:
    path: str
    created: int
    updated: int
    unchanged: int

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def import_announcements(settings: Settings, path: Path, actor: str | None = None) -> ImportReport:
    items = read_announcements(path, settings.planning.default_repeat)
    with db.session_scope(settings.database_url) as session:
        report = _upsert_announcements(session, items, str(path))
        db.audit(session, "import_announcements", str(path), _summary(report), actor)
    return report


def add_announcement(settings: Settings, item: AnnouncementIn, actor: str | None = None) -> ImportReport:
    with db.session_scope(settings.database_url) as session:
        report = _upsert_announcements(session, [item], "")
        db.audit(session, "add_announcement", item.title, _summary(report), actor)
    return report


def import_tthc(settings: Settings, path: Path, actor: str | None = None) -> ImportReport:
    items = read_tthc(path)
    with db.session_scope(settings.database_url) as session:
        report = _upsert(session, TthcChange, items, str(path),
                         lambda i: (TthcChange.code == i.code) & (TthcChange.decision == i.decision))
        db.audit(session, "import_tthc", str(path), _summary(report), actor)
    return report


def list_announcements(settings: Settings) -> list[Announcement]:
    with db.session_scope(settings.database_url) as session:
        return list(session.scalars(select(Announcement).order_by(Announcement.valid_from, Announcement.id)))


def list_tthc(settings: Settings) -> list[TthcChange]:
    with db.session_scope(settings.database_url) as session:
        return list(session.scalars(select(TthcChange).order_by(TthcChange.effective_date, TthcChange.code)))


def _upsert_announcements(session: Session, items: list[AnnouncementIn], source: str) -> ImportReport:
    return _upsert(session, Announcement, items, source, lambda i: Announcement.uid == i.uid)


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
    return ImportReport(source, created, updated, unchanged)


def _summary(report: ImportReport) -> str:
    return f"created={report.created} updated={report.updated} unchanged={report.unchanged}"


__all__ = ["ImportReport", "import_announcements", "add_announcement", "import_tthc",
           "list_announcements", "list_tthc", "AnnouncementIn", "TthcIn"]
