"""Government spreadsheets as they really come: a title above the header, merged cells, the data on
another sheet, formulas, Excel's Vietnamese CSV (";" and commas inside header names), UTF-16, old
Vietnamese encodings named as such, and a missing optional detail that is a warning, not a refusal."""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from broadcaster.store import db
from broadcaster.store.models import TthcChange

HEADER = ["STT", "Mã TTHC", "Tên thủ tục", "Lĩnh vực", "Loại thay đổi", "Ngày hiệu lực", "Phí, lệ phí"]
ROWS = [
    [1, "1.001193", "Đăng ký khai sinh", "Hộ tịch", "Sửa đổi, bổ sung", "01/12/2026", "Miễn lệ phí"],
    [2, "1.001022", "Đăng ký kết hôn", "Hộ tịch", "Sửa đổi, bổ sung", "01/12/2026", "Miễn lệ phí"],
    [
        3,
        "1.004873",
        "Cấp giấy xác nhận tình trạng hôn nhân",
        "Hộ tịch",
        "Sửa đổi, bổ sung",
        "01/12/2026",
        "15.000 đồng",
    ],
]
TITLE = "DANH MỤC THỦ TỤC HÀNH CHÍNH SỬA ĐỔI, BỔ SUNG THUỘC THẨM QUYỀN GIẢI QUYẾT CỦA UBND CẤP XÃ"
ANNEX = "(Kèm theo Quyết định số 2345/QĐ-UBND ngày 20/11/2026 của Chủ tịch UBND tỉnh)"


def stored(settings) -> list[tuple]:
    with db.session_scope(settings.database_url) as session:
        return [
            (t.code, t.name, t.field, t.change_type, f"{t.effective_date:%d/%m/%Y}", t.fee)
            for t in session.scalars(select(TthcChange).order_by(TthcChange.code))
        ]


EXPECTED = [
    ("1.001022", "Đăng ký kết hôn", "Hộ tịch", "amended", "01/12/2026", "Miễn lệ phí"),
    ("1.001193", "Đăng ký khai sinh", "Hộ tịch", "amended", "01/12/2026", "Miễn lệ phí"),
    ("1.004873", "Cấp giấy xác nhận tình trạng hôn nhân", "Hộ tịch", "amended", "01/12/2026", "15.000 đồng"),
]


def annex_workbook(path: Path, formulas: dict[str, str] | None = None, guide_first: bool = True) -> Path:
    """The province's annex: a guide sheet first, then the table under a title and an annex line, with
    "Lĩnh vực" merged down over the three rows."""
    book = Workbook()
    if guide_first:
        guide = book.active
        guide.title = "Hướng dẫn"
        guide.append(["Điền mỗi thủ tục một dòng; không sửa dòng tiêu đề."])
        sheet = book.create_sheet("Phụ lục")
    else:
        sheet = book.active
        sheet.title = "Phụ lục"
    sheet.append([TITLE])
    sheet.merge_cells("A1:G1")
    sheet.append([ANNEX])
    sheet.append([])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    sheet.merge_cells("D5:D7")
    for cell, formula in (formulas or {}).items():
        sheet[cell] = formula
    book.save(path)
    return path


def with_cached_values(path: Path, sheet: int, values: dict[str, str]) -> Path:
    """What Excel saves: each formula cell also holds the value it last computed."""
    name = f"xl/worksheets/sheet{sheet}.xml"
    with zipfile.ZipFile(path) as source:
        parts = {item: source.read(item) for item in source.namelist()}
    xml = parts[name].decode()
    for cell, value in values.items():
        xml = re.sub(
            rf'<c r="{cell}"([^>]*)><f>(.*?)</f><v\s*/>', rf'<c r="{cell}"\1 t="str"><f>\2</f><v>{value}</v>', xml
        )
    parts[name] = xml.encode()
    with zipfile.ZipFile(path, "w") as target:
        for item, data in parts.items():
            target.writestr(item, data)
    return path


def test_an_annex_workbook_as_the_province_sends_it(cli, settings, tmp_path):
    path = annex_workbook(tmp_path / "phu-luc.xlsx")
    out = cli("tthc", "import", str(path)).output
    assert "3 mới" in out and "trang tính “Phụ lục”" in out and "dòng 4" in out
    assert stored(settings) == EXPECTED


