"""`broadcaster voices` with regions and genders, and `say --voice` (espeak offline, FPT.AI on its fake)."""

from __future__ import annotations

import subprocess

import yaml
from fakes.tts_servers import FakeFpt


def test_voices_shows_each_provider_voice_with_region_and_gender(cli, gtts_unreachable):
    out = cli("voices").output
    assert "fpt (không có trong voice.chain): KHÔNG dùng được: chưa đặt khóa API FPT.AI" in out
    assert "giahuy: Gia Huy, giọng nam miền Trung" in out and "hcm-diemmy: Diễm My, giọng nữ miền Nam" in out
    assert "4: speaker_id 4, giọng nam miền Bắc" in out
    assert "vi: espeak-ng vi, giọng nam miền Bắc  (đang chọn)" in out


def test_say_with_a_voice_id_picks_its_engine_and_voice(cli, project):
    out = cli("say", "Xin chào bà con", "-o", str(project / "a.mp3"), "--voice", "southern").output
    assert "giọng espeak (vừa tạo)" in out


def test_say_with_an_unknown_voice_names_the_known_ones(cli, project):
    result = cli("say", "xin chào", "--voice", "nobody", ok=False)
    assert result.exit_code == 1 and "Không có giọng “nobody”" in result.output and "fpt:banmai" in result.output


def test_say_through_fpt_with_a_chosen_voice(cli, project, monkeypatch, tmp_path):
    wav, mp3 = tmp_path / "a.wav", tmp_path / "a.mp3"
    subprocess.run(["espeak-ng", "-v", "vi", "-w", str(wav), "xin chào"], check=True)
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(wav), "-b:a", "64k", str(mp3)], check=True)
    monkeypatch.setenv("FPT_API_KEY", "test-key")
    with FakeFpt(mp3.read_bytes()) as fake:
        raw = yaml.safe_load((project / "config.yaml").read_text(encoding="utf-8"))
        raw["voice"]["engines"]["fpt"] = {"base_url": fake.url, "poll_interval_s": 0.01, "min_interval_s": 0}
        (project / "config.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
        out = cli("say", "Xin chào bà con", "-o", str(project / "b.mp3"), "--voice", "fpt:lannhi").output
        [post] = fake.posts()
    assert "giọng fpt (vừa tạo)" in out and post.fields["voice"] == "lannhi"
