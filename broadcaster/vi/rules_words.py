"""Rules for words and references: officer's lexicon, web addresses, document numbers,
Roman numerals, abbreviations, mixed codes and all-capital acronyms."""

from __future__ import annotations

import re
from collections.abc import Mapping

from broadcaster.vi.loanwords import spelling
from broadcaster.vi.numbers import read_digits, read_number, read_ordinal, roman_to_int
from broadcaster.vi.readings import Rule, alternation, is_syllable, read_capitals, read_code, spell
from broadcaster.vi.tables import tables

UPPER = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper() and c.isalpha())
_CAPS = f"[{UPPER}]"
_CODE = f"{_CAPS}[{UPPER}a-z&]*(?:[-/]{_CAPS}[{UPPER}a-z&]*)*\\d*"  # "QĐ-UBND", "QH15"
_HEADS = alternation(tables().words["roman_heads"])
_DOMAIN_WORDS = {
    "gov": "gốp",
    "vn": "vê en",
    "www": "vê kép vê kép vê kép",
    "com": "com",
    "org": "o rờ gờ",
    "edu": "e đu",
    "net": "nét",
    "http": "",
    "https": "",
}
_URL_SEPARATORS = {".": "chấm", "/": "gạch chéo", "@": "a còng", "-": "gạch ngang", "_": "gạch dưới", ":": ""}
_DOC_OVERRIDES = tables().words["document_codes"]
_TITLES = tables().words["titles"]


def _address(m: re.Match) -> str:
    words = []
    for part in re.findall(r"[A-Za-z]+|\d+|[./@_:-]", m[0].removeprefix("https://").removeprefix("http://")):
        if part in _URL_SEPARATORS:
            words.append(_URL_SEPARATORS[part])
        elif part.isdigit():
            words.append(read_digits(part))
        elif part.lower() in _DOMAIN_WORDS:
            words.append(_DOMAIN_WORDS[part.lower()])
        elif said := spelling(part.lower()):
            words.append(said)
        elif len(part) <= 4 and sum(c in "aeiouy" for c in part.lower()) <= 1 and not is_syllable(part):
            # "ubnd", "dvc", "html": spelled; "home", "gmail" left to the voice
            words.append(spell(part))
        else:
            words.append(part.lower())
    return " ".join(w for w in words if w)


def _document(abbreviations: Mapping[str, str]):
    """'49/2024/NĐ-CP' -> 'bốn mươi chín năm hai nghìn hai mươi tư nghị định chính phủ'."""
    table = {**abbreviations, **_DOC_OVERRIDES}

    def read(m: re.Match) -> str:
        number, year, code = m.groups()
        words = [read_number(number)]
        if year:
            words.append(f"năm {read_number(year)}")
        if code in abbreviations:
            words.append(abbreviations[code])
        else:
            words += [read_code(part, table) for part in re.split(r"[-/]", code)]
        return " ".join(words)

    return read


def _roman_after_head(abbreviations: Mapping[str, str]):
    def read(m: re.Match) -> str:
        head, token = m.groups()
        value = roman_to_int(token)
        if token.islower() and re.match(r"\s+[^\W\d_A-Z]", m.string[m.end() : m.end() + 3]):
            value = None  # "mục di dời": a lowercase word, not a numeral
        if value:
            ordinal = head.lower() == "thứ" and m.string[: m.start()].rstrip().lower().endswith("lần")
            return f"{head} {read_ordinal(value) if ordinal else read_number(value)}"  # "lần thứ I"
        return f"{head} {read_capitals(token, abbreviations)}" if token.isupper() else m[0]

    return read


PLACES = _PLACES = tables().words["places"]
_TITLE = "(?:" + alternation(_TITLES) + ")(?![^\\W_])"
_INITIAL = re.compile(r"([^\W\d_]+)\s$")  # "anh P. Tuấn", "Nguyễn Văn T. Hoa": an initial
_BEFORE_PLACE = frozenset(tables().words["before_place"])


def _place(m: re.Match) -> str:
    """'TP. Hồ Chí Minh', 'Q.1', 'P. Tân Định', 'H. Củ Chi': the word, without the dot."""
    short, numbered, number = m.groups()
    if numbered:
        return f"{_PLACES[numbered]} {read_number(number)}"
    word = _INITIAL.search(m.string, max(0, m.start() - 12), m.start())
    if len(short) == 1 and word and word[1].lower() not in _BEFORE_PLACE:
        return spell(short) + m[0][1:]
    return _PLACES[short] + " "


