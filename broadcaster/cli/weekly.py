"""`broadcaster preview`, `broadcaster weekly`, `broadcaster demo`: the week's program."""

from __future__ import annotations

import json
import shutil
from typing import TYPE_CHECKING

import click

from broadcaster.cli import main, settings

if TYPE_CHECKING:
    from broadcaster.production.build import WeekResult

WEEK_HELP = "Tuần ISO, ví dụ 2026-W49 (mặc định: tuần sau)."
PAST_HELP = "Dựng cả tuần (hoặc buổi phát) đã qua, bỏ qua giờ hiện tại (chỉ để ghi lại hoặc thử)."


@main.command()
@click.option("--week", default=None, help=WEEK_HELP)
@click.option(
    "--rewrite",
    is_flag=True,
    help="Viết lại cho dễ nghe (theo mục rewrite của cấu hình) và so sánh từng tin: văn bản gốc, "
    "bản viết lại và kết quả kiểm tra dữ kiện.",
)
@click.option("--past", is_flag=True, help=PAST_HELP)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="In dạng JSON: mỗi đoạn có text (sẽ đọc), source, rewrite_status, rewrite_reason.",
)
@click.pass_context
def preview(ctx: click.Context, week: str | None, rewrite: bool, past: bool, as_json: bool) -> None:
    """Xem trước kịch bản từng buổi phát trong tuần và ghi vào scripts/<tuần>/."""
    from broadcaster.production import build
    from broadcaster.production.rewrite import report as rewrite_report
    from broadcaster.timeutil import local, week_or_next

    conf = settings(ctx)
    scripts, paths = build.preview(conf, week_or_next(week), rewrite=True if rewrite else None, past=past)
    if as_json:
        click.echo(json.dumps(rewrite_report.week_json(scripts, paths), ensure_ascii=False, indent=2))
        return
    if not scripts.slots and not scripts.passed:
        click.echo(f"Tuần {scripts.week} chưa có buổi phát nào. Kiểm tra mục slots trong config.yaml.")
    width = max(80, min(shutil.get_terminal_size((120, 24)).columns, 160))
    for script, path in zip(scripts.slots, paths):
        click.echo("=" * 72)
        if rewrite:
            click.echo(f"Buổi phát {local(script.slot.at):%d/%m/%Y %H:%M} (tuần {scripts.week})\n")
            for number, segment in enumerate(script.segments, start=1):
                click.echo(rewrite_report.segment_view(number, segment, width) + "\n")
        else:
            click.echo(path.read_text(encoding="utf-8").rstrip("\n"))  # the file just written: status and marks
        click.echo(f"(đã ghi {path})")
    _report_passed(scripts.passed)
    if scripts.rewrite:
        click.echo(scripts.rewrite.summary_vi())
    _report_notices(scripts.notices)


@main.command()
@click.option("--week", default=None, help=WEEK_HELP)
@click.option("--past", is_flag=True, help=PAST_HELP)
@click.option(
    "--rebuild",
    "rebuild",
    multiple=True,
    metavar="BUỔI",
    help="Dựng lại buổi phát đã duyệt (ví dụ fri, 2026-12-04_1730, 'fri 17:30'); buổi đó phải duyệt lại. "
    "Dùng nhiều lần cho nhiều buổi.",
)
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON (cho máy đọc), kèm danh sách cảnh báo.")
@click.pass_context
def weekly(ctx: click.Context, week: str | None, past: bool, rebuild: tuple[str, ...], as_json: bool) -> None:
    """Dựng chương trình phát thanh của tuần: kịch bản, âm thanh MP3, ghi vào cơ sở dữ liệu.

    Buổi phát đã qua giờ giữ nguyên, không nhận thêm tin; buổi đã duyệt giữ nguyên nếu các tin của nó
    không đổi (đổi thì trở lại bản nháp và được báo).
    """
    from broadcaster.production import build
    from broadcaster.store.db import current_user
    from broadcaster.timeutil import week_or_next

    conf = settings(ctx)
    result = build.weekly(
        conf, week_or_next(week), actor=current_user(), progress=_progress(as_json), past=past, rebuild=rebuild
    )
    _print_week(conf, result, as_json)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON (cho máy đọc).")
@click.pass_context
def demo(ctx: click.Context, as_json: bool) -> None:
    """Nạp dữ liệu mẫu của một xã và dựng chương trình tuần 2026-W49 (chạy lại không bị trùng)."""
    from broadcaster.production import build

    conf = settings(ctx)
    reports, result = build.demo(conf, progress=_progress(as_json))
    if not as_json:
        for report in reports:
            click.echo(
                f"Dữ liệu mẫu {report.path}: {report.created} mới, {report.updated} cập nhật, "
                f"{report.unchanged} không đổi."
            )
    _print_week(conf, result, as_json)


def _progress(as_json: bool):
    from broadcaster.cli.audio import ProgressBars

    return None if as_json else ProgressBars("Dựng âm thanh")


def _print_week(conf, result: WeekResult, as_json: bool) -> None:
    from broadcaster.production.script.document import minutes_text
    from broadcaster.timeutil import local, vi_date

    if as_json:
        click.echo(json.dumps(result.to_json(conf.base_dir), ensure_ascii=False, indent=2))
        return
    click.echo(f"Chương trình tuần {result.week}: {len(result.broadcasts)} buổi phát.")
    paths = result.to_json(conf.base_dir)["broadcasts"]
    for b, shown in zip(result.broadcasts, paths):
        when = local(b.slot)
        duration = minutes_text(b.duration_s) if b.duration_s else "chưa có âm thanh"
        click.echo(
            f"- {vi_date(when.date())} {when:%H:%M}: {b.items} tin, {duration} "
            f"(ước tính {minutes_text(b.estimated_s)}); kịch bản {shown['script']}; "
            f"âm thanh {shown['audio'] or 'chưa có'}"
        )
        if b.rendered:
            click.echo(f"  Âm thanh: {b.rendered} đoạn, {b.cached} lấy từ bộ nhớ đệm; giọng {b.engines}.")
    _report_passed(result.passed)
    if result.rewrite:
        click.echo(result.rewrite.summary_vi())
    for slot, title in result.carried:
        click.echo(f"  Chuyển sang buổi sau (hết thời lượng buổi {slot}): {title}")
    _report_notices(result.notices)


def _report_passed(passed) -> None:
    from broadcaster.timeutil import local, vi_date

    for slot in passed:
        when = local(slot.at)
        click.echo(f"- {vi_date(when.date())} {when:%H:%M}: đã qua giờ phát, không dựng.")


def _report_notices(notices) -> None:
    for notice in notices:
        click.echo(f"Cảnh báo: {notice.message}", err=True)
