"""Settings of the LLM rewrite (`rewrite:` in config.yaml), frozen and validated."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from broadcaster.errors import ConfigError

TERM_KEYS = ("offices", "places", "groups", "procedures", "documents")


@dataclass(frozen=True)
class RewriteSettings:
    """`rewrite: {engine, base_url, model, api_key_env, timeout_s, max_retries, max_words, temperature,
    verify, offices, places, groups, procedures, documents}`.

    engine: "none" (template text as is), "extractive" (offline) or "openai"
    (any OpenAI-compatible chat-completions endpoint at `base_url`).
    temperature: None leaves it to the server (some models reject the parameter).
    verify: after the fact guard accepts a rewrite, ask the same endpoint for contradictions and
    unsupported statements (JSON); it can only add rejections. Needs engine "openai".
    offices, places, groups, procedures, documents: the commune's own lower-case names the fact guard
    reads as claims, added to vi/data/rewrite_terms.yaml; each entry "name | other spelling | …".
    """

    engine: str = "none"
    base_url: str | None = None
    model: str = ""
    api_key_env: str = "OPENAI_API_KEY"
    timeout_s: float = 30.0
    max_retries: int = 2
    max_words: int = 120
    temperature: float | None = 0.0
    verify: bool = False
    offices: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    procedures: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()

    @property
    def terms(self) -> dict[str, tuple[str, ...]]:
        """The commune's additions to the fact guard's term tables (empty categories left out)."""
        return {key: getattr(self, key) for key in TERM_KEYS if getattr(self, key)}

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> RewriteSettings:
        """Build from the `rewrite:` mapping of config.yaml; raise ConfigError naming a bad key."""
        from broadcaster.production.rewrite import engine_names  # late: the registry imports this module

        data = dict(data or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise _bad(unknown[0], "khóa không được hỗ trợ", f"dùng một trong các khóa: {', '.join(sorted(known))}")
        values: dict[str, Any] = {}
        for key in ("engine", "model", "api_key_env"):
            if key in data:
                values[key] = _string(key, data[key])
        if "base_url" in data:
            raw = data["base_url"]
            values["base_url"] = None if raw in (None, "") else _string("base_url", raw)
            if values["base_url"] and not values["base_url"].startswith(("http://", "https://")):
                raise _bad("base_url", "phải bắt đầu bằng http:// hoặc https://", "ví dụ: http://127.0.0.1:8080/v1")
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
        if "verify" in data:
            if not isinstance(data["verify"], bool):
                raise _bad("verify", f"cần true hoặc false, nhận được {data['verify']!r}", "ví dụ: verify: true")
            values["verify"] = data["verify"]
        for key in TERM_KEYS:
            if key in data and data[key] is not None:
                values[key] = _names(key, data[key])
        settings = cls(**values)
        valid = engine_names()
        if settings.engine not in valid:
            raise _bad("engine", f"không có bộ viết lại tên '{settings.engine}'", f"dùng một trong: {', '.join(valid)}")
        if settings.engine == "openai" and not settings.model:
            raise _bad("model", "engine 'openai' cần tên mô hình", "ví dụ: model: gpt-4o-mini")
        if settings.verify and settings.engine != "openai":
            raise _bad(
                "verify",
                f"kiểm tra lần hai hỏi lại dịch vụ viết lại, nhưng engine đang là '{settings.engine}'",
                "đặt engine: openai (kèm base_url, model) hoặc bỏ verify",
            )
        return settings


def _bad(key: str, cause: str, fix: str) -> ConfigError:
    return ConfigError(f"Cấu hình 'rewrite.{key}' không hợp lệ.", cause, fix)


def _string(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise _bad(key, f"cần một chuỗi, nhận được {value!r}", f"sửa giá trị 'rewrite.{key}' thành chuỗi")
    return value.strip()


def _names(key: str, value: Any) -> tuple[str, ...]:
    """A list of names ("tên | cách viết khác | …"); one string is a list of one."""
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) and v.strip() for v in items):
        raise _bad(
            key,
            f"cần một danh sách tên (chuỗi), nhận được {value!r}",
            f'ví dụ: {key}: ["nhà văn hóa thôn Đông | nhà văn hóa Đông"]',
        )
    return tuple(v.strip().lower() for v in items)


def _number(key: str, value: Any, *, minimum: float, integer: bool = False) -> float:
    ok = isinstance(value, int) if integer else isinstance(value, (int, float))
    if isinstance(value, bool) or not ok or value < minimum:
        kind = "số nguyên" if integer else "số"
        raise _bad(key, f"cần một {kind} ≥ {minimum}, nhận được {value!r}", f"sửa giá trị 'rewrite.{key}'")
    return float(value)
