"""What a build (or an import) tells the officer beyond its result: items moved for length, items that
will not reach their repeat count, approved programs gone back to draft, duplicates merged."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

KINDS = {
    "moved": "chuyển sang buổi sau vì chương trình dài quá khung giờ",
    "short": "không đủ số lần phát",
    "no_broadcast": "không còn buổi phát nào trước khi hết hạn",
    "draft_again": "chương trình đã duyệt trở lại bản nháp",
    "merged": "tin trùng nội dung được gộp",
}


@dataclasses.dataclass(frozen=True)
class Notice:
    kind: str  # one of KINDS
    message: str  # Vietnamese, complete: what happened and what the officer can do
    details: Mapping[str, Any] = dataclasses.field(default_factory=dict)  # slot, to, title, items, ids…

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "message": self.message, **self.details}
