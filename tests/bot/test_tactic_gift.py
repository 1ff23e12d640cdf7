"""Gift from the tier the order reaches; swaps only to that tier's alternatives; never auto-sent."""

from __future__ import annotations

import pytest

from bot.tactics import gift
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
