"""Emergency broadcasts (Thông tư 39/2020: storms, floods, fire, epidemics): air now, on every output.

Quiet hours and approval do not apply; the logbook records priority "emergency" and who sent it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections.abc import Sequence

from broadcaster import audio

from broadcaster.store import db

from broadcaster import timeutil
from broadcaster.onair.airing import AirResult, air_program, claim
from broadcaster.config import Settings
from broadcaster.errors import BroadcasterError
from broadcaster.store.models import Program, Segment
from broadcaster.onair.outputs import Output
from broadcaster.vi.normalize import normalize
from broadcaster.timeutil import week_of

MAX_REPEAT = 10


def script(settings: Settings, text: str, repeat: int) -> list[tuple[str, str]]:
    """(kind, written text) segments: opening, the message `repeat` times, closing."""
    station = settings.station
    segments = [("opening", f"{station.name} xin phát tin khẩn cấp.")]
    for n in range(repeat):
        segments.append(("emergency", ("Xin nhắc lại. " if n else "") + text))
    segments.append(("closing", f"{station.name} vừa phát tin khẩn cấp. Đề nghị bà con chú ý thực hiện."))
    return segments


def urgent(settings: Settings, text: str, repeat: int = 1, by: str | None = None,
           outputs: Sequence[Output] | None = None, now: dt.datetime | None = None) -> AirResult:
    """Normalize, speak, master and air an emergency message at once."""
    text = " ".join(text.split())
    if not text:
        raise BroadcasterError("Tin khẩn cấp không có nội dung.", None, "ghi nội dung hoặc dùng --file tệp.txt.")
    if not 1 <= repeat <= MAX_REPEAT:
        raise BroadcasterError(f"Số lần nhắc lại {repeat} không hợp lệ.", None, f"chọn từ 1 đến {MAX_REPEAT}.")
    now = (now or timeutil.now()).replace(microsecond=0)
    by = by or db.current_user()
    segments = script(settings, text, repeat)
    spoken = [normalize(t, settings.lexicon).text for _, t in segments]
    target = settings.paths.audio / "urgent" / f"{now:%Y-%m-%d_%H%M%S}.mp3"
    try:
        rendered = audio.render_program(spoken, target, settings, title=f"{settings.station.name} — Tin khẩn cấp")
    except BroadcasterError as exc:   # never silent: the logbook says the emergency did not air, and why
        claim(settings.database_url, f"urgent:{now:%Y%m%dT%H%M%S}", scheduled_at=now, priority="emergency",
              result="failed", reason=f"không tạo được âm thanh: {exc.what}", approved_by=by, items=repeat)
        raise
    digest = hashlib.sha256("\n".join(spoken).encode()).hexdigest()
    with db.session_scope(settings.database_url) as session:
        program = Program(week=week_of(now.date()), slot_at=now, priority="emergency", status="rendered",
                          max_minutes=max(1, math.ceil(rendered.duration_s / 60)), content_hash=digest,
                          audio_path=str(rendered.path), duration_s=round(rendered.duration_s, 2),
                          estimated_s=rendered.duration_s, approved_by=by, approved_at=now,
                          segments=[Segment(position=n, kind=kind, title="Tin khẩn cấp" if kind == "emergency" else "",
                                            text=written, spoken=said)
                                    for n, ((kind, written), said) in enumerate(zip(segments, spoken))])
        session.add(program)
        session.flush()
        program_id = program.id
        db.audit(session, "urgent", f"program {program_id}", text[:200], by)
    return air_program(settings, program_id, f"urgent:{program_id}", outputs=outputs)
