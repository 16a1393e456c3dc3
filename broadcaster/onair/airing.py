"""Airing one broadcast: decide, claim it in the database, play it on every output, log it.

The claim is the INSERT of the logbook row, whose `key` is unique: whoever inserts it airs the
program, everyone else stands back. So a broadcast airs at most once even if two schedulers run,
and every slot ends with exactly one row: aired, failed, missed or blocked.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from broadcaster.store import db

from broadcaster.onair import outputs as playout

from broadcaster import timeutil
from broadcaster.config import Settings
from broadcaster.errors import BroadcasterError
from broadcaster.store.models import Broadcast, Program
from broadcaster.onair.calendar import SlotTime, slot_name, slots_between
from broadcaster.timeutil import UTC, local, span_text

log = logging.getLogger(__name__)
AIRING = "airing"           # transient result while the program plays
SLOT_PREFIX = "slot:"


@dataclasses.dataclass(frozen=True)
class AirResult:
    key: str
    result: str                         # aired | failed | missed | blocked | skipped (not ours to air)
    reason: str | None = None
    broadcast_id: int | None = None
    outputs: tuple[playout.OutputResult, ...] = ()


def slot_key(slot_at: dt.datetime) -> str:
    return SLOT_PREFIX + slot_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def slot_from_key(key: str) -> dt.datetime:
    return dt.datetime.strptime(key[len(SLOT_PREFIX):], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def claim(url: str, key: str, **fields) -> int | None:
    """Insert the logbook row for `key`; None when another process already did."""
    try:
        with db.session_scope(url) as session:
            row = Broadcast(key=key, **fields)
            session.add(row)
            session.flush()
            return row.id
    except IntegrityError:
        log.info("buổi phát %s đã được tiến trình khác nhận, bỏ qua", key)
        return None


def air_slot(settings: Settings, slot_at: dt.datetime, now: dt.datetime | None = None,
             outputs: Sequence[playout.Output] | None = None) -> AirResult:
    """Air the program of a scheduled slot once, or record why it did not air."""
    now = now or timeutil.now()
    key = slot_key(slot_at)
    with db.session_scope(settings.database_url) as session:
        slot = next((s for s in slots_between(session, settings, slot_at, slot_at + dt.timedelta(seconds=1))
                     if s.at == slot_at), None)
        program = session.scalar(select(Program).where(Program.slot_at == slot_at, Program.priority == "normal"))
        if slot is None:
            log.info("khung giờ %s không còn trong lịch, không phát", local(slot_at))
            return AirResult(key, "skipped", "khung giờ không còn trong lịch")
        result, reason = _decide(settings, slot, program, now)
        program_id = program.id if program else None
        snapshot = _snapshot(program)
    if result != AIRING:
        return _record(settings, key, slot_at, program_id, result, reason, snapshot, now)
    return air_program(settings, program_id, key, now, outputs)


def _decide(settings: Settings, slot: SlotTime, program: Program | None, now: dt.datetime) -> tuple[str, str | None]:
    late = now - slot.at
    grace = settings.schedule.grace_minutes
    if late > dt.timedelta(minutes=grace):
        return "missed", (f"quá giờ phát {span_text(late.total_seconds())} (cho phép trễ tối đa {grace} phút); "
                          "trình lập lịch (broadcaster run) không chạy hoặc máy tắt vào giờ đó")
    if program is None:
        return "blocked", "chưa có chương trình cho buổi này (chưa chạy broadcaster weekly cho tuần này)"
    if settings.schedule.approval_required and not program.approved_by:
        return "blocked", f"chương trình chưa được duyệt (broadcaster approve --week {program.week} --by <tên>)"
    if not program.audio_path or not Path(program.audio_path).is_file():
        return "failed", "chưa có tệp âm thanh của chương trình (chạy lại broadcaster weekly)"
    if program.duration_s and program.duration_s > slot.max_minutes * 60 + 1:
        return "blocked", f"chương trình dài {span_text(program.duration_s)}, quá {slot.max_minutes} phút của buổi phát"
    return AIRING, None


def _snapshot(program: Program | None) -> dict:
    if program is None:
        return {}
    items = sum(1 for s in program.segments if s.kind in ("announcement", "tthc", "emergency"))
    return {"items": items, "duration_s": program.duration_s, "approved_by": program.approved_by,
            "priority": program.priority}


def _record(settings: Settings, key: str, scheduled_at: dt.datetime, program_id: int | None, result: str,
            reason: str | None, snapshot: dict, now: dt.datetime) -> AirResult:
    row_id = claim(settings.database_url, key, program_id=program_id, scheduled_at=scheduled_at,
                   result=result, reason=reason, **snapshot)
    if row_id is None:
        return AirResult(key, "skipped", "đã được ghi trước đó")
    with db.session_scope(settings.database_url) as session:
        if program_id and (program := session.get(Program, program_id)) and program.status not in ("aired",):
            program.status = "failed"
        db.audit(session, result, key, reason, actor="scheduler")
    log.warning("buổi phát %s: %s (%s)", local(scheduled_at), result, reason)
    return AirResult(key, result, reason, row_id)


def air_program(settings: Settings, program_id: int, key: str, now: dt.datetime | None = None,
                outputs: Sequence[playout.Output] | None = None) -> AirResult:
    """Claim `key`, then play the program on every output and write the outcome to the logbook."""
    now = now or timeutil.now()
    with db.session_scope(settings.database_url) as session:
        program = session.get(Program, program_id)
        snapshot = _snapshot(program)
        item = playout.PlayItem(Path(program.audio_path), _title(settings, program), program.duration_s or 0.0,
                                slot_name(program.slot_at), program.slot_at)
    row_id = claim(settings.database_url, key, program_id=program_id, scheduled_at=item.scheduled_at,
                   started_at=now, result=AIRING, **snapshot)
    if row_id is None:
        return AirResult(key, "skipped", "đã được tiến trình khác phát")
    started = time.monotonic()
    try:
        outputs = list(outputs) if outputs is not None else playout.configured(settings)
        retries, delay = playout.retry_policy(settings)
        results = tuple(playout.play_all(outputs, item, retries, delay))
    except BroadcasterError as exc:
        outputs, results = [], (playout.OutputResult("?", False, exc.message, 0),)
    failed = [r for r in results if not r.ok]
    result = "failed" if failed else "aired"
    reason = "; ".join(f"{r.output}: {r.detail}" for r in failed) or None
    late = now - item.scheduled_at
    if not failed and late > dt.timedelta(seconds=60):
        reason = f"phát trễ {span_text(late.total_seconds())}"
    with db.session_scope(settings.database_url) as session:
        row = session.get(Broadcast, row_id)
        row.result, row.reason = result, reason
        row.output = ",".join(o.name for o in outputs)[:40]
        row.finished_at = now + dt.timedelta(seconds=time.monotonic() - started)
        program = session.get(Program, program_id)
        if program is not None:
            program.status = result
        db.audit(session, "air", key, f"{result}: " + "; ".join(f"{r.output} {r.detail}" for r in results),
                 actor="scheduler")
    (log.info if result == "aired" else log.error)("buổi phát %s: %s %s", key, result, reason or "")
    return AirResult(key, result, reason, row_id, results)


def record_outcome(settings: Settings, slot_at: dt.datetime, result: str, reason: str,
                   now: dt.datetime | None = None) -> AirResult:
    """Log a slot as missed or failed unless it already has a row (the scheduler's job listeners)."""
    with db.session_scope(settings.database_url) as session:
        program = session.scalar(select(Program).where(Program.slot_at == slot_at, Program.priority == "normal"))
        program_id, snapshot = (program.id if program else None), _snapshot(program)
    return _record(settings, slot_key(slot_at), slot_at, program_id, result, reason, snapshot, now or timeutil.now())


def reconcile(settings: Settings, since: dt.datetime, now: dt.datetime | None = None) -> list[AirResult]:
    """At start-up: close airings a crash interrupted and log every slot since `since` that passed
    beyond the grace time without a row. Slots still within grace are left to the scheduler."""
    now = now or timeutil.now()
    results = _close_interrupted(settings, now)
    cutoff = now - dt.timedelta(minutes=settings.schedule.grace_minutes)
    with db.session_scope(settings.database_url) as session:
        past = [s.at for s in slots_between(session, settings, since, cutoff)] if since < cutoff else []
        done = set(session.scalars(select(Broadcast.key).where(Broadcast.key.in_([slot_key(t) for t in past]))))
    for slot_at in past:
        if slot_key(slot_at) not in done:
            results.append(air_slot(settings, slot_at, now))
    return results


def oldest_pending(settings: Settings) -> dt.datetime | None:
    """The earliest normal program that neither aired nor was logged (start of a first catch-up)."""
    with db.session_scope(settings.database_url) as session:
        return session.scalar(select(func.min(Program.slot_at)).where(
            Program.priority == "normal", Program.status.in_(("draft", "approved", "rendered", "scheduled"))))


def _close_interrupted(settings: Settings, now: dt.datetime) -> list[AirResult]:
    results = []
    with db.session_scope(settings.database_url) as session:
        for row in session.scalars(select(Broadcast).where(Broadcast.result == AIRING)):
            overdue = row.started_at and row.started_at + dt.timedelta(seconds=(row.duration_s or 0) + 300) < now
            if row.key.startswith(SLOT_PREFIX) or overdue:
                row.result, row.finished_at = "failed", None
                row.reason = "bị ngắt giữa chừng: tiến trình phát dừng đột ngột (mất điện, tắt máy) khi đang phát"
                db.audit(session, "failed", row.key, row.reason, actor="scheduler")
                results.append(AirResult(row.key, "failed", row.reason, row.id))
    return results


def _title(settings: Settings, program: Program) -> str:
    kind = "Tin khẩn cấp" if program.priority == "emergency" else "Chương trình"
    return f"{settings.station.name} — {kind} {local(program.slot_at):%d/%m/%Y %H:%M}"
