import dataclasses
import datetime as dt

from broadcaster.production.pace import Pace
from broadcaster.production.planning import Item, estimate_seconds, merge_same_text, plan_week
from broadcaster.timeutil import TZ
from broadcaster.values import SlotTime, Week

TUE = SlotTime(dt.datetime(2026, 12, 1, 6, 0, tzinfo=TZ), 10, 1)
FRI = SlotTime(dt.datetime(2026, 12, 4, 17, 30, tzinfo=TZ), 10, 2)
FIXED = {TUE.name: 30.0, FRI.name: 30.0}
W49 = Week(2026, 49)


def item(ref, seconds=60.0, priority="normal", start=(2026, 11, 30), end=(2026, 12, 6), remaining=2):
    return Item("announcement", ref, f"tin {ref}", priority, dt.date(*start), dt.date(*end), remaining, seconds, "")


def titles(planned):
    return [i.ref_id for i in planned.items]


def test_priority_then_deadline_order():
    plan = plan_week(
        W49,
        [TUE],
        [item(1), item(2, priority="emergency"), item(3, priority="priority"), item(4, end=(2026, 12, 2))],
        FIXED,
    )
    assert titles(plan.slots[0]) == [2, 3, 4, 1]


def test_each_item_airs_its_repeat_count_once_per_slot():
    plan = plan_week(W49, [TUE, FRI], [item(1, remaining=1), item(2, remaining=5)], FIXED)
    assert titles(plan.slots[0]) == [1, 2] and titles(plan.slots[1]) == [2]


def test_validity_dates_are_respected():
    plan = plan_week(W49, [TUE, FRI], [item(1, start=(2026, 12, 3)), item(2, end=(2026, 12, 1))], FIXED)
    assert titles(plan.slots[0]) == [2] and titles(plan.slots[1]) == [1]


def test_a_slot_never_exceeds_its_maximum_and_the_rest_is_carried():
    items = [item(n, seconds=200.0, remaining=1) for n in range(1, 5)]  # 4 x 200 s; budget 600 - 30 s
    plan = plan_week(W49, [TUE, FRI], items, FIXED)
    assert titles(plan.slots[0]) == [1, 2] and plan.slots[0].estimated_s <= 600
    assert [i.ref_id for i in plan.slots[0].carried] == [3, 4]
    assert titles(plan.slots[1]) == [3, 4]
    assert plan.unplaced == []


def test_what_fits_nowhere_is_reported():
    plan = plan_week(W49, [TUE], [item(1, seconds=900.0, end=(2026, 12, 1))], FIXED)
    assert plan.slots[0].items == [] and [(i.ref_id, owed) for i, owed in plan.unplaced] == [(1, 2)]


def test_estimate_counts_syllables_at_the_configured_pace():
    assert estimate_seconds("một hai ba bốn năm " * 30, Pace.from_words_per_minute(150), pause_ms=700) == 60.7


def test_closed_slots_take_nothing_and_what_they_air_counts():
    plan = plan_week(
        W49,
        [TUE, FRI],
        [item(1, remaining=2), item(2, remaining=1)],
        FIXED,
        closed={TUE.name: [("announcement", 1), ("announcement", 2)]},
    )
    assert plan.slots[0].closed and titles(plan.slots[0]) == [] and titles(plan.slots[1]) == [1]


def test_an_item_that_expires_after_the_last_broadcast_of_its_week_is_reported():
    plan = plan_week(W49, [TUE], [item(1, remaining=2, start=(2026, 12, 2))], FIXED)
    assert [(i.ref_id, owed) for i, owed in plan.unplaced] == [(1, 2)]


def test_the_same_text_under_two_ids_is_one_item():
    first, second = dataclasses.replace(item(1, remaining=1), key="k"), dataclasses.replace(item(2), key="k")
    kept, merged = merge_same_text([second, first])
    assert [(i.ref_id, i.remaining) for i in kept] == [(1, 2)] and [[i.ref_id for i in g] for g in merged] == [[1, 2]]
    plan = plan_week(W49, [TUE, FRI], kept, FIXED)
    assert titles(plan.slots[0]) == [1] and titles(plan.slots[1]) == [1]
