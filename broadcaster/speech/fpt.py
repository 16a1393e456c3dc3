"""FPT.AI text to speech, API v5: Vietnamese voices of the three regions.

Documentation followed: "FPT.AI Speech - Text to Speech", https://docs.fpt.ai/docs/en/speech/api/text-to-speech
(API version 5). `POST https://api.fpt.ai/hmi/tts/v5`; headers `api_key` (the key from console.fpt.ai),
`voice` (banmai, thuminh: nữ Bắc; leminh: nam Bắc; myan: nữ Trung; giahuy: nam Trung; lannhi,
linhsan: nữ Nam), `speed` (-3 slowest … 0 normal … +3 fastest), `format` (mp3 | wav); the body is
the text, 3 to 5,000 characters. The answer is JSON `{"async": <link>, "error": 0, "message": …,
"request_id": …}`; "since the system needs time to process a document, this file may not exist
right at the time of response. Waiting time will be from 5 seconds to 2 minutes": the link is polled
until it holds the audio. A non-zero `error` is a failure with its `message`.

The key is sent as `api_key` (the documentation's table) and as `api-key` (FPT's code samples), so
either spelling reaches the gateway. The page does not list error codes: 401/403 or a message about
the key or the quota stops the engine for the run, anything else fails one segment (speech.http).
"""

from __future__ import annotations

from broadcaster.errors import EngineError
from broadcaster.speech.http import failure, poll, send
from broadcaster.speech.provider import VoiceService


class FptEngine(VoiceService):
    name = "fpt"
    service = "FPT.AI"
    default_url = "https://api.fpt.ai/hmi/tts/v5"

    def __init__(
        self,
        api_key_env: str = "FPT_API_KEY",
        region: str = "bac",
        gender: str = "nu",
        voice: str = "",
        speed: int = 0,
        format: str = "mp3",
        base_url: str = "",
        max_chars: int = 5000,
        poll_timeout_s: float = 120,
        poll_interval_s: float = 2,
        timeout: float = 30,
        retries: int = 2,
        backoff_s: float = 2.0,
        min_interval_s: float = 0.5,
    ) -> None:
        super().__init__(
            api_key_env=api_key_env,
            region=region,
            gender=gender,
            voice=voice,
            base_url=base_url,
            max_chars=min(int(max_chars), 5000),
            timeout=timeout,
            retries=retries,
            backoff_s=backoff_s,
            min_interval_s=min_interval_s,
        )
        if int(speed) != speed or not -3 <= int(speed) <= 3:
            raise ValueError("speed của FPT.AI là số nguyên từ -3 (chậm nhất) đến 3 (nhanh nhất)")
        if format not in ("mp3", "wav"):
            raise ValueError(f"format “{format}” không hợp lệ (mp3, wav)")
        self.speed, self.extension = int(speed), format
        self.poll_timeout_s, self.poll_interval_s = float(poll_timeout_s), float(poll_interval_s)

    def settings_key(self) -> str:
        return f"fpt|{self.voice.id}|{self.speed}|{self.extension}"

    def fetch(self, text: str) -> bytes:
        key = self.key()
        headers = {
            "api_key": key,
            "api-key": key,
            "voice": self.voice.id,
            "speed": str(self.speed),
            "format": self.extension,
            "Content-Type": "text/plain; charset=utf-8",
        }
        body = text if len(text) >= 3 else text.ljust(3, ".")  # the service wants 3 characters
        reply = send(
            "POST",
            self.base_url,
            body=body.encode("utf-8"),
            headers=headers,
            timeout=self.timeout,
            service=self.service,
            fix=self.fix,
        )
        answer = reply.json()
        if reply.status != 200:
            message = answer.get("message", "") if isinstance(answer, dict) else reply.text()
            raise failure(self.service, reply.status, str(message), self.fix)
        if not isinstance(answer, dict):
            raise EngineError("FPT.AI trả lời không đúng định dạng (không phải JSON).", reply.text(), self.fix)
        if str(answer.get("error", "")) != "0" or not answer.get("async"):
            raise failure(
                self.service, reply.status, f"lỗi {answer.get('error')}: {answer.get('message', '')}", self.fix
            )
        return poll(
            str(answer["async"]),
            wait_s=self.poll_timeout_s,
            interval_s=self.poll_interval_s,
            timeout=self.timeout,
            service=self.service,
            fix=self.fix,
        )
