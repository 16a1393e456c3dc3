"""config.yaml obeys the rules `broadcaster slots` obeys: no slot in the quiet hours, the weekly minimum,
no duplicate; every number has a range; times are quoted strings. No traceback on any of them."""

from __future__ import annotations

import pytest
import yaml

from broadcaster.config import from_mapping, read_settings
from broadcaster.errors import ConfigError

TUE, FRI = {"day": "tue", "time": "06:00"}, {"day": "fri", "time": "17:30"}


@pytest.mark.parametrize(
    "raw, words",
    [
        ({"slots": [{"day": "tue", "time": "22:00"}, FRI]}, ["slots[1]", "22:00", "giờ yên tĩnh 21:00–05:00"]),
        (
            {"slots": [{"day": "tue", "time": "20:45", "max_minutes": 30}, FRI]},  # runs into the quiet hours
            ["slots[1]", "20:45", "30 phút", "giờ yên tĩnh"],
        ),
        ({"slots": [TUE]}, ["1 buổi phát mỗi tuần", "ít nhất 2", "schedule.min_per_week"]),
        ({"slots": [TUE, {"day": "Tuesday", "time": "6:00"}, FRI]}, ["slots[2]", "trùng với slots[1]", "tue 06:00"]),
        ({"slots": [{**TUE, "max_minutes": 500}, FRI]}, ["slots[1].max_minutes", "500", "từ 1 đến 120"]),
        ({"planning": {"words_per_minute": 0}}, ["planning.words_per_minute", "0", "từ 60 đến 400"]),
        ({"planning": {"tthc_repeat": 0}}, ["planning.tthc_repeat", "từ 1 đến 50"]),
        ({"planning": {"safety_margin_percent": 60}}, ["planning.safety_margin_percent", "từ 0 đến 30"]),
        ({"schedule": {"min_per_week": 100}}, ["schedule.min_per_week", "từ 0 đến 50"]),
        ({"schedule": {"grace_minutes": 100000}}, ["schedule.grace_minutes", "từ 0 đến 120"]),
        ({"audio": {"pause_ms": 60000}}, ["audio.pause_ms", "từ 0 đến 5000"]),
        ({"audio": {"workers": 1000}}, ["audio.workers", "từ 0 đến 64"]),
        ({"voice": {"max_failures": 0}}, ["voice.max_failures", "từ 1 đến 100"]),
    ],
)
def test_config_slots_and_numbers_obey_the_rules(tmp_path, raw, words):
    with pytest.raises(ConfigError) as err:
        from_mapping(raw, tmp_path)
    for word in words:
        assert word in err.value.message, err.value.message


def test_an_unquoted_time_is_named_with_its_fix(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text('slots:\n  - {day: tue, time: "06:00"}\n  - {day: fri, time: 17:30}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        read_settings(path)
    assert "slots[2].time" in err.value.message and 'time: "17:30"' in err.value.message
    assert "ngoặc kép" in err.value.message
    path.write_text("schedule:\n  quiet_start: 21:00\n", encoding="utf-8")
    with pytest.raises(ConfigError, match='schedule.quiet_start.*quiet_start: "21:00"'):
        read_settings(path)


@pytest.mark.parametrize(
    "change",
    [
        {"slots": [TUE, TUE, FRI]},
        {"planning": {"words_per_minute": 0}},
        {"slots": [{"day": "tue", "time": "23:00"}, FRI]},
    ],
)
def test_the_cli_says_what_is_wrong_without_a_traceback(project, cli, change):
    path = project / "config.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key, value in change.items():
        raw[key] = {**raw[key], **value} if isinstance(value, dict) else value
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    result = cli("preview", "--week", "2026-W50", ok=False)
    assert result.exit_code == 1 and result.output.startswith("Lỗi: ") and "Traceback" not in result.output


def test_the_repository_config_and_the_sample_config_pass(project):
    for path in (project / "config.yaml",):
        assert len(read_settings(path).slots) == 2
