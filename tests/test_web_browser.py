"""The whole job in a real browser: Debian's headless chromium, driven by Selenium, against `broadcaster web`.

Officer uploads a TTHC file with two bad rows (both shown, nothing imported), then the fixed file,
builds the week watching the progress bar, opens a program and plays it; the approver approves;
the week says approved; the officer sends an emergency (folder output only: nothing really plays)
after listening and confirming; the log shows it. Once at phone width (360 px), once at desktop width.

The server runs under faketime from the Sunday evening before week 2026-W49 (planning leaves a broadcast
whose time has passed alone), so both of the week's broadcasts are still ahead whatever today is.
"""

from __future__ import annotations

import os
import shutil
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from web_helpers import (
    PASSWORD,
    TTHC_BAD_ROWS,
    TTHC_ROWS,
    WEEK,
    LiveServer,
    add_users,
    cheap_hashes,
    tthc_csv,
    web_settings,
)
from week_helpers import SUNDAY_BEFORE

pytestmark = pytest.mark.browser
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
    "--autoplay-policy=no-user-gesture-required",
    "--mute-audio",
]


def chromium(width: int, height: int = 900) -> webdriver.Chrome:
    """Debian's chromium and chromedriver (`make test` installs both); nothing is downloaded."""
    for path in (CHROMIUM, CHROMEDRIVER):
        assert shutil.which(path), f"{path} missing: run tools/setup-system.sh chromium chromium-driver"
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must not look for a browser online
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )
    return driver


@pytest.fixture
def server(make_settings, monkeypatch):
    cheap_hashes(monkeypatch)
    settings = web_settings(make_settings)
    add_users(settings)
    with LiveServer(settings, clock=SUNDAY_BEFORE) as live:
        yield live


class Page:
    """The driver with the few moves the story needs."""

    def __init__(self, driver: webdriver.Chrome, base: str, width: int) -> None:
        self.driver, self.base, self.width = driver, base, width

    def open(self, path: str) -> None:
        self.driver.get(self.base + path)
        self.fits()

    def text(self) -> str:
        return self.driver.execute_script("return document.body ? document.body.innerText : ''")

    def click(self, text: str, tag: str = "button") -> None:
        [element] = [e for e in self.driver.find_elements(By.TAG_NAME, tag) if e.text.strip() == text][:1]
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        element.click()

    def wait_for(self, words: str, timeout: float = 60) -> None:
        WebDriverWait(self.driver, timeout, poll_frequency=0.2).until(
            lambda d: words in self.text(), f"“{words}” never appeared"
        )
        self.fits()

    def fits(self) -> None:
        """No sideways scrolling of the page at this width (wide tables scroll inside their own box)."""
        overflow, culprit = self.driver.execute_script(
            """
            const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > arguments[0] + 1
                && !(e.parentElement && e.parentElement.closest('.table-wrap')));
            return [document.documentElement.scrollWidth, wide.slice(-1).map(e => e.outerHTML.slice(0, 160))];""",
            self.width,
        )
        assert overflow <= self.width + 1, f"{self.driver.current_url}: {overflow}px wide at {self.width}px: {culprit}"

    def login(self, name: str) -> None:
        self.open("/login")
        self.driver.find_element(By.NAME, "name").send_keys(name)
        self.driver.find_element(By.NAME, "password").send_keys(PASSWORD)
        self.click("Đăng nhập")
        self.wait_for("Đăng xuất")

    def logout(self) -> None:
        self.click("Đăng xuất")
        self.wait_for("Đã đăng xuất.")

    def upload(self, path) -> None:
        self.driver.find_element(By.NAME, "file").send_keys(str(path))
        self.click("Nhập")

    def audio_seconds(self) -> float:
        """Start the page's player and return the duration it reports (loaded through HTTP Range requests)."""
        return self.driver.execute_async_script("""
            const done = arguments[arguments.length - 1], audio = document.querySelector('audio');
            const report = () => audio.play().then(() => done(audio.duration), () => done(audio.duration));
            if (audio.readyState >= 1) { report(); } else { audio.addEventListener('loadedmetadata', report); }
            setTimeout(() => done(audio.duration || -1), 20000);""")


