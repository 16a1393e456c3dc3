"""Quản trị: accounts (add, reset password, disable, enable) and a read-only view of the settings."""

from __future__ import annotations

from flask import Blueprint, flash, render_template, request

from broadcaster import accounts
from broadcaster.errors import BroadcasterError
from broadcaster.urgent_preview import describe_outputs
from broadcaster.web.context import actor, back, conf, error, requires

bp = Blueprint("admin", __name__)


@bp.route("/admin")
@requires("admin")
def users():
    return render_template(
        "admin.html",
        users=accounts.list_users(conf()),
        roles=accounts.ROLES,
        settings=conf(),
        outputs=describe_outputs(conf()),
    )


def _do(action, done: str):
    try:
        account = action()
        flash(done.format(a=account), "info")
    except BroadcasterError as exc:
        error(exc)
    return back("admin.users")


@bp.route("/admin/users", methods=["POST"])
@requires("admin")
def add():
    f = request.form
    return _do(
        lambda: accounts.add_user(
            conf(), f.get("name", ""), f.get("role", ""), f.get("password", ""), f.get("full_name"), actor()
        ),
        "Đã thêm tài khoản {a.name}.",
    )


@bp.route("/admin/users/<name>/password", methods=["POST"])
@requires("admin")
def password(name: str):
    return _do(
        lambda: accounts.set_password(conf(), name, request.form.get("password", ""), actor()),
        "Đã đặt mật khẩu mới cho {a.name} (đã mở khóa nếu đang bị tạm khóa).",
    )


@bp.route("/admin/users/<name>/active", methods=["POST"])
@requires("admin")
def active(name: str):
    enable = request.form.get("active") == "1"
    return _do(
        lambda: accounts.set_active(conf(), name, enable, actor()),
        "Đã mở lại tài khoản {a.name}." if enable else "Đã khóa tài khoản {a.name}.",
    )
