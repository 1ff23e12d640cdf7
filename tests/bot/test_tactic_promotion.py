"""Promotion: only a running one, with its was/now price and end time."""

from __future__ import annotations

import pytest

from bot.tactics import promotion
from bot.types import Draft
from tests.bot_helpers import context


@pytest.mark.parametrize(
    "shop_id, when, entities, expected_id",
    [
        ("demo", "2026-07-15 15:30", {"product": "儿童泳衣"}, "summer-kids"),
        ("demo", "2026-07-15 15:30", {"product": "笔记本电脑"}, "shop-300-30"),
        ("demo", "2026-07-15 15:30", {}, "shop-300-30"),
        ("demo", "2026-06-10 12:00", {"product": "笔记本电脑"}, "laptop-618"),
        ("demo", "2026-07-15 10:30", {"product": "台灯"}, "lamp-flash"),
        ("jdhome", "2026-07-15 15:30", {"product": "空气炸锅"}, "home-fest"),
        ("jdhome", "2026-06-10 12:00", {"product": "耳机"}, "earbuds-618"),
    ],
)
def test_running_promotion_holds(shop_id, when, entities, expected_id):
    drafts = promotion.propose(context(shop_id, when=when, **entities))
    assert [draft.facts["promotion_id"] for draft in drafts] == [expected_id]


@pytest.mark.parametrize(
    "shop_id, when, entities",
    [
        ("demo", "2026-08-15 12:00", {"product": "儿童泳衣"}),  # every promotion over
        ("demo", "2026-07-31 23:59", {"product": "儿童泳衣"}),  # ends_at is exclusive
        ("demo", "2026-06-30 23:00", {"product": "台灯"}),  # flash sale not started
        ("jdhome", "2026-07-15 15:30", {"product": "耳机"}),  # earbuds' promotion expired
        ("jdhome", "2026-07-15 15:30", {}),  # only product promotions, none named
    ],
)
def test_no_running_promotion_no_draft(shop_id, when, entities):
    assert promotion.propose(context(shop_id, when=when, **entities)) == []


def test_price_promotion_draft_states_was_now_and_end():
    [draft] = promotion.propose(context("demo", product="儿童泳衣"))
    assert draft == Draft(
        text="亲，现在正赶上暑期亲子季，儿童连体泳衣从¥129降到¥79，7月31日23:59截止，喜欢可以抓紧哦～",
        tactic="promotion",
        facts={
            "promotion_id": "summer-kids",
            "title": "暑期亲子季",
            "product": "儿童连体泳衣",
            "was": 129,
            "now": 79,
            "ends_at": "2026-07-31T23:59:00+08:00",
        },
        needs_approval=False,
        auto_send_safe=True,
    )


def test_spend_promotion_states_threshold_and_discount():
    [draft] = promotion.propose(context("demo"))
    assert draft.facts == {
        "promotion_id": "shop-300-30",
        "title": "店铺满减",
        "min_spend": 300,
        "discount": 30,
        "ends_at": "2026-07-20T23:59:00+08:00",
    }
    assert "满300元" in draft.text and "30元" in draft.text
