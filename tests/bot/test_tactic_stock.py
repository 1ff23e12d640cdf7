"""Stock scarcity only when stock is really at or under the shop's threshold (or a flash sale has a
real limit); restock notice when sold out; a plain "in stock" otherwise."""

from __future__ import annotations

import pytest

from bot.drafting import draft_replies
from bot.tactics import alternative, restock, stock_check, stock_scarcity
from tests.bot_helpers import SHOPS, at, context, understand


@pytest.mark.parametrize(
    "shop_id, entities, stock",
    [
        ("demo", {"product": "儿童泳衣", "size": "90", "color": "蓝色"}, 3),
        ("demo", {"product": "笔记本", "color": "银色"}, 4),
        ("jdhome", {"product": "耳机"}, 8),  # threshold 10 in this shop
        ("jdhome", {"product": "耳机", "color": "黑色"}, 8),
    ],
)
def test_low_stock_holds(shop_id, entities, stock):
    [draft] = stock_scarcity.propose(context(shop_id, "stock_availability", **entities))
    assert (draft.tactic, draft.facts["stock"]) == ("stock_scarcity", stock)
    assert f"{stock}件" in draft.text


@pytest.mark.parametrize(
    "shop_id, entities",
    [
        ("demo", {"product": "儿童泳衣", "size": "100", "color": "蓝色"}),  # 300 in stock
        ("demo", {"product": "儿童泳衣"}),  # 406 over all sizes
        ("demo", {"product": "笔记本", "color": "深空灰"}),  # 42
        ("jdhome", {"product": "空气炸锅"}),  # 300
        ("jdhome", {"product": "耳机", "color": "白色"}),  # sold out: restock, not scarcity
    ],
)
def test_plenty_or_none_is_not_scarce(shop_id, entities):
    assert stock_scarcity.propose(context(shop_id, "stock_availability", **entities)) == []


def test_flash_sale_limit_is_scarcity():
    [draft] = stock_scarcity.propose(
        context("demo", "hesitation", product="台灯", when="2026-07-16 12:00")
    )
    assert draft.facts == {
        "promotion_id": "lamp-flash",
        "title": "护眼台灯限时秒杀",
        "limit": 100,
        "ends_at": "2026-07-17T23:59:00+08:00",
        "remaining": 12,
    }


def test_flash_sale_over_is_not_scarcity():
    assert (
        stock_scarcity.propose(
            context("demo", "hesitation", product="台灯", when="2026-07-18 12:00")
        )
        == []
    )


def test_low_stock_text():
    ctx = context("demo", "stock_availability", product="儿童泳衣", size="90", color="蓝色")
    [draft] = stock_scarcity.propose(ctx)
    assert draft.text == "亲，儿童连体泳衣 蓝色 90码现在只剩3件了，喜欢的话建议尽早下单哦～"


@pytest.mark.parametrize(
    "shop_id, entities, restock_date",
    [
        ("demo", {"product": "儿童泳衣", "size": "100", "color": "粉色"}, "2026-07-25"),
        ("demo", {"product": "儿童泳衣", "size": "120"}, "2026-07-28"),  # earliest of two colours
        ("demo", {"product": "儿童泳衣", "size": "110"}, None),
        ("jdhome", {"product": "耳机", "color": "白色"}, "2026-07-22"),
    ],
)
def test_sold_out_gives_restock_notice(shop_id, entities, restock_date):
    [draft] = restock.propose(context(shop_id, "stock_availability", **entities))
    assert draft.facts.get("restock_date") == restock_date
    assert draft.facts["stock"] == 0


def test_restock_text_names_item_and_date():
    ctx = context("demo", "stock_availability", product="儿童泳衣", size="100", color="粉色")
    assert restock.propose(ctx)[0].text == (
        "亲，不好意思儿童连体泳衣 粉色 100码刚卖完，7月25日左右到货，您先收藏，到了我马上告诉您～"
    )


@pytest.mark.parametrize(
    "shop_id, entities",
    [
        ("demo", {"product": "儿童泳衣", "size": "90"}),
        ("demo", {"product": "儿童泳衣", "size": "100"}),  # pink sold out, blue in stock
        ("jdhome", {"product": "耳机"}),
        ("jdhome", {}),
    ],
)
def test_in_stock_is_no_restock(shop_id, entities):
    assert restock.propose(context(shop_id, "stock_availability", **entities)) == []


@pytest.mark.parametrize(
    "shop_id, entities, holds",
    [
        ("demo", {"product": "儿童泳衣", "size": "100", "color": "蓝色"}, True),
        ("demo", {"product": "儿童泳衣", "size": "90", "color": "蓝色"}, False),  # low: scarcity
        ("jdhome", {"product": "空气炸锅"}, True),
        ("jdhome", {"product": "耳机"}, False),
        ("jdhome", {}, False),
    ],
)
def test_plain_in_stock(shop_id, entities, holds):
    assert bool(stock_check.propose(context(shop_id, "stock_availability", **entities))) is holds


@pytest.mark.parametrize(
    "shop_id, entities, alternatives, sku_ids",
    [
        (
            "demo",
            {"product": "儿童泳衣", "size": "100", "color": "粉色"},
            "蓝色 100码",
            ["ks-100-blue"],
        ),
        ("jdhome", {"product": "耳机", "color": "白色"}, "黑色", ["earbuds-black"]),
    ],
)
def test_sold_out_offers_the_same_size_in_another_colour(shop_id, entities, alternatives, sku_ids):
    [draft] = alternative.propose(context(shop_id, "stock_availability", **entities))
    assert (draft.tactic, draft.facts["alternatives"], draft.facts["sku_ids"]) == (
        "alternative",
        alternatives,
        sku_ids,
    )
    assert alternatives in draft.text


@pytest.mark.parametrize(
    "shop_id, entities",
    [
        ("demo", {"product": "儿童泳衣", "size": "110"}),  # both colours sold out: no other size
        ("demo", {"product": "儿童泳衣", "size": "100", "color": "蓝色"}),  # in stock
        ("demo", {"product": "台灯"}),  # in stock
        ("jdhome", {"product": "空气炸锅"}),  # in stock
        ("demo", {}),  # no product named
    ],
)
def test_no_alternative_unless_the_requested_item_is_sold_out(shop_id, entities):
    assert alternative.propose(context(shop_id, "stock_availability", **entities)) == []


def test_restock_notice_comes_before_the_alternative():
    ctx_entities = {"product": "儿童泳衣", "size": "100", "color": "粉色"}
    drafts = draft_replies(
        understand("stock_availability", "", **ctx_entities), SHOPS["demo"], at("2026-07-15 15:30")
    )
    assert [draft.tactic for draft in drafts] == ["restock", "alternative"]
