"""Rules for quantities: dates, times, phone numbers, codes, money, measures, fractions, numbers.

Each rule is a regex plus a reader; :mod:`broadcaster.speech.normalize` tries them in order.
"""

from __future__ import annotations

import re

from broadcaster.vi.numbers import SCALES, read_digits, read_month, read_number, read_ordinal, roman_to_int
from broadcaster.vi.readings import Rule, alternation, read_amount, read_integer_token, spell
from broadcaster.vi.tables import tables

T = tables()
NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
START = r"(?<![\w.,$€£¥₹₫%°²³])"  # a number starts here (not inside a word or another number)
END = r"(?![\w]|[.,]\d)"  # and ends here
_CUR = alternation(T.currencies)
_UNIT = alternation(T.units)
_SPACED_UNIT = alternation(T.spaced_units)
_PER = alternation({*T.units, *T.per_units})
_CONTEXT = frozenset(T.words["date_context"])
_ADDRESS = frozenset(T.words["address_context"])
_KNOWN_DATES = frozenset(T.words["known_dates"])
_ID_CONTEXT = tuple(T.words["id_context"])
_SCALE = alternation(SCALES)  # between a number and its currency: "15 triệu đồng"
_LAST_WORD = re.compile(r"([^\W\d_]+(?: \d)?)[\s,(]*$")
_OVER = frozenset(T.words["over_fractions"])
_COUNTED = re.compile(r"\s(?:" + alternation(T.words["counted_nouns"]) + r")(?!\w)")
_SERVICE = alternation(T.words["service_context"])
_AND = r"(?:\s?/\s?|,\s?|\s(?:hoặc|và)\s)"
_EMERGENCY = r"11[1345](?:" + _AND + r"11[1345])*"
_STREET = frozenset({"đường", "phố"})
_CALLER = r"(?<![Kk]êu )(?<![Ll]ời )"  # "kêu gọi 115 hộ": a call to people, not a number
_DAY_HEADS = alternation(T.words["day_list_heads"])
_PLURAL = frozenset({"các", "những", "hai", "ba"})
_DAY_JOIN = r"(?:\s?,\s?(?:và\s|hoặc\s)?|\s(?:và|hoặc)\s)"
_SCORE = alternation(T.words["score_words"])
_RATIO = alternation(T.words["ratio_words"])
_COUNTED_SCORE = "(?:" + alternation(T.words["score_counted"]) + ")"
_AFTER_DATE = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{4})?\s?[-–]\s?$")


def _hms(h: str, m: str | None = None, s: str | None = None) -> str | None:
    hour, minute, second = int(h), int(m or 0), int(s or 0)
    if hour > 24 or minute > 59 or second > 59:
        return None
    words = [f"{read_number(hour)} giờ"]
    words += [f"{read_number(minute)} phút"] if minute else []
    words += [f"{read_number(second)} giây"] if second else []
    return " ".join(words)


def _date(day: str | None, month: str, year: str | None, head: str | None) -> str | None:
    d, mo = int(day or 1), int(month)
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    words = [f"{head or 'ngày'} {read_number(d)}"] if day else []
    words.append(f"{head or 'tháng'} {read_month(mo)}" if not day else f"tháng {read_month(mo)}")
    words += [f"năm {read_number(year)}"] if year else []
    return " ".join(words)


def _dmy(m: re.Match) -> str | None:
    return _date(m[2], m[4], m[5], m[1])


def _month_year(m: re.Match) -> str | None:
    return _date(None, m[2], m[3], m[1])


def _month(m: re.Match) -> str:
    return f"{m[1]} {read_month(int(m[2]))}" if 1 <= int(m[2]) <= 12 else f"{m[1]} {read_number(m[2])}"


def _last_word(m: re.Match) -> str:
    before = _LAST_WORD.search(m.string, max(0, m.start() - 20), m.start())
    return before[1].lower() if before else ""


