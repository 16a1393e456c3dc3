"""Viettel AI text to speech: Vietnamese voices of the three regions, the audio in the answer.

Documentation followed: Viettel's "API TTS - Text To Speech", https://viettelgroup.ai/document/tts:
a JSON body `{"text", "voice", "speed", "tts_return_option", "without_filter"}`; `speed` from 0.7 to
1.3 (x0.7 to x1.3), `tts_return_option` 2 = wav, 3 = mp3; voices hn-quynhanh (nữ Bắc), hue-maingoc
(nữ Trung), hue-baoquoc (nam Trung), hcm-minhquan (nam Nam); a success answers HTTP 200 with the
audio itself. The endpoint used is the current one, `POST https://viettelai.vn/tts/speech_synthesis`,
which takes the key as `"token"` in the same JSON body (the shape given in our issue and used by
public client code; hn-thanhtung (nam Bắc) and hcm-diemmy (nữ Nam) come from that code too: the
viettelai.vn page itself was not available to read). The length limit per request is not on the
page: `max_chars` defaults to 2,000, below what the service is known to take.

An answer that is not audio is read as JSON for its message; 401/403 or a message about the token or
the quota stops the engine for the run, anything else fails one segment (speech.http).
"""

from __future__ import annotations

import json

from broadcaster.errors import EngineError
from broadcaster.speech.http import failure, send
from broadcaster.speech.provider import VoiceService

RETURN_OPTION = {"wav": 2, "mp3": 3}


class ViettelEngine(VoiceService):
    name = "viettel"
    service = "Viettel AI"
    default_url = "https://viettelai.vn/tts/speech_synthesis"

    def __init__(
        self,
        api_key_env: str = "VIETTEL_AI_TOKEN",
        region: str = "bac",
        gender: str = "nu",
        voice: str = "",
        speed: float = 1.0,
        format: str = "mp3",
        without_filter: bool = False,
        base_url: str = "",
        max_chars: int = 2000,
        timeout: float = 60,
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
        if not 0.7 <= float(speed) <= 1.3:
            raise ValueError("speed của Viettel AI từ 0.7 đến 1.3 (1.0: bình thường)")
        if format not in RETURN_OPTION:
            raise ValueError(f"format “{format}” không hợp lệ (mp3, wav)")
        self.speed, self.extension, self.without_filter = float(speed), format, bool(without_filter)

    def settings_key(self) -> str:
        return f"viettel|{self.voice.id}|{self.speed}|{self.extension}|{self.without_filter}"

    def fetch(self, text: str) -> bytes:
        body = {
            "text": text,
            "voice": self.voice.id,
            "speed": self.speed,
            "tts_return_option": RETURN_OPTION[self.extension],
            "token": self.key(),
            "without_filter": self.without_filter,
        }
        reply = send(
            "POST",
            self.base_url,
            body=json.dumps(body, ensure_ascii=False).encode("utf-8"),
            headers={"Content-Type": "application/json", "accept": "*/*"},
            timeout=self.timeout,
            service=self.service,
            fix=self.fix,
        )
        answer = reply.json()
        if reply.status == 200 and answer is None and len(reply.body) >= 100:
            return reply.body
        if isinstance(answer, dict):
            code = answer.get("code", answer.get("status", reply.status))
            message = next(
                (
                    str(answer[k])
                    for k in ("vi_message", "message", "en_message", "msg", "detail", "error")
                    if answer.get(k)
                ),
                reply.text(),
            )
            status = code if isinstance(code, int) and 100 <= code < 600 else reply.status
            raise failure(self.service, status, message, self.fix)
        if reply.status != 200:
            raise failure(self.service, reply.status, reply.text(), self.fix)
        raise EngineError("Viettel AI trả về âm thanh rỗng.", f"{len(reply.body)} byte.", self.fix)
