"""How long a voice takes to say a text: seconds per spoken word, per pause at punctuation, per piece.

The pace starts from planning.words_per_minute and is then measured on what the voice really said:
every rendered segment stores its spoken text and its length, and a least-squares fit over the
latest ones gives the three numbers. Pure: the caller reads the samples from the database.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

MIN_SAMPLES = 20  # segments
MIN_WORDS = 300  # spoken words across them
_WORD = re.compile(r"\w")
_BREAK = re.compile(r"[,.;:!?…]")


def spoken_words(spoken: str) -> int:
    return sum(1 for token in spoken.split() if _WORD.search(token))


def breaks(spoken: str) -> int:
    return len(_BREAK.findall(spoken))


@dataclasses.dataclass(frozen=True)
class Pace:
    per_word: float  # seconds per spoken word (a Vietnamese syllable)
    per_break: float = 0.0  # seconds per punctuation mark (the voice pauses)
    per_segment: float = 0.0  # seconds per piece (the voice's own lead-in and tail)
    measured_on: int = 0  # segments measured; 0 when taken from planning.words_per_minute

    @classmethod
    def from_words_per_minute(cls, words_per_minute: int) -> Pace:
        return cls(60.0 / words_per_minute)

    def seconds(self, spoken: str) -> float:
        """Length of `spoken` (already normalized: the words the voice will say)."""
        if not spoken.strip():
            return 0.0
        return self.per_word * spoken_words(spoken) + self.per_break * breaks(spoken) + self.per_segment

    def describe(self) -> str:
        wpm = round(60 / self.per_word) if self.per_word else 0
        if self.measured_on:
            return f"{wpm} từ/phút, đo trên {self.measured_on} đoạn đã thu"
        return f"{wpm} từ/phút theo cấu hình (planning.words_per_minute)"


def fit(samples: Sequence[tuple[str, float]]) -> Pace | None:
    """The pace that best explains (spoken text, seconds) pairs, or None with too little to measure."""
    rows = [
        (float(spoken_words(text)), float(breaks(text)), seconds)
        for text, seconds in samples
        if seconds and seconds > 0 and spoken_words(text)
    ]
    if len(rows) < MIN_SAMPLES or sum(r[0] for r in rows) < MIN_WORDS:
        return None
    for columns in ((0, 1, 2), (0, 2)):  # words, breaks, constant; then without breaks
        coefficients = _least_squares([[(r[0], r[1], 1.0)[c] for c in columns] for r in rows], [r[2] for r in rows])
        if coefficients and all(value >= 0 for value in coefficients) and coefficients[0] > 0:
            found = dict(zip(columns, coefficients))
            return Pace(found[0], found.get(1, 0.0), found.get(2, 0.0), len(rows))
    total_words = sum(r[0] for r in rows)
    return Pace(sum(r[2] for r in rows) / total_words, measured_on=len(rows))


def _least_squares(x: list[list[float]], y: list[float]) -> list[float] | None:
    """Solve the normal equations (XᵀX)b = Xᵀy by Gaussian elimination; None when singular."""
    n = len(x[0])
    a = [
        [sum(row[i] * row[j] for row in x) for j in range(n)] + [sum(row[i] * t for row, t in zip(x, y))]
        for i in range(n)
    ]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        if abs(a[pivot][col]) < 1e-9:
            return None
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(n):
            if r != col:
                factor = a[r][col] / a[col][col]
                a[r] = [v - factor * p for v, p in zip(a[r], a[col])]
    return [a[i][n] / a[i][i] for i in range(n)]
