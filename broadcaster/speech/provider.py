"""What the Vietnamese voice services (FPT.AI, Viettel AI, Zalo AI) share: a key read from the
environment variable named in config.yaml, a voice chosen by region and gender from the voice
table, a length limit per request, and the check that can be made without spending quota."""

from __future__ import annotations

import os

from broadcaster.speech import RemoteEngine
from broadcaster.speech import voices as voice_table


class VoiceService(RemoteEngine):
    """Base of the provider engines; subclasses set name, service, default_url, fix and fetch()."""

    name = ""
    service = ""  # the provider's name in messages
    default_url = ""
    extension = "mp3"

    def __init__(
        self,
        *,
        api_key_env: str,
        region: str,
        gender: str,
        voice: str,
        base_url: str,
        max_chars: int,
        timeout: float,
        retries: int,
        backoff_s: float,
        min_interval_s: float,
    ) -> None:
        super().__init__(timeout, retries, backoff_s, min_interval_s)
        self.voice = voice_table.choose(self.name, region, gender, voice)
        self.api_key_env, self.base_url = api_key_env, (base_url or self.default_url).rstrip("/")
        self.max_chars = int(max_chars)
        if self.max_chars < 10:
            raise ValueError("max_chars phải từ 10 trở lên")

    @property
    def fix(self) -> str:
        return (
            f"kiểm tra khóa API trong biến môi trường {self.api_key_env} và mục voice.engines.{self.name} "
            f"trong config.yaml; hoặc đặt espeak sau {self.name} trong voice.chain."
        )

    def key(self) -> str:
        return os.environ.get(self.api_key_env, "").strip()

    def check(self) -> str | None:
        if not self.key():
            return f"chưa đặt khóa API {self.service} trong biến môi trường {self.api_key_env}"
        if not self.base_url.startswith(("http://", "https://")):
            return f"base_url “{self.base_url}” phải bắt đầu bằng http:// hoặc https://"
        return None

    def voices(self) -> list[str]:
        return [v.describe() + ("  (đang chọn)" if v == self.voice else "") for v in voice_table.of(self.name)]
