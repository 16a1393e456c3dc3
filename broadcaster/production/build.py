"""The jobs, one function each: preview a week, build the weekly program, load the demo commune.

Inputs are settings and plain values (week labels, paths), never live sessions, so a job can run
from the CLI, the scheduler or a task-queue worker alike.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from sqlalchemy import select

from broadcaster import audio

from broadcaster.intake import catalog

from broadcaster.store import db
from broadcaster.config import Settings
from broadcaster.errors import ConfigError
from broadcaster.store.models import Program
from broadcaster.store.states import ProgramState, transition
from broadcaster.store.models import RewriteUsage as RewriteUsageRow
from broadcaster.production.rewrite import week as rewrite_step
from broadcaster.production.rewrite.week import RewriteUsage
from broadcaster.production.programs import SlotScript, WeekScripts, as_stored, compose_week, reestimate, store_week
from broadcaster.production.script.document import script_document
from broadcaster.onair.calendar import slot_name
from broadcaster.vi.normalize import Normalized, normalize
from broadcaster.timeutil import local, next_week_label, parse_week, week_label

log = logging.getLogger(__name__)
SAMPLE_WEEK = "2026-W49"


@dataclasses.dataclass(frozen=True)
class BroadcastResult:
    slot: dt.datetime
    script: Path
    audio: Path | None
    duration_s: float | None
    estimated_s: float
    items: int
    status: str
    cached: int = 0          # segments taken from the audio cache
    rendered: int = 0        # segments rendered in this run (cached + new)
    engines: str = ""        # engines that spoke them, e.g. "espeak×12, gtts×3"


@dataclasses.dataclass(frozen=True)
class WeekResult:
    week: str
    broadcasts: tuple[BroadcastResult, ...]
    carried: tuple[tuple[str, str], ...]     # slot name, title
    unplaced: tuple[tuple[str, int], ...]
    rewrite: RewriteUsage | None = None

    def to_json(self, base_dir: Path) -> dict:
        def rel(path: Path | None) -> str | None:
            if path is None:
                return None
            try:
                return str(path.resolve().relative_to(base_dir.resolve()))
            except ValueError:
                return str(path)
        return {"week": self.week, "broadcasts": [
            {"slot": local(b.slot).isoformat(), "script": rel(b.script), "audio": rel(b.audio),
             "duration_s": b.duration_s, "items": b.items} for b in self.broadcasts],
            "rewrite": self.rewrite.to_json() if self.rewrite else None}


def resolve_week(week: str | None) -> str:
    return week_label(*parse_week(week)) if week else next_week_label()


def script_path(settings: Settings, week: str, script: SlotScript) -> Path:
    return settings.paths.scripts / week / f"{script.slot.name}.txt"


def audio_path(settings: Settings, week: str, slot_at: dt.datetime) -> Path:
    return settings.paths.audio / week / f"{slot_name(slot_at)}.mp3"


def preview(settings: Settings, week: str | None = None,
            rewrite: bool | None = None) -> tuple[WeekScripts, list[Path]]:
    """Compose the week's scripts and write them to scripts/<week>/ without touching the programs.

    rewrite: None follows rewrite.engine in the config; True insists (error when the engine is
    none); False shows the template text only.
    """
    week = resolve_week(week)
    with db.session_scope(settings.database_url) as session:
        scripts = compose_week(session, settings, week)
    if rewrite is not False:
        scripts = _rewrite(settings, scripts, "preview", required=bool(rewrite))
    with db.session_scope(settings.database_url) as session:
        scripts = as_stored(session, scripts)
        status = {p.slot_at: p.status for p in session.scalars(select(Program).where(Program.week == week))}
    paths = [_write_script(settings, scripts.week, s, status.get(s.slot.at, ProgramState.DRAFT)) for s in scripts.slots]
    return scripts, paths


def _rewrite(settings: Settings, scripts: WeekScripts, job: str, required: bool = False) -> WeekScripts:
    """The optional LLM rewrite + fact guard; LLM trouble never fails the job (see broadcaster.rewrite)."""
    options = settings.rewrite
    if options.engine == "none":
        if required:
            raise ConfigError("Chưa bật viết lại: rewrite.engine đang là none.", None,
                              "đặt rewrite.engine (extractive hoặc openai) trong tệp cấu hình, "
                              "hoặc chỉ tệp cấu hình khác bằng --config FILE.")
        return scripts
    scripts, usage = rewrite_step.rewrite_week(scripts, options, rewrite_step.cache_from(settings))
    with db.session_scope(settings.database_url) as session:
        session.add(RewriteUsageRow(week=scripts.week, job=job, **usage.to_json()))
    return dataclasses.replace(scripts, rewrite=usage, slots=tuple(reestimate(settings, s) for s in scripts.slots))


def weekly(settings: Settings, week: str | None = None, actor: str = "weekly-job",
           progress: audio.Progress | None = None) -> WeekResult:
    """Build, render and record the week's programs (the unattended main job)."""
    week = resolve_week(week)
    with db.session_scope(settings.database_url) as session:
        scripts = compose_week(session, settings, week)
    scripts = _rewrite(settings, scripts, "weekly")
    with db.session_scope(settings.database_url) as session:
        programs = store_week(session, scripts, actor)
        db.audit(session, "weekly_build", week, f"{len(programs)} programs", actor)
        jobs = [(p.id, s) for p, s in zip(programs, as_stored(session, scripts).slots)]
    results = [_render(settings, week, program_id, script, actor, progress) for program_id, script in jobs]
    carried = tuple((s.slot.name, t) for s in scripts.slots for t in s.carried)
    return WeekResult(week, tuple(results), carried, scripts.unplaced, scripts.rewrite)


