"""Composing a week without the database: which broadcasts keep their program, the plan for the others,
each slot's script and estimate, and what the officer must be told.

A broadcast keeps its stored program when its time has passed (`now`), when it is on air or over,
or when it is approved and its items still say what was approved (unless the officer rebuilds it);
the items such a program airs count against their repeat. Only the other broadcasts take items.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from broadcaster.config import Settings
from broadcaster.production.notices import Notice
from broadcaster.production.pace import Pace
from broadcaster.production.planning import Item, merge_same_text, plan_week
from broadcaster.production.programs import (
    APPROVED,
    PIECE_OVERHEAD_S,
    SlotScript,
    Stored,
    WeekInputs,
    WeekScripts,
    item_seconds,
)
from broadcaster.production.reach import unreachable
from broadcaster.production.script import compose
from broadcaster.store.states import ProgramState
from broadcaster.timeutil import local, local_at
from broadcaster.values import SlotTime

P = ProgramState
AIRS = frozenset({P.SCHEDULED, P.AIRING, P.AIRED, P.INTERRUPTED})  # a passed program in these states aired
TYPICAL_COUNT = 10  # the opening names the number of items; its length is estimated with this many


def compose_week(settings: Settings, inputs: WeekInputs) -> WeekScripts:
    """Place the items in the open slots and write each slot's script (no database)."""
    items, merged = merge_same_text(inputs.items)
    states = {s.at: state_of(settings, inputs, s) for s in inputs.slots}
    closed = {
        s.name: _refs(inputs.stored.get(s.at)) if counted else ()
        for s in inputs.slots
        for state, counted in [states[s.at]]
        if state != "open"
    }
    fixed = {s.name: fixed_seconds(settings, inputs.pace, s) for s in inputs.slots}
    margin = settings.planning.safety_margin_percent / 100
    plan = plan_week(inputs.week, inputs.slots, items, fixed, closed, margin)
    scripts, passed = [], []
    for planned in plan.slots:
        state, _ = states[planned.slot.at]
        stored = inputs.stored.get(planned.slot.at)
        if state != "open":
            if stored is None:
                passed.append(planned.slot)
            else:
                scripts.append(SlotScript(planned.slot, stored.segments, stored.estimated_s, (), state))
            continue
        station, at = settings.station, planned.slot.at
        segments = (
            compose.opening(station, at, len(planned.items)),
            *(compose.SegmentText(i.kind, i.ref_id, i.title, i.text, priority=i.priority) for i in planned.items),
            compose.closing(station, at),
        )
        scripts.append(
            reestimate(
                settings, inputs.pace, SlotScript(planned.slot, segments, 0.0, tuple(i.title for i in planned.carried))
            )
        )
    closed_slots = [s for s in inputs.slots if states[s.at][0] != "open"]
    notices = [_merged(group) for group in merged]
    notices += [_short(settings, inputs, item, owed, closed_slots) for item, owed in plan.unplaced]
    return WeekScripts(
        inputs.week,
        tuple(scripts),
        tuple((i.title, owed) for i, owed in plan.unplaced),
        notices=tuple(notices),
        passed=tuple(passed),
        items={i.ref: i for i in items},
        pace=inputs.pace,
    )


def state_of(settings: Settings, inputs: WeekInputs, slot: SlotTime) -> tuple[str, bool]:
    """(state, whether its program's items count as aired): open, passed, locked or kept."""
    stored, now = inputs.stored.get(slot.at), inputs.now
    if now is not None and slot.at <= now:
        grace = dt.timedelta(minutes=settings.schedule.grace_minutes)
        airs = stored is not None and (stored.status in AIRS or (stored.status == P.RENDERED and slot.at > now - grace))
        return "passed", airs
    if stored is None:
        return "open", False
    if stored.status in AIRS or stored.status in (P.MISSED, P.BLOCKED, P.FAILED):
        return "locked", stored.status in AIRS
    if stored.status in APPROVED and slot.at not in inputs.rebuild and unchanged(inputs, stored, slot):
        return "kept", True
    return "open", False


