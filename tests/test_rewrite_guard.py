"""The fact guard and its parsers, table-driven."""

from __future__ import annotations

from decimal import Decimal

import pytest

from broadcaster.production.rewrite.facts import extract_facts, number_words_to_digits
from broadcaster.production.rewrite.guard import check_rewrite


@pytest.mark.parametrize(
    "text, expected",
    [
        ("lệ phí năm mươi nghìn đồng", "lệ phí 50000 đồng"),
        ("hai mươi lăm hộ", "25 hộ"),
        ("một trăm linh năm người", "105 người"),
        ("một nghìn linh năm hộ", "1005 hộ"),
        ("trong hai mươi năm qua", "trong 20 năm qua"),
        ("một triệu rưỡi đồng", "1500000 đồng"),
        ("một phẩy năm triệu đồng", "1500000 đồng"),
        ("hai triệu ba trăm nghìn đồng", "2300000 đồng"),
        ("ngày năm tháng mười hai năm hai nghìn không trăm hai mươi sáu", "ngày 5 tháng 12 năm 2026"),
        ("bảy giờ ba mươi phút", "7 giờ 30 phút"),
        ("trong năm ngày làm việc", "trong 5 ngày làm việc"),
        ("tháng Giêng", "tháng 1"),
        # not numbers
        ("thứ hai tuần sau", "thứ hai tuần sau"),
        ("xã Năm Căn", "xã Năm Căn"),
        ("một số hộ dân", "một số hộ dân"),
        ("không được đốt rơm", "không được đốt rơm"),
        ("năm 2026", "năm 2026"),
    ],
)
def test_number_words_to_digits(text, expected):
    assert number_words_to_digits(text) == expected


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("05/12", "date", (5, 12, None)),
        ("ngày 5 tháng 12", "date", (5, 12, None)),
        ("mùng năm tháng mười hai năm 2026", "date", (5, 12, 2026)),
        ("05.12.2026", "date", (5, 12, 2026)),
        ("tháng 12/2026", "month", (12, 2026)),
        ("7h30", "time", (7, 30)),
        ("07:30", "time", (7, 30)),
        ("7 giờ 30 phút", "time", (7, 30)),
        ("5 giờ chiều", "time", (17, 0)),
        ("năm giờ rưỡi chiều", "time", (17, 30)),
        ("8 giờ kém 15", "time", (7, 45)),
        ("50.000 đồng", "amount", (Decimal(50000),)),
        ("50 nghìn đồng", "amount", (Decimal(50000),)),
        ("50.000đ", "amount", (Decimal(50000),)),
        ("1,5 triệu đồng", "amount", (Decimal(1500000),)),
        ("1 triệu 500 nghìn đồng", "amount", (Decimal(1500000),)),
        ("0912.345.678", "phone", ("0912345678",)),
        ("+84 912 345 678", "phone", ("0912345678",)),
        ("(0236) 3822 123", "phone", ("02363822123",)),
        ("1.001193", "code", ("1.001193",)),
        ("49/2024/NĐ-CP", "doc", ("49/2024/NĐ-CP",)),
        ("1234/QĐ-UBND", "doc", ("1234/QĐ-UBND",)),
        ("05 ngày làm việc", "number", (Decimal(5),)),
        ("thôn Trung Sơn", "name", ("trung sơn",)),
    ],
)
def test_extract_one_fact(text, kind, value):
    _, facts = extract_facts(text)
    assert [(f.kind, f.value) for f in facts] == [(kind, value)]


SRC = (
    "UBND xã Hòa Phong thông báo: theo Nghị định 49/2024/NĐ-CP, kể từ ngày 15/12/2026 thủ tục "
    "1.001193 có lệ phí 50.000 đồng, thời hạn giải quyết 05 ngày làm việc. Tiếp dân lúc 7h30 sáng "
    "ngày 05/12 tại nhà văn hóa thôn Trung Sơn. Liên hệ 0912.345.678."
)


