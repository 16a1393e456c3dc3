"""SQLAlchemy 2.0 models. Every timestamp is timezone-aware (stored as UTC).

Schema changes go through Alembic migrations in broadcaster/migrations/versions.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, DateTime, Float, ForeignKey, Integer, String, Text, TypeDecorator, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from broadcaster.timeutil import UTC

CHANGE_TYPES = ("new", "amended", "replaced", "abolished")


class UtcDateTime(TypeDecorator):
    """Aware datetimes in, aware UTC datetimes out; naive values are refused."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: every timestamp must carry a time zone")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        return None if value is None else value.replace(tzinfo=UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class Announcement(Base):
    __tablename__ = "announcements"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(40), default="general")
    priority: Mapped[str] = mapped_column(String(20), default="normal")
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_until: Mapped[dt.date] = mapped_column(Date)
    repeat: Mapped[int] = mapped_column(Integer, default=2)
    source_file: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class TthcChange(Base):
    __tablename__ = "tthc_changes"
    __table_args__ = (UniqueConstraint("code", "decision", name="uq_tthc_code_decision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(500))
    field: Mapped[str] = mapped_column(String(200))
    change_type: Mapped[str] = mapped_column(String(20))
    effective_date: Mapped[dt.date] = mapped_column(Date)
    decision: Mapped[str] = mapped_column(String(200), default="")
    processing_time: Mapped[str | None] = mapped_column(String(200))
    fee: Mapped[str | None] = mapped_column(String(200))
    submit_place: Mapped[str | None] = mapped_column(String(500))
    online_level: Mapped[str | None] = mapped_column(String(100))
    details: Mapped[str | None] = mapped_column(Text)
    replaces: Mapped[str | None] = mapped_column(String(200))
    source_url: Mapped[str | None] = mapped_column(String(500))
    retrieved_at: Mapped[dt.date | None] = mapped_column(Date)
    source_file: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class Slot(Base):
    """A recurring broadcast slot: weekday name and local time, with a maximum length."""

    __tablename__ = "slots"

    id: Mapped[int] = mapped_column(primary_key=True)
    weekday: Mapped[str] = mapped_column(String(3))
    time: Mapped[str] = mapped_column(String(5))
    max_minutes: Mapped[int] = mapped_column(Integer, default=30)
    active: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class SlotOverride(Base):
    """A one-off change to the schedule: skip a recurring slot on a date, or an extra broadcast."""

    __tablename__ = "slot_overrides"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # skip | extra
    day: Mapped[dt.date] = mapped_column(Date)
    time: Mapped[str] = mapped_column(String(8))  # HH:MM, or HH:MM:SS for a one-off extra
    max_minutes: Mapped[int] = mapped_column(Integer, default=30)
    slot_id: Mapped[int | None] = mapped_column(ForeignKey("slots.id", ondelete="SET NULL"))
    note: Mapped[str | None] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class Program(Base):
    """What one broadcast slot airs; `status` follows the state machine in broadcaster.store.states."""

    __tablename__ = "programs"
    __table_args__ = (UniqueConstraint("slot_at", "priority", name="uq_program_slot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    week: Mapped[str] = mapped_column(String(8), index=True)
    slot_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    max_minutes: Mapped[int] = mapped_column(Integer)
    priority: Mapped[str] = mapped_column(String(20), default="normal")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    script_path: Mapped[str | None] = mapped_column(String(500))
    audio_path: Mapped[str | None] = mapped_column(String(500))
    estimated_s: Mapped[float] = mapped_column(Float, default=0.0)
    duration_s: Mapped[float | None] = mapped_column(Float)
    approved_by: Mapped[str | None] = mapped_column(String(100))
    approved_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)

    segments: Mapped[list[Segment]] = relationship(
        back_populates="program", cascade="all, delete-orphan", order_by="Segment.position"
    )


class Segment(Base):
    __tablename__ = "segments"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))  # opening | announcement | tthc | closing
    ref_id: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500), default="")
    text: Mapped[str] = mapped_column(Text)
    spoken: Mapped[str | None] = mapped_column(Text)
    audio_path: Mapped[str | None] = mapped_column(String(500))
    engine: Mapped[str | None] = mapped_column(String(40))
    duration_s: Mapped[float | None] = mapped_column(Float)
    # LLM rewrite (issue 6): `text` is what is read; the template text is kept when it differs.
    source_text: Mapped[str | None] = mapped_column(Text)
    rewrite_status: Mapped[str] = mapped_column(String(10), default="off")  # off|accepted|rejected|failed
    rewrite_reason: Mapped[str | None] = mapped_column(Text)

    program: Mapped[Program] = relationship(back_populates="segments")


