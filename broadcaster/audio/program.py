"""A program: every segment spoken and mastered (cached), joined frame by frame with chimes and pauses.

Memory stays small whatever the length: audio never enters Python; ffmpeg streams each piece and
the join copies MP3 frames. Engines run in parallel threads, mastering in a few parallel ffmpeg
runs, and every piece is cached, so a rebuild re-encodes only what changed.
"""

from __future__ import annotations

import dataclasses
import math
import os
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

from broadcaster.audio import ffmpeg
from broadcaster.audio.render import Recording, Renderer, SegmentAudio
from broadcaster.config import Settings
from broadcaster.errors import AudioError
from broadcaster.speech.chain import EngineChain
from broadcaster.timeutil import span_text

PIECE_OVERHEAD_S = 0.04
MAX_BATCH = 8
Progress = Callable[[int, int], None]  # (segments done, segments in total)


@dataclasses.dataclass(frozen=True)
class RenderResult:
    path: Path
    duration_s: float
    segments: tuple[SegmentAudio, ...]
    lufs: float  # estimated from the pieces (energy-weighted); silence is gated out
    true_peak: float  # the highest piece's true peak
    positions: tuple[int, ...]  # for each piece, the index of its text in `texts` (blank texts have none)

    @property
    def cached(self) -> int:
        return sum(s.cached for s in self.segments)

    @property
    def engines(self) -> Counter:
        return Counter(s.engine for s in self.segments)

    def by_position(self) -> dict[int, SegmentAudio]:
        """Each piece under the index of the text it speaks."""
        return dict(zip(self.positions, self.segments, strict=True))


def render_program(
    texts: Sequence[str],
    out_mp3: Path,
    settings: Settings,
    *,
    tags: dict[str, str] | None = None,
    max_seconds: float | None = None,
    chimes: bool = True,
    chain: EngineChain | None = None,
    progress: Progress | None = None,
    title: str = "",
) -> RenderResult:
    """Speak `texts` and join them with chimes, pauses and a silent tail into one tagged MP3.

    tags: title, station, date, slot (ID3); `title` alone is a shorthand for tags={"title": …}.
    """
    tags = {"station": settings.station.name, **({"title": title} if title else {}), **(tags or {})}
    renderer = Renderer(settings, chain)
    audio = settings.audio
    positions = tuple(index for index, text in enumerate(texts) if text.strip())
    items = [texts[index] for index in positions]
    if not items:
        raise AudioError("Chương trình không có nội dung để đọc.", None, "thêm bản tin vào buổi phát.")
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="render-extra") as extra:
        # The chime and the silences are made while the segments are spoken and mastered.
        bell_job = extra.submit(renderer.chime) if chimes else None
        needed = {audio.pause_ms} | {ms for ms in (audio.lead_ms, audio.tail_ms) if ms}
        gaps = {ms: extra.submit(renderer.silence, ms) for ms in needed}
        segments = speak_all(renderer, items, audio.workers or os.cpu_count() or 1, progress)
        bell = bell_job.result() if bell_job else None
        gap = {ms: job.result() for ms, job in gaps.items()}
    body = [bell, *segments, bell] if bell else segments
    # Each joined piece also plays its encoder delay and padding: about one frame and a half.
    duration = (audio.lead_ms + audio.pause_ms * (len(body) - 1) + audio.tail_ms) / 1000 + sum(
        s.duration_s + PIECE_OVERHEAD_S for s in body
    )
    if max_seconds is not None and duration > max_seconds:
        raise AudioError(
            f"Chương trình dài {span_text(duration)}, vượt {span_text(duration - max_seconds)} so với "
            f"tối đa {span_text(max_seconds)} của buổi phát.",
            "quá nhiều bản tin hoặc bản tin quá dài.",
            "bớt hoặc rút gọn bản tin, hoặc tăng max_minutes của khung giờ phát.",
        )
    pieces = [gap[audio.lead_ms]] if audio.lead_ms else []
    for index, seg in enumerate(body):
        pieces += [gap[audio.pause_ms], seg.path] if index else [seg.path]
    pieces += [gap[audio.tail_ms]] if audio.tail_ms else []
    out_mp3.parent.mkdir(parents=True, exist_ok=True)
    # A name of its own: two builds rendering the same program never share (or delete) each other's file.
    tmp = out_mp3.with_name(f".{out_mp3.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        ffmpeg.concat(pieces, tmp, {**_id3(tags), "encoded_by": "broadcaster"})
        duration = ffmpeg.duration(tmp)
        os.replace(tmp, out_mp3)
    finally:
        tmp.unlink(missing_ok=True)
    energy = sum(s.duration_s * 10 ** (s.lufs / 10) for s in body) / sum(s.duration_s for s in body)
    peaks = [s.true_peak for s in body if s.true_peak is not None]
    return RenderResult(
        out_mp3, duration, tuple(segments), 10 * math.log10(energy), max(peaks, default=-math.inf), positions
    )


def speak_all(
    renderer: Renderer, texts: Sequence[str], workers: int, progress: Progress | None = None
) -> list[SegmentAudio]:
    """The mastered piece of every text, in order: cached, or spoken and mastered now."""
    results: list[SegmentAudio | None] = [None] * len(texts)
    tried: list[set[str]] = [set() for _ in texts]
    todo, done = list(range(len(texts))), 0

    def finish(index: int, segment: SegmentAudio) -> None:
        nonlocal done
        results[index], done = segment, done + 1
        if progress:
            progress(done, len(texts))

    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="render")
    try:
        while todo:  # each round gives failed recordings to the next engine
            recordings: list[tuple[int, Recording]] = []
            for index, outcome in zip(todo, pool.map(lambda i: renderer.resolve(texts[i], tried[i]), todo)):
                if isinstance(outcome, SegmentAudio):
                    finish(index, outcome)
                else:
                    recordings.append((index, outcome))
            todo = []
            futures = {
                pool.submit(renderer.master, [r for _, r in batch]): batch
                for batch in _batches(recordings, max(1, workers))
            }
            for future in as_completed(futures):
                for (index, _), segment in zip(futures[future], future.result()):
                    if segment is None:
                        todo.append(index)
                    else:
                        finish(index, segment)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return results  # type: ignore[return-value]


def _batches(recordings: list[tuple[int, Recording]], workers: int) -> list[list[tuple[int, Recording]]]:
    """Deal recordings into batches of about equal work (text length), a multiple of `workers` of them
    so that no worker idles at the end, at most MAX_BATCH each (every input open in one ffmpeg holds
    buffers: memory grows with the batch). Longest first, each to the lightest batch."""
    count = min(len(recordings), workers * math.ceil(len(recordings) / (workers * MAX_BATCH)))
    size = math.ceil(len(recordings) / count) if recordings else 0
    batches: list[list[tuple[int, Recording]]] = [[] for _ in range(count)]
    work = [0] * count
    for item in sorted(recordings, key=lambda item: -len(item[1].text)):
        lightest = min((b for b in range(count) if len(batches[b]) < size), key=lambda b: work[b])
        batches[lightest].append(item)
        work[lightest] += len(item[1].text)
    return batches


def _id3(tags: dict[str, str]) -> dict[str, str]:
    """Our tag names -> ffmpeg's ID3v2 keys (station -> artist/TPE1; slot -> TXXX:slot)."""
    names = {"title": "title", "station": "artist", "date": "date", "slot": "slot", "comment": "comment"}
    return {names.get(key, key): value for key, value in tags.items()}
