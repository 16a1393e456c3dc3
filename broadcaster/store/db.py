"""Engine and session factory. The schema is created and migrated (Alembic) on first use.

SQLite runs in WAL mode; once its file exists, connections open it read-write without creating
it, so a database deleted under a running daemon is never silently replaced by an empty one.
`retrying()` retries a write on "database is locked" or a dropped connection (the air path).
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import getpass
import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar, cast

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import CursorResult, Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from broadcaster.errors import BroadcasterError
from broadcaster.store.models import AuditEvent

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")


T = TypeVar("T")


def changed(session: Session, statement) -> int:
    """Rows an UPDATE/INSERT … ON CONFLICT statement changed (its cursor's row count)."""
    return cast(CursorResult, session.execute(statement)).rowcount


def sqlite_path(url: str) -> Path | None:
    """The database file of a file-based SQLite URL, else None."""
    if url.startswith("sqlite:///") and ":memory:" not in url:
        return Path(url[len("sqlite:///") :].split("?")[0])
    return None


@functools.lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """One engine per URL, migrated to the latest schema."""
    path = sqlite_path(url)
    if path is None:
        engine = create_engine(url, future=True)
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        with _file_lock(path):
            sqlite3.connect(path).close()  # the first use creates the file; later connections never do
        uri = f"file:{path}?mode=rw"
        engine = create_engine(
            url, future=True, creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=10)
        )
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    if path is None:
        migrate(engine)
    else:
        with _file_lock(path):  # two processes starting on a new database: one migrates, one waits
            migrate(engine)
    return engine


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    with open(path.with_name(path.name + ".lock"), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


TRANSIENT = (
    "database is locked",
    "database table is locked",
    "disk i/o error",
    "unable to open database",
    "server closed the connection",
    "connection refused",
    "could not connect",
    "terminating connection",
)


def transient(exc: BaseException) -> bool:
    """A database error worth retrying: a lock, a busy disk, a dropped connection."""
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, (OperationalError, sqlite3.OperationalError)) and any(
        t in str(exc).lower() for t in TRANSIENT
    )


def retrying(action: Callable[[], T], deadline_s: float, what: str = "ghi cơ sở dữ liệu") -> T:
    """Run `action` (which opens its own session), retrying transient errors with back-off until
    `deadline_s` seconds have passed; then the last error is raised."""
    start, delay = time.monotonic(), 0.1
    while True:
        try:
            return action()
        except Exception as exc:
            if not transient(exc) or time.monotonic() - start + delay > deadline_s:
                raise
            log.warning("%s: %s; thử lại sau %.1f giây", what, str(exc).splitlines()[0], delay)
            time.sleep(delay)
            delay = min(delay * 2, 2.0)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def migrate(engine: Engine) -> None:
    """Upgrade the database to the newest Alembic revision (no-op when already there)."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    if current == head:
        return
    log.info("migrating database from %s to %s", current, head)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except Exception as exc:
        raise BroadcasterError(
            "Không cập nhật được cấu trúc cơ sở dữ liệu.",
            str(exc).splitlines()[0],
            "kiểm tra mục database trong config.yaml và quyền ghi thư mục dữ liệu.",
        ) from exc


@contextmanager
def session_scope(url: str) -> Iterator[Session]:
    """A transaction: committed on success, rolled back on any error (imports are all-or-nothing)."""
    session = sessionmaker(engine_for(url), expire_on_commit=False)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def audit(session: Session, action: str, target: str = "", detail: str | None = None, actor: str | None = None) -> None:
    session.add(AuditEvent(actor=actor or current_user(), action=action, target=target, detail=detail))


def audit_trail(session: Session, limit: int = 50) -> list[AuditEvent]:
    return list(session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)))
