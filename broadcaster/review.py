"""Reviewing a week's programs (for the web app): the week at a glance, one program segment by
segment, approving it with the exact text, sending it back with a reason, editing a segment by hand.

The rules stay where they are: approval.approve records the approval, the state machine moves
programs, the fact guard (production.rewrite.guard) checks a hand edit against its source before
it is saved, and the audio is rendered by the same production.recording as the weekly job.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from sqlalchemy import select

from broadcaster.config import Settings
from broadcaster.errors import BroadcasterError, NotFoundError
from broadcaster.onair import approval, logbook
from broadcaster.onair.calendar import week_slots
from broadcaster.production import recording
from broadcaster.production.composing import reestimate
from broadcaster.production.programs import SlotScript, measured_pace
from broadcaster.production.rewrite.check import check_rewrite
from broadcaster.production.rewrite.guard import GuardVerdict
from broadcaster.production.script import compose
from broadcaster.store import db
from broadcaster.store.models import AuditEvent, Program, Segment
from broadcaster.store.states import PREPARING, ProgramState, transition
from broadcaster.values import SlotTime, Week, slot_name
from broadcaster.vi.normalize import normalize

ITEM_KINDS = ("announcement", "tthc")
EDITED = "edited"  # Segment.rewrite_status of a segment an officer edited by hand


class ReviewError(BroadcasterError):
    """A refused review action (approve, send back, edit)."""


@dataclasses.dataclass(frozen=True)
class Card:
    """One broadcast of the week as the week page shows it."""

    at: dt.datetime
    max_minutes: int
    program_id: int | None
    status: str  # program status, or "none"
    duration_s: float | None
    estimated_s: float | None
    items: int
    approved_by: str | None
    approved_at: dt.datetime | None
    blocked: tuple[str, ...]
    sent_back: str | None  # the reason, while the program waits in draft after a send-back


@dataclasses.dataclass(frozen=True)
class WeekView:
    week: str
    first: dt.date
    last: dt.date
    cards: tuple[Card, ...]
    minimum: int
    emergencies: tuple[tuple[int, dt.datetime, str], ...]  # id, time, status

    @property
    def count(self) -> int:
        return len(self.cards)


def week_view(settings: Settings, week: str) -> WeekView:
    parsed = Week.parse(week)
    week, first, last = parsed.label, parsed.first, parsed.last
    with db.session_scope(settings.database_url) as session:
        slots = week_slots(session, settings, parsed)
        programs = {
            p.slot_at: p
            for p in session.scalars(select(Program).where(Program.week == week, Program.priority == "normal"))
        }
        cards = [_card(settings, session, slot, programs.get(slot.at)) for slot in slots]
        known = {slot.at for slot in slots}
        # A program whose slot left the schedule (skipped after it was built) still shows.
        cards += [
            _card(settings, session, SlotTime(p.slot_at, p.max_minutes, None), p)
            for at, p in programs.items()
            if at not in known
        ]
        emergencies = tuple(
            (p.id, p.slot_at, p.status)
            for p in session.scalars(
                select(Program).where(Program.week == week, Program.priority == "emergency").order_by(Program.slot_at)
            )
        )
    return WeekView(
        week, first, last, tuple(sorted(cards, key=lambda c: c.at)), settings.schedule.min_per_week, emergencies
    )


def _card(settings: Settings, session, slot: SlotTime, program: Program | None) -> Card:
    blocked = logbook.blocked_reasons(settings, slot, program)
    if program is None:
        return Card(slot.at, slot.max_minutes, None, "none", None, None, 0, None, None, blocked, None)
    items = sum(1 for s in program.segments if s.kind in ITEM_KINDS)
    return Card(
        slot.at,
        program.max_minutes,
        program.id,
        program.status,
        program.duration_s,
        program.estimated_s,
        items,
        program.approved_by,
        program.approved_at,
        blocked,
        _sent_back(session, program),
    )


def _sent_back(session, program: Program) -> str | None:
    if program.status != ProgramState.DRAFT:
        return None
    event = session.scalar(
        select(AuditEvent).where(AuditEvent.target == f"program {program.id}").order_by(AuditEvent.id.desc()).limit(1)
    )
    return event.detail if event is not None and event.action == "send_back" else None


@dataclasses.dataclass(frozen=True)
class Mark:
    position: int
    fragment: str
    message: str


@dataclasses.dataclass(frozen=True)
class SegmentView:
    id: int
    position: int
    kind: str
    title: str
    text: str
    source: str | None  # the template text when what is read differs (rewrite or hand edit)
    rewrite_status: str  # off | accepted | rejected | failed | edited
    rewrite_reason: str | None
    marks: tuple[Mark, ...]  # what the normalizer could not read (the "(!)" of the script file)


@dataclasses.dataclass(frozen=True)
class Event:
    at: dt.datetime
    actor: str
    action: str
    detail: str | None


@dataclasses.dataclass(frozen=True)
class ProgramView:
    id: int
    week: str
    at: dt.datetime
    name: str
    max_minutes: int
    priority: str
    status: str
    duration_s: float | None
    estimated_s: float
    has_audio: bool
    approved_by: str | None
    approved_at: dt.datetime | None
    segments: tuple[SegmentView, ...]
    blocked: tuple[str, ...]
    events: tuple[Event, ...]

    @property
    def items(self) -> int:
        return sum(1 for s in self.segments if s.kind in ITEM_KINDS)

    @property
    def editable(self) -> bool:
        return self.status in PREPARING and self.priority == "normal"


def program_view(settings: Settings, program_id: int) -> ProgramView:
    with db.session_scope(settings.database_url) as session:
        program = _program(session, program_id)
        segments = tuple(_segment_view(settings, s) for s in program.segments)
        slot = SlotTime(program.slot_at, program.max_minutes, None)
        blocked = logbook.blocked_reasons(settings, slot, program) if program.priority == "normal" else ()
        targets = [f"program {program.id}", *(f"segment {s.id}" for s in program.segments)]
        events = tuple(
            Event(e.at, e.actor, e.action, e.detail)
            for e in session.scalars(
                select(AuditEvent).where(AuditEvent.target.in_(targets)).order_by(AuditEvent.id.desc()).limit(50)
            )
        )
        has_audio = bool(program.audio_path and Path(program.audio_path).is_file())
        return ProgramView(
            program.id,
            program.week,
            program.slot_at,
            slot_name(program.slot_at),
            program.max_minutes,
            program.priority,
            program.status,
            program.duration_s,
            program.estimated_s,
            has_audio,
            program.approved_by,
            program.approved_at,
            segments,
            blocked,
            events,
        )


def _segment_view(settings: Settings, segment: Segment) -> SegmentView:
    marks = tuple(Mark(w.position, w.fragment, w.message) for w in normalize(segment.text, settings.lexicon).warnings)
    status = segment.rewrite_status
    if segment.source_text and status == "off":  # a rebuild refreshed the verdicts; the hand edit stayed
        status = EDITED
    return SegmentView(
        segment.id,
        segment.position,
        segment.kind,
        segment.title,
        segment.text,
        segment.source_text,
        status,
        segment.rewrite_reason,
        marks,
    )


def _program(session, program_id: int) -> Program:
    program = session.get(Program, program_id)
    if program is None:
        raise NotFoundError(f"Không có chương trình số {program_id}.", None, "mở lại trang Tuần này.")
    return program


def audio_file(settings: Settings, program_id: int) -> Path | None:
    """The program's MP3 when it exists inside the configured audio folder, else None."""
    with db.session_scope(settings.database_url) as session:
        program = session.get(Program, program_id)
        stored = program.audio_path if program is not None else None
    if not stored:
        return None
    root, path = settings.paths.audio.resolve(), Path(stored).resolve()
    return path if path.is_relative_to(root) and path.is_file() else None


