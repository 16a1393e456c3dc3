"""Tables as offices make them: CSV (Excel's Vietnamese ";" or ",", tabs) and XLSX workbooks.

The header row is the one among the first rows that names the most known columns, so a title and a
"Kèm theo Quyết định…" line above it are skipped; the delimiter is the one that splits that header into
known names (official names hold commas: "Phí, lệ phí"); the sheet is the one whose header matches.
Merged cells are copied to every cell they cover; a formula is read by the value Excel saved with it,
and a formula saved without one is named by its cell.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import warnings
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from broadcaster.intake.vocab import fold

HEADER_SEARCH_ROWS = 15
MIN_HEADER_SCORE = 2
DELIMITERS = {",": "dấu phẩy", ";": "dấu chấm phẩy", "\t": "dấu tab"}


@dataclasses.dataclass(frozen=True)
class Cell:
    """A spreadsheet cell whose formula was saved without its computed value."""

    ref: str  # "C5"
    formula: str  # "=F5"

    def __str__(self) -> str:
        return self.formula


def score(cells: Sequence[Any], known: Mapping[str, str]) -> int:
    """How many distinct known columns a row names (ignored ones such as STT do not count)."""
    return len({known[f] for f in (fold(c) for c in cells if isinstance(c, str) and c.strip()) if known.get(f)})


def header_row(rows: Sequence[Sequence[Any]], known: Mapping[str, str]) -> tuple[int, int]:
    """(index, score) of the row among the first non-empty ones that names the most known columns;
    (index of the first non-empty row, 0) when none names enough (its names are then reported)."""
    best, first, seen = (-1, 0), -1, 0
    for index, cells in enumerate(rows):
        if not any(_filled(c) for c in cells):
            continue
        first = index if first < 0 else first
        points = score(cells, known)
        if points > best[1]:
            best = (index, points)
        seen += 1
        if seen >= HEADER_SEARCH_ROWS:
            break
    return best if best[1] >= MIN_HEADER_SCORE else (first, 0)


def read_csv(path: Path, text: str, known: Mapping[str, str]) -> tuple[list[dict], tuple[str, ...]]:
    from broadcaster.intake.readers import fail

    delimiter, (index, _score) = _delimiter(text, known)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    records, header, lines = [], None, 0
    for number, cells in enumerate(reader):
        lines = reader.line_num
        if number < index or (header is None and not any(c.strip() for c in cells)):
            continue
        if header is None:
            header = [c.strip() for c in cells]
            header_line = reader.line_num
            continue
        if not any(c.strip() for c in cells):
            continue
        extra = [c for c in cells[len(header) :] if c.strip()]
        if extra:
            raise fail(
                path,
                f"dòng {reader.line_num} có {len(cells)} cột, nhiều hơn tiêu đề ({len(header)} cột).",
                f"có {DELIMITERS[delimiter]} trong nội dung mà không đặt trong ngoặc kép.",
                'đặt nội dung có dấu phân cách trong dấu ngoặc kép "…".',
            )
        record = {h: c for h, c in zip(header, cells) if h}
        record["__where__"] = f"dòng {reader.line_num}"
        records.append(record)
    if header is None or lines == 0:
        raise fail(path, "tệp trống.", None, "thêm dòng tiêu đề và ít nhất một dòng dữ liệu.")
    notes = []
    if delimiter != "," or header_line > 1:
        notes.append(f"cột phân cách bằng {DELIMITERS[delimiter]}, dòng tiêu đề là dòng {header_line}")
    return records, tuple(notes)


def _delimiter(text: str, known: Mapping[str, str]) -> tuple[str, tuple[int, int]]:
    """The delimiter whose split of the first rows names the most known columns (ties: the most columns)."""
    head = "\n".join(text.splitlines()[: HEADER_SEARCH_ROWS * 2])
    found = {}
    for delimiter in DELIMITERS:
        rows = list(csv.reader(io.StringIO(head), delimiter=delimiter))
        found[delimiter] = (header_row(rows, known), max((len(r) for r in rows), default=0))
    best = max(found, key=lambda d: (found[d][0][1], found[d][1] if found[d][0][1] else 0, d == ","))
    if found[best][0][1] == 0:  # no header recognised: the usual sniffing, so the names get reported
        try:
            best = csv.Sniffer().sniff(head[:4096], delimiters=",;\t").delimiter
        except csv.Error:
            best = ","
    return best, found[best][0]


def read_xlsx(
    path: Path, data: bytes, known: Mapping[str, str], sheet: str | None
) -> tuple[list[dict], tuple[str, ...]]:
    from openpyxl import load_workbook

    from broadcaster.intake.readers import fail

    try:
        with warnings.catch_warnings():  # openpyxl's notes on unsupported extensions, styles (English)
            warnings.simplefilter("ignore")
            values = load_workbook(io.BytesIO(data), data_only=True)
            formulas = load_workbook(io.BytesIO(data), data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as exc:
        raise fail(
            path,
            "không mở được tệp Excel.",
            "tệp hỏng hoặc không phải .xlsx (có thể là .xls cũ).",
            "mở bằng Excel/LibreOffice và lưu lại dạng .xlsx.",
        ) from exc
    names = values.sheetnames
    if sheet is not None:
        chosen = next((n for n in names if n == sheet), None) or next(
            (n for n in names if fold(n) == fold(sheet)), None
        )
        if chosen is None:
            raise fail(
                path,
                f"không có trang tính “{sheet}”.",
                None,
                f"các trang tính của tệp: {', '.join(names)}; ghi đúng tên sau --sheet.",
            )
    grids = {}
    for name in [chosen] if sheet is not None else names:
        grid = _grid(values[name], formulas[name])
        grids[name] = (grid, header_row(grid, known))
    if sheet is None:
        chosen = max(names, key=lambda n: grids[n][1][1])  # the first of the best
    grid, (index, _) = grids[chosen]
    if index < 0:
        raise fail(
            path,
            f"trang tính “{chosen}” trống.",
            None,
            "đặt bảng dữ liệu (dòng tiêu đề rồi các dòng dữ liệu) vào một trang tính.",
        )
    header = ["" if v is None else str(v).strip() for v in grid[index]]
    records = []
    for number, cells in enumerate(grid[index + 1 :], start=index + 2):
        if not any(_filled(c) for c in cells):
            continue
        record = {h: _value(v) for h, v in zip(header, cells) if h}
        record["__where__"] = f"dòng {number}"
        records.append(record)
    merged = [str(r) for r in values[chosen].merged_cells.ranges if r.min_row > index + 1]
    note = f"trang tính “{chosen}”, dòng tiêu đề là dòng {index + 1}"
    note += f"; ô gộp {', '.join(merged)} được chép vào từng dòng" if merged else ""
    return records, (note,)


def _grid(values, formulas) -> list[list[Any]]:
    """The sheet's cells; a merged range's value in every cell it covers; a formula saved without its
    value as a Cell."""
    grid = [list(row) for row in values.iter_rows(values_only=True)]
    for row in formulas.iter_rows():
        for cell in row:
            if cell.data_type == "f" and grid[cell.row - 1][cell.column - 1] is None:
                grid[cell.row - 1][cell.column - 1] = Cell(cell.coordinate, str(cell.value))
    for merged in values.merged_cells.ranges:
        top = grid[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                grid[r - 1][c - 1] = top
    return grid


def _value(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date()
    return value


def _filled(value: Any) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))
