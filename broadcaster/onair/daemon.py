"""The daemon: one leader, APScheduler for the clock, one playout queue, emergencies within a second.

This is the only module that imports apscheduler. Only `broadcaster run` starts a scheduler,
after taking the leadership lease (broadcaster.onair.lease). The weekly build is a job in the
database job store; each coming broadcast is an in-memory job derived again from the calendar
every SYNC_EVERY_S (the database stays the truth), which hands the slot to the playout queue.
The main loop heartbeats, picks up emergencies sent by `broadcaster urgent`, closes rows left
`airing` by dead processes, writes journaled outcomes, and stops on SIGTERM within seconds.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger
from sqlalchemy import select

from broadcaster import timeutil
from broadcaster.config import Settings
from broadcaster.errors import ScheduleError
from broadcaster.onair import airing, journal, lease, recovery
from broadcaster.onair.airing import AirResult, Job
from broadcaster.onair.calendar import slots_between
from broadcaster.onair.playout import Playout
from broadcaster.store import db
from broadcaster.store.models import AirRequest, Broadcast
from broadcaster.store.states import Result
from broadcaster.timeutil import TZ, local, parse_hhmm

log = logging.getLogger(__name__)
WEEKLY_ID = "weekly"
AIR_PREFIX = "air:"
JOB_TABLE = "apscheduler_jobs"
TICK_S = 0.25
HEARTBEAT_S = 5.0
LEASE_TTL_S = 30.0
SYNC_EVERY_S = 15.0
LOOKAHEAD = dt.timedelta(days=8)
MAX_CATCH_UP = dt.timedelta(days=7)


def _config_ref(settings: Settings) -> str | None:
    return str(settings.source) if settings.source else None


def build_scheduler(settings: Settings) -> BackgroundScheduler:
    return BackgroundScheduler(
        jobstores={
            "default": SQLAlchemyJobStore(engine=db.engine_for(settings.database_url), tablename=JOB_TABLE),
            "air": MemoryJobStore(),
        },
        executors={"default": ThreadPoolExecutor(4)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": settings.schedule.grace_minutes * 60},
        timezone=TZ,
    )


def ensure_weekly(scheduler: BackgroundScheduler, settings: Settings) -> None:
    """The weekly build job; kept as stored when unchanged, so a run missed while down still happens."""
    hour, minute = parse_hhmm(settings.schedule.weekly_time)
    trigger = CronTrigger(day_of_week=settings.schedule.weekly_day, hour=hour, minute=minute, timezone=TZ)
    ref = "broadcaster.onair.jobs:weekly_job"
    job = scheduler.get_job(WEEKLY_ID)
    if (
        job is not None
        and str(job.trigger) == str(trigger)
        and job.args == (_config_ref(settings),)
        and job.func_ref == ref
    ):
        return
    scheduler.add_job(
        ref,
        trigger,
        id=WEEKLY_ID,
        args=[_config_ref(settings)],
        replace_existing=True,
        misfire_grace_time=None,
        name="chuẩn bị chương trình tuần sau",
    )


class Station:
    """What the daemon owns: its holder id, the playout queue and the scheduler."""

    def __init__(self, settings: Settings, holder: str) -> None:
        self.settings, self.holder = settings, holder
        self.playout = Playout(settings, holder, self._log_result)
        self.scheduler = build_scheduler(settings)
        self.scheduler.add_listener(self._on_event, EVENT_JOB_MISSED | EVENT_JOB_ERROR)

    def _log_result(self, result: AirResult) -> None:
        (log.info if result.result == Result.AIRED else log.warning)(
            "buổi phát %s: %s %s", result.key, result.result, result.reason or ""
        )

    def due(self, slot_iso: str) -> None:
        """A slot's time has come: decide, and hand what airs to the playout queue."""
        decided = airing.prepare_slot(self.settings, dt.datetime.fromisoformat(slot_iso))
        if isinstance(decided, Job):
            self.playout.submit(decided)

    def _on_event(self, event: JobExecutionEvent) -> None:
        missed = event.code == EVENT_JOB_MISSED
        if not event.job_id.startswith(AIR_PREFIX):
            log.error("việc %s %s: %s", event.job_id, "bị lỡ" if missed else "lỗi", event.exception)
            with db.session_scope(self.settings.database_url) as session:
                db.audit(
                    session,
                    "job_missed" if missed else "job_error",
                    event.job_id,
                    str(event.exception or event.scheduled_run_time),
                    actor="scheduler",
                )
            return
        slot_at = dt.datetime.fromisoformat(event.job_id[len(AIR_PREFIX) :])
        if missed:
            airing.record(
                self.settings,
                airing.slot_key(slot_at),
                slot_at,
                None,
                Result.MISSED,
                f"trình lập lịch chạy việc trễ quá {self.settings.schedule.grace_minutes} phút",
                {},
                timeutil.now(),
            )
        else:
            airing.record(
                self.settings,
                airing.slot_key(slot_at),
                slot_at,
                None,
                Result.FAILED,
                f"lỗi khi chuẩn bị phát: {event.exception}",
                {},
                timeutil.now(),
            )

    def sync_jobs(self, now: dt.datetime | None = None) -> tuple[int, int]:
        """One date job per upcoming broadcast without a logbook row; drop jobs of removed slots."""
        now = now or timeutil.now()
        grace = dt.timedelta(minutes=self.settings.schedule.grace_minutes)
        with db.session_scope(self.settings.database_url) as session:
            slots = slots_between(session, self.settings, now - grace, now + LOOKAHEAD)
            done = set(
                session.scalars(select(Broadcast.key).where(Broadcast.key.in_([airing.slot_key(s.at) for s in slots])))
            )
        wanted = {AIR_PREFIX + local(s.at).isoformat(): s for s in slots if airing.slot_key(s.at) not in done}
        existing = {job.id for job in self.scheduler.get_jobs(jobstore="air")}
        for job_id in existing - set(wanted):
            self.scheduler.remove_job(job_id, jobstore="air")
        for job_id in set(wanted) - existing:
            slot = wanted[job_id]
            self.scheduler.add_job(
                self.due,
                DateTrigger(run_date=slot.at, timezone=TZ),
                id=job_id,
                jobstore="air",
                args=[slot.at.isoformat()],
                name=f"phát {local(slot.at):%d/%m %H:%M:%S}",
            )
        added, removed = len(set(wanted) - existing), len(existing - set(wanted))
        if added or removed:
            log.info("lịch phát: thêm %d, bỏ %d việc", added, removed)
        return added, removed

    def take_requests(self) -> int:
        """Emergencies handed over by `broadcaster urgent`: taken in one short write, then preempting."""

        def take() -> list[tuple[int, int]]:
            with db.session_scope(self.settings.database_url) as session:
                rows = list(
                    session.scalars(select(AirRequest).where(AirRequest.taken_at.is_(None)).order_by(AirRequest.id))
                )
                for row in rows:
                    row.taken_at, row.taken_by = timeutil.now(), self.holder
                return [(r.id, r.program_id) for r in rows]

        taken = db.retrying(take, 2.0, "nhận tin khẩn cấp")
        for request_id, program_id in taken:
            job = airing.job_for_program(self.settings, program_id, f"urgent:{program_id}")
            self.playout.preempt(Job(job.key, job.program_id, job.item, "emergency"))
            log.warning("nhận tin khẩn cấp #%d (chương trình %d)", request_id, program_id)
        return len(taken)


