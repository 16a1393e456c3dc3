"""Playout outputs with real parts: a folder, a real player command, a real Icecast 2 server."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from players import make_player

from broadcaster import audio
from broadcaster.errors import ConfigError, PlayoutError
from broadcaster.onair import airing
from broadcaster.onair import outputs as playout
from broadcaster.onair.outputs import Control, PlayItem, Policy, command, icecast
from broadcaster.timeutil import TZ

SLOT = dt.datetime(2026, 12, 1, 6, 0, tzinfo=TZ)
MPEG1_RATES = (32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320)
MPEG2_RATES = (8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)
SAMPLE_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def mp3_seconds(data: bytes) -> tuple[int, float]:
    """(frames, seconds) of the MPEG layer III frames found in a byte stream."""
    i, frames, seconds = 0, 0, 0.0
    while i + 4 <= len(data):
        b1, b2 = data[i + 1], data[i + 2]
        version, layer, rate_i, sr_i = (b1 >> 3) & 3, (b1 >> 1) & 3, b2 >> 4, (b2 >> 2) & 3
        if data[i] != 0xFF or b1 & 0xE0 != 0xE0 or version == 1 or layer != 1 or rate_i in (0, 15) or sr_i == 3:
            i += 1
            continue
        rate = SAMPLE_RATES[version][sr_i]
        kbps = (MPEG1_RATES if version == 3 else MPEG2_RATES)[rate_i - 1]
        samples = 1152 if version == 3 else 576
        length = samples // 8 * kbps * 1000 // rate + ((b2 >> 1) & 1)
        if i + length > len(data):
            break
        frames, seconds, i = frames + 1, seconds + samples / rate, i + length
    return frames, seconds


class Listener(threading.Thread):
    """An Icecast client: waits for the mount to appear, then reads it to the end."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url, self.data, self.first, self.last = url, bytearray(), None, None
        self.connected = threading.Event()

    def run(self) -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                response = urllib.request.urlopen(self.url, timeout=10)
                break
            except urllib.error.HTTPError:  # 404 until the source connects
                time.sleep(0.02)
        else:
            return
        self.connected.set()
        with response:
            while chunk := response.read(2048):
                self.first = self.first or time.monotonic()
                self.last = time.monotonic()
                self.data += chunk


@pytest.fixture(scope="module")
def short_program(tmp_path_factory) -> audio.RenderResult:
    """A real spoken program of a few seconds (espeak-ng, mastered to MP3)."""
    from broadcaster.config import from_mapping

    base = tmp_path_factory.mktemp("program")
    settings = from_mapping({}, base_dir=base)
    return audio.render_program(
        ["Đài truyền thanh xã Hòa Phú xin thông báo.", "Sáng mai có mưa lớn."],
        base / "program.mp3",
        settings,
        title="Thử phát",
    )


def item(path: Path, seconds: float) -> PlayItem:
    return PlayItem(path, "Thử phát", seconds, "2026-12-01_0600", SLOT, "slot:test")


def control(tmp_path: Path, **policy) -> Control:
    return Control(tmp_path / "run", Policy(**{"retry_delay_s": 0, **policy}))


def test_program_airs_to_icecast_and_a_listener_hears_it(make_settings, add_program, icecast_server, short_program):
    conf = make_settings(
        playout={
            "outputs": ["folder", "icecast"],
            "retry_delay_s": 0,
            "icecast": {"port": icecast_server.port, "mount": "/xa.mp3", "password": icecast_server.password},
        }
    )
    duration = short_program.duration_s
    add_program(conf, SLOT, approved_by="A", audio=short_program.path, duration_s=duration)
    listener = Listener(icecast_server.url("/xa.mp3"))
    listener.start()
    result = airing.air_slot(conf, SLOT, now=SLOT)
    listener.join(timeout=30)
    assert result.result == "aired", result.reason
    assert {r.output for r in result.outputs} == {"folder", "icecast"}
    frames, heard = mp3_seconds(bytes(listener.data))
    print(f"icecast: program {duration:.2f} s, listener heard {heard:.2f} s ({frames} MP3 frames)")
    assert listener.connected.is_set() and frames > 0
    assert duration * 0.8 <= heard <= duration + 1.0, (heard, duration)
    # real time: the stream lasted about as long as the program (the burst covers the first second)
    assert listener.last - listener.first >= duration * 0.6


def test_icecast_wrong_password_is_reported_not_retried(icecast_server, short_program, make_settings, tmp_path):
    output = icecast.create({"port": icecast_server.port, "password": "sai-mat-khau"}, make_settings())
    result = playout.play_one(output, item(short_program.path, short_program.duration_s), control(tmp_path))
    assert not result.ok and result.attempts == 1 and "từ chối đăng nhập" in result.detail


