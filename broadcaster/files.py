"""Writing files so that a reader never sees half of one (caches, playlists shared between processes)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text_atomic(path: Path, text: str, durable: bool = False) -> None:
    """Write `text` to a unique temporary file beside `path`, then rename it into place.

    The temporary name is unique, so concurrent writers of the same path (two workers rendering
    one segment) cannot interleave; the last rename wins with a whole file. `durable` fsyncs the
    file and its folder, so the file survives a power cut once this returns.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
        if durable:
            sync_folder(path.parent)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def copy_durable(source: Path, target: Path) -> None:
    """Copy through a `.part` file in the target's folder (same file system), fsync, rename.

    On any error the `.part` file is removed, so a reader of the folder sees the whole file or none.
    """
    part = target.with_name(target.name + ".part")
    try:
        with source.open("rb") as src, part.open("wb") as dst:
            while chunk := src.read(1 << 20):
                dst.write(chunk)
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(part, target)
        sync_folder(target.parent)
    except BaseException:
        part.unlink(missing_ok=True)
        raise


def sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