@pytest.mark.parametrize("width", [360, 1280], ids=["phone", "desktop"])
def test_officer_approver_and_emergency_in_a_real_browser(server, tmp_path, width):
    bad, good = tmp_path / "tthc-sai.csv", tmp_path / "tthc.csv"
    bad.write_text(tthc_csv(TTHC_BAD_ROWS), encoding="utf-8")
    good.write_text(tthc_csv(TTHC_ROWS), encoding="utf-8")
    driver = chromium(width)
    driver.set_script_timeout(30)
    page = Page(driver, server.url, width)
    try:
        page.login("canbo")

        page.open("/tthc")
        page.upload(bad)
        page.wait_for("2 lỗi, không nhập dòng nào")
        text = page.text()
        assert "dòng 3, trường “Loại thay đổi”: giá trị “đổi mới” không hợp lệ" in text
        assert "dòng 4, trường “Ngày hiệu lực”: ngày “31/02/2026” không hợp lệ" in text
        assert "Không có TTHC nào" in text
        page.upload(good)
        page.wait_for("Đã nhập 3 thủ tục từ tthc.csv: 3 mới")

        page.open(f"/week/{WEEK}")
        page.click("Dựng chương trình")
        seen = []
        deadline = time.monotonic() + 180
        while "Đã dựng xong" not in page.text() and time.monotonic() < deadline:
            # read in the page, in one go: the page's script replaces the section when the build ends
            value = driver.execute_script(
                "const bar = document.querySelector('section.job progress');return bar ? bar.value : null;"
            )
            if value is not None:
                seen.append(int(value))
            time.sleep(0.2)
        assert seen, "the progress bar never showed"
        page.wait_for("Đã dựng xong 2 buổi phát")
        assert "Cảnh báo" not in page.text() and "đã qua giờ phát" not in page.text()
        assert driver.find_element(By.CSS_SELECTOR, "section.job progress").get_attribute("value") == "100"
        assert page.text().count("chưa duyệt") == 2

        page.click("Xem chương trình", tag="a")
        page.wait_for("Kịch bản")
        assert "Đăng ký khai sinh" in page.text()
        assert page.audio_seconds() > 1
        program_url = driver.current_url
        page.logout()

        page.login("lanhdao")
        page.open(f"/week/{WEEK}")
        programs = [a.get_attribute("href") for a in driver.find_elements(By.LINK_TEXT, "Xem chương trình")]
        assert program_url in programs and len(programs) == 2
        for url in programs:
            driver.get(url)
            page.click("Duyệt")
            page.wait_for("Đã duyệt chương trình (người duyệt: Nguyễn Văn An)")
        page.open(f"/week/{WEEK}")
        assert page.text().count("đã duyệt, sẵn sàng") == 2
        page.logout()

        page.login("canbo")
        page.open("/urgent")
        driver.find_element(By.NAME, "text").send_keys("Bão số 9 đổ bộ chiều nay. Bà con không ra khơi.")
        page.click("Nghe thử")
        page.wait_for("Bước 3: xác nhận phát")
        assert "ngắt mọi thứ đang phát trên:" in page.text() and "thư mục phát" in page.text()
        assert page.audio_seconds() > 1
        page.click("Xác nhận phát ngay")
        page.wait_for("Đã phát tin khẩn cấp trực tiếp trên: folder.", timeout=120)
        page.click("Xem nhật ký phát", tag="a")
        page.wait_for("Lịch sử tuần")
        row = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "table.list tbody tr") if "khẩn cấp" in r.text]
        assert row and "đã phát" in row[0] and "Trần Thị Bình" in row[0]
    finally:
        driver.quit()
