"""Benchmark of the Vietnamese normalizer: NeMo suite accuracy per file and speed, side by side
with g2p-hamster and vietnormalizer when they are installed (``pip install -e '.[bench]'``).

    python benchmarks/normalize.py [--suite ../shared/benchmarks/vi-tn-nemo] [--repeats 5]

Accuracy: exact match after lower-casing and collapsing spaces. Speed: 10,000 generated commune
sentences (seeded, realistic administrative text), single process, median of the repeats; then the
whole run as a user sees it: a fresh interpreter that imports the normalizer, builds its rules and
reads every sentence (start-up included), median wall time of the repeats, and each peer's ratio.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from broadcaster.vi.normalize import spoken

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SUITE = ROOT.parent / "shared" / "benchmarks" / "vi-tn-nemo"

TEMPLATES = [
    "Ngày {d}/{m}/{y}, UBND xã tổ chức họp triển khai Kế hoạch số {n}/KH-UBND về {topic}.",
    "Thời gian nhận hồ sơ: từ {h}h{mi} đến {h2}h00 các ngày từ thứ {wd} đến thứ 6 hằng tuần.",
    "Thủ tục {code} được sửa đổi theo Quyết định số {n}/QĐ-UBND ngày {d}/{m}/{y} của Chủ tịch UBND tỉnh.",
    "Lệ phí {fee}.000 đồng/hồ sơ; thời hạn giải quyết {days} ngày làm việc.",
    "Mọi thắc mắc xin liên hệ số điện thoại 09{p1} {p2} {p3} hoặc 0262 3 {p4}.",
    "Theo Nghị định số {n2}/{y}/NĐ-CP, mức hỗ trợ là {money} triệu đồng/người/tháng.",
    "Dự báo nhiệt độ từ {t1}-{t2}°C, lượng mưa {rain}mm, gió cấp {wind}.",
    "Giai đoạn 2026 - 2030, xã phấn đấu {pct}% hộ dân tham gia BHYT và {pct2},5% người dân có CCCD.",
    "Thực hiện Nghị quyết {n2}-NQ/TW, BCH Đảng bộ xã khóa {roman} đã ban hành chương trình hành động.",
    "Diện tích gieo cấy vụ Đông Xuân đạt {area} ha, năng suất ước {yield_},{dec} tạ/ha.",
    "Tiêm vắc xin phòng bệnh dại cho chó, mèo {times} lần/năm, giá {price}k một liều.",
    "Đ/c Nguyễn Văn {name} - PCT UBND xã chủ trì buổi làm việc với HTX nông nghiệp lúc {h}:{mi}.",
    "Hạn cuối nộp thuế là ngày {d} tháng {m} năm {y}; quá hạn phạt {pct}% trên số tiền chậm nộp.",
    "Người dân đăng ký tài khoản VNeID mức độ 2 tại CAX hoặc qua Cổng DVC quốc gia.",
    "Đội tuyển xã đứng thứ {rank} trong số {teams} đội tham gia hội thao DQTV.",
]
TOPICS = [
    "phòng cháy chữa cháy",
    "chuyển đổi số",
    "an toàn thực phẩm",
    "bảo vệ môi trường",
    "phòng chống thiên tai",
    "xây dựng nông thôn mới",
]


def commune_sentences(count: int, seed: int = 7) -> list[str]:
    """``count`` realistic administrative sentences with varied numbers (reproducible)."""
    rnd = random.Random(seed)
    out = []
    for i in range(count):
        r = rnd.randint
        values = {
            "d": f"{r(1, 28):02d}",
            "m": f"{r(1, 12):02d}",
            "y": r(2020, 2030),
            "n": r(1, 2999),
            "n2": r(1, 199),
            "topic": rnd.choice(TOPICS),
            "h": r(7, 9),
            "mi": rnd.choice(["00", "15", "30", "45"]),
            "h2": r(10, 17),
            "wd": r(2, 5),
            "code": f"{r(1, 2)}.{r(0, 13000):06d}",
            "fee": r(10, 500),
            "days": f"{r(1, 30):02d}",
            "p1": r(10, 99),
            "p2": r(100, 999),
            "p3": r(100, 999),
            "p4": r(100000, 999999),
            "money": r(1, 9),
            "t1": r(15, 25),
            "t2": r(26, 38),
            "rain": r(10, 300),
            "wind": r(3, 9),
            "pct": r(1, 100),
            "pct2": r(90, 99),
            "roman": rnd.choice(["XX", "XXI", "XXII", "IV", "IX"]),
            "area": r(50, 900),
            "yield_": r(50, 70),
            "dec": r(0, 9),
            "times": r(1, 3),
            "price": r(50, 200),
            "name": rnd.choice("ABCDEH"),
            "rank": r(1, 12),
            "teams": r(12, 30),
        }
        out.append(TEMPLATES[i % len(TEMPLATES)].format(**values))
    return out


def comparators() -> dict[str, Callable[[str], str]]:
    """The normalizers to compare; third-party ones only when importable."""
    found: dict[str, Callable[[str], str]] = {"broadcaster": spoken}
    try:
        from g2p_hamster.t0.pipeline import normalize as hamster

        found["g2p-hamster"] = lambda text: hamster(text)["read_string"]
    except ImportError:
        pass
    try:
        from vietnormalizer import VietnameseNormalizer

        found["vietnormalizer"] = VietnameseNormalizer().normalize
    except ImportError:
        pass
    return found


def _canon(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower()).strip()


def suite_cases(folder: Path) -> dict[str, list[tuple[str, str]]]:
    cases = {}
    for path in sorted(folder.glob("*.txt")):
        lines = [line.split("~", 1) for line in path.read_text(encoding="utf-8").splitlines() if "~" in line]
        cases[path.stem] = [(a, b) for a, b in lines]
    return cases


def accuracy(fn: Callable[[str], str], cases: dict[str, list[tuple[str, str]]]) -> dict[str, tuple[int, int]]:
    """Per file: (exact, total)."""
    result = {}
    for name, pairs in cases.items():
        ok = 0
        for written, expected in pairs:
            try:
                ok += _canon(fn(written)) == _canon(expected)
            except Exception:  # noqa: BLE001, S110 - a comparator crashing on a line counts as a miss
                pass
        result[name] = (ok, len(pairs))
    return result


def speed(fn: Callable[[str], str], sentences: list[str], repeats: int) -> float:
    """Median sentences per CPU second over ``repeats`` runs (after one warm-up call)."""
    fn(sentences[0])
    rates = []
    for _ in range(repeats):
        start = time.process_time()
        for sentence in sentences:
            fn(sentence)
        rates.append(len(sentences) / (time.process_time() - start))
    return statistics.median(rates)


def whole_run(name: str, sentences_file: Path, repeats: int) -> tuple[float, float]:
    """Median wall and CPU seconds of a fresh interpreter that imports ``name`` and reads every
    sentence (CPU time is what the comparison uses: other work on a shared machine does not count)."""
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", name, "--input", str(sentences_file)]
    walls, cpus = [], []
    for _ in range(repeats):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def _worker(name: str, sentences_file: Path) -> None:
    fn = comparators()[name]
    for sentence in sentences_file.read_text(encoding="utf-8").splitlines():
        fn(sentence)


def _cell(ok: int, total: int) -> str:
    return f"{ok}/{total} {100 * ok / total:5.1f}%".rjust(18)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", type=Path, default=DEFAULT_SUITE)
    parser.add_argument("--sentences", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(args.worker, args.input)
        return
    engines = comparators()
    cases = suite_cases(args.suite) if args.suite.is_dir() else {}
    sentences = commune_sentences(args.sentences)
    names = list(engines)
    if cases:
        results = {name: accuracy(fn, cases) for name, fn in engines.items()}
        print(f"NeMo suite ({args.suite}): exact after lower-casing and collapsing spaces")
        print(f"{'file':<10}" + "".join(f"{n:>18}" for n in names))
        for file in cases:
            print(f"{file:<10}" + "".join(_cell(*results[n][file]) for n in names))
        totals = [tuple(map(sum, zip(*results[n].values()))) for n in names]
        print(f"{'TOTAL':<10}" + "".join(_cell(ok, total) for ok, total in totals))
    else:
        print(f"NeMo suite not found at {args.suite}; accuracy skipped")
    print(f"\nSpeed: {len(sentences)} commune sentences, single process, CPU time, median of {args.repeats} runs")
    rates = {name: speed(fn, sentences, args.repeats) for name, fn in engines.items()}
    for name, rate in rates.items():
        line = f"{name:<16}{rate:>10.0f} sentences/s"
        if name == "broadcaster" and len(rates) > 1:
            line += f"   {rate / max(r for n, r in rates.items() if n != name):.1f}x the fastest peer"
        print(line)
    print(f"\nWhole run: a fresh interpreter, import + {len(sentences)} sentences, median of {args.repeats} runs")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "sentences.txt"
        path.write_text("\n".join(sentences), encoding="utf-8")
        walls = {name: whole_run(name, path, args.repeats) for name in engines}
    peers = [cpu for name, (_, cpu) in walls.items() if name != "broadcaster"]
    print(f"{'':<16}{'wall':>10}{'CPU':>10}")
    for name, (wall, cpu) in walls.items():
        line = f"{name:<16}{wall:>9.2f}s{cpu:>9.2f}s{len(sentences) / cpu:>10.0f} sentences/CPU s"
        if name == "broadcaster" and peers:
            line += f"   {min(peers) / cpu:.1f}x the fastest peer"
        print(line)


if __name__ == "__main__":
    main()
