"""`broadcaster approve | run | urgent | status | history | logbook`: on air and the honest log."""

from __future__ import annotations

import json
import signal
import threading
from pathlib import Path

import click

from broadcaster.cli import main, settings
from broadcaster.store.states import PRIORITY_VI, label
from broadcaster.timeutil import local, vi_date


@main.command()
@click.option("--week", required=True, help="Tuần ISO, ví dụ 2026-W49.")
@click.option(
    "--slot",
    "slots",
    multiple=True,
    help='Chỉ duyệt buổi này: 2026-12-01_0600, "2026-12-01 06:00", tue, "tue 06:00" (lặp lại được).',
)
@click.option("--by", "by", required=True, help="Họ tên người duyệt (lãnh đạo UBND xã).")
@click.pass_context
def approve(ctx: click.Context, week: str, slots: tuple[str, ...], by: str) -> None:
    """Duyệt chương trình phát của tuần (ghi người duyệt và thời điểm vào nhật ký)."""
    from broadcaster.onair import approval

    done = approval.approve(settings(ctx), week, by, slots)
    for item in done:
        click.echo(
            f"Đã duyệt chương trình {local(item.slot_at):%d/%m/%Y %H:%M} ({label(item.status)}), người duyệt: {by}."
        )
    if not done:
        click.echo("Không có chương trình nào cần duyệt (đã phát hoặc đã qua).")


@main.command()
@click.pass_context
def run(ctx: click.Context) -> None:
    """Chạy trình lập lịch: dựng chương trình hằng tuần và phát đúng giờ (dừng bằng Ctrl+C).

    Chỉ một trình lập lịch chạy trên một cơ sở dữ liệu. Khi khởi động lại, các buổi phát đã qua
    được phát bù (nếu còn trong thời gian cho phép trễ) hoặc ghi là bị lỡ; trình phát còn chạy từ
    lần trước được chờ cho xong. SIGTERM dừng trong vòng 10 giây (chương trình đang phát ghi là bị ngắt).
    """
    from broadcaster.onair import daemon

    conf = settings(ctx)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    daemon.run(conf, stop, on_ready=lambda: click.echo("Trình lập lịch đang chạy.", err=True), notify=_notifier())
    click.echo("Trình lập lịch đã dừng.", err=True)


def _notifier():
    """systemd notifications (READY, WATCHDOG, STOPPING) when run as a service; else nothing."""
    try:
        from broadcaster.onair import notify
    except ImportError:
        return None
    return notify.send


@main.command()
@click.argument("text", required=False)
@click.option(
    "--file",
    "file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Đọc nội dung tin từ tệp văn bản UTF-8.",
)
@click.option("--repeat", default=1, show_default=True, type=int, help="Số lần đọc tin (nhắc lại).")
@click.option("--by", default=None, help="Người ra lệnh phát (mặc định: tên người dùng máy).")
@click.pass_context
def urgent(ctx: click.Context, text: str | None, file: Path | None, repeat: int, by: str | None) -> None:
    """Phát ngay tin khẩn cấp trên mọi đầu phát (bão, lũ, cháy, dịch bệnh), kể cả giờ yên tĩnh."""
    from broadcaster.onair import emergency
    from broadcaster.onair.outputs import labels

    body = file.read_text(encoding="utf-8") if file else (text or "")
    result = emergency.urgent(settings(ctx), body, repeat, by)
    where = (
        "qua trình lập lịch đang chạy"
        if result.via == "daemon"
        else "trực tiếp (không có trình lập lịch nào đang chạy)"
    )
    if result.result == "aired":
        names = labels(",".join(r.output for r in result.outputs))
        click.echo(f"Đã phát tin khẩn cấp {where}" + (f" trên: {names}." if names else "."))
        return
    click.echo(f"Lỗi: phát tin khẩn cấp {where} không thành công ({label(result.result)}). {result.reason}", err=True)
    ctx.exit(1)


