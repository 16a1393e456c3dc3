"""The jobs, one function each: preview a week, build the weekly program, load the demo commune.

Inputs are settings and plain values (a `Week`, the actor's name), never live sessions, so a job
can run from the CLI, the scheduler or a task-queue worker alike. The weekly build goes straight,
one build of a week at a time (a lock): read the week (one short session) -> compose and plan ->
rewrite -> store (one short session) -> speak every program outside any session, moving the last
items of a program that runs over to the next broadcast -> record each render (one short session).

The clock counts: a broadcast whose time has passed keeps what it had and takes no item; a week that
is over is built only on purpose (`past`), and then the clock is ignored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from broadcaster import audio, timeutil
from broadcaster.config import Settings
from broadcaster.errors import BroadcasterError, ConfigError, NotFoundError
from broadcaster.production.composing import compose_week, reestimate
from broadcaster.production.documents import write_script
from broadcaster.production.fitting import render_week
from broadcaster.production.lock import week_lock
from broadcaster.production.notices import Notice
from broadcaster.production.programs import WeekScripts, gather, store_week
from broadcaster.production.recording import BroadcastResult, RenderJob, audio_path
from broadcaster.production.rewrite import week as rewrite_step
from broadcaster.production.rewrite.week import RewriteUsage
from broadcaster.store import db
from broadcaster.store.models import Program
from broadcaster.store.models import RewriteUsage as RewriteUsageRow
from broadcaster.store.states import ProgramState
from broadcaster.timeutil import local
from broadcaster.values import SlotTime, Week, slot_name

if TYPE_CHECKING:
    from broadcaster.intake.catalog import ImportReport

log = logging.getLogger(__name__)
SAMPLE_WEEK = Week(2026, 49)
YEARS = (2000, 2199)


@dataclasses.dataclass(frozen=True)
class WeekResult:
    week: Week
    broadcasts: tuple[BroadcastResult, ...]
    carried: tuple[tuple[str, str], ...]  # slot name, title
    unplaced: tuple[tuple[str, int], ...]
    rewrite: RewriteUsage | None = None
    notices: tuple[Notice, ...] = ()
    passed: tuple[SlotTime, ...] = ()  # broadcasts already past when built, with no program

    def to_json(self, base_dir: Path) -> dict:
        def rel(path: Path | None) -> str | None:
            if path is None:
                return None
            try:
                return str(path.resolve().relative_to(base_dir.resolve()))
            except ValueError:
                return str(path)

        return {
            "week": self.week.label,
            "broadcasts": [
                {
                    "slot": local(b.slot).isoformat(),
                    "script": rel(b.script),
                    "audio": rel(b.audio),
                    "duration_s": b.duration_s,
                    "estimated_s": b.estimated_s,
                    "items": b.items,
                }
                for b in self.broadcasts
            ],
            "passed": [local(s.at).isoformat() for s in self.passed],
            "warnings": [n.to_json() for n in self.notices],
            "rewrite": self.rewrite.to_json() if self.rewrite else None,
        }


def check_week(week: Week, now: dt.datetime, past: bool) -> None:
    """A week the station can build: within the years it plans for, and not over unless `past`."""
    if not YEARS[0] <= week.year <= YEARS[1]:
        raise BroadcasterError(
            f"Tuần “{week}” nằm ngoài khoảng dựng được (năm {YEARS[0]}–{YEARS[1]}).",
            None,
            "ghi tuần dạng NĂM-Wsố tuần, ví dụ: --week 2026-W49.",
        )
    if not past and week.last < now.date():
        raise BroadcasterError(
            f"Tuần {week} ({week.first:%d/%m} – {week.last:%d/%m/%Y}) đã qua.",
            "các buổi phát của tuần đã qua không phát nữa; dựng lại chỉ để ghi lại hoặc thử.",
            f"nếu thật sự cần, thêm --past: broadcaster weekly --week {week} --past.",
        )


def preview(
    settings: Settings, week: Week, rewrite: bool | None = None, *, past: bool = False, now: dt.datetime | None = None
) -> tuple[WeekScripts, list[Path]]:
    """Compose the week's scripts and write them to scripts/<week>/ without touching the programs.

    rewrite: None follows rewrite.engine in the config; True insists (error when the engine is
    none); False shows the template text only.
    """
    now = now or timeutil.now()
    check_week(week, now, past=True)
    scripts = _compose(settings, week, None if past else now)
    if rewrite is not False:
        scripts = _rewrite(settings, scripts, required=bool(rewrite))
    with db.session_scope(settings.database_url) as session:
        _record_usage(session, scripts, "preview")
        stored = {
            p.slot_at: p
            for p in session.scalars(select(Program).where(Program.week == week.label, Program.priority == "normal"))
        }
        status = {
            at: p.status
            for at, p in stored.items()
            if p.content_hash == next((s.content_hash for s in scripts.slots if s.slot.at == at), None)
        }
    paths = [write_script(settings, week, s, status.get(s.slot.at, ProgramState.DRAFT)) for s in scripts.slots]
    return scripts, paths


def weekly(
    settings: Settings,
    week: Week,
    actor: str,
    progress: audio.Progress | None = None,
    *,
    past: bool = False,
    rebuild: Sequence[str] = (),
    now: dt.datetime | None = None,
) -> WeekResult:
    """Build, render and record the week's programs (the unattended main job). `actor` is who runs
    it (the user's name, "scheduler", "demo"): the audit trail says so. `rebuild` names approved
    broadcasts to plan again on purpose (selectors as `approve --slot` takes them)."""
    now = now or timeutil.now()
    check_week(week, now, past)
    with week_lock(settings, week, actor):
        scripts = _rewrite(settings, _compose(settings, week, None if past else now, rebuild))
        with db.session_scope(settings.database_url) as session:
            _record_usage(session, scripts, "weekly")
            stored, resets, removed = store_week(session, scripts, actor)
            db.audit(session, "weekly_build", week.label, f"{len(stored)} programs", actor)
            jobs = [RenderJob.of(program, script, week) for program, script in stored]
        _remove_files(settings, week, removed)
        results, moved = render_week(settings, scripts, jobs, actor, progress)
    carried = tuple((s.slot.name, t) for s in scripts.slots for t in s.carried)
    return WeekResult(
        week,
        tuple(results),
        carried,
        scripts.unplaced,
        scripts.rewrite,
        (*scripts.notices, *resets, *moved),
        scripts.passed,
    )


def _compose(settings: Settings, week: Week, now: dt.datetime | None, rebuild: Sequence[str] = ()) -> WeekScripts:
    """The week read in one short session, then placed and written without the database."""
    with db.session_scope(settings.database_url) as session:
        inputs = gather(session, settings, week, now, _rebuilt(session, settings, week, rebuild, now))
    return compose_week(settings, inputs)


def _rebuilt(
    session: Session, settings: Settings, week: Week, selectors: Sequence[str], now: dt.datetime | None
) -> list[dt.datetime]:
    """The broadcasts `selectors` name; each must name one of the week's broadcasts still to come."""
    from broadcaster.onair.approval import Selector
    from broadcaster.onair.calendar import week_slots

    if not selectors:
        return []
    slots = week_slots(session, settings, week)
    chosen = []
    names = ", ".join(s.name for s in slots)
    for text in selectors:
        try:
            selector = Selector.parse(text)
        except BroadcasterError as exc:
            raise BroadcasterError(
                f"--rebuild “{text}” không chỉ một buổi phát: {exc.what}",
                None,
                f"ghi thứ (fri), giờ (17:30) hoặc tên buổi; các buổi phát của tuần: {names}.",
            ) from exc
        found = [s.at for s in slots if selector is not None and selector.matches(s.at)]
        if not found:
            raise NotFoundError(
                f"Không có buổi phát nào khớp với “{text}” trong tuần {week}.",
                None,
                f"các buổi phát của tuần: {names}.",
            )
        if now is not None and any(at <= now for at in found):
            raise BroadcasterError(
                f"Buổi phát “{text}” đã qua; không dựng lại được.",
                None,
                "chỉ dựng lại buổi còn ở phía trước (hoặc thêm --past để dựng lại cả tuần).",
            )
        chosen += found
    return chosen


def _rewrite(settings: Settings, scripts: WeekScripts, required: bool = False) -> WeekScripts:
    """The optional LLM rewrite + fact guard, for the slots still open; LLM trouble never fails the job
    (see broadcaster.rewrite). No session is open meanwhile; the caller stores `scripts.rewrite`."""
    options = settings.rewrite
    if options.engine == "none":
        if required:
            raise ConfigError(
                "Chưa bật viết lại: rewrite.engine đang là none.",
                None,
                "đặt rewrite.engine (extractive hoặc openai) trong tệp cấu hình, "
                "hoặc chỉ tệp cấu hình khác bằng --config FILE.",
            )
        return scripts
    open_slots = dataclasses.replace(scripts, slots=tuple(s for s in scripts.slots if s.state == "open"))
    rewritten, usage = rewrite_step.rewrite_week(open_slots, options, rewrite_step.cache_from(settings))
    new = {s.slot.at: reestimate(settings, scripts.pace, s) if scripts.pace else s for s in rewritten.slots}
    return dataclasses.replace(scripts, rewrite=usage, slots=tuple(new.get(s.slot.at, s) for s in scripts.slots))


def _record_usage(session: Session, scripts: WeekScripts, job: str) -> None:
    if scripts.rewrite is not None:
        session.add(RewriteUsageRow(week=scripts.week.label, job=job, **scripts.rewrite.to_json()))


def _remove_files(settings: Settings, week: Week, removed: list[tuple[dt.datetime, str | None]]) -> None:
    """The script and audio of programs whose broadcast left the schedule (skipped, cancelled)."""
    for slot_at, audio_file in removed:
        for path in (
            settings.paths.scripts / week.label / f"{slot_name(slot_at)}.txt",
            Path(audio_file) if audio_file else audio_path(settings, week, slot_at),
        ):
            if path.is_file():
                path.unlink()
                log.info("đã xóa %s (buổi phát không còn trong lịch)", path)


def sample_files() -> tuple[Path, Path]:
    folder = resources.files("broadcaster") / "sample"
    return Path(str(folder / "announcements.yaml")), Path(str(folder / "tthc.csv"))


def demo(settings: Settings, progress: audio.Progress | None = None) -> tuple[list[ImportReport], WeekResult]:
    """Load the bundled sample commune (repeatable: no duplicates) and build its week, whatever today is."""
    from broadcaster.intake import catalog

    announcements, tthc = sample_files()
    reports = [
        catalog.import_announcements(settings, announcements, actor="demo"),
        catalog.import_tthc(settings, tthc, actor="demo"),
    ]
    return reports, weekly(settings, SAMPLE_WEEK, actor="demo", progress=progress, past=True)
