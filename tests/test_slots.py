"""Slots: recurring slots, skips and extras; the weekly minimum; quiet hours; station time zone."""

from __future__ import annotations

import datetime as dt
import json
import time

import pytest

from broadcaster.onair.calendar import slots_between, week_slots
from broadcaster.onair.rules import in_quiet_hours, parse_clock, parse_minutes
from broadcaster.store import db
from broadcaster.timeutil import TZ
from broadcaster.values import Week


@pytest.fixture
def new_york(monkeypatch):
    """The host says New York; the station must still say Hanoi time."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_list_json_has_seeded_slots(make_settings, cli_for, new_york):
    conf = make_settings()
    result = cli_for(conf, "slots", "list", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["weekday"], r["time"], r["max_minutes"]) for r in rows] == [("tue", "06:00", 30), ("fri", "17:30", 30)]
    assert all(isinstance(r["id"], int) for r in rows)


def test_add_remove_and_minimum(make_settings, cli_for):
    conf = make_settings()
    added = cli_for(conf, "slots", "add", "wed", "17:00", "--max", "45m")
    assert added.exit_code == 0 and "45 phút" in added.output
    rows = json.loads(cli_for(conf, "slots", "list", "--json").output)
    wed = next(r for r in rows if r["weekday"] == "wed")
    assert wed["max_minutes"] == 45
    assert cli_for(conf, "slots", "remove", wed["id"]).exit_code == 0
    refused = cli_for(conf, "slots", "remove", rows[0]["id"])
    assert refused.exit_code == 1
    assert "ít nhất 2 buổi" in refused.output and "Cách khắc phục" in refused.output
    assert len(json.loads(cli_for(conf, "slots", "list", "--json").output)) == 2


def test_quiet_hours_refused_unless_emergency(make_settings, cli_for):
    conf = make_settings()
    refused = cli_for(conf, "slots", "add", "wed", "22:00")
    assert refused.exit_code == 1 and "giờ yên tĩnh" in refused.output
    assert cli_for(conf, "slots", "add", "wed", "20:45", "--max", "30m").exit_code == 1  # ends in quiet hours
    assert cli_for(conf, "slots", "extra", "2026-12-02", "23:00").exit_code == 1
    assert cli_for(conf, "slots", "extra", "2026-12-02", "23:00", "--emergency").exit_code == 0


def test_skip_and_extra_shape_the_week(make_settings, cli_for, new_york):
    conf = make_settings()
    assert cli_for(conf, "slots", "extra", "02/12/2026", "07:00:30", "--max", "10m").exit_code == 0
    assert cli_for(conf, "slots", "skip", "2026-12-01").exit_code == 0
    refused = cli_for(conf, "slots", "skip", "2026-12-04")
    assert refused.exit_code == 1 and "tuần 2026-W49" in refused.output
    with db.session_scope(conf.database_url) as session:
        times = [s.at for s in week_slots(session, conf, Week(2026, 49))]
    assert times == [dt.datetime(2026, 12, 2, 7, 0, 30, tzinfo=TZ), dt.datetime(2026, 12, 4, 17, 30, tzinfo=TZ)]
    assert times[0].utcoffset() == dt.timedelta(hours=7)
    listing = cli_for(conf, "slots", "list", "--all").output
    assert "Bỏ buổi 01/12/2026 06:00" in listing and "07:00:30" in listing


def test_cancel_override(make_settings, cli_for):
    conf = make_settings()
    assert cli_for(conf, "slots", "extra", "2026-12-02", "07:00").exit_code == 0
    assert cli_for(conf, "slots", "cancel", "1").exit_code == 0
    assert cli_for(conf, "slots", "cancel", "1").exit_code == 1


def test_slots_between_crosses_weeks(make_settings):
    conf = make_settings()
    start = dt.datetime(2026, 12, 4, 0, 0, tzinfo=TZ)
    with db.session_scope(conf.database_url) as session:
        found = slots_between(session, conf, start, start + dt.timedelta(days=5))
    assert [s.at.day for s in found] == [4, 8]


@pytest.mark.parametrize("text,minutes", [("30m", 30), ("45", 45), ("1h", 60), ("1h30m", 90)])
def test_parse_minutes(text, minutes):
    assert parse_minutes(text) == minutes


def test_parsing_refusals():
    from broadcaster.errors import ScheduleError

    for bad in ("0m", "3h", "abc"):
        with pytest.raises(ScheduleError):
            parse_minutes(bad)
    with pytest.raises(ScheduleError):
        parse_clock("06:00:05")  # seconds only for one-off extras
    assert parse_clock("6h30") == "06:30" and parse_clock("06:00:05", seconds=True) == "06:00:05"


def test_quiet_hours_wrap_midnight(make_settings):
    schedule = make_settings().schedule
    assert in_quiet_hours(schedule, "21:00") and in_quiet_hours(schedule, "04:59")
    assert not in_quiet_hours(schedule, "05:00", 30) and not in_quiet_hours(schedule, "20:00", 60)
    assert in_quiet_hours(schedule, "20:31", 30)


@pytest.mark.parametrize(
    "args",
    [
        ["slots"],
        ["slots", "list"],
        ["slots", "add"],
        ["slots", "remove"],
        ["slots", "skip"],
        ["slots", "extra"],
        ["slots", "cancel"],
    ],
)
def test_help(make_settings, cli_for, args):
    result = cli_for(make_settings(), *args, "--help")
    assert result.exit_code == 0 and "Cách dùng" in result.output
