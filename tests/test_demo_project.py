"""The session's demo project (conftest `demo_project`, `demo_copy`): what other tests may rely on.

A copy is the test's own: its database points at its own files, so removing one of its MP3s makes the
copy, and only the copy, render that program again (from the copied segment cache).
"""

from __future__ import annotations

from conftest import invoke
from week_helpers import SUNDAY_BEFORE

TUESDAY = ("audio_out", "2026-W49", "2026-12-01_0600.mp3")


def weekly(project) -> list[str]:
    result = invoke(["--config", str(project / "config.yaml"), "weekly", "--week", "2026-W49"])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_building_the_demo_week_again_renders_nothing(demo_copy, clock):
    clock(SUNDAY_BEFORE)  # before the week: no broadcast of it has passed, so nothing moves
    lines = weekly(demo_copy)
    assert lines[0] == "Chương trình tuần 2026-W49: 2 buổi phát."
    assert not [line for line in lines if line.strip().startswith("Âm thanh:")]


def test_a_copy_renders_its_own_missing_program_and_leaves_the_original_alone(demo_project, demo_copy, clock):
    clock(SUNDAY_BEFORE)
    demo_copy.joinpath(*TUESDAY).unlink()
    lines = weekly(demo_copy)
    assert "  Âm thanh: 18 đoạn, 18 lấy từ bộ nhớ đệm; giọng espeak×18." in lines
    assert demo_copy.joinpath(*TUESDAY).is_file() and demo_project.path.joinpath(*TUESDAY).is_file()
