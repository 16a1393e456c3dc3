"""The main job end to end with the real espeak-ng and ffmpeg."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select
from week_helpers import SUNDAY_BEFORE

from broadcaster.cli import main
from broadcaster.store import db
from broadcaster.store.models import Announcement, AuditEvent, Program
from broadcaster.timeutil import local


@pytest.fixture(autouse=True)
def before_the_week(clock):
    """The station clock on the Sunday evening before 2026-W49, when the weekly job builds it."""
    clock(SUNDAY_BEFORE)


def probe_seconds(path: Path) -> float:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(out)


def decode_errors(path: Path) -> str:
    return subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-f", "null", "-"], capture_output=True, text=True, check=False
    ).stderr


def test_demo_builds_the_sample_week_and_is_repeatable(cli, project, settings):
    result = cli("demo", "--json")
    data = json.loads(result.stdout)
    assert data["week"] == "2026-W49"
    broadcasts = data["broadcasts"]
    assert len(broadcasts) >= 2
    assert broadcasts[0]["slot"] == "2026-12-01T06:00:00+07:00"
    for b in broadcasts:
        assert b["slot"].endswith("+07:00") and b["items"] > 0
        script, audio = project / b["script"], project / b["audio"]
        assert not Path(b["script"]).is_absolute() and script.read_text(encoding="utf-8").startswith("ĐÀI")
        seconds = probe_seconds(audio)
        assert seconds > 10 and abs(seconds - b["duration_s"]) < 1.5
        assert decode_errors(audio) == ""
    again = json.loads(cli("demo", "--json").stdout)
    for week in (data, again):  # the estimate follows the voice's pace, measured on the first build
        for b in week["broadcasts"]:
            b.pop("estimated_s")
    assert again == data
    with db.session_scope(settings.database_url) as session:
        assert session.scalar(select(func.count()).select_from(Announcement)) == 9
        assert session.scalar(select(func.count()).select_from(Program)) == len(broadcasts)
        actions = [e.action for e in session.scalars(select(AuditEvent))]
    assert actions.count("render") == len(broadcasts)  # the second run reused the audio


def test_every_tthc_and_announcement_of_the_sample_is_placed(cli, project):
    data = cli.json("demo", "--json")
    texts = "\n".join((project / b["script"]).read_text(encoding="utf-8") for b in data["broadcasts"])
    for code in ("1.001193", "1.013124", "2.000815", "1.004873", "1.001612", "1.003596", "2.001009"):
        assert code in texts
    assert "Cảnh báo mưa lớn" in texts and "Tiêm chủng mở rộng" in texts


def test_editing_one_announcement_rebuilds_only_its_programs(cli, project, settings, tmp_path):
    cli("demo")
    (tmp_path / "edit.yaml").write_text(
        "- {id: tb-2026-108, title: Phòng cháy chữa cháy trong mùa khô, category: an ninh, valid_from: 30/11/2026,"
        " valid_until: 06/12/2026, repeat: 1, body: Công an xã đề nghị các hộ kiểm tra hệ thống điện.}\n",
        encoding="utf-8",
    )
    cli("announce", "import", str(tmp_path / "edit.yaml"))
    cli("weekly", "--week", "2026-W49")
    with db.session_scope(settings.database_url) as session:
        renders = session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "render"))
    assert renders == 3  # two at first, then only the program holding the edited item


def test_preview_prints_and_writes_scripts_without_creating_programs(cli, project, settings):
    cli("demo")
    out = cli("preview", "--week", "2026-W49").output
    assert "Thời lượng ước tính" in out and "Đài truyền thanh xã Hòa Phú" in out
    assert sorted(p.name for p in (project / "scripts" / "2026-W49").glob("*.txt")) == [
        "2026-12-01_0600.txt",
        "2026-12-04_1730.txt",
    ]


def test_preview_of_an_empty_week_still_writes_scripts(cli, project):
    out = cli("preview", "--week", "2027-W02").output
    assert "không có thông báo mới" in out


def test_weekly_without_week_prepares_next_iso_week(cli):
    data = cli.json("weekly", "--json")
    assert len(data["broadcasts"]) >= 2 and data["week"].startswith("20")


def test_bad_week_is_a_clear_error(cli):
    result = cli("weekly", "--week", "2026-49", ok=False)
    assert result.exit_code != 0 and "2026-W49" in result.output and "Traceback" not in result.output


def test_host_timezone_does_not_matter(project, monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    import time

    time.tzset()
    try:
        result = CliRunner().invoke(main, ["--config", str(project / "config.yaml"), "preview", "--week", "2026-W49"])
        assert "thứ Ba, ngày 01/12/2026, lúc 06:00" in result.output
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_earlier_airings_count_against_the_repeat(cli, settings, tmp_path):
    (tmp_path / "a.yaml").write_text(
        "- {title: Đăng ký khám nghĩa vụ quân sự, body: Công dân nam sinh năm 2008 đăng ký tại Ban Chỉ huy Quân sự xã.,"
        " valid_from: 02/03/2026, valid_until: 15/03/2026, repeat: 3}\n",
        encoding="utf-8",
    )
    cli("announce", "import", str(tmp_path / "a.yaml"))
    cli("weekly", "--week", "2026-W10", "--past")  # both slots in the past
    with db.session_scope(settings.database_url) as session:
        for program in session.scalars(select(Program).where(Program.week == "2026-W10")):
            program.status = "aired" if local(program.slot_at).weekday() == 1 else "approved"  # Friday's never aired
    data = cli.json("weekly", "--week", "2026-W11", "--past", "--json")
    assert [b["items"] for b in data["broadcasts"]] == [1, 1]  # 3 owed - 1 aired = 2
    with db.session_scope(settings.database_url) as session:
        for program in session.scalars(select(Program).where(Program.week == "2026-W10")):
            program.status = "aired"
    data = cli.json("weekly", "--week", "2026-W11", "--past", "--json")
    assert [b["items"] for b in data["broadcasts"]] == [1, 0]


def test_preview_marks_what_the_voice_cannot_read(cli, project, tmp_path):
    (tmp_path / "a.yaml").write_text(
        "- {title: Lịch trực, body: 'Lịch trực Tết ☎ xem tại bảng tin thôn.', valid_from: 01/12/2026}\n",
        encoding="utf-8",
    )
    cli("announce", "import", str(tmp_path / "a.yaml"))
    out = cli("preview", "--week", "2026-W49").output
    assert "(!) Giọng đọc:" in out and "“☎”" in out
    written = (project / "scripts" / "2026-W49" / "2026-12-01_0600.txt").read_text(encoding="utf-8")
    assert "(!) Giọng đọc:" in written


def test_an_aired_program_keeps_its_script_when_the_week_is_rebuilt(cli, project, settings, tmp_path):
    first = cli.json("demo", "--json")["broadcasts"][0]
    with db.session_scope(settings.database_url) as session:
        program = session.scalar(select(Program).where(Program.week == "2026-W49").order_by(Program.slot_at))
        program.status = "aired"
    (tmp_path / "edit.yaml").write_text(
        "- {id: tb-2026-108, title: Phòng cháy chữa cháy trong mùa khô, category: an ninh, valid_from: 30/11/2026,"
        " valid_until: 06/12/2026, repeat: 1, body: Công an xã đề nghị các hộ kiểm tra hệ thống điện.}\n",
        encoding="utf-8",
    )
    cli("announce", "import", str(tmp_path / "edit.yaml"))
    again = cli.json("weekly", "--week", "2026-W49", "--json")["broadcasts"][0]
    assert again["items"] == first["items"] and again["audio"] == first["audio"]
    script = (project / again["script"]).read_text(encoding="utf-8")
    assert "không để xăng dầu" in script and "Trạng thái: đã phát" in script  # what aired, not the new text
    preview = cli("preview", "--week", "2026-W49").output
    assert "không để xăng dầu" in preview and "Trạng thái: đã phát" in preview
    assert "không để xăng dầu" in (project / again["script"]).read_text(encoding="utf-8")
