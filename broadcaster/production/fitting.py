"""Rendering a week so that every broadcast fits its slot.

The estimate can still miss (a voice slower than measured, a rewrite). A program that renders longer
than its slot moves its last items (emergencies last of all) to the next broadcast where they may
air, is stored again and rendered again on its own (its pieces are cached: only the opening, which
counts the items, is spoken anew); the broadcast that takes them is rendered when its turn comes.
What moved, and what found no later broadcast, is told.
"""

from __future__ import annotations

import dataclasses
import logging

from broadcaster import audio
from broadcaster.config import Settings
from broadcaster.errors import AudioError
from broadcaster.production.composing import reestimate
from broadcaster.production.notices import Notice
from broadcaster.production.planning import PRIORITY_RANK
from broadcaster.production.programs import SlotScript, WeekScripts, store_slot
from broadcaster.production.recording import BroadcastResult, Overrun, RenderJob, render
from broadcaster.production.script import compose
from broadcaster.store import db
from broadcaster.store.models import Program
from broadcaster.timeutil import local, span_text

log = logging.getLogger(__name__)
SLACK_S = 1.0  # under the slot by this much after moving items (the opening's count changes)
MAX_ROUNDS = 5


def render_week(
    settings: Settings, scripts: WeekScripts, jobs: list[RenderJob], actor: str, progress: audio.Progress | None = None
) -> tuple[list[BroadcastResult], list[Notice]]:
    """Render every job in time order; an overrun moves items on (see the module)."""
    jobs, results, notices = list(jobs), [], []
    for index in range(len(jobs)):
        for _round in range(MAX_ROUNDS):
            job = jobs[index]
            outcome = render(settings, job, actor, progress, speak=job.script.state != "passed")
            if isinstance(outcome, BroadcastResult):
                results.append(outcome)
                break
            notices += _move_on(settings, scripts, jobs, index, outcome, actor)
        else:
            raise AudioError(
                f"Không đưa được buổi phát {local(jobs[index].script.slot.at):%d/%m/%Y %H:%M} vào khung giờ.",
                None,
                "bớt tin hoặc tăng thời lượng khung giờ rồi chạy lại.",
            )
    return results, notices


def _move_on(
    settings: Settings, scripts: WeekScripts, jobs: list[RenderJob], index: int, overrun: Overrun, actor: str
) -> list[Notice]:
    job = jobs[index]
    script, limit = job.script, job.max_minutes * 60
    moved = _last_items(script, overrun, overrun.duration_s - limit + SLACK_S)
    if not moved:
        raise AudioError(
            f"Chương trình dài {span_text(overrun.duration_s)}, vượt tối đa {span_text(limit)} của buổi "
            "phát, mà không còn tin nào để chuyển sang buổi sau.",
            "lời mở đầu và kết thúc đã dài hơn khung giờ.",
            "tăng thời lượng khung giờ (slots).",
        )
    kept = [s for n, s in enumerate(script.segments) if n not in moved]
    updates = {
        index: _with_items(
            settings,
            scripts,
            script,
            [s for s in kept if s.ref_id is not None],
            carried=script.carried + tuple(script.segments[n].title for n in sorted(moved)),
        )
    }
    notices, when = [], local(script.slot.at)
    for n in sorted(moved):
        segment = script.segments[n]
        target = _next_broadcast(scripts, jobs, updates, index, segment)
        if target is not None:
            taker = updates.get(target, jobs[target].script)
            items = [s for s in taker.segments if s.ref_id is not None] + [segment]
            items.sort(key=lambda s: PRIORITY_RANK.get(s.priority, 9))
            updates[target] = _with_items(settings, scripts, taker, items)
        to = local(jobs[target].script.slot.at) if target is not None else None
        where = (
            f"sang buổi {to:%d/%m/%Y %H:%M}"
            if to
            else "nhưng không còn buổi phát nào trong tuần nhận được; thiếu một lần phát"
        )
        notices.append(
            Notice(
                "moved",
                f"“{segment.title}” chuyển khỏi buổi {when:%d/%m/%Y %H:%M} {where}: buổi đó "
                f"đọc thật dài {span_text(overrun.duration_s)}, quá {span_text(limit)} của khung giờ.",
                {"title": segment.title, "slot": when.isoformat(), "to": to.isoformat() if to else None},
            )
        )
    with db.session_scope(settings.database_url) as session:
        for position, new in updates.items():
            new = dataclasses.replace(new, state="open")  # its program changes, approved or not
            program = session.get(Program, jobs[position].program_id)
            program, notice = store_slot(session, job.week, new, actor, program)
            notices += [notice] if notice else []
            session.flush()
            jobs[position] = RenderJob.of(program, new, job.week)
    log.info("buổi %s dài %.0f giây: chuyển %d tin sang buổi sau", script.slot.name, overrun.duration_s, len(moved))
    return notices


def _last_items(script: SlotScript, overrun: Overrun, excess: float) -> set[int]:
    """Indexes of the last items whose removal takes off at least `excess` seconds; emergencies last."""
    items = [n for n, s in enumerate(script.segments) if s.ref_id is not None]
    order = [n for n in reversed(items) if script.segments[n].priority != "emergency"]
    order += [n for n in reversed(items) if script.segments[n].priority == "emergency"]
    chosen, saved = set(), 0.0
    for n in order:
        if saved >= excess:
            break
        chosen.add(n)
        saved += overrun.seconds.get(n, 0.0)
    return chosen if saved >= excess else set()


def _next_broadcast(
    scripts: WeekScripts,
    jobs: list[RenderJob],
    updates: dict[int, SlotScript],
    index: int,
    segment: compose.SegmentText,
) -> int | None:
    """The first later open broadcast on a day the item may air that does not already read it."""
    item = scripts.items.get((segment.kind, segment.ref_id)) if segment.ref_id is not None else None
    for position in range(index + 1, len(jobs)):
        taker = updates.get(position, jobs[position].script)
        day = local(taker.slot.at).date()
        if taker.state != "open" or (item and not item.valid_from <= day <= item.valid_until):
            continue
        if any((s.kind, s.ref_id) == (segment.kind, segment.ref_id) for s in taker.segments):
            continue
        return position
    return None


def _with_items(
    settings: Settings, scripts: WeekScripts, script: SlotScript, items: list, carried: tuple[str, ...] | None = None
) -> SlotScript:
    """The slot's script again around `items`: the opening counts them anew."""
    station, at = settings.station, script.slot.at
    segments = (compose.opening(station, at, len(items)), *items, compose.closing(station, at))
    new = dataclasses.replace(script, segments=segments, carried=script.carried if carried is None else carried)
    return reestimate(settings, scripts.pace, new) if scripts.pace else new
