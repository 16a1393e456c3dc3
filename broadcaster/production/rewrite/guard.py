"""The fact guard: a rewrite may only say what the source says, and must keep its deadlines.

Every number, date, time, amount, phone number, TTHC code, document number and named place or
organisation in the rewrite must be present in the source (compared in canonical form), and the
source's effective date or deadline must still be in the rewrite.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from broadcaster.production.rewrite.facts import Fact, extract_facts
from broadcaster.production.rewrite.lexicon import DEADLINE_WORDS
from broadcaster.vi.tables import tables

LABELS = {
    "date": "ngày", "day": "ngày", "month": "tháng", "time": "giờ", "amount": "số tiền", "number": "con số",
    "phone": "số điện thoại", "code": "mã thủ tục", "doc": "số hiệu văn bản", "free": "cụm từ",
    "name": "tên riêng",
}
LENGTH_TOLERANCE = 1.25  # a rewrite may overshoot the word budget by a quarter before it is refused


@dataclass(frozen=True)
class GuardVerdict:
    ok: bool
    reason: str  # Vietnamese, "" when ok
    invented: tuple[Fact, ...] = ()
    missing: tuple[Fact, ...] = ()


@dataclass(frozen=True)
class _Abbreviations:
    """The normalizer's abbreviation table, as the guard uses it."""

    written: tuple[tuple[re.Pattern[str], str], ...]  # case-sensitive, as the normalizer matches
    spoken: dict[str, frozenset[str]]                 # casefolded written form -> spoken forms


@lru_cache(maxsize=1)
def _abbreviations() -> _Abbreviations:
    table = tables().abbreviations
    spoken: dict[str, set[str]] = {}
    for short, full in table.items():
        spoken.setdefault(short.casefold(), set()).add(full.casefold())
    written = tuple((re.compile(rf"(?<!\w){re.escape(short)}(?!\w)"), full.casefold())
                    for short, full in table.items())
    return _Abbreviations(written, {k: frozenset(v) for k, v in spoken.items()})


class _Source:
    """The source's facts, indexed for the checks."""

    def __init__(self, text: str) -> None:
        self.text, self.facts = extract_facts(text)
        self.by_kind: dict[str, set[tuple]] = {}
        self.pool: set[Decimal] = set()
        for fact in self.facts:
            self.by_kind.setdefault(fact.kind, set()).add(fact.value)
            self.pool.update(_numbers_in(fact))
        expansions = [full for pattern, full in _abbreviations().written if pattern.search(self.text)]
        self.haystack = "\n".join([self.text.casefold(), *expansions])

    def has_year(self, year: int | None, candidate: int | None) -> bool:
        return year is None or candidate == year or (candidate is None and Decimal(year) in self.pool)

    def supports(self, fact: Fact) -> bool:
        kind, value = fact.kind, fact.value
        if kind == "date":
            day, month, year = value
            return any(d == day and m == month and self.has_year(year, y)
                       for d, m, y in self.by_kind.get("date", ()))
        if kind == "month":
            month, year = value
            pairs = [(m, y) for _, m, y in self.by_kind.get("date", ())] + list(self.by_kind.get("month", ()))
            return any(m == month and self.has_year(year, y) for m, y in pairs)
        if kind == "day":
            return any(d == value[0] for d, _, _ in self.by_kind.get("date", ())) \
                or value in self.by_kind.get("day", ())
        if kind == "amount":
            return value in self.by_kind.get("amount", ()) or value in self.by_kind.get("number", ())
        if kind == "number":
            return value[0] in self.pool
        if kind == "name":
            return self._has_name(value[0])
        return value in self.by_kind.get(kind, ())

    def _has_name(self, name: str) -> bool:
        if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", self.haystack):
            return True
        return any(full in self.haystack for full in _abbreviations().spoken.get(name, ()))

    def deadlines(self) -> list[Fact]:
        """Dates whose sentence says they are an effective date or a deadline."""
        found = []
        for fact in self.facts:
            if fact.kind not in ("date", "month"):
                continue
            start = max(_sentence_start(self.text, fact.start), fact.start - 48)
            context = self.text[start:fact.start].lower()
            if any(word in context for word in DEADLINE_WORDS):
                found.append(fact)
        return found


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


def _sentence_start(text: str, pos: int) -> int:
    cut = max((m.end() for m in re.finditer(r"[.!?;\n](?:\s|$)", text[:pos])), default=0)
    return cut


def _kept(deadline: Fact, rewrite_facts: list[Fact]) -> bool:
    if deadline.kind == "date":
        day, month, year = deadline.value
        return any(f.kind == "date" and f.value[:2] == (day, month)
                   and f.value[2] in (None, year) for f in rewrite_facts)
    month, year = deadline.value
    return any((f.kind == "month" and f.value[0] == month and f.value[1] in (None, year))
               or (f.kind == "date" and f.value[1] == month) for f in rewrite_facts)


def describe(facts: tuple[Fact, ...] | list[Fact]) -> str:
    """'ngày “6/12”, con số “3”' — for the officer."""
    parts = []
    for fact in facts:
        label = LABELS.get(fact.kind, fact.kind)
        parts.append(f"“{fact.surface}”" if fact.surface.lower().startswith(label) else f"{label} “{fact.surface}”")
    return ", ".join(parts)


def check_rewrite(source: str, rewrite: str, max_words: int | None = None) -> GuardVerdict:
    """Compare `rewrite` with `source`; ok only when it invents nothing and drops no deadline."""
    if not rewrite.strip():
        return GuardVerdict(False, "Bản viết lại rỗng.")
    src = _Source(source)
    _, facts = extract_facts(rewrite)
    invented: list[Fact] = []
    seen: set[tuple] = set()
    for fact in facts:
        if (fact.kind, fact.value) not in seen and not src.supports(fact):
            invented.append(fact)
        seen.add((fact.kind, fact.value))
    missing = [d for d in src.deadlines() if not _kept(d, facts)]
    reasons = []
    if invented:
        reasons.append(f"Bản viết lại có thông tin không có trong văn bản gốc: {describe(invented)}.")
    if missing:
        reasons.append(f"Bản viết lại bỏ mất ngày hiệu lực hoặc thời hạn: {describe(missing)}.")
    words = len(rewrite.split())
    if max_words and words > max_words * LENGTH_TOLERANCE:
        reasons.append(f"Bản viết lại dài {words} từ, vượt giới hạn {max_words} từ.")
    return GuardVerdict(not reasons, " ".join(reasons), tuple(invented), tuple(missing))
