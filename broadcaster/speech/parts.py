"""Texts longer than a service accepts: split at sentence ends, and the audio parts joined.

Every remote voice has a length limit per request (FPT.AI 5,000 characters, Zalo AI about 2,000,
OpenAI 4,096). A segment is cut at the last sentence end (". ! ? …" or a line break) that fits,
else at the last comma or semicolon, else at the last space; never inside a word. The parts'
audio (same engine, same settings: same codec and rate) is joined by ffmpeg without re-encoding.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path

from broadcaster.errors import EngineError

_BREAKS = (re.compile(r"[.!?…]+[\"'”’)\]]*\s+|\n+"), re.compile(r"[,;:]\s+"), re.compile(r"\s+"))


def split_sentences(text: str, limit: int) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut where a reader pauses."""
    if limit < 1:
        raise ValueError("limit must be positive")
    text = text.strip()
    pieces = []
    while len(text) > limit:
        cut = 0
        for breaks in _BREAKS:
            ends = [m.end() for m in breaks.finditer(text, 0, limit + 1) if m.end() <= limit + 1]
            if ends:
                cut = ends[-1]
                break
        if cut == 0:  # one word longer than the limit: cut it (nothing else can be done)
            cut = limit
        pieces.append(text[:cut].strip())
        text = text[cut:].strip()
    if text:
        pieces.append(text)
    return [p for p in pieces if p]


def join_parts(parts: Sequence[bytes], out: Path, extension: str) -> None:
    """Write the audio ``parts`` (in order) to ``out`` as one file; atomic (a .part file renamed)."""
    if not parts:
        raise EngineError("Máy chủ giọng đọc không trả về âm thanh.", "văn bản rỗng.", None)
    partial = out.with_name(out.name + ".part")
    try:
        if len(parts) == 1:
            partial.write_bytes(parts[0])
        else:
            _concat(parts, partial, extension)
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)


def _concat(parts: Sequence[bytes], out: Path, extension: str) -> None:
    from broadcaster.audio.ffmpeg import run
    from broadcaster.errors import AudioError

    with tempfile.TemporaryDirectory(prefix="tts-parts-") as folder:
        names = []
        for i, audio in enumerate(parts):
            name = Path(folder) / f"{i:04d}.{extension}"
            name.write_bytes(audio)
            names.append(name)
        listing = Path(folder) / "parts.txt"
        listing.write_text("".join(f"file '{n}'\n" for n in names), encoding="utf-8")
        try:
            run(
                [
                    "-f",
                    "concat",
                    "-safe",
                    "0",
                    "-i",
                    listing,
                    "-c",
                    "copy",
                    "-f",
                    _FORMATS.get(extension, extension),
                    out,
                ],
                "ghép các đoạn âm thanh của giọng đọc",
            )
        except AudioError as exc:
            raise EngineError(
                "Không ghép được các đoạn âm thanh máy chủ giọng đọc trả về.",
                exc.cause,
                "kiểm tra ffmpeg (apt-get install ffmpeg).",
            ) from exc


_FORMATS = {"mp3": "mp3", "wav": "wav", "flac": "flac", "opus": "ogg", "aac": "adts"}
