"""Mastering one piece: loudness to the target, true-peak ceiling, optional horn preset, CBR MP3.

Each piece (a spoken segment, the chime) is normalized on its own to the same integrated
loudness and encoded with the same MP3 parameters, so a program is just its pieces joined frame
by frame: editing one announcement re-encodes one piece only. Silence between pieces is gated
out by the BS.1770 meter, so the whole program measures about the target too.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from pathlib import Path

from broadcaster.audio import ffmpeg
from broadcaster.config import Audio
from broadcaster.errors import AudioError

VERSION = "master-1"       # change when the processing below changes: invalidates the cache
# Horn loudspeakers reproduce roughly 300 Hz to 4 kHz; speech energy outside is wasted or harsh.
HORN = "highpass=f=280:poles=2,lowpass=f=3800:poles=2,acompressor=threshold=0.1:ratio=3:attack=10:release=200"
LIMITED_SLOPE = 1.8        # gain correction per LU missing after the limiter (measured on espeak-ng speech)
LIMITER_MARGIN_DB = 1.0    # the limiter sees sample peaks; MP3 encoding adds inter-sample overshoot


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


def master_many(srcs: Sequence[Path], dsts: Sequence[Path], spec: MasterSpec,
                codec_loss_db: float = 0.0) -> list[ffmpeg.Loudness | AudioError]:
    """Encode each src to its dst at the target loudness under the true-peak ceiling.

    Returns, per piece, the measure of the encoded file, or the AudioError of a silent source.
    Every step meters or encodes all pieces in one ffmpeg process, since starting ffmpeg costs
    more than processing a short piece. `codec_loss_db` is what the MP3 encoder takes off the
    level (see `codec_loss`), aimed at before encoding.
    """
    # The horn preset works at the output rate; otherwise metering at the source rate is cheaper.
    shaping = [f"aresample={spec.sample_rate}", HORN] if spec.horn else []
    before = ffmpeg.measure_many(srcs, [shaping] * len(srcs), true_peak=False)
    results: list[ffmpeg.Loudness | AudioError] = [
        AudioError(f"Đoạn âm thanh {src.name} im lặng.", "giọng đọc trả về âm thanh không có tiếng.",
                   "thử giọng đọc khác (broadcaster say … --engine espeak).") if m.silent else m
        for src, m in zip(srcs, before)]
    todo = [i for i, m in enumerate(before) if not m.silent]
    aim = spec.target_lufs + codec_loss_db
    gains = {i: aim - before[i].integrated for i in todo}
    limits = {i: spec.true_peak_db - LIMITER_MARGIN_DB for i in todo}
    # The limiter takes loudness off speech with high peaks: meter gain + limiter once (cheap, no encode)
    # and correct by more than measured: under heavy limiting 1 dB more gain gives only ~0.5 LU more.
    chains = [[*shaping, *_gain_chain(gains[i], limits[i])] for i in todo]
    for i, measured in zip(todo, ffmpeg.measure_many([srcs[i] for i in todo], chains, true_peak=False)):
        if abs(aim - measured.integrated) > 0.15:
            gains[i] += min(LIMITED_SLOPE * (aim - measured.integrated), 6.0)
    for _attempt in range(3):
        if not todo:
            break
        chains = [[*shaping, *_gain_chain(gains[i], limits[i])] for i in todo]
        ffmpeg.encode_many([srcs[i] for i in todo], [dsts[i] for i in todo], chains, spec.bitrate, spec.sample_rate)
        after = ffmpeg.measure_many([dsts[i] for i in todo], [[]] * len(todo))
        over = []
        for i, measured in zip(todo, after):
            results[i] = measured
            if measured.true_peak is not None and measured.true_peak > spec.true_peak_db:
                limits[i] -= measured.true_peak - spec.true_peak_db + 0.3
                over.append(i)
        todo = over
    for i in todo:
        results[i] = AudioError(f"Không giữ được đỉnh thật của {srcs[i].name} dưới {spec.true_peak_db} dBTP.",
                                None, "giảm audio.target_lufs trong config.yaml.")
    return results


def _gain_chain(gain: float, limit_db: float) -> list[str]:
    limit = 10 ** (limit_db / 20)
    return [f"volume={gain:.2f}dB", f"alimiter=limit={limit:.4f}:level=disabled:attack=5:release=50"]


def codec_loss(spec: MasterSpec, workdir: Path) -> float:
    """Loudness the MP3 encoder takes off (LAME plays back about 0.4 dB lower), measured on a 1 kHz tone."""
    tone, encoded = workdir / "tone.wav", workdir / "tone.mp3"
    try:
        ffmpeg.run(["-f", "lavfi", "-i", f"sine=f=1000:r={spec.sample_rate}:d=4", "-af", "volume=-10dB", tone],
                   "tạo âm chuẩn")
        ffmpeg.encode(tone, encoded, [], spec.bitrate, spec.sample_rate)
        return round(ffmpeg.measure(tone, true_peak=False).integrated
                     - ffmpeg.measure(encoded, true_peak=False).integrated, 2)
    finally:
        tone.unlink(missing_ok=True)
        encoded.unlink(missing_ok=True)


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