# Faithful rewrites keep every must-keep claim: the reception's time, date and place too.
@pytest.mark.parametrize(
    "rewrite",
    [
        (
            "Ủy ban nhân dân xã Hòa Phong thông báo. Từ ngày 15 tháng 12 năm 2026, thủ tục 1.001193 có lệ phí "
            "năm mươi nghìn đồng. Thời hạn giải quyết là năm ngày làm việc. Tiếp dân lúc 7 giờ 30 sáng ngày 5 tháng 12 "
            "tại nhà văn hóa thôn Trung Sơn."
        ),
        (
            "Kể từ 15 tháng 12 năm 2026, lệ phí là 50 nghìn đồng. Tiếp dân lúc 7 giờ 30 ngày 5 tháng 12 tại nhà văn "
            "hóa thôn Trung Sơn."
        ),
        (
            "Từ ngày 15/12, theo Nghị định 49 năm 2024 của Chính phủ, lệ phí 50.000đ. Tiếp dân 7h30 sáng 05/12 ở nhà "
            "văn hóa thôn Trung Sơn."
        ),
        (
            "Từ ngày 15/12/2026, lệ phí 50.000 đồng. Ngày 05/12, bà con đến nhà văn hóa thôn Trung Sơn lúc bảy giờ ba "
            "mươi sáng. Gọi 0912 345 678."
        ),
    ],
)
def test_faithful_rewrites_pass(rewrite):
    verdict = check_rewrite(SRC, rewrite, max_words=120)
    assert verdict.ok, verdict.reason
    assert verdict.reason == ""


@pytest.mark.parametrize(
    "rewrite, fragment",
    [
        ("Từ ngày 15/12/2026, lệ phí 60.000 đồng.", "số tiền “60.000 đồng”"),
        ("Từ ngày 15/12/2026, thời hạn 7 ngày làm việc.", "con số “7”"),
        ("Từ ngày 16 tháng 12 năm 2026, lệ phí 50.000 đồng.", "“ngày 16 tháng 12 năm 2026”"),
        ("Từ ngày 15/12/2027, lệ phí 50.000 đồng.", "“15/12/2027”"),
        ("Từ ngày 15/12/2026, tiếp dân lúc 8 giờ.", "giờ “8 giờ”"),
        ("Từ ngày 15/12/2026, tiếp dân lúc 7 giờ 30 tối.", "giờ “7 giờ 30”"),
        ("Từ ngày 15/12/2026, tiếp dân tại thôn Phước Thuận.", "tên riêng “Phước Thuận”"),
        ("Từ ngày 15/12/2026, mang theo giấy tờ đến Công an huyện Hòa Vang.", "“Hòa Vang”"),
        ("Từ ngày 15/12/2026, thủ tục 1.001194.", "mã thủ tục “1.001194”"),
        ("Từ ngày 15/12/2026, theo Nghị định 50/2024/NĐ-CP.", "số hiệu văn bản “50/2024/NĐ-CP”"),
        ("Từ ngày 15/12/2026, thủ tục được miễn phí.", "cụm từ “miễn phí”"),
        ("Từ ngày 15/12/2026, gọi 0912.345.679.", "số điện thoại “0912.345.679”"),
        ("Thủ tục 1.001193 có lệ phí 50.000 đồng.", "bỏ mất ngày hiệu lực hoặc thời hạn: ngày “15/12/2026”"),
        ("Từ ngày 15/12/2026. " + "Bà con lưu ý. " * 60, "vượt giới hạn 120 từ"),
        ("", "rỗng"),
    ],
)
def test_unfaithful_rewrites_are_rejected_with_reason(rewrite, fragment):
    verdict = check_rewrite(SRC, rewrite, max_words=120)
    assert not verdict.ok
    assert fragment in verdict.reason


@pytest.mark.parametrize("source", ["Toàn xã có 1005 hộ tham gia.", "Toàn xã có 1.005 hộ tham gia."])
@pytest.mark.parametrize(
    "rewrite",
    [
        "Toàn xã có một nghìn linh năm hộ tham gia.",
        "Toàn xã có một nghìn lẻ năm hộ tham gia.",
        "Toàn xã có một nghìn không trăm linh năm hộ tham gia.",
    ],
)
def test_a_number_read_out_in_words_is_the_same_number(source, rewrite):
    """Regression: "một nghìn linh năm" used to parse as "1000 linh 5", inventing 1000 and 5."""
    verdict = check_rewrite(source, rewrite)
    assert verdict.ok, verdict.reason


def test_a_different_number_in_words_is_still_invented():
    verdict = check_rewrite("Toàn xã có 1005 hộ tham gia.", "Toàn xã có một nghìn linh sáu hộ tham gia.")
    assert not verdict.ok
    assert "con số “1006”" in verdict.reason


def test_abbreviations_come_from_the_normalizer_table():
    source = "Ban chỉ huy quân sự xã và Hội Cựu chiến binh họp."
    assert check_rewrite(source, "BCHQS xã và HCCB họp.").ok
    assert check_rewrite("BCHQS xã và HCCB họp.", "Ban Chỉ huy Quân sự xã và Hội Cựu chiến binh họp.").ok
