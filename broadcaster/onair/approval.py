"""Leadership approval of a week's programs (draft -> approved), recorded in the audit trail."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

from broadcaster.store import db

from broadcaster import timeutil
from broadcaster.config import Settings
from broadcaster.errors import BroadcasterError, NotFoundError
from broadcaster.store.models import Program
from broadcaster.store.states import PREPARING, ProgramState, transition
from broadcaster.onair.calendar import parse_clock, parse_day, slot_name
from broadcaster.timeutil import WEEKDAYS, local, week_label, parse_week


@dataclasses.dataclass(frozen=True)
class Approved:
    program_id: int
    slot_at: dt.datetime
    status: str
    approved_by: str


def matches(selector: str, slot_at: dt.datetime) -> bool:
    """'2026-12-01_0600', '2026-12-01 06:00', 'tue', 'tue 06:00' or '06:00' against a slot time."""
    when, text = local(slot_at), selector.strip().lower()
    if text == slot_name(when).lower():
        return True
    parts = text.replace("_", " ").split()
    if not 1 <= len(parts) <= 2:
        return False
    clock = parts.pop() if ":" in parts[-1] else None
    if clock and parse_clock(clock, seconds=True) != f"{when:%H:%M}" + (f":{when:%S}" if when.second else ""):
        return False
    if not parts:
        return True
    if parts[0][:3] in WEEKDAYS:
        return WEEKDAYS.index(parts[0][:3]) == when.weekday()
    return parse_day(parts[0]) == when.date()


def approve(settings: Settings, week: str, by: str, slots: Sequence[str] = (),
            now: dt.datetime | None = None) -> list[Approved]:
    """Approve the week's programs (all, or those matching `slots`)."""
    if not by.strip():
        raise BroadcasterError("Thiếu tên người duyệt.", None, "ghi --by \"Nguyễn Văn A\".")
    week = week_label(*parse_week(week))
    now = now or timeutil.now()
    with db.session_scope(settings.database_url) as session:
        programs = list(session.scalars(select(Program).where(Program.week == week, Program.priority == "normal")
                                        .order_by(Program.slot_at)))
        if not programs:
            raise NotFoundError(f"Tuần {week} chưa có chương trình để duyệt.", "chưa dựng chương trình tuần này.",
                                f"chạy trước: broadcaster weekly --week {week}.")
        chosen = [p for p in programs if not slots or any(matches(s, p.slot_at) for s in slots)]
        if not chosen:
            names = ", ".join(slot_name(p.slot_at) for p in programs)
            raise NotFoundError(f"Không có buổi phát nào khớp với {', '.join(slots)} trong tuần {week}.", None,
                                f"các buổi phát của tuần: {names}.")
        done = []
        for program in chosen:
            if program.status not in PREPARING:
                continue
            program.approved_by, program.approved_at = by.strip(), now
            has_audio = bool(program.audio_path and Path(program.audio_path).is_file())
            transition(session, program, ProgramState.RENDERED if has_audio else ProgramState.APPROVED, by.strip())
            db.audit(session, "approve", f"program {program.id}",
                     f"{local(program.slot_at):%Y-%m-%d %H:%M} nội dung {program.content_hash[:12]}", by.strip())
            done.append(Approved(program.id, program.slot_at, program.status, program.approved_by))
        return done
