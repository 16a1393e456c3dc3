"""`broadcaster voices`, `broadcaster say`, `broadcaster cache stats|prune`: voices and audio previews."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from broadcaster.cli import main, settings

if TYPE_CHECKING:
    from broadcaster import speech
    from broadcaster.speech.chain import EngineChain


class ProgressBars:
    """A library progress callback (done, total) shown as one click progress bar per program."""

    def __init__(self, label: str) -> None:
        self.label, self.shown = label, 0
        self.bar: Any = None  # a click progress bar while one is shown

    def __call__(self, done: int, total: int) -> None:
        if not sys.stderr.isatty():  # logs, cron jobs, --json pipes: no bar
            return
        if self.bar is None or done < self.shown:
            self.close()
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr, show_pos=True)
            self.bar.__enter__()
            self.shown = 0
        self.bar.update(done - self.shown)
        self.shown = done
        if done >= total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@main.command()
@click.pass_context
def voices(ctx: click.Context) -> None:
    """Liệt kê các giọng đọc (vùng miền, nam/nữ), giọng nào dùng được ngay và vì sao không."""
    from broadcaster import speech

    conf = settings(ctx)
    for name in speech.names():
        engine = speech.create(name, conf.voice.engines.get(name, {}))
        problem = engine.check()
        where = (
            f"thứ {conf.voice.chain.index(name) + 1} trong voice.chain"
            if name in conf.voice.chain
            else "không có trong voice.chain"
        )
        state = "dùng được" if problem is None else f"KHÔNG dùng được: {problem}"
        click.echo(f"{name} ({where}): {state}")
        for voice in _voice_lines(name, engine):
            click.echo(f"    {voice}")
    click.echo(
        "Chọn giọng: voice.engines.<tên>: {region: Bắc|Trung|Nam, gender: nam|nữ} hoặc {voice: <mã>}; "
        'đọc thử: broadcaster say "…" --voice <mã>.'
    )


def _voice_lines(name: str, engine: speech.TtsEngine) -> list[str]:
    from broadcaster.speech import voices as voice_table

    """The engine's voices from the voice table (region, gender, the chosen one marked), else its own list."""
    table = voice_table.of(name)
    if not table:
        return engine.voices()
    chosen = getattr(engine, "voice", None)
    chosen = chosen.id if isinstance(chosen, voice_table.Voice) else chosen
    return [v.describe() + ("  (đang chọn)" if chosen in (v.id, voice_table.engine_id(v)) else "") for v in table]


def _chain_with_voice(conf, engine: str | None, voice: str) -> EngineChain:
    from broadcaster import speech
    from broadcaster.errors import ConfigError
    from broadcaster.speech import voices as voice_table
    from broadcaster.speech.chain import EngineChain

    """`say --voice`: the one engine that has this voice (or `engine:voice`), set to it."""
    if ":" in voice:
        engine, voice = voice.split(":", 1)
    found = [v for v in voice_table.table() if v.id == voice and engine in (None, v.engine)]
    if found:
        engine = found[0].engine
    elif engine is None or "voice" not in speech._parameters(speech.factory(engine)):
        known = ", ".join(f"{v.engine}:{v.id}" for v in voice_table.table())
        raise ConfigError(
            f"Không có giọng “{voice}”" + (f" của {engine}." if engine else "."),
            None,
            f"xem broadcaster voices; các giọng: {known}.",
        )
    options = {**conf.voice.engines.get(engine, {}), "voice": voice}
    return EngineChain([speech.create(engine, options)], conf.voice.max_failures)


@main.command()
@click.argument("text")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("say.mp3"),
    show_default=True,
    help="Tệp MP3 kết quả.",
)
@click.option("--engine", default=None, help="Chỉ dùng giọng này (mặc định: theo voice.chain).")
@click.option(
    "--voice",
    default=None,
    help="Mã giọng (xem broadcaster voices), ví dụ banmai, hcm-diemmy hoặc zalo:4; chọn luôn giọng đọc.",
)
@click.option("--chime/--no-chime", default=False, help="Thêm nhạc hiệu đầu và cuối.")
@click.pass_context
def say(ctx: click.Context, text: str, output: Path, engine: str | None, voice: str | None, chime: bool) -> None:
    """Đọc thử một đoạn văn bản: chuẩn hóa → giọng đọc → xử lý âm thanh → MP3."""
    from broadcaster import audio
    from broadcaster.speech.chain import EngineChain
    from broadcaster.vi.normalize import normalize

    conf = settings(ctx)
    normalized = normalize(text, conf.lexicon)
    for warning in normalized.warnings:
        click.echo(f"Cảnh báo: “{warning.fragment}”: {warning.message}", err=True)
    if voice:
        chain = _chain_with_voice(conf, engine, voice)
    else:
        chain = EngineChain.from_settings(conf.voice, only=engine)
    result = audio.render_program(
        [normalized.text],
        output,
        conf,
        chimes=chime,
        chain=chain,
        tags={"title": normalized.text[:60], "station": conf.station.name},
    )
    [segment] = result.segments
    source = "bộ nhớ đệm" if segment.cached else "vừa tạo"
    click.echo(
        f"Đã ghi {output}: {result.duration_s:.1f} giây, giọng {segment.engine} ({source}), "
        f"{result.lufs:.1f} LUFS, đỉnh thật {result.true_peak:.1f} dBTP."
    )
    click.echo(f"Văn bản đọc: {normalized.text}")


@main.group()
def cache() -> None:
    """Bộ nhớ đệm âm thanh (mỗi đoạn đọc được lưu lại để dựng lại nhanh)."""


@cache.command("stats")
@click.pass_context
def cache_stats(ctx: click.Context) -> None:
    """Số đoạn và dung lượng trong bộ nhớ đệm âm thanh."""
    from broadcaster.audio.cache import SegmentCache

    store = SegmentCache(settings(ctx).cache_dir)
    stats = store.stats()
    click.echo(f"Bộ nhớ đệm: {store.root}")
    click.echo(f"- bản ghi giọng đọc gốc: {stats.files['tts']} tệp, {_mb(stats.bytes['tts'])}")
    click.echo(
        f"- đoạn MP3 đã xử lý: {stats.files['mp3']} tệp, {_mb(stats.bytes['mp3'])}, "
        f"{stats.seconds / 60:.1f} phút âm thanh"
    )
    for name, count in stats.engines.most_common():
        click.echo(f"    {name}: {count}")


@cache.command("prune")
@click.option(
    "--days",
    type=click.FloatRange(min=0),
    default=30,
    show_default=True,
    help="Xóa các đoạn không dùng đến trong số ngày này (0: xóa hết).",
)
@click.pass_context
def cache_prune(ctx: click.Context, days: float) -> None:
    """Xóa các đoạn âm thanh lâu không dùng khỏi bộ nhớ đệm."""
    from broadcaster.audio.cache import SegmentCache

    removed, freed = SegmentCache(settings(ctx).cache_dir).prune(days)
    click.echo(f"Đã xóa {removed} tệp, giải phóng {_mb(freed)}.")


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"
