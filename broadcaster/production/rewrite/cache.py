"""Cache of summarizer drafts, keyed by engine, model, prompt version, word budget and source text.

Only drafts are cached; the fact guard runs again on every use, so a stricter guard applies to
old drafts too. Failures are never cached.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from broadcaster.files import write_text_atomic
from broadcaster.production.rewrite.result import Draft

log = logging.getLogger(__name__)


def cache_key(engine: str, model: str, prompt_version: str, max_words: int, source: str) -> str:
    """sha256 over everything that changes the draft."""
    payload = json.dumps([engine, model, prompt_version, max_words, source], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class RewriteCache(Protocol):
    def get(self, key: str) -> Draft | None: ...

    def put(self, key: str, draft: Draft) -> None: ...


class MemoryRewriteCache:
    """In-process cache (tests, one-off previews)."""

    def __init__(self) -> None:
        self._items: dict[str, Draft] = {}

    def get(self, key: str) -> Draft | None:
        return self._items.get(key)

    def put(self, key: str, draft: Draft) -> None:
        self._items[key] = draft


class FileRewriteCache:
    """One JSON file per key under `folder/<first two hex digits>/<key>.json`, written atomically."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> Draft | None:
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return Draft(
                text=str(data["text"]),
                tokens_in=int(data.get("tokens_in", 0)),
                tokens_out=int(data.get("tokens_out", 0)),
            )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("Bỏ qua tệp cache hỏng %s: %s", path, exc)
            return None

    def put(self, key: str, draft: Draft) -> None:
        path = self._path(key)
        record = {
            "text": draft.text,
            "tokens_in": draft.tokens_in,
            "tokens_out": draft.tokens_out,
            "created_at": datetime.now(UTC).isoformat(),
        }
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(path, json.dumps(record, ensure_ascii=False, indent=1))
        except OSError as exc:  # a cache that cannot be written must not stop the weekly job
            log.warning("Không ghi được cache viết lại %s: %s", path, exc)
