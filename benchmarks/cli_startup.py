"""CLI start-up benchmark: median wall time of `broadcaster --help` and `broadcaster normalize TEXT`.

    .venv/bin/python benchmarks/cli_startup.py [--runs 20]

Each run is a fresh interpreter (as when the officer types the command), with this checkout first on
the path; `python -c pass` is the floor. Medians: the machine is shared and noisy. When a figure
grows, `python -X importtime -c "import broadcaster.cli"` shows where the time goes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT = "UBND xã họp lúc 7h30 ngày 05/12/2026"
CLI = [sys.executable, "-c", "from broadcaster.cli import main; main()"]


def median_seconds(command: list[str], runs: int, cwd: str) -> float:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)  # warm the disk cache
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    cases = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "--help": [*CLI, "--help"],
        "normalize TEXT": [*CLI, "--config", str(ROOT / "config.yaml"), "normalize", TEXT],
    }
    with tempfile.TemporaryDirectory() as folder:
        for label, command in cases.items():
            print(f"{label:<16} median {median_seconds(command, runs, folder) * 1000:6.0f} ms over {runs} runs")


if __name__ == "__main__":
    main()
