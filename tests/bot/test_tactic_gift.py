"""Gift from the tier the order reaches; swaps only to that tier's alternatives; never auto-sent."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.tactics import gift
from bot.types import Draft
from tests.bot_helpers import context


@pytest.mark.parametrize(
    "shop_id, text, entities, order_value, expected",
    [
        ("demo", "", {"product": "笔记本"}, None, ("有线鼠标", None)),
        ("demo", "能送个无线鼠标吗", {"product": "笔记本"}, None, ("有线鼠标", "无线鼠标")),
        ("demo", "", {"product": "儿童泳衣", "quantity": 3}, None, ("卡通防水收纳袋", None)),
        ("demo", "送个泳帽吧 儿童泳帽", {}, 250, ("卡通防水收纳袋", "儿童泳帽")),
        ("jdhome", "", {"product": "游戏本"}, None, ("有线鼠标", None)),
        ("jdhome", "换无线鼠标行吗", {}, 7200, ("有线鼠标", "无线鼠标")),
    ],
)
def test_gift_holds(shop_id, text, entities, order_value, expected):
    [draft] = gift.propose(
        context(shop_id, "hesitation", text, order_value=order_value, **entities)
    )
    assert (draft.facts["gift"], draft.facts.get("swap")) == expected
    assert (draft.needs_approval, draft.auto_send_safe) == (False, False)


@pytest.mark.parametrize(
    "shop_id, entities, order_value",
    [
        ("demo", {"product": "儿童泳衣"}, None),  # 89 < 199
        ("demo", {"product": "台灯", "quantity": 2}, None),  # lamp is not gift-eligible
        ("demo", {}, None),  # order value unknown
        ("jdhome", {"product": "空气炸锅"}, None),  # 459 < 5000
        ("jdhome", {}, 4999),
    ],
)
def test_no_tier_reached_no_gift(shop_id, entities, order_value):
    assert gift.propose(context(shop_id, "hesitation", order_value=order_value, **entities)) == []


def test_gift_text_offers_the_listed_swap():
    [draft] = gift.propose(context("demo", "hesitation", product="笔记本"))
    assert draft.text == "亲，这单送您有线鼠标一份，也可以换成无线鼠标，您挑一个我给您备注～"
    assert draft.facts == {
        "order_value": 3850,
        "min_order_value": 3000,
        "gift": "有线鼠标",
        "gift_value": 29,
        "swaps": ["无线鼠标"],
    }


def test_unlisted_swap_is_not_granted():
    [draft] = gift.propose(context("demo", "hesitation", "能换个键盘吗", product="笔记本"))
    assert "swap" not in draft.facts and "键盘" not in draft.text


def test_a_gift_question_in_a_shop_without_tiers_gets_a_plain_no():
    ctx = context("demo", "hesitation", "有赠品吗")
    no_tiers = replace(ctx, shop=replace(ctx.shop, gift_tiers=()))
    assert gift.propose(no_tiers) == [
        Draft(
            text="亲，目前没有赠品哦，不过商品都是实价，放心拍～",
            tactic="gift",
            facts={"gift": False},
            needs_approval=False,
            auto_send_safe=False,
        )
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # asked below the lowest tier (199): how much more reaches it
        ("有赠品吗", [{"order_value": 120, "min_order_value": 199, "gift": "卡通防水收纳袋"}
                     | {"gift_value": 15, "missing": 79}]),
        # not asked: the gift is a sales pitch only once a tier is reached
        ("", []),
    ],
)  # fmt: skip
def test_below_the_lowest_tier_only_when_asked(text, expected):
    drafts = gift.propose(context("demo", "hesitation", text, order_value=120))
    assert [draft.facts for draft in drafts] == expected
