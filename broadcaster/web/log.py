"""Nhật ký: history by week or month, the logbook CSV for inspectors, and the status panel."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from flask import Blueprint, abort, render_template, request, send_file

from broadcaster import timeutil
from broadcaster.errors import BroadcasterError
from broadcaster.onair import logbook
from broadcaster.timeutil import week_of
from broadcaster.values import Week
from broadcaster.web.context import conf

bp = Blueprint("log", __name__)


@bp.route("/log")
def history():
    settings, today = conf(), timeutil.now().date()
    month = request.args.get("month", "").strip()
    week = request.args.get("week", "").strip()
    try:
        if month:
            start, end = logbook.month_range(month)
            period = f"tháng {start:%m/%Y}"
        else:
            week = Week.parse(week).label if week else week_of(today)
            start, end = logbook.week_range(week)
            period = f"tuần {week}"
    except BroadcasterError:
        abort(404)
    rows = logbook.history(settings, start, end)
    return render_template(
        "log.html",
        rows=rows,
        period=period,
        week=None if month else week,
        month=month,
        this_month=f"{today:%Y-%m}",
        status=logbook.status(settings),
    )


@bp.route("/log/logbook-<month>.csv")
def logbook_csv(month: str):
    try:
        logbook.month_range(month)
    except BroadcasterError:
        abort(404)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"so-nhat-ky-{month}.csv"
        logbook.write_logbook(conf(), month, path)
        data = path.read_bytes()
    return send_file(
        io.BytesIO(data),
        mimetype="text/csv; charset=utf-8",
        as_attachment=True,
        download_name=f"so-nhat-ky-{month}.csv",
    )
