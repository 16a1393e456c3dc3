"""Claims about values: quantities with unit, comparator and what they pay for; dates and times with
their role (start, end, deadline, effective, event); weekdays; day parts; relative times."""

from __future__ import annotations

import re

from broadcaster.production.rewrite import lexicon as lx
from broadcaster.production.rewrite.claims import (
    Claim,
    Document,
    _phrases,
    _span_end,
    anchor,
    ending_at,
    key_at,
    match_at,
)
from broadcaster.production.rewrite.facts import Fact
from broadcaster.production.rewrite.reading import Token

_UNITS: dict[tuple[str, ...], str] = {
    ("ngày", "làm", "việc"): "ngày làm việc",
    ("ngày",): "ngày",
    ("tháng",): "tháng",
    ("năm",): "năm",
    ("tuần",): "tuần",
    ("phút",): "phút",
    ("giờ",): "giờ",
    ("kg",): "kg",
    ("ki", "lô", "gam"): "kg",
    ("tấn",): "tấn",
    ("tạ",): "tạ",
    ("yến",): "yến",
    ("m²",): "m²",
    ("m2",): "m²",
    ("mét", "vuông"): "m²",
    ("m",): "m",
    ("mét",): "m",
    ("mm",): "mm",
    ("mi", "li", "mét"): "mm",
    ("cm",): "cm",
    ("xăng", "ti", "mét"): "cm",
    ("m3",): "m³",
    ("m³",): "m³",
    ("khối",): "m³",
    ("ha",): "ha",
    ("sào",): "sào",
    ("mẫu",): "mẫu",
    ("héc", "ta"): "ha",
    ("hécta",): "ha",
    ("hecta",): "ha",
    ("hec", "ta"): "ha",
    ("ki", "lô", "mét"): "km",
    ("km",): "km",
    ("tuổi",): "tuổi",
    ("độ", "c"): "độ",
    ("độ",): "độ",
    ("tháng", "tuổi"): "tháng tuổi",
    ("người",): "người",
    ("hộ",): "hộ",
    ("con",): "con",
    ("liều",): "liều",
    ("mũi",): "mũi",
    ("lần",): "lần",
    ("bộ",): "bộ",
    ("trang",): "trang",
    ("bản",): "bản",
    ("buổi",): "buổi",
    ("khẩu",): "khẩu",
    ("nhân", "khẩu"): "khẩu",
    ("suất",): "suất",
    ("thửa",): "thửa",
    ("thửa", "đất"): "thửa",
    ("giấy", "chứng", "nhận"): "giấy chứng nhận",
    ("khóa",): "khóa",
    ("khóa", "học"): "khóa",
    ("hồ", "sơ"): "hồ sơ",
    ("bộ", "hồ", "sơ"): "hồ sơ",
    ("ảnh",): "ảnh",
    ("tấm",): "tấm",
    ("cuốn",): "cuốn",
    ("chiếc",): "chiếc",
    ("cây",): "cây",
    ("bao",): "bao",
    ("lít",): "lít",
    ("trẻ",): "trẻ",
    ("thôn",): "thôn",
    ("xã",): "xã",
    ("học", "viên"): "người",
    ("nhân", "viên"): "người",
}
_UNITS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _w, _u in sorted(_UNITS.items(), key=lambda kv: -len(kv[0])):
    _UNITS_BY_FIRST.setdefault(_w[0], []).append((_w, _u))
_OLD_BEFORE = ("thay cho mức", "thay cho", "thay vì", "so với mức", "so với", "mức cũ", "mức cũ là")
_NEW_BEFORE = ("lên", "xuống", "còn", "lên mức", "xuống mức", "mức mới", "mới là", "nay là", "nay còn", "nay chỉ còn")
_TREND_VERBS = frozenset({"tăng", "giảm", "rút", "nâng", "hạ", "điều", "chỉnh", "đổi"})
_TIME_KINDS = frozenset({"date", "time", "day", "month"})
_COMPARATORS = _phrases(lx.COMPARATORS)
_ROLES = _phrases(lx.ROLE_WORDS)
_NEAR_ROLES = _phrases(lx.NEAR_ROLE_WORDS)
_WEEKDAY_WORDS = frozenset({"thứ", "chủ", "nhật", "hai", "ba", "tư", "năm", "sáu", "bảy", "ngày", "hằng", "tuần"})


