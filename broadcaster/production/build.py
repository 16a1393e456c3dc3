"""The jobs, one function each: preview a week, build the weekly program, load the demo commune.

Inputs are settings and plain values (a `Week`, the actor's name), never live sessions, so a job
can run from the CLI, the scheduler or a task-queue worker alike. The weekly build goes straight:
read the week (one short session) -> compose and plan -> rewrite -> store (one short session) ->
speak every program outside any session -> record each render (one short session).
"""

from __future__ import annotations

import dataclasses
import logging
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster import audio
from broadcaster.config import Settings
from broadcaster.errors import ConfigError
from broadcaster.production.documents import write_script
from broadcaster.production.programs import WeekScripts, as_stored, compose_week, gather, reestimate, store_week
from broadcaster.production.recording import BroadcastResult, RenderJob, render
from broadcaster.production.rewrite import week as rewrite_step
from broadcaster.production.rewrite.week import RewriteUsage
from broadcaster.store import db
from broadcaster.store.models import Program
from broadcaster.store.models import RewriteUsage as RewriteUsageRow
from broadcaster.store.states import ProgramState
from broadcaster.timeutil import local
from broadcaster.values import Week

if TYPE_CHECKING:
    from broadcaster.intake.catalog import ImportReport

log = logging.getLogger(__name__)
SAMPLE_WEEK = Week(2026, 49)


@dataclasses.dataclass(frozen=True)
class WeekResult:
    week: Week
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
        return {"week": self.week.label, "broadcasts": [
            {"slot": local(b.slot).isoformat(), "script": rel(b.script), "audio": rel(b.audio),
             "duration_s": b.duration_s, "items": b.items} for b in self.broadcasts],
            "rewrite": self.rewrite.to_json() if self.rewrite else None}


def preview(settings: Settings, week: Week, rewrite: bool | None = None) -> tuple[WeekScripts, list[Path]]:
    """Compose the week's scripts and write them to scripts/<week>/ without touching the programs.

    rewrite: None follows rewrite.engine in the config; True insists (error when the engine is
    none); False shows the template text only.
    """
    scripts = _compose(settings, week)
    if rewrite is not False:
        scripts = _rewrite(settings, scripts, required=bool(rewrite))
    with db.session_scope(settings.database_url) as session:
        _record_usage(session, scripts, "preview")
        scripts = as_stored(session, scripts)
        status = {p.slot_at: p.status for p in session.scalars(select(Program).where(Program.week == week.label))}
    paths = [write_script(settings, week, s, status.get(s.slot.at, ProgramState.DRAFT)) for s in scripts.slots]
    return scripts, paths


def weekly(settings: Settings, week: Week, actor: str, progress: audio.Progress | None = None) -> WeekResult:
    """Build, render and record the week's programs (the unattended main job). `actor` is who runs
    it (the user's name, "scheduler", "demo"): the audit trail says so."""
    scripts = _rewrite(settings, _compose(settings, week))
    with db.session_scope(settings.database_url) as session:
        _record_usage(session, scripts, "weekly")
        stored = store_week(session, scripts, actor)
        db.audit(session, "weekly_build", week.label, f"{len(stored)} programs", actor)
        jobs = [RenderJob.of(program, script, week) for program, script in stored]
    results = [render(settings, job, actor, progress) for job in jobs]
    carried = tuple((s.slot.name, t) for s in scripts.slots for t in s.carried)
    return WeekResult(week, tuple(results), carried, scripts.unplaced, scripts.rewrite)


def _compose(settings: Settings, week: Week) -> WeekScripts:
    """The week read in one short session, then placed and written without the database."""
    with db.session_scope(settings.database_url) as session:
        inputs = gather(session, settings, week)
    return compose_week(settings, inputs)


def _rewrite(settings: Settings, scripts: WeekScripts, required: bool = False) -> WeekScripts:
    """The optional LLM rewrite + fact guard; LLM trouble never fails the job (see broadcaster.rewrite).
    No session is open meanwhile; the caller stores `scripts.rewrite` (see _record_usage)."""
    options = settings.rewrite
    if options.engine == "none":
        if required:
            raise ConfigError("Chưa bật viết lại: rewrite.engine đang là none.", None,
                              "đặt rewrite.engine (extractive hoặc openai) trong tệp cấu hình, "
                              "hoặc chỉ tệp cấu hình khác bằng --config FILE.")
        return scripts
    scripts, usage = rewrite_step.rewrite_week(scripts, options, rewrite_step.cache_from(settings))
    return dataclasses.replace(scripts, rewrite=usage, slots=tuple(reestimate(settings, s) for s in scripts.slots))


def _record_usage(session: Session, scripts: WeekScripts, job: str) -> None:
    if scripts.rewrite is not None:
        session.add(RewriteUsageRow(week=scripts.week.label, job=job, **scripts.rewrite.to_json()))


def sample_files() -> tuple[Path, Path]:
    folder = resources.files("broadcaster") / "sample"
    return Path(str(folder / "announcements.yaml")), Path(str(folder / "tthc.csv"))


def demo(settings: Settings, progress: audio.Progress | None = None) -> tuple[list[ImportReport], WeekResult]:
    """Load the bundled sample commune (repeatable: no duplicates) and build its week."""
    from broadcaster.intake import catalog

    announcements, tthc = sample_files()
    reports = [catalog.import_announcements(settings, announcements, actor="demo"),
               catalog.import_tthc(settings, tthc, actor="demo")]
    return reports, weekly(settings, SAMPLE_WEEK, actor="demo", progress=progress)
