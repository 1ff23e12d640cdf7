"""Reminder planning with a fixed clock: each channel rule, batch times, night silence, the
follow window and paid/cancelled orders, on the demo shop with rules fixed by the test."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.orders import Order, OrderItem
from bot.reminder_plan import Plan, plan_reminder
from bot.shop.loader import load_shop
from bot.shop.reminders import ReminderRules

PROJECT_DIR = Path(__file__).resolve().parents[2]
SHANGHAI = ZoneInfo("Asia/Shanghai")
RULES = ReminderRules(
    batches=(time(10, 0), time(17, 0)),
    night_starts=time(21, 0),
    night_ends=time(9, 0),
    im_after_minutes=10,
    phone_min_value=1000,
    sms_max_value=100,
    promotion_days=frozenset({date(2026, 11, 11)}),
    follow_days=3,
)


@pytest.fixture(scope="module")
def shop():
    demo = load_shop(PROJECT_DIR / "data" / "shops" / "demo.yml", today=date(2026, 11, 30))
    return dataclasses.replace(demo, reminders=RULES)


def at(text: str) -> datetime:
    """'11-30 10:00' on the shop's clock in 2026."""
    return datetime.strptime(f"2026-{text}", "%Y-%m-%d %H:%M").replace(tzinfo=SHANGHAI)


def order(value: float, created: str, online: bool | None = None, **closed) -> Order:
    item = OrderItem("desk-lamp", 1, value)
    times = {name: at(moment) for name, moment in closed.items()}
    return Order("demo", "o1", "b1", value, (item,), at(created), buyer_online=online, **times)


def plan(channel: str, code: str, due: str) -> tuple[str, str, datetime]:
    return channel, code, at(due)


CASES = [
    # high values: phone, online or not
    ("high value offline", order(3850, "11-30 09:00"), "11-30 10:00",
     plan("phone", "high_value", "11-30 10:00")),
    ("high value online", order(3850, "11-30 09:00", online=True), "11-30 10:30",
     plan("phone", "high_value", "11-30 10:00")),
    # IM: only once unpaid for ten minutes and the buyer is online
    ("online, 5 min", order(159, "11-30 11:00", online=True), "11-30 11:05", None),
    ("online, 10 min", order(159, "11-30 11:00", online=True), "11-30 11:10",
     plan("im", "buyer_online", "11-30 11:10")),
    ("online, low value", order(89, "11-30 11:00", online=True), "11-30 12:00",
     plan("im", "buyer_online", "11-30 11:10")),
    # offline buyers: phone at the next batch; SMS for low values
    ("offline, before batch", order(159, "11-30 10:30"), "11-30 16:59", None),
    ("offline, at batch", order(159, "11-30 10:30"), "11-30 17:00",
     plan("phone", "buyer_offline", "11-30 17:00")),
    ("unknown presence", order(159, "11-30 10:30", online=None), "11-30 17:20",
     plan("phone", "buyer_offline", "11-30 17:00")),
    ("offline, low value", order(89, "11-30 10:30", online=False), "11-30 17:05",
     plan("sms", "low_value", "11-30 17:00")),
    ("placed 5 min before batch", order(159, "11-30 09:55"), "11-30 10:00", None),
    ("placed 5 min before batch, next batch", order(159, "11-30 09:55"), "11-30 17:00",
     plan("phone", "buyer_offline", "11-30 17:00")),
    # promotion days: SMS in bulk, high values still by phone
    ("promotion day", order(159, "11-11 10:30"), "11-11 17:00",
     plan("sms", "promotion_day", "11-11 17:00")),
    ("promotion day, high value", order(3850, "11-11 10:30"), "11-11 17:00",
     plan("phone", "high_value", "11-11 17:00")),
    # never at night in the shop's timezone
    ("night, high value", order(3850, "11-30 20:00"), "11-30 21:30", None),
    ("night, early morning", order(3850, "11-30 20:00"), "12-01 08:59", None),
    ("morning batch after the night", order(3850, "11-30 20:00"), "12-01 10:00",
     plan("phone", "high_value", "12-01 10:00")),
    ("IM waits for the night to end", order(159, "11-30 20:55", online=True), "11-30 21:05",
     None),
    ("IM at the end of the night", order(159, "11-30 20:55", online=True), "12-01 09:00",
     plan("im", "buyer_online", "12-01 09:00")),
    # never after paid or cancelled
    ("paid", order(3850, "11-30 09:00", paid_at="11-30 09:30"), "11-30 10:00", None),
    ("cancelled", order(3850, "11-30 09:00", cancelled_at="11-30 09:40"), "11-30 10:00", None),
    ("paid later", order(3850, "11-30 09:00", paid_at="11-30 12:00"), "11-30 10:00",
     plan("phone", "high_value", "11-30 10:00")),
    # followed on three days at most, the order's day included
    ("third day", order(3850, "11-30 09:00"), "12-02 10:00",
     plan("phone", "high_value", "12-02 10:00")),
    ("fourth day", order(3850, "11-30 09:00"), "12-03 10:00", None),
]  # fmt: skip


@pytest.mark.parametrize(
    "the_order, now, expected", [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_plan(shop, the_order, now, expected):
    planned = plan_reminder(the_order, shop, at(now))
    found = (planned.channel, planned.reason_code, planned.due_at) if planned else None
    assert found == expected


def test_the_time_zone_is_the_shops(shop):
    """10:00 in Shanghai is 02:00 UTC: the same moment, planned the same."""
    utc = at("11-30 10:00").astimezone(ZoneInfo("UTC"))
    assert plan_reminder(order(3850, "11-30 09:00"), shop, utc) == Plan(
        "phone", "high_value", "order value 3850 ≥ 1000: phone", at("11-30 10:00")
    )


@pytest.mark.parametrize(
    "results, expected", [((), True), (("unreachable",), True), (("will_pay",), True),
                          (("declined",), False), (("paid",), False)]
)  # fmt: skip
def test_a_declined_or_paid_outcome_ends_the_follow_up(shop, results, expected):
    planned = plan_reminder(order(3850, "11-30 09:00"), shop, at("12-01 10:00"), results)
    assert (planned is not None) == expected


def test_no_reminders_section_plans_nothing(shop):
    without = dataclasses.replace(shop, reminders=None)
    assert plan_reminder(order(3850, "11-30 09:00"), without, at("11-30 10:00")) is None


def test_reasons_name_the_rule(shop):
    reasons = {
        plan_reminder(o, shop, at(now)).reason
        for o, now in [
            (order(3850, "11-30 09:00"), "11-30 10:00"),
            (order(159, "11-30 11:00", online=True), "11-30 11:10"),
            (order(89, "11-30 10:30"), "11-30 17:00"),
            (order(159, "11-30 10:30"), "11-30 17:00"),
            (order(159, "11-11 10:30"), "11-11 17:00"),
        ]
    }
    assert reasons == {
        "order value 3850 ≥ 1000: phone",
        "unpaid ≥ 10 min and the buyer is online: IM",
        "order value 89 < 100: SMS",
        "the buyer is not online on IM: phone",
        "promotion day, too many unpaid orders to call: SMS",
    }


def test_unpaid_at_ignores_later_payment():
    placed = order(3850, "11-30 09:00", paid_at="11-30 12:00")
    assert [placed.unpaid_at(at(t)) for t in ("11-30 08:59", "11-30 11:59", "11-30 12:00")] == [
        False,
        True,
        False,
    ]
    assert placed.created_at + timedelta(hours=3) == placed.paid_at