def _fraction(m: re.Match) -> str | None:
    head, sign, whole, num, den = m.groups()
    padded = (len(num) == 2 and num[0] == "0") or (len(den) == 2 and den[0] == "0")
    if not (sign or whole or head) and _last_word(m) in _ADDRESS:
        return f"{read_number(num)} trên {read_number(den)}"
    key = f"{int(num)}/{int(den)}"
    if not (sign or whole or head) and key in _KNOWN_DATES and _last_word(m) in _STREET:
        return f"{read_number(num)} tháng {read_month(int(den))}"  # "đường 3/2": a street name
    if not (sign or whole or head) and (key in _OVER or _COUNTED.match(m.string, m.end())):
        return f"{read_number(num)} trên {read_number(den)}"
    dated = head or padded or key in _KNOWN_DATES or _last_word(m) in _CONTEXT
    if (
        not (sign or whole)
        and (dated or _date_like(m, int(num), int(den)))
        and (date := _date(num, den, None, head)) is not None
    ):
        return date
    if int(den) == 0:
        return None
    words = "tư" if int(den) == 4 else read_number(den)
    words = f"{read_number(num)} phần {words}"
    if whole:
        words = f"{read_number(whole)} và {words}"
    return f"{head} {words}" if head else ("âm " if sign else "") + words


def _date_like(m: re.Match, num: int, den: int) -> bool:
    """A bare 'd/m' in running text that can only be a date: right after a date and a dash
    ('10/5 - 20/5'), or an improper fraction ('dân tộc 18/11'; alone, '15/5' stays a fraction)."""
    if _AFTER_DATE.search(m.string, max(0, m.start() - 14), m.start()):
        return True
    return num > den and len(m.string.strip()) > len(m[0])


def _phone(m: re.Match) -> str | None:
    written = m[0]
    digits = re.sub(r"\D", "", written)
    if written.startswith("+"):
        if len(digits) not in (11, 12):
            return None
        return "cộng tám bốn, " + _phone_groups(digits[2:], written[3:])
    if len(digits) == 12 and digits == written:  # a 12-digit identity number (CCCD)
        return read_digits(digits)
    return _phone_groups(digits, written) if len(digits) in (10, 11) else None


def _phone_groups(digits: str, written: str) -> str:
    groups = re.split(r"[ .]", written.strip())
    if len(groups) == 1:  # solid: 4-3-3 or 4-3-4
        groups = [digits[:4], digits[4:7], digits[7:]]
    return ", ".join(read_digits(g) for g in groups if g)


def _money(m: re.Match) -> str:
    sign, amount, scale, currency, per = m.groups()
    spoken = f"{scale} {T.currencies[currency]}" if scale else T.currencies[currency]
    if currency in T.cents and "," in amount and not scale:
        whole, cents = amount.split(",", 1)
        cents_value = int((cents + "0")[:2])
        words = [f"{read_amount(whole, zero_hundreds=True)} {spoken}"] if int(whole.replace(".", "")) else []
        words += [f"{read_number(cents_value)} xu"] if cents_value else []
        text = " ".join(words) or f"không {spoken}"
    else:
        text = f"{read_amount(amount, zero_hundreds=True)} {spoken}"
    return ("âm " if sign else "") + text + _per(per)


def _per(unit: str | None) -> str:
    if not unit:
        return ""
    if unit.lower() in T.words["time_words"]:
        return " trên " + T.per_units.get(unit, unit)
    return " một " + T.units.get(unit, T.per_units.get(unit, unit))


def _prefixed_money(m: re.Match) -> str:
    return f"{read_amount(m[2], zero_hundreds=True)} {T.currencies[m[1]]}"


_LOWER = {"nghìn": "", "triệu": "nghìn", "tỷ": "triệu"}


def _shorthand(m: re.Match) -> str:
    """'10k', '1tr2' (1 200 000), '2t3' (2 300 000 000), optionally followed by a currency."""
    number, mark, tail, currency = m.groups()
    big = T.words["multipliers"][mark]
    words = f"{read_amount(number)} {big}"
    if tail:
        words += f" {read_number(int(tail.ljust(3, '0')))} {_LOWER[big]}".rstrip()
    return words + (f" {T.currencies[currency]}" if currency else "")


