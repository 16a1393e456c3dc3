#!/usr/bin/env python3
"""Start a throw-away Icecast 2 server on 127.0.0.1 (for tests and trying the icecast output).

    python tools/icecast_server.py [PORT]      # runs until Ctrl+C, prints the source password

As root, Icecast refuses to run without <changeowner>: the server then drops to `nobody`, so
its temporary folder is made readable and its log folder writable for that user.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CONFIG = """<icecast>
  <location>test</location><admin>test@localhost</admin><hostname>127.0.0.1</hostname>
  <limits><clients>20</clients><sources>4</sources><queue-size>524288</queue-size>
    <client-timeout>30</client-timeout><header-timeout>15</header-timeout><source-timeout>10</source-timeout>
    <burst-on-connect>1</burst-on-connect><burst-size>65535</burst-size></limits>
  <authentication><source-password>{password}</source-password><relay-password>{password}</relay-password>
    <admin-user>admin</admin-user><admin-password>{password}</admin-password></authentication>
  <listen-socket><port>{port}</port><bind-address>127.0.0.1</bind-address></listen-socket>
  <fileserve>1</fileserve>
  <paths><basedir>/usr/share/icecast2</basedir><logdir>{logdir}</logdir>
    <webroot>/usr/share/icecast2/web</webroot><adminroot>/usr/share/icecast2/admin</adminroot></paths>
  <logging><accesslog>access.log</accesslog><errorlog>error.log</errorlog><loglevel>3</loglevel></logging>
  <security><chroot>0</chroot>{changeowner}</security>
</icecast>
"""


@dataclass(frozen=True)
class IcecastServer:
    host: str
    port: int
    password: str
    logdir: Path

    def url(self, mount: str) -> str:
        return f"http://{self.host}:{self.port}{mount}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_listening(port: int, proc: subprocess.Popen, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"icecast2 exited with code {proc.returncode}")
        with contextlib.suppress(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        time.sleep(0.05)
    raise TimeoutError(f"icecast2 did not listen on port {port} within {timeout} s")


@contextlib.contextmanager
def running(port: int | None = None, binary: str = "icecast2") -> Iterator[IcecastServer]:
    """A running Icecast server for the duration of the block."""
    if shutil.which(binary) is None:
        raise FileNotFoundError(f"{binary} is not installed (apt-get install icecast2)")
    port = port or free_port()
    password = secrets.token_hex(8)
    root = Path(tempfile.mkdtemp(prefix="icecast-"))
    logdir = root / "log"
    logdir.mkdir()
    changeowner = ""
    if os.geteuid() == 0:
        changeowner = "<changeowner><user>nobody</user><group>nogroup</group></changeowner>"
        root.chmod(0o755)
        logdir.chmod(0o777)
    config = root / "icecast.xml"
    config.write_text(CONFIG.format(password=password, port=port, logdir=logdir, changeowner=changeowner))
    config.chmod(0o644)
    proc = subprocess.Popen([binary, "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_listening(port, proc)
        yield IcecastServer("127.0.0.1", port, password, logdir)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    with running(int(sys.argv[1]) if len(sys.argv) > 1 else None) as server:
        print(f"Icecast: {server.url('/')}  source password: {server.password}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while True:
                time.sleep(3600)
