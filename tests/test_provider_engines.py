"""FPT.AI, Viettel AI and Zalo AI engines with their real HTTP client against local fakes that answer
with the documented shapes (tests/fakes/tts_servers.py); the real services only with -m net."""

from __future__ import annotations

import os
import subprocess

import pytest
from fakes.tts_servers import FakeFpt, FakeViettel, FakeZalo

from broadcaster import speech
from broadcaster.errors import ConfigError, EngineError
from broadcaster.speech.chain import EngineChain
from broadcaster.speech.fpt import FptEngine
from broadcaster.speech.viettel import ViettelEngine
from broadcaster.speech.zalo import ZaloEngine

SENTENCE = "Ủy ban nhân dân xã thông báo lịch tiêm chủng mở rộng tháng mười hai cho trẻ em dưới năm tuổi. "
FAST = {"retries": 0, "backoff_s": 0, "min_interval_s": 0}


@pytest.fixture(scope="module")
def mp3(tmp_path_factory) -> bytes:
    folder = tmp_path_factory.mktemp("served")
    wav, mp3 = folder / "a.wav", folder / "a.mp3"
    subprocess.run(["espeak-ng", "-v", "vi", "-w", str(wav), "xin chào bà con"], check=True)
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(wav), "-ar", "24000", "-b:a", "64k", str(mp3)], check=True)
    return mp3.read_bytes()


@pytest.fixture
def key(monkeypatch):
    monkeypatch.setenv("TEST_TTS_KEY", "test-key")
    return "TEST_TTS_KEY"


def seconds(path) -> float:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(out)


# ---- FPT.AI -------------------------------------------------------------------------------------


def test_fpt_posts_the_text_with_key_voice_speed_and_polls_the_async_link(mp3, key, tmp_path):
    with FakeFpt(mp3, ready_after=2) as fake:
        engine = FptEngine(
            api_key_env=key, base_url=fake.url, region="Trung", gender="nam", speed=-1, poll_interval_s=0.01, **FAST
        )
        assert engine.check() is None and engine.voice.id == "giahuy"
        engine.synthesize("Xin chào bà con.", tmp_path / "a.mp3")
        assert (tmp_path / "a.mp3").read_bytes() == mp3
        [post] = fake.posts()
        assert post.headers["api_key"] == "test-key" and post.fields == {
            "text": "Xin chào bà con.",
            "voice": "giahuy",
            "speed": "-1",
            "format": "mp3",
        }
        assert [r.method for r in fake.requests] == ["POST", "GET", "GET", "GET"]  # 403, 403, then the file


def test_fpt_splits_a_long_text_at_sentence_ends_and_joins_the_audio(mp3, key, tmp_path):
    text = SENTENCE * 120  # about 11,500 characters
    with FakeFpt(mp3) as fake:
        FptEngine(api_key_env=key, base_url=fake.url, poll_interval_s=0.01, **FAST).synthesize(text, tmp_path / "a.mp3")
        sent = [p.fields["text"] for p in fake.posts()]
    assert len(sent) == 3 and all(len(t) <= 5000 and t.endswith(".") for t in sent)
    assert " ".join(sent) == text.strip()
    assert seconds(tmp_path / "a.mp3") == pytest.approx(3 * seconds_of(mp3, tmp_path), abs=0.2)


def seconds_of(audio: bytes, folder) -> float:
    path = folder / "one.mp3"
    path.write_bytes(audio)
    return seconds(path)


@pytest.mark.parametrize("kind", ["key", "quota"])
def test_fpt_bad_key_or_exhausted_quota_stops_the_engine_without_retrying(mp3, key, tmp_path, kind):
    with FakeFpt(mp3) as fake:
        fake.fail(kind)
        engine = FptEngine(api_key_env=key, base_url=fake.url, retries=3, backoff_s=0, min_interval_s=0)
        with pytest.raises(EngineError) as err:
            engine.synthesize("Xin chào bà con.", tmp_path / "a.mp3")
        assert err.value.fatal and len(fake.requests) == 1
    assert list(tmp_path.iterdir()) == []


