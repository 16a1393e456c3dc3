"""What the fact guard's checks (guard_values.ValueChecks, guard_text.TextChecks) share with the
guard's check that mixes them in (guard._Check): declared here, set and defined there."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

from broadcaster.production.rewrite.claims import Claim, Document, quantity_of
from broadcaster.production.rewrite.facts import Fact


class CheckBase:
    src: Document  # the source, read into claims
    new: Document  # the rewrite, read into claims
    kept: list[str]  # must-keep claims of the source the rewrite keeps
    missing_facts: list[Fact]  # must-keep dates and times the rewrite drops

    if TYPE_CHECKING:  # defined by guard._Check

        def add(self, kind: str, label: str, text: str, source: str = "", item: str = "") -> None: ...

        def similarity(self, a: frozenset[str], b: frozenset[str]) -> float: ...

        def misbound(self, claim: Claim, candidates: list[Claim], same: Callable[[Claim], bool]) -> Claim | None: ...


def value_is(value: object) -> Callable[[Claim], bool]:
    """For misbound: a claim with this value."""
    return lambda claim: claim.value == value


def number_is(number: Decimal) -> Callable[[Claim], bool]:
    """For misbound: a quantity claim with this number (whatever its unit)."""
    return lambda claim: quantity_of(claim)[0] == number
