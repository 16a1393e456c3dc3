"""Turning spoken texts into mastered, cached MP3 pieces, through the engine chain.

Two steps per batch: `resolve` finds a text's piece in the cache or has an engine speak it
(one text per thread: engines are processes or network calls), then `master` processes the
new raw recordings in a few ffmpeg runs. A recording that turns out silent or unreadable counts
as a failure of its engine, and the text goes back to `resolve` for the next engine.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import threading
from collections.abc import Sequence
from pathlib import Path

from broadcaster.audio import chime
from broadcaster.audio.cache import SegmentCache, digest
from broadcaster.audio.ffmpeg import Loudness, silence
from broadcaster.audio.master import MasterSpec, codec_loss, file_digest, master_many
from broadcaster.config import Settings, resolve_path
from broadcaster.errors import AudioError, EngineError
from broadcaster.speech import TtsEngine
from broadcaster.speech.chain import EngineChain

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class SegmentAudio:
    path: Path  # the mastered MP3 piece (in the cache)
    engine: str  # engine that actually spoke it
    duration_s: float
    cached: bool  # the mastered piece came from the cache
    lufs: float
    true_peak: float | None


@dataclasses.dataclass(frozen=True)
class Recording:
    """A raw engine recording waiting to be mastered into the piece `key`."""

    text: str
    engine: TtsEngine
    raw: Path
    key: str


class Renderer:
    """Settings + cache + engine chain for one run; `resolve` is safe to call from many threads."""

    def __init__(self, settings: Settings, chain: EngineChain | None = None) -> None:
        self.settings = settings
        self.chain = chain or EngineChain.from_settings(settings.voice)
        self.cache = SegmentCache(settings.cache_dir)
        self.spec = MasterSpec.from_audio(settings.audio)
        self._loss: float | None = None
        self._lock = threading.Lock()

    def resolve(self, text: str, tried: set[str]) -> SegmentAudio | Recording:
        """The cached piece for `text`, else a new recording by the first untried engine that works."""
        errors = []
        for engine in self.chain.alive():
            if engine.name in tried:
                continue
            tts_key = digest("tts", engine.settings_key(), text)
            piece_key = digest("piece", tts_key, self.spec.key())
            hit = self.cache.get("mp3", piece_key, "mp3")
            if hit:
                return _segment(*hit, cached=True)
            tried.add(engine.name)
            try:
                raw = self.cache.get("tts", tts_key, engine.extension) or self.cache.put(
                    "tts", tts_key, engine.extension, functools.partial(_synthesize, engine, text)
                )
            except EngineError as exc:
                self.chain.failed(engine, exc)
                errors.append(f"{engine.name}: {exc.what}")
                continue
            return Recording(text, engine, raw[0], piece_key)
        raise AudioError(
            f"Không đọc được đoạn “{text[:60]}…”.",
            "; ".join(errors) or "không còn giọng đọc nào",
            "kiểm tra các giọng đọc bằng lệnh: broadcaster voices.",
        )

    def master(self, recordings: Sequence[Recording]) -> list[SegmentAudio | None]:
        """Master recordings into cached pieces; None where the recording was unusable (engine failed)."""
        tmps = [self.cache.reserve("mp3", r.key, "mp3") for r in recordings]
        try:
            outcomes = master_many([r.raw for r in recordings], tmps, self.spec, self.codec_loss())
            pieces: list[SegmentAudio | None] = []
            for rec, tmp, outcome in zip(recordings, tmps, outcomes):
                if isinstance(outcome, AudioError):
                    rec.raw.unlink(missing_ok=True)
                    self.chain.failed(rec.engine, EngineError(outcome.what, outcome.cause, outcome.fix))
                    pieces.append(None)
                    continue
                self.chain.succeeded(rec.engine)
                if not getattr(rec.engine, "keep_raw", True):  # cheap to make again: keep only the piece
                    rec.raw.unlink(missing_ok=True)
                    rec.raw.with_suffix(".json").unlink(missing_ok=True)
                pieces.append(
                    _segment(
                        *self.cache.commit("mp3", rec.key, "mp3", tmp, _record(rec.engine.name, outcome)), cached=False
                    )
                )
            return pieces
        finally:
            for tmp in tmps:
                tmp.unlink(missing_ok=True)

    def codec_loss(self) -> float:
        """The encoder's level loss for these MP3 settings: measured once, kept in the cache."""
        with self._lock:
            if self._loss is None:
                key = digest("codec-loss", self.spec.key())
                record = self.cache.get("tts", key, "json")
                if record is None:
                    self.cache.root.mkdir(parents=True, exist_ok=True)
                    loss = codec_loss(self.spec, self.cache.root)
                    record = self.cache.put("tts", key, "json", lambda tmp: _calibration(tmp, loss))
                self._loss = float(record[1]["loss_db"])
            return self._loss

    def silence(self, ms: int) -> Path:
        key = digest("silence", str(ms), self.spec.bitrate, str(self.spec.sample_rate))
        hit = self.cache.get("mp3", key, "mp3")
        return (hit or self.cache.put("mp3", key, "mp3", lambda tmp: self._silence(ms, tmp)))[0]

    def _silence(self, ms: int, tmp: Path) -> dict:
        silence(tmp, ms / 1000, self.spec.bitrate, self.spec.sample_rate)
        return {"engine": "silence", "duration_s": ms / 1000}

    def chime(self) -> SegmentAudio | None:
        """The mastered chime piece, or None when audio.chime is `none`."""
        setting = self.settings.audio.chime
        if setting == "none":
            return None
        source = None if setting == "generated" else resolve_path(self.settings.base_dir, setting)
        if source is not None and not source.is_file():
            raise AudioError(
                f"Không tìm thấy tệp nhạc hiệu {source}.",
                "đường dẫn audio.chime sai.",
                "sửa audio.chime trong config.yaml (generated, none, hoặc đường dẫn tệp).",
            )
        origin = file_digest(source) if source else f"generated|{chime.NOTES}|{chime.LENGTH_S}"
        key = digest("chime", origin, self.spec.key())
        hit = self.cache.get("mp3", key, "mp3")
        path, meta = hit or self.cache.put("mp3", key, "mp3", lambda tmp: self._chime(source, tmp))
        return _segment(path, meta, cached=bool(hit))

    def _chime(self, source: Path | None, tmp: Path) -> dict:
        wav = tmp.with_suffix(".chime.wav")
        try:
            if source is None:
                chime.write_chime(wav)
            [outcome] = master_many([source or wav], [tmp], self.spec, self.codec_loss())
        finally:
            wav.unlink(missing_ok=True)
        if isinstance(outcome, AudioError):
            raise outcome
        return _record("chime", outcome)


def _synthesize(engine: TtsEngine, text: str, out: Path) -> dict:
    engine.synthesize(text, out)
    return {"engine": engine.name, "settings": engine.settings_key(), "chars": len(text)}


def _calibration(tmp: Path, loss: float) -> dict:
    tmp.write_text("{}", encoding="utf-8")
    return {"engine": "calibration", "loss_db": loss}


def _record(engine: str, measured: Loudness) -> dict:
    return {
        "engine": engine,
        "duration_s": measured.duration_s,
        "lufs": measured.integrated,
        "true_peak": measured.true_peak,
    }


def _segment(path: Path, meta: dict, cached: bool) -> SegmentAudio:
    return SegmentAudio(
        path, meta["engine"], float(meta["duration_s"]), cached, float(meta["lufs"]), meta.get("true_peak")
    )
