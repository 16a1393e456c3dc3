"""The thin click CLI: parse options, call one library function, print the result.

Each command group lives in its own module in this package and is registered below.
Errors derived from BroadcasterError are printed in Vietnamese without a traceback
unless --debug is given.
"""

from __future__ import annotations

import logging
import sys

import click

from broadcaster.errors import BroadcasterError


class _Group(click.Group):
    def invoke(self, ctx: click.Context):  # click hook
        try:
            return super().invoke(ctx)
        except BroadcasterError as exc:
            if ctx.find_root().params.get("debug"):
                raise
            click.echo(f"Lỗi: {exc.message}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Tệp cấu hình. Không ghi thì tìm lần lượt: biến BROADCASTER_CONFIG, ./config.yaml, "
                   "/etc/broadcaster/config.yaml (tạo mới: broadcaster init THƯ_MỤC).")
@click.option("--debug", is_flag=True, help="Hiện chi tiết lỗi (traceback) để gỡ lỗi.")
@click.option("-v", "--verbose", is_flag=True, help="Ghi nhật ký chi tiết ra stderr.")
@click.pass_context
def main(ctx: click.Context, config_path: str | None, debug: bool, verbose: bool) -> None:
    """broadcaster: đài truyền thanh cơ sở — lịch phát, kịch bản, giọng đọc, phát sóng."""
    logging.basicConfig(level=logging.DEBUG if debug or verbose else logging.WARNING,
                        stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    ctx.obj = {"config_path": config_path, "debug": debug}


def settings(ctx: click.Context):
    """The validated settings for this invocation; no config file anywhere is a ConfigError.

    The file: --config, $BROADCASTER_CONFIG, ./config.yaml, /etc/broadcaster/config.yaml."""
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


def _register() -> None:
    # One import per command module; each module adds its commands to `main`.
    from broadcaster.cli import audio, catalog, house, normalize, onair, rewrite, slots, weekly  # noqa: F401


_register()
