"""A busy week end to end: 120 announcements full of dates, phone numbers and amounts, two 30-minute
slots, the real espeak-ng voice. Prints, per broadcast, the estimated and the rendered length, what
moved for length, and the median estimate error, for a cold build (the pace of config.yaml) and for
the rebuild after it (the pace measured on the first build's audio).

    .venv/bin/python benchmarks/week.py [--items 120] [--minutes 30] [--words-per-minute N] [--keep DIR]

Every broadcast must end within its slot; the script exits 1 otherwise.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from broadcaster.config import load_settings
from broadcaster.intake import catalog
from broadcaster.production import build
from broadcaster.store import db
from broadcaster.store.models import Program, Segment
from broadcaster.timeutil import local
from broadcaster.values import Week

WEEK = Week(2026, 49)
PLACES = ["nhà văn hóa thôn 2", "hội trường UBND xã", "Trạm Y tế xã", "sân vận động xã", "điểm trường Phước Lộc"]
TOPICS = [
    "Họp dân",
    "Thu phí vệ sinh",
    "Tiêm phòng gia súc",
    "Nộp thuế đất",
    "Đóng bảo hiểm y tế",
    "Cắt điện",
    "Khám sức khỏe",
    "Tập huấn khuyến nông",
    "Hỗ trợ hộ nghèo",
    "Đăng ký nghĩa vụ quân sự",
]


def announcements(count: int, seed: int = 49) -> list[dict]:
    rng = random.Random(seed)
    items = []
    for n in range(1, count + 1):
        day, hour, minute = rng.randint(1, 6), rng.choice([7, 8, 13, 14, 19]), rng.choice([0, 30])
        amount = rng.choice([20_000, 50_000, 150_000, 1_263_600, 2_500_000])
        phone = f"09{rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(100, 999)}"
        topic, place = rng.choice(TOPICS), rng.choice(PLACES)
        money = f"{amount:,}".replace(",", ".")
        body = (
            f"{topic} đợt {n}: từ {hour}h{minute:02d} ngày {day:02d}/12/2026 tại {place}. Mức thu "
            f"{money} đồng mỗi hộ, nộp trước ngày {day + 1:02d}/12/2026. Hộ gia đình có khó khăn liên hệ "
            f"cán bộ phụ trách qua số {phone} hoặc Văn phòng UBND xã số 0269 3 845 123 để được hướng dẫn, "
            "hỗ trợ kịp thời."
        )
        items.append(
            {
                "id": f"bench-{n:03d}",
                "title": f"{topic} đợt {n}",
                "body": body,
                "valid_from": "30/11/2026",
                "valid_until": "06/12/2026",
                "repeat": rng.choice([1, 2]),
            }
        )
    return items


def commune(folder: Path, minutes: int, count: int, words_per_minute: int | None):
    raw = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    if words_per_minute:
        raw["planning"]["words_per_minute"] = words_per_minute
    raw["slots"] = [
        {"day": "tue", "time": "06:00", "max_minutes": minutes},
        {"day": "fri", "time": "17:30", "max_minutes": minutes},
    ]
    (folder / "config.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    (folder / "busy.yaml").write_text(yaml.safe_dump(announcements(count), allow_unicode=True), encoding="utf-8")
    settings = load_settings(folder / "config.yaml")
    catalog.import_announcements(settings, folder / "busy.yaml", actor="bench")
    return settings


def segment_errors(settings) -> list[float]:
    """Relative error of each spoken segment's estimate (at the pace now measured) against its piece."""
    from broadcaster.production.programs import item_seconds, measured_pace

    pause = settings.audio.pause_ms / 1000 + 0.04
    with db.session_scope(settings.database_url) as session:
        pace = measured_pace(session, settings)
        rows = session.execute(db_select_segments()).all()
    return [abs(item_seconds(settings, pace, text) - pause - seconds) / seconds for text, seconds in rows if seconds]


def db_select_segments():
    from sqlalchemy import select

    return select(Segment.text, Segment.duration_s).join(Program).where(Program.week == WEEK.label)


def run(settings, label: str) -> bool:
    start = time.monotonic()
    result = build.weekly(settings, WEEK, actor="bench", past=True)
    elapsed = time.monotonic() - start
    print(f"\n{label} ({elapsed:.0f} s)")
    print(f"{'buổi phát':<18} {'tin':>4} {'ước tính':>10} {'thực tế':>10} {'sai số':>8} {'tối đa':>8}")
    fits, errors = True, []
    for b in result.broadcasts:
        limit = next(s.max_minutes for s in settings.slots) * 60
        error = (b.estimated_s - b.duration_s) / b.duration_s
        errors.append(abs(error))
        fits &= b.duration_s <= limit
        print(
            f"{local(b.slot):%a %d/%m %H:%M}   {b.items:>4} {b.estimated_s:>9.1f}s {b.duration_s:>9.1f}s "
            f"{error:>+7.1%} {limit:>7.0f}s"
        )
    moved = [n for n in result.notices if n.kind == "moved"]
    short = [n for n in result.notices if n.kind in ("short", "no_broadcast")]
    print(
        f"median |error| per broadcast: {statistics.median(errors):.1%}; moved for length: {len(moved)}; "
        f"items short of their repeat count: {len(short)}"
    )
    return fits


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=120)
    parser.add_argument("--minutes", type=int, default=30)
    parser.add_argument(
        "--words-per-minute",
        type=int,
        default=None,
        help="the configured pace of the cold build (too fast a pace makes programs run over)",
    )
    parser.add_argument("--keep", type=Path, default=None, help="build in this folder and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        settings = commune(folder, args.minutes, args.items, args.words_per_minute)
        ok = run(settings, "cold: pace from planning.words_per_minute")
        ok &= run(settings, "rebuild: pace measured on the rendered segments")
        errors = segment_errors(settings)
        print(
            f"\nmedian |error| per segment at the measured pace: {statistics.median(errors):.1%} "
            f"({len(errors)} segments)"
        )
    print("every broadcast within its slot" if ok else "A BROADCAST RAN OVER ITS SLOT")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
