"""Time helpers. The station's clock is always Asia/Ho_Chi_Minh, whatever the host says."""

from __future__ import annotations

import datetime as dt
import re

from broadcaster.errors import BroadcasterError
from broadcaster.values import TZ, Week

UTC = dt.UTC

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_VI = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")


def now() -> dt.datetime:
    """The current time in the station's time zone (aware)."""
    return dt.datetime.now(TZ)


def local(moment: dt.datetime) -> dt.datetime:
    """An aware datetime converted to station time; naive input is refused."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: every timestamp must carry a time zone")
    return moment.astimezone(TZ)


def week_of(day: dt.date) -> str:
    """The label of the ISO week holding `day`, e.g. '2026-W49' (callers that keep the week use Week.of)."""
    return Week.of(day).label


def week_days(label: str) -> tuple[dt.date, dt.date]:
    """First (Monday) and last (Sunday) day of an ISO week label."""
    week = Week.parse(label)
    return week.first, week.last


def week_or_next(text: str | None, today: dt.date | None = None) -> Week:
    """The week a user or a stored job names ('2026-W49'), parsed once; none named: the week after
    today's (station time)."""
    return Week.parse(text) if text else Week.of(today or now().date()).next()


def local_at(day: dt.date, clock: str) -> dt.datetime:
    """Station-local aware datetime for a date and 'HH:MM' or 'HH:MM:SS'."""
    return dt.datetime.combine(day, dt.time.fromisoformat(clock), tzinfo=TZ)


def span_text(seconds: float) -> str:
    """A length for messages: '45 giây', '5 phút 3 giây', '1 giờ 10 phút'."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} giây"
    if seconds < 3600:
        return f"{seconds // 60} phút {seconds % 60} giây"
    return f"{seconds // 3600} giờ {seconds % 3600 // 60} phút"


def parse_hhmm(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{1,2})[:hg](\d{2})", str(text).strip())
    if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise BroadcasterError(
            f"Giờ “{text}” không hợp lệ.", "giờ phải theo dạng HH:MM (24 giờ).", "ví dụ: 06:00 hoặc 17:30."
        )
    return int(match.group(1)), int(match.group(2))


def weekday_index(name: str) -> int:
    key = str(name).strip().lower()[:3]
    if key not in WEEKDAYS:
        raise BroadcasterError(
            f"Ngày trong tuần “{name}” không hợp lệ.", None, "dùng một trong: " + ", ".join(WEEKDAYS) + "."
        )
    return WEEKDAYS.index(key)


def vi_date(day: dt.date) -> str:
    """'thứ Ba, ngày 01/12/2026' — written form; the normalizer speaks it."""
    return f"{WEEKDAY_VI[day.weekday()]}, ngày {day:%d/%m/%Y}"
