"""Defects: apologise and ask for a photo; colour difference explained honestly with the shop's
real return terms. Discretionary, so never auto-sent."""

from __future__ import annotations

import pytest

from bot.tactics import defect_help
from tests.bot_helpers import context


@pytest.mark.parametrize(
    "shop_id, text, returns",
    [
        ("demo", "颜色跟图片不一样，是不是旧货", "支持7天无理由退换，退货运费由我们承担"),
        ("jdhome", "有色差", "支持7天无理由退换，退货运费需您承担"),
    ],
)
def test_colour_difference(shop_id, text, returns):
    [draft] = defect_help.propose(context(shop_id, "defect_complaint", text))
    assert draft.facts == {"returns": returns} and returns in draft.text
    assert draft.auto_send_safe is False


@pytest.mark.parametrize("shop_id", ["demo", "jdhome"])
def test_broken_item_asks_for_photo_without_return_terms(shop_id):
    [draft] = defect_help.propose(context(shop_id, "defect_complaint", "收到是坏的"))
    assert draft.facts == {} and "照片" in draft.text and "运费" not in draft.text
