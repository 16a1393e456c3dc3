"""The scheduler's leadership lease: one row in the database, renewed by heartbeats.

Works on any SQL database (SQLite, PostgreSQL): taking the lease is an INSERT, or an UPDATE
that only matches when the lease is stale, ours, or held by a dead process on this host.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import uuid

from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError

from broadcaster.errors import ScheduleError
from broadcaster.store import db
from broadcaster.store.models import DaemonLease
from broadcaster.timeutil import local

log = logging.getLogger(__name__)
NAME = "scheduler"


def holder_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def holder_alive(holder: str | None) -> bool:
    """False only when the holder ran on this host and its process is gone."""
    return bool(holder) and not _dead_here(holder or "")


def _dead_here(holder: str) -> bool:
    """The holder is a process on this host that no longer exists (killed, power cut)."""
    host, _, rest = holder.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def acquire(url: str, holder: str, ttl_s: float, now: dt.datetime) -> dt.datetime | None:
    """Take the lease; return the previous holder's last heartbeat (None on a fresh database)."""
    expires = now + dt.timedelta(seconds=ttl_s)
    try:
        with db.session_scope(url) as session:
            session.add(DaemonLease(name=NAME, holder=holder, heartbeat_at=now, expires_at=expires))
        return None
    except IntegrityError:
        pass
    with db.session_scope(url) as session:
        current = session.get(DaemonLease, NAME)
        if current is None:  # released and deleted meanwhile: try again from the start
            return acquire(url, holder, ttl_s, now)
        previous, other = current.heartbeat_at, current.holder
        stale = [DaemonLease.expires_at <= now, DaemonLease.holder == holder]
        if _dead_here(other):
            stale.append(DaemonLease.holder == other)
        taken = db.changed(
            session,
            update(DaemonLease)
            .where(DaemonLease.name == NAME, or_(*stale))
            .values(holder=holder, heartbeat_at=now, expires_at=expires),
        )
    if taken != 1:
        raise ScheduleError(
            "Trình lập lịch đang chạy ở nơi khác trên cùng cơ sở dữ liệu, không khởi động thêm.",
            f"tiến trình {other} còn hoạt động (nhịp gần nhất {local(previous):%H:%M:%S}).",
            "chỉ chạy một broadcaster run; dừng tiến trình kia hoặc đợi nó hết hạn.",
        )
    log.info("nhận quyền lập lịch (trước đó: %s, nhịp cuối %s)", other, previous)
    return previous


def renew(url: str, holder: str, ttl_s: float, now: dt.datetime) -> bool:
    with db.session_scope(url) as session:
        return (
            db.changed(
                session,
                update(DaemonLease)
                .where(DaemonLease.name == NAME, DaemonLease.holder == holder)
                .values(heartbeat_at=now, expires_at=now + dt.timedelta(seconds=ttl_s)),
            )
            == 1
        )


def release(url: str, holder: str, now: dt.datetime) -> None:
    with db.session_scope(url) as session:
        session.execute(
            update(DaemonLease)
            .where(DaemonLease.name == NAME, DaemonLease.holder == holder)
            .values(heartbeat_at=now, expires_at=now)
        )
