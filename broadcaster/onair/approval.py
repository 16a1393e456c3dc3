"""Leadership approval of a week's programs (draft -> approved), recorded in the audit trail.

The week and the slot selectors are parsed once, when the approval starts, not per program.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import select

from broadcaster import timeutil
from broadcaster.config import Settings
from broadcaster.errors import BroadcasterError, NotFoundError
from broadcaster.onair.rules import parse_clock, parse_day
from broadcaster.store import db
from broadcaster.store.models import Program
from broadcaster.store.states import PREPARING, ProgramState, transition
from broadcaster.timeutil import WEEKDAYS, local
from broadcaster.values import Week, slot_name


@dataclasses.dataclass(frozen=True)
class Approved:
    program_id: int
    slot_at: dt.datetime
    status: str
    approved_by: str


@dataclasses.dataclass(frozen=True)
class Selector:
    """Which of a week's broadcasts an approval names: '2026-12-01_0600', '2026-12-01 06:00', 'tue',
    'tue 06:00', '06:00' or '01/12/2026'."""

    text: str  # lower case: a slot name matches as it is
    clock: str | None = None  # 'HH:MM' or 'HH:MM:SS'
    weekday: int | None = None  # 0 = Monday
    day: dt.date | None = None

    @classmethod
    def parse(cls, selector: str) -> Selector | None:
        """None for a selector of no part or more than two: it names no broadcast (a slot name has two)."""
        text = selector.strip().lower()
        parts = text.replace("_", " ").split()
        if not 1 <= len(parts) <= 2:
            return None
        clock = parse_clock(parts.pop(), seconds=True) if ":" in parts[-1] else None
        if not parts:
            return cls(text, clock)
        if parts[0][:3] in WEEKDAYS:
            return cls(text, clock, weekday=WEEKDAYS.index(parts[0][:3]))
        return cls(text, clock, day=parse_day(parts[0]))

    def matches(self, slot_at: dt.datetime) -> bool:
        when = local(slot_at)
        if self.text == slot_name(when).lower():
            return True
        if self.clock and self.clock != f"{when:%H:%M}" + (f":{when:%S}" if when.second else ""):
            return False
        if self.weekday is not None:
            return self.weekday == when.weekday()
        return self.day is None or self.day == when.date()


def matches(selector: str, slot_at: dt.datetime) -> bool:
    """'2026-12-01_0600', '2026-12-01 06:00', 'tue', 'tue 06:00' or '06:00' against a slot time."""
    parsed = Selector.parse(selector)
    return parsed is not None and parsed.matches(slot_at)


def full_text(program: Program) -> str:
    """The program's script as approved: every segment with its number and title."""
    return "\n\n".join(f"[{n}] {s.title}\n{s.text}" for n, s in enumerate(program.segments, start=1))


def approve(
    settings: Settings,
    week: Week | str,
    by: str,
    slots: Sequence[str] = (),
    now: dt.datetime | None = None,
    actor: str | None = None,
) -> list[Approved]:
    """Approve the week's programs (all, or those matching `slots`) as `by` (the approver's name), recorded
    in the audit trail with the exact text approved, by `actor` (the signed-in account; `by` from the CLI).
    `week` as the CLI gives it ('2026-W49') is parsed here, once."""
    if not by.strip():
        raise BroadcasterError("Thiếu tên người duyệt.", None, 'ghi --by "Nguyễn Văn A".')
    week = Week.parse(week) if isinstance(week, str) else week
    selectors = [Selector.parse(s) for s in slots]
    now = now or timeutil.now()
    with db.session_scope(settings.database_url) as session:
        programs = list(
            session.scalars(
                select(Program)
                .where(Program.week == week.label, Program.priority == "normal")
                .order_by(Program.slot_at)
            )
        )
        if not programs:
            raise NotFoundError(
                f"Tuần {week} chưa có chương trình để duyệt.",
                "chưa dựng chương trình tuần này.",
                f"chạy trước: broadcaster weekly --week {week}.",
            )
        chosen = [p for p in programs if not slots or any(s is not None and s.matches(p.slot_at) for s in selectors)]
        if not chosen:
            names = ", ".join(slot_name(p.slot_at) for p in programs)
            raise NotFoundError(
                f"Không có buổi phát nào khớp với {', '.join(slots)} trong tuần {week}.",
                None,
                f"các buổi phát của tuần: {names}.",
            )
        done = []
        for program in chosen:
            if program.status not in PREPARING:
                continue
            who = actor or by.strip()
            program.approved_by, program.approved_at = by.strip(), now
            has_audio = bool(program.audio_path and Path(program.audio_path).is_file())
            transition(session, program, ProgramState.RENDERED if has_audio else ProgramState.APPROVED, who)
            db.audit(
                session,
                "approve",
                f"program {program.id}",
                f"{local(program.slot_at):%Y-%m-%d %H:%M} nội dung {program.content_hash[:12]}",
                who,
            )
            # the exact text approved, from the CLI as from the web page: the approval trail shows what was read
            db.audit(session, "approved_text", f"program {program.id}", full_text(program), who)
            done.append(Approved(program.id, program.slot_at, program.status, program.approved_by))
        return done
