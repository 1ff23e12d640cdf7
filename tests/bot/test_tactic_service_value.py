"""Service value answers a price gap with rating, after-sales and return terms; a real gap with
another shop can go to a supervisor (price match: needs approval, never auto-sent)."""

from __future__ import annotations

import pytest

from bot.tactics import price_match, service_value
from bot.types import Draft
from tests.bot_helpers import context


def test_gap_with_competitor_is_named_and_answered_with_service():
    ctx = context("demo", "compare_shops", "别家才3800", product="笔记本", competitor_price=3800)
    [draft] = service_value.propose(ctx)
    assert draft.facts == {
        "rating": 4.9,
        "after_sales": "售后问题48小时内处理",
        "returns": "支持7天无理由退换，退货运费由我们承担",
        "price": 3850,
        "competitor_price": 3800,
        "gap": 50,
    }
    assert "50元" in draft.text and "4.9" in draft.text


@pytest.mark.parametrize(
    "shop_id, returns",
    [
        ("demo", "支持7天无理由退换，退货运费由我们承担"),
        ("jdhome", "支持7天无理由退换，退货运费需您承担"),
    ],
)
def test_plain_service_value_per_shop(shop_id, returns):
    [draft] = service_value.propose(context(shop_id, "price_objection", "太贵了"))
    assert draft.facts["returns"] == returns and returns in draft.text


def test_competitor_not_cheaper_no_gap_claim():
    ctx = context("jdhome", "compare_shops", product="空气炸锅", competitor_price=499)
    [draft] = service_value.propose(ctx)
    assert "gap" not in draft.facts


def test_price_match_needs_approval():
    ctx = context(
        "jdhome", "compare_shops", "京东别家429", product="空气炸锅", competitor_price=429
    )
    assert price_match.propose(ctx) == [
        Draft(
            text="亲，您说的¥429我记下了，差价30元我帮您向主管申请一下，请稍等～",
            tactic="price_match",
            facts={"product": "可视空气炸锅", "price": 459, "competitor_price": 429, "gap": 30},
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
