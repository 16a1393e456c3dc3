"""Vietnamese number reading: cardinals, digits, decimals, months, ordinals, Roman numerals.

Conventions (those of the NeMo Vietnamese suite): 1 after a tens digit is "mốt", 4 is "tư",
5 is "lăm"; a units group below ten after a larger group takes "linh" ("một nghìn linh một");
"không trăm" is not said unless ``zero_hundreds=True`` (the invoice style "một triệu không trăm
năm mươi nghìn"), which the normalizer uses for sums of money.
"""

from __future__ import annotations

import re

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_ROMAN = re.compile(r"M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", re.IGNORECASE)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _tens(n: int) -> str:
    """0 < n < 100."""
    if n < 10:
        return DIGITS[n]
    tens, unit = divmod(n, 10)
    head = "mười" if tens == 1 else f"{DIGITS[tens]} mươi"
    if unit == 0:
        return head
    if unit == 5:
        return f"{head} lăm"
    if tens > 1 and unit == 1:
        return f"{head} mốt"
    if tens > 1 and unit == 4:
        return f"{head} tư"
    return f"{head} {DIGITS[unit]}"


def _group(n: int, inner: bool, last: bool, zero_hundreds: bool) -> str:
    """Read 0 < n < 1000; ``inner`` when a larger group precedes, ``last`` for the units group."""
    hundreds, rest = divmod(n, 100)
    if hundreds or (inner and zero_hundreds):
        head = f"{DIGITS[hundreds]} trăm"
        if rest == 0:
            return head
        return f"{head} linh {DIGITS[rest]}" if rest < 10 else f"{head} {_tens(rest)}"
    if inner and last and rest < 10:
        return f"linh {DIGITS[rest]}"
    return _tens(rest)


def _below_billion(n: int, inner: bool, zero_hundreds: bool) -> list[str]:
    words: list[str] = []
    for scale, name in ((1_000_000, "triệu"), (1_000, "nghìn"), (1, "")):
        part, n = divmod(n, scale)
        if part:
            words.append(_group(part, inner, scale == 1, zero_hundreds))
            if name:
                words.append(name)
            inner = True
    return words


def read_number(value: int | str, *, zero_hundreds: bool = False) -> str:
    """Read an integer (or a string of digits, maybe signed) in Vietnamese words.

    >>> read_number(2024)
    'hai nghìn hai mươi tư'
    >>> read_number(1050003, zero_hundreds=True)
    'một triệu không trăm năm mươi nghìn không trăm linh ba'
    """
    n = int(str(value).replace(".", "")) if not isinstance(value, int) else value
    if n < 0:
        return "âm " + read_number(-n, zero_hundreds=zero_hundreds)
    if n == 0:
        return DIGITS[0]
    return " ".join(_read_positive(n, False, zero_hundreds))


def _read_positive(n: int, inner: bool, zero_hundreds: bool) -> list[str]:
    high, low = divmod(n, 1_000_000_000)
    words: list[str] = []
    if high:
        words += _read_positive(high, inner, zero_hundreds) + ["tỷ"]
        inner = True
    if low:
        words += _below_billion(low, inner, zero_hundreds)
    return words


def read_digits(digits: str) -> str:
    """Read a string digit by digit: '0912' -> 'không chín một hai'. Non-digits are skipped."""
    return " ".join(DIGITS[int(c)] for c in digits if c.isdigit())


def read_decimal(integer: str, fraction: str = "", *, zero_hundreds: bool = False) -> str:
    """'12', '5' -> 'mười hai phẩy năm' (the fraction digit by digit, as the suite reads it)."""
    words = read_number(integer, zero_hundreds=zero_hundreds)
    return f"{words} phẩy {read_digits(fraction)}" if fraction else words


def read_month(month: int) -> str:
    """Month names are cardinals except 4 -> 'tư' ('tháng tư')."""
    return "tư" if month == 4 else read_number(month)


def read_ordinal(n: int) -> str:
    """The word after 'thứ': 1 -> 'nhất', 4 -> 'tư', otherwise the cardinal."""
    return {1: "nhất", 4: "tư"}.get(n) or read_number(n)


def roman_to_int(roman: str) -> int | None:
    """A canonical Roman numeral (any case) as an int, or None."""
    if not roman or not _ROMAN.fullmatch(roman):
        return None
    values = [_ROMAN_VALUES[c] for c in roman.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
