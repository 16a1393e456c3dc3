"""Emergency broadcasts (Thông tư 39/2020: storms, floods, fire, epidemics): air now, on every output.

Quiet hours and approval do not apply; the logbook records priority "emergency" and who sent it.
With a daemon running, the emergency is handed to it through the database (an air request it
takes within a second) and it preempts whatever plays; with none, this process airs it itself.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import time
from collections.abc import Sequence

from sqlalchemy import select, update

from broadcaster import audio, timeutil
from broadcaster.config import Settings
from broadcaster.errors import BroadcasterError
from broadcaster.onair import airing, lease
from broadcaster.onair import outputs as playout
from broadcaster.onair.airing import AirResult, Job
from broadcaster.store import db
from broadcaster.store.models import AirRequest, Broadcast, DaemonLease, Program, Segment
from broadcaster.store.states import FINAL_RESULTS, Priority, ProgramState, Result
from broadcaster.timeutil import week_of
from broadcaster.vi.normalize import normalize

MAX_REPEAT = 10
HANDOVER_S = 10.0  # the daemon takes a request within a second; after this we air it ourselves


def script(settings: Settings, text: str, repeat: int) -> list[tuple[str, str]]:
    """(kind, written text) segments: opening, the message `repeat` times, closing."""
    station = settings.station
    segments = [("opening", f"{station.name} xin phát tin khẩn cấp.")]
    for n in range(repeat):
        segments.append(("emergency", ("Xin nhắc lại. " if n else "") + text))
    segments.append(("closing", f"{station.name} vừa phát tin khẩn cấp. Đề nghị bà con chú ý thực hiện."))
    return segments


def urgent(
    settings: Settings,
    text: str,
    repeat: int = 1,
    by: str | None = None,
    outputs: Sequence[playout.Output] | None = None,
    now: dt.datetime | None = None,
) -> AirResult:
    """Normalize, speak, master and air an emergency message at once (through the daemon if it runs)."""
    text = " ".join(text.split())
    if not text:
        raise BroadcasterError("Tin khẩn cấp không có nội dung.", None, "ghi nội dung hoặc dùng --file tệp.txt.")
    if not 1 <= repeat <= MAX_REPEAT:
        raise BroadcasterError(f"Số lần nhắc lại {repeat} không hợp lệ.", None, f"chọn từ 1 đến {MAX_REPEAT}.")
    now = (now or timeutil.now()).replace(microsecond=0)
    by = by or db.current_user()
    program_id = _prepare(settings, text, repeat, by, now)
    key = f"urgent:{program_id}"
    if outputs is None and daemon_alive(settings):
        result = _hand_over(settings, program_id, key, by)
        if result is not None:
            return result
    job = airing.job_for_program(settings, program_id, key)
    job = Job(job.key, job.program_id, job.item, Priority.EMERGENCY)
    control = playout.Control(airing.run_dir(settings), playout.policy(settings.playout))
    chosen = list(outputs) if outputs is not None else playout.configured(settings)
    return airing.play(settings, job, chosen, control, lease.holder_id())


def _prepare(settings: Settings, text: str, repeat: int, by: str, now: dt.datetime) -> int:
    segments = script(settings, text, repeat)
    spoken = [normalize(t, settings.lexicon).text for _, t in segments]
    target = settings.paths.audio / "urgent" / f"{now:%Y-%m-%d_%H%M%S}.mp3"
    try:
        rendered = audio.render_program(spoken, target, settings, title=f"{settings.station.name} — Tin khẩn cấp")
    except BroadcasterError as exc:  # never silent: the logbook says the emergency did not air, and why
        airing.record(
            settings,
            f"urgent:{now:%Y%m%dT%H%M%S}",
            now,
            None,
            Result.FAILED,
            f"không tạo được âm thanh: {exc.what}",
            {"priority": Priority.EMERGENCY.value, "approved_by": by, "items": repeat},
            now,
            by,
        )
        raise
    digest = hashlib.sha256("\n".join(spoken).encode()).hexdigest()
    with db.session_scope(settings.database_url) as session:
        program = Program(
            week=week_of(now.date()),
            slot_at=now,
            priority=Priority.EMERGENCY.value,
            status=ProgramState.RENDERED.value,
            max_minutes=max(1, math.ceil(rendered.duration_s / 60)),
            content_hash=digest,
            audio_path=str(rendered.path),
            duration_s=round(rendered.duration_s, 2),
            estimated_s=rendered.duration_s,
            approved_by=by,
            approved_at=now,
            segments=[
                Segment(
                    position=n,
                    kind=kind,
                    title="Tin khẩn cấp" if kind == "emergency" else "",
                    text=written,
                    spoken=said,
                )
                for n, ((kind, written), said) in enumerate(zip(segments, spoken))
            ],
        )
        session.add(program)
        session.flush()
        db.audit(session, "urgent", f"program {program.id}", text[:200], by)
        return program.id


def daemon_alive(settings: Settings) -> bool:
    with db.session_scope(settings.database_url) as session:
        current = session.get(DaemonLease, lease.NAME)
        return current is not None and current.expires_at > timeutil.now() and lease.holder_alive(current.holder)


def _hand_over(settings: Settings, program_id: int, key: str, by: str) -> AirResult | None:
    """Queue the emergency for the daemon and wait for its outcome; None if the daemon did not take it."""
    with db.session_scope(settings.database_url) as session:
        request = AirRequest(program_id=program_id, requested_by=by)
        session.add(request)
        session.flush()
        request_id = request.id
    deadline = time.monotonic() + HANDOVER_S
    while time.monotonic() < deadline:
        with db.session_scope(settings.database_url) as session:
            taken = session.get(AirRequest, request_id)
            if taken is None or taken.taken_at is not None:
                break
        time.sleep(0.2)
    else:
        with db.session_scope(settings.database_url) as session:  # take it back, unless taken meanwhile
            took_back = db.changed(
                session,
                update(AirRequest)
                .where(AirRequest.id == request_id, AirRequest.taken_at.is_(None))
                .values(taken_at=timeutil.now(), taken_by="urgent"),
            )
        if took_back:
            return None
    return wait_outcome(settings, key)


def wait_outcome(settings: Settings, key: str, timeout_s: float | None = None) -> AirResult:
    """Follow the daemon's logbook row for `key` until it is final."""
    deadline = time.monotonic() + (timeout_s or 3600.0)
    while time.monotonic() < deadline:
        with db.session_scope(settings.database_url) as session:
            row = session.scalar(select(Broadcast).where(Broadcast.key == key))
            if row is not None and row.result in FINAL_RESULTS:
                return AirResult(key, row.result, row.reason, row.id, (), row.aired_s or 0.0, "daemon")
        time.sleep(0.3)
    return AirResult(key, Result.AIRING.value, "trình lập lịch đang phát, chưa có kết quả", None, (), 0.0, "daemon")