def _render(settings: Settings, week: str, program_id: int, script: SlotScript, actor: str,
            progress: audio.Progress | None = None) -> BroadcastResult:
    with db.session_scope(settings.database_url) as session:
        program = session.get(Program, program_id)
        normalized = [normalize(seg.text, settings.lexicon) for seg in script.segments]   # = program.segments
        text_path = _write_script(settings, week, script, program.status, normalized)
        target = audio_path(settings, week, program.slot_at)
        cached = rendered = 0
        engines = ""
        if not (program.audio_path and Path(program.audio_path).is_file() and program.duration_s):
            spoken = [n.text for n in normalized]
            when = local(program.slot_at)
            tags = {"title": f"{settings.station.name} — {when:%d/%m/%Y %H:%M}", "station": settings.station.name,
                    "date": f"{when:%Y-%m-%d}", "slot": f"{when:%Y-%m-%d %H:%M}"}
            result = audio.render_program(spoken, target, settings, tags=tags, max_seconds=program.max_minutes * 60,
                                          progress=progress)
            spoken_segments = [(seg, text) for seg, text in zip(program.segments, spoken) if text.strip()]
            for (seg, text), part in zip(spoken_segments, result.segments):
                seg.spoken, seg.audio_path, seg.engine, seg.duration_s = text, str(part.path), part.engine, part.duration_s
            program.audio_path, program.duration_s = str(result.path), round(result.duration_s, 2)
            cached, rendered = result.cached, len(result.segments)
            engines = ", ".join(f"{name}×{count}" for name, count in result.engines.most_common())
            if program.status == ProgramState.APPROVED:
                transition(session, program, ProgramState.RENDERED, actor)
            db.audit(session, "render", f"program {program.id}", f"{result.duration_s:.1f}s", actor)
        return BroadcastResult(program.slot_at, text_path, Path(program.audio_path), program.duration_s,
                               script.estimated_s, script.items, program.status, cached, rendered, engines)


def speech_marks(script: SlotScript, normalized: Sequence[Normalized]) -> dict[int, list[str]]:
    """What the normalizer could not read, per segment, so the officer sees it before airing."""
    marks: dict[int, list[str]] = {}
    for index, (segment, result) in enumerate(zip(script.segments, normalized)):
        for w in result.warnings:
            context = segment.text[max(0, w.position - 20):w.position + len(w.fragment) + 20].replace("\n", " ")
            marks.setdefault(index, []).append(f"Giọng đọc: {w.message} “{w.fragment}” (vị trí {w.position}): …{context}…")
    return marks


def document(settings: Settings, week: str, script: SlotScript, status: str = ProgramState.DRAFT,
             normalized: Sequence[Normalized] | None = None) -> str:
    """The script text with its marks; `normalized` (one per segment) when the caller has it already."""
    if normalized is None:
        normalized = [normalize(seg.text, settings.lexicon) for seg in script.segments]
    return script_document(settings.station.name, week, script, status, speech_marks(script, normalized))


def _write_script(settings: Settings, week: str, script: SlotScript, status: str,
                  normalized: Sequence[Normalized] | None = None) -> Path:
    path = script_path(settings, week, script)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(document(settings, week, script, status, normalized) + "\n", encoding="utf-8")
    return path


def sample_files() -> tuple[Path, Path]:
    folder = resources.files("broadcaster") / "sample"
    return Path(str(folder / "announcements.yaml")), Path(str(folder / "tthc.csv"))


def demo(settings: Settings, progress: audio.Progress | None = None) -> tuple[list[catalog.ImportReport], WeekResult]:
    """Load the bundled sample commune (repeatable: no duplicates) and build its week."""
    announcements, tthc = sample_files()
    reports = [catalog.import_announcements(settings, announcements, actor="demo"),
               catalog.import_tthc(settings, tthc, actor="demo")]
    return reports, weekly(settings, SAMPLE_WEEK, actor="demo", progress=progress)
