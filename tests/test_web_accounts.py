"""Accounts of the web app: `broadcaster user …`, argon2 hashes, throttled logins, the users migration."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select
from web_helpers import cheap_hashes

from broadcaster import accounts
from broadcaster.store import db
from broadcaster.store.models import AuditEvent, User
from broadcaster.timeutil import TZ

NOW = dt.datetime(2026, 12, 1, 9, 0, tzinfo=TZ)


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    cheap_hashes(monkeypatch)


def test_user_commands_add_list_passwd_disable(cli, settings):
    added = cli(
        "user",
        "add",
        "nguyenvana",
        "--role",
        "approver",
        "--full-name",
        "Nguyễn Văn A",
        "--password-stdin",
        input="bi-mat-dai-1\n",
    )
    assert "Đã thêm tài khoản nguyenvana (lãnh đạo duyệt)." in added.stdout
    listed = cli.json("user", "list", "--json")
    assert listed == [
        {"name": "nguyenvana", "full_name": "Nguyễn Văn A", "role": "approver", "active": True, "last_login_at": None}
    ]
    assert accounts.authenticate(settings, "nguyenvana", "bi-mat-dai-1", "127.0.0.1").display == "Nguyễn Văn A"
    cli("user", "passwd", "nguyenvana", "--password-stdin", input="bi-mat-moi-2\n")
    with pytest.raises(accounts.AccountError):
        accounts.authenticate(settings, "nguyenvana", "bi-mat-dai-1", "127.0.0.1")
    assert accounts.authenticate(settings, "nguyenvana", "bi-mat-moi-2", "127.0.0.1")
    cli("user", "disable", "nguyenvana")
    assert "[ĐÃ KHÓA]" in cli("user", "list").stdout
    with pytest.raises(accounts.AccountError, match="Sai tên đăng nhập hoặc mật khẩu"):
        accounts.authenticate(settings, "nguyenvana", "bi-mat-moi-2", "127.0.0.1")
    cli("user", "enable", "nguyenvana")
    assert accounts.authenticate(settings, "nguyenvana", "bi-mat-moi-2", "127.0.0.1")


def test_user_add_prompts_twice_for_the_password(cli, settings):
    cli("user", "add", "canbo", "--role", "officer", input="mat-khau-123\nmat-khau-123\n")
    assert accounts.authenticate(settings, "canbo", "mat-khau-123", "::1").role == "officer"


@pytest.mark.parametrize(
    "args, message",
    [
        (["Có Dấu", "--role", "officer"], "Tên đăng nhập “có dấu” không hợp lệ"),
        (["canbo", "--role", "officer"], "Mật khẩu quá ngắn"),
    ],
)
def test_user_add_refuses_bad_names_and_short_passwords(cli, args, message):
    result = cli("user", "add", *args, "--password-stdin", input="ngan\n", ok=False)
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


def test_a_second_account_with_the_same_name_is_refused(cli):
    cli("user", "add", "canbo", "--role", "officer", "--password-stdin", input="mat-khau-123\n")
    again = cli("user", "add", "CanBo", "--role", "admin", "--password-stdin", input="mat-khau-456\n", ok=False)
    assert "Đã có tài khoản “canbo”" in again.output


def test_passwords_are_stored_as_argon2id_hashes(settings):
    accounts.add_user(settings, "canbo", "officer", "mat-khau-123")
    with db.session_scope(settings.database_url) as session:
        stored = session.scalar(select(User.password_hash))
    assert stored.startswith("$argon2id$") and "mat-khau-123" not in stored


def test_five_failures_lock_the_account_for_fifteen_minutes(settings):
    accounts.add_user(settings, "canbo", "officer", "mat-khau-123")
    for attempt in range(4):
        with pytest.raises(accounts.AccountError) as failed:
            accounts.authenticate(settings, "canbo", "sai", f"10.0.0.{attempt}", now=NOW)
        assert "tạm khóa" not in failed.value.message
    with pytest.raises(accounts.AccountError, match="bị tạm khóa đến 09:15"):
        accounts.authenticate(settings, "canbo", "sai", "10.0.0.9", now=NOW)
    # the sixth attempt is refused even with the right password, from yet another address
    with pytest.raises(accounts.AccountError, match="bị tạm khóa"):
        accounts.authenticate(settings, "canbo", "mat-khau-123", "10.0.0.10", now=NOW + dt.timedelta(minutes=14))
    assert accounts.authenticate(settings, "canbo", "mat-khau-123", "10.0.0.10", now=NOW + dt.timedelta(minutes=16))


def test_five_failures_from_one_address_lock_that_address_for_every_account(settings):
    accounts.add_user(settings, "canbo", "officer", "mat-khau-123")
    for name in ("a1", "a2", "a3", "a4", "a5"):
        with pytest.raises(accounts.AccountError):
            accounts.authenticate(settings, name, "sai", "192.0.2.7", now=NOW)
    with pytest.raises(accounts.AccountError, match="bị tạm khóa"):
        accounts.authenticate(settings, "canbo", "mat-khau-123", "192.0.2.7", now=NOW)
    assert accounts.authenticate(settings, "canbo", "mat-khau-123", "192.0.2.8", now=NOW)


def test_a_reset_password_unlocks_the_account(settings):
    accounts.add_user(settings, "canbo", "officer", "mat-khau-123")
    for attempt in range(5):
        with pytest.raises(accounts.AccountError):
            accounts.authenticate(settings, "canbo", "sai", f"10.0.1.{attempt}", now=NOW)
    accounts.set_password(settings, "canbo", "mat-khau-moi", actor="quantri")
    assert accounts.authenticate(settings, "canbo", "mat-khau-moi", "10.0.1.9", now=NOW)


def test_logins_and_account_changes_are_in_the_audit_trail(settings):
    accounts.add_user(settings, "canbo", "officer", "mat-khau-123", actor="quantri")
    accounts.authenticate(settings, "canbo", "mat-khau-123", "10.0.0.1")
    with pytest.raises(accounts.AccountError):
        accounts.authenticate(settings, "canbo", "sai", "10.0.0.2")
    with db.session_scope(settings.database_url) as session:
        events = [(e.actor, e.action, e.detail) for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    assert ("quantri", "user_add", "officer") in events
    assert ("canbo", "login", "từ 10.0.0.1") in events and ("canbo", "login_failed", "từ 10.0.0.2") in events


def test_the_last_admin_cannot_be_disabled(settings):
    accounts.add_user(settings, "quantri", "admin", "mat-khau-123")
    with pytest.raises(accounts.AccountError, match="quản trị cuối cùng"):
        accounts.set_active(settings, "quantri", False)


def test_the_users_migration_matches_the_models(settings):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from broadcaster.store.models import Base

    engine = db.engine_for(settings.database_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    ours = [d for d in diff if any(name in json.dumps(str(d)) for name in ("users", "login_throttle"))]
    assert ours == []
