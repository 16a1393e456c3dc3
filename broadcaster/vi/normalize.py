"""Vietnamese text normalization for speech: the written text of a script -> what a voice reads.

Design decision (issue 3). We write our own rules instead of building on g2p-hamster (Apache-2.0)
or vietnormalizer (MIT). Measured in one run by ``benchmarks/normalize.py`` on the NeMo suite and
on generated commune sentences (medians, one machine): suite exact 100% here vs 48% (g2p-hamster)
and 51% (vietnormalizer); ~12,400 sentences/s here vs ~1,600 and ~3,900 (issue 14, CPU time on a
shared machine: ~10,200 vs ~1,500 and ~3,400 warm, 2.8x the faster peer for a whole run with start-up).
Both comparators lower-case
or re-tokenize the text, and both misread what commune texts are made of: document numbers ("49/2024/NĐ-CP" ->
"bốn mươi chín/hai nghìn…/nđ xê pê"), TTHC codes ("1.001193" -> "một phẩy…"), ranges, phone groups
and the local-government abbreviations. Patching around either would mean a second rule set on
top of theirs, so the rules live here, data tables apart in ``vi/data``.

How it works: an ordered list of small rules (regex + reader, see ``rules_words`` and
``rules_numeric``), joined into one alternation and applied in a single left-to-right pass, so
every match knows its position in the input. Earlier rules win where several match at the same
place (lexicon > addresses > document numbers > dates > codes > phones > times > money > measures
> fractions > ordinals > numbers > Roman numerals > abbreviations > acronyms). Text between matches
is kept, except dashes (between two quantities: "đến"), slashes, a few symbols with a reading
("&" -> "và") and stray symbols, which are dropped and reported as warnings.

Readings follow the NeMo suite where it decides (years "hai nghìn hai mươi sáu", no "không
trăm"; "05/12" with "ngày" or zero padding or after words like "từ", "đến" is a date, a bare
"1/2" a fraction; decimals after "phẩy" digit by digit); sums of money use the invoice style with
"không trăm" ("1.050.000 đồng" -> "một triệu không trăm năm mươi nghìn đồng"). Document numbers
read number, year and issuer ("1234/QĐ-UBND" -> "một nghìn hai trăm ba mươi tư quyết định ủy ban
nhân dân"); TTHC codes read "một chấm không không một một chín ba"; phone numbers digit by digit
in their written groups, separated by commas (pauses).

Commune usage on top of that (tests/test_normalize_commune.py: ~460 real-style sentences, a snapshot):
"11 giờ 00" -> "mười một giờ"; place abbreviations lose their dot ("TP. Huế", "Q.1", "X. Hòa Phú"
-> "thành phố Huế", "quận một", "xã Hòa Phú"; a one-letter one after a name stays an initial);
"x/y" before a counted noun reads "trên" ("19/19 tiêu chí"); a bare improper "18/11" inside a
sentence, or a "d/m" right after "d/m -", is a date; "đường 3/2" a street; "113/114/115" and
"tổng đài 1022" digit by digit; abbreviations whose reading is ambiguous (TH, TT, TN) stay spelled,
and a few read differently inside document numbers (words.yaml ``document_codes``).

Issue 14 (tests/test_normalize_issue14.py): days sharing a month each get it ("các ngày 3, 4, 5/1" ->
"ba tháng một, bốn tháng một, năm tháng một"); "gọi 112" digit by digit like the other service
numbers (not after "kêu gọi"); "(0236) 3821 456" as a phone; "1.000123.000.00.00.H56" every digit,
the suffix "hát năm mươi sáu"; titles before a name ("ThS.", "BS CKI", "BSCKII") without their dots;
scores "thắng 3-2" -> "ba hai" and ratios "tỷ lệ 1:500" -> "một trên năm trăm"; brackets that only
repeat (``echoes``) blanked; Latin words respelled or warned (``loanwords``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from broadcaster.vi.echoes import drop_echoes
from broadcaster.vi.loanwords import FOREIGN_WORD, read_foreign
from broadcaster.vi.numbers import read_number
from broadcaster.vi.readings import Rule, alternation, fallback, read_integer_token
from broadcaster.vi.rules_numeric import LOWER_LEADS as NUMERIC_LEADS
from broadcaster.vi.rules_numeric import RULES
from broadcaster.vi.rules_words import LOWER_LEADS as WORD_LEADS
from broadcaster.vi.rules_words import PLACES, lexicon_rule, word_rules_after, word_rules_before
from broadcaster.vi.tables import tables

__all__ = ["FOREIGN_WORD", "NormalizeWarning", "Normalized", "normalize", "read_number", "spoken"]

log = logging.getLogger(__name__)

UNREADABLE_SYMBOL = "ký hiệu không đọc được"
UNKNOWN_PATTERN = "không rõ cách đọc, đã đọc từng phần"
LOOSE_DIGITS = "số viết không rõ định dạng"

_SYMBOLS = {
    "&": " và ",
    "@": " a còng ",
    "=": " bằng ",
    "+": " cộng ",
    ">": " lớn hơn ",
    "<": " nhỏ hơn ",
    "≥": " lớn hơn hoặc bằng ",
    "≤": " nhỏ hơn hoặc bằng ",
    "~": " khoảng ",
    "±": " cộng trừ ",
    "№": " số ",
    "×": " nhân ",
    "%": " phần trăm ",
    "°": " độ ",
    "$": " đô la ",
    "₫": " đồng ",
}
_SILENT = set("*•·●▪■►❖✓|_")
_PLAIN = re.compile(r"[^\W\d_]*(?:[\s.,;:!?…()\[\]\"'“”‘’«»]+[^\W\d_]*)*")
_GAP = re.compile(
    r"""(?P<bullet>^[ \t]*[-+*•·●▪■►❖–—][ \t]+)
    |(?P<closing>\./\.)
    |(?P<dash>\s+[-–—]+\s+|[–—])
    |(?P<hyphen>-)
    |(?P<per>/(?:{units})(?![\w]))
    |(?P<slash>/)
    |(?P<digits>\d+)
    |(?P<symbol>[^\w\s.,;:!?…()\[\]"'“”‘’«»]|_)""".replace("{units}", alternation(tables().spaced_units)),
    re.MULTILINE | re.VERBOSE,
)
_DASHES = frozenset({"-", "–", "—", "--"})
_PER_WORDS = tuple(tables().words["per_words"])
_COUNTED = re.compile(r"[ \t]+[^\W\d_]+(?:[ \t][^\W\d_]+)?")  # "<number> người/": a counted noun
_LOWER = "".join(c for c in map(chr, range(0x61, 0x1EFA)) if c.islower() and c.isalpha())
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r"[ \t]+([,.;:!?…)])")


