"""Tuần này: the week's broadcasts as cards; building the week in the background with progress."""

from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, jsonify, render_template, request, url_for

from broadcaster import review, timeutil
from broadcaster.errors import BroadcasterError
from broadcaster.production import build
from broadcaster.timeutil import week_of
from broadcaster.values import Week, slot_name
from broadcaster.web.context import actor, back, conf, error, requires, state

bp = Blueprint("week", __name__)


def _shift(week: str, weeks: int) -> str:
    return week_of(Week.parse(week).first + dt.timedelta(weeks=weeks))


@bp.route("/")
def this_week():
    return show(week_of(timeutil.now().date()))


@bp.route("/week/<week>")
def show(week: str):
    try:
        week = Week.parse(week).label
    except BroadcasterError:
        abort(404)
    view = review.week_view(conf(), week)
    jobs = state().jobs
    job = jobs.get(request.args.get("job", "")) or jobs.running("build", week)
    return render_template(
        "week.html",
        view=view,
        job=job if job and job.key == week else None,
        prev=_shift(week, -1),
        next=_shift(week, 1),
        current=week_of(timeutil.now().date()),
    )


@bp.route("/week/<week>/build", methods=["POST"])
@requires("prepare")
def start_build(week: str):
    settings, user = conf(), actor()
    try:
        parsed = Week.parse(week)
        week = parsed.label
        steps = review.week_view(settings, week).count
        job = state().jobs.start(
            "build",
            week,
            user,
            lambda job: _summary(build.weekly(settings, parsed, actor=user, progress=job.progress)),
            steps=steps,
        )
    except BroadcasterError as exc:
        error(exc)
        return back("week.show", week=week)
    return back("week.show", week=week, job=job.id)


def _summary(result: build.WeekResult) -> dict:
    """What the page says when the build is over, as `broadcaster weekly` says it: the broadcasts built,
    those already past (not built), the rewrite's tally, then every warning (items moved to a later
    broadcast, items short of their repeat count, approved programs back to draft, merged duplicates)."""
    when = {slot_name(b.slot): _at(b.slot) for b in result.broadcasts}
    notes = [f"Buổi phát {_at(s.at)} đã qua giờ phát: không dựng, không nhận thêm tin." for s in result.passed]
    if result.rewrite:
        notes.append(result.rewrite.summary_vi())
    warnings = [
        f"Chuyển sang buổi sau (hết thời lượng buổi {when.get(slot, slot)}): {title}" for slot, title in result.carried
    ]
    warnings += [notice.message for notice in result.notices]
    return {
        "broadcasts": len(result.broadcasts),
        "notes": notes,
        "warnings": warnings,
        "rendered": sum(b.rendered for b in result.broadcasts),
        "cached": sum(b.cached for b in result.broadcasts),
    }


def _at(moment: dt.datetime) -> str:
    """'thứ Ba 01/12/2026 06:00' in station time."""
    moment = timeutil.local(moment)
    return f"{timeutil.WEEKDAY_VI[moment.weekday()]} {moment:%d/%m/%Y %H:%M}"


@bp.route("/jobs/<job_id>")
def job_status(job_id: str):
    job = state().jobs.get(job_id)
    if job is None:
        abort(404)
    data = job.to_json()
    if job.kind == "build":
        data["next"] = url_for("week.show", week=job.key, job=job.id)
    else:
        data["next"] = url_for("urgent.result", job_id=job.id)
    return jsonify(data)
