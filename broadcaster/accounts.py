"""Accounts of the web app: add, change password, list, disable; log in with throttling.

Passwords are hashed with argon2id (argon2-cffi). Logging in is throttled per account and per
address: MAX_FAILURES wrong passwords in a row lock that account (or that address) for
LOCK_MINUTES, whatever password comes next. Every change and every login is in the audit trail.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from broadcaster import timeutil
from broadcaster.config import Settings
from broadcaster.errors import BroadcasterError, NotFoundError
from broadcaster.store import db
from broadcaster.store.models import LoginThrottle, User

ROLES = {
    "officer": "cán bộ đài (soạn tin, dựng chương trình, phát khẩn cấp)",
    "approver": "lãnh đạo duyệt (duyệt hoặc trả lại chương trình)",
    "admin": "quản trị (tài khoản, lịch phát, cấu hình)",
}
ROLE_VI = {"officer": "cán bộ đài", "approver": "lãnh đạo duyệt", "admin": "quản trị"}
MAX_FAILURES = 5
LOCK_MINUTES = 15
MIN_PASSWORD = 8
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,39}$")

_hasher = PasswordHasher()
_DUMMY = _hasher.hash("không phải mật khẩu của ai")  # same work for unknown names as for known ones


class AccountError(BroadcasterError):
    """A refused account change or login (the message is for the person at the keyboard)."""


@dataclasses.dataclass(frozen=True)
class Account:
    id: int
    name: str
    full_name: str | None
    role: str
    active: bool
    password_changed_at: dt.datetime
    last_login_at: dt.datetime | None

    @property
    def display(self) -> str:
        """The name recorded as approver and shown on pages."""
        return self.full_name or self.name

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "full_name": self.full_name,
            "role": self.role,
            "active": self.active,
            "last_login_at": timeutil.local(self.last_login_at).isoformat() if self.last_login_at else None,
        }


def _account(user: User) -> Account:
    return Account(
        user.id, user.name, user.full_name, user.role, bool(user.active), user.password_changed_at, user.last_login_at
    )


def check_name(name: str) -> str:
    name = name.strip().lower()
    if not NAME_RE.match(name):
        raise AccountError(
            f"Tên đăng nhập “{name}” không hợp lệ.",
            None,
            "dùng 2–40 chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới, ví dụ nguyenvana.",
        )
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"Vai trò “{role}” không hợp lệ.", None, "chọn một trong: " + ", ".join(ROLES) + ".")
    return role


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"Mật khẩu quá ngắn (cần ít nhất {MIN_PASSWORD} ký tự).")
    if len(password) > 256:
        raise AccountError("Mật khẩu quá dài (tối đa 256 ký tự).")
    return password


def add_user(
    settings: Settings, name: str, role: str, password: str, full_name: str | None = None, actor: str | None = None
) -> Account:
    name, role = check_name(name), check_role(role)
    hashed = _hasher.hash(check_password(password))
    with db.session_scope(settings.database_url) as session:
        if session.scalar(select(User).where(User.name == name)) is not None:
            raise AccountError(
                f"Đã có tài khoản “{name}”.",
                None,
                f"đổi mật khẩu bằng: broadcaster user passwd {name}, hoặc chọn tên khác.",
            )
        user = User(name=name, role=role, password_hash=hashed, full_name=(full_name or "").strip() or None)
        session.add(user)
        session.flush()
        db.audit(session, "user_add", f"user {name}", role, actor)
        return _account(user)


def _get(session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name.strip().lower()))
    if user is None:
        raise NotFoundError(f"Không có tài khoản “{name}”.", None, "xem danh sách bằng: broadcaster user list.")
    return user


def set_password(settings: Settings, name: str, password: str, actor: str | None = None) -> Account:
    """A new password; sessions opened with the old one end (see `session_version`)."""
    hashed = _hasher.hash(check_password(password))
    with db.session_scope(settings.database_url) as session:
        user = _get(session, name)
        user.password_hash, user.password_changed_at = hashed, timeutil.now()
        throttle = session.get(LoginThrottle, f"user:{user.name}")  # a reset password unlocks the account
        if throttle is not None:
            session.delete(throttle)
        db.audit(session, "user_passwd", f"user {user.name}", None, actor)
        return _account(user)


def set_active(settings: Settings, name: str, active: bool, actor: str | None = None) -> Account:
    """Disable (or enable again) an account; a disabled account's open sessions end at once."""
    with db.session_scope(settings.database_url) as session:
        user = _get(session, name)
        if not active and user.role == "admin" and user.active:
            others = session.scalars(select(User).where(User.role == "admin", User.active == 1, User.id != user.id))
            if not list(others):
                raise AccountError(
                    "Không khóa được tài khoản quản trị cuối cùng.", None, "thêm một tài khoản quản trị khác trước."
                )
        user.active = int(active)
        db.audit(session, "user_enable" if active else "user_disable", f"user {user.name}", None, actor)
        return _account(user)