def run(
    settings: Settings,
    stop: threading.Event | None = None,
    on_ready: Callable[[], None] | None = None,
    heartbeat_s: float = HEARTBEAT_S,
    notify: Callable[[str], None] | None = None,
) -> None:
    """The daemon: take the lease, recover what a crash left, schedule, loop until `stop`."""
    stop = stop or threading.Event()
    notify = notify or (lambda state: None)
    url, holder, now = settings.database_url, lease.holder_id(), timeutil.now()
    previous = db.retrying(lambda: lease.acquire(url, holder, LEASE_TTL_S, now), 30.0, "nhận quyền lập lịch")
    identity = _db_identity(url)
    station = Station(settings, holder)
    try:
        airing.replay_journal(settings)
        survivors = recovery.tickets(settings)
        recovery.close_stuck(settings, {t.key for t in survivors})
        grace = dt.timedelta(minutes=settings.schedule.grace_minutes)
        since = previous or min(airing.oldest_pending(settings) or now, now - grace)
        for result in recovery.reconcile(settings, max(since, now - MAX_CATCH_UP), now):
            log.warning("khôi phục sau khi dừng: %s %s", result.key, result.result)
        station.playout.start(survivors)
        station.scheduler.start(paused=True)
        ensure_weekly(station.scheduler, settings)
        station.sync_jobs()
        station.scheduler.resume()
        log.info("trình lập lịch đã chạy (%s)", holder)
        notify("READY=1")
        if on_ready:
            on_ready()
        _loop(station, stop, identity, heartbeat_s, notify)
    finally:
        notify("STOPPING=1")
        if station.scheduler.running:
            station.scheduler.shutdown(wait=False)
        station.playout.shutdown()
        try:
            db.retrying(lambda: lease.release(url, holder, timeutil.now()), 2.0, "trả quyền lập lịch")
        except Exception as exc:  # noqa: BLE001 - the lease expires by itself
            log.warning("không trả được quyền lập lịch: %s", exc)


