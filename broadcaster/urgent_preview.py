"""Before an emergency airs (for the web app): listen to it, and see what it will interrupt.

The preview is the same script (emergency.script), normalized and rendered the same way as
emergency.urgent does it, into <audio>/preview/<token>.mp3; airing it is still emergency.urgent.
"""

from __future__ import annotations

import dataclasses
import re
import secrets
import time
from pathlib import Path

from sqlalchemy import select

from broadcaster import audio
from broadcaster.config import Settings
from broadcaster.errors import BroadcasterError
from broadcaster.onair import emergency
from broadcaster.onair import outputs as playout
from broadcaster.store import db
from broadcaster.store.models import Broadcast
from broadcaster.store.states import Result
from broadcaster.vi.normalize import normalize

TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
KEEP_S = 24 * 3600


@dataclasses.dataclass(frozen=True)
class Preview:
    token: str
    text: str
    repeat: int
    duration_s: float


def check(text: str, repeat: int) -> str:
    """The message as it will air; the same limits as emergency.urgent."""
    text = " ".join(text.split())
    if not text:
        raise BroadcasterError("Tin khẩn cấp không có nội dung.", None, "ghi nội dung tin.")
    if not 1 <= repeat <= emergency.MAX_REPEAT:
        raise BroadcasterError(
            f"Số lần nhắc lại {repeat} không hợp lệ.", None, f"chọn từ 1 đến {emergency.MAX_REPEAT}."
        )
    return text


def folder(settings: Settings) -> Path:
    return settings.paths.audio / "preview"


def render(settings: Settings, text: str, repeat: int) -> Preview:
    text = check(text, repeat)
    _prune(settings)
    token = secrets.token_urlsafe(18)
    spoken = [normalize(t, settings.lexicon).text for _, t in emergency.script(settings, text, repeat)]
    result = audio.render_program(
        spoken, folder(settings) / f"{token}.mp3", settings, title=f"{settings.station.name} — Nghe thử tin khẩn cấp"
    )
    return Preview(token, text, repeat, round(result.duration_s, 1))


def preview_file(settings: Settings, token: str) -> Path | None:
    if not TOKEN_RE.match(token):
        return None
    path = folder(settings) / f"{token}.mp3"
    return path if path.is_file() else None


def _prune(settings: Settings) -> None:
    cutoff = time.time() - KEEP_S
    for old in folder(settings).glob("*.mp3"):
        if old.stat().st_mtime < cutoff:
            old.unlink(missing_ok=True)


def describe_outputs(settings: Settings) -> list[str]:
    """Where the emergency will air (and cut whatever plays there), in words."""
    described = []
    for name in playout.output_names(settings.playout):
        options = settings.playout.get(name) or {}
        if name == "folder":
            path = Path(str(options.get("path", "playout"))).expanduser()
            described.append(f"thư mục phát {path if path.is_absolute() else settings.paths.data / path}")
        elif name == "command":
            described.append(f"trình phát trên máy ({options.get('run', 'chưa cấu hình')})")
        elif name == "icecast":
            described.append(
                f"luồng Icecast {options.get('host', '127.0.0.1')}:{options.get('port', 8000)}"
                f"{options.get('mount', '')} (loa IP)"
            )
        else:
            described.append(name)
    return described


def on_air(settings: Settings) -> list[Broadcast]:
    """Broadcasts playing now (the emergency stops them)."""
    with db.session_scope(settings.database_url) as session:
        return list(session.scalars(select(Broadcast).where(Broadcast.result == Result.AIRING.value)))


def daemon_running(settings: Settings) -> bool:
    return emergency.daemon_alive(settings)
