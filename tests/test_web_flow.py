"""The web app's long actions with the real espeak-ng and ffmpeg: build a week, edit a segment, an emergency.

The station clock is pinned (week_helpers.clock): planning leaves alone a broadcast whose time has passed,
so the week 2026-W49 is built as on the Sunday before it, whatever today is. The build summary's warnings
are checked with the fake voice of week_helpers (the words spoken do not matter there).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
import yaml
from sqlalchemy import select
from web_helpers import TTHC_ROWS, WEEK, Browser, add_users, cheap_hashes, tthc_csv, web_settings
from week_helpers import SUNDAY_BEFORE, TUESDAY_AFTERNOON, announcement

from broadcaster.store import db
from broadcaster.store.models import AuditEvent, Broadcast, Program, Segment, TthcChange
from broadcaster.timeutil import local
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


def without_code(text: str) -> str:
    """A shorter hand edit the fact guard accepts: the procedure's code, which means nothing read aloud, left
    out. (Dropping the last paragraph is refused: it holds where to go, and for a free procedure, that it is free.)"""
    shorter = re.sub(r",? mã số [0-9.]+", "", text, count=1)
    assert shorter != text
    return shorter


def upload(b: Browser, url: str, name: str, data: bytes):
    return b.post(url, {"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def build(app, officer: Browser) -> str:
    """Start the week's build on its page, wait for it; the job id."""
    response = officer.post(f"/week/{WEEK}/build")
    assert response.status_code == 303 and "job=" in response.location
    job_id = response.location.split("job=")[1]
    app.extensions["broadcaster"].jobs.wait_all(180)
    state = officer.get(f"/jobs/{job_id}").get_json()
    assert state["state"] == "done", state
    assert state["percent"] == 100 and state["next"] == f"/week/{WEEK}?job={job_id}"
    return job_id


def summary(officer: Browser, job_id: str) -> str:
    """The build's section of the week page."""
    page = officer.get(f"/week/{WEEK}?job={job_id}").get_data(as_text=True)
    return page.split('<section class="job')[1].split("</section>")[0]


@pytest.fixture
def built(app, conf, clock):
    """The week built through the web page from an uploaded TTHC file on the Sunday before it:
    (officer browser, program ids, job id)."""
    clock(SUNDAY_BEFORE)
    officer = signed_in(app, "canbo")
    upload(officer, "/tthc/upload", "tthc.csv", tthc_csv(TTHC_ROWS).encode())
    job_id = build(app, officer)
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
    done = summary(officer, job_id)
    assert "Đã dựng xong 2 buổi phát" in done and "<progress" in done
    assert "Cảnh báo" not in done and "đã qua giờ phát" not in done  # both broadcasts ahead, every item placed


def test_a_build_after_a_broadcast_has_passed_says_so_and_shows_the_warnings(app, conf, clock, fake_voice):
    """On Tuesday afternoon Tuesday's 06:00 is past: it is not built and the summary says so; the same text
    under two ids is read once, and an item owed three airings has one broadcast left (Friday 17:30)."""
    clock(TUESDAY_AFTERNOON)
    officer = signed_in(app, "canbo")
    body = "Mời bà con thôn 2 đến nhà văn hóa họp bàn việc làm đường lúc 19 giờ ngày 03/12/2026."
    rabies = "Trạm thú y tiêm phòng dại cho chó mèo tại nhà văn hóa các thôn, bà con đưa chó mèo đến tiêm."
    items = [
        announcement("hop-1", "Họp thôn 2", body),
        announcement("hop-2", "Họp thôn 2 (gửi lại)", body),
        announcement("tiem", "Tiêm phòng dại", rabies, repeat=3),
    ]
    upload(officer, "/announcements/upload", "thong-bao.yaml", yaml.safe_dump(items, allow_unicode=True).encode())
    done = summary(officer, build(app, officer))
    assert "Đã dựng xong 1 buổi phát" in done
    assert "Buổi phát thứ Ba 01/12/2026 06:00 đã qua giờ phát: không dựng, không nhận thêm tin." in done
    assert (
        "Cảnh báo: Tin trùng nội dung được gộp, mỗi buổi phát chỉ đọc một lần: hop-1 (“Họp thôn 2”), "
        "hop-2 (“Họp thôn 2 (gửi lại)”); giữ hop-1."
    ) in done
    assert "Cảnh báo: “Tiêm phòng dại” còn thiếu 2 lần phát trước khi hết hạn 06/12/2026" in done
    with db.session_scope(conf.database_url) as session:
        [program] = session.scalars(select(Program).where(Program.week == WEEK))
        assert local(program.slot_at).strftime("%a %H:%M") == "Fri 17:30"
        assert [s.ref_id is not None for s in program.segments].count(True) == 2  # the meeting once, rabies


