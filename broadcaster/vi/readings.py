"""Small readers shared by the rules: numbers as written, letters, acronyms, codes."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from broadcaster.vi.numbers import read_decimal, read_digits, read_number, roman_to_int
from broadcaster.vi.tables import tables

# A Vietnamese syllable, lower case: onset, nucleus, coda.
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
    r"[aăâeêioôơuưyáắấéếíóốớúứýàằầèềìòồờùừỳảẳẩẻểỉỏổởủửỷãẵẫẽễĩõỗỡũữỹạặậẹệịọộợụựỵ]{1,3}"
    r"(?:ch|ng|nh|[cmnptiyou])?"
)
_STOP_CODA = re.compile(r"(?:ch|[cpt])$")
_RUNS = re.compile(r"\d+|[^\W\d_]+")


def read_amount(written: str, *, zero_hundreds: bool = False) -> str:
    """A number as written in Vietnamese text: '1.234.567', '10,5', '-0,007', '2.5' (dot decimal)."""
    sign = "âm " if written.startswith("-") else ""
    written = written.lstrip("-")
    if "," in written:
        integer, fraction = written.split(",", 1)
    elif re.fullmatch(r"\d+\.\d{1,2}", written):
        integer, fraction = written.split(".")
    else:
        integer, fraction = written, ""
    return sign + read_decimal(integer.replace(".", ""), fraction, zero_hundreds=zero_hundreds)


def read_integer_token(digits: str) -> str:
    """Digits without separators: a cardinal, or digit by digit when it starts with 0 and is long."""
    if len(digits) >= 3 and digits.startswith("0"):
        return read_digits(digits)
    return read_number(digits)


def spell(letters: str) -> str:
    """Spell letters with Vietnamese letter names: 'ABC' -> 'a bê xê'."""
    names = tables().letters
    return " ".join(names.get(c, c) for c in letters.lower() if c.isalpha())


def is_syllable(word: str) -> bool:
    """True when ``word`` (any case) is shaped like one Vietnamese syllable ('THÔNG', 'BÁO')."""
    low = word.lower()
    if not _SYLLABLE.fullmatch(low):
        return False
    if _STOP_CODA.search(low):  # a stop coda needs the sắc or nặng tone
        marks = unicodedata.normalize("NFD", low)
        return "\u0301" in marks or "\u0323" in marks
    return True


def read_capitals(word: str, abbreviations: Mapping[str, str]) -> str:
    """An all-capital word: known abbreviation, Roman numeral (I, V, X only), word, or spelled."""
    if word in abbreviations:
        return abbreviations[word]
    if len(word) > 1 and set(word) <= set("IVX") and (value := roman_to_int(word)):
        return read_number(value)
    if is_syllable(word):
        return word.lower()
    return spell(word)


def read_code(code: str, abbreviations: Mapping[str, str]) -> str:
    """A mixed code ('B2', 'H5N1', '12a', 'QĐ-UBND'): letter runs spelled or looked up, digits read."""
    if code in abbreviations:
        return abbreviations[code]
    words = []
    for run in _RUNS.findall(code):
        if run.isdigit():  # long digit runs in a code are said digit by digit ("OM5451")
            words.append(read_digits(run) if len(run) >= 4 and code[0].isalpha() else read_integer_token(run))
        elif run in abbreviations:
            words.append(abbreviations[run])
        elif run.isupper() or len(run) == 1:  # short letter runs are spelled ("OM", not "om")
            words.append(read_capitals(run, abbreviations) if len(run) > 3 else spell(run))
        else:
            words.append(run)
    return " ".join(words)


def fallback(fragment: str) -> str:
    """Last resort for a pattern no rule could read: numbers as cardinals, letters kept."""
    return " ".join(read_integer_token(r) if r.isdigit() else r for r in _RUNS.findall(fragment))


class Rule:
    """One ordered rule: a regex (unnamed groups only) and a reader of its match.

    ``read`` returns the spoken form, or None when the match turns out unreadable (the engine
    then reads it with :func:`fallback` and reports a warning). ``numeric`` marks quantities,
    between which a dash reads "đến".
    """

    __slots__ = ("_regex", "name", "numeric", "pattern", "read")

    def __init__(self, name: str, pattern: str, read, numeric: bool = True) -> None:
        self.name, self.pattern, self.read, self.numeric = name, pattern, read, numeric
        self._regex: re.Pattern | None = None

    @property
    def regex(self) -> re.Pattern:
        """The rule's own regex, compiled on its first match (start-up compiles only the single pass)."""
        if self._regex is None:
            self._regex = re.compile(self.pattern, re.MULTILINE)
        return self._regex


def alternation(words) -> str:
    """A regex matching any of the literal words, longest first, built as a trie (prefixes
    shared: a long alternation of abbreviations stays fast)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    branches = [re.escape(c) + _trie_pattern(child) for c, child in node.items() if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here: the longer words are tried first
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body
