"""The fact guard's checks of words: direction and manner, money without an amount, polarity and
modality, documents, offices and places, actors, and the must-keep claims of the source."""

from __future__ import annotations

import re

from broadcaster.production.rewrite import lexicon as lx
from broadcaster.production.rewrite.claims import Claim, entity_of, fact_value_of, quantity_of, words_of
from broadcaster.production.rewrite.facts import Fact
from broadcaster.production.rewrite.guard_base import CheckBase, value_is

STANCE_VI = {
    "prohibited": "cấm",
    "not_required": "không bắt buộc",
    "advised_not": "khuyên không nên",
    "negated": "phủ định",
    "required": "bắt buộc",
    "requested": "đề nghị",
    "invited": "mời",
    "permitted": "được phép",
    "advised": "khuyên nên",
    "affirmed": "khẳng định",
}
_ENTITY_VI = {
    "offices": "cơ quan",
    "places": "địa điểm",
    "groups": "đối tượng",
    "procedures": "thủ tục",
    "documents": "giấy tờ",
}
_MISSING_VI = {
    "date": "ngày",
    "day": "ngày",
    "time": "giờ",
    "quantity": "khoản tiền hoặc ngưỡng",
    "money": "miễn phí",
    "document": "giấy tờ cần mang",
    "entity": "địa điểm",
    "place": "địa điểm",
    "condition": "điều kiện",
    "stance": "điều cấm",
}


def _compatible(a: str, b: str) -> bool:
    if a == b or "affirmed" in (a, b) and (a in lx.NEGATIVE_STANCES) == (b in lx.NEGATIVE_STANCES):
        return True
    if (a in lx.NEGATIVE_STANCES) != (b in lx.NEGATIVE_STANCES):
        return False
    if "negated" in (a, b):
        return True
    return frozenset({a, b}) not in lx.STANCE_CONFLICTS


