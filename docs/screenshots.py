"""Screenshots of the web app for the README: week, program and emergency pages at phone and desktop width.

    .venv/bin/python docs/screenshots.py        # writes docs/screenshots/*.png

A throw-away station (the bundled sample commune, week 2026-W49, built with espeak-ng) in a temp
folder; `broadcaster web` on a free local port; Debian's headless chromium through Selenium.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "docs" / "screenshots"
PASSWORD = "mat-khau-123"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--mute-audio",
    "--hide-scrollbars",
]


def station(folder: Path):
    from sqlalchemy import select

    from broadcaster import accounts, review
    from broadcaster.config import load_settings
    from broadcaster.production import build
    from broadcaster.store import db
    from broadcaster.store.models import Program, Segment

    shutil.copy(REPO / "config.yaml", folder / "config.yaml")
    settings = load_settings(folder / "config.yaml")
    build.demo(settings)
    accounts.add_user(settings, "canbo", "officer", PASSWORD, "Trần Thị Bình")
    accounts.add_user(settings, "lanhdao", "approver", PASSWORD, "Nguyễn Văn An")
    with db.session_scope(settings.database_url) as session:
        first, second = session.scalars(
            select(Program.id).where(Program.week == build.SAMPLE_WEEK).order_by(Program.slot_at)
        )
        segment = session.scalar(
            select(Segment)
            .where(Segment.program_id == first, Segment.kind == "announcement")
            .order_by(Segment.position)
        )
        segment_id, text = segment.id, segment.text
    # a hand edit the fact guard accepted (shown side by side with a word diff), and one approval
    review.edit_segment(settings, segment_id, "\n\n".join(text.split("\n\n")[:2]), "canbo")
    review.approve_program(settings, second, "Nguyễn Văn An", "lanhdao")
    return settings, first


def serve(settings) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        str(Path(sys.executable).parent / "broadcaster"),
        "--config",
        str(settings.source),
        "web",
        "--port",
        str(port),
    ]
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    return process, f"http://127.0.0.1:{port}"


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in FLAGS:
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def shoot(driver, name: str, width: int, max_height: int) -> None:
    import base64

    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    time.sleep(0.3)
    height = min(driver.execute_script("return document.documentElement.scrollHeight"), max_height)
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    driver.execute_script("window.scrollTo(0, 0)")
    time.sleep(0.3)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
    (OUT / f"{name}-{'phone' if width < 600 else 'desktop'}.png").write_bytes(base64.b64decode(shot["data"]))


def main() -> None:
    from selenium.webdriver.common.by import By

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        settings, program_id = station(Path(folder))
        process, base = serve(settings)
        driver = browser()
        try:
            driver.get(base + "/login")
            driver.find_element(By.NAME, "name").send_keys("canbo")
            driver.find_element(By.NAME, "password").send_keys(PASSWORD)
            driver.find_element(By.CSS_SELECTOR, "button.primary").click()
            time.sleep(1)
            for width in (1280, 360):
                driver.get(f"{base}/week/2026-W49")
                shoot(driver, "week", width, 1400)
                driver.get(f"{base}/program/{program_id}")
                driver.execute_script("document.querySelectorAll('.rewrite details').forEach(d => d.open = true);")
                shoot(driver, "program", width, 1900 if width < 600 else 1500)
                driver.get(f"{base}/urgent")
                driver.find_element(By.NAME, "text").send_keys(
                    "Bão số 9 đổ bộ vào đất liền chiều nay. Bà con không ra khơi, gia cố nhà cửa, "
                    "di dời người già và trẻ em khỏi vùng trũng thấp."
                )
                driver.find_element(By.CSS_SELECTOR, "button.primary").click()
                time.sleep(4)
                shoot(driver, "urgent", width, 1400)
        finally:
            driver.quit()
            process.terminate()
            process.wait()
    for path in sorted(OUT.glob("*.png")):
        print(path.relative_to(REPO), path.stat().st_size // 1024, "KB")


if __name__ == "__main__":
    main()
