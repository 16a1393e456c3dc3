"""Facts a listener acts on, parsed from written Vietnamese into canonical values.

Kinds and values: date (day, month, year|None), month (month, year|None), day (day,), time (hour, minute),
amount (Decimal đồng), number (Decimal), phone (digits), code (TTHC "1.001193"),
doc ("49/2024/NĐ-CP"), free (miễn phí), name (casefolded place or organisation; a sentence-initial
name also carries its reading without the first word).
The text is prepared first (reading.prepare: abbreviations written out, number words as digits), so
"ngày 5 tháng 12" and "05/12" give the same fact. A clock time takes its day part from the word after
it or, failing that, from a day part earlier in its sentence ("chiều thứ Bảy, lúc 2 giờ" is 14:00); a
range shares its end's month and year ("từ ngày 01 đến ngày 10/12/2026").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from broadcaster.production.rewrite.lexicon import (
    COMMON_CAPITALISED,
    DAY_PERIODS,
    FREE_PATTERNS,
    NOT_DAY_PART_AFTER,
    PLACE_TRIGGERS,
)
from broadcaster.production.rewrite.reading import number_words_to_digits, prepare
from broadcaster.vi.numbers import HALF, HUNDRED, SCALES

__all__ = ["Fact", "extract_facts", "facts_of", "normalize", "number_words_to_digits", "to_decimal"]


@dataclass(frozen=True)
class Fact:
    kind: str
    value: tuple
    surface: str  # as written in the text, for the officer
    start: int = 0  # offset in the normalized text


_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_MULT = "|".join([*SCALES, HUNDRED])
_HALF = rf"\s+{HALF}"
_L = r"(?<![\w.,/:+])"  # a fact starts at a word boundary that is not inside another number
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("phone", re.compile(_L + r"(?:\+84|\(?0)(?:[\s.\-()]{0,2}\d){9,10}(?!\w)")),
    ("phone", re.compile(_L + r"1[89]00[\s.]?\d{2,4}[\s.]?\d{0,4}(?!\w)")),
    ("doc", re.compile(_L + r"(\d{1,5})(?:/(\d{4}))?/([A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*)(?![\w/])")),
    ("code", re.compile(_L + r"\d\.\d{6}(?:\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})?(?![\w]|[.,]\d)")),
    (
        "date",
        re.compile(
            r"(?:(?:ngày|mùng|mồng)\s+)+(\d{1,2})\s+tháng\s+(\d{1,2})"
            r"(?:\s*(?:,\s*)?(?:năm\s+|/)(\d{4}))?",
            re.IGNORECASE,
        ),
    ),
    ("date", re.compile(_L + r"(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*)?năm\s+(\d{4})", re.IGNORECASE)),
    ("date", re.compile(_L + r"(\d{1,2})([/\-])(\d{1,2})(?:\2(\d{4}))?(?![\w/]|[.,]\d)")),
    ("date", re.compile(_L + r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\w]|[.,]\d)")),
    ("month", re.compile(r"tháng\s+(\d{1,2})(?:\s*(?:/|năm\s+)(\d{4}))?(?![\w/]|[.,]\d)", re.IGNORECASE)),
    (
        "day",  # not "mỗi ngày 2 ca", "ngày 2 lần"
        re.compile(
            r"(?<!mỗi )(?<!hằng )(?<!một )(?:(?:ngày|mùng|mồng)\s+)+(\d{1,2})(?![\w/\-]|[.,]\d)"
            r"(?!\s+(?:ca|lần|buổi|bữa|đợt|suất|liều|viên|chuyến|tiếng)\b)",
            re.IGNORECASE,
        ),
    ),
    ("time", re.compile(_L + r"(\d{1,2})\s?[hg:](\d{2})(?!\d)(?:\s*(?:phút|p))?", re.IGNORECASE)),
    (
        "time",  # "từ 7 rưỡi đến 11 giờ", "lúc 1 rưỡi chiều"
        re.compile(
            r"(?:(?<=từ )|(?<=lúc )|(?<=đến )|(?<=tới ))(\d{1,2})()\s+(rưỡi)(?!\s*(?:triệu|nghìn|ngàn|tỷ|trăm))"
        ),
    ),
    (
        "time",
        re.compile(
            _L + r"(\d{1,2})\s*(?:giờ|h|g)(?:\s+(\d{1,2})(?:\s*phút)?|\s+(rưỡi)|\s+kém\s+(\d{1,2})"
            r"(?:\s*phút)?)?(?!\w)",
            re.IGNORECASE,
        ),
    ),
    (
        "amount",
        re.compile(
            _L + rf"((?:{_NUM})(?:\s*(?:{_MULT}))*(?:\s+(?:{_NUM})\s*(?:{_MULT})+)*(?:{_HALF})?)"
            r"\s*(đồng|vnđ|vnd|đ)(?!\w)",
            re.IGNORECASE,
        ),
    ),
    (
        "amount",
        re.compile(
            _L + rf"((?:{_NUM})\s*(?:{_MULT})(?:\s*(?:{_MULT}))*(?:\s+(?:{_NUM})\s*(?:{_MULT})+)*"
            rf"(?:{_HALF})?)(?!\w)",
            re.IGNORECASE,
        ),
    ),
    ("number", re.compile(_L + rf"({_NUM})(?![\w]|[.,]\d)")),
]
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_FREE = re.compile("|".join(f"(?:{p})" for p in FREE_PATTERNS))
_WEEKDAY = re.compile(r"\bthứ\s+[^\W\d_]+|\bchủ\s+nhật\b", re.IGNORECASE)


def normalize(text: str) -> str:
    """NFC, plain spaces, abbreviations written out, number words as digits (see reading.prepare)."""
    return prepare(text)


def to_decimal(written: str) -> Decimal | None:
    """'50.000' → 50000, '1,5' → 1.5, '05' → 5 (Vietnamese: dot groups thousands, comma decimals)."""
    try:
        return Decimal(written.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def _amount_value(expr: str) -> Decimal | None:
    total, current, last_mult = Decimal(0), None, 0
    for tok in re.findall(rf"{_NUM}|{_MULT}|{HALF}", expr, re.IGNORECASE):
        low = tok.lower()
        if low == HALF:
            total += Decimal(last_mult or 1) / 2
        elif low in SCALES or low == HUNDRED:
            mult = SCALES.get(low, 100)
            if current is None:
                total *= mult
            else:
                total += current * mult
            current, last_mult = None, mult
        else:
            if current is not None:
                total += current
            current = to_decimal(tok)
    return total + (current or 0)


_DAY_PART = re.compile(r"(?<![\w])(sáng|trưa|chiều|tối|đêm)(?!\w)", re.IGNORECASE)
_TIME_BEFORE = re.compile(r"(?:\d|giờ|phút|rưỡi|h)\s*$", re.IGNORECASE)


def _time_period(text: str, start: int, end: int) -> str:
    """The day part of a clock time: the word just after it ("7 giờ 30 tối"), else the last day part
    before it in its sentence that is not itself after a time ("chiều thứ Bảy, lúc 2 giờ": 14:00)."""
    follow = re.findall(r"[^\W\d_]+", re.split(r"[,.;:!?()\n]", text[end : end + 14].lower())[0])
    follow = follow[1:] if follow[:1] == ["buổi"] else follow
    after = follow[0] if follow and follow[0] in DAY_PERIODS else ""
    if after:
        return after
    sentence = max(
        text.rfind(".", 0, start),
        text.rfind("!", 0, start),
        text.rfind("?", 0, start),
        text.rfind(";", 0, start),
        text.rfind("\n", 0, start),
        start - 90,
    )
    while sentence > 0 and text[sentence - 1 : sentence].isdigit() and text[sentence] == ".":
        sentence = max(text.rfind(".", 0, sentence), start - 90)
    found = ""
    for m in _DAY_PART.finditer(text, max(sentence, 0), start):
        before = text[max(0, m.start() - 12) : m.start()]
        prev = re.findall(r"[^\W\d_]+", before.lower())
        if (
            _TIME_BEFORE.search(before)
            or (prev and prev[-1] in NOT_DAY_PART_AFTER)
            or re.match(r"\s+(?:đa|thiểu|kiến|tạo|cao|dài|rộng)\b", text[m.end() : m.end() + 8].lower())
        ):
            continue
        found = m.group().lower()
    return found


def _fact(kind: str, m: re.Match[str], text: str) -> Fact | None:
    g = m.groups()
    surface = m.group().strip()
    if kind == "phone":
        digits = re.sub(r"\D", "", surface)
        digits = "0" + digits[2:] if surface.startswith("+84") else digits
        return Fact("phone", (digits,), surface, m.start())
    if kind == "doc":
        doc_number = f"{int(g[0])}/{g[1]}/{g[2]}" if g[1] else f"{int(g[0])}/{g[2]}"
        return Fact("doc", (doc_number.upper(),), surface, m.start())
    if kind == "code":
        return Fact("code", (surface.upper(),), surface, m.start())
    if kind == "date":
        day, month, year = (g[0], g[1], g[2]) if len(g) == 3 else (g[0], g[2], g[3])
        day, month = int(day), int(month)
        if not (1 <= day <= 31 and 1 <= month <= 12):
            return None
        return Fact("date", (day, month, int(year) if year else None), surface, m.start())
    if kind == "day":
        return Fact("day", (int(g[0]),), surface, m.start()) if 1 <= int(g[0]) <= 31 else None
    if kind == "month":
        month = int(g[0])
        if not 1 <= month <= 12:
            return None
        return Fact("month", (month, int(g[1]) if g[1] else None), surface, m.start())
    if kind == "time":
        hour = int(g[0])
        minute = 30 if len(g) > 2 and g[2] else int(g[1] or 0)
        if len(g) > 3 and g[3]:
            hour, minute = hour - 1, 60 - int(g[3])
        period = _time_period(text, m.start(), m.end())
        if period and hour < 12 and (period != "trưa" or hour <= 3) and (period != "đêm" or hour >= 6):
            hour += DAY_PERIODS[period]
        if not (0 <= hour <= 24 and 0 <= minute < 60):
            return None
        return Fact("time", (hour % 24, minute), surface, m.start())
    if kind == "amount":
        value = _amount_value(g[0])
        if value is None:
            return None
        currency = len(g) > 1 and g[1]
        return Fact("amount" if currency else "number", (value,), surface, m.start())
    value = to_decimal(g[0])
    return None if value is None else Fact("number", (value,), surface, m.start())


_STARTERS = frozenset(
    {
        "tại",
        "ở",
        "từ",
        "theo",
        "khi",
        "nếu",
        "trong",
        "sáng",
        "trưa",
        "chiều",
        "tối",
        "vào",
        "đến",
        "sau",
        "trước",
        "với",
        "để",
        "do",
        "cùng",
        "tất",
        "mọi",
        "các",
        "những",
        "thưa",
    }
)


_CODE = re.compile(r"(?<![\w.,/-])(?=[A-ZĐ0-9/]*[A-ZĐ])(?=[A-ZĐ0-9/]*\d)[A-ZĐ0-9]+(?:/[A-ZĐ0-9]+)*(?![\w/-])")


def _names(text: str, vocabulary: frozenset[str] = frozenset()) -> list[Fact]:
    """Places and organisations: runs of Capitalised words, acronyms, and Name after 'xã', 'thôn'…

    The first word of a sentence is capitalised anyway: it is dropped from a run when it is a common
    word (one the texts also write in lower case, or a usual sentence opener), and kept otherwise, so
    "Quảng Nam áp dụng…" still names Quảng Nam."""
    found: list[Fact] = []
    codes = list(_CODE.finditer(text))  # "kênh N4", "cúm H5N1": one name, letters and digits together
    for m in codes:
        found.append(Fact("name", (m.group().casefold(),), m.group(), m.start()))
    in_code = {k for m in codes for k in range(m.start(), m.end())}
    words = [w for w in _WORD.finditer(text) if w.start() not in in_code]
    i = 0
    while i < len(words):
        w = words[i]
        if not w.group()[:1].isupper():
            i += 1
            continue
        j = i + 1
        while j < len(words) and words[j].group()[:1].isupper() and text[words[j - 1].end() : words[j].start()] == " ":
            j += 1
        before = text[: w.start()].rstrip()
        at_start = not before or before[-1] in ".!?:;\n-•*(\"“'"
        after_trigger = not at_start and i > 0 and words[i - 1].group().lower() in PLACE_TRIGGERS
        run, i = words[i:j], j
        first = run[0].group().lower()
        common = first in vocabulary or first in _STARTERS or first in PLACE_TRIGGERS or len(run) == 1
        alternative: tuple[str, ...] = ()
        if at_start and not after_trigger and not (len(run) == 1 and run[0].group().isupper()):
            if common:
                run = run[1:]  # the first word of a sentence is capitalised anyway
            else:
                alternative = (" ".join(x.group() for x in run[1:]).casefold(),)
        while run and run[0].group().lower() in COMMON_CAPITALISED:
            run = run[1:]
        if run:
            surface = " ".join(x.group() for x in run)
            found.append(Fact("name", (surface.casefold(), *alternative), surface, run[0].start()))
    return found


_RANGE_GAP = re.compile(r"\s*(?:-|–|đến|tới)\s*")  # between the two ends of a range
_LIST_GAP = re.compile(r"\s*(?:-|–|,|và|hoặc|đến|tới)\s*")  # between two days of a list or range
_SCALE_WORDS = (("tỷ", 9), ("triệu", 6), ("nghìn", 3), ("ngàn", 3))


def _ranges(facts: list[Fact], text: str) -> list[Fact]:
    """A range shares the month and year of its end: "từ ngày 01 đến ngày 10/12/2026" is 1/12/2026
    to 10/12/2026, and so is "từ 1 đến 10 tháng 12"."""
    out = list(facts)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        gap = text[a.start + len(a.surface) : b.start].lower()
        if a.kind == "day" and b.kind == "number" and b.value[0] == int(b.value[0]) and 1 <= b.value[0] <= 31:
            if _LIST_GAP.fullmatch(gap):  # "ngày 10 - 15 hằng tháng", "ngày 10, 11"
                out[k + 1] = Fact("day", (int(b.value[0]),), b.surface, b.start)
            continue
        if a.kind == "number" and b.kind == "amount" and _RANGE_GAP.fullmatch(gap):
            scale = next((10**n for word, n in _SCALE_WORDS if word in b.surface.lower()), 1)
            if a.value[0] * scale <= b.value[0] and scale > 1:  # "từ 3 đến 7 triệu đồng": 3 triệu
                out[k] = Fact("amount", (a.value[0] * scale,), a.surface, a.start)
            continue
        if b.kind == "time" and a.kind == "number" and a.value[0] == int(a.value[0]) and 0 <= a.value[0] <= 24:
            # "từ 7 đến 11 giờ", "từ 1 đến 4 giờ chiều": the start shares the end's unit and day part
            if _RANGE_GAP.fullmatch(gap):
                hour = int(a.value[0])
                if b.value[0] >= 12 and hour < 12 and hour + 12 <= b.value[0]:
                    hour += 12
                out[k] = Fact("time", (hour, 0), a.surface, a.start)
            continue
        if b.kind != "date" or b.value[1] is None:
            continue
        if not re.fullmatch(
            r"\s*(?:,\s*)?(?:-|–|đến|tới|và|hoặc|đến hết|đến hết ngày|đến ngày|tới ngày|và ngày|-\s*ngày)\s*", gap
        ):
            continue
        day, month, year = b.value
        if a.kind == "day" or (
            a.kind == "number"
            and a.value[0] == int(a.value[0])
            and 1 <= a.value[0] <= 31
            and re.search(r"(?:từ|ngày|mùng)\s*$", text[max(0, a.start - 8) : a.start].lower())
        ):
            value = (int(a.value[0]), month, year)
            if value[0] <= day:
                out[k] = Fact("date", value, a.surface, a.start)
        elif a.kind == "date" and a.value[2] is None and year is not None and a.value[1] <= month:
            out[k] = Fact("date", (a.value[0], a.value[1], year), a.surface, a.start)
    return out


def facts_of(norm: str, vocabulary: frozenset[str] = frozenset()) -> list[Fact]:
    """The facts in a prepared text (:func:`prepare`), in order of appearance."""
    work = norm
    facts: list[Fact] = []
    for kind, pattern in _PATTERNS:
        for m in list(pattern.finditer(work)):
            fact = _fact(kind, m, norm)
            if fact is None:
                continue
            facts.append(fact)
            work = work[: m.start()] + " " * (m.end() - m.start()) + work[m.end() :]
    low = work.lower()
    for m in _FREE.finditer(low):
        facts.append(Fact("free", ("miễn phí",), norm[m.start() : m.end()], m.start()))
    facts.extend(_names(_WEEKDAY.sub(lambda m: " " * len(m.group()), work), vocabulary))
    facts.sort(key=lambda f: f.start)
    return _ranges(facts, norm)


def extract_facts(text: str) -> tuple[str, list[Fact]]:
    """Return the normalized text and the facts found in it, in order of appearance."""
    norm = prepare(text)
    return norm, facts_of(norm)