def unchanged(inputs: WeekInputs, stored: Stored, slot: SlotTime) -> bool:
    """Whether every item of an approved program still says what was approved and may still air that day."""
    day = local(slot.at).date()
    for segment, source in zip(stored.segments, stored.sources):
        if segment.ref_id is None:
            continue
        now = inputs.current.get((segment.kind, segment.ref_id))
        if now is None or now.text != source or not now.valid_from <= day <= now.valid_until:
            return False
    return True


def fixed_seconds(settings: Settings, pace: Pace, slot: SlotTime) -> float:
    """Opening and closing as the voice will say them, plus what every program has around them."""
    station = settings.station
    return round(
        item_seconds(settings, pace, compose.opening(station, slot.at, TYPICAL_COUNT).text)
        + item_seconds(settings, pace, compose.closing(station, slot.at).text)
        + frame_seconds(settings),
        2,
    )


def frame_seconds(settings: Settings) -> float:
    """Lead, tail, the two chimes and the one pause more than there are segments."""
    audio = settings.audio
    return (audio.lead_ms + audio.tail_ms + audio.pause_ms) / 1000 + 2 * (chime_seconds(settings) + PIECE_OVERHEAD_S)


def chime_seconds(settings: Settings) -> float:
    from broadcaster.audio import chime, ffmpeg
    from broadcaster.config import resolve_path
    from broadcaster.errors import AudioError

    if settings.audio.chime == "none":
        return 0.0
    if settings.audio.chime == "generated":
        return chime.LENGTH_S
    try:
        return ffmpeg.duration(resolve_path(settings.base_dir, settings.audio.chime))
    except AudioError:
        return 3.0


def reestimate(settings: Settings, pace: Pace, script: SlotScript) -> SlotScript:
    """The estimate from the text that will be read (after a rewrite, or items moved)."""
    seconds = frame_seconds(settings) + sum(item_seconds(settings, pace, s.text) for s in script.segments)
    return dataclasses.replace(script, estimated_s=round(seconds, 1))


def _refs(stored: Stored | None) -> tuple[tuple[str, int], ...]:
    if stored is None:
        return ()
    return tuple((s.kind, s.ref_id) for s in stored.segments if s.ref_id is not None)


def _merged(group: list[Item]) -> Notice:
    names = ", ".join(f"{i.label or i.ref_id} (“{i.title}”)" for i in group)
    return Notice(
        "merged",
        f"Tin trùng nội dung được gộp, mỗi buổi phát chỉ đọc một lần: {names}; giữ "
        f"{group[0].label or group[0].ref_id}. Nếu là các tin khác nhau, sửa nội dung cho khác.",
        {"ids": [i.label or str(i.ref_id) for i in group], "title": group[0].title},
    )


def _short(settings: Settings, inputs: WeekInputs, item: Item, owed: int, closed: list[SlotTime]) -> Notice:
    now = inputs.now or local_at(inputs.week.first, "00:00") - dt.timedelta(seconds=1)
    found = unreachable(settings, item.title, item.valid_from, item.valid_until, inputs.slots, closed, now)
    details = {"title": item.title, "id": item.label, "owed": owed}
    if found is not None:
        return dataclasses.replace(found, details={**found.details, **details})
    return Notice(
        "short",
        f"“{item.title}” còn thiếu {owed} lần phát trước khi hết hạn {item.valid_until:%d/%m/%Y}: "
        "không đủ buổi phát hoặc thời lượng trong hạn (mỗi buổi đọc một tin nhiều nhất một lần). Cách xử lý: "
        "thêm buổi phát (broadcaster slots extra NGÀY GIỜ), tăng thời lượng khung giờ, hoặc bớt tin khác.",
        details,
    )
