"""A week's programs: gather what is due, store what was composed.

`gather` reads the database (the caller's short session) into plain `WeekInputs`: the week's
broadcasts, the items still owed airings, the stored programs and what their items say now, and the
voice's measured pace. `production.composing.compose_week` places and writes the scripts without the
database; `store_week` writes them in the caller's session. Approval belongs to the text approved: a
program whose script changes goes back to draft, and the notice says which items changed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster import timeutil
from broadcaster.config import Settings
from broadcaster.intake.duplicates import spoken_key
from broadcaster.onair.calendar import week_slots
from broadcaster.production.notices import Notice
from broadcaster.production.pace import Pace, fit
from broadcaster.production.planning import Item, estimate_seconds
from broadcaster.production.rewrite.week import RewriteUsage
from broadcaster.production.script import compose
from broadcaster.store import db
from broadcaster.store.models import Announcement, Program, Segment, TthcChange
from broadcaster.store.states import LOCKED, PREPARING, ProgramState, transition
from broadcaster.timeutil import local, local_at
from broadcaster.values import SlotTime, Week

PIECE_OVERHEAD_S = 0.04  # each joined MP3 piece plays its encoder delay and padding (audio.program)
PACE_SAMPLES = 400
APPROVED = frozenset({ProgramState.APPROVED, ProgramState.RENDERED})
CLOSED = APPROVED | LOCKED  # programs that take no new item unless the officer rebuilds them


@dataclasses.dataclass(frozen=True)
class SlotScript:
    slot: SlotTime
    segments: tuple[compose.SegmentText, ...]
    estimated_s: float
    carried: tuple[str, ...] = ()  # titles that did not fit and move to a later slot
    state: str = "open"  # open | kept (approved, unchanged) | locked (on air or over) | passed

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
    unplaced: tuple[tuple[str, int], ...]  # title, airings still owed
    rewrite: RewriteUsage | None = None  # set when the rewrite step ran
    notices: tuple[Notice, ...] = ()
    passed: tuple[SlotTime, ...] = ()  # broadcasts already past, with no program
    items: Mapping[tuple[str, int], Item] = dataclasses.field(default_factory=dict)  # what was planned
    pace: Pace | None = None


@dataclasses.dataclass(frozen=True)
class Stored:
    """A stored program as plain values."""

    id: int
    slot_at: dt.datetime
    status: str
    approved_by: str | None
    content_hash: str
    estimated_s: float
    segments: tuple[compose.SegmentText, ...]
    sources: tuple[str, ...]  # each segment's template text (before any rewrite)


@dataclasses.dataclass(frozen=True)
class Current:
    """What an item stored in a program says now, and when it may air."""

    text: str
    valid_from: dt.date
    valid_until: dt.date


@dataclasses.dataclass(frozen=True)
class WeekInputs:
    """What the database says about a week."""

    week: Week
    slots: tuple[SlotTime, ...]
    items: tuple[Item, ...]
    stored: Mapping[dt.datetime, Stored] = dataclasses.field(default_factory=dict)
    current: Mapping[tuple[str, int], Current] = dataclasses.field(default_factory=dict)
    pace: Pace = dataclasses.field(default_factory=lambda: Pace(0.4))
    now: dt.datetime | None = None  # None: the clock is ignored (--past)
    rebuild: frozenset[dt.datetime] = frozenset()  # approved broadcasts the officer rebuilds on purpose


def gather(
    session: Session,
    settings: Settings,
    week: Week,
    now: dt.datetime | None = None,
    rebuild: Iterable[dt.datetime] = (),
) -> WeekInputs:
    pace = measured_pace(session, settings)
    stored = {p.slot_at: _stored(p) for p in _normal_programs(session, week).values()}
    refs = {(s.kind, s.ref_id) for p in stored.values() for s in p.segments if s.ref_id is not None}
    return WeekInputs(
        week,
        tuple(week_slots(session, settings, week)),
        tuple(due_items(session, settings, week, pace)),
        stored,
        current_texts(session, settings, refs),
        pace,
        now,
        frozenset(rebuild),
    )


def measured_pace(session: Session, settings: Settings) -> Pace:
    """The first voice's pace measured on its latest rendered segments, else the configured one."""
    rows = session.execute(
        select(Segment.spoken, Segment.duration_s)
        .where(Segment.engine == settings.voice.chain[0], Segment.duration_s.is_not(None), Segment.spoken.is_not(None))
        .order_by(Segment.id.desc())
        .limit(PACE_SAMPLES)
    ).all()
    measured = [(spoken, seconds) for spoken, seconds in rows if spoken is not None and seconds is not None]
    return fit(measured) or Pace.from_words_per_minute(settings.planning.words_per_minute)


