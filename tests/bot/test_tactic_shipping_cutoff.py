"""Shipping cutoff from the clock and the shop's cutoffs: this morning / this afternoon / try for
the last pickup / the next ship day — never "ships today" after the cutoff."""

from __future__ import annotations

import pytest

from bot.tactics import shipping_cutoff
from tests.bot_helpers import context


@pytest.mark.parametrize(
    "shop_id, when, ships, key_fact",
    [
        ("demo", "2026-07-15 09:59", "morning", ("cutoff", "10:00")),
        ("demo", "2026-07-15 10:00", "afternoon", ("cutoff", "16:00")),
        ("demo", "2026-07-15 15:30", "afternoon", ("cutoff", "16:00")),
        ("demo", "2026-07-15 16:30", "try_today", ("last_pickup", "17:30")),
        ("demo", "2026-07-15 17:30", "next_ship_day", ("day", "明天")),
        ("demo", "2026-07-18 16:30", "try_today", ("last_pickup", "17:30")),  # Saturday ships
        ("demo", "2026-07-18 18:00", "next_ship_day", ("day", "周一")),  # no Sunday shipping
        ("demo", "2026-07-19 09:00", "next_ship_day", ("day", "明天")),  # Sunday morning
        ("jdhome", "2026-07-15 10:59", "morning", ("cutoff", "11:00")),
        ("jdhome", "2026-07-15 15:30", "evening", ("cutoff", "21:00")),
        ("jdhome", "2026-07-15 16:30", "evening", ("cutoff", "21:00")),
        ("jdhome", "2026-07-15 21:30", "next_ship_day", ("day", "明天")),  # no last pickup
        ("jdhome", "2026-07-19 09:00", "morning", ("cutoff", "11:00")),  # ships on Sundays
    ],
)
def test_shipping_answer_from_clock(shop_id, when, ships, key_fact):
    [draft] = shipping_cutoff.propose(context(shop_id, "shipping_time", "今天能发吗", when))
    assert draft.facts["ships"] == ships
    assert draft.facts[key_fact[0]] == key_fact[1]


@pytest.mark.parametrize(
    "shop_id, when, text",
    [
        ("demo", "2026-07-15 15:30", "亲，现在拍还来得及，16:00前付款的订单今天下午就给您发出～"),
        (
            "demo",
            "2026-07-15 16:30",
            "亲，今天16:00的发货时间已经过了，您现在付款我让仓库加急，尽量赶17:30最后一班快递～",
        ),
        ("demo", "2026-07-18 18:00", "亲，今天的发货已经截止了，现在拍下周一给您优先发出～"),
    ],
)
def test_shipping_text(shop_id, when, text):
    [draft] = shipping_cutoff.propose(context(shop_id, "shipping_time", "今天能发吗", when))
    assert draft.text == text


def test_after_cutoff_never_says_today_ships():
    [draft] = shipping_cutoff.propose(context("demo", "shipping_time", "", "2026-07-15 16:30"))
    assert "今天下午就" not in draft.text and "今天上午就" not in draft.text


@pytest.mark.parametrize(
    "shop_id, when, holds",
    [
        ("demo", "2026-07-15 15:30", True),
        ("demo", "2026-07-15 16:30", False),
        ("demo", "2026-07-19 09:00", False),
        ("jdhome", "2026-07-15 16:30", True),
        ("jdhome", "2026-07-15 21:30", False),
    ],
)
def test_as_an_incentive_only_when_it_ships_today(shop_id, when, holds):
    drafts = shipping_cutoff.propose(context(shop_id, "hesitation", "我再考虑一下", when))
    assert bool(drafts) is holds


def test_clock_in_another_timezone_is_converted_to_the_shops():
    from datetime import datetime, timezone

    from bot.drafting import build_context
    from tests.bot_helpers import SHOPS, understand

    utc_0730 = datetime(2026, 7, 15, 7, 30, tzinfo=timezone.utc)  # 15:30 in Shanghai
    ctx = build_context(understand("shipping_time"), SHOPS["demo"], utc_0730, seed="c1")
    assert shipping_cutoff.propose(ctx)[0].facts["ships"] == "afternoon"