def _measure(m: re.Match) -> str:
    sign, amount, attached, spaced, per = m.groups()
    unit = attached or spaced
    if "/" in amount:
        num, den = amount.split("/")
        value = f"{read_number(num)} phần {'tư' if den == '4' else read_number(den)}"
    else:
        value = read_amount(amount)
    per_text = f" trên {T.units.get(per) or T.per_units[per]}" if per else ""
    return ("âm " if sign else "") + f"{value} {T.units[unit]}{per_text}"


def _number(m: re.Match) -> str:
    sign, integer, fraction = m.groups()
    if "." not in integer and not fraction:
        words = read_integer_token(integer)
        if len(integer) >= 6 and not sign and _identifier_context(m):
            words = read_digits(integer)
    else:
        words = read_amount(integer + ("," + fraction if fraction else ""))
    return ("âm " if sign else "") + words


def _identifier_context(m: re.Match) -> bool:
    before = m.string[max(0, m.start() - 30) : m.start()].lower().rstrip(" :.")
    return before.endswith(_ID_CONTEXT)


def _dotted(m: re.Match) -> str:
    return " chấm ".join(read_integer_token(p) for p in m[0].split("."))


def _day_range(m: re.Match) -> str | None:
    head, first, last, month, year = m.groups()
    if not 1 <= int(first) <= int(last) <= 31:
        return None
    rest = _date(last, month, year, None)
    return rest and f"{head or 'ngày'} {read_number(first)} đến {rest}"


def _road(m: re.Match) -> str:
    letter = f" {spell(m[3])}" if m[3] else ""
    name = T.words["roads"][m[1]]
    if name.startswith("đường ") and _last_word(m) == "đường":  # "Đường ĐT 723": say "đường" once
        name = name.removeprefix("đường ")
    return f"{name} {read_integer_token(m[2])}{letter}"


def _quarter(m: re.Match) -> str:
    value = int(m[2]) if m[2].isdigit() else roman_to_int(m[2])
    return f"{m[1]} {read_number(value if value is not None else m[2])} năm {read_number(m[3])}"


def _hotline(m: re.Match) -> str:
    return ", ".join(read_digits(g) for g in re.split(r"[ .]", m[0]))


def _emergency(m: re.Match) -> str:
    """'gọi 113/114/115', 'tổng đài 1022': each number digit by digit."""
    said = re.sub(r"\d+", lambda d: read_digits(d[0]), m[3])
    return m[1] + m[2] + re.sub(r"\s?/\s?", ", ", said)


def _day_list(m: re.Match) -> str | None:
    """'các ngày 3, 4, 5/1', 'ngày 5 và 6/12': every day with its month (and the year once, at the end)."""
    head, days, month, year = m.groups()
    numbers, joins = re.findall(r"\d+", days), re.findall(_DAY_JOIN, days)
    if not 1 <= int(month) <= 12 or any(not 1 <= int(d) <= 31 for d in numbers):
        return None
    plural = not _PLURAL.isdisjoint(head.lower().split())
    again = "" if plural else "ngày "
    words = [head if head.lower().endswith("ngày") else f"{head} ngày"]  # "chiều 5 và 6/12": "chiều ngày năm …"
    for i, day in enumerate(numbers):
        if i:
            join = joins[i - 1].strip().lstrip(",").strip()
            words.append(f", {again}" if not join else f" {join} {again}")
        else:
            words.append(" ")
        words.append(f"{read_number(day)} tháng {read_month(int(month))}")
    if year:
        words.append(f" năm {read_number(year)}")
    return "".join(words)


def _phone_area(m: re.Match) -> str | None:
    """'(0236) 3821 456': the area code, then the number in its written groups."""
    groups = [m[1], *re.split(r"[ .]", m[2])]
    if len("".join(groups)) not in (10, 11):
        return None
    return ", ".join(read_digits(g) for g in groups if g)


