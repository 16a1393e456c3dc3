"""The fact guard's checks of values: quantities (unit, comparator, what the money is for, which
thing a number belongs to), dates and times (role, day part, binding), weekdays, day parts, relative times."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from broadcaster.production.rewrite import lexicon as lx
from broadcaster.production.rewrite.claims import Claim, Document, fact_value_of, quantity_of
from broadcaster.production.rewrite.guard_base import CheckBase, number_is, value_is

ROLE_VI = {
    "start": "bắt đầu",
    "effective": "có hiệu lực",
    "end": "kết thúc",
    "deadline": "hạn chót",
    "expiry": "hết hạn",
    "after": "sau",
    "event": "thời điểm diễn ra",
}
_OLD_NEW = {"old": "mức cũ", "new": "mức mới"}
_MONEY_VI = {"fee": "phải trả", "support": "được nhận"}
_WEEKDAY_VI = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


def _in_range(doc: Document, q: Claim) -> bool:
    """The number starts or ends a range: "10 đến 15 người", "10-15 người", "từ lớp 1 đến lớp 5"."""
    tokens, words = doc.reading.tokens, doc.reading.words

    def dash_before(i: int) -> bool:
        return doc.norm[tokens[i - 1].end : tokens[i].start].strip() in ("-", "–")

    if q.index and ({"đến", "tới"} & set(words[max(0, q.index - 2) : q.index]) or dash_before(q.index)):
        return True
    end = q.index + 1
    while end < len(tokens) and not tokens[end].is_number and tokens[end].clause == tokens[q.index].clause:
        if tokens[end].text in ("đến", "tới"):
            return True
        end += 1
    return end < len(tokens) and dash_before(end)


def _same_time(a: object, b: object) -> bool:
    """The same date, time or day; a date without its year is the same as one with it ("26/12", "26/12/2026")."""
    if a == b:
        return True
    if isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b) == 3:
        return a[:2] == b[:2] and None in (a[2], b[2])
    return False


def _count(value: Decimal) -> bool:
    """A bare count ("14 thanh niên"), not a year or a code: whose numbers can be swapped between two things."""
    return value == int(value) and 2 <= value < 1000


def _same_time_as(value: object) -> Callable[[Claim], bool]:
    """For misbound: a date, time or day claim with this value (a year missing on one side matches)."""
    return lambda claim: _same_time(claim.value, value)


def _in_part(hour: int, part: str) -> bool:
    low, high = lx.DAY_PART_HOURS[part]
    return low <= hour < high or low <= hour + 24 < high


def _unit_text(surface: str, base: str, per: frozenset) -> str:
    if base and surface.endswith(base):
        surface = surface[: -len(base)].rstrip()
    unit = base + "".join(f"/{p}" for p in sorted(per))
    return f"{surface}{unit}" if surface.endswith("%") or unit.startswith("%") else f"{surface} {unit}".strip()


def _comparator_text(group: str) -> str:
    return {"max": "tối đa ", "min": "tối thiểu ", "gt": "trên ", "lt": "dưới ", "approx": "khoảng "}.get(group, "")


class ValueChecks(CheckBase):
    """Mixed into the guard's check (guard._Check): uses its `src`, `new`, `add` and `misbound`."""

    # ---- quantities ----------------------------------------------------------------------------------
    def quantities(self) -> None:
        sources = self.src.of("quantity")
        for q in self.new.of("quantity"):
            value, base, per = quantity_of(q)
            same_value = [s for s in sources if quantity_of(s)[0] == value]
            if not same_value:
                continue
            if base == "ngày" and 2 <= value <= len({f.value[:2] for f in self.src.facts if f.kind == "date"}):
                continue  # "cả hai ngày đều tiêm buổi sáng": the days the source lists, counted
            units = [s for s in same_value if quantity_of(s)[1] == base and per <= quantity_of(s)[2]]
            if base and not units and any(quantity_of(s)[1] for s in same_value):
                s = next((s for s in same_value if quantity_of(s)[1]), same_value[0])
                _, s_base, s_per = quantity_of(s)
                self.add(
                    "contradicted",
                    "đơn vị",
                    _unit_text(q.surface.rstrip("%"), base, per),
                    _unit_text(s.surface.rstrip("%"), s_base, s_per),
                )
                continue
            pool = units or same_value
            groups = {s.role for s in pool}
            if q.role in ("old", "new") and groups & {"old", "new"} and q.role not in groups:
                s = next(s for s in pool if s.role in ("old", "new"))
                self.add(
                    "contradicted",
                    "mức cũ hay mới",
                    f"{_OLD_NEW[q.role]} {q.surface}",
                    f"{_OLD_NEW[s.role]} {s.surface}",
                )
                continue
            ranged = {q.role} | groups <= {"", "min", "max"} and (
                _in_range(self.new, q) or any(_in_range(self.src, s) for s in pool)
            )
            if (
                q.role not in groups
                and not ranged  # "từ 10 đến 15 người" and "10 đến 15 người", "10-15 người"
                and (q.role in ("max", "min", "gt", "lt") or groups & {"max", "min", "gt", "lt"})
            ):
                s = pool[0]
                self.add(
                    "contradicted",
                    "ngưỡng",
                    f"{_comparator_text(q.role)}{q.surface}",
                    f"{_comparator_text(s.role)}{s.surface}",
                )
                continue
            money = q.extra
            if money in ("fee", "support") and {s.extra for s in pool} == {"fee" if money == "support" else "support"}:
                self.add(
                    "contradicted",
                    "khoản tiền",
                    f"{q.surface} ({_MONEY_VI[money]})",
                    f"{pool[0].surface} ({_MONEY_VI['fee' if money == 'support' else 'support']})",
                )
                continue
            rivals = [
                s
                for s in sources
                if quantity_of(s)[1] == base and (base or _count(value) and _count(quantity_of(s)[0]))
            ]
            other = self.misbound(q, rivals, number_is(value))
            if other is not None:
                self.add("contradicted", "vai trò của con số", q.surface, other.surface)

    # ---- dates and times ---------------------------------------------------------------------------
    def times(self) -> None:
        src_times = [c for c in self.src.claims if c.kind in ("date", "time", "day")]
        for c in (c for c in self.new.claims if c.kind in ("date", "time", "day")):
            same = [s for s in src_times if s.kind == c.kind and _same_time(s.value, c.value)]
            if not same:
                continue
            if c.kind == "time":
                part = self._part_before(c)
                if part and not _in_part(fact_value_of(c)[0], part):
                    self.add("contradicted", "buổi", f"{part} … {c.surface}")
                    continue
            roles = {lx.ROLE_GROUPS.get(s.role, "event") for s in same}
            mine = lx.ROLE_GROUPS.get(c.role, "event")
            if (
                mine not in roles
                and not ({mine} | roles) <= {"event", "start"}
                and not (mine == "event" and "start" in roles)
                and not (mine == "start" and "event" in roles)
                # a day with a clock range: "từ 7 giờ 30 đến 11 giờ, thứ Năm ngày 24/12" is that day's end
                # to the reading, but the day of the event to the listener
                and not (c.kind in ("date", "time", "day") and ({mine} | roles) <= {"event", "end"})
            ):
                s = same[0]
                self.add(
                    "contradicted",
                    "vai trò của thời gian",
                    f"{ROLE_VI.get(c.role, c.role)} {c.surface}",
                    f"{ROLE_VI.get(s.role, s.role)} {s.surface}",
                )
                continue
            rivals = [s for s in src_times if s.kind == c.kind]
            other = self.misbound(c, rivals, _same_time_as(c.value))
            if other is not None:
                self.add("contradicted", "thời gian gắn sai", c.surface, other.surface)

    def _part_before(self, claim: Claim) -> str:
        words, tokens = self.new.reading.words, self.new.reading.tokens
        for k in range(claim.index - 1, max(-1, claim.index - 3), -1):
            if tokens[k].clause != tokens[claim.index].clause:
                break
            if words[k] in lx.DAY_PART_HOURS and (
                k == 0
                or (
                    words[k - 1] not in lx.NOT_DAY_PART_AFTER
                    and words[k - 1] not in ("giờ", "phút", "rưỡi")
                    and not tokens[k - 1].is_number
                )
            ):
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
                    if (
                        real is not None
                        and real != c.value
                        and not any(s.value == c.value and self._date_near(self.src, s) == date for s in src_days)
                    ):
                        self.add("contradicted", "thứ", f"{c.surface}, ngày {d}/{m}", _WEEKDAY_VI[real])
                        continue
                    if real == c.value:
                        continue
            same = [s for s in src_days if s.value == c.value]
            if not same and not self._weekday_named_before(c, years):
                self.add("invented", "thứ", c.surface)
                continue
            if not same:
                continue
            other = self.misbound(c, src_days, value_is(c.value))
            if other is not None:
                self.add("contradicted", "thứ gắn sai", f"{c.surface} ({c.key})", f"{other.surface} ({other.key})")

    def _weekday_named_before(self, c: Claim, years: list) -> bool:
        """ "… lúc 16 giờ Chủ nhật" after the rewrite said "Chủ nhật 27/12/2026", a true weekday of a source date."""
        for w in self.new.of("weekday"):
            date = self._date_near(self.new, w)
            if w.index < c.index and w.value == c.value and date is not None:
                d, m, y = date
                y = y or (years[0] if years else None)
                try:
                    if y is not None and dt.date(y, m, d).weekday() == c.value:
                        return any(f.kind == "date" and f.value[:2] == (d, m) for f in self.src.facts)
                except ValueError:
                    return False
        return False

    @staticmethod
    def _date_near(doc: Document, claim: Claim) -> tuple | None:
        for f in doc.facts:
            if f.kind == "date":
                i = doc.fact_index(f)
                if (
                    i < len(doc.reading.tokens)
                    and doc.reading.tokens[i].sentence == claim.sentence
                    and 0 < i - claim.index <= 5
                ):
                    return f.value
        for f in doc.facts:  # "áp dụng từ ngày 14/12/2026 (thứ Hai)"
            if f.kind == "date":
                end = doc.fact_index(f) + len(f.surface.split())
                if 0 <= claim.index - end <= 1 and doc.reading.tokens[claim.index].sentence == claim.sentence:
                    return f.value
        return None

    def day_parts(self) -> None:
        src_parts = self.src.of("daypart")
        src_hours = [fact_value_of(c)[0] for c in self.src.claims if c.kind == "time"]
        for c in self.new.of("daypart"):
            part = str(c.value)
            same = [s for s in src_parts if s.value == part]
            if not same and not any(_in_part(h, part) for h in src_hours):
                self.add("invented", "buổi", part)
                continue
            other = self.misbound(c, src_parts, value_is(part)) if same else None
            if other is not None:
                self.add("contradicted", "buổi gắn sai", f"{part} ({c.key})", f"{other.value} ({other.key})")

    def relatives(self) -> None:
        have = {c.value for c in self.src.of("relative")}
        for c in self.new.of("relative"):
            if c.value not in have:
                self.add("invented", "thời gian tương đối", c.surface)
        scopes = {c.value for c in self.src.of("scope")}
        for c in self.new.of("scope"):
            if c.value not in scopes and not self._said_all(c):
                self.add("invented", "phạm vi", c.surface)

    def _said_all(self, c: Claim) -> bool:
        """ "mọi con chó" where the source says "chó, mèo … đều phải tiêm": "đều" in a sentence of the same noun."""
        nouns = set(c.surface.split()[len(c.extra.split()) :]) - {"các", "những", "con", "người", "loại"}
        banned = any(s.value == "prohibited" and s.sentence == c.sentence for s in self.new.of("stance"))
        if banned and {"hành", "hình"} & nouns and any(s.value == "prohibited" for s in self.src.of("stance")):
            return True  # "mọi hành vi tháo dỡ … đều bị nghiêm cấm" for "nghiêm cấm tháo dỡ …"
        words, tokens = self.src.reading.words, self.src.reading.tokens
        return any(
            (w == "đều" or words[k : k + 2] == ["các", "loại"])  # "ô tô các loại" for "mọi loại ô tô"
            and nouns & self.src.sentence_words[tokens[k].sentence]
            for k, w in enumerate(words)
        )
