"""Errors the officer may see. Each message says what failed, the probable cause and the fix.

Messages are Vietnamese (user-facing); class names are English.
"""

from __future__ import annotations


class BroadcasterError(Exception):
    """Base class: the CLI prints these without a traceback (unless --debug)."""

    exit_code = 1

    def __init__(self, what: str, cause: str | None = None, fix: str | None = None) -> None:
        self.what, self.cause, self.fix = what, cause, fix
        super().__init__(self.message)

    @property
    def message(self) -> str:
        parts = [self.what]
        if self.cause:
            parts.append(f"Nguyên nhân có thể: {self.cause}")
        if self.fix:
            parts.append(f"Cách khắc phục: {self.fix}")
        return "\n".join(parts)


class ConfigError(BroadcasterError):
    """config.yaml is missing, malformed or has an invalid value."""


class ImportDataError(BroadcasterError):
    """An input file (announcements, TTHC changes) is unreadable or has a bad row/field."""

    exit_code = 2


class NotFoundError(BroadcasterError):
    """A referenced week, slot, program or record does not exist."""


class EngineError(BroadcasterError):
    """A TTS engine failed. `fatal` means the engine cannot work at all (tool missing, no network)."""

    def __init__(self, what: str, cause: str | None = None, fix: str | None = None, *, fatal: bool = False) -> None:
        self.fatal = fatal
        super().__init__(what, cause, fix)


class AudioError(BroadcasterError):
    """Mastering or export failed, or a program does not fit its slot."""


class ScheduleError(BroadcasterError):
    """The schedule is invalid (too few slots, quiet hours) or the daemon cannot run."""


class PlayoutError(BroadcasterError):
    """An output (folder, command, icecast) failed to air a program.

    `retryable` is False when part of the program already aired (a retry would air it twice)
    or when retrying cannot help (wrong password).
    """

    retryable = True
    aired_s = 0.0  # seconds of the program that went out before it failed
    stopped: str | None = None  # emergency | shutdown, when the daemon stopped it on purpose


class RewriteError(BroadcasterError):
    """The LLM rewrite failed or was rejected by the fact guard."""
