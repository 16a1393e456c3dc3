"""Which voice each engine offers for each region (Bắc, Trung, Nam) and gender (nam, nữ): a data
table, ``voices.csv``, read without importing any engine. The first row of a region and gender is
the one chosen by `region:` and `gender:`; `voice:` names one id directly.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

REGIONS = {"bac": "miền Bắc", "trung": "miền Trung", "nam": "miền Nam"}
GENDERS = {"nam": "nam", "nu": "nữ"}
_REGION_WORDS = {
    "bac": "bac",
    "north": "bac",
    "northern": "bac",
    "trung": "trung",
    "central": "trung",
    "nam": "nam",
    "south": "nam",
    "southern": "nam",
}
_GENDER_WORDS = {"nam": "nam", "male": "nam", "nu": "nu", "female": "nu"}


@dataclass(frozen=True)
class Voice:
    engine: str
    id: str
    region: str  # bac | trung | nam
    gender: str  # nam | nu
    name: str
    source: str  # where the id was found (documentation page)

    def describe(self) -> str:
        return f"{self.id}: {self.name}, giọng {GENDERS[self.gender]} {REGIONS[self.region]}"


@lru_cache(maxsize=1)
def table() -> tuple[Voice, ...]:
    text = resources.files("broadcaster.speech").joinpath("voices.csv").read_text(encoding="utf-8")
    return tuple(Voice(**row) for row in csv.DictReader(text.splitlines()))


def engine_id(voice: Voice) -> str:
    """The id the engine itself uses, where the table has a friendlier one (espeak's variants)."""
    return (
        {"central": "vi-vn-x-central", "southern": "vi-vn-x-south"}.get(voice.id, voice.id)
        if voice.engine == "espeak"
        else voice.id
    )


def of(engine: str) -> list[Voice]:
    return [v for v in table() if v.engine == engine]


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", str(word).strip().lower().replace("đ", "d"))
    text = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return text.removeprefix("mien ").removeprefix("giong ")


def region_of(word: str) -> str:
    """'Bắc', 'miền Trung', 'south' -> 'bac', 'trung', 'nam'; ValueError otherwise."""
    found = _REGION_WORDS.get(_plain(word))
    if found is None:
        raise ValueError(f"region “{word}” không hợp lệ (Bắc, Trung hoặc Nam)")
    return found


def gender_of(word: str) -> str:
    """'nam', 'nữ', 'female' -> 'nam', 'nu'; ValueError otherwise."""
    found = _GENDER_WORDS.get(_plain(word))
    if found is None:
        raise ValueError(f"gender “{word}” không hợp lệ (nam hoặc nữ)")
    return found


def choose(engine: str, region: str, gender: str, voice: str = "") -> Voice:
    """The voice of ``engine``: ``voice`` by id if given, else the first of ``region`` and ``gender``.
    ValueError (turned into a ConfigError by the registry) names what the engine offers."""
    offered = of(engine)
    listing = "; ".join(v.describe() for v in offered)
    if voice:
        for v in offered:
            if v.id == str(voice):
                return v
        raise ValueError(f"{engine} không có giọng “{voice}”; các giọng: {listing}")
    region, gender = region_of(region), gender_of(gender)
    for v in offered:
        if v.region == region and v.gender == gender:
            return v
    raise ValueError(f"{engine} không có giọng {GENDERS[gender]} {REGIONS[region]}; các giọng: {listing}")
