"""Web benchmark: page times with a year of history, and 20 sessions browsing while a week builds.

    .venv/bin/python benchmarks/web.py [--requests 100] [--sessions 20] [--seconds 0]

A throw-away station: 104 aired broadcasts (two a week for 52 weeks, 15 segments each, with their
logbook rows), 1,000 announcements and 300 TTHC changes imported through the library's importers.
`broadcaster web` runs in its own process (waitress, 8 threads) on 127.0.0.1; clients are plain
urllib sessions that sign in and send the CSRF token like a browser.

1. Sequential page times (p50/p95/max over --requests each): week, program, log, lists.
2. --sessions concurrent sessions browsing week/program/log/lists in a loop while one of them
   builds the current week (real espeak-ng + ffmpeg render); runs until the build is done (or for
   --seconds if longer). Prints requests, errors, p50/p95 per page under load and the build time.
Figures only: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import http.cookiejar
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml
from sqlalchemy import select

from broadcaster import accounts
from broadcaster.config import load_settings
from broadcaster.intake import catalog
from broadcaster.onair.airing import slot_key
from broadcaster.onair.calendar import week_slots
from broadcaster.store import db
from broadcaster.store.models import Broadcast, Program, Segment
from broadcaster.timeutil import now, week_of

PASSWORD = "mat-khau-123"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
CATEGORIES = ("general", "meeting", "health", "tax", "insurance", "weather", "digital", "security", "agriculture")
CHANGES = ("mới ban hành", "sửa đổi, bổ sung", "thay thế", "bãi bỏ")
WORDS = [
    "Ủy",
    "ban",
    "nhân",
    "dân",
    "xã",
    "thông",
    "báo",
    "bà",
    "con",
    "các",
    "thôn",
    "về",
    "lịch",
    "tiêm",
    "phòng",
    "gia",
    "súc,",
    "họp",
    "dân,",
    "nộp",
    "thuế,",
    "bảo",
    "hiểm",
    "y",
    "tế,",
    "phòng",
    "cháy",
    "chữa",
    "cháy,",
    "chuyển",
    "đổi",
    "số",
    "và",
    "dịch",
    "vụ",
    "công",
    "trực",
    "tuyến",
]


# ---- the station -------------------------------------------------------------------------------


def station(folder: Path, rng: random.Random):
    shutil.copy(ROOT / "config.yaml", folder / "config.yaml")
    settings = load_settings(folder / "config.yaml")
    today = now().date()
    items = []
    for n in range(1000):
        start = today - dt.timedelta(days=rng.randint(-30, 365))
        items.append(
            {
                "tiêu đề": f"Thông báo số {n + 1}: " + " ".join(rng.sample(WORDS, 5)),
                "nội dung": " ".join(rng.choices(WORDS, k=rng.randint(40, 90))) + ".",
                "chuyên mục": rng.choice(CATEGORIES),
                "mức ưu tiên": rng.choice(["thường"] * 5 + ["ưu tiên"]),
                "từ ngày": f"{start:%d/%m/%Y}",
                "đến ngày": f"{start + dt.timedelta(days=rng.randint(0, 10)):%d/%m/%Y}",
                "số lần phát": rng.randint(1, 3),
            }
        )
    (folder / "thong-bao.yaml").write_text(yaml.safe_dump(items, allow_unicode=True), encoding="utf-8")
    with (folder / "tthc.csv").open("w", encoding="utf-8", newline="") as handle:
        rows = csv.writer(handle)
        rows.writerow(
            [
                "Mã TTHC",
                "Tên thủ tục",
                "Lĩnh vực",
                "Loại thay đổi",
                "Ngày hiệu lực",
                "Quyết định công bố",
                "Nội dung thay đổi",
            ]
        )
        for n in range(300):
            day = today - dt.timedelta(days=rng.randint(-20, 365))
            rows.writerow(
                [
                    f"1.{n + 100000:06d}",
                    f"Thủ tục {' '.join(rng.sample(WORDS, 4))} {n}",
                    f"Lĩnh vực {n % 12}",
                    rng.choice(CHANGES),
                    f"{day:%d/%m/%Y}",
                    f"{n % 40 + 1000}/QĐ-UBND",
                    " ".join(rng.sample(WORDS, 12)) + ".",
                ]
            )
    catalog.import_announcements(settings, folder / "thong-bao.yaml", actor="bench")
    catalog.import_tthc(settings, folder / "tthc.csv", actor="bench")
    audio = settings.paths.audio / "history.mp3"
    audio.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:duration=20",
            "-ac",
            "1",
            "-b:a",
            "64k",
            str(audio),
        ],
        check=True,
    )
    with db.session_scope(settings.database_url) as session:
        for weeks_ago in range(1, 53):
            week = week_of(today - dt.timedelta(weeks=weeks_ago))
            for slot in week_slots(session, settings, week):
                seconds = rng.uniform(400, 1500)
                program = Program(
                    week=week,
                    slot_at=slot.at,
                    max_minutes=30,
                    status="aired",
                    content_hash="x" * 64,
                    audio_path=str(audio),
                    duration_s=seconds,
                    estimated_s=seconds,
                    approved_by="Nguyễn Văn An",
                    approved_at=slot.at - dt.timedelta(days=2),
                    segments=[
                        Segment(
                            position=i,
                            kind="announcement" if 0 < i < 14 else "opening",
                            title=f"Tin {i}",
                            text=" ".join(rng.choices(WORDS, k=80)),
                        )
                        for i in range(15)
                    ],
                )
                session.add(program)
                session.flush()
                result = rng.choice(["aired"] * 12 + ["failed", "missed"])
                session.add(
                    Broadcast(
                        key=slot_key(slot.at),
                        program_id=program.id,
                        scheduled_at=slot.at,
                        started_at=slot.at,
                        finished_at=slot.at + dt.timedelta(seconds=seconds),
                        output="folder",
                        result=result,
                        items=13,
                        duration_s=seconds,
                        approved_by="Nguyễn Văn An",
                        aired_s=seconds if result == "aired" else 0,
                        reason=None if result == "aired" else "đầu phát lỗi",
                    )
                )
        programs = list(session.scalars(select(Program.id)))
    for name, role in (("canbo", "officer"), ("lanhdao", "approver")):
        accounts.add_user(settings, name, role, PASSWORD)
    return settings, programs


def serve(settings) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "broadcaster"),
            "--config",
            str(settings.source),
            "web",
            "--port",
            str(port),
        ],
        stderr=subprocess.DEVNULL,
    )
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    return process, f"http://127.0.0.1:{port}"


# ---- a client ----------------------------------------------------------------------------------


class Session:
    def __init__(self, base: str) -> None:
        self.base, self.token = base, ""
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> tuple[int, float, str]:
        start = time.perf_counter()
        try:
            with self.opener.open(self.base + path, timeout=60) as response:
                body = response.read().decode("utf-8", "replace")
                status = response.status
        except urllib.error.HTTPError as exc:
            body, status = exc.read().decode("utf-8", "replace"), exc.code
        found = TOKEN.search(body)
        self.token = found.group(1) if found else self.token
        return status, time.perf_counter() - start, body

    def post(self, path: str, data: dict) -> int:
        body = urllib.parse.urlencode({**data, "csrf_token": self.token}).encode()
        try:
            with self.opener.open(urllib.request.Request(self.base + path, data=body), timeout=60) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code

    def login(self, name: str) -> None:
        self.get("/login")
        status = self.post("/login", {"name": name, "password": PASSWORD})
        assert status == 200, f"login as {name}: HTTP {status}"  # urllib followed the redirect
        self.get("/account")


def pages(programs: list[int], weeks: list[str], rng: random.Random) -> dict[str, callable]:
    return {
        "week": lambda: f"/week/{rng.choice(weeks)}",
        "program": lambda: f"/program/{rng.choice(programs)}",
        "log (week + status)": lambda: f"/log?week={rng.choice(weeks)}",
        "log (month)": lambda: f"/log?month={rng.choice(weeks)[:4]}-{rng.randint(1, 12):02d}",
        "announcements": lambda: f"/announcements?page={rng.randint(1, 20)}",
        "tthc": lambda: "/tthc?q=" + urllib.parse.quote(rng.choice(WORDS)),
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def line(name: str, times: list[float]) -> str:
    ms = [t * 1000 for t in times]
    return (
        f"  {name:<22} n={len(ms):<5} p50 {statistics.median(ms):7.1f} ms   p95 {percentile(ms, 0.95):7.1f} ms   "
        f"max {max(ms):7.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=0.0, help="browse at least this long under load")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        settings, programs = station(Path(folder), rng)
        print(
            f"station: {len(programs)} broadcasts over 52 weeks, 1000 announcements, 300 TTHC "
            f"(seeded in {time.perf_counter() - started:.1f} s)"
        )
        weeks = sorted({week_of((now() - dt.timedelta(weeks=w)).date()) for w in range(53)})
        process, base = serve(settings)
        try:
            sequential(base, programs, weeks, rng, args.requests)
            under_load(base, programs, weeks, args.sessions, args.seconds)
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=30)


def sequential(base: str, programs: list[int], weeks: list[str], rng: random.Random, count: int) -> None:
    client = Session(base)
    client.login("canbo")
    print(f"sequential, one session ({count} requests per page):")
    for name, path in pages(programs, weeks, rng).items():
        times = []
        for _ in range(count):
            status, seconds, _ = client.get(path())
            assert status == 200, f"{name}: HTTP {status}"
            times.append(seconds)
        print(line(name, times))


def under_load(base: str, programs: list[int], weeks: list[str], sessions: int, at_least_s: float) -> None:
    builder = Session(base)
    builder.login("canbo")
    clients = []
    for n in range(sessions):
        client = Session(base)
        client.login("lanhdao" if n % 2 else "canbo")
        clients.append(client)
    results: dict[str, list[float]] = {}
    errors: list[str] = []
    lock, stop = threading.Lock(), threading.Event()

    def browse(client: Session, seed: int) -> None:
        table = pages(programs, weeks, random.Random(seed))
        names = list(table)
        while not stop.is_set():
            name = names[seed % len(names)]
            seed += 1
            try:
                status, seconds, _ = client.get(table[name]())
            except Exception as exc:  # noqa: BLE001 - counted and shown
                with lock:
                    errors.append(f"{name}: {exc}")
                continue
            with lock:
                results.setdefault(name, []).append(seconds)
                if status != 200:
                    errors.append(f"{name}: HTTP {status}")

    week = week_of(now().date())
    threads = [threading.Thread(target=browse, args=(c, n)) for n, c in enumerate(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    assert builder.post(f"/week/{week}/build", {}) == 200
    _, _, page = builder.get(f"/week/{week}")
    job = re.search(r'data-job="(/jobs/[^"]+)"', page)
    build_s = None
    while job:
        _, _, state = builder.get(job.group(1))
        if '"state":"running"' not in state.replace(" ", ""):
            build_s = time.perf_counter() - start
            if '"state":"done"' not in state.replace(" ", ""):
                errors.append(f"build: {state}")
            break
        time.sleep(0.5)
    while time.perf_counter() - start < at_least_s:
        time.sleep(0.2)
    stop.set()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    total = sum(len(v) for v in results.values())
    print(
        f"{sessions} concurrent sessions while building week {week} "
        f"(build {'done' if build_s else 'NOT FOUND'} in {build_s or 0:.1f} s; browsed {elapsed:.1f} s):"
    )
    for name, times in results.items():
        print(line(name, times))
    print(f"  total {total} requests, {total / elapsed:.1f}/s, errors: {len(errors)}")
    for problem in errors[:10]:
        print(f"    {problem}")


if __name__ == "__main__":
    main()
