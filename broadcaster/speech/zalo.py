"""Zalo AI text to speech: northern and southern Vietnamese voices, the audio at a link.

Documentation followed: Zalo AI "Text to audio converter", https://zalo.ai/docs/api/text-to-audio-converter
(read through the integrations that cite it, e.g. github.com/minhdanh/ha-zalo-tts; the page itself was
not available here): `POST https://api.zalo.ai/v1/tts/synthesize` with the header `apikey` and the
form fields `input` (the text), `speaker_id` (1 nữ miền Nam, 2 nữ miền Bắc, 3 nam miền Nam, 4 nam
miền Bắc; no central voice), `speed` (0.8 to 1.2, larger is faster) and `encode_type` (0 wav, 1 mp3).
The answer is JSON `{"error_code": 0, "error_message": …, "data": {"url": <link>}}`; the audio is
fetched from the link, polled until it is there. About 2,000 characters per request (integrations cut
at 1,980; `max_chars` defaults to that).

A non-zero `error_code` is a failure with its `error_message`; 401/403 or a message about the key or
the quota stops the engine for the run, anything else fails one segment (speech.http).
"""

from __future__ import annotations

import urllib.parse

from broadcaster.errors import EngineError
from broadcaster.speech.http import failure, poll, send
from broadcaster.speech.provider import VoiceService

ENCODE_TYPE = {"wav": 0, "mp3": 1}


class ZaloEngine(VoiceService):
    name = "zalo"
    service = "Zalo AI"
    default_url = "https://api.zalo.ai/v1/tts/synthesize"

    def __init__(
        self,
        api_key_env: str = "ZALO_AI_API_KEY",
        region: str = "bac",
        gender: str = "nu",
        voice: str = "",
        speed: float = 1.0,
        format: str = "mp3",
        base_url: str = "",
        max_chars: int = 1980,
        poll_timeout_s: float = 60,
        poll_interval_s: float = 1,
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
            max_chars=max_chars,
            timeout=timeout,
            retries=retries,
            backoff_s=backoff_s,
            min_interval_s=min_interval_s,
        )
        if not 0.8 <= float(speed) <= 1.2:
            raise ValueError("speed của Zalo AI từ 0.8 đến 1.2 (1.0: bình thường)")
        if format not in ENCODE_TYPE:
            raise ValueError(f"format “{format}” không hợp lệ (mp3, wav)")
        self.speed, self.extension = float(speed), format
        self.poll_timeout_s, self.poll_interval_s = float(poll_timeout_s), float(poll_interval_s)

    def settings_key(self) -> str:
        return f"zalo|{self.voice.id}|{self.speed}|{self.extension}"

    def fetch(self, text: str) -> bytes:
        form = {
            "input": text,
            "speaker_id": self.voice.id,
            "speed": f"{self.speed:g}",
            "encode_type": str(ENCODE_TYPE[self.extension]),
        }
        reply = send(
            "POST",
            self.base_url,
            body=urllib.parse.urlencode(form).encode("ascii"),
            headers={"apikey": self.key(), "Content-Type": "application/x-www-form-urlencoded"},
            timeout=self.timeout,
            service=self.service,
            fix=self.fix,
        )
        answer = reply.json()
        if not isinstance(answer, dict):
            if reply.status != 200:
                raise failure(self.service, reply.status, reply.text(), self.fix)
            raise EngineError("Zalo AI trả lời không đúng định dạng (không phải JSON).", reply.text(), self.fix)
        code, message = answer.get("error_code"), str(answer.get("error_message") or "")
        url = (answer.get("data") or {}).get("url") if isinstance(answer.get("data"), dict) else None
        if reply.status != 200 or str(code) != "0" or not url:
            raise failure(self.service, reply.status, f"error_code {code}: {message}", self.fix)
        return poll(
            str(url),
            wait_s=self.poll_timeout_s,
            interval_s=self.poll_interval_s,
            timeout=self.timeout,
            service=self.service,
            fix=self.fix,
        )
