"""Scan drafts for many generated messages (intents × entities × clock times × both shops × what was
already offered): no unfilled placeholder, no price the profile does not give or imply, and no
promise the profile does not back."""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from bot.drafting import draft_replies
from bot.intents import INTENTS
from bot.shop.model import Shop
from bot.types import Draft
from tests.bot_helpers import SHANGHAI, SHOPS, at, sent, understand

SHOPS_DIR = Path(__file__).resolve().parents[2] / "data" / "shops"
CLOCKS = ["2026-06-10 09:00", "2026-07-15 09:59", "2026-07-15 15:30", "2026-07-15 16:30"]
CLOCKS += ["2026-07-16 12:00", "2026-07-18 18:00", "2026-07-19 09:00", "2026-08-15 21:30"]
TEXTS = ["", "还有券吗", "有什么活动", "送什么赠品", "能换无线鼠标吗", "银行卡限额", "白条额度不够"]
TEXTS += ["能货到付款吗", "公司转账", "小了想退", "收到是坏的", "颜色不一样", "发上海几天", "投诉"]
# a refund under way: the stage in which refund-status drafts speak (bot.stage)
TEXTS += ["退款还没到账"]
ENTITY_SETS = {
    "demo": [
        {},
        {"product": "儿童泳衣", "age": 2, "height_cm": 90},
        {"product": "儿童泳衣", "size": "90", "color": "蓝色", "quantity": 3},
        {"product": "儿童泳衣", "size": "120"},
        {"product": "笔记本", "competitor_price": 3800},
        {"product": "台灯", "amount": 50},
        {"weight_kg": 45, "order_id": "2024001"},
    ],
    "jdhome": [
        {},
        {"product": "T恤", "height_cm": 172, "size": "XL"},
        {"product": "耳机", "color": "白色", "competitor_price": 259},
        {"product": "游戏本", "quantity": 1},
        {"product": "空气炸锅", "competitor_price": 429, "order_id": "JD77"},
    ],
}
OFFERED = [(), ("promotion", "coupon", "service_value", "shipping_cutoff")]
PRICE = re.compile(r"¥(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)元")


def _real_prices(shop: Shop) -> frozenset[float]:
    """Every money amount of the profile: prices, promotion and coupon terms, gift tiers and the
    agent's limits (not stock counts, ratings or days)."""
    amounts = [
        value for product in shop.products for value in (product.price, product.original_price)
    ]
    for promotion in shop.promotions:
        amounts += [promotion.price, promotion.min_spend, promotion.discount]
    amounts += [value for coupon in shop.coupons for value in (coupon.value, coupon.min_spend)]
    amounts += [value for tier in shop.gift_tiers for value in (tier.min_order_value, tier.value)]
    amounts += [shop.authority.coupon_max, shop.authority.compensation_max]
    return frozenset(float(amount) for amount in amounts if amount is not None)


def _spend(shop: Shop, understanding) -> float | None:
    """What the buyer's order is worth, from the profile and the message (no order value given)."""
    product = _named_product(shop, understanding)
    if product is None:
        return None
    return product.price * int(understanding.first_value("quantity") or 1)


def _named_product(shop: Shop, understanding):
    name = understanding.first_value("product")
    return shop.product(str(name)) if name else None


def _cases():
    for shop_id, when, intent in itertools.product(SHOPS, CLOCKS, INTENTS):
        entity_sets = ENTITY_SETS[shop_id]
        for text, entities, offered in itertools.product(TEXTS, entity_sets, OFFERED):
            yield shop_id, when, understand(intent, text, **entities), offered


CASES = list(_cases())


def _drafts():
    for shop_id, when, understanding, offered in CASES:
        for draft in draft_replies(
            understanding, SHOPS[shop_id], at(when), history=sent(*offered), seed=when
        ):
            yield shop_id, at(when), understanding, draft


ALL_DRAFTS = list(_drafts())


def test_the_scan_covers_every_tactic():
    assert len(CASES) > 10_000
    assert {draft.tactic for *_, draft in ALL_DRAFTS} == {
        "address_confirm", "alternative", "clarify", "coupon", "defect_help", "delivery_estimate",
        "gift", "greeting", "handoff", "hesitation", "invoice", "logistics", "order_check",
        "order_shipping", "payment_help", "price_match", "price_protection",
        "product_info", "promotion", "quality_assurance", "refund_reason", "refund_remedy",
        "refund_status", "restock", "return_policy", "service_value", "shipping_cutoff",
        "size_advice", "stock_check", "stock_scarcity", "thanks",
    }  # fmt: skip


def test_no_unfilled_placeholders():
    assert [d.text for *_, d in ALL_DRAFTS if "{" in d.text or "}" in d.text] == []


def test_offers_read_as_an_agent_writes_them():
    assert [d.text for *_, d in ALL_DRAFTS if "满0" in d.text] == []
    repeated = re.compile(r"满(\d+)减(\d+).{0,4}满\1元?减\2")
    assert [d.text for *_, d in ALL_DRAFTS if repeated.search(d.text)] == []


def test_every_price_comes_from_the_profile_or_the_buyer():
    bad = []
    for shop_id, _, understanding, draft in ALL_DRAFTS:
        buyer = {float(v) for e in understanding.entities if isinstance(v := e.value, (int, float))}
        spend = _spend(SHOPS[shop_id], understanding)
        buyer |= {spend} if spend is not None else set()
        profile = _real_prices(SHOPS[shop_id])
        gaps = {round(a - b, 2) for a in profile for b in buyer}
        allowed = profile | buyer | gaps
        for match in PRICE.finditer(draft.text):
            if float(match.group(1) or match.group(2)) not in allowed:
                bad.append(draft.text)
    assert bad == []


