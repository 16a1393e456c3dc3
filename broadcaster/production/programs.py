"""A week's programs: gather what is due, compose the scripts, place them in slots, store them.

Each stage takes plain values: `gather` reads the database (the caller's short session) into a
`WeekInputs`; `compose_week` places and writes the scripts without the database; `store_week`
writes them in the caller's session.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster.config import Settings
from broadcaster.onair.calendar import week_slots
from broadcaster.production.planning import Item, Plan, estimate_seconds, plan_week
from broadcaster.production.rewrite.week import RewriteUsage
from broadcaster.production.script import compose
from broadcaster.store import db
from broadcaster.store.models import Announcement, Program, Segment, TthcChange
from broadcaster.store.states import LOCKED, PREPARING, ProgramState, transition
from broadcaster.timeutil import local_at, now
from broadcaster.values import SlotTime, Week


@dataclasses.dataclass(frozen=True)
class SlotScript:
    slot: SlotTime
    segments: tuple[compose.SegmentText, ...]
    estimated_s: float
    carried: tuple[str, ...]       # titles that did not fit and move to a later slot

    @property
    def items(self) -> int:
        return sum(1 for s in self.segments if s.kind in ("announcement", "tthc"))

    @property
    def content_hash(self) -> str:
        joined = "\n\x1e".join(f"{s.kind}|{s.ref_id}|{s.text}" for s in self.segments)
        return hashlib.sha256(joined.encode()).hexdigest()


@dataclasses.dataclass(frozen=True)
class WeekScripts:
    week: Week
    slots: tuple[SlotScript, ...]
    unplaced: tuple[tuple[str, int], ...]   # title, airings still owed
    rewrite: RewriteUsage | None = None     # set when the rewrite step ran


@dataclasses.dataclass(frozen=True)
class WeekInputs:
    """What the database says about a week: its broadcasts and the items still owed airings."""

    week: Week
    slots: tuple[SlotTime, ...]
    items: tuple[Item, ...]


def gather(session: Session, settings: Settings, week: Week) -> WeekInputs:
    return WeekInputs(week, tuple(week_slots(session, settings, week)), tuple(due_items(session, settings, week)))


def compose_week(settings: Settings, inputs: WeekInputs) -> WeekScripts:
    """Place the items in the slots and write each slot's script (no database)."""
    fixed = {s.name: _fixed_seconds(settings, s) for s in inputs.slots}
    plan: Plan = plan_week(inputs.week, list(inputs.slots), list(inputs.items), fixed)
    scripts = []
    for planned in plan.slots:
        station, at = settings.station, planned.slot.at
        segments = (compose.opening(station, at, len(planned.items)),
                    *(compose.SegmentText(i.kind, i.ref_id, i.title, i.text, priority=i.priority)
                      for i in planned.items),
                    compose.closing(station, at))
        scripts.append(reestimate(settings, SlotScript(planned.slot, segments, 0.0,
                                                       tuple(i.title for i in planned.carried))))
    return WeekScripts(inputs.week, tuple(scripts), tuple((i.title, owed) for i, owed in plan.unplaced))


def kept_script(program: Program | None, script: SlotScript) -> SlotScript:
    """The script a slot reads: a locked program's own (a scheduled, aired or failed program stays
    what it was, whatever the data say now), else the composed one."""
    if program is None or program.status not in LOCKED or program.content_hash == script.content_hash:
        return script
    segments = tuple(compose.SegmentText(s.kind, s.ref_id, s.title, s.text) for s in program.segments)
    return SlotScript(script.slot, segments, program.estimated_s, ())


def as_stored(session: Session, scripts: WeekScripts) -> WeekScripts:
    """The week's scripts with each locked program's own script in place of the plan."""
    programs = _normal_programs(session, scripts.week)
    return dataclasses.replace(scripts, slots=tuple(kept_script(programs.get(s.slot.at), s) for s in scripts.slots))


def reestimate(settings: Settings, script: SlotScript) -> SlotScript:
    """The estimate again, from the text that will be read (after a rewrite)."""
    return dataclasses.replace(script, estimated_s=round(sum(_seconds(settings, s.text) for s in script.segments), 1))


