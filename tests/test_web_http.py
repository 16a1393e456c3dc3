"""The web app over HTTP (Flask's test client): sign-in, CSRF, roles, escaping, uploads, audio, headers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import time

import pytest
import yaml
from sqlalchemy import select
from web_helpers import (
    PASSWORD,
    TTHC_BAD_ROWS,
    TTHC_ROWS,
    Browser,
    LiveServer,
    add_users,
    cheap_hashes,
    tthc_csv,
    web_settings,
)
from week_helpers import SUNDAY_BEFORE, announcement

from broadcaster.store import db
from broadcaster.store.models import Announcement, AuditEvent, Program, TthcChange
from broadcaster.timeutil import TZ
from broadcaster.web.app import create_app

SLOT = dt.datetime(2026, 12, 1, 6, 0, tzinfo=TZ)


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


@pytest.fixture
def browser(app):
    return Browser(app)


def signed_in(app, name: str) -> Browser:
    b = Browser(app)
    assert b.login(name).status_code == 303
    return b


def count(conf, model) -> int:
    with db.session_scope(conf.database_url) as session:
        return len(list(session.scalars(select(model))))


def audit(conf) -> list[tuple[str, str, str]]:
    with db.session_scope(conf.database_url) as session:
        return [(e.actor, e.action, e.target) for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]


# ---- signing in ------------------------------------------------------------------------------


def test_every_page_needs_a_login(browser):
    for url in (
        "/",
        "/week/2026-W49",
        "/announcements",
        "/tthc",
        "/slots",
        "/urgent",
        "/log",
        "/program/1",
        "/audio/program/1.mp3",
        "/admin",
    ):
        response = browser.get(url)
        assert response.status_code == 302 and response.location.startswith("/login?next="), url
    assert browser.post("/announcements/new", {"title": "x"}).status_code == 401


def test_login_page_is_vietnamese_and_a_good_login_opens_the_week(browser):
    page = browser.get("/login").get_data(as_text=True)
    assert '<html lang="vi">' in page and "Đăng nhập" in page and "Tên đăng nhập" in page
    response = browser.login("canbo")
    assert response.status_code == 303 and response.location == "/"
    assert "Trần Thị Bình" in browser.get("/").get_data(as_text=True)


def test_login_redirects_only_inside_the_site(browser):
    browser.get("/login?next=//evil.example/x")
    response = browser.post("/login", {"name": "canbo", "password": PASSWORD, "next": "//evil.example/x"})
    assert response.location == "/"
    browser.post("/logout")
    browser.get("/login")
    response = browser.post("/login", {"name": "canbo", "password": PASSWORD, "next": "/tthc?q=1"})
    assert response.location == "/tthc?q=1"


def test_the_sixth_wrong_password_finds_the_account_locked(browser, app):
    for attempt in range(1, 6):
        page = browser.post("/login", {"name": "lanhdao", "password": f"sai-{attempt}"})
        assert page.status_code == 401 and "Sai tên đăng nhập hoặc mật khẩu" in page.get_data(as_text=True)
    sixth = browser.post("/login", {"name": "lanhdao", "password": PASSWORD})
    assert sixth.status_code == 401 and "bị tạm khóa" in sixth.get_data(as_text=True)
    # the account, not only this address: another address is refused too
    other = Browser(app)
    other.get("/login")
    again = other.post("/login", {"name": "lanhdao", "password": PASSWORD}, environ_base={"REMOTE_ADDR": "10.9.9.9"})
    assert again.status_code == 401 and "bị tạm khóa" in again.get_data(as_text=True)


def test_logout_ends_the_session(app):
    b = signed_in(app, "canbo")
    assert b.post("/logout").status_code == 303
    assert b.get("/").status_code == 302


def test_a_changed_password_or_a_disabled_account_ends_open_sessions(app, conf):
    from broadcaster import accounts

    b = signed_in(app, "canbo")
    accounts.set_password(conf, "canbo", "mat-khau-moi-9")
    assert b.get("/").status_code == 302
    b = signed_in(app, "lanhdao")
    accounts.set_active(conf, "lanhdao", False)
    assert b.get("/").status_code == 302


def test_the_session_ends_after_the_idle_time(conf):
    app = create_app(conf, key="k")
    app.permanent_session_lifetime = dt.timedelta(seconds=1)
    b = signed_in(app, "canbo")
    assert b.get("/").status_code == 200
    time.sleep(2.1)
    assert b.get("/").status_code == 302


def test_session_cookie_is_httponly_lax_and_secure_over_https(app):
    b = Browser(app)
    b.login("canbo")
    cookie = b.client.get_cookie("broadcaster_session")
    assert cookie.http_only and cookie.same_site == "Lax" and not cookie.secure
    s = Browser(app)
    s.get("/login", base_url="https://radio.local")
    s.post("/login", {"name": "canbo", "password": PASSWORD}, base_url="https://radio.local")
    assert s.client.get_cookie("broadcaster_session", domain="radio.local").secure


def test_behind_a_tls_proxy_the_cookie_is_secure_and_the_throttle_sees_the_client(conf):
    app = create_app(conf, key="k", behind_proxy=True)
    b = Browser(app)
    proxied = {
        "X-Forwarded-Proto": "https",
        "X-Forwarded-For": "198.51.100.7",
        "X-Forwarded-Host": "radio.local",
        "Referer": "https://radio.local/login",
    }  # over https, Flask-WTF also checks the referrer
    b.get("/login", headers=proxied)
    b.post("/login", {"name": "canbo", "password": "sai"}, headers=proxied)
    response = b.post("/login", {"name": "canbo", "password": PASSWORD}, headers=proxied)
    assert response.status_code == 303
    assert b.client.get_cookie("broadcaster_session").secure
    with db.session_scope(conf.database_url) as session:
        details = list(
            session.scalars(select(AuditEvent.detail).where(AuditEvent.action.in_(["login", "login_failed"])))
        )
    assert details == ["từ 198.51.100.7", "từ 198.51.100.7"]


def test_security_headers_on_every_page(app):
    b = signed_in(app, "canbo")
    for url in ("/", "/login", "/tthc", "/nothing-here"):
        headers = b.get(url).headers
        assert "default-src 'self'" in headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["X-Content-Type-Options"] == "nosniff"


# ---- CSRF, roles, escaping -------------------------------------------------------------------


def test_a_post_without_a_csrf_token_is_refused(app, conf):
    b = signed_in(app, "canbo")
    form = {"title": "Họp thôn 2", "body": "Mời bà con đến họp thôn đầy đủ.", "valid_from": "2026-12-02"}
    refused = b.post("/announcements/new", form, csrf=False)
    assert refused.status_code == 400 and "CSRF" in refused.get_data(as_text=True)
    wrong = b.post("/announcements/new", {**form, "csrf_token": "gia-mao"}, csrf=False)
    assert wrong.status_code == 400
    assert count(conf, Announcement) == 0
    assert b.post("/announcements/new", form).status_code == 303
    assert count(conf, Announcement) == 1


def test_an_officer_cannot_approve_and_an_approver_cannot_prepare(app, conf, add_program):
    program_id = add_program(conf, SLOT)
    officer = signed_in(app, "canbo")
    assert officer.post(f"/program/{program_id}/approve").status_code == 403
    assert officer.post(f"/program/{program_id}/send-back", {"reason": "sai ngày"}).status_code == 403
    assert officer.get("/admin").status_code == 403
    assert officer.post("/slots/add", {"weekday": "wed", "time": "17:00"}).status_code == 403
    approver = signed_in(app, "lanhdao")
    assert approver.post("/tthc/upload", {"file": (io.BytesIO(b"x"), "a.csv")}).status_code == 403
    assert approver.post("/urgent/send", {"text": "Bão", "confirm": "1"}).status_code == 403
    assert approver.post("/week/2026-W49/build").status_code == 403
    admin = signed_in(app, "quantri")
    assert admin.post(f"/program/{program_id}/approve").status_code == 403
    with db.session_scope(conf.database_url) as session:
        assert session.get(Program, program_id).approved_by is None


def test_approval_records_who_when_and_the_exact_text(app, conf, add_program):
    program_id = add_program(conf, SLOT)
    approver = signed_in(app, "lanhdao")
    response = approver.post(f"/program/{program_id}/approve")
    assert response.status_code == 303
    page = approver.get(f"/program/{program_id}").get_data(as_text=True)
    assert "Đã duyệt chương trình (người duyệt: Nguyễn Văn An)" in page
    with db.session_scope(conf.database_url) as session:
        program = session.get(Program, program_id)
        assert (program.status, program.approved_by) == ("rendered", "Nguyễn Văn An")
        assert program.approved_at is not None
        text = session.scalar(select(AuditEvent.detail).where(AuditEvent.action == "approved_text"))
    assert text == "[1] \nThông báo thử."
    assert ("lanhdao", "approved_text", f"program {program_id}") in audit(conf)


def test_send_back_needs_a_reason_and_records_it(app, conf, add_program):
    program_id = add_program(conf, SLOT, approved_by="Nguyễn Văn An")
    approver = signed_in(app, "lanhdao")
    approver.post(f"/program/{program_id}/send-back", {"reason": " "})
    assert "Cần ghi lý do trả lại" in approver.get(f"/program/{program_id}").get_data(as_text=True)
    approver.post(f"/program/{program_id}/send-back", {"reason": "Sai ngày họp ở tin số 3"})
    with db.session_scope(conf.database_url) as session:
        program = session.get(Program, program_id)
        assert (program.status, program.approved_by) == ("draft", None)
    assert ("lanhdao", "send_back", f"program {program_id}") in audit(conf)
    week = approver.get("/week/2026-W49").get_data(as_text=True)
    assert "Bị trả lại: Sai ngày họp ở tin số 3" in week


def test_html_in_an_announcement_title_shows_as_text(app, conf):
    b = signed_in(app, "canbo")
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    b.post(
        "/announcements/new",
        {"title": payload, "body": "Nội dung có <b>thẻ</b> cũng chỉ là chữ.", "valid_from": "2026-12-02"},
    )
    page = b.get("/announcements").get_data(as_text=True)
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<script>alert" not in page and "<img src=x" not in page
    [row] = b.get("/announcements?q=script").get_data(as_text=True).split("<tbody>")[1:]
    assert "&lt;script&gt;" in row


# ---- uploads --------------------------------------------------------------------------------


def upload(b: Browser, url: str, name: str, data: bytes):
    return b.post(url, {"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def test_a_tthc_file_with_two_bad_rows_shows_both_and_imports_nothing(app, conf):
    b = signed_in(app, "canbo")
    bad = upload(b, "/tthc/upload", "tthc-thang-12.csv", tthc_csv(TTHC_BAD_ROWS).encode())
    page = bad.get_data(as_text=True)
    assert bad.status_code == 422
    assert "Tệp tthc-thang-12.csv: 2 lỗi, không nhập dòng nào." in page
    # each field under the name the file gave its column
    assert (
        "dòng 3, trường “Loại thay đổi”: giá trị “đổi mới” không hợp lệ; chọn một trong: “mới ban hành”; "
        "“sửa đổi, bổ sung”; “thay thế”; “bãi bỏ”."
    ) in page
    assert "dòng 4, trường “Ngày hiệu lực”: ngày “31/02/2026” không hợp lệ" in page
    assert count(conf, TthcChange) == 0 and not list((conf.paths.data / "uploads").iterdir())
    good = upload(b, "/tthc/upload", "tthc-thang-12.csv", tthc_csv(TTHC_ROWS).encode())
    assert good.status_code == 303
    assert "Đã nhập 3 thủ tục từ tthc-thang-12.csv: 3 mới" in b.get("/tthc").get_data(as_text=True)
    assert count(conf, TthcChange) == 3
    assert ("canbo", "import_tthc") in [(a, act) for a, act, _ in audit(conf)]


def test_uploads_are_checked_by_content_and_extension(app, conf):
    b = signed_in(app, "canbo")
    png = b"\x89PNG\r\n\x1a\n" + bytes(200)
    assert "không phải tệp văn bản .csv" in upload(b, "/tthc/upload", "anh.csv", png).get_data(as_text=True)
    assert "không phải tệp Excel .xlsx" in upload(b, "/tthc/upload", "bang.xlsx", b"Ma TTHC,Ten\n").get_data(
        as_text=True
    )
    assert "định dạng .exe không được hỗ trợ" in upload(b, "/tthc/upload", "x.exe", b"MZ").get_data(as_text=True)
    # the old Vietnamese encodings are named, with how to save the file again
    legacy = "Mã TTHC,Tên\n".encode("cp1258", errors="replace") + b"\xe0\xe1\n"
    page = upload(b, "/tthc/upload", "cu.csv", legacy).get_data(as_text=True)
    assert "Tệp cu.csv: tệp lưu bằng bảng mã Windows-1258, không phải UTF-8" in page
    assert "“CSV UTF-8 (Comma delimited) (*.csv)”" in page
    abc = b"m\xb7 tthc,t\xaan th\xf1 t\xf4c\n"  # "mã tthc,tên thủ tục" typed in TCVN3 (the ABC fonts)
    page = upload(b, "/tthc/upload", "abc.csv", abc).get_data(as_text=True)
    assert "Tệp abc.csv: tệp gõ bằng bảng mã TCVN3 (ABC, phông .VnTime) hoặc VNI, không phải Unicode UTF-8" in page
    assert "Unikey" in page
    assert count(conf, TthcChange) == 0 and not list((conf.paths.data / "uploads").iterdir())


def test_a_utf16_file_as_excel_saves_unicode_text_is_imported(app, conf):
    """Excel's "Unicode Text": UTF-16 with a BOM, columns split by tabs. Every other byte is zero, yet it is text."""
    b = signed_in(app, "canbo")
    out = io.StringIO()
    csv.writer(out, delimiter="\t", lineterminator="\r\n").writerows(csv.reader(io.StringIO(tthc_csv(TTHC_ROWS))))
    assert upload(b, "/tthc/upload", "tthc-unicode.csv", out.getvalue().encode("utf-16")).status_code == 303
    page = b.get("/tthc").get_data(as_text=True)
    assert "Đã nhập 3 thủ tục từ tthc-unicode.csv: 3 mới" in page
    assert "Cách đọc tệp: cột phân cách bằng dấu tab, dòng tiêu đề là dòng 1." in page
    with db.session_scope(conf.database_url) as session:
        assert (
            session.scalar(select(TthcChange.name).where(TthcChange.code == "2.000815"))
            == "Chứng thực bản sao từ bản chính"
        )


