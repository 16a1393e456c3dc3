"""The daemon's playout queue: one broadcast at a time on every output, emergencies first.

One worker thread owns the outputs. Broadcasts play one after another, never over each other
(every output plays the same broadcast at the same time, so one queue feeds them all in step).
An emergency preempts: the program on air is stopped on every output (the player's whole
process group, the Icecast source), logged as interrupted with the seconds that went out, and
then resumed, replayed or dropped after the emergency, as playout.after_emergency says.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import subprocess
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from broadcaster import timeutil
from broadcaster.config import Settings
from broadcaster.errors import BroadcasterError
from broadcaster.onair import airing, recovery
from broadcaster.onair import outputs as playout
from broadcaster.onair.airing import AirResult, Job
from broadcaster.onair.outputs import process
from broadcaster.store.states import Result

log = logging.getLogger(__name__)


class Playout:
    def __init__(self, settings: Settings, holder: str, on_result: Callable[[AirResult], None] | None = None) -> None:
        self.settings, self.holder = settings, holder
        self.policy = playout.policy(settings.playout)
        self.run_dir = airing.run_dir(settings)
        self._on_result = on_result or (lambda r: None)
        self._cond = threading.Condition()
        self._queue: list[Job] = []
        self._survivors: list[process.Ticket] = []
        self._current: tuple[Job, playout.Control] | None = None
        self._closing = False
        self._stop_survivors = threading.Event()
        self._thread = threading.Thread(target=self._work, name="playout", daemon=True)
        self.idle = threading.Event()

    def start(self, survivors: Sequence[process.Ticket] = ()) -> None:
        self._survivors = list(survivors)
        self._thread.start()

    # ---- what the daemon calls -------------------------------------------------------------

    def submit(self, job: Job) -> None:
        with self._cond:
            self._queue.append(job)
            self.idle.clear()
            self._cond.notify_all()

    def preempt(self, job: Job) -> None:
        """Air an emergency now: before every normal broadcast, stopping the one on air."""
        with self._cond:
            at = next((i for i, j in enumerate(self._queue) if j.priority != "emergency"), len(self._queue))
            self._queue.insert(at, job)
            self.idle.clear()
            current = self._current
            self._cond.notify_all()
        if current is not None and current[0].priority != "emergency":
            log.warning("tin khẩn cấp: dừng %s đang phát", current[0].key)
            current[1].stop("emergency")

    def playing(self) -> set[str]:
        with self._cond:
            keys = {t.key for t in self._survivors}
            if self._current:
                keys.add(self._current[0].key)
            return keys

    def shutdown(self, timeout: float = 8.0) -> None:
        """Stop what plays (logged as interrupted by shutdown) and the worker."""
        with self._cond:
            self._closing = True
            self._queue.clear()
            current = self._current
            self._cond.notify_all()
        self._stop_survivors.set()
        if current is not None:
            current[1].stop("shutdown")
        self._thread.join(timeout)

    # ---- the worker ------------------------------------------------------------------------

    def _work(self) -> None:
        for ticket in self._survivors:  # nothing plays over a player an earlier daemon left running
            try:
                self._on_result(
                    recovery.wait_survivor(self.settings, ticket, self.policy.overrun_s, self._stop_survivors)
                )
            except Exception:
                log.exception("không xử lý được trình phát còn sót %s", ticket.key)
        with self._cond:
            self._survivors = []
        while True:
            with self._cond:
                while not self._queue and not self._closing:
                    self.idle.set()
                    self._cond.wait()
                if self._closing:
                    self.idle.set()
                    return
                job = self._queue.pop(0)
                control = playout.Control(self.run_dir, self.policy)
                self._current = (job, control)
            try:
                result = self._air(job, control)
                self._on_result(result)
            except Exception:
                log.exception("lỗi khi phát %s", job.key)
            finally:
                with self._cond:
                    self._current = None

    def _air(self, job: Job, control: playout.Control) -> AirResult:
        try:
            outputs = playout.configured(self.settings)
        except BroadcasterError as exc:
            log.error("đầu phát không dùng được: %s", exc.message)
            outputs = []
        try:
            result = airing.play(self.settings, job, outputs, control, self.holder)
        finally:
            for output in outputs:
                process.clear(self.run_dir, output.name)
        if result.result == Result.INTERRUPTED and control.reason == "emergency":
            self._after_emergency(job, result)
        elif (
            result.result == Result.FAILED
            and self.policy.retry_partial
            and result.aired_s >= process.NOTHING_AIRED_S
            and job.attempt < 1 + self.policy.retries
        ):
            self.submit(dataclasses.replace(job, key=_next_key(job), attempt=job.attempt + 1))
        return result

    def _after_emergency(self, job: Job, result: AirResult) -> None:
        mode = self.policy.after_emergency
        if mode == "drop":
            return
        offset = result.aired_s if mode == "resume" else 0.0
        item = job.item
        if offset:
            item = _trimmed(item, offset, self.run_dir)
        again = dataclasses.replace(job, key=_next_key(job), attempt=job.attempt + 1, item=item, offset_s=offset)
        if job.deadline is not None:
            ends = timeutil.now() + dt.timedelta(seconds=item.duration_s + 120)
            if ends > job.deadline:
                log.warning("không phát lại %s: không kịp trước buổi phát sau", job.key)
                return
        with self._cond:
            at = next((i for i, j in enumerate(self._queue) if j.priority != "emergency"), len(self._queue))
            self._queue.insert(at, again)
            self._cond.notify_all()


def _next_key(job: Job) -> str:
    return f"{job.key.partition('#')[0]}#{job.attempt + 1}"


def _trimmed(item: playout.PlayItem, offset: float, run_dir: Path) -> playout.PlayItem:
    """The rest of a program from `offset` seconds (frame-exact copy, no re-encoding)."""
    target = run_dir / f"resume-{item.name}.mp3"
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-nostdin",
            "-y",
            "-ss",
            f"{offset:.2f}",
            "-i",
            str(item.path),
            "-c",
            "copy",
            str(target),
        ],
        check=True,
        timeout=120,
    )
    return dataclasses.replace(item, path=target, duration_s=max(0.0, item.duration_s - offset))
