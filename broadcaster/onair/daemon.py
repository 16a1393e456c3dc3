"""The one scheduler: APScheduler 3.x with its job store in our database.

This is the only module that imports apscheduler. Only `broadcaster run` starts a scheduler,
after taking the leadership lease (broadcaster.lease); every broadcast is still claimed in the
database before it plays (broadcaster.airing), so even two schedulers cannot air it twice.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from sqlalchemy import select

from broadcaster.onair import airing

from broadcaster.store import db

from broadcaster.onair import lease

from broadcaster import timeutil
from broadcaster.config import Settings
from broadcaster.errors import ScheduleError
from broadcaster.store.models import Broadcast
from broadcaster.onair.calendar import slots_between
from broadcaster.timeutil import TZ, local, parse_hhmm

log = logging.getLogger(__name__)
WEEKLY_ID = "weekly"
AIR_PREFIX = "air:"
JOB_TABLE = "apscheduler_jobs"
HEARTBEAT_S = 5.0
LEASE_TTL_S = 30.0
SYNC_EVERY_S = 15.0
LOOKAHEAD = dt.timedelta(days=8)
MAX_CATCH_UP = dt.timedelta(days=7)


def _config_ref(settings: Settings) -> str | None:
    return str(settings.source) if settings.source else None


def build_scheduler(settings: Settings) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(engine=db.engine_for(settings.database_url), tablename=JOB_TABLE)},
        executors={"default": ThreadPoolExecutor(4)},
        job_defaults={"coalesce": True, "max_instances": 1,
                      "misfire_grace_time": settings.schedule.grace_minutes * 60},
        timezone=TZ)
    scheduler.add_listener(_listener(settings), EVENT_JOB_MISSED | EVENT_JOB_ERROR)
    return scheduler


def _listener(settings: Settings) -> Callable[[JobExecutionEvent], None]:
    def on_event(event: JobExecutionEvent) -> None:
        missed = event.code == EVENT_JOB_MISSED
        if not event.job_id.startswith(AIR_PREFIX):
            log.error("việc %s %s: %s", event.job_id, "bị lỡ" if missed else "lỗi", event.exception)
            with db.session_scope(settings.database_url) as session:
                db.audit(session, "job_missed" if missed else "job_error", event.job_id,
                         str(event.exception or event.scheduled_run_time), actor="scheduler")
            return
        slot_at = dt.datetime.fromisoformat(event.job_id[len(AIR_PREFIX):])
        if missed:
            airing.record_outcome(settings, slot_at, "missed",
                                  f"trình lập lịch chạy việc trễ quá {settings.schedule.grace_minutes} phút")
        else:
            airing.record_outcome(settings, slot_at, "failed", f"lỗi khi phát: {event.exception!r}")
    return on_event


def ensure_weekly(scheduler: BackgroundScheduler, settings: Settings) -> None:
    """The weekly build job; kept as stored when unchanged, so a run missed while down still happens."""
    hour, minute = parse_hhmm(settings.schedule.weekly_time)
    trigger = CronTrigger(day_of_week=settings.schedule.weekly_day, hour=hour, minute=minute, timezone=TZ)
    job = scheduler.get_job(WEEKLY_ID)
    if job is not None and str(job.trigger) == str(trigger) and job.args == (_config_ref(settings),):
        return
    scheduler.add_job("broadcaster.onair.jobs:weekly_job", trigger, id=WEEKLY_ID, args=[_config_ref(settings)],
                      replace_existing=True, misfire_grace_time=None, name="chuẩn bị chương trình tuần sau")


def sync_jobs(scheduler: BackgroundScheduler, settings: Settings, now: dt.datetime | None = None) -> tuple[int, int]:
    """One date job per upcoming broadcast without a logbook row; drop jobs of removed slots."""
    now = now or timeutil.now()
    grace = dt.timedelta(minutes=settings.schedule.grace_minutes)
    with db.session_scope(settings.database_url) as session:
        slots = slots_between(session, settings, now - grace, now + LOOKAHEAD)
        done = set(session.scalars(select(Broadcast.key).where(
            Broadcast.key.in_([airing.slot_key(s.at) for s in slots]))))
    wanted = {AIR_PREFIX + local(s.at).isoformat(): s for s in slots if airing.slot_key(s.at) not in done}
    existing = {job.id for job in scheduler.get_jobs() if job.id.startswith(AIR_PREFIX)}
    for job_id in existing - set(wanted):
        scheduler.remove_job(job_id)
    for job_id in set(wanted) - existing:
        slot = wanted[job_id]
        scheduler.add_job("broadcaster.onair.jobs:air_job", DateTrigger(run_date=slot.at, timezone=TZ), id=job_id,
                          args=[_config_ref(settings), slot.at.isoformat()], replace_existing=True,
                          name=f"phát {local(slot.at):%d/%m %H:%M:%S}")
    added, removed = len(set(wanted) - existing), len(existing - set(wanted))
    if added or removed:
        log.info("lịch phát: thêm %d, bỏ %d việc", added, removed)
    return added, removed


def run(settings: Settings, stop: threading.Event | None = None, on_ready: Callable[[], None] | None = None,
        heartbeat_s: float = HEARTBEAT_S) -> None:
    """The daemon: take the lease, reconcile what passed while down, schedule, heartbeat until `stop`."""
    stop = stop or threading.Event()
    url, holder, now = settings.database_url, lease.holder_id(), timeutil.now()
    previous = lease.acquire(url, holder, LEASE_TTL_S, now)
    scheduler = None
    try:
        grace = dt.timedelta(minutes=settings.schedule.grace_minutes)
        since = previous or min(airing.oldest_pending(settings) or now, now - grace)
        since = max(since, now - MAX_CATCH_UP)
        for result in airing.reconcile(settings, since, now):
            log.warning("khôi phục sau khi dừng: %s %s", result.key, result.result)
        scheduler = build_scheduler(settings)
        scheduler.start(paused=True)
        ensure_weekly(scheduler, settings)
        sync_jobs(scheduler, settings)
        scheduler.resume()
        log.info("trình lập lịch đã chạy (%s)", holder)
        if on_ready:
            on_ready()
        last_sync = time.monotonic()
        while not stop.wait(heartbeat_s):
            if not lease.renew(url, holder, LEASE_TTL_S, timeutil.now()):
                raise ScheduleError("Trình lập lịch mất quyền điều khiển và phải dừng.",
                                    "một tiến trình khác đã nhận quyền (nhịp tim bị trễ quá lâu).",
                                    "kiểm tra chỉ có một broadcaster run, rồi khởi động lại.")
            if time.monotonic() - last_sync >= SYNC_EVERY_S:
                sync_jobs(scheduler, settings)
                last_sync = time.monotonic()
    finally:
        if scheduler is not None and scheduler.running:
            scheduler.shutdown(wait=True)
        lease.release(url, holder, timeutil.now())

