"""Tell systemd how the daemon is doing (sd_notify): ready, alive, stopping, a status line.

A thin wrapper over the `sdnotify` package (pure Python). Every function is a no-op when
NOTIFY_SOCKET is unset (not started by systemd, or not Type=notify) and never raises: a lost
notification must not stop a broadcast. The unit (broadcaster service unit) sets Type=notify and
WatchdogSec=, so the daemon calls ready() once its scheduler runs, watchdog() at least every
watchdog_interval() seconds, and stopping() when it shuts down.

sdnotify encodes messages as Latin-1, which cannot carry Vietnamese; the datagrams are sent here
as UTF-8 (what systemd expects) through the notifier's socket.
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)
SOCKET_VAR = "NOTIFY_SOCKET"


def ready() -> bool:
    """The daemon has started (systemd ends `systemctl start` and starts the watchdog clock)."""
    return send("READY=1")


def watchdog() -> bool:
    """Still alive; without one within WatchdogSec systemd kills and restarts the service."""
    return send("WATCHDOG=1")


def stopping() -> bool:
    """The daemon is shutting down on purpose (not a crash)."""
    return send("STOPPING=1")


def status(text: str) -> bool:
    """One line shown by `systemctl status broadcaster`, e.g. the next broadcast."""
    return send("STATUS=" + " ".join(str(text).split()))


def watchdog_interval() -> float | None:
    """Seconds between watchdog() calls: half of systemd's WatchdogSec, or None when not watched."""
    usec = os.environ.get("WATCHDOG_USEC", "")
    pid = os.environ.get("WATCHDOG_PID", "")
    if not usec.isdigit() or int(usec) == 0 or (pid.isdigit() and int(pid) != os.getpid()):
        return None
    return int(usec) / 1_000_000 / 2


def send(message: str) -> bool:
    """Send one notification; False when there is no socket or the send failed (logged, not raised)."""
    if not os.environ.get(SOCKET_VAR):
        return False
    import sdnotify

    notifier = sdnotify.SystemdNotifier()  # connects to NOTIFY_SOCKET ('@' = abstract namespace)
    if notifier.socket is None:
        log.debug("không kết nối được ổ NOTIFY_SOCKET=%s", os.environ.get(SOCKET_VAR))
        return False
    try:
        notifier.socket.sendall(message.encode("utf-8"))
        return True
    except OSError as exc:
        log.debug("không gửi được thông báo systemd %r: %s", message, exc)
        return False
    finally:
        notifier.socket.close()
