"""TTS engines and the chain with real components: espeak-ng, gTTS on a refusing port, a local
OpenAI-compatible server."""

from __future__ import annotations

import socket

import pytest

from broadcaster import speech
from broadcaster.errors import ConfigError, EngineError
from broadcaster.speech.chain import EngineChain
from broadcaster.speech.espeak import EspeakEngine
from broadcaster.speech.google import GttsEngine
from broadcaster.speech.openai_tts import OpenAiEngine


@pytest.mark.parametrize(
    "voice,expected", [("vi", "vi"), ("central", "vi-vn-x-central"), ("southern", "vi-vn-x-south")]
)
def test_espeak_speaks_each_vietnamese_variant(tmp_path, voice, expected):
    engine = EspeakEngine(voice=voice, rate=160, pitch=40)
    assert engine.check() is None and expected in engine.voices()
    engine.synthesize("Xin chào bà con", tmp_path / "a.wav")
    assert (tmp_path / "a.wav").stat().st_size > 10_000
    assert expected in engine.settings_key() and "160" in engine.settings_key()


def test_espeak_missing_program_is_reported_not_raised(tmp_path):
    engine = EspeakEngine(binary="espeak-ng-missing")
    assert "apt-get install espeak-ng" in engine.check()
    with pytest.raises(EngineError) as err:
        engine.synthesize("xin chào", tmp_path / "a.wav")
    assert err.value.fatal


def test_unknown_engine_and_bad_options_list_the_valid_ones():
    with pytest.raises(ConfigError, match="espeak, gtts, openai, fpt, viettel, zalo"):
        speech.create("festival")
    with pytest.raises(ConfigError, match="voice.engines.espeak"):
        speech.create("espeak", {"speed": 3})


def test_gtts_unreachable_is_a_fatal_failure_and_leaves_no_file(tmp_path, gtts_unreachable):
    engine = GttsEngine(timeout=2, retries=0)
    assert f"không kết nối được {gtts_unreachable}" in engine.check()
    with pytest.raises(EngineError) as err:
        engine.synthesize("xin chào", tmp_path / "a.mp3")
    assert err.value.fatal and "Failed to connect" in err.value.cause
    assert list(tmp_path.iterdir()) == []


@pytest.mark.net
def test_gtts_speaks_vietnamese_online(tmp_path):
    GttsEngine(timeout=10).synthesize("Xin chào bà con", tmp_path / "a.mp3")
    assert (tmp_path / "a.mp3").stat().st_size > 1000


def test_openai_engine_posts_to_audio_speech_with_the_key(speech_server, tmp_path, monkeypatch):  # noqa: F811 - fixture
    server = speech_server(200)
    monkeypatch.setenv("TEST_TTS_KEY", "sk-test")
    engine = OpenAiEngine(base_url=server.url, model="tts-1", voice="nova", api_key_env="TEST_TTS_KEY")
    assert engine.check() is None
    engine.synthesize("Xin chào", tmp_path / "a.mp3")
    assert (tmp_path / "a.mp3").read_bytes() == server.audio
    path, auth, body = server.requests[0]
    assert path == "/v1/audio/speech" and auth == "Bearer sk-test"
    assert body["model"] == "tts-1" and body["voice"] == "nova" and body["input"] == "Xin chào"


def test_openai_engine_500_is_a_per_segment_failure_after_retries(speech_server, tmp_path):  # noqa: F811 - fixture
    server = speech_server(500)
    engine = OpenAiEngine(base_url=server.url, api_key_env="", retries=1, backoff_s=0)
    with pytest.raises(EngineError) as err:
        engine.synthesize("Xin chào", tmp_path / "a.mp3")
    assert not err.value.fatal and "500" in err.value.what and len(server.requests) == 2
    assert list(tmp_path.iterdir()) == []


def test_openai_without_key_or_server_cannot_start(tmp_path, monkeypatch):
    monkeypatch.delenv("NO_SUCH_KEY", raising=False)
    assert "NO_SUCH_KEY" in OpenAiEngine(api_key_env="NO_SUCH_KEY").check()
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    engine = OpenAiEngine(base_url=f"http://127.0.0.1:{port}/v1", api_key_env="", retries=0)
    with pytest.raises(EngineError) as err:
        engine.synthesize("xin chào", tmp_path / "a.mp3")
    assert err.value.fatal


def test_chain_skips_an_engine_that_cannot_start_once():
    class Broken(EspeakEngine):
        name, checks = "broken", 0

        def check(self):
            Broken.checks += 1
            return "hỏng"

    chain = EngineChain([Broken(), EspeakEngine()])
    assert [e.name for e in chain.alive()] == ["espeak"]
    assert [e.name for e in chain.alive()] == ["espeak"] and Broken.checks == 1
    assert chain.dead == {"broken": "hỏng"}


def test_chain_drops_an_engine_after_repeated_failures_and_when_all_are_dead():
    chain = EngineChain([EspeakEngine()], max_failures=2)
    engine = chain.alive()[0]
    chain.failed(engine, EngineError("lỗi"))
    assert chain.alive() == [engine]
    chain.failed(engine, EngineError("lỗi"))
    with pytest.raises(EngineError, match="Không có giọng đọc nào dùng được") as err:
        chain.alive()
    assert "espeak" in err.value.cause


def test_retries_stop_at_success_or_a_fatal_error():
    calls = []

    def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise EngineError("tạm thời")
        return "ok"

    assert speech.with_retries(flaky, retries=2, backoff_s=0) == "ok" and len(calls) == 3
    with pytest.raises(EngineError):
        speech.with_retries(lambda: (_ for _ in ()).throw(EngineError("hết", fatal=True)), retries=5, backoff_s=0)


def test_openai_splits_a_text_over_its_limit_at_sentence_ends(speech_server, tmp_path):  # noqa: F811 - fixture
    server = speech_server(200)
    text = "Câu thứ nhất của bản tin. Câu thứ hai dài hơn một chút, có dấu phẩy. Câu thứ ba!"
    OpenAiEngine(base_url=server.url, api_key_env="", max_chars=40).synthesize(text, tmp_path / "a.mp3")
    sent = [body["input"] for _, _, body in server.requests]
    assert sent == ["Câu thứ nhất của bản tin.", "Câu thứ hai dài hơn một chút,", "có dấu phẩy. Câu thứ ba!"]
    assert (tmp_path / "a.mp3").stat().st_size > 2.5 * len(server.audio)  # three parts joined


@pytest.mark.parametrize(
    "text, limit, pieces",
    [
        ("Một. Hai. Ba.", 100, ["Một. Hai. Ba."]),
        ("Một hai ba. Bốn năm sáu. Bảy tám.", 24, ["Một hai ba. Bốn năm sáu.", "Bảy tám."]),
        ("Một hai ba, bốn năm sáu bảy tám chín", 20, ["Một hai ba,", "bốn năm sáu bảy tám", "chín"]),
        ("Dòng một\nDòng hai", 12, ["Dòng một", "Dòng hai"]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    ],
)
def test_split_sentences_cuts_where_a_reader_pauses(text, limit, pieces):
    from broadcaster.speech.parts import split_sentences

    assert split_sentences(text, limit) == pieces
