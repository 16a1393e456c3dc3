"""The script file the officer reads: a header, then each segment with its number and title."""

from __future__ import annotations

from broadcaster.store.states import ProgramState, RewriteStatus, label
from broadcaster.timeutil import local, vi_date

REWRITE_VI: dict[str, str] = {
    RewriteStatus.ACCEPTED: "(Bản viết lại cho dễ nghe; máy đã đối chiếu: mọi con số, ngày giờ, địa danh có trong "
    "văn bản gốc.)",
    RewriteStatus.REJECTED: "(Bản viết lại bị loại, đọc văn bản gốc. {reason})",
    RewriteStatus.FAILED: "(Không viết lại được, đọc văn bản gốc. {reason})",
}


def rewrite_note(status: str, reason: str) -> str:
    """One line under a segment saying what the rewrite step did; "" when it was off."""
    template = REWRITE_VI.get(status)
    return template.format(reason=" ".join(reason.split())) if template else ""


def minutes_text(seconds: float) -> str:
    """'6 phút 05 giây' — for officers, not for the voice."""
    total = int(round(seconds))
    return f"{total // 60} phút {total % 60:02d} giây"


def script_document(
    station_name: str, week: str, script, status: str = ProgramState.DRAFT, marks: dict[int, list[str]] | None = None
) -> str:
    """The script as text. Under each segment: the rewrite's verdict, then `marks` (segment index ->
    notes such as what the voice cannot read), each on a line starting with "(!)"."""
    when = local(script.slot.at)
    lines = [
        f"{station_name.upper()} — KỊCH BẢN PHÁT THANH",
        f"Buổi phát: {vi_date(when.date())}, lúc {when:%H:%M} (tuần {week})",
        f"Thời lượng ước tính: {minutes_text(script.estimated_s)} (tối đa {script.slot.max_minutes} phút), "
        f"{script.items} tin",
        f"Trạng thái: {label(status)}",
    ]
    if script.carried:
        lines.append("Chuyển sang buổi sau vì hết thời lượng: " + "; ".join(script.carried))
    lines.append("")
    for index, segment in enumerate(script.segments):
        lines += [f"[{index + 1}] {segment.title}", segment.text]
        note = rewrite_note(
            getattr(segment, "rewrite_status", RewriteStatus.OFF), getattr(segment, "rewrite_reason", "")
        )
        lines += [note] if note else []
        lines += [f"(!) {mark}" for mark in (marks or {}).get(index, [])]
        lines.append("")
    return "\n".join(lines)
