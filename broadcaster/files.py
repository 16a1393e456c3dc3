"""Writing files so that a reader never sees half of one (caches, playlists shared between processes)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text_atomic(path: Path, text: str) -> None:
    """Write `text` to a unique temporary file beside `path`, then rename it into place.

    The temporary name is unique, so concurrent writers of the same path (two workers rendering
    one segment) cannot interleave; the last rename wins with a whole file.
    """
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