def _loop(
    station: Station,
    stop: threading.Event,
    identity: tuple[int, int] | None,
    heartbeat_s: float,
    notify: Callable[[str], None],
) -> None:
    settings, url, holder = station.settings, station.settings.database_url, station.holder
    last_beat = last_sync = time.monotonic()
    journal_path = journal.path_for(url, settings.paths.data)
    while not stop.wait(TICK_S):
        _check_identity(url, identity)
        try:
            station.take_requests()
        except Exception as exc:  # noqa: BLE001 - a locked database must not stop the daemon
            log.warning("không đọc được yêu cầu phát khẩn cấp: %s", str(exc).splitlines()[0])
        if time.monotonic() - last_beat >= heartbeat_s:
            last_beat = time.monotonic()
            try:
                renewed = lease.renew(url, holder, LEASE_TTL_S, timeutil.now())
            except Exception as exc:  # noqa: BLE001 - a heartbeat that fails to write is not a lost lease
                log.warning("không ghi được nhịp tim: %s", str(exc).splitlines()[0])
                renewed = True
            if not renewed:
                raise ScheduleError(
                    "Trình lập lịch mất quyền điều khiển và phải dừng.",
                    "một tiến trình khác đã nhận quyền (nhịp tim bị trễ quá lâu).",
                    "kiểm tra chỉ có một broadcaster run, rồi khởi động lại.",
                )
            notify("WATCHDOG=1")
            _housekeeping(station, journal_path)
        if time.monotonic() - last_sync >= SYNC_EVERY_S:
            last_sync = time.monotonic()
            try:
                station.sync_jobs()
            except Exception as exc:  # noqa: BLE001
                log.warning("không cập nhật được lịch phát: %s", str(exc).splitlines()[0])


def _housekeeping(station: Station, journal_path: Path) -> None:
    try:
        if journal.pending(journal_path):
            airing.replay_journal(station.settings)
        recovery.close_stuck(station.settings, station.playout.playing())
    except Exception as exc:  # noqa: BLE001
        log.warning("dọn nhật ký phát chưa xong: %s", str(exc).splitlines()[0])


def _db_identity(url: str) -> tuple[int, int] | None:
    path = db.sqlite_path(url)
    if path is None:
        return None
    info = os.stat(path)
    return info.st_dev, info.st_ino


def _check_identity(url: str, identity: tuple[int, int] | None) -> None:
    if identity is None:
        return
    path = db.sqlite_path(url)
    try:
        info = os.stat(path) if path else None
    except FileNotFoundError:
        info = None
    if info is None or (info.st_dev, info.st_ino) != identity:
        raise ScheduleError(
            f"Tệp cơ sở dữ liệu {path} đã bị xóa hoặc bị thay bằng tệp khác khi trình lập lịch "
            "đang chạy; trình lập lịch dừng để không ghi nhầm nhật ký.",
            "tệp bị xóa, di chuyển hoặc chép đè (khôi phục bản sao lưu?).",
            "khôi phục đúng tệp cơ sở dữ liệu rồi chạy lại broadcaster run.",
        )
