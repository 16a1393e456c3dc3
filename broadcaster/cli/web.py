"""`broadcaster web`: the web app for the officer and the approver (server-rendered pages, Vietnamese)."""

from __future__ import annotations

import signal

import click

from broadcaster.cli import main, settings


def _stop(*_) -> None:
    raise KeyboardInterrupt


@main.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Địa chỉ nghe. Mặc định chỉ máy này; để dùng trong mạng xã, đặt sau một reverse proxy TLS "
    "(Caddy, nginx) như trong README.",
)
@click.option("--port", default=8080, show_default=True, type=click.IntRange(1, 65535), help="Cổng.")
@click.option(
    "--behind-proxy",
    is_flag=True,
    help="Tin các tiêu đề X-Forwarded-For/-Proto của một reverse proxy (địa chỉ người dùng, https).",
)
@click.option(
    "--idle-minutes",
    default=30,
    show_default=True,
    type=click.IntRange(1, 24 * 60),
    help="Phiên đăng nhập hết hạn sau chừng này phút không dùng.",
)
@click.pass_context
def web(ctx: click.Context, host: str, port: int, behind_proxy: bool, idle_minutes: int) -> None:
    """Chạy trang web: tuần này, chương trình, duyệt, thông báo, TTHC, lịch phát, khẩn cấp, nhật ký.

    Tài khoản tạo bằng: broadcaster user add TÊN --role officer|approver|admin.
    """
    from broadcaster import accounts
    from broadcaster.web.serve import make_server

    conf = settings(ctx)
    server = make_server(conf, host, port, behind_proxy=behind_proxy, idle_minutes=idle_minutes)
    if not accounts.list_users(conf):
        click.echo(
            "Chú ý: chưa có tài khoản nào. Tạo tài khoản quản trị: broadcaster user add TÊN --role admin", err=True
        )
    if host not in ("127.0.0.1", "localhost", "::1") and not behind_proxy:
        click.echo(
            "Chú ý: trang web mở ra mạng mà không có TLS: mật khẩu đi qua mạng không mã hóa. "
            "Nên đặt sau Caddy/nginx (xem README) và dùng --behind-proxy.",
            err=True,
        )
    click.echo(f"Trang web đang chạy: http://{host}:{server.effective_port}/ (Ctrl+C để dừng)", err=True)
    for sig in (signal.SIGTERM, signal.SIGINT):  # systemd stops with SIGTERM; a background job ignores SIGINT
        signal.signal(sig, _stop)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    click.echo("Trang web đã dừng.", err=True)
