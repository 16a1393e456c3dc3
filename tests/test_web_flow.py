"""The web app's long actions with the real espeak-ng and ffmpeg: build a week, edit a segment, an emergency."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import select
from web_helpers import TTHC_ROWS, WEEK, Browser, add_users, cheap_hashes, tthc_csv, web_settings

from broadcaster.store import db
from broadcaster.store.models import AuditEvent, Broadcast, Program, Segment
from broadcaster.web.app import create_app


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    cheap_hashes(monkeypatch)


@pytest.fixture
def conf(make_settings):
    settings = web_settings(make_settings)
    add_users(settings)
    return settings


@pytest.fixture
def app(conf):
    return create_app(conf, key="khoa-thu-nghiem")


def signed_in(app, name: str) -> Browser:
    b = Browser(app)
    assert b.login(name).status_code == 303
    return b


@pytest.fixture
def built(app, conf):
    """The week built through the web page from an uploaded TTHC file: (officer browser, program ids)."""
    officer = signed_in(app, "canbo")
    officer.post("/tthc/upload", {"file": (io.BytesIO(tthc_csv(TTHC_ROWS).encode()), "tthc.csv")},
                 content_type="multipart/form-data")
    response = officer.post(f"/week/{WEEK}/build")
    assert response.status_code == 303 and "job=" in response.location
    job_id = response.location.split("job=")[1]
    app.extensions["broadcaster"].jobs.wait_all(180)
    state = officer.get(f"/jobs/{job_id}").get_json()
    assert state["state"] == "done", state
    assert state["percent"] == 100 and state["next"] == f"/week/{WEEK}?job={job_id}"
    with db.session_scope(conf.database_url) as session:
        ids = list(session.scalars(select(Program.id).where(Program.week == WEEK).order_by(Program.slot_at)))
    return officer, ids, job_id


def test_building_the_week_shows_progress_then_the_cards(app, conf, built):
    officer, ids, job_id = built
    assert len(ids) == 2
    page = officer.get(f"/week/{WEEK}").get_data(as_text=True)
    assert "2</strong> buổi phát trong tuần (tối thiểu 2)" in page
    assert page.count("chưa duyệt") == 2 and "3 tin" in page
    assert "tối đa 30 phút" in page and "<meter" in page
    with db.session_scope(conf.database_url) as session:
        actors = set(session.scalars(select(AuditEvent.actor).where(AuditEvent.action.in_(["weekly_build", "render"]))))
    assert actors == {"canbo"}
    summary = officer.get(f"/week/{WEEK}?job={job_id}").get_data(as_text=True)
    assert "Đã dựng xong 2 buổi phát" in summary and "<progress" in summary


def test_a_second_build_waits_for_the_first(app, conf):
    import threading

    officer, release = signed_in(app, "canbo"), threading.Event()
    jobs = app.extensions["broadcaster"].jobs
    running = jobs.start("build", WEEK, "canbo", lambda job: release.wait(30), steps=2)
    page = officer.get(f"/week/{WEEK}").get_data(as_text=True)
    assert f'data-job="/jobs/{running.id}"' in page and 'data-state="running"' in page and "<progress" in page
    officer.post(f"/week/{WEEK}/build")
    assert "Đang dựng một chương trình khác" in officer.get(f"/week/{WEEK}").get_data(as_text=True)
    release.set()
    jobs.wait_all(10)
    with db.session_scope(conf.database_url) as session:
        assert session.scalar(select(Program)) is None


def test_the_program_page_shows_segments_marks_and_plays(app, conf, built):
    officer, ids, _ = built
    with db.session_scope(conf.database_url) as session:
        segment = session.scalar(select(Segment).where(Segment.program_id == ids[0], Segment.kind == "tthc"))
        segment.text += " Liên hệ số ☎ để biết thêm."           # the normalizer cannot read ☎
    page = officer.get(f"/program/{ids[0]}").get_data(as_text=True)
    assert "Đăng ký khai sinh" in page and f"/audio/program/{ids[0]}.mp3" in page
    assert '<mark title="' in page and "(!) Giọng đọc:" in page
    assert officer.get(f"/audio/program/{ids[0]}.mp3").status_code == 200


def test_a_hand_edit_is_checked_by_the_fact_guard_then_rerendered(app, conf, built):
    officer, ids, _ = built
    with db.session_scope(conf.database_url) as session:
        segment = session.scalar(select(Segment).where(Segment.program_id == ids[0], Segment.kind == "tthc"))
        segment_id, source = segment.id, segment.text
        before = session.get(Program, ids[0]).duration_s
    invented = officer.post(f"/program/{ids[0]}/segment/{segment_id}", {"text": source + " Hạn chót ngày 09/12/2026."})
    assert invented.status_code == 422
    assert "Bản viết lại có thông tin không có trong văn bản gốc: ngày “09/12/2026”" in invented.get_data(as_text=True)
    shorter = source.split("\n\n")[0]
    edited = officer.post(f"/program/{ids[0]}/segment/{segment_id}", {"text": shorter})
    assert edited.status_code == 303, edited.get_data(as_text=True)
    with db.session_scope(conf.database_url) as session:
        program, segment = session.get(Program, ids[0]), session.get(Segment, segment_id)
        assert (segment.text, segment.source_text, segment.rewrite_status) == (shorter, source, "edited")
        assert program.status == "draft" and program.duration_s < before
        assert program.audio_path and segment.audio_path
    page = officer.get(f"/program/{ids[0]}").get_data(as_text=True)
    assert "Sửa tay:" in page and "không thêm, không bỏ dữ kiện" in page and "<del>" in page and "<td>sửa tay</td>" in page
    # the approver approves the edited text, and that text is what the audit trail keeps
    approver = signed_in(app, "lanhdao")
    approver.post(f"/program/{ids[0]}/approve")
    with db.session_scope(conf.database_url) as session:
        assert session.get(Program, ids[0]).status == "rendered"
        kept = session.scalar(select(AuditEvent.detail).where(AuditEvent.action == "approved_text"))
    assert shorter in kept and source not in kept


def test_a_hand_edit_survives_a_rebuild_of_unchanged_data(app, conf, built):
    officer, ids, _ = built
    with db.session_scope(conf.database_url) as session:
        segment = session.scalar(select(Segment).where(Segment.program_id == ids[1], Segment.kind == "tthc"))
        segment_id, shorter = segment.id, segment.text.split("\n\n")[0]
    assert officer.post(f"/program/{ids[1]}/segment/{segment_id}", {"text": shorter}).status_code == 303
    with db.session_scope(conf.database_url) as session:
        audio = session.get(Program, ids[1]).audio_path
    officer.post(f"/week/{WEEK}/build")
    app.extensions["broadcaster"].jobs.wait_all(180)
    with db.session_scope(conf.database_url) as session:
        assert session.get(Segment, segment_id).text == shorter
        assert session.get(Program, ids[1]).audio_path == audio
        renders = list(session.scalars(select(AuditEvent.detail).where(AuditEvent.action == "render",
                                                                        AuditEvent.target == f"program {ids[1]}")
                                       .order_by(AuditEvent.id)))
    assert len(renders) == 2          # the build, then the hand edit's render: the rebuild kept the edited audio
    assert "Sửa tay:" in officer.get(f"/program/{ids[1]}").get_data(as_text=True)


def test_the_approver_approves_and_the_week_says_so(app, conf, built):
    _, ids, _ = built
    approver = signed_in(app, "lanhdao")
    for program_id in ids:
        assert approver.post(f"/program/{program_id}/approve").status_code == 303
    page = approver.get(f"/week/{WEEK}").get_data(as_text=True)
    assert page.count("đã duyệt, sẵn sàng") == 2 and "duyệt: Nguyễn Văn An" in page


def test_an_emergency_is_previewed_confirmed_aired_and_logged(app, conf):
    officer = signed_in(app, "canbo")
    preview = officer.post("/urgent/preview", {"text": "Bão số 9 đổ bộ chiều nay, bà con không ra khơi.",
                                               "repeat": "2"})
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "Xác nhận phát ngay" in page
    assert f"thư mục phát {conf.paths.data / 'playout'}" in page
    token = page.split("/audio/preview/")[1].split(".mp3")[0]
    assert officer.get(f"/audio/preview/{token}.mp3").status_code == 200
    sent = officer.post("/urgent/send", {"text": "Bão số 9 đổ bộ chiều nay, bà con không ra khơi.", "repeat": "2",
                                         "confirm": "1"})
    assert sent.status_code == 303
    app.extensions["broadcaster"].jobs.wait_all(120)
    result = officer.get(sent.location).get_data(as_text=True)
    assert "Đã phát tin khẩn cấp trực tiếp trên: folder." in result
    with db.session_scope(conf.database_url) as session:
        row = session.scalar(select(Broadcast))
        assert (row.priority, row.result, row.approved_by) == ("emergency", "aired", "Trần Thị Bình")
    log = officer.get("/log").get_data(as_text=True)
    assert "khẩn cấp" in log and "đã phát" in log


def test_an_empty_emergency_is_refused_before_anything_airs(app, conf):
    officer = signed_in(app, "canbo")
    refused = officer.post("/urgent/preview", {"text": "   ", "repeat": "1"})
    assert refused.status_code == 422 and "Tin khẩn cấp không có nội dung." in refused.get_data(as_text=True)
    assert officer.post("/urgent/send", {"text": "Bão", "repeat": "1"}).status_code == 400
    with db.session_scope(conf.database_url) as session:
        assert session.scalar(select(Broadcast)) is None
