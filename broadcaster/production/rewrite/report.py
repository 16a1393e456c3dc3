"""How a rewritten week is shown: side by side and word by word for the officer, JSON for machines."""

from __future__ import annotations

import difflib
import itertools
import textwrap
from typing import Any

from broadcaster.store.states import RewriteStatus

STATUS_VI: dict[str, str] = {
    RewriteStatus.OFF: "tắt",
    RewriteStatus.ACCEPTED: "CHẤP NHẬN",
    RewriteStatus.REJECTED: "BỊ TỪ CHỐI — đọc văn bản gốc",
    RewriteStatus.FAILED: "LỖI — đọc văn bản gốc",
}


def side_by_side(
    left: str, right: str, width: int = 100, titles: tuple[str, str] = ("VĂN BẢN GỐC", "BẢN VIẾT LẠI")
) -> str:
    """Two wrapped columns separated by ' │ '."""
    col = max(20, (width - 3) // 2)
    lcol = [titles[0], "─" * min(col, len(titles[0]))] + textwrap.wrap(left, col)
    rcol = [titles[1], "─" * min(col, len(titles[1]))] + textwrap.wrap(right or "(không có)", col)
    rows = itertools.zip_longest(lcol, rcol, fillvalue="")
    return "\n".join(f"{a:<{col}} │ {b}".rstrip() for a, b in rows)


def word_diff(source: str, rewrite: str) -> str:
    """The rewrite against the source word by word: [-removed words-] {+added words+}, the rest as is."""
    old, new = source.split(), rewrite.split()
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            out += old[i1:i2]
            continue
        if op in ("delete", "replace"):
            out.append("[-" + " ".join(old[i1:i2]) + "-]")
        if op in ("insert", "replace"):
            out.append("{+" + " ".join(new[j1:j2]) + "+}")
    return " ".join(out)


def decided_by(result: Any) -> list[str]:
    """The claims that decided the verdict, one line each: what was refused, or what was checked and kept."""
    if result.status == RewriteStatus.ACCEPTED:
        kept = list(dict.fromkeys(result.kept))
        lines = [f"Giữ đủ {len(kept)} dữ kiện bắt buộc: " + ", ".join(f"“{k}”" for k in kept) + "."] if kept else []
        if result.verified:
            lines.append("Kiểm tra lần hai (mô hình): không thấy mâu thuẫn.")
        return lines
    return [f"- {f}" for f in dict.fromkeys(result.findings)]


def segment_view(number: int, segment: Any, width: int = 100) -> str:
    """One segment: title, verdict, source | rewrite, the word-level change, the deciding claims, reason."""
    status = segment.rewrite_status
    head = f"[{number}] {segment.title} — viết lại: {STATUS_VI.get(status, status)}"
    if status == RewriteStatus.OFF or segment.rewrite is None:
        return f"{head}\n{textwrap.fill(segment.text, width)}"
    result = segment.rewrite
    lines = [head, side_by_side(segment.source, result.draft, width)]
    if result.draft:
        lines += [
            "Thay đổi từng từ ([-bỏ-] {+thêm+}):",
            textwrap.fill(word_diff(segment.source, result.draft), width, break_long_words=False),
        ]
    claims = decided_by(result)
    if claims:
        lines += ["Căn cứ:", *(textwrap.fill(c, width, subsequent_indent="  ") for c in claims)]
    if segment.rewrite_reason:
        lines.append(textwrap.fill(f"Lý do: {segment.rewrite_reason}", width))
    return "\n".join(lines)


def segment_json(position: int, segment: Any) -> dict[str, Any]:
    result = segment.rewrite
    return {
        "position": position,
        "kind": segment.kind,
        "title": segment.title,
        "text": segment.text,
        "source": segment.source,
        "rewrite_status": segment.rewrite_status,
        "rewrite_reason": segment.rewrite_reason,
        "rewrite": result.draft if result else None,
        "rewrite_claims": list(result.findings if result.status != "accepted" else result.kept) if result else [],
    }


def week_json(scripts: Any, paths: list[Any]) -> dict[str, Any]:
    """The week as JSON: per slot, per segment text/source/rewrite_status/rewrite_reason."""
    usage = getattr(scripts, "rewrite", None)
    return {
        "week": scripts.week.label,
        "rewrite": usage.to_json() if usage else None,
        "slots": [
            {
                "slot": s.slot.at.isoformat(),
                "name": s.slot.name,
                "script": str(p),
                "segments": [segment_json(n, seg) for n, seg in enumerate(s.segments, start=1)],
            }
            for s, p in zip(scripts.slots, paths)
        ],
    }