def approve_program(settings: Settings, program_id: int, by: str, actor: str) -> approval.Approved:
    """Approve one program (approval.approve for its slot, which records the exact text approved); if the
    script changed between reading and approving, the approval does not stand."""
    with db.session_scope(settings.database_url) as session:
        program = _program(session, program_id)
        if program.priority != "normal":
            raise ReviewError("Tin khẩn cấp không cần duyệt (đã phát ngay khi gửi).")
        week, selector, before = program.week, slot_name(program.slot_at), approval.full_text(program)
    done = approval.approve(settings, week, by, [selector], actor=actor)
    if not done:
        raise ReviewError("Chương trình này không còn chờ duyệt (đang phát, đã phát hoặc đã qua).")
    with db.session_scope(settings.database_url) as session:
        program = _program(session, program_id)
        changed = approval.full_text(program) != before
        if changed:  # edited between reading and approving: the approval must not stand
            transition(session, program, ProgramState.DRAFT, actor, "kịch bản thay đổi trong lúc duyệt")
            program.approved_by, program.approved_at = None, None
    if changed:
        raise ReviewError(
            "Kịch bản vừa bị sửa trong lúc duyệt; chưa duyệt.", None, "mở lại chương trình, đọc lại rồi duyệt."
        )
    return done[0]