def due_items(session: Session, settings: Settings, week: Week, pace: Pace) -> list[Item]:
    """Announcements and TTHC changes valid during the week, with the airings they still owe."""
    first, last = week.first, week.last
    aired = _prior_airings(session, week)
    items = []
    for a in session.scalars(
        select(Announcement).where(Announcement.valid_from <= last, Announcement.valid_until >= first)
    ):
        seg = compose.announcement(a, settings.station)
        items.append(
            Item(
                "announcement",
                a.id,
                a.title,
                a.priority,
                a.valid_from,
                a.valid_until,
                a.repeat - aired.get(("announcement", a.id), 0),
                item_seconds(settings, pace, seg.text),
                seg.text,
                a.uid,
                spoken_key(a.body, settings.lexicon),
            )
        )
    plan = settings.planning
    for t in session.scalars(select(TthcChange)):
        start, end = tthc_window(settings, t)
        if start <= last and end >= first:
            seg = compose.tthc(t, settings.station)
            items.append(
                Item(
                    "tthc",
                    t.id,
                    seg.title,
                    "normal",
                    start,
                    end,
                    plan.tthc_repeat - aired.get(("tthc", t.id), 0),
                    item_seconds(settings, pace, seg.text),
                    seg.text,
                    t.code,
                    spoken_key(seg.text, settings.lexicon),
                )
            )
    return [i for i in items if i.remaining > 0]


def tthc_window(settings: Settings, change: TthcChange) -> tuple[dt.date, dt.date]:
    plan = settings.planning
    return (
        change.effective_date - dt.timedelta(days=plan.tthc_announce_before_days),
        change.effective_date + dt.timedelta(days=plan.tthc_announce_after_days),
    )


def current_texts(session: Session, settings: Settings, refs: set[tuple[str, int]]) -> dict[tuple[str, int], Current]:
    found = {}
    for a in session.scalars(
        select(Announcement).where(Announcement.id.in_([r for k, r in refs if k == "announcement"]))
    ):
        found[("announcement", a.id)] = Current(
            compose.announcement(a, settings.station).text, a.valid_from, a.valid_until
        )
    for t in session.scalars(select(TthcChange).where(TthcChange.id.in_([r for k, r in refs if k == "tthc"]))):
        found[("tthc", t.id)] = Current(compose.tthc(t, settings.station).text, *tthc_window(settings, t))
    return found


def item_seconds(settings: Settings, pace: Pace, text: str) -> float:
    """An item's share of a program: its spoken text, the piece's padding and the pause after it."""
    return round(estimate_seconds(text, pace, settings.audio.pause_ms, settings.lexicon) + PIECE_OVERHEAD_S, 2)


def closed_slots(session: Session, slots: Sequence[SlotTime]) -> list[SlotTime]:
    """The broadcasts among `slots` whose program is approved or on air: they take no new item."""
    times = [s.at for s in slots]
    if not times:
        return []
    status = {
        p.slot_at: p.status
        for p in session.scalars(select(Program).where(Program.slot_at.in_(times), Program.priority == "normal"))
    }
    return [s for s in slots if status.get(s.at) in CLOSED]


Removed = tuple[dt.datetime, str | None]  # slot time and audio file of a program removed from the schedule


def store_week(
    session: Session, scripts: WeekScripts, actor: str
) -> tuple[list[tuple[Program, SlotScript]], list[Notice], list[Removed]]:
    """Create or update one program per scripted slot; each with the script it reads. Kept, locked and
    passed programs are not touched. Returns the programs, the notices of approvals undone, and the
    programs removed (their broadcast left the schedule), whose files the caller deletes once committed."""
    existing = _normal_programs(session, scripts.week)
    programs, notices = [], []
    for script in scripts.slots:
        program, notice = store_slot(session, scripts.week, script, actor, existing.pop(script.slot.at, None))
        programs.append((program, script))
        notices += [notice] if notice else []
    passed = {s.at for s in scripts.passed}
    removed: list[Removed] = []
    for stale in existing.values():
        if stale.status in LOCKED or stale.slot_at in passed:
            continue
        db.audit(session, "program_removed", f"program {stale.id}", "khung giờ không còn trong lịch", actor)
        removed.append((stale.slot_at, stale.audio_path))
        session.delete(stale)
    session.flush()
    return programs, notices, removed


