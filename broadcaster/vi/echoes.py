"""Brackets that only repeat what was just written, blanked before the rules run.

Legal texts write an amount twice, "30 (ba mươi) ngày", "1.500.000 đồng (Một triệu năm trăm nghìn
đồng)", or the other way round, "ba mươi (30) ngày"; and an abbreviation right after its spelled-out
form, "Hợp tác xã Nông nghiệp (HTXNN)". Read aloud, each says the same thing twice: the bracket is
replaced by spaces of the same length (warning positions stay those of the input).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from broadcaster.vi.numbers import parse_number_words

_BRACKET = re.compile(r"[ \t]*\(([^()\n]{1,160})\)")
_NUMBER_BEFORE = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?((?:[ \t]+[^\W\d_]+){0,3})[ \t]*$")
_WORDS_BEFORE = re.compile(r"((?:[^\W\d_]+[ \t]+){0,11}[^\W\d_]+)[ \t]*$")
_DIGITS_ONLY = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?")
_ACRONYM = re.compile(r"[A-ZĐ](?:[A-ZĐ&-]*[A-ZĐ])?")
_SPELLED_PREFIX = re.compile(r"^(?:bằng chữ|viết bằng chữ)\s*:\s*", re.IGNORECASE)
_EXTRA_WORDS = 6  # words allowed after the number words inside the bracket ("đồng chẵn")


def drop_echoes(text: str) -> str:
    """``text`` with every echoing bracket replaced by spaces (unchanged when there is none)."""
    if "(" not in text:
        return text
    out, pos = [], 0
    for m in _BRACKET.finditer(text):
        before = text[max(0, m.start() - 120) : m.start()]
        inside = m[1].strip()
        if _echoes_number(before, inside) or _echoes_words(before, inside) or _spells_out(before, inside):
            out.append(text[pos : m.start()] + " " * (m.end() - m.start()))
            pos = m.end()
    return "".join(out) + text[pos:] if out else text


def _value(integer: str, fraction: str | None) -> Decimal | None:
    try:
        return Decimal(integer.replace(".", "") + ("." + fraction if fraction else ""))
    except InvalidOperation:
        return None


def _echoes_number(before: str, inside: str) -> bool:
    """'30 (ba mươi)', '1.500.000 đồng (Một triệu năm trăm nghìn đồng)'."""
    m = _NUMBER_BEFORE.search(before)
    if not m:
        return False
    words = _SPELLED_PREFIX.sub("", inside).lower().rstrip(" .;,").split()
    parsed = parse_number_words(words)
    return (
        parsed is not None
        and parsed[0] == _value(m[1], m[2])
        and len(words) - parsed[1] <= _EXTRA_WORDS
        and all(w.isalpha() for w in words)
    )


def _echoes_words(before: str, inside: str) -> bool:
    """'ba mươi (30) ngày': number words, then the same number in digits."""
    digits = _DIGITS_ONLY.fullmatch(inside)
    m = _WORDS_BEFORE.search(before) if digits else None
    if not m:
        return False
    assert digits is not None  # m is only set when digits matched
    value, words = _value(digits[1], digits[2]), m[1].lower().split()
    for start in range(len(words)):
        parsed = parse_number_words(words[start:])
        if parsed and parsed[1] == len(words) - start:
            return parsed[0] == value
    return False


def _initial(word: str) -> str:
    first = word[0].upper()
    return first if first == "Đ" else unicodedata.normalize("NFD", first)[0]


def _spells_out(before: str, inside: str) -> bool:
    """'Hợp tác xã Nông nghiệp (HTXNN)': the acronym is the initials of the words just before."""
    if not _ACRONYM.fullmatch(inside) or len(inside) < 2:
        return False
    words = re.findall(r"[^\W\d_]+", before)
    letters = [c for c in inside if c != "-"]
    if len(words) < len(letters):
        return False
    for char, word in zip(reversed(letters), reversed(words[-len(letters) :])):
        if char == "&":
            if word.lower() != "và":
                return False
        elif _initial(word) != char and not (char == "D" and _initial(word) == "Đ"):
            return False
    return True
