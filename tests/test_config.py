import subprocess
import sys
from pathlib import Path

import pytest

from broadcaster import config
from broadcaster.config import from_mapping, load_settings
from broadcaster.errors import ConfigError


def test_repository_config_loads_with_two_slots_or_more(settings, project):
    assert len(settings.slots) >= 2
    assert settings.voice.chain == ("espeak",)
    assert settings.database_url == f"sqlite:///{project / 'var' / 'broadcaster.db'}"
    assert settings.paths.scripts == project / "scripts"


def test_without_any_config_file_settings_are_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("BROADCASTER_CONFIG", raising=False)
    monkeypatch.setattr(config, "SYSTEM_FILE", tmp_path / "etc" / "config.yaml")
    assert config.find_config() is None
    with pytest.raises(ConfigError) as err:
        load_settings()
    text = err.value.message
    for place in (
        "--config",
        "BROADCASTER_CONFIG",
        "./config.yaml",
        str(tmp_path),
        "etc/config.yaml",
        "broadcaster init THƯ_MỤC",
    ):
        assert place in text, text
    assert not (tmp_path / "var").exists()


def test_discovery_order_config_option_then_variable_then_cwd_then_etc(tmp_path, monkeypatch):
    def station(name: str) -> Path:
        folder = tmp_path / name
        folder.mkdir()
        (folder / "config.yaml").write_text(f"station: {{name: {name}}}\n", encoding="utf-8")
        return folder / "config.yaml"

    explicit, variable, here, system = station("explicit"), station("variable"), station("here"), station("etc")
    monkeypatch.setattr(config, "SYSTEM_FILE", system)
    monkeypatch.chdir(here.parent)
    monkeypatch.setenv("BROADCASTER_CONFIG", str(variable))
    assert load_settings(explicit).station.name == "explicit"
    assert load_settings().station.name == "variable"
    monkeypatch.delenv("BROADCASTER_CONFIG")
    assert load_settings().station.name == "here"
    here.unlink()
    loaded = load_settings()
    assert loaded.station.name == "etc" and loaded.source == system and loaded.base_dir == system.parent


def test_a_named_file_that_is_missing_is_not_skipped(tmp_path, monkeypatch):
    (tmp_path / "config.yaml").write_text("{}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BROADCASTER_CONFIG", str(tmp_path / "gone.yaml"))
    with pytest.raises(ConfigError, match="BROADCASTER_CONFIG"):
        load_settings()
    with pytest.raises(ConfigError, match="là một thư mục"):
        load_settings(tmp_path)


@pytest.mark.parametrize(
    "raw, words",
    [
        ({"stations": {}}, "stations"),
        ({"schedule": {"grace_minutes": "abc"}}, "schedule.grace_minutes"),
        ({"slots": [{"day": "xyz", "time": "06:00"}]}, "Khung giờ phát số 1"),
        ({"slots": [{"day": "tue", "time": "25:00"}]}, "25:00"),
        ({"voice": {"chain": []}}, "voice.chain"),
    ],
)
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


@pytest.mark.parametrize(
    "raw, words",
    [
        ({"voice": {"chain": ["espek"]}}, ["“espek”", "voice.chain", "espeak, gtts, openai"]),
        ({"voice": {"chain": ["espeak", "gTTS"]}}, ["“gTTS”", "espeak, gtts, openai"]),
        ({"voice": {"engines": {"espek": {"voice": "vi"}}}}, ["“espek”", "voice.engines", "espeak, gtts, openai"]),
        ({"voice": {"engines": {"espeak": {"speed": 150}}}}, ["“espeak”", "speed", "voice.engines.espeak", "rate"]),
        ({"voice": {"engines": {"espeak": {"rate": 900}}}}, ["“espeak”", "rate phải từ 80 đến 450"]),
        ({"voice": {"engines": {"openai": {"format": "ogg"}}}}, ["“openai”", "format “ogg”"]),
        ({"voice": {"engines": {"gtts": "vi"}}}, ["voice.engines.gtts", "lang"]),
        ({"rewrite": {"engine": "opneai"}}, ["rewrite.engine", "opneai", "extractive, none, openai"]),
    ],
)
def test_plugin_names_and_options_are_checked_at_load(tmp_path, raw, words):
    with pytest.raises(ConfigError) as err:
        from_mapping(raw, tmp_path)
    for word in words:
        assert word in err.value.message, err.value.message


def test_engine_options_of_engines_outside_the_chain_are_checked_too(tmp_path):
    settings = from_mapping(
        {
            "voice": {
                "chain": ["espeak"],
                "engines": {"gtts": {"lang": "vi", "tld": "com.vn"}, "openai": {"model": "m", "voice": "alloy"}},
            }
        },
        tmp_path,
    )
    assert settings.voice.chain == ("espeak",) and settings.voice.engines["openai"]["model"] == "m"


def test_loading_the_config_imports_no_engine_library(project):
    """Names resolve through the registries without importing gtts, openai or the scheduler."""
    code = (
        "import sys; from broadcaster.config import load_settings; "
        f"s = load_settings({str(project / 'config.yaml')!r}); "
        "print(sorted(m for m in ('gtts', 'openai', 'apscheduler', 'requests') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
