"""`folder` output: copy the MP3 and an M3U playlist into a drop folder (smart-radio platforms, USB players)."""

from __future__ import annotations

import dataclasses
import os
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from broadcaster.config import Settings
from broadcaster.errors import PlayoutError
from broadcaster.files import write_text_atomic
from broadcaster.onair.outputs import PlayItem, check_keys, option

PLAYLIST = "playlist.m3u"


@dataclasses.dataclass(frozen=True)
class FolderOutput:
    path: Path
    name: str = "folder"

    def play(self, item: PlayItem) -> str:
        if not item.path.is_file():
            raise PlayoutError(f"Không thấy tệp âm thanh {item.path}.", "tệp đã bị xóa hoặc chưa dựng.",
                               "chạy lại: broadcaster weekly --week <tuần>.")
        target = self.path / f"{item.name}.mp3"
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            part = target.with_suffix(".mp3.part")
            shutil.copyfile(item.path, part)
            os.replace(part, target)
            write_text_atomic(self.path / f"{item.name}.m3u", _m3u([(target.name, item.duration_s, item.title)]))
            entries = [(p.name, None, p.stem) for p in sorted(self.path.glob("*.mp3"))]
            write_text_atomic(self.path / PLAYLIST, _m3u(entries))
        except OSError as exc:
            raise PlayoutError(f"Không chép được chương trình vào thư mục {self.path}.", str(exc),
                               "kiểm tra thư mục tồn tại, còn chỗ trống và có quyền ghi.") from exc
        return f"đã chép {target}"


def _m3u(entries: list[tuple[str, float | None, str]]) -> str:
    lines = ["#EXTM3U"]
    for name, seconds, title in entries:
        lines += [f"#EXTINF:{round(seconds) if seconds else -1},{title}", name]
    return "\n".join(lines) + "\n"


def create(options: Mapping[str, Any], settings: Settings) -> FolderOutput:
    check_keys(options, ["path"], "folder")
    raw = Path(option(options, "path", "playout", str, "folder")).expanduser()
    return FolderOutput(raw if raw.is_absolute() else settings.paths.data / raw)