def _ships_today_ok(shop: Shop, now: datetime, draft: Draft) -> bool:
    cutoff = draft.facts.get("cutoff")
    return (
        now.weekday() in shop.shipping.ship_days
        and cutoff is not None
        and now.strftime("%H:%M") < cutoff
    )


def _in_stock(shop: Shop, facts: dict) -> bool:
    """Every SKU the draft names is really in stock (a product named without SKUs: any of them)."""
    skus = {sku.id: sku for product in shop.products for sku in product.skus}
    if "sku_ids" in facts:
        return all(skus[sku_id].stock > 0 for sku_id in facts["sku_ids"])
    return facts.get("stock", 0) > 0


def _promises(shop: Shop, now: datetime, understanding, draft: Draft) -> dict[str, bool]:
    """Each claim found in the text → whether the profile backs it at this moment (recomputed
    from the profile and the message, never from the draft's own facts)."""
    text, facts = draft.text, draft.facts
    claims = {}
    for month, day in re.findall(r"(\d{1,2})月(\d{1,2})日", text):
        claims[f"{month}月{day}日 not past"] = date(now.year, int(month), int(day)) >= now.date()
    if "这单就能用" in text or "这单满" in text:
        spend = _spend(shop, understanding)
        coupon = next(c for c in shop.coupons if c.id == facts["coupon_id"])
        claims["order reaches the coupon"] = spend is not None and spend >= coupon.min_spend
    if re.search(r"今天(上午|下午)?就|今晚", text):
        claims["ships today"] = _ships_today_ok(shop, now, draft)
    if scarce := re.search(r"只剩(\d+)件|只有(\d+)件", text):
        claims["scarcity"] = int(scarce.group(1) or scarce.group(2)) in _scarce_counts(
            shop, now, understanding
        )
    if "现货" in text:
        claims["in stock"] = _in_stock(shop, facts)
    if "货到付款" in text and not re.search(r"暂不支持货到付款|没有货到付款", text):
        claims["cash on delivery"] = shop.payment.cash_on_delivery
    if re.search(r"运费由我们承担|运费我们出", text):
        claims["free return shipping"] = shop.service.free_return_shipping
    if "正品" in text:
        claims["authenticity"] = shop.service.authenticity is not None
    if "promotion_id" in facts:
        promotion = next(p for p in shop.promotions if p.id == facts["promotion_id"])
        claims["promotion running"] = promotion.running(now)
    if "coupon_id" in facts:
        coupon = next(c for c in shop.coupons if c.id == facts["coupon_id"])
        within = coupon.value <= shop.authority.coupon_max
        claims["coupon granted"] = coupon.valid(now) and (within or draft.needs_approval)
    # a gift named in "how much more" (还差, 再加) or in the list of tiers is not promised
    promised = not re.search(r"还差|再加|按订单金额|订单满额", text)
    for tier in shop.gift_tiers:
        if promised and any(gift in text for gift in (tier.gift, *tier.swaps)):
            spend = _spend(shop, understanding)
            claims["gift tier reached"] = spend is not None and spend >= tier.min_order_value
    return claims


def _scarce_counts(shop: Shop, now: datetime, understanding) -> set[int]:
    """The "only N left" figures the profile backs: the low stock of the SKUs the buyer named,
    or what is left of a running flash sale."""
    counts = {p.remaining for p in shop.running_promotions(now) if p.remaining is not None}
    product = _named_product(shop, understanding)
    if product is not None:
        size, color = understanding.first_value("size"), understanding.first_value("color")
        stock = sum(
            sku.stock
            for sku in product.skus
            if (size is None or sku.size == str(size)) and (color is None or sku.color == color)
        )
        if 0 < stock <= shop.low_stock_threshold:
            counts.add(stock)
    return counts


def test_no_promise_the_profile_does_not_back():
    broken = []
    for shop_id, now, understanding, draft in ALL_DRAFTS:
        for claim, backed in _promises(SHOPS[shop_id], now, understanding, draft).items():
            if not backed:
                broken.append((shop_id, now.isoformat(), claim, draft.text))
    assert broken == []


def test_discretionary_drafts_are_never_auto_send_safe():
    risky = {"gift", "price_match", "handoff", "refund_remedy", "defect_help"}
    assert [d for *_, d in ALL_DRAFTS if d.tactic in risky and d.auto_send_safe] == []
    for shop_id, _, _, draft in ALL_DRAFTS:
        if draft.tactic == "coupon" and draft.auto_send_safe:
            assert draft.facts["value"] <= SHOPS[shop_id].unattended.coupon_max


def test_at_most_three_distinct_drafts():
    for shop_id, when, understanding, offered in CASES[::7]:
        drafts = draft_replies(understanding, SHOPS[shop_id], at(when), history=sent(*offered))
        assert 1 <= len(drafts) <= 3
        assert len({draft.tactic for draft in drafts}) == len(drafts)


@pytest.mark.parametrize("shop_id", list(SHOPS))
def test_fallback_never_carries_a_sales_tactic(shop_id):
    for intent in INTENTS:
        message = understand(intent, "太贵了", confidence=0.2, fallback=True, product="笔记本")
        drafts = draft_replies(message, SHOPS[shop_id], at("2026-07-15 15:30").astimezone(SHANGHAI))
        assert [draft.tactic for draft in drafts] == ["clarify", "handoff"]
