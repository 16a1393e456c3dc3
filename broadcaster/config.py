"""config.yaml -> frozen, validated settings. No globals: callers pass Settings along.

The file is found by find_config(): --config, $BROADCASTER_CONFIG, ./config.yaml, then
/etc/broadcaster/config.yaml; with none of them, commands that need settings refuse to run.

Sections with a fixed shape are dataclasses validated here (the rewrite section by its own
RewriteSettings). Pluggable kinds (TTS engines, playout outputs) keep their own options as
mappings that their factories validate, as beets plugins do; engine names and options are
checked against the registry at load, without importing any engine's heavy library.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import yaml

from broadcaster import speech
from broadcaster.errors import ConfigError
from broadcaster.production.rewrite.settings import RewriteSettings
from broadcaster.timeutil import WEEKDAYS, parse_hhmm, weekday_index

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_D = TypeVar("_D", bound="DataclassInstance")

DEFAULT_FILE = "config.yaml"
ENV_VAR = "BROADCASTER_CONFIG"
SYSTEM_FILE = Path("/etc/broadcaster/config.yaml")


@dataclasses.dataclass(frozen=True)
class Station:
    name: str = "Đài truyền thanh xã Hòa Phú"
    commune: str = "xã Hòa Phú"
    province: str = "tỉnh Gia Lai"
    office: str = "Ủy ban nhân dân xã Hòa Phú"
    phone: str = "0269 3 845 123"


@dataclasses.dataclass(frozen=True)
class SlotSpec:
    day: str
    time: str
    max_minutes: int = 30


@dataclasses.dataclass(frozen=True)
class Schedule:
    min_per_week: int = 2
    quiet_start: str = "21:00"
    quiet_end: str = "05:00"
    weekly_day: str = "sun"
    weekly_time: str = "18:00"
    grace_minutes: int = 15
    approval_required: bool = True


@dataclasses.dataclass(frozen=True)
class Planning:
    words_per_minute: int = 150  # the voice's pace until it has been measured on rendered segments
    tthc_announce_before_days: int = 14
    tthc_announce_after_days: int = 30
    tthc_repeat: int = 2
    default_repeat: int = 2
    safety_margin_percent: int = 5  # a slot is filled to its length less this share


@dataclasses.dataclass(frozen=True)
class Voice:
    chain: tuple[str, ...] = ("espeak",)
    engines: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    max_failures: int = 3  # an engine failing this many segments in a row is skipped for the run


@dataclasses.dataclass(frozen=True)
class Audio:
    pause_ms: int = 700  # silence between items
    lead_ms: int = 300  # silence before the opening chime
    tail_ms: int = 1000  # silence at the end (Icecast drops the last ~0.5 KB)
    bitrate: str = "64k"  # MP3, constant bit rate, mono
    sample_rate: int = 44100
    target_lufs: float = -16.0  # integrated loudness (ITU-R BS.1770)
    true_peak_db: float = -1.0  # true-peak ceiling, dBTP
    horn: bool = False  # band-pass + gentle compression for horn loudspeakers
    chime: str = "generated"  # generated | none | path to an audio file
    workers: int = 0  # segments rendered in parallel (0: one per CPU)


@dataclasses.dataclass(frozen=True)
class Paths:
    scripts: Path = Path("scripts")
    audio: Path = Path("audio_out")
    data: Path = Path("var")


@dataclasses.dataclass(frozen=True)
class Settings:
    station: Station
    slots: tuple[SlotSpec, ...]
    schedule: Schedule
    planning: Planning
    voice: Voice
    audio: Audio
    paths: Paths
    database_url: str
    lexicon: Mapping[str, str]
    rewrite: RewriteSettings
    playout: Mapping[str, Any]
    base_dir: Path
    source: Path | None

    @property
    def cache_dir(self) -> Path:
        return self.paths.data / "cache"


DEFAULT_SLOTS = (SlotSpec("tue", "06:00", 30), SlotSpec("fri", "17:30", 30))

# Every number a config file sets, and the range it must fall in (inclusive).
RANGES: dict[tuple[str, str], tuple[int, int]] = {
    ("slots", "max_minutes"): (1, 120),
    ("schedule", "min_per_week"): (0, 50),
    ("schedule", "grace_minutes"): (0, 120),
    ("planning", "words_per_minute"): (60, 400),
    ("planning", "tthc_announce_before_days"): (0, 90),
    ("planning", "tthc_announce_after_days"): (0, 365),
    ("planning", "tthc_repeat"): (1, 50),
    ("planning", "default_repeat"): (1, 50),
    ("planning", "safety_margin_percent"): (0, 30),
    ("voice", "max_failures"): (1, 100),
    ("audio", "pause_ms"): (0, 5000),
    ("audio", "lead_ms"): (0, 10000),
    ("audio", "tail_ms"): (0, 10000),
    ("audio", "workers"): (0, 64),
}
# Clock times: YAML reads an unquoted 17:30 as the number 1050 (minutes), so they must be quoted strings.
TIME_KEYS = frozenset({"time", "quiet_start", "quiet_end", "weekly_time"})


def find_config(path: str | os.PathLike | None = None) -> Path | None:
    """The config file to use: `path` (--config), else $BROADCASTER_CONFIG, else ./config.yaml, else
    /etc/broadcaster/config.yaml; None when none of them exists. A named file that is missing is an error."""
    explicit = path or os.environ.get(ENV_VAR)
    if explicit:
        candidate = Path(explicit).expanduser()
        if candidate.is_file():
            return candidate
        where, example = (
            ("--config", "--config /srv/dai-xa/config.yaml")
            if path
            else (f"biến môi trường {ENV_VAR}", f"{ENV_VAR}=/srv/dai-xa/config.yaml")
        )
        cause = (
            f"{candidate} là một thư mục, không phải tệp."
            if candidate.is_dir()
            else f"đường dẫn trong {where} sai, hoặc tệp đã bị xóa/di chuyển."
        )
        raise ConfigError(
            f"Không tìm thấy tệp cấu hình {candidate}.",
            cause,
            f"kiểm tra {where} (ví dụ {example}); chưa có cấu hình thì tạo bằng lệnh: broadcaster init THƯ_MỤC.",
        )
    for candidate in (Path(DEFAULT_FILE), SYSTEM_FILE):
        if candidate.is_file():
            return candidate
    return None


def load_settings(path: str | os.PathLike | None = None) -> Settings:
    """Settings from the config file find_config() picks; no config file at all is a ConfigError."""
    found = find_config(path)
    if found is None:
        raise ConfigError(
            "Không tìm thấy tệp cấu hình; lệnh này cần cấu hình của đài (cơ sở dữ liệu, khung giờ, giọng đọc).",
            f"đã tìm lần lượt ở: (1) tùy chọn --config, (2) biến môi trường {ENV_VAR}, "
            f"(3) ./{DEFAULT_FILE} trong thư mục hiện tại ({Path.cwd()}), (4) {SYSTEM_FILE} — không nơi nào có.",
            "tạo cấu hình mới bằng lệnh: broadcaster init THƯ_MỤC, rồi chạy lệnh trong thư mục đó "
            "hoặc thêm --config THƯ_MỤC/config.yaml.",
        )
    return read_settings(found)


def read_settings(path: Path) -> Settings:
    """Settings from one config file; relative paths in it are relative to its folder."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" ở dòng {mark.line + 1}, cột {mark.column + 1}" if mark is not None else ""
        cause = "tệp không phải UTF-8." if isinstance(exc, UnicodeDecodeError) else f"sai cú pháp YAML{where}."
        raise ConfigError(
            f"Không đọc được tệp cấu hình {path}.",
            cause,
            "sửa cú pháp YAML (thụt lề bằng dấu cách, dấu hai chấm sau tên khóa).",
        ) from exc
    except OSError as exc:
        raise ConfigError(
            f"Không đọc được tệp cấu hình {path}.",
            exc.strerror or str(exc),
            "kiểm tra quyền đọc tệp (người dùng chạy lệnh phải đọc được tệp).",
        ) from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"Tệp cấu hình {path} phải là một bảng khóa: giá trị.")
    source = path.resolve()
    return from_mapping(raw, base_dir=source.parent, source=source)