def test_an_import_shows_its_warnings(app, conf):
    """A replaced procedure that does not name the one it replaces is imported, with a warning."""
    b = signed_in(app, "canbo")
    replaced = "4,1.004946,Cấp bản sao trích lục hộ tịch,Hộ tịch,thay thế,05/12/2026,Quyết định 1234/QĐ-UBND,,"
    assert upload(b, "/tthc/upload", "tthc.csv", tthc_csv([*TTHC_ROWS, replaced]).encode()).status_code == 303
    page = b.get("/tthc").get_data(as_text=True)
    assert "Đã nhập 4 thủ tục từ tthc.csv: 4 mới" in page
    assert "Cảnh báo: dòng 5, trường “Thay thế cho”: thủ tục “thay thế” nhưng không ghi thủ tục bị thay thế" in page
    assert 'class="msg warn"' in page
    assert count(conf, TthcChange) == 4


def test_the_tthc_form_names_fields_as_the_form_does_and_shows_its_warnings(app, conf):
    b = signed_in(app, "canbo")
    form = {
        "code": "1.004946",
        "name": "Cấp bản sao trích lục hộ tịch",
        "field": "Hộ tịch",
        "change_type": "đổi mới",
        "effective_date": "05/12/2026",
        "decision": "Quyết định 1234/QĐ-UBND",
    }
    refused = b.post("/tthc/new", form)
    assert refused.status_code == 422
    page = refused.get_data(as_text=True)
    assert "trường “Loại thay đổi”: giá trị “đổi mới” không hợp lệ" in page and "change_type”" not in page
    assert count(conf, TthcChange) == 0
    saved = b.post("/tthc/new", {**form, "change_type": "thay thế"})
    assert saved.status_code == 303
    page = b.get("/tthc").get_data(as_text=True)
    assert "Đã ghi TTHC 1.004946." in page
    assert "Cảnh báo: TTHC 1.004946, trường “Thay thế cho”: thủ tục “thay thế” nhưng không ghi thủ tục" in page


