"""Invoice, address confirmation, logistics and delivery estimate: answers from the profile."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.tactics import address_confirm, delivery_estimate, invoice, logistics
from bot.tactics.context import Context
from tests.bot_helpers import SHOPS, context


@pytest.mark.parametrize(
    "shop_id, text, key_phrase",
    [
        ("demo", "能开发票吗", "电子普通发票"),
        ("jdhome", "能开专票吗 抬头写公司", "增值税专用发票"),
        ("jdhome", "抬头改成公司", "税号"),
    ],
)
def test_invoice_from_profile(shop_id, text, key_phrase):
    [draft] = invoice.propose(context(shop_id, "invoice_request", text))
    assert key_phrase in draft.text
    assert draft.facts["types"] == list(SHOPS[shop_id].invoice.types)


def test_shop_without_invoice_says_so():
    ctx = context("demo", "invoice_request", "能开发票吗")
    [draft] = invoice.propose(
        Context(**{**ctx.__dict__, "shop": replace(SHOPS["demo"], invoice=None)})
    )
    assert draft.facts == {"invoice": False} and "发票" in draft.text


@pytest.mark.parametrize(
    "shop_id, entities, facts",
    [("demo", {}, {}), ("jdhome", {"order_id": "300123"}, {"order_id": "300123"})],
)
def test_address_confirmation(shop_id, entities, facts):
    [draft] = address_confirm.propose(context(shop_id, "address_change", "地址写错了", **entities))
    assert draft.facts == facts and "地址" in draft.text


@pytest.mark.parametrize(
    "shop_id, entities, asks",
    [("demo", {}, True), ("jdhome", {"order_id": "300123"}, False)],
)
def test_logistics(shop_id, entities, asks):
    [draft] = logistics.propose(context(shop_id, "logistics_tracking", "快递到哪了", **entities))
    assert ("order_id" not in draft.facts) is asks
    assert draft.facts["carriers"] == list(SHOPS[shop_id].shipping.carriers)


@pytest.mark.parametrize(
    "shop_id, text, days, place",
    [
        ("demo", "几天到上海", "1-2", "上海"),
        ("demo", "发新疆几天", "5-7", "新疆"),
        ("demo", "几天到", "2-4", None),
        ("jdhome", "北京几天到", "1", "北京"),
        ("jdhome", "上海几天到", "1-2", None),
    ],
)
def test_delivery_estimate(shop_id, text, days, place):
    [draft] = delivery_estimate.propose(context(shop_id, "shipping_time", text))
    assert (draft.facts["days"], draft.facts.get("place")) == (days, place)
    assert days in draft.text
