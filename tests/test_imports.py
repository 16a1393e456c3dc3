"""Imports are all-or-nothing; every bad file gets one clear message naming file, row and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from broadcaster.production.build import sample_files
from broadcaster.store import db
from broadcaster.store.models import Announcement, TthcChange

TTHC_HEADER = "Mã TTHC,Tên thủ tục,Lĩnh vực,Loại thay đổi,Ngày hiệu lực,Quyết định công bố\n"


def count(settings, model) -> int:
    with db.session_scope(settings.database_url) as session:
        return session.scalar(select(func.count()).select_from(model))


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_sample_files_import_and_reimport_without_duplicates(cli, settings):
    announcements, tthc = sample_files()
    first = cli("announce", "import", str(announcements))
    assert "9 mới" in first.output
    again = cli("announce", "import", str(announcements))
    assert "0 mới, 0 cập nhật, 9 không đổi" in again.output
    cli("tthc", "import", str(tthc))
    cli("tthc", "import", str(tthc))
    assert count(settings, Announcement) == 9 and count(settings, TthcChange) == 7
    listing = cli("tthc", "list").output
    assert "1.001193" in listing and "bãi bỏ" in listing
    assert "Cảnh báo mưa lớn" in cli("announce", "list").output


def test_reimport_with_a_changed_body_updates_in_place(cli, settings, tmp_path):
    body = "Họp dân thôn 2 lúc 19h00 ngày 02/12/2026 tại nhà văn hóa thôn."
    path = write(tmp_path, "a.csv", f"tiêu đề,nội dung,từ ngày\nHọp thôn 2,{body},01/12/2026\n")
    cli("announce", "import", str(path))
    write(tmp_path, "a.csv", f"tiêu đề,nội dung,từ ngày\nHọp thôn 2,{body} Mời đủ các hộ.,01/12/2026\n")
    assert "0 mới, 1 cập nhật" in cli("announce", "import", str(path)).output
    assert count(settings, Announcement) == 1


def test_yaml_with_vietnamese_values(cli, tmp_path):
    path = write(
        tmp_path,
        "a.yaml",
        """
- tiêu đề: Lịch cắt điện
  nội dung: Điện lực thông báo cắt điện thôn 1 từ 7h00 đến 11h00 ngày 03/12/2026.
  chuyên mục: thông báo chung
  mức ưu tiên: ưu tiên
  từ ngày: 2026-12-01
  đến ngày: 03/12/2026
  số lần phát: 2
