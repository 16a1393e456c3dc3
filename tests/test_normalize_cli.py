"""`broadcaster normalize` through click's CliRunner."""

from __future__ import annotations

import yaml

from broadcaster.vi.numbers import read_number


def test_texts_are_printed_one_per_line(cli):
    result = cli("normalize", "UBND xã", "lúc 7h30")
    assert result.stdout.splitlines() == ["ủy ban nhân dân xã", "lúc bảy giờ ba mươi phút"]


def test_stdin_gives_one_line_per_line_and_warnings_on_stderr(cli):
    result = cli("normalize", input="Họp # lúc 8h\n\nTTHC\n")
    assert result.stdout.splitlines() == ["Họp lúc tám giờ", "", "thủ tục hành chính"]
    assert "dòng 1, vị trí 4" in result.stderr and "ký hiệu không đọc được" in result.stderr


def test_lexicon_comes_from_config(cli, project):
    path = project / "config.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["lexicon"] = {"HTX": "hợp tác xã nông nghiệp"}
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    assert cli("normalize", "HTX").stdout.strip() == "hợp tác xã nông nghiệp"


def test_read_number_is_public():
    assert read_number(2026) == "hai nghìn hai mươi sáu"
    assert read_number("1.050.003", zero_hundreds=True) == "một triệu không trăm năm mươi nghìn không trăm linh ba"
