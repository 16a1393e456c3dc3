"""The only module that runs ffmpeg: encode, join, and measure loudness with its BS.1770 meter.

ffmpeg's `ebur128` filter is an ITU-R BS.1770-4 / EBU R128 meter (K-weighting, gating, and a
4x-oversampled true-peak meter with `peak=true`). We use it rather than pyloudnorm because ffmpeg
is needed anyway for decoding and encoding, it meters any format straight from the file without
loading it into Python memory, and it adds no numpy/scipy dependency. Encoded pieces are checked
with `true_peaks`, the same 4x-oversampled peak without the loudness meter, at half the cost.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

from broadcaster.errors import AudioError

SILENT_LUFS = -70.0  # the meter's absolute gate: nothing louder than this was heard
OVERSAMPLING = 4  # BS.1770-4 Annex 2: true peak is the peak of the signal oversampled 4 times
_REPORT = re.compile(
    r"\[Parsed_(ebur128|astats)_(\d+) @ [^\]]+\] "
    r"(?:Summary:|Number of samples: (\d+)|Peak level dB: (-?[\d.]+|-inf))"
)
_INTEGRATED = re.compile(r"I:\s+(-?[\d.]+|-inf) LUFS")
_PEAK = re.compile(r"(?:True|Sample) peak:\s+Peak:\s+(-?[\d.]+|-inf) dBFS")
_RATE = re.compile(r"Stream #\d+:\d+.*?: Audio: [^,]+, (\d+) Hz")
_COUNT = "astats=metadata=0:measure_perchannel=none:measure_overall=Number_of_samples"
_PEAK_LEVEL = "astats=metadata=0:measure_perchannel=none:measure_overall=Peak_level"


@dataclasses.dataclass(frozen=True)
class Loudness:
    integrated: float  # LUFS (SILENT_LUFS or lower for silence)
    true_peak: float | None  # dBTP, when measured
    duration_s: float
    sample_peak: float | None = None  # dBFS, when measured

    @property
    def silent(self) -> bool:
        return self.integrated <= SILENT_LUFS + 0.5


def run(args: Sequence[str | Path], what: str) -> str:
    """Run ffmpeg with `args`; return its stderr (where it reports); AudioError on failure."""
    cmd = ["ffmpeg", "-hide_banner", "-nostdin", "-y", *map(str, args)]
    try:
        result = subprocess.run(cmd, capture_output=True, text=True, errors="replace")
    except FileNotFoundError as exc:
        raise AudioError(
            f"Không {what}: không tìm thấy ffmpeg.", str(exc), "cài ffmpeg: apt-get install ffmpeg (hoặc make demo)."
        ) from exc
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        raise AudioError(
            f"Không {what}.",
            lines[-1] if lines else f"ffmpeg thoát với mã {result.returncode}",
            "kiểm tra tệp âm thanh đầu vào và ffmpeg (ffmpeg -version).",
        )
    return result.stderr


def measure(path: Path, filters: Sequence[str] = (), peak: str = "true") -> Loudness:
    """Integrated loudness, peak and duration of `path` (after `filters`), by ebur128."""
    return measure_many([path], [list(filters)], peak)[0]


def measure_many(paths: Sequence[Path], filters: Sequence[Sequence[str]], peak: str = "true") -> list[Loudness]:
    """Meter many files in one ffmpeg process (starting ffmpeg costs more than metering a short piece).

    peak: "true" (ebur128's 4x-oversampled true-peak meter), "sample" or "none".
    """
    return [found[0] for found in meter_many(paths, [[chain] for chain in filters], peak)]


def meter_many(
    paths: Sequence[Path], branches: Sequence[Sequence[Sequence[str]]], peak: str = "true"
) -> list[list[Loudness]]:
    """Meter each file through each of its branches (filter chains), all in one ffmpeg process."""
    if not paths:
        return []
    meter = f"ebur128=peak={peak}:framelog=verbose,{_COUNT}"
    graph, outputs = [], []
    for i, chains in enumerate(branches):
        labels = [f"m{i}_{j}" for j in range(len(chains))]
        split = [f"[{i}:a]"] if len(chains) == 1 else [f"[s{i}_{j}]" for j in range(len(chains))]
        if len(chains) > 1:
            graph.append(f"[{i}:a]asplit={len(chains)}{''.join(split)}")
        graph += [
            f"{start}{''.join(f + ',' for f in chain)}{meter}[{label}]"
            for start, chain, label in zip(split, chains, labels)
        ]
        outputs += labels
    err = _run_null(paths, graph, outputs, f"đo độ lớn âm thanh {_names(paths)}")
    meters, counts = _reports(err, "ebur128"), _reports(err, "count")
    flat = [(i, chain) for i, chains in enumerate(branches) for chain in chains]
    if len(meters) != len(flat) or len(counts) != len(flat):
        raise _strange()
    rates = _input_rates(err)
    results: list[list[Loudness]] = [[] for _ in paths]
    for (i, chain), meter_text, count in zip(flat, meters, counts):
        integrated, level = _INTEGRATED.search(meter_text), _PEAK.search(meter_text)
        peak_db = _db(level.group(1)) if level and peak != "none" else None
        results[i].append(
            Loudness(
                _db(integrated.group(1)) if integrated else SILENT_LUFS,
                peak_db if peak == "true" else None,
                int(count) / _rate(chain, rates[i]),
                peak_db if peak == "sample" else None,
            )
        )
    return results


def true_peaks(paths: Sequence[Path], rate: int) -> list[tuple[float, float]]:
    """True peak (dBTP) and duration of each file, sampled at `rate`: the peak of the signal oversampled
    4 times, as ITU-R BS.1770-4 Annex 2 defines it. About half the cost of ebur128's true-peak meter,
    which resamples to 192 kHz and meters loudness too; the two agree within 0.1 dB (98 pieces)."""
    if not paths:
        return []
    # Oversampled in floating point: 16-bit samples would clip peaks above full scale.
    graph = [f"[{i}:a]{_COUNT},aresample={OVERSAMPLING * rate}:osf=flt,{_PEAK_LEVEL}[m{i}]" for i in range(len(paths))]
    err = _run_null(paths, graph, [f"m{i}" for i in range(len(paths))], f"đo đỉnh thật {_names(paths)}")
    peaks, counts = _reports(err, "peak"), _reports(err, "count")
    if len(peaks) != len(paths) or len(counts) != len(paths):
        raise _strange()
    return [(_db(peak), int(count) / rate) for peak, count in zip(peaks, counts)]


def _run_null(paths: Sequence[Path], graph: Sequence[str], outputs: Sequence[str], what: str) -> str:
    return run(
        [
            *_inputs(paths),
            "-filter_complex",
            ";".join(graph),
            *[a for label in outputs for a in ("-map", f"[{label}]", "-f", "null", "-")],
        ],
        what,
    )


def _reports(err: str, kind: str) -> list[str]:
    """What each ebur128 ("ebur128") or astats ("count", "peak") instance reported, in graph order."""
    found: dict[int, str] = {}
    matches = list(_REPORT.finditer(err))
    for match, following in zip(matches, matches[1:] + [None]):
        this = "ebur128" if match.group(1) == "ebur128" else "count" if match.group(3) else "peak"
        if this == kind:  # the last report wins
            found[int(match.group(2))] = (
                match.group(3) or match.group(4) or err[match.end() : following.start() if following else len(err)]
            )
    return [found[k] for k in sorted(found)]


def _input_rates(err: str) -> list[int]:
    return [int(rate) for rate in _RATE.findall(err.split("Stream mapping:")[0])]


def _rate(chain: Sequence[str], input_rate: int) -> int:
    return next((int(f.split("=")[1]) for f in chain if f.startswith("aresample=")), input_rate)


def _names(paths: Sequence[Path]) -> str:
    return paths[0].name if len(paths) == 1 else f"{len(paths)} đoạn"


def _strange() -> AudioError:
    return AudioError(
        "Không đọc được kết quả đo độ lớn âm thanh.",
        "phiên bản ffmpeg lạ.",
        "dùng ffmpeg của Debian (apt-get install ffmpeg).",
    )


def mp3_args(bitrate: str, sample_rate: int) -> list[str]:
    """Output options shared by every MP3 piece, so their frames can be joined without re-encoding."""
    return [
        "-ac",
        "1",
        "-ar",
        str(sample_rate),
        "-c:a",
        "libmp3lame",
        "-b:a",
        bitrate,
        "-map_metadata",
        "-1",
        "-f",
        "mp3",
    ]


def encode_many(
    srcs: Sequence[Path], dsts: Sequence[Path], filters: Sequence[Sequence[str]], bitrate: str, sample_rate: int
) -> None:
    """Encode each src (through its filters) to its dst MP3, all in one ffmpeg process."""
    if not srcs:
        return
    chains = [list(chain) or ["anull"] for chain in filters]
    outputs: list[str | Path] = []
    for i, dst in enumerate(dsts):
        outputs += ["-map", f"[e{i}]", *mp3_args(bitrate, sample_rate), dst]
    run([*_inputs(srcs), *_graph(chains, "e"), *outputs], f"mã hóa MP3 {len(srcs)} đoạn")


def encode(src: Path, dst: Path, filters: Sequence[str], bitrate: str, sample_rate: int) -> None:
    encode_many([src], [dst], [filters], bitrate, sample_rate)


def _inputs(paths: Sequence[Path]) -> list[str | Path]:
    return [a for path in paths for a in ("-i", path)]


def _graph(chains: Sequence[Sequence[str]], label: str) -> list[str]:
    return ["-filter_complex", ";".join(f"[{i}:a]{','.join(chain)}[{label}{i}]" for i, chain in enumerate(chains))]


def silence(dst: Path, seconds: float, bitrate: str, sample_rate: int) -> None:
    run(
        [
            "-f",
            "lavfi",
            "-i",
            f"anullsrc=r={sample_rate}:cl=mono",
            "-t",
            f"{seconds:.3f}",
            *mp3_args(bitrate, sample_rate),
            dst,
        ],
        "tạo đoạn im lặng",
    )


def concat(parts: Sequence[Path], dst: Path, tags: dict[str, str]) -> None:
    """Join same-parameter MP3 files frame by frame (no re-encode) and write ID3v2 tags."""
    listing = dst.with_name(dst.name + ".txt")
    listing.write_text(
        "".join("file '{}'\n".format(str(p.resolve()).replace("'", "'\\''")) for p in parts), encoding="utf-8"
    )
    meta = [arg for key, value in tags.items() if value for arg in ("-metadata", f"{key}={value}")]
    try:
        run(
            [
                "-f",
                "concat",
                "-safe",
                "0",
                "-i",
                listing,
                "-c",
                "copy",
                "-map_metadata",
                "-1",
                "-id3v2_version",
                "3",
                *meta,
                "-f",
                "mp3",
                dst,
            ],
            f"ghép các đoạn thành {dst.name}",
        )
    finally:
        listing.unlink(missing_ok=True)


def duration(path: Path) -> float:
    """Played length of an MP3 (its frames, encoder delay and padding included), by ffprobe."""
    try:
        out = subprocess.run(
            ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return float(out)
    except (OSError, subprocess.CalledProcessError, ValueError) as exc:
        raise AudioError(f"Không đọc được độ dài của {path}.", str(exc), "cài ffmpeg (có ffprobe).") from exc


def _db(text: str) -> float:
    return float("-inf") if text == "-inf" else float(text)
