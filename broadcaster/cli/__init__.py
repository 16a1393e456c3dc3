"""The thin click CLI: parse options, call one library function, print the result.

Each command group lives in its own module in this package. The modules are imported only when
their command runs (or its help is asked for): `broadcaster --help` and `broadcaster normalize` must
not pay for the database, templates, audio or HTTP clients. COMMANDS names the module of every
top-level command and the one-line summary `broadcaster --help` shows for it; tests/test_cli_startup.py
checks that both match the modules. A command module imports its heavy dependencies inside the
command functions, not at the top.

Errors derived from BroadcasterError are printed in Vietnamese without a traceback unless --debug
is given; so are click's own usage errors (see broadcaster.cli.vietnamese).
"""

from __future__ import annotations

import importlib
import logging
import sys
from typing import Any, NamedTuple

import click

from broadcaster.cli.vietnamese import VietnameseGroup, vietnamese_errors
from broadcaster.errors import BroadcasterError


class Entry(NamedTuple):
    module: str  # in broadcaster.cli
    summary: str  # the first sentence of the command's help


COMMANDS: dict[str, Entry] = {
    "announce": Entry("catalog", "Thông báo: nhập từ tệp, thêm một thông báo, xem danh sách."),
    "tthc": Entry("catalog", "Thủ tục hành chính (TTHC) thay đổi: nhập từ tệp, xem danh sách."),
    "preview": Entry("weekly", "Xem trước kịch bản từng buổi phát trong tuần và ghi vào scripts/<tuần>/."),
    "weekly": Entry("weekly", "Dựng chương trình phát thanh của tuần: kịch bản, âm thanh MP3, ghi vào cơ sở dữ liệu."),
    "demo": Entry("weekly", "Nạp dữ liệu mẫu của một xã và dựng chương trình tuần 2026-W49 (chạy lại không bị trùng)."),
    "normalize": Entry(
        "normalize", "In dạng đọc (chữ số, ngày, giờ, số văn bản, chữ viết tắt… thành lời) của mỗi VĂN_BẢN."
    ),
    "voices": Entry("audio", "Liệt kê các giọng đọc (vùng miền, nam/nữ), giọng nào dùng được ngay và vì sao không."),
    "say": Entry("audio", "Đọc thử một đoạn văn bản: chuẩn hóa → giọng đọc → xử lý âm thanh → MP3."),
    "cache": Entry("audio", "Bộ nhớ đệm âm thanh (mỗi đoạn đọc được lưu lại để dựng lại nhanh)."),
    "approve": Entry("onair", "Duyệt chương trình phát của tuần (ghi người duyệt và thời điểm vào nhật ký)."),
    "run": Entry("onair", "Chạy trình lập lịch: dựng chương trình hằng tuần và phát đúng giờ (dừng bằng Ctrl+C)."),
    "urgent": Entry(
        "onair", "Phát ngay tin khẩn cấp trên mọi đầu phát (bão, lũ, cháy, dịch bệnh), kể cả giờ yên tĩnh."
    ),
    "status": Entry(
        "onair",
        "Tình trạng: trình lập lịch, buổi phát 7 ngày tới (buổi nào sẽ bị chặn và vì sao), "
        "buổi đã qua không có trong nhật ký (trình lập lịch không chạy), lỗi gần đây.",
    ),
    "history": Entry(
        "onair", "Lịch sử phát: buổi, chương trình, số tin, thời lượng, giờ phát, đầu phát, kết quả, người duyệt."
    ),
    "logbook": Entry(
        "onair", "Xuất sổ nhật ký phát thanh của tháng ra CSV (tiêu đề cột tiếng Việt) cho đoàn kiểm tra."
    ),
    "slots": Entry("slots", "Lịch phát: khung giờ hằng tuần, bỏ một buổi, thêm buổi phát riêng (giờ Việt Nam)."),
    "rewrite": Entry("rewrite", "Viết lại cho dễ nghe: kiểm tra một bản viết lại với văn bản gốc."),
    "web": Entry(
        "web", "Chạy trang web: tuần này, chương trình, duyệt, thông báo, TTHC, lịch phát, khẩn cấp, nhật ký."
    ),
    "user": Entry("users", "Tài khoản đăng nhập trang web (broadcaster web): thêm, đổi mật khẩu, liệt kê, khóa."),
    "init": Entry(
        "house", "Tạo đài mới trong THƯ_MỤC: config.yaml có chú thích, các thư mục dữ liệu và cơ sở dữ liệu."
    ),
    "service": Entry(
        "house", "Chạy trình lập lịch thành dịch vụ systemd (tự khởi động cùng máy, tự chạy lại khi lỗi)."
    ),
}


