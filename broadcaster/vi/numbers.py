"""The Vietnamese number model, both directions: cardinals, digits, decimals, months, ordinals, Roman numerals.

One word table serves both: the readers say the first spelling of each word, the parser
(:func:`parse_number_words`, :func:`parse_number`) hears every spelling in it, so whatever
``read_number`` says parses back to the same value.

Conventions (those of the NeMo Vietnamese suite): 1 after a tens digit is "mốt", 4 is "tư",
5 is "lăm"; a units group below ten after a larger group takes "linh" ("một nghìn linh một");
"không trăm" is not said unless ``zero_hundreds=True`` (the invoice style "một triệu không trăm
năm mươi nghìn"), which the normalizer uses for sums of money.
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import takewhile

# ---- The word table ---------------------------------------------------------------------------
DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
DIGIT_SPELLINGS = {"bẩy": 7}  # heard, never said
AFTER_TENS = {1: "mốt", 4: "tư", 5: "lăm"}  # a units digit after "hai mươi" … "chín mươi"
AFTER_TEN = {5: "lăm"}  # a units digit after "mười" ("mười một", "mười bốn")
HEARD_AFTER_TEN = {"tư": 4, "nhăm": 5}  # "mười tư", "hai mươi nhăm": heard, never said
TEN, TENS, HUNDRED = "mười", "mươi", "trăm"
LINH = ("linh", "lẻ")  # a zero tens digit: "một trăm linh năm"
SCALES = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}  # first spelling is said
HALF = "rưỡi"  # half the scale before it: "một triệu rưỡi"
POINT = "phẩy"  # decimal comma; the fraction is read digit by digit
MINUS = "âm"
MONTH = "tháng"
MONTHS = {4: "tư"}  # month names that are not the cardinal ("tháng tư")
HEARD_MONTHS = {"giêng": 1, "chạp": 12}  # lunar names, heard after "tháng"
ORDINALS = {1: "nhất", 4: "tư"}  # after "thứ"
# ------------------------------------------------------------------------------------------------

_SAID_SCALES = tuple(sorted({v: w for w, v in reversed(SCALES.items())}.items(), reverse=True))
_BILLION = 10**9
_ROMAN = re.compile(r"M{0,4}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})", re.IGNORECASE)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _tens(n: int) -> str:
    """0 < n < 100."""
    if n < 10:
        return DIGITS[n]
    tens, unit = divmod(n, 10)
    head = TEN if tens == 1 else f"{DIGITS[tens]} {TENS}"
    if unit == 0:
        return head
    return f"{head} {(AFTER_TEN if tens == 1 else AFTER_TENS).get(unit, DIGITS[unit])}"


def _group(n: int, inner: bool, last: bool, zero_hundreds: bool) -> str:
    """Read 0 < n < 1000; ``inner`` when a larger group precedes, ``last`` for the units group."""
    hundreds, rest = divmod(n, 100)
    if hundreds or (inner and zero_hundreds):
        head = f"{DIGITS[hundreds]} {HUNDRED}"
        if rest == 0:
            return head
        return f"{head} {LINH[0]} {DIGITS[rest]}" if rest < 10 else f"{head} {_tens(rest)}"
    if inner and last and rest < 10:
        return f"{LINH[0]} {DIGITS[rest]}"
    return _tens(rest)


def _below_billion(n: int, inner: bool, zero_hundreds: bool) -> list[str]:
    words: list[str] = []
    for scale, name in (*_SAID_SCALES[1:], (1, "")):
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
        return f"{MINUS} " + read_number(-n, zero_hundreds=zero_hundreds)
    if n == 0:
        return DIGITS[0]
    return " ".join(_read_positive(n, False, zero_hundreds))


def _read_positive(n: int, inner: bool, zero_hundreds: bool) -> list[str]:
    high, low = divmod(n, _BILLION)
    words: list[str] = []
    if high:
        words += _read_positive(high, inner, zero_hundreds) + [_SAID_SCALES[0][1]]
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
    return f"{words} {POINT} {read_digits(fraction)}" if fraction else words


def read_month(month: int) -> str:
    """Month names are cardinals except 4 -> 'tư' ('tháng tư')."""
    return MONTHS.get(month) or read_number(month)


def read_ordinal(n: int) -> str:
    """The word after 'thứ': 1 -> 'nhất', 4 -> 'tư', otherwise the cardinal."""
    return ORDINALS.get(n) or read_number(n)


def roman_to_int(roman: str) -> int | None:
    """A canonical Roman numeral (any case) as an int, or None."""
    if not roman or not _ROMAN.fullmatch(roman):
        return None
    values = [_ROMAN_VALUES[c] for c in roman.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


# ---- Parsing: words -> value -------------------------------------------------------------------
_PLAIN = {w: d for d, w in enumerate(DIGITS)} | DIGIT_SPELLINGS  # the digit names
_NAMED = {w: d for w, d in _PLAIN.items() if d}
_FIVE = DIGITS[5]  # "năm" after tens is "year": "hai mươi năm" is twenty years, 25 is "hai mươi lăm"
_UNITS_AFTER = {  # the words a units digit may be after "X mươi", "mười" and "linh"
    "tens": {w: d for w, d in _NAMED.items() if w != _FIVE} | {w: d for d, w in AFTER_TENS.items()} | HEARD_AFTER_TEN,
    "ten": {w: d for w, d in _NAMED.items() if w != _FIVE} | {w: d for d, w in AFTER_TEN.items()} | HEARD_AFTER_TEN,
    "linh": _NAMED | {AFTER_TENS[4]: 4},  # "một trăm linh tư"
}
LEADING_WORDS = frozenset({*_PLAIN, TEN})  # the words a number can start with


class _Heard:
    """A number being heard word by word: the groups closed by a scale word, and the open group.

    ``phase`` is what the last word was: start, zero ("không" alone), digit, hundred, linh, ten
    ("mười"), tens ("X mươi"), unit (a units digit), scale, fraction or end.
    """

    def __init__(self) -> None:
        self.closed: list[tuple[Decimal, int]] = []  # (value, scale word), e.g. (2_000_000, 10**6)
        self.group: Decimal = Decimal(0)
        self.digit: int | None = None
        self.phase = "start"

    def value(self) -> Decimal:
        return sum((v for v, _ in self.closed), Decimal(0)) + self.group + (self.digit or 0)

    def take(self, word: str, following: list[str]) -> int:
        """Take ``word`` (and for a decimal comma, its digits); return how many words, 0 to stop."""
        phase, units = self.phase, _UNITS_AFTER.get(self.phase, {})
        if word in units:
            self.group, self.phase = self.group + units[word], "unit"
        elif word in _PLAIN:
            return int(self._digit(_PLAIN[word], following[0] if following else ""))
        elif word == TEN and phase in ("start", "hundred", "scale"):
            self.group, self.phase = self.group + 10, "ten"
        elif word == TENS and phase == "digit" and (self.digit or 0) >= 2:
            self.group, self.digit, self.phase = self.group + (self.digit or 0) * 10, None, "tens"
        elif word == HUNDRED and phase == "digit":
            self.group, self.digit, self.phase = Decimal((self.digit or 0) * 100), None, "hundred"
        elif word in LINH and phase in ("hundred", "scale"):
            self.phase = "linh"
        elif word in SCALES and phase in ("digit", "hundred", "ten", "tens", "unit", "scale", "fraction"):
            return int(self._scale(SCALES[word]))
        elif word == HALF and phase in ("hundred", "scale"):
            half = 100 if phase == "hundred" else self.closed[-1][1]
            self.group += Decimal(half) / 2
            self.phase = "unit" if phase == "hundred" else "end"  # "một trăm rưỡi nghìn": 150 000
        elif word == POINT and phase in ("zero", "digit", "hundred", "ten", "tens", "unit", "scale"):
            return self._fraction(following)
        else:
            return 0
        return 1

    def _digit(self, d: int, nxt: str) -> bool:
        if self.phase == "start" and d == 0 and nxt != HUNDRED:
            self.phase = "zero"
            return True
        # After a scale word or "trăm" a bare digit ends nothing: "một triệu hai" is 1.2 million in
        # speech, not 1 000 002 (which is read "một triệu linh hai").
        allowed = {"start": None, "scale": {HUNDRED, TENS, *SCALES}, "hundred": {TENS}}.get(self.phase, set())
        if allowed is not None and nxt not in allowed:
            return False
        if (nxt == TENS and d < 2) or (nxt != HUNDRED and d == 0):
            return False
        self.digit, self.phase = d, "digit"
        return True

    def _scale(self, scale: int) -> bool:
        last = self.closed[-1][1] if self.closed else None
        if last is not None and (scale == last or (self.phase == "scale" and scale < last)):
            return False  # "nghìn nghìn"; a scale after a scale only compounds upwards: "nghìn tỷ"
        amount = self.group + (self.digit or 0)
        while self.closed and self.closed[-1][1] < scale:  # "một nghìn tỷ", "hai nghìn năm trăm triệu"
            amount += self.closed.pop()[0]
        self.closed.append((amount * scale, scale))
        self.group, self.digit = Decimal(0), None
        self.phase = "end" if self.phase == "fraction" else "scale"
        return True

    def _fraction(self, following: list[str]) -> int:
        digits = "".join(str(_PLAIN[w]) for w in takewhile(_PLAIN.__contains__, following))
        if not digits:
            return 0
        self.group += (self.digit or 0) + Decimal(f"0.{digits}")
        self.digit, self.phase = None, "fraction"
        return 1 + len(digits)


def parse_number_words(words: list[str]) -> tuple[Decimal, int] | None:
    """Parse a leading run of lower-case number words; return (value, words used), or None.

    >>> parse_number_words("một nghìn linh năm hộ".split())
    (Decimal('1005'), 4)
    """
    if words and words[0] == MINUS:
        parsed = parse_number_words(words[1:])
        return (-parsed[0], parsed[1] + 1) if parsed else None
    heard, used = _Heard(), 0
    while used < len(words) and heard.phase != "end":
        taken = heard.take(words[used], words[used + 1 :])
        if not taken:
            break
        used += taken
    if heard.phase == "linh":  # "một nghìn linh" + something else: the "linh" is not ours
        used -= 1
    return (heard.value(), used) if used else None


def parse_number(words: str) -> Decimal | None:
    """The value of a whole string of number words ('một nghìn linh năm' -> 1005), else None."""
    split = words.lower().split()
    parsed = parse_number_words(split)
    return parsed[0] if parsed and parsed[1] == len(split) else None
