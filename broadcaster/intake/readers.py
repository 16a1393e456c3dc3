"""Turn a file into rows of {field: raw value}, each with its position and the field names the file used.

Every problem is named by file, row and field, the field under the name the file gave it ("Từ ngày",
"valid_from" in an English YAML, "--from" on the command line). Errors refuse the whole file; warnings
(a missing optional detail) are reported and the file is imported.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from broadcaster.errors import ImportDataError
from broadcaster.intake.decoding import decode
from broadcaster.intake.tables import Cell, read_csv, read_xlsx
from broadcaster.intake.vocab import IGNORED_HEADERS, fold, lookup

MAX_REPORTED = 20
# C0/C1 control characters (tab and line breaks aside) and the bidirectional overrides and isolates:
# they ring the terminal, recolour it, or turn text around (RLO), on screen and in the script files.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
INVISIBLE = re.compile("[\u200b\ufeff]")  # zero-width space, stray byte-order marks: dropped


@dataclasses.dataclass
class Row:
    where: str  # "dòng 3" (CSV/XLSX line) or "mục 2" (YAML/JSON item)
    values: dict[str, Any]  # canonical field -> raw value
    labels: Mapping[str, str] = dataclasses.field(default_factory=dict)  # field -> the name the file used

    def label(self, field: str) -> str:
        return self.labels.get(field, field)


@dataclasses.dataclass(frozen=True)
class Source:
    """A file's raw records (dicts keyed by its own headers, plus "__where__") and how it was read."""

    records: list[dict]
    notes: tuple[str, ...] = ()  # e.g. which sheet and header row were used
    typed: bool = False  # YAML or JSON: values carry their own types


@dataclasses.dataclass(frozen=True)
class Reading:
    """A file read and validated: its records, the warnings that did not stop it, how it was read."""

    items: list
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


class Problems:
    """Collects every problem of a file so the officer can fix them all in one go."""

    def __init__(self, path: Path, source: str | None = None) -> None:
        self.path = path
        self.items: list[str] = []
        self.warnings: list[str] = []
        self.source, self.nothing = (source, "chưa ghi gì") if source else (f"Tệp {path}", "không nhập dòng nào")

    def add(self, where: str, field: str | None, message: str) -> None:
        self.items.append(_place(where, field) + message)

    def warn(self, where: str, field: str | None, message: str) -> None:
        self.warnings.append(_place(where, field) + message)

    def raise_if_any(self, fix: str) -> None:
        if not self.items:
            return
        shown = self.items[:MAX_REPORTED]
        more = len(self.items) - len(shown)
        lines = "\n".join(f"  - {item}" for item in shown) + (f"\n  … và {more} lỗi khác" if more else "")
        raise ImportDataError(f"{self.source}: {len(self.items)} lỗi, {self.nothing}.\n{lines}", None, fix)


def _place(where: str, field: str | None) -> str:
    return f"{where}, trường “{field}”: " if field else f"{where}: "


def fail(path: Path, what: str, cause: str | None = None, fix: str | None = None) -> ImportDataError:
    return ImportDataError(f"Tệp {path}: {what}", cause, fix or "sửa tệp rồi nhập lại; chưa có gì được ghi.")


def read_records(
    path: Path,
    formats: Iterable[str],
    root_keys: tuple[str, ...],
    headers: Mapping[str, tuple[str, ...]],
    sheet: str | None = None,
) -> Source:
    """The file's records. `headers` (field -> accepted names) finds the header row of a table among its
    first rows and the sheet of a workbook that holds it (or `sheet`, named by the officer)."""
    if not path.is_file():
        raise fail(path, "không tìm thấy tệp.", "đường dẫn sai.", "kiểm tra tên và thư mục của tệp.")
    suffix = path.suffix.lower().lstrip(".")
    suffix = "yaml" if suffix == "yml" else suffix
    formats = tuple(formats)
    if suffix not in formats:
        raise fail(
            path,
            f"định dạng .{suffix} không được hỗ trợ.",
            None,
            "dùng một trong các định dạng: " + ", ".join(f".{f}" for f in formats) + ".",
        )
    if sheet is not None and suffix != "xlsx":
        raise fail(
            path,
            "chỉ tệp Excel (.xlsx) mới có trang tính để chọn bằng --sheet.",
            None,
            "bỏ --sheet, hoặc nhập tệp .xlsx.",
        )
    known = {**lookup(headers), **{fold(h): "" for h in IGNORED_HEADERS}}
    data = path.read_bytes()
    if suffix == "xlsx":
        records, notes = read_xlsx(path, data, known, sheet)
        return Source(records, notes)
    text = decode(path, data)
    if suffix == "csv":
        records, notes = read_csv(path, text, known)
        return Source(records, notes)
    return Source(_structured(path, suffix, text, root_keys), typed=True)


