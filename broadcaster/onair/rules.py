"""The schedule's rules as pure functions: clock, length and day parsing, quiet hours, the weekly minimum.

No database here: config.yaml is checked against the same rules when it loads.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from broadcaster.errors import ScheduleError
from broadcaster.timeutil import parse_hhmm

if TYPE_CHECKING:
    from broadcaster.config import Schedule

MAX_SESSION_MINUTES = 120
_TIME_RE = re.compile(r"^(\d{1,2})[:hg](\d{2})(?::(\d{2}))?$")
_DURATION_RE = re.compile(r"^(?:(\d+)h)?(?:(\d+)(?:m|p|ph|phút)?)?$")


def parse_clock(text: str, seconds: bool = False) -> str:
    """'6:00' -> '06:00'; with seconds=True also '06:00:05' (one-off extras only)."""
    match = _TIME_RE.match(str(text).strip())
    ok = (
        match is not None and int(match.group(1)) <= 23 and int(match.group(2)) <= 59 and int(match.group(3) or 0) <= 59
    )
    if match is None or not ok or (match.group(3) and not seconds):
        raise ScheduleError(
            f"Giờ “{text}” không hợp lệ.", "giờ phải theo dạng HH:MM (24 giờ).", "ví dụ: 06:00 hoặc 17:30."
        )
    clock = f"{int(match.group(1)):02d}:{match.group(2)}"
    return clock + (f":{match.group(3)}" if match.group(3) and match.group(3) != "00" else "")


def parse_minutes(text: str | int) -> int:
    """'30m', '30', '1h', '1h30m' -> minutes (1..120)."""
    match = _DURATION_RE.match(str(text).strip().lower().replace(" ", ""))
    minutes = (int(match.group(1) or 0) * 60 + int(match.group(2) or 0)) if match else 0
    if not 1 <= minutes <= MAX_SESSION_MINUTES:
        raise ScheduleError(
            f"Thời lượng “{text}” không hợp lệ.",
            f"thời lượng tối đa một buổi phải từ 1 đến {MAX_SESSION_MINUTES} phút.",
            "ví dụ: --max 30m hoặc --max 1h.",
        )
    return minutes


def parse_day(text: str) -> dt.date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            pass
    raise ScheduleError(f"Ngày “{text}” không hợp lệ.", None, "ghi ngày dạng 2026-12-01 hoặc 01/12/2026.")


def in_quiet_hours(schedule: Schedule, clock: str, minutes: int = 0) -> bool:
    """Whether a broadcast starting at `clock` and lasting `minutes` touches the quiet hours."""
    start = _minute_of_day(schedule.quiet_start)
    end = _minute_of_day(schedule.quiet_end)
    if start == end:
        return False
    first = _minute_of_day(clock[:5])

    def quiet(m: int) -> bool:
        m %= 24 * 60
        return start <= m < end if start < end else (m >= start or m < end)

    return quiet(first) or quiet(first + max(minutes - 1, 0))


def _minute_of_day(clock: str) -> int:
    hour, minute = parse_hhmm(clock)
    return hour * 60 + minute


def check_not_quiet(schedule: Schedule, clock: str, minutes: int) -> None:
    if in_quiet_hours(schedule, clock, minutes):
        raise ScheduleError(
            f"Không thể đặt buổi phát lúc {clock} ({minutes} phút): trùng giờ yên tĩnh "
            f"{schedule.quiet_start}–{schedule.quiet_end}.",
            "theo quy định, ngoài giờ yên tĩnh mới được phát (trừ tin khẩn cấp).",
            "chọn giờ khác, hoặc dùng --emergency cho tin khẩn cấp, "
            "hoặc sửa schedule.quiet_start/quiet_end trong config.yaml.",
        )


def check_minimum(schedule: Schedule, count: int, where: str) -> None:
    if count < schedule.min_per_week:
        raise ScheduleError(
            f"Không thể thay đổi: {where} chỉ còn {count} buổi phát.",
            f"mỗi tuần phải có ít nhất {schedule.min_per_week} buổi phát (schedule.min_per_week).",
            "thêm khung giờ khác trước (broadcaster slots add), rồi mới bỏ khung giờ này.",
        )
