"""`folder` output: copy the MP3 and an M3U playlist into a drop folder (smart-radio platforms, USB players).

The copy goes through a `.part` file in the drop folder itself, is fsynced and renamed; it counts
as aired only when the final file has the source's size and the playlists name it. On failure
(a full disk) no `.part` file is left behind.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from broadcaster.files import copy_durable, write_text_atomic
from broadcaster.onair.outputs import Control, PlayItem, check_keys, failure, option
from broadcaster.onair.outputs.command import translate

if TYPE_CHECKING:
    from broadcaster.config import Settings

PLAYLIST = "playlist.m3u"
KEYS = ["path"]


@dataclasses.dataclass(frozen=True)
class FolderOutput:
    path: Path
    name: str = "folder"

    def play(self, item: PlayItem, control: Control) -> tuple[str, float]:
        if not item.path.is_file():
            raise failure(
                f"Không thấy tệp âm thanh {item.path}.",
                "tệp đã bị xóa hoặc chưa dựng.",
                "chạy lại: broadcaster weekly --week <tuần>.",
                retryable=False,
            )
        target = self.path / f"{item.name}.mp3"
        own = self.path / f"{item.name}.m3u"
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            copy_durable(item.path, target)
            write_text_atomic(own, _m3u([(target.name, item.duration_s, item.title)]), durable=True)
            entries = [(p.name, None, p.stem) for p in sorted(self.path.glob("*.mp3"))]
            write_text_atomic(self.path / PLAYLIST, _m3u(entries), durable=True)
        except OSError as exc:
            raise failure(
                f"Không chép được chương trình vào thư mục {self.path}.",
                translate(str(exc)),
                "kiểm tra thư mục tồn tại, còn chỗ trống và có quyền ghi.",
            ) from exc
        if not _complete(target, item.path, own, self.path / PLAYLIST):
            raise failure(
                f"Tệp chương trình trong {self.path} không đầy đủ sau khi chép.",
                None,
                "kiểm tra ổ đĩa của thư mục phát.",
            )
        return f"đã chép {target}", item.duration_s


def _complete(target: Path, source: Path, own: Path, playlist: Path) -> bool:
    try:
        return (
            target.stat().st_size == source.stat().st_size
            and target.name in own.read_text(encoding="utf-8")
            and target.name in playlist.read_text(encoding="utf-8")
        )
    except OSError:
        return False


def _m3u(entries: Sequence[tuple[str, float | None, str]]) -> str:
    lines = ["#EXTM3U"]
    for name, seconds, title in entries:
        lines += [f"#EXTINF:{round(seconds) if seconds else -1},{title}", name]
    return "\n".join(lines) + "\n"


def create(options: Mapping[str, Any], settings: Settings) -> FolderOutput:
    check_keys(options, KEYS, "folder")
    raw = Path(option(options, "path", "playout", str, "folder")).expanduser()
    return FolderOutput(raw if raw.is_absolute() else settings.paths.data / raw)
