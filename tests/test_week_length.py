"""Durations come from the spoken text at the voice's measured pace; a program that still runs over
moves its last items to the next broadcast, so a busy week always airs and says what moved."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml
from week_helpers import SUNDAY_BEFORE, announcement, write_yaml

from broadcaster.production.pace import Pace, fit
from broadcaster.production.planning import estimate_seconds

TUE, FRI = "2026-12-01T06:00:00+07:00", "2026-12-04T17:30:00+07:00"


def test_the_estimate_counts_the_words_the_voice_will_say():
    pace = Pace.from_words_per_minute(60)  # one second a word
    # Written: 6 words. Spoken: "Gọi không chín không năm, một hai ba, bốn năm sáu trước ngày năm tháng
    # mười hai năm hai nghìn hai mươi sáu." — 23 words.
    assert estimate_seconds("Gọi 0905 123 456 trước ngày 05/12/2026.", pace) == 23.0
    # "phí một triệu hai trăm năm mươi nghìn đồng" — 9 words, and 0.7 s of pause after the item
    assert estimate_seconds("phí 1.250.000 đồng", pace, pause_ms=700) == 9.7


def test_the_pace_is_measured_on_rendered_segments():
    # A voice that says a word in 0.5 s, pauses 0.3 s at each comma or full stop, and adds 0.8 s a piece.
    samples = [
        (" ".join(["một"] * n) + ", hai." * k, 0.5 * (n + k) + 0.3 * 2 * k + 0.8)
        for n in range(5, 45)
        for k in (0, 1, 3)
    ]
    pace = fit(samples)
    assert pace.per_word == pytest.approx(0.5, abs=0.01)
    assert pace.per_break == pytest.approx(0.3, abs=0.01)
    assert pace.per_segment == pytest.approx(0.8, abs=0.05)
    assert pace.measured_on == len(samples)
    assert fit(samples[:5]) is None  # too little to measure: the configured pace is used


def busy_commune(project: Path, tmp_path: Path, minutes: int, words_per_minute: int, count: int) -> Path:
    config = project / "config.yaml"
    raw = yaml.safe_load(config.read_text(encoding="utf-8"))
    raw["slots"] = [
        {"day": "tue", "time": "06:00", "max_minutes": minutes},
        {"day": "fri", "time": "17:30", "max_minutes": minutes},
    ]
    raw["planning"]["words_per_minute"] = words_per_minute
    config.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    items = [
        announcement(
            f"tb-{n}",
            f"Họp thôn {n}",
            f"Thôn {n} họp lúc 19h00 ngày 03/12/2026 tại nhà văn hóa, "
            f"mức đóng góp 150.000 đồng mỗi hộ; liên hệ trưởng thôn qua số 0905 123 4{n:02d}.",
        )
        for n in range(1, count + 1)
    ]
    return write_yaml(tmp_path / "busy.yaml", items)


def test_a_busy_week_always_airs_and_what_moved_is_listed(cli, project, tmp_path, clock, fake_voice):
    """The configured pace (300 words a minute) is twice the voice's (150): every estimate is half
    the real length, so Tuesday is planned far too full."""
    clock(SUNDAY_BEFORE)
    cli("announce", "import", str(busy_commune(project, tmp_path, 5, 300, 20)))
    data = cli.json("weekly", "--week", "2026-W49", "--json")
    assert [b["slot"] for b in data["broadcasts"]] == [TUE, FRI]
    assert all(b["audio"] and b["duration_s"] <= 300 for b in data["broadcasts"])
    moved = [w for w in data["warnings"] if w["kind"] == "moved"]
    assert moved and all(w["to"] == FRI and w["slot"] == TUE for w in moved)
    texts = {b["slot"]: (project / b["script"]).read_text(encoding="utf-8") for b in data["broadcasts"]}
    for warning in moved:
        assert f"Họp thôn {warning['title'].split()[-1]}." in texts[FRI]
        assert warning["title"] + "." not in texts[TUE]
    assert sum(b["items"] for b in data["broadcasts"]) == 20  # every item airs once
    assert not [w for w in data["warnings"] if w["kind"] == "short"]
    again = cli.json("weekly", "--week", "2026-W49", "--json")  # nothing changed: nothing moves
    assert not [w for w in again["warnings"] if w["kind"] == "moved"]
    assert all(b["duration_s"] <= 300 for b in again["broadcasts"])


def test_once_measured_the_estimate_is_close_to_the_rendered_length(cli, project, tmp_path, clock, fake_voice):
    clock(SUNDAY_BEFORE)
    cli("announce", "import", str(busy_commune(project, tmp_path, 5, 300, 20)))
    cli("weekly", "--week", "2026-W49")  # the first build measures the voice
    cli(
        "announce",
        "import",
        str(
            write_yaml(
                tmp_path / "one.yaml",
                [
                    announcement(
                        "tb-99", "Thu gom rác", "Xe thu gom rác đến thôn 4 lúc 7h30 ngày 02/12/2026, phí 20.000 đồng."
                    )
                ],
            )
        ),
    )
    data = cli.json("weekly", "--week", "2026-W49", "--json")
    assert not [w for w in data["warnings"] if w["kind"] == "moved"]
    for b in data["broadcasts"]:
        assert b["estimated_s"] == pytest.approx(b["duration_s"], rel=0.05)


def probe_seconds(path: Path) -> float:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(out)


def test_a_busy_week_with_the_real_voice_fits_its_slots(cli, project, tmp_path, clock):
    """espeak-ng reads far slower than the 400 words a minute configured here."""
    clock(SUNDAY_BEFORE)
    cli("announce", "import", str(busy_commune(project, tmp_path, 2, 400, 8)))
    data = cli.json("weekly", "--week", "2026-W49", "--json")
    assert [w for w in data["warnings"] if w["kind"] == "moved"]
    for b in data["broadcasts"]:
        assert b["audio"] and probe_seconds(project / b["audio"]) <= 120