""",
    )
    cli("announce", "import", str(path))
    assert "ưu tiên" in cli("announce", "list").output


def test_tthc_xlsx_and_json(cli, settings, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Mã TTHC", "Tên thủ tục", "Lĩnh vực", "Loại thay đổi", "Ngày hiệu lực"])
    sheet.append([1, "1.001193", "Đăng ký khai sinh", "Hộ tịch", "Sửa đổi, bổ sung", "01/12/2026"])
    book.save(tmp_path / "tthc.xlsx")
    cli("tthc", "import", str(tmp_path / "tthc.xlsx"))
    items = [
        {
            "code": "2.000815",
            "name": "Chứng thực bản sao",
            "field": "Chứng thực",
            "change_type": "abolished",
            "effective_date": "2026-12-03",
        }
    ]
    write(tmp_path, "tthc.json", json.dumps({"tthc": items}, ensure_ascii=False))
    cli("tthc", "import", str(tmp_path / "tthc.json"))
    assert count(settings, TthcChange) == 2


BAD_FILES = [
    ("wrong headers", "a.csv", "tieu de sai,noi dung\nA,B\n", "announce", ["cột không nhận ra", "tieu de sai"]),
    (
        "missing header",
        "a.csv",
        "tiêu đề,nội dung\nHọp,Nội dung đủ dài ở đây\n",
        "announce",
        ["thiếu cột bắt buộc", "“từ ngày”"],
    ),
    (
        "bad date",
        "a.csv",
        "tiêu đề,nội dung,từ ngày\nHọp,Nội dung đủ dài ở đây,31/02/2026\n",
        "announce",
        ["dòng 2", "“từ ngày”", "31/02/2026"],
    ),
    (
        "empty body",
        "a.yaml",
        "- {title: Họp, body: '', valid_from: 2026-12-01}\n",
        "announce",
        ["mục 1", "body", "không được để trống"],
    ),
    (
        "end before start",
        "a.csv",
        "tiêu đề,nội dung,từ ngày,đến ngày\nHọp,Nội dung đủ dài ở đây,05/12/2026,01/12/2026\n",
        "announce",
        ["dòng 2", "“đến ngày”"],
    ),
    (
        "unknown priority",
        "a.csv",
        "tiêu đề,nội dung,từ ngày,ưu tiên\nHọp,Nội dung đủ dài ở đây,01/12/2026,gấp lắm\n",
        "announce",
        ["“ưu tiên”", "gấp lắm", "khẩn cấp"],
    ),
    (
        "unknown change type",
        "t.csv",
        TTHC_HEADER + "1.001193,Khai sinh,Hộ tịch,đổi mới,01/12/2026,1/QĐ\n",
        "tthc",
        ["dòng 2", "“Loại thay đổi”", "đổi mới"],
    ),
    (
        "duplicated code",
        "t.csv",
        TTHC_HEADER + "1.001193,Khai sinh,Hộ tịch,mới,01/12/2026,1/QĐ\n"
        "1.001193,Khai sinh,Hộ tịch,sửa đổi,02/12/2026,1/QĐ\n",
        "tthc",
        ["dòng 3", "“Mã TTHC”", "trùng với dòng 2"],
    ),
    ("bad code", "t.csv", TTHC_HEADER + "?,Khai sinh,Hộ tịch,mới,01/12/2026,1/QĐ\n", "tthc", ["“Mã TTHC”", "“?”"]),
    ("binary file", "t.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "tthc", ["t.csv", "nhị phân"]),
    (
        "legacy encoding",
        "a.csv",
        "tiêu đề,nội dung,từ ngày\n".encode() + b"H\xf2a Ph\xfa" + b",x,01/12/2026\n",
        "announce",
        ["UTF-8"],
    ),
    ("not xlsx", "t.xlsx", b"PK\x03\x04 this is not a workbook", "tthc", ["Excel"]),
    ("wrong format", "t.pdf", "%PDF-1.4", "tthc", [".pdf", ".csv"]),
    ("bad json", "t.json", "{not json", "tthc", ["JSON"]),
    ("yaml not a list", "a.yaml", "title: Họp\n", "announce", ["danh sách"]),
    ("empty file", "a.csv", "", "announce", ["tệp trống"]),
    ("missing file", None, None, "announce", ["không tìm thấy tệp"]),
]


@pytest.mark.parametrize("case, name, content, group, words", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_files_fail_cleanly_and_write_nothing(cli, settings, tmp_path, case, name, content, group, words):
    path = write(tmp_path, name, content) if name else tmp_path / "absent.csv"
    result = cli(group, "import", str(path), ok=False)
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert str(path) in result.output
    for word in words:
        assert word in result.output, result.output
    assert count(settings, Announcement) == 0 and count(settings, TthcChange) == 0


def test_one_bad_row_among_good_rows_writes_nothing(cli, settings, tmp_path):
    path = write(
        tmp_path,
        "t.csv",
        TTHC_HEADER + "1.001193,Khai sinh,Hộ tịch,mới,01/12/2026,1/QĐ\n1.001194,Kết hôn,Hộ tịch,mới,không rõ,1/QĐ\n",
    )
    result = cli("tthc", "import", str(path), ok=False)
    assert "dòng 3" in result.output and "“Ngày hiệu lực”" in result.output
    assert count(settings, TthcChange) == 0


def test_announce_add_validates_and_upserts(cli, settings):
    cli(
        "announce",
        "add",
        "--title",
        "Thu gom rác",
        "--body",
        "Xe thu gom rác đến thôn 4 sáng thứ Năm.",
        "--from",
        "02/12/2026",
        "--until",
        "04/12/2026",
        "--category",
        "chung",
        "--id",
        "rac-1",
    )
    cli(
        "announce",
        "add",
        "--title",
        "Thu gom rác",
        "--body",
        "Xe thu gom rác đến thôn 4 sáng thứ Sáu.",
        "--from",
        "02/12/2026",
        "--id",
        "rac-1",
    )
    assert count(settings, Announcement) == 1
    bad = cli("announce", "add", "--title", "X", "--body", "đủ ba từ", "--from", "hôm nay", ok=False)
    assert bad.exit_code != 0 and "“--from”" in bad.output
    assert count(settings, Announcement) == 1


def test_debug_shows_the_traceback(project, tmp_path):
    from click.testing import CliRunner

    from broadcaster.cli import main
    from broadcaster.errors import ImportDataError

    with pytest.raises(ImportDataError):
        CliRunner().invoke(
            main,
            ["--config", str(project / "config.yaml"), "--debug", "announce", "import", str(tmp_path / "absent.csv")],
            catch_exceptions=False,
        )


def test_a_tthc_field_of_blanks_is_refused_like_an_empty_one(cli, tmp_path):
    """Spaces and a zero-width space in "Lĩnh vực" used to reach the database (NOT NULL crash)."""
    path = tmp_path / "tthc.csv"
    path.write_text(
        "Mã TTHC,Tên thủ tục,Lĩnh vực,Loại thay đổi,Ngày hiệu lực\n"
        "1.001193,Đăng ký khai sinh,   \u200b ,mới ban hành,01/12/2026\n",
        encoding="utf-8",
    )
    result = cli("tthc", "import", str(path), ok=False)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "không được để trống" in result.output and "không nhập dòng nào" in result.output
