"""Long actions (building a week, airing an emergency) run in a thread; pages follow their progress.

The registry lives in the web process (one process, many threads): a job is a plain record the
worker thread updates and the progress endpoint reads.
"""

from __future__ import annotations

import dataclasses
import logging
import secrets
import threading
import time
from collections.abc import Callable
from typing import Any

from broadcaster.errors import BroadcasterError

log = logging.getLogger(__name__)
KEEP = 50


@dataclasses.dataclass
class Job:
    id: str
    kind: str  # build | urgent
    key: str  # the week for a build
    user: str
    started: float
    steps: int = 1  # programs to render (a build), for the overall bar
    step: int = 0
    done: int = 0  # segments done in the current step
    total: int = 0
    phase: str = "Đang chuẩn bị…"
    state: str = "running"  # running | done | error (a background job, not a broadcast)
    error: str | None = None
    result: Any = None
    finished: float | None = None

    def progress(self, done: int, total: int) -> None:
        """The library's progress callback: (segments done, segments in this program)."""
        if done < self.done or self.step == 0:
            self.step += 1
        self.done, self.total = done, total
        self.phase = f"Dựng âm thanh buổi {min(self.step, self.steps)}/{self.steps}: {done}/{total} đoạn"

    @property
    def percent(self) -> int:
        if self.state != "running":
            return 100
        if self.step == 0:
            return 2
        current = self.done / self.total if self.total else 0
        return max(2, min(99, int(100 * (self.step - 1 + current) / max(self.steps, self.step))))

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "state": self.state,
            "percent": self.percent,
            "phase": self.phase,
            "error": self.error,
        }


class Jobs:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs: dict[str, Job] = {}

    def start(self, kind: str, key: str, user: str, work: Callable[[Job], Any], steps: int = 1) -> Job:
        """Run work(job) in a thread; a second build while one runs is refused (BroadcasterError)."""
        job = Job(secrets.token_urlsafe(9), kind, key, user, time.time(), steps=max(1, steps))
        with self._lock:
            if kind == "build" and self.running(kind):
                raise BroadcasterError("Đang dựng một chương trình khác; chờ xong rồi dựng lại.")
            self._jobs[job.id] = job
            for old in sorted(self._jobs.values(), key=lambda j: j.started)[:-KEEP]:
                if old.state != "running":
                    del self._jobs[old.id]
        threading.Thread(target=self._run, args=(job, work), name=f"web-{kind}", daemon=True).start()
        return job

    def _run(self, job: Job, work: Callable[[Job], Any]) -> None:
        try:
            job.result = work(job)
            job.state, job.phase = "done", "Đã xong."
        except BroadcasterError as exc:
            job.state, job.error, job.phase = "error", exc.message, "Không thành công."
        except Exception as exc:
            log.exception("job %s (%s) failed", job.id, job.kind)
            job.state, job.error, job.phase = "error", f"Lỗi không lường trước: {exc}", "Không thành công."
        finally:
            job.finished = time.time()

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def running(self, kind: str, key: str | None = None) -> Job | None:
        for job in list(self._jobs.values()):
            if job.kind == kind and job.state == "running" and (key is None or job.key == key):
                return job
        return None

    def wait_all(self, timeout_s: float = 60.0) -> None:
        """Tests and shutdown: wait for the running jobs."""
        deadline = time.time() + timeout_s
        while any(j.state == "running" for j in list(self._jobs.values())) and time.time() < deadline:
            time.sleep(0.05)
