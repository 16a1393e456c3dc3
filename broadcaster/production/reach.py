"""Can an item still reach a broadcast before it expires? Told at once, with what the officer can do:
an extra broadcast, rebuilding an approved one, or airing it now with `urgent`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from broadcaster.config import Settings
from broadcaster.production.notices import Notice
from broadcaster.timeutil import TZ, local, local_at
from broadcaster.values import SlotTime, Week

EXTRA_LEAD = dt.timedelta(minutes=30)  # an extra broadcast needs time to build, approve and render


def extra_time(settings: Settings, day: dt.date, now: dt.datetime) -> str | None:
    """'HH:MM' for an extra broadcast on `day` outside the quiet hours: today the next half hour at least
    30 minutes ahead, another day 17:00 (or 06:00); None when today has no such time left."""
    from broadcaster.onair.rules import in_quiet_hours

    if day > now.date():
        candidates = [dt.time(17, 0), dt.time(6, 0)]
    else:
        soon = now.astimezone(TZ) + EXTRA_LEAD
        if soon.date() != day:
            return None
        minute = 0 if soon.minute == 0 else 30 if soon.minute <= 30 else 60
        start = soon.replace(minute=0, second=0, microsecond=0) + dt.timedelta(minutes=minute)
        if start.date() != day:
            return None
        candidates = [start.time()]
    for clock in candidates:
        text = f"{clock:%H:%M}"
        if not in_quiet_hours(settings.schedule, text, 15):
            return text
    return None


def unreachable(
    settings: Settings,
    title: str,
    start: dt.date,
    end: dt.date,
    slots: Sequence[SlotTime],
    closed: Sequence[SlotTime],
    now: dt.datetime,
) -> Notice | None:
    """A notice when no broadcast between now and the end of `end` lies inside [start, end], or when
    every one that does is already approved (`closed`); else None."""
    ahead = [s for s in slots if s.at > now and start <= local(s.at).date() <= end]
    if ahead and any(s not in closed for s in ahead):
        return None
    week = Week.of(max(start, now.astimezone(TZ).date()))
    if end < now.astimezone(TZ).date():
        return Notice(
            "no_broadcast",
            f"“{title}” đã hết hạn phát ({end:%d/%m/%Y}) trước hôm nay; sẽ không được "
            "phát. Sửa lại ngày nếu nhập nhầm.",
            {"title": title},
        )
    choices = []
    day = max(start, now.astimezone(TZ).date())
    clock = extra_time(settings, day, now)
    if clock:
        choices.append(
            f"thêm một buổi phát: broadcaster slots extra {day:%Y-%m-%d} {clock} rồi "
            f"broadcaster weekly --week {Week.of(day)}"
        )
    for slot in ahead:
        choices.append(
            f"dựng lại buổi đã duyệt {local(slot.at):%d/%m %H:%M}: broadcaster weekly --week "
            f"{Week.of(local(slot.at).date())} --rebuild {slot.name} (rồi duyệt lại)"
        )
    choices.append('phát ngay như tin khẩn: broadcaster urgent "<nội dung thông báo>"')
    if ahead:
        what = (
            f"“{title}” (phát đến {end:%d/%m/%Y}) sẽ không được phát: các buổi phát còn lại trước khi hết hạn "
            "đã được duyệt nên không nhận thêm tin"
        )
        kind = "short"
    else:
        what = f"“{title}” (phát đến {end:%d/%m/%Y}) không còn buổi phát nào trước khi hết hạn"
        kind = "no_broadcast"
    return Notice(kind, f"{what}. Cách xử lý: " + "; hoặc ".join(choices) + ".", {"title": title, "week": week.label})


def day_end(day: dt.date) -> dt.datetime:
    return local_at(day + dt.timedelta(days=1), "00:00")
