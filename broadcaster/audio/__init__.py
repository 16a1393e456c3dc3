"""Audio: speak segments through the engine chain (cached), master them, join them into a tagged MP3."""

from broadcaster.audio.program import Progress, RenderResult, render_program, speak_all
from broadcaster.audio.render import Renderer, SegmentAudio

__all__ = ["Progress", "RenderResult", "Renderer", "SegmentAudio", "render_program", "speak_all"]