def test_a_rebuild_says_which_approved_program_went_back_to_draft(app, conf, clock, fake_voice):
    clock(SUNDAY_BEFORE)
    officer = signed_in(app, "canbo")
    assert "<h1>Tuần 2026-W48 <small>" in officer.get("/").get_data(as_text=True)  # the pages read the station clock
    upload(officer, "/tthc/upload", "tthc.csv", tthc_csv(TTHC_ROWS).encode())
    build(app, officer)
    approver = signed_in(app, "lanhdao")
    with db.session_scope(conf.database_url) as session:
        ids = list(session.scalars(select(Program.id).where(Program.week == WEEK).order_by(Program.slot_at)))
        tthc = session.scalar(select(TthcChange).where(TthcChange.code == "1.001193"))
        tthc_id = tthc.id
        form = {f: getattr(tthc, f) or "" for f in ("code", "name", "field", "change_type", "decision")}
        form["effective_date"] = tthc.effective_date.isoformat()
    for program_id in ids:
        assert approver.post(f"/program/{program_id}/approve").status_code == 303
    assert officer.post(f"/tthc/{tthc_id}", {**form, "fee": "10.000 đồng"}).status_code == 303
    done = summary(officer, build(app, officer))
    assert (
        "do Nguyễn Văn An đã duyệt nay trở lại bản nháp vì nội dung thay đổi: “TTHC 1.001193: Đăng ký khai "
        "sinh” (sửa nội dung). Chưa duyệt lại thì buổi này bị chặn, không phát."
    ) in done
    with db.session_scope(conf.database_url) as session:
        statuses = {p.id: p.status for p in session.scalars(select(Program).where(Program.week == WEEK))}
        reading = [
            p.id
            for p in session.scalars(select(Program).where(Program.week == WEEK))
            if any(s.kind == "tthc" and s.ref_id == tthc_id for s in p.segments)
        ]
    assert reading and all(statuses[i] == "draft" for i in reading)
    assert all(status == "rendered" for i, status in statuses.items() if i not in reading)


def test_the_summary_names_a_carried_item_by_its_broadcast_and_keeps_every_notice():
    """Planning's carried items are named by the broadcast they left (not its file name); each notice the build
    made (here an overrun's move) follows as it is, as `broadcaster weekly` prints them."""
    from broadcaster.production.build import WeekResult
    from broadcaster.production.notices import Notice
    from broadcaster.production.recording import BroadcastResult
    from broadcaster.timeutil import TZ
    from broadcaster.values import SlotTime, Week
    from broadcaster.web.week import _summary

    tue, fri = dt.datetime(2026, 12, 1, 6, 0, tzinfo=TZ), dt.datetime(2026, 12, 4, 17, 30, tzinfo=TZ)
    moved = Notice("moved", "“Họp thôn 2” chuyển khỏi buổi 01/12/2026 06:00 sang buổi 04/12/2026 17:30: …")
    result = WeekResult(
        Week(2026, 49),
        (BroadcastResult(fri, Path("f.txt"), None, None, 600.0, 4, "draft"),),
        carried=(("2026-12-04_1730", "Tiêm phòng dại"),),
        unplaced=(("Tiêm phòng dại", 1),),
        notices=(moved,),
        passed=(SlotTime(tue, 30, 1),),
    )
    summary = _summary(result)
    assert summary["notes"] == ["Buổi phát thứ Ba 01/12/2026 06:00 đã qua giờ phát: không dựng, không nhận thêm tin."]
    assert summary["warnings"] == [
        "Chuyển sang buổi sau (hết thời lượng buổi thứ Sáu 04/12/2026 17:30): Tiêm phòng dại",
        moved.message,
    ]  # unplaced items come as notices ("short") of their own


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
        segment.text += " Liên hệ số ☎ để biết thêm."  # the normalizer cannot read ☎
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
    shorter = without_code(source)
    edited = officer.post(f"/program/{ids[0]}/segment/{segment_id}", {"text": shorter})
    assert edited.status_code == 303, edited.get_data(as_text=True)
    with db.session_scope(conf.database_url) as session:
        program, segment = session.get(Program, ids[0]), session.get(Segment, segment_id)
        assert (segment.text, segment.source_text, segment.rewrite_status) == (shorter, source, "edited")
        assert program.status == "draft" and program.duration_s < before
        assert program.audio_path and segment.audio_path
    page = officer.get(f"/program/{ids[0]}").get_data(as_text=True)
    assert (
        "Sửa tay:" in page and "không thêm, không bỏ dữ kiện" in page and "<del>" in page and "<td>sửa tay</td>" in page
    )
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
        segment_id, shorter = segment.id, without_code(segment.text)
    assert officer.post(f"/program/{ids[1]}/segment/{segment_id}", {"text": shorter}).status_code == 303
    with db.session_scope(conf.database_url) as session:
        audio = session.get(Program, ids[1]).audio_path
    officer.post(f"/week/{WEEK}/build")
    app.extensions["broadcaster"].jobs.wait_all(180)
    with db.session_scope(conf.database_url) as session:
        assert session.get(Segment, segment_id).text == shorter
        assert session.get(Program, ids[1]).audio_path == audio
        renders = list(
            session.scalars(
                select(AuditEvent.detail)
                .where(AuditEvent.action == "render", AuditEvent.target == f"program {ids[1]}")
                .order_by(AuditEvent.id)
            )
        )
    assert len(renders) == 2  # the build, then the hand edit's render: the rebuild kept the edited audio
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
    preview = officer.post(
        "/urgent/preview", {"text": "Bão số 9 đổ bộ chiều nay, bà con không ra khơi.", "repeat": "2"}
    )
    page = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "Xác nhận phát ngay" in page
    assert f"thư mục phát {conf.paths.data / 'playout'}" in page
    token = page.split("/audio/preview/")[1].split(".mp3")[0]
    assert officer.get(f"/audio/preview/{token}.mp3").status_code == 200
    sent = officer.post(
        "/urgent/send", {"text": "Bão số 9 đổ bộ chiều nay, bà con không ra khơi.", "repeat": "2", "confirm": "1"}
    )
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