class _Root(VietnameseGroup):
    """The `broadcaster` group: commands loaded on first use, errors in Vietnamese."""

    group_class = VietnameseGroup  # type: ignore[assignment]  # click types it as type[Group] | type[type]

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(COMMANDS) | set(self.commands))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            importlib.import_module(f"broadcaster.cli.{COMMANDS[cmd_name].module}")
        return self.commands.get(cmd_name)

    def summaries(self, ctx: click.Context, width: int) -> list[tuple[str, str]]:
        # From the table: listing the commands imports none of their modules.
        names = self.list_commands(ctx)
        limit = width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            command = self.commands.get(name)
            if command is None and name in COMMANDS:
                rows.append((name, click.utils.make_default_short_help(COMMANDS[name].summary, limit)))
            elif command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        return rows

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        with vietnamese_errors(debug="--debug" in args):
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        debug = bool(ctx.params.get("debug"))
        with vietnamese_errors(debug):
            try:
                return super().invoke(ctx)
            except BroadcasterError as exc:
                if debug:
                    raise
                click.echo(f"Lỗi: {exc.message}", err=True)
                ctx.exit(exc.exit_code)


@click.group(cls=_Root, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Tệp cấu hình. Không ghi thì tìm lần lượt: biến BROADCASTER_CONFIG, ./config.yaml, "
    "/etc/broadcaster/config.yaml (tạo mới: broadcaster init THƯ_MỤC).",
)
@click.option("--debug", is_flag=True, help="Hiện chi tiết lỗi (traceback) để gỡ lỗi.")
@click.option("-v", "--verbose", is_flag=True, help="Ghi nhật ký chi tiết ra stderr.")
@click.pass_context
def main(ctx: click.Context, config_path: str | None, debug: bool, verbose: bool) -> None:
    """broadcaster: đài truyền thanh cơ sở — lịch phát, kịch bản, giọng đọc, phát sóng."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(VietnameseLogFormatter(with_module=debug))
    logging.basicConfig(level=logging.DEBUG if debug or verbose else logging.WARNING, handlers=[handler])
    ctx.obj = {"config_path": config_path, "debug": debug}


class VietnameseLogFormatter(logging.Formatter):
    """Log lines as the officer reads them: 'CẢNH BÁO: …'; the module name only with --debug."""

    LEVELS = {"DEBUG": "GỠ LỖI", "INFO": "THÔNG TIN", "WARNING": "CẢNH BÁO", "ERROR": "LỖI", "CRITICAL": "NGHIÊM TRỌNG"}

    def __init__(self, with_module: bool) -> None:
        super().__init__(
            "%(asctime)s %(level_vi)s" + (" %(name)s" if with_module else "") + ": %(message)s",
            datefmt="%d/%m %H:%M:%S",
        )

    def format(self, record: logging.LogRecord) -> str:
        record.level_vi = self.LEVELS.get(record.levelname, record.levelname)
        return super().format(record)


def settings(ctx: click.Context):
    """The validated settings for this invocation (--config, $BROADCASTER_CONFIG or ./config.yaml)."""
    from broadcaster.config import load_settings

    root = ctx.find_root()
    if "settings" not in root.obj:
        root.obj["settings"] = load_settings(root.obj.get("config_path"))
    return root.obj["settings"]


def optional_settings(ctx: click.Context):
    """The settings when a config file is found, else None (for commands that work without one)."""
    from broadcaster.config import find_config

    root = ctx.find_root()
    if "settings" not in root.obj and find_config(root.obj.get("config_path")) is None:
        return None
    return settings(ctx)
