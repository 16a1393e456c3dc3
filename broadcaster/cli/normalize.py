"""`broadcaster normalize`: print the spoken form of texts (the same function the pipeline uses)."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

import click

from broadcaster.cli import main, optional_settings

if TYPE_CHECKING:
    from broadcaster.vi.normalize import Normalized


def _emit(result: Normalized, line: int | None) -> None:
    click.echo(result.text)
    where = f"dòng {line}, " if line is not None else ""
    for warning in result.warnings:
        click.echo(f"Cảnh báo ({where}vị trí {warning.position}): {warning.message}: {warning.fragment!r}", err=True)


@main.command("normalize")
@click.argument("texts", nargs=-1, metavar="[VĂN_BẢN]...")
@click.pass_context
def normalize_command(ctx: click.Context, texts: tuple[str, ...]) -> None:
    """In dạng đọc (chữ số, ngày, giờ, số văn bản, chữ viết tắt… thành lời) của mỗi VĂN_BẢN.

    Không có VĂN_BẢN: đọc đầu vào chuẩn, in đúng một dòng kết quả cho mỗi dòng vào.
    Cách đọc riêng của xã lấy từ mục `lexicon:` trong config.yaml (nếu tìm thấy). Cảnh báo (ký hiệu không
    đọc được, kèm vị trí) in ra stderr.

    Ví dụ: broadcaster normalize "UBND xã họp lúc 7h30 ngày 01/12/2026"
    """
    from broadcaster.vi.normalize import normalize

    conf = optional_settings(ctx)  # works without a config file: then no commune lexicon
    lexicon = conf.lexicon if conf else {}
    if texts:
        for text in texts:
            _emit(normalize(text, lexicon), None)
        return
    for number, line in enumerate(sys.stdin, start=1):
        _emit(normalize(line.rstrip("\r\n"), lexicon), number)
