"""Installing and using a product: the shop's own usage line when its file has one, otherwise an
offer to walk the buyer through it (which product, which step, a photo) — no invented steps.
Installation visits are answered from the shop's installation line, else checked by an agent."""

from __future__ import annotations

import pytest
import yaml

from bot.drafting import draft_replies
from bot.nlu.understanding import understanding_from_parse
from bot.shop import ShopProfileError, load_shop
from bot.tactics import usage_help
from tests.bot_helpers import DEMO_DAY, ROOT, SHOPS, at, context

NOW = at("2026-07-15 10:30")

SHOPS_DIR = ROOT / "data" / "shops"


def test_usage_and_installation_lines_load_from_the_shop_files():
    demo = load_shop(SHOPS_DIR / "demo.yml", today=DEMO_DAY)
    jdhome = load_shop(SHOPS_DIR / "jdhome.yml", today=DEMO_DAY)
    assert demo.product("台灯").usage.startswith("插上电源轻触开关开灯")
    assert demo.product("笔记本").usage is None
    assert (demo.service.installation, jdhome.service.installation) == (
        None,
        "本店商品都不需要安装，拆开就能用",
    )


def test_an_empty_usage_line_names_the_field(tmp_path):
    data = yaml.safe_load((SHOPS_DIR / "demo.yml").read_text(encoding="utf-8"))
    data["catalogue"][2]["usage"] = ["开灯"]
    shop_file = tmp_path / "demo.yml"
    shop_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ShopProfileError, match=r"demo\.yml: catalogue\[2\]\.usage: "):
        load_shop(shop_file)


@pytest.mark.parametrize(
    "text, asks",
    [
        ("怎么安装", True),
        ("这个怎么用", True),
        ("说明书在哪", True),
        ("装不上", True),
        ("到了能上门装吗", True),
        ("需要安装吗", True),
        ("是自己装还是有师傅上门", True),
        ("台灯怎么调亮度 能开发票吗", True),
        ("怎么调价", False),
        ("优惠券怎么用", False),
        ("花呗怎么用", False),
        ("发票怎么开", False),
        ("收到是坏的", False),
    ],
)
def test_what_counts_as_a_usage_question(text, asks):
    assert usage_help.asks(context("demo", "ask_product_info", text)) is asks


LAMP_USAGE = "插上电源轻触开关开灯，长按开关调亮度，连按两下切换三档色温，灯臂可以直接掰动调角度"


@pytest.mark.parametrize(
    "shop_id, text, draft, facts, auto",
    [
        (
            "demo",
            "台灯怎么调色温",
            f"亲，LED护眼台灯的用法：{LAMP_USAGE}。还有不清楚的随时问我～",
            {"product": "LED护眼台灯", "usage": LAMP_USAGE},
            True,
        ),
        (
            "demo",
            "台灯装不上",
            f"亲，先别急～LED护眼台灯的用法是：{LAMP_USAGE}。"
            "还是不行您拍个照片或小视频给我，我一步步帮您弄好～",
            {"product": "LED护眼台灯", "usage": LAMP_USAGE},
            False,
        ),
        (
            "jdhome",
            "炸锅怎么用",
            "亲，可视空气炸锅是在哪一步卡住了，或者想了解哪个功能呢？"
            "说一下（方便的话拍张照片发我），我一步步教您～",
            {"product": "可视空气炸锅"},
            False,
        ),
        (
            "demo",
            "笔记本说明书在哪",
            "亲，14英寸轻薄笔记本的说明书找不到也没关系，您想了解哪部分（安装、开机还是哪个功能），"
            "说一下我直接教您～",
            {"product": "14英寸轻薄笔记本"},
            False,
        ),
        (
            "jdhome",
            "这个怎么用",
            "亲，您用的是哪一款呢？发一下商品链接或型号，再说说卡在哪一步（拍张照片也行），我一步步教您～",
            {},
            False,
        ),
        (
            "demo",
            "能上门安装吗",
            "亲，能不能上门安装我跟售后核实一下，稍等回复您～",
            {"installation": None},
            False,
        ),
        (
            "jdhome",
            "能上门安装吗",
            "亲，本店商品都不需要安装，拆开就能用，有需要随时找我～",
            {"installation": "本店商品都不需要安装，拆开就能用"},
            True,
        ),
    ],
)
def test_the_answer_states_only_what_the_shop_wrote(shop_id, text, draft, facts, auto):
    [found] = usage_help.propose(context(shop_id, "ask_product_info", text))
    assert (found.text, found.facts, found.auto_send_safe) == (draft, facts, auto)


@pytest.mark.parametrize("text", ["这个怎么用", "怎么安装", "说明书在哪"])
def test_usage_questions_through_the_model(nlu_model, text):
    understanding = understanding_from_parse(nlu_model.parse(text))
    [first, *_] = draft_replies(understanding, SHOPS["jdhome"], NOW, seed="t")
    assert first.tactic == "usage_help"
