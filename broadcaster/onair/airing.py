"""Airing one broadcast: decide, claim it in the database, play it, write what really happened.

The claim is the INSERT of the logbook row, whose `key` is unique: whoever inserts it airs the
program, everyone else stands back. So a broadcast airs at most once even if two schedulers run,
and every slot ends with exactly one row: aired, interrupted, failed, missed or blocked (a replay
after an emergency, or a retry after a partial play, is a new row with its own attempt number).
Writes on this path are retried while the broadcast's grace lasts; an outcome that still cannot
be written goes to the journal (broadcaster.onair.journal) and reaches the database later.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from broadcaster import timeutil
from broadcaster.config import Settings
from broadcaster.onair import journal
from broadcaster.onair import outputs as playout
from broadcaster.onair.calendar import slots_between
from broadcaster.onair.lease import holder_id
from broadcaster.store import db
from broadcaster.store.models import Broadcast, Program
from broadcaster.store.states import ProgramState, Result, can_move, transition
from broadcaster.timeutil import UTC, local, span_text
from broadcaster.values import SlotTime, slot_name

log = logging.getLogger(__name__)
SLOT_PREFIX = "slot:"
STOPPED_VI = {"emergency": "bị ngắt bởi tin khẩn cấp", "shutdown": "bị ngắt vì trình lập lịch dừng"}
DB_WRITE_MIN_S = 5.0


@dataclasses.dataclass(frozen=True)
class AirResult:
    key: str
    result: str  # a states.Result, or "skipped" (not ours to air)
    reason: str | None = None
    broadcast_id: int | None = None
    outputs: tuple[playout.OutputResult, ...] = ()
    aired_s: float = 0.0
    via: str = ""  # "daemon" when the running daemon aired it


@dataclasses.dataclass(frozen=True)
class Job:
    """One broadcast for the playout queue: plain values only."""

    key: str
    program_id: int
    item: playout.PlayItem
    priority: str = "normal"
    attempt: int = 1
    offset_s: float = 0.0  # resume: seconds already aired
    deadline: dt.datetime | None = None  # a replay must end before this (the next slot)


def slot_key(slot_at: dt.datetime) -> str:
    return SLOT_PREFIX + slot_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def slot_from_key(key: str) -> dt.datetime:
    return dt.datetime.strptime(key[len(SLOT_PREFIX) :].partition("#")[0], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def grace_s(settings: Settings) -> float:
    return max(DB_WRITE_MIN_S, settings.schedule.grace_minutes * 60.0)


# ---- deciding ----------------------------------------------------------------------------------


def prepare_slot(settings: Settings, slot_at: dt.datetime, now: dt.datetime | None = None) -> Job | AirResult:
    """What a slot due now should do: a Job to play, or its recorded outcome (missed, blocked, …)."""
    now = now or timeutil.now()
    key = slot_key(slot_at)

    def read() -> tuple[SlotTime | None, int | None, tuple[str, str | None], dict, Job | None]:
        with db.session_scope(settings.database_url) as session:
            slots = slots_between(session, settings, slot_at, slot_at + dt.timedelta(days=8))
            slot = next((s for s in slots if s.at == slot_at), None)
            program = session.scalar(select(Program).where(Program.slot_at == slot_at, Program.priority == "normal"))
            if slot is None:
                return None, None, ("skipped", None), {}, None
            decision = _decide(settings, slot, program, now)
            following = next((s.at for s in slots if s.at > slot_at), None)
            job = _job(settings, program, key, deadline=following) if program and decision[0] == Result.AIRING else None
            return slot, program.id if program else None, decision, snapshot(program), job

    slot, program_id, (result, reason), snap, job = db.retrying(read, grace_s(settings), "đọc lịch phát")
    if slot is None:
        log.info("khung giờ %s không còn trong lịch, không phát", local(slot_at))
        return AirResult(key, "skipped", "khung giờ không còn trong lịch")
    if job is not None:
        return job
    return record(settings, key, slot_at, program_id, Result(result), reason, snap, now)


def _decide(settings: Settings, slot: SlotTime, program: Program | None, now: dt.datetime) -> tuple[str, str | None]:
    late = now - slot.at
    grace = settings.schedule.grace_minutes
    if late > dt.timedelta(minutes=grace):
        return Result.MISSED, (
            f"quá giờ phát {span_text(late.total_seconds())} (cho phép trễ tối đa {grace} phút); "
            "trình lập lịch (broadcaster run) không chạy hoặc máy tắt vào giờ đó"
        )
    if program is None:
        return Result.BLOCKED, "chưa có chương trình cho buổi này (chưa chạy broadcaster weekly cho tuần này)"
    if settings.schedule.approval_required and not program.approved_by:
        return Result.BLOCKED, f"chương trình chưa được duyệt (broadcaster approve --week {program.week} --by <tên>)"
    if not program.audio_path or not Path(program.audio_path).is_file():
        return Result.FAILED, "chưa có tệp âm thanh của chương trình (chạy lại broadcaster weekly)"
    if program.duration_s and program.duration_s > slot.max_minutes * 60 + 1:
        return (
            Result.BLOCKED,
            f"chương trình dài {span_text(program.duration_s)}, quá {slot.max_minutes} phút của buổi phát",
        )
    return Result.AIRING, None


def _job(settings: Settings, program: Program, key: str, deadline: dt.datetime | None = None) -> Job:
    item = playout.PlayItem(
        Path(program.audio_path or ""),
        title(settings, program),
        program.duration_s or 0.0,
        slot_name(program.slot_at),
        program.slot_at,
        key,
    )
    return Job(key, program.id, item, program.priority, deadline=deadline)


def job_for_program(settings: Settings, program_id: int, key: str) -> Job:
    with db.session_scope(settings.database_url) as session:
        program = session.get(Program, program_id)
        if program is None:
            raise LookupError(f"program {program_id}")
        return _job(settings, program, key)


def snapshot(program: Program | None) -> dict[str, Any]:
    if program is None:
        return {}
    items = sum(1 for s in program.segments if s.kind in ("announcement", "tthc", "emergency"))
    return {
        "items": items,
        "duration_s": program.duration_s,
        "approved_by": program.approved_by,
        "priority": program.priority,
    }


# ---- writing the logbook -----------------------------------------------------------------------


def record(
    settings: Settings,
    key: str,
    scheduled_at: dt.datetime,
    program_id: int | None,
    result: Result,
    reason: str | None,
    snap: dict,
    now: dt.datetime,
    actor: str = "scheduler",
) -> AirResult:
    """Log a slot that does not air (missed, blocked, failed before playing): one row, never two."""

    def write() -> int | None:
        try:
            with db.session_scope(settings.database_url) as session:
                row = Broadcast(
                    key=key,
                    program_id=program_id,
                    scheduled_at=scheduled_at,
                    result=result.value,
                    reason=reason,
                    aired_s=0.0,
                    **snap,
                )
                session.add(row)
                program = session.get(Program, program_id) if program_id else None
                if program is not None and can_move(program.status, result.value):
                    transition(session, program, ProgramState(result.value), actor, reason)
                db.audit(session, result.value, key, reason, actor=actor)
                session.flush()
                return row.id
        except IntegrityError:
            return None

    row_id = db.retrying(write, grace_s(settings), "ghi nhật ký phát")
    if row_id is None:
        return AirResult(key, "skipped", "đã được ghi trước đó")
    log.warning("buổi phát %s: %s (%s)", local(scheduled_at), result.value, reason)
    return AirResult(key, result.value, reason, row_id)


def claim(settings: Settings, job: Job, holder: str, now: dt.datetime | None = None) -> int | None:
    """Insert the row (result airing) and move the program to airing in one transaction; None when
    another process claimed it. Retried for the grace time: once claimed, playing needs no database."""
    now = now or timeutil.now()

    def write() -> int | None:
        try:
            with db.session_scope(settings.database_url) as session:
                program = session.get(Program, job.program_id)
                row = Broadcast(
                    key=job.key,
                    program_id=job.program_id,
                    scheduled_at=job.item.scheduled_at,
                    started_at=now,
                    result=Result.AIRING.value,
                    holder=holder,
                    attempt=job.attempt,
                    **snapshot(program),
                )
                session.add(row)
                if program is not None and can_move(program.status, ProgramState.AIRING):
                    transition(
                        session,
                        program,
                        ProgramState.AIRING,
                        "scheduler",
                        f"lần {job.attempt}" if job.attempt > 1 else None,
                    )
                session.flush()
                return row.id
        except IntegrityError:
            log.info("buổi phát %s đã được tiến trình khác nhận, bỏ qua", job.key)
            return None

    return db.retrying(write, grace_s(settings), "nhận buổi phát")


def outcome(
    job: Job, results: Sequence[playout.OutputResult], started: dt.datetime
) -> tuple[Result, str | None, float]:
    """(result, reason, seconds aired) from what the outputs say."""
    stopped = [r for r in results if r.stopped]
    failed = [r for r in results if not r.ok and not r.stopped]
    if stopped:  # the seconds the cut outputs played (a drop folder got the whole file at once)
        aired = max(r.aired_s for r in stopped) + job.offset_s
        why = stopped[0].stopped or ""
        return Result.INTERRUPTED, f"{STOPPED_VI.get(why, why)} sau {aired:.0f} giây", aired
    if failed:
        aired = max(r.aired_s for r in failed) + job.offset_s
        return Result.FAILED, "; ".join(f"{r.output}: {r.detail}" for r in failed), aired
    reason = None
    late = started - job.item.scheduled_at
    if late > dt.timedelta(seconds=60):
        reason = f"phát trễ {span_text(late.total_seconds())}"
    if job.offset_s:
        reason = f"phát tiếp từ giây {job.offset_s:.0f}" + (f"; {reason}" if reason else "")
    return Result.AIRED, reason, job.item.duration_s + job.offset_s


def finish(
    settings: Settings,
    key: str,
    result: Result,
    reason: str | None,
    aired_s: float,
    finished_at: dt.datetime,
    output_names: str,
    detail: str,
    deadline_s: float | None = None,
) -> None:
    """Close a claimed row with its outcome (only if it is still `airing`); journal it when the
    database cannot take it within `deadline_s`."""
    entry = {
        "key": key,
        "result": result.value,
        "reason": reason,
        "aired_s": round(aired_s, 1),
        "finished_at": finished_at.astimezone(UTC).isoformat(),
        "output": output_names[:40],
        "detail": detail,
    }
    try:
        db.retrying(lambda: apply_outcome(settings, entry), deadline_s or grace_s(settings), "ghi kết quả phát")
    except Exception as exc:  # noqa: BLE001 - whatever the database says, the outcome is kept
        log.error("không ghi được kết quả buổi phát %s: %s", key, exc)
        journal.append(journal.path_for(settings.database_url, settings.paths.data), entry)
    (log.info if result == Result.AIRED else log.error)("buổi phát %s: %s %s", key, result.value, reason or "")


def apply_outcome(settings: Settings, entry: dict[str, Any]) -> None:
    with db.session_scope(settings.database_url) as session:
        row = session.scalar(select(Broadcast).where(Broadcast.key == entry["key"]))
        if row is None or row.result != Result.AIRING:
            return
        row.result, row.reason, row.aired_s = entry["result"], entry["reason"], entry["aired_s"]
        row.finished_at = dt.datetime.fromisoformat(entry["finished_at"])
        row.output = entry["output"] or row.output
        program = session.get(Program, row.program_id) if row.program_id else None
        if program is not None and can_move(program.status, entry["result"]):
            transition(session, program, ProgramState(entry["result"]), "scheduler", entry["reason"])
        db.audit(session, "air", entry["key"], f"{entry['result']}: {entry['detail']}", actor="scheduler")


def replay_journal(settings: Settings) -> int:
    path = journal.path_for(settings.database_url, settings.paths.data)
    return journal.replay(path, lambda entry: apply_outcome(settings, entry))


def play(
    settings: Settings,
    job: Job,
    outputs: Sequence[playout.Output],
    control: playout.Control,
    holder: str,
    now: dt.datetime | None = None,
) -> AirResult:
    """Claim, play on every output, write the outcome. The caller owns the queue and the control."""
    started = now or timeutil.now()
    row_id = claim(settings, job, holder, started)
    if row_id is None:
        return AirResult(job.key, "skipped", "đã được tiến trình khác phát")
    results = (
        tuple(playout.play_all(outputs, job.item, control))
        if outputs
        else (playout.OutputResult("?", False, "không có đầu phát nào dùng được", 1),)
    )
    result, reason, aired = outcome(job, results, started)
    detail = "; ".join(f"{r.output} {r.detail}" for r in results)
    finish(settings, job.key, result, reason, aired, timeutil.now(), ",".join(r.output for r in results), detail)
    return AirResult(job.key, result.value, reason, row_id, results, aired)


def air_slot(
    settings: Settings,
    slot_at: dt.datetime,
    now: dt.datetime | None = None,
    outputs: Sequence[playout.Output] | None = None,
) -> AirResult:
    """Decide and air one slot in this process, without a daemon (tests, one-off use)."""
    decided = prepare_slot(settings, slot_at, now)
    if isinstance(decided, AirResult):
        return decided
    control = playout.Control(run_dir(settings), playout.policy(settings.playout))
    chosen = list(outputs) if outputs is not None else playout.configured(settings)
    return play(settings, decided, chosen, control, holder_id(), now)


def run_dir(settings: Settings) -> Path:
    """Where players leave their pid and status files."""
    return settings.paths.data / "run"


def oldest_pending(settings: Settings) -> dt.datetime | None:
    """The earliest normal program that neither aired nor was logged (start of a first catch-up)."""
    with db.session_scope(settings.database_url) as session:
        return session.scalar(
            select(func.min(Program.slot_at)).where(
                Program.priority == "normal",
                Program.status.in_(
                    [
                        s.value
                        for s in (
                            ProgramState.DRAFT,
                            ProgramState.APPROVED,
                            ProgramState.RENDERED,
                            ProgramState.SCHEDULED,
                        )
                    ]
                ),
            )
        )


def title(settings: Settings, program: Program) -> str:
    kind = "Tin khẩn cấp" if program.priority == "emergency" else "Chương trình"
    return f"{settings.station.name} — {kind} {local(program.slot_at):%d/%m/%Y %H:%M}"
