"""Announcement files (YAML or CSV) -> validated AnnouncementIn records."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

from broadcaster.intake import readers, schema
from broadcaster.intake.vocab import (
    ANNOUNCEMENT_HEADERS,
    ANNOUNCEMENT_NAMES,
    ANNOUNCEMENT_REQUIRED,
    CATEGORY_VALUES,
    CATEGORY_VI,
    PRIORITY_VALUES,
    PRIORITY_VI,
)

FORMATS = ("yaml", "csv")
MAX_VALIDITY_DAYS = 366


@dataclasses.dataclass(frozen=True)
class AnnouncementIn:
    uid: str
    title: str
    body: str
    category: str
    priority: str
    valid_from: dt.date
    valid_until: dt.date
    repeat: int


def derive_uid(title: str, valid_from: dt.date) -> str:
    """A stable id when the file gives none: the same title and start date is the same item."""
    return "a-" + hashlib.sha256(f"{title.strip().lower()}|{valid_from}".encode()).hexdigest()[:16]


def read_announcements(path: Path, default_repeat: int = 2) -> readers.Reading:
    source = readers.read_records(path, FORMATS, ("announcements", "thong_bao", "items"), ANNOUNCEMENT_HEADERS)
    problems = readers.Problems(path)
    rows = readers.canonical_rows(path, source, ANNOUNCEMENT_HEADERS, ANNOUNCEMENT_REQUIRED, ANNOUNCEMENT_NAMES)
    items: list[AnnouncementIn] = []
    first_row: dict[str, str] = {}  # uid -> where it was first seen
    for row in schema.check(rows, schema.AnnouncementRecord, problems):
        item = validate(row, problems, default_repeat)
        if item is None:
            continue
        if item.uid in first_row:
            problems.add(
                row.where,
                row.label("title"),
                f"thông báo “{item.title}” trùng với {first_row[item.uid]} "
                "(cùng mã, hoặc cùng tiêu đề và ngày bắt đầu).",
            )
            continue
        first_row[item.uid] = row.where
        items.append(item)
    problems.raise_if_any("sửa các dòng trên rồi nhập lại cả tệp; chưa có thông báo nào được ghi.")
    return readers.Reading(items, tuple(problems.warnings), source.notes)


def validate(row: readers.Row, problems: readers.Problems, default_repeat: int = 2) -> AnnouncementIn | None:
    before = len(problems.items)
    title = readers.text(row, "title", problems, required=True)
    body = readers.text(row, "body", problems, required=True)
    category = readers.choice(row, "category", CATEGORY_VALUES, CATEGORY_VI, problems, default="general")
    priority = readers.choice(row, "priority", PRIORITY_VALUES, PRIORITY_VI, problems, default="normal")
    start = readers.date(row, "valid_from", problems, required=True)
    end = readers.date(row, "valid_until", problems) or start
    repeat = readers.count(row, "repeat", problems, default_repeat)
    if start and end:
        if end < start:
            problems.add(
                row.where,
                row.label("valid_until"),
                f"ngày kết thúc {end:%d/%m/%Y} trước ngày bắt đầu {start:%d/%m/%Y}.",
            )
        elif (end - start).days > MAX_VALIDITY_DAYS:
            problems.add(row.where, row.label("valid_until"), "thời hạn phát dài hơn một năm; kiểm tra lại năm.")
    if body and len(body.split()) < 3:
        problems.add(row.where, row.label("body"), "nội dung quá ngắn (cần ít nhất 3 từ).")
    uid = readers.text(row, "uid", problems)
    if (
        len(problems.items) > before
        or title is None
        or body is None
        or category is None
        or priority is None
        or start is None
        or end is None
    ):
        return None  # each None above comes with a problem
    return AnnouncementIn(uid or derive_uid(title, start), title, body, category, priority, start, end, repeat)
