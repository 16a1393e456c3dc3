"""Settings, registry, cache and the offline extractive engine."""

from __future__ import annotations

import pytest

from broadcaster.errors import ConfigError
from broadcaster.production.rewrite import FileRewriteCache, RewriteSettings, make_summarizer, rewrite_text
from broadcaster.production.rewrite.cache import cache_key
from broadcaster.production.rewrite.extractive import summarize_extractive
from broadcaster.production.rewrite.result import Draft


@pytest.mark.parametrize(
    "mapping, key",
    [
        ({"engin": "openai"}, "rewrite.engin"),
        ({"engine": "gpt"}, "rewrite.engine"),
        ({"engine": "openai"}, "rewrite.model"),
        ({"timeout_s": "fast"}, "rewrite.timeout_s"),
        ({"max_retries": -1}, "rewrite.max_retries"),
        ({"max_words": 2}, "rewrite.max_words"),
        ({"base_url": "127.0.0.1:8080"}, "rewrite.base_url"),
    ],
)
def test_bad_settings_name_the_key(mapping, key):
    with pytest.raises(ConfigError) as err:
        RewriteSettings.from_mapping(mapping)
    assert key in err.value.message


def test_settings_defaults_and_values():
    assert RewriteSettings.from_mapping(None) == RewriteSettings()
    s = RewriteSettings.from_mapping(
        {
            "engine": "openai",
            "model": "m",
            "base_url": "http://127.0.0.1:1/v1",
            "timeout_s": 5,
            "max_retries": 0,
            "max_words": 80,
        }
    )
    assert (s.engine, s.timeout_s, s.max_retries, s.max_words) == ("openai", 5.0, 0, 80)


def test_unknown_engine_lists_valid_names():
    with pytest.raises(ConfigError) as err:
        make_summarizer(RewriteSettings(engine="gpt"))
    assert "extractive, none, openai" in err.value.message


def test_engine_none_is_off():
    result = rewrite_text("Họp lúc 7h30 ngày 05/12.", RewriteSettings())
    assert (result.status, result.text, result.reason) == ("off", "Họp lúc 7h30 ngày 05/12.", "")


def test_file_cache_round_trip_and_corrupt_file(tmp_path):
    cache = FileRewriteCache(tmp_path)
    key = cache_key("openai", "m", "v1", 120, "nguồn")
    assert cache.get(key) is None
    cache.put(key, Draft("bản viết lại", 10, 5))
    assert FileRewriteCache(tmp_path).get(key) == Draft("bản viết lại", 10, 5)
    (tmp_path / key[:2] / f"{key}.json").write_text("{broken", encoding="utf-8")
    assert cache.get(key) is None
    assert cache_key("openai", "m2", "v1", 120, "nguồn") != key


LONG = (
    "UBND xã thông báo về việc tiêm chủng cho trẻ em trong toàn xã nhằm chủ động phòng chống dịch bệnh "
    "trong mùa đông xuân và bảo vệ sức khỏe cộng đồng. Công tác này được triển khai theo kế hoạch chung "
    "của ngành y tế huyện với sự phối hợp của các đoàn thể. Trạm Y tế xã tiêm miễn phí lúc 7h30 ngày "
    "05/12/2026 tại nhà văn hóa thôn Trung Sơn. Phụ huynh đăng ký trước ngày 03/12/2026. Mọi gia đình "
    "đều được khuyến khích tham gia đầy đủ để bảo vệ con em mình."
)


def test_extractive_keeps_when_where_deadline_within_budget():
    summary = summarize_extractive(LONG, 40)
    assert len(summary.split()) <= 40
    assert "7h30 ngày 05/12/2026" in summary and "trước ngày 03/12/2026" in summary
    assert "kế hoạch chung" not in summary
    result = rewrite_text(LONG, RewriteSettings(engine="extractive", max_words=40))
    assert result.status == "accepted" and result.text == summary
