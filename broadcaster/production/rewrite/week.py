"""Apply the rewrite to a week's composed scripts: the step between composing and storing.

Only announcements and TTHC segments are rewritten (the opening and closing are short templates),
and never an emergency: safety instructions are read in full, as written.
Identical texts (one item aired in two slots) are rewritten once. Never raises for LLM problems.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Mapping
from typing import Any

from broadcaster.production.rewrite import RewriteResult, RewriteSettings, make_summarizer, rewrite_text
from broadcaster.production.rewrite.cache import FileRewriteCache, RewriteCache
from broadcaster.store.states import RewriteStatus

log = logging.getLogger(__name__)

REWRITTEN_KINDS = frozenset({"announcement", "tthc"})


@dataclasses.dataclass(frozen=True)
class RewriteUsage:
    """What one pass over a week did and spent (tokens only for calls not served from the cache)."""

    engine: str
    model: str
    prompt_version: str
    segments: int = 0
    accepted: int = 0
    rejected: int = 0
    failed: int = 0
    cached: int = 0
    tokens_in: int = 0
    tokens_out: int = 0

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def summary_vi(self) -> str:
        if self.engine == "none":
            return "Viết lại: tắt (rewrite.engine: none)."
        return (
            f"Viết lại ({self.engine}{' ' + self.model if self.model else ''}): {self.segments} đoạn — "
            f"{self.accepted} chấp nhận, {self.rejected} bị từ chối, {self.failed} lỗi; "
            f"{self.cached} lấy từ bộ nhớ đệm; {self.tokens_in + self.tokens_out} token "
            f"({self.tokens_in} vào, {self.tokens_out} ra)."
        )


def cache_from(conf: Any) -> RewriteCache:
    return FileRewriteCache(conf.cache_dir / "rewrite")


def rewrite_week(
    scripts: Any, settings: RewriteSettings, cache: RewriteCache | None = None
) -> tuple[Any, RewriteUsage]:
    """Return (scripts with rewritten segments, usage). `scripts` is a programs.WeekScripts.

    Each rewritten segment keeps its RewriteResult in `segment.rewrite`; `segment.text` is what
    will be read (the rewrite when accepted, else the template text).
    """
    summarizer = make_summarizer(settings)
    verifier = None
    if settings.verify:
        from broadcaster.production.rewrite.verify import Verifier  # imports openai

        verifier = Verifier(settings)
    results: dict[str, RewriteResult] = {}
    for slot in scripts.slots:
        for seg in slot.segments:
            if _rewritable(seg) and seg.text not in results:
                results[seg.text] = rewrite_text(seg.text, settings, cache, summarizer=summarizer, verifier=verifier)
    slots = tuple(
        dataclasses.replace(slot, segments=tuple(_apply(seg, results) for seg in slot.segments))
        for slot in scripts.slots
    )
    usage = _usage(summarizer.name, summarizer.model, results)
    if usage.engine != "none":
        log.info(usage.summary_vi())
    return dataclasses.replace(scripts, slots=slots), usage


def _rewritable(segment: Any) -> bool:
    return segment.kind in REWRITTEN_KINDS and getattr(segment, "priority", "normal") != "emergency"


def _apply(segment: Any, results: Mapping[str, RewriteResult]) -> Any:
    result = results.get(segment.text) if _rewritable(segment) else None
    if result is None:
        return segment
    return dataclasses.replace(segment, text=result.text, rewrite=result)


def _usage(engine: str, model: str, results: Mapping[str, RewriteResult]) -> RewriteUsage:
    values = list(results.values())

    def count(status: str) -> int:
        return sum(1 for r in values if r.status == status)

    version = next((r.prompt_version for r in values if r.prompt_version), "")
    return RewriteUsage(
        engine,
        model,
        version,
        len(values),
        count(RewriteStatus.ACCEPTED),
        count(RewriteStatus.REJECTED),
        count(RewriteStatus.FAILED),
        sum(1 for r in values if r.cached),
        sum(r.tokens_in for r in values),
        sum(r.tokens_out for r in values),
    )
