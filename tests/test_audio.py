"""Rendering programs with the real espeak-ng and ffmpeg, checked with the BS.1770 meter."""

from __future__ import annotations

import subprocess

import pytest
from audio_helpers import decode_errors, loudness, make_settings, tags

from broadcaster.audio import ffmpeg, master, render_program
from broadcaster.errors import AudioError

TEXTS = [
    "Xin chào bà con. Đây là chương trình phát thanh của xã.",
    "Ủy ban nhân dân xã đề nghị các hộ gia đình tiêm phòng cho gia súc, gia cầm trước ngày mười lăm.",
    "Chương trình đến đây là kết thúc. Xin cảm ơn bà con đã lắng nghe.",
]


def test_program_meets_loudness_true_peak_and_format(tmp_path):
    settings = make_settings(tmp_path)
    out = tmp_path / "p.mp3"
    seen = []
    result = render_program(
        TEXTS,
        out,
        settings,
        tags={"title": "Bản tin", "station": "Đài xã", "date": "2026-12-01", "slot": "2026-12-01 06:00"},
        progress=lambda done, total: seen.append((done, total)),
    )
    measured = loudness(out)
    assert abs(measured.integrated - settings.audio.target_lufs) <= 1.0
    assert measured.true_peak <= settings.audio.true_peak_db
    assert abs(result.lufs - measured.integrated) <= 0.5
    assert abs(measured.duration_s - result.duration_s) < 0.5
    assert decode_errors(out) == ""
    info = tags(out)
    assert info["title"] == "Bản tin" and info["artist"] == "Đài xã" and info["slot"] == "2026-12-01 06:00"
    assert info["date"] == "2026-12-01" and info["sample_rate"] == "44100" and info["channels"] == "1"
    assert info["bit_rate"] == "64000"
    assert seen[-1] == (3, 3) and [s.engine for s in result.segments] == ["espeak"] * 3
    assert result.cached == 0


def test_rebuild_uses_the_cache_and_remasters_only_the_edited_segment(tmp_path):
    settings = make_settings(tmp_path)
    first = render_program(TEXTS, tmp_path / "a.mp3", settings)
    again = render_program(TEXTS, tmp_path / "b.mp3", settings)
    assert again.cached == 3 and (tmp_path / "a.mp3").read_bytes() == (tmp_path / "b.mp3").read_bytes()
    edited = render_program([TEXTS[0], TEXTS[1] + " Xin cảm ơn.", TEXTS[2]], tmp_path / "c.mp3", settings)
    assert [s.cached for s in edited.segments] == [True, False, True]
    assert edited.segments[0].path == first.segments[0].path
    assert decode_errors(tmp_path / "c.mp3") == ""


def test_program_longer_than_its_slot_is_refused_with_the_overage(tmp_path):
    with pytest.raises(AudioError, match="vượt .* so với tối đa 5 giây") as err:
        render_program(TEXTS, tmp_path / "p.mp3", make_settings(tmp_path), max_seconds=5)
    assert "max_minutes" in err.value.fix
    assert not (tmp_path / "p.mp3").exists()


def test_horn_preset_and_a_commune_chime_file_stay_in_spec(tmp_path):
    bell = tmp_path / "bell.wav"
    render_program(["Kính thưa bà con."], bell, make_settings(tmp_path / "x", chime="none"))
    settings = make_settings(tmp_path, horn=True, chime="bell.wav", target_lufs=-14.0, bitrate="96k")
    result = render_program(TEXTS[:2], tmp_path / "p.mp3", settings)
    measured = loudness(tmp_path / "p.mp3")
    assert abs(measured.integrated + 14.0) <= 1.0 and measured.true_peak <= -1.0
    assert tags(tmp_path / "p.mp3")["bit_rate"] == "96000"
    assert result.duration_s > sum(s.duration_s for s in result.segments) + 2  # chimes, pauses, tail


def test_missing_chime_file_is_explained(tmp_path):
    with pytest.raises(AudioError, match="nhạc hiệu"):
        render_program(TEXTS[:1], tmp_path / "p.mp3", make_settings(tmp_path, chime="missing.wav"))


def test_fallback_chain_gtts_unreachable_and_a_failing_server_to_espeak(tmp_path, speech_server, gtts_unreachable):
    server = speech_server(500)
    voice = {
        "chain": ["gtts", "openai", "espeak"],
        "engines": {
            "gtts": {"timeout": 2, "retries": 0},
            "openai": {"base_url": server.url, "api_key_env": "", "retries": 0},
        },
    }
    result = render_program(TEXTS, tmp_path / "p.mp3", make_settings(tmp_path, voice))
    assert [s.engine for s in result.segments] == ["espeak"] * 3
    assert 1 <= len(server.requests) <= 3  # dropped after repeated failures, not asked forever
    assert decode_errors(tmp_path / "p.mp3") == ""


def test_openai_engine_speaks_and_a_silent_answer_falls_back(tmp_path, speech_server):
    good = speech_server(200)
    voice = {"chain": ["openai", "espeak"], "engines": {"openai": {"base_url": good.url, "api_key_env": ""}}}
    result = render_program(TEXTS[:2], tmp_path / "p.mp3", make_settings(tmp_path, voice))
    assert [s.engine for s in result.segments] == ["openai", "openai"]
    silent = speech_server(200, silent=True)
    voice["engines"]["openai"]["base_url"] = silent.url
    result = render_program(TEXTS[:1], tmp_path / "q.mp3", make_settings(tmp_path / "q", voice))
    assert [s.engine for s in result.segments] == ["espeak"]
    assert loudness(tmp_path / "q.mp3").integrated > -20


def _spoken(tmp_path, text: str = TEXTS[1]):
    wav = tmp_path / "raw.wav"
    subprocess.run(["espeak-ng", "-v", "vi", "-w", str(wav), text], check=True, capture_output=True)
    return wav


def test_our_true_peak_meter_agrees_with_ebur128(tmp_path):
    wav, mp3 = _spoken(tmp_path), tmp_path / "loud.mp3"
    ffmpeg.encode(wav, mp3, ["volume=6dB"], "64k", 44100)  # clipped: true peaks above full scale
    [(peak, duration)] = ffmpeg.true_peaks([mp3], 44100)
    reference = loudness(mp3)
    assert abs(peak - reference.true_peak) <= 0.1 and peak > 0
    assert abs(duration - reference.duration_s) < 0.01


def test_an_encoded_true_peak_over_the_ceiling_is_limited_again(tmp_path, monkeypatch):
    monkeypatch.setattr(master, "PEAK_MARGIN_DB", -2.0)  # aim the first encode above the ceiling
    encodes = []
    real_encode = ffmpeg.encode_many
    monkeypatch.setattr(ffmpeg, "encode_many", lambda *args: encodes.append(len(args[0])) or real_encode(*args))
    spec, out = master.MasterSpec(), tmp_path / "piece.mp3"
    [result] = master.master_many([_spoken(tmp_path)], [out], spec, codec_loss_db=0.4)
    assert len(encodes) >= 2 and result.true_peak <= spec.true_peak_db - master.TRUE_PEAK_TOLERANCE_DB
    measured = loudness(out)
    assert measured.true_peak <= spec.true_peak_db and abs(measured.integrated - spec.target_lufs) <= 0.5
