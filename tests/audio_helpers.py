"""Helpers shared by the audio and engine tests: settings in a temp folder, the BS.1770 meter."""

from __future__ import annotations

import http.server
import json
import subprocess
import threading
from pathlib import Path

import pytest

from broadcaster.audio import ffmpeg
from broadcaster.config import Settings, from_mapping


def make_settings(tmp_path: Path, voice: dict | None = None, **audio) -> Settings:
    raw = {
        "paths": {"data": str(tmp_path / "var"), "audio": str(tmp_path / "audio_out")},
        "voice": voice or {"chain": ["espeak"]},
        "audio": {"workers": 2, **audio},
    }
    return from_mapping(raw, base_dir=tmp_path)


def loudness(path: Path) -> ffmpeg.Loudness:
    """Integrated loudness and true peak of a whole file by ffmpeg's ebur128 (ITU-R BS.1770) meter."""
    return ffmpeg.measure(path)


def decode_errors(path: Path) -> str:
    return subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-f", "null", "-"], capture_output=True, text=True
    ).stderr


def tags(path: Path) -> dict[str, str]:
    out = subprocess.run(
        [
            "ffprobe",
            "-v",
            "error",
            "-show_entries",
            "format_tags:stream=sample_rate,channels,bit_rate",
            "-of",
            "default=nw=1",
            str(path),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(line.replace("TAG:", "").split("=", 1) for line in out.splitlines() if "=" in line)


class SpeechServer(http.server.ThreadingHTTPServer):
    """An OpenAI-compatible /v1/audio/speech on 127.0.0.1 answering `status` with `audio`."""

    def __init__(self, status: int, audio: bytes = b"") -> None:
        self.status, self.audio, self.requests = status, audio, []
        super().__init__(("127.0.0.1", 0), _Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}/v1"


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 - http.server hook
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append((self.path, self.headers.get("Authorization"), body))
        payload = self.server.audio if self.server.status == 200 else b'{"error": {"message": "boom"}}'
        self.send_response(self.server.status)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def speech_server(tmp_path):
    """start(status, silent=False) -> a running SpeechServer; real speech made by espeak-ng + ffmpeg."""
    servers = []

    def start(status: int, silent: bool = False) -> SpeechServer:
        audio = b""
        if status == 200:
            wav, mp3 = tmp_path / "served.wav", tmp_path / "served.mp3"
            source = ["-f", "lavfi", "-i", "anullsrc=r=24000:cl=mono", "-t", "2"] if silent else ["-i", str(wav)]
            subprocess.run(["espeak-ng", "-v", "vi", "-w", str(wav), "máy chủ giọng đọc"], check=True)
            subprocess.run(["ffmpeg", "-v", "error", "-y", *source, "-b:a", "64k", str(mp3)], check=True)
            audio = mp3.read_bytes()
        server = SpeechServer(status, audio)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
