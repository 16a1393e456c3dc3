"""Shared fixtures: a throw-away commune (config, database, output folders) in a temp folder."""

from __future__ import annotations

import inspect
import ipaddress
import json
import shutil
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import pytest
import yaml
from audio_helpers import speech_server  # noqa: F401 - a fixture for every test module
from click.testing import CliRunner

from broadcaster.cli import main
from broadcaster.config import load_settings

REPO = Path(__file__).resolve().parents[1]
pytest_plugins = ["week_helpers"]  # clock, fake_voice: the station clock pinned, a voice of known pace


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


def new_project(folder: Path) -> Path:
    """Write the repository's config.yaml into `folder` (all paths relative to it); return `folder`."""
    raw = yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))
    (folder / "config.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with the repository's config.yaml (all paths relative to it)."""
    return new_project(tmp_path)


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


# ---- the sample week, built once per session ----


class Demo(NamedTuple):
    path: Path  # the project folder
    output: str  # what the first `broadcaster demo` printed on stdout


@pytest.fixture(scope="session")
def demo_project(tmp_path_factory) -> Demo:
    """A project where `broadcaster demo` ran once (week 2026-W49 built, rendered, recorded): ~15 s
    once per session instead of per test. Read only; a test that changes it takes `demo_copy`."""
    path = new_project(tmp_path_factory.mktemp("demo"))
    result = invoke(["--config", str(path / "config.yaml"), "demo"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return Demo(path, result.stdout)


@pytest.fixture
def demo_copy(demo_project: Demo, tmp_path: Path) -> Path:
    """A private copy of the demo project (its database's absolute paths moved into the copy)."""
    target = tmp_path / "demo"
    shutil.copytree(demo_project.path, target)
    rebase_database(target / "var" / "broadcaster.db", str(demo_project.path), str(target))
    return target


def rebase_database(database: Path, old: str, new: str) -> None:
    """Replace the prefix `old` by `new` in every text value of every table (the stored file paths)."""
    with sqlite3.connect(database) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for column in [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]:
                connection.execute(
                    f'UPDATE "{table}" SET "{column}" = ? || substr("{column}", ?) '
                    f'WHERE typeof("{column}") = \'text\' AND instr("{column}", ?) = 1',
                    (new, len(old) + 1, old),
                )
    connection.close()


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
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=440:duration=2",
            "-ac",
            "1",
            "-b:a",
            "64k",
            str(path),
        ],
        check=True,
    )
    return path


@pytest.fixture(scope="session")
def icecast_server():
    """A real Icecast 2 server on 127.0.0.1 for the whole session."""
    import icecast_server

    with icecast_server.running() as server:  # `make test` installs icecast2; missing = failure
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
            program = Program(
                week=week_of(slot_at.date()),
                slot_at=slot_at,
                max_minutes=max_minutes,
                status="rendered" if approved_by else "draft",
                audio_path=str(target),
                duration_s=duration_s,
                approved_by=approved_by,
                approved_at=slot_at if approved_by else None,
                segments=[Segment(position=0, kind="announcement", text="Thông báo thử.")],
            )
            session.add(program)
            session.flush()
            return program.id

    return factory


# ---- no network: only 127.0.0.1 / localhost, unless a test is marked `net` ----


def _local(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode()
    if host is None or host in ("localhost", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def no_network(request, monkeypatch):
    """Fail a test (not marked `net`) that resolves or connects to anything but 127.0.0.1/localhost.

    The failure is raised where the connection is tried (pytest's Failed is not an Exception, so
    library code cannot swallow it) and again at teardown, in case it happened in a thread.
    Yields the list of refused attempts."""
    if request.node.get_closest_marker("net"):
        yield
        return
    tried: list[str] = []

    def refuse(what: str):
        tried.append(what)
        pytest.fail(
            f"the test tried the network: {what}; tests may use 127.0.0.1/localhost only "
            "(mark a test `net` if it must go online)",
            pytrace=False,
        )

    real_connect, real_connect_ex, real_getaddrinfo = (
        socket.socket.connect,
        socket.socket.connect_ex,
        socket.getaddrinfo,
    )

    def connect(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _local(address[0]):
            refuse(f"connect to {address!r}")
        return real_connect(sock, address)

    def connect_ex(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _local(address[0]):
            refuse(f"connect to {address!r}")
        return real_connect_ex(sock, address)

    def getaddrinfo(host, *args, **kwargs):
        if not _local(host):
            refuse(f"name lookup of {host!r}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    yield tried
    if tried:
        pytest.fail(f"the test tried the network: {'; '.join(tried)}", pytrace=False)


def closed_port() -> int:
    """A port on 127.0.0.1 that nobody listens on (connections are refused at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def gtts_unreachable(monkeypatch) -> str:
    """gTTS aimed at a closed port on 127.0.0.1 (its URL template, gtts.tts._translate_url): it fails
    at once whether or not this machine is online. Returns "127.0.0.1:<port>"."""
    from gtts import tts

    port = closed_port()
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(tts, "_translate_url", lambda tld="com", path="": f"https://127.0.0.1:{port}/{path}")
    return f"127.0.0.1:{port}"
