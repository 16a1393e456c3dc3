"""Mastering one piece: loudness to the target, true-peak ceiling, optional horn preset, CBR MP3.

Each piece (a spoken segment, the chime) is normalized on its own to the same integrated
loudness and encoded with the same MP3 parameters, so a program is just its pieces joined frame
by frame: editing one announcement re-encodes one piece only. Silence between pieces is gated
out by the BS.1770 meter, so the whole program measures about the target too.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import uuid
from collections.abc import Sequence
from pathlib import Path

from broadcaster.audio import ffmpeg
from broadcaster.config import Audio
from broadcaster.errors import AudioError

VERSION = "master-2"  # change when the processing below changes: invalidates the cache
# Horn loudspeakers reproduce roughly 300 Hz to 4 kHz; speech energy outside is wasted or harsh.
HORN = "highpass=f=280:poles=2,lowpass=f=3800:poles=2,acompressor=threshold=0.1:ratio=3:attack=10:release=200"
LIMITER = "alimiter=level_in={:.5f}:limit={:.5f}:level_out={:.5f}:level=disabled:attack=5:release=50"
# The MP3 encoder raises true peaks above the sample peaks it is given: by 0.1-1.0 dB on most
# espeak-ng pieces, by up to 2.7 dB on a few (central and southern voices). The margin keeps most
# pieces under the ceiling at the first encode; the true-peak check catches the others.
PEAK_MARGIN_DB = 1.0
TRUE_PEAK_TOLERANCE_DB = 0.1  # our 4x-oversampled true peak vs ebur128's: within 0.08 dB measured
# First limiter setting, before anything is metered: espeak-ng peaks at full scale, and its northern
# voice limited 9.5 dB below full scale has a PLR of about 13 dB, 0.3 dB less per dB deeper.
FIRST_DEPTH_DB, FIRST_PLR, PLR_SLOPE = 9.5, 13.0, 0.3
PASSES = 5


@dataclasses.dataclass(frozen=True)
class MasterSpec:
    target_lufs: float = -16.0
    true_peak_db: float = -1.0
    horn: bool = False
    bitrate: str = "64k"
    sample_rate: int = 44100

    @classmethod
    def from_audio(cls, audio: Audio) -> MasterSpec:
        return cls(audio.target_lufs, audio.true_peak_db, audio.horn, audio.bitrate, audio.sample_rate)

    def key(self) -> str:
        return f"{VERSION}|{self.target_lufs}|{self.true_peak_db}|{self.horn}|{self.bitrate}|{self.sample_rate}"


@dataclasses.dataclass(frozen=True)
class _Try:
    """A limiter setting (gain into it, limit, in dB) and the meter's reading of the limited signal."""

    gain: float
    limit: float
    loudness: float = 0.0
    plr: float = 0.0  # peak-to-loudness ratio: sample peak minus integrated loudness

    @property
    def depth(self) -> float:  # how hard it limits, up to the source's own peak level
        return self.gain - self.limit

    def filters(self, makeup: float = 0.0) -> list[str]:
        return [LIMITER.format(10 ** (self.gain / 20), 10 ** (self.limit / 20), 10 ** (makeup / 20))]


@dataclasses.dataclass
class _Piece:
    """One piece: limited to the peak-to-loudness ratio (PLR) the ceiling allows at the target, then one
    linear gain to the target. A gain after the limiter moves loudness and peak by exactly the gain, so
    the metered limited signal tells the final loudness and sample peak before anything is encoded."""

    aim: float  # loudness before the encoder (target + the encoder's loss)
    ceiling: float  # true-peak ceiling, dBTP
    margin: float = dataclasses.field(default_factory=lambda: PEAK_MARGIN_DB)  # ceiling to sample peak
    raw: ffmpeg.Loudness | None = None
    tries: list[_Try] = dataclasses.field(default_factory=list)
    chosen: _Try | None = None  # None with `settled`: no limiting needed
    settled: bool = False

    def __post_init__(self) -> None:
        depth = FIRST_DEPTH_DB + (FIRST_PLR - self.allowed + 0.4) / PLR_SLOPE
        self.next = _Try(0.0, -min(max(depth, 0.0), 24.0))

    @property
    def allowed(self) -> float:
        return self.ceiling - self.margin - self.aim

    @property
    def raw_plr(self) -> float:
        assert self.raw is not None and self.raw.sample_peak is not None  # measured before any choice
        return self.raw.sample_peak - self.raw.integrated

    def record(self, limited: ffmpeg.Loudness, last_chance: bool) -> None:
        peak = limited.sample_peak if limited.sample_peak is not None else limited.integrated
        self.tries.append(dataclasses.replace(self.next, loudness=limited.integrated, plr=peak - limited.integrated))
        self.choose(last_chance)

    def choose(self, last_chance: bool = False) -> None:
        """Settle on the least limiting try that fits (within 1 dB of the allowed PLR), else aim the next."""
        good = [t for t in self.tries if t.plr <= self.allowed]
        if self.raw and self.raw_plr <= self.allowed:
            self.chosen, self.settled = None, True  # no limiting needed
        elif any(t.plr >= self.allowed - 1.0 for t in good) or last_chance:
            self.chosen = max(good, key=lambda t: t.plr) if good else min(self.tries, key=lambda t: t.plr)
            self.settled = True  # (the true-peak check has the last word)
        else:
            self.settled, last, slope = False, self.tries[-1], PLR_SLOPE
            if len(self.tries) > 1 and self.tries[-2].depth != last.depth:  # secant
                slope = min(max((self.tries[-2].plr - last.plr) / (last.depth - self.tries[-2].depth), 0.1), 1.0)
            depth = last.depth + min(max((last.plr - self.allowed + 0.4) / slope, -6.0), 6.0)
            peak = self.raw.sample_peak if self.raw and self.raw.sample_peak is not None else None
            gain = min(max(-peak, -36.0), 36.0) if peak is not None else 0.0  # peaks to full scale
            self.next = _Try(gain, min(max(gain - depth, -24.0), 0.0))

    def lower(self, excess: float) -> None:
        """The encoded true peak was `excess` dB too high: allow a PLR that much below the one encoded."""
        self.margin = self.ceiling - self.aim - ((self.chosen.plr if self.chosen else self.raw_plr) - excess)
        self.choose()

    def filters(self) -> list[str]:
        if self.chosen is None:
            assert self.raw is not None  # no try chosen: the raw level needed no limiting
            return [f"volume={self.aim - self.raw.integrated:.3f}dB"]
        return self.chosen.filters(makeup=self.aim - self.chosen.loudness)


