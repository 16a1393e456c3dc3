"""The one check of a rewrite against its source, for every caller: the weekly rewrite, `broadcaster
rewrite check`, the web page and a hand edit of a script.

`check_rewrite(source, rewrite, settings)` runs the fact guard with the commune's term tables
(rewrite.offices, places… in config.yaml) and, when `rewrite.verify` is on and the guard accepted,
the model's second opinion, which can only add rejections. A second opinion that fails (network, an
answer that is not JSON) rejects the rewrite too, saying so: an unchecked rewrite is never read.
"""

from __future__ import annotations

import dataclasses
import logging

from broadcaster.errors import BroadcasterError
from broadcaster.production.rewrite.cache import RewriteCache
from broadcaster.production.rewrite.guard import Finding, GuardVerdict
from broadcaster.production.rewrite.guard import check_rewrite as guard_check
from broadcaster.production.rewrite.settings import RewriteSettings
from broadcaster.production.rewrite.terms import Terms

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class CheckResult:
    """The guard's verdict plus what the second opinion said and cost."""

    verdict: GuardVerdict
    verified: bool = False  # the second opinion ran (and was read)
    verify_failed: str = ""  # why the second opinion could not be had ("" when it ran or was off)
    tokens_in: int = 0
    tokens_out: int = 0

    @property
    def ok(self) -> bool:
        return self.verdict.ok

    @property
    def reason(self) -> str:
        return self.verdict.reason

    @property
    def reasons(self) -> tuple[str, ...]:
        return self.verdict.reasons


def terms_for(settings: RewriteSettings | None) -> Terms:
    return Terms.load(settings.terms if settings is not None else None)


def check_rewrite(
    source: str,
    rewrite: str,
    settings: RewriteSettings | None = None,
    *,
    max_words: int | None = None,
    verify: bool | None = None,
    verifier: object | None = None,
    cache: RewriteCache | None = None,
) -> CheckResult:
    """Check `rewrite` against `source`. `verify` None follows settings.verify; `max_words` None
    leaves the length unchecked (a hand edit has no word budget)."""
    try:
        verdict = guard_check(source, rewrite, max_words, terms=terms_for(settings))
    except Exception as exc:  # a guard bug must not stop the weekly job, nor let an unchecked rewrite through
        log.exception("Lỗi khi kiểm tra bản viết lại; dùng văn bản gốc")
        reason = f"Lỗi khi kiểm tra bản viết lại ({type(exc).__name__}), nên không dùng bản viết lại."
        return CheckResult(
            GuardVerdict(False, reason, reasons=(reason,), findings=(Finding("verify", "kiểm tra", reason),))
        )
    wanted = settings is not None and settings.verify if verify is None else verify
    if not verdict.ok or not wanted:
        return CheckResult(verdict)
    try:
        if verifier is None:
            if settings is None:
                raise ValueError("verify needs the rewrite settings (endpoint and model)")
            from broadcaster.production.rewrite.verify import Verifier

            verifier = Verifier(settings)
        opinion = verifier.review(source, rewrite, cache)  # type: ignore[attr-defined]
    except BroadcasterError as exc:
        log.warning("Kiểm tra lần hai thất bại: %s", exc.what)
        reason = f"Không kiểm tra lần hai được nên không dùng bản viết lại: {exc.message}"
        return CheckResult(_add(verdict, [Finding("verify", "kiểm tra lần hai", reason)]), verify_failed=reason)
    findings = [
        Finding(
            "verify", "kiểm tra lần hai", f"Kiểm tra lần hai (mô hình) thấy bản viết lại nói khác văn bản gốc: {item}"
        )
        for item in opinion.contradictions
    ]
    findings += [
        Finding(
            "verify",
            "kiểm tra lần hai",
            f"Kiểm tra lần hai (mô hình) thấy thông tin không có trong văn bản gốc: {item}",
        )
        for item in opinion.unsupported
    ]
    return CheckResult(_add(verdict, findings), True, "", opinion.tokens_in, opinion.tokens_out)


def _add(verdict: GuardVerdict, findings: list[Finding]) -> GuardVerdict:
    if not findings:
        return verdict
    reasons = (*verdict.reasons, *(f.text for f in findings))
    return dataclasses.replace(
        verdict, ok=False, reason=" ".join(reasons), reasons=reasons, findings=(*verdict.findings, *findings)
    )
