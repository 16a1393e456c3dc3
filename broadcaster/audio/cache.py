"""Content-addressed audio cache: <cache>/<kind>/<ab>/<sha256>.<ext> plus a small .json record.

Keys hash everything that changes the sound (engine, voice, settings, spoken text, mastering),
so any worker computing the same key may write the same file: writes go to a temporary file
that is renamed into place, which makes concurrent renders of one segment harmless. A hit
refreshes the file's time, which `prune` uses to drop entries nobody used for a while.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from broadcaster.files import write_text_atomic

KINDS = ("tts", "mp3")  # raw engine output; mastered MP3 pieces


def digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


@dataclasses.dataclass(frozen=True)
class CacheStats:
    files: Counter  # kind -> entries
    bytes: Counter  # kind -> bytes
    engines: Counter  # engine -> mastered pieces
    seconds: float  # audio held as mastered pieces


class SegmentCache:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, kind: str, key: str, ext: str) -> Path:
        return self.root / kind / key[:2] / f"{key}.{ext}"

    def get(self, kind: str, key: str, ext: str) -> tuple[Path, dict[str, Any]] | None:
        """The cached file and its record, or None. Refreshes its time for `prune`."""
        path = self.path(kind, key, ext)
        record = path.with_suffix(".json")
        try:
            meta = json.loads(record.read_text(encoding="utf-8"))
            now = time.time()
            os.utime(path, (now, now))
            os.utime(record, (now, now))
        except (OSError, ValueError):
            return None
        return path, meta

    def put(self, kind: str, key: str, ext: str, make: Callable[[Path], dict[str, Any]]) -> tuple[Path, dict]:
        """Run make(tmp_path) -> record; move the file and then its record into place."""
        tmp = self.reserve(kind, key, ext)
        try:
            return self.commit(kind, key, ext, tmp, make(tmp))
        finally:
            tmp.unlink(missing_ok=True)

    def reserve(self, kind: str, key: str, ext: str) -> Path:
        """A new temporary file beside the entry, to be filled and then committed (or deleted)."""
        folder = self.path(kind, key, ext).parent
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(suffix=f".tmp.{ext}", dir=folder)
        os.close(fd)
        return Path(tmp)

    def commit(self, kind: str, key: str, ext: str, tmp: Path, meta: dict[str, Any]) -> tuple[Path, dict]:
        path = self.path(kind, key, ext)
        os.replace(tmp, path)
        write_text_atomic(path.with_suffix(".json"), json.dumps(meta, ensure_ascii=False))
        return path, meta

    def stats(self) -> CacheStats:
        files: Counter[str] = Counter()
        sizes: Counter[str] = Counter()
        engines: Counter[str] = Counter()
        seconds = 0.0
        for kind in KINDS:
            for path in self._files(kind):
                files[kind] += path.suffix != ".json"
                sizes[kind] += path.stat().st_size
                if kind == "mp3" and path.suffix == ".json":
                    meta = _read_json(path)
                    engines[meta.get("engine", "?")] += 1
                    seconds += float(meta.get("duration_s", 0.0))
        return CacheStats(files, sizes, engines, seconds)

    def prune(self, older_than_days: float) -> tuple[int, int]:
        """Delete entries not used for `older_than_days` (0: everything) and stray temporary files."""
        now = time.time()
        cutoff = now - older_than_days * 86400
        removed = freed = 0
        for kind in KINDS:
            for path in self._files(kind):
                mtime = path.stat().st_mtime
                temporary = ".tmp" in path.name or path.name.endswith(".part")
                if mtime <= cutoff or (temporary and mtime < now - 3600):
                    freed += path.stat().st_size
                    removed += path.suffix != ".json"
                    path.unlink(missing_ok=True)
        return removed, freed

    def _files(self, kind: str) -> list[Path]:
        folder = self.root / kind
        return [p for p in folder.glob("*/*") if p.is_file()] if folder.is_dir() else []


def _read_json(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