def test_an_announcement_import_shows_the_same_text_under_two_ids(app, conf, clock):
    clock(SUNDAY_BEFORE)
    b = signed_in(app, "canbo")
    body = "Mời bà con thôn 2 đến nhà văn hóa họp bàn việc làm đường lúc 19 giờ."
    items = [
        announcement("hop-thon-2", "Họp thôn 2", body),
        announcement("hop-thon-2-ban-sao", "Họp thôn 2 (gửi lại)", body),
    ]
    response = upload(b, "/announcements/upload", "thong-bao.yaml", yaml.safe_dump(items, allow_unicode=True).encode())
    assert response.status_code == 303
    page = b.get("/announcements").get_data(as_text=True)
    assert "Đã nhập 2 thông báo từ thong-bao.yaml: 2 mới" in page
    assert (
        "Cảnh báo: trùng nội dung: hop-thon-2 (“Họp thôn 2”), hop-thon-2-ban-sao (“Họp thôn 2 (gửi lại)”) — đọc "
        "giống hệt nhau; mỗi buổi phát chỉ đọc một lần (giữ hop-thon-2)"
    ) in page


def test_announcement_upload_imports_yaml(app, conf):
    b = signed_in(app, "canbo")
    from broadcaster.production.build import sample_files

    announcements, _ = sample_files()
    assert upload(b, "/announcements/upload", "thong-bao.yaml", announcements.read_bytes()).status_code == 303
    assert count(conf, Announcement) == 9


