"""The fact guard: a rewrite may only say what the source says, and must keep what the listener acts on.

Both texts are read into typed claims (claims.py, stance.py). The rewrite is refused when it
- has a claim the source does not support (a number, date, time, amount, phone, code, document number,
  name, office, place, group, procedure, weekday, relative time or day part not in the source);
- contradicts one: polarity and modality of a predicate, direction (before/after, up/down), comparator
  of a threshold, the role of a date, time or sum, its unit, its day part, the village or group it is
  said of, the manner (online or in person);
- drops one the source marks as must-keep: effective date, deadline and other dates and times, a
  prohibition, a fee or exemption, a required document, a condition, a place;
- or is not the announcement at all (model chatter, notes, English, refusals: hygiene.py).
Reasons are Vietnamese and name each claim.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from broadcaster.production.rewrite import lexicon as lx
from broadcaster.production.rewrite.claims import Claim, Document, read
from broadcaster.production.rewrite.facts import Fact, to_decimal
from broadcaster.production.rewrite.hygiene import chatter
from broadcaster.production.rewrite.stance import add_affirmed
from broadcaster.production.rewrite.terms import Terms
from broadcaster.vi.number_runs import words_to_digits
from broadcaster.vi.tables import tables

LABELS = {
    "date": "ngày", "day": "ngày", "month": "tháng", "time": "giờ", "amount": "số tiền", "number": "con số",
    "phone": "số điện thoại", "code": "mã thủ tục", "doc": "số hiệu văn bản", "free": "cụm từ",
    "name": "tên riêng",
}
LENGTH_TOLERANCE = 1.25  # a rewrite may overshoot the word budget by a quarter before it is refused
STANCE_VI = {"prohibited": "cấm", "not_required": "không bắt buộc", "advised_not": "khuyên không nên",
             "negated": "phủ định", "required": "bắt buộc", "requested": "đề nghị", "invited": "mời",
             "permitted": "được phép", "advised": "khuyên nên", "affirmed": "khẳng định"}
ROLE_VI = {"start": "bắt đầu", "effective": "có hiệu lực", "end": "kết thúc", "deadline": "hạn chót",
           "expiry": "hết hạn", "after": "sau", "event": "thời điểm diễn ra"}
_MIN_BIND, _MARGIN = 1.0, 0.99


@dataclass(frozen=True)
class Finding:
    """One claim that decided the verdict: what the rewrite says and, for a contradiction, the source."""

    kind: str    # invented | contradicted | missing | chatter | length | verify
    label: str   # Vietnamese name of the claim ("ngày", "số tiền", "phủ định"…); for missing, the group
    text: str    # the rewrite's words (or the source's, for missing)
    source: str = ""
    item: str = ""  # for missing: the item's own name ("ngày") when it differs from the group

    def describe(self) -> str:
        label = self.item or ("" if self.kind == "missing" else self.label)
        head = f"“{self.text}”" if not label or self.text.lower().startswith(label) else f"{label} “{self.text}”"
        return f"{head} (gốc: “{self.source}”)" if self.source else head


@dataclass(frozen=True)
class GuardVerdict:
    ok: bool
    reason: str  # Vietnamese, "" when ok
    invented: tuple[Fact, ...] = ()
    missing: tuple[Fact, ...] = ()
    findings: tuple[Finding, ...] = ()
    reasons: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()  # must-keep claims of the source found in the rewrite (for the report)


_HEADS = {
    "invented": "Bản viết lại có thông tin không có trong văn bản gốc: {}.",
    "contradicted": "Bản viết lại nói khác văn bản gốc: {}.",
    "missing": "Bản viết lại bỏ mất {}.",
    "chatter": "Bản viết lại có lời của mô hình, không phải nội dung thông báo: {}.",
}


def _reasons(findings: list[Finding]) -> list[str]:
    out = []
    for kind in ("chatter", "invented", "contradicted"):
        items = [f.describe() for f in findings if f.kind == kind]
        if items:
            out.append(_HEADS[kind].format(", ".join(dict.fromkeys(items))))
    missing: dict[str, list[str]] = {}
    for f in findings:
        if f.kind == "missing":
            missing.setdefault(f.label, []).append(f.describe())
    for label, items in missing.items():
        out.append(f"Bản viết lại bỏ mất {label}: {', '.join(dict.fromkeys(items))}.")
    out += [f.text for f in findings if f.kind in ("length", "verify")]
    return out


def describe(facts: tuple[Fact, ...] | list[Fact]) -> str:
    """'ngày “6/12”, con số “3”' — for the officer."""
    return ", ".join(Finding("", LABELS.get(f.kind, f.kind), f.surface).describe() for f in facts)


def check_rewrite(source: str, rewrite: str, max_words: int | None = None, *, terms: Terms | None = None) -> GuardVerdict:
    """Compare `rewrite` with `source`; ok only when it invents, changes and drops nothing."""
    if not rewrite.strip():
        return GuardVerdict(False, "Bản viết lại rỗng.", reasons=("Bản viết lại rỗng.",))
    terms = terms or Terms.load()
    findings = [Finding("chatter", "lời của mô hình", piece) for piece in chatter(source, rewrite)]
    src, new = read(source, terms), read(rewrite, terms)
    add_affirmed(new, {c.role for c in src.of("stance") if c.value in lx.NEGATIVE_STANCES})
    add_affirmed(src, {c.role for c in new.of("stance") if c.value in lx.NEGATIVE_STANCES})
    check = _Check(src, new)
    findings += check.run()
    words = len(rewrite.split())
    if max_words and words > max_words * LENGTH_TOLERANCE:
        findings.append(Finding("length", "độ dài", f"Bản viết lại dài {words} từ, vượt giới hạn {max_words} từ."))
    reasons = _reasons(findings)
    return GuardVerdict(not findings, " ".join(reasons), tuple(check.invented), tuple(check.missing_facts),
                        tuple(findings), tuple(reasons), tuple(check.kept))


def _numbers_in(fact: Fact) -> list[Decimal]:
    """Values a bare number in the rewrite may repeat: counts, amounts, years, document numbers.

    Not hours or days: "bảy ngày" must not pass because the source says "7h30" or "ngày 7/12".
    """
    if fact.kind in ("amount", "number"):
        return [fact.value[0]]
    if fact.kind in ("date", "month") and fact.value[-1] is not None:
        return [Decimal(fact.value[-1])]
    if fact.kind == "doc":
        return [Decimal(p) for p in re.findall(r"\d+", fact.value[0])]
    return []


def _in_part(hour: int, part: str) -> bool:
    low, high = lx.DAY_PART_HOURS[part]
    return low <= hour < high or low <= hour + 24 < high


class _Check:
    def __init__(self, src: Document, new: Document) -> None:
        self.src, self.new = src, new
        self.findings: list[Finding] = []
        self.invented: list[Fact] = []
        self.missing_facts: list[Fact] = []
        self.kept: list[str] = []
        self.by_kind: dict[str, set[tuple]] = {}
        self.pool: set[Decimal] = set()
        for fact in src.facts:
            self.by_kind.setdefault(fact.kind, set()).add(fact.value)
            self.pool.update(_numbers_in(fact))
        # Numbers the source says in words in any context ("ba bước", "hai hội viên"): a rewrite may
        # write them in digits. Digits of the source are masked so only spoken numbers count here.
        raw = words_to_digits(re.sub(r"\d", "#", src.reading.original.lower()))
        self.lenient = {v for v in (to_decimal(x) for x in re.findall(r"\d+(?:[.,]\d+)*", raw)) if v is not None}
        table = tables().abbreviations  # inside document numbers too: "NĐ-CP" says "Chính phủ"
        self.haystack = "\n".join([src.low, *(full.lower() for short, full in table.items()
                                              if re.search(rf"(?<!\w){re.escape(short)}(?!\w)", src.reading.original))])
        self.idf: dict[str, float] = {}
        for words in src.sentence_words:
            for w in words:
                self.idf[w] = self.idf.get(w, 0) + 1
        self.idf = {w: 1 / n for w, n in self.idf.items()}

    def add(self, kind: str, label: str, text: str, source: str = "") -> None:
        self.findings.append(Finding(kind, label, text, source))

    def run(self) -> list[Finding]:
        for step in (self.facts, self.quantities, self.times, self.weekdays, self.day_parts, self.relatives,
                     self.tables, self.money, self.stances, self.documents, self.entities, self.must_keep):
            step()
        return self.findings

    # ---- support of facts ------------------------------------------------------------------------
    def has_year(self, year: int | None, candidate: int | None) -> bool:
        return year is None or candidate == year or (candidate is None and Decimal(year) in self.pool)

    def supports(self, fact: Fact) -> bool:
        kind, value = fact.kind, fact.value
        if kind == "date":
            day, month, year = value
            return any(d == day and m == month and self.has_year(year, y) for d, m, y in self.by_kind.get("date", ()))
        if kind == "month":
            month, year = value
            pairs = [(m, y) for _, m, y in self.by_kind.get("date", ())] + list(self.by_kind.get("month", ()))
            return any(m == month and self.has_year(year, y) for m, y in pairs)
        if kind == "day":
            return any(d == value[0] for d, _, _ in self.by_kind.get("date", ())) or value in self.by_kind.get("day", ())
        if kind == "amount":
            return value in self.by_kind.get("amount", ()) or value in self.by_kind.get("number", ())
        if kind == "number":
            return value[0] in self.pool
        if kind == "name":  # a sentence-initial name may carry its reading without the first word
            return any(v and re.search(rf"(?<!\w){re.escape(v)}(?!\w)", self.haystack) for v in value)
        return value in self.by_kind.get(kind, ())

    def facts(self) -> None:
        seen: set[tuple] = set()
        for fact in self.new.facts:
            if fact.kind == "free" or (fact.kind, fact.value) in seen:
                continue
            seen.add((fact.kind, fact.value))
            if self.supports(fact):
                continue
            if fact.kind == "number" and (fact.value[0] in self.lenient or self._said_one(fact)):
                continue
            self.invented.append(fact)
            self.add("invented", LABELS.get(fact.kind, fact.kind), fact.surface)

    def _said_one(self, fact: Fact) -> bool:
        return fact.value[0] == 1 and "một" in self.new.reading.original.lower()

    # ---- binding -----------------------------------------------------------------------------------
    def similarity(self, a: frozenset[str], b: frozenset[str]) -> float:
        return sum(self.idf.get(w, 1.0) for w in a & b)

    def misbound(self, claim: Claim, candidates: list[Claim], same: Callable[[Claim], bool]) -> Claim | None:
        """The source claim `claim` is said of instead, when its words or its key point elsewhere."""
        if not candidates or all(same(c) for c in candidates) or not any(same(c) for c in candidates):
            return None
        keys_same = {c.key for c in candidates if same(c) and c.key}
        keys_other = {c.key for c in candidates if not same(c) and c.key}
        if claim.key and keys_same and claim.key not in keys_same and claim.key in keys_other:
            return next(c for c in candidates if not same(c) and c.key == claim.key)
        if claim.key and claim.key in keys_same:
            return None
        scored = [(self.similarity(claim.anchor, c.anchor), c) for c in candidates]
        best_same = max(s for s, c in scored if same(c))
        best_other, other = max(((s, c) for s, c in scored if not same(c)), key=lambda sc: sc[0])
        if any(c.clause == other.clause for c in candidates if same(c)):
            return None  # the source says both in one breath: their words cannot tell them apart
        return other if best_other >= _MIN_BIND and best_other - best_same >= _MARGIN else None

    # ---- quantities ----------------------------------------------------------------------------------
    def quantities(self) -> None:
        sources = self.src.of("quantity")
        for q in self.new.of("quantity"):
            value, base, per = q.value  # type: ignore[misc]
            same_value = [s for s in sources if s.value[0] == value]  # type: ignore[index]
            if not same_value:
                continue
            units = [s for s in same_value if s.value[1] == base and per <= s.value[2]]  # type: ignore[index]
            if base and not units and any(s.value[1] for s in same_value):  # type: ignore[index]
                s = next((s for s in same_value if s.value[1]), same_value[0])  # type: ignore[index]
                self.add("contradicted", "đơn vị", _unit_text(q.surface.rstrip("%"), base, per),
                         _unit_text(s.surface.rstrip("%"), s.value[1], s.value[2]))  # type: ignore[index]
                continue
            pool = units or same_value
            groups = {s.role for s in pool}
            if q.role not in groups and (q.role in ("max", "min", "gt", "lt") or groups & {"max", "min", "gt", "lt"}):
                s = pool[0]
                self.add("contradicted", "ngưỡng", f"{_comparator_text(q.role)}{q.surface}",
                         f"{_comparator_text(s.role)}{s.surface}")
                continue
            money = q.extra
            if money in ("fee", "support") and {s.extra for s in pool} == {"fee" if money == "support"
                                                                                           else "support"}:
                self.add("contradicted", "khoản tiền", f"{q.surface} ({_MONEY_VI[money]})",
                         f"{pool[0].surface} ({_MONEY_VI['fee' if money == 'support' else 'support']})")
                continue
            rivals = [s for s in sources if s.value[1] == base and s.value[1]]  # type: ignore[index]
            other = self.misbound(q, rivals, lambda s, v=value: s.value[0] == v)  # type: ignore[index]
            if other is not None:
                self.add("contradicted", "vai trò của con số", q.surface, other.surface)

    # ---- dates and times ---------------------------------------------------------------------------
    def times(self) -> None:
        src_times = [c for c in self.src.claims if c.kind in ("date", "time", "day")]
        for c in (c for c in self.new.claims if c.kind in ("date", "time", "day")):
            same = [s for s in src_times if s.kind == c.kind and s.value == c.value]
            if not same:
                continue
            if c.kind == "time":
                part = self._part_before(c)
                if part and not _in_part(c.value[0], part):  # type: ignore[index]
                    self.add("contradicted", "buổi", f"{part} … {c.surface}")
                    continue
            roles = {lx.ROLE_GROUPS.get(s.role, "event") for s in same}
            mine = lx.ROLE_GROUPS.get(c.role, "event")
            if mine not in roles and not ({mine} | roles) <= {"event", "start"} and not (
                    mine == "event" and "start" in roles) and not (mine == "start" and "event" in roles):
                s = same[0]
                self.add("contradicted", "vai trò của thời gian", f"{ROLE_VI.get(c.role, c.role)} {c.surface}",
                         f"{ROLE_VI.get(s.role, s.role)} {s.surface}")
                continue
            rivals = [s for s in src_times if s.kind == c.kind]
            other = self.misbound(c, rivals, lambda s, v=c.value: s.value == v)
            if other is not None:
                self.add("contradicted", "thời gian gắn sai", c.surface, other.surface)

    def _part_before(self, claim: Claim) -> str:
        words, tokens = self.new.reading.words, self.new.reading.tokens
        for k in range(claim.index - 1, max(-1, claim.index - 3), -1):
            if tokens[k].clause != tokens[claim.index].clause:
                break
            if words[k] in lx.DAY_PART_HOURS and (k == 0 or words[k - 1] not in lx.NOT_DAY_PART_AFTER):
                return words[k]
        return ""

    def weekdays(self) -> None:
        src_days = self.src.of("weekday")
        years = [f.value[2] for f in self.src.facts + self.new.facts if f.kind == "date" and f.value[2]]
        for c in self.new.of("weekday"):
            date = self._date_near(self.new, c)
            if date is not None:
                d, m, y = date
                y = y or (years[0] if years else None)
                if y is not None:
                    try:
                        real = dt.date(y, m, d).weekday()
                    except ValueError:
                        real = None
                    if real is not None and real != c.value and not any(
                            s.value == c.value and self._date_near(self.src, s) == date for s in src_days):
                        self.add("contradicted", "thứ", f"{c.surface}, ngày {d}/{m}", _WEEKDAY_VI[real])
                        continue
                    if real == c.value:
                        continue
            same = [s for s in src_days if s.value == c.value]
            if not same:
                self.add("invented", "thứ", c.surface)
                continue
            other = self.misbound(c, src_days, lambda s, v=c.value: s.value == v)
            if other is not None:
                self.add("contradicted", "thứ gắn sai", f"{c.surface} ({c.key})", f"{other.surface} ({other.key})")

    @staticmethod
    def _date_near(doc: Document, claim: Claim) -> tuple | None:
        for f in doc.facts:
            if f.kind == "date":
                i = doc.fact_index(f)
                if i < len(doc.reading.tokens) and doc.reading.tokens[i].sentence == claim.sentence \
                        and 0 < i - claim.index <= 5:
                    return f.value
        return None

    def day_parts(self) -> None:
        src_parts = self.src.of("daypart")
        src_hours = [c.value[0] for c in self.src.claims if c.kind == "time"]  # type: ignore[index]
        for c in self.new.of("daypart"):
            part = str(c.value)
            same = [s for s in src_parts if s.value == part]
            if not same and not any(_in_part(h, part) for h in src_hours):
                self.add("invented", "buổi", part)
                continue
            other = self.misbound(c, src_parts, lambda s, v=part: s.value == v) if same else None
            if other is not None:
                self.add("contradicted", "buổi gắn sai", f"{part} ({c.key})", f"{other.value} ({other.key})")

    def relatives(self) -> None:
        have = {c.value for c in self.src.of("relative")}
        for c in self.new.of("relative"):
            if c.value not in have:
                self.add("invented", "thời gian tương đối", c.surface)

    # ---- direction, manner -----------------------------------------------------------------------
    def tables(self) -> None:
        for kind, label, conflicts in (("trend", "chiều thay đổi", None), ("order", "trước/sau", None),
                                       ("manner", "cách thức", lx.MANNER_CONFLICTS)):
            src = self.src.of(kind)
            values = {c.value for c in src}
            for c in self.new.of(kind):
                if c.value in values or (kind == "manner" and c.value == "online" and values & {"online_full",
                                                                                                "online_part"}):
                    if kind == "order":
                        rival = self.misbound(c, src, lambda s, v=c.value: s.value == v)
                        if rival is not None:
                            self.add("contradicted", label, c.surface, rival.surface)
                    continue
                if kind == "manner" and c.value in ("online_full", "online_part") and "online" in values \
                        and not values & {"online_full", "online_part"}:
                    self.add("invented", label, c.surface)
                    continue
                rival = next((s for s in src if conflicts is None or frozenset({s.value, c.value}) in conflicts
                              or (s.value in ("online_full", "online_part") and c.value == "in_person")), None)
                if rival is not None:
                    self.add("contradicted", label, c.surface, rival.surface)
                elif kind != "order":
                    self.add("invented", label, c.surface)

    def money(self) -> None:
        src = self.src.of("money")
        fees = [q for q in self.src.of("quantity") if q.extra == "fee"]
        for c in self.new.of("money"):
            candidates = src + ([Claim("money", "paid", q.surface, q.index, anchor=q.anchor, key=q.key) for q in fees]
                                if c.value == "free" else [])
            same = [s for s in candidates if s.value == c.value]
            if c.value == "paid" and not same and not fees:
                rival = next((s for s in src if s.value == "free"), None)
                self.add("contradicted" if rival else "invented", "phí", c.surface, rival.surface if rival else "")
                continue
            if c.value == "free" and not same:
                self.add("invented", "cụm từ", c.surface)
                continue
            other = self.misbound(c, candidates, lambda s, v=c.value: s.value == v)
            if other is not None:
                self.add("contradicted", "phí" if c.value == "paid" else "miễn phí", c.surface, other.surface)

    # ---- stances -----------------------------------------------------------------------------------
    def stances(self) -> None:
        src = self.src.of("stance")
        for c in self.new.of("stance"):
            same_pred = [s for s in src if s.role == c.role]
            if not same_pred:
                continue
            scored = sorted(((self.similarity(c.anchor, s.anchor), s) for s in same_pred), key=lambda x: -x[0])
            best_score, best = scored[0]
            if _compatible(c.value, best.value):  # type: ignore[arg-type]
                continue
            if best_score == 0 and c.anchor and best.anchor:
                continue  # nothing around the two says they are the same statement
            if any(_compatible(c.value, s.value) and score >= best_score - 0.5 for score, s in scored[1:]):  # type: ignore[arg-type]
                continue
            self.add("contradicted", STANCE_VI.get(str(c.value), str(c.value)), c.surface, best.surface)

    # ---- entities ----------------------------------------------------------------------------------
    def documents(self) -> None:
        """A document the rewrite asks for that the source names but does not ask for ("không cần mang hộ khẩu")."""
        required = {c.value for c in self.src.of("document")}
        named = {c.value[1]: c for c in self.src.of("entity") if c.value[0] == "documents"}  # type: ignore[index]
        words = self.src.reading.words
        for c in self.new.of("document"):
            if c.value not in required and c.value in named:
                m = named[c.value]
                start = next((k for k in range(max(0, m.index - 4), m.index) if words[k] in ("không", "chưa")), m.index)
                said = " ".join(words[start:m.index] + [m.surface])
                self.add("contradicted", "giấy tờ cần mang", c.surface, said)

    def entities(self) -> None:
        names = {c.value for c in self.src.of("entity")}
        for c in self.new.of("entity"):
            category = c.value[0]  # type: ignore[index]
            if c.value in names or re.search(rf"(?<!\w){re.escape(c.surface)}(?!\w)", self.src.low):
                continue
            self.add("invented", _ENTITY_VI[category], c.surface)
        src_actors = {c.value for c in self.src.of("actor")}
        for c in self.new.of("actor"):
            if src_actors and c.value not in src_actors:
                self.add("contradicted", "chủ thể", c.surface, ", ".join(sorted(str(a) for a in src_actors)))

    # ---- must-keep -----------------------------------------------------------------------------------
    def must_keep(self) -> None:
        new_dates = [f for f in self.new.facts if f.kind in ("date", "day", "month")]
        new_times = {f.value for f in self.new.facts if f.kind == "time"}
        for c in self.src.claims:
            if not c.keep:
                continue
            kept = self._kept(c, new_dates, new_times)
            if kept:
                self.kept.append(c.surface)
                continue
            label, item = _MISSING_VI.get(c.kind, c.kind), ""
            if c.kind in ("date", "day") and c.role in ("effective", "start", "deadline", "end", "expiry"):
                label, item = "ngày hiệu lực hoặc thời hạn", "ngày"
                self.missing_facts.append(Fact(c.kind, c.value if isinstance(c.value, tuple) else (c.value,),  # type: ignore[arg-type]
                                               c.surface))
            self.findings.append(Finding("missing", label, c.surface, item=item))

    def _kept(self, c: Claim, new_dates: list[Fact], new_times: set) -> bool:
        new = self.new
        if c.kind == "date":
            day, month, year = c.value  # type: ignore[misc]
            months = {f.value[1] for f in new_dates if f.kind == "date"} | {f.value[0] for f in new_dates
                                                                           if f.kind == "month"}
            return any((f.kind == "date" and f.value[:2] == (day, month) and f.value[2] in (None, year))
                       or (f.kind == "day" and f.value[0] == day and month in months) for f in new_dates)
        if c.kind == "day":
            return any(f.value[0] == c.value[0] for f in new_dates if f.kind in ("date", "day"))  # type: ignore[index]
        if c.kind == "time":
            return c.value in new_times
        if c.kind == "quantity":
            return any(q.value[0] == c.value[0] for q in new.of("quantity"))  # type: ignore[index]
        if c.kind == "money":
            return any(m.value == c.value for m in new.of("money"))
        if c.kind in ("document",):
            return any(e.value[1] == c.value for e in new.of("entity"))  # type: ignore[index]
        if c.kind == "entity":
            return any(e.value == c.value for e in new.of("entity")) or c.surface in new.low
        if c.kind == "place":
            return bool(re.search(rf"(?<!\w){re.escape(str(c.value))}(?!\w)", new.low))
        if c.kind == "condition":
            words = set(new.reading.words)
            content = set(c.value)  # type: ignore[arg-type]
            need = len(content) if len(content) <= 3 else round(0.6 * len(content))
            return len(content & words) >= need
        if c.kind == "stance":
            return any(s.role == c.role and s.value in lx.NEGATIVE_STANCES for s in new.of("stance"))
        return True


def _compatible(a: str, b: str) -> bool:
    if a == b or "affirmed" in (a, b) and (a in lx.NEGATIVE_STANCES) == (b in lx.NEGATIVE_STANCES):
        return True
    if (a in lx.NEGATIVE_STANCES) != (b in lx.NEGATIVE_STANCES):
        return False
    if "negated" in (a, b):
        return True
    return frozenset({a, b}) not in lx.STANCE_CONFLICTS


def _unit_text(surface: str, base: str, per: frozenset) -> str:
    unit = base + "".join(f"/{p}" for p in sorted(per))
    return f"{surface}{unit}" if surface.endswith("%") or unit.startswith("%") else f"{surface} {unit}".strip()


def _comparator_text(group: str) -> str:
    return {"max": "tối đa ", "min": "tối thiểu ", "gt": "trên ", "lt": "dưới ", "approx": "khoảng "}.get(group, "")


_MONEY_VI = {"fee": "phải trả", "support": "được nhận"}
_WEEKDAY_VI = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
_ENTITY_VI = {"offices": "cơ quan", "places": "địa điểm", "groups": "đối tượng", "procedures": "thủ tục",
              "documents": "giấy tờ"}
_MISSING_VI = {"date": "ngày", "day": "ngày", "time": "giờ", "quantity": "khoản tiền hoặc ngưỡng",
               "money": "miễn phí", "document": "giấy tờ cần mang", "entity": "địa điểm", "place": "địa điểm",
               "condition": "điều kiện", "stance": "điều cấm"}
