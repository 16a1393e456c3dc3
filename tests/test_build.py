"""The weekly build, straight: who ran it is in the audit trail, no session is open while the audio
is made, and every piece lands on the segment it speaks (by position)."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from pathlib import Path

import pytest
from audio_helpers import make_settings as audio_settings
from sqlalchemy import select
from week_helpers import SUNDAY_BEFORE

from broadcaster import audio
from broadcaster.audio import RenderResult, SegmentAudio
from broadcaster.intake import catalog
from broadcaster.onair import jobs
from broadcaster.production import build, recording
from broadcaster.production.programs import SlotScript
from broadcaster.production.script.compose import SegmentText
from broadcaster.store import db
from broadcaster.store.models import AuditEvent, Program, Segment
from broadcaster.timeutil import TZ
from broadcaster.values import SlotTime, Week

W49 = Week(2026, 49)
TUE = dt.datetime(2026, 12, 1, 6, 0, tzinfo=TZ)


@pytest.fixture(autouse=True)
def before_the_week(clock):
    """The station clock on the Sunday evening before 2026-W49, when the weekly job builds it."""
    clock(SUNDAY_BEFORE)


@pytest.fixture
def fake_render(monkeypatch):
    """audio.render_program replaced by a fake that notes the texts and how many sessions were open;
    the piece of text number i is /pieces/i.mp3, lasting one second per word."""
    calls: list[tuple[list[str], int]] = []
    open_sessions = 0
    real_scope = db.session_scope

    @contextmanager
    def counting_scope(url):
        nonlocal open_sessions
        open_sessions += 1
        try:
            with real_scope(url) as session:
                yield session
        finally:
            open_sessions -= 1

    def fake(texts, out_mp3, settings, **options):
        calls.append((list(texts), open_sessions))
        positions = tuple(i for i, text in enumerate(texts) if text.strip())
        pieces = tuple(
            SegmentAudio(Path(f"/pieces/{i}.mp3"), "espeak", float(len(texts[i].split())), False, -16.0, -1.0)
            for i in positions
        )
        return RenderResult(out_mp3, 60.0, pieces, -16.0, -1.0, positions)

    monkeypatch.setattr(db, "session_scope", counting_scope)
    monkeypatch.setattr(audio, "render_program", fake)
    return calls


def sample(settings) -> None:
    announcements, tthc = build.sample_files()
    catalog.import_announcements(settings, announcements, actor="test")
    catalog.import_tthc(settings, tthc, actor="test")


def actors(settings, *actions: str) -> dict[str, set[str]]:
    with db.session_scope(settings.database_url) as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.action.in_(actions)))
        found: dict[str, set[str]] = {}
        for row in rows:
            found.setdefault(row.action, set()).add(row.actor)
        return found


def test_the_cli_build_is_audited_under_the_users_name(cli, settings, fake_render, monkeypatch):
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(name, "canbo-xa")
    sample(settings)
    cli("weekly", "--week", "2026-W49")
    assert actors(settings, "weekly_build", "render") == {"weekly_build": {"canbo-xa"}, "render": {"canbo-xa"}}


def test_demo_and_scheduler_builds_say_so(settings, fake_render):
    build.demo(settings)
    assert actors(settings, "weekly_build", "render") == {"weekly_build": {"demo"}, "render": {"demo"}}
    jobs.weekly_job(str(settings.source), "2026-W50")
    assert actors(settings, "weekly_build") == {"weekly_build": {"demo", "scheduler"}}


def test_no_session_is_open_while_the_audio_is_made(settings, fake_render):
    sample(settings)
    result = build.weekly(settings, W49, actor="test")
    assert len(fake_render) == len(result.broadcasts) == 2
    assert [open_sessions for _, open_sessions in fake_render] == [0, 0]


def test_every_piece_lands_on_its_own_segment(settings, fake_render):
    sample(settings)
    build.weekly(settings, W49, actor="test")
    with db.session_scope(settings.database_url) as session:
        segments = list(session.scalars(select(Segment).order_by(Segment.program_id, Segment.position)))
        assert segments and all(s.audio_path == f"/pieces/{s.position}.mp3" for s in segments)
        assert all(s.duration_s == len(s.spoken.split()) for s in segments)


def stored_program(settings, texts: list[str], status: str = "approved") -> int:
    with db.session_scope(settings.database_url) as session:
        program = Program(
            week=W49.label,
            slot_at=TUE,
            max_minutes=30,
            status=status,
            content_hash="abc",
            segments=[Segment(position=n, kind="announcement", text=t) for n, t in enumerate(texts)],
        )
        session.add(program)
        session.flush()
        return program.id


def job_for(settings, program_id: int) -> recording.RenderJob:
    with db.session_scope(settings.database_url) as session:
        program = session.get(Program, program_id)
        script = SlotScript(
            SlotTime(TUE, 30, None), tuple(SegmentText(s.kind, None, "", s.text) for s in program.segments), 10.0, ()
        )
        return recording.RenderJob.of(program, script, W49)


def test_a_blank_segment_gets_no_piece_and_shifts_none(settings, fake_render):
    program_id = stored_program(settings, ["Kính chào bà con.", "   ", "Họp lúc 19h00 ngày 02/12/2026."])
    result = recording.render(settings, job_for(settings, program_id), actor="Nguyễn Văn A")
    assert (result.rendered, result.status) == (2, "rendered")
    with db.session_scope(settings.database_url) as session:
        rows = [(s.position, s.spoken, s.audio_path) for s in session.get(Program, program_id).segments]
    assert rows == [
        (0, "Kính chào bà con.", "/pieces/0.mp3"),
        (1, None, None),
        (2, "Họp lúc mười chín giờ ngày hai tháng mười hai năm hai nghìn hai mươi sáu.", "/pieces/2.mp3"),
    ]
    assert actors(settings, "render", "program_rendered") == {
        "render": {"Nguyễn Văn A"},
        "program_rendered": {"Nguyễn Văn A"},
    }


def test_a_program_rebuilt_during_the_render_keeps_its_own_state(settings, fake_render):
    program_id = stored_program(settings, ["Kính chào bà con."])
    job = job_for(settings, program_id)
    with db.session_scope(settings.database_url) as session:
        session.get(Program, program_id).content_hash = "changed by another build"
    result = recording.render(settings, job, actor="test")
    assert (result.audio, result.status) == (None, "approved")
    with db.session_scope(settings.database_url) as session:
        program = session.get(Program, program_id)
        assert (program.audio_path, program.segments[0].audio_path) == (None, None)


def test_render_program_says_which_text_each_piece_speaks(tmp_path):
    settings = audio_settings(tmp_path)
    result = audio.render_program(
        ["Kính chào bà con.", " ", "Xin cảm ơn bà con đã lắng nghe."], tmp_path / "p.mp3", settings
    )
    assert result.positions == (0, 2) and sorted(result.by_position()) == [0, 2]