def _unit_at(words: list[str], i: int) -> tuple[int, str] | None:
    for phrase, unit in _UNITS_BY_FIRST.get(words[i] if i < len(words) else "", ()):
        if tuple(words[i : i + len(phrase)]) == phrase:
            return len(phrase), unit
    return None


def quantity(doc: Document, fact: Fact) -> Claim:
    reading, words, tokens = doc.reading, doc.reading.words, doc.reading.tokens
    first, end = doc.fact_index(fact), _span_end(reading, fact)
    value = fact.value[0]
    base = "đồng" if fact.kind == "amount" else ("%" if tokens[end - 1].text.endswith("%") else "")
    j = end
    if not base and j < len(words) and tokens[j].clause == tokens[first].clause:
        unit = _unit_at(words, j)
        if unit:
            base, j = unit[1], j + unit[0]
    per: set[str] = set()
    while j < len(words) and tokens[j].clause == tokens[first].clause:
        gap = reading.norm[tokens[j - 1].end : tokens[j].start]
        k = j + 1 if words[j] == "cho" else j
        if gap.strip() == "/" and (found := _unit_at(words, j)):
            size, per_unit = found
        elif k < len(words) and words[k] in ("mỗi", "một") and (found := _unit_at(words, k + 1)):
            size, per_unit = found
            size += k + 1 - j
        else:
            break
        per.add(per_unit)
        j += size
    for k in range(first - 1, max(-1, first - 11), -1):  # "mỗi khẩu 15 kg", "mỗi hộ nộp phí thủy lợi 120.000 đồng"
        if tokens[k].clause != tokens[first].clause or tokens[k].is_number:
            break  # "mỗi thôn đăng ký 01 đội văn nghệ 10-15 người": the "mỗi" is the other number's
        if words[k] == "mỗi" and (found := _unit_at(words, k + 1)):
            per.add(found[1])
    comparator = _comparator(doc, first, j)
    money = _money(words, tokens, first) if base in ("đồng", "%") else ""
    return Claim(
        "quantity",
        (value, base, frozenset(per)),
        fact.surface,
        first,
        tokens[first].sentence,
        tokens[first].clause,
        role=comparator,
        key=key_at(reading, doc.mentions, first),
        extra=money,
        anchor=anchor(reading, first, j),
        keep=money in ("fee", "support") or bool(base and comparator in ("max", "min", "gt", "lt")),
    )


def _comparator(doc: Document, first: int, end: int) -> str:
    words, tokens = doc.reading.words, doc.reading.tokens
    if first >= 2 and words[first - 1] == "từ" and set(words[max(0, first - 3) : first - 1]) & _TREND_VERBS:
        return "old"  # "tăng từ 7,2 triệu lên 9 triệu", "rút từ 5 xuống 3 ngày": a change, not a threshold
    if first and words[first - 1] == "đủ" and {"chưa", "không"} & set(words[max(0, first - 4) : first - 1]):
        return "lt"  # "chưa tiêm đủ 2 mũi" is "chưa đủ 2 mũi"
    before = " ".join(words[max(0, first - 3) : first])
    after = words[end : end + 2]
    if before.endswith(_OLD_BEFORE) or after in (["trước", "đây"], ["như", "trước"]) or after[:1] == ["cũ"]:
        return "old"
    if before.endswith(_NEW_BEFORE):
        return "new"
    for phrase, group in lx.COMPARATOR_AFTER:
        if " ".join(words[end : end + 3]).startswith(phrase) or " ".join(words[end + 1 : end + 4]).startswith(phrase):
            return lx.COMPARATOR_GROUPS[group]
    for skip in (0, 1):
        i = first - skip
        if skip and (i <= 0 or words[i] not in ("năm", "ngày", "tháng", "là", "mức", "được")):
            continue
        for size in (3, 2, 1):
            start = i - size
            if start >= 0 and tokens[start].clause == tokens[first].clause:
                hit = match_at(words, start, _COMPARATORS)
                if hit and hit[0] == size:
                    return lx.COMPARATOR_GROUPS[hit[1]]
    gap = doc.norm[tokens[first - 1].end : tokens[first].start] if first else ""
    if first and tokens[first - 1].is_number and gap.strip() in ("-", "–"):
        return "max"
    if (
        end < len(tokens)
        and tokens[end - 1].is_number
        and doc.norm[tokens[end - 1].end : tokens[end].start].strip() in ("-", "–")
        and tokens[end].is_number
    ):
        return "min"
    return ""


