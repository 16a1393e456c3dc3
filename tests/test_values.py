"""Plain values (Week, SlotTime) parsed once at the edge, and the pure modules that use them without the database."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from broadcaster.errors import BroadcasterError
from broadcaster.timeutil import TZ, UTC, week_or_next
from broadcaster.values import SlotTime, Week

REPO = Path(__file__).resolve().parents[1]


def test_a_week_from_its_label():
    week = Week.parse("2026-W49")
    assert week == Week(2026, 49) and week.label == "2026-W49" and str(week) == "2026-W49"
    assert (week.first, week.last) == (dt.date(2026, 11, 30), dt.date(2026, 12, 6))
    assert week.days() == (
        dt.date(2026, 11, 30),
        dt.date(2026, 12, 1),
        dt.date(2026, 12, 2),
        dt.date(2026, 12, 3),
        dt.date(2026, 12, 4),
        dt.date(2026, 12, 5),
        dt.date(2026, 12, 6),
    )


@pytest.mark.parametrize("text, label", [("2026W49", "2026-W49"), (" 2026-w7 ", "2026-W07"), ("2026-W53", "2026-W53")])
def test_accepted_spellings(text, label):
    assert Week.parse(text).label == label


@pytest.mark.parametrize("text", ["2026-49", "2026-W54", "2025-W53", "2026-W00", "W49", ""])
def test_a_bad_week_says_how_to_write_it(text):
    with pytest.raises(BroadcasterError) as caught:
        Week.parse(text)
    assert f"Tuần “{text}” không hợp lệ." in caught.value.message and "--week 2026-W49" in caught.value.message


def test_week_of_a_day_and_the_next_week_across_the_year():
    assert Week.of(dt.date(2026, 12, 1)) == Week(2026, 49)
    assert Week.of(dt.date(2027, 1, 1)) == Week(2026, 53)  # ISO: 2026 has 53 weeks
    assert Week(2026, 53).next() == Week(2027, 1) and Week(2026, 49).next() == Week(2026, 50)
    with pytest.raises(ValueError):
        Week(2025, 53)


def test_the_edge_parses_or_takes_next_week():
    assert week_or_next("2026-W49") == Week(2026, 49)
    assert week_or_next(None, today=dt.date(2026, 12, 31)) == Week(2027, 1)
    assert week_or_next("", today=dt.date(2026, 11, 30)) == Week(2026, 50)


def test_slot_names_are_in_station_time():
    assert SlotTime(dt.datetime(2026, 12, 1, 6, 0, tzinfo=TZ), 30, 1).name == "2026-12-01_0600"
    assert SlotTime(dt.datetime(2026, 11, 30, 23, 0, tzinfo=UTC), 30, 1).name == "2026-12-01_0600"
    assert SlotTime(dt.datetime(2026, 12, 2, 7, 0, 30, tzinfo=TZ), 10, None).name == "2026-12-02_070030"


def loaded_after(code: str) -> set[str]:
    """Our modules in sys.modules after running `code` in a fresh interpreter."""
    probe = (
        code
        + "\nimport json, sys\nprint(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'broadcaster')))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env).stdout
    return set(json.loads(out))


def test_values_import_nothing_of_ours_but_errors():
    assert loaded_after("import broadcaster.values") == {"broadcaster", "broadcaster.errors", "broadcaster.values"}


def test_planning_needs_only_values():
    assert loaded_after("import broadcaster.production.planning") == {
        "broadcaster",
        "broadcaster.errors",
        "broadcaster.values",
        "broadcaster.production",
        "broadcaster.production.planning",
    }


def test_vi_stays_inside_vi():
    loaded = loaded_after(
        "import pkgutil, importlib, broadcaster.vi\n"
        "for m in pkgutil.iter_modules(broadcaster.vi.__path__):\n"
        "    importlib.import_module('broadcaster.vi.' + m.name)"
    )
    assert {"broadcaster.vi.normalize", "broadcaster.vi.numbers"} <= loaded
    assert {m for m in loaded if m != "broadcaster" and not m.startswith("broadcaster.vi")} == set()
