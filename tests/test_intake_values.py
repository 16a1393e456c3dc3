"""Every value is checked by type (JSON and YAML by a schema), control characters are refused, and
every problem is named by row and by the field's name as the file wrote it, in Vietnamese."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from broadcaster.store import db
from broadcaster.store.models import Announcement, TthcChange

GOOD = {
    "code": "1.001193",
    "name": "Đăng ký khai sinh",
    "field": "Hộ tịch",
    "change_type": "amended",
    "effective_date": "2026-12-01",
}


def count(settings, model) -> int:
    with db.session_scope(settings.database_url) as session:
        return session.scalar(select(func.count()).select_from(model))


def refused(cli, group: str, path: Path, *words: str) -> str:
    result = cli(group, "import", str(path), ok=False)
    assert result.exit_code == 2 and "Traceback" not in result.output
    for word in words:
        assert word in result.output, result.output
    return result.output


@pytest.mark.parametrize(
    "text, words",
    [
        (json.dumps([GOOD]).replace("}]", ', "fee": NaN}]'), ["mục 1", "trường “fee”", "NaN"]),
        (
            json.dumps([GOOD]).replace("}]", ', "processing_time": -Infinity}]'),
            ["mục 1", "trường “processing_time”", "Infinity"],
        ),
        (
            json.dumps([GOOD, {**GOOD, "code": "1.001194", "name": {"vi": "Kết hôn"}}]),
            ["mục 2", "trường “name”", "lồng nhau"],
        ),
        (json.dumps([{**GOOD, "details": ["a", "b"]}]), ["mục 1", "trường “details”", "lồng nhau"]),
        (json.dumps([{**GOOD, "code": 1.00119}]), ["mục 1", "trường “code”", "ngoặc kép"]),
        (json.dumps([{**GOOD, "effective_date": 20261201}]), ["mục 1", "trường “effective_date”"]),
        (json.dumps([{**GOOD, "fee": True}]), ["mục 1", "trường “fee”"]),
        ("[" * 10000 + "]" * 10000, ["lồng nhau quá sâu"]),
        ('{"tthc": ' * 3000 + "[]" + "}" * 3000, ["lồng nhau quá sâu"]),
    ],
)
def test_json_values_are_checked_by_type_row_and_field(cli, settings, tmp_path, text, words):
    path = tmp_path / "t.json"
    path.write_text(text, encoding="utf-8")
    refused(cli, "tthc", path, str(path), *words)
    assert count(settings, TthcChange) == 0


def test_yaml_values_are_checked_by_type_too(cli, settings, tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(
        "- {title: Họp thôn, body: {nội dung: Họp lúc 19h00}, valid_from: 01/12/2026}\n"
        "- {title: Họp thôn 2, body: Mời bà con họp lúc 19h00., valid_from: 01/12/2026, repeat: .nan}\n"
        "- {title: [Họp], body: Mời bà con họp lúc 19h00., valid_from: 01/12/2026}\n",
        encoding="utf-8",
    )
    refused(cli, "announce", path, "mục 1, trường “body”", "mục 2, trường “repeat”", "mục 3, trường “title”")
    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    refused(cli, "announce", deep, "lồng nhau quá sâu")
    assert count(settings, Announcement) == 0


@pytest.mark.parametrize("char, name", [("\x07", "U+0007"), ("\x1b[31m", "U+001B"), ("\u202e", "U+202E")])
def test_control_characters_are_refused_by_row_and_field(cli, settings, tmp_path, char, name):
    path = tmp_path / "a.csv"
    path.write_text(
        f"tiêu đề,nội dung,từ ngày\nHọp thôn,Mời bà con{char} họp lúc 19h00.,01/12/2026\n"
        f"Họp{char} thôn 2,Mời bà con họp lúc 19h00.,01/12/2026\n",
        encoding="utf-8",
    )
    out = refused(
        cli, "announce", path, "dòng 2, trường “nội dung”", "dòng 3, trường “tiêu đề”", name, "ký tự điều khiển"
    )
    assert char not in out
    bad = cli(
        "announce",
        "add",
        "--title",
        "Họp",
        "--body",
        f"Mời bà con{char} họp lúc 19h00.",
        "--from",
        "01/12/2026",
        ok=False,
    )
    assert bad.exit_code == 2 and "--body" in bad.output and char not in bad.output
    assert count(settings, Announcement) == 0


def test_field_names_are_the_files_own(cli, tmp_path):
    vietnamese = tmp_path / "a.csv"
    vietnamese.write_text(
        "Tiêu đề,Nội dung,Từ ngày,Đến ngày\nHọp,Mời bà con họp lúc 19h00.,31/02/2026,\n"
        "Họp 2,Mời bà con họp lúc 19h00.,01/12/2026,30/11/2026\n",
        encoding="utf-8",
    )
    out = refused(cli, "announce", vietnamese, "dòng 2, trường “Từ ngày”", "dòng 3, trường “Đến ngày”")
    assert "valid_from" not in out and "valid_until" not in out
    tthc = tmp_path / "t.csv"
    tthc.write_text(
        "Mã TTHC,Tên thủ tục,Lĩnh vực,Loại thay đổi,Ngày hiệu lực\n1.001193,Khai sinh,Hộ tịch,đổi mới,01/12/2026\n",
        encoding="utf-8",
    )
    out = refused(cli, "tthc", tthc, "dòng 2, trường “Loại thay đổi”", "“đổi mới”", "sửa đổi, bổ sung")
    assert "change_type" not in out and "(amended)" not in out
    missing = tmp_path / "m.csv"
    missing.write_text("Tiêu đề,Nội dung\nHọp,Mời bà con họp lúc 19h00.\n", encoding="utf-8")
    out = refused(cli, "announce", missing, "thiếu cột bắt buộc", "“từ ngày”")
    assert "valid_from" not in out
    english = tmp_path / "a.yaml"
    english.write_text("- {title: Họp, body: Mời bà con họp lúc 19h00., valid_from: 31/02/2026}\n", encoding="utf-8")
    refused(cli, "announce", english, "mục 1, trường “valid_from”")
    bad = cli("announce", "add", "--title", "Họp", "--body", "Mời bà con họp lúc 19h00.", "--from", "hôm qua", ok=False)
    assert "“--from”" in bad.output and "valid_from" not in bad.output


def test_lists_speak_vietnamese(cli, tmp_path):
    from broadcaster.production.build import sample_files

    announcements, tthc = sample_files()
    cli("announce", "import", str(announcements))
    cli("tthc", "import", str(tthc))
    listing = cli("announce", "list").output
    header = listing.splitlines()[0]
    for column in ("Số", "Từ ngày", "Đến ngày", "Ưu tiên", "Chuyên mục", "Số lần", "Tiêu đề"):
        assert column in header
    assert "khẩn cấp" in listing and "thời tiết" in listing and "chuyển đổi số" in listing
    for english in ("emergency", "weather", "normal", "priority ", "digital", "security", "insurance"):
        assert english not in listing
    tthc_listing = cli("tthc", "list").output
    for column in ("Mã TTHC", "Ngày hiệu lực", "Loại thay đổi", "Tên thủ tục"):
        assert column in tthc_listing.splitlines()[0]
    assert "sửa đổi, bổ sung" in tthc_listing and "amended" not in tthc_listing