def from_mapping(raw: Mapping[str, Any], base_dir: Path, source: Path | None = None) -> Settings:
    known = {
        "station",
        "slots",
        "schedule",
        "planning",
        "voice",
        "audio",
        "paths",
        "database",
        "lexicon",
        "rewrite",
        "playout",
    }
    unknown = sorted(set(raw) - known)
    if unknown:
        raise ConfigError(
            f"Khóa cấu hình không hợp lệ: {', '.join(unknown)}.",
            "có thể gõ sai tên.",
            "các khóa hợp lệ: " + ", ".join(sorted(known)) + ".",
        )
    paths = _section(Paths, raw.get("paths"), "paths")
    paths = Paths(**{f.name: resolve_path(base_dir, getattr(paths, f.name)) for f in dataclasses.fields(Paths)})
    database = raw.get("database") or f"sqlite:///{paths.data / 'broadcaster.db'}"
    if not isinstance(database, str):
        raise ConfigError("database phải là một URL SQLAlchemy, ví dụ sqlite:///var/broadcaster.db.")
    if database.startswith("sqlite:///") and not database.startswith("sqlite:////"):
        rel = database[len("sqlite:///") :]
        if rel and rel != ":memory:":
            database = f"sqlite:///{resolve_path(base_dir, Path(rel))}"
    schedule = _checked_schedule(_section(Schedule, raw.get("schedule"), "schedule"))
    return Settings(
        station=_section(Station, raw.get("station"), "station"),
        slots=_slots(raw.get("slots"), schedule),
        schedule=schedule,
        planning=_section(Planning, raw.get("planning"), "planning"),
        voice=_checked_voice(_section(Voice, raw.get("voice"), "voice")),
        audio=_checked_audio(_section(Audio, raw.get("audio"), "audio")),
        paths=paths,
        database_url=database,
        lexicon=_str_map(raw.get("lexicon"), "lexicon"),
        rewrite=RewriteSettings.from_mapping(_mapping(raw.get("rewrite"), "rewrite")),
        playout=_checked_playout(_mapping(raw.get("playout"), "playout")),
        base_dir=base_dir,
        source=source,
    )


