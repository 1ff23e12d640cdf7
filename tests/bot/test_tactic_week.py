"""Weekdays as agents write them: the opening hours and the ship days of the demo shops."""

from __future__ import annotations

from datetime import time

import pytest

from bot.tactics.week import days_text, hours_text
from tests.bot_helpers import SHOPS


@pytest.mark.parametrize(
    "shop_id, hours, ship_days",
    [
        ("demo", "周一至周五 09:00-23:00，周六、周日 10:00-22:00", "周一至周六"),
        ("jdhome", "周一至周五 08:00-23:59，周六、周日 08:00-12:00、13:00-23:59", "周一至周日"),
    ],
)
def test_shop_hours_and_ship_days(shop_id, hours, ship_days):
    shop = SHOPS[shop_id]
    assert (hours_text(shop.hours.weekly), days_text(shop.shipping.ship_days)) == (
        hours,
        ship_days,
    )


def test_closed_days_and_scattered_ship_days():
    weekly = {0: ((time(9), time(18)),), 2: ((time(9), time(18)),)}
    assert hours_text(weekly) == "周一 09:00-18:00，周二 休息，周三 09:00-18:00，周四至周日 休息"
    assert days_text(frozenset({0, 2, 3})) == "周一、周三、周四"
