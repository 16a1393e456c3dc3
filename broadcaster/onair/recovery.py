"""After a crash: find players that outlived their daemon, close rows left `airing`, log passed slots.

A player still running is waited for (its output stays busy, so nothing plays over it) and then
judged by its exit; a player that finished while no daemon ran left its exit code in a status
file; one that vanished with its daemon (power cut) was cut, and its pid file's last touch says
roughly how far it got.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading

from sqlalchemy import select

from broadcaster import timeutil
from broadcaster.config import Settings
from broadcaster.onair import airing, lease
from broadcaster.onair.airing import AirResult
from broadcaster.onair.calendar import slots_between
from broadcaster.onair.outputs import process
from broadcaster.store import db
from broadcaster.store.models import Broadcast
from broadcaster.store.states import Result

log = logging.getLogger(__name__)
MIN_RATIO = 0.9
RESTARTED = "trình lập lịch khởi động lại trong khi phát"


def tickets(settings: Settings) -> list[process.Ticket]:
    """The pid files of players started by an earlier process."""
    folder = airing.run_dir(settings)
    found = [process.Ticket.read(p) for p in sorted(folder.glob("*.pid"))] if folder.is_dir() else []
    return [t for t in found if t is not None]


def wait_survivor(
    settings: Settings, ticket: process.Ticket, overrun_s: float, stop: threading.Event | None = None
) -> AirResult:
    """Wait for (or judge) one player of an earlier process, then close its row if still airing."""
    alive = process.group_alive(ticket.pid)
    if alive:
        log.warning(
            "trình phát %s (pid %d) của buổi %s vẫn đang phát: chờ nó phát xong", ticket.output, ticket.pid, ticket.key
        )
    ended = process.survivor_end(airing.run_dir(settings), ticket, ticket.duration_s + overrun_s, stop)
    aired = min(ended.elapsed_s, ticket.duration_s)
    if ended.returncode == 0 and ended.elapsed_s >= ticket.duration_s * MIN_RATIO:
        result, reason = Result.AIRED, f"phát trọn vẹn; {RESTARTED}"
    elif ended.returncode is None and not ended.stopped:
        result = Result.INTERRUPTED
        reason = f"bị ngắt giữa chừng: trình phát dừng đột ngột (mất điện, tắt máy) sau khoảng {aired:.0f} giây"
    elif ended.stopped == "shutdown":
        result, reason = Result.INTERRUPTED, f"bị ngắt vì trình lập lịch dừng sau {aired:.0f} giây"
    else:
        result = Result.FAILED
        reason = (
            f"trình phát chạy quá thời lượng nên đã bị dừng sau {aired:.0f} giây"
            if ended.stopped
            else f"trình phát dừng sau {aired:.0f} giây (mã {ended.returncode}); {RESTARTED}"
        )
    finished = dt.datetime.fromtimestamp(ticket.started + ended.elapsed_s, timeutil.TZ)
    airing.finish(settings, ticket.key, result, reason, aired, finished, ticket.output, reason)
    process.clear(airing.run_dir(settings), ticket.output)
    return AirResult(ticket.key, result.value, reason, None, (), aired)


def close_stuck(settings: Settings, players: set[str], now: dt.datetime | None = None) -> list[AirResult]:
    """Rows left `airing` by a process that is gone (a killed `urgent`, a crashed daemon) and whose
    player is not running (`players`: keys with a live player) are closed as interrupted."""
    now = now or timeutil.now()
    with db.session_scope(settings.database_url) as session:
        stuck = [
            b.key
            for b in session.scalars(select(Broadcast).where(Broadcast.result == Result.AIRING.value))
            if b.key and b.key not in players and not lease.holder_alive(b.holder)
        ]
    reason = (
        "bị ngắt giữa chừng: tiến trình phát dừng đột ngột (mất điện, tắt máy, bị dừng) khi đang phát; "
        "không rõ đã phát bao nhiêu giây"
    )
    results = []
    for key in stuck:
        airing.finish(settings, key, Result.INTERRUPTED, reason, 0.0, now, "", reason)
        results.append(AirResult(key, Result.INTERRUPTED.value, reason, None, (), 0.0))
    return results


def reconcile(settings: Settings, since: dt.datetime, now: dt.datetime | None = None) -> list[AirResult]:
    """Log every slot since `since` that passed beyond the grace time without a row (missed).
    Slots still within grace are left to the scheduler."""
    now = now or timeutil.now()
    cutoff = now - dt.timedelta(minutes=settings.schedule.grace_minutes)
    if since >= cutoff:
        return []
    with db.session_scope(settings.database_url) as session:
        past = [s.at for s in slots_between(session, settings, since, cutoff)]
        done = set(session.scalars(select(Broadcast.key).where(Broadcast.key.in_([airing.slot_key(t) for t in past]))))
    results = []
    for slot_at in past:
        if airing.slot_key(slot_at) not in done:
            decided = airing.prepare_slot(settings, slot_at, now)
            if isinstance(decided, AirResult):
                results.append(decided)
    return results