def _money(words: list[str], tokens: list[Token], first: int) -> str:
    """'fee' (the listener pays), 'support' (the listener gets) or '' by the nearest words before."""
    clause = tokens[first].clause
    for k in range(first - 1, max(-1, first - 8), -1):
        if tokens[k].clause != clause:
            break
        if words[k] == "giá" and k and words[k - 1] == "trị":
            continue  # "quà trị giá 2 triệu đồng": the gift's worth, not a price
        two = " ".join(words[k : k + 2])
        if any(two.startswith(w) for w in lx.SUPPORT_WORDS):
            return "support"
        if any(two.startswith(w) and (len(w.split()) > 1 or words[k] == w) for w in lx.FEE_WORDS):
            before = " ".join(words[max(0, k - 4) : k])
            return "support" if any(w in before for w in ("hỗ trợ", "trợ cấp")) else "fee"  # "hỗ trợ chi phí học tập"
    return "sum" if any(w in ("đồng",) for w in words[first : first + 3]) else ""


# ---- dates, times, weekdays, day parts ------------------------------------------------------------
def _time_role(doc: Document, first: int) -> str:
    """start, end, deadline, expiry, after, effective or event, from the words before a date or time.
    A weekday between them does not count ("trước Chủ nhật, ngày 20/12")."""
    words, tokens = doc.reading.words, doc.reading.tokens
    if first >= len(tokens):
        return "event"
    gap = doc.norm[tokens[first - 1].end : tokens[first].start] if first else ""
    if gap.strip() in ("-", "–") and tokens[first - 1].is_number:
        return "end"
    clause, near, found = tokens[first].clause, 0, "event"
    for k in range(first - 1, max(-1, first - 12), -1):
        if tokens[k].sentence != tokens[first].sentence:
            break
        if tokens[k].clause != clause:
            if not all(words[x] in _WEEKDAY_WORDS for x in range(k + 1, first)):
                break
            clause = tokens[k].clause
        if words[k] in ("và", "hoặc") and k and (tokens[k - 1].is_number or words[k - 1] in ("giờ", "h", "g")):
            break  # "8 giờ đến 11 giờ và 14 giờ đến 17 giờ": the next time starts a new item
        if (
            tokens[k].is_number
            and k < first - 1
            and words[k + 1] not in ("giờ", "phút", "h", "g")
            and not (k and words[k - 1] == "giờ")  # "hạn chót 16 giờ 30 ngày 23/12": the minutes
        ):
            break
        hit = ending_at(words, k, _ROLES) or (ending_at(words, k, _NEAR_ROLES) if near <= 1 else None)
        if hit and hit[1] != "event":
            return hit[1]
        if (
            words[k] not in _WEEKDAY_WORDS
            and not tokens[k].is_number
            and words[k] not in ("giờ", "phút", "h", "g", "hết", *lx.DAY_PERIODS)
        ):
            near += 1
    return found


