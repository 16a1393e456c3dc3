"""`broadcaster init DIR` and `broadcaster service unit | install`: setting a station up on a machine."""

from __future__ import annotations

import pwd
from pathlib import Path

import click

from broadcaster.cli import main, settings
from broadcaster.errors import BroadcasterError, ConfigError

LOG_FILE_HELP = (
    "Ghi nhật ký trình lập lịch vào TỆP (đường dẫn tuyệt đối, systemd ghi, logrotate xoay vòng) thay vì journald."
)
USER_HELP = "Chạy dịch vụ bằng người dùng này (mặc định: chủ thư mục chứa config.yaml, nếu không phải root)."


@main.command("init")
@click.argument("folder", metavar="THƯ_MỤC", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Ghi đè config.yaml đã có (bản cũ giữ lại thành config.yaml.bak).")
def init_command(folder: Path, force: bool) -> None:
    """Tạo đài mới trong THƯ_MỤC: config.yaml có chú thích, các thư mục dữ liệu và cơ sở dữ liệu.

    Không cần tệp cấu hình có sẵn. Không ghi đè config.yaml đã sửa (trừ khi có --force);
    chạy lại nhiều lần không thay đổi gì.
    """
    from broadcaster.onair.service import executable
    from broadcaster.project import init_project

    report = init_project(folder, force)
    try:
        program = str(executable())
    except BroadcasterError:
        program = "broadcaster"
    said = {
        "written": f"Đã ghi tệp cấu hình {report.config} (bản mẫu có chú thích).",
        "unchanged": f"Tệp cấu hình {report.config} đã có (giống bản mẫu), giữ nguyên.",
        "overwritten": f"Đã ghi đè tệp cấu hình {report.config}; bản cũ: {report.backup}.",
    }
    click.echo(said[report.config_action])
    made = [str(path) for path, created in report.folders if created]
    kept = [str(path) for path, created in report.folders if not created]
    if made:
        click.echo("Đã tạo thư mục: " + ", ".join(made) + ".")
    if kept:
        click.echo("Thư mục đã có: " + ", ".join(kept) + ".")
    where = report.database.removeprefix("sqlite:///")
    click.echo(
        f"Đã tạo cơ sở dữ liệu {where}."
        if report.database_created
        else f"Cơ sở dữ liệu {where} đã sẵn sàng (cấu trúc mới nhất)."
    )
    home = report.config.parent
    click.echo(f"""
Bước tiếp theo:
  1. Sửa {report.config}: mục station (tên đài, xã, điện thoại), voice (giọng đọc) và slots
     (khung giờ phát; chép vào cơ sở dữ liệu ở lần dùng đầu, sau đó sửa bằng broadcaster slots).
  2. Làm việc trong thư mục đài (config.yaml ở đó được tự tìm thấy):  cd {home}
  3. Nhập thông báo và thủ tục hành chính:
       broadcaster announce import thong-bao.yaml
       broadcaster tthc import tthc.xlsx
  4. Dựng chương trình tuần sau (kịch bản + âm thanh):  broadcaster weekly
  5. Lãnh đạo UBND xã duyệt:  broadcaster approve --week <tuần, ví dụ 2026-W49> --by "Họ tên"
  6. Chạy thử trình lập lịch (Ctrl+C để dừng):  broadcaster run;  kiểm tra:  broadcaster status
  7. Chạy nền, tự khởi động cùng máy:  sudo {program} --config {report.config} \\
       service install --user <người dùng>;  rồi:  sudo systemctl enable --now broadcaster""")


@main.group()
def service() -> None:
    """Chạy trình lập lịch thành dịch vụ systemd (tự khởi động cùng máy, tự chạy lại khi lỗi)."""


@service.command("unit")
@click.option("--user", default=None, help=USER_HELP)
@click.option(
    "--log-file", "log_file", type=click.Path(dir_okay=False, path_type=Path), default=None, help=LOG_FILE_HELP
)
@click.pass_context
def service_unit(ctx: click.Context, user: str | None, log_file: Path | None) -> None:
    """In tệp dịch vụ systemd (broadcaster.service) cho cấu hình này, không ghi gì."""
    from broadcaster.onair import service as svc

    conf = settings(ctx)
    click.echo(svc.unit_text(conf, user or svc.default_user(conf), _absolute(log_file)), nl=False)


@service.command("install")
@click.option("--user", default=None, help=USER_HELP)
@click.option(
    "--log-file", "log_file", type=click.Path(dir_okay=False, path_type=Path), default=None, help=LOG_FILE_HELP
)
@click.option(
    "--root",
    "root",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    metavar="THƯ_MỤC",
    help="Ghi vào THƯ_MỤC/etc/… thay vì /etc/… (đóng gói, thử); không nạp lại systemd.",
)
@click.pass_context
def service_install(ctx: click.Context, user: str | None, log_file: Path | None, root: Path | None) -> None:
    """Cài dịch vụ: ghi /etc/systemd/system/broadcaster.service (và /etc/logrotate.d/broadcaster khi có
    --log-file), nạp lại systemd nếu systemd đang chạy máy, rồi in lệnh bật dịch vụ. Cần quyền root."""
    from broadcaster.onair import service as svc

    conf = settings(ctx)
    done = svc.install(conf, user or svc.default_user(conf), _absolute(log_file), root)
    who = f"người dùng {done.user}" if done.user else "root"
    click.echo(f"Đã ghi {done.unit} (trình lập lịch chạy bằng {who}).")
    if done.user is None:
        click.echo("  Lưu ý: nên chạy bằng người dùng riêng, không phải root: thêm --user <người dùng>.")
    elif _owner(conf.paths.data) not in (None, done.user):
        click.echo(f"  Lưu ý: {done.user} phải ghi được thư mục của đài: chown -R {done.user} {conf.base_dir}")
    if done.logrotate:
        click.echo(f"Đã ghi {done.logrotate}: nhật ký {done.log_file} xoay vòng hằng tuần, giữ 8 tuần.")
    else:
        click.echo(
            "Nhật ký ghi vào journald (systemd tự giới hạn dung lượng, không cần logrotate); "
            "xem bằng: journalctl -u broadcaster -f"
        )
    if done.reloaded:
        click.echo("Đã nạp lại systemd (systemctl daemon-reload).")
    else:
        click.echo(f"Chưa nạp lại systemd: {done.reload_skipped}.")
    click.echo("Bật và chạy dịch vụ trên máy dùng systemd:")
    if not done.reloaded:
        click.echo("  sudo systemctl daemon-reload")
    follow = f"tail -f {done.log_file}" if done.log_file else "journalctl -u broadcaster -f"
    click.echo(f"  sudo systemctl enable --now broadcaster\n  systemctl status broadcaster\n  {follow}")
    click.echo(f"Khóa API, mật khẩu Icecast (nếu dùng): ghi dạng TÊN=giá_trị vào {svc.ENVIRONMENT_FILE}.")


def _absolute(path: Path | None) -> Path | None:
    if path is not None and not path.is_absolute():
        raise ConfigError(
            f"Đường dẫn tệp nhật ký “{path}” phải là đường dẫn tuyệt đối.",
            None,
            "ví dụ: --log-file /var/log/broadcaster/broadcaster.log.",
        )
    return path


def _owner(path: Path) -> str | None:
    try:
        return pwd.getpwuid(path.stat().st_uid).pw_name
    except (KeyError, OSError):
        return None