def test_the_sheet_can_be_named_and_a_wrong_name_lists_the_sheets(cli, settings, tmp_path):
    path = annex_workbook(tmp_path / "phu-luc.xlsx")
    cli("tthc", "import", str(path), "--sheet", "Phụ lục")
    assert len(stored(settings)) == 3
    wrong = cli("tthc", "import", str(path), "--sheet", "Sheet9", ok=False)
    assert wrong.exit_code == 2 and "“Sheet9”" in wrong.output and "Hướng dẫn, Phụ lục" in wrong.output


def test_formulas_are_read_by_their_cached_value_and_a_formula_without_one_is_named(cli, settings, tmp_path):
    path = annex_workbook(tmp_path / "a.xlsx", {"C5": '="Đăng ký "&"khai sinh"', "F6": "=F5"}, guide_first=False)
    missing = cli("tthc", "import", str(path), ok=False)
    assert missing.exit_code == 2 and "ô C5" in missing.output and "công thức" in missing.output
    assert "ô F6" in missing.output and "lưu lại" in missing.output
    with_cached_values(path, 1, {"C5": "Đăng ký khai sinh", "F6": "01/12/2026"})
    cli("tthc", "import", str(path))
    assert stored(settings) == EXPECTED


def csv_text(delimiter: str, title: bool = True) -> str:
    lines = [delimiter.join([TITLE] + [""] * 6), delimiter.join([ANNEX] + [""] * 6)] if title else []
    lines.append(delimiter.join(HEADER))
    lines += [delimiter.join(str(v) for v in row) for row in ROWS]
    return "\r\n".join(lines) + "\r\n"


def test_excel_csv_with_vietnamese_regional_settings(cli, settings, tmp_path):
    """Semicolons, "Phí, lệ phí" and "Sửa đổi, bổ sung" unquoted, a title row with a comma, a BOM."""
    path = tmp_path / "tthc.csv"
    path.write_bytes(csv_text(";").encode("utf-8-sig"))
    cli("tthc", "import", str(path))
    assert stored(settings) == EXPECTED


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8"])
def test_tab_separated_text_in_utf16_or_utf8(cli, settings, tmp_path, encoding):
    """Excel's "Unicode Text" is UTF-16 with tabs; without a BOM it is still recognised."""
    path = tmp_path / "tthc.csv"
    path.write_bytes(csv_text("\t", title=False).encode(encoding))
    cli("tthc", "import", str(path))
    assert stored(settings) == EXPECTED


def cp1258(text: str) -> bytes:
    """Windows-1258 as Excel writes it: base letters precomposed where the code page has them, tone marks
    as combining characters."""
    out = b""
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out += base.encode("cp1258") + tones.encode("cp1258")
    return out


# TCVN 5712:1993 (VN3, the "ABC" fonts .VnTime): lower-case letters.
TCVN3 = dict(
    zip(
        "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ",
        bytes.fromhex(
            "b5b6b7b8b9a8bbbcbdbec6a9c7c8c9cacbaecccecfd0d1aad2d3d4d5d6d7d8dcdddedfe1e2e3e4"
            "abe5e6e7e8e9aceaebecedeeeff1f2f3f4adf5f6f7f8f9fafbfcfdfe"
        ),
    )
)


def tcvn3(text: str) -> bytes:
    return bytes(TCVN3.get(c) or ord(c) for c in text.lower())


@pytest.mark.parametrize("encode, name", [(cp1258, "Windows-1258"), (tcvn3, "TCVN3")])
def test_an_old_vietnamese_encoding_is_named_with_how_to_resave(cli, settings, tmp_path, encode, name):
    path = tmp_path / "tthc.csv"
    path.write_bytes(
        encode(
            "Mã TTHC,Tên thủ tục,Lĩnh vực,Loại thay đổi,Ngày hiệu lực\n"
            "1.001193,Đăng ký khai sinh,Hộ tịch,sửa đổi,01/12/2026\n"
        )
    )
    result = cli("tthc", "import", str(path), ok=False)
    assert result.exit_code == 2 and name in result.output and "UTF-8" in result.output
    assert "nhị phân" not in result.output
    assert stored(settings) == []


def test_a_replaced_procedure_without_the_old_name_is_a_warning(cli, settings, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(
        "Mã TTHC,Tên thủ tục,Lĩnh vực,Loại thay đổi,Ngày hiệu lực\n"
        "1.004873,Cấp giấy xác nhận tình trạng hôn nhân,Hộ tịch,thay thế,01/12/2026\n",
        encoding="utf-8",
    )
    result = cli("tthc", "import", str(path))
    assert "1 mới" in result.output
    assert "Cảnh báo" in result.output and "dòng 2" in result.output and "“Thay thế cho”" in result.output
    assert len(stored(settings)) == 1
