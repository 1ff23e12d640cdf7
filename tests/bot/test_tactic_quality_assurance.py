"""Quality and authenticity: only the guarantees the shop states; product warranty comes first."""

from __future__ import annotations

from bot.tactics import quality_assurance
from bot.types import Draft
from tests.bot_helpers import context


def test_authenticity_and_product_warranty():
    [draft] = quality_assurance.propose(
        context("demo", "quality_worry", "是正品吗", product="台灯")
    )
    assert draft == Draft(
        text="亲，放心哦，所有商品均为品牌正品，支持专柜验货，而且两年质保，店铺评分4.9～",
        tactic="quality_assurance",
        facts={
            "warranty": "两年质保",
            "rating": 4.9,
            "authenticity": "所有商品均为品牌正品，支持专柜验货",
        },
        needs_approval=False,
        auto_send_safe=True,
    )


def test_shop_without_authenticity_line_does_not_claim_it():
    [draft] = quality_assurance.propose(context("jdhome", "quality_worry", "是正品吗"))
    assert draft.facts == {"warranty": "全国联保一年", "rating": 4.7}
    assert "正品" not in draft.text


def test_shop_warranty_when_product_has_none():
    [draft] = quality_assurance.propose(context("demo", "quality_worry", product="泳衣"))
    assert draft.facts["warranty"] == "质量问题一年内免费换新"
