"""One build of a week at a time: a lock file per week in the data folder, held while the build runs.

The operating system releases the lock when the holder ends, even by a crash, so a stale lock never
blocks the next build. A second build of the same week does not wait: it says who is building it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import json
import os
from collections.abc import Iterator
from pathlib import Path

from broadcaster import timeutil
from broadcaster.config import Settings
from broadcaster.errors import BroadcasterError
from broadcaster.values import Week


def lock_path(settings: Settings, week: Week) -> Path:
    return settings.paths.data / "locks" / f"weekly-{week.label}.lock"


@contextlib.contextmanager
def week_lock(settings: Settings, week: Week, actor: str) -> Iterator[None]:
    path = lock_path(settings, week)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise
            raise _busy(week, path) from exc
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(
                json.dumps({"pid": os.getpid(), "actor": actor, "since": timeutil.now().isoformat(timespec="seconds")})
            )
            handle.flush()
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            fcntl.flock(handle, fcntl.LOCK_UN)


def _busy(week: Week, path: Path) -> BroadcasterError:
    try:
        holder = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        holder = {}
    who = holder.get("actor", "không rõ")
    since = holder.get("since")
    when = f", từ {dt.datetime.fromisoformat(since):%H:%M ngày %d/%m/%Y}" if since else ""
    return BroadcasterError(
        f"Tuần {week} đang được dựng bởi một lần chạy khác ({who}, tiến trình {holder.get('pid', '?')}{when}).",
        "hai lệnh weekly (hoặc lệnh weekly và lịch tự động) cho cùng một tuần chạy cùng lúc.",
        f"chờ lần dựng đó xong rồi chạy lại nếu cần: broadcaster weekly --week {week}.",
    )
