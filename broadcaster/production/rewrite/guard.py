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

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from broadcaster.production.rewrite.claims import Claim, Document, anchor, read
from broadcaster.production.rewrite.claims_text import contrast_marks
from broadcaster.production.rewrite.facts import Fact, to_decimal
from broadcaster.production.rewrite.guard_base import value_is
from broadcaster.production.rewrite.guard_keep import KeepChecks
from broadcaster.production.rewrite.guard_text import TextChecks
from broadcaster.production.rewrite.guard_values import ValueChecks
from broadcaster.production.rewrite.hygiene import chatter
from broadcaster.production.rewrite.stance import add_affirmed, negated_predicates
from broadcaster.production.rewrite.terms import Terms
from broadcaster.vi.number_runs import words_to_digits
from broadcaster.vi.tables import tables

LABELS = {
    "date": "ngày",
    "day": "ngày",
    "month": "tháng",
    "time": "giờ",
    "amount": "số tiền",
    "number": "con số",
    "phone": "số điện thoại",
    "code": "mã thủ tục",
    "doc": "số hiệu văn bản",
    "free": "cụm từ",
    "name": "tên riêng",
}
LENGTH_TOLERANCE = 1.25  # a rewrite may overshoot the word budget by a quarter before it is refused
_MIN_BIND, _MARGIN = 1.0, 0.99


@dataclass(frozen=True)
class Finding:
    """One claim that decided the verdict: what the rewrite says and, for a contradiction, the source."""

    kind: str  # invented | contradicted | missing | chatter | length | verify
    label: str  # Vietnamese name of the claim ("ngày", "số tiền", "phủ định"…); for missing, the group
    text: str  # the rewrite's words (or the source's, for missing)
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


def check_rewrite(
    source: str, rewrite: str, max_words: int | None = None, *, terms: Terms | None = None
) -> GuardVerdict:
    """Compare `rewrite` with `source`; ok only when it invents, changes and drops nothing."""
    if not rewrite.strip():
        return GuardVerdict(False, "Bản viết lại rỗng.", reasons=("Bản viết lại rỗng.",))
    terms = terms or Terms.load()
    findings = [Finding("chatter", "lời của mô hình", piece) for piece in chatter(source, rewrite)]
    src, new = read(source, terms), read(rewrite, terms)
    add_affirmed(new, negated_predicates(src))
    add_affirmed(src, negated_predicates(new))
    check = _Check(src, new)
    findings += check.run()
    words = len(rewrite.split())
    if max_words and words > max_words * LENGTH_TOLERANCE:
        findings.append(Finding("length", "độ dài", f"Bản viết lại dài {words} từ, vượt giới hạn {max_words} từ."))
    reasons = _reasons(findings)
    return GuardVerdict(
        not findings,
        " ".join(reasons),
        tuple(check.invented),
        tuple(check.missing_facts),
        tuple(findings),
        tuple(reasons),
        tuple(check.kept),
    )


_PERSON_BEFORE = frozenset({"ông", "bà", "anh", "chị", "em", "cháu", "cụ", "tên", "đồng", "chí"})


def _name_claims(doc: Document) -> list[Claim]:
    """People's names ("ông Trần Văn Hùng", "mang tên Nguyễn Thị Lan"), with the words around them."""
    out = []
    words = doc.reading.words
    for fact in doc.facts:
        if fact.kind != "name":
            continue
        name, i, size = fact.value[0].split(), doc.fact_index(fact), len(fact.surface.split())
        if name[0] in _PERSON_BEFORE:  # "Ông Trần Văn Hùng" first in a sentence
            name, i, size = name[1:], i + 1, size - 1
        elif not (0 < i < len(words) and words[i - 1] in _PERSON_BEFORE):
            continue
        if len(name) >= 2 and i < len(words):
            t = doc.reading.tokens[i]
            surface = " ".join(fact.surface.split()[-size:])
            out.append(
                Claim("name", " ".join(name), surface, i, t.sentence, t.clause, anchor=anchor(doc.reading, i, i + size))
            )
    return out


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