def send_back(settings: Settings, program_id: int, reason: str, actor: str) -> None:
    """Return a program to the officer: back to draft, approval cleared, the reason recorded."""
    reason = " ".join(reason.split())
    if len(reason) < 3:
        raise ReviewError("Cần ghi lý do trả lại.", None, "ghi rõ cần sửa gì, ví dụ: “Sai ngày họp ở tin số 3”.")
    with db.session_scope(settings.database_url) as session:
        program = _program(session, program_id)
        if program.status not in PREPARING or program.priority != "normal":
            raise ReviewError("Không trả lại được: chương trình đang phát, đã phát hoặc đã qua.")
        transition(session, program, ProgramState.DRAFT, actor, f"trả lại: {reason}")
        program.approved_by, program.approved_at = None, None
        db.audit(session, "send_back", f"program {program.id}", reason, actor)


def edit_segment(settings: Settings, segment_id: int, text: str, actor: str) -> GuardVerdict:
    """Replace a segment's text by hand. The fact guard checks it against the segment's source (the
    template text) first: an edit that adds or drops a fact is refused and nothing changes. An
    accepted edit sends the program back to draft and renders its audio again (one segment's piece
    is new; the others come from the cache)."""
    text = "\n\n".join(" ".join(p.split()) for p in text.replace("\r\n", "\n").split("\n\n") if p.strip())
    with db.session_scope(settings.database_url) as session:
        segment = session.get(Segment, segment_id)
        if segment is None:
            raise NotFoundError(f"Không có đoạn số {segment_id}.")
        program = segment.program
        if program.status not in PREPARING or program.priority != "normal":
            raise ReviewError("Không sửa được: chương trình đang phát, đã phát hoặc đã qua.")
        source = segment.source_text or segment.text
        verdict = check_rewrite(source, text, settings.rewrite).verdict  # the commune's terms, its verify setting
        if not verdict.ok:
            raise ReviewError(
                f"Bản sửa không được nhận: {verdict.reason}",
                None,
                "chỉ dùng con số, ngày giờ, tên riêng có trong văn bản gốc và giữ ngày hiệu lực, thời hạn.",
            )
        if text == segment.text:
            return verdict
        old = segment.text
        segment.text, segment.source_text = text, (source if source != text else None)
        segment.rewrite_status, segment.rewrite_reason = (
            (EDITED, f"sửa tay: {actor}") if source != text else ("off", None)
        )
        segment.spoken = segment.audio_path = segment.engine = segment.duration_s = None
        transition(session, program, ProgramState.DRAFT, actor, "sửa tay một đoạn")
        program.approved_by, program.approved_at = None, None
        db.audit(session, "segment_edit", f"segment {segment.id}", f"trước: {old}\nsau: {text}", actor)
        script = _script(settings, session, program)
        program.audio_path, program.duration_s, program.estimated_s = None, None, script.estimated_s
        session.flush()
        job = recording.RenderJob.of(program, script, Week.parse(program.week))
    recording.render(settings, job, actor)  # outside the session: synthesis holds no connection
    return verdict


def _script(settings: Settings, session, program: Program) -> SlotScript:
    """The program's script as stored (segment texts in order), with its estimate at the voice's pace."""
    slot = SlotTime(program.slot_at, program.max_minutes, None)
    return reestimate(
        settings,
        measured_pace(session, settings),
        SlotScript(
            slot, tuple(compose.SegmentText(s.kind, s.ref_id, s.title, s.text) for s in program.segments), 0.0, ()
        ),
    )
