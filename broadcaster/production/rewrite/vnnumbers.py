"""Vietnamese number words in running text → digits, so facts compare in one written form.

"năm mươi nghìn đồng" → "50000 đồng", "hai mươi lăm" → "25", "một triệu rưỡi" → "1500000".
A lone ambiguous word ("năm", "một") is converted only next to a unit or context word.
"""

from __future__ import annotations

import re
from decimal import Decimal

from broadcaster.production.rewrite.lexicon import (
    AFTER_TENS_ONLY, CONTEXT_BEFORE, DIGIT_WORDS, LEADING_NUMBER_WORDS, MONTH_NAMES,
    MULTIPLIER_WORDS, NOT_NUMBER_AFTER, UNIT_WORDS,
)

_TOKEN = re.compile(r"[^\W\d_]+|\d+|%")


def parse_number_words(words: list[str]) -> tuple[Decimal, int] | None:
    """Parse a leading run of lower-case number words; return (value, words consumed)."""
    total, group, pending = Decimal(0), 0, None
    last, prev_mult, used = "", 0, 0
    i = 0
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in DIGIT_WORDS:
            if pending is not None or (last == "hundred" and nxt != "mươi"):
                break
            if w in AFTER_TENS_ONLY and last not in ("tens", "ten"):
                break
            if w == "không" and nxt != "trăm":
                break
            if last == "mult" and nxt not in ("trăm", "mươi") and nxt not in MULTIPLIER_WORDS:
                break
            pending, last = DIGIT_WORDS[w], "digit"
        elif w == "mười":
            if pending is not None or last in ("tens", "ten"):
                break
            group, last = group + 10, "ten"
        elif w == "mươi":
            if pending is None or pending < 2:
                break
            group, pending, last = group + pending * 10, None, "tens"
        elif w == "trăm":
            if last in ("tens", "ten", "hundred", ""):
                break
            group, pending, last = group + (pending or 0) * 100, None, "hundred"
        elif w in ("linh", "lẻ"):
            if last != "hundred":
                break
            last = "linh"
        elif w in MULTIPLIER_WORDS:
            mult = MULTIPLIER_WORDS[w]
            if last in ("", "linh"):
                break
            value = group + (pending or 0)
            if last == "mult" and mult > prev_mult:
                total *= mult
            else:
                total += value * mult
            group, pending, last, prev_mult = 0, None, "mult", mult
        elif w == "rưỡi" and last == "mult":
            total += Decimal(prev_mult) / 2
            used = i + 1
            return total, used
        elif w == "phẩy" and last in ("digit", "tens", "ten", "hundred"):
            decimals = ""
            j = i + 1
            while j < len(words) and words[j] in DIGIT_WORDS and words[j] not in AFTER_TENS_ONLY:
                decimals += str(DIGIT_WORDS[words[j]])
                j += 1
            if not decimals:
                break
            number = Decimal(f"{group + (pending or 0)}.{decimals}")
            if j < len(words) and words[j] in MULTIPLIER_WORDS:
                return total + number * MULTIPLIER_WORDS[words[j]], j + 1
            return total + number, j
        else:
            break
        i += 1
        used = i
    if last == "linh":
        used -= 1
    if used == 0:
        return None
    return total + group + (pending or 0), used


def _format(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f").replace(".", ",")


def _sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?:;\n-•*("


def words_to_digits(text: str) -> str:
    """Replace number-word runs in `text` with digits; leave everything else as is."""
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    out, cursor, i = [], 0, 0
    while i < len(tokens):
        word, start, _ = tokens[i]
        low = word.lower()
        prev = tokens[i - 1][0].lower() if i else ""
        if prev == "tháng" and low in MONTH_NAMES:
            out.append(text[cursor:start] + str(MONTH_NAMES[low]))
            cursor, i = tokens[i][2], i + 1
            continue
        mid_capital = word[:1].isupper() and not _sentence_start(text, start)
        if low not in LEADING_NUMBER_WORDS or mid_capital or prev in NOT_NUMBER_AFTER:
            i += 1
            continue
        run = [low]
        j = i + 1
        while j < len(tokens) and text[tokens[j - 1][2]:tokens[j][1]].isspace() \
                and not tokens[j][0][:1].isupper():
            run.append(tokens[j][0].lower())
            j += 1
        parsed = parse_number_words(run)
        if parsed is None:
            i += 1
            continue
        value, used = parsed
        after = tokens[i + used][0].lower() if i + used < len(tokens) else ""
        if used == 1 and after not in UNIT_WORDS and prev not in CONTEXT_BEFORE:
            i += 1
            continue
        if used == 1 and low == "năm" and prev not in CONTEXT_BEFORE and after in ("tháng", "năm"):
            i += 1  # "năm tháng" reads as "years and months", not 5
            continue
        out.append(text[cursor:start] + _format(value))
        cursor = tokens[i + used - 1][2]
        i += used
    out.append(text[cursor:])
    return "".join(out)