def _title(m: re.Match) -> str:
    """'ThS.', 'BS CKI', 'TS.BS', 'BSCKII' before a name: each title read, no dot, no pause."""
    return " ".join(_TITLES[part] for part in re.split(r"[.\s-]+", m[0]) if part)


def _capital_letter(m: re.Match) -> str:
    return m[0] if m[0] in "AEIOUY" else spell(m[0])


# How the rules below may begin at a lower-case letter, besides a lower-case abbreviation, place or
# lexicon entry (see rules_numeric.LOWER_LEADS): an address, a list letter "a)", a word with a digit.
LOWER_LEADS = [_HEADS, r"https?://", r"[\w.+-]+@", r"[\w-]+\.\w", r"[a-zđ]\)", r"[^\W\d_]*\d"]


def word_rules_before(abbreviations: Mapping[str, str]) -> list[Rule]:
    """Rules that must win over the number rules (they start with digits too)."""
    return [
        Rule("email", r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", _address, numeric=False),
        Rule(
            "web",
            r"(?i:(?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*"
            r"\.(?:vn|com|net|org|gov|edu|info)\b(?:/[\w\-./?=&%]*[\w/])?)",
            _address,
            numeric=False,
        ),
        Rule(
            "document",
            r"(?<![\w/.,])(\d+)(?:/(\d{4}))?[/-](" + _CODE + r")(?![\w])",
            _document(abbreviations),
            numeric=False,
        ),
        Rule(
            "place",
            r"(?<![\w.])(?:(" + alternation(_PLACES) + r")\.[ \t]?(?=[" + UPPER + r"])"
            r"|([QP])\.[ \t]?(\d{1,2})(?![\w]|[.,]\d))",
            _place,
            numeric=False,
        ),
        Rule("house", r"SN(?=\s?\d{1,3}(?!\d|[.,/]\d))", lambda m: "số nhà", numeric=False),
        Rule("list_letter", r"^[ \t]*([a-zđ])\)[ \t]", lambda m: spell(m[1]) + ", ", numeric=False),
    ]


def word_rules_after(abbreviations: Mapping[str, str]) -> list[Rule]:
    """Rules for words, tried after the number rules."""
    return [
        Rule(
            "roman",
            r"(?i:(" + _HEADS + r"))\s+([IVXLCDMivxlcdm]+)(?![\w])",
            _roman_after_head(abbreviations),
            numeric=False,
        ),
        Rule(
            "heading",
            r"^[ \t]*([IVX]{1,5})(?=[.)]\s)",
            lambda m: read_number(roman_to_int(m[1]) or 0) if roman_to_int(m[1]) else None,
            numeric=False,
        ),
        Rule(
            "title",
            r"(?<![\w.])" + _TITLE + r"(?:(?:\.[ \t]?|[ \t]|-)" + _TITLE + r")*\.?(?=[ \t]*[" + UPPER + r"])",
            _title,
            numeric=False,
        ),
        Rule(
            "abbreviation",
            r"(?<![\w])(?:" + alternation(abbreviations) + r")(?![\w])",
            lambda m: abbreviations[m[0]],
            numeric=False,
        ),
        Rule(
            "code",
            r"(?<![\w])(?=[^\W_]*\d)(?=[^\W_]*[^\W\d_])[^\W_]+(?![\w])",
            lambda m: read_code(m[0], abbreviations),
            numeric=False,
        ),
        Rule(
            "acronym",
            r"(?<![\w])" + _CAPS + r"{2,}(?![\w])",
            lambda m: read_capitals(m[0], abbreviations),
            numeric=False,
        ),
        Rule("letter", r"(?<![\w])" + _CAPS + r"(?![\w])", _capital_letter, numeric=False),
    ]


def lexicon_rule(lexicon: Mapping[str, str]) -> Rule:
    """The officer's pronunciations (config.yaml ``lexicon:``), tried before every other rule."""
    return Rule(
        "lexicon", r"(?<![\w])(?:" + alternation(lexicon) + r")(?![\w])", lambda m: lexicon[m[0]], numeric=False
    )
