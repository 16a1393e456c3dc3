"""The script files the officer reads: scripts/<week>/<slot>.txt with what the voice cannot read marked."""

from __future__ import annotations

import os
import uuid
from collections.abc import Sequence
from pathlib import Path

from broadcaster.config import Settings
from broadcaster.production.programs import SlotScript
from broadcaster.production.script.document import script_document
from broadcaster.values import Week
from broadcaster.vi.normalize import Normalized, normalize

DRAFT = "draft"


def script_path(settings: Settings, week: Week, script: SlotScript) -> Path:
    return settings.paths.scripts / week.label / f"{script.slot.name}.txt"


def speech_marks(script: SlotScript, normalized: Sequence[Normalized]) -> dict[int, list[str]]:
    """What the normalizer could not read, per segment, so the officer sees it before airing."""
    marks: dict[int, list[str]] = {}
    for index, (segment, result) in enumerate(zip(script.segments, normalized, strict=True)):
        for w in result.warnings:
            context = segment.text[max(0, w.position - 20) : w.position + len(w.fragment) + 20].replace("\n", " ")
            marks.setdefault(index, []).append(
                f"Giọng đọc: {w.message} “{w.fragment}” (vị trí {w.position}): …{context}…"
            )
    return marks


def normalized_segments(settings: Settings, script: SlotScript) -> list[Normalized]:
    """The spoken form of every segment, in order."""
    return [normalize(seg.text, settings.lexicon) for seg in script.segments]


def document(
    settings: Settings,
    week: Week,
    script: SlotScript,
    status: str = DRAFT,
    normalized: Sequence[Normalized] | None = None,
) -> str:
    """The script text with its marks; `normalized` (one per segment) when the caller has it already."""
    if normalized is None:
        normalized = normalized_segments(settings, script)
    return script_document(settings.station.name, week.label, script, status, speech_marks(script, normalized))


def write_script(
    settings: Settings, week: Week, script: SlotScript, status: str, normalized: Sequence[Normalized] | None = None
) -> Path:
    path = script_path(settings, week, script)
    path.parent.mkdir(parents=True, exist_ok=True)
    # A temporary name of its own, then a rename: two builds never interleave and a reader never sees half a
    # file; opened normally, so the file gets the usual permissions (mkstemp would make it private).
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        tmp.write_text(document(settings, week, script, status, normalized) + "\n", encoding="utf-8")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path
