"""TTHC change files (CSV, XLSX, JSON) -> validated TthcIn records."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

from broadcaster.intake import readers, schema
from broadcaster.intake.vocab import CHANGE_TYPE_VALUES, CHANGE_TYPE_VI, TTHC_HEADERS, TTHC_NAMES, TTHC_REQUIRED

FORMATS = ("csv", "xlsx", "json")
# National codes look like 1.001193 or 2.002156; provincial ones may carry a prefix or suffix.
CODE_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-_/]{2,39}$")
MERGED_HINT = (
    " Nếu bảng gốc gộp ô ở cột này cho nhiều dòng, hãy nhập tệp .xlsx gốc (ô gộp được chép vào "
    "từng dòng) hoặc điền đủ từng dòng."
)


@dataclasses.dataclass(frozen=True)
class TthcIn:
    code: str
    name: str
    field: str
    change_type: str
    effective_date: dt.date
    decision: str = ""
    processing_time: str | None = None
    fee: str | None = None
    submit_place: str | None = None
    online_level: str | None = None
    details: str | None = None
    replaces: str | None = None
    source_url: str | None = None
    retrieved_at: dt.date | None = None


def read_tthc(path: Path, sheet: str | None = None) -> readers.Reading:
    source = readers.read_records(path, FORMATS, ("tthc", "changes", "items", "thu_tuc"), TTHC_HEADERS, sheet)
    problems = readers.Problems(path)
    rows = readers.canonical_rows(path, source, TTHC_HEADERS, TTHC_REQUIRED, TTHC_NAMES)
    model = schema.TypedTthcRecord if source.typed else schema.TthcRecord
    items: list[TthcIn] = []
    first_row: dict[tuple[str, str], str] = {}  # (code, decision) -> where it was first seen
    for row in schema.check(rows, model, problems):
        item = validate(row, problems, tabular=not source.typed)
        if item is None:
            continue
        key = (item.code, item.decision)
        if key in first_row:
            problems.add(row.where, row.label("code"), f"mã TTHC {item.code} bị trùng với {first_row[key]}.")
            continue
        first_row[key] = row.where
        items.append(item)
    problems.raise_if_any("sửa các dòng trên rồi nhập lại cả tệp; chưa có thủ tục nào được ghi.")
    return readers.Reading(items, tuple(problems.warnings), source.notes)


def validate(row: readers.Row, problems: readers.Problems, tabular: bool = False) -> TthcIn | None:
    before = len(problems.items)
    code = readers.text(row, "code", problems, required=True)
    if code and not CODE_RE.match(code):
        problems.add(row.where, row.label("code"), f"mã “{code}” không đúng dạng mã TTHC (ví dụ 1.001193).")
    name = readers.text(row, "name", problems, required=True)
    before_field = len(problems.items)
    field = readers.text(row, "field", problems)
    if field is None and len(problems.items) == before_field:  # empty, not refused for its characters
        problems.add(row.where, row.label("field"), "không được để trống." + (MERGED_HINT if tabular else ""))
    change_type = readers.choice(row, "change_type", CHANGE_TYPE_VALUES, CHANGE_TYPE_VI, problems)
    effective = readers.date(row, "effective_date", problems, required=True)
    decision = readers.text(row, "decision", problems) or ""
    optional = {
        f: readers.text(row, f, problems)
        for f in (
            "processing_time",
            "fee",
            "submit_place",
            "online_level",
            "details",
            "replaces",
            "source_url",
        )
    }
    retrieved = readers.date(row, "retrieved_at", problems)
    if (
        len(problems.items) > before
        or code is None
        or name is None
        or field is None
        or change_type is None
        or effective is None
    ):
        return None  # each None above comes with a problem
    if change_type == "replaced" and not optional["replaces"]:
        problems.warn(
            row.where,
            row.label("replaces"),
            "thủ tục “thay thế” nhưng không ghi thủ tục bị thay thế; "
            "kịch bản chỉ nói thủ tục “được thay thế”. Thêm tên thủ tục cũ nếu có.",
        )
    return TthcIn(
        code=code,
        name=name,
        field=field,
        change_type=change_type,
        effective_date=effective,
        decision=decision,
        retrieved_at=retrieved,
        **optional,
    )
