"""Turn a file into rows of {field: raw value}, each with its position for error messages."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from broadcaster.errors import ImportDataError
from broadcaster.intake.vocab import IGNORED_HEADERS, fold, lookup

MAX_REPORTED = 20


@dataclasses.dataclass
class Row:
    where: str                 # "dòng 3" (CSV/XLSX line) or "mục 2" (YAML/JSON item)
    values: dict[str, Any]     # canonical field -> raw value


class Problems:
    """Collects every problem of a file so the officer can fix them all in one go."""

    def __init__(self, path: Path) -> None:
        self.path, self.items = path, []

    def add(self, where: str, field: str | None, message: str) -> None:
        place = f"{where}, trường “{field}”" if field else where
        self.items.append(f"{place}: {message}")

    def raise_if_any(self, fix: str) -> None:
        if not self.items:
            return
        shown = self.items[:MAX_REPORTED]
        more = len(self.items) - len(shown)
        lines = "\n".join(f"  - {item}" for item in shown) + (f"\n  … và {more} lỗi khác" if more else "")
        raise ImportDataError(f"Tệp {self.path}: {len(self.items)} lỗi, không nhập dòng nào.\n{lines}",
                              None, fix)


def fail(path: Path, what: str, cause: str | None = None, fix: str | None = None) -> ImportDataError:
    return ImportDataError(f"Tệp {path}: {what}", cause, fix or "sửa tệp rồi nhập lại; chưa có gì được ghi.")


def read_records(path: Path, formats: Iterable[str], root_keys: tuple[str, ...]) -> list[dict]:
    """Raw records: dicts keyed by the file's own headers, plus "__where__" (line or item number)."""
    if not path.is_file():
        raise fail(path, "không tìm thấy tệp.", "đường dẫn sai.", "kiểm tra tên và thư mục của tệp.")
    suffix = path.suffix.lower().lstrip(".")
    suffix = "yaml" if suffix == "yml" else suffix
    formats = tuple(formats)
    if suffix not in formats:
        raise fail(path, f"định dạng .{suffix} không được hỗ trợ.", None,
                   "dùng một trong các định dạng: " + ", ".join(f".{f}" for f in formats) + ".")
    data = path.read_bytes()
    if suffix == "xlsx":
        return _xlsx(path, data)
    text = _text(path, data)
    if suffix == "csv":
        return _csv(path, text)
    try:
        loaded = json.loads(text) if suffix == "json" else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise fail(path, f"không đọc được {suffix.upper()}.", str(exc).splitlines()[0]) from exc
    if isinstance(loaded, dict):
        for key in root_keys:
            if key in loaded:
                loaded = loaded[key]
                break
    if not isinstance(loaded, list) or not all(isinstance(item, dict) for item in loaded):
        raise fail(path, "nội dung phải là một danh sách các mục (mỗi mục là một bảng khóa: giá trị).",
                   None, f"xem tệp mẫu trong broadcaster/sample/; khóa gốc được chấp nhận: {', '.join(root_keys)}.")
    return [{"__where__": f"mục {i}", **item} for i, item in enumerate(loaded, start=1)]


