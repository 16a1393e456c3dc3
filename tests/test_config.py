import pytest

from broadcaster.config import from_mapping, load_settings
from broadcaster.errors import ConfigError


def test_repository_config_loads_with_two_slots_or_more(settings, project):
    assert len(settings.slots) >= 2
    assert settings.voice.chain == ("espeak",)
    assert settings.database_url == f"sqlite:///{project / 'var' / 'broadcaster.db'}"
    assert settings.paths.scripts == project / "scripts"


def test_defaults_without_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BROADCASTER_CONFIG", raising=False)
    settings = load_settings()
    assert settings.source is None and len(settings.slots) == 2
    assert settings.schedule.approval_required is True


@pytest.mark.parametrize("raw, words", [
    ({"stations": {}}, "stations"),
    ({"schedule": {"grace_minutes": "abc"}}, "schedule.grace_minutes"),
    ({"slots": [{"day": "xyz", "time": "06:00"}]}, "Khung giờ phát số 1"),
    ({"slots": [{"day": "tue", "time": "25:00"}]}, "25:00"),
    ({"voice": {"chain": []}}, "voice.chain"),
])
def test_bad_values_are_named(tmp_path, raw, words):
    with pytest.raises(ConfigError) as err:
        from_mapping(raw, tmp_path)
    assert words in err.value.message


def test_missing_explicit_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="Không tìm thấy tệp cấu hình"):
        load_settings(tmp_path / "nope.yaml")


def test_broken_yaml_is_a_clear_error(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("station: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="Không đọc được tệp cấu hình"):
        load_settings(path)