def resolve_path(base: Path, value: Path | str) -> Path:
    """A configured path: absolute as given, else relative to the config file's folder."""
    value = Path(value).expanduser()
    return value if value.is_absolute() else base / value


def _mapping(value: Any, name: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ConfigError(f"Mục “{name}” trong cấu hình phải là một bảng khóa: giá trị.")
    return value


def _str_map(value: Any, name: str) -> Mapping[str, str]:
    mapping = _mapping(value, name)
    return MappingProxyType({str(k): str(v) for k, v in mapping.items()})


def _section(cls: type[_D], value: Any, name: str) -> _D:
    """Build a frozen dataclass from a mapping; unknown keys and wrong types are refused."""
    mapping = _mapping(value, name)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(mapping) - set(fields))
    if unknown:
        raise ConfigError(
            f"Khóa không hợp lệ trong mục “{name}”: {', '.join(unknown)}.",
            None,
            "các khóa hợp lệ: " + ", ".join(fields) + ".",
        )
    kwargs: dict[str, Any] = {}
    for key, raw in mapping.items():
        default: Any = fields[key].default
        factory = fields[key].default_factory
        if default is dataclasses.MISSING and callable(factory):  # not dataclasses.MISSING
            default = factory()
        if key in TIME_KEYS:
            _check_quoted(raw, f"{name}.{key}", key)
        kwargs[key] = _coerce(raw, default, f"{name}.{key}")
        bounds = RANGES.get((name.split("[")[0], key))
        if bounds and not bounds[0] <= kwargs[key] <= bounds[1]:
            raise ConfigError(
                f"Giá trị “{raw}” của {name}.{key} không hợp lệ: cần một số nguyên từ {bounds[0]} đến {bounds[1]}.",
                None,
                f"sửa {name}.{key} trong tệp cấu hình.",
            )
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise ConfigError(f"Mục “{name}” thiếu khóa bắt buộc.", str(exc)) from exc


def _check_quoted(raw: Any, where: str, key: str) -> None:
    if isinstance(raw, str) or raw is None:
        return
    if isinstance(raw, int) and not isinstance(raw, bool) and 0 <= raw < 24 * 60:
        clock = f"{raw // 60:02d}:{raw % 60:02d}"
        raise ConfigError(
            f'{where}: giờ {clock} phải đặt trong ngoặc kép, ví dụ {key}: "{clock}".',
            f"không có ngoặc kép, YAML đọc {clock} thành số {raw} (số phút).",
            f'sửa trong tệp cấu hình thành {key}: "{clock}".',
        )
    raise ConfigError(
        f"{where}: “{raw}” không phải là giờ; giờ phải là chuỗi HH:MM trong ngoặc kép.", None, f'ví dụ {key}: "06:00".'
    )


def _coerce(raw: Any, default: Any, where: str) -> Any:
    def bad(kind: str) -> ConfigError:
        return ConfigError(f"Giá trị “{raw}” của {where} không hợp lệ: cần {kind}.")

    if isinstance(default, bool):
        if not isinstance(raw, bool):
            raise bad("true hoặc false")
        return raw
    if isinstance(default, int):
        if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
            raise bad("một số nguyên không âm")
        return raw
    if isinstance(default, float):
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            raise bad("một số")
        return float(raw)
    if isinstance(default, Path):
        if not isinstance(raw, str):
            raise bad("một đường dẫn")
        return Path(raw)
    if isinstance(default, tuple):
        items = [raw] if isinstance(raw, str) else raw
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items) or not items:
            raise bad("một danh sách tên")
        return tuple(items)
    if isinstance(default, Mapping):
        return MappingProxyType(dict(_mapping(raw, where)))
    if not isinstance(raw, (str, int, float)):
        raise bad("một chuỗi")
    return str(raw)