def test_fpt_server_errors_and_throttling_are_retried_then_fail_one_segment(mp3, key, tmp_path):
    with FakeFpt(mp3) as fake:
        fake.fail("server")
        fake.fail("throttle")
        engine = FptEngine(
            api_key_env=key, base_url=fake.url, retries=2, backoff_s=0, min_interval_s=0, poll_interval_s=0.01
        )
        engine.synthesize("Xin chào bà con.", tmp_path / "a.mp3")  # third try succeeds
        assert len(fake.posts()) == 3 and (tmp_path / "a.mp3").read_bytes() == mp3
        fake.fail("server", 3)
        with pytest.raises(EngineError) as err:
            engine.synthesize("Xin chào bà con.", tmp_path / "b.mp3")
        assert not err.value.fatal and "500" in err.value.what


def test_fpt_a_link_that_never_fills_is_a_per_segment_failure(mp3, key, tmp_path):
    with FakeFpt(mp3, ready_after=10_000) as fake:
        engine = FptEngine(api_key_env=key, base_url=fake.url, poll_timeout_s=0.2, poll_interval_s=0.02, **FAST)
        with pytest.raises(EngineError) as err:
            engine.synthesize("Xin chào bà con.", tmp_path / "a.mp3")
    assert not err.value.fatal and "chưa trả tệp âm thanh" in err.value.what


# ---- Viettel AI ---------------------------------------------------------------------------------


def test_viettel_posts_json_with_the_token_and_gets_the_audio_back(mp3, key, tmp_path):
    with FakeViettel(mp3, max_chars=2000) as fake:
        engine = ViettelEngine(api_key_env=key, base_url=fake.url, region="Nam", gender="nữ", speed=1.1, **FAST)
        engine.synthesize("Xin chào bà con.", tmp_path / "a.mp3")
        assert (tmp_path / "a.mp3").read_bytes() == mp3
        [post] = fake.posts()
    assert post.headers["content-type"] == "application/json"
    assert post.fields == {
        "text": "Xin chào bà con.",
        "voice": "hcm-diemmy",
        "speed": 1.1,
        "tts_return_option": 3,
        "token": "test-key",
        "without_filter": False,
    }


def test_viettel_splits_at_its_limit(mp3, key, tmp_path):
    with FakeViettel(mp3, max_chars=2000) as fake:
        ViettelEngine(api_key_env=key, base_url=fake.url, **FAST).synthesize(SENTENCE * 30, tmp_path / "a.mp3")
        sent = [p.fields["text"] for p in fake.posts()]
    assert len(sent) == 2 and all(len(t) <= 2000 for t in sent)


@pytest.mark.parametrize("kind, fatal", [("key", True), ("quota", True), ("server", False), ("throttle", False)])
def test_viettel_error_answers_map_to_fatal_or_per_segment(mp3, key, tmp_path, kind, fatal):
    with FakeViettel(mp3) as fake:
        fake.fail(kind)
        with pytest.raises(EngineError) as err:
            ViettelEngine(api_key_env=key, base_url=fake.url, **FAST).synthesize("Xin chào.", tmp_path / "a.mp3")
    assert err.value.fatal is fatal


# ---- Zalo AI ------------------------------------------------------------------------------------


def test_zalo_posts_the_form_with_apikey_and_fetches_the_url(mp3, key, tmp_path):
    with FakeZalo(mp3, ready_after=1) as fake:
        engine = ZaloEngine(
            api_key_env=key, base_url=fake.url, region="Bắc", gender="nam", speed=0.9, poll_interval_s=0.01, **FAST
        )
        engine.synthesize("Xin chào bà con.", tmp_path / "a.mp3")
        assert (tmp_path / "a.mp3").read_bytes() == mp3
        [post] = fake.posts()
    assert post.headers["apikey"] == "test-key"
    assert post.headers["content-type"] == "application/x-www-form-urlencoded"
    assert post.fields == {"input": "Xin chào bà con.", "speaker_id": "4", "speed": "0.9", "encode_type": "1"}


def test_zalo_splits_at_about_two_thousand_characters(mp3, key, tmp_path):
    with FakeZalo(mp3, max_chars=2000) as fake:
        ZaloEngine(api_key_env=key, base_url=fake.url, poll_interval_s=0.01, **FAST).synthesize(
            SENTENCE * 50, tmp_path / "a.mp3"
        )
        sent = [p.fields["input"] for p in fake.posts()]
    assert len(sent) == 3 and all(len(t) <= 1980 for t in sent)


