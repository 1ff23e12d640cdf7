"""Reminder scripts state only what the demo profile backs at the moment of the reminder (shop
dates pinned to 2026-11-30, a Monday; cutoffs 10:00 and 16:00, ships Monday to Saturday)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.orders import Order, OrderItem
from bot.reminder_script import ScriptLine, reminder_script
from bot.shop.loader import load_shop
from bot.shop.model import Payment

PROJECT_DIR = Path(__file__).resolve().parents[2]
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def shop():
    return load_shop(PROJECT_DIR / "data" / "shops" / "demo.yml", today=date(2026, 11, 30))


def at(text: str) -> datetime:
    return datetime.strptime(f"2026-{text}", "%Y-%m-%d %H:%M").replace(tzinfo=SHANGHAI)


def order(product: str, sku: str | None, value: float, created: str = "11-30 09:00") -> Order:
    item = OrderItem(product, 1, value, sku)
    return Order("demo", "T88", "b1", value, (item,), at(created))


REASONS = [
    ("only 4 left of the ordered SKU", order("laptop-14", "laptop-14-silver", 3850), "11-30 11:00",
     ScriptLine("low_stock",
                "这款14英寸轻薄笔记本现在只剩4件了，方便的话尽早付款，我这边帮您留意着货。")),
    ("in stock, before the 16:00 cutoff", order("laptop-14", "laptop-14-grey", 3850),
     "11-30 11:00",
     ScriptLine("shipping_cutoff", "今天16:00前付款的订单今天就能发出，现在付款还赶得上。")),
    ("after the cutoffs: the running 满减 the order meets",
     order("laptop-14", "laptop-14-grey", 3850), "11-30 17:00",
     ScriptLine("promotion", "店铺满减：满300减30，您这单已经满足，活动到12月5日23:59结束。")),
    ("Sunday, no shipping: the product's promotion price",
     order("kids-swimsuit", "ks-100-blue", 79), "12-06 11:00",
     ScriptLine("promotion", "暑期亲子季的活动价还在，活动到12月16日23:59结束。")),
    ("promotions over: the gift tier the order reaches",
     order("kids-swimsuit", "ks-100-blue", 318), "12-20 17:00",
     ScriptLine("gift", "您这单满199元，付款后会随单送卡通防水收纳袋。")),
    ("a product without gifts: no gift tier", order("desk-lamp", None, 318), "12-20 17:00", None),
    ("sold-out SKU, no offer running, below the gift tiers: no reason at all",
     order("kids-swimsuit", "ks-110-blue", 89), "12-20 11:00", None),
    ("a product the profile does not know: nothing to claim",
     order("mystery-box", None, 89), "12-20 11:00", None),
]  # fmt: skip


@pytest.mark.parametrize(
    "the_order, now, expected", [r[1:] for r in REASONS], ids=[r[0] for r in REASONS]
)
def test_at_most_one_reason_and_only_one_the_profile_backs(shop, the_order, now, expected):
    assert reminder_script(the_order, shop, "phone", at(now)).reason == expected


@pytest.mark.parametrize(
    "channel, created, opener",
    [
        ("phone", "11-30 09:00",
         "您好，我是小浪花亲子生活馆的客服。看到您今天上午09:00拍下的14英寸轻薄笔记本（订单T88）"
         "还没有付款，请问是付款遇到什么问题了吗？"),
        ("im", "11-29 22:00",
         "亲，我是小浪花亲子生活馆的客服～看到您昨天晚上22:00拍下的14英寸轻薄笔记本（订单T88）"
         "还没有付款，请问是付款遇到什么问题了吗？"),
        ("sms", "11-28 13:30",
         "【小浪花亲子生活馆】看到您11月28日下午13:30拍下的14英寸轻薄笔记本（订单T88）"
         "还没有付款，请问是付款遇到什么问题了吗？"),
    ],
)  # fmt: skip
def test_the_opener_names_the_order_and_asks_about_a_problem(shop, channel, created, opener):
    placed = order("laptop-14", "laptop-14-grey", 3850, created)
    script = reminder_script(placed, shop, channel, at("11-30 17:00"))
    assert script.opener == opener
    assert script.text == opener + script.reason.text


def test_answers_for_common_payment_problems_come_from_the_profile(shop):
    script = reminder_script(order("desk-lamp", None, 159), shop, "phone", at("11-30 11:00"))
    assert script.answers == (
        ScriptLine("card_limit", "如果是银行卡限额，也可以换成支付宝、花呗、货到付款来付款。"),
        ScriptLine(
            "company_transfer",
            "公司对公转账一般要24小时左右到账，到账后订单会自动变成已付款，不用重复付款。",
        ),
        ScriptLine("instalments", "想分期的话，可以用花呗分期付款。"),
    )


def test_a_shop_without_instalments_or_transfers_offers_neither(shop):
    plain = dataclasses.replace(
        shop,
        payment=Payment(
            methods=("银行卡",), cash_on_delivery=False, instalments=(), company_transfer_hours=0
        ),
    )
    script = reminder_script(order("desk-lamp", None, 159), plain, "phone", at("11-30 11:00"))
    assert script.answers == ()


def test_never_pressure_to_pay(shop):
    texts = [
        reminder_script(o, shop, channel, at(now)).text
        for _, o, now, _ in REASONS
        for channel in ("phone", "im", "sms")
    ]
    assert not [text for text in texts if "赶紧" in text or "就没了" in text]
