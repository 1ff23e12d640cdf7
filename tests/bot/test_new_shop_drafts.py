"""A shop written by the test (a tea shop the NLU model never saw): its catalogue is matched at
request time, and gift, invoice, payment, coupon and stock answers hold on its own facts at a
pinned clock. Messages go through `draft_replies` with the intent given (the NLU has its tests)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.catalogue import find_colour, find_product, find_size
from bot.drafting import draft_replies
from bot.shop import load_shop
from bot.tactics.gift import asks_about_gift
from tests.bot_helpers import SHOPS, at, understand
from tests.tea_shop import write_tea_shop

SHANGHAI = ZoneInfo("Asia/Shanghai")
WEDNESDAY = datetime(2026, 3, 18, 14, 0, tzinfo=SHANGHAI)
AFTER_RESTOCK_DATE = datetime(2026, 3, 25, 14, 0, tzinfo=SHANGHAI)


@pytest.fixture(scope="module")
def tea(tmp_path_factory):
    return load_shop(write_tea_shop(tmp_path_factory.mktemp("shops")))


@pytest.mark.parametrize(
    "text, product_id",
    [
        ("紫砂壶 西施还有吗", "xishi"),  # full name
        ("西施壶还有吗", "xishi"),  # alias
        ("这个壶多少钱", "xishi"),  # unambiguous one-character part, a word of its own
        ("壶还有货吗", "xishi"),
        ("西施的怎么样", "xishi"),  # a word of the name
        ("龙井有货吗", "longjing"),  # trailing part of 明前龙井
        ("白瓷品茗杯送什么", "white-cup"),
        ("品茗杯还有吗", None),  # shared by two cups: ambiguous, matches nothing
        ("这个杯有货吗", None),
        ("杯子好看吗", None),
        ("手机付款不了", None),  # no stray characters
        ("买龙井和壶", "longjing"),  # several named: the first
    ],
)
def test_catalogue_match(tea, text, product_id):
    product = find_product(tea, text)
    assert (product.id if product else None) == product_id


@pytest.mark.parametrize(
    "finder, values, text, expected",
    [
        (find_colour, ["朱泥红", "紫泥"], "紫泥的有吗", "紫泥"),
        (find_colour, ["蓝色", "粉色"], "要蓝的", "蓝色"),
        (find_colour, ["蓝色", "蓝灰色"], "要蓝的", None),  # two colours share the stem
        (find_size, ["250g", "500g"], "500G的有吗", "500g"),
        (find_size, ["90", "100"], "190码", None),
        (find_size, ["S", "M"], "XS有吗", None),
    ],
)
def test_sku_colour_and_size(finder, values, text, expected):
    found = finder(values, text)
    assert (found.value if found else None) == expected


def drafts(tea, intent, text, when=WEDNESDAY, **options):
    return draft_replies(understand(intent, text), tea, when, seed="t1", **options)


def texts(tea, intent, text, when=WEDNESDAY, **options):
    return [(d.tactic, d.text) for d in drafts(tea, intent, text, when, **options)]


@pytest.mark.parametrize(
    "intent, text, options, best",
    [
        (
            "stock_availability",
            "西施壶还有货吗",
            {},
            ("stock_scarcity", "亲，紫砂壶 西施库存只有2件了，卖完要等补货，看好了可以先拍下～"),
        ),
        (
            "stock_availability",
            "龙井500g还有吗",
            {},
            (
                "restock",
                "亲，不好意思明前龙井 500g刚卖完，4月10日左右到货，您先收藏，到了我马上告诉您～",
            ),
        ),
        (
            "stock_availability",
            "品茗杯还有吗",
            {},
            ("product_info", "亲，麻烦发一下您看中的商品，我给您仔细说说～"),
        ),
        (
            "ask_product_info",
            "买龙井茶有送什么吗",
            {},
            ("gift", "亲，满300元就送茶巾，现在再加102元就够啦，要不要看看搭配的～"),
        ),
        (
            "hesitation",
            "有赠品吗",
            {"order_value": 350},
            ("gift", "亲，您这单可以送茶巾，如果更想要茶夹也可以帮您换哦～"),
        ),
        (
            "hesitation",
            "赠品能换茶夹吗",
            {"order_value": 400},
            ("gift", "亲，没问题，赠品帮您换成茶夹，下单后我给您备注上～"),
        ),
        (
            "hesitation",
            "有赠品吗",
            {"order_value": 900},
            ("gift", "亲，订单满800元送建盏，下单后我帮您备注，一起发出～"),
        ),
        (
            "ask_product_info",
            "买白瓷品茗杯送什么",
            {},
            ("gift", "亲，白瓷品茗杯暂时不送赠品，还请谅解～"),
        ),
        (
            "ask_product_info",
            "有赠品吗",
            {},
            ("gift", "亲，现在满300元送茶巾，满800元送建盏，订单满额我给您备注上，一起发出～"),
        ),
        (
            "invoice_request",
            "能开增值税专票吗",
            {},
            (
                "invoice",
                "亲，不好意思，增值税专用发票这边开不了哦，支持开电子普通发票，"
                "发货后2个工作日内开好发您～",
            ),
        ),
        (
            "payment_issue",
            "能用微信付款吗",
            {},
            ("payment_help", "亲，不好意思微信用不了，支持支付宝、花呗、银行卡哦～"),
        ),
        (
            "payment_issue",
            "花呗能分期吗",
            {},
            ("payment_help", "亲，支持花呗分期，下单付款时选择分期就可以～"),
        ),
    ],
)
def test_new_shop_answers(tea, intent, text, options, best):
    assert texts(tea, intent, text, **options)[0] == best


def test_sold_out_colour_restock_date_then_another_colour(tea):
    assert texts(tea, "stock_availability", "壶紫泥的有吗") == [
        (
            "restock",
            "亲，不好意思紫砂壶 西施 紫泥刚卖完，3月20日左右到货，您先收藏，到了我马上告诉您～",
        ),
        ("alternative", "亲，如果着急要，同款朱泥红现在有现货，可以直接拍哦～"),
    ]


def test_price_objection_uses_titled_promotion_and_no_threshold_coupon(tea):
    found = drafts(tea, "price_objection", "西施壶太贵了")
    assert [(d.tactic, d.text) for d in found[:2]] == [
        ("promotion", "亲，店里正在做满500减50，3月31日23:59结束，现在下单正合适～"),
        ("coupon", "亲，给您发一张20元无门槛券，这单就能用，领了再拍更划算～"),
    ]
    assert found[1].facts["coupon_id"] == "T20"
    assert found[1].auto_send_safe is False  # 20 > the unattended coupon limit 0


@pytest.mark.parametrize(
    "order_value, text",
    [
        (350, "亲，给您发一张满300减30的店铺券，您这单就能用，领了再拍更划算～"),
        # order value unknown: the threshold is named, "this order" is not promised
        (None, "亲，价格已经很实在了，我再送您一张30元券，订单满300元可用，下单直接抵扣～"),
    ],
)
def test_coupon_names_its_threshold_unless_the_order_reaches_it(tea, order_value, text):
    [coupon] = [d for d in drafts(tea, "price_objection", "太贵了", order_value=order_value)
                if d.tactic == "coupon"]  # fmt: skip
    assert (coupon.facts["coupon_id"], coupon.text) == ("T30", text)


def test_past_restock_date_is_not_stated_and_waits_for_an_agent(tea):
    [restock, alternative] = drafts(tea, "stock_availability", "壶紫泥的有吗", AFTER_RESTOCK_DATE)
    assert restock.text == "亲，不好意思紫砂壶 西施 紫泥目前缺货，到货了我第一时间联系您～"
    assert restock.facts == {
        "item": "紫砂壶 西施 紫泥",
        "stock": 0,
        "restock_date_passed": "2026-03-20",
    }
    assert (restock.auto_send_safe, alternative.tactic) == (False, "alternative")


def test_upcoming_restock_date_may_be_sent_unattended(tea):
    [restock, _] = drafts(tea, "stock_availability", "壶紫泥的有吗")
    assert (restock.facts["restock_date"], restock.auto_send_safe) == ("2026-03-20", True)


@pytest.mark.parametrize(
    "text, asked",
    [
        ("有赠品吗", True),
        ("买壶有送什么吗", True),
        ("送不送茶巾", True),
        ("有没有送小礼物", True),
        ("能送货上门吗", False),
        ("送到北京几天", False),
        ("什么时候发货", False),
    ],
)
def test_gift_question(text, asked):
    assert asks_about_gift(text) is asked


def test_a_gift_question_is_answered_even_when_the_intent_is_unsure(tea):
    unsure = understand("quality_worry", "有赠品吗", confidence=0.3, fallback=True)
    found = draft_replies(unsure, tea, WEDNESDAY, order_value=120, seed="t1")
    assert [(d.tactic, d.text) for d in found][0] == (
        "gift",
        "亲，满300元就送茶巾，现在再加180元就够啦，要不要看看搭配的～",
    )


@pytest.mark.parametrize(
    "shop_id, intent, text, expected",
    [
        (
            "jdhome",
            "invoice_request",
            "能开增值税专票吗",
            "亲，增值税专用发票可以开的，把公司开票信息（名称、税号、地址电话、开户行账号）发我，"
            "下单后24小时内开好～",
        ),
        (
            "demo",
            "invoice_request",
            "能开纸质发票吗",
            "亲，不好意思，纸质发票这边开不了哦，支持开电子普通发票，确认收货后3个工作日内开好发您～",
        ),
        (
            "jdhome",
            "payment_issue",
            "能用花呗吗",
            "亲，抱歉暂不支持花呗，可以用京东支付、微信支付、银行卡付款～",
        ),
    ],
)
def test_demo_shops_answer_what_was_asked(shop_id, intent, text, expected):
    [draft] = draft_replies(
        understand(intent, text), SHOPS[shop_id], at("2026-07-15 15:30"), seed="c1"
    )
    assert (draft.text, draft.auto_send_safe) == (expected, True)