def time_claims(doc: Document) -> list[Claim]:
    out = []
    for fact in doc.facts:
        if fact.kind not in _TIME_KINDS:
            continue
        i = doc.fact_index(fact)
        if i >= len(doc.reading.tokens):
            continue
        t = doc.reading.tokens[i]
        out.append(
            Claim(
                fact.kind,
                fact.value,
                fact.surface,
                i,
                t.sentence,
                t.clause,
                role=_time_role(doc, i),
                key=key_at(doc.reading, doc.mentions, i),
                anchor=anchor(doc.reading, i, i + 1, 8, 6),
                keep=fact.kind in ("date", "time", "day"),
            )
        )
    return out


def weekdays(doc: Document) -> list[Claim]:
    words, tokens, norm = doc.reading.words, doc.reading.tokens, doc.norm
    out = []
    for i, w in enumerate(words[:-1]):
        nxt = words[i + 1]
        if w == "chủ" and nxt == "nhật":
            day = 6
        elif w == "thứ" and nxt in lx.WEEKDAYS:
            capital = norm[tokens[i + 1].start].isupper()
            prev = words[i - 1] if i and tokens[i - 1].clause == tokens[i].clause else ""
            after = words[i + 2] if i + 2 < len(words) else ""
            if not (capital or prev in lx.WEEKDAY_CONTEXT or after in ("tuần", "hằng")):
                continue  # "trang thứ ba", "Thứ hai, …": an ordinal
            day = lx.WEEKDAYS[nxt]
        else:
            continue
        out.append(
            Claim(
                "weekday",
                day,
                f"{norm[tokens[i].start : tokens[i + 1].end]}",
                i,
                tokens[i].sentence,
                tokens[i].clause,
                key=key_at(doc.reading, doc.mentions, i),
            )
        )
    return out


def day_parts(doc: Document) -> list[Claim]:
    words, tokens = doc.reading.words, doc.reading.tokens
    out = []
    for i, w in enumerate(words):
        if w not in lx.DAY_PERIODS or (i and words[i - 1] in lx.NOT_DAY_PART_AFTER):
            continue
        if i + 1 < len(words) and words[i + 1] in ("nay", "mai"):
            continue  # a relative time
        if i + 1 < len(words) and words[i + 1] in ("đa", "thiểu", "kiến", "tạo", "cao", "dài", "rộng"):
            continue  # "tối đa", "chiều cao": not a day part
        near = words[max(0, i - 2) : i] + words[i + 1 : i + 3]
        if any(x in ("giờ", "phút") or re.fullmatch(r"\d+[h:]\d+", x) for x in near):
            continue  # the day part of a clock time: in the time's value
        out.append(
            Claim("daypart", w, w, i, tokens[i].sentence, tokens[i].clause, key=key_at(doc.reading, doc.mentions, i))
        )
    return out


def scopes(doc: Document) -> list[Claim]:
    """ "mọi hộ dân", "tất cả các thủ tục": a claim about everyone or everything."""
    out = []
    for phrase in lx.SCOPE_WORDS:
        for i in doc.reading.find(phrase):
            t = doc.reading.tokens[i]
            end = i + len(phrase.split())
            if doc.reading.words[end : end + 1] in (["khoản"], ["chi"], ["loại"], ["kinh"], ["số"]):
                continue  # "không phải trả bất kỳ khoản tiền nào", "toàn bộ kinh phí": about money, not people
            out.append(
                Claim("scope", "all", " ".join(doc.reading.words[i : end + 2]), i, t.sentence, t.clause, extra=phrase)
            )
    return out


def relatives(doc: Document) -> list[Claim]:
    out = []
    taken: set[int] = set()
    for phrase in lx.RELATIVE_TIMES:
        for i in doc.reading.find(phrase):
            if i in taken or (phrase == "mai" and (i == 0 or doc.reading.words[i - 1] not in lx.DAY_PERIODS)):
                continue
            taken.update(range(i, i + len(phrase.split())))
            value = lx.RELATIVE_SAME.get(phrase, phrase)
            out.append(Claim("relative", value, phrase, i, doc.reading.tokens[i].sentence))
    return out
