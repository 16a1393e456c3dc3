"""A player process the daemon can stop, find again after a crash, and believe.

The player (mpv, ffmpeg to Icecast, …) runs under a small `sh` wrapper that leads its own process
group (so stopping it stops every child) and, when the player exits, writes its exit code and the
time into a status file. Beside it a pid file says which broadcast plays, since when and for how
long; the daemon touches it every second while it waits, so after a power cut the last touch
tells how far the program got. A daemon restarted after a crash reads both files: a player still
running is waited for; a finished one is believed; a vanished one was cut.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import signal
import subprocess
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from broadcaster.files import write_text_atomic

log = logging.getLogger(__name__)
TICK_S = 1.0
STOP_GRACE_S = 2.0
# Below this, nothing audible went out: the attempt may be retried without airing anything twice.
NOTHING_AIRED_S = 1.0
_WRAPPER = (
    '"$@"; rc=$?; printf "%s %s\\n" "$rc" "$(date +%s.%N)" > "$BROADCASTER_STATUS.tmp" '
    '&& mv "$BROADCASTER_STATUS.tmp" "$BROADCASTER_STATUS"; exit $rc'
)


@dataclasses.dataclass(frozen=True)
class Ticket:
    """What a pid file holds: enough to find the player again and judge what it did."""

    output: str
    key: str
    pid: int  # the wrapper's pid = the process group id
    started: float  # wall-clock epoch seconds
    duration_s: float
    file: str

    @classmethod
    def read(cls, path: Path) -> Ticket | None:
        try:
            return cls(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None


@dataclasses.dataclass(frozen=True)
class Ended:
    """How a player run ended."""

    returncode: int | None  # None: it vanished without a word (killed with SIGKILL, power cut)
    elapsed_s: float
    stopped: str | None = None  # why we stopped it (emergency, shutdown, overrun), if we did
    stderr: str = ""


class PlayerProcess:
    """One player run: start, wait with a bound, stop the whole group."""

    def __init__(
        self,
        argv: Sequence[str],
        run_dir: Path,
        output: str,
        key: str,
        file: Path,
        duration_s: float,
        env: dict[str, str] | None = None,
    ) -> None:
        self.run_dir, self.output = run_dir, output
        run_dir.mkdir(parents=True, exist_ok=True)
        self.pid_path, self.status_path = pid_path(run_dir, output), status_path(run_dir, output)
        self.status_path.unlink(missing_ok=True)
        self._err = (run_dir / f"{output}.stderr").open("w+", encoding="utf-8", errors="replace")
        self.started = time.time()
        self._mono = time.monotonic()
        self.proc = subprocess.Popen(
            ["sh", "-c", _WRAPPER, "sh", *argv],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self._err,
            start_new_session=True,
            env={**os.environ, **(env or {}), "BROADCASTER_STATUS": str(self.status_path)},
        )
        self.ticket = Ticket(output, key, self.proc.pid, self.started, duration_s, str(file))
        write_text_atomic(self.pid_path, json.dumps(dataclasses.asdict(self.ticket)))
        self._stop_reason: str | None = None
        self._stop = threading.Event()

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self._mono

    def stop(self, reason: str) -> None:
        """Ask the waiting thread to stop the player now (emergency, shutdown)."""
        self._stop_reason = self._stop_reason or reason
        self._stop.set()

    def wait(self, limit_s: float) -> Ended:
        """Wait for the end, touching the pid file each second; stop at `limit_s` or on stop()."""
        last_tick = 0.0
        while True:
            try:
                rc = self.proc.wait(timeout=0.1)
                break
            except subprocess.TimeoutExpired:
                pass
            if self._stop.is_set():
                return self._kill(self._stop_reason or "")
            if self.elapsed > limit_s:
                return self._kill("overrun")
            if self.elapsed - last_tick >= TICK_S:
                last_tick = self.elapsed
                _touch(self.pid_path)
        return self._finish(rc, None)

    def _kill(self, reason: str) -> Ended:
        stop_group(self.proc.pid, STOP_GRACE_S)
        try:
            self.proc.wait(timeout=STOP_GRACE_S)
        except subprocess.TimeoutExpired:
            pass
        return self._finish(self.proc.returncode, reason)

    def _finish(self, rc: int | None, stopped: str | None) -> Ended:
        elapsed = self.elapsed
        self._err.seek(0)
        stderr = self._err.read()[-4000:]
        self._err.close()
        return Ended(rc, elapsed, stopped, stderr)  # the pid file stays until the outcome is written


def pid_path(run_dir: Path, output: str) -> Path:
    return run_dir / f"{output}.pid"


def status_path(run_dir: Path, output: str) -> Path:
    return run_dir / f"{output}.status"


def clear(run_dir: Path, output: str) -> None:
    for path in (pid_path(run_dir, output), status_path(run_dir, output), run_dir / f"{output}.stderr"):
        path.unlink(missing_ok=True)


def _touch(path: Path) -> None:
    try:
        os.utime(path)
    except OSError:
        pass


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stop_group(pgid: int, grace_s: float = STOP_GRACE_S) -> None:
    """SIGTERM the whole process group, then SIGKILL what is left after `grace_s`."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(pgid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + grace_s
        while time.monotonic() < deadline:
            if not group_alive(pgid):
                return
            _reap(pgid)
            time.sleep(0.05)


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def survivor_end(run_dir: Path, ticket: Ticket, limit_s: float, stop: threading.Event | None = None) -> Ended:
    """After a crash: wait for a player a previous daemon started (stopping it at `limit_s` after its
    start, or when `stop` is set), then say how it ended. A vanished player says nothing (None)."""
    while group_alive(ticket.pid):
        elapsed = time.time() - ticket.started
        if elapsed > limit_s or (stop is not None and stop.is_set()):
            stop_group(ticket.pid)
            return Ended(None, time.time() - ticket.started, "overrun" if elapsed > limit_s else "shutdown")
        _reap(ticket.pid)
        time.sleep(0.2)
    status = status_path(run_dir, ticket.output)
    try:
        rc_text, at_text = status.read_text(encoding="utf-8").split()
        return Ended(int(rc_text), float(at_text) - ticket.started)
    except (OSError, ValueError):
        try:
            last = pid_path(run_dir, ticket.output).stat().st_mtime
        except OSError:
            last = ticket.started
        return Ended(None, max(0.0, min(last - ticket.started, ticket.duration_s)))
