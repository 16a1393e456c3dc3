"""gTTS: Google Translate's Vietnamese voice (needs the internet).

gTTS has no timeout by default, leaves a 0-byte file behind on failure and may answer 429:
we pass a timeout, retry with back-off, throttle requests, and rename a temporary file only
when it holds audio.
"""

from __future__ import annotations

import os
import socket
import urllib.parse
from pathlib import Path

from broadcaster.errors import EngineError
from broadcaster.speech import RemoteEngine

FIX = "kiểm tra kết nối Internet, hoặc đặt espeak sau gtts trong voice.chain để đọc khi mất mạng."


class GttsEngine(RemoteEngine):
    name = "gtts"
    extension = "mp3"

    def __init__(
        self,
        lang: str = "vi",
        tld: str = "com.vn",
        slow: bool = False,
        timeout: float = 10,
        retries: int = 2,
        backoff_s: float = 2.0,
        min_interval_s: float = 0.5,
    ) -> None:
        super().__init__(timeout, retries, backoff_s, min_interval_s)
        self.lang, self.tld, self.slow = lang, tld, bool(slow)

    def settings_key(self) -> str:
        return f"gtts|{self.lang}|{self.tld}|{self.slow}"

    def check(self) -> str | None:
        try:
            from gtts import tts
        except ImportError:
            return "chưa cài gói gTTS (pip install gTTS)"
        url = urllib.parse.urlsplit(tts._translate_url(tld=self.tld))  # the host gTTS itself will call
        try:
            socket.create_connection((url.hostname, url.port or 443), timeout=min(self.timeout, 5)).close()
        except OSError as exc:
            return f"không kết nối được {url.netloc} ({exc})"
        return None

    def voices(self) -> list[str]:
        return [f"{self.lang} (giọng Google, máy chủ translate.google.{self.tld})"]

    def request(self, text: str, out: Path) -> None:
        from gtts import gTTS, gTTSError

        part = out.with_name(out.name + ".part")
        try:
            with open(part, "wb") as handle:
                gTTS(text, lang=self.lang, tld=self.tld, slow=self.slow, timeout=self.timeout).write_to_fp(handle)
            if part.stat().st_size == 0:
                raise EngineError("gTTS trả về tệp âm thanh rỗng.", "máy chủ Google từ chối yêu cầu.", FIX)
            os.replace(part, out)
        except gTTSError as exc:
            response = getattr(exc, "rsp", None)
            if response is None:  # no answer at all: no network, DNS or TLS failure
                raise EngineError("gTTS không kết nối được máy chủ Google.", str(exc), FIX, fatal=True) from exc
            raise EngineError(f"gTTS lỗi (mã {response.status_code}).", str(exc), FIX) from exc
        except (AssertionError, ValueError) as exc:  # gTTS: "No text to speak", unsupported language
            raise EngineError("gTTS không đọc được đoạn văn bản.", str(exc), FIX) from exc
        finally:
            part.unlink(missing_ok=True)
