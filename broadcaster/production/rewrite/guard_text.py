"""The fact guard's checks of words: direction and manner, opposites, money without an amount, polarity
and modality, documents, offices and places, actors. The must-keep claims are guard_keep.py's."""

from __future__ import annotations

import re

from broadcaster.production.rewrite import lexicon as lx
from broadcaster.production.rewrite.claims import Claim, Document, entity_of
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
_BRING = frozenset({"mang", "nộp", "xuất", "chuẩn", "kèm"})  # verbs of a required document


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
                if kind == "manner" and c.value == "in_person" and self._in_person_at_source_place(c):
                    continue
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
                elif kind != "order" and c.value != "open":  # "các điểm bỏ phiếu mở cửa từ 7 giờ"
                    self.add("invented", label, c.surface)

    def _in_person_at_source_place(self, c: Claim) -> bool:
        """ "trực tiếp tại Công an xã" where the source says "tại Công an xã": with no online way in the
        source, or as the other way ("qua ứng dụng VNeID hoặc tại Công an xã")."""
        after = c.index + len(c.surface.split())
        at = " ".join(self.new.reading.words[after : after + 4])
        if len(at.split()) < 3 or at.split()[0] not in ("tại", "ở"):
            return False
        online = any(str(m.value).startswith("online") for m in self.src.of("manner"))
        return f"hoặc {at}" in self.src.low if online else at in self.src.low

    def opposites(self) -> None:
        """ "kết thúc" where the source says "bắt đầu" (and never "kết thúc"), about the same things."""
        said = {str(c.value) for c in self.src.of("opposite")}
        for c in self.new.of("opposite"):
            row, side = str(c.value).split(":")
            other = f"{row}:{1 - int(side)}"
            if c.value in said or other not in said:
                continue
            rivals = [s for s in self.src.of("opposite") if s.value == other]
            best = max(rivals, key=lambda s: self.similarity(c.anchor, s.anchor))
            if self.similarity(c.anchor, best.anchor) >= 1:
                self.add("contradicted", "nghĩa ngược", c.surface, best.surface)

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

        def negations(doc: Document) -> dict[str, int]:
            out: dict[str, int] = {}
            for s in doc.of("stance"):
                if s.value in lx.NEGATIVE_STANCES:
                    out[s.role] = out.get(s.role, 0) + 1
            return out

        # A verb the source says both ways, negated as often in the rewrite: which one is negated is left
        # to the other claims ("áp dụng từ 01/01 … không áp dụng đối với hồ sơ đã nộp" told in another order).
        src_neg, new_neg = negations(self.src), negations(self.new)
        balanced = {
            role
            for role, n in src_neg.items()
            if new_neg.get(role) == n and self.src.reading.words.count(next(iter(role.split()), role)) > n
        }
        for c in self.new.of("stance"):  # a ban ("cấm xe tải … đi qua") speaks of the verbs after its object too
            same_pred = [
                s
                for s in src
                if s.role == c.role or (s.surface.startswith(("cấm", "nghiêm cấm")) and c.role in s.anchor)
            ]
            if not same_pred:
                self._in_negated_scope(c, src)
                self._duty_weakened(c)
                continue
            scored = sorted(((self.similarity(c.anchor, s.anchor), s) for s in same_pred), key=lambda x: -x[0])
            best_score, best = scored[0]
            if _compatible(str(c.value), str(best.value)):
                continue
            if c.role in balanced and (c.value in lx.NEGATIVE_STANCES) != (best.value in lx.NEGATIVE_STANCES):
                continue
            if best_score == 0 and c.anchor and best.anchor:
                continue  # nothing around the two says they are the same statement
            if c.role in ("có", "là", "làm") and not set(c.extra.split()) & set(best.extra.split()):
                continue  # "không có tên trong danh sách" and "có sai sót": "có" of different things
            if any(_compatible(str(c.value), str(s.value)) and score >= best_score - 0.5 for score, s in scored[1:]):
                continue
            if c.value in lx.NEGATIVE_STANCES and any(
                _compatible(str(c.value), str(s.value)) and len(set(c.extra.split()) & set(s.extra.split())) >= 2
                for s in src
            ):
                continue  # "không có thẩm quyền" for "không thuộc thẩm quyền": the same things negated
            self.add("contradicted", STANCE_VI.get(str(c.value), str(c.value)), c.surface, best.surface)

    def _duty_weakened(self, c: Claim) -> None:
        """ "Ai tiện thì có thể mang theo căn cước" where the source says to bring it."""
        if c.value not in ("permitted", "advised") or c.role not in _BRING:
            return
        if c.surface.startswith("được") and not c.surface.startswith("được phép"):
            return  # "hồ sơ được nộp tại…": a passive, not a permission
        docs = self.src.of("document")
        if docs:
            self.add("contradicted", STANCE_VI[str(c.value)], c.surface, f"mang theo {docs[0].surface}")

    def _in_negated_scope(self, c: Claim, src: list[Claim]) -> None:
        """ "được tháo nước" where the source says "không tự ý phá bờ tháo nước": a verb the source negates
        as part of a series, allowed or asked for."""
        if c.value in lx.NEGATIVE_STANCES or c.value == "affirmed":
            return
        for s in src:
            if (
                s.value in lx.NEGATIVE_STANCES
                and s.keep  # a rule ("không tự ý phá bờ tháo nước"), not a state ("chưa được cấp giấy … mang theo")
                and s.role not in ("có", "là", "còn")  # "không có lương hưu hoặc trợ cấp": nouns follow
                and c.role in s.extra.split()
                and self.similarity(c.anchor, s.anchor) >= 1
            ):
                self.add("contradicted", STANCE_VI.get(str(c.value), str(c.value)), c.surface, s.surface)
                return

    # ---- entities ----------------------------------------------------------------------------------
    def documents(self) -> None:
        """A document the rewrite asks for that the source names but does not ask for ("không cần mang hộ khẩu")."""
        required = {c.value for c in self.src.of("document")}
        named = {entity_of(c)[1]: c for c in self.src.of("entity") if entity_of(c)[0] == "documents"}
        words = self.src.reading.words
        new_words = self.new.reading.words
        for c in self.new.of("entity"):  # "không cần giấy ủy quyền" where the source asks for it
            if entity_of(c)[0] == "documents" and entity_of(c)[1] in required:
                before = " ".join(new_words[max(0, c.index - 5) : c.index])
                if hit := re.search(r"\b(?:không cần|không phải|không bắt buộc|khỏi|không yêu cầu)\b.*", before):
                    source = next(d.surface for d in self.src.of("document") if d.value == entity_of(c)[1])
                    self.add("contradicted", "giấy tờ cần mang", f"{hit.group()} {c.surface}", source)
        for c in self.new.of("document"):
            if c.value not in required and c.value in named:
                m = named[c.value]
                start = next((k for k in range(max(0, m.index - 4), m.index) if words[k] in ("không", "chưa")), m.index)
                if start < m.index:  # "không cần mang hộ khẩu"; "Phiếu đăng ký nộp cho trưởng ấp" asks for it too
                    said = " ".join(words[start : m.index] + [m.surface])
                    self.add("contradicted", "giấy tờ cần mang", c.surface, said)

    def entities(self) -> None:
        names = {c.value for c in self.src.of("entity")}
        for c in self.new.of("entity"):
            category = entity_of(c)[0]
            if c.value in names or re.search(rf"(?<!\w){re.escape(c.surface)}(?!\w)", self.src.low):
                continue
            head, _, rest = c.surface.partition(" ")
            if category == "places" and head in ("điểm", "nơi") and rest and rest in self.src.low:
                continue  # "các điểm bỏ phiếu" where the source says "bỏ phiếu từ 7 giờ"
            self.add("invented", _ENTITY_VI[category], c.surface)

        # A place the source names but not as the place: "tại Bệnh viện huyện" for "Bệnh viện huyện phối hợp
        # với Trạm Y tế xã … tại Trạm Y tế xã".
        def located(doc: Document, c: Claim) -> bool:  # "tại …", "ở …": where it happens, not whom to ask
            return (
                c.role == "place"
                and entity_of(c)[0] in ("places", "offices")
                and bool({"tại", "ở"} & set(doc.reading.words[max(0, c.index - 2) : c.index]))
            )

        def visited(c: Claim) -> bool:  # the source's places, lists included; not an office to contact
            before = set(self.src.reading.words[max(0, c.index - 3) : c.index])
            return (
                c.role == "place"
                and entity_of(c)[0] in ("places", "offices")
                and not before & {"liên", "hệ", "hỏi", "gọi", "báo", "gửi"}
            )

        src_places: list[Claim] = []
        for c in self.src.of("entity"):  # "tại trụ sở ủy ban nhân dân xã và nhà văn hóa các thôn"
            listed = (
                bool(src_places)
                and src_places[-1].sentence == c.sentence
                and self.src.reading.words[c.index - 1] in ("và", "hoặc")
                and c.index - src_places[-1].index <= 8
            )
            if visited(c) or (listed and entity_of(c)[0] in ("places", "offices")):
                src_places.append(c)
        for c in self.new.of("entity"):
            if not src_places or not located(self.new, c):
                continue
            if c.value in names and all(s.value != c.value for s in src_places):
                self.add("contradicted", "địa điểm", c.surface, ", ".join(dict.fromkeys(s.surface for s in src_places)))
        src_actors = {c.value for c in self.src.of("actor")}
        for c in self.new.of("actor"):
            if src_actors and c.value not in src_actors:
                self.add("contradicted", "chủ thể", c.surface, ", ".join(sorted(str(a) for a in src_actors)))
