"""Approval applies to the text that was approved, and `weekly` says when a program goes back to draft;
the same text under two ids airs once and the merge is named."""

from __future__ import annotations

from sqlalchemy import select
from week_helpers import SUNDAY_BEFORE, announcement, write_yaml

from broadcaster.store import db
from broadcaster.store.models import Program
from broadcaster.timeutil import local

TUE, FRI = "2026-12-01T06:00:00+07:00", "2026-12-04T17:30:00+07:00"
FIRE = {
    "id": "tb-2026-108",
    "title": "Phòng cháy chữa cháy trong mùa khô",
    "category": "an ninh",
    "valid_from": "30/11/2026",
    "valid_until": "06/12/2026",
    "repeat": 1,
    "body": "Công an xã đề nghị các hộ kiểm tra hệ thống điện trước ngày 05/12/2026.",
}


def statuses(settings) -> dict[str, str]:
    with db.session_scope(settings.database_url) as session:
        return {f"{local(p.slot_at):%a}": p.status for p in session.scalars(select(Program).order_by(Program.slot_at))}


def approved_demo(cli, clock) -> None:
    clock(SUNDAY_BEFORE)
    cli("demo")
    cli("approve", "--week", "2026-W49", "--by", "Nguyễn Văn A")


def test_a_changed_item_sends_its_approved_program_back_to_draft_and_weekly_says_so(
    cli, settings, tmp_path, clock, fake_voice
):
    approved_demo(cli, clock)
    assert statuses(settings) == {"Tue": "rendered", "Fri": "rendered"}
    cli("announce", "import", str(write_yaml(tmp_path / "edit.yaml", [FIRE])))
    data = cli.json("weekly", "--week", "2026-W49", "--json")
    [warning] = [w for w in data["warnings"] if w["kind"] == "draft_again"]
    assert warning["slot"] == TUE and warning["approved_by"] == "Nguyễn Văn A"
    assert warning["items"] == ["Phòng cháy chữa cháy trong mùa khô"]
    assert "approve --week 2026-W49 --slot 2026-12-01_0600" in warning["message"]
    assert statuses(settings) == {"Tue": "draft", "Fri": "rendered"}
    cli("approve", "--week", "2026-W49", "--by", "Nguyễn Văn A")
    cli("announce", "import", str(write_yaml(tmp_path / "edit.yaml", [{**FIRE, "body": FIRE["body"] + " Cảm ơn."}])))
    out = cli("weekly", "--week", "2026-W49").output
    assert "trở lại bản nháp" in out and "“Phòng cháy chữa cháy trong mùa khô”" in out and "Nguyễn Văn A" in out


def test_a_new_item_does_not_undo_an_approval_unless_the_officer_rebuilds(
    cli, project, settings, tmp_path, clock, fake_voice
):
    approved_demo(cli, clock)
    cli(
        "announce",
        "import",
        str(
            write_yaml(
                tmp_path / "new.yaml",
                [announcement("tb-new", "Thu gom rác thải", "Xe thu gom rác đến thôn 4 lúc 7h30 ngày 04/12/2026.")],
            )
        ),
    )
    data = cli.json("weekly", "--week", "2026-W49", "--json")
    assert statuses(settings) == {"Tue": "rendered", "Fri": "rendered"}
    [warning] = [w for w in data["warnings"] if w["title"] == "Thu gom rác thải"]
    assert warning["kind"] == "short" and "--rebuild" in warning["message"]
    data = cli.json("weekly", "--week", "2026-W49", "--rebuild", "fri", "--json")
    assert statuses(settings) == {"Tue": "rendered", "Fri": "draft"}
    fri = next(b for b in data["broadcasts"] if b["slot"] == FRI)
    assert "Thu gom rác thải" in (project / fri["script"]).read_text(encoding="utf-8")
    [reset] = [w for w in data["warnings"] if w["kind"] == "draft_again"]
    assert reset["slot"] == FRI and reset["items"] == ["Thu gom rác thải"]


def test_the_same_text_under_two_ids_airs_once_and_the_merge_is_named(cli, project, tmp_path, clock, fake_voice):
    clock(SUNDAY_BEFORE)
    first = write_yaml(
        tmp_path / "a.yaml",
        [
            announcement("tb-1", "Họp thôn 2", "Họp dân thôn 2 lúc 19h00 ngày 02/12/2026 tại nhà văn hóa.", repeat=2),
            announcement(
                "tb-2", "Thông báo họp thôn 2", "Họp dân thôn 2 lúc 19 giờ ngày 2/12/2026 tại nhà văn hóa.", repeat=2
            ),
        ],
    )
    imported = cli("announce", "import", str(first))
    assert "trùng nội dung" in imported.output and "tb-1" in imported.output and "tb-2" in imported.output
    later = write_yaml(
        tmp_path / "b.yaml",
        [announcement("tb-3", "Họp thôn 2 (nhắc lại)", "Họp dân thôn 2 lúc 19h00 ngày 02/12/2026 tại nhà văn hóa.")],
    )
    again = cli("announce", "import", str(later))
    assert "trùng nội dung" in again.output and "tb-3" in again.output and "tb-1" in again.output
    data = cli.json("weekly", "--week", "2026-W49", "--json")
    for b in data["broadcasts"]:
        text = (project / b["script"]).read_text(encoding="utf-8")
        assert text.count("Họp dân thôn 2 lúc") == 1, text
    [merged] = [w for w in data["warnings"] if w["kind"] == "merged"]
    assert merged["ids"] == ["tb-1", "tb-2", "tb-3"] and "tb-2" in merged["message"]
