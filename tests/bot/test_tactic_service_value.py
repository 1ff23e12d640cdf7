"""Service value answers a price gap with the shop's strengths only (a good rating, returns, after
sales; never a cost to the buyer); a real gap with another shop can go to a supervisor (price
match: needs approval, never auto-sent)."""

from __future__ import annotations

import pytest

from bot.tactics import price_match, service_value
from bot.types import Draft
from tests.bot_helpers import context


def test_gap_with_competitor_is_named_and_answered_with_service():
    ctx = context("demo", "compare_shops", "别家才3800", product="笔记本", competitor_price=3800)
    [draft] = service_value.propose(ctx)
    assert draft.facts == {
        "strengths": "店铺评分4.9，支持7天无理由退换、退货运费我们承担，售后问题48小时内处理",
        "rating": 4.9,
        "after_sales": "售后问题48小时内处理",
        "no_reason_return_days": 7,
        "free_return_shipping": True,
        "price": 3850,
        "competitor_price": 3800,
        "gap": 50,
    }
    assert draft.text == (
        "亲，理解您比价～我们贵50元，但店铺评分4.9，支持7天无理由退换、退货运费我们承担，"
        "售后问题48小时内处理，后续有问题都有人管～"
    )


@pytest.mark.parametrize(
    "shop_id, text",
    [
        (
            "demo",
            "亲，价格之外也看看服务呀：店铺评分4.9，支持7天无理由退换、退货运费我们承担，"
            "售后问题48小时内处理，买得放心～",
        ),
        # the buyer pays return shipping at jdhome: not a selling point, so not said
        (
            "jdhome",
            "亲，价格之外也看看服务呀：店铺评分4.7，支持7天无理由退换，京东售后上门取件，买得放心～",
        ),
    ],
)
def test_plain_service_value_cites_only_strengths(shop_id, text):
    [draft] = service_value.propose(context(shop_id, "price_objection", "太贵了"))
    assert draft.text == text


def test_competitor_not_cheaper_no_gap_claim():
    ctx = context("jdhome", "compare_shops", product="空气炸锅", competitor_price=499)
    [draft] = service_value.propose(ctx)
    assert "gap" not in draft.facts


def test_price_match_needs_approval():
    ctx = context(
        "jdhome", "compare_shops", "京东别家379", product="空气炸锅", competitor_price=379
    )
    assert price_match.propose(ctx) == [
        Draft(
            text="亲，您说的¥379我记下了，差价20元我帮您向主管申请一下，请稍等～",
            tactic="price_match",
            facts={"product": "可视空气炸锅", "price": 399, "competitor_price": 379, "gap": 20},
            needs_approval=True,
            auto_send_safe=False,
        )
    ]


@pytest.mark.parametrize(
    "shop_id, entities",
    [
        ("demo", {"product": "笔记本", "competitor_price": 3900}),  # we are cheaper
        ("demo", {"competitor_price": 3800}),  # product unknown
        ("jdhome", {"product": "空气炸锅"}),  # no competitor price
    ],
)
def test_no_price_match_without_a_real_gap(shop_id, entities):
    assert price_match.propose(context(shop_id, "compare_shops", **entities)) == []


def test_gap_counts_from_the_running_promotion_price():
    # list price ¥459, 家电节 price ¥399: another shop's ¥429 is not cheaper, nothing to match
    ctx = context(
        "jdhome", "compare_shops", "京东别家429", product="空气炸锅", competitor_price=429
    )
    assert price_match.propose(ctx) == []
    assert "gap" not in service_value.propose(ctx)[0].facts
