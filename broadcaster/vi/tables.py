"""Data tables of the normalizer, loaded once from ``data/`` (CSV and YAML kept apart from logic)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's when built with it: 10x faster start-up


def _read(name: str) -> str:
    return resources.files("broadcaster.vi").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def _csv(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(_read(name).splitlines()))


@dataclass(frozen=True)
class Tables:
    abbreviations: dict[str, str]  # written -> spoken (case-sensitive)
    units: dict[str, str]  # written -> spoken
    spaced_units: frozenset[str]  # units that may follow the number after a space
    per_units: dict[str, str]  # second half of compound units: "km/h"
    currencies: dict[str, str]  # written -> spoken
    cents: frozenset[str]  # currencies whose decimals are read as "xu"
    letters: dict[str, str]  # Vietnamese letter names, lower case
    words: dict[str, Any]  # word lists of words.yaml
    loanwords: dict[str, str]  # foreign words, lower case -> a Vietnamese spelling the voice reads


@lru_cache(maxsize=1)
def tables() -> Tables:
    """The built-in tables (read once per process)."""
    units = _csv("units.csv")
    currencies = _csv("currencies.csv")
    return Tables(
        abbreviations={r["written"]: r["spoken"] for r in _csv("abbreviations.csv")},
        units={r["written"]: r["spoken"] for r in units},
        spaced_units=frozenset(r["written"] for r in units if r["spaced"] == "yes"),
        per_units={r["written"]: r["spoken"] for r in _csv("per_units.csv")},
        currencies={r["written"]: r["spoken"] for r in currencies},
        cents=frozenset(r["written"] for r in currencies if r["cents"]),
        letters={r["letter"]: r["name"] for r in _csv("letters.csv")},
        words=yaml.load(_read("words.yaml"), Loader=_LOADER),
        loanwords={r["written"].lower(): r["spoken"] for r in _csv("loanwords.csv")},
    )


@lru_cache(maxsize=1)
def rewrite_terms() -> dict[str, list[str]]:
    """The lower-case nouns the rewrite's fact guard reads as claims (data/rewrite_terms.yaml):
    {"offices": [...], "places": [...], "groups": [...], "procedures": [...], "documents": [...]},
    each entry "canonical | other spelling | …"."""
    return {
        kind: [str(entry) for entry in entries or []]
        for kind, entries in (yaml.safe_load(_read("rewrite_terms.yaml")) or {}).items()
    }
