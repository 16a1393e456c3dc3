"""One item at a time (for the web forms): search, show, save and remove announcements and TTHC changes.

Saving validates with the same functions as the file import and `announce add` (announcements.validate,
tthc.validate): a form with problems raises FormError listing each by field, and writes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select

from broadcaster.config import Settings
from broadcaster.errors import ImportDataError, NotFoundError
from broadcaster.intake import announcements, catalog, readers, tthc
from broadcaster.intake.vocab import ANNOUNCEMENT_NAMES, TTHC_NAMES
from broadcaster.store import db
from broadcaster.store.models import Announcement, TthcChange

PER_PAGE = 50
FORM = "biểu mẫu"


class FormError(ImportDataError):
    """A form with problems: `fields` maps each field to its messages."""

    def __init__(self, fields: dict[str, list[str]], items: list[str]) -> None:
        self.fields = fields
        super().__init__(
            f"Biểu mẫu có {len(items)} lỗi, chưa ghi gì.\n" + "\n".join(f"  - {i}" for i in items),
            None,
            "sửa các trường được đánh dấu rồi ghi lại.",
        )


class _FormProblems(readers.Problems):
    """Problems of a web form: by field code for the inputs, by the field's Vietnamese name in the message."""

    def __init__(self, names: dict[str, str]) -> None:
        super().__init__(Path(FORM))
        self.fields: dict[str, list[str]] = {}
        self.names = names

    def add(self, where: str, field: str | None, message: str) -> None:
        super().add(where, self.names.get(field or "", field), message)
        self.fields.setdefault(field or "", []).append(message)

    def warn(self, where: str, field: str | None, message: str) -> None:
        super().warn(where, self.names.get(field or "", field), message)

    def raise_for_form(self) -> None:
        if self.items:
            raise FormError(self.fields, self.items)


@dataclasses.dataclass(frozen=True)
class Page:
    rows: list[Any]
    total: int
    page: int
    pages: int


def _paged(session, query, count_query, page: int, per_page: int) -> Page:
    total = session.scalar(count_query) or 0
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    rows = list(session.scalars(query.limit(per_page).offset((page - 1) * per_page)))
    return Page(rows, total, page, pages)


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search_announcements(
    settings: Settings,
    q: str = "",
    category: str = "",
    priority: str = "",
    when: str = "",
    today: dt.date | None = None,
    page: int = 1,
    per_page: int = PER_PAGE,
) -> Page:
    """when: current (valid today), future, past, or "" for all."""
    today = today or dt.date.today()
    conditions = []
    if q.strip():
        conditions.append(
            or_(
                Announcement.title.ilike(_like(q.strip()), escape="\\"),
                Announcement.body.ilike(_like(q.strip()), escape="\\"),
            )
        )
    if category:
        conditions.append(Announcement.category == category)
    if priority:
        conditions.append(Announcement.priority == priority)
    if when == "current":
        conditions += [Announcement.valid_from <= today, Announcement.valid_until >= today]
    elif when == "future":
        conditions.append(Announcement.valid_from > today)
    elif when == "past":
        conditions.append(Announcement.valid_until < today)
    query = select(Announcement).where(*conditions).order_by(Announcement.valid_from.desc(), Announcement.id.desc())
    with db.session_scope(settings.database_url) as session:
        return _paged(session, query, select(func.count()).select_from(Announcement).where(*conditions), page, per_page)


def search_tthc(
    settings: Settings, q: str = "", change_type: str = "", field: str = "", page: int = 1, per_page: int = PER_PAGE
) -> Page:
    conditions = []
    if q.strip():
        conditions.append(
            or_(
                TthcChange.code.ilike(_like(q.strip()), escape="\\"),
                TthcChange.name.ilike(_like(q.strip()), escape="\\"),
            )
        )
    if change_type:
        conditions.append(TthcChange.change_type == change_type)
    if field:
        conditions.append(TthcChange.field == field)
    query = select(TthcChange).where(*conditions).order_by(TthcChange.effective_date.desc(), TthcChange.code)
    with db.session_scope(settings.database_url) as session:
        return _paged(session, query, select(func.count()).select_from(TthcChange).where(*conditions), page, per_page)


