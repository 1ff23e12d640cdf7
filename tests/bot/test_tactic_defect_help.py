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


@pytest.mark.parametrize(
    "text, sent",
    [
        ("图片发你了 耳机坏了", True),
        ("[图片] 台灯不亮", True),
        ("看图 泳衣开线了", True),
        ("照片已经发给你了", True),
        ("如图 裂了", True),
        ("图片已发 漏水了", True),
        ("你看我发的照片 裂了", True),
        ("跟图片不一样 开线了", False),
        ("我拍个照片给你", False),
        ("收到是坏的", False),
    ],
)
def test_a_picture_the_buyer_already_sent_is_not_asked_for(text, sent):
    [draft] = defect_help.propose(context("demo", "defect_complaint", text))
    assert defect_help.photo_sent(context("demo", "defect_complaint", text)) is sent
    assert ("拍" in draft.text) is (not sent)


@pytest.mark.parametrize(
    "shop_id, text, key_words",
    [
        ("jdhome", "耳机没声音", "小视频"),
        ("demo", "笔记本充不进电", "小视频"),
        ("demo", "收到泳衣有股味道", "什么味道"),
        ("jdhome", "外壳有裂缝", "照片"),
    ],
)
def test_the_ask_fits_what_a_photo_can_show(shop_id, text, key_words):
    [draft] = defect_help.propose(context(shop_id, "defect_complaint", text))
    assert key_words in draft.text and draft.needs_approval is False
