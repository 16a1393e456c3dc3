"""A real player for fault tests: plays the file in real time (ffmpeg -re to a null sink) and logs
`start`, `end` or `cut` lines with wall-clock times, so a test can set what the loudspeakers did
against what the logbook says.

The next run's behaviour is read from a mode file: full (default), half (stops at half the length,
exit 0), hang (never ends), fail (exits 1 at once).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

SCRIPT = r"""#!/bin/sh
log="$1"; file="$2"; modefile="$3"
mode=full
[ -s "$modefile" ] && mode=$(head -n1 "$modefile") && sed -i 1d "$modefile"
start=$(date +%s.%N)
echo "start $file $start $$ $mode" >> "$log"
trap 'echo "cut $file $(date +%s.%N) $start" >> "$log"; kill $child 2>/dev/null; exit 143' TERM INT
case "$mode" in
  fail) echo "fail $file $(date +%s.%N) $start" >> "$log"; echo "Connection reset by peer" >&2; exit 1 ;;
  hang) sleep 100000 & child=$! ;;
  half) len=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$file")
        ffmpeg -v error -nostdin -re -t "$(awk "BEGIN{print $len / 2}")" -i "$file" -f null - & child=$! ;;
  *) ffmpeg -v error -nostdin -re -i "$file" -f null - & child=$! ;;
esac
wait $child
rc=$?
echo "end $file $(date +%s.%N) $start" >> "$log"
exit $rc
"""


@dataclasses.dataclass(frozen=True)
class Play:
    kind: str  # start | end | cut | fail | killed
    file: str
    at: float
    started: float


@dataclasses.dataclass(frozen=True)
class LoggingPlayer:
    folder: Path

    @property
    def log(self) -> Path:
        return self.folder / "plays.log"

    @property
    def modes(self) -> Path:
        return self.folder / "modes"

    @property
    def command(self) -> str:
        return f"sh {self.folder / 'player.sh'} {self.log} {{file}} {self.modes}"

    def next_modes(self, *modes: str) -> None:
        with self.modes.open("a") as handle:
            handle.writelines(m + "\n" for m in modes)

    def mark_killed(self, file: str, at: float) -> None:
        """The test killed the player with SIGKILL (which it cannot log itself): note when."""
        running = [r for r in self.runs() if r[0] == file and r[3] == "running"]
        if running:
            with self.log.open("a") as handle:
                handle.write(f"killed {file} {at} {running[-1][1]!r}\n")

    def events(self) -> list[Play]:
        if not self.log.exists():
            return []
        out = []
        for line in self.log.read_text().splitlines():
            parts = line.split()
            if parts[0] == "start":
                out.append(Play("start", parts[1], float(parts[2]), float(parts[2])))
            else:
                out.append(Play(parts[0], parts[1], float(parts[2]), float(parts[3])))
        return out

    def runs(self) -> list[tuple[str, float, float | None, str]]:
        """(file, start, stop or None, how: end | cut | fail | killed | running) for every run."""
        runs = []
        for e in self.events():
            if e.kind != "start":
                continue
            stop = next(
                (x for x in self.events() if x.kind != "start" and x.started == e.started and x.file == e.file), None
            )
            runs.append((e.file, e.at, stop.at if stop else None, stop.kind if stop else "running"))
        return runs


def make_player(folder: Path) -> LoggingPlayer:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "player.sh").write_text(SCRIPT)
    return LoggingPlayer(folder)


def overlaps(runs: list[tuple[str, float, float | None, str]]) -> list[tuple[str, str]]:
    """Pairs of runs that played at the same time (a run without a stop counts as still playing)."""
    found = []
    ordered = sorted(runs, key=lambda r: r[1])
    for i, (file_a, _start_a, stop_a, _) in enumerate(ordered):
        for file_b, start_b, _stop_b, _ in ordered[i + 1 :]:
            if stop_a is None or start_b < stop_a - 0.05:
                found.append((file_a, file_b))
    return found
