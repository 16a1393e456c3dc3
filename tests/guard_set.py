"""The adversarial set of the rewrite fact guard (tests/data/guard_set/*.yaml), loaded and scored.

Shared by tests/test_rewrite_guard_set.py and benchmarks/guard.py. The rules were tuned on `tune*.yaml`
(the "tune" part; tune2, tune3 and tune7 were held-out parts, each opened only after it had been scored
once and while a fresh held-out part was written blind); `heldout.yaml` is only ever scored as a whole.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

FOLDER = Path(__file__).resolve().parent / "data" / "guard_set"
PARTS = {
    "tune": (
        FOLDER / "tune.yaml",
        FOLDER / "tune2.yaml",
        FOLDER / "tune3.yaml",
        FOLDER / "tune4.yaml",
        FOLDER / "tune5.yaml",
        FOLDER / "tune6.yaml",
        FOLDER / "tune7.yaml",
    ),
    "heldout": (FOLDER / "heldout.yaml",),
}


@dataclass(frozen=True)
class Pair:
    id: str
    source: str
    rewrite: str
    faithful: bool
    kind: str
    note: str = ""


@dataclass(frozen=True)
class Outcome:
    pair: Pair
    rejected: bool
    reasons: tuple[str, ...]

    @property
    def wrong(self) -> bool:
        return self.rejected == self.pair.faithful


def load(part: str) -> list[Pair]:
    items = [item for path in PARTS[part] for item in yaml.safe_load(path.read_text(encoding="utf-8"))]
    pairs = []
    for item in items:
        for n, r in enumerate(item["rewrites"], start=1):
            assert r["label"] in ("faithful", "unfaithful"), (item["id"], n)
            pairs.append(
                Pair(
                    f"{item['id']}#{n}",
                    item["source"],
                    r["text"],
                    r["label"] == "faithful",
                    r["kind"],
                    r.get("note", ""),
                )
            )
    return pairs


def score(pairs: list[Pair], check: Callable[[str, str], tuple[bool, tuple[str, ...]]]) -> list[Outcome]:
    """`check(source, rewrite)` -> (accepted, reasons)."""
    outcomes = []
    for pair in pairs:
        accepted, reasons = check(pair.source, pair.rewrite)
        outcomes.append(Outcome(pair, not accepted, tuple(reasons)))
    return outcomes


@dataclass(frozen=True)
class Rates:
    unfaithful: int
    unfaithful_rejected: int
    faithful: int
    faithful_rejected: int

    @property
    def recall(self) -> float:
        return self.unfaithful_rejected / self.unfaithful if self.unfaithful else 1.0

    @property
    def false_rejects(self) -> float:
        return self.faithful_rejected / self.faithful if self.faithful else 0.0


def rates(outcomes: list[Outcome]) -> Rates:
    bad = [o for o in outcomes if not o.pair.faithful]
    good = [o for o in outcomes if o.pair.faithful]
    return Rates(len(bad), sum(o.rejected for o in bad), len(good), sum(o.rejected for o in good))


def by_kind(outcomes: list[Outcome]) -> dict[str, tuple[int, int]]:
    """kind -> (pairs, rejected)."""
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for o in outcomes:
        table[o.pair.kind][0] += 1
        table[o.pair.kind][1] += int(o.rejected)
    return {k: (v[0], v[1]) for k, v in sorted(table.items(), key=lambda kv: (kv[0].startswith("ok-"), kv[0]))}
