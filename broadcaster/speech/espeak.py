"""espeak-ng: offline, fast and robotic; reads only what the normalizer prepared."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from broadcaster.errors import EngineError

# Friendly names for the three Vietnamese voices of espeak-ng (`espeak-ng --voices=vi`).
VARIANTS = {"northern": "vi", "central": "vi-vn-x-central", "southern": "vi-vn-x-south"}


class EspeakEngine:
    name = "espeak"
    extension = "wav"
    keep_raw = False  # ~500x faster than real time: the cache keeps only the mastered piece

    def __init__(self, voice: str = "vi", rate: int = 150, pitch: int = 50, binary: str = "espeak-ng") -> None:
        self.voice = VARIANTS.get(voice, voice)
        self.rate, self.pitch, self.binary = int(rate), int(pitch), binary
        if not 80 <= self.rate <= 450 or not 0 <= self.pitch <= 99:
            raise ValueError("rate phải từ 80 đến 450 từ/phút, pitch từ 0 đến 99")

    def settings_key(self) -> str:
        return f"espeak-ng|{self.voice}|{self.rate}|{self.pitch}"

    def check(self) -> str | None:
        if shutil.which(self.binary) is None:
            return f"không tìm thấy chương trình {self.binary} (cài bằng: apt-get install espeak-ng)"
        if self.voice not in self.voices():
            return f"espeak-ng không có giọng “{self.voice}”; các giọng: {', '.join(self.voices())}"
        return None

    def voices(self) -> list[str]:
        try:
            out = subprocess.run([self.binary, "--voices=vi"], capture_output=True, text=True, timeout=30).stdout
        except (OSError, subprocess.SubprocessError):
            return []
        return [line.split()[1] for line in out.splitlines()[1:] if len(line.split()) > 1]

    def synthesize(self, text: str, out: Path) -> None:
        cmd = [self.binary, "-v", self.voice, "-s", str(self.rate), "-p", str(self.pitch), "-w", str(out), "--stdin"]
        try:
            result = subprocess.run(cmd, input=text.encode("utf-8"), capture_output=True, timeout=300)
        except FileNotFoundError as exc:
            raise EngineError(
                "Không chạy được espeak-ng.", str(exc), "cài espeak-ng: apt-get install espeak-ng.", fatal=True
            ) from exc
        except subprocess.TimeoutExpired as exc:
            raise EngineError("espeak-ng chạy quá lâu.", "đoạn văn bản quá dài.", "chia nhỏ bản tin.") from exc
        if result.returncode != 0 or not out.is_file() or out.stat().st_size <= 44:
            raise EngineError(
                "espeak-ng không đọc được đoạn văn bản.",
                result.stderr.decode("utf-8", "replace").strip() or "không có tệp âm thanh",
            )
