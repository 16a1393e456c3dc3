"""Any OpenAI-compatible `/audio/speech` endpoint (OpenAI, or a local server), over plain HTTP.

OpenAI takes at most 4,096 characters of `input` per request: a longer text is split at sentence
ends and the parts joined (RemoteEngine with `max_chars`, speech.parts).
"""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request

from broadcaster.errors import EngineError
from broadcaster.speech import RemoteEngine

FIX = "kiểm tra voice.engines.openai (base_url, model, voice) và khóa API trong biến môi trường."


class OpenAiEngine(RemoteEngine):
    name = "openai"

    def __init__(
        self,
        base_url: str = "https://api.openai.com/v1",
        model: str = "gpt-4o-mini-tts",
        voice: str = "alloy",
        api_key_env: str = "OPENAI_API_KEY",
        format: str = "mp3",
        speed: float = 1.0,
        instructions: str = "",
        timeout: float = 60,
        retries: int = 2,
        backoff_s: float = 2.0,
        min_interval_s: float = 0.0,
        max_chars: int = 4096,
    ) -> None:
        if format not in ("mp3", "wav", "flac", "opus", "aac"):
            raise ValueError(f"format “{format}” không hợp lệ (mp3, wav, flac, opus, aac)")
        super().__init__(timeout, retries, backoff_s, min_interval_s)
        self.base_url, self.model, self.voice = base_url.rstrip("/"), model, voice
        self.api_key_env, self.extension, self.speed, self.instructions = (
            api_key_env,
            format,
            float(speed),
            instructions,
        )
        self.max_chars = int(max_chars)
        if self.max_chars < 10:
            raise ValueError("max_chars phải từ 10 trở lên")

    def settings_key(self) -> str:
        return f"openai|{self.base_url}|{self.model}|{self.voice}|{self.speed}|{self.instructions}|{self.extension}"

    def check(self) -> str | None:
        if self.api_key_env and not os.environ.get(self.api_key_env):
            return f"chưa đặt khóa API trong biến môi trường {self.api_key_env}"
        if not self.base_url.startswith(("http://", "https://")):
            return f"base_url “{self.base_url}” phải bắt đầu bằng http:// hoặc https://"
        return None

    def voices(self) -> list[str]:
        return [f"{self.voice} (mô hình {self.model} tại {self.base_url})"]

    def fetch(self, text: str) -> bytes:
        body = {
            "model": self.model,
            "input": text,
            "voice": self.voice,
            "response_format": self.extension,
            "speed": self.speed,
        }
        if self.instructions:
            body["instructions"] = self.instructions
        headers = {"Content-Type": "application/json"}
        key = os.environ.get(self.api_key_env, "") if self.api_key_env else ""
        if key:
            headers["Authorization"] = f"Bearer {key}"
        request = urllib.request.Request(f"{self.base_url}/audio/speech", json.dumps(body).encode(), headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                audio = response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:300].decode("utf-8", "replace")
            # Bad key, wrong model or URL will not get better on the next segment; 429 and 5xx may.
            fatal = exc.code in (400, 401, 403, 404)
            raise EngineError(
                f"Máy chủ giọng đọc {self.base_url} trả lỗi {exc.code}.", detail, FIX, fatal=fatal
            ) from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise EngineError(
                f"Không kết nối được máy chủ giọng đọc {self.base_url}.",
                str(reason),
                FIX,
                fatal=not isinstance(reason, TimeoutError),
            ) from exc
        if len(audio) < 100:
            raise EngineError(f"Máy chủ giọng đọc {self.base_url} trả về âm thanh rỗng.", None, FIX)
        return audio
