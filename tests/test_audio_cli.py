"""`broadcaster voices`, `say`, `cache stats|prune` through click's CliRunner."""

from __future__ import annotations

from audio_helpers import decode_errors, loudness


def test_voices_lists_every_engine_with_why_it_is_not_usable(cli, gtts_unreachable, monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    out = cli("voices").output
    assert "espeak (thứ 1 trong voice.chain): dùng được" in out and "vi-vn-x-south" in out
    assert f"gtts (không có trong voice.chain): KHÔNG dùng được: không kết nối được {gtts_unreachable}" in out
    assert "openai (không có trong voice.chain): KHÔNG dùng được" in out and "OPENAI_API_KEY" in out


def test_say_speaks_through_the_full_path_and_reuses_the_cache(cli, project):
    out = project / "say.mp3"
    first = cli("say", "Xin chào bà con", "-o", str(out), "--engine", "espeak", "--chime").output
    assert "giọng espeak (vừa tạo)" in first and "LUFS" in first
    assert decode_errors(out) == "" and abs(loudness(out).integrated + 16) <= 1
    assert "bộ nhớ đệm" in cli("say", "Xin chào bà con", "-o", str(out)).output


def test_say_with_an_unknown_engine_lists_the_valid_ones(cli, project):
    result = cli("say", "xin chào", "--engine", "festival", ok=False)
    assert result.exit_code == 1 and "espeak, gtts, openai" in result.output


def test_cache_stats_and_prune(cli, project):
    cli("say", "Xin chào", "-o", str(project / "a.mp3"))
    stats = cli("cache", "stats").output
    assert "đoạn MP3 đã xử lý: " in stats and "espeak: 1" in stats
    assert "Đã xóa 0 tệp" in cli("cache", "prune").output
    assert "Đã xóa 0 tệp" not in cli("cache", "prune", "--days", "0").output
    assert "espeak" not in cli("cache", "stats").output.split("phút âm thanh")[1]