def _structured(path: Path, suffix: str, text: str, root_keys: tuple[str, ...]) -> list[dict]:
    try:
        loaded = json.loads(text) if suffix == "json" else yaml.safe_load(text)
    except RecursionError as exc:
        raise fail(
            path,
            "dữ liệu lồng nhau quá sâu (danh sách hoặc bảng lồng trong nhau hàng nghìn lớp).",
            "tệp hỏng hoặc không phải danh sách thông báo/thủ tục.",
            "mỗi mục là một bảng khóa: giá trị đơn; xem tệp mẫu trong broadcaster/sample/.",
        ) from exc
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise fail(
            path,
            f"không đọc được {suffix.upper()}: sai cú pháp{syntax_place(exc)}.",
            "thiếu dấu ngoặc, dấu phẩy hoặc dấu hai chấm, hoặc thụt lề sai (YAML thụt lề bằng dấu cách).",
        ) from exc
    if isinstance(loaded, dict):
        for key in root_keys:
            if key in loaded:
                loaded = loaded[key]
                break
    if not isinstance(loaded, list) or not all(isinstance(item, dict) for item in loaded):
        raise fail(
            path,
            "nội dung phải là một danh sách các mục (mỗi mục là một bảng khóa: giá trị).",
            None,
            f"xem tệp mẫu trong broadcaster/sample/; khóa gốc được chấp nhận: {', '.join(root_keys)}.",
        )
    return [{"__where__": f"mục {i}", **{str(k): v for k, v in item.items()}} for i, item in enumerate(loaded, 1)]


def syntax_place(exc: Exception) -> str:
    """' ở dòng 3, cột 7' from a JSON or YAML syntax error (their own messages are English)."""
    if isinstance(exc, json.JSONDecodeError):
        return f" ở dòng {exc.lineno}, cột {exc.colno}"
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return f" ở dòng {mark.line + 1}, cột {mark.column + 1}" if mark is not None else ""


def canonical_rows(
    path: Path,
    source: Source,
    headers: Mapping[str, tuple[str, ...]],
    required: tuple[str, ...],
    names: Mapping[str, str],
) -> list[Row]:
    """Map the file's headers onto field names; unknown or missing headers are errors."""
    records = source.records
    table = lookup(headers)
    ignored = {fold(h) for h in IGNORED_HEADERS}
    seen = [k for k in dict.fromkeys(k for r in records for k in r) if k != "__where__"]
    unknown = [h for h in seen if fold(h) not in table and fold(h) not in ignored]
    if unknown:
        accepted = "; ".join(
            f"{names[field]} ({', '.join(a for a in aliases if a != names[field])})"
            for field, aliases in headers.items()
        )
        raise fail(
            path,
            "cột không nhận ra: " + ", ".join(f"“{shown(h)}”" for h in unknown) + ".",
            "tên cột gõ sai hoặc dùng mẫu tệp khác.",
            f"dùng tên cột được chấp nhận: {accepted}.",
        )
    present = {table[fold(h)]: h.strip() for h in seen if fold(h) in table}
    missing = [f for f in required if f not in present]
    if missing and records:
        raise fail(
            path,
            "thiếu cột bắt buộc: " + ", ".join(f"“{names[f]}”" for f in missing) + ".",
            "dòng tiêu đề thiếu hoặc sai tên cột.",
            "thêm các cột này vào dòng tiêu đề.",
        )
    if not records:
        raise fail(path, "không có dòng dữ liệu nào.", None, "thêm ít nhất một dòng dữ liệu.")
    labels = {**names, **present}
    return [
        Row(r["__where__"], {table[fold(k)]: v for k, v in r.items() if k != "__where__" and fold(k) in table}, labels)
        for r in records
    ]


def shown(text: str) -> str:
    """Text safe to print: each control character written as its code (U+001B), never sent to a terminal."""
    return CONTROL.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


# --- value parsers: return the value or add a problem and return None ---


def _string(row: Row, field: str, problems: Problems) -> str | None:
    """The raw value as stripped text ("" when empty), or None after a problem (control characters)."""
    value = row.values.get(field)
    if value is None or isinstance(value, Cell):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    raw = INVISIBLE.sub("", str(value)).strip()
    found = sorted(set(CONTROL.findall(raw)))
    if found:
        codes = ", ".join(f"U+{ord(c):04X}" for c in found)
        problems.add(
            row.where,
            row.label(field),
            f"có ký tự điều khiển {codes} (không in ra được; làm rối màn "
            "hình hoặc đảo chiều chữ). Xóa các ký tự này rồi nhập lại.",
        )
        return None
    return raw


def text(row: Row, field: str, problems: Problems, required: bool = False) -> str | None:
    value = _string(row, field, problems)
    if not value:
        if required and value is not None:
            problems.add(row.where, row.label(field), "không được để trống.")
        return None
    return " ".join(value.split()) if field != "body" else value


def date(row: Row, field: str, problems: Problems, required: bool = False) -> dt.date | None:
    value = row.values.get(field)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = _string(row, field, problems)
    if not raw:
        if required and raw is not None:
            problems.add(row.where, row.label(field), "không được để trống.")
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    problems.add(row.where, row.label(field), f"ngày “{raw}” không hợp lệ (dùng dạng 30/11/2026 hoặc 2026-11-30).")
    return None


def choice(
    row: Row,
    field: str,
    table: dict[str, tuple[str, ...]],
    labels: Mapping[str, str],
    problems: Problems,
    default: str | None = None,
) -> str | None:
    """One of `table`'s keys, named by any alias; `labels` are the words offered when the value is wrong."""
    raw = _string(row, field, problems)
    if raw is None:
        return None
    if not raw:
        if default is None:
            problems.add(row.where, row.label(field), "không được để trống.")
        return default
    found = lookup(table).get(fold(raw))
    if found is None:
        allowed = "; ".join(f"“{labels[key]}”" for key in table)
        problems.add(row.where, row.label(field), f"giá trị “{raw}” không hợp lệ; chọn một trong: {allowed}.")
    return found


def count(row: Row, field: str, problems: Problems, default: int) -> int:
    raw = _string(row, field, problems)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if not 1 <= value <= 50:
        problems.add(row.where, row.label(field), f"“{raw}” phải là số nguyên từ 1 đến 50.")
        return default
    return value