@main.command()
@click.pass_context
def status(ctx: click.Context) -> None:
    """Tình trạng: trình lập lịch, buổi phát 7 ngày tới (buổi nào sẽ bị chặn và vì sao),
    buổi đã qua không có trong nhật ký (trình lập lịch không chạy), lỗi gần đây."""
    from broadcaster.onair import logbook
    from broadcaster.production.script.document import minutes_text

    report = logbook.status(settings(ctx))
    if report.daemon:
        click.echo(f"Trình lập lịch: đang chạy ({report.daemon}).")
    else:
        click.echo("Trình lập lịch: KHÔNG chạy — các buổi phát sẽ không được phát. Chạy: broadcaster run.")
    click.echo(f"Buổi phát 7 ngày tới ({len(report.upcoming)}):")
    for u in report.upcoming:
        length = f", {minutes_text(u.duration_s)}" if u.duration_s else ""
        who = f", duyệt: {u.approved_by}" if u.approved_by else ""
        when = f"  {vi_date(local(u.at).date())} {local(u.at):%H:%M:%S}"
        if u.status == "none":
            click.echo(f"{when}: SẼ KHÔNG PHÁT — " + "; ".join(u.blocked) + ".")
            continue
        click.echo(f"{when}: {label(u.status)}{length}{who}")
        if u.blocked:
            click.echo("      SẼ KHÔNG PHÁT — " + "; ".join(u.blocked) + ".")
    if report.blocked:
        click.echo(
            f"Cảnh báo: {len(report.blocked)}/{len(report.upcoming)} buổi phát sắp tới sẽ bị chặn "
            "nếu không xử lý trước giờ phát."
        )
    if report.unlogged:
        click.echo(
            f"Buổi phát 7 ngày qua KHÔNG có trong nhật ký ({len(report.unlogged)}) — không phát được vì "
            "trình lập lịch không chạy lúc đó (máy tắt hoặc dịch vụ dừng):"
        )
        for slot in report.unlogged:
            click.echo(f"  {vi_date(local(slot.at).date())} {local(slot.at):%H:%M:%S}")
    for p in report.problems:
        click.echo(f"Sự cố: {local(p.slot):%d/%m %H:%M} {label(p.result)} — {p.reason}")


@main.command()
@click.option("--week", default=None, help="Tuần ISO, ví dụ 2026-W49 (mặc định: tất cả).")
@click.option("--json", "as_json", is_flag=True, help="In dạng JSON (priority, result bằng tiếng Anh).")
@click.pass_context
def history(ctx: click.Context, week: str | None, as_json: bool) -> None:
    """Lịch sử phát: buổi, chương trình, số tin, thời lượng, giờ phát, đầu phát, kết quả, người duyệt."""
    from broadcaster.onair import logbook
    from broadcaster.onair.outputs import labels
    from broadcaster.production.script.document import minutes_text

    rows = logbook.history(settings(ctx), *(logbook.week_range(week) if week else (None, None)))
    if as_json:
        click.echo(json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo("Chưa có buổi phát nào trong nhật ký.")
    for r in rows:
        started = f"{local(r.started_at):%H:%M:%S}" if r.started_at else "—"
        click.echo(
            f"{local(r.slot):%d/%m/%Y %H:%M:%S} {label(r.result):9} "
            f"{PRIORITY_VI.get(r.priority, r.priority):8} bắt đầu {started} {r.items or 0} tin "
            f"{minutes_text(r.duration_s) if r.duration_s else ''} [{labels(r.output)}] duyệt: {r.approved_by or '—'}"
            + (f" — {r.reason}" if r.reason else "")
        )


@main.command("logbook")
@click.option("--month", required=True, help="Tháng, ví dụ 2026-12.")
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Tệp CSV sẽ ghi (mở được bằng Excel).",
)
@click.pass_context
def export_logbook(ctx: click.Context, month: str, output: Path) -> None:
    """Xuất sổ nhật ký phát thanh của tháng ra CSV (tiêu đề cột tiếng Việt) cho đoàn kiểm tra."""
    from broadcaster.onair import logbook

    count = logbook.write_logbook(settings(ctx), month, output)
    click.echo(f"Đã ghi {count} dòng nhật ký tháng {month} vào {output}.")
