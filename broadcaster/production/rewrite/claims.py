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
from typing import Any, cast

from broadcaster.production.rewrite.facts import Fact, facts_of
from broadcaster.production.rewrite.reading import Reading
from broadcaster.production.rewrite.terms import Mention, Terms

# Words that carry no meaning of their own in an anchor.
STOP = frozenset(
    {
        "và",
        "hoặc",
        "của",
        "các",
        "những",
        "là",
        "có",
        "được",
        "để",
        "cho",
        "với",
        "tại",
        "ở",
        "từ",
        "đến",
        "trong",
        "theo",
        "thì",
        "này",
        "đó",
        "bà",
        "con",
        "xin",
        "sẽ",
        "đã",
        "vẫn",
        "cũng",
        "mỗi",
        "một",
        "việc",
        "khi",
        "lúc",
        "vào",
        "ngày",
        "tháng",
        "năm",
        "giờ",
        "phút",
        "thông",
        "báo",
        "nhé",
        "ạ",
        "nay",
        "như",
        "sau",
        "trước",
        "về",
    }
)
_KEY_HEADS = frozenset({"thôn", "xóm", "ấp", "tổ", "khu", "bản", "buôn"})
_KEYS = _KEY_HEADS | {"đợt"}  # what a claim is said of: a village, or a round ("đợt 1", "đợt 2")
_LINKS = frozenset({"cho", "đối", "với", "của", "các", "người", "thuộc", "dành"})


@dataclass(frozen=True)
class Claim:
    kind: str
    value: object
    surface: str
    index: int  # first token
    sentence: int = 0
    clause: int = 0
    role: str = ""
    key: str = ""
    extra: str = ""
    anchor: frozenset[str] = frozenset()
    keep: bool = False  # must be kept by a rewrite (source side)


# `Claim.value` by kind, as the readers (claims_values.py, claims_text.py, stance.py) set it. The views
# below only name the type of a claim whose kind the caller has checked; they do not convert.
Quantity = tuple[Decimal, str, frozenset[str]]  # number, unit ("" for none), per-units ("kg/người")
Entity = tuple[str, str]  # category ("offices", "places", "groups", "procedures", "documents"), name


def quantity_of(claim: Claim) -> Quantity:
    """The value of a "quantity" claim."""
    return cast(Quantity, claim.value)


def entity_of(claim: Claim) -> Entity:
    """The value of an "entity" claim."""
    return cast(Entity, claim.value)


def fact_value_of(claim: Claim) -> tuple[Any, ...]:
    """The value of a "date", "day" or "time" claim: its fact's value (facts.py)."""
    return cast(tuple[Any, ...], claim.value)


def words_of(claim: Claim) -> frozenset[str]:
    """The value of a "condition" claim: its content words."""
    return cast(frozenset[str], claim.value)


def _phrases(table: tuple[tuple[str, str], ...]) -> list[tuple[tuple[str, ...], str]]:
    return sorted(((tuple(p.split()), v) for p, v in table), key=lambda pv: -len(pv[0]))


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


def named_after(reading: Reading, j: int, heads: frozenset[str] = _KEY_HEADS) -> bool:
    """Word `j` is a head ("thôn", "đợt") followed in its sentence by a number or a name ("thôn 3", "thôn Đông")."""
    tokens = reading.tokens
    return (
        j + 1 < len(tokens)
        and tokens[j].text in heads
        and tokens[j + 1].sentence == tokens[j].sentence
        and (tokens[j + 1].is_number or reading.norm[tokens[j + 1].start].isupper())
    )


