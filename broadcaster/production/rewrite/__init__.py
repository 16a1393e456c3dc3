"""Optional LLM rewrite of script texts for listening, checked by a fact guard.

`rewrite_text` is the one function the pipeline calls. It never raises for engine, network or
answer problems: those end in RewriteStatus.FAILED, a guard refusal in REJECTED, and in both cases
`text` is the source (template) text. Only configuration errors raise (ConfigError).
`check_rewrite` is the check alone (fact guard, then the optional second opinion), for any caller.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol, TypedDict

from broadcaster.errors import BroadcasterError, ConfigError
from broadcaster.production.rewrite.cache import FileRewriteCache, MemoryRewriteCache, RewriteCache, cache_key
from broadcaster.production.rewrite.check import CheckResult, check_rewrite
from broadcaster.production.rewrite.guard import GuardVerdict
from broadcaster.production.rewrite.prompt import PROMPT_VERSION
from broadcaster.production.rewrite.result import Draft, RewriteResult
from broadcaster.production.rewrite.settings import RewriteSettings
from broadcaster.store.states import RewriteStatus

log = logging.getLogger(__name__)

__all__ = [
    "PROMPT_VERSION",
    "CheckResult",
    "Draft",
    "FileRewriteCache",
    "GuardVerdict",
    "MemoryRewriteCache",
    "RewriteCache",
    "RewriteResult",
    "RewriteSettings",
    "Summarizer",
    "check_rewrite",
    "engine_names",
    "make_summarizer",
    "rewrite_text",
]


class Summarizer(Protocol):
    """Turns a source text into a draft for listening. Raises RewriteError for a per-item failure."""

    name: str
    model: str
    cacheable: bool

    def summarize(self, source: str, max_words: int) -> Draft: ...


class _Identity(TypedDict):
    """The fields every RewriteResult of one call shares."""

    source: str
    engine: str
    model: str
    prompt_version: str


class _NoSummarizer:
    """`none`: the template text as is."""

    name, model, cacheable = "none", "", False

    def __init__(self, settings: RewriteSettings) -> None:
        pass

    def summarize(self, source: str, max_words: int) -> Draft:
        return Draft(source)


def _extractive(settings: RewriteSettings) -> Summarizer:
    from broadcaster.production.rewrite.extractive import ExtractiveSummarizer

    return ExtractiveSummarizer(settings)


def _openai(settings: RewriteSettings) -> Summarizer:
    from broadcaster.production.rewrite.openai_chat import OpenAIChatSummarizer  # imports the openai package

    return OpenAIChatSummarizer(settings)


SUMMARIZERS: dict[str, Callable[[RewriteSettings], Summarizer]] = {
    "none": _NoSummarizer,
    "extractive": _extractive,
    "openai": _openai,
}


def engine_names() -> list[str]:
    return sorted(SUMMARIZERS)


def make_summarizer(settings: RewriteSettings) -> Summarizer:
    """The summarizer named by `settings.engine`; an unknown name lists the valid ones."""
    factory = SUMMARIZERS.get(settings.engine)
    if factory is None:
        raise ConfigError(
            f"Không có bộ viết lại tên '{settings.engine}'.",
            "giá trị rewrite.engine không đúng",
            f"dùng một trong: {', '.join(engine_names())}",
        )
    return factory(settings)


def rewrite_text(
    source: str,
    settings: RewriteSettings,
    cache: RewriteCache | None = None,
    summarizer: Summarizer | None = None,
    verifier: object | None = None,
) -> RewriteResult:
    """Rewrite `source` for listening and guard it. `text` of the result is what will be read.

    Tokens of the result are those of the rewrite plus, with rewrite.verify, the second opinion."""
    engine = summarizer or make_summarizer(settings)
    base = _Identity(source=source, engine=engine.name, model=engine.model, prompt_version=PROMPT_VERSION)
    if engine.name == "none" or not source.strip():
        return RewriteResult(
            text=source,
            status=RewriteStatus.OFF,
            reason="",
            source=source,
            engine=engine.name,
            model=engine.model,
            prompt_version="",
        )
    key = cache_key(engine.name, engine.model, PROMPT_VERSION, settings.max_words, source)
    draft = cache.get(key) if cache is not None and engine.cacheable else None
    cached = draft is not None
    if draft is None:
        try:
            draft = engine.summarize(source, settings.max_words)
        except BroadcasterError as exc:
            log.warning("Viết lại thất bại, dùng văn bản gốc: %s", exc.what)
            return RewriteResult(text=source, status=RewriteStatus.FAILED, reason=exc.message, **base)
        except Exception as exc:  # the weekly job must never fail because of the LLM
            log.exception("Lỗi không lường trước khi viết lại; dùng văn bản gốc")
            return RewriteResult(
                text=source,
                status=RewriteStatus.FAILED,
                reason=f"Lỗi không lường trước khi viết lại: {type(exc).__name__}: {exc}",
                **base,
            )
        if cache is not None and engine.cacheable:
            cache.put(key, draft)
    spent_in, spent_out = (0, 0) if cached else (draft.tokens_in, draft.tokens_out)
    checked = check_rewrite(source, draft.text, settings, max_words=settings.max_words, verifier=verifier, cache=cache)
    verdict = checked.verdict
    if not verdict.ok:
        log.info("Bản viết lại bị từ chối: %s", verdict.reason)
    status = (
        RewriteStatus.ACCEPTED
        if verdict.ok
        else RewriteStatus.FAILED
        if checked.verify_failed
        else RewriteStatus.REJECTED
    )
    return RewriteResult(
        text=draft.text if verdict.ok else source,
        status=status,
        reason=verdict.reason,
        tokens_in=spent_in + checked.tokens_in,
        tokens_out=spent_out + checked.tokens_out,
        cached=cached,
        draft=draft.text,
        findings=tuple(f.describe() if f.kind not in ("length", "verify") else f.text for f in verdict.findings),
        kept=verdict.kept,
        verified=checked.verified,
        **base,
    )
