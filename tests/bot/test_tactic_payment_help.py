"""Seeds 000: payment help per cause; cash on delivery only where the shop has it."""

from __future__ import annotations

import pytest

from bot.tactics import payment_help
from tests.bot_helpers import context


@pytest.mark.parametrize(
    "shop_id, text, must_say, must_not_say",
    [
        ("demo", "银行卡限额付不了", ["支付宝", "货到付款"], []),
        ("jdhome", "银行卡限额付不了", ["京东支付"], ["支持货到付款", "选货到付款"]),
        ("demo", "花呗额度不够", ["花呗", "货到付款"], []),
        ("jdhome", "白条额度不够", ["白条", "微信支付"], ["支持货到付款", "选择货到付款"]),
        ("demo", "公司转账怎么还没到", ["24小时"], []),
        ("jdhome", "对公付款了订单没变", ["24小时"], []),
        ("demo", "能货到付款吗", ["货到付款"], ["不支持"]),
        ("jdhome", "能货到付款吗", ["货到付款", "京东支付"], ["可以货到付款", "选择货到付款"]),
        ("jdhome", "可以分期吗", ["白条分期"], []),
        ("demo", "付不了款", ["什么问题"], []),
    ],
)
def test_payment_cause(shop_id, text, must_say, must_not_say):
    [draft] = payment_help.propose(context(shop_id, "payment_issue", text))
    assert all(phrase in draft.text for phrase in must_say), draft.text
    assert not any(phrase in draft.text for phrase in must_not_say), draft.text


@pytest.mark.parametrize(
    "shop_id, text, facts",
    [
        ("jdhome", "对公转账", {"company_transfer_hours": 24}),
        ("demo", "花呗额度不够", {"credit": "花呗"}),
        ("jdhome", "可以分期吗", {"instalments": ["白条分期"]}),
    ],
)
def test_payment_facts(shop_id, text, facts):
    [draft] = payment_help.propose(context(shop_id, "payment_issue", text))
    shop_methods = {
        "demo": ["支付宝", "花呗", "银行卡"],
        "jdhome": ["京东支付", "微信支付", "银行卡"],
    }
    assert draft.facts == {
        "methods": shop_methods[shop_id],
        "cash_on_delivery": shop_id == "demo",
        **facts,
    }