class _Check(ValueChecks, TextChecks, KeepChecks):
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
        self.haystack = "\n".join(
            [
                src.low,
                *(
                    full.lower()
                    for short, full in table.items()
                    if re.search(rf"(?<!\w){re.escape(short)}(?!\w)", src.reading.original)
                ),
            ]
        )
        self.idf: dict[str, float] = {}
        for words in src.sentence_words:
            for w in words:
                self.idf[w] = self.idf.get(w, 0) + 1
        self.idf = {w: 1 / n for w, n in self.idf.items()}

    def add(self, kind: str, label: str, text: str, source: str = "", item: str = "") -> None:
        self.findings.append(Finding(kind, label, text, source, item))

    def run(self) -> list[Finding]:
        for step in (
            self.facts,
            self.quantities,
            self.times,
            self.weekdays,
            self.day_parts,
            self.relatives,
            self.tables,
            self.opposites,
            self.money,
            self.stances,
            self.documents,
            self.entities,
            self.names,
            self.must_keep,
        ):
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
            return any(d == value[0] for d, _, _ in self.by_kind.get("date", ())) or value in self.by_kind.get(
                "day", ()
            )
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
            if fact.kind == "number" and (
                fact.value[0] in self.lenient or self._said_one(fact) or self._counts_a_list(fact)
            ):
                continue
            self.invented.append(fact)
            self.add("invented", LABELS.get(fact.kind, fact.kind), fact.surface)

    def _counts_a_list(self, fact: Fact) -> bool:
        """ "nhà văn hóa ba thôn Đông, Trung, Đoài": the number counts the names that follow, all in the source."""
        reading = self.new.reading
        words, tokens, norm = reading.words, reading.tokens, reading.norm
        i = reading.index_at(fact.start) + 1  # the head noun ("thôn")
        if not 2 <= fact.value[0] <= 12 or i + 1 >= len(words):
            return False
        names, j = [], i + 1
        while j < len(words) and tokens[j].sentence == tokens[i].sentence:
            if words[j] in ("và", "hoặc"):
                j += 1
                continue
            k = j
            while k < len(words) and tokens[k].clause == tokens[j].clause and norm[tokens[k].start].isupper():
                k += 1
            if k == j:
                break
            names.append(" ".join(words[j:k]))
            j = k
        return len(names) == fact.value[0] and all(
            re.search(rf"(?<!\w){re.escape(n)}(?!\w)", self.src.low) for n in names
        )

    def names(self) -> None:
        """A person or place named in the source, said of what another name is said of: "bà Nguyễn Thị Lan
        … nhặt được" where the source has Ông Trần Văn Hùng find Bà Lan's purse."""
        src = _name_claims(self.src)
        if len({c.value for c in src}) < 2:
            return
        for c in _name_claims(self.new):
            other = self.misbound(c, src, value_is(c.value))
            if other is not None:
                self.add("contradicted", "tên riêng gắn sai", c.surface, other.surface)

    def _said_one(self, fact: Fact) -> bool:
        return fact.value[0] == 1 and "một" in self.new.reading.original.lower()

    # ---- binding -----------------------------------------------------------------------------------
    def similarity(self, a: frozenset[str], b: frozenset[str]) -> float:
        return sum(self.idf.get(w, 1.0) for w in a & b)

    def _contrast(self, claim: Claim, candidates: list[Claim], same: Callable[[Claim], bool]) -> Claim | None:
        """The other candidate when the claim's words side with it in a pair of opposites: a rewrite's
        "quá hạn được miễn lệ phí" where the source exempts "đúng hạn" and charges "quá hạn"."""
        mine = contrast_marks(claim.anchor)
        if not mine:
            return None
        same_marks = set().union(*(contrast_marks(c.anchor) for c in candidates if same(c)))
        for row, side in mine:
            if (row, side) in same_marks or (row, 1 - side) not in same_marks:
                continue
            other = next((c for c in candidates if not same(c) and (row, side) in contrast_marks(c.anchor)), None)
            if other is not None:
                return other
        return None

    def misbound(self, claim: Claim, candidates: list[Claim], same: Callable[[Claim], bool]) -> Claim | None:
        """The source claim `claim` is said of instead, when its words or its key point elsewhere."""
        if not candidates or all(same(c) for c in candidates) or not any(same(c) for c in candidates):
            return None
        contrast = self._contrast(claim, candidates, same)
        if contrast is not None:
            return contrast
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
