"""The configured engine chain: try engines in order, remember which ones are dead for this run.

An engine that cannot start (check() fails, or a fatal EngineError such as no network) is
detected once and skipped for the rest of the run; so is one that failed `max_failures` segments
in a row. Thread-safe: segments are rendered in parallel.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

from broadcaster.errors import EngineError
from broadcaster.speech import TtsEngine, create

log = logging.getLogger(__name__)


class EngineChain:
    def __init__(self, engines: Sequence[TtsEngine], max_failures: int = 3) -> None:
        self.engines = list(engines)
        self.max_failures = max(1, max_failures)
        self.dead: dict[str, str] = {}
        self._checked: set[str] = set()
        self._failures: dict[str, int] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, voice, only: str | None = None) -> EngineChain:
        """The chain of `voice.chain` (a Voice config), or just the engine `only`."""
        names = [only] if only else list(voice.chain)
        return cls([create(name, voice.engines.get(name, {})) for name in names], voice.max_failures)

    def alive(self) -> list[TtsEngine]:
        """Usable engines in order; each engine is checked once, on first use."""
        with self._lock:
            for engine in self.engines:
                if engine.name not in self._checked:
                    self._checked.add(engine.name)
                    problem = engine.check()
                    if problem:
                        self._kill(engine, problem)
            usable = [e for e in self.engines if e.name not in self.dead]
        if not usable:
            reasons = "; ".join(f"{name}: {why}" for name, why in self.dead.items())
            raise EngineError(
                "Không có giọng đọc nào dùng được.",
                reasons,
                "xem lệnh broadcaster voices; cài espeak-ng hoặc sửa voice.chain trong config.yaml.",
                fatal=True,
            )
        return usable

    def failed(self, engine: TtsEngine, exc: EngineError) -> None:
        with self._lock:
            count = self._failures[engine.name] = self._failures.get(engine.name, 0) + 1
            log.warning("giọng %s lỗi, dùng giọng tiếp theo: %s", engine.name, exc.message.replace("\n", " "))
            if exc.fatal:
                self._kill(engine, f"{exc.what} {exc.cause or ''}".strip())
            elif count >= self.max_failures:
                self._kill(engine, f"lỗi {count} đoạn liên tiếp (lần cuối: {exc.what})")

    def succeeded(self, engine: TtsEngine) -> None:
        with self._lock:
            self._failures[engine.name] = 0

    def _kill(self, engine: TtsEngine, reason: str) -> None:
        if engine.name not in self.dead:
            self.dead[engine.name] = reason
            log.warning("bỏ qua giọng %s trong lần dựng này: %s", engine.name, reason)
