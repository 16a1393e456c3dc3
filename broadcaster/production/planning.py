"""Placing the week's items into its slots.

Rules: an item airs only on days inside its validity; emergencies first, then priority items,
then the nearest deadline; each item airs at most once per slot and no more than its remaining
repeat count; the same spoken text under two ids is one item. Only open slots take items: a slot
whose time has passed, or whose program is approved or on air, keeps what it has, and what it airs
counts. A slot is filled to its length less a safety margin, every item estimated from the words
the voice will say (after normalization) at the voice's pace. What does not fit a slot is carried to
the next one; what fits nowhere is reported.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from broadcaster.values import SlotTime, Week

if TYPE_CHECKING:
    from broadcaster.production.pace import Pace

PRIORITY_RANK = {"emergency": 0, "priority": 1, "normal": 2}


@dataclasses.dataclass(frozen=True)
class Item:
    kind: str  # announcement | tthc
    ref_id: int
    title: str
    priority: str
    valid_from: dt.date
    valid_until: dt.date
    remaining: int  # airings still owed
    seconds: float  # estimated length in a program, pause included
    text: str
    label: str = ""  # the id the officer knows: the announcement's id, the TTHC code
    key: str = ""  # the spoken text, folded: equal keys are one item

    @property
    def ref(self) -> tuple[str, int]:
        return (self.kind, self.ref_id)


@dataclasses.dataclass
class PlannedSlot:
    slot: SlotTime
    items: list[Item]
    fixed_s: float  # opening, closing, chimes, lead and tail
    carried: list[Item] = dataclasses.field(default_factory=list)  # fitted nowhere in this slot
    closed: bool = False  # keeps its stored program

    @property
    def estimated_s(self) -> float:
        return self.fixed_s + sum(i.seconds for i in self.items)


@dataclasses.dataclass
class Plan:
    week: Week
    slots: list[PlannedSlot]
    unplaced: list[tuple[Item, int]]  # item, airings still owed when its validity ends this week


def estimate_seconds(text: str, pace: Pace, pause_ms: int = 0, lexicon: Mapping[str, str] | None = None) -> float:
    """Length of `text` read aloud: normalized first (dates, phone numbers and amounts spelled out,
    as the voice says them), then timed at `pace`; plus the pause after it."""
    from broadcaster.vi.normalize import normalize

    return round(pace.seconds(normalize(text, lexicon or {}).text) + pause_ms / 1000.0, 1)


def sort_key(item: Item) -> tuple:
    return (PRIORITY_RANK.get(item.priority, 9), item.valid_until, item.kind, item.ref_id)


def merge_same_text(items: Sequence[Item]) -> tuple[list[Item], list[list[Item]]]:
    """One item per spoken text: the first by sort order stays, owing the most any of them owed.
    Returns the items and the groups merged (kept item first)."""
    groups: dict[str, list[Item]] = {}
    for item in sorted(items, key=sort_key):
        groups.setdefault(item.key or f"{item.kind}:{item.ref_id}", []).append(item)
    kept, merged = [], []
    for group in groups.values():
        first = group[0]
        if len(group) > 1:
            first = dataclasses.replace(
                first,
                remaining=max(i.remaining for i in group),
                valid_from=min(i.valid_from for i in group),
                valid_until=max(i.valid_until for i in group),
            )
            merged.append([first, *group[1:]])
        kept.append(first)
    return kept, merged


def plan_week(
    week: Week,
    slots: Sequence[SlotTime],
    items: Sequence[Item],
    fixed_s: Mapping[str, float],
    closed: Mapping[str, Sequence[tuple[str, int]]] | None = None,
    margin: float = 0.0,
) -> Plan:
    """fixed_s maps slot name -> seconds of its fixed parts; `closed` maps the name of a slot that keeps
    its program to the items it airs (they count against the repeat); `margin` is the share of each
    slot left free."""
    closed = closed or {}
    owed = {i.ref: i.remaining for i in items}
    for refs in closed.values():
        for ref in refs:
            if ref in owed:
                owed[ref] -= 1
    planned = []
    for slot in slots:
        if slot.name in closed:
            planned.append(PlannedSlot(slot, [], fixed_s.get(slot.name, 0.0), closed=True))
            continue
        day = slot.at.date()
        budget = slot.max_minutes * 60.0 * (1.0 - margin) - fixed_s[slot.name]
        chosen, carried = [], []
        for item in sorted(items, key=sort_key):
            if owed[item.ref] <= 0 or not item.valid_from <= day <= item.valid_until:
                continue
            if item.seconds <= budget:
                chosen.append(item)
                budget -= item.seconds
                owed[item.ref] -= 1
            else:
                carried.append(item)
        planned.append(PlannedSlot(slot, chosen, fixed_s[slot.name], carried))
    unplaced = [(i, owed[i.ref]) for i in sorted(items, key=sort_key) if owed[i.ref] > 0 and i.valid_until <= week.last]
    return Plan(week, planned, unplaced)
