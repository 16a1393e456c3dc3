"""Outcomes the database could not take: an append-only journal file beside it.

When a broadcast has played but its logbook row cannot be written (the database is locked for
longer than the broadcast's grace, or its disk is gone), the outcome is appended here, fsynced,
and written into the database on the next success or at the next start. Replaying is idempotent:
a row already final is left as it is.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from broadcaster.store.db import sqlite_path

log = logging.getLogger(__name__)


def path_for(database_url: str, data_dir: Path) -> Path:
    db_file = sqlite_path(database_url)
    return db_file.with_name(db_file.name + ".journal") if db_file else data_dir / "broadcaster.journal"


@contextlib.contextmanager
def _locked(path: Path, mode: str) -> Iterator[Any]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open(mode, encoding="utf-8") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield handle
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def append(path: Path, entry: dict[str, Any]) -> None:
    with _locked(path, "a") as handle:
        handle.write(json.dumps(entry, ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    log.error("không ghi được nhật ký phát vào cơ sở dữ liệu; đã lưu tạm vào %s", path)


def pending(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def replay(path: Path, apply: Callable[[dict[str, Any]], None]) -> int:
    """Apply every entry in order, then empty the file; stops (keeping the rest) at the first failure."""
    if not pending(path):
        return 0
    with _locked(path, "r+") as handle:
        entries = [json.loads(line) for line in handle.read().splitlines() if line.strip()]
        done = 0
        try:
            for entry in entries:
                apply(entry)
                done += 1
        finally:
            rest = entries[done:]
            handle.seek(0)
            handle.truncate()
            handle.writelines(json.dumps(e, ensure_ascii=False) + "\n" for e in rest)
            handle.flush()
            os.fsync(handle.fileno())
    if done:
        log.warning("đã ghi %d kết quả phát từ tệp tạm %s vào cơ sở dữ liệu", done, path)
    return done
