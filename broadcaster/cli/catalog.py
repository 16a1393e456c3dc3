"""`broadcaster announce …` and `broadcaster tthc …`: import, add and list the commune's items."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from broadcaster.cli import main, settings

# The names `announce add` gives each field in its messages: its own options.
ADD_OPTIONS = {
    "uid": "--id",
    "title": "--title",
    "body": "--body",
    "category": "--category",
    "priority": "--priority",
    "valid_from": "--from",
    "valid_until": "--until",
    "repeat": "--repeat",
}

if TYPE_CHECKING:
    from broadcaster.intake.catalog import ImportReport


def _report(report: ImportReport, noun: str) -> None:
    click.echo(
        f"Đã nhập {report.total} {noun} từ {report.path or 'dòng lệnh'}: "
        f"{report.created} mới, {report.updated} cập nhật, {report.unchanged} không đổi."
    )
    if report.notes:
        click.echo("Cách đọc tệp: " + "; ".join(report.notes) + ".")
    for warning in report.warnings:
        click.echo(f"Cảnh báo: {warning}", err=True)


@main.group()
def announce() -> None:
    """Thông báo: nhập từ tệp, thêm một thông báo, xem danh sách."""


@announce.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.pass_context
def announce_import(ctx: click.Context, file: Path) -> None:
    """Nhập thông báo từ tệp YAML hoặc CSV (tất cả hoặc không gì cả).

    Cột/khóa: tiêu đề, nội dung, chuyên mục, mức ưu tiên (thường | ưu tiên | khẩn cấp),
    từ ngày, đến ngày (dd/mm/yyyy), số lần phát. Nhập lại cùng tệp không tạo bản trùng.
    """
    from broadcaster.intake import catalog

    _report(catalog.import_announcements(settings(ctx), file), "thông báo")


@announce.command("add")
@click.option("--title", required=True, help="Tiêu đề thông báo.")
@click.option("--body", required=True, help="Nội dung đọc trên loa.")
@click.option(
    "--category",
    default="chung",
    show_default=True,
    help="Chuyên mục: chung, họp, y tế, thuế, bảo hiểm, thời tiết, chuyển đổi số, an ninh, nông nghiệp.",
)
@click.option("--priority", default="thường", show_default=True, help="Mức ưu tiên: thường, ưu tiên, khẩn cấp.")
@click.option("--from", "valid_from", required=True, help="Phát từ ngày (dd/mm/yyyy).")
@click.option("--until", "valid_until", default=None, help="Phát đến ngày (mặc định: bằng ngày bắt đầu).")
@click.option("--repeat", default=None, help="Số lần phát (mặc định theo cấu hình).")
@click.option("--id", "uid", default=None, help="Mã thông báo (để sửa lại sau này).")
@click.pass_context
def announce_add(ctx, title, body, category, priority, valid_from, valid_until, repeat, uid) -> None:
    """Thêm (hoặc cập nhật) một thông báo từ dòng lệnh."""
    from broadcaster.intake import catalog, readers, schema
    from broadcaster.intake.announcements import validate

    conf = settings(ctx)
    row = readers.Row(
        "dòng lệnh",
        {
            "uid": uid,
            "title": title,
            "body": body,
            "category": category,
            "priority": priority,
            "valid_from": valid_from,
            "valid_until": valid_until,
            "repeat": repeat,
        },
        ADD_OPTIONS,
    )
    problems = readers.Problems(Path("-"), "Tùy chọn của lệnh")
    item = None
    if schema.check([row], schema.AnnouncementRecord, problems):
        item = validate(row, problems, conf.planning.default_repeat)
    problems.raise_if_any("sửa tùy chọn rồi chạy lại; chưa có gì được ghi.")
    assert item is not None
    _report(catalog.add_announcement(conf, item), "thông báo")


@announce.command("list")
@click.pass_context
def announce_list(ctx: click.Context) -> None:
    """Liệt kê các thông báo đã nhập."""
    from broadcaster.intake import catalog
    from broadcaster.intake.vocab import CATEGORY_VI, PRIORITY_VI

    rows = catalog.list_announcements(settings(ctx))
    if not rows:
        click.echo("Chưa có thông báo nào. Nhập bằng: broadcaster announce import TỆP")
        return
    click.echo(f"{'Số':>4}  {'Từ ngày':<10} {'Đến ngày':<10}  {'Ưu tiên':<9} {'Chuyên mục':<14} {'Số lần':>6}  Tiêu đề")
    for a in rows:
        click.echo(
            f"{a.id:>4}  {a.valid_from:%d/%m/%Y} {a.valid_until:%d/%m/%Y}  "
            f"{PRIORITY_VI.get(a.priority, a.priority):<9} {CATEGORY_VI.get(a.category, a.category):<14} "
            f"{a.repeat:>6}  {a.title}"
        )


@main.group()
def tthc() -> None:
    """Thủ tục hành chính (TTHC) thay đổi: nhập từ tệp, xem danh sách."""


@tthc.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--sheet", default=None, help="Tên trang tính của tệp Excel (mặc định: trang có dòng tiêu đề khớp).")
@click.pass_context
def tthc_import(ctx: click.Context, file: Path, sheet: str | None) -> None:
    """Nhập TTHC thay đổi từ tệp CSV, XLSX hoặc JSON (tất cả hoặc không gì cả).

    Cột bắt buộc: Mã TTHC, Tên thủ tục, Lĩnh vực, Loại thay đổi (mới ban hành | sửa đổi, bổ sung |
    thay thế | bãi bỏ), Ngày hiệu lực. Thêm nếu có: Quyết định công bố, Thời hạn giải quyết,
    Phí, lệ phí, Nơi tiếp nhận, Mức độ DVC trực tuyến, Nội dung thay đổi, Thay thế cho, Nguồn, Ngày lấy.
    Dòng tiêu phụ lục phía trên, ô gộp, công thức và CSV của Excel (dấu ; ) đều đọc được.
    """
    from broadcaster.intake import catalog

    _report(catalog.import_tthc(settings(ctx), file, sheet=sheet), "thủ tục")


@tthc.command("list")
@click.pass_context
def tthc_list(ctx: click.Context) -> None:
    """Liệt kê các TTHC thay đổi đã nhập."""
    from broadcaster.intake import catalog
    from broadcaster.intake.vocab import CHANGE_TYPE_VI

    rows = catalog.list_tthc(settings(ctx))
    if not rows:
        click.echo("Chưa có TTHC nào. Nhập bằng: broadcaster tthc import TỆP")
        return
    click.echo(f"{'Mã TTHC':<10} {'Ngày hiệu lực':<13} {'Loại thay đổi':<16} Tên thủ tục (lĩnh vực; quyết định)")
    for t in rows:
        click.echo(
            f"{t.code:<10} {t.effective_date:%d/%m/%Y}    {CHANGE_TYPE_VI.get(t.change_type, t.change_type):<16} "
            f"{t.name} ({t.field}; {t.decision or 'chưa ghi quyết định'})"
        )
