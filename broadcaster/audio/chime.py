"""The station chime: a two-note "ding-dong" made by the program (or a file the commune supplies)."""

from __future__ import annotations

import array
import math
import wave
from pathlib import Path

RATE = 44100
NOTES = ((659.25, 0.0), (523.25, 0.55))  # E5 then C5, onset seconds
LENGTH_S = 2.2
HARMONICS = ((1.0, 1.0), (2.0, 0.35), (3.0, 0.12))  # (multiple, amplitude): a soft bell


def write_chime(path: Path) -> None:
    """Write the generated chime as a 16-bit mono WAV at 44.1 kHz."""
    samples = array.array("h")
    for n in range(int(LENGTH_S * RATE)):
        t = n / RATE
        value = 0.0
        for freq, onset in NOTES:
            if t >= onset:
                local = t - onset
                envelope = math.exp(-3.2 * local) * min(1.0, local / 0.005)
                value += envelope * sum(a * math.sin(2 * math.pi * freq * m * local) for m, a in HARMONICS)
        samples.append(int(max(-1.0, min(1.0, value * 0.4)) * 32767))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(samples.tobytes())