def test_a_50_mb_upload_is_refused_before_it_is_read(app, conf):
    """Flask refuses from Content-Length; the stream is never read (see also the live-server test)."""
    b = signed_in(app, "canbo")
    b.get("/tthc")

    class Endless(io.RawIOBase):
        read_bytes = 0

        def readable(self):
            return True

        def readinto(self, buffer):
            Endless.read_bytes += len(buffer)
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    from werkzeug.test import EnvironBuilder, run_wsgi_app

    cookie = b.client.get_cookie("broadcaster_session")
    environ = EnvironBuilder(
        "/tthc/upload",
        method="POST",
        content_type="multipart/form-data; boundary=x",
        headers={"Cookie": f"broadcaster_session={cookie.value}", "X-CSRFToken": b.token},
    ).get_environ()
    environ["wsgi.input"], environ["CONTENT_LENGTH"] = Endless(), str(50 * 1024 * 1024)
    body, status, _ = run_wsgi_app(app, environ, buffered=True)
    assert status.startswith("413") and "Tệp quá lớn" in b"".join(body).decode()
    assert Endless.read_bytes < 1024 * 1024


def test_the_live_server_refuses_a_50_mb_upload_without_reading_it(conf):
    import socket

    with LiveServer(conf) as server:
        port = int(server.url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(
                b"POST /tthc/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: multipart/form-data; boundary=x\r\n"
                + f"Content-Length: {50 * 1024 * 1024}\r\n\r\n".encode()
                + b"a" * 65536
            )
            reply = sock.recv(4096)  # answered after 64 KB of the 50 MB
    assert reply.startswith(b"HTTP/1.1 413")


# ---- forms ----------------------------------------------------------------------------------


def test_the_announcement_form_validates_as_the_cli_does(app, conf):
    b = signed_in(app, "canbo")
    response = b.post(
        "/announcements/new",
        {"title": "", "body": "Ngắn", "valid_from": "32/12/2026", "priority": "gấp", "repeat": "99"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Biểu mẫu có 5 lỗi, chưa ghi gì." in page
    for problem in (
        "không được để trống.",
        "ngày “32/12/2026” không hợp lệ",
        "giá trị “gấp” không hợp lệ",
        "“99” phải là số nguyên từ 1 đến 50.",
        "nội dung quá ngắn (cần ít nhất 3 từ).",
    ):
        assert problem in page
    assert count(conf, Announcement) == 0


def test_an_announcement_is_edited_in_place_and_removed(app, conf):
    b = signed_in(app, "canbo")
    b.post(
        "/announcements/new", {"title": "Họp thôn 2", "body": "Mời bà con đến họp thôn.", "valid_from": "2026-12-02"}
    )
    with db.session_scope(conf.database_url) as session:
        row = session.scalar(select(Announcement))
        item_id, uid = row.id, row.uid
    b.post(
        f"/announcements/{item_id}",
        {
            "title": "Họp thôn 2 (đổi giờ)",
            "body": "Mời bà con đến họp thôn lúc 19h.",
            "valid_from": "2026-12-03",
            "category": "meeting",
        },
    )
    with db.session_scope(conf.database_url) as session:
        row = session.scalar(select(Announcement))
        assert (row.id, row.uid, row.title, row.category) == (item_id, uid, "Họp thôn 2 (đổi giờ)", "meeting")
    b.post(f"/announcements/{item_id}/remove")
    assert count(conf, Announcement) == 0
    assert [a for a, act, _ in audit(conf) if act in ("add_announcement", "remove_announcement")] == ["canbo"] * 3


def test_tthc_form_add_edit_and_duplicate(app, conf):
    b = signed_in(app, "canbo")
    form = {
        "code": "1.001193",
        "name": "Đăng ký khai sinh",
        "field": "Hộ tịch",
        "change_type": "new",
        "effective_date": "2026-12-05",
    }
    assert b.post("/tthc/new", form).status_code == 303
    again = b.post("/tthc/new", form)
    assert again.status_code == 422 and "đã có TTHC 1.001193" in again.get_data(as_text=True)
    # a replaced procedure without the one it replaces is saved, with the import's warning
    replaced = b.post("/tthc/new", {**form, "code": "2.000815", "change_type": "replaced"})
    assert replaced.status_code == 303
    page = b.get("/tthc").get_data(as_text=True)
    assert "Đã ghi TTHC 2.000815." in page
    assert (
        "Cảnh báo: TTHC 2.000815, trường “Thay thế cho”: thủ tục “thay thế” nhưng không ghi thủ tục bị thay "
        "thế; kịch bản chỉ nói thủ tục “được thay thế”. Thêm tên thủ tục cũ nếu có."
    ) in page
    b.post("/tthc/new", {**form, "code": "2.000816", "change_type": "replaced", "replaces": "Chứng thực chữ ký"})
    assert "Cảnh báo" not in b.get("/tthc").get_data(as_text=True)
    with db.session_scope(conf.database_url) as session:
        assert session.scalar(select(TthcChange.replaces).where(TthcChange.code == "2.000815")) is None
        tthc_id = session.scalar(select(TthcChange.id).where(TthcChange.code == "1.001193"))
    b.post(f"/tthc/{tthc_id}", {**form, "fee": "Miễn phí"})
    with db.session_scope(conf.database_url) as session:
        assert session.get(TthcChange, tthc_id).fee == "Miễn phí"


def test_lists_search_and_filter(app, conf):
    b = signed_in(app, "canbo")
    upload(b, "/tthc/upload", "tthc.csv", tthc_csv(TTHC_ROWS).encode())
    hits = b.get("/tthc?q=khai+sinh").get_data(as_text=True)
    assert "Đăng ký khai sinh" in hits and "Chứng thực bản sao" not in hits
    abolished = b.get("/tthc?change_type=abolished").get_data(as_text=True)
    assert "Đăng ký kết hôn" in abolished and "Đăng ký khai sinh" not in abolished
    assert "Đăng ký khai sinh" in b.get("/tthc?field=Hộ+tịch").get_data(as_text=True)


def test_slot_rules_are_the_cli_rules(app, conf):
    admin = signed_in(app, "quantri")
    admin.post("/slots/add", {"weekday": "wed", "time": "22:00", "max": "30"})
    assert "trùng giờ yên tĩnh 21:00–05:00" in admin.get("/slots").get_data(as_text=True)
    admin.post("/slots/skip", {"day": "2026-12-01"})
    page = admin.get("/slots").get_data(as_text=True)
    assert "tuần 2026-W49 chỉ còn 1 buổi phát" in page
    admin.post("/slots/add", {"weekday": "wed", "time": "17:00", "max": "20"})
    admin.post("/slots/skip", {"day": "2026-12-01", "note": "mất điện"})
    page = admin.get("/slots?all=1").get_data(as_text=True)
    assert "Đã bỏ buổi phát 01/12/2026 06:00" in page and "mất điện" in page
    assert ("quantri", "slot_skip") in [(a, act) for a, act, _ in audit(conf)]


# ---- audio ----------------------------------------------------------------------------------


def test_audio_is_served_by_id_with_ranges(app, conf, add_program):
    program_id = add_program(conf, SLOT)
    b = signed_in(app, "lanhdao")
    whole = b.get(f"/audio/program/{program_id}.mp3")
    assert whole.status_code == 200 and whole.mimetype == "audio/mpeg"
    part = b.get(f"/audio/program/{program_id}.mp3", headers={"Range": "bytes=100-199"})
    assert part.status_code == 206 and len(part.data) == 100
    assert part.headers["Content-Range"] == f"bytes 100-199/{len(whole.data)}"


def test_audio_cannot_escape_the_audio_folder(app, conf, add_program, tmp_path):
    outside = tmp_path / "secret.mp3"
    outside.write_bytes(b"ID3 secret")
    program_id = add_program(conf, SLOT)
    link_id = add_program(conf, SLOT + dt.timedelta(days=3))
    with db.session_scope(conf.database_url) as session:
        session.get(Program, program_id).audio_path = str(conf.paths.audio / ".." / "secret.mp3")
        link = conf.paths.audio / "link.mp3"
        link.symlink_to(outside)
        session.get(Program, link_id).audio_path = str(link)
    b = signed_in(app, "canbo")
    assert b.get(f"/audio/program/{program_id}.mp3").status_code == 404
    assert b.get(f"/audio/program/{link_id}.mp3").status_code == 404
    for url in (
        "/audio/program/..%2f..%2fsecret.mp3",
        "/audio/program/../secret.mp3",
        "/audio/preview/..%2f..%2fsecret.mp3",
        "/audio/preview/%2e%2e.mp3",
        "/audio/program/-1.mp3",
    ):
        assert b.get(url).status_code == 404, url


# ---- accounts ---------------------------------------------------------------------------------


def test_the_admin_manages_accounts_on_the_page(app, conf):
    admin = signed_in(app, "quantri")
    admin.post(
        "/admin/users", {"name": "phoban", "full_name": "Lê Văn Cường", "role": "approver", "password": "mat-khau-456"}
    )
    assert "Đã thêm tài khoản phoban." in admin.get("/admin").get_data(as_text=True)
    admin.post("/admin/users", {"name": "x", "role": "approver", "password": "mat-khau-456"})
    assert "Tên đăng nhập “x” không hợp lệ" in admin.get("/admin").get_data(as_text=True)
    admin.post("/admin/users/phoban/password", {"password": "mat-khau-789"})
    assert Browser(app).login("phoban", "mat-khau-789").status_code == 303
    admin.post("/admin/users/phoban/active", {"active": "0"})
    assert Browser(app).login("phoban", "mat-khau-789").status_code == 401
    actions = [(a, act) for a, act, _ in audit(conf) if act.startswith("user_")]
    assert actions[-3:] == [("quantri", "user_add"), ("quantri", "user_passwd"), ("quantri", "user_disable")]


def test_everyone_changes_their_own_password(app, conf):
    b = signed_in(app, "lanhdao")
    b.post("/account", {"current": "sai", "new": "mat-khau-moi-1", "again": "mat-khau-moi-1"})
    assert "Sai tên đăng nhập hoặc mật khẩu" in b.get("/account").get_data(as_text=True)
    b.post("/account", {"current": PASSWORD, "new": "mat-khau-moi-1", "again": "mat-khau-moi-1"})
    assert "Đã đổi mật khẩu." in b.get("/account").get_data(as_text=True)  # this session goes on
    assert Browser(app).login("lanhdao", "mat-khau-moi-1").status_code == 303


# ---- the log ---------------------------------------------------------------------------------


def test_logbook_csv_download(app, conf, add_program):
    from broadcaster.onair import airing

    add_program(conf, SLOT, approved_by="Nguyễn Văn An")
    airing.air_slot(conf, SLOT, now=SLOT)
    b = signed_in(app, "lanhdao")
    csv = b.get("/log/logbook-2026-12.csv")
    assert csv.status_code == 200 and csv.mimetype == "text/csv"
    assert "attachment" in csv.headers["Content-Disposition"]
    text = csv.data.decode("utf-8-sig")
    assert text.startswith("STT,Ngày,Giờ theo lịch") and "đã phát" in text and "Nguyễn Văn An" in text
    page = b.get("/log?week=2026-W49").get_data(as_text=True)
    assert "01/12/2026 06:00:00" in page and "đã phát" in page
    assert "01/12/2026 06:00:00" in b.get("/log?month=2026-12").get_data(as_text=True)
    assert b.get("/log/logbook-2026-13.csv").status_code == 404


def test_status_panel_names_blocked_slots(app, conf):
    page = signed_in(app, "canbo").get("/log").get_data(as_text=True)
    assert "Trình lập lịch KHÔNG chạy" in page
    assert "Sẽ không phát: chưa có chương trình" in page
