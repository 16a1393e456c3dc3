"""One text as the fact guard reads it: normalized once, tokenized, split into sentences and clauses.

`prepare` makes the source and the rewrite comparable word for word: NFC, abbreviations written out
(the normalizer's table, so "UBND" and "Ủy ban nhân dân" are one thing), number words as digits
(the normalizer's number model, with the guard's caution), "phần trăm" as "%". Every claim and fact
is located by its offset in the prepared text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from broadcaster.production.rewrite.lexicon import CONTEXT_BEFORE, NOT_NUMBER_AFTER, UNIT_WORDS
from broadcaster.vi.number_runs import NumberRun, format_value, words_to_digits
from broadcaster.vi.numbers import DIGITS, LEADING_WORDS, POINT, parse_number_words
from broadcaster.vi.tables import tables

_TOKEN = re.compile(r"\d+(?:[.,:/]\d+)*(?:h\d+)?%?|[^\W\d_]+|%|[.!?;:,()\[\]\n/\-–]")
_SENTENCE_END = frozenset(".!?;\n")
_CLAUSE_END = frozenset(",:()[]–")
_FIVE, _ONE = DIGITS[5], DIGITS[1]


@dataclass(frozen=True)
class Token:
    text: str  # lower case
    start: int  # offsets in Reading.norm
    end: int
    sentence: int
    clause: int

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()

    @property
    def is_number(self) -> bool:
        return self.text[:1].isdigit()


@lru_cache(maxsize=1)
def _abbreviation_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Longest first; never inside a document number ("2345/QĐ-UBND") or another word."""
    table = tables().abbreviations
    return tuple(
        (re.compile(rf"(?<![\w/\-.]){re.escape(short)}(?![\w/\-])"), full)
        for short, full in sorted(table.items(), key=lambda kv: -len(kv[0]))
    )


def expand_abbreviations(text: str) -> str:
    for pattern, full in _abbreviation_patterns():
        if pattern.pattern and full:
            text = pattern.sub(full, text)
    return text


def _is_number(run: NumberRun) -> bool:
    """The guard's caution with number words: "thứ hai" is Monday, and a lone "năm" or "một" is a
    number only next to a unit or context word ("năm ngày", "ngày năm"; not "một số", "năm tháng").
    A lone "một" between two unit words means "per": "50.000 đồng một người", "mỗi tháng một lần"."""
    if run.before == "cả" and len(run.words) == 1:
        return False  # "cả hai buổi": both
    if run.before in NOT_NUMBER_AFTER or (run.words == (_ONE,) and run.after == "phần"):
        return False  # "thứ hai" is Monday; "một phần" is "partly"
    if len(run.words) > 1:
        return True
    word = run.words[0]
    if word == _ONE and run.after in UNIT_WORDS and (run.before in UNIT_WORDS or run.before in ("mỗi", "cho")):
        return run.before == "tháng" and run.after not in ("lần", "người", "hộ", "con")
    if run.before in CONTEXT_BEFORE:
        return True
    return run.after in UNIT_WORDS and not (word == _FIVE and run.after in ("tháng", "năm"))


def number_words_to_digits(text: str) -> str:
    """'lệ phí năm mươi nghìn đồng' -> 'lệ phí 50000 đồng', with the guard's caution (:func:`_is_number`)."""
    return words_to_digits(_decimals(text), _is_number)


def _decimals(text: str) -> str:
    """'không phẩy năm mươi lăm' -> '0,55': a fraction read as a cardinal, which the number model
    (reading fractions digit by digit) leaves half-parsed. Digit-by-digit fractions are left to it."""
    words = list(re.finditer(r"[^\W\d_]+", text))
    out, cursor = [], 0
    for i, w in enumerate(words):
        if w.group().lower() != POINT or i == 0:
            continue
        j = i - 1
        while (
            j > 0
            and words[j - 1].group().lower() in LEADING_WORDS | {"mươi", "trăm", "mười", "linh", "lẻ"}
            and text[words[j - 1].end() : words[j].start()] == " "
        ):
            j -= 1
        left = parse_number_words([x.group().lower() for x in words[j:i]])
        right_words = [x.group().lower() for x in words[i + 1 : i + 8]]
        right = parse_number_words(right_words)
        if not left or left[1] != i - j or not right or words[j].start() < cursor:
            continue
        said = right_words[: right[1]]
        if not {"mươi", "trăm", "mười"} & set(said):
            continue
        out.append(text[cursor : words[j].start()] + f"{format_value(left[0])},{int(right[0])}")
        cursor = words[i + right[1]].end()
    out.append(text[cursor:])
    return "".join(out)


def prepare(text: str) -> str:
    """NFC, plain spaces, abbreviations written out, '%' for 'phần trăm', number words as digits."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\u202f", " ")
    text = expand_abbreviations(text)
    text = re.sub(r"\bmột nửa\b", "50%", text)
    text = re.sub(r"\bphần trăm\b", "%", text)
    text = number_words_to_digits(text)
    return re.sub(r"(\d)\s+%", r"\1%", text)


class Reading:
    """A prepared text with its tokens; sentences and clauses are numbered from 0."""

    def __init__(self, text: str) -> None:
        self.original = text
        self.norm = prepare(text)
        low = self.norm.lower()
        self.low = low if len(low) == len(self.norm) else "".join(c.lower()[:1] or c for c in self.norm)
        self.tokens = self._tokenize()

    def _tokenize(self) -> list[Token]:
        tokens: list[Token] = []
        sentence, clause = 0, 0
        for m in _TOKEN.finditer(self.low):
            text = m.group()
            if text in _SENTENCE_END or (text == "." and tokens):
                sentence, clause = sentence + 1, clause + 1
                continue
            if text in _CLAUSE_END or (
                text == "-"
                and m.start() > 0
                and self.low[m.start() - 1] == " "
                and not (tokens and tokens[-1].is_number)
            ):
                clause += 1
                continue
            if text in "-/":
                continue
            tokens.append(Token(text, m.start(), m.end(), sentence, clause))
        return tokens

    @cached_property
    def words(self) -> list[str]:
        return [t.text for t in self.tokens]

    def index_at(self, offset: int) -> int:
        """The index of the first token starting at or after `offset`."""
        for i, t in enumerate(self.tokens):
            if t.start >= offset:
                return i
        return len(self.tokens)

    def find(self, phrase: str) -> list[int]:
        """Token indexes where the (lower-case, space-separated) phrase starts."""
        parts = phrase.split()
        n = len(parts)
        words = self.words
        return [
            i
            for i in range(len(words) - n + 1)
            if words[i : i + n] == parts
            and all(self.tokens[i + k].sentence == self.tokens[i].sentence for k in range(n))
        ]

    def sentence_start(self, index: int) -> int:
        """The index of the first token of the sentence of token `index`."""
        s = self.tokens[index].sentence
        return next(k for k in range(index, -1, -1) if k == 0 or self.tokens[k - 1].sentence != s)

    def clause_start(self, index: int) -> int:
        """The index of the first token of the clause of token `index`."""
        c = self.tokens[index].clause
        return next(k for k in range(index, -1, -1) if k == 0 or self.tokens[k - 1].clause != c)

    def sentence_of(self, index: int) -> list[Token]:
        s = self.tokens[index].sentence
        return [t for t in self.tokens if t.sentence == s]
