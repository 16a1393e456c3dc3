"""TTS engines: one protocol, one registry {name: factory}.

An engine turns spoken (already normalized) Vietnamese text into a WAV file. `check()` tells
once whether the engine can work at all (a fatal problem, such as a missing program); a failure
of one text raises EngineError(fatal=False) so the caller can carry on with the next engine.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

from broadcaster.errors import ConfigError, EngineError


class TtsEngine(Protocol):
    name: str

    def settings_key(self) -> str:
        """Everything that changes the sound (voice, rate…), for the segment cache key."""

    def check(self) -> str | None:
        """None when usable, else the Vietnamese reason it cannot work at all."""

    def synthesize(self, text: str, out_wav: Path) -> None:
        """Write `text` as speech to `out_wav`; raise EngineError on failure."""


class EspeakEngine:
    """espeak-ng, offline. Fast and robotic; reads only what the normalizer prepared."""

    name = "espeak"

    def __init__(self, voice: str = "vi", rate: int = 150, pitch: int = 50, binary: str = "espeak-ng") -> None:
        self.voice, self.rate, self.pitch, self.binary = voice, int(rate), int(pitch), binary

    def settings_key(self) -> str:
        return f"espeak-ng|{self.voice}|{self.rate}|{self.pitch}"

    def check(self) -> str | None:
        if shutil.which(self.binary) is None:
            return f"không tìm thấy chương trình {self.binary} (cài bằng: apt-get install espeak-ng)"
        return None

    def synthesize(self, text: str, out_wav: Path) -> None:
        problem = self.check()
        if problem:
            raise EngineError("Giọng espeak-ng không dùng được.", problem, "chạy make demo để cài đặt.", fatal=True)
        cmd = [self.binary, "-v", self.voice, "-s", str(self.rate), "-p", str(self.pitch), "-w", str(out_wav),
               "--stdin"]
        result = subprocess.run(cmd, input=text.encode("utf-8"), capture_output=True, timeout=300)
        if result.returncode != 0 or not out_wav.is_file() or out_wav.stat().st_size <= 44:
            raise EngineError("espeak-ng không đọc được đoạn văn bản.",
                              result.stderr.decode("utf-8", "replace").strip() or "không có tệp âm thanh")


EngineFactory = Callable[[Mapping[str, Any]], TtsEngine]
ENGINES: dict[str, EngineFactory] = {
    "espeak": lambda options: EspeakEngine(**dict(options)),
}


def create(name: str, options: Mapping[str, Any] | None = None) -> TtsEngine:
    factory = ENGINES.get(name)
    if factory is None:
        raise ConfigError(f"Không có giọng đọc “{name}”.", None,
                          "các giọng đọc hợp lệ: " + ", ".join(sorted(ENGINES)) + ".")
    try:
        return factory(options or {})
    except TypeError as exc:
        raise ConfigError(f"Tùy chọn của giọng đọc “{name}” không hợp lệ.", str(exc)) from exc
