"""Benchmark of the rewrite fact guard on the project's adversarial set (tests/data/guard_set/).

    python benchmarks/guard.py [--part tune|heldout|both] [--show]

Prints, per part and per kind, how many pairs the guard rejected: for unfaithful kinds that is the
share caught (higher is better), for faithful kinds ("ok-…") the share wrongly refused (lower is
better). --show lists the tuning part's mistakes with the guard's reasons; the held-out part's
cases are never listed, only scored.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import guard_set

from broadcaster.production.rewrite.guard import check_rewrite


def _check(source: str, rewrite: str) -> tuple[bool, tuple[str, ...]]:
    verdict = check_rewrite(source, rewrite)
    return verdict.ok, tuple(getattr(verdict, "reasons", ()) or ([verdict.reason] if verdict.reason else []))


def report(part: str, show: bool) -> None:
    outcomes = guard_set.score(guard_set.load(part), _check)
    r = guard_set.rates(outcomes)
    print(f"== {part}: {len(outcomes)} pairs")
    print(f"{'kind':<16}{'pairs':>6}{'rejected':>10}{'rate':>8}")
    for kind, (n, rejected) in guard_set.by_kind(outcomes).items():
        print(f"{kind:<16}{n:>6}{rejected:>10}{rejected / n:>8.0%}")
    print(f"unfaithful rejected: {r.unfaithful_rejected}/{r.unfaithful} = {r.recall:.1%}")
    print(f"faithful rejected:   {r.faithful_rejected}/{r.faithful} = {r.false_rejects:.1%}")
    if show and part == "tune":
        for o in outcomes:
            if o.wrong:
                verdict = "REJECTED" if o.rejected else "ACCEPTED"
                print(f"\n-- {o.pair.id} [{o.pair.kind}] {verdict} {o.pair.note}")
                for reason in o.reasons:
                    print(f"   {reason}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["tune", "heldout", "both"], default="both")
    parser.add_argument("--show", action="store_true", help="list the tuning part's mistakes")
    args = parser.parse_args()
    for part in ["tune", "heldout"] if args.part == "both" else [args.part]:
        report(part, args.show)


if __name__ == "__main__":
    main()