def _text(path: Path, data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise fail(path, "không phải tệp văn bản (có byte nhị phân).", "chọn nhầm tệp (ảnh, Word, PDF…).",
                   "xuất dữ liệu ra CSV (UTF-8), JSON hoặc YAML rồi nhập lại.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(path, f"không phải văn bản UTF-8 (byte lỗi ở vị trí {exc.start}).",
                   "tệp lưu bằng bảng mã cũ (TCVN3, VNI, Windows-1258) hoặc là tệp nhị phân.",
                   "mở tệp và lưu lại dưới dạng CSV UTF-8.") from exc


def _csv(path: Path, text: str) -> list[dict]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows = []
    header: list[str] | None = None
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise fail(path, f"dòng {reader.line_num} có {len(cells)} cột, nhiều hơn tiêu đề ({len(header)} cột).",
                       "có dấu phẩy trong nội dung mà không đặt trong ngoặc kép.",
                       "đặt nội dung có dấu phẩy trong dấu ngoặc kép \"…\".")
        record = dict(zip(header, cells))
        record["__where__"] = f"dòng {reader.line_num}"
        rows.append(record)
    if header is None:
        raise fail(path, "tệp trống.", None, "thêm dòng tiêu đề và ít nhất một dòng dữ liệu.")
    return rows


def _xlsx(path: Path, data: bytes) -> list[dict]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise fail(path, "không mở được tệp Excel.", "tệp hỏng hoặc không phải .xlsx (có thể là .xls cũ).",
                   "mở bằng Excel/LibreOffice và lưu lại dạng .xlsx.") from exc
    sheet = book.worksheets[0]
    rows, header = [], None
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if not any(v not in (None, "") for v in values):
            continue
        if header is None:
            header = ["" if v is None else str(v) for v in values]
            continue
        record = {h: v for h, v in zip(header, values) if h}
        record["__where__"] = f"dòng {number}"
        rows.append(record)
    book.close()
    if header is None:
        raise fail(path, "trang tính đầu tiên trống.", None, "đặt dữ liệu ở trang tính đầu tiên, dòng 1 là tiêu đề.")
    return rows


def canonical_rows(path: Path, records: list[dict], headers: dict[str, tuple[str, ...]],
                   required: tuple[str, ...]) -> list[Row]:
    """Map the file's headers onto field names; unknown or missing headers are errors."""
    table = lookup(headers)
    ignored = {fold(h) for h in IGNORED_HEADERS}
    seen = [k for k in dict.fromkeys(k for r in records for k in r) if k != "__where__"]
    unknown = [h for h in seen if fold(h) not in table and fold(h) not in ignored]
    if unknown:
        accepted = "; ".join(f"{field}: " + " / ".join(aliases[:3]) for field, aliases in headers.items())
        raise fail(path, "cột không nhận ra: " + ", ".join(f"“{h}”" for h in unknown) + ".",
                   "tên cột gõ sai hoặc dùng mẫu tệp khác.", f"dùng tên cột được chấp nhận ({accepted}).")
    present = {table[fold(h)] for h in seen if fold(h) in table}
    missing = [f for f in required if f not in present]
    if missing and records:
        names = ", ".join(f"“{headers[f][1] if len(headers[f]) > 1 else f}” ({f})" for f in missing)
        raise fail(path, f"thiếu cột bắt buộc: {names}.", "dòng tiêu đề thiếu hoặc sai tên cột.",
                   "thêm các cột này vào dòng tiêu đề.")
    if not records:
        raise fail(path, "không có dòng dữ liệu nào.", None, "thêm ít nhất một dòng dữ liệu.")
    rows = []
    for record in records:
        values = {table[fold(k)]: v for k, v in record.items() if k != "__where__" and fold(k) in table}
        rows.append(Row(record["__where__"], values))
    return rows


# --- value parsers: return the value or add a problem and return None ---

def text(row: Row, field: str, problems: Problems, required: bool = False) -> str | None:
    value = row.values.get(field)
    value = "" if value is None else str(value).strip()
    if not value:
        if required:
            problems.add(row.where, field, "không được để trống.")
        return None
    return " ".join(value.split()) if field != "body" else value


def date(row: Row, field: str, problems: Problems, required: bool = False) -> dt.date | None:
    value = row.values.get(field)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = "" if value is None else str(value).strip()
    if not raw:
        if required:
            problems.add(row.where, field, "không được để trống.")
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    problems.add(row.where, field, f"ngày “{raw}” không hợp lệ (dùng dạng 30/11/2026 hoặc 2026-11-30).")
    return None


def choice(row: Row, field: str, table: dict[str, tuple[str, ...]], problems: Problems,
           default: str | None = None) -> str | None:
    raw = row.values.get(field)
    raw = "" if raw is None else str(raw).strip()
    if not raw:
        if default is None:
            problems.add(row.where, field, "không được để trống.")
        return default
    found = lookup(table).get(fold(raw))
    if found is None:
        allowed = ", ".join(f"{aliases[1]} ({key})" for key, aliases in table.items())
        problems.add(row.where, field, f"giá trị “{raw}” không hợp lệ; chọn một trong: {allowed}.")
    return found


def count(row: Row, field: str, problems: Problems, default: int) -> int:
    raw = row.values.get(field)
    if raw is None or str(raw).strip() == "":
        return default
    try:
        value = int(str(raw).strip())
    except ValueError:
        value = -1
    if not 1 <= value <= 50:
        problems.add(row.where, field, f"“{raw}” phải là số nguyên từ 1 đến 50.")
        return default
    return value
