"""The only module that runs ffmpeg: encode, join, and measure loudness with its BS.1770 meter.

ffmpeg's `ebur128` filter is an ITU-R BS.1770-4 / EBU R128 meter (K-weighting, gating, and a
4x-oversampled true-peak meter with `peak=true`). We use it rather than pyloudnorm because ffmpeg
is needed anyway for decoding and encoding, it meters any format straight from the file without
loading it into Python memory, and it adds no numpy/scipy dependency.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

from broadcaster.errors import AudioError

SILENT_LUFS = -70.0     # the meter's absolute gate: nothing louder than this was heard
_SUMMARY = re.compile(r"\[Parsed_(ebur128|astats)_(\d+) @ [^\]]+\] (?:Summary:|Number of samples: (\d+))")
_INTEGRATED = re.compile(r"I:\s+(-?[\d.]+|-inf) LUFS")
_PEAK = re.compile(r"True peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS")
_RATE = re.compile(r"Stream #\d+:\d+.*?: Audio: [^,]+, (\d+) Hz")
_COUNT = "astats=metadata=0:measure_perchannel=none:measure_overall=Number_of_samples"


@dataclasses.dataclass(frozen=True)
class Loudness:
    integrated: float          # LUFS (SILENT_LUFS or lower for silence)
    true_peak: float | None    # dBTP, when measured
    duration_s: float

    @property
    def silent(self) -> bool:
        return self.integrated <= SILENT_LUFS + 0.5


def run(args: Sequence[str], what: str) -> str:
    """Run ffmpeg with `args`; return its stderr (where it reports); AudioError on failure."""
    cmd = ["ffmpeg", "-hide_banner", "-nostdin", "-y", *map(str, args)]
    try:
        result = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    except FileNotFoundError as exc:
        raise AudioError(f"Không {what}: không tìm thấy ffmpeg.", str(exc),
                         "cài ffmpeg: apt-get install ffmpeg (hoặc make demo).") from exc
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        raise AudioError(f"Không {what}.", lines[-1] if lines else f"ffmpeg thoát với mã {result.returncode}",
                         "kiểm tra tệp âm thanh đầu vào và ffmpeg (ffmpeg -version).")
    return result.stderr


def measure(path: Path, filters: Sequence[str] = (), true_peak: bool = True) -> Loudness:
    """Integrated loudness, true peak and duration of `path` (after `filters`), by ebur128."""
    return measure_many([path], [list(filters)], true_peak)[0]


def measure_many(paths: Sequence[Path], filters: Sequence[Sequence[str]], true_peak: bool = True) -> list[Loudness]:
    """Meter many files in one ffmpeg process (starting ffmpeg costs more than metering a short piece)."""
    if not paths:
        return []
    meter = f"ebur128=peak={'true' if true_peak else 'none'}:framelog=verbose"
    chains = [[*chain, meter, _COUNT] for chain in filters]
    err = run([*_inputs(paths), *_graph(chains, "m"), *[a for i in range(len(paths))
                                                         for a in ("-map", f"[m{i}]", "-f", "null", "-")]],
              f"đo độ lớn âm thanh {paths[0].name if len(paths) == 1 else f'{len(paths)} đoạn'}")
    found: dict[str, dict[int, str]] = {"ebur128": {}, "astats": {}}
    matches = list(_SUMMARY.finditer(err))
    for match, following in zip(matches, matches[1:] + [None]):
        text = err[match.end():following.start() if following else len(err)]
        found[match.group(1)][int(match.group(2))] = match.group(3) or text   # the last report wins
    meters, counts = [found["ebur128"][k] for k in sorted(found["ebur128"])], [found["astats"][k] for k in
                                                                              sorted(found["astats"])]
    if len(meters) != len(paths) or len(counts) != len(paths):
        raise AudioError("Không đọc được kết quả đo độ lớn âm thanh.", "phiên bản ffmpeg lạ.",
                         "dùng ffmpeg của Debian (apt-get install ffmpeg).")
    rates = [int(rate) for rate in _RATE.findall(err.split("Stream mapping:")[0])]
    results = []
    for meter_text, count, chain, rate in zip(meters, counts, chains, rates):
        integrated, peak = _INTEGRATED.search(meter_text), _PEAK.search(meter_text)
        chain_rate = next((int(f.split("=")[1]) for f in chain if f.startswith("aresample=")), None)
        results.append(Loudness(_db(integrated.group(1)) if integrated else SILENT_LUFS,
                                _db(peak.group(1)) if peak and true_peak else None,
                                int(count) / (chain_rate or rate)))
    return results


def mp3_args(bitrate: str, sample_rate: int) -> list[str]:
    """Output options shared by every MP3 piece, so their frames can be joined without re-encoding."""
    return ["-ac", "1", "-ar", str(sample_rate), "-c:a", "libmp3lame", "-b:a", bitrate, "-map_metadata", "-1",
            "-f", "mp3"]


def encode_many(srcs: Sequence[Path], dsts: Sequence[Path], filters: Sequence[Sequence[str]], bitrate: str,
                sample_rate: int) -> None:
    """Encode each src (through its filters) to its dst MP3, all in one ffmpeg process."""
    chains = [list(chain) or ["anull"] for chain in filters]
    outputs = [a for i, dst in enumerate(dsts) for a in ("-map", f"[e{i}]", *mp3_args(bitrate, sample_rate), dst)]
    run([*_inputs(srcs), *_graph(chains, "e"), *outputs], f"mã hóa MP3 {len(srcs)} đoạn")


def encode(src: Path, dst: Path, filters: Sequence[str], bitrate: str, sample_rate: int) -> None:
    encode_many([src], [dst], [filters], bitrate, sample_rate)


def _inputs(paths: Sequence[Path]) -> list:
    return [a for path in paths for a in ("-i", path)]


def _graph(chains: Sequence[Sequence[str]], label: str) -> list[str]:
    return ["-filter_complex", ";".join(f"[{i}:a]{','.join(chain)}[{label}{i}]" for i, chain in enumerate(chains))]


def silence(dst: Path, seconds: float, bitrate: str, sample_rate: int) -> None:
    run(["-f", "lavfi", "-i", f"anullsrc=r={sample_rate}:cl=mono", "-t", f"{seconds:.3f}",
         *mp3_args(bitrate, sample_rate), dst], "tạo đoạn im lặng")


def concat(parts: Sequence[Path], dst: Path, tags: dict[str, str]) -> None:
    """Join same-parameter MP3 files frame by frame (no re-encode) and write ID3v2 tags."""
    listing = dst.with_name(dst.name + ".txt")
    listing.write_text("".join("file '{}'\n".format(str(p.resolve()).replace("'", "'\\''")) for p in parts),
                       encoding="utf-8")
    meta = [arg for key, value in tags.items() if value for arg in ("-metadata", f"{key}={value}")]
    try:
        run(["-f", "concat", "-safe", "0", "-i", listing, "-c", "copy", "-map_metadata", "-1",
             "-id3v2_version", "3", *meta, "-f", "mp3", dst], f"ghép các đoạn thành {dst.name}")
    finally:
        listing.unlink(missing_ok=True)


def duration(path: Path) -> float:
    """Played length of an MP3 (its frames, encoder delay and padding included), by ffprobe."""
    try:
        out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                              str(path)], capture_output=True, text=True, check=True).stdout
        return float(out)
    except (OSError, subprocess.CalledProcessError, ValueError) as exc:
        raise AudioError(f"Không đọc được độ dài của {path}.", str(exc), "cài ffmpeg (có ffprobe).") from exc


def _db(text: str) -> float:
    return float("-inf") if text == "-inf" else float(text)
