"""The fact guard's must-keep check: what the source marks as must-keep (dates and times, deadlines, fees
and exemptions, required documents, conditions and exceptions, prohibitions, places and villages, lists
in a rule, groups named together) the rewrite must say too, in its own words if need be."""

from __future__ import annotations

import re
from typing import cast

from broadcaster.production.rewrite import lexicon as lx
from broadcaster.production.rewrite.claims import Claim, Document, entity_of, fact_value_of, quantity_of, words_of
from broadcaster.production.rewrite.facts import Fact
from broadcaster.production.rewrite.guard_base import CheckBase

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
    "list": "một mục của danh sách",
    "grouplist": "đối tượng",
}
_CONDITION_HEADS = frozenset(" ".join(lx.CONDITION_WORDS).split())
# Words that make a group a condition ("người có bệnh mạn tính", "hộ đang nuôi lợn").
_QUALIFIERS = frozenset({"có", "mắc", "bị", "đang", "chưa"})


def _title_sentence(doc: Document) -> int | None:
    """0 when the text opens with a title ("Thông báo: …", "Tin y tế: …", "Thủ tục hành chính …:")."""
    first = doc.reading.original.strip().split(".")[0]
    head, colon, _ = first.partition(":")
    return 0 if colon and len(head.split()) <= 8 and head.lower().startswith(("thông", "tin", "thủ tục")) else None


class KeepChecks(CheckBase):
    """Mixed into the guard's check (guard._Check): uses its `src`, `new`, `add`, `kept`, `missing_facts`."""

    def must_keep(self) -> None:
        new_dates = [f for f in self.new.facts if f.kind in ("date", "day", "month")]
        new_times = {f.value for f in self.new.facts if f.kind == "time"}
        title = _title_sentence(self.src)
        for c in self.src.claims:
            if not c.keep or (c.sentence == title and c.kind not in ("date", "day", "time")):
                continue  # the title ("Thông báo: Khai báo tạm vắng đối với người đi làm ăn xa.") is said again below
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
                (f.kind == "date" and f.value[:2] == (day, month) and (year is None or f.value[2] in (None, year)))
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
            # … and with the way it is earned ("nộp hồ sơ trực tuyến được miễn lệ phí")
            manners = {m.value for m in self.src.of("manner") if m.clause == c.clause and m.index < c.index}
            return (
                any(m.value == c.value for m in new.of("money"))
                and all(g in groups for g in exempt)
                and manners <= {m.value for m in new.of("manner")}
            )
        if c.kind in ("document",):  # with the group that alone must bring it ("người có bệnh mạn tính mang theo …")
            only = [
                m.name
                for m in self.src.mentions
                if m.category == "groups"
                and set(m.name.split()) & _QUALIFIERS
                and self.src.reading.tokens[m.first].sentence == c.sentence
                and c.index - 8 <= m.first < c.index
            ]
            words = set(new.reading.words)
            src_words = self.src.reading.words
            after = src_words[c.index + len(c.surface.split()) :][:6]
            head = c.surface.split()[0]
            said = (
                any(entity_of(e)[1] == c.value for e in new.of("entity"))
                or f"{head} {' '.join(after[:2])}" in new.low  # "sổ hoặc phiếu tiêm chủng"
                # "đơn theo mẫu" for "đơn đề nghị (biến động) theo mẫu": its first word and the form
                or "theo" in after
                and after[after.index("theo") + 1 : after.index("theo") + 2] == ["mẫu"]
                and f"{head} theo mẫu" in new.low
            )
            return said and all(set(g.split()) - _QUALIFIERS - {"người", "hộ", "trẻ"} <= words for g in only)
        if c.kind == "entity":  # "tại trường" keeps "tại nhà trường"
            rest = c.surface.partition(" ")[2]
            return (
                any(e.value == c.value for e in new.of("entity"))
                or c.surface in new.low
                or bool(rest and re.search(rf"\b(?:tại|ở) {re.escape(rest)}\b", new.low))
            )
        if c.kind == "place":  # "thôn tây" is kept by "các thôn Đông, Tây và Trung"
            head, _, name = str(c.value).partition(" ")
            return bool(re.search(rf"(?<!\w){re.escape(str(c.value))}(?!\w)", new.low)) or (
                head in new.reading.words and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", new.low) is not None
            )
        if c.kind == "list":  # each item of a list the rewrite keeps (a word of it at least), in a rule
            rule = {"condition", "document", "money"}
            if not any(
                s.sentence == c.sentence and (s.kind in rule or (s.kind == "stance" and s.value in lx.NEGATIVE_STANCES))
                for s in self.src.claims
            ):
                return True
            items = cast(tuple[tuple[str, ...], ...], c.value)
            shared = {w for w in set().union(*items) if sum(w in item for item in items) > 1}  # "xe … xe"
            cores = [tuple(w for w in item if w not in shared) or item for item in items]
            cores[-1] = cores[-1][:1]  # where the last item ends is not known: its first word
            cores[0] = cores[0][-1:]  # nor where the first begins: its last word
            present = [
                re.search(rf"(?<!\w){re.escape(' '.join(core[-2:]))}(?!\w)", new.low) is not None for core in cores
            ]
            return all(present) or not any(present)
        if c.kind == "grouplist":  # all the groups named together, or none of them
            have = {entity_of(e)[1] for e in new.of("entity") if entity_of(e)[0] == "groups"}
            named = [g in have for g in cast(tuple[str, ...], c.value)]
            return all(named) or not any(named)
        if c.kind == "condition":
            words = set(new.reading.words)
            content = set(words_of(c))
            if content == {"nếu có"}:
                return re.search(r"\b(?:nếu có|(?:nếu|khi) còn|(?:nếu|ai) có)\b", new.low) is not None
            span = range(c.index, c.index + len(c.surface.split()))
            own = {w for w in content if not w[:1].isdigit()} - _CONDITION_HEADS
            own -= {w for k, w in enumerate(self.src.reading.words) if k not in span}
            if len(own) >= 2 and not own & words:
                return False  # none of the words only the condition says ("trừ người bị tước quyền…": "tước", "án")
            need = len(content) if len(content) <= 3 else round(0.6 * len(content))
            return len(content & words) >= need
        if c.kind == "stance":  # the same verb negated, or a negation about the same things ("cấm xe tải")
            return any(
                s.value in lx.NEGATIVE_STANCES
                and (
                    s.role == c.role
                    or (
                        c.surface.startswith(("cấm", "nghiêm cấm"))
                        and (
                            self.similarity(s.anchor, c.anchor) >= 2
                            or s.role in c.extra.split()
                            or (s.value == "prohibited" and c.role in new.sentence_words[s.sentence])
                        )
                    )  # "Cấm đua xe" for "Nghiêm cấm tụ tập đua xe"; "cấm dùng … để khai thác" for "cấm khai thác"
                )
                for s in new.of("stance")
            )
        return True
