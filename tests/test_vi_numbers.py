"""The one Vietnamese number model, both directions: words <-> values.

The tables hold values written by hand; the properties check that every number the normalizer
reads parses back to itself.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from broadcaster.vi.number_runs import words_to_digits
from broadcaster.vi.numbers import parse_number, parse_number_words, read_number
from broadcaster.vi.readings import read_amount

PROPERTY = settings(max_examples=300, deadline=None)


@pytest.mark.parametrize(
    "n, words",
    [
        (0, "không"),
        (104, "một trăm linh bốn"),
        (1005, "một nghìn linh năm"),
        (1015, "một nghìn mười lăm"),
        (2021, "hai nghìn hai mươi mốt"),
        (10_005, "mười nghìn linh năm"),
        (105_000, "một trăm linh năm nghìn"),
        (1_000_001, "một triệu linh một"),
    ],
)
def test_read_tricky_numbers(n, words):
    assert read_number(n) == words


@pytest.mark.parametrize(
    "words, value",
    [
        ("một nghìn linh năm", 1005),
        ("một nghìn không trăm linh năm", 1005),
        ("một nghìn lẻ năm", 1005),
        ("một nghìn mười lăm", 1015),
        ("một nghìn không trăm mười lăm", 1015),
        ("hai nghìn hai mươi mốt", 2021),
        ("hai nghìn không trăm hai mươi mốt", 2021),
        ("mười nghìn linh năm", 10_005),
        ("mười nghìn không trăm linh năm", 10_005),
        ("một triệu linh một", 1_000_001),
        ("một triệu không trăm linh một", 1_000_001),
        ("một trăm linh năm nghìn", 105_000),
        ("hai mươi mốt", 21),
        ("hai mươi một", 21),
        ("một trăm linh tư", 104),
        ("một trăm lẻ bốn", 104),
        ("mười lăm", 15),
        ("mười bốn", 14),
        ("chín mươi tư", 94),
        ("bẩy trăm", 700),
        ("một triệu rưỡi", 1_500_000),
        ("hai nghìn rưỡi", 2500),
        ("hai trăm rưỡi", 250),
        ("một triệu không trăm năm mươi nghìn", 1_050_000),
        ("hai ngàn", 2000),
        ("ba tỉ", 3_000_000_000),
        ("một nghìn tỷ", 1_000_000_000_000),
        ("không", 0),
        ("không phẩy năm", Decimal("0.5")),
        ("ba phẩy không năm", Decimal("3.05")),
        ("mười hai phẩy năm", Decimal("12.5")),
        ("một phẩy năm triệu", 1_500_000),
        ("âm hai phẩy năm", Decimal("-2.5")),
    ],
)
def test_parse_tricky_numbers(words, value):
    assert parse_number(words) == value


@pytest.mark.parametrize(
    "words, parsed",
    [
        ("hai mươi năm qua", (20, 2)),  # "twenty years": five after tens is "lăm"
        ("một triệu hai", (1_000_000, 2)),  # "1.2 million" in speech, not 1 000 002
        ("một nghìn linh", (1000, 2)),  # "linh" needs a digit
        ("năm giờ rưỡi", (5, 1)),
        ("hai mươi ba trăm", (23, 3)),
        ("không được", (0, 1)),
        ("được", None),
    ],
)
def test_parse_stops_where_the_number_ends(words, parsed):
    assert parse_number_words(words.split()) == parsed


@pytest.mark.parametrize("words", ["một số", "hai mươi năm", "linh năm", "mươi", "một nghìn nghìn"])
def test_not_a_number(words):
    assert parse_number(words) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("một nghìn linh năm hộ", "1005 hộ"),
        ("tháng tư và tháng Giêng", "tháng 4 và tháng 1"),
        ("xã Năm Căn", "xã Năm Căn"),
        ("không phẩy năm phần trăm", "0,5 phần trăm"),
        ("không hộ nào", "không hộ nào"),
    ],
)
def test_words_to_digits(text, expected):
    assert words_to_digits(text) == expected


@given(st.integers(min_value=0, max_value=10**12))
@example(0)
@example(10**12)
@example(1005)
@example(1_000_001)
@example(1_000_000_005)
@PROPERTY
def test_every_integer_reads_and_parses_back(n):
    assert parse_number(read_number(n)) == n
    assert parse_number(read_number(n, zero_hundreds=True)) == n


def _written(integer: int, fraction: str, negative: bool) -> str:
    """12345, '05' -> '12.345,05' (the Vietnamese way: dots group thousands, comma decimals)."""
    grouped = f"{integer:,}".replace(",", ".")
    return ("-" if negative else "") + grouped + ("," + fraction if fraction else "")


@given(
    st.integers(min_value=0, max_value=10**12),
    st.text("0123456789", min_size=1, max_size=4),
    st.booleans(),
    st.booleans(),
)
@example(12, "5", False, False)
@example(0, "05", False, False)
@example(1_050_000, "5", False, True)
@PROPERTY
def test_every_decimal_reads_and_parses_back(integer, fraction, negative, zero_hundreds):
    written = _written(integer, fraction, negative)
    value = Decimal(written.replace(".", "").replace(",", "."))
    assert parse_number(read_amount(written, zero_hundreds=zero_hundreds)) == value
