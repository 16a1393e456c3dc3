"""Đăng nhập, đăng xuất, đổi mật khẩu của chính mình."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, session

from broadcaster import accounts
from broadcaster.errors import BroadcasterError
from broadcaster.web.context import actor, back, conf, error, user

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str | None:
    """Only a path of this site (no //host, no scheme): no open redirect after login."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html", next=_safe_next(request.args.get("next")))
    name, password = request.form.get("name", ""), request.form.get("password", "")
    try:
        account = accounts.authenticate(conf(), name, password, request.remote_addr or "?")
    except BroadcasterError as exc:
        return render_template(
            "login.html", name=name, message=exc.message, next=_safe_next(request.form.get("next"))
        ), 401
    session.clear()  # a new session (and a new CSRF token) for the new user
    session.permanent = True
    session["uid"], session["ver"] = account.id, accounts.session_version(account)
    target = _safe_next(request.form.get("next"))
    if target:
        return redirect(target, code=303)
    return back("week.this_week")


@bp.route("/logout", methods=["POST"])
def logout():
    if user() is not None:
        accounts.record_logout(conf(), actor())
    session.clear()
    flash("Đã đăng xuất.", "info")
    return back("auth.login")


@bp.route("/account", methods=["GET", "POST"])
def account():
    if request.method == "POST":
        current, new, again = (request.form.get(k, "") for k in ("current", "new", "again"))
        try:
            if new != again:
                raise accounts.AccountError("Hai lần nhập mật khẩu mới không giống nhau.")
            accounts.authenticate(conf(), actor(), current, request.remote_addr or "?")
            changed = accounts.set_password(conf(), actor(), new, actor=actor())
        except BroadcasterError as exc:
            error(exc)
            return back("auth.account")
        session["ver"] = accounts.session_version(changed)
        flash("Đã đổi mật khẩu.", "info")
        return back("auth.account")
    return render_template("account.html")