def _slots(value: Any, schedule: Schedule) -> tuple[SlotSpec, ...]:
    """The recurring slots the file lists, held to the rules `broadcaster slots add/remove` applies
    (broadcaster.onair.calendar): none in the quiet hours, each once, at least schedule.min_per_week of them.
    No list: the two default slots."""
    from broadcaster.onair.rules import in_quiet_hours

    if value is None:
        return DEFAULT_SLOTS
    if not isinstance(value, list):
        raise ConfigError('Mục “slots” phải là danh sách, ví dụ: - {day: tue, time: "06:00", max_minutes: 30}.')
    slots: list[SlotSpec] = []
    seen: dict[str, int] = {}  # "tue 06:00" -> its number in the list
    for i, item in enumerate(value, start=1):
        spec = _section(SlotSpec, item, f"slots[{i}]")
        try:
            day = WEEKDAYS[weekday_index(spec.day)]
            hour, minute = parse_hhmm(spec.time)
        except Exception as exc:  # BroadcasterError carries the Vietnamese text
            raise ConfigError(f"Khung giờ phát số {i} trong cấu hình không hợp lệ: {exc}") from exc
        key = f"{day} {hour:02d}:{minute:02d}"
        if key in seen:
            raise ConfigError(
                f"Khung giờ phát slots[{i}] ({spec.day} {spec.time}) trùng với slots[{seen[key]}] ({key}).",
                None,
                "bỏ một trong hai dòng trong mục slots của tệp cấu hình.",
            )
        seen[key] = i
        if in_quiet_hours(schedule, key[4:], spec.max_minutes):
            raise ConfigError(
                f"Khung giờ phát slots[{i}] ({key}, {spec.max_minutes} phút) trùng giờ yên tĩnh "
                f"{schedule.quiet_start}–{schedule.quiet_end}.",
                "theo quy định, ngoài giờ yên tĩnh mới được phát (trừ tin khẩn cấp).",
                f"sửa slots[{i}] (giờ khác hoặc max_minutes ngắn hơn), "
                "hoặc schedule.quiet_start/quiet_end trong tệp cấu hình.",
            )
        slots.append(spec)
    if len(slots) < schedule.min_per_week:
        raise ConfigError(
            f"Mục slots trong tệp cấu hình chỉ có {len(slots)} buổi phát mỗi tuần.",
            f"mỗi tuần phải có ít nhất {schedule.min_per_week} buổi phát (schedule.min_per_week).",
            'thêm khung giờ vào mục slots, ví dụ - {day: fri, time: "17:30", max_minutes: 30}.',
        )
    return tuple(slots)


def _checked_schedule(schedule: Schedule) -> Schedule:
    for key in ("quiet_start", "quiet_end", "weekly_time"):
        try:
            parse_hhmm(getattr(schedule, key))
        except Exception as exc:
            raise ConfigError(f"schedule.{key} không hợp lệ: {exc}") from exc
    weekday_index(schedule.weekly_day)
    return schedule


def _checked_voice(voice: Voice) -> Voice:
    """Engine names and options are resolved now, so a typo stops every command at once."""
    for name in voice.chain:
        speech.factory(name, "voice.chain")
    for name, options in voice.engines.items():
        speech.check_options(name, options)
    return voice


MP3_RATES = (32000, 44100, 48000, 16000, 22050, 24000)


def _checked_audio(audio: Audio) -> Audio:
    kbps = audio.bitrate[:-1] if audio.bitrate.endswith("k") else ""
    if not kbps.isdigit() or not 32 <= int(kbps) <= 320:
        raise ConfigError(f"audio.bitrate “{audio.bitrate}” không hợp lệ.", None, "dùng ví dụ 64k, 96k hoặc 128k.")
    if audio.sample_rate not in MP3_RATES:
        raise ConfigError(
            f"audio.sample_rate {audio.sample_rate} không dùng được cho MP3.", None, "dùng 44100 (hoặc 48000, 32000)."
        )
    if not -40 <= audio.target_lufs <= -5 or not -10 <= audio.true_peak_db <= 0:
        raise ConfigError(
            "audio.target_lufs hoặc audio.true_peak_db nằm ngoài khoảng hợp lý.",
            None,
            "dùng target_lufs từ -40 đến -5 (mặc định -16) và true_peak_db từ -10 đến 0 (mặc định -1).",
        )
    return audio


def _checked_playout(raw: Mapping[str, Any]) -> Mapping[str, Any]:
    """Output names, their option keys and the playout policy, checked when the file loads."""
    # the registry; its modules load only when used
    from broadcaster.onair.outputs import validate

    validate(raw)
    return MappingProxyType(dict(raw))
