"""Offices, places, target groups, procedures and documents written in lower case, found in a text.

The tables are ``vi/data/rewrite_terms.yaml`` plus what a commune adds under ``rewrite:`` in
config.yaml. Each entry is one thing with several spellings; a mention is the longest spelling found
at a position, reported with its canonical name, so "UBND xã" and "ủy ban xã" are one office.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from broadcaster.production.rewrite.lexicon import ACTOR_VERBS, PLACE_WORDS
from broadcaster.production.rewrite.reading import Reading, expand_abbreviations
from broadcaster.vi.tables import rewrite_terms

CATEGORIES = ("offices", "places", "groups", "procedures", "documents")
LABELS = {
    "offices": "cơ quan",
    "places": "địa điểm",
    "groups": "đối tượng",
    "procedures": "thủ tục",
    "documents": "giấy tờ",
}
_TOKEN = re.compile(r"\d+|[^\W\d_]+")
_SKIP_AFTER_ACTOR = frozenset({"xã", "huyện", "tỉnh", "thôn", "số", "cơ", "sở"})


@dataclass(frozen=True)
class Mention:
    category: str
    name: str  # canonical
    first: int  # token indexes, end exclusive
    end: int
    role: str = ""  # "place", "actor" or ""

    @property
    def label(self) -> str:
        return LABELS[self.category]


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(expand_abbreviations(phrase).lower()))


class Terms:
    """The term tables, indexed by first word; build with :meth:`load`."""

    def __init__(self, entries: Mapping[str, Iterable[str]]) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for category, lines in entries.items():
            for line in lines:
                spellings = [s.strip() for s in str(line).split("|") if s.strip()]
                if not spellings:
                    continue
                canonical = " ".join(_words(spellings[0]))
                for spelling in spellings:
                    words = _words(spelling)
                    if words:
                        self._index.setdefault(words[0], []).append((words, category, canonical))
        for options in self._index.values():
            options.sort(key=lambda o: -len(o[0]))

    @classmethod
    def load(cls, extra: Mapping[str, Iterable[str]] | None = None) -> Terms:
        if not extra:
            return _builtin()
        merged = {c: list(rewrite_terms().get(c, [])) for c in CATEGORIES}
        for category, lines in extra.items():
            merged.setdefault(category, []).extend(lines)
        return cls(merged)

    def mentions(self, reading: Reading) -> list[Mention]:
        words, tokens = reading.words, reading.tokens
        found: list[Mention] = []
        i = 0
        while i < len(words):
            match = next(
                (
                    (w, c, n)
                    for w, c, n in self._index.get(words[i], ())
                    if tuple(words[i : i + len(w)]) == w and tokens[i + len(w) - 1].sentence == tokens[i].sentence
                ),
                None,
            )
            if match is None:
                i += 1
                continue
            w, category, name = match
            found.append(Mention(category, name, i, i + len(w), _role(reading, i, i + len(w))))
            i += len(w)
        return found


@lru_cache(maxsize=1)
def _builtin() -> Terms:
    return Terms(rewrite_terms())


_PLACE_WORDS = tuple(tuple(p.split()) for p in PLACE_WORDS)


def _role(reading: Reading, first: int, end: int) -> str:
    words, tokens = reading.words, reading.tokens
    clause = tokens[first].clause
    for phrase in _PLACE_WORDS:
        for gap in (0, 1):  # "tại các …", "ở nhà …"
            start = first - gap - len(phrase)
            if (
                start >= 0
                and tuple(words[start : start + len(phrase)]) == phrase
                and (
                    tokens[start].clause == clause
                    or (phrase == ("địa", "điểm") and tokens[start].sentence == tokens[first].sentence)
                )
                and (gap == 0 or words[first - 1] in ("các", "một"))
            ):
                return "place"  # "tại …", "Địa điểm: …"
    starts_clause = first == 0 or tokens[first - 1].clause != clause
    if starts_clause:
        j = end
        while (
            j < len(words)
            and tokens[j].clause == clause
            and (
                words[j] in _SKIP_AFTER_ACTOR
                or tokens[j].is_number
                or reading.norm[tokens[j].start : tokens[j].start + 1].isupper()
            )
        ):
            j += 1
        if j < len(words) and tokens[j].clause == clause and (words[j] in ACTOR_VERBS or words[j] == "cùng"):
            return "actor"
    return ""


def names_in(text_low: str, names: Iterable[str]) -> set[str]:
    """The names (casefolded) that occur in a lower-case text as whole words."""
    return {n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text_low)}
