"""Audio: synthesize each segment (cached by content hash) and join them into one MP3."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from broadcaster.config import Settings
from broadcaster.errors import AudioError, EngineError
from broadcaster.speech import engines

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class SegmentAudio:
    wav: Path
    engine: str
    duration_s: float
    cached: bool


@dataclasses.dataclass(frozen=True)
class RenderResult:
    path: Path
    duration_s: float
    segments: tuple[SegmentAudio, ...]


def engine_chain(settings: Settings) -> list[engines.TtsEngine]:
    chain = [engines.create(name, settings.voice.engines.get(name, {})) for name in settings.voice.chain]
    usable = [e for e in chain if e.check() is None]
    if not usable:
        reasons = "; ".join(f"{e.name}: {e.check()}" for e in chain)
        raise EngineError("Không có giọng đọc nào dùng được.", reasons, "cài espeak-ng hoặc sửa voice.chain.",
                          fatal=True)
    for engine in chain:
        if engine not in usable:
            log.warning("giọng %s không dùng được (%s); dùng giọng tiếp theo", engine.name, engine.check())
    return usable


def synthesize(text: str, chain: Sequence[engines.TtsEngine], cache_dir: Path) -> SegmentAudio:
    """Speech for one spoken text: from the cache, else from the first engine that succeeds."""
    from pydub import AudioSegment

    errors = []
    for engine in chain:
        key = hashlib.sha256(f"{engine.settings_key()}\n{text}".encode()).hexdigest()
        wav = cache_dir / "tts" / key[:2] / f"{key}.wav"
        cached = wav.is_file()
        if not cached:
            wav.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(suffix=".wav", dir=wav.parent)
            os.close(fd)
            try:
                engine.synthesize(text, Path(tmp))
                os.replace(tmp, wav)
            except EngineError as exc:
                errors.append(f"{engine.name}: {exc.what}")
                log.warning("giọng %s lỗi, thử giọng tiếp theo: %s", engine.name, exc.what)
                continue
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        duration = len(AudioSegment.from_wav(wav)) / 1000.0
        return SegmentAudio(wav, engine.name, duration, cached)
    raise AudioError("Không tạo được âm thanh cho một đoạn.", "; ".join(errors) or "không có giọng đọc",
                     "kiểm tra các giọng đọc bằng lệnh: broadcaster voices.")


def render_program(texts: Sequence[str], out_mp3: Path, settings: Settings, title: str = "") -> RenderResult:
    """Join the segments with pauses and about 1 s of silence at the end; export a mono MP3."""
    from pydub import AudioSegment

    chain = engine_chain(settings)
    parts = [synthesize(text, chain, settings.cache_dir) for text in texts if text.strip()]
    rate = settings.audio.sample_rate
    pause = AudioSegment.silent(duration=settings.audio.pause_ms, frame_rate=rate)
    program = AudioSegment.silent(duration=300, frame_rate=rate)
    for index, part in enumerate(parts):
        if index:
            program += pause
        program += AudioSegment.from_wav(part.wav).set_frame_rate(rate).set_channels(1)
    program += AudioSegment.silent(duration=1000, frame_rate=rate)
    out_mp3.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_mp3.with_suffix(".tmp.mp3")
    try:
        program.set_channels(1).export(tmp, format="mp3", bitrate=settings.audio.bitrate,
                                       parameters=["-ar", str(rate)],
                                       tags={"title": title, "artist": settings.station.name})
        os.replace(tmp, out_mp3)
    except Exception as exc:
        raise AudioError(f"Không xuất được tệp MP3 {out_mp3}.", str(exc).splitlines()[0] if str(exc) else None,
                         "kiểm tra ffmpeg đã được cài (apt-get install ffmpeg).") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return RenderResult(out_mp3, len(program) / 1000.0, tuple(parts))
