"""Settings of the LLM rewrite (`rewrite:` in config.yaml), frozen and validated."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Mapping

from broadcaster.errors import ConfigError


@dataclass(frozen=True)
class RewriteSettings:
    """`rewrite: {engine, base_url, model, api_key_env, timeout_s, max_retries, max_words, temperature}`.

    engine: "none" (template text as is), "extractive" (offline) or "openai"
    (any OpenAI-compatible chat-completions endpoint at `base_url`).
    temperature: None leaves it to the server (some models reject the parameter).
    """

    engine: str = "none"
    base_url: str | None = None
    model: str = ""
    api_key_env: str = "OPENAI_API_KEY"
    timeout_s: float = 30.0
    max_retries: int = 2
    max_words: int = 120
    temperature: float | None = 0.0

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> "RewriteSettings":
        """Build from the `rewrite:` mapping of config.yaml; raise ConfigError naming a bad key."""
        from broadcaster.production.rewrite import engine_names  # late: the registry imports this module

        data = dict(data or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise _bad(unknown[0], "khóa không được hỗ trợ",
                       f"dùng một trong các khóa: {', '.join(sorted(known))}")
        values: dict[str, Any] = {}
        for key in ("engine", "model", "api_key_env"):
            if key in data:
                values[key] = _string(key, data[key])
        if "base_url" in data:
            raw = data["base_url"]
            values["base_url"] = None if raw in (None, "") else _string("base_url", raw)
            if values["base_url"] and not values["base_url"].startswith(("http://", "https://")):
                raise _bad("base_url", "phải bắt đầu bằng http:// hoặc https://",
                           "ví dụ: http://127.0.0.1:8080/v1")
        if "timeout_s" in data:
            values["timeout_s"] = _number("timeout_s", data["timeout_s"], minimum=0.1)
        if "max_retries" in data:
            values["max_retries"] = int(_number("max_retries", data["max_retries"], minimum=0, integer=True))
        if "max_words" in data:
            values["max_words"] = int(_number("max_words", data["max_words"], minimum=10, integer=True))
        if "temperature" in data and data["temperature"] is not None:
            values["temperature"] = _number("temperature", data["temperature"], minimum=0.0)
        elif "temperature" in data:
            values["temperature"] = None
        settings = cls(**values)
        valid = engine_names()
        if settings.engine not in valid:
            raise _bad("engine", f"không có bộ viết lại tên '{settings.engine}'",
                       f"dùng một trong: {', '.join(valid)}")
        if settings.engine == "openai" and not settings.model:
            raise _bad("model", "engine 'openai' cần tên mô hình", "ví dụ: model: gpt-4o-mini")
        return settings


def _bad(key: str, cause: str, fix: str) -> ConfigError:
    return ConfigError(f"Cấu hình 'rewrite.{key}' không hợp lệ.", cause, fix)


def _string(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise _bad(key, f"cần một chuỗi, nhận được {value!r}", f"sửa giá trị 'rewrite.{key}' thành chuỗi")
    return value.strip()


def _number(key: str, value: Any, *, minimum: float, integer: bool = False) -> float:
    ok = isinstance(value, int) if integer else isinstance(value, (int, float))
    if isinstance(value, bool) or not ok or value < minimum:
        kind = "số nguyên" if integer else "số"
        raise _bad(key, f"cần một {kind} ≥ {minimum}, nhận được {value!r}",
                   f"sửa giá trị 'rewrite.{key}'")
    return float(value)