def due_items(session: Session, settings: Settings, week: Week) -> list[Item]:
    """Announcements and TTHC changes valid during the week, with the airings they still owe."""
    first, last = week.first, week.last
    aired = _prior_airings(session, week)
    items = []
    for a in session.scalars(select(Announcement).where(Announcement.valid_from <= last,
                                                        Announcement.valid_until >= first)):
        seg = compose.announcement(a, settings.station)
        items.append(_item(settings, "announcement", a.id, a.title, a.priority, a.valid_from, a.valid_until,
                           a.repeat - aired.get(("announcement", a.id), 0), seg.text))
    plan = settings.planning
    for t in session.scalars(select(TthcChange)):
        start = t.effective_date - dt.timedelta(days=plan.tthc_announce_before_days)
        end = t.effective_date + dt.timedelta(days=plan.tthc_announce_after_days)
        if start <= last and end >= first:
            seg = compose.tthc(t, settings.station)
            items.append(_item(settings, "tthc", t.id, seg.title, "normal", start, end,
                               plan.tthc_repeat - aired.get(("tthc", t.id), 0), seg.text))
    return [i for i in items if i.remaining > 0]


def store_week(session: Session, scripts: WeekScripts, actor: str) -> list[tuple[Program, SlotScript]]:
    """Create or update one program per slot; each with the script it reads (see kept_script).
    Aired or scheduled programs are never touched; a changed script loses its approval (recorded
    in the audit trail)."""
    existing = _normal_programs(session, scripts.week)
    programs = []
    for script in scripts.slots:
        program = existing.pop(script.slot.at, None)
        if program is not None and (program.status in LOCKED or
                                    program.content_hash == script.content_hash):
            if program.status not in LOCKED:
                _refresh_verdicts(program, script)
            programs.append((program, kept_script(program, script)))
            continue
        if program is None:
            program = Program(week=scripts.week.label, slot_at=script.slot.at, priority="normal",
                              status=ProgramState.DRAFT.value)
            session.add(program)
        else:
            if program.approved_by:
                db.audit(session, "approval_reset", f"program {program.id}",
                         "nội dung kịch bản thay đổi nên phải duyệt lại", actor)
            transition(session, program, ProgramState.DRAFT, actor, "kịch bản thay đổi")
        program.approved_by, program.approved_at = None, None
        program.max_minutes, program.estimated_s = script.slot.max_minutes, script.estimated_s
        program.content_hash, program.audio_path, program.duration_s = script.content_hash, None, None
        program.segments = [Segment(position=n, kind=s.kind, ref_id=s.ref_id, title=s.title, text=s.text,
                                    source_text=s.source if s.source != s.text else None,
                                    rewrite_status=s.rewrite_status, rewrite_reason=s.rewrite_reason or None)
                            for n, s in enumerate(script.segments)]
        programs.append((program, script))
    for stale in existing.values():
        if stale.status not in LOCKED:
            db.audit(session, "program_removed", f"program {stale.id}", "khung giờ không còn trong lịch", actor)
            session.delete(stale)
    session.flush()
    return programs


def _normal_programs(session: Session, week: Week) -> dict[dt.datetime, Program]:
    """The week's stored programs (emergencies aside) by slot time."""
    return {p.slot_at: p for p in session.scalars(
        select(Program).where(Program.week == week.label, Program.priority == "normal"))}


def _refresh_verdicts(program: Program, script: SlotScript) -> None:
    """Same text to read, but the rewrite's verdict may differ (rejected vs failed): keep it current."""
    for row, seg in zip(program.segments, script.segments):
        row.rewrite_status, row.rewrite_reason = seg.rewrite_status, seg.rewrite_reason or None


def _item(settings: Settings, kind: str, ref_id: int, title: str, priority: str, start: dt.date,
          end: dt.date, remaining: int, text: str) -> Item:
    return Item(kind, ref_id, title, priority, start, end, remaining, _seconds(settings, text), text)


def _seconds(settings: Settings, text: str) -> float:
    return estimate_seconds(text, settings.planning.words_per_minute, settings.audio.pause_ms)


def _fixed_seconds(settings: Settings, slot: SlotTime) -> float:
    return (_seconds(settings, compose.opening(settings.station, slot.at, 0).text)
            + _seconds(settings, compose.closing(settings.station, slot.at).text))


def _prior_airings(session: Session, week: Week) -> dict[tuple[str, int], int]:
    """How often each item aired in earlier weeks, counting programs still to come as aired
    (a program that passed without airing does not count, so its items are placed again)."""
    start = local_at(week.first, "00:00")
    counted = (Program.status == ProgramState.AIRED) | ((Program.slot_at > now()) & Program.status.in_(PREPARING))
    rows = session.execute(select(Segment.kind, Segment.ref_id).join(Program)
                           .where(Program.slot_at < start, counted, Segment.ref_id.is_not(None)))
    counts: dict[tuple[str, int], int] = {}
    for kind, ref_id in rows:
        counts[(kind, ref_id)] = counts.get((kind, ref_id), 0) + 1
    return counts