def list_users(settings: Settings) -> list[Account]:
    with db.session_scope(settings.database_url) as session:
        return [_account(u) for u in session.scalars(select(User).order_by(User.name))]


def get_account(settings: Settings, user_id: int) -> Account | None:
    """The active account with this id, else None."""
    with db.session_scope(settings.database_url) as session:
        user = session.get(User, user_id)
        return _account(user) if user is not None and user.active else None


def session_version(account: Account) -> str:
    """Changes when the password changes: a session remembers it and ends when it differs."""
    return f"{account.password_changed_at.timestamp():.6f}"


def authenticate(settings: Settings, name: str, password: str, address: str, now: dt.datetime | None = None) -> Account:
    """The account for a right name and password, unless that account or address is locked.

    Raises AccountError with a message fit for the login page (never saying which part was wrong)."""
    now = now or timeutil.now()
    name = name.strip().lower()[:40]
    keys = [f"user:{name}", f"addr:{address}"]
    with db.session_scope(settings.database_url) as session:
        locked = [
            row.locked_until
            for key in keys
            if (row := session.get(LoginThrottle, key)) is not None
            and row.locked_until is not None
            and row.locked_until > now
        ]
        if locked:
            db.audit(session, "login_locked", f"user {name}", f"từ {address}", name or "?")
            raise AccountError(_locked_message(max(locked)))
    with db.session_scope(settings.database_url) as session:
        user = session.scalar(select(User).where(User.name == name))
        ok = (
            _verify(user.password_hash if user is not None else _DUMMY, password)
            and user is not None
            and bool(user.active)
        )
        if ok and user is not None:
            throttle = session.get(LoginThrottle, keys[0])
            if throttle is not None:
                session.delete(throttle)
            if _hasher.check_needs_rehash(user.password_hash):
                user.password_hash = _hasher.hash(password)
            user.last_login_at = now
            db.audit(session, "login", f"user {name}", f"từ {address}", name)
            return _account(user)
        until = [_fail(session, key, now) for key in keys]
        db.audit(session, "login_failed", f"user {name}", f"từ {address}", name or "?")
    lock = max((u for u in until if u is not None), default=None)
    message = "Sai tên đăng nhập hoặc mật khẩu."
    if lock is not None:
        message += " " + _locked_message(lock)
    raise AccountError(message)


def record_logout(settings: Settings, name: str) -> None:
    with db.session_scope(settings.database_url) as session:
        db.audit(session, "logout", f"user {name}", None, name)


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def _fail(session, key: str, now: dt.datetime) -> dt.datetime | None:
    """Count one failure for `key`; the lock's end when this failure locks it."""
    row = session.get(LoginThrottle, key)
    if row is None:
        row = LoginThrottle(key=key, failures=0)
        session.add(row)
    if row.window_start is None or now - row.window_start > dt.timedelta(minutes=LOCK_MINUTES):
        row.failures, row.window_start = 0, now
    row.failures += 1
    if row.failures >= MAX_FAILURES:
        row.failures, row.window_start = 0, None
        row.locked_until = now + dt.timedelta(minutes=LOCK_MINUTES)
        return row.locked_until
    return None


def _locked_message(until: dt.datetime) -> str:
    return (
        f"Đăng nhập bị tạm khóa đến {timeutil.local(until):%H:%M} vì sai mật khẩu {MAX_FAILURES} lần "
        f"(khóa {LOCK_MINUTES} phút theo tài khoản và theo máy). Thử lại sau, hoặc nhờ quản trị đặt lại mật khẩu."
    )
