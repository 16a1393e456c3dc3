"""Placing the week's items into its slots.

Rules: an item airs only on days inside its validity; emergencies first, then priority items,
then the nearest deadline; each item airs at most once per slot and no more than its remaining
repeat count; a slot never exceeds its maximum length (estimated from word count). What does
not fit a slot is carried to the next one and reported; what fits nowhere is reported too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from broadcaster.values import SlotTime, Week

PRIORITY_RANK = {"emergency": 0, "priority": 1, "normal": 2}


@dataclasses.dataclass(frozen=True)
class Item:
    kind: str               # announcement | tthc
    ref_id: int
    title: str
    priority: str
    valid_from: dt.date
    valid_until: dt.date
    remaining: int          # airings still owed
    seconds: float          # estimated reading time, pause included
    text: str


@dataclasses.dataclass
class PlannedSlot:
    slot: SlotTime
    items: list[Item]
    fixed_s: float          # opening + closing
    carried: list[Item] = dataclasses.field(default_factory=list)  # fitted nowhere in this slot

    @property
    def estimated_s(self) -> float:
        return self.fixed_s + sum(i.seconds for i in self.items)


@dataclasses.dataclass
class Plan:
    week: Week
    slots: list[PlannedSlot]
    unplaced: list[tuple[Item, int]]   # item, airings still owed when its validity ends this week


def estimate_seconds(text: str, words_per_minute: int, pause_ms: int = 0) -> float:
    """Reading time of a Vietnamese text: syllables (space-separated words) at the configured pace."""
    return round(len(text.split()) * 60.0 / words_per_minute + pause_ms / 1000.0, 1)


def sort_key(item: Item) -> tuple:
    return (PRIORITY_RANK.get(item.priority, 9), item.valid_until, item.kind, item.ref_id)


def plan_week(week: Week, slots: list[SlotTime], items: list[Item], fixed_s: dict[str, float]) -> Plan:
    """fixed_s maps slot name -> seconds of its opening and closing."""
    owed = {(i.kind, i.ref_id): i.remaining for i in items}
    planned = []
    for slot in slots:
        day = slot.at.date()
        budget = slot.max_minutes * 60.0 - fixed_s[slot.name]
        chosen, carried = [], []
        for item in sorted(items, key=sort_key):
            if owed[(item.kind, item.ref_id)] <= 0 or not item.valid_from <= day <= item.valid_until:
                continue
            if item.seconds <= budget:
                chosen.append(item)
                budget -= item.seconds
                owed[(item.kind, item.ref_id)] -= 1
            else:
                carried.append(item)
        planned.append(PlannedSlot(slot, chosen, fixed_s[slot.name], carried))
    last_day = slots[-1].at.date() if slots else None
    unplaced = [(i, owed[(i.kind, i.ref_id)]) for i in sorted(items, key=sort_key)
                if owed[(i.kind, i.ref_id)] > 0 and (last_day is None or i.valid_until <= last_day)]
    return Plan(week, planned, unplaced)