def tthc_fields(settings: Settings) -> list[str]:
    with db.session_scope(settings.database_url) as session:
        return list(session.scalars(select(TthcChange.field).distinct().order_by(TthcChange.field)))


def get_announcement(settings: Settings, announcement_id: int) -> Announcement:
    with db.session_scope(settings.database_url) as session:
        row = session.get(Announcement, announcement_id)
        if row is None:
            raise NotFoundError(f"Không có thông báo số {announcement_id}.")
        return row


def get_tthc(settings: Settings, tthc_id: int) -> TthcChange:
    with db.session_scope(settings.database_url) as session:
        row = session.get(TthcChange, tthc_id)
        if row is None:
            raise NotFoundError(f"Không có TTHC số {tthc_id}.")
        return row


def save_announcement(
    settings: Settings, values: dict[str, Any], actor: str, announcement_id: int | None = None
) -> catalog.ImportReport:
    """Add an announcement, or change the one with `announcement_id` (it keeps its uid)."""
    if announcement_id is not None:
        values = {**values, "uid": get_announcement(settings, announcement_id).uid}
    problems = _FormProblems(ANNOUNCEMENT_NAMES)
    item = announcements.validate(readers.Row(FORM, dict(values)), problems, settings.planning.default_repeat)
    problems.raise_for_form()
    assert item is not None
    if announcement_id is None:
        with db.session_scope(settings.database_url) as session:
            if session.scalar(select(Announcement).where(Announcement.uid == item.uid)) is not None:
                problems.add(
                    FORM, "title", "đã có thông báo cùng tiêu đề và ngày bắt đầu; sửa thông báo đó thay vì thêm mới."
                )
                problems.raise_for_form()
    return catalog.add_announcement(settings, item, actor)


@dataclasses.dataclass(frozen=True)
class SavedTthc:
    id: int
    code: str
    warnings: tuple[str, ...]  # what the import's check says without refusing (a replacement naming nothing)


def save_tthc(settings: Settings, values: dict[str, Any], actor: str, tthc_id: int | None = None) -> SavedTthc:
    """Add a TTHC change, or change the one with `tthc_id`; code + decision stay unique."""
    problems = _FormProblems(TTHC_NAMES)
    item = tthc.validate(readers.Row(FORM, dict(values)), problems)
    problems.raise_for_form()
    assert item is not None
    with db.session_scope(settings.database_url) as session:
        clash = session.scalar(
            select(TthcChange).where(TthcChange.code == item.code, TthcChange.decision == item.decision)
        )
        if clash is not None and clash.id != tthc_id:
            problems.add(FORM, "code", f"đã có TTHC {item.code} theo cùng quyết định (số {clash.id}).")
            problems.raise_for_form()
        row = session.get(TthcChange, tthc_id) if tthc_id is not None else TthcChange(source_file=None)
        if row is None:
            raise NotFoundError(f"Không có TTHC số {tthc_id}.")
        for key, value in dataclasses.asdict(item).items():
            setattr(row, key, value)
        session.add(row)
        session.flush()
        db.audit(session, "edit_tthc" if tthc_id else "add_tthc", f"tthc {row.id}", f"{item.code} {item.name}", actor)
        warnings = tuple(w.replace(FORM, f"TTHC {row.code}", 1) for w in problems.warnings)
        return SavedTthc(row.id, row.code, warnings)


def remove_announcement(settings: Settings, announcement_id: int, actor: str) -> str:
    """Delete an announcement; programs built already keep their text until the week is rebuilt."""
    with db.session_scope(settings.database_url) as session:
        row = session.get(Announcement, announcement_id)
        if row is None:
            raise NotFoundError(f"Không có thông báo số {announcement_id}.")
        title = row.title
        session.delete(row)
        db.audit(session, "remove_announcement", f"announcement {announcement_id}", title, actor)
        return title


def remove_tthc(settings: Settings, tthc_id: int, actor: str) -> str:
    with db.session_scope(settings.database_url) as session:
        row = session.get(TthcChange, tthc_id)
        if row is None:
            raise NotFoundError(f"Không có TTHC số {tthc_id}.")
        what = f"{row.code} {row.name}"
        session.delete(row)
        db.audit(session, "remove_tthc", f"tthc {tthc_id}", what, actor)
        return what