@dataclass(frozen=True)
class NormalizeWarning:
    position: int  # character offset in the input
    fragment: str  # what could not be read
    message: str  # Vietnamese message, e.g. "ký hiệu không đọc được"


@dataclass(frozen=True)
class Normalized:
    text: str  # spoken form
    warnings: tuple[NormalizeWarning, ...]


class _Engine:
    """The rules for one lexicon, joined into one alternation."""

    def __init__(self, lexicon: tuple[tuple[str, str], ...], shortcut: bool = True) -> None:
        mapping = dict(lexicon)
        abbreviations = {**tables().abbreviations, **mapping}
        rules: list[Rule] = [lexicon_rule(mapping)] if mapping else []
        rules += word_rules_before(abbreviations) + RULES + word_rules_after(abbreviations)
        self.rules = rules
        # Every rule starts at a word start or a currency sign: checking that first keeps the
        # single pass fast (most positions are inside words). Most words are lower-case Vietnamese
        # words no rule can start with: at those, one check of the ways a rule may begin (head
        # words, lower-case table entries, addresses, words with digits) skips every rule.
        alternatives = "|".join(f"(?P<r{i}>{r.pattern})" for i, r in enumerate(rules))
        lower_keys = [w for w in (*abbreviations, *PLACES) if w[:1].islower()]
        leads = "|".join([alternation(lower_keys), *NUMERIC_LEADS, *WORD_LEADS])
        skip = rf"(?:(?![{_LOWER}])|(?={leads}))" if shortcut else ""  # off: only to test it changes nothing
        self.master = re.compile(rf"(?:(?<!\w)|(?=[$€£¥₹₫])){skip}(?:{alternatives})", re.MULTILINE)

    def run(self, text: str) -> Normalized:
        text = drop_echoes(text)
        out: list[str] = []
        warnings: list[NormalizeWarning] = []
        pos, prev_numeric = 0, False
        for m in self.master.finditer(text):
            rule = self.rules[int((m.lastgroup or "r0")[1:])]
            own = rule.regex.match(text, m.start())
            said = rule.read(own) if own else None
            if said is None:
                warnings.append(NormalizeWarning(m.start(), m[0], UNKNOWN_PATTERN))
                said = fallback(m[0])
            out.append(_gap(text, pos, m.start(), prev_numeric and rule.numeric, warnings, prev_numeric))
            out.append(said)
            pos, prev_numeric = m.end(), rule.numeric
        out.append(_gap(text, pos, len(text), False, warnings, prev_numeric))
        said = _SPACE_BEFORE_PUNCT.sub(r"\1", _SPACES.sub(" ", "".join(out)))
        return Normalized(said.strip(), tuple(warnings))


