"""The one state machine of programs and broadcasts, its Vietnamese labels, and `transition()`.

A program (what one slot airs) moves

    draft ─► approved ─► rendered ─► scheduled ─► airing ─► aired | interrupted | failed
      ▲          │           │           │
      └──────────┴───────────┴───────────┘  (script changed: back to draft, approval cleared)

and a slot that cannot air ends missed, blocked or failed without airing. Every broadcast (one
logbook row) has one result: airing while it plays, then aired, interrupted, failed, missed or
blocked. Status words are written only here; other modules use these enums.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from broadcaster.store.models import Program


class ProgramState(enum.StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"  # approved, audio not rendered yet
    RENDERED = "rendered"  # approved and rendered: ready to air
    SCHEDULED = "scheduled"  # handed to a playout queue
    AIRING = "airing"
    AIRED = "aired"
    INTERRUPTED = "interrupted"  # stopped part-way (emergency, shutdown, crash)
    FAILED = "failed"
    MISSED = "missed"
    BLOCKED = "blocked"


class Result(enum.StrEnum):
    """The result of one broadcast in the logbook."""

    AIRING = "airing"  # transient: the program is playing
    AIRED = "aired"
    INTERRUPTED = "interrupted"
    FAILED = "failed"
    MISSED = "missed"
    BLOCKED = "blocked"


class RewriteStatus(enum.StrEnum):
    """What became of a segment's LLM rewrite (Segment.rewrite_status)."""

    OFF = "off"  # no rewrite: the template text is read
    ACCEPTED = "accepted"  # the fact guard accepted the rewrite: it is read
    REJECTED = "rejected"  # the guard refused it: the template text is read
    FAILED = "failed"  # the model or the check failed: the template text is read
    EDITED = "edited"  # an officer edited the text by hand (checked by the same guard)


class Priority(enum.StrEnum):
    NORMAL = "normal"
    PRIORITY = "priority"
    EMERGENCY = "emergency"


P = ProgramState
PREPARING = frozenset({P.DRAFT, P.APPROVED, P.RENDERED, P.SCHEDULED})
OUTCOMES = frozenset({P.AIRED, P.INTERRUPTED, P.FAILED, P.MISSED, P.BLOCKED})
# A program whose slot is on air or over keeps its script: a rebuild never rewrites what aired.
LOCKED = frozenset({P.SCHEDULED, P.AIRING}) | OUTCOMES
FINAL_RESULTS = frozenset(Result) - {Result.AIRING}
PROBLEMS = frozenset({Result.INTERRUPTED, Result.FAILED, Result.MISSED, Result.BLOCKED})

TRANSITIONS: dict[ProgramState, frozenset[ProgramState]] = {
    P.DRAFT: frozenset(
        {P.APPROVED, P.RENDERED, P.AIRING, P.MISSED, P.BLOCKED, P.FAILED}
    ),  # airs unapproved only when approval is off
    P.APPROVED: frozenset({P.DRAFT, P.RENDERED, P.MISSED, P.BLOCKED, P.FAILED}),
    P.RENDERED: frozenset({P.DRAFT, P.APPROVED, P.SCHEDULED, P.AIRING, P.MISSED, P.BLOCKED, P.FAILED}),
    P.SCHEDULED: frozenset({P.DRAFT, P.RENDERED, P.AIRING, P.MISSED, P.BLOCKED, P.FAILED}),
    P.AIRING: frozenset({P.AIRED, P.INTERRUPTED, P.FAILED}),
    # A replay after an emergency, or a separately logged retry after a partial play.
    P.INTERRUPTED: frozenset({P.AIRING, P.FAILED, P.MISSED}),
    P.FAILED: frozenset({P.AIRING}),
    P.AIRED: frozenset(),
    P.MISSED: frozenset(),
    P.BLOCKED: frozenset(),
}

LABEL_VI: dict[str, str] = {
    "none": "chưa có chương trình",
    P.DRAFT: "chưa duyệt",
    P.APPROVED: "đã duyệt, chưa có âm thanh",
    P.RENDERED: "đã duyệt, sẵn sàng",
    P.SCHEDULED: "đã xếp hàng phát",
    P.AIRING: "đang phát",
    P.AIRED: "đã phát",
    P.INTERRUPTED: "bị ngắt giữa chừng",
    P.FAILED: "lỗi, không phát được",
    P.MISSED: "bị lỡ",
    P.BLOCKED: "bị chặn",
}
PRIORITY_VI: dict[str, str] = {Priority.NORMAL: "thường", Priority.PRIORITY: "ưu tiên", Priority.EMERGENCY: "khẩn cấp"}


def label(state: str) -> str:
    """The Vietnamese word for a program state or a broadcast result."""
    return LABEL_VI.get(state, state)


class TransitionError(ValueError):
    """A program was asked to move to a state its current state does not lead to (a bug)."""


def can_move(current: str, target: str) -> bool:
    return current == target or ProgramState(target) in TRANSITIONS[ProgramState(current)]


def transition(session: Session, program: Program, target: ProgramState, actor: str, detail: str | None = None) -> bool:
    """Move `program` to `target` and write the audit row; False (and no row) when it is there already."""
    from broadcaster.store.db import audit

    current = ProgramState(program.status)
    if current == target:
        return False
    if target not in TRANSITIONS[current]:
        raise TransitionError(f"program {program.id}: {current} -> {target} is not allowed")
    program.status = target.value
    audit(
        session,
        f"program_{target.value}",
        f"program {program.id}",
        f"{current.value} -> {target.value}" + (f": {detail}" if detail else ""),
        actor,
    )
    return True
