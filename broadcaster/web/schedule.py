"""Lịch phát: recurring slots, one-off skips and extras (onair.timetable, the same rules as the CLI)."""

from __future__ import annotations

from flask import Blueprint, flash, render_template, request

from broadcaster import timeutil
from broadcaster.errors import BroadcasterError
from broadcaster.onair import timetable
from broadcaster.onair.rules import parse_day, parse_minutes
from broadcaster.timeutil import WEEKDAY_VI, WEEKDAYS
from broadcaster.web.context import actor, back, conf, error, requires

bp = Blueprint("schedule", __name__)


@bp.route("/slots")
def slots():
    show_all = request.args.get("all") == "1"
    rows, overrides = timetable.list_slots(conf(), None if show_all else timeutil.now().date())
    settings = conf()
    return render_template(
        "slots.html",
        rows=rows,
        overrides=overrides,
        show_all=show_all,
        days=list(zip(WEEKDAYS, WEEKDAY_VI)),
        schedule=settings.schedule,
    )


def _do(action, done: str):
    try:
        row = action()
        flash(done.format(row=row), "info")
    except BroadcasterError as exc:
        error(exc)
    return back("schedule.slots")


def _form(key: str) -> str:
    return request.form.get(key, "").strip()


@bp.route("/slots/add", methods=["POST"])
@requires("admin")
def add():
    return _do(
        lambda: timetable.add_slot(
            conf(), _form("weekday"), _form("time"), parse_minutes(_form("max") or "30"), actor()
        ),
        "Đã thêm khung giờ [{row.id}] {row.weekday} {row.time}, tối đa {row.max_minutes} phút.",
    )


@bp.route("/slots/<int:slot_id>/remove", methods=["POST"])
@requires("admin")
def remove(slot_id: int):
    return _do(
        lambda: timetable.remove_slot(conf(), slot_id, actor()), "Đã bỏ khung giờ [{row.id}] {row.weekday} {row.time}."
    )


@bp.route("/slots/skip", methods=["POST"])
@requires("admin")
def skip():
    return _do(
        lambda: timetable.skip(conf(), parse_day(_form("day")), _form("time") or None, _form("note") or None, actor()),
        "Đã bỏ buổi phát {row.day:%d/%m/%Y} {row.time} (số {row.id}).",
    )


@bp.route("/slots/extra", methods=["POST"])
@requires("admin")
def extra():
    return _do(
        lambda: timetable.extra(
            conf(),
            parse_day(_form("day")),
            _form("time"),
            parse_minutes(_form("max") or "30"),
            _form("note") or None,
            request.form.get("emergency") == "1",
            actor(),
        ),
        "Đã thêm buổi phát {row.day:%d/%m/%Y} {row.time}, tối đa {row.max_minutes} phút (số {row.id}).",
    )


@bp.route("/slots/override/<int:override_id>/cancel", methods=["POST"])
@requires("admin")
def cancel(override_id: int):
    return _do(
        lambda: timetable.cancel_override(conf(), override_id, actor()),
        "Đã hủy thay đổi lịch số {row.id} ({row.day:%d/%m/%Y} {row.time}).",
    )
