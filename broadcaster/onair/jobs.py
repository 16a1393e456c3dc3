"""Scheduler job entry points kept in the database job store: `module:function` with plain arguments.

Broadcasts are not stored jobs: the daemon derives them from the calendar (broadcaster.onair.daemon).

APScheduler pickles the reference and the arguments into its job store, so arguments are
strings (config path, ISO times), never live objects; each run loads fresh settings.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


def _settings(config_path: str | None):
    from broadcaster.config import load_settings

    return load_settings(config_path)


def weekly_job(config_path: str | None, week: str | None = None) -> None:
    """Prepare next week's programs (scripts, audio, database rows); `week` is a label such as 2026-W49."""
    from broadcaster.production import build
    from broadcaster.timeutil import week_or_next

    result = build.weekly(_settings(config_path), week_or_next(week), actor="scheduler")
    log.info("đã dựng chương trình tuần %s: %d buổi", result.week, len(result.broadcasts))
