"""Placeholder until the Vietnamese normalizer lands (issue 3): same API, whitespace only."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping


@dataclasses.dataclass(frozen=True)
class NormalizeWarning:
    position: int
    fragment: str
    message: str


@dataclasses.dataclass(frozen=True)
class Normalized:
    text: str
    warnings: tuple[NormalizeWarning, ...]


def normalize(text: str, lexicon: Mapping[str, str] | None = None) -> Normalized:
    return Normalized(" ".join(text.split()), ())


def spoken(text: str, lexicon: Mapping[str, str] | None = None) -> str:
    return normalize(text, lexicon).text
