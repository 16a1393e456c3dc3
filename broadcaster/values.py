"""Plain value types every layer shares: an ISO week and one broadcast time.

Text from the officer or the scheduler ("2026-W49") is parsed once, at the edge, into these
values; every layer below takes the value and never parses again. This module imports nothing
of ours but errors, so the pure modules (planning, vi) can use it without the database.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from zoneinfo import ZoneInfo

from broadcaster.errors import BroadcasterError

TZ = ZoneInfo("Asia/Ho_Chi_Minh")  # the station's clock, whatever the host says
_WEEK_RE = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


@dataclasses.dataclass(frozen=True, order=True)
class Week:
    """One ISO week (Monday to Sunday), e.g. Week(2026, 49) labelled "2026-W49"."""

    year: int
    number: int

    def __post_init__(self) -> None:
        dt.date.fromisocalendar(self.year, self.number, 1)  # ValueError for a week that does not exist

    @classmethod
    def parse(cls, text: str) -> Week:
        """'2026-W49' (also '2026W49', '2026-w49') -> Week; BroadcasterError with a Vietnamese message."""
        match = _WEEK_RE.match(str(text).strip())
        if match:
            try:
                return cls(int(match.group(1)), int(match.group(2)))
            except ValueError:
                pass
        raise BroadcasterError(
            f"Tuần “{text}” không hợp lệ.",
            "tuần phải theo dạng ISO NĂM-Wsố tuần.",
            "ví dụ: --week 2026-W49 (tuần từ 30/11 đến 06/12/2026).",
        )

    @classmethod
    def of(cls, day: dt.date) -> Week:
        """The ISO week holding `day`."""
        year, number, _ = day.isocalendar()
        return cls(year, number)

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    @property
    def first(self) -> dt.date:
        """Monday."""
        return dt.date.fromisocalendar(self.year, self.number, 1)

    @property
    def last(self) -> dt.date:
        """Sunday."""
        return self.first + dt.timedelta(days=6)

    def days(self) -> tuple[dt.date, ...]:
        """Monday to Sunday."""
        first = self.first
        return tuple(first + dt.timedelta(days=n) for n in range(7))

    def next(self) -> Week:
        return Week.of(self.first + dt.timedelta(days=7))

    def __str__(self) -> str:
        return self.label


@dataclasses.dataclass(frozen=True)
class SlotTime:
    """One concrete broadcast in a week."""

    at: dt.datetime  # aware, station time
    max_minutes: int
    slot_id: int | None  # the recurring slot, None for a one-off extra

    @property
    def name(self) -> str:
        return slot_name(self.at)


def slot_name(moment: dt.datetime) -> str:
    """File-friendly name of a broadcast time, in station time: 2026-12-01_0600 (seconds added for
    second-precision extras)."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: every timestamp must carry a time zone")
    when = moment.astimezone(TZ)
    return f"{when:%Y-%m-%d_%H%M}" + (f"{when:%S}" if when.second else "")
