"""Plain values passed between the rewrite stages."""

from __future__ import annotations

from dataclasses import dataclass

from broadcaster.store.states import RewriteStatus


@dataclass(frozen=True)
class Draft:
    """What a summarizer produced, before the fact guard looked at it."""

    text: str
    tokens_in: int = 0
    tokens_out: int = 0


@dataclass(frozen=True)
class RewriteResult:
    """Outcome of one rewrite. `text` is what will be read: the rewrite if accepted, else the source.

    tokens_in/tokens_out are the tokens spent by this call (0 when served from the cache).
    """

    text: str
    source: str
    status: str  # a RewriteStatus
    reason: str  # Vietnamese; "" when accepted or off
    engine: str
    model: str
    prompt_version: str
    tokens_in: int = 0
    tokens_out: int = 0
    cached: bool = False
    draft: str = ""  # the summarizer's text, kept for side-by-side review even when rejected
    findings: tuple[str, ...] = ()  # the claims that decided a refusal, as the officer reads them
    kept: tuple[str, ...] = ()  # the source's must-keep claims found in the rewrite
    verified: bool = False  # the second opinion (rewrite.verify) ran

    @property
    def used_rewrite(self) -> bool:
        return self.status == RewriteStatus.ACCEPTED
