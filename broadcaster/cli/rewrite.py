"""`broadcaster rewrite check`: the fact guard on pairs of texts, one JSON line per pair."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from broadcaster.cli import main, optional_settings


@main.group("rewrite")
def rewrite_group() -> None:
    """Viết lại cho dễ nghe: kiểm tra một bản viết lại với văn bản gốc."""


def _read(path: str, what: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise click.UsageError(f"Không đọc được tệp {what} {path}: {exc}") from exc


def _pairs(source: str | None, rewrite: str | None):
    """(line number, source, rewrite, error) for each input."""
    if source is not None or rewrite is not None:
        if source is None or rewrite is None:
            raise click.UsageError("Cần cả --source và --rewrite (hoặc không có cả hai và đọc JSON từ đầu vào chuẩn).")
        yield 1, _read(source, "văn bản gốc"), _read(rewrite, "bản viết lại"), ""
        return
    for number, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            pair = (item["source"], item["rewrite"])
            if not all(isinstance(x, str) for x in pair):
                raise TypeError("source và rewrite phải là chuỗi")
        except (ValueError, KeyError, TypeError) as exc:
            yield number, "", "", f'Dòng {number} không phải JSON {{"source": "…", "rewrite": "…"}}: {exc}'
            continue
        yield number, pair[0], pair[1], ""


@rewrite_group.command("check")
@click.option(
    "--source",
    "source_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Tệp văn bản gốc (UTF-8). Dùng cùng --rewrite thay cho đầu vào chuẩn.",
)
@click.option(
    "--rewrite", "rewrite_path", type=click.Path(dir_okay=False), default=None, help="Tệp bản viết lại (UTF-8)."
)
@click.option(
    "--max-words",
    type=click.IntRange(min=1),
    default=None,
    help="Giới hạn số từ của bản viết lại (mặc định: không kiểm tra độ dài).",
)
@click.option(
    "--verify/--no-verify", default=None, help="Hỏi thêm ý kiến mô hình (rewrite.verify). Mặc định: theo config.yaml."
)
@click.pass_context
def check_command(
    ctx: click.Context, source_path: str | None, rewrite_path: str | None, max_words: int | None, verify: bool | None
) -> None:
    """Kiểm tra bản viết lại có giữ đúng, đủ dữ kiện của văn bản gốc không.

    Đọc từ đầu vào chuẩn mỗi dòng một JSON {"source": "…", "rewrite": "…"} (hoặc hai tệp --source,
    --rewrite) và in mỗi dòng một JSON {"accepted": true|false, "reasons": ["…"]}. Bảng tên cơ quan,
    địa điểm, đối tượng của xã lấy từ mục rewrite trong config.yaml nếu tìm thấy. Mã thoát 1 khi có
    dòng vào không đọc được.

    Ví dụ: echo '{"source": "Họp lúc 7h30.", "rewrite": "Họp lúc 8 giờ."}' | broadcaster rewrite check
    """
    from broadcaster.production.rewrite.cache import FileRewriteCache
    from broadcaster.production.rewrite.check import check_rewrite

    conf = optional_settings(ctx)
    options = conf.rewrite if conf else None
    if verify and (options is None or options.engine != "openai"):
        raise click.UsageError("--verify cần rewrite.engine: openai (kèm base_url, model) trong config.yaml.")
    cache = FileRewriteCache(conf.cache_dir / "rewrite") if conf and (verify or options and options.verify) else None
    bad = False
    for _, source, rewrite, error in _pairs(source_path, rewrite_path):
        if error:
            bad = True
            click.echo(json.dumps({"accepted": False, "reasons": [error]}, ensure_ascii=False))
            continue
        result = check_rewrite(source, rewrite, options, max_words=max_words, verify=verify, cache=cache)
        click.echo(json.dumps({"accepted": result.ok, "reasons": list(result.reasons)}, ensure_ascii=False))
    if bad:
        ctx.exit(1)