def _long_code(m: re.Match) -> str:
    """'1.000123.000.00.00.H56': every digit of every group; the suffix letters spelled, its number read."""
    groups = m[0].split(".")
    suffix = groups.pop() if m[1] else ""
    words = [read_digits(g) for g in groups]
    if suffix:
        parts = re.fullmatch(r"([A-Z]+)(\d+)", suffix)
        assert parts is not None  # the code pattern only matches such a suffix
        letters, number = parts.groups()
        words.append(f"{spell(letters)} {read_number(number)}")
    return " chấm ".join(words)


def _spoken_clock(m: re.Match) -> str | None:
    """'11 giờ 00' -> 'mười một giờ', '7 giờ 05' -> 'bảy giờ năm phút'."""
    return _hms(m[1], m[2] or m[3])


# How a rule above may begin at a lower-case letter (the single pass tries no rule at a lower-case
# word that none of these begins): its head words. Keep in step with the rules.
LOWER_LEADS = [r"(?i:ngày|tháng|quý|thứ|km|số)", _SERVICE, _DAY_HEADS, _SCORE, _RATIO]

RULES = [
    Rule("long_code", START + r"\d\.\d{6}(?:\.\d{2,3}){1,4}(\.[A-Z]{1,2}\d{1,3})?(?![\w.]|,\d)", _long_code),
    Rule("phone_area", r"\((0\d{2,3})\)[ \t]?(\d{3,4}[ .]?\d{3,4})" + END, _phone_area),
    Rule("quarter", r"(?i:(quý))\s+(I{1,3}|IV|[1-4])/(\d{4})(?!\d)", _quarter),
    Rule("date", r"(?:(?i:(ngày))\s+)?" + START + r"(\d{1,2})(?P<dsep>[/.-])(\d{1,2})(?P=dsep)(\d{4})(?![\w/])", _dmy),
    Rule("tthc", START + r"\d\.\d{6}(?![\w.]|,\d)", lambda m: f"{read_digits(m[0][0])} chấm {read_digits(m[0][2:])}"),
    Rule("phone", r"(?<![\w.,+])(?:\+84[ .]?|0)\d{2,3}(?:[ .]?\d){6,8}(?![\w]|[.,]\d)", _phone),
    Rule("hotline", START + r"1[89]00[ .]?\d{3,4}(?:[ .]\d{2,4})?" + END, _hotline),
    Rule("emergency", _CALLER + r"(?i:(số|" + _SERVICE + r"))(:?\s+)(" + _EMERGENCY + r")" + END, _emergency),
    Rule("emergency_list", r"()()(" + START + r"11[345](?:" + _AND + r"11[345])+)" + END, _emergency),
    Rule("call", _CALLER + r"(?i:(" + _SERVICE + r"))(:?\s+)(11\d)" + END, _emergency),
    Rule("service", _CALLER + r"(?i:(" + _SERVICE + r"))(:?\s+)(1\d{3})(?![ .]?\d)" + END, _emergency),
    Rule(
        "day_list",
        r"(?i:(" + _DAY_HEADS + r"))\s+(\d{1,2}(?:" + _DAY_JOIN + r"\d{1,2})+)/(\d{1,2})(?:/(\d{4}))?"
        r"(?![\w/]|[.,]\d)",
        _day_list,
    ),
    Rule(
        "score",
        r"(?i:(" + _SCORE + r"))(\s+)(\d{1,2})\s?[-–:]\s?(\d{1,2})(?![\w/:]|[.,]\d|\s+" + _COUNTED_SCORE + r"(?!\w))",
        lambda m: f"{m[1]}{m[2]}{read_number(m[3])} {read_number(m[4])}",
    ),
    Rule(
        "ratio",
        r"(?i:(" + _RATIO + r"))(\s+)(\d+)\s?:\s?(" + NUM + r")" + END,
        lambda m: f"{m[1]}{m[2]}{read_number(m[3])} trên {read_amount(m[4])}",
    ),
    Rule(
        "day_range",
        r"(?:(?i:(ngày))\s+)?" + START + r"(\d{1,2})\s?[-–]\s?(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\w/])",
        _day_range,
    ),
    Rule("month_year", r"(?:(?i:(tháng))\s+)?" + START + r"(\d{1,2})[/.-](\d{4})(?![\w/])", _month_year),
    Rule("month_space_year", r"(?i:(tháng))\s+(\d{1,2})\s+(\d{4})" + END, lambda m: _date(None, m[2], m[3], m[1])),
    Rule("clock", START + r"(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\w:]|[.,]\d)", lambda m: _hms(m[1], m[2], m[3])),
    Rule("spoken_clock", START + r"(\d{1,2})\s+giờ\s+(?:(\d{1,2})\s+phút|(\d{2}))" + END, _spoken_clock),
    Rule("month_t", r"(?<![\w])T\.?(\d{1,2})/(\d{4})(?![\w/])", lambda m: _date(None, m[1], m[2], None)),
    Rule(
        "chainage",
        r"(?<![\w])(?i:km)\s?(\d+)\+(\d{1,3})(?!\d)",
        lambda m: f"ki lô mét {read_number(m[1])} cộng {read_number(m[2])}",
    ),
    Rule(
        "dimensions",
        START + r"(\d+(?:,\d+)?)\s?[x×]\s?(\d+(?:,\d+)?)(?:\s?(" + _UNIT + r"))?(?![\w²³])",
        lambda m: f"{read_amount(m[1])} nhân {read_amount(m[2])}" + (f" {T.units[m[3]]}" if m[3] else ""),
    ),
    Rule("series", START + r"\d{1,2}(?:-\d{1,2}){2,}" + END, lambda m: ", ".join(map(read_number, m[0].split("-")))),
    Rule("hour", START + r"(\d{1,2})(?:h(\d{2})?|g(\d{2}))'?(?![\w])", lambda m: _hms(m[1], m[2] or m[3])),
    Rule(
        "min_sec",
        START + r"(\d+)p(?:(\d{1,2})s)?(?![\w])",
        lambda m: " ".join(
            [f"{read_number(m[1])} phút"] + ([f"{read_number(m[2])} giây"] if m[2] and int(m[2]) else [])
        ),
    ),
    Rule("seconds", START + r"(\d+)s(?![\w])", lambda m: f"{read_number(m[1])} giây"),
    Rule("shorthand_money", START + r"(\d+(?:,\d)?)(k|tr|t)(\d{1,3})?(?:\s?(" + _CUR + r"))?(?![\w])", _shorthand),
    Rule("prefixed_money", r"([$€£¥])\s?(" + NUM + r")" + END, _prefixed_money),
    Rule(
        "money",
        START + r"(-)?(" + NUM + r")\s?(?:(" + _SCALE + r")\s)?(" + _CUR + r")(?:/([^\W\d_]+[23²³]?))?(?![\w])",
        _money,
    ),
    Rule(
        "measure",
        START
        + r"(-)?("
        + NUM
        + r"|\d+\.\d{1,2}|\d+/\d+)(?:("
        + _UNIT
        + r")|\s("
        + _SPACED_UNIT
        + r"))(?:/("
        + _PER
        + r"))?(?![\w²³])",
        _measure,
    ),
    Rule(
        "fraction", r"(?:(?i:(ngày))\s+)?" + START + r"(-)?(?:(\d+)\s)?(\d{1,3})/(\d{1,3})(?![\w/]|[.,]\d)", _fraction
    ),
    Rule("ordinal", r"(?i:(thứ))\s+(\d+)" + END, lambda m: f"{m[1]} {read_ordinal(int(m[2]))}"),
    Rule("month", r"(?i:(tháng))\s+(\d{1,2})" + END, _month),
    Rule("number", START + r"(-)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?" + END, _number),
    Rule("height", START + r"(\d)m(\d{2})(?![\w])", lambda m: f"{read_number(m[1])} mét {read_number(m[2])}"),
    Rule("road", r"(?<![\w])(" + alternation(T.words["roads"]) + r")\.?\s?([1-9]\d{0,3})([A-Z])?(?![\w])", _road),
    Rule("dotted", START + r"\d+(?:\.\d+)+(?![\w]|[.,]\d)", _dotted),
]
