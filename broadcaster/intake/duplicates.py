"""Two texts are the same when a voice would say them the same way: "19h00 ngày 02/12/2026" and
"19 giờ ngày 2/12/2026" are one announcement, whatever ids the files gave them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

from broadcaster.intake.vocab import fold

T = TypeVar("T")


def spoken_key(text: str, lexicon: Mapping[str, str] | None = None) -> str:
    """The text as spoken, folded (case, diacritics, punctuation and spacing do not count)."""
    from broadcaster.vi.normalize import normalize

    return fold(normalize(text, lexicon or {}).text)


def same_text(items: Iterable[T], key) -> list[list[T]]:
    """Groups of two or more items with the same key, in the order their first member came."""
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return [group for group in groups.values() if len(group) > 1]