def test_icecast_connection_refused(short_program, make_settings, tmp_path):
    import icecast_server as tool

    output = icecast.create({"port": tool.free_port(), "password": "x"}, make_settings())
    with pytest.raises(PlayoutError, match="Không kết nối được"):
        output.play(item(short_program.path, short_program.duration_s), control(tmp_path))


def test_icecast_needs_a_password(make_settings, monkeypatch):
    monkeypatch.delenv("ICECAST_SOURCE_PASSWORD", raising=False)
    with pytest.raises(ConfigError, match="mật khẩu"):
        icecast.create({"password_env": "ICECAST_SOURCE_PASSWORD"}, make_settings())


def test_command_player_runs_in_real_time(tiny_mp3, make_settings, tmp_path):
    player = make_player(tmp_path / "player")
    output = command.create({"run": player.command}, make_settings())
    detail, aired = output.play(item(tiny_mp3, 2.0), control(tmp_path))
    [(_, start, stop, how)] = player.runs()
    assert how == "end" and stop - start >= 1.8 and aired == pytest.approx(2.0, abs=0.5)


def test_command_exiting_at_once_is_a_failure(tiny_mp3, make_settings, tmp_path):
    output = command.create({"run": "true {file}"}, make_settings())
    with pytest.raises(PlayoutError, match="dừng sau"):
        output.play(item(tiny_mp3, 2.0), control(tmp_path))


def test_command_missing_player(tiny_mp3, make_settings, tmp_path):
    output = command.create({"run": "khong-co-trinh-phat {file}"}, make_settings())
    result = playout.play_one(output, item(tiny_mp3, 2.0), control(tmp_path, retries=1))
    assert not result.ok and "chưa được cài" in result.detail


def test_folder_output_and_registry(tiny_mp3, make_settings, tmp_path):
    conf = make_settings(playout={"outputs": ["folder"], "folder": {"path": "drop"}})
    [output] = playout.configured(conf)
    output.play(item(tiny_mp3, 2.0), control(tmp_path))
    assert (conf.paths.data / "drop" / "2026-12-01_0600.mp3").read_bytes() == tiny_mp3.read_bytes()
    assert "#EXTINF:2,Thử phát" in (conf.paths.data / "drop" / "2026-12-01_0600.m3u").read_text()
    with pytest.raises(ConfigError, match="command, folder, icecast"):
        playout.create("loa", {}, conf)
    with pytest.raises(ConfigError, match="Khóa không hợp lệ"):
        playout.create("folder", {"dir": "x"}, conf)


def test_several_outputs_play_at_the_same_time(tiny_mp3, make_settings, tmp_path):
    conf = make_settings()
    one, two = make_player(tmp_path / "one"), make_player(tmp_path / "two")
    outputs = [
        dataclasses.replace(command.create({"run": one.command}, conf), name="loa-1"),
        dataclasses.replace(command.create({"run": two.command}, conf), name="loa-2"),
    ]
    results = playout.play_all(outputs, item(tiny_mp3, 2.0), control(tmp_path, retries=0))
    assert all(r.ok for r in results)
    [(_, start_1, stop_1, _)], [(_, start_2, stop_2, _)] = one.runs(), two.runs()
    assert start_2 < stop_1 and start_1 < stop_2  # the two players overlapped: in step


@pytest.mark.parametrize(
    "playout, message",
    [
        ({"outputs": ["icecst"]}, "Không có đầu phát “icecst”"),
        ({"outputs": ["folder"], "pth": "x"}, "Khóa không hợp lệ trong playout: pth"),
        ({"outputs": ["folder"], "folder": {"dir": "x"}}, "Khóa không hợp lệ trong playout.folder: dir"),
        ({"after_emergency": "later"}, "after_emergency “later” không hợp lệ"),
        ({"overrun_s": -1}, "playout.overrun_s phải là số không âm"),
        ({"retry_partial": "yes"}, "retry_partial phải là true hoặc false"),
    ],
)
def test_playout_settings_are_checked_when_the_config_loads(make_settings, playout, message):
    with pytest.raises(ConfigError, match=message):
        make_settings(playout=playout)


def test_a_typo_in_the_outputs_stops_run_and_status_at_once(make_settings, cli_for):
    conf = make_settings()
    conf.source.write_text("database: sqlite:///var/x.db\nplayout: {outputs: [icecst]}\n", encoding="utf-8")
    for name in ("run", "status"):
        result = cli_for(conf, name)
        assert result.exit_code == 1 and "icecst" in result.output and "command, folder, icecast" in result.output
