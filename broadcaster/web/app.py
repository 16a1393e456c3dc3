"""The Flask application: configuration, security headers, sign-in gate, error pages, blueprints.

A thin adapter: every view parses a request, calls the same library function as the CLI and
renders the result. Sessions are signed cookies (HttpOnly, SameSite=Lax, Secure over HTTPS) that
end after `idle_minutes` without a request; Flask-WTF's CSRFProtect checks a token on every
POST; uploads over MAX_UPLOAD are refused from the Content-Length before the body is read.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets

from flask import Flask, g, redirect, render_template, request, session, url_for
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFError, CSRFProtect
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from broadcaster import accounts
from broadcaster.config import Settings
from broadcaster.errors import NotFoundError
from broadcaster.web import present
from broadcaster.web.context import WebState, can, conf, user
from broadcaster.web.jobs import Jobs

MAX_UPLOAD = 8 * 1024 * 1024
PUBLIC = {"auth.login", "static"}
CSP = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
csrf = CSRFProtect()


class _Sessions(SecureCookieSessionInterface):
    """The session cookie is Secure whenever the request came over HTTPS (directly or via the proxy)."""

    def get_cookie_secure(self, app: Flask) -> bool:
        return request.is_secure or bool(app.config["SESSION_COOKIE_SECURE"])


def secret_key(settings: Settings) -> str:
    """A random key kept in the data folder (0600), so sessions survive a restart."""
    path = settings.paths.data / "web-secret-key"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_hex(32))
        except FileExistsError:
            pass
    return path.read_text().strip()


def create_app(
    settings: Settings, *, key: str | None = None, behind_proxy: bool = False, idle_minutes: int = 30
) -> Flask:
    app = Flask(__name__, static_folder="static", template_folder="templates")
    app.config.update(
        SECRET_KEY=key or secret_key(settings),
        SESSION_COOKIE_NAME="broadcaster_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        PERMANENT_SESSION_LIFETIME=dt.timedelta(minutes=idle_minutes),
        SESSION_REFRESH_EACH_REQUEST=True,
        MAX_CONTENT_LENGTH=MAX_UPLOAD,
        WTF_CSRF_TIME_LIMIT=None,
        SEND_FILE_MAX_AGE_DEFAULT=dt.timedelta(hours=1),
    )
    app.session_interface = _Sessions()
    if behind_proxy:  # trust one reverse proxy (Caddy, nginx) for the client address and https
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)  # type: ignore[method-assign]  # Flask: wrap the WSGI app
    app.extensions["broadcaster"] = WebState(settings, Jobs())
    csrf.init_app(app)
    present.install(app)

    from broadcaster.web import admin, auth, catalog, log, program, schedule, urgent, week

    for module in (auth, week, program, catalog, schedule, urgent, log, admin):
        app.register_blueprint(module.bp)

    app.before_request(_sign_in_gate)
    app.after_request(_headers)
    app.context_processor(
        lambda: {
            "me": user(),
            "can": can,
            "nav": NAV,
            "section": _section(),
            "station": settings.station.name,
            "max_upload": MAX_UPLOAD,
        }
    )
    _error_pages(app)
    return app


NAV = (
    ("week.this_week", "Tuần này", "week"),
    ("catalog.announcements", "Thông báo", "announcements"),
    ("catalog.tthc_list", "TTHC", "tthc"),
    ("schedule.slots", "Lịch phát", "schedule"),
    ("urgent.form", "Khẩn cấp", "urgent"),
    ("log.history", "Nhật ký", "log"),
)


def _section() -> str:
    """Which menu entry the page belongs to."""
    blueprint, endpoint = request.blueprint or "", request.endpoint or ""
    if blueprint == "catalog":
        return "tthc" if "tthc" in endpoint else "announcements"
    return {"program": "week"}.get(blueprint, blueprint)


def _sign_in_gate():
    """Load the signed-in user on every request; send everyone else to the login page."""
    g.user = None
    uid = session.get("uid")
    if uid is not None:
        account = accounts.get_account(conf(), uid)
        if account is not None and session.get("ver") == accounts.session_version(account):
            g.user = account
        else:  # disabled, or the password changed: this session ends
            session.clear()
    if g.user is None and request.endpoint not in PUBLIC:
        if request.method == "GET" and request.endpoint is not None:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return render_template("error.html", code=401, message="Cần đăng nhập."), 401
    return None


def _headers(response):
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "same-origin"
    if request.endpoint != "static":
        response.headers.setdefault("Cache-Control", "no-store")
    return response


MESSAGES = {
    400: "Yêu cầu không hợp lệ.",
    403: "Tài khoản của bạn không có quyền làm việc này.",
    404: "Không tìm thấy trang hoặc mục này.",
    405: "Không dùng được cách gửi này.",
    413: f"Tệp quá lớn (tối đa {MAX_UPLOAD // (1024 * 1024)} MB). Không có gì được nhập.",
    500: "Lỗi máy chủ. Xem nhật ký dịch vụ (journalctl -u broadcaster-web).",
}


def _error_pages(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_refused(exc):
        message = "Biểu mẫu hết hạn hoặc thiếu mã bảo vệ (CSRF), nên không được thực hiện. Tải lại trang rồi làm lại."
        return render_template("error.html", code=400, message=message), 400

    @app.errorhandler(NotFoundError)
    def not_found(exc):
        return render_template("error.html", code=404, message=exc.message), 404

    @app.errorhandler(HTTPException)
    def http_error(exc):
        code = exc.code or 500
        return render_template("error.html", code=code, message=MESSAGES.get(code, exc.description)), code
