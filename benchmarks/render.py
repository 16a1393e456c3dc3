"""Render benchmark: a 15-minute espeak program, cold vs the floor, warm rebuild, and 60-minute peak memory.

    .venv/bin/python benchmarks/render.py [--repeats 3] [--minutes 15] [--peak-minutes 60]

Floor = raw espeak-ng on the same spoken text + one ffmpeg MP3 encode of the program's length
(same bit rate and sample rate), measured in the same run. Medians over repeats: the machine is
shared and noisy. Peak memory is measured in a child process: its own peak RSS plus the largest
child (ffmpeg/espeak-ng) times the number of parallel workers.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from broadcaster.audio import render_program  # noqa: E402
from broadcaster.config import Settings, from_mapping  # noqa: E402

SENTENCES = [
    "Ủy ban nhân dân xã thông báo đến toàn thể bà con nhân dân về lịch tiêm phòng cho gia súc gia cầm",
    "các hộ gia đình chủ động chuẩn bị chuồng trại và phối hợp với cán bộ thú y của thôn",
    "thời gian thực hiện từ ngày mười lăm đến hết ngày hai mươi tháng mười hai năm hai nghìn không trăm hai mươi sáu",
    "bà con có thắc mắc xin liên hệ văn phòng một cửa của xã trong giờ hành chính",
    "công an xã đề nghị các hộ kiểm tra hệ thống điện và dụng cụ phòng cháy chữa cháy",
    "thủ tục hành chính mới được thực hiện trực tuyến toàn trình trên cổng dịch vụ công quốc gia",
]
WORDS_PER_MINUTE = 210  # espeak-ng at -s 150 reads Vietnamese syllables faster than 150/min


def texts_for(minutes: float, words_per_item: int = 110) -> list[str]:
    items, words, n = [], 0, 0
    while words < minutes * WORDS_PER_MINUTE:
        parts = []
        while sum(len(p.split()) for p in parts) < words_per_item:
            parts.append(SENTENCES[n % len(SENTENCES)])
            n += 1
        items.append(f"Tin số {len(items) + 1}. " + ". ".join(parts) + ".")
        words += sum(len(p.split()) for p in parts)
    return items


def settings_in(folder: Path) -> Settings:
    return from_mapping({"paths": {"data": str(folder / "var")}}, base_dir=folder)


def timed(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def floor(texts: list[str], seconds: float, settings: Settings, folder: Path) -> float:
    wav, mp3 = folder / "floor.wav", folder / "floor.mp3"

    def run() -> None:
        subprocess.run(
            ["espeak-ng", "-v", "vi", "-s", "150", "-w", str(wav), "--stdin"],
            input="\n".join(texts).encode(),
            check=True,
        )
        subprocess.run(
            [
                "ffmpeg",
                "-v",
                "error",
                "-y",
                "-i",
                str(wav),
                "-af",
                f"apad=whole_dur={seconds:.1f}",
                "-ac",
                "1",
                "-ar",
                str(settings.audio.sample_rate),
                "-c:a",
                "libmp3lame",
                "-b:a",
                settings.audio.bitrate,
                str(mp3),
            ],
            check=True,
        )

    return timed(run)


def bench(minutes: float, repeats: int) -> None:
    texts = texts_for(minutes)
    edited = list(texts)
    edited[len(texts) // 2] += " Xin cảm ơn bà con."
    colds, floors, warms, unchanged = [], [], [], []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            settings = settings_in(folder)
            result = None

            def cold(folder: Path = folder, settings=settings) -> None:
                nonlocal result
                result = render_program(texts, folder / "cold.mp3", settings)

            colds.append(timed(cold))
            floors.append(floor(texts, result.duration_s, settings, folder))
            unchanged.append(timed(functools.partial(render_program, texts, folder / "same.mp3", settings)))
            warms.append(timed(functools.partial(render_program, edited, folder / "warm.mp3", settings)))
    med = statistics.median
    print(
        f"program: {len(texts)} announcements, {result.duration_s / 60:.1f} min, "
        f"{result.lufs:.1f} LUFS (pieces), true peak {result.true_peak:.1f} dBTP; medians of {repeats} runs"
    )
    print(f"cold render:           {med(colds):6.2f} s   (runs: {', '.join(f'{t:.2f}' for t in colds)})")
    print(f"floor (espeak+encode): {med(floors):6.2f} s   (runs: {', '.join(f'{t:.2f}' for t in floors)})")
    print(f"cold / floor:          {med(colds) / med(floors):6.2f}     (target <= 1.5)")
    print(f"warm, one item edited: {med(warms):6.2f} s = {100 * med(warms) / med(colds):.1f}% of cold (target <= 15%)")
    print(f"warm, nothing changed: {med(unchanged):6.2f} s")


def peak_memory(minutes: float) -> None:
    """Run in a child process so that its peak RSS belongs to this render alone."""
    code = (
        "import sys, resource, tempfile; from pathlib import Path; sys.path.insert(0, sys.argv[1]);"
        "import benchmarks.render as b; tmp = Path(tempfile.mkdtemp()); s = b.settings_in(tmp);"
        "b.render_program(b.texts_for(float(sys.argv[2])), tmp / 'p.mp3', s);"
        "me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;"
        "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss; import os, shutil;"
        "shutil.rmtree(tmp); print(me, kids, os.cpu_count())"
    )
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, str(ROOT), str(minutes)], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.split()
    me, kids, workers = int(out[0]) / 1024, int(out[1]) / 1024, int(out[2])
    print(
        f"{minutes:.0f}-minute program: rendered in {time.perf_counter() - start:.1f} s; peak memory "
        f"{me:.0f} MB (python) + {workers} x {kids:.0f} MB (largest child) = {me + workers * kids:.0f} MB "
        f"(target <= 300 MB)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--minutes", type=float, default=15)
    parser.add_argument("--peak-minutes", type=float, default=60)
    args = parser.parse_args()
    bench(args.minutes, args.repeats)
    if args.peak_minutes:
        peak_memory(args.peak_minutes)


if __name__ == "__main__":
    main()
