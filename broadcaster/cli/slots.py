"""`broadcaster slots …`: the recurring slots and one-off skips/extras of the broadcast schedule."""

from __future__ import annotations

import json

import click

from broadcaster.cli import main, settings
from broadcaster.timeutil import WEEKDAY_VI, WEEKDAYS, now

NOTE = click.option("--note", default=None, help="Lý do (ghi vào nhật ký).")


@main.group()
def slots() -> None:
    """Lịch phát: khung giờ hằng tuần, bỏ một buổi, thêm buổi phát riêng (giờ Việt Nam)."""


@slots.command("list")
@click.option("--json", "as_json", is_flag=True, help="In danh sách khung giờ dạng JSON.")
@click.option("--all", "show_all", is_flag=True, help="Hiện cả các thay đổi lịch đã qua.")
@click.pass_context
def slots_list(ctx: click.Context, as_json: bool, show_all: bool) -> None:
    """Liệt kê khung giờ phát hằng tuần và các thay đổi một lần (bỏ/thêm buổi)."""
    from broadcaster.onair import timetable

    rows, overrides = timetable.list_slots(settings(ctx), None if show_all else now().date())
    if as_json:
        click.echo(json.dumps([r.to_json() for r in rows], ensure_ascii=False, indent=2))
        return
    click.echo(f"Khung giờ hằng tuần ({len(rows)}):")
    for r in rows:
        click.echo(
            f"  [{r.id}] {WEEKDAY_VI[WEEKDAYS.index(r.weekday)]} ({r.weekday}) {r.time}, tối đa {r.max_minutes} phút"
        )
    for o in overrides:
        what = "Bỏ buổi" if o.kind == "skip" else f"Thêm buổi ({o.max_minutes} phút)"
        click.echo(f"  ({o.id}) {what} {o.day:%d/%m/%Y} {o.time}" + (f" — {o.note}" if o.note else ""))


@slots.command("add")
@click.argument("weekday")
@click.argument("time")
@click.option("--max", "max_length", default="30m", show_default=True, help="Thời lượng tối đa (30m, 1h, 45).")
@click.pass_context
def slots_add(ctx: click.Context, weekday: str, time: str, max_length: str) -> None:
    """Thêm khung giờ hằng tuần, ví dụ: broadcaster slots add tue 06:00 --max 30m.

    WEEKDAY: mon tue wed thu fri sat sun. TIME: HH:MM giờ Việt Nam. Không được trùng giờ yên tĩnh.
    """
    from broadcaster.onair import timetable
    from broadcaster.onair.rules import parse_minutes

    row = timetable.add_slot(settings(ctx), weekday, time, parse_minutes(max_length))
    click.echo(f"Đã thêm khung giờ [{row.id}] {row.weekday} {row.time}, tối đa {row.max_minutes} phút.")


@slots.command("remove")
@click.argument("slot_id", type=int)
@click.pass_context
def slots_remove(ctx: click.Context, slot_id: int) -> None:
    """Bỏ khung giờ hằng tuần số SLOT_ID (xem số bằng slots list). Không được ít hơn mức tối thiểu mỗi tuần."""
    from broadcaster.onair import timetable

    row = timetable.remove_slot(settings(ctx), slot_id)
    click.echo(f"Đã bỏ khung giờ [{row.id}] {row.weekday} {row.time}.")


@slots.command("skip")
@click.argument("day")
@click.argument("time", required=False)
@NOTE
@click.pass_context
def slots_skip(ctx: click.Context, day: str, time: str | None, note: str | None) -> None:
    """Bỏ một buổi phát định kỳ vào ngày DAY (2026-12-01 hoặc 01/12/2026), giờ TIME nếu ngày có nhiều buổi."""
    from broadcaster.onair import timetable
    from broadcaster.onair.rules import parse_day

    row = timetable.skip(settings(ctx), parse_day(day), time, note)
    click.echo(f"Đã bỏ buổi phát {row.day:%d/%m/%Y} {row.time} (số {row.id}).")


@slots.command("extra")
@click.argument("day")
@click.argument("time")
@click.option("--max", "max_length", default="30m", show_default=True, help="Thời lượng tối đa (30m, 1h).")
@NOTE
@click.option("--emergency", is_flag=True, help="Buổi phát khẩn cấp: được phép trong giờ yên tĩnh.")
@click.option("--past", is_flag=True, help="Cho phép ngày giờ đã qua (chỉ để ghi lại hoặc thử).")
@click.pass_context
def slots_extra(
    ctx: click.Context, day: str, time: str, max_length: str, note: str | None, emergency: bool, past: bool
) -> None:
    """Thêm một buổi phát riêng vào ngày DAY lúc TIME (HH:MM hoặc HH:MM:SS)."""
    from broadcaster.onair import timetable
    from broadcaster.onair.rules import parse_day, parse_minutes

    row = timetable.extra(settings(ctx), parse_day(day), time, parse_minutes(max_length), note, emergency, past=past)
    click.echo(f"Đã thêm buổi phát {row.day:%d/%m/%Y} {row.time}, tối đa {row.max_minutes} phút (số {row.id}).")


@slots.command("cancel")
@click.argument("override_id", type=int)
@click.pass_context
def slots_cancel(ctx: click.Context, override_id: int) -> None:
    """Hủy một thay đổi lịch (bỏ buổi hoặc thêm buổi) số OVERRIDE_ID."""
    from broadcaster.onair import timetable

    row = timetable.cancel_override(settings(ctx), override_id)
    click.echo(f"Đã hủy thay đổi lịch số {row.id} ({row.day:%d/%m/%Y} {row.time}).")
