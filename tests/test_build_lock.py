"""One build of a week at a time; temporary files with names of their own."""

from __future__ import annotations

from audio_helpers import make_settings as audio_settings
from week_helpers import SUNDAY_BEFORE

from broadcaster import audio
from broadcaster.audio import ffmpeg
from broadcaster.values import Week


def test_a_second_build_of_the_same_week_says_that_one_is_running(cli, settings, clock, fake_voice):
    from broadcaster.production.lock import week_lock

    clock(SUNDAY_BEFORE)
    with week_lock(settings, Week(2026, 49), actor="canbo-a"):
        busy = cli("weekly", "--week", "2026-W49", ok=False)
        assert busy.exit_code == 1 and "Traceback" not in busy.output
        assert "Tuần 2026-W49 đang được dựng" in busy.output and "canbo-a" in busy.output
        assert "ffmpeg" not in busy.output
        cli("weekly", "--week", "2026-W50")  # another week is not held up
    cli("weekly", "--week", "2026-W49")  # free again


def test_two_renders_of_one_program_write_through_different_temporary_files(tmp_path, monkeypatch):
    settings = audio_settings(tmp_path)
    targets = []
    real = ffmpeg.concat

    def noting(parts, dst, tags):
        targets.append(dst)
        return real(parts, dst, tags)

    monkeypatch.setattr(ffmpeg, "concat", noting)
    out = tmp_path / "p.mp3"
    for _ in range(2):
        audio.render_program(["Kính chào bà con."], out, settings)
    assert len(set(targets)) == 2 and out not in targets and out.is_file()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".") or p.suffix in (".tmp", ".txt")]
