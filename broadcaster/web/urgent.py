"""Phát khẩn cấp: write, listen to a preview, confirm (naming what it will interrupt), see the result."""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request

from broadcaster import urgent_preview
from broadcaster.errors import BroadcasterError
from broadcaster.onair import emergency
from broadcaster.web.context import actor, back, conf, requires, state, user

bp = Blueprint("urgent", __name__)


def _repeat() -> int:
    return request.form.get("repeat", 1, type=int) or 1


@bp.route("/urgent")
def form():
    return render_template("urgent.html", step="write", text="", repeat=1, max_repeat=emergency.MAX_REPEAT)


@bp.route("/urgent/preview", methods=["POST"])
@requires("urgent")
def preview():
    settings, text, repeat = conf(), request.form.get("text", ""), _repeat()
    try:
        made = urgent_preview.render(settings, text, repeat)
    except BroadcasterError as exc:
        return render_template(
            "urgent.html", step="write", text=text, repeat=repeat, problem=exc.message, max_repeat=emergency.MAX_REPEAT
        ), 422
    return render_template(
        "urgent.html",
        step="confirm",
        preview=made,
        text=made.text,
        repeat=made.repeat,
        outputs=urgent_preview.describe_outputs(settings),
        on_air=urgent_preview.on_air(settings),
        daemon=urgent_preview.daemon_running(settings),
        max_repeat=emergency.MAX_REPEAT,
    )


@bp.route("/urgent/send", methods=["POST"])
@requires("urgent")
def send():
    settings, repeat = conf(), _repeat()
    if request.form.get("confirm") != "1":
        abort(400)
    try:
        text = urgent_preview.check(request.form.get("text", ""), repeat)
    except BroadcasterError as exc:
        return render_template(
            "urgent.html", step="write", text="", repeat=repeat, problem=exc.message, max_repeat=emergency.MAX_REPEAT
        ), 422
    by, name = user().display, actor()
    job = state().jobs.start("urgent", "urgent", name, lambda job: emergency.urgent(settings, text, repeat, by))
    job.phase = "Đang tạo âm thanh và phát…"
    return back("urgent.result", job_id=job.id)


@bp.route("/urgent/job/<job_id>")
@requires("urgent")
def result(job_id: str):
    job = state().jobs.get(job_id)
    if job is None or job.kind != "urgent":
        abort(404)
    return render_template("urgent.html", step="result", job=job, max_repeat=emergency.MAX_REPEAT)
