"""Template filters: station time, lengths, state words and colours, word diffs, normalizer marks."""

from __future__ import annotations

import datetime as dt
import difflib

from flask import Flask

from broadcaster.accounts import ROLE_VI
from broadcaster.intake.vocab import CATEGORY_VALUES, CHANGE_TYPE_VALUES
from broadcaster.production.rewrite.report import STATUS_VI as REWRITE_VI
from broadcaster.production.script.document import minutes_text
from broadcaster.store.states import PRIORITY_VI, PROBLEMS, ProgramState, label
from broadcaster.timeutil import WEEKDAY_VI, local

GOOD = {ProgramState.APPROVED, ProgramState.RENDERED, ProgramState.SCHEDULED, ProgramState.AIRED}
BAD = set(PROBLEMS) | {"none"}
CATEGORY_VI = {key: aliases[1] for key, aliases in CATEGORY_VALUES.items()}
CHANGE_VI = {
    key: aliases[2] if key in ("new", "amended") else aliases[1] for key, aliases in CHANGE_TYPE_VALUES.items()
}
REWRITE_STATUS_VI = {**REWRITE_VI, "edited": "máy đã đối chiếu với văn bản gốc: không thêm, không bỏ dữ kiện"}


ACTION_VI = {
    "approve": "duyệt",
    "approved_text": "ghi toàn văn đã duyệt",
    "send_back": "trả lại",
    "segment_edit": "sửa tay",
    "render": "dựng âm thanh",
    "approval_reset": "hủy duyệt (kịch bản đổi)",
    "program_removed": "bỏ chương trình",
    "urgent": "tin khẩn cấp",
    "weekly_build": "dựng chương trình tuần",
}


def action(name: str) -> str:
    """An audit action in words; state changes ("program_draft") by the state's label."""
    if name.startswith("program_") and name not in ACTION_VI:
        return "chuyển sang: " + label(name.removeprefix("program_"))
    return ACTION_VI.get(name, name)


def split_hint(reason: str) -> tuple[str, str]:
    """'chưa được duyệt (broadcaster approve …)' -> ('chưa được duyệt', 'broadcaster approve …'): the
    library's reasons end with the command that fixes them; pages show it smaller."""
    head, sep, tail = reason.partition(" (")
    return (head, tail.removesuffix(")")) if sep and tail.endswith(")") else (reason, "")


def when(moment: dt.datetime | None, fmt: str = "%d/%m/%Y %H:%M") -> str:
    return local(moment).strftime(fmt) if moment else "—"


def day(moment: dt.datetime | dt.date) -> str:
    value = local(moment) if isinstance(moment, dt.datetime) else moment
    return f"{WEEKDAY_VI[value.weekday()]} {value:%d/%m}"


def duration(seconds: float | None) -> str:
    return minutes_text(seconds) if seconds else "—"


def tone(status: str) -> str:
    """CSS class of a state: good (green), wait (amber), bad (red), done (blue), live (purple)."""
    if status == "aired":
        return "done"
    if status == "airing":
        return "live"
    if status in GOOD:
        return "good"
    if status in BAD:
        return "bad"
    return "wait"


def word_diff(before: str, after: str) -> list[tuple[str, str]]:
    """[(op, words)] with op one of "=", "-", "+": what a rewrite or an edit changed, word by word."""
    a, b = before.split(), after.split()
    parts: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            parts.append(("+", " ".join(b[j1:j2])))
    return parts


def marked(text: str, marks) -> list[tuple[str, str | None]]:
    """The text cut into (piece, warning or None): the normalizer's "(!)" places to highlight."""
    pieces, pos = [], 0
    for mark in sorted(marks, key=lambda m: m.position):
        start = max(mark.position, pos)
        end = mark.position + len(mark.fragment)
        if end <= start or text[mark.position : end] != mark.fragment:
            continue
        pieces.append((text[pos:start], None))
        pieces.append((text[start:end], mark.message))
        pos = end
    pieces.append((text[pos:], None))
    return [p for p in pieces if p[0]]


def message_lines(message: str) -> tuple[list[str], list[str]]:
    """An error message: its plain lines and its bullet items ("  - dòng 3, trường …")."""
    plain, items = [], []
    for line in message.splitlines():
        if line.startswith(("  - ", "  … ")):
            items.append(line[4:] if line.startswith("  - ") else line.strip())
        elif line.strip():
            plain.append(line)
    return plain, items


def install(app: Flask) -> None:
    app.jinja_env.filters.update(
        when=when,
        day=day,
        duration=duration,
        label=label,
        tone=tone,
        diff=word_diff,
        marked=marked,
        message_lines=message_lines,
        action=action,
        split_hint=split_hint,
        priority=lambda p: PRIORITY_VI.get(p, p),
        role=lambda r: ROLE_VI.get(r, r),
        category=lambda c: CATEGORY_VI.get(c, c),
        change=lambda c: CHANGE_VI.get(c, c),
        rewrite=lambda s: REWRITE_STATUS_VI.get(s, s),
    )
    app.jinja_env.globals.update(CATEGORY_VI=CATEGORY_VI, CHANGE_VI=CHANGE_VI, PRIORITY_VI=PRIORITY_VI)
    app.jinja_env.trim_blocks = app.jinja_env.lstrip_blocks = True