def store_slot(
    session: Session, week: Week, script: SlotScript, actor: str, program: Program | None
) -> tuple[Program, Notice | None]:
    """Write one slot's script to its program; an approved program whose script changes goes back to
    draft (audited), and the notice names the items that changed."""
    if program is not None and (script.state != "open" or program.content_hash == script.content_hash):
        if script.state == "open":
            program.estimated_s = script.estimated_s
            for row, seg in zip(program.segments, script.segments):
                row.rewrite_status, row.rewrite_reason = seg.rewrite_status, seg.rewrite_reason or None
        return program, None
    notice = None
    if program is None:
        program = Program(week=week.label, slot_at=script.slot.at, priority="normal", status=ProgramState.DRAFT.value)
        session.add(program)
    else:
        if program.approved_by and program.status in APPROVED:
            changed = changed_items(program.segments, script.segments)
            notice = draft_again(week, script.slot, program.approved_by, changed)
            db.audit(
                session,
                "approval_reset",
                f"program {program.id}",
                "nội dung kịch bản thay đổi nên phải duyệt lại: " + "; ".join(f"“{t}” ({w})" for t, w in changed),
                actor,
            )
        transition(session, program, ProgramState.DRAFT, actor, "kịch bản thay đổi")
    program.approved_by, program.approved_at = None, None
    program.max_minutes, program.estimated_s = script.slot.max_minutes, script.estimated_s
    program.content_hash, program.audio_path, program.duration_s = script.content_hash, None, None
    program.segments = [
        Segment(
            position=n,
            kind=s.kind,
            ref_id=s.ref_id,
            title=s.title,
            text=s.text,
            source_text=s.source if s.source != s.text else None,
            rewrite_status=s.rewrite_status,
            rewrite_reason=s.rewrite_reason or None,
        )
        for n, s in enumerate(script.segments)
    ]
    return program, notice


def changed_items(old: Sequence, new: Sequence) -> list[tuple[str, str]]:
    """(title, what happened) for each item added, removed or reworded between two scripts."""
    before = {(s.kind, s.ref_id): s for s in old if s.ref_id is not None}
    after = {(s.kind, s.ref_id): s for s in new if s.ref_id is not None}
    found = [(s.title, "sửa nội dung") for ref, s in after.items() if ref in before and before[ref].text != s.text]
    found += [(s.title, "thêm vào") for ref, s in after.items() if ref not in before]
    found += [(s.title, "bỏ ra") for ref, s in before.items() if ref not in after]
    return found


def draft_again(week: Week, slot: SlotTime, approved_by: str, changed: list[tuple[str, str]]) -> Notice:
    when = local(slot.at)
    what = "; ".join(f"“{title}” ({how})" for title, how in changed) or "thứ tự hoặc lời mở đầu"
    return Notice(
        "draft_again",
        f"Buổi phát {when:%d/%m/%Y %H:%M} do {approved_by} đã duyệt nay trở lại bản nháp vì "
        f"nội dung thay đổi: {what}. Chưa duyệt lại thì buổi này bị chặn, không phát. Duyệt lại: broadcaster "
        f'approve --week {week} --slot {slot.name} --by "Họ tên".',
        {"slot": when.isoformat(), "approved_by": approved_by, "items": [t for t, _ in changed]},
    )


def _stored(program: Program) -> Stored:
    segments = tuple(compose.SegmentText(s.kind, s.ref_id, s.title, s.text) for s in program.segments)
    return Stored(
        program.id,
        program.slot_at,
        program.status,
        program.approved_by,
        program.content_hash,
        program.estimated_s,
        segments,
        tuple(s.source_text or s.text for s in program.segments),
    )


def _normal_programs(session: Session, week: Week) -> dict[dt.datetime, Program]:
    """The week's stored programs (emergencies aside) by slot time."""
    return {
        p.slot_at: p
        for p in session.scalars(select(Program).where(Program.week == week.label, Program.priority == "normal"))
    }


def _prior_airings(session: Session, week: Week) -> dict[tuple[str, int], int]:
    """How often each item aired in earlier weeks, counting programs still to come as aired
    (a program that passed without airing does not count, so its items are placed again)."""
    start = local_at(week.first, "00:00")
    counted = (Program.status == ProgramState.AIRED) | (
        (Program.slot_at > timeutil.now()) & Program.status.in_(PREPARING)
    )
    rows = session.execute(
        select(Segment.kind, Segment.ref_id)
        .join(Program)
        .where(Program.slot_at < start, counted, Segment.ref_id.is_not(None))
    )
    counts: dict[tuple[str, int], int] = {}
    for kind, ref_id in rows:
        if ref_id is not None:  # always: the query leaves out segments without an item
            counts[(kind, ref_id)] = counts.get((kind, ref_id), 0) + 1
    return counts
