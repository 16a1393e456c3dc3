"""A text read into typed claims with their roles: what the fact guard compares.

`read(text, terms)` gives a `Document`: the prepared text, its numeric facts (facts.py), the
mentions of offices, places, groups, procedures and documents (terms.py), stance claims (stance.py)
and the claims below, each with the words around it (its anchor) and, where it has one, the village
or group it is said of (its key), so a morning for village A is not taken for village B's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from broadcaster.production.rewrite import lexicon as lx
from broadcaster.production.rewrite.facts import Fact, facts_of
from broadcaster.production.rewrite.reading import Reading, Token
from broadcaster.production.rewrite.terms import Mention, Terms

# Words that carry no meaning of their own in an anchor.
STOP = frozenset({
    "và", "hoặc", "của", "các", "những", "là", "có", "được", "để", "cho", "với", "tại", "ở", "từ", "đến", "trong",
    "theo", "thì", "này", "đó", "bà", "con", "xin", "sẽ", "đã", "vẫn", "cũng", "mỗi", "một", "việc", "khi", "lúc",
    "vào", "ngày", "tháng", "năm", "giờ", "phút", "thông", "báo", "nhé", "ạ", "nay", "như", "sau", "trước", "về",
})
_UNITS: dict[tuple[str, ...], str] = {
    ("ngày", "làm", "việc"): "ngày làm việc", ("ngày",): "ngày", ("tháng",): "tháng", ("năm",): "năm",
    ("tuần",): "tuần", ("phút",): "phút", ("giờ",): "giờ", ("kg",): "kg", ("ki", "lô", "gam"): "kg",
    ("tấn",): "tấn", ("m²",): "m²", ("m2",): "m²", ("mét", "vuông"): "m²", ("m",): "m", ("mét",): "m",
    ("ha",): "ha", ("héc", "ta"): "ha", ("ki", "lô", "mét"): "km", ("km",): "km", ("tuổi",): "tuổi",
    ("tháng", "tuổi"): "tháng tuổi", ("người",): "người", ("hộ",): "hộ", ("con",): "con", ("liều",): "liều",
    ("mũi",): "mũi", ("lần",): "lần", ("bộ",): "bộ", ("trang",): "trang", ("bản",): "bản", ("buổi",): "buổi",
    ("khẩu",): "khẩu", ("nhân", "khẩu"): "khẩu", ("suất",): "suất", ("thửa",): "thửa", ("thửa", "đất"): "thửa",
    ("giấy", "chứng", "nhận"): "giấy chứng nhận", ("khóa",): "khóa", ("khóa", "học"): "khóa", ("hồ", "sơ"): "hồ sơ",
    ("ảnh",): "ảnh", ("trẻ",): "trẻ", ("thôn",): "thôn", ("xã",): "xã", ("học", "viên"): "người",
    ("nhân", "viên"): "người",
}
_UNITS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _w, _u in sorted(_UNITS.items(), key=lambda kv: -len(kv[0])):
    _UNITS_BY_FIRST.setdefault(_w[0], []).append((_w, _u))
_TIME_KINDS = frozenset({"date", "time", "day", "month"})
_KEY_HEADS = frozenset({"thôn", "xóm", "ấp", "tổ", "khu", "bản", "buôn"})
_DOC_LIST = frozenset({"và", "hoặc", "các", "của", "trẻ", "theo", "mẫu", "bản", "sao", "gốc", "chính", "cùng", "cả",
                       "kèm", "x", "người", "chủ", "hộ", "một", "hai", "tấm"})
_CONDITION_END = frozenset({"thì", "phải", "cần", "sẽ", "nên", "hãy", "xin", "vui"})


@dataclass(frozen=True)
class Claim:
    kind: str
    value: object
    surface: str
    index: int                       # first token
    sentence: int = 0
    clause: int = 0
    role: str = ""
    key: str = ""
    extra: str = ""
    anchor: frozenset[str] = frozenset()
    keep: bool = False               # must be kept by a rewrite (source side)


def _phrases(table: tuple[tuple[str, str], ...]) -> list[tuple[tuple[str, ...], str]]:
    return sorted(((tuple(p.split()), v) for p, v in table), key=lambda pv: -len(pv[0]))


_COMPARATORS = _phrases(lx.COMPARATORS)
_ROLES = _phrases(lx.ROLE_WORDS)
_NEAR_ROLES = _phrases(lx.NEAR_ROLE_WORDS)
_WEEKDAY_WORDS = frozenset({"thứ", "chủ", "nhật", "hai", "ba", "tư", "năm", "sáu", "bảy", "ngày", "hằng", "tuần"})
_TRENDS = _phrases(lx.TRENDS)
_MANNERS = _phrases(lx.MANNERS)
_ORDERS = _phrases(lx.ORDER_WORDS)


@dataclass
class Document:
    reading: Reading
    facts: list[Fact]
    mentions: list[Mention]
    claims: list[Claim] = field(default_factory=list)

    @property
    def norm(self) -> str:
        return self.reading.norm

    @property
    def low(self) -> str:
        return self.reading.low

    @cached_property
    def sentence_words(self) -> list[set[str]]:
        count = (self.reading.tokens[-1].sentence + 1) if self.reading.tokens else 0
        out: list[set[str]] = [set() for _ in range(count)]
        for t in self.reading.tokens:
            out[t.sentence].add(t.text)
        return out

    def of(self, kind: str) -> list[Claim]:
        return [c for c in self.claims if c.kind == kind]

    def fact_index(self, fact: Fact) -> int:
        return self.reading.index_at(fact.start)


# ---- helpers -----------------------------------------------------------------------------------
def anchor(reading: Reading, first: int, end: int, before: int = 6, after: int = 4) -> frozenset[str]:
    """Content words near tokens [first, end) in the same clause (numbers included)."""
    tokens = reading.tokens
    if first >= len(tokens):
        return frozenset()
    clause = tokens[first].clause
    out = set()
    for j in range(max(0, first - before), min(len(tokens), end + after)):
        if first <= j < end or tokens[j].clause != clause:
            continue
        text = tokens[j].text
        if text in STOP or (tokens[j].is_number and not (j and tokens[j - 1].text in _KEY_HEADS)):
            continue  # a bare number says nothing about what it belongs to ("1 giờ" is not "thôn 1")
        out.add(text)
    return frozenset(out)


def key_at(reading: Reading, mentions: list[Mention], index: int) -> str:
    """The village ("thôn 1", "thôn đông") or target group a claim at `index` is said of, nearest
    in its clause (before it first), else ""."""
    tokens, words = reading.tokens, reading.words
    if index >= len(tokens):
        return ""
    clause = tokens[index].clause
    keys: list[tuple[int, str]] = []
    for j, w in enumerate(words[:-1]):
        if w in _KEY_HEADS and tokens[j].clause == clause and tokens[j + 1].clause == clause \
                and (tokens[j + 1].is_number or reading.norm[tokens[j + 1].start].isupper()):
            keys.append((j, f"{w} {words[j + 1]}"))
    keys += [(m.first, m.name) for m in mentions if m.category == "groups" and tokens[m.first].clause == clause]
    before = [k for k in keys if k[0] < index]
    if before:
        return max(before)[1]
    after = [k for k in keys if k[0] > index]
    if after:
        return min(after)[1]
    sentence = tokens[index].sentence  # "Thôn 2 mất điện buổi chiều, từ 1 giờ đến 5 giờ"
    heads = [f"{w} {words[j + 1]}" for j, w in enumerate(words[:index]) if w in _KEY_HEADS
             and tokens[j].sentence == sentence and j + 1 < index and tokens[j + 1].sentence == sentence
             and (tokens[j + 1].is_number or reading.norm[tokens[j + 1].start].isupper())]
    return heads[-1] if heads else ""


def ending_at(words: list[str], k: int, table: list[tuple[tuple[str, ...], str]]) -> tuple[int, str] | None:
    """The longest phrase of `table` that ends at word `k`."""
    for phrase, value in table:
        if k + 1 >= len(phrase) and tuple(words[k + 1 - len(phrase):k + 1]) == phrase:
            return len(phrase), value
    return None


def match_at(words: list[str], i: int, table: list[tuple[tuple[str, ...], str]]) -> tuple[int, str] | None:
    for phrase, value in table:
        if tuple(words[i:i + len(phrase)]) == phrase:
            return len(phrase), value
    return None


def _span_end(reading: Reading, fact: Fact) -> int:
    end = fact.start + len(fact.surface)
    i = reading.index_at(fact.start)
    while i < len(reading.tokens) and reading.tokens[i].start < end:
        i += 1
    return i


# ---- quantities --------------------------------------------------------------------------------
def _unit_at(words: list[str], i: int) -> tuple[int, str] | None:
    for phrase, unit in _UNITS_BY_FIRST.get(words[i] if i < len(words) else "", ()):
        if tuple(words[i:i + len(phrase)]) == phrase:
            return len(phrase), unit
    return None


def _quantity(doc: Document, fact: Fact) -> Claim:
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
    while j < len(words) and tokens[j].sentence == tokens[first].sentence:
        gap = reading.norm[tokens[j - 1].end:tokens[j].start]
        k = j + 1 if words[j] == "cho" else j
        if gap.strip() == "/" and _unit_at(words, j):
            size, unit = _unit_at(words, j)  # type: ignore[misc]
        elif k < len(words) and words[k] in ("mỗi", "một") and _unit_at(words, k + 1):
            size, unit = _unit_at(words, k + 1)  # type: ignore[misc]
            size += k + 1 - j
        else:
            break
        per.add(unit)
        j += size
    for k in range(max(0, first - 3), first):  # "mỗi khẩu 15 kg"
        if words[k] == "mỗi" and tokens[k].clause == tokens[first].clause and _unit_at(words, k + 1):
            per.add(_unit_at(words, k + 1)[1])  # type: ignore[index]
    comparator = _comparator(doc, first, j)
    money = _money(words, tokens, first) if base in ("đồng", "%") else ""
    one = fact.surface.lower() == "1" and reading.original.lower().count("một") > 0
    return Claim("quantity", (value, base, frozenset(per)), fact.surface, first, tokens[first].sentence,
                 tokens[first].clause, role=comparator, key=key_at(reading, doc.mentions, first),
                 extra=money + ("|word-one" if one and _said_as_one(reading, fact) else ""),
                 anchor=anchor(reading, first, j),
                 keep=money in ("fee", "support") or bool(base and comparator in ("max", "min", "gt", "lt")))


def _said_as_one(reading: Reading, fact: Fact) -> bool:
    return reading.norm[fact.start:fact.start + 1] == "1" and fact.surface == "1"


def _comparator(doc: Document, first: int, end: int) -> str:
    words, tokens = doc.reading.words, doc.reading.tokens
    for phrase, group in lx.COMPARATOR_AFTER:
        if " ".join(words[end:end + 3]).startswith(phrase) or " ".join(words[end + 1:end + 4]).startswith(phrase):
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
    gap = doc.norm[tokens[first - 1].end:tokens[first].start] if first else ""
    if first and tokens[first - 1].is_number and gap.strip() in ("-", "–"):
        return "max"
    if end < len(tokens) and tokens[end - 1].is_number and doc.norm[tokens[end - 1].end:tokens[end].start].strip() \
            in ("-", "–") and tokens[end].is_number:
        return "min"
    return ""


def _money(words: list[str], tokens: list[Token], first: int) -> str:
    """'fee' (the listener pays), 'support' (the listener gets) or '' by the nearest words before."""
    clause = tokens[first].clause
    for k in range(first - 1, max(-1, first - 8), -1):
        if tokens[k].clause != clause:
            break
        two = " ".join(words[k:k + 2])
        if any(two.startswith(w) for w in lx.SUPPORT_WORDS):
            return "support"
        if any(two.startswith(w) and (len(w.split()) > 1 or words[k] == w) for w in lx.FEE_WORDS):
            return "fee"
    return "sum" if any(w in ("đồng",) for w in words[first:first + 3]) else ""


# ---- dates, times, weekdays, day parts ------------------------------------------------------------
def _time_role(doc: Document, first: int) -> str:
    """start, end, deadline, expiry, after, effective or event, from the words before a date or time.
    A weekday between them does not count ("trước Chủ nhật, ngày 20/12")."""
    words, tokens = doc.reading.words, doc.reading.tokens
    if first >= len(tokens):
        return "event"
    gap = doc.norm[tokens[first - 1].end:tokens[first].start] if first else ""
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
        if tokens[k].is_number and k < first - 1 and words[k + 1] not in ("giờ", "phút"):
            break
        hit = ending_at(words, k, _ROLES) or (ending_at(words, k, _NEAR_ROLES) if near <= 1 else None)
        if hit and hit[1] != "event":
            return hit[1]
        if words[k] not in _WEEKDAY_WORDS and not tokens[k].is_number \
                and words[k] not in ("giờ", "phút", "hết", *lx.DAY_PERIODS):
            near += 1
    return found


def _time_claims(doc: Document) -> list[Claim]:
    out = []
    for fact in doc.facts:
        if fact.kind not in _TIME_KINDS:
            continue
        i = doc.fact_index(fact)
        if i >= len(doc.reading.tokens):
            continue
        t = doc.reading.tokens[i]
        out.append(Claim(fact.kind, fact.value, fact.surface, i, t.sentence, t.clause, role=_time_role(doc, i),
                         key=key_at(doc.reading, doc.mentions, i), anchor=anchor(doc.reading, i, i + 1, 8, 6),
                         keep=fact.kind in ("date", "time", "day")))
    return out


def _weekdays(doc: Document) -> list[Claim]:
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
        out.append(Claim("weekday", day, f"{norm[tokens[i].start:tokens[i + 1].end]}", i, tokens[i].sentence,
                         tokens[i].clause, key=key_at(doc.reading, doc.mentions, i)))
    return out


def _day_parts(doc: Document) -> list[Claim]:
    words, tokens = doc.reading.words, doc.reading.tokens
    out = []
    for i, w in enumerate(words):
        if w not in lx.DAY_PERIODS or (i and words[i - 1] in lx.NOT_DAY_PART_AFTER):
            continue
        if i + 1 < len(words) and words[i + 1] in ("nay", "mai"):
            continue  # a relative time
        if i + 1 < len(words) and words[i + 1] in ("đa", "thiểu", "kiến", "tạo", "cao", "dài", "rộng"):
            continue  # "tối đa", "chiều cao": not a day part
        near = words[max(0, i - 2):i] + words[i + 1:i + 3]
        if any(x in ("giờ", "phút") or re.fullmatch(r"\d+[h:]\d+", x) for x in near):
            continue  # the day part of a clock time: in the time's value
        out.append(Claim("daypart", w, w, i, tokens[i].sentence, tokens[i].clause,
                         key=key_at(doc.reading, doc.mentions, i)))
    return out


def _relatives(doc: Document) -> list[Claim]:
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


# ---- direction, manner, conditions -------------------------------------------------------------
def _tables(doc: Document) -> list[Claim]:
    words, tokens = doc.reading.words, doc.reading.tokens
    low = " ".join(words)
    out = []
    i = 0
    while i < len(words):
        if any(low_at(words, i, p) for p in lx.NOT_TREND):
            i += 2
            continue
        for kind, table in (("manner", _MANNERS), ("trend", _TRENDS), ("order", _ORDERS)):
            hit = match_at(words, i, table)
            if not hit:
                continue
            size, value = hit
            if kind == "order" and (i + size >= len(words) or tokens[i + size].is_number
                                    or words[i + size] in ("ngày", "giờ", "thời", "hạn", "tháng", "đây", "đó")):
                break  # a date or time role, not the order of two events
            if kind == "trend" and value == "down" and words[i] == "giảm" and i + 1 < len(words) \
                    and tokens[i + 1].is_number:
                pass
            t = tokens[i]
            out.append(Claim(kind, value, " ".join(words[i:i + size]), i, t.sentence, t.clause,
                             anchor=anchor(doc.reading, i, i + size, 5, 4)))
            i += size - 1
            break
        i += 1
    del low
    return out


def low_at(words: list[str], i: int, phrase: str) -> bool:
    parts = phrase.split()
    return words[i:i + len(parts)] == parts


_CONDITIONS = _phrases(tuple((c, "if") for c in lx.CONDITION_WORDS))


def _conditions(doc: Document) -> list[Claim]:
    words, tokens = doc.reading.words, doc.reading.tokens
    out = []
    for i in range(len(words)):
        hit = match_at(words, i, _CONDITIONS)
        negative_when = words[i] == "khi" and i + 1 < len(words) and words[i + 1] in ("chưa", "không")
        if not hit and not negative_when:
            continue
        size = hit[0] if hit else 1
        if hit and i and words[i - 1] in ("trong",) and size == 2:
            continue
        content = []
        for j in range(i + size, min(len(words), i + size + 9)):
            if tokens[j].clause != tokens[i].clause or words[j] in _CONDITION_END or words[j:j + 2] == ["có", "thể"]:
                break
            if words[j] not in lx.CONDITION_STOP:
                content.append(words[j])
        if content:
            out.append(Claim("condition", frozenset(content), " ".join(words[i:i + size] + content), i,
                             tokens[i].sentence, tokens[i].clause, keep=True))
    return out


# ---- money without an amount, entities, places, documents --------------------------------------
_FREE = re.compile("|".join(f"(?:{p})" for p in lx.FREE_PATTERNS))
_PAID = re.compile("|".join(f"(?:{p})" for p in lx.PAID_PATTERNS))


def _money_claims(doc: Document) -> list[Claim]:
    out = []
    free_spans = []
    for m in _FREE.finditer(doc.low):
        free_spans.append((m.start(), m.end()))
        i = doc.reading.index_at(m.start())
        t = doc.reading.tokens[i]
        out.append(Claim("money", "free", doc.norm[m.start():m.end()], i, t.sentence, t.clause,
                         key=key_at(doc.reading, doc.mentions, i), anchor=anchor(doc.reading, i, i + 2, 6, 5),
                         keep=True))
    for m in _PAID.finditer(doc.low):
        if any(a <= m.start() < b for a, b in free_spans):
            continue
        i = doc.reading.index_at(m.start())
        t = doc.reading.tokens[i]
        out.append(Claim("money", "paid", doc.norm[m.start():m.end()], i, t.sentence, t.clause,
                         key=key_at(doc.reading, doc.mentions, i), anchor=anchor(doc.reading, i, i + 2, 6, 5)))
    return out


def money_spans(doc: Document, free_only: bool = False) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for rx in ((_FREE,) if free_only else (_FREE, _PAID)) for m in rx.finditer(doc.low)]


def _entities(doc: Document) -> list[Claim]:
    words, tokens = doc.reading.words, doc.reading.tokens
    out = []
    triggers = [tuple(t.split()) for t in lx.DOCUMENT_TRIGGERS]
    for m in doc.mentions:
        t = tokens[m.first]
        out.append(Claim("entity", (m.category, m.name), " ".join(words[m.first:m.end]), m.first, t.sentence,
                         t.clause, role=m.role, keep=m.role == "place" and m.category in ("places", "offices")))
        if m.category != "documents":
            continue
        required = False
        in_docs = {k for d in doc.mentions if d.category == "documents" for k in range(d.first, d.end)}
        for k in range(m.first - 1, max(-1, m.first - 14), -1):
            if tokens[k].sentence != t.sentence:
                break
            trigger = next((p for p in triggers if k + 1 >= len(p) and tuple(words[k + 1 - len(p):k + 1]) == p), None)
            if trigger:
                start = k + 1 - len(trigger)
                required = not any(w in ("không", "chưa", "chẳng") for w in words[max(0, start - 3):start])
                break
            if k not in in_docs and words[k] not in _DOC_LIST and not tokens[k].is_number:
                break
        if required:
            out.append(Claim("document", m.name, " ".join(words[m.first:m.end]), m.first, t.sentence, t.clause,
                             keep=True))
    return out


def _places(doc: Document) -> list[Claim]:
    """Named places after 'tại', 'ở', 'địa điểm' ("tại nhà văn hóa thôn Trung Sơn", "tại thôn 3",
    "tại các thôn Đông, Tây và Trung"): each village a rewrite must keep."""
    words, tokens, norm = doc.reading.words, doc.reading.tokens, doc.norm

    def capital(k: int) -> bool:
        return tokens[k].is_word and norm[tokens[k].start].isupper()

    out = []
    for phrase in ("tại", "ở", "địa điểm"):
        for i in doc.reading.find(phrase):
            j, head, names = i + len(phrase.split()), "", []
            while j < len(words) and tokens[j].sentence == tokens[i].sentence and j < i + 16:
                if words[j] in _KEY_HEADS and j + 1 < len(words) and tokens[j + 1].sentence == tokens[j].sentence \
                        and (tokens[j + 1].is_number or capital(j + 1)):
                    head, j = words[j], j + 1
                    continue
                if head and (tokens[j].is_number or capital(j)):
                    k = j + 1
                    while not tokens[j].is_number and k < len(words) and tokens[k].clause == tokens[j].clause \
                            and capital(k):
                        k += 1
                    names.append(f"{head} {' '.join(words[j:k])}")
                    j = k
                    continue
                if words[j] in ("các", "và", "hoặc") or (not head and tokens[j].clause == tokens[i].clause):
                    j += 1
                    continue
                break
            out += [Claim("place", name, name, i, tokens[i].sentence, tokens[i].clause, keep=True) for name in names]
    return out


def _actors(doc: Document) -> list[Claim]:
    out = [Claim("actor", m.name, m.name, m.first) for m in doc.mentions
           if m.role == "actor" and m.category == "offices"]
    words, tokens, norm = doc.reading.words, doc.reading.tokens, doc.norm
    for i, t in enumerate(tokens):
        if (i and tokens[i - 1].clause == t.clause) or not norm[t.start].isupper():
            continue
        j = i
        while j < len(words) and tokens[j].clause == t.clause and (norm[tokens[j].start].isupper()
                                                                    or words[j] in ("xã", "huyện", "số")
                                                                    or tokens[j].is_number):
            j += 1
        capitals = [x for x in range(i, j) if tokens[x].is_word and norm[tokens[x].start].isupper()]
        if len(capitals) >= 2 and words[i] not in _KEY_HEADS and j < len(words) and words[j] in lx.ACTOR_VERBS \
                and not any(m.first <= i < m.end for m in doc.mentions):
            out.append(Claim("actor", " ".join(words[i:j]), norm[t.start:tokens[j - 1].end], i))
    return out


def read(text: str, terms: Terms) -> Document:
    reading = Reading(text)
    vocabulary = frozenset(w for w in re.findall(r"[^\W\d_]+", reading.norm) if w.islower())
    doc = Document(reading, facts_of(reading.norm, vocabulary), terms.mentions(reading))
    from broadcaster.production.rewrite.stance import stance_claims  # stance reads the claims above

    doc.claims = [
        *(_quantity(doc, f) for f in doc.facts if f.kind in ("amount", "number")),
        *_time_claims(doc), *_weekdays(doc), *_day_parts(doc), *_relatives(doc), *_tables(doc),
        *_conditions(doc), *_money_claims(doc), *_entities(doc), *_places(doc), *_actors(doc),
    ]
    doc.claims += stance_claims(doc)
    return doc


def decimal_of(claim: Claim) -> Decimal:
    return claim.value[0]  # type: ignore[index]
