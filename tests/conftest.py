"""Shared fixtures: a throw-away commune (config, database, output folders) in a temp folder."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from broadcaster.cli import main
from broadcaster.config import load_settings

REPO = Path(__file__).resolve().parents[1]
pytest_plugins = ["week_helpers"]      # clock, fake_voice: the station clock pinned, a voice of known pace


class Outcome:
    """A click Result with stdout and stderr apart and `output` holding both, as click 8.2+ has it.

    gTTS pins click<8.2, whose CliRunner mixes the two streams unless told otherwise."""

    def __init__(self, result) -> None:
        self.result = result

    def __getattr__(self, name):
        return getattr(self.result, name)

    @property
    def output(self) -> str:
        return self.result.output if _CLICK_MIXES_ITSELF else self.result.stdout + self.result.stderr


_CLICK_MIXES_ITSELF = "mix_stderr" not in inspect.signature(CliRunner.__init__).parameters


def invoke(*args, **kwargs) -> Outcome:
    """CliRunner().invoke(main, …) with stdout and stderr apart on every click version."""
    runner = CliRunner() if _CLICK_MIXES_ITSELF else CliRunner(mix_stderr=False)
    return Outcome(runner.invoke(main, *args, **kwargs))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with the repository's config.yaml (all paths relative to it)."""
    raw = yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))
    (tmp_path / "config.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return tmp_path


@pytest.fixture
def settings(project: Path):
    return load_settings(project / "config.yaml")


@pytest.fixture
def cli(project: Path):
    """Run the CLI against the temp project: cli("announce", "list") -> click Result."""
    def run(*args: str, input: str | None = None, ok: bool = True):
        result = invoke(["--config", str(project / "config.yaml"), *args], input=input, catch_exceptions=False)
        if ok:
            assert result.exit_code == 0, result.output
        return result

    run.json = lambda *args: json.loads(run(*args).stdout)
    return run


# ---- on air: settings factory, a tiny real MP3, a real Icecast server ----

sys.path.insert(0, str(REPO / "tools"))


@pytest.fixture
def make_settings(tmp_path):
    """make_settings(**sections) -> Settings from a config.yaml written in tmp_path."""
    def factory(**sections):
        raw = {"database": "sqlite:///var/test.db", **sections}
        path = tmp_path / "config.yaml"
        path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
        return load_settings(path)
    return factory


@pytest.fixture(scope="session")
def tiny_mp3(tmp_path_factory) -> Path:
    """A real 2-second MP3 (a tone), made with ffmpeg."""
    path = tmp_path_factory.mktemp("audio") / "tone.mp3"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=2",
                    "-ac", "1", "-b:a", "64k", str(path)], check=True)
    return path


@pytest.fixture(scope="session")
def icecast_server():
    """A real Icecast 2 server on 127.0.0.1 for the whole session."""
    import icecast_server
    with icecast_server.running() as server:    # `make test` installs icecast2; missing = failure
        yield server


@pytest.fixture
def cli_for(make_settings):
    """cli_for(settings, *args) -> click Result of `broadcaster --config <settings file> args…`."""
    def run(settings, *args):
        return invoke(["--config", str(settings.source), *map(str, args)])
    return run


@pytest.fixture
def add_program(tiny_mp3):
    """add_program(settings, slot_at, approved_by=None, audio=tiny_mp3) -> program id (a normal program row)."""
    import shutil

    from broadcaster.store import db
    from broadcaster.store.models import Program, Segment
    from broadcaster.timeutil import week_of

    def factory(settings, slot_at, approved_by=None, audio=tiny_mp3, duration_s=2.0, max_minutes=30):
        target = settings.paths.audio / f"{slot_at:%Y%m%d%H%M%S}.mp3"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(audio, target)
        with db.session_scope(settings.database_url) as session:
            program = Program(week=week_of(slot_at.date()), slot_at=slot_at, max_minutes=max_minutes,
                              status="rendered" if approved_by else "draft", audio_path=str(target),
                              duration_s=duration_s, approved_by=approved_by,
                              approved_at=slot_at if approved_by else None,
                              segments=[Segment(position=0, kind="announcement", text="Thông báo thử.")])
            session.add(program)
            session.flush()
            return program.id
    return factory