def key_at(reading: Reading, mentions: list[Mention], index: int) -> str:
    """The village ("thôn 1", "thôn đông") or target group a claim at `index` is said of: one right
    after it ("20% cho các đối tượng khác"), else the nearest before it in its clause, else after it."""
    tokens, words = reading.tokens, reading.words
    if index >= len(tokens):
        return ""
    clause = tokens[index].clause
    keys: list[tuple[int, str]] = []
    for j, w in enumerate(words[:-1]):
        if named_after(reading, j, _KEYS) and tokens[j].clause == clause and tokens[j + 1].clause == clause:
            keys.append((j, f"{w} {words[j + 1]}"))
    groups = [m for m in mentions if m.category == "groups"]
    lead: dict[int, str] = {}  # "hộ nghèo, hộ cận nghèo": a list of groups is keyed by its first
    for a, b in zip(groups, groups[1:], strict=False):
        if b.first - a.end <= 1 and all(w in ("và", "hoặc") for w in words[a.end : b.first]):
            lead[b.first] = lead.get(a.first, a.name)
    keys += [(m.first, lead.get(m.first, m.name)) for m in groups if tokens[m.first].clause == clause]
    right_after = [
        k
        for k in keys
        if index < k[0] <= index + 5
        and all(
            w in _LINKS or tokens[x].is_number or w in ("%", "đồng")
            for x, w in enumerate(words[index + 1 : k[0]], start=index + 1)
        )
    ]
    if right_after:
        return min(right_after)[1]
    before = [k for k in keys if k[0] < index]
    if before:
        return max(before)[1]
    after = [k for k in keys if k[0] > index]
    if after:
        return min(after)[1]
    sentence = tokens[index].sentence  # "Thôn 2 mất điện buổi chiều, từ 1 giờ đến 5 giờ"
    heads = [
        f"{w} {words[j + 1]}"
        for j, w in enumerate(words[:index])
        if j + 1 < index and tokens[j].sentence == sentence and named_after(reading, j, _KEYS)
    ]
    if heads:
        return heads[-1]
    # The group or village in a later clause of the sentence: "khi dưới 7 độ C, học sinh trung học cơ sở
    # cũng được nghỉ"; "từ 6 giờ sáng thứ Hai, ngày 14/12 đến …, cho cánh đồng thôn Thượng".
    later = [
        (j, f"{w} {words[j + 1]}")
        for j, w in enumerate(words[:-1])
        if j > index and tokens[j].sentence == sentence and named_after(reading, j)
    ]
    later += [(m.first, m.name) for m in mentions if m.category == "groups" and tokens[m.first].sentence == sentence]
    return min(later, key=lambda k: abs(k[0] - index))[1] if later else ""


def ending_at(words: list[str], k: int, table: list[tuple[tuple[str, ...], str]]) -> tuple[int, str] | None:
    """The longest phrase of `table` that ends at word `k`."""
    for phrase, value in table:
        if k + 1 >= len(phrase) and tuple(words[k + 1 - len(phrase) : k + 1]) == phrase:
            return len(phrase), value
    return None


def match_at(words: list[str], i: int, table: list[tuple[tuple[str, ...], str]]) -> tuple[int, str] | None:
    for phrase, value in table:
        if tuple(words[i : i + len(phrase)]) == phrase:
            return len(phrase), value
    return None


def _span_end(reading: Reading, fact: Fact) -> int:
    end = fact.start + len(fact.surface)
    i = reading.index_at(fact.start)
    while i < len(reading.tokens) and reading.tokens[i].start < end:
        i += 1
    return i


def read(text: str, terms: Terms) -> Document:
    reading = Reading(text)
    vocabulary = frozenset(w for w in re.findall(r"[^\W\d_]+", reading.norm) if w.islower())
    doc = Document(reading, facts_of(reading.norm, vocabulary), terms.mentions(reading))
    # The readers live in their own modules and import the helpers above.
    from broadcaster.production.rewrite import claims_text as texts
    from broadcaster.production.rewrite import claims_values as values
    from broadcaster.production.rewrite.stance import stance_claims

    doc.claims = [
        *(values.quantity(doc, f) for f in doc.facts if f.kind in ("amount", "number")),
        *values.time_claims(doc),
        *values.weekdays(doc),
        *values.day_parts(doc),
        *values.relatives(doc),
        *values.scopes(doc),
        *texts.tables(doc),
        *texts.conditions(doc),
        *texts.money_claims(doc),
        *texts.entities(doc),
        *texts.places(doc),
        *texts.actors(doc),
        *texts.opposites(doc),
        *texts.lists(doc),
        *texts.group_lists(doc),
    ]
    doc.claims += stance_claims(doc)
    return doc
