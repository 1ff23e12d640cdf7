"""Coupon: within the agent's authority it is granted (this order first), beyond it the draft only
asks a supervisor; the unattended limit decides auto_send_safe."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.tactics import coupon
from bot.tactics.context import Context
from tests.bot_helpers import SHOPS, context


@pytest.mark.parametrize(
    "shop_id, entities, order_value, expected",
    [
        # 89 yuan swimsuit: C5 works this order (C20 needs 199)
        ("demo", {"product": "儿童泳衣"}, None, ("C5", "this_order", False, True)),
        # two swimsuits (178) still under 199
        ("demo", {"product": "儿童泳衣", "quantity": 2}, None, ("C5", "this_order", False, True)),
        # laptop: C20 is the largest within the 20-yuan authority; above the unattended 5
        ("demo", {"product": "笔记本"}, None, ("C20", "this_order", False, False)),
        ("demo", {}, 250, ("C20", "this_order", False, False)),
        # nothing reaches a this-order minimum: the next-order coupon
        ("demo", {}, 30, ("C10-NEXT", "next_order", False, False)),
        ("jdhome", {"product": "空气炸锅"}, None, ("J30", "this_order", False, False)),
        # 79 yuan tee: J30 needs 299, J50 is beyond the 30-yuan authority → ask a supervisor
        ("jdhome", {"product": "T恤"}, None, ("J50-NEXT", "next_order", True, False)),
    ],
)
def test_coupon_holds(shop_id, entities, order_value, expected):
    [draft] = coupon.propose(context(shop_id, order_value=order_value, **entities))
    facts = draft.facts
    got = (facts["coupon_id"], facts["usable"], draft.needs_approval, draft.auto_send_safe)
    assert got == expected


def test_coupon_beyond_authority_asks_supervisor_without_promising():
    [draft] = coupon.propose(context("jdhome", product="T恤"))
    assert draft.tactic == "coupon"
    assert draft.text == "亲，我帮您向主管申请一张50元的优惠券，申请下来马上发您，请稍等～"
    assert draft.facts == {
        "coupon_id": "J50-NEXT",
        "value": 50,
        "min_spend": 500,
        "usable": "next_order",
        "authority_max": 30,
        "order_value": 79,
    }


def test_same_coupon_beyond_a_lower_authority_needs_approval():
    ctx = context("demo", product="笔记本")
    shop = replace(SHOPS["demo"], authority=replace(SHOPS["demo"].authority, coupon_max=3))
    [draft] = coupon.propose(Context(**{**ctx.__dict__, "shop": shop}))
    assert (draft.facts["coupon_id"], draft.needs_approval) == ("C5", True)


def test_coupon_within_unattended_limit_is_auto_send_safe():
    [draft] = coupon.propose(context("demo", product="儿童泳衣"))
    # the order value is not known: the threshold is named, "this order" is not promised
    assert draft.text == "亲，价格已经很实在了，我再送您一张5元券，订单满50元可用，下单直接抵扣～"
    assert draft.auto_send_safe is True


@pytest.mark.parametrize(
    "shop_id, when, entities, order_value",
    [
        ("jdhome", "2026-07-15 15:30", {"product": "空气炸锅"}, None),
        ("demo", "2026-07-15 15:30", {}, None),
    ],
)
def test_expired_coupon_never_offered(shop_id, when, entities, order_value):
    drafts = coupon.propose(context(shop_id, when=when, order_value=order_value, **entities))
    assert "C15-JUNE" not in [draft.facts["coupon_id"] for draft in drafts]


def test_this_order_is_promised_only_for_a_known_order_value_that_reaches_it():
    [draft] = coupon.propose(context("demo", order_value=250))
    assert draft.text == "亲，给您发一张满199减20的店铺券，您这单就能用，领了再拍更划算～"


def test_no_coupon_when_shop_has_none_usable():
    shop = replace(SHOPS["jdhome"], coupons=SHOPS["jdhome"].coupons[2:])
    ctx = context("jdhome", product="空气炸锅")
    assert coupon.propose(Context(**{**ctx.__dict__, "shop": shop})) == []
