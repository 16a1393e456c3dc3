"""Foreign words in Latin script ("Facebook", "Internet", "livestream"): a Vietnamese spelling the
voice reads well, from ``data/loanwords.csv`` (the officer's ``lexicon:`` adds to it and wins over
it), or, for a word nobody knows, the word kept as written and a warning naming it, so the officer
sees it marked "(!)" before it airs.

Run on the text between the rules' matches only (a lexicon entry, an abbreviation, a code or an
acronym never gets here), as one regex over each stretch of plain text: cheaper than one more
alternative tried at every word of the single pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from broadcaster.vi.tables import tables

FOREIGN_WORD = "từ nước ngoài chưa có cách đọc (thêm vào lexicon trong config.yaml)"

_LOANWORDS = tables().loanwords
# A Vietnamese syllable written without tone marks ("xin chao ba con") is not foreign: an open or
# nasal one only, since a syllable ending in c, ch, p or t always carries a tone mark.
_PLAIN_SYLLABLE = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|[mniyou])?"
# A word of Latin letters only, with a vowel ("Tr", "km" are abbreviations), not all capitals
# (acronyms are spelled by the rules) and not shaped like a Vietnamese syllable.
LATIN_WORD = re.compile(
    r"(?<![\w])(?![A-Z]+(?![\w]))(?!(?i:" + _PLAIN_SYLLABLE + r")(?![\w]))"
    r"(?=[b-df-hj-np-tv-xzB-DF-HJ-NP-TV-XZ]*[aeiouyAEIOUY])[A-Za-z]{2,}(?![\w])"
)


def spelling(word: str) -> str | None:
    """The table's spelling of ``word`` (any case; a capital first letter is kept), or None."""
    said = _LOANWORDS.get(word.lower())
    if said is None:
        return None
    return said[0].upper() + said[1:] if word[0].isupper() else said


def read_foreign(piece: str, offset: int, warn: Callable[[int, str], None]) -> str:
    """``piece`` (text between matches, at ``offset`` in the input) with its Latin words respelled;
    ``warn(position, word)`` for each word the table does not know (it stays as written)."""

    def one(m: re.Match) -> str:
        said = spelling(m[0])
        if said is None:
            warn(offset + m.start(), m[0])
            return m[0]
        return said

    return LATIN_WORD.sub(one, piece)
