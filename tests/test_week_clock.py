"""Planning respects the station clock: nothing goes into a broadcast whose time has passed; an item
that cannot reach a broadcast before it expires is reported at once, with what the officer can do."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from week_helpers import SUNDAY_BEFORE, TUESDAY_AFTERNOON

from broadcaster.store import db
from broadcaster.store.models import Program
from broadcaster.timeutil import TZ

TUE, FRI = "2026-12-01T06:00:00+07:00", "2026-12-04T17:30:00+07:00"


def scripts(project, data) -> dict[str, str]:
    return {b["slot"]: (project / b["script"]).read_text(encoding="utf-8") for b in data["broadcasts"]}


def tuesday(settings) -> tuple:
    with db.session_scope(settings.database_url) as session:
        return tuple(
            session.execute(
                select(Program.id, Program.content_hash, Program.status, Program.estimated_s).where(
                    Program.slot_at == dt.datetime(2026, 12, 1, 6, tzinfo=TZ)
                )
            ).one()
        )


def test_an_item_for_today_goes_to_the_next_broadcast_still_ahead(cli, project, clock, fake_voice):
    clock(TUESDAY_AFTERNOON)
    cli(
        "announce",
        "add",
        "--title",
        "Họp thôn 3",
        "--body",
        "Mời bà con thôn 3 họp lúc 19h00 ngày 04/12/2026 tại nhà văn hóa.",
        "--from",
        "01/12/2026",
        "--until",
        "04/12/2026",
        "--repeat",
        "1",
    )
    data = cli.json("weekly", "--week", "2026-W49", "--json")
    assert data["passed"] == [TUE]  # passed before anything was built for it: no program
    assert list(scripts(project, data)) == [FRI]
    assert "Họp thôn 3" in scripts(project, data)[FRI]


def test_an_item_that_expires_before_any_broadcast_ahead_is_reported_at_once(cli, clock, fake_voice):
    clock(TUESDAY_AFTERNOON)
    added = cli(
        "announce",
        "add",
        "--title",
        "Cắt nước chiều nay",
        "--body",
        "Nhà máy nước cắt nước thôn 1 từ 16h00 đến 18h00 ngày 01/12/2026.",
        "--from",
        "01/12/2026",
    )
    assert "“Cắt nước chiều nay”" in added.output and "không còn buổi phát nào" in added.output
    assert "broadcaster slots extra 2026-12-01 15:30" in added.output and "broadcaster urgent" in added.output
    data = cli.json("weekly", "--week", "2026-W49", "--json")
    [warning] = [w for w in data["warnings"] if w["kind"] == "no_broadcast"]
    assert warning["title"] == "Cắt nước chiều nay" and "slots extra 2026-12-01" in warning["message"]
    text = cli("weekly", "--week", "2026-W49").output
    assert "“Cắt nước chiều nay”" in text and "broadcaster urgent" in text


def test_a_passed_broadcast_keeps_its_program_and_what_it_never_aired_is_placed_again(
    cli, project, settings, clock, fake_voice
):
    clock(SUNDAY_BEFORE)
    cli("demo")
    first = scripts(project, cli.json("weekly", "--week", "2026-W49", "--json"))
    assert "Phòng cháy chữa cháy" in first[TUE] and "Phòng cháy chữa cháy" not in first[FRI]  # repeat: 1
    before = tuesday(settings)
    clock(TUESDAY_AFTERNOON)
    again = cli.json("weekly", "--week", "2026-W49", "--json")
    later = scripts(project, again)
    assert later[TUE] == first[TUE]  # the passed program is what it was
    assert "Phòng cháy chữa cháy" in later[FRI]  # it never aired (a draft): placed again, ahead
    assert tuesday(settings) == before


def test_a_past_week_is_built_only_with_past(cli, clock, fake_voice):
    clock(TUESDAY_AFTERNOON)
    refused = cli("weekly", "--week", "2026-W48", ok=False)
    assert refused.exit_code == 1 and "--past" in refused.output and "Traceback" not in refused.output
    data = cli.json("weekly", "--week", "2026-W48", "--past", "--json")
    assert len(data["broadcasts"]) == 2 and data["passed"] == []


def test_a_past_extra_broadcast_needs_past(cli, clock):
    clock(TUESDAY_AFTERNOON)
    refused = cli("slots", "extra", "2026-11-30", "17:00", ok=False)
    assert refused.exit_code == 1 and "--past" in refused.output and "đã qua" in refused.output
    cli("slots", "extra", "2026-11-30", "17:00", "--past")
    assert "30/11/2026 17:00" in cli("slots", "list", "--all").output


@pytest.mark.parametrize("command", ["weekly", "preview"])
@pytest.mark.parametrize("week", ["9999-W52", "0001-W01"])
def test_a_week_out_of_range_is_a_clear_error(cli, command, week):
    result = cli(command, "--week", week, ok=False)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "Tuần “" in result.output and "nằm ngoài khoảng dựng được (năm 2000–2199)" in result.output


def test_a_skipped_broadcast_loses_its_program_and_its_files(cli, project, settings, clock, fake_voice):
    clock(SUNDAY_BEFORE)
    cli("demo")
    cli("slots", "extra", "2026-12-02", "17:00", "--max", "15m")
    data = cli.json("weekly", "--week", "2026-W49", "--json")
    extra = next(b for b in data["broadcasts"] if b["slot"].startswith("2026-12-02"))
    assert (project / extra["script"]).is_file() and (project / extra["audio"]).is_file()
    override = next(line for line in cli("slots", "list").output.splitlines() if "02/12/2026" in line)
    cli("slots", "cancel", override.split("(")[1].split(")")[0])
    again = cli.json("weekly", "--week", "2026-W49", "--json")
    assert [b["slot"] for b in again["broadcasts"]] == [TUE, FRI]
    assert not (project / extra["script"]).exists() and not (project / extra["audio"]).exists()