def master_many(
    srcs: Sequence[Path], dsts: Sequence[Path], spec: MasterSpec, codec_loss_db: float = 0.0
) -> list[ffmpeg.Loudness | AudioError]:
    """Encode each src to its dst at the target loudness under the true-peak ceiling.

    Returns, per piece, its loudness (exact before encoding, less the encoder's loss `codec_loss_db`,
    see `codec_loss`), the true peak of the encoded file, and its duration; or the AudioError of a
    silent source. Each step works on all pieces in one ffmpeg process (starting ffmpeg costs more
    than processing a short piece): meter the source through a first limiter setting (raw and with
    another setting for the few whose PLR is not right yet), encode, check the encoded true peak.
    """
    # Limit and meter at the output rate: limiting at a lower one (espeak-ng: 22.05 kHz) leaves peaks
    # between its samples that resampling brings out, up to 1.8 dB higher.
    shaping = [f"aresample={spec.sample_rate}", *([HORN] if spec.horn else [])]
    ceiling = spec.true_peak_db
    pieces = [_Piece(spec.target_lufs + codec_loss_db, ceiling) for _ in srcs]
    results: list[ffmpeg.Loudness | AudioError | None] = [None] * len(srcs)
    todo = list(range(len(srcs)))
    for _attempt in range(3):
        if not todo:
            break
        for i in _settle(srcs, pieces, todo, shaping):
            results[i] = AudioError(
                f"Đoạn âm thanh {srcs[i].name} im lặng.",
                "giọng đọc trả về âm thanh không có tiếng.",
                "thử giọng đọc khác (broadcaster say … --engine espeak).",
            )
            todo.remove(i)
        ffmpeg.encode_many(
            [srcs[i] for i in todo],
            [dsts[i] for i in todo],
            [[*shaping, *pieces[i].filters()] for i in todo],
            spec.bitrate,
            spec.sample_rate,
        )
        again = []
        for i, (peak, duration) in zip(todo, ffmpeg.true_peaks([dsts[i] for i in todo], spec.sample_rate)):
            results[i] = ffmpeg.Loudness(spec.target_lufs, peak, duration)
            if peak > ceiling - TRUE_PEAK_TOLERANCE_DB:  # rare: limit more, by what was over and some
                pieces[i].lower(peak - ceiling + TRUE_PEAK_TOLERANCE_DB + 0.3)
                again.append(i)
        todo = again
    for i in todo:
        results[i] = AudioError(
            f"Không giữ được đỉnh thật của {srcs[i].name} dưới {spec.true_peak_db} dBTP.",
            None,
            "giảm audio.target_lufs trong config.yaml.",
        )
    return results  # type: ignore[return-value]


def _settle(srcs: Sequence[Path], pieces: list[_Piece], todo: list[int], shaping: list[str]) -> list[int]:
    """Meter limiter settings until every piece in `todo` has one; return the silent pieces."""
    silent: list[int] = []
    for n in range(PASSES):
        metering = [i for i in todo if not pieces[i].settled and i not in silent]
        if not metering:
            break
        # The raw signal too, once, for a piece the first setting did not suit.
        branches = [
            [*([shaping] if pieces[i].tries and not pieces[i].raw else []), [*shaping, *pieces[i].next.filters()]]
            for i in metering
        ]
        for i, readings in zip(metering, ffmpeg.meter_many([srcs[i] for i in metering], branches, peak="sample")):
            if readings[-1].silent:
                silent.append(i)
                continue
            pieces[i].raw = readings[0] if len(readings) > 1 else pieces[i].raw
            pieces[i].record(readings[-1], last_chance=n == PASSES - 1)
    return silent


def codec_loss(spec: MasterSpec, workdir: Path) -> float:
    """Loudness the MP3 encoder takes off (LAME plays back about 0.4 dB lower), measured on a 1 kHz tone."""
    unique = f"{os.getpid()}.{uuid.uuid4().hex[:8]}"  # two processes may calibrate at once
    tone, encoded = workdir / f".tone.{unique}.wav", workdir / f".tone.{unique}.mp3"
    try:
        ffmpeg.run(
            ["-f", "lavfi", "-i", f"sine=f=1000:r={spec.sample_rate}:d=4", "-af", "volume=-10dB", tone], "tạo âm chuẩn"
        )
        ffmpeg.encode(tone, encoded, [], spec.bitrate, spec.sample_rate)
        return round(ffmpeg.measure(tone, peak="none").integrated - ffmpeg.measure(encoded, peak="none").integrated, 2)
    finally:
        tone.unlink(missing_ok=True)
        encoded.unlink(missing_ok=True)


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
