"""Product info from the catalogue; ask which product when none is named."""

from __future__ import annotations

import pytest

from bot.tactics import product_info
from tests.bot_helpers import context


@pytest.mark.parametrize(
    "shop_id, product, facts",
    [
        (
            "demo",
            "台灯",
            {
                "product": "LED护眼台灯",
                "description": "国AA级照度，无频闪，三档色温可调",
                # today's price: the flash sale's ¥129, not the list price ¥159
                "price": 129,
            },
        ),
        (
            "jdhome",
            "炸锅",
            {
                "product": "可视空气炸锅",
                "description": "5.5升大容量，可视窗口，免翻面热风循环",
                "price": 399,
            },
        ),
    ],
)
def test_describe_named_product(shop_id, product, facts):
    [draft] = product_info.propose(
        context(shop_id, "ask_product_info", "介绍一下", product=product)
    )
    assert draft.facts == facts
    assert facts["description"] in draft.text and f"¥{facts['price']}" in draft.text


def test_warranty_question_answered_from_product():
    ctx = context("jdhome", "ask_product_info", "保修多久", product="游戏本")
    [draft] = product_info.propose(ctx)
    assert draft.facts["warranty"] == "整机两年质保" and "整机两年质保" in draft.text


@pytest.mark.parametrize("shop_id", ["demo", "jdhome"])
def test_unknown_product_asks_which(shop_id):
    [draft] = product_info.propose(context(shop_id, "ask_product_info", "是纯棉的吗"))
    assert draft.facts == {}
    assert "哪一款" in draft.text or "看中的商品" in draft.text


def test_product_name_not_in_catalogue_asks_which():
    [draft] = product_info.propose(context("demo", "ask_product_info", product="扫地机器人"))
    assert draft.facts == {}