@pytest.mark.parametrize("kind, fatal", [("key", True), ("quota", True), ("server", False), ("throttle", False)])
def test_zalo_error_codes_map_to_fatal_or_per_segment(mp3, key, tmp_path, kind, fatal):
    with FakeZalo(mp3) as fake:
        fake.fail(kind)
        with pytest.raises(EngineError) as err:
            ZaloEngine(api_key_env=key, base_url=fake.url, **FAST).synthesize("Xin chào.", tmp_path / "a.mp3")
    assert err.value.fatal is fatal


def test_zalo_has_no_central_voice():
    with pytest.raises(ConfigError, match="không có giọng nữ miền Trung"):
        speech.create("zalo", {"region": "Trung"})


# ---- shared -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["fpt", "viettel", "zalo"])
def test_without_the_key_the_engine_cannot_start_and_the_chain_falls_back(name, monkeypatch):
    monkeypatch.delenv("NO_SUCH_KEY", raising=False)
    engine = speech.create(name, {"api_key_env": "NO_SUCH_KEY"})
    assert "NO_SUCH_KEY" in engine.check()
    chain = EngineChain([engine, speech.create("espeak")])
    assert [e.name for e in chain.alive()] == ["espeak"]


def test_a_fatal_provider_error_drops_it_for_the_run(mp3, key, tmp_path):
    with FakeFpt(mp3) as fake:
        fake.fail("quota")
        engine = FptEngine(api_key_env=key, base_url=fake.url, **FAST)
        chain = EngineChain([engine, speech.create("espeak")])
        with pytest.raises(EngineError) as err:
            engine.synthesize("Xin chào.", tmp_path / "a.mp3")
        chain.failed(engine, err.value)
    assert [e.name for e in chain.alive()] == ["espeak"] and "hạn mức" in chain.dead["fpt"]


@pytest.mark.parametrize(
    "name, options, message",
    [
        ("fpt", {"speed": 5}, "-3"),
        ("fpt", {"voice": "nobody"}, "không có giọng “nobody”"),
        ("viettel", {"speed": 2}, "0.7"),
        ("zalo", {"gender": "khác"}, "nam hoặc nữ"),
        ("fpt", {"region": "Tây"}, "Bắc, Trung hoặc Nam"),
        ("viettel", {"colour": 1}, "colour"),
    ],
)
def test_bad_options_are_refused_with_what_is_accepted(name, options, message):
    with pytest.raises(ConfigError) as err:
        speech.check_options(name, options)
    assert message in err.value.message


@pytest.mark.parametrize(
    "name, region, gender, voice",
    [
        ("fpt", "bac", "nu", "banmai"),
        ("fpt", "nam", "nu", "lannhi"),
        ("fpt", "trung", "nu", "myan"),
        ("fpt", "bac", "nam", "leminh"),
        ("viettel", "trung", "nam", "hue-baoquoc"),
        ("viettel", "nam", "nam", "hcm-minhquan"),
        ("zalo", "nam", "nu", "1"),
        ("zalo", "bac", "nu", "2"),
        ("espeak", "Trung", "nam", "central"),
    ],
)
def test_region_and_gender_pick_the_provider_voice(name, region, gender, voice):
    from broadcaster.speech import voices

    assert voices.choose(name, region, gender).id == voice


# ---- the real services (-m net, with keys in the environment) -----------------------------------


@pytest.mark.net
@pytest.mark.parametrize(
    "name, variable", [("fpt", "FPT_API_KEY"), ("viettel", "VIETTEL_AI_TOKEN"), ("zalo", "ZALO_AI_API_KEY")]
)
def test_the_real_service_speaks_vietnamese(name, variable, tmp_path):
    if not os.environ.get(variable):
        pytest.skip(f"{variable} is not set")
    engine = speech.create(name, {"api_key_env": variable})
    engine.synthesize("Ủy ban nhân dân xã Hòa Phú xin thông báo.", tmp_path / f"a.{engine.extension}")
    assert seconds(tmp_path / f"a.{engine.extension}") > 1
