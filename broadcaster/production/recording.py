"""A stored program turned into audio: taken as plain values in the store session, spoken and
mastered outside any session (minutes of synthesis hold no database connection), and recorded
in one short session of its own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from pathlib import Path

from broadcaster import audio
from broadcaster.config import Settings
from broadcaster.production.documents import normalized_segments, write_script
from broadcaster.production.programs import PIECE_OVERHEAD_S, SlotScript
from broadcaster.store import db
from broadcaster.store.models import Program
from broadcaster.store.states import ProgramState, transition
from broadcaster.timeutil import local
from broadcaster.values import Week, slot_name

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class BroadcastResult:
    slot: dt.datetime
    script: Path
    audio: Path | None
    duration_s: float | None
    estimated_s: float
    items: int
    status: str
    cached: int = 0  # segments taken from the audio cache
    rendered: int = 0  # segments rendered in this run (cached + new)
    engines: str = ""  # engines that spoke them, e.g. "espeak×12, gtts×3"


@dataclasses.dataclass(frozen=True)
class Overrun:
    """A program rendered longer than its slot: nothing was recorded; `seconds` is what each segment
    (by its index in the script) added to the program, pause and padding included."""

    job: RenderJob
    duration_s: float
    seconds: dict[int, float]


@dataclasses.dataclass(frozen=True)
class RenderJob:
    """One stored program, as plain values: what to speak and what the database held."""

    program_id: int
    week: Week
    script: SlotScript  # what the program reads (a locked program's own script)
    positions: tuple[int, ...]  # the stored segment position of each script segment
    status: str
    content_hash: str
    max_minutes: int
    audio_path: str | None
    duration_s: float | None

    @classmethod
    def of(cls, program: Program, script: SlotScript, week: Week) -> RenderJob:
        """Taken inside the store session; `script` is the one the program reads (store_week)."""
        positions = tuple(segment.position for segment in program.segments)
        if len(positions) != len(script.segments):
            raise ValueError(
                f"program {program.id}: {len(positions)} stored segments for {len(script.segments)} in its script"
            )
        return cls(
            program.id,
            week,
            script,
            positions,
            program.status,
            program.content_hash,
            program.max_minutes,
            program.audio_path,
            program.duration_s,
        )

    @property
    def audio(self) -> Path | None:
        """The stored audio, when its file is there and its length known."""
        if self.audio_path and self.duration_s and Path(self.audio_path).is_file():
            return Path(self.audio_path)
        return None


def audio_path(settings: Settings, week: Week, slot_at: dt.datetime) -> Path:
    return settings.paths.audio / week.label / f"{slot_name(slot_at)}.mp3"


def render(
    settings: Settings, job: RenderJob, actor: str, progress: audio.Progress | None = None, speak: bool = True
) -> BroadcastResult | Overrun:
    """Write the script file; speak and record the program unless its audio is there already (or `speak`
    is False: a broadcast whose time has passed). A program longer than its slot is not recorded: the
    Overrun says what each segment took, so the caller can move items out and render it again."""
    script = job.script
    normalized = normalized_segments(settings, script)
    text_path = write_script(settings, job.week, script, job.status, normalized)
    if job.audio is not None or not speak:
        return BroadcastResult(
            script.slot.at,
            text_path,
            job.audio,
            job.duration_s if job.audio else None,
            script.estimated_s,
            script.items,
            job.status,
        )
    spoken = [n.text for n in normalized]
    when = local(script.slot.at)
    tags = {
        "title": f"{settings.station.name} — {when:%d/%m/%Y %H:%M}",
        "station": settings.station.name,
        "date": f"{when:%Y-%m-%d}",
        "slot": f"{when:%Y-%m-%d %H:%M}",
    }
    result = audio.render_program(
        spoken, audio_path(settings, job.week, script.slot.at), settings, tags=tags, progress=progress
    )
    if result.duration_s > job.max_minutes * 60:
        pause = settings.audio.pause_ms / 1000
        return Overrun(
            job,
            result.duration_s,
            {index: part.duration_s + PIECE_OVERHEAD_S + pause for index, part in result.by_position().items()},
        )
    # Each piece under the stored position of the segment it speaks (blank segments have no piece).
    pieces = {job.positions[index]: (spoken[index], part) for index, part in result.by_position().items()}
    return record(settings, job, result, pieces, text_path, actor)


def record(
    settings: Settings,
    job: RenderJob,
    result: audio.RenderResult,
    pieces: dict[int, tuple[str, audio.SegmentAudio]],
    text_path: Path,
    actor: str,
) -> BroadcastResult:
    """The render's results on the program and its segments, in one short session. A program whose
    script changed meanwhile (another build) keeps its own state: this audio is not its audio."""
    script = job.script
    engines = ", ".join(f"{name}×{count}" for name, count in result.engines.most_common())
    with db.session_scope(settings.database_url) as session:
        program = session.get(Program, job.program_id)
        if program is None or program.content_hash != job.content_hash:
            log.warning("chương trình %s đã thay đổi trong lúc dựng âm thanh; không ghi âm thanh này", job.program_id)
            return BroadcastResult(
                script.slot.at,
                text_path,
                None,
                None,
                script.estimated_s,
                script.items,
                program.status if program else job.status,
            )
        for segment in program.segments:
            if segment.position in pieces:
                text, part = pieces[segment.position]
                segment.spoken, segment.audio_path = text, str(part.path)
                segment.engine, segment.duration_s = part.engine, part.duration_s
        program.audio_path, program.duration_s = str(result.path), round(result.duration_s, 2)
        if program.status == ProgramState.APPROVED:
            transition(session, program, ProgramState.RENDERED, actor)
        db.audit(session, "render", f"program {program.id}", f"{result.duration_s:.1f}s", actor)
        return BroadcastResult(
            program.slot_at,
            text_path,
            Path(program.audio_path),
            program.duration_s,
            script.estimated_s,
            script.items,
            program.status,
            result.cached,
            len(result.segments),
            engines,
        )
