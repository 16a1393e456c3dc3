"""`broadcaster user add | passwd | list | disable | enable`: accounts of the web app."""

from __future__ import annotations

import json
import sys

import click

from broadcaster.cli import main, settings

ROLE_HELP = (
    "Vai trò: officer (cán bộ đài: soạn tin, dựng chương trình, phát khẩn cấp), approver (lãnh đạo duyệt), "
    "admin (quản trị: tài khoản, lịch phát)."
)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return click.prompt("Mật khẩu", hide_input=True, confirmation_prompt="Nhập lại mật khẩu")


@main.group("user")
def user() -> None:
    """Tài khoản đăng nhập trang web (broadcaster web): thêm, đổi mật khẩu, liệt kê, khóa."""


@user.command("add")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(["officer", "approver", "admin"]), help=ROLE_HELP)
@click.option("--full-name", default=None, help='Họ tên (ghi là người duyệt), ví dụ "Nguyễn Văn A".')
@click.option("--password-stdin", is_flag=True, help="Đọc mật khẩu từ dòng đầu của stdin (cho script).")
@click.pass_context
def user_add(ctx: click.Context, name: str, role: str, full_name: str | None, password_stdin: bool) -> None:
    """Thêm tài khoản NAME (chữ thường không dấu, ví dụ nguyenvana) với vai trò --role."""
    from broadcaster import accounts

    conf = settings(ctx)
    accounts.check_name(name)
    account = accounts.add_user(conf, name, role, _password(password_stdin), full_name, actor="cli")
    click.echo(f"Đã thêm tài khoản {account.name} ({accounts.ROLE_VI[account.role]}).")


@user.command("passwd")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Đọc mật khẩu mới từ dòng đầu của stdin.")
@click.pass_context
def user_passwd(ctx: click.Context, name: str, password_stdin: bool) -> None:
    """Đặt mật khẩu mới cho tài khoản NAME (mở khóa nếu đang bị tạm khóa; các phiên cũ bị đăng xuất)."""
    from broadcaster import accounts

    account = accounts.set_password(settings(ctx), name, _password(password_stdin), actor="cli")
    click.echo(f"Đã đổi mật khẩu của {account.name}.")


@user.command("list")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON.")
@click.pass_context
def user_list(ctx: click.Context, as_json: bool) -> None:
    """Liệt kê các tài khoản, vai trò, lần đăng nhập gần nhất."""
    from broadcaster import accounts
    from broadcaster.timeutil import local

    rows = accounts.list_users(settings(ctx))
    if as_json:
        click.echo(json.dumps([a.to_json() for a in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("Chưa có tài khoản nào. Thêm bằng: broadcaster user add TÊN --role admin")
    for a in rows:
        last = f"{local(a.last_login_at):%d/%m/%Y %H:%M}" if a.last_login_at else "chưa đăng nhập"
        state = "" if a.active else "  [ĐÃ KHÓA]"
        click.echo(f"{a.name:<20} {accounts.ROLE_VI[a.role]:<16} {a.full_name or '':<24} {last}{state}")


@user.command("disable")
@click.argument("name")
@click.pass_context
def user_disable(ctx: click.Context, name: str) -> None:
    """Khóa tài khoản NAME (không đăng nhập được nữa; phiên đang mở bị đăng xuất)."""
    from broadcaster import accounts

    account = accounts.set_active(settings(ctx), name, False, actor="cli")
    click.echo(f"Đã khóa tài khoản {account.name}.")


@user.command("enable")
@click.argument("name")
@click.pass_context
def user_enable(ctx: click.Context, name: str) -> None:
    """Mở lại tài khoản NAME đã khóa."""
    from broadcaster import accounts

    account = accounts.set_active(settings(ctx), name, True, actor="cli")
    click.echo(f"Đã mở lại tài khoản {account.name}.")
