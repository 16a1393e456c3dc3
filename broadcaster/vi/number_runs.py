"""Number words in running text -> digits: "năm mươi nghìn đồng" -> "50000 đồng".

The words and their values are those of :mod:`broadcaster.vi.numbers`. A caller that needs more
caution (the rewrite's fact guard: a lone "năm" or "một" is a number only next to a unit word)
passes a ``keep`` rule deciding each run.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from broadcaster.vi.numbers import DIGITS, HEARD_MONTHS, LEADING_WORDS, MONTH, MONTHS, parse_number_words

_TOKEN = re.compile(r"[^\W\d_]+|\d+|%")
_LONGEST = 64  # words in a run at most (a reading below 10^15 has at most 29)
_MONTH_NAMES = {w: m for m, w in MONTHS.items()} | HEARD_MONTHS


@dataclass(frozen=True)
class NumberRun:
    """A run of number words found in the text, with its neighbours (lower case, "" at the ends)."""

    value: Decimal
    words: tuple[str, ...]
    before: str
    after: str


def format_value(value: Decimal) -> str:
    """1500000 -> '1500000', 0.5 -> '0,5' (the Vietnamese decimal comma, no grouping)."""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f").replace(".", ",")


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?:;\n-•*("


def _keep_all(run: NumberRun) -> bool:
    return True


def words_to_digits(text: str, keep: Callable[[NumberRun], bool] = _keep_all) -> str:
    """Replace number-word runs in ``text`` with digits; leave everything else as is.

    A run starts at a digit name or "mười" in lower case (a capital inside a sentence is a name:
    "xã Năm Căn") and goes on over lower-case words separated by spaces. A month name after
    "tháng" is its number ("tháng tư", "tháng Giêng"). A lone "không" is "not", never zero.
    """
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    out, cursor, i = [], 0, 0
    while i < len(tokens):
        word, start, _ = tokens[i]
        low = word.lower()
        prev = tokens[i - 1][0].lower() if i else ""
        if prev == MONTH and low in _MONTH_NAMES:
            out.append(text[cursor:start] + str(_MONTH_NAMES[low]))
            cursor, i = tokens[i][2], i + 1
            continue
        parsed = None
        if low in LEADING_WORDS and not (word[:1].isupper() and not _sentence_start(text, start)):
            parsed = parse_number_words(_run(text, tokens, i))
        if parsed is None or (parsed[1] == 1 and low == DIGITS[0]):
            i += 1
            continue
        value, used = parsed
        after = tokens[i + used][0].lower() if i + used < len(tokens) else ""
        words = tuple(t[0].lower() for t in tokens[i : i + used])
        if not keep(NumberRun(value, words, prev, after)):
            i += 1
            continue
        out.append(text[cursor:start] + format_value(value))
        cursor = tokens[i + used - 1][2]
        i += used
    out.append(text[cursor:])
    return "".join(out)


def _run(text: str, tokens: list[tuple[str, int, int]], i: int) -> list[str]:
    """The lower-case words from token ``i`` on, up to a capital or anything but a space."""
    run = [tokens[i][0].lower()]
    j = i + 1
    while (
        j < min(len(tokens), i + _LONGEST)
        and text[tokens[j - 1][2] : tokens[j][1]].isspace()
        and not tokens[j][0][:1].isupper()
    ):
        run.append(tokens[j][0].lower())
        j += 1
    return run
