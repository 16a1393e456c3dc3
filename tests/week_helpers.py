"""Helpers for the week tests: a pinned station clock, a fake voice whose pace is known, items to import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from broadcaster import audio, timeutil
from broadcaster.audio import RenderResult, SegmentAudio
from broadcaster.errors import AudioError
from broadcaster.timeutil import TZ

SUNDAY_BEFORE = dt.datetime(2026, 11, 29, 18, 0, tzinfo=TZ)  # the weekly job's time before 2026-W49
TUESDAY_AFTERNOON = dt.datetime(2026, 12, 1, 14, 56, tzinfo=TZ)  # inside 2026-W49, after Tuesday's 06:00
CHIME_S = 2.2


@pytest.fixture
def clock(monkeypatch):
    """clock(moment): the station clock (broadcaster.timeutil.now) reads `moment` from now on."""

    def set_clock(moment: dt.datetime) -> None:
        monkeypatch.setattr(timeutil, "now", lambda: moment)

    return set_clock


class FakeVoice:
    """audio.render_program replaced: every spoken word lasts `seconds_per_word`; the program adds
    what the real one adds (lead, pauses, two chimes, tail) and refuses to exceed `max_seconds`."""

    def __init__(self, seconds_per_word: float = 0.4) -> None:
        self.seconds_per_word = seconds_per_word
        self.calls: list[list[str]] = []

    def __call__(self, texts, out_mp3: Path, settings, *, max_seconds=None, **options) -> RenderResult:
        self.calls.append(list(texts))
        positions = tuple(i for i, text in enumerate(texts) if text.strip())
        pieces = tuple(
            SegmentAudio(
                Path(f"/pieces/{i}.mp3"),
                "espeak",
                round(len(texts[i].split()) * self.seconds_per_word, 2),
                False,
                -16.0,
                -1.0,
            )
            for i in positions
        )
        a = settings.audio
        body = len(pieces) + 2
        duration = (
            (a.lead_ms + a.pause_ms * (body - 1) + a.tail_ms) / 1000
            + 2 * CHIME_S
            + sum(p.duration_s for p in pieces)
            + 0.04 * body
        )
        if max_seconds is not None and duration > max_seconds:
            raise AudioError(f"Chương trình dài {duration:.0f} giây, vượt tối đa {max_seconds:.0f} giây.")
        out_mp3.parent.mkdir(parents=True, exist_ok=True)
        out_mp3.write_bytes(b"ID3 fake")
        return RenderResult(out_mp3, round(duration, 2), pieces, -16.0, -1.0, positions)


@pytest.fixture
def fake_voice(monkeypatch) -> FakeVoice:
    voice = FakeVoice()
    monkeypatch.setattr(audio, "render_program", voice)
    return voice


def announcement(
    uid: str, title: str, body: str, start: str = "30/11/2026", end: str = "06/12/2026", repeat: int = 1, **extra
) -> dict:
    return {"id": uid, "title": title, "body": body, "valid_from": start, "valid_until": end, "repeat": repeat, **extra}


def write_yaml(path: Path, items: list[dict]) -> Path:
    path.write_text(yaml.safe_dump(items, allow_unicode=True), encoding="utf-8")
    return path