class TextChecks(CheckBase):
    """Mixed into the guard's check (guard._Check): uses its `src`, `new`, `add`, `findings` and `misbound`."""

    # ---- direction, manner -----------------------------------------------------------------------
    def tables(self) -> None:
        for kind, label, conflicts in (
            ("trend", "chiều thay đổi", None),
            ("order", "trước/sau", None),
            ("manner", "cách thức", lx.MANNER_CONFLICTS),
        ):
            src = self.src.of(kind)
            values = {c.value for c in src}
            for c in self.new.of(kind):
                if c.value in values or (
                    kind == "manner" and c.value == "online" and values & {"online_full", "online_part"}
                ):
                    if kind == "order":
                        rival = self.misbound(c, src, value_is(c.value))
                        if rival is not None:
                            self.add("contradicted", label, c.surface, rival.surface)
                    continue
                if (
                    kind == "manner"
                    and c.value in ("online_full", "online_part")
                    and "online" in values
                    and not values & {"online_full", "online_part"}
                ):
                    self.add("invented", label, c.surface)
                    continue
                rival = next(
                    (
                        s
                        for s in src
                        if conflicts is None
                        or frozenset({s.value, c.value}) in conflicts
                        or (s.value in ("online_full", "online_part") and c.value == "in_person")
                    ),
                    None,
                )
                if rival is not None:
                    self.add("contradicted", label, c.surface, rival.surface)
                elif kind != "order":
                    self.add("invented", label, c.surface)

    def money(self) -> None:
        src = self.src.of("money")
        fees = [q for q in self.src.of("quantity") if q.extra == "fee"]
        for c in self.new.of("money"):
            candidates = src + (
                [Claim("money", "paid", q.surface, q.index, anchor=q.anchor, key=q.key) for q in fees]
                if c.value == "free"
                else []
            )
            same = [s for s in candidates if s.value == c.value]
            if c.value == "paid" and not same and not fees:
                rival = next((s for s in src if s.value == "free"), None)
                self.add("contradicted" if rival else "invented", "phí", c.surface, rival.surface if rival else "")
                continue
            if c.value == "free" and not same:
                self.add("invented", "cụm từ", c.surface)
                continue
            other = self.misbound(c, candidates, value_is(c.value))
            if other is not None:
                self.add("contradicted", "phí" if c.value == "paid" else "miễn phí", c.surface, other.surface)

    # ---- stances -----------------------------------------------------------------------------------
    def stances(self) -> None:
        src = self.src.of("stance")
        for c in self.new.of("stance"):  # a ban ("cấm xe tải … đi qua") speaks of the verbs after its object too
            same_pred = [
                s
                for s in src
                if s.role == c.role or (s.surface.startswith(("cấm", "nghiêm cấm")) and c.role in s.anchor)
            ]
            if not same_pred:
                continue
            scored = sorted(((self.similarity(c.anchor, s.anchor), s) for s in same_pred), key=lambda x: -x[0])
            best_score, best = scored[0]
            if _compatible(str(c.value), str(best.value)):
                continue
            if best_score == 0 and c.anchor and best.anchor:
                continue  # nothing around the two says they are the same statement
            if any(_compatible(str(c.value), str(s.value)) and score >= best_score - 0.5 for score, s in scored[1:]):
                continue
            self.add("contradicted", STANCE_VI.get(str(c.value), str(c.value)), c.surface, best.surface)

    # ---- entities ----------------------------------------------------------------------------------
    def documents(self) -> None:
        """A document the rewrite asks for that the source names but does not ask for ("không cần mang hộ khẩu")."""
        required = {c.value for c in self.src.of("document")}
        named = {entity_of(c)[1]: c for c in self.src.of("entity") if entity_of(c)[0] == "documents"}
        words = self.src.reading.words
        for c in self.new.of("document"):
            if c.value not in required and c.value in named:
                m = named[c.value]
                start = next((k for k in range(max(0, m.index - 4), m.index) if words[k] in ("không", "chưa")), m.index)
                said = " ".join(words[start : m.index] + [m.surface])
                self.add("contradicted", "giấy tờ cần mang", c.surface, said)

    def entities(self) -> None:
        names = {c.value for c in self.src.of("entity")}
        for c in self.new.of("entity"):
            category = entity_of(c)[0]
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
                self.missing_facts.append(
                    Fact(
                        c.kind,
                        c.value if isinstance(c.value, tuple) else (c.value,),
                        c.surface,
                    )
                )
            self.add("missing", label, c.surface, item=item)

    def _kept(self, c: Claim, new_dates: list[Fact], new_times: set) -> bool:
        new = self.new
        if c.kind == "date":
            day, month, year = fact_value_of(c)
            months = {f.value[1] for f in new_dates if f.kind == "date"} | {
                f.value[0] for f in new_dates if f.kind == "month"
            }
            return any(
                (f.kind == "date" and f.value[:2] == (day, month) and f.value[2] in (None, year))
                or (f.kind == "day" and f.value[0] == day and month in months)
                for f in new_dates
            )
        if c.kind == "day":
            return any(f.value[0] == fact_value_of(c)[0] for f in new_dates if f.kind in ("date", "day"))
        if c.kind == "time":
            return c.value in new_times
        if c.kind == "quantity":
            return any(quantity_of(q)[0] == quantity_of(c)[0] for q in new.of("quantity"))
        if c.kind == "money":  # an exemption of a group is kept only with the group ("người khuyết tật được miễn")
            groups = {entity_of(e)[1] for e in new.of("entity") if entity_of(e)[0] == "groups"}
            others_pay = any(q.extra == "fee" for q in self.src.of("quantity")) or any(
                m.value == "paid" for m in self.src.of("money")
            )
            exempt = [
                m.name
                for m in self.src.mentions
                if others_pay and m.category == "groups" and c.index - 3 <= m.end <= c.index
            ]
            return any(m.value == c.value for m in new.of("money")) and all(g in groups for g in exempt)
        if c.kind in ("document",):
            return any(entity_of(e)[1] == c.value for e in new.of("entity"))
        if c.kind == "entity":
            return any(e.value == c.value for e in new.of("entity")) or c.surface in new.low
        if c.kind == "place":  # "thôn tây" is kept by "các thôn Đông, Tây và Trung"
            head, _, name = str(c.value).partition(" ")
            return bool(re.search(rf"(?<!\w){re.escape(str(c.value))}(?!\w)", new.low)) or (
                head in new.reading.words and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", new.low) is not None
            )
        if c.kind == "condition":
            words = set(new.reading.words)
            content = set(words_of(c))
            need = len(content) if len(content) <= 3 else round(0.6 * len(content))
            return len(content & words) >= need
        if c.kind == "stance":  # the same verb negated, or a negation about the same things ("cấm xe tải")
            return any(
                s.value in lx.NEGATIVE_STANCES and (s.role == c.role or self.similarity(s.anchor, c.anchor) >= 2)
                for s in new.of("stance")
            )
        return True