def _gap(
    text: str,
    start: int,
    end: int,
    between_quantities: bool,
    warnings: list[NormalizeWarning],
    after_quantity: bool = False,
) -> str:
    """Text between two matches: kept, except dashes, slashes, symbols and loose digits."""
    gap = text[start:end]
    if not gap:
        return gap
    if between_quantities and gap.strip() in _DASHES:
        return " đến "
    if between_quantities and gap == "/":
        return " trên "

    def warn(position: int, word: str) -> None:
        warnings.append(NormalizeWarning(position, word, FOREIGN_WORD))

    if _PLAIN.fullmatch(gap):
        return read_foreign(gap, start, warn)
    parts, pos = [], start
    for m in _GAP.finditer(text, start, end):
        parts.append(read_foreign(text[pos : m.start()], pos, warn))
        if (
            m.lastgroup == "slash"
            and after_quantity
            and _COUNTED.fullmatch(text, start, m.start())
            and not text.startswith("hoặc", m.end())
        ):
            parts.append(" một ")  # "50 người/lớp": "năm mươi người một lớp"
        else:
            parts.append(_gap_piece(m, text, end, warnings))
        pos = m.end()
    parts.append(read_foreign(text[pos:end], pos, warn))
    return "".join(parts)


def _gap_piece(m: re.Match, text: str, end: int, warnings: list[NormalizeWarning]) -> str:
    kind, piece = m.lastgroup, m[0]
    if kind == "bullet":
        return ""
    if kind == "closing":  # "thực hiện./.": the closing mark of an official text
        return "."
    if kind == "dash":  # "Nơi nhận: - Như Điều 3": no comma after a colon
        return " " if text[: m.start()].rstrip()[-1:] in ":;,." else ", "
    if kind in ("hyphen", "slash"):
        after = text[m.end() : end].lower()
        if kind == "slash" and after.startswith(_PER_WORDS):
            return " một "
        return " "
    if kind == "per":
        return " một " + tables().units[piece[1:]]
    if kind == "digits":
        warnings.append(NormalizeWarning(m.start(), piece, LOOSE_DIGITS))
        return read_integer_token(piece)
    if piece in _SYMBOLS:
        return _SYMBOLS[piece]
    if piece not in _SILENT:
        warnings.append(NormalizeWarning(m.start(), piece, UNREADABLE_SYMBOL))
        log.debug("unreadable symbol %r at %d", piece, m.start())
    return " "


@lru_cache(maxsize=16)
def _engine(lexicon: tuple[tuple[str, str], ...]) -> _Engine:
    return _Engine(lexicon)


def normalize(text: str, lexicon: Mapping[str, str] | None = None) -> Normalized:
    """Turn written Vietnamese into its spoken form, with warnings for what could not be read.

    ``lexicon`` maps written forms to spoken forms (the officer's overrides from config.yaml);
    it takes precedence over every built-in rule and abbreviation.
    """
    key = tuple(sorted(lexicon.items())) if lexicon else ()
    return _engine(key).run(text)


def spoken(text: str, lexicon: Mapping[str, str] | None = None) -> str:
    """The spoken form only: ``normalize(text, lexicon).text``."""
    return normalize(text, lexicon).text
