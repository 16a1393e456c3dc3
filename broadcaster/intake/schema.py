"""The type of every value, checked by a pydantic schema before any value is read.

YAML and JSON carry their own types, so a NaN, an Infinity, a true/false, a nested table or list, or a
TTHC code written as a number (1.00010 loses its last zero) is refused by row and field. Spreadsheet
cells pass the same check: a formula saved without its value is named by its cell.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, StrictStr, ValidationError

from broadcaster.intake.readers import Problems, Row
from broadcaster.intake.tables import Cell

Number = Annotated[StrictFloat, Field(allow_inf_nan=False)]
Text = StrictStr | StrictInt | Number | None
Day = StrictStr | dt.date | None
Code = StrictStr | None


class _Record(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)


class AnnouncementRecord(_Record):
    uid: StrictStr | StrictInt | None = None
    title: Text = None
    body: Text = None
    category: StrictStr | None = None
    priority: StrictStr | None = None
    valid_from: Day = None
    valid_until: Day = None
    repeat: Text = None


class TthcRecord(_Record):
    code: Text = None
    name: Text = None
    field: Text = None
    change_type: StrictStr | None = None
    effective_date: Day = None
    decision: Text = None
    processing_time: Text = None
    fee: Text = None
    submit_place: Text = None
    online_level: Text = None
    details: Text = None
    replaces: Text = None
    source_url: StrictStr | None = None
    retrieved_at: Day = None


class TypedTthcRecord(TthcRecord):
    """YAML/JSON, where a code can be quoted: a number there is refused (it may have lost zeros)."""

    code: Code = None


DATE_FIELDS = frozenset({"valid_from", "valid_until", "effective_date", "retrieved_at"})


def check(rows: list[Row], model: type[_Record], problems: Problems) -> list[Row]:
    """The rows whose every value has an accepted type; the others are reported, field by field."""
    good = []
    for row in rows:
        try:
            model.model_validate(row.values)
        except ValidationError as exc:
            fields: dict[str, Any] = {}
            for error in exc.errors():
                fields.setdefault(str(error["loc"][0]), error["input"])
            for field, value in fields.items():
                problems.add(row.where, row.label(field), describe(field, value))
            continue
        good.append(row)
    return good


def describe(field: str, value: Any) -> str:
    """Why a value of this type is not accepted here, in the officer's words."""
    if isinstance(value, Cell):
        return (
            f"ô {value.ref} có công thức “{value.formula}” nhưng tệp không lưu giá trị đã tính của nó. "
            "Mở tệp bằng Excel hoặc LibreOffice, lưu lại (để công thức có giá trị) rồi nhập lại."
        )
    if isinstance(value, (Mapping, list, tuple, set)):
        return "giá trị lồng nhau (một bảng hoặc một danh sách) không dùng được ở đây; ghi một giá trị đơn."
    if isinstance(value, bool):
        return f"“{'true' if value else 'false'}” không phải giá trị hợp lệ ở đây; ghi chữ hoặc số."
    if isinstance(value, float) and not math.isfinite(value):
        name = "NaN" if math.isnan(value) else "Infinity" if value > 0 else "-Infinity"
        return f"“{name}” không phải là một giá trị; ghi chữ hoặc số."
    if field == "code" and isinstance(value, (int, float)):
        return f'mã {value} ghi dạng số; ghi mã trong ngoặc kép ("1.001193") để không mất số 0 ở cuối hoặc ở đầu.'
    if field in DATE_FIELDS:
        return f"ngày {value} phải ghi dạng chuỗi 30/11/2026 hoặc 2026-11-30 (trong ngoặc kép)."
    return f"giá trị {value!r} có kiểu không dùng được ở đây; ghi chữ."