class RewriteUsage(Base):
    """One row per rewrite pass (weekly build or preview): what it did and the tokens it spent."""

    __tablename__ = "rewrite_usage"

    id: Mapped[int] = mapped_column(primary_key=True)
    week: Mapped[str] = mapped_column(String(8), index=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    job: Mapped[str] = mapped_column(String(20))  # weekly | preview
    engine: Mapped[str] = mapped_column(String(40))
    model: Mapped[str] = mapped_column(String(100), default="")
    prompt_version: Mapped[str] = mapped_column(String(40), default="")
    segments: Mapped[int] = mapped_column(Integer, default=0)
    accepted: Mapped[int] = mapped_column(Integer, default=0)
    rejected: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    cached: Mapped[int] = mapped_column(Integer, default=0)
    tokens_in: Mapped[int] = mapped_column(Integer, default=0)
    tokens_out: Mapped[int] = mapped_column(Integer, default=0)


class Broadcast(Base):
    """The broadcast logbook: one row per airing of a program (on all its outputs).

    `key` is unique: inserting the row claims the airing, so no broadcast airs twice even when two
    processes try; a replay or a separate retry is a new row (`attempt` 2, 3, …). `result` is one
    of broadcaster.store.states.Result; `aired_s` is how many seconds actually went out, and
    `holder` the process (host:pid:token) that plays it, so a stuck row can be closed.
    """

    __tablename__ = "broadcasts"
    __table_args__ = (UniqueConstraint("key", name="uq_broadcasts_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str | None] = mapped_column(String(120))
    program_id: Mapped[int | None] = mapped_column(ForeignKey("programs.id", ondelete="SET NULL"), index=True)
    scheduled_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    started_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    output: Mapped[str] = mapped_column(String(40), default="")
    priority: Mapped[str] = mapped_column(String(20), default="normal")
    result: Mapped[str] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    items: Mapped[int | None] = mapped_column(Integer)
    duration_s: Mapped[float | None] = mapped_column(Float)
    approved_by: Mapped[str | None] = mapped_column(String(100))
    aired_s: Mapped[float | None] = mapped_column(Float)
    attempt: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    holder: Mapped[str | None] = mapped_column(String(200))


class AirRequest(Base):
    """An emergency handed to the running daemon by `broadcaster urgent`: it preempts what plays."""

    __tablename__ = "air_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id", ondelete="CASCADE"))
    requested_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    requested_by: Mapped[str] = mapped_column(String(100))
    taken_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    taken_by: Mapped[str | None] = mapped_column(String(200))


class Meta(Base):
    """Facts about the database itself (e.g. slots_seeded), never pruned with the audit log."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class DaemonLease(Base):
    """The one scheduler leader: a row renewed by heartbeats; a stale lease may be taken over."""

    __tablename__ = "daemon_leases"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    holder: Mapped[str] = mapped_column(String(200))
    heartbeat_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class AuditEvent(Base):
    """Who did what when: imports, builds, approvals, airings."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str] = mapped_column(String(200), default="")
    detail: Mapped[str | None] = mapped_column(Text)


class User(Base):
    """An account of the web app: officer (prepares), approver (approves) or admin (users, slots)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)  # login name, lower-case
    full_name: Mapped[str | None] = mapped_column(String(100))  # shown and recorded as approver
    role: Mapped[str] = mapped_column(String(20))  # officer | approver | admin
    password_hash: Mapped[str] = mapped_column(String(200))  # argon2id
    active: Mapped[int] = mapped_column(Integer, default=1)
    password_changed_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)


class LoginThrottle(Base):
    """Failed logins per account ("user:NAME") and per address ("addr:IP"); a key is locked after
    too many failures in a row (see broadcaster.accounts)."""

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
